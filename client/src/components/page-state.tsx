import type { ReactNode } from "react";
import type { CombinedError } from "urql";
import { requestErrorMessage } from "../lib/errors";
import { PageTitle } from "./page-title";
import { HelpLink } from "./help-link";

/** A page for an object that does not exist, or that this account may not see, with the way back. */
export function NotFound({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="narrow">
      <PageTitle>{title}</PageTitle>
      <p>{children}</p>
      <HelpLink />
    </div>
  );
}

/** While a page's object is on its way: "Memuat…", or why it could not be loaded. */
export function Loading({ fetching, error, children = "Memuat…" }: { fetching: boolean; error: CombinedError | undefined; children?: ReactNode }) {
  return fetching || !error ? (
    <p aria-busy="true">{children}</p>
  ) : (
    <p className="alert alert--error">
      {requestErrorMessage(error)} <HelpLink inline />
    </p>
  );
}

/**
 * Above a list or report: "Memuat…" until its first answer, and why the request failed. `loaded`: an answer is
 * on screen. `staleError`: the failure shows over an older answer too (filters changed, the new request failed).
 */
export function QueryState({
  fetching,
  error,
  loaded,
  staleError = false,
  children = "Memuat…",
}: {
  fetching: boolean;
  error: CombinedError | undefined;
  loaded: boolean;
  staleError?: boolean;
  children?: ReactNode;
}) {
  return (
    <>
      {fetching && !loaded && <p aria-busy="true">{children}</p>}
      {error && (staleError || !loaded) && (
        <p className="alert alert--error">
          {requestErrorMessage(error)} <HelpLink inline />
        </p>
      )}
    </>
  );
}

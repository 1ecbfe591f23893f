import type { CombinedError } from "urql";
import { graphql, useFragment as unmask, type FragmentType } from "../gql";

/**
 * The one selection of the `Error` interface every mutation spreads (`...ErrorFields`), so a mutation cannot
 * forget `field` and the API's placement of a message reaches the form.
 */
export const ErrorFieldsFragment = graphql(`
  fragment ErrorFields on Error {
    code
    message
    field
    problems {
      code
      message
      field
    }
  }
`);

/** What every member of a mutation's error union carries (the GraphQL `Error` interface). */
export interface ApiError {
  __typename?: string;
  code: string;
  message: string;
  field?: string | null;
  retryAfterSeconds?: number | null;
  /** every problem of the request (the first is the error's own code, message and field) */
  problems?: ReadonlyArray<ApiProblem>;
}

export interface ApiProblem {
  code: string;
  message: string;
  field?: string | null;
}

/** Every problem of an API error; an answer without the list (an older API) is its one problem. */
export function problemsOf(err: ApiError): ReadonlyArray<ApiProblem> {
  return err.problems?.length ? err.problems : [err];
}

/** A member of a mutation's result union that spread `...ErrorFields` (success types carry no fragment of their own). */
type MaskedError = { __typename?: string; " $fragmentRefs"?: object };

/**
 * The error a mutation answered with, or null when it answered with its success type. Fragment masking hides
 * the spread's fields from the result's type; the members of the `Error` interface carry them at run time.
 */
export function errorOf(result: MaskedError): ApiError;
export function errorOf(result: object | null | undefined): ApiError | null;
export function errorOf(result: object | null | undefined): ApiError | null {
  if (!isApiError(result)) return null;
  const fields = unmask(ErrorFieldsFragment, result as FragmentType<typeof ErrorFieldsFragment>);
  return { ...result, ...fields };
}

/** What to tell people when a mutation did not succeed: the API's own error, else what went wrong with the request. */
export function failureMessage(result: object | null | undefined, error: CombinedError | undefined | null): string | null {
  return errorOf(result)?.message ?? requestErrorMessage(error);
}

export type FieldErrors = Record<string, string>;

export function isApiError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && typeof (value as ApiError).code === "string" && typeof (value as ApiError).message === "string";
}

export const NETWORK_MESSAGE = "Tidak dapat terhubung ke server Loket. Periksa koneksi internet Anda, lalu coba lagi.";
export const UNEXPECTED_MESSAGE = "Terjadi kesalahan. Silakan coba lagi beberapa saat lagi.";

/** A request-level failure (no connection, not signed in, forbidden, server fault) as a sentence for people. */
export function requestErrorMessage(error: CombinedError | undefined | null): string | null {
  if (!error) return null;
  if (error.networkError) return NETWORK_MESSAGE;
  const first = error.graphQLErrors[0];
  // the API's own messages are Indonesian; anything else (a parse error from a stale client) is not
  const code = first?.extensions?.code;
  if (first && typeof code === "string" && code !== "GRAPHQL_VALIDATION_FAILED" && code !== "GRAPHQL_PARSE_FAILED") return first.message;
  return UNEXPECTED_MESSAGE;
}

export function errorCode(error: CombinedError | undefined | null): string | null {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === "string" ? code : null;
}

/**
 * Splits an API error into a message for each field it names that is on the form (the first message of a field
 * wins) and a message for the whole form (the problems about nothing on it). `aliases` maps API field names to
 * the form's own.
 */
export function placeError(
  result: object,
  fieldsOnForm: readonly string[],
  aliases: Record<string, string> = {},
): { fields: FieldErrors; form: string | null } {
  const err = errorOf(result);
  if (!err) return { fields: {}, form: UNEXPECTED_MESSAGE };
  const fields: FieldErrors = {};
  const rest: string[] = [];
  for (const p of problemsOf(err)) {
    const field = p.field ? (aliases[p.field] ?? p.field) : null;
    if (field && fieldsOnForm.includes(field)) fields[field] ||= p.message;
    else if (!rest.includes(p.message)) rest.push(p.message);
  }
  return { fields, form: rest.length ? rest.join(" ") : null };
}

/** The wrong fields of `order` that have a control on `form`, in order: what an error summary links to. */
export function wrongControls(form: HTMLFormElement | null, order: readonly string[], errors: FieldErrors): Array<{ name: string; control: HTMLElement }> {
  if (!form) return [];
  return order.flatMap((name) => {
    const control = errors[name] ? form.querySelector<HTMLElement>(`[name="${name}"]`) : null;
    return control ? [{ name, control }] : [];
  });
}

/** An error summary is shown (and takes focus) from this many wrong fields; one field takes focus itself. */
export const SUMMARY_FROM = 2;

/**
 * Moves keyboard focus to the first field with an error, so screen-reader users hear it at once; when the form
 * has an error summary (`<ErrorSummary>`) and it will list several fields, the summary takes focus instead.
 */
export function focusFirstError(form: HTMLFormElement | null, order: readonly string[], errors: FieldErrors): void {
  const wrong = wrongControls(form, order, errors);
  if (wrong.length >= SUMMARY_FROM && form?.querySelector("[data-error-summary]")) return; // the summary focuses itself once shown
  wrong[0]?.control.focus();
}

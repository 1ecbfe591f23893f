import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { Provider, useQuery } from "urql";
import { graphql } from "../gql";
import type { SessionQuery as SessionQueryResult } from "../gql/graphql";
import { createLoketClient, type LoketClient } from "./client";
import { connection } from "./connection";
import { forgetBrowserDrafts } from "./browser-draft-store";
import { DESK_ROLES, roleWorks, type DeskName, type Role, isCitizen as isCitizenRole } from "../../../server/shared/roles";

const SessionQuery = graphql(`
  query Session {
    me {
      id
      namaLengkap
      role
      status
      penandatangan
      instansi {
        id
        nama
      }
    }
  }
`);

export type Me = NonNullable<SessionQueryResult["me"]>;

export interface SessionValue {
  /** the signed-in account; null when signed out; undefined until known */
  me: Me | null | undefined;
  /** true while the first answer is awaited */
  loading: boolean;
  /** Call after login, registration or logout: a fresh client carries the new cookie and an empty cache. */
  restart(): void;
  /** Fetch `me` again (e.g. after the account's status changed). */
  refresh(): void;
}

const SessionContext = createContext<SessionValue>({ me: null, loading: false, restart: () => {}, refresh: () => {} });

export function useSession(): SessionValue {
  return useContext(SessionContext);
}

type WithRole = { role: Role } | null | undefined;

/**
 * Whether someone's role works a desk (server/shared/roles.ts; SUPERADMIN every desk), whatever their account's
 * status: for choosing what a page shows. The server's policy decides what they may do.
 */
export function worksDesk(who: WithRole, desk: DeskName): boolean {
  return !!who && roleWorks(who.role, DESK_ROLES[desk]);
}

/** SUPERADMIN: the whole install (the only role on the `superadmin` desk). */
export function isSuperadmin(who: WithRole): boolean {
  return worksDesk(who, "superadmin");
}

/** A citizen's account (PEMOHON): applies for services, files complaints, asks for information. */
export function isCitizen(who: WithRole): boolean {
  return !!who && isCitizenRole(who.role);
}

export function isActiveAdmin(me: Me | null | undefined): boolean {
  return !!me && me.status === "AKTIF" && worksDesk(me, "admin");
}

function SessionProvider({ loket, restart, children }: { loket: LoketClient; restart: () => void; children: ReactNode }) {
  const [{ data, fetching, error }, reexecute] = useQuery({ query: SessionQuery });
  const refresh = useCallback(() => reexecute({ requestPolicy: "network-only" }), [reexecute]);
  // After login, registration or logout the new client asks again, and until it answers urql still holds the
  // previous client's answer: the page just opened would show the signed-out menu (or the previous account's)
  // to someone who has just logged in. The session is unknown until the client in use has answered.
  const [answeredBy, setAnsweredBy] = useState(loket);
  useEffect(() => {
    if (!fetching) setAnsweredBy(loket);
  }, [fetching, loket]);
  const stale = answeredBy !== loket;
  const me = stale ? undefined : data ? (data.me ?? null) : error ? null : undefined;
  // signed out: the unsent form text this tab kept goes with the session (lib/browser-draft.ts)
  useEffect(() => {
    if (me === null) forgetBrowserDrafts();
  }, [me]);
  return <SessionContext.Provider value={{ me, loading: stale || (fetching && !data), restart, refresh }}>{children}</SessionContext.Provider>;
}

/** The urql client and the session, for the whole app. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [loket, setLoket] = useState<LoketClient>(() => createLoketClient(connection));
  const current = useRef(loket);
  current.current = loket;
  const restart = useCallback(() => {
    const previous = current.current;
    const next = createLoketClient(connection);
    current.current = next;
    setLoket(next);
    previous.dispose();
  }, []);
  return (
    <Provider value={loket.client}>
      <SessionProvider loket={loket} restart={restart}>
        {children}
      </SessionProvider>
    </Provider>
  );
}

/** For tests and stories: a fixed session around the given children. */
export function StaticSession({ value, children }: { value: Partial<SessionValue>; children: ReactNode }) {
  return <SessionContext.Provider value={{ me: null, loading: false, restart: () => {}, refresh: () => {}, ...value }}>{children}</SessionContext.Provider>;
}

/** An active officer or admin who works the service desk (the queue, the complaint desk): the server's policy decides. */
export function isActiveStaff(me: Me | null | undefined): boolean {
  return !!me && me.status === "AKTIF" && worksDesk(me, "layanan");
}

/** An active citizen (the only role that applies for services and files complaints online). */
export function isActiveCitizen(me: Me | null | undefined): boolean {
  return !!me && me.status === "AKTIF" && isCitizen(me);
}

/** The PPID desk: the PPID, the PPID's superior, and the instansi's admins (the server's policy decides). */
export function isActivePpidDesk(me: Me | null | undefined): boolean {
  return !!me && me.status === "AKTIF" && worksDesk(me, "ppid");
}

import type { Context } from "../context";
import type { ApiScope, Role } from "../generated/prisma/enums";
import { clientHas } from "./caller";
import { DESK_ROLES, isCitizen, roleWorks, type Role as SharedRole } from "../shared/roles";

/**
 * Who may do what, declared once. Each domain has a `policy.ts` holding its catalogue of actions
 * ("pengajuan:lihat", "akun:kelola", "webhook:kelola", …); server/policy.ts joins the catalogues. The same `can` answers the
 * Pothos field scope (`authScopes: { can: { action, on } }`, see schema/builder.ts) and the services
 * (`assertCan` / `can` at the start of each method), so a list and the rows in it can never disagree.
 *
 * An action is declarative: which desk may do it (roles of the instansi, SUPERADMIN always, API clients by
 * scope), whether the case's owner may, whether the API client a row belongs to may, whether only people (no
 * API client) may. Rules that depend on more than one resource (whose account an ADMIN administers, which roles
 * one may give) are small functions in the domain's policy.ts over its catalogue. In the domains that have a
 * policy, no role is compared anywhere else.
 */

/** Who asks: a signed-in person, an API client (another system), or nobody. */
export type Caller = Pick<Context, "viewer" | "client">;

/** A desk: the roles of an instansi that work it (SUPERADMIN works every desk) and the API scopes that reach it. */
export interface Desk {
  roles: readonly Role[];
  clients: readonly ApiScope[];
}

/** The instansi's administration (accounts, API clients): its ADMIN and SUPERADMIN; no API client. */
export const MEJA_ADMIN: Desk = { roles: DESK_ROLES.admin, clients: [] };
/** What belongs to no instansi (SUPERADMIN accounts, the audit trail, every client's webhooks): SUPERADMIN only. */
export const MEJA_SUPERADMIN: Desk = { roles: DESK_ROLES.superadmin, clients: [] };

/** What an action is checked against: the instansi, and for a case its owner and the client that recorded it. */
export interface Resource {
  instansiId: string;
  pemohonId?: string | null;
  pelaporId?: string | null;
  dicatatOlehKlienId?: string | null;
  /** the API client the resource belongs to (the client's own record, its webhook subscriptions) */
  klienId?: string | null;
}

export interface ActionRule {
  /** the desk that may do it, for a resource of its own instansi */
  desk?: Desk;
  /** any active citizen (PEMOHON) may: starting a case of their own, at any instansi */
  citizens?: boolean;
  /** the owner of the case may do it: the resource field naming the owner */
  owner?: "pemohonId" | "pelaporId";
  /** the API client that recorded the case may (a channel gateway reading back what it recorded) */
  recorder?: boolean;
  /** people only: an API client never may, whatever its scopes (e.g. a signed internal note) */
  peopleOnly?: boolean;
  /**
   * A list or feed: the action each of its rows needs. Whoever may see the list must see every row of its
   * instansi, and whoever may see any such row (not as its owner) must see the list (checked in policy.test.ts).
   */
  rows?: string;
  /**
   * The API client the resource belongs to (`klienId`) may, when it holds one of these scopes ([]: whatever its
   * scopes): a client manages its own webhooks, not those of another client of the same instansi.
   */
  ownClient?: readonly ApiScope[];
}

/** `on: ANY` in a field scope: could the caller do this to some resource? (a mutation by id, before the row is read) */
export const ANY = "any" as const;

export function activeViewer(c: Caller) {
  const v = c.viewer;
  return v && v.status === "AKTIF" ? v : null;
}

/** An active SUPERADMIN (who works every desk of every instansi). */
export function isSuperadmin(c: Caller): boolean {
  return activeViewer(c)?.role === "SUPERADMIN";
}

// the Prisma enum and the shared list are the same roles (a new role must be added to both)
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const rolesMatch: Same<Role, SharedRole> = true;
void rolesMatch;

/** Works `desk` for `instansiId` (or, with ANY, for some instansi). */
export function onDesk(c: Caller, desk: Desk, instansiId: string | typeof ANY, peopleOnly = false): boolean {
  const v = activeViewer(c);
  if (v) return roleWorks(v.role, desk.roles) && (v.role === "SUPERADMIN" || instansiId === ANY || v.instansiId === instansiId);
  if (peopleOnly || c.viewer) return false; // a pending or suspended person is nobody's desk
  return clientHas(c, desk.clients, instansiId === ANY ? undefined : instansiId);
}

/** Is the caller the case's owner (an active account)? */
export function isOwner(c: Caller, rule: ActionRule, r: Resource | typeof ANY): boolean {
  if (!rule.owner) return false;
  const v = activeViewer(c);
  if (!v) return false;
  if (r === ANY) return true;
  const owner = r[rule.owner];
  return !!owner && owner === v.id;
}

/** Is the caller the API client the resource belongs to, holding one of the rule's scopes? */
function isOwnClient(c: Caller, rule: ActionRule, r: Resource | typeof ANY): boolean {
  if (!rule.ownClient || !c.client || c.viewer) return false;
  if (rule.ownClient.length > 0 && !clientHas(c, rule.ownClient)) return false;
  return r === ANY || (!!r.klienId && r.klienId === c.client.id);
}

export function allows(rule: ActionRule, c: Caller, r: Resource | typeof ANY): boolean {
  if (rule.citizens && isCitizen(activeViewer(c)?.role)) return true;
  if (isOwner(c, rule, r)) return true;
  if (isOwnClient(c, rule, r)) return true;
  if (rule.desk && onDesk(c, rule.desk, r === ANY ? ANY : r.instansiId, rule.peopleOnly)) return true;
  // who recorded a case is known only on the row: never granted "on some resource"
  return !!rule.recorder && r !== ANY && !!c.client && !c.viewer && !!r.dicatatOlehKlienId && r.dicatatOlehKlienId === c.client.id;
}

/** A domain's catalogue, typed so each action name is checked where it is used. */
export function catalogue<const T extends Record<string, ActionRule>>(rules: T): T {
  return rules;
}

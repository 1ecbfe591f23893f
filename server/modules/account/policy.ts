import type { Role } from "../../generated/prisma/enums";
import { ANY, MEJA_ADMIN, MEJA_SUPERADMIN, activeViewer, allows, catalogue, type Caller, type Resource } from "../../lib/policy";

/**
 * Who may administer whose account. Citizens belong to no single office: any office's admin may activate
 * them; an ADMIN administers the staff of their own instansi, never a SUPERADMIN; SUPERADMIN anyone. Nobody
 * administers their own account (`mayAdminister`).
 */
export const AKUN_POLICY = catalogue({
  /** the accounts one administers (`users`): citizens, and the staff of one's instansi (SUPERADMIN: all) */
  "akun:lihatDaftar": { desk: MEJA_ADMIN, rows: "akun:kelola" },
  /** a staff account of the instansi: see it with its NIK/NIP, activate, reject, suspend, reinstate */
  "akun:kelola": { desk: MEJA_ADMIN },
  /** a citizen's account, on ANY: a citizen belongs to no instansi */
  "akun:kelolaPemohon": { desk: MEJA_ADMIN },
  /** an account of no instansi that is not a citizen's: a SUPERADMIN */
  "akun:kelolaSuperadmin": { desk: MEJA_SUPERADMIN },
  /** give a staff role of the instansi (create a staff account, change an account's role) */
  "akun:beriPeran": { desk: MEJA_ADMIN },
  /** give a role of no instansi (SUPERADMIN, or back to PEMOHON) */
  "akun:beriPeranTanpaInstansi": { desk: MEJA_SUPERADMIN },
});

type AkunAction = keyof typeof AKUN_POLICY;

/** The roles that belong to no instansi. */
const ROLES_WITHOUT_INSTANSI: readonly Role[] = ["SUPERADMIN", "PEMOHON"];

export function roleHasInstansi(role: Role): boolean {
  return !ROLES_WITHOUT_INSTANSI.includes(role);
}

/** What administering `subject` is checked as: the action for its kind of account, on its instansi. */
export function administering(subject: { role: Role; instansiId: string | null }): { action: AkunAction; on: Resource | typeof ANY } {
  if (subject.role === "PEMOHON") return { action: "akun:kelolaPemohon", on: ANY };
  if (subject.instansiId && subject.role !== "SUPERADMIN") return { action: "akun:kelola", on: { instansiId: subject.instansiId } };
  return { action: "akun:kelolaSuperadmin", on: ANY };
}

function isSelf(c: Caller, subject: { id: string }): boolean {
  return !!c.viewer && c.viewer.id === subject.id;
}

/** May the caller administer this account (never their own)? */
export function mayAdminister(c: Caller, subject: { id: string; role: Role; instansiId: string | null }): boolean {
  if (isSelf(c, subject)) return false;
  const { action, on } = administering(subject);
  return allows(AKUN_POLICY[action], c, on);
}

/** May the caller see this account: its owner (whatever its status: a pending account reads itself), or who administers it. */
export function maySeeAccount(c: Caller, subject: { id: string; role: Role; instansiId: string | null }): boolean {
  return isSelf(c, subject) || mayAdminister(c, subject);
}

/** May the caller give `role` for `instansiId`: a staff role for an instansi, or a role of none with none. */
export function mayAssignRole(c: Caller, role: Role, instansiId: string | null): boolean {
  if (!roleHasInstansi(role)) return instansiId === null && allows(AKUN_POLICY["akun:beriPeranTanpaInstansi"], c, ANY);
  return instansiId !== null && allows(AKUN_POLICY["akun:beriPeran"], c, { instansiId });
}

/** The accounts the `users` list holds for the caller: all of them, or citizens and the staff of one instansi. */
export function administeredAccounts(c: Caller): { all: true } | { citizensAndStaffOf: string | null } {
  if (allows(AKUN_POLICY["akun:kelolaSuperadmin"], c, ANY)) return { all: true };
  return { citizensAndStaffOf: activeViewer(c)?.instansiId ?? null };
}

/**
 * May the caller read this person's identity documents (KTP/KK photo, SK): the person themselves, and the admins
 * who may activate the account — never anyone else, never publicly (UU 27/2022: data pribadi). The GraphQL field
 * and the download route (server/downloads.ts) both ask this.
 */
export function mayReadBerkasIdentitas(c: Caller, subject: { id: string; role: Role; instansiId: string | null }): boolean {
  return isSelf(c, subject) || mayAdminister(c, subject);
}

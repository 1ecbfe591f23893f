import type { AccountActionKind, AccountStatus, Role } from "../../generated/prisma/enums";
import { STAFF_ROLES } from "../../shared/roles";

/** Admin actions on an account: from which statuses each is allowed, what it leads to, whether a reason is required. */
export const ACCOUNT_TRANSITIONS = {
  AKTIVASI: { from: ["MENUNGGU_AKTIVASI", "DITOLAK"], to: "AKTIF", reasonRequired: false },
  TOLAK: { from: ["MENUNGGU_AKTIVASI"], to: "DITOLAK", reasonRequired: true },
  TANGGUHKAN: { from: ["AKTIF"], to: "DITANGGUHKAN", reasonRequired: true },
  PULIHKAN: { from: ["DITANGGUHKAN"], to: "AKTIF", reasonRequired: false },
} as const satisfies Record<string, { from: readonly AccountStatus[]; to: AccountStatus; reasonRequired: boolean }>;

export type AccountTransition = keyof typeof ACCOUNT_TRANSITIONS;

export function nextAccountStatus(action: AccountTransition, current: AccountStatus): AccountStatus | null {
  const rule = ACCOUNT_TRANSITIONS[action];
  return (rule.from as readonly AccountStatus[]).includes(current) ? rule.to : null;
}

export const STATUS_LABEL: Record<AccountStatus, string> = {
  MENUNGGU_AKTIVASI: "menunggu aktivasi",
  AKTIF: "aktif",
  DITOLAK: "ditolak",
  DITANGGUHKAN: "ditangguhkan",
};

export const ACTION_LABEL: Record<AccountActionKind, string> = {
  DAFTAR: "Pendaftaran akun",
  AKTIVASI: "Akun diaktifkan",
  TOLAK: "Pendaftaran ditolak",
  TANGGUHKAN: "Akun ditangguhkan",
  PULIHKAN: "Akun dipulihkan",
  UBAH_PERAN: "Peran diubah",
};

export interface Actor {
  id: string;
  role: Role;
  instansiId: string | null;
}
export interface Subject {
  id: string;
  role: Role;
  instansiId: string | null;
}

// the admin pages offer the same roles
export { STAFF_ROLES };

/**
 * Who may administer whose account: SUPERADMIN anyone but themself; an instansi ADMIN any citizen
 * (citizens belong to no single office: any office's admin may activate them) and the staff of their own
 * instansi, never a SUPERADMIN. Nobody administers their own account.
 */
export function canAdminister(actor: Actor, subject: Subject): boolean {
  if (actor.id === subject.id) return false;
  if (actor.role === "SUPERADMIN") return true;
  if (actor.role !== "ADMIN") return false;
  if (subject.role === "PEMOHON") return true;
  return subject.role !== "SUPERADMIN" && subject.instansiId !== null && subject.instansiId === actor.instansiId;
}

/** Which roles an actor may give, and for which instansi. */
export function canAssignRole(actor: Actor, role: Role, instansiId: string | null): boolean {
  if (actor.role === "SUPERADMIN") return role === "SUPERADMIN" || role === "PEMOHON" ? instansiId === null : instansiId !== null;
  if (actor.role === "ADMIN") return STAFF_ROLES.includes(role) && instansiId !== null && instansiId === actor.instansiId;
  return false;
}

// the service forms check contact details the same way, in the browser too
export { normalizeEmail, normalizePhone } from "../../shared/contact";

export function normalizeName(raw: string): string | null {
  const s = raw.trim().replace(/\s+/g, " ");
  return s.length >= 2 && s.length <= 120 && /^[\p{L}\p{M}' .,-]+$/u.test(s) ? s : null;
}

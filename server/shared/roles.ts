/**
 * Roles and desks: who works where, as plain data both the server's policies and the web client read.
 * The Prisma enum `Role` must equal `ROLES` (checked at compile time in server/lib/policy.ts).
 */

export const ROLES = ["PEMOHON", "PETUGAS", "ADMIN", "SUPERADMIN", "PPID", "ATASAN_PPID"] as const;
export type Role = (typeof ROLES)[number];

/** A citizen (applicant) rather than staff: what the policies and the applicant's view of who acted read. */
export function isCitizen(role: Role | undefined): boolean {
  return role === "PEMOHON";
}

/** The roles that belong to an instansi's staff (each needs an instansi); ADMIN gives only these. */
export const STAFF_ROLES: readonly Role[] = ["PETUGAS", "ADMIN", "PPID", "ATASAN_PPID"];

/**
 * The roles of an instansi that work each desk. SUPERADMIN works every desk of every instansi and is never
 * listed. The server's policies (server/modules/<domain>/policy.ts) add which API-client scopes reach a desk.
 */
export const DESK_ROLES = {
  /** the service desk: queue, cases, complaints */
  layanan: ["PETUGAS", "ADMIN"],
  /** the PPID desk: information requests and objections */
  ppid: ["PPID", "ATASAN_PPID", "ADMIN"],
  /** the PPID's superior: decides objections */
  atasanPpid: ["ATASAN_PPID"],
  /** the instansi's administration: its services, accounts, calendar, categories, API clients */
  admin: ["ADMIN"],
  /** staff statistics: every staff role of the instansi */
  statistik: ["PETUGAS", "ADMIN", "PPID", "ATASAN_PPID"],
  /** SUPERADMIN only (the whole install: instansi codes, audit trail) */
  superadmin: [],
} as const satisfies Record<string, readonly Role[]>;

export type DeskName = keyof typeof DESK_ROLES;

/** Whether a person with this role works a desk of these roles (of their instansi; SUPERADMIN every desk). */
export function roleWorks(role: Role, roles: readonly Role[]): boolean {
  return role === "SUPERADMIN" || roles.includes(role);
}

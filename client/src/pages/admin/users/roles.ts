import { STAFF_ROLES } from "../../../../../server/shared/roles";
import { useQuery } from "urql";
import type { Role } from "../../../gql/graphql";
import { requestErrorMessage } from "../../../lib/errors";
import { ROLE_LABEL } from "../../../lib/labels";
import { PenggunaInstansiQuery } from "./documents";

export type Office = { id: string; nama: string; aktif: boolean };

export { STAFF_ROLES };

export const ALL_ROLES: readonly Role[] = [...STAFF_ROLES, "SUPERADMIN", "PEMOHON"];

/** What each role may do, for the person choosing one. */
const ROLE_HINT: Record<Role, string> = {
  PETUGAS: "melayani antrian pengajuan dan meja pengaduan",
  ADMIN: "seperti petugas, ditambah mengelola layanan, akun, kalender, dan klien API instansi",
  PPID: "menjawab permohonan informasi publik",
  ATASAN_PPID: "menanggapi keberatan atas jawaban PPID",
  SUPERADMIN: "mengelola seluruh instansi, hari libur nasional, dan log audit",
  PEMOHON: "warga: mengajukan layanan dan pengaduan (bukan staf)",
};

export const needsInstansi = (role: Role) => STAFF_ROLES.includes(role);

export const roleHint = (role: Role) => `${ROLE_LABEL[role]}: ${ROLE_HINT[role]}.`;

export const roleOptions = (roles: readonly Role[]) => roles.map((r) => ({ id: r, nama: ROLE_LABEL[r] }));

export const officeOptions = (offices: Office[]) => offices.map((o) => ({ id: o.id, nama: `${o.nama}${o.aktif ? "" : " (nonaktif)"}` }));

export function useOffices(superadmin: boolean): Office[] {
  const [{ data }] = useQuery({ query: PenggunaInstansiQuery, pause: !superadmin });
  return data?.instansiList ?? [];
}

/** A message the API gave outside the result union (e.g. not allowed to give that role). */
export function refusal(error: Parameters<typeof requestErrorMessage>[0]): string {
  return requestErrorMessage(error) ?? "Terjadi kesalahan. Silakan coba lagi.";
}

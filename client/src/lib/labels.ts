import type { AccountStatus, HolidayKind, Role } from "../gql/graphql";

export const STATUS_LABEL: Record<AccountStatus, string> = {
  MENUNGGU_AKTIVASI: "Menunggu aktivasi",
  AKTIF: "Aktif",
  DITOLAK: "Ditolak",
  DITANGGUHKAN: "Ditangguhkan",
};

export const ROLE_LABEL: Record<Role, string> = {
  PEMOHON: "Pemohon",
  PETUGAS: "Petugas",
  ADMIN: "Admin instansi",
  SUPERADMIN: "Superadmin",
  PPID: "PPID",
  ATASAN_PPID: "Atasan PPID",
};

export const HOLIDAY_KIND_LABEL: Record<HolidayKind, string> = {
  LIBUR_NASIONAL: "Libur nasional",
  CUTI_BERSAMA: "Cuti bersama",
};

export const DAY_NAMES = ["", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"] as const;

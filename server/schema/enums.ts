import { builder } from "./builder";

export const Role = builder.enumType("Role", {
  values: ["PEMOHON", "PETUGAS", "ADMIN", "SUPERADMIN", "PPID", "ATASAN_PPID"] as const,
  description: "PEMOHON citizen; PETUGAS officer; ADMIN of an instansi; SUPERADMIN of the deployment; PPID officer; ATASAN_PPID, the PPID's superior",
});
export const AccountStatus = builder.enumType("AccountStatus", {
  values: {
    MENUNGGU_AKTIVASI: {},
    AKTIF: {},
    DITOLAK: {},
    DITANGGUHKAN: {},
    TAMU: {
      description:
        "Recorded at the counter for a person without an account (pengajuan/walk-in.ts): cannot sign in; registering with the same NIK takes the record and its cases over",
    },
  } as const,
});
export const IdentityType = builder.enumType("IdentityType", { values: ["NIK", "NIP"] as const });
export const HolidayKind = builder.enumType("HolidayKind", { values: ["LIBUR_NASIONAL", "CUTI_BERSAMA"] as const });
export const ComplaintDeadlineRule = builder.enumType("ComplaintDeadlineRule", {
  values: ["HARI_KERJA", "JAM_KALENDER"] as const,
  description: 'How "2x24 jam" is counted: HARI_KERJA two working days on the office calendar; JAM_KALENDER 48 clock hours',
});

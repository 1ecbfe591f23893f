import type { AccountStatus, HolidayKind, Role } from "../gql/graphql";

export const STATUS_LABEL: Record<AccountStatus, string> = {
  MENUNGGU_AKTIVASI: "Menunggu aktivasi",
  AKTIF: "Aktif",
  DITOLAK: "Ditolak",
  DITANGGUHKAN: "Ditangguhkan",
  TAMU: "Tercatat di loket (belum mendaftar)",
};

export const ROLE_LABEL: Record<Role, string> = {
  PEMOHON: "Pemohon",
  PETUGAS: "Petugas",
  ADMIN: "Admin instansi",
  SUPERADMIN: "Superadmin",
  PPID: "PPID",
  ATASAN_PPID: "Atasan PPID",
};

/** A role with the office it is held at: "Admin instansi — Kecamatan Contoh". */
export function roleText(user: { role: Role; instansi?: { nama: string } | null }): string {
  return `${ROLE_LABEL[user.role]}${user.instansi ? ` — ${user.instansi.nama}` : ""}`;
}

export const HOLIDAY_KIND_LABEL: Record<HolidayKind, string> = {
  LIBUR_NASIONAL: "Libur nasional",
  CUTI_BERSAMA: "Cuti bersama",
};

export const DAY_NAMES = ["", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"] as const;

import type { KanalPengaduan, PengaduanStatus, PengajuanStatus, SlaSatuan } from "../gql/graphql";

// the API's own wording, so a tab, a badge, a button and the Log Pengajuan always say the same thing
export { AKSI_PENGAJUAN_LABEL, KANAL_KONSULTASI_LABEL, PENGADUAN_STATUS_LABEL, PENGAJUAN_STATUS_LABEL } from "../../../server/shared/labels";
import { KANAL_PENGADUAN_LABEL, PENGAJUAN_FINAL_STATUSES, PENGAJUAN_STATUSES } from "../../../server/shared/labels";

export const PENGAJUAN_TONE: Record<PengajuanStatus, "ok" | "pending" | "bad" | "closed" | "info"> = {
  DRAFT: "closed",
  DIAJUKAN: "info",
  PERLU_PERBAIKAN: "pending",
  MENUNGGU_KUNJUNGAN: "pending",
  DIVERIFIKASI: "info",
  DIPROSES: "info",
  MENUNGGU_TTD: "info",
  SELESAI: "ok",
  SIAP_DIAMBIL: "ok",
  DIAMBIL: "ok",
  DITOLAK: "bad",
  DIBATALKAN: "closed",
};

export const PENGADUAN_TONE: Record<PengaduanStatus, "ok" | "pending" | "bad" | "closed" | "info"> = {
  DITERIMA: "pending",
  DIVERIFIKASI: "info",
  DITINDAKLANJUTI: "info",
  SELESAI: "ok",
  DITOLAK: "bad",
};

export const KANAL_LABEL: Readonly<Record<KanalPengaduan, string>> = KANAL_PENGADUAN_LABEL;

export const SLA_SATUAN_LABEL: Record<SlaSatuan, string> = {
  MENIT: "menit (jam buka kantor)",
  JAM_KERJA: "jam kerja",
  HARI_KERJA: "hari kerja",
};

/** The statuses a request is still moving through (the staff queue's default view). */
export const CLOSED_STATUSES: PengajuanStatus[] = [...PENGAJUAN_FINAL_STATUSES];
export const OPEN_STATUSES: PengajuanStatus[] = PENGAJUAN_STATUSES.filter((s) => s !== "DRAFT" && !CLOSED_STATUSES.includes(s));

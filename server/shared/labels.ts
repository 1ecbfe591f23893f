/**
 * The words for the states and actions of a pengajuan and a pengaduan, one wording for the API's messages and
 * `statusLabel` fields, the web client's badges and tabs, and the Log Pengajuan. The state machines themselves
 * stay on the server (server/modules/pengajuan/transitions.ts, server/modules/pengaduan/transitions.ts); the Prisma
 * enums and the transitions' action types are checked equal to these unions at compile time
 * (server/lib/shared-enums.ts).
 */

export const PENGAJUAN_STATUSES = [
  "DRAFT",
  "DIAJUKAN",
  "PERLU_PERBAIKAN",
  "MENUNGGU_KUNJUNGAN",
  "DIVERIFIKASI",
  "DIPROSES",
  "MENUNGGU_TTD",
  "SELESAI",
  "SIAP_DIAMBIL",
  "DIAMBIL",
  "DITOLAK",
  "DIBATALKAN",
] as const;
export type PengajuanStatus = (typeof PENGAJUAN_STATUSES)[number];

export const AKSI_PENGAJUAN = [
  "AJUKAN",
  "MINTA_PERBAIKAN",
  "MINTA_KUNJUNGAN",
  "VERIFIKASI",
  "PROSES",
  "SELESAIKAN",
  "AJUKAN_TTD",
  "TANDATANGANI",
  "KEMBALIKAN_SURAT",
  "SIAPKAN_PENGAMBILAN",
  "SERAHKAN",
  "TOLAK",
  "BATALKAN",
] as const;
export type AksiPengajuan = (typeof AKSI_PENGAJUAN)[number];

/** The states a pengajuan ends in: nothing more happens to it, and no deadline is shown. */
export const PENGAJUAN_FINAL_STATUSES: readonly PengajuanStatus[] = ["SELESAI", "DIAMBIL", "DITOLAK", "DIBATALKAN"];

export const PENGADUAN_STATUSES = ["DITERIMA", "DIVERIFIKASI", "DITOLAK", "DITINDAKLANJUTI", "SELESAI"] as const;
export type PengaduanStatus = (typeof PENGADUAN_STATUSES)[number];

export const PENGAJUAN_STATUS_LABEL: Readonly<Record<PengajuanStatus, string>> = {
  DRAFT: "Draf",
  DIAJUKAN: "Diajukan",
  PERLU_PERBAIKAN: "Perlu perbaikan",
  MENUNGGU_KUNJUNGAN: "Menunggu kunjungan ke kantor",
  DIVERIFIKASI: "Diverifikasi",
  DIPROSES: "Diproses",
  MENUNGGU_TTD: "Menunggu tanda tangan",
  SELESAI: "Selesai",
  SIAP_DIAMBIL: "Siap diambil",
  DIAMBIL: "Sudah diambil",
  DITOLAK: "Ditolak",
  DIBATALKAN: "Dibatalkan",
};

/** The buttons' words for each action on a pengajuan. */
export const AKSI_PENGAJUAN_LABEL: Readonly<Record<AksiPengajuan, string>> = {
  AJUKAN: "Ajukan",
  MINTA_PERBAIKAN: "Minta perbaikan",
  MINTA_KUNJUNGAN: "Minta datang ke kantor",
  VERIFIKASI: "Nyatakan lengkap (verifikasi)",
  PROSES: "Proses",
  SELESAIKAN: "Selesaikan",
  AJUKAN_TTD: "Buat surat hasil",
  TANDATANGANI: "Tandatangani surat",
  KEMBALIKAN_SURAT: "Kembalikan surat",
  SIAPKAN_PENGAMBILAN: "Siap diambil di kantor",
  SERAHKAN: "Serahkan dokumen",
  TOLAK: "Tolak",
  BATALKAN: "Batalkan",
};

export const PENGADUAN_STATUS_LABEL: Readonly<Record<PengaduanStatus, string>> = {
  DITERIMA: "Diterima",
  DIVERIFIKASI: "Diverifikasi",
  DITOLAK: "Ditolak",
  DITINDAKLANJUTI: "Ditindaklanjuti",
  SELESAI: "Selesai",
};

/** How a question reached the helpdesk (the consultations' page and the statistics). */
export const KANAL_KONSULTASI_LABEL: Readonly<Record<"TELEPON" | "LANGSUNG" | "WHATSAPP" | "EMAIL", string>> = {
  TELEPON: "Telepon",
  LANGSUNG: "Datang langsung",
  WHATSAPP: "WhatsApp",
  EMAIL: "Email",
};

export const KANAL_PENGADUAN = ["WEB", "LANGSUNG", "KOTAK_SARAN", "TELEPON", "WHATSAPP"] as const;
export type KanalPengaduan = (typeof KANAL_PENGADUAN)[number];

/** How a complaint reached the office, as statistics and complaint pages name the channel. */
export const KANAL_PENGADUAN_LABEL: Readonly<Record<KanalPengaduan, string>> = {
  WEB: "Situs Loket",
  LANGSUNG: "Datang langsung",
  KOTAK_SARAN: "Kotak saran",
  TELEPON: "Telepon",
  WHATSAPP: "WhatsApp",
};

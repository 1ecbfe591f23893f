// the shared union (checked equal to the Prisma enum) keeps this table readable by the web client without Prisma
import type { PengaduanStatus } from "../../shared/labels";

/**
 * Complaint flow (Pekalongan FAQ; Jogonalan SP): one table of (actor × state × action) → next state. Pure.
 *   DITERIMA ─VERIFIKASI→ DIVERIFIKASI ─TINDAK_LANJUT→ DITINDAKLANJUTI ─SELESAIKAN→ SELESAI
 *        └─TOLAK→ DITOLAK (does not meet the requirements, with a reason)
 *   further responses: TINDAK_LANJUT again on DITINDAKLANJUTI
 *   the reporter may say the result is unsatisfactory once: TIDAK_PUAS, SELESAI → DIVERIFIKASI (new deadline)
 * The "2x24 jam" follow-up deadline runs from verification until the first follow-up.
 */
export type AksiPengaduan = "VERIFIKASI" | "TOLAK" | "TINDAK_LANJUT" | "SELESAIKAN" | "TIDAK_PUAS";
export type PelakuPengaduan = "PELAPOR" | "STAF";

interface Rule {
  pelaku: PelakuPengaduan;
  dari: readonly PengaduanStatus[];
  ke: PengaduanStatus;
  wajibPesan: boolean;
}

export const PENGADUAN_TRANSITIONS: Readonly<Record<AksiPengaduan, Rule>> = {
  VERIFIKASI: { pelaku: "STAF", dari: ["DITERIMA"], ke: "DIVERIFIKASI", wajibPesan: false },
  TOLAK: { pelaku: "STAF", dari: ["DITERIMA"], ke: "DITOLAK", wajibPesan: true },
  TINDAK_LANJUT: { pelaku: "STAF", dari: ["DIVERIFIKASI", "DITINDAKLANJUTI"], ke: "DITINDAKLANJUTI", wajibPesan: true },
  SELESAIKAN: { pelaku: "STAF", dari: ["DITINDAKLANJUTI"], ke: "SELESAI", wajibPesan: true },
  TIDAK_PUAS: { pelaku: "PELAPOR", dari: ["SELESAI"], ke: "DIVERIFIKASI", wajibPesan: true },
};

export const AKSI_PENGADUAN = Object.keys(PENGADUAN_TRANSITIONS) as AksiPengaduan[];

export function nextPengaduan(pelaku: PelakuPengaduan, status: PengaduanStatus, aksi: AksiPengaduan, sudahDibukaKembali: boolean): PengaduanStatus | null {
  const rule = PENGADUAN_TRANSITIONS[aksi];
  if (rule.pelaku !== pelaku || !rule.dari.includes(status)) return null;
  if (aksi === "TIDAK_PUAS" && sudahDibukaKembali) return null;
  return rule.ke;
}

export function aksiPengaduanTersedia(pelaku: PelakuPengaduan, status: PengaduanStatus, sudahDibukaKembali: boolean): AksiPengaduan[] {
  return AKSI_PENGADUAN.filter((a) => nextPengaduan(pelaku, status, a, sudahDibukaKembali) !== null);
}

// the words live with the client's in server/shared/labels.ts; the API's messages use the same
export { PENGADUAN_STATUS_LABEL } from "../../shared/labels";

export const FINAL_PENGADUAN: readonly PengaduanStatus[] = ["SELESAI", "DITOLAK"];

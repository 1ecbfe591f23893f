import type { PengajuanStatus } from "../../generated/prisma/enums";
import { PENGAJUAN_FINAL_STATUSES } from "../../shared/labels";

/**
 * The pengajuan state machine: one table of (actor × state × action) → next state. Pure.
 *
 *   DRAFT ─AJUKAN→ DIAJUKAN ─VERIFIKASI→ DIVERIFIKASI ─PROSES→ DIPROSES ─SELESAIKAN→ SELESAI
 *                     │  ↑                    │                   │      └─SIAPKAN_PENGAMBILAN→ SIAP_DIAMBIL ─SERAHKAN→ DIAMBIL
 *       MINTA_PERBAIKAN  AJUKAN (resubmit)    └──MINTA_PERBAIKAN──┘
 *                     ↓  │
 *                PERLU_PERBAIKAN
 *   TOLAK (staff, with a reason) from any step before the result: DIAJUKAN, PERLU_PERBAIKAN, DIVERIFIKASI, DIPROSES.
 *   BATALKAN (applicant) before processing starts: DRAFT, DIAJUKAN, PERLU_PERBAIKAN, DIVERIFIKASI.
 *
 * The SLA clock runs from DIVERIFIKASI (documents declared complete, MasPeci 8.1) and waits while the
 * applicant is asked to fix something (PERLU_PERBAIKAN).
 */
export type Aksi =
  | "AJUKAN"
  | "MINTA_PERBAIKAN"
  | "VERIFIKASI"
  | "PROSES"
  | "SELESAIKAN"
  | "SIAPKAN_PENGAMBILAN"
  | "SERAHKAN"
  | "TOLAK"
  | "BATALKAN";

/** PEMOHON: the applicant who owns it; STAF: an officer or admin of the instansi that runs the service. */
export type Pelaku = "PEMOHON" | "STAF";

interface Rule {
  pelaku: Pelaku;
  dari: readonly PengajuanStatus[];
  ke: PengajuanStatus;
  /** what the actor must say: a message to the applicant, a reason, or who collected */
  wajib?: "pesan" | "alasan" | "pengambil";
}

export const TRANSITIONS: Readonly<Record<Aksi, Rule>> = {
  AJUKAN: { pelaku: "PEMOHON", dari: ["DRAFT", "PERLU_PERBAIKAN"], ke: "DIAJUKAN" },
  MINTA_PERBAIKAN: { pelaku: "STAF", dari: ["DIAJUKAN", "DIVERIFIKASI", "DIPROSES"], ke: "PERLU_PERBAIKAN", wajib: "pesan" },
  VERIFIKASI: { pelaku: "STAF", dari: ["DIAJUKAN"], ke: "DIVERIFIKASI" },
  PROSES: { pelaku: "STAF", dari: ["DIVERIFIKASI"], ke: "DIPROSES" },
  SELESAIKAN: { pelaku: "STAF", dari: ["DIPROSES"], ke: "SELESAI" },
  SIAPKAN_PENGAMBILAN: { pelaku: "STAF", dari: ["DIPROSES"], ke: "SIAP_DIAMBIL" },
  SERAHKAN: { pelaku: "STAF", dari: ["SIAP_DIAMBIL"], ke: "DIAMBIL", wajib: "pengambil" },
  TOLAK: { pelaku: "STAF", dari: ["DIAJUKAN", "PERLU_PERBAIKAN", "DIVERIFIKASI", "DIPROSES"], ke: "DITOLAK", wajib: "alasan" },
  BATALKAN: { pelaku: "PEMOHON", dari: ["DRAFT", "DIAJUKAN", "PERLU_PERBAIKAN", "DIVERIFIKASI"], ke: "DIBATALKAN" },
};

export const AKSI: readonly Aksi[] = Object.keys(TRANSITIONS) as Aksi[];

// the web client reads the same list (to hide deadlines of closed cases)
export const FINAL_STATES: readonly PengajuanStatus[] = PENGAJUAN_FINAL_STATUSES;

/** States in which the SLA clock runs. */
export const CLOCK_RUNNING: readonly PengajuanStatus[] = ["DIVERIFIKASI", "DIPROSES"];

/** The next state, or null when this actor may not take this action in this state. */
export function next(pelaku: Pelaku, status: PengajuanStatus, aksi: Aksi): PengajuanStatus | null {
  const rule = TRANSITIONS[aksi];
  return rule.pelaku === pelaku && rule.dari.includes(status) ? rule.ke : null;
}

/** The actions this actor can take now (for the UI's buttons). */
export function allowedActions(pelaku: Pelaku, status: PengajuanStatus): Aksi[] {
  return AKSI.filter((a) => next(pelaku, status, a) !== null);
}

export function isFinal(status: PengajuanStatus): boolean {
  return FINAL_STATES.includes(status);
}

// the words live with the client's in server/shared/labels.ts; the API's messages use the same
export { AKSI_PENGAJUAN_LABEL as AKSI_LABEL, PENGAJUAN_STATUS_LABEL as STATUS_LABEL } from "../../shared/labels";

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
 *   With a letter template (issue 15): DIPROSES ─AJUKAN_TTD→ MENUNGGU_TTD ─TANDATANGANI→ SELESAI (SIAP_DIAMBIL for pickup)
 *                                                   └─KEMBALIKAN_SURAT→ DIPROSES (the official's note)
 *   A visit (issue 16): DIAJUKAN/DIVERIFIKASI/DIPROSES ─MINTA_KUNJUNGAN→ MENUNGGU_KUNJUNGAN (what to bring, why), the applicant
 *   books a slot; after the visit VERIFIKASI → DIVERIFIKASI or PROSES → DIPROSES (or MINTA_PERBAIKAN, TOLAK).
 *   TOLAK (staff, with a reason) from any step before the result: DIAJUKAN, PERLU_PERBAIKAN, DIVERIFIKASI, DIPROSES.
 *   BATALKAN (applicant) before processing starts: DRAFT, DIAJUKAN, PERLU_PERBAIKAN, DIVERIFIKASI.
 *
 * The SLA clock runs from DIVERIFIKASI (documents declared complete, MasPeci 8.1) and waits while the
 * applicant is asked to fix something (PERLU_PERBAIKAN) or to come to the office (MENUNGGU_KUNJUNGAN: the office waits for
 * the applicant, as for a fix; the working minutes left are kept and resume when the officer continues after the visit). It keeps running while the letter waits for its signature
 * (MENUNGGU_TTD): signing is part of the service's time (Jogonalan's 15 minutes include it).
 */
export type Aksi =
  | "AJUKAN"
  | "MINTA_PERBAIKAN"
  | "MINTA_KUNJUNGAN"
  | "VERIFIKASI"
  | "PROSES"
  | "SELESAIKAN"
  | "AJUKAN_TTD"
  | "TANDATANGANI"
  | "KEMBALIKAN_SURAT"
  | "SIAPKAN_PENGAMBILAN"
  | "SERAHKAN"
  | "TOLAK"
  | "BATALKAN";

/**
 * PEMOHON: the applicant who owns it; STAF: an officer or admin of the instansi that runs the service;
 * PENANDATANGAN: the signing official the letter was sent to (surat/letter-service.ts decides who that is; the
 * generic transition mutation never acts as one).
 */
export type Pelaku = "PEMOHON" | "STAF" | "PENANDATANGAN";

/** What an action needs besides the state: the table declares it, the service checks it generically. */
export interface Perlu {
  /**
   * a message of at least 5 characters: what the applicant must fix, why the request is refused, or (CATATAN) the
   * official's note on a returned letter, which stays with the letter for the officers and is not in the history
   */
  pesan?: "PERBAIKAN" | "ALASAN" | "CATATAN" | "KUNJUNGAN";
  /** the service takes visit bookings (its slots are where the applicant books the visit asked for) */
  kunjungan?: true;
  /** who collected the result and which identity document was checked */
  pengambil?: true;
  /** the form complete and every required document uploaded */
  berkasLengkap?: true;
  /** a result document attached, when the applicant chose to download it (UNDUH) */
  hasil?: true;
  /** taken only with the letter it makes or signs (surat/letter-service.ts), never through the generic mutation */
  surat?: true;
}

interface Rule {
  pelaku: Pelaku;
  dari: readonly PengajuanStatus[];
  ke: PengajuanStatus;
  /** the next state instead of `ke` when the applicant collects the result at the office (pengiriman AMBIL) */
  keJikaAmbil?: PengajuanStatus;
  perlu: Perlu;
}

export const TRANSITIONS: Readonly<Record<Aksi, Rule>> = {
  AJUKAN: { pelaku: "PEMOHON", dari: ["DRAFT", "PERLU_PERBAIKAN"], ke: "DIAJUKAN", perlu: { berkasLengkap: true } },
  MINTA_PERBAIKAN: {
    pelaku: "STAF",
    dari: ["DIAJUKAN", "MENUNGGU_KUNJUNGAN", "DIVERIFIKASI", "DIPROSES"],
    ke: "PERLU_PERBAIKAN",
    perlu: { pesan: "PERBAIKAN" },
  },
  MINTA_KUNJUNGAN: {
    pelaku: "STAF",
    dari: ["DIAJUKAN", "DIVERIFIKASI", "DIPROSES"],
    ke: "MENUNGGU_KUNJUNGAN",
    perlu: { pesan: "KUNJUNGAN", kunjungan: true },
  },
  VERIFIKASI: { pelaku: "STAF", dari: ["DIAJUKAN", "MENUNGGU_KUNJUNGAN"], ke: "DIVERIFIKASI", perlu: {} },
  PROSES: { pelaku: "STAF", dari: ["DIVERIFIKASI", "MENUNGGU_KUNJUNGAN"], ke: "DIPROSES", perlu: {} },
  SELESAIKAN: { pelaku: "STAF", dari: ["DIPROSES"], ke: "SELESAI", perlu: { hasil: true } },
  AJUKAN_TTD: { pelaku: "STAF", dari: ["DIPROSES"], ke: "MENUNGGU_TTD", perlu: { surat: true } },
  TANDATANGANI: { pelaku: "PENANDATANGAN", dari: ["MENUNGGU_TTD"], ke: "SELESAI", keJikaAmbil: "SIAP_DIAMBIL", perlu: { surat: true } },
  KEMBALIKAN_SURAT: { pelaku: "PENANDATANGAN", dari: ["MENUNGGU_TTD"], ke: "DIPROSES", perlu: { pesan: "CATATAN", surat: true } },
  SIAPKAN_PENGAMBILAN: { pelaku: "STAF", dari: ["DIPROSES"], ke: "SIAP_DIAMBIL", perlu: {} },
  SERAHKAN: { pelaku: "STAF", dari: ["SIAP_DIAMBIL"], ke: "DIAMBIL", perlu: { pengambil: true } },
  TOLAK: {
    pelaku: "STAF",
    dari: ["DIAJUKAN", "PERLU_PERBAIKAN", "MENUNGGU_KUNJUNGAN", "DIVERIFIKASI", "DIPROSES"],
    ke: "DITOLAK",
    perlu: { pesan: "ALASAN" },
  },
  BATALKAN: { pelaku: "PEMOHON", dari: ["DRAFT", "DIAJUKAN", "PERLU_PERBAIKAN", "MENUNGGU_KUNJUNGAN", "DIVERIFIKASI"], ke: "DIBATALKAN", perlu: {} },
};

export const AKSI: readonly Aksi[] = Object.keys(TRANSITIONS) as Aksi[];

// the web client reads the same list (to hide deadlines of closed cases)
export const FINAL_STATES: readonly PengajuanStatus[] = PENGAJUAN_FINAL_STATUSES;

/** States in which the SLA clock runs. */
export const CLOCK_RUNNING: readonly PengajuanStatus[] = ["DIVERIFIKASI", "DIPROSES", "MENUNGGU_TTD"];

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

/** States in which the applicant edits the form and the documents (a draft, or one sent back for fixing). */
export const DAPAT_DIUBAH: readonly PengajuanStatus[] = ["DRAFT", "PERLU_PERBAIKAN"];

export function dapatDiubah(status: PengajuanStatus): boolean {
  return DAPAT_DIUBAH.includes(status);
}

/** States in which the service is over for the applicant, who may then answer the satisfaction survey (SKM). */
export const SELESAI_UNTUK_SURVEI: readonly PengajuanStatus[] = ["SELESAI", "DIAMBIL", "DITOLAK"];

// the words live with the client's in server/shared/labels.ts; the API's messages use the same
export { AKSI_PENGAJUAN_LABEL as AKSI_LABEL, PENGAJUAN_STATUS_LABEL as STATUS_LABEL } from "../../shared/labels";

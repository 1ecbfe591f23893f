import type { AlasanKeberatan, PermohonanStatus } from "../../generated/prisma/enums";
import { addWorkingDays, type Deadline, type OfficeCalendar } from "../calendar/working-time";
import { JAWAB_HARI, KEBERATAN_HARI, PERPANJANG_MAKS_HARI, SENGKETA_HARI, TANGGAPAN_KEBERATAN_HARI } from "../../shared/ppid";

// the periods and the Pasal 17 list are shown in the browser too, so they live in server/shared/ppid.ts
export { JAWAB_HARI, KEBERATAN_HARI, PENGECUALIAN_PASAL_17, PERPANJANG_MAKS_HARI, SENGKETA_HARI, TANGGAPAN_KEBERATAN_HARI } from "../../shared/ppid";

/**
 * Deadlines of public-information requests (UU 14/2008, Perki 1/2021). Pure; all on the instansi calendar,
 * "N hari kerja sejak …": the day of the event is not counted, the deadline is close of office on day N.
 */
export function tenggatJawab(cal: OfficeCalendar, diterimaAt: Date): Deadline {
  return addWorkingDays(cal, diterimaAt, JAWAB_HARI);
}

/** The one extension: at most 7 working days counted from the original deadline. */
export function tenggatPerpanjangan(cal: OfficeCalendar, tenggatAwal: Date, hari: number): Deadline {
  if (!Number.isInteger(hari) || hari < 1 || hari > PERPANJANG_MAKS_HARI) throw new RangeError(`extension must be 1–${PERPANJANG_MAKS_HARI} working days`);
  return addWorkingDays(cal, tenggatAwal, hari);
}

export const ALASAN_LABEL: Record<AlasanKeberatan, string> = {
  PENOLAKAN: "Penolakan atas permintaan informasi berdasarkan alasan pengecualian (Pasal 17)",
  TIDAK_DISEDIAKAN_INFORMASI_BERKALA: "Tidak disediakannya informasi berkala (Pasal 9)",
  TIDAK_DITANGGAPI: "Tidak ditanggapinya permintaan informasi",
  DITANGGAPI_TIDAK_SEBAGAIMANA_DIMINTA: "Permintaan informasi ditanggapi tidak sebagaimana yang diminta",
  TIDAK_DIPENUHI: "Tidak dipenuhinya permintaan informasi",
  BIAYA_TIDAK_WAJAR: "Pengenaan biaya yang tidak wajar",
  MELEBIHI_JANGKA_WAKTU: "Penyampaian informasi yang melebihi waktu yang diatur",
};

export interface PermohonanFacts {
  status: PermohonanStatus;
  diterimaAt: Date;
  /** the deadline in force (extended when extended) */
  tenggat: Date;
  diputusAt: Date | null;
  biaya: number;
}

/**
 * When each Pasal 35 ground arose for this request, or null when it has not (yet). The requester may object on
 * a ground from the moment it arises until 30 working days later.
 */
export function groundArisenAt(alasan: AlasanKeberatan, p: PermohonanFacts, now: Date): Date | null {
  const decided = p.diputusAt && (p.status === "DIKABULKAN" || p.status === "DIKABULKAN_SEBAGIAN" || p.status === "DITOLAK") ? p.diputusAt : null;
  switch (alasan) {
    case "PENOLAKAN":
      return p.status === "DITOLAK" ? decided : null;
    case "TIDAK_DISEDIAKAN_INFORMASI_BERKALA":
      // the requester says periodic information is not published: a ground from the request itself
      return p.diterimaAt;
    case "TIDAK_DITANGGAPI":
      // no answer by the deadline (the day after the deadline passes)
      return !decided && now.getTime() > p.tenggat.getTime() ? p.tenggat : null;
    case "DITANGGAPI_TIDAK_SEBAGAIMANA_DIMINTA":
      return decided && p.status !== "DITOLAK" ? decided : null;
    case "TIDAK_DIPENUHI":
      return p.status === "DIKABULKAN_SEBAGIAN" ? decided : null;
    case "BIAYA_TIDAK_WAJAR":
      return decided && p.biaya > 0 ? decided : null;
    case "MELEBIHI_JANGKA_WAKTU":
      return decided && decided.getTime() > p.tenggat.getTime() ? decided : null;
  }
}

export interface GroundState {
  alasan: AlasanKeberatan;
  /** when the ground arose; null: it does not exist (yet) */
  sejak: Date | null;
  /** last moment to object on it (close of office, day 30); null when no ground */
  batas: Deadline | null;
  bisaDiajukan: boolean;
}

export function grounds(cal: OfficeCalendar, p: PermohonanFacts, now: Date): GroundState[] {
  return (Object.keys(ALASAN_LABEL) as AlasanKeberatan[]).map((alasan) => {
    const sejak = groundArisenAt(alasan, p, now);
    const batas = sejak ? addWorkingDays(cal, sejak, KEBERATAN_HARI) : null;
    return { alasan, sejak, batas, bisaDiajukan: !!batas && now.getTime() <= batas.at.getTime() };
  });
}

export function tenggatTanggapanKeberatan(cal: OfficeCalendar, diajukanAt: Date): Deadline {
  return addWorkingDays(cal, diajukanAt, TANGGAPAN_KEBERATAN_HARI);
}

export function batasSengketa(cal: OfficeCalendar, ditanggapiAt: Date): Deadline {
  return addWorkingDays(cal, ditanggapiAt, SENGKETA_HARI);
}

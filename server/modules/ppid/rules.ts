import { z } from "zod";
import type { AlasanKeberatan, PermohonanStatus } from "../../generated/prisma/enums";
import { problem, requiredText } from "../../lib/validate";
import { addWorkingDays, addWorkingDaysSameTime, type Deadline, type OfficeCalendar } from "../calendar/working-time";
import { JAWAB_HARI, KEBERATAN_HARI, PENGECUALIAN_PASAL_17, PERPANJANG_MAKS_HARI, SENGKETA_HARI, TANGGAPAN_KEBERATAN_HARI } from "../../shared/ppid";
import { CARA_PEROLEHAN, CARA_TIDAK_SESUAI, FORMAT_INFORMASI, RINCIAN_INFORMASI, TUJUAN_INFORMASI, URAIAN_KEBERATAN } from "../../shared/ppid-form";
import type { AturanTeks } from "../../shared/teks";

// the periods and the Pasal 17 list are shown in the browser too, so they live in server/shared/ppid.ts
export { JAWAB_HARI, KEBERATAN_HARI, PENGECUALIAN_PASAL_17, PERPANJANG_MAKS_HARI, SENGKETA_HARI, TANGGAPAN_KEBERATAN_HARI };

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

/** A request not decided yet: its answer deadline runs. */
export const BELUM_DIPUTUS = ["DITERIMA", "DIPERPANJANG"] as const satisfies readonly PermohonanStatus[];

/** How far ahead to look for a near deadline: one working day is never more than two weeks, even across Lebaran. */
export const CAKRAWALA_PERINGATAN_MS = 14 * 24 * 3600_000;

/** PPID_TENGGAT: the deadline is near (within one working day from now) or past. */
export type KeadaanTenggat = "DEKAT" | "LEWAT";

export function keadaanTenggat(cal: OfficeCalendar, tenggat: Date, now: Date): KeadaanTenggat | null {
  if (tenggat.getTime() < now.getTime()) return "LEWAT";
  if (tenggat.getTime() <= addWorkingDaysSameTime(cal, now, 1).at.getTime()) return "DEKAT";
  return null;
}

/**
 * The PPID_TENGGAT warning for an undecided request, or null when its deadline is neither near nor past. The
 * sender adds the request's id (in the API's global form) and sends each warning once per state and deadline.
 */
export function peringatanTenggat(
  cal: OfficeCalendar,
  p: { nomorRegister: string; status: PermohonanStatus; tenggat: Date; diputusAt: Date | null },
  now: Date,
): { nomorRegister: string; status: PermohonanStatus; tenggat: string; keadaan: KeadaanTenggat } | null {
  if (p.diputusAt || !(BELUM_DIPUTUS as readonly PermohonanStatus[]).includes(p.status)) return null;
  const keadaan = keadaanTenggat(cal, p.tenggat, now);
  return keadaan && { nomorRegister: p.nomorRegister, status: p.status, tenggat: p.tenggat.toISOString(), keadaan };
}

export function belumDiputus(p: { status: PermohonanStatus }): boolean {
  return (BELUM_DIPUTUS as readonly PermohonanStatus[]).includes(p.status);
}

/** Overdue: not decided and the deadline in force has passed. */
export function terlambat(p: { diputusAt: Date | null; tenggat: Date }, now: Date): boolean {
  return !p.diputusAt && p.tenggat.getTime() < now.getTime();
}

/** What the PPID desk may do with a request now: answer while undecided; extend once, before any answer. */
export type AksiPermohonan = "PERPANJANG" | "PUTUSKAN";
export const AKSI_PERMOHONAN: readonly AksiPermohonan[] = ["PERPANJANG", "PUTUSKAN"];

export function aksiPermohonanTersedia(p: { status: PermohonanStatus; diperpanjangAt: Date | null }): AksiPermohonan[] {
  return AKSI_PERMOHONAN.filter((a) => (a === "PUTUSKAN" ? belumDiputus(p) : p.status === "DITERIMA" && !p.diperpanjangAt));
}

// Input rules, parsed after authorisation (and, where the state decides, after the state checks). The citizen's
// forms check the same rules in the browser (server/shared/ppid-form.ts).

const teks = (field: string, rule: AturanTeks) => requiredText(field, rule.label, rule.min, rule.max);

export const Permohonan = z
  .object({
    rincianInformasi: teks("rincianInformasi", RINCIAN_INFORMASI),
    tujuan: teks("tujuan", TUJUAN_INFORMASI),
    format: z.enum(FORMAT_INFORMASI),
    caraPerolehan: z.enum(CARA_PEROLEHAN),
  })
  .refine((p) => !(p.caraPerolehan === "EMAIL" && p.format === "HARDCOPY"), {
    ...problem(CARA_TIDAK_SESUAI.code, CARA_TIDAK_SESUAI.message),
    path: ["caraPerolehan"],
  });

const hariPerpanjangan = problem("PERPANJANGAN_TERLALU_LAMA", `Perpanjangan paling lama ${PERPANJANG_MAKS_HARI} hari kerja.`);
export const Perpanjangan = z.object({
  hari: z.number(hariPerpanjangan).int(hariPerpanjangan).min(1, hariPerpanjangan).max(PERPANJANG_MAKS_HARI, hariPerpanjangan),
  alasan: requiredText("alasan", "Alasan tertulis perpanjangan", 10, 2000),
});

const teksOpsional = (schema: z.ZodType<string, string>) =>
  z
    .string()
    .nullish()
    .transform((v) => v ?? "")
    .pipe(schema);
const biayaInvalid = problem("BIAYA_INVALID", "Biaya (hanya biaya salinan) harus 0 atau lebih.");

const catatan = teksOpsional(requiredText("catatan", "Isi jawaban tertulis", 5, 5000));
const biaya = z
  .number(biayaInvalid)
  .int(biayaInvalid)
  .min(0, biayaInvalid)
  .nullish()
  .transform((v) => v ?? 0);

/** An answer granting the request in whole; cost is copying only. */
export const Jawaban = z.object({ catatan, biaya });

/** A refusal or a partial grant also cites a Pasal 17 exemption and its consequence test. */
export const JawabanDikecualikan = z.object({
  catatan,
  pasalPengecualian: z
    .string()
    .nullish()
    .transform((v) => (v ?? "").trim().toLowerCase())
    .refine(
      (v) => Object.hasOwn(PENGECUALIAN_PASAL_17, v),
      problem("PENGECUALIAN_REQUIRED", "Sebutkan kategori pengecualian UU 14/2008 Pasal 17 (huruf a–j)."),
    ),
  ujiKonsekuensi: teksOpsional(requiredText("ujiKonsekuensi", "Uraian uji konsekuensi", 20, 5000)),
  biaya,
});

export const Keberatan = z.object({ uraian: teks("uraian", URAIAN_KEBERATAN) });
export const TanggapanKeberatan = z.object({ tanggapan: requiredText("tanggapan", "Tanggapan atas keberatan", 10, 5000) });

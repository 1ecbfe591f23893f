import { z } from "zod";
import { TIME_ZONES } from "../calendar/working-time";
import { parseInput, problem } from "../../lib/validate";

/**
 * The input rules of an office (instansi): its profile, opening hours, closures, and the public deadline
 * calculator. Zod schemas, parsed by instansi/service.ts after authorisation (server/lib/validate.ts); each check
 * keeps its stable code and Indonesian message.
 */

export const ZONE_LABEL: Record<string, string> = {
  [TIME_ZONES.WIB]: "WIB",
  "Asia/Pontianak": "WIB",
  [TIME_ZONES.WITA]: "WITA",
  [TIME_ZONES.WIT]: "WIT",
};

/** `problem` with a message naming the value (zod's error function gets the issue's input). */
const problemOf = (code: string, message: (input: unknown) => string) => ({ error: (iss: { input?: unknown }) => problem(code, message(iss.input)).error() });

const KODE_INVALID = problem("KODE_INVALID", "Kode instansi 2–20 karakter: huruf, angka, atau tanda hubung (contoh: KMG-MADIUN).");
export const KODE = z
  .string(KODE_INVALID)
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/, KODE_INVALID);

const ZONA_INVALID = problem("ZONA_WAKTU_INVALID", "Zona waktu harus WIB, WITA, atau WIT.");
/** WIB, WITA, WIT (any case) or an IANA zone Loket knows → the IANA zone */
export const ZONA_WAKTU = z.string(ZONA_INVALID).transform((raw, ctx) => {
  const upper = raw.trim().toUpperCase();
  if (upper in TIME_ZONES) return TIME_ZONES[upper as keyof typeof TIME_ZONES];
  if (raw in ZONE_LABEL) return raw;
  ctx.addIssue({ code: "custom", input: raw, message: ZONA_INVALID.error() });
  return z.NEVER;
});

const jamTidakValid = (raw: unknown) => problem("JAM_INVALID", `Jam "${String(raw)}" tidak valid; gunakan format JJ:MM, misalnya 08:00.`).error();
/** "HH:MM" (or "HH.MM") local time → minutes after midnight, up to 24:00 */
const WAKTU = z.string(problemOf("JAM_INVALID", jamTidakValid)).transform((raw, ctx) => {
  const m = raw.trim().match(/^(\d{1,2})[:.](\d{2})$/);
  const value = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || value > 24 * 60) {
    ctx.addIssue({ code: "custom", input: raw, message: jamTidakValid(raw) });
    return z.NEVER;
  }
  return value;
});

const HARI_INVALID = problem("HARI_INVALID", "Hari harus 1 (Senin) sampai 7 (Minggu).");

/** Opening intervals per ISO weekday, sorted; intervals on one day must not overlap. */
export const JAM_LAYANAN = z
  .array(
    z
      .object({ hari: z.int(HARI_INVALID).min(1, HARI_INVALID).max(7, HARI_INVALID), buka: WAKTU, tutup: WAKTU })
      .refine((r) => r.tutup > r.buka, { ...problem("JAM_INVALID", "Jam tutup harus setelah jam buka."), path: ["tutup"] }),
  )
  .min(1, problem("JAM_KOSONG", "Isi paling sedikit satu jam layanan."))
  .transform((rows) => rows.map(({ hari, buka, tutup }) => ({ hari, buka, tutup })).sort((a, b) => a.hari - b.hari || a.buka - b.buka))
  .refine(
    (rows) => rows.every((r, i) => i === 0 || r.hari !== rows[i - 1]!.hari || r.buka >= rows[i - 1]!.tutup),
    problem("JAM_BERTUMPUK", "Dua jam layanan pada hari yang sama saling bertumpuk."),
  );

/** The hours as an argument: problems are named `jamLayanan.<row>.<field>`. */
export const JAM_LAYANAN_ARG = z.object({ jamLayanan: JAM_LAYANAN });

/** Omitted or null: left as it is. */
const optional = <S extends z.ZodType>(s: S) => s.nullish().transform((v) => v ?? undefined);
const kontak = optional(z.string().transform((s) => s.trim().slice(0, 500)));
const NAMA = z
  .string()
  .trim()
  .min(3, problem("NAMA_INVALID", "Nama instansi 3–200 karakter."))
  .max(200, problem("NAMA_INVALID", "Nama instansi 3–200 karakter."));

/** An office's profile as sent (InstansiInput); on update, omitted fields stay as they are. */
export const INSTANSI = z
  .object({
    kode: optional(KODE),
    nama: optional(NAMA),
    alamat: kontak,
    telepon: kontak,
    email: kontak,
    website: kontak,
    zonaWaktu: optional(ZONA_WAKTU),
    cutiBersamaLibur: optional(z.boolean()),
    aturanTenggatAduan: optional(z.enum(["HARI_KERJA", "JAM_KALENDER"])),
    aktif: optional(z.boolean()),
  })
  .transform((d) => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as Partial<typeof d>);

/** A new office names its code and name (checked after the profile's own rules, as before). */
export const INSTANSI_BARU = z.looseObject({
  kode: z.string(problem("KODE_INVALID", "Kode instansi wajib diisi.")),
  nama: z.string(problem("NAMA_INVALID", "Nama instansi wajib diisi.")),
});

export const PENUTUPAN = z.object({
  alasan: z.string().trim().min(3, problem("REASON_REQUIRED", "Alasan penutupan wajib diisi.")),
});

/** A national holiday or cuti bersama day must cite the decree that sets it. */
export const HARI_LIBUR = z.object({
  nama: z.string().trim().min(3, problem("NAMA_INVALID", "Nama hari libur wajib diisi.")),
  dasarHukum: z.string().trim().min(5, problem("DASAR_HUKUM_REQUIRED", "Dasar hukum (nomor SKB/keputusan) wajib diisi.")),
});

export const HITUNG_TENGGAT = z.object({
  jumlah: z.int().min(0, problem("JUMLAH_INVALID", "Jumlah harus 0–10000.")).max(10_000, problem("JUMLAH_INVALID", "Jumlah harus 0–10000.")),
});

/** The normalised code, or KODE_INVALID (e.g. for a code in seed data or a lookup). */
export function parseKode(raw: string): string {
  return parseInput(z.object({ kode: KODE }), { kode: raw }).kode;
}

export function formatMinutes(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

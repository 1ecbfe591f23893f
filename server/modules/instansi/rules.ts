import { z } from "zod";
import { TIME_ZONES } from "../calendar/working-time";
import { parseInput, problem } from "../../lib/validate";
import { waMe } from "../../shared/bantuan";
import { menitDariJam, periksaHariLibur, periksaJamLayanan, periksaPenutupan } from "../../shared/kalender";
import { sharedCheck } from "../../lib/shared-rules";

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

/**
 * Opening intervals per ISO weekday, sorted; intervals on one day must not overlap. The rules are the admin page's
 * too (server/shared/kalender.ts); problems are named `<row>.<field>` within the list.
 */
export const JAM_LAYANAN = z
  .array(
    z.object({
      hari: z.number(problem("HARI_INVALID", "Hari harus 1 (Senin) sampai 7 (Minggu).")),
      buka: z.string(problem("JAM_INVALID", "Jam buka harus berupa teks JJ:MM, misalnya 08:00.")),
      tutup: z.string(problem("JAM_INVALID", "Jam tutup harus berupa teks JJ:MM, misalnya 16:00.")),
    }),
  )
  .superRefine(sharedCheck((rows) => periksaJamLayanan(rows, "")))
  .transform((rows) =>
    rows.map(({ hari, buka, tutup }) => ({ hari, buka: menitDariJam(buka)!, tutup: menitDariJam(tutup)! })).sort((a, b) => a.hari - b.hari || a.buka - b.buka),
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
    /** a number people can write to: empty, or one wa.me accepts (an Indonesian number) */
    whatsapp: optional(
      z
        .string()
        .trim()
        .refine(
          (v) => v === "" || waMe(v) !== null,
          problem("WHATSAPP_INVALID", "Nomor WhatsApp tidak valid; tulis nomor Indonesia, misalnya 0812-3456-7890."),
        ),
    ),
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

export const PENUTUPAN = z
  .object({ alasan: z.string() })
  .superRefine(sharedCheck(periksaPenutupan))
  .transform((v) => ({ alasan: v.alasan.trim() }));

/** A national holiday or cuti bersama day must cite the decree that sets it. */
export const HARI_LIBUR = z
  .object({ nama: z.string(), dasarHukum: z.string() })
  .superRefine(sharedCheck(periksaHariLibur))
  .transform((v) => ({ nama: v.nama.trim(), dasarHukum: v.dasarHukum.trim() }));

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

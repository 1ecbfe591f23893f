import { z } from "zod";
import { problem } from "../../lib/validate";
import { BANTUAN_PESAN, CARI_MAX, JAWABAN_MAX, JAWABAN_MIN, JUDUL_TOPIK_MAX, JUDUL_TOPIK_MIN, PERTANYAAN_MAX, PERTANYAAN_MIN } from "../../shared/bantuan";

/**
 * The input rules of the help pages, with the limits the browser checks too (server/shared/bantuan.ts).
 * Text is kept as typed (trimmed, line ends unified): it is shown as text, never as HTML.
 */

const text = (min: number, max: number, code: string, message: string) =>
  z
    .string()
    .transform((s) => s.replace(/\r\n?/g, "\n").trim())
    .pipe(z.string().min(min, problem(code, message)).max(max, problem(code, message)));

export const JUDUL_TOPIK = z.object({ judul: text(JUDUL_TOPIK_MIN, JUDUL_TOPIK_MAX, "JUDUL_INVALID", BANTUAN_PESAN.judul) });

/** A question and its answer: both problems are reported, in the form's order. */
export const TANYA_JAWAB = z.object({
  pertanyaan: text(PERTANYAAN_MIN, PERTANYAAN_MAX, "PERTANYAAN_INVALID", BANTUAN_PESAN.pertanyaan),
  jawaban: text(JAWABAN_MIN, JAWABAN_MAX, "JAWABAN_INVALID", BANTUAN_PESAN.jawaban),
});

/**
 * The words of a search: lower case, at most 8, each at most 50 characters (longer input is cut, not refused:
 * a search box never fails).
 */
export function kataCari(raw: string): string[] {
  return raw
    .slice(0, CARI_MAX)
    .toLowerCase()
    .split(/[\s,.;:!?()"']+/)
    .map((w) => w.replace(/^[-*]+|[-*]+$/g, "").slice(0, 50))
    .filter((w) => w.length > 0)
    .slice(0, 8);
}

/**
 * A word as a PostgreSQL regular expression matching the start of a word ("daft" finds "Daftar", "SP" finds
 * "SP" and "SPBE" but not "tersedia"); every character that is not a letter or digit is taken literally.
 */
export function wordStartPattern(word: string): string {
  return `\\m${word.replace(/[^\p{L}\p{N}]/gu, (c) => `\\${c}`)}`;
}

import { localDateOf } from "../calendar/working-time";

/**
 * Letter numbers from an office's pattern (issue 15). Pure: no Prisma, no GraphQL.
 *
 * A pattern is text with tokens in braces:
 *   {nomor}          the running number of the sequence; {nomor:3} zero-pads it to 3 digits (001)
 *   {kode}           the letter's classification code (kode klasifikasi arsip, e.g. PP.00)
 *   {bulan}          the month in arabic digits (1–12); {bulan:2} zero-padded (01–12)
 *   {bulan_romawi}   the month in roman numerals (I–XII), as many offices write it
 *   {tahun}          the year (4 digits)
 * e.g. Kemenag's `B-{nomor}/Kk.13.19/1/{kode}/{bulan}/{tahun}` → `B-1234/Kk.13.19/1/PP.00/12/2026`.
 * The month style is chosen by the token, so the pattern alone says how a number looks.
 *
 * The sequence restarts every year in the office's zone, so a pattern must carry {tahun} (else the number of
 * 2027's first letter would be 2026's); with one sequence per code it must carry {kode} too (else two codes'
 * first letters would share a number).
 */

export type Lingkup = "PER_KODE" | "BERSAMA";

export type Token =
  | { kind: "teks"; teks: string }
  | { kind: "nomor"; lebar: number }
  | { kind: "kode" }
  | { kind: "bulan"; lebar: number }
  | { kind: "bulan_romawi" }
  | { kind: "tahun" };

export interface PolaProblem {
  code: string;
  message: string;
}

export const POLA_BAWAAN = "{nomor}/{kode}/{bulan_romawi}/{tahun}";
export const POLA_MAKS = 120;
const LEBAR_MAKS = 8;
const TOKEN_NAMES = ["nomor", "kode", "bulan", "bulan_romawi", "tahun"] as const;
const DAFTAR_TOKEN = "{nomor}, {nomor:3}, {kode}, {bulan}, {bulan:2}, {bulan_romawi}, {tahun}";

/** Thrown by parsePola; the service turns it into a ValidationError on the `pola` field. */
export class PolaError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The tokens of a pattern, or a PolaError with a stable code and an Indonesian message. */
export function parsePola(pola: string, lingkup: Lingkup): Token[] {
  const text = pola.trim();
  if (text === "") throw new PolaError("POLA_KOSONG", "Pola nomor surat wajib diisi.");
  if (text.length > POLA_MAKS) throw new PolaError("POLA_TERLALU_PANJANG", `Pola nomor surat paling banyak ${POLA_MAKS} karakter.`);
  // printable characters only: a number is printed on paper and typed back into the verification page
  if (/[\p{Cc}\p{Cf}]/u.test(text)) throw new PolaError("POLA_KARAKTER_TIDAK_SAH", "Pola nomor surat memuat karakter yang tidak dapat dicetak.");
  const tokens: Token[] = [];
  let i = 0;
  let literal = "";
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === "}") throw new PolaError("POLA_KURUNG_TIDAK_SEIMBANG", "Pola nomor surat memuat tanda } tanpa pasangan {.");
    if (ch !== "{") {
      literal += ch;
      i++;
      continue;
    }
    const end = text.indexOf("}", i + 1);
    if (end < 0) throw new PolaError("POLA_KURUNG_TIDAK_SEIMBANG", "Pola nomor surat memuat tanda { tanpa pasangan }.");
    const inner = text.slice(i + 1, end);
    if (literal) tokens.push({ kind: "teks", teks: literal });
    literal = "";
    tokens.push(token(inner));
    i = end + 1;
  }
  if (literal) tokens.push({ kind: "teks", teks: literal });

  const count = (kind: Token["kind"]) => tokens.filter((t) => t.kind === kind).length;
  if (count("nomor") === 0) throw new PolaError("POLA_TANPA_NOMOR", "Pola nomor surat wajib memuat {nomor} (nomor urut).");
  if (count("nomor") > 1) throw new PolaError("POLA_NOMOR_GANDA", "Pola nomor surat hanya boleh memuat satu {nomor}.");
  if (count("tahun") === 0) throw new PolaError("POLA_TANPA_TAHUN", "Pola nomor surat wajib memuat {tahun}: nomor urut dimulai lagi dari 1 setiap 1 Januari.");
  if (lingkup === "PER_KODE" && count("kode") === 0)
    throw new PolaError("POLA_TANPA_KODE", "Nomor urut per kode klasifikasi memerlukan {kode} di dalam pola, agar nomor tidak kembar.");
  return tokens;
}

function token(inner: string): Token {
  const [name = "", arg, ...rest] = inner.split(":");
  if (!(TOKEN_NAMES as readonly string[]).includes(name) || rest.length > 0)
    throw new PolaError("POLA_TOKEN_TIDAK_DIKENAL", `Token {${inner}} tidak dikenal. Token yang tersedia: ${DAFTAR_TOKEN}.`);
  if (arg !== undefined && name !== "nomor" && name !== "bulan")
    throw new PolaError("POLA_TOKEN_TIDAK_DIKENAL", `Token {${name}} tidak memakai lebar angka. Token yang tersedia: ${DAFTAR_TOKEN}.`);
  let lebar = 0;
  if (arg !== undefined) {
    if (!/^[1-9]$/.test(arg) || Number(arg) > LEBAR_MAKS)
      throw new PolaError("POLA_LEBAR_TIDAK_SAH", `Lebar angka pada {${inner}} harus 1 sampai ${LEBAR_MAKS}, misalnya {${name}:3}.`);
    lebar = Number(arg);
  }
  switch (name) {
    case "nomor":
      return { kind: "nomor", lebar };
    case "bulan":
      return { kind: "bulan", lebar };
    case "kode":
      return { kind: "kode" };
    case "bulan_romawi":
      return { kind: "bulan_romawi" };
    default:
      return { kind: "tahun" };
  }
}

/** The pattern's first problem, or null when it is usable (for forms and the service alike). */
export function checkPola(pola: string, lingkup: Lingkup): PolaProblem | null {
  try {
    parsePola(pola, lingkup);
    return null;
  } catch (err) {
    if (err instanceof PolaError) return { code: err.code, message: err.message };
    throw err;
  }
}

export function usesKode(tokens: readonly Token[]): boolean {
  return tokens.some((t) => t.kind === "kode");
}

const ROMAWI = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"] as const;

export function bulanRomawi(bulan: number): string {
  const r = ROMAWI[bulan - 1];
  if (!r) throw new RangeError(`bulan must be 1..12, got ${bulan}`);
  return r;
}

/** A classification code as printed: trimmed; letters, digits, dots and hyphens (e.g. PP.00, HM.01.1, 400.12). */
export const KODE_MAKS = 30;
export function normalizeKode(raw: string): string {
  return raw.trim().toUpperCase();
}
export function checkKode(kode: string, required: boolean): PolaProblem | null {
  if (kode === "") return required ? { code: "KODE_WAJIB", message: "Kode klasifikasi wajib diisi untuk pola nomor surat instansi ini." } : null;
  if (kode.length > KODE_MAKS) return { code: "KODE_TERLALU_PANJANG", message: `Kode klasifikasi paling banyak ${KODE_MAKS} karakter.` };
  if (!/^[A-Z0-9](?:[A-Z0-9.-]*[A-Z0-9])?$/.test(kode))
    return { code: "KODE_TIDAK_SAH", message: "Kode klasifikasi hanya boleh berisi huruf, angka, titik dan tanda hubung, misalnya PP.00." };
  return null;
}

/** The date a letter carries: the office's local calendar date at `at`. */
export interface TanggalSurat {
  tahun: number;
  bulan: number;
  hari: number;
  /** YYYY-MM-DD */
  iso: string;
}

export function tanggalSurat(at: Date, timeZone: string): TanggalSurat {
  const iso = localDateOf({ timeZone }, at);
  return { tahun: Number(iso.slice(0, 4)), bulan: Number(iso.slice(5, 7)), hari: Number(iso.slice(8, 10)), iso };
}

/** Which sequence a letter takes its number from: per office and year (the counter row's key besides those). */
export function kunciUrutan(lingkup: Lingkup, kode: string): string {
  return lingkup === "PER_KODE" ? `KODE:${kode}` : "BERSAMA";
}

/** The number as printed. */
export function formatNomor(tokens: readonly Token[], v: { urutan: number; kode: string; tanggal: Pick<TanggalSurat, "tahun" | "bulan"> }): string {
  if (!Number.isInteger(v.urutan) || v.urutan < 1) throw new RangeError(`urutan must be a positive integer, got ${v.urutan}`);
  return tokens.map((t) => part(t, v)).join("");
}

function part(t: Token, v: { urutan: number; kode: string; tanggal: Pick<TanggalSurat, "tahun" | "bulan"> }): string {
  switch (t.kind) {
    case "teks":
      return t.teks;
    case "nomor":
      return String(v.urutan).padStart(t.lebar, "0");
    case "kode":
      return v.kode;
    case "bulan":
      return String(v.tanggal.bulan).padStart(t.lebar, "0");
    case "bulan_romawi":
      return bulanRomawi(v.tanggal.bulan);
    default:
      return String(v.tanggal.tahun);
  }
}

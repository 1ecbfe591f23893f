import { type AturanTeks, type Masalah, masalahTeks } from "./teks";

/**
 * The citizen's forms of public-information requests (UU 14/2008): the request and an objection. One rule per
 * field, used by the API (ppid/rules.ts builds its schemas from them) and by the page before it sends
 * (client/src/pages/ppid/citizen.tsx); tests/client/form-parity-ppid.test.ts checks both answer alike.
 */

export const RINCIAN_INFORMASI: AturanTeks = { label: "Rincian informasi yang dibutuhkan", min: 10, max: 5000 };
export const TUJUAN_INFORMASI: AturanTeks = { label: "Tujuan penggunaan informasi", min: 5, max: 2000 };
export const URAIAN_KEBERATAN: AturanTeks = { label: "Uraian keberatan", min: 10, max: 5000 };

export const FORMAT_INFORMASI = ["SOFTCOPY", "HARDCOPY"] as const;
export const CARA_PEROLEHAN = ["AMBIL", "EMAIL", "POS"] as const;

/** A printed copy cannot be sent by email. */
export const CARA_TIDAK_SESUAI = {
  code: "CARA_TIDAK_SESUAI",
  message: "Salinan cetak (hardcopy) tidak dapat dikirim lewat email; pilih ambil langsung atau pos.",
} as const;

export interface PermohonanValues {
  rincianInformasi: string;
  tujuan: string;
  format: string;
  caraPerolehan: string;
}

/** Every problem of a request's typed fields (which office it goes to is the API's to know: it must exist and be open). */
export function periksaPermohonan(v: PermohonanValues): Masalah[] {
  const out = [masalahTeks("rincianInformasi", RINCIAN_INFORMASI, v.rincianInformasi), masalahTeks("tujuan", TUJUAN_INFORMASI, v.tujuan)].filter(
    (p): p is Masalah => p !== null,
  );
  if (v.format === "HARDCOPY" && v.caraPerolehan === "EMAIL") out.push({ field: "caraPerolehan", ...CARA_TIDAK_SESUAI });
  return out;
}

/** The problem of an objection's text (the ground's availability is the API's to know: it depends on the request's history). */
export function periksaKeberatan(v: { uraian: string }): Masalah[] {
  const p = masalahTeks("uraian", URAIAN_KEBERATAN, v.uraian);
  return p ? [p] : [];
}

import { ALLOWED_DEFAULT } from "./files";
import { LAMPIRAN_PENGADUAN_MAKS_BERKAS } from "./limits";

/**
 * What a complaint must say, checked the same way in the browser (the citizen's form, the desk's record of a
 * complaint taken by phone or at the counter) and on the server (modules/pengaduan/service.ts `buatPengaduan`).
 * Plain data and functions: tests/client/form-parity-pengaduan.test.ts runs a table of values through both.
 * What only the server can know (the category is the office's and still active, the linked request is the
 * citizen's, a file's content is what its name says) is checked there again.
 */

export const JUDUL_MIN = 5;
export const JUDUL_MAKS = 200;
export const URAIAN_MIN = 20;
export const URAIAN_MAKS = 5000;
/** a reporter's name or contact written down by the desk (stored encrypted) */
export const PELAPOR_MAKS = 300;

/** Evidence: what a service's documents may be (PDF, JPG, PNG) and short videos a phone records. */
export const BUKTI_JENIS: readonly string[] = Object.freeze([...ALLOWED_DEFAULT, "video/mp4", "video/quicktime", "video/webm"]);

/** The fields of a complaint in the order of the forms: problems are listed in this order. */
export const FIELDS_PENGADUAN = ["instansiId", "kategoriId", "judul", "uraian", "bukti", "namaPelapor", "kontakPelapor"] as const;
export type FieldPengaduan = (typeof FIELDS_PENGADUAN)[number];

export interface MasalahPengaduan {
  code: string;
  message: string;
  field: FieldPengaduan;
}

export interface IsianPengaduan {
  instansiId: string;
  kategoriId: string;
  judul: string;
  uraian: string;
  /** how many evidence files come with it */
  bukti: number;
  namaPelapor?: string | null;
  kontakPelapor?: string | null;
}

/**
 * How a complaint arrives: filed online by the citizen ("daring": at least one piece of evidence), or recorded by
 * the desk for someone who came, phoned or wrote ("catat": evidence if there is any, the reporter's name and
 * contact if given).
 */
export type CaraPengaduan = "daring" | "catat";

function teks(out: MasalahPengaduan[], field: "judul" | "uraian", label: string, value: string, min: number, max: number) {
  const s = value.trim();
  const code = field.toUpperCase();
  if (s.length < min) out.push({ code: `${code}_REQUIRED`, message: `${label} wajib diisi (minimal ${min} karakter).`, field });
  else if (s.length > max) out.push({ code: `${code}_TOO_LONG`, message: `${label} maksimal ${max} karakter.`, field });
}

/** Every problem of a complaint at once, one per field, in the order of the form (none: it may be sent). */
export function periksaPengaduan(v: IsianPengaduan, cara: CaraPengaduan): MasalahPengaduan[] {
  const out: MasalahPengaduan[] = [];
  if (!v.instansiId.trim()) out.push({ code: "INSTANSI_REQUIRED", message: "Pilih kantor yang diadukan.", field: "instansiId" });
  if (!v.kategoriId.trim()) out.push({ code: "KATEGORI_REQUIRED", message: "Pilih kategori pengaduan.", field: "kategoriId" });
  teks(out, "judul", "Judul pengaduan", v.judul, JUDUL_MIN, JUDUL_MAKS);
  teks(out, "uraian", "Uraian pengaduan", v.uraian, URAIAN_MIN, URAIAN_MAKS);
  if (cara === "daring" && v.bukti === 0)
    out.push({ code: "BUKTI_REQUIRED", message: "Lampirkan paling sedikit satu bukti pendukung (foto, video, atau dokumen).", field: "bukti" });
  else if (v.bukti > LAMPIRAN_PENGADUAN_MAKS_BERKAS)
    out.push({ code: "TOO_MANY_FILES", message: `Maksimal ${LAMPIRAN_PENGADUAN_MAKS_BERKAS} lampiran.`, field: "bukti" });
  if (cara === "catat") {
    if ((v.namaPelapor ?? "").trim().length > PELAPOR_MAKS)
      out.push({ code: "NAMA_PELAPOR_TOO_LONG", message: `Nama pelapor maksimal ${PELAPOR_MAKS} karakter.`, field: "namaPelapor" });
    if ((v.kontakPelapor ?? "").trim().length > PELAPOR_MAKS)
      out.push({ code: "KONTAK_PELAPOR_TOO_LONG", message: `Kontak pelapor maksimal ${PELAPOR_MAKS} karakter.`, field: "kontakPelapor" });
  }
  return out;
}

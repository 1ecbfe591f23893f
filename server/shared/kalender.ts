import { type AturanTeks, type Masalah, masalahTeks } from "./teks";

/**
 * The office calendar's forms (national holidays, an office's closures, its opening hours): one rule per field,
 * used by the API (instansi/rules.ts builds its schemas from them) and by the admin's pages before they send
 * (client/src/pages/admin/calendar/*); tests/client/form-parity-calendar.test.ts checks both answer alike.
 */

export const NAMA_LIBUR: AturanTeks = { label: "Nama hari libur", min: 3, max: 200, kode: { required: "NAMA_INVALID", tooLong: "NAMA_INVALID" } };
export const DASAR_HUKUM_LIBUR: AturanTeks = {
  label: "Dasar hukum (nomor SKB/keputusan)",
  min: 5,
  max: 500,
  kode: { required: "DASAR_HUKUM_REQUIRED", tooLong: "DASAR_HUKUM_TOO_LONG" },
};
export const ALASAN_PENUTUPAN: AturanTeks = { label: "Alasan penutupan", min: 3, max: 500, kode: { required: "REASON_REQUIRED", tooLong: "REASON_TOO_LONG" } };

const only = (list: Array<Masalah | null>) => list.filter((p): p is Masalah => p !== null);

/** A national holiday or cuti bersama day names itself and cites the decree that sets it. */
export function periksaHariLibur(v: { nama: string; dasarHukum: string }): Masalah[] {
  return only([masalahTeks("nama", NAMA_LIBUR, v.nama), masalahTeks("dasarHukum", DASAR_HUKUM_LIBUR, v.dasarHukum)]);
}

/** An office's closure says why (the applicants read it). */
export function periksaPenutupan(v: { alasan: string }): Masalah[] {
  return only([masalahTeks("alasan", ALASAN_PENUTUPAN, v.alasan)]);
}

/** "HH:MM" (or "HH.MM") local time → minutes after midnight, up to 24:00; null when it is not a time. */
export function menitDariJam(raw: string): number | null {
  const m = raw.trim().match(/^(\d{1,2})[:.](\d{2})$/);
  if (!m || Number(m[2]) > 59) return null;
  const value = Number(m[1]) * 60 + Number(m[2]);
  return value > 24 * 60 ? null : value;
}

export interface BarisJam {
  hari: number;
  buka: string;
  tutup: string;
}

/**
 * Every problem of an office's opening hours: each row's day and times, closing after opening, and no two rows
 * of one day overlapping (the later row of the two is named). Fields are `<prefix>.<row>.<hari|buka|tutup>`, the
 * list's own problem `<prefix>`.
 */
export function periksaJamLayanan(rows: readonly BarisJam[], prefix = "jamLayanan"): Masalah[] {
  const at = (i: number, f: string) => [prefix, String(i), f].filter(Boolean).join(".");
  if (rows.length === 0) return [{ field: prefix, code: "JAM_KOSONG", message: "Isi paling sedikit satu jam layanan." }];
  const out: Masalah[] = [];
  const valid: Array<{ i: number; hari: number; buka: number; tutup: number }> = [];
  rows.forEach((r, i) => {
    const before = out.length;
    if (!Number.isInteger(r.hari) || r.hari < 1 || r.hari > 7)
      out.push({ field: at(i, "hari"), code: "HARI_INVALID", message: "Hari harus 1 (Senin) sampai 7 (Minggu)." });
    const buka = menitDariJam(r.buka);
    const tutup = menitDariJam(r.tutup);
    const jamTidakValid = (f: string, raw: string) =>
      out.push({ field: at(i, f), code: "JAM_INVALID", message: `Jam "${raw}" tidak valid; gunakan format JJ:MM, misalnya 08:00.` });
    if (buka === null) jamTidakValid("buka", r.buka);
    if (tutup === null) jamTidakValid("tutup", r.tutup);
    if (buka !== null && tutup !== null && tutup <= buka)
      out.push({ field: at(i, "tutup"), code: "JAM_INVALID", message: "Jam tutup harus setelah jam buka." });
    if (out.length > before || buka === null || tutup === null) return;
    const clash = valid.find((v) => v.hari === r.hari && v.buka < tutup && buka < v.tutup);
    if (clash)
      out.push({
        field: at(i, "buka"),
        code: "JAM_BERTUMPUK",
        message: `Jam ini bertumpuk dengan jam layanan baris ${clash.i + 1} pada hari yang sama.`,
      });
    else valid.push({ i, hari: r.hari, buka, tutup });
  });
  return out;
}

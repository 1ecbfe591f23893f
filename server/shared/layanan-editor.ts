import type { Masalah } from "./teks";

/**
 * The service editor's rules (a Standar Pelayanan, its document slots and its form fields), checked by the admin's
 * page before it saves (client/src/pages/admin/layanan-editor) and by the API (layanan/rules.ts builds its schemas
 * from them); tests/client/form-parity-layanan.test.ts checks both answer alike. Values are as the API receives
 * them (numbers as numbers); the page turns its text boxes into numbers with `bilanganBulat` and `angka`.
 */

/** The free-text components of a Standar Pelayanan (PermenPANRB 15/2014; the SLA, cost and slots are structured). */
export const SP_COMPONENTS = [
  "dasarHukum",
  "persyaratanKeterangan",
  "prosedur",
  "jangkaWaktuKeterangan",
  "biayaKeterangan",
  "produkLayanan",
  "saranaPrasarana",
  "kompetensiPelaksana",
  "pengawasanInternal",
  "penangananPengaduan",
  "jumlahPelaksana",
  "jaminanPelayanan",
  "jaminanKeamanan",
  "evaluasiKinerja",
] as const;
export const TEXT_FIELDS = ["kategori", "deskripsi", ...SP_COMPONENTS] as const;
export const TEXT_MAKS = 20_000;
export const SATUAN = ["MENIT", "JAM_KERJA", "HARI_KERJA"] as const;
export const SLA_MAKS = 10_000;
export const ALLOWED_MIME = ["application/pdf", "image/jpeg", "image/png"] as const;
export const PERSYARATAN_MAKS = 30;
export const MAKS_BYTES_MIN = 10_000;
export const MAKS_BYTES_MAKS = 20 * 1024 * 1024;
export const FIELDS_MAKS = 50;

export const PESAN = {
  kode: "Kode layanan 2–40 karakter: huruf, angka, atau tanda hubung.",
  nama: "Nama layanan 3–200 karakter.",
  sla: "Jangka waktu penyelesaian harus bilangan bulat positif.",
  biaya: "Biaya harus bilangan bulat 0 atau lebih (rupiah, tanpa titik).",
  angka: "Tulis angka, misalnya 5 atau 2,5.",
} as const;

/** A whole number typed in a box ("12", " 3 "), or null ("1.000", "2,5", "", "tiga"). */
export function bilanganBulat(raw: string): number | null {
  const s = raw.trim();
  return /^\d{1,15}$/.test(s) ? Number(s) : null;
}

/** A number typed in a box ("2,5" as "2.5"); "" is no number (undefined), text is null. */
export function angka(raw: string): number | null | undefined {
  const s = raw.trim();
  if (!s) return undefined;
  const n = Number(s.replace(",", "."));
  return Number.isFinite(n) ? n : null;
}

export type LayananNilai = Partial<Record<(typeof TEXT_FIELDS)[number], string | null>> & {
  kode?: string | null;
  nama?: string | null;
  prosedurFlowchart?: string | null;
  slaJumlah?: number | null;
  slaSatuan?: string | null;
  biaya?: number | null;
  unduhOnline?: boolean | null;
  ambilDiKantor?: boolean | null;
};

const FLOWCHART = /^(graph|flowchart)\s+(TD|TB|LR|RL|BT)\b/;

/** Every problem of a Standar Pelayanan as sent: all of it on create (`creating`), what is sent on update. */
export function periksaLayanan(v: LayananNilai, creating: boolean): Masalah[] {
  const out: Masalah[] = [];
  const add = (field: string, code: string, message: string) => out.push({ field, code, message });
  if (v.kode != null) {
    if (!/^[A-Z0-9][A-Z0-9-]{1,39}$/.test(v.kode.trim().toUpperCase())) add("kode", "KODE_INVALID", PESAN.kode);
  } else if (creating) add("kode", "KODE_INVALID", "Kode layanan wajib diisi.");
  if (v.nama != null) {
    const n = v.nama.trim().length;
    if (n < 3 || n > 200) add("nama", "NAMA_INVALID", PESAN.nama);
  } else if (creating) add("nama", "NAMA_INVALID", "Nama layanan wajib diisi.");
  for (const f of TEXT_FIELDS) {
    if ((v[f]?.trim().length ?? 0) > TEXT_MAKS) add(f, "TEXT_TOO_LONG", "Teks terlalu panjang (maksimal 20.000 karakter).");
  }
  const flow = v.prosedurFlowchart?.trim();
  if (flow && !FLOWCHART.test(flow)) add("prosedurFlowchart", "FLOWCHART_INVALID", "Diagram alur harus berupa kode mermaid yang diawali 'graph TD'.");
  if (v.slaJumlah != null) {
    if (!Number.isInteger(v.slaJumlah) || v.slaJumlah < 1 || v.slaJumlah > SLA_MAKS) add("slaJumlah", "SLA_INVALID", PESAN.sla);
  } else if (creating) add("slaJumlah", "SLA_INVALID", "Jangka waktu penyelesaian wajib diisi.");
  if (v.slaSatuan != null) {
    if (!(SATUAN as readonly string[]).includes(v.slaSatuan)) add("slaSatuan", "SLA_INVALID", "Satuan jangka waktu tidak dikenal.");
  } else if (creating) add("slaSatuan", "SLA_INVALID", "Satuan jangka waktu wajib diisi.");
  if (v.biaya != null && (!Number.isInteger(v.biaya) || v.biaya < 0)) add("biaya", "BIAYA_INVALID", PESAN.biaya);
  if (v.unduhOnline === false && v.ambilDiKantor === false)
    add("unduhOnline", "PENGIRIMAN_INVALID", "Pilih paling sedikit satu cara penerimaan hasil: unduh atau ambil di kantor.");
  return out;
}

export interface SlotNilai {
  label: string;
  keterangan?: string | null;
  jenisFile?: readonly string[] | null;
  maksBytes?: number | null;
}

const at = (prefix: string, ...parts: Array<string | number>) => [prefix, ...parts.map(String)].filter(Boolean).join(".");

/** Every problem of the document slots (`<prefix>.<slot>.<field>`; too many: `<prefix>`, before any slot is read). */
export function periksaPersyaratan(slots: readonly SlotNilai[], prefix = "persyaratan"): Masalah[] {
  if (slots.length > PERSYARATAN_MAKS) return [{ field: prefix, code: "PERSYARATAN_TOO_MANY", message: `Maksimal ${PERSYARATAN_MAKS} slot persyaratan.` }];
  const out: Masalah[] = [];
  slots.forEach((s, i) => {
    const add = (f: string, code: string, message: string) => out.push({ field: at(prefix, i, f), code, message });
    const n = s.label.trim().length;
    if (n < 2 || n > 200) add("label", "LABEL_INVALID", "Nama persyaratan 2–200 karakter.");
    if ((s.keterangan?.trim().length ?? 0) > 2000) add("keterangan", "KETERANGAN_TOO_LONG", "Keterangan persyaratan maksimal 2000 karakter.");
    if (s.jenisFile) {
      const bad = s.jenisFile.find((m) => !(ALLOWED_MIME as readonly string[]).includes(m));
      if (s.jenisFile.length === 0) add("jenisFile", "JENIS_FILE_REQUIRED", "Pilih paling sedikit satu jenis berkas.");
      else if (bad !== undefined) add("jenisFile", "JENIS_FILE_INVALID", `Jenis berkas "${bad}" tidak didukung; pilih PDF, JPG, atau PNG.`);
    }
    if (s.maksBytes != null && (!Number.isInteger(s.maksBytes) || s.maksBytes < MAKS_BYTES_MIN || s.maksBytes > MAKS_BYTES_MAKS))
      add("maksBytes", "MAKS_BYTES_INVALID", "Ukuran maksimal berkas antara 10 KB dan 20 MB.");
  });
  return out;
}

export interface IsianNilai {
  nama: string;
  label: string;
  tipe: string;
  pola?: string | null;
  min?: number | null;
  max?: number | null;
  opsi?: readonly string[] | null;
  bantuan?: string | null;
}

/** Whether the applicants' check (server/shared/form.ts) can use `pola`: it matches the whole value with it. */
export function polaValid(pola: string): boolean {
  try {
    new RegExp(`^(?:${pola})$`, "u");
    return true;
  } catch {
    return false;
  }
}

/** Every problem of the form's fields (`<prefix>.<field>.<property>`; too many: `<prefix>`, before any field is read). */
export function periksaIsian(fields: readonly IsianNilai[], prefix = "formFields"): Masalah[] {
  if (fields.length > FIELDS_MAKS) return [{ field: prefix, code: "FIELDS_TOO_MANY", message: `Maksimal ${FIELDS_MAKS} isian formulir.` }];
  const out: Masalah[] = [];
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const add = (p: string, code: string, message: string) => out.push({ field: at(prefix, i, p), code, message });
    const nama = f.nama.trim();
    if (!/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/.test(nama)) add("nama", "FIELD_NAME_INVALID", "Nama isian: huruf, angka, garis bawah; diawali huruf.");
    else if (seen.has(nama)) add("nama", "FIELD_NAME_DUPLICATE", `Nama isian "${nama}" dipakai dua kali.`);
    seen.add(nama);
    if (f.label.trim().length > 200) add("label", "FIELD_LABEL_TOO_LONG", "Label isian maksimal 200 karakter.");
    if (f.pola && !polaValid(f.pola)) add("pola", "FIELD_PATTERN_INVALID", "Pola (regex) isian tidak valid.");
    if (f.min != null && f.max != null && f.min > f.max)
      add("max", "FIELD_RANGE_INVALID", "Batas maksimal harus sama dengan atau lebih besar dari batas minimal.");
    if (f.tipe === "SELECT" && !(f.opsi ?? []).some((o) => o.trim())) add("opsi", "FIELD_OPTIONS_REQUIRED", "Isian pilihan harus punya daftar pilihan.");
    if ((f.bantuan?.trim().length ?? 0) > 1000) add("bantuan", "FIELD_BANTUAN_TOO_LONG", "Bantuan isian maksimal 1000 karakter.");
  });
  return out;
}

import { ValidationError } from "../../lib/errors";
import type { FormFieldType, SlaSatuan } from "../../generated/prisma/enums";

export const ALLOWED_MIME = ["application/pdf", "image/jpeg", "image/png"] as const;

/** The free-text components of a Standar Pelayanan (the SLA, cost and requirement slots are structured). */
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

export const SATUAN = ["MENIT", "JAM_KERJA", "HARI_KERJA"] as const satisfies readonly SlaSatuan[];
export const FORM_FIELD_TYPES = ["TEXT", "TEXTAREA", "NUMBER", "DATE", "SELECT", "NIK", "PHONE", "EMAIL"] as const satisfies readonly FormFieldType[];

type LayananInput = Record<string, unknown> & {
  kode?: string | null;
  nama?: string | null;
  slaJumlah?: number | null;
  slaSatuan?: SlaSatuan | null;
  biaya?: number | null;
  prosedurFlowchart?: string | null;
};

export function parseLayananInput(input: LayananInput, creating: boolean): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  if (input.kode != null) {
    const kode = String(input.kode).trim().toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9-]{1,39}$/.test(kode)) {
      throw new ValidationError("KODE_INVALID", "Kode layanan 2–40 karakter: huruf, angka, atau tanda hubung.", "kode");
    }
    data.kode = kode;
  } else if (creating) throw new ValidationError("KODE_INVALID", "Kode layanan wajib diisi.", "kode");
  if (input.nama != null) {
    const nama = String(input.nama).trim();
    if (nama.length < 3 || nama.length > 200) throw new ValidationError("NAMA_INVALID", "Nama layanan 3–200 karakter.", "nama");
    data.nama = nama;
  } else if (creating) throw new ValidationError("NAMA_INVALID", "Nama layanan wajib diisi.", "nama");
  for (const key of ["kategori", "deskripsi", ...SP_COMPONENTS] as const) {
    const v = input[key];
    if (v != null) {
      const s = String(v).trim();
      if (s.length > 20_000) throw new ValidationError("TEXT_TOO_LONG", "Teks terlalu panjang (maksimal 20.000 karakter).", key);
      data[key] = s;
    }
  }
  if (data.kategori === "") data.kategori = "Umum";
  if (input.prosedurFlowchart !== undefined) {
    const f = input.prosedurFlowchart?.trim() || null;
    if (f && !/^(graph|flowchart)\s+(TD|TB|LR|RL|BT)\b/.test(f)) {
      throw new ValidationError("FLOWCHART_INVALID", "Diagram alur harus berupa kode mermaid yang diawali 'graph TD'.", "prosedurFlowchart");
    }
    data.prosedurFlowchart = f;
  }
  if (input.slaJumlah != null) {
    if (!Number.isInteger(input.slaJumlah) || input.slaJumlah < 1 || input.slaJumlah > 10_000) {
      throw new ValidationError("SLA_INVALID", "Jangka waktu penyelesaian harus bilangan bulat positif.", "slaJumlah");
    }
    data.slaJumlah = input.slaJumlah;
  } else if (creating) throw new ValidationError("SLA_INVALID", "Jangka waktu penyelesaian wajib diisi.", "slaJumlah");
  if (input.slaSatuan != null) {
    if (!(SATUAN as readonly string[]).includes(input.slaSatuan)) throw new ValidationError("SLA_INVALID", "Satuan jangka waktu tidak dikenal.", "slaSatuan");
    data.slaSatuan = input.slaSatuan;
  } else if (creating) throw new ValidationError("SLA_INVALID", "Satuan jangka waktu wajib diisi.", "slaSatuan");
  if (input.biaya != null) {
    if (!Number.isInteger(input.biaya) || input.biaya < 0) throw new ValidationError("BIAYA_INVALID", "Biaya harus 0 atau lebih (rupiah).", "biaya");
    data.biaya = input.biaya;
  }
  for (const key of ["aktif", "unduhOnline", "ambilDiKantor"] as const) if (input[key] != null) data[key] = Boolean(input[key]);
  if (data.unduhOnline === false && data.ambilDiKantor === false) {
    throw new ValidationError("PENGIRIMAN_INVALID", "Pilih paling sedikit satu cara penerimaan hasil: unduh atau ambil di kantor.", "unduhOnline");
  }
  return data;
}

export interface SlotInput {
  id?: string | number | null;
  label: string;
  keterangan?: string | null;
  wajib?: boolean | null;
  jenisFile?: string[] | null;
  maksBytes?: number | null;
}

export function parsePersyaratan(items: SlotInput[], defaultMax: number) {
  if (items.length > 30) throw new ValidationError("PERSYARATAN_TOO_MANY", "Maksimal 30 slot persyaratan.", "persyaratan");
  return items.map((s, i) => {
    const label = s.label.trim();
    if (label.length < 2 || label.length > 200) throw new ValidationError("LABEL_INVALID", "Nama persyaratan 2–200 karakter.", `persyaratan.${i}.label`);
    const jenisFile = s.jenisFile?.length ? [...new Set(s.jenisFile)] : [...ALLOWED_MIME];
    for (const m of jenisFile) {
      if (!(ALLOWED_MIME as readonly string[]).includes(m)) {
        throw new ValidationError("JENIS_FILE_INVALID", `Jenis berkas "${m}" tidak didukung; pilih PDF, JPG, atau PNG.`, `persyaratan.${i}.jenisFile`);
      }
    }
    const maksBytes = s.maksBytes ?? defaultMax;
    if (!Number.isInteger(maksBytes) || maksBytes < 10_000 || maksBytes > 20 * 1024 * 1024) {
      throw new ValidationError("MAKS_BYTES_INVALID", "Ukuran maksimal berkas antara 10 KB dan 20 MB.", `persyaratan.${i}.maksBytes`);
    }
    return { id: s.id == null ? null : String(s.id), urutan: i + 1, label, keterangan: s.keterangan?.trim() ?? "", wajib: s.wajib ?? true, jenisFile, maksBytes };
  });
}

export interface FieldInput {
  nama: string;
  label: string;
  tipe: FormFieldType;
  wajib?: boolean | null;
  pola?: string | null;
  min?: number | null;
  max?: number | null;
  opsi?: string[] | null;
  bantuan?: string | null;
}

export function parseFormFields(items: FieldInput[]) {
  if (items.length > 50) throw new ValidationError("FIELDS_TOO_MANY", "Maksimal 50 isian formulir.", "formFields");
  const seen = new Set<string>();
  return items.map((f, i) => {
    const nama = f.nama.trim();
    if (!/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/.test(nama)) {
      throw new ValidationError("FIELD_NAME_INVALID", "Nama isian: huruf, angka, garis bawah; diawali huruf.", `formFields.${i}.nama`);
    }
    if (seen.has(nama)) throw new ValidationError("FIELD_NAME_DUPLICATE", `Nama isian "${nama}" dipakai dua kali.`, `formFields.${i}.nama`);
    seen.add(nama);
    if (f.pola) {
      try {
        new RegExp(f.pola, "u");
      } catch {
        throw new ValidationError("FIELD_PATTERN_INVALID", "Pola (regex) isian tidak valid.", `formFields.${i}.pola`);
      }
    }
    const opsi = (f.opsi ?? []).map((o) => o.trim()).filter(Boolean);
    if (f.tipe === "SELECT" && opsi.length === 0) {
      throw new ValidationError("FIELD_OPTIONS_REQUIRED", "Isian pilihan harus punya daftar pilihan.", `formFields.${i}.opsi`);
    }
    return {
      urutan: i + 1,
      nama,
      label: f.label.trim() || nama,
      tipe: f.tipe,
      wajib: f.wajib ?? true,
      pola: f.pola || null,
      min: f.min ?? null,
      max: f.max ?? null,
      opsi,
      bantuan: f.bantuan?.trim() ?? "",
    };
  });
}

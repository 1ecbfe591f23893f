import { z } from "zod";
import type { FormFieldType, SlaSatuan } from "../../generated/prisma/enums";
import { problem } from "../../lib/validate";

/**
 * The input rules of the service editor (a Standar Pelayanan, its document slots and form fields): zod schemas
 * parsed by layanan/service.ts after authorisation (server/lib/validate.ts), each check with its stable code and
 * Indonesian message. The seed files are checked against the same lists (catalogue-seed.ts).
 */

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

const problemOf = (code: string, message: string) => ({ code: "custom" as const, message: problem(code, message).error() });

/** Omitted or null: left as it is (on update) — or, with `required`, refused with that problem. */
function field<S extends z.ZodType>(s: S, required: { error: () => string } | null) {
  // z.any first: an optional key that is absent would skip the schema (and its "required" check) altogether
  return required
    ? z
        .any()
        .refine((v) => v != null, required)
        .pipe(s)
    : s.nullish().transform((v) => v ?? undefined);
}

const TEXT = z.string().trim().max(20_000, problem("TEXT_TOO_LONG", "Teks terlalu panjang (maksimal 20.000 karakter)."));
const KODE = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/, problem("KODE_INVALID", "Kode layanan 2–40 karakter: huruf, angka, atau tanda hubung."));
const NAMA_INVALID = problem("NAMA_INVALID", "Nama layanan 3–200 karakter.");
const NAMA = z.string().trim().min(3, NAMA_INVALID).max(200, NAMA_INVALID);
const SLA_JUMLAH_INVALID = problem("SLA_INVALID", "Jangka waktu penyelesaian harus bilangan bulat positif.");
const SLA_JUMLAH = z.int(SLA_JUMLAH_INVALID).min(1, SLA_JUMLAH_INVALID).max(10_000, SLA_JUMLAH_INVALID);
const BIAYA_INVALID = problem("BIAYA_INVALID", "Biaya harus 0 atau lebih (rupiah).");

/** A Standar Pelayanan as sent (LayananInput): every field on create (`creating`), only those sent on update. */
export function layananInput(creating: boolean) {
  const must = (code: string, message: string) => (creating ? problem(code, message) : null);
  return z
    .object({
      kode: field(KODE, must("KODE_INVALID", "Kode layanan wajib diisi.")),
      nama: field(NAMA, must("NAMA_INVALID", "Nama layanan wajib diisi.")),
      kategori: field(TEXT, null),
      deskripsi: field(TEXT, null),
      ...(Object.fromEntries(SP_COMPONENTS.map((c) => [c, field(TEXT, null)])) as Record<
        (typeof SP_COMPONENTS)[number],
        ReturnType<typeof field<typeof TEXT>>
      >),
      // null clears the flowchart; omitted leaves it
      prosedurFlowchart: z
        .string()
        .nullish()
        .transform((f) => (f === undefined ? undefined : f?.trim() || null))
        .refine(
          (f) => !f || /^(graph|flowchart)\s+(TD|TB|LR|RL|BT)\b/.test(f),
          problem("FLOWCHART_INVALID", "Diagram alur harus berupa kode mermaid yang diawali 'graph TD'."),
        ),
      slaJumlah: field(SLA_JUMLAH, must("SLA_INVALID", "Jangka waktu penyelesaian wajib diisi.")),
      slaSatuan: field(z.enum(SATUAN, problem("SLA_INVALID", "Satuan jangka waktu tidak dikenal.")), must("SLA_INVALID", "Satuan jangka waktu wajib diisi.")),
      biaya: field(z.int(BIAYA_INVALID).min(0, BIAYA_INVALID), null),
      aktif: field(z.boolean(), null),
      unduhOnline: field(z.boolean(), null),
      ambilDiKantor: field(z.boolean(), null),
    })
    .refine((d) => !(d.unduhOnline === false && d.ambilDiKantor === false), {
      ...problem("PENGIRIMAN_INVALID", "Pilih paling sedikit satu cara penerimaan hasil: unduh atau ambil di kantor."),
      path: ["unduhOnline"],
    })
    .transform((d) => {
      const data = Object.fromEntries(Object.entries(d).filter(([, v]) => v !== undefined)) as Partial<typeof d>;
      if (data.kategori === "") data.kategori = "Umum";
      return data;
    });
}

/** Whether `m` is a type a document slot may accept. */
const isAllowedMime = (m: string) => (ALLOWED_MIME as readonly string[]).includes(m);

/** Document slots (PersyaratanInput), in order; a slot without a size limit takes `defaultMax`. */
export function persyaratanInput(defaultMax: number) {
  const LABEL_INVALID = problem("LABEL_INVALID", "Nama persyaratan 2–200 karakter.");
  const MAKS_INVALID = problem("MAKS_BYTES_INVALID", "Ukuran maksimal berkas antara 10 KB dan 20 MB.");
  const slot = z.object({
    id: z.union([z.string(), z.number()]).nullish(),
    label: z.string().trim().min(2, LABEL_INVALID).max(200, LABEL_INVALID),
    keterangan: z.string().nullish(),
    wajib: z.boolean().nullish(),
    jenisFile: z
      .array(z.string())
      .nullish()
      .transform((list, ctx) => {
        const jenis = list?.length ? [...new Set(list)] : [...ALLOWED_MIME];
        const bad = jenis.find((m) => !isAllowedMime(m));
        if (bad !== undefined) ctx.addIssue(problemOf("JENIS_FILE_INVALID", `Jenis berkas "${bad}" tidak didukung; pilih PDF, JPG, atau PNG.`));
        return jenis;
      }),
    maksBytes: z
      .number()
      .nullish()
      .transform((v) => v ?? defaultMax)
      .refine((v) => Number.isInteger(v) && v >= 10_000 && v <= 20 * 1024 * 1024, MAKS_INVALID),
  });
  // too many is answered before any slot is read
  return z
    .array(z.unknown())
    .max(30, problem("PERSYARATAN_TOO_MANY", "Maksimal 30 slot persyaratan."))
    .pipe(z.array(slot))
    .transform((slots) =>
      slots.map((s, i) => ({
        id: s.id == null ? null : String(s.id),
        urutan: i + 1,
        label: s.label,
        keterangan: s.keterangan?.trim() ?? "",
        wajib: s.wajib ?? true,
        jenisFile: s.jenisFile,
        maksBytes: s.maksBytes,
      })),
    );
}

const isPattern = (pola: string) => {
  try {
    new RegExp(pola, "u");
    return true;
  } catch {
    return false;
  }
};

/** The form's fields (FormFieldInput), in order; names unique. */
export const FORM_FIELDS = z
  .array(z.unknown())
  .max(50, problem("FIELDS_TOO_MANY", "Maksimal 50 isian formulir."))
  .pipe(
    z.array(
      z
        .object({
          nama: z
            .string()
            .trim()
            .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/, problem("FIELD_NAME_INVALID", "Nama isian: huruf, angka, garis bawah; diawali huruf.")),
          label: z.string(),
          tipe: z.enum(FORM_FIELD_TYPES),
          wajib: z.boolean().nullish(),
          pola: z
            .string()
            .nullish()
            .refine((p) => !p || isPattern(p), problem("FIELD_PATTERN_INVALID", "Pola (regex) isian tidak valid.")),
          min: z.number().nullish(),
          max: z.number().nullish(),
          opsi: z
            .array(z.string())
            .nullish()
            .transform((o) => (o ?? []).map((x) => x.trim()).filter(Boolean)),
          bantuan: z.string().nullish(),
        })
        .refine((f) => f.tipe !== "SELECT" || f.opsi.length > 0, {
          ...problem("FIELD_OPTIONS_REQUIRED", "Isian pilihan harus punya daftar pilihan."),
          path: ["opsi"],
        }),
    ),
  )
  .superRefine((fields, ctx) => {
    const seen = new Set<string>();
    fields.forEach((f, i) => {
      if (seen.has(f.nama)) ctx.addIssue({ ...problemOf("FIELD_NAME_DUPLICATE", `Nama isian "${f.nama}" dipakai dua kali.`), path: [i, "nama"] });
      seen.add(f.nama);
    });
  })
  .transform((fields) =>
    fields.map((f, i) => ({
      urutan: i + 1,
      nama: f.nama,
      label: f.label.trim() || f.nama,
      tipe: f.tipe,
      wajib: f.wajib ?? true,
      pola: f.pola || null,
      min: f.min ?? null,
      max: f.max ?? null,
      opsi: f.opsi,
      bantuan: f.bantuan?.trim() ?? "",
    })),
  );

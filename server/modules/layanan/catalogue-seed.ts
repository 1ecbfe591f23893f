import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { problemsOf } from "../../lib/validate";
import { JAM_LAYANAN } from "../instansi/rules";
import { ALLOWED_MIME, FORM_FIELD_TYPES, SATUAN, SP_COMPONENTS } from "./rules";
import { fromRoot } from "../../paths";

/**
 * The service catalogue the project starts from: four offices and their Standar Pelayanan, as data in
 * `seed/*.json` (one file per instansi, loaded in file-name order), checked here when loaded.
 *
 * Sources (see /work/shared/seeds/README.md):
 *   - Kecamatan Jogonalan, Klaten — seed 002: one complete Standar Pelayanan, copied faithfully (the source's
 *     spelling included; admins may tidy it once the office re-issues its SP).
 *   - Diskominfo Kota Madiun — seed 004: four services with most components and three mermaid flowcharts.
 *   - Diskominfo Kota Pekalongan — seed 003: only the service names are given; every SP component is an example.
 *   - Kantor Kementerian Agama Kabupaten Madiun — seed 000 (MasPeci): "31 jenis layanan" without names; the
 *     31 services are plausible examples.
 *
 * `contoh: true` marks a service whose standard is an example for admins to edit, not the office's
 * published SP. Where a real service lacks a component in its source, the text is our own and is listed in
 * the file's `asumsi`, so nothing invented passes for a quoted fact.
 *
 * The files live beside this loader (not in prisma/) because they are this domain's content and this schema
 * is their only reader; they are read with fs from the repository's folder (server/paths.ts), which works under
 * tsx and under the bundle in dist/server (an `import … with { type: "json" }` would be typed from the data
 * instead of checked against the schema).
 *
 * File format, beyond the columns of Instansi, JamLayanan, Layanan, PersyaratanDokumen and FormField:
 *   - long text may be an array of lines (joined with "\n");
 *   - opening hours as "HH:MM" local time;
 *   - `bawaanLayanan`: components every service of the file takes unless it sets its own;
 *   - `sumber`, `catatan`: notes for whoever edits the file, never loaded into the database.
 */

export const MIME_DOKUMEN: readonly string[] = ALLOWED_MIME;
// a path, not a URL object: under a DOM test environment `URL` is not Node's, and fs refuses it
export const SEED_DIR = fromRoot("server", "modules", "layanan", "seed");

const teks = z.union([z.string(), z.array(z.string()).transform((lines) => lines.join("\n"))]);
const catatan = teks.optional();
const instansiSchema = z.strictObject({
  kode: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,19}$/),
  nama: z.string().min(3),
  prefixNomor: z.string().regex(/^[A-Z]{2,5}$/),
  alamat: z.string(),
  telepon: z.string(),
  email: z.string(),
  website: z.string(),
  zonaWaktu: z.literal("Asia/Jakarta"),
  /** ISO weekday (1 = Senin … 7 = Minggu) */
  /** the same rules as an admin's edit: "HH:MM" local time, ISO weekday (1 = Senin … 7 = Minggu), no overlaps */
  jamLayanan: JAM_LAYANAN,
  catatan,
});

const persyaratanSchema = z.strictObject({
  label: z.string().min(1),
  keterangan: z.string().optional(),
  wajib: z.boolean(),
  /** MIME types, decided by content; the column's default when absent */
  jenisFile: z.array(z.enum(ALLOWED_MIME)).min(1).optional(),
  maksBytes: z.int().positive().optional(),
});

const formFieldSchema = z.strictObject({
  nama: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  label: z.string().min(1),
  tipe: z.enum(FORM_FIELD_TYPES),
  wajib: z.boolean(),
  /** matched against the whole value (the validator anchors it) */
  pola: z.string().optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  opsi: z.array(z.string()).optional(),
  bantuan: z.string().optional(),
});

const layananSchema = z.strictObject({
  kode: z.string().regex(/^[A-Z0-9][A-Z0-9-]{1,39}$/),
  nama: z.string().min(3),
  kategori: z.string(),
  deskripsi: teks,
  contoh: z.boolean(),
  // the 14 components of a Standar Pelayanan (PermenPAN-RB 15/2014): the free text ones, then the structured
  ...(Object.fromEntries(SP_COMPONENTS.map((c) => [c, teks])) as Record<(typeof SP_COMPONENTS)[number], typeof teks>),
  prosedurFlowchart: teks.nullable(),
  slaJumlah: z.int().positive(),
  slaSatuan: z.enum(SATUAN),
  biaya: z.int().nonnegative(),
  unduhOnline: z.boolean(),
  ambilDiKantor: z.boolean(),
  persyaratan: z.array(persyaratanSchema),
  formFields: z.array(formFieldSchema),
  catatan,
});

/** A part of the catalogue that its source does not state; shown to admins as "to check". */
const asumsiSchema = z.strictObject({
  /** absent: the office itself (or all its services when `bagian` names Layanan fields) */
  layanan: z.string().optional(),
  /** fields of the instansi or of a layanan */
  bagian: z.array(z.string()).min(1),
  alasan: z.string().min(1),
});

const fileSchema = z.strictObject({
  sumber: catatan,
  instansi: instansiSchema,
  bawaanLayanan: z.record(z.string(), z.unknown()).optional(),
  // checked after the defaults are applied (below)
  layanan: z.array(z.record(z.string(), z.unknown())),
  asumsi: z.array(asumsiSchema),
});

type WithoutNotes<T> = Omit<T, "catatan">;
export type SeedInstansi = WithoutNotes<z.output<typeof instansiSchema>>;
export type SeedLayanan = WithoutNotes<z.output<typeof layananSchema>>;
export type SeedPersyaratan = z.output<typeof persyaratanSchema>;
export type SeedFormField = z.output<typeof formFieldSchema>;
export type SeedSlaSatuan = SeedLayanan["slaSatuan"];
export type SeedFormFieldType = SeedFormField["tipe"];
export type SeedAsumsi = z.output<typeof asumsiSchema> & { instansi: string };
export interface SeedKatalog {
  instansi: SeedInstansi;
  layanan: SeedLayanan[];
}

/** Names the file and the path of every problem, e.g. `04-kmg-madiun.json: layanan.3.slaJumlah: …`. */
export class SeedFileError extends Error {}

function check<S extends z.ZodType>(schema: S, value: unknown, file: string, at: Array<string | number>): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const where = (field: string | null) => [...at, ...(field ? [field] : [])].join(".") || "(berkas)";
  throw new SeedFileError(
    `${file}: ${problemsOf(result.error.issues)
      .map((p) => `${where(p.field)}: ${p.message}`)
      .join("; ")}`,
  );
}

/** One instansi's file: its office, its services (with the file's defaults) and what its source does not state. */
export function parseSeedFile(file: string, text: string): { katalog: SeedKatalog; asumsi: SeedAsumsi[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new SeedFileError(`${file}: bukan JSON yang sah (${(err as Error).message})`);
  }
  const doc = check(fileSchema, json, file, []);
  const { catatan: _c, ...instansi } = doc.instansi;
  const expected = `-${instansi.kode.toLowerCase()}.json`;
  if (!file.endsWith(expected)) throw new SeedFileError(`${file}: nama berkas harus diakhiri ${expected}`);
  const layanan = doc.layanan.map((l, i) => {
    const { catatan: _n, ...row } = check(layananSchema, { ...doc.bawaanLayanan, ...l }, file, ["layanan", i]);
    return row;
  });
  return { katalog: { instansi, layanan }, asumsi: doc.asumsi.map((a) => ({ instansi: instansi.kode, ...a })) };
}

let loaded: { CATALOGUE: SeedKatalog[]; ASUMSI: SeedAsumsi[] } | null = null;

/** Every file of `seed/`, in file-name order; read once. */
export function loadCatalogue(): { CATALOGUE: SeedKatalog[]; ASUMSI: SeedAsumsi[] } {
  if (loaded) return loaded;
  const files = fs
    .readdirSync(SEED_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const parsed = files.map((f) => parseSeedFile(f, fs.readFileSync(path.join(SEED_DIR, f), "utf8")));
  loaded = { CATALOGUE: parsed.map((p) => p.katalog), ASUMSI: parsed.flatMap((p) => p.asumsi) };
  return loaded;
}

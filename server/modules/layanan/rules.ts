import { z } from "zod";
import type { FormFieldType, SlaSatuan } from "../../generated/prisma/enums";
import { problem } from "../../lib/validate";
import { svgProblem } from "./flowchart-svg";
import { sharedCheck } from "../../lib/shared-rules";
import {
  ALLOWED_MIME,
  periksaIsian,
  periksaLayanan,
  periksaPersyaratan,
  SATUAN as SHARED_SATUAN,
  SP_COMPONENTS,
  TEXT_FIELDS,
} from "../../shared/layanan-editor";

/**
 * The input rules of the service editor (a Standar Pelayanan, its document slots and form fields): zod schemas
 * parsed by layanan/service.ts after authorisation (server/lib/validate.ts), each check with its stable code and
 * Indonesian message. The seed files are checked against the same lists (catalogue-seed.ts).
 */

// the editor's page checks the same rules before it saves (server/shared/layanan-editor.ts)
export { ALLOWED_MIME, SP_COMPONENTS };
export const SATUAN = SHARED_SATUAN satisfies readonly SlaSatuan[];
export const FORM_FIELD_TYPES = ["TEXT", "TEXTAREA", "NUMBER", "DATE", "SELECT", "NIK", "PHONE", "EMAIL"] as const satisfies readonly FormFieldType[];

const problemOf = (code: string, message: string) => ({ code: "custom" as const, message: problem(code, message).error() });
const text = z.string().nullish();
const trimmed = (v: string | null | undefined) => (v == null ? undefined : v.trim());

/** A Standar Pelayanan as sent (LayananInput): every field on create (`creating`), only those sent on update. */
export function layananInput(creating: boolean) {
  return z
    .object({
      kode: text,
      nama: text,
      ...(Object.fromEntries(TEXT_FIELDS.map((c) => [c, text])) as Record<(typeof TEXT_FIELDS)[number], typeof text>),
      prosedurFlowchart: text,
      // the flowchart drawn in the admin's browser; null clears it, and a new source without a drawing clears it too
      prosedurFlowchartSvg: text,
      slaJumlah: z.number().nullish(),
      slaSatuan: text,
      biaya: z.number().nullish(),
      aktif: z.boolean().nullish(),
      unduhOnline: z.boolean().nullish(),
      ambilDiKantor: z.boolean().nullish(),
    })
    .superRefine(sharedCheck((v) => periksaLayanan(v, creating)))
    .superRefine(({ prosedurFlowchartSvg: svg }, c) => {
      const why = svg ? svgProblem(svg) : null;
      if (why) c.addIssue({ ...problemOf("FLOWCHART_SVG_INVALID", `Gambar bagan alir tidak dapat disimpan: ${why}.`), path: ["prosedurFlowchartSvg"] });
    })
    .transform((d) => {
      const data = {
        ...Object.fromEntries(TEXT_FIELDS.map((c) => [c, trimmed(d[c])])),
        kode: trimmed(d.kode)?.toUpperCase(),
        nama: trimmed(d.nama),
        // null clears the flowchart; omitted leaves it
        prosedurFlowchart: d.prosedurFlowchart === undefined ? undefined : d.prosedurFlowchart?.trim() || null,
        prosedurFlowchartSvg: d.prosedurFlowchartSvg,
        slaJumlah: d.slaJumlah ?? undefined,
        slaSatuan: (d.slaSatuan ?? undefined) as SlaSatuan | undefined,
        biaya: d.biaya ?? undefined,
        aktif: d.aktif ?? undefined,
        unduhOnline: d.unduhOnline ?? undefined,
        ambilDiKantor: d.ambilDiKantor ?? undefined,
      } as Partial<Record<(typeof TEXT_FIELDS)[number], string>> & {
        kode?: string;
        nama?: string;
        prosedurFlowchart?: string | null;
        prosedurFlowchartSvg?: string | null;
        slaJumlah?: number;
        slaSatuan?: SlaSatuan;
        biaya?: number;
        aktif?: boolean;
        unduhOnline?: boolean;
        ambilDiKantor?: boolean;
      };
      for (const [k, v] of Object.entries(data)) if (v === undefined) delete data[k as keyof typeof data];
      if (data.kategori === "") data.kategori = "Umum";
      // a drawing belongs to one source: a changed source sent without its drawing leaves none rather than a stale one
      if (data.prosedurFlowchart !== undefined && !data.prosedurFlowchartSvg) data.prosedurFlowchartSvg = null;
      if (data.prosedurFlowchart === null) data.prosedurFlowchartSvg = null;
      return data;
    });
}

/** Document slots (PersyaratanInput), in order; a slot without a size limit takes `defaultMax`. */
export function persyaratanInput(defaultMax: number) {
  const slot = z.object({
    id: z.union([z.string(), z.number()]).nullish(),
    label: z.string(),
    keterangan: z.string().nullish(),
    wajib: z.boolean().nullish(),
    jenisFile: z.array(z.string()).nullish(),
    maksBytes: z.number().nullish(),
  });
  return z
    .array(slot)
    .superRefine(sharedCheck((slots) => periksaPersyaratan(slots, "")))
    .transform((slots) =>
      slots.map((s, i) => ({
        id: s.id == null ? null : String(s.id),
        urutan: i + 1,
        label: s.label.trim(),
        keterangan: s.keterangan?.trim() ?? "",
        wajib: s.wajib ?? true,
        jenisFile: s.jenisFile ? [...new Set(s.jenisFile)] : [...ALLOWED_MIME],
        maksBytes: s.maksBytes ?? defaultMax,
      })),
    );
}

/** The form's fields (FormFieldInput), in order; names unique. */
export const FORM_FIELDS = z
  .array(
    z.object({
      nama: z.string(),
      label: z.string(),
      tipe: z.enum(FORM_FIELD_TYPES),
      wajib: z.boolean().nullish(),
      pola: z.string().nullish(),
      min: z.number().nullish(),
      max: z.number().nullish(),
      opsi: z.array(z.string()).nullish(),
      bantuan: z.string().nullish(),
    }),
  )
  .superRefine(sharedCheck((fields) => periksaIsian(fields, "")))
  .transform((fields) =>
    fields.map((f, i) => ({
      urutan: i + 1,
      nama: f.nama.trim(),
      label: f.label.trim() || f.nama.trim(),
      tipe: f.tipe,
      wajib: f.wajib ?? true,
      pola: f.pola || null,
      min: f.min ?? null,
      max: f.max ?? null,
      opsi: (f.opsi ?? []).map((x) => x.trim()).filter(Boolean),
      bantuan: f.bantuan?.trim() ?? "",
    })),
  );

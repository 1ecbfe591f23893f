import type { Context } from "../../context";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors";
import { q } from "../../lib/query";
import type { Caller } from "../../lib/policy";
import { assertCan, can } from "../../policy";
import { isUniqueViolation } from "../account/service";
import { type IsiTemplateSurat, SUMBER_FORM, SUMBER_SURAT, periksaTemplate } from "./template";
import { TEMPLATE_SURAT_SEED } from "./template-seed";
import { checkKode, normalizeKode } from "./nomor";

/**
 * Result letter templates (issue 15): an instansi's admins save a service's template as a new version (the older
 * ones stay as they were: a letter records the version it was made from), list the versions, and preview any of
 * them with sample data (a PDF through /unduh/pratinjau-surat/<id>, server/downloads.ts).
 *
 * The PDF code (pdfme, ~20 MB loaded) is imported on first use, as the proof of submission is: most processes never
 * draw a letter.
 */

/** The largest kop surat accepted (a PDF page or a letterhead image): it is stored in every version's row. */
export const KOP_MAKS_BYTES = 2 * 1024 * 1024;

type TemplateQuery = { select?: Prisma.TemplateSuratSelect; include?: Prisma.TemplateSuratInclude };
type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const layananNotFound = () => new NotFoundError("LAYANAN_NOT_FOUND", "Layanan tidak ditemukan.", "layananId");

/** A service whose templates the caller may manage (its instansi's admins); another instansi's is not found. */
async function layananToManage(ctx: Context, id: string) {
  const row = await ctx.prisma.layanan.findUnique({
    where: { id },
    select: { id: true, instansiId: true, formFields: { select: { nama: true } } },
  });
  if (!row) throw layananNotFound();
  assertCan(ctx, "layanan:kelola", row, layananNotFound);
  return row;
}

/** The versions of a service's template, newest first. */
export async function listTemplateSurat(ctx: Context, query: TemplateQuery, layananId: string) {
  await layananToManage(ctx, layananId);
  return ctx.prisma.templateSurat.findMany({ ...q(query), where: { layananId }, orderBy: { versi: "desc" } });
}

/** The sources a template may print: the fixed list, then the service's form fields (when a service is given). */
export async function listSumber(ctx: Context, layananId: string | null): Promise<Array<{ kunci: string; keterangan: string }>> {
  const tetap = Object.entries(SUMBER_SURAT).map(([kunci, keterangan]) => ({ kunci, keterangan }));
  if (!layananId) return tetap;
  const l = await layananToManage(ctx, layananId);
  const fields = await ctx.prisma.formField.findMany({ where: { layananId: l.id }, orderBy: { urutan: "asc" }, select: { nama: true, label: true } });
  return [...tetap, ...fields.map((f) => ({ kunci: `${SUMBER_FORM}${f.nama}`, keterangan: `Isian formulir: ${f.label}` }))];
}

export interface SimpanTemplate {
  skema?: unknown;
  /** a PDF (its pages are the letter's), or a PNG/JPEG letterhead; absent: the previous version's, or a plain one */
  kopSurat?: File | null;
  catatan?: string | null;
  /** the classification code its letters are numbered with; absent: the previous version's */
  kodeKlasifikasi?: string | null;
}

const kopInvalid = (message: string) => new ValidationError("KOP_SURAT_INVALID", message, "kopSurat");

/** The kop surat's PDF from an upload: a PDF as it is (if it opens), an image placed across the top of an A4 page. */
async function kopFromUpload(file: File): Promise<Uint8Array> {
  if (file.size > KOP_MAKS_BYTES) throw kopInvalid(`Kop surat paling besar ${KOP_MAKS_BYTES / 1024 / 1024} MB.`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length > KOP_MAKS_BYTES) throw kopInvalid(`Kop surat paling besar ${KOP_MAKS_BYTES / 1024 / 1024} MB.`);
  const head = Buffer.from(bytes.subarray(0, 8));
  const render = await import("./template-kop");
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") {
    try {
      if ((await render.ukuranHalaman(bytes)).length === 0) throw new Error("no page");
    } catch {
      throw kopInvalid("Berkas kop surat bukan PDF yang dapat dibuka.");
    }
    return bytes;
  }
  const mime = head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    ? "image/png"
    : head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff
      ? "image/jpeg"
      : null;
  if (!mime) throw kopInvalid("Kop surat harus berupa PDF, PNG atau JPEG.");
  try {
    return await render.kopDariGambar(bytes, mime);
  } catch {
    throw kopInvalid("Gambar kop surat tidak dapat dibaca.");
  }
}

/**
 * Saves a new version of a service's template: checked against the kop surat's pages and the service's form (every
 * problem at once, each with its code and field `skema.schemas.<page>.<index>`), then written as version n + 1.
 */
export async function simpanTemplateSurat(ctx: Context, query: TemplateQuery, layananId: string, input: SimpanTemplate) {
  const layanan = await layananToManage(ctx, layananId);
  const catatan = (input.catatan ?? "").trim();
  if (catatan.length > 500) throw new ValidationError("CATATAN_TOO_LONG", "Catatan versi paling banyak 500 karakter.", "catatan");
  const render = await import("./template-kop");
  const previous = await ctx.prisma.templateSurat.findFirst({
    where: { layananId },
    orderBy: { versi: "desc" },
    select: { kopSurat: true, kodeKlasifikasi: true },
  });
  const kode = input.kodeKlasifikasi != null ? normalizeKode(input.kodeKlasifikasi) : (previous?.kodeKlasifikasi ?? "");
  const kodeProblem = kode ? checkKode(kode, true) : null;
  if (kodeProblem) throw new ValidationError(kodeProblem.code, kodeProblem.message, "kodeKlasifikasi");
  let kop: Uint8Array;
  if (input.kopSurat) kop = await kopFromUpload(input.kopSurat);
  else {
    if (previous) kop = previous.kopSurat;
    else {
      const instansi = await ctx.prisma.instansi.findUniqueOrThrow({ where: { id: layanan.instansiId } });
      kop = await render.kopSuratSederhana(instansi);
    }
  }
  const problems = periksaTemplate(input.skema, await render.ukuranHalaman(kop), new Set(layanan.formFields.map((f) => f.nama)));
  if (problems.length) throw ValidationError.of(problems.map((p) => ({ ...p, field: p.field === "skema" ? "skema" : `skema.${p.field}` })));
  const skema = { schemas: (input.skema as IsiTemplateSurat).schemas } as unknown as Prisma.InputJsonValue;
  // two admins saving at once: the second takes the next number (the unique index decides)
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.prisma.$transaction(async (tx) => {
        const last = await tx.templateSurat.findFirst({ where: { layananId }, orderBy: { versi: "desc" }, select: { versi: true } });
        return tx.templateSurat.create({
          ...q(query),
          data: {
            layananId,
            versi: (last?.versi ?? 0) + 1,
            kopSurat: new Uint8Array(kop),
            skema,
            catatan,
            kodeKlasifikasi: kode,
            createdById: ctx.viewer?.id ?? null,
          },
        });
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      if (attempt >= 2) throw new ConflictError("TEMPLATE_VERSION_CONFLICT", "Template sedang disimpan oleh orang lain. Silakan coba lagi.", "skema");
    }
  }
}

/**
 * A version drawn with sample data (template-render.ts dataContoh), or null when it does not exist or the caller may
 * not manage its service (the download answers 404 alike).
 */
export async function pratinjauTemplateSurat(prisma: PrismaClient, caller: Caller, id: string, publicUrl: string, sekarang = new Date()) {
  const row = await prisma.templateSurat.findUnique({
    where: { id },
    include: {
      layanan: {
        select: {
          nama: true,
          instansiId: true,
          instansi: { select: { nama: true, zonaWaktu: true } },
          formFields: { orderBy: { urutan: "asc" }, select: { nama: true, label: true, tipe: true, opsi: true } },
        },
      },
    },
  });
  if (!row || !can(caller, "layanan:kelola", { instansiId: row.layanan.instansiId })) return null;
  const render = await import("./template-render");
  const data = render.dataContoh({ layanan: row.layanan, instansi: row.layanan.instansi, formFields: row.layanan.formFields, publicUrl, sekarang });
  const pdf = await render.renderSurat({ kopSurat: row.kopSurat, isi: row.skema as unknown as IsiTemplateSurat }, data);
  return { pdf, nama: `pratinjau-surat-v${row.versi}.pdf` };
}

/** The seeded letters' kop surat, drawn and checked before the seed's transaction (drawing takes time under load). */
export interface KopSeed {
  kop: Uint8Array;
  isi: IsiTemplateSurat;
  kodeKlasifikasi: string;
}

/**
 * Draws every seeded letter's kop surat and checks its template against its service's form as the catalogue files
 * define it (layanan/seed/*.json): a seed that no longer fits its service fails here, at start, with the problems.
 */
export async function siapkanTemplateSeed(
  catalogue: ReadonlyArray<{ instansi: { kode: string }; layanan: ReadonlyArray<{ kode: string; formFields: ReadonlyArray<{ nama: string }> }> }>,
) {
  const { kopSuratSederhana, ukuranHalaman } = await import("./template-kop");
  const out = new Map<string, KopSeed>();
  for (const e of TEMPLATE_SURAT_SEED) {
    const layanan = catalogue.find((c) => c.instansi.kode === e.instansi)?.layanan.find((l) => l.kode === e.layanan);
    if (!layanan) throw new Error(`template-seed: layanan ${e.instansi}/${e.layanan} is not in the catalogue`);
    const kop = await kopSuratSederhana(e.kop);
    const problems = periksaTemplate(e.isi, await ukuranHalaman(kop), new Set(layanan.formFields.map((f) => f.nama)));
    if (problems.length) throw new Error(`template-seed ${e.layanan}: ${problems.map((p) => `${p.field}: ${p.message}`).join("; ")}`);
    out.set(`${e.instansi}/${e.layanan}`, { kop, isi: e.isi, kodeKlasifikasi: e.kodeKlasifikasi });
  }
  return out;
}

/** The seeded letters of one office of the demo catalogue, as version 1 of their services' templates (the seed's transaction). */
export async function seedTemplateSurat(tx: Tx, instansiKode: string, instansiId: string, prepared: ReadonlyMap<string, KopSeed>): Promise<number> {
  let count = 0;
  for (const [key, { kop, isi, kodeKlasifikasi }] of prepared) {
    const [kode, layananKode] = key.split("/") as [string, string];
    if (kode !== instansiKode) continue;
    const layanan = await tx.layanan.findUniqueOrThrow({ where: { instansiId_kode: { instansiId, kode: layananKode } }, select: { id: true } });
    await tx.templateSurat.create({
      data: {
        layananId: layanan.id,
        versi: 1,
        kopSurat: new Uint8Array(kop),
        skema: isi as unknown as Prisma.InputJsonValue,
        kodeKlasifikasi,
        catatan: "Contoh bawaan Loket",
      },
    });
    count++;
  }
  return count;
}

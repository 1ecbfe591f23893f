import path from "node:path";
import { uuidOf } from "../../lib/global-id";
import { builder } from "../../schema/builder";
import { safe } from "../../schema/sensitivity";
import { clientHas } from "../../lib/caller";
import { receiveUpload, withStoredFiles } from "../files/store";
import { TEMPLATE_MAKS_BYTES } from "../../shared/limits";
import { q } from "../../lib/query";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors";
import { isUniqueViolation } from "../account/service";
import { InstansiRef } from "../instansi/types";
import type { Context } from "../../context";
import type { Prisma } from "../../generated/prisma/client";
import { ALLOWED_MIME, parseFormFields, parseLayananInput, parsePersyaratan, SP_COMPONENTS } from "./rules";

export const SlaSatuan = builder.enumType("SlaSatuan", {
  values: { MENIT: { description: "minutes of open office time" }, JAM_KERJA: { description: "working hours" }, HARI_KERJA: { description: "working days" } } as const,
});
export const FormFieldType = builder.enumType("FormFieldType", {
  values: ["TEXT", "TEXTAREA", "NUMBER", "DATE", "SELECT", "NIK", "PHONE", "EMAIL"] as const,
});

export const PersyaratanRef = builder.prismaNode("PersyaratanDokumen", {
  id: { field: "id" },
  description: "A document slot of a service's requirements",
  fields: (t) => ({
    urutan: t.exposeInt("urutan"),
    label: t.exposeString("label"),
    keterangan: t.exposeString("keterangan"),
    wajib: t.exposeBoolean("wajib"),
    jenisFile: t.exposeStringList("jenisFile", { description: "Allowed MIME types (checked by content)" }),
    maksBytes: t.exposeInt("maksBytes"),
    adaTemplate: t.boolean({ resolve: (p) => p.templateFileId !== null }),
    templateUrl: t.string({ nullable: true, description: "Public download of the template or example file", resolve: (p) => (p.templateFileId ? `/unduh/template/${p.id}` : null) }),
  }),
});

export const FormFieldRef = builder.prismaObject("FormField", {
  fields: (t) => ({
    nama: t.exposeString("nama"),
    label: t.exposeString("label"),
    tipe: t.expose("tipe", { type: FormFieldType }),
    wajib: t.exposeBoolean("wajib"),
    pola: t.exposeString("pola", { nullable: true }),
    min: t.exposeFloat("min", { nullable: true }),
    max: t.exposeFloat("max", { nullable: true }),
    opsi: t.exposeStringList("opsi"),
    bantuan: t.exposeString("bantuan"),
  }),
});

const SATUAN_LABEL = { MENIT: "menit", JAM_KERJA: "jam kerja", HARI_KERJA: "hari kerja" } as const;

export const LayananRef = builder.prismaNode("Layanan", {
  id: { field: "id" },
  // columns as the client selects them: a queue row asks for the name, not the whole Standar Pelayanan
  select: { id: true },
  description: "A service with its full Standar Pelayanan (PermenPAN-RB 15/2014). Public.",
  fields: (t) => ({
    kode: t.exposeString("kode"),
    nama: t.exposeString("nama"),
    kategori: t.exposeString("kategori"),
    deskripsi: t.exposeString("deskripsi"),
    aktif: t.exposeBoolean("aktif"),
    contoh: t.exposeBoolean("contoh", { description: "Example data seeded for admins to edit, not an official standard" }),
    instansi: t.relation("instansi"),
    dasarHukum: t.exposeString("dasarHukum"),
    persyaratanKeterangan: t.exposeString("persyaratanKeterangan"),
    persyaratan: t.relation("persyaratan", { query: { orderBy: { urutan: "asc" } } }),
    formFields: t.relation("formFields", { query: { orderBy: { urutan: "asc" } } }),
    prosedur: t.exposeString("prosedur"),
    prosedurFlowchart: t.exposeString("prosedurFlowchart", { nullable: true, description: "mermaid `graph TD` source" }),
    slaJumlah: t.exposeInt("slaJumlah"),
    slaSatuan: t.expose("slaSatuan", { type: SlaSatuan }),
    jangkaWaktu: t.string({
      description: "Completion time as people read it, e.g. '5 hari kerja'",
      select: { slaJumlah: true, slaSatuan: true, jangkaWaktuKeterangan: true },
      resolve: (l) => `${l.slaJumlah} ${SATUAN_LABEL[l.slaSatuan]}${l.jangkaWaktuKeterangan ? ` (${l.jangkaWaktuKeterangan})` : ""}`,
    }),
    jangkaWaktuKeterangan: t.exposeString("jangkaWaktuKeterangan"),
    biaya: t.exposeInt("biaya", { description: "Rupiah; 0 = free" }),
    biayaKeterangan: t.exposeString("biayaKeterangan"),
    produkLayanan: t.exposeString("produkLayanan"),
    saranaPrasarana: t.exposeString("saranaPrasarana"),
    kompetensiPelaksana: t.exposeString("kompetensiPelaksana"),
    pengawasanInternal: t.exposeString("pengawasanInternal"),
    penangananPengaduan: t.exposeString("penangananPengaduan"),
    jumlahPelaksana: t.exposeString("jumlahPelaksana"),
    jaminanPelayanan: t.exposeString("jaminanPelayanan"),
    jaminanKeamanan: t.exposeString("jaminanKeamanan"),
    evaluasiKinerja: t.exposeString("evaluasiKinerja"),
    unduhOnline: t.exposeBoolean("unduhOnline"),
    ambilDiKantor: t.exposeBoolean("ambilDiKantor"),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const LayananInput = builder.inputType("LayananInput", {
  description: "Every component of the Standar Pelayanan; on update, omitted fields stay as they are",
  fields: (t) => ({
    kode: t.string({ required: false, ...safe }),
    nama: t.string({ required: false, ...safe }),
    kategori: t.string({ required: false, ...safe }),
    deskripsi: t.string({ required: false, ...safe }),
    aktif: t.boolean({ required: false }),
    ...Object.fromEntries(SP_COMPONENTS.map((c) => [c, t.string({ required: false, ...safe })])),
    prosedurFlowchart: t.string({ required: false, ...safe }),
    slaJumlah: t.int({ required: false }),
    slaSatuan: t.field({ type: SlaSatuan, required: false }),
    biaya: t.int({ required: false }),
    unduhOnline: t.boolean({ required: false }),
    ambilDiKantor: t.boolean({ required: false }),
  }),
});

const PersyaratanInput = builder.inputType("PersyaratanInput", {
  fields: (t) => ({
    id: t.id({ required: false, description: "An existing slot to update; omit to add a slot" }),
    label: t.string({ required: true, ...safe }),
    keterangan: t.string({ required: false, ...safe }),
    wajib: t.boolean({ required: false, defaultValue: true }),
    jenisFile: t.stringList({ required: false, ...safe, description: `Subset of ${ALLOWED_MIME.join(", ")}` }),
    maksBytes: t.int({ required: false }),
  }),
});

const FormFieldInput = builder.inputType("FormFieldInput", {
  fields: (t) => ({
    nama: t.string({ required: true, ...safe }),
    label: t.string({ required: true, ...safe }),
    tipe: t.field({ type: FormFieldType, required: true }),
    wajib: t.boolean({ required: false, defaultValue: true }),
    pola: t.string({ required: false, ...safe }),
    min: t.float({ required: false }),
    max: t.float({ required: false }),
    opsi: t.stringList({ required: false, ...safe }),
    bantuan: t.string({ required: false, ...safe }),
  }),
});

/** A slot's id as sent (its global ID, or the bare UUID): a malformed one names no slot of this layanan. */
function decodeId(id: string | null | undefined): string | null {
  if (!id) return null;
  try {
    return uuidOf("PersyaratanDokumen", id);
  } catch {
    throw new NotFoundError("PERSYARATAN_NOT_FOUND", "Slot persyaratan tidak ditemukan pada layanan ini.", "persyaratan");
  }
}

function isStaffViewer(ctx: Context) {
  const v = ctx.viewer;
  return !!v && v.status === "AKTIF" && v.role !== "PEMOHON";
}

builder.queryFields((t) => ({
  layananList: t.prismaConnection({
    type: "Layanan",
    cursor: "id",
    totalCount: (_p, args, ctx) => ctx.prisma.layanan.count({ where: layananWhere(ctx, args) }),
    description: "The service catalogue (public): active services, searchable; staff also see inactive ones of their instansi",
    args: {
      instansiId: t.arg.globalID({ required: false, for: InstansiRef }),
      cari: t.arg.string({ required: false, ...safe, description: "Words in the name, description or category" }),
      kategori: t.arg.string({ required: false, ...safe }),
      termasukNonaktif: t.arg.boolean({ required: false, defaultValue: false }),
    },
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.layanan.findMany({ ...q(query), where: layananWhere(ctx, args), orderBy: [{ nama: "asc" }, { id: "asc" }] }),
  }),
  layananKategori: t.stringList({
    description: "Categories of active services (for filters)",
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }) },
    resolve: async (_r, args, ctx) =>
      (
        await ctx.prisma.layanan.findMany({
          where: { aktif: true, ...(args.instansiId ? { instansiId: args.instansiId.id } : {}) },
          distinct: ["kategori"],
          select: { kategori: true },
          orderBy: { kategori: "asc" },
        })
      ).map((r) => r.kategori),
  }),
}));

function layananWhere(
  ctx: Context,
  args: { instansiId?: { id: string } | null; cari?: string | null; kategori?: string | null; termasukNonaktif?: boolean | null },
): Prisma.LayananWhereInput {
  const words = (args.cari ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const v = ctx.viewer;
  // staff, and another system reading its own catalogue (BACA_KATALOG), also see the instansi's inactive services
  const seeInactive =
    args.termasukNonaktif && isStaffViewer(ctx)
      ? v!.role === "SUPERADMIN" ? {} : { OR: [{ aktif: true }, { instansiId: v!.instansiId! }] }
      : args.termasukNonaktif && clientHas(ctx, "BACA_KATALOG")
        ? { OR: [{ aktif: true }, { instansiId: ctx.client!.instansiId }] }
        : { aktif: true };
  return {
    ...seeInactive,
    ...(args.instansiId ? { instansiId: args.instansiId.id } : {}),
    ...(args.kategori ? { kategori: args.kategori } : {}),
    AND: words.map((w) => ({
      OR: [
        { nama: { contains: w, mode: "insensitive" as const } },
        { deskripsi: { contains: w, mode: "insensitive" as const } },
        { kategori: { contains: w, mode: "insensitive" as const } },
        { kode: { contains: w, mode: "insensitive" as const } },
      ],
    })),
  };
}

async function layananOfAdmin(ctx: Context, id: string) {
  const row = await ctx.prisma.layanan.findUnique({ where: { id }, select: { id: true, instansiId: true } });
  const v = ctx.viewer!;
  if (!row || (v.role !== "SUPERADMIN" && v.instansiId !== row.instansiId)) {
    throw new NotFoundError("LAYANAN_NOT_FOUND", "Layanan tidak ditemukan.", "id");
  }
  return row;
}

builder.mutationFields((t) => ({
  createLayanan: t.prismaField({
    type: "Layanan",
    description: "Add a service with its Standar Pelayanan, document slots and form fields",
    authScopes: (_r, args) => ({ adminOf: String(args.instansiId.id) }),
    errors: { types: [ValidationError, ConflictError] },
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      input: t.arg({ type: LayananInput, required: true }),
      persyaratan: t.arg({ type: [PersyaratanInput], required: false }),
      formFields: t.arg({ type: [FormFieldInput], required: false }),
    },
    resolve: async (query, _r, args, ctx) => {
      const data = parseLayananInput(args.input, true);
      const slots = parsePersyaratan(args.persyaratan ?? [], ctx.config.maxDocumentBytes);
      const fields = parseFormFields(args.formFields ?? []);
      try {
        return await ctx.prisma.layanan.create({
          ...q(query),
          data: {
            ...(data as Prisma.LayananUncheckedCreateInput),
            instansiId: args.instansiId.id,
            persyaratan: { create: slots.map(({ id: _id, ...s }) => s) },
            formFields: { create: fields },
          },
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError("KODE_TAKEN", "Kode layanan sudah dipakai di instansi ini.", "kode");
        throw err;
      }
    },
  }),
  updateLayanan: t.prismaField({
    type: "Layanan",
    description: "Edit a service's Standar Pelayanan; when `persyaratan` or `formFields` are given they replace the current lists (slots keep their id when sent with it)",
    authScopes: { role: ["ADMIN", "SUPERADMIN"] },
    errors: { types: [ValidationError, ConflictError, NotFoundError] },
    args: {
      id: t.arg.globalID({ required: true, for: LayananRef }),
      input: t.arg({ type: LayananInput, required: false }),
      persyaratan: t.arg({ type: [PersyaratanInput], required: false }),
      formFields: t.arg({ type: [FormFieldInput], required: false }),
    },
    resolve: async (query, _r, args, ctx) => {
      const { id } = await layananOfAdmin(ctx, args.id.id);
      const data = args.input ? parseLayananInput(args.input, false) : {};
      const slots = args.persyaratan ? parsePersyaratan(args.persyaratan, ctx.config.maxDocumentBytes) : null;
      const fields = args.formFields ? parseFormFields(args.formFields) : null;
      try {
        await ctx.prisma.$transaction(async (tx) => {
          await tx.layanan.update({ where: { id }, data });
          if (slots) {
            const keep = slots.map((s) => decodeId(s.id)).filter((x): x is string => !!x);
            const removed = await tx.persyaratanDokumen.findMany({ where: { layananId: id, id: { notIn: keep } }, select: { id: true, label: true, _count: { select: { dokumen: true } } } });
            const used = removed.find((r) => r._count.dokumen > 0);
            if (used) {
              throw new ConflictError("PERSYARATAN_IN_USE", `Persyaratan "${used.label}" sudah dipakai pada pengajuan; jadikan tidak wajib alih-alih menghapusnya.`, "persyaratan");
            }
            await tx.persyaratanDokumen.deleteMany({ where: { id: { in: removed.map((r) => r.id) } } });
            for (const s of slots) {
              const { id: sid, ...rest } = s;
              const existing = decodeId(sid);
              if (existing) {
                const { count } = await tx.persyaratanDokumen.updateMany({ where: { id: existing, layananId: id }, data: rest });
                if (count === 0) throw new NotFoundError("PERSYARATAN_NOT_FOUND", "Slot persyaratan tidak ditemukan pada layanan ini.", "persyaratan");
              } else {
                await tx.persyaratanDokumen.create({ data: { ...rest, layananId: id } });
              }
            }
          }
          if (fields) {
            await tx.formField.deleteMany({ where: { layananId: id } });
            await tx.formField.createMany({ data: fields.map((f) => ({ ...f, layananId: id })) });
          }
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError("KODE_TAKEN", "Kode layanan sudah dipakai di instansi ini.", "kode");
        throw err;
      }
      return ctx.prisma.layanan.findUniqueOrThrow({ ...q(query), where: { id } });
    },
  }),
  unggahTemplatePersyaratan: t.prismaField({
    type: "PersyaratanDokumen",
    description: "Attach a template or example file to a document slot (multipart), shown to applicants; null file removes it",
    authScopes: { role: ["ADMIN", "SUPERADMIN"] },
    errors: { types: [ValidationError, NotFoundError] },
    args: { persyaratanId: t.arg.globalID({ required: true, for: PersyaratanRef }), file: t.arg({ type: "File", required: false }) },
    resolve: async (_q, _r, args, ctx) => {
      const slot = await ctx.prisma.persyaratanDokumen.findUnique({ where: { id: String(args.persyaratanId.id) }, select: { id: true, layananId: true } });
      if (!slot) throw new NotFoundError("PERSYARATAN_NOT_FOUND", "Slot persyaratan tidak ditemukan.", "persyaratanId");
      await layananOfAdmin(ctx, slot.layananId);
      if (!args.file) return ctx.prisma.persyaratanDokumen.update({ where: { id: slot.id }, data: { templateFileId: null } });
      const file = args.file;
      return withStoredFiles(ctx.storage, async (track) => {
        const up = await receiveUpload(file, { maxBytes: TEMPLATE_MAKS_BYTES, allowed: [...ALLOWED_MIME], tmpDir: path.join(ctx.storage.root, ".tmp"), field: "file" });
        const key = await track(up);
        return ctx.prisma.$transaction(async (tx) => {
          const stored = await tx.storedFile.create({ data: { sha256: up.sha256, ukuran: up.size, mime: up.mime, namaAsli: up.namaAsli, storageKey: key, uploaderId: ctx.viewer!.id } });
          return tx.persyaratanDokumen.update({ where: { id: slot.id }, data: { templateFileId: stored.id } });
        });
      });
    },
  }),
}));

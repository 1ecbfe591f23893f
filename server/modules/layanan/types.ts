import { builder } from "../../schema/builder";
import { safe } from "../../schema/sensitivity";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors";
import { ANY } from "../../policy";
import { InstansiRef } from "../instansi/types";
import { ALLOWED_MIME, FORM_FIELD_TYPES, SP_COMPONENTS } from "./rules";
import * as service from "./service";

export const SlaSatuan = builder.enumType("SlaSatuan", {
  values: {
    MENIT: { description: "minutes of open office time" },
    JAM_KERJA: { description: "working hours" },
    HARI_KERJA: { description: "working days" },
  } as const,
});
export const FormFieldType = builder.enumType("FormFieldType", {
  values: FORM_FIELD_TYPES,
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
    templateUrl: t.string({
      nullable: true,
      description: "Public download of the template or example file",
      resolve: (p) => (p.templateFileId ? `/unduh/template/${p.id}` : null),
    }),
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
    prosedurFlowchartSvgUrl: t.string({
      nullable: true,
      description: "The flowchart drawn as a checked SVG image (served with a CSP that forbids scripts); null when none is drawn",
      select: { id: true, prosedurFlowchartSvg: true, updatedAt: true },
      resolve: (l) => (l.prosedurFlowchartSvg ? `/bagan-alir/${l.id}.svg?v=${l.updatedAt.getTime()}` : null),
    }),
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
    prosedurFlowchartSvg: t.string({
      required: false,
      ...safe,
      description: "The flowchart drawn from prosedurFlowchart (SVG, no scripts or outside references); omitted with a new source, the drawing is removed",
    }),
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

builder.queryFields((t) => ({
  layananList: t.prismaConnection({
    type: "Layanan",
    cursor: "id",
    totalCount: (_p, args, ctx) => service.countLayanan(ctx, { ...args, instansiId: args.instansiId?.id }),
    description: "The service catalogue (public): active services, searchable; staff also see inactive ones of their instansi",
    args: {
      instansiId: t.arg.globalID({ required: false, for: InstansiRef }),
      cari: t.arg.string({ required: false, ...safe, description: "Words in the name, description or category" }),
      kategori: t.arg.string({ required: false, ...safe }),
      termasukNonaktif: t.arg.boolean({ required: false, defaultValue: false }),
    },
    resolve: (query, _r, args, ctx) => service.listLayanan(ctx, query, { ...args, instansiId: args.instansiId?.id }),
  }),
  layananKategori: t.stringList({
    description: "Categories of active services (for filters)",
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }) },
    resolve: (_r, args, ctx) => service.listKategori(ctx, args.instansiId?.id ?? null),
  }),
}));

builder.mutationFields((t) => ({
  createLayanan: t.prismaField({
    type: "Layanan",
    description: "Add a service with its Standar Pelayanan, document slots and form fields",
    authScopes: (_r, args) => ({ can: { action: "layanan:kelola", on: { instansiId: String(args.instansiId.id) } } }),
    errors: { types: [ValidationError, ConflictError] },
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      input: t.arg({ type: LayananInput, required: true }),
      persyaratan: t.arg({ type: [PersyaratanInput], required: false }),
      formFields: t.arg({ type: [FormFieldInput], required: false }),
    },
    resolve: (query, _r, args, ctx) => service.createLayanan(ctx, query, args.instansiId.id, args),
  }),
  updateLayanan: t.prismaField({
    type: "Layanan",
    description:
      "Edit a service's Standar Pelayanan; when `persyaratan` or `formFields` are given they replace the current lists (slots keep their id when sent with it)",
    // another instansi's service is not found (the service checks the row)
    authScopes: { can: { action: "layanan:kelola", on: ANY } },
    errors: { types: [ValidationError, ConflictError, NotFoundError] },
    args: {
      id: t.arg.globalID({ required: true, for: LayananRef }),
      input: t.arg({ type: LayananInput, required: false }),
      persyaratan: t.arg({ type: [PersyaratanInput], required: false }),
      formFields: t.arg({ type: [FormFieldInput], required: false }),
    },
    resolve: (query, _r, args, ctx) => service.updateLayanan(ctx, query, args.id.id, args),
  }),
  unggahTemplatePersyaratan: t.prismaField({
    type: "PersyaratanDokumen",
    description: "Attach a template or example file to a document slot (multipart), shown to applicants; null file removes it",
    authScopes: { can: { action: "layanan:kelola", on: ANY } },
    errors: { types: [ValidationError, NotFoundError] },
    args: { persyaratanId: t.arg.globalID({ required: true, for: PersyaratanRef }), file: t.arg({ type: "File", required: false }) },
    resolve: (_q, _r, args, ctx) => service.setTemplatePersyaratan(ctx, String(args.persyaratanId.id), args.file),
  }),
}));

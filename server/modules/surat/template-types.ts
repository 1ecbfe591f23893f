import { builder } from "../../schema/builder";
import { safe } from "../../schema/sensitivity";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors";
import { ANY } from "../../policy";
import { LayananRef } from "../layanan/types";
import * as service from "./template-service";

const SumberRef = builder.objectRef<{ kunci: string; keterangan: string }>("SumberTemplateSurat").implement({
  description: "A source a letter template may print: a field named by `kunci`, or `{kunci}` in a free text",
  fields: (t) => ({
    kunci: t.exposeString("kunci"),
    keterangan: t.exposeString("keterangan"),
  }),
});

export const TemplateSuratRef = builder.prismaNode("TemplateSurat", {
  id: { field: "id" },
  // never the kop surat's bytes unless asked for: a list of versions reads the numbers and dates
  select: { id: true, layanan: { select: { instansiId: true } } },
  // the instansi's admins only, however it is reached (also through node(id)): it names who saved each version
  authScopes: (r) => ({ can: { action: "layanan:kelola", on: r.layanan } }),
  runScopesOnType: true,
  description:
    "One version of a service's result letter template: a kop surat and pdfme fields placed on it. Saving makes a new version; older ones stay unchanged.",
  fields: (t) => ({
    versi: t.exposeInt("versi"),
    layanan: t.relation("layanan"),
    skema: t.expose("skema", { type: "JSON", description: "pdfme's `{ schemas: [[field…]…] }` (positions in millimetres); see sumberTemplateSurat" }),
    catatan: t.exposeString("catatan"),
    kodeKlasifikasi: t.exposeString("kodeKlasifikasi", { description: "The classification code its letters are numbered with ({kode}); '' when none" }),
    dibuatOleh: t.string({
      nullable: true,
      description: "Who saved this version (null for a seeded one)",
      select: { createdBy: { select: { namaLengkap: true } } },
      resolve: (r) => r.createdBy?.namaLengkap ?? null,
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    pratinjauUrl: t.string({
      description: "This version drawn with sample data (PDF, for the instansi's admins)",
      resolve: (r) => `/unduh/pratinjau-surat/${r.id}`,
    }),
  }),
});

builder.queryFields((t) => ({
  templateSuratList: t.prismaField({
    type: ["TemplateSurat"],
    description: "The versions of a service's letter template, newest first (the instansi's admins)",
    authScopes: { can: { action: "layanan:kelola", on: ANY } },
    args: { layananId: t.arg.globalID({ required: true, for: LayananRef }) },
    resolve: (query, _r, args, ctx) => service.listTemplateSurat(ctx, query, args.layananId.id),
  }),
  sumberTemplateSurat: t.field({
    type: [SumberRef],
    description: "What a letter template may print; with a service, its form fields too (form.<nama>)",
    authScopes: { can: { action: "layanan:kelola", on: ANY } },
    args: { layananId: t.arg.globalID({ required: false, for: LayananRef }) },
    resolve: (_r, args, ctx) => service.listSumber(ctx, args.layananId?.id ?? null),
  }),
}));

builder.mutationFields((t) => ({
  simpanTemplateSurat: t.prismaField({
    type: "TemplateSurat",
    description:
      "Save a service's letter template as a new version (multipart when a kop surat is sent: a PDF, or a PNG/JPEG letterhead placed on an A4 page; without one the previous version's is kept, or a plain one is drawn from the instansi's data)",
    authScopes: { can: { action: "layanan:kelola", on: ANY } },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: {
      layananId: t.arg.globalID({ required: true, for: LayananRef }),
      skema: t.arg({ type: "JSON", required: true, ...safe }),
      kopSurat: t.arg({ type: "File", required: false }),
      catatan: t.arg.string({ required: false, ...safe }),
      kodeKlasifikasi: t.arg.string({
        required: false,
        ...safe,
        description: "The classification code its letters are numbered with; absent: the previous version's",
      }),
    },
    resolve: (query, _r, args, ctx) => service.simpanTemplateSurat(ctx, query, args.layananId.id, args),
  }),
}));

import { builder } from "../../schema/builder";
import { safe } from "../../schema/sensitivity";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { ANY } from "../../policy";
import { InstansiRef } from "../instansi/types";
import * as service from "./service";

export const BantuanTanyaJawabRef = builder.prismaNode("BantuanTanyaJawab", {
  id: { field: "id" },
  description: "One question and its answer on a help page. Public. The answer is plain text: paragraphs, and '- ' lines as a list",
  fields: (t) => ({
    pertanyaan: t.exposeString("pertanyaan"),
    jawaban: t.exposeString("jawaban"),
    urutan: t.exposeInt("urutan"),
    diubahPada: t.expose("updatedAt", { type: "DateTime" }),
    topik: t.relation("topik"),
  }),
});

export const BantuanTopikRef = builder.prismaNode("BantuanTopik", {
  id: { field: "id" },
  description: "A topic of a help page (the general page, or an office's), with its questions in order. Public",
  fields: (t) => ({
    judul: t.exposeString("judul"),
    urutan: t.exposeInt("urutan"),
    instansi: t.relation("instansi", { nullable: true, description: "null on the general page" }),
    tanyaJawab: t.relation("tanyaJawab", { query: { orderBy: [{ urutan: "asc" }, { createdAt: "asc" }] } }),
  }),
});

const HalamanBantuan = builder.objectRef<{ instansiId: string | null }>("HalamanBantuan").implement({
  description: "A help page: the general one of this install, or an office's (with its contact details on Instansi)",
  fields: (t) => ({
    umum: t.boolean({ description: "The general page (belongs to no instansi)", resolve: (h) => h.instansiId === null }),
    instansi: t.prismaField({
      type: "Instansi",
      nullable: true,
      resolve: (query, h, _a, ctx) => (h.instansiId ? ctx.prisma.instansi.findUnique({ ...query, where: { id: h.instansiId } }) : null),
    }),
    topik: t.prismaField({
      type: ["BantuanTopik"],
      resolve: (query, h, _a, ctx) => service.topikOf(ctx, query, h.instansiId),
    }),
    dapatDiubah: t.boolean({ description: "Whether the caller may edit this page", resolve: (h, _a, ctx) => service.mayEdit(ctx, h.instansiId) }),
  }),
});

builder.queryFields((t) => ({
  halamanBantuan: t.field({
    type: HalamanBantuan,
    nullable: true,
    description: "A help page (public): the general one without `kode`, an office's with its kode; null when no instansi has that kode",
    args: { kode: t.arg.string({ required: false, ...safe, description: "The instansi's kode, e.g. KOMINFO-KOTA-PKL" }) },
    resolve: (_r, args, ctx) => service.halaman(ctx, args.kode),
  }),
  cariBantuan: t.prismaField({
    type: ["BantuanTanyaJawab"],
    description:
      "Search one help page's questions and answers (public): every word must match, case-insensitively, as an Indonesian word form or as typed; best first, at most 50",
    args: {
      kode: t.arg.string({ required: false, ...safe, description: "The instansi's kode; omit for the general page" }),
      kata: t.arg.string({ required: true, ...safe }),
    },
    resolve: async (query, _r, args, ctx) => {
      const page = await service.halaman(ctx, args.kode);
      return page ? service.cari(ctx, query, page.instansiId, args.kata) : [];
    },
  }),
}));

// the first gate: an admin of some instansi or SUPERADMIN; the service decides on the page itself (policy.ts)
const gate = { can: { action: "bantuan:kelola", on: ANY } } as const;

builder.mutationFields((t) => ({
  tambahTopikBantuan: t.prismaField({
    type: "BantuanTopik",
    description: "Add a topic at the end of a help page (an office's: its ADMIN; the general page, without instansiId: SUPERADMIN)",
    authScopes: gate,
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      instansiId: t.arg.globalID({ required: false, for: InstansiRef, description: "omit for the general page" }),
      judul: t.arg.string({ required: true, ...safe }),
    },
    resolve: (query, _r, args, ctx) => service.tambahTopik(ctx, query, args.instansiId ? String(args.instansiId.id) : null, args.judul),
  }),
  ubahTopikBantuan: t.prismaField({
    type: "BantuanTopik",
    description: "Rename a topic",
    authScopes: gate,
    errors: { types: [ValidationError, NotFoundError] },
    args: { id: t.arg.globalID({ required: true, for: BantuanTopikRef }), judul: t.arg.string({ required: true, ...safe }) },
    resolve: (query, _r, args, ctx) => service.ubahTopik(ctx, query, String(args.id.id), args.judul),
  }),
  hapusTopikBantuan: t.boolean({
    description: "Remove an empty topic (TOPIK_BERISI while it holds questions)",
    authScopes: gate,
    errors: { types: [NotFoundError, InvalidStateError] },
    args: { id: t.arg.globalID({ required: true, for: BantuanTopikRef }) },
    resolve: (_r, args, ctx) => service.hapusTopik(ctx, String(args.id.id)),
  }),
  urutkanTopikBantuan: t.prismaField({
    type: ["BantuanTopik"],
    description: "Put a page's topics in this order; `ids` must be all of them (URUTAN_BERUBAH when the list changed meanwhile)",
    authScopes: gate,
    errors: { types: [ConflictError] },
    args: {
      instansiId: t.arg.globalID({ required: false, for: InstansiRef, description: "omit for the general page" }),
      ids: t.arg.globalIDList({ required: true, for: BantuanTopikRef }),
    },
    resolve: (query, _r, args, ctx) =>
      service.urutkanTopik(
        ctx,
        query,
        args.instansiId ? String(args.instansiId.id) : null,
        args.ids.map((g) => String(g.id)),
      ),
  }),
  tambahTanyaJawab: t.prismaField({
    type: "BantuanTanyaJawab",
    description: "Add a question and its answer at the end of a topic",
    authScopes: gate,
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      topikId: t.arg.globalID({ required: true, for: BantuanTopikRef }),
      pertanyaan: t.arg.string({ required: true, ...safe }),
      jawaban: t.arg.string({ required: true, ...safe }),
    },
    resolve: (query, _r, args, ctx) => service.tambahTanyaJawab(ctx, query, String(args.topikId.id), args),
  }),
  ubahTanyaJawab: t.prismaField({
    type: "BantuanTanyaJawab",
    description: "Edit a question and its answer; with topikId, move it to the end of another topic of the same page",
    authScopes: gate,
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      id: t.arg.globalID({ required: true, for: BantuanTanyaJawabRef }),
      pertanyaan: t.arg.string({ required: true, ...safe }),
      jawaban: t.arg.string({ required: true, ...safe }),
      topikId: t.arg.globalID({ required: false, for: BantuanTopikRef }),
    },
    resolve: (query, _r, args, ctx) =>
      service.ubahTanyaJawab(ctx, query, String(args.id.id), {
        pertanyaan: args.pertanyaan,
        jawaban: args.jawaban,
        topikId: args.topikId ? String(args.topikId.id) : null,
      }),
  }),
  hapusTanyaJawab: t.boolean({
    description: "Remove a question and its answer",
    authScopes: gate,
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ required: true, for: BantuanTanyaJawabRef }) },
    resolve: (_r, args, ctx) => service.hapusTanyaJawab(ctx, String(args.id.id)),
  }),
  urutkanTanyaJawab: t.prismaField({
    type: "BantuanTopik",
    description: "Put a topic's questions in this order; `ids` must be all of them (URUTAN_BERUBAH when the list changed meanwhile)",
    authScopes: gate,
    errors: { types: [ConflictError, NotFoundError] },
    args: {
      topikId: t.arg.globalID({ required: true, for: BantuanTopikRef }),
      ids: t.arg.globalIDList({ required: true, for: BantuanTanyaJawabRef }),
    },
    resolve: (query, _r, args, ctx) =>
      service.urutkanTanyaJawab(
        ctx,
        query,
        String(args.topikId.id),
        args.ids.map((g) => String(g.id)),
      ),
  }),
}));

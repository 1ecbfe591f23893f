import { builder } from "../../schema/builder";
import { personal, safe, secret } from "../../schema/sensitivity";
import { q } from "../../lib/query";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { ANY } from "../../policy";
import { InstansiRef } from "../instansi/types";
import { LayananRef } from "../layanan/types";
import * as service from "./service";
import { infoSurvei, isiSurveiKonsultasi, tautanSurvei } from "./survei";

const KanalEnum = builder.enumType("KanalKonsultasi", {
  values: { TELEPON: { description: "By phone" }, LANGSUNG: { description: "In person" }, WHATSAPP: {}, EMAIL: {} },
});
const StatusEnum = builder.enumType("StatusKonsultasi", {
  values: {
    TERBUKA: { description: "Recorded, not answered yet" },
    DIEKSKALASI: { description: "Sent to another body (e.g. LKPP); the caller is called back by tenggatJawab" },
    SELESAI: { description: "Answered" },
  },
});

export const KonsultasiRef = builder.prismaNode("Konsultasi", {
  id: { field: "id" },
  description: "A consultation recorded by the helpdesk. Seen by the service desk of its instansi (it carries the caller's name and contact).",
  authScopes: (k) => ({ can: { action: "konsultasi:tangani", on: { instansiId: k.instansiId } } }),
  fields: (t) => ({
    nomor: t.exposeString("nomor"),
    status: t.expose("status", { type: StatusEnum }),
    kanal: t.expose("kanal", { type: KanalEnum }),
    namaPenanya: t.exposeString("namaPenanya"),
    organisasi: t.exposeString("organisasi"),
    kontak: t.exposeString("kontak", { description: "Phone or email to answer or call back" }),
    pertanyaan: t.exposeString("pertanyaan"),
    jawaban: t.exposeString("jawaban", { nullable: true }),
    eskalasiKe: t.exposeString("eskalasiKe", { nullable: true }),
    dieskalasiAt: t.expose("dieskalasiAt", { type: "DateTime", nullable: true }),
    tenggatJawab: t.expose("tenggatJawab", { type: "DateTime", nullable: true, description: "The promised callback, on the office calendar" }),
    tenggatJawabSementara: t.exposeBoolean("tenggatJawabSementara"),
    tautanSurvei: t.string({
      nullable: true,
      description: "Once answered: the SKM survey link to give the caller (no account needed; answered once)",
      resolve: (k, _a, ctx) => (k.status === "SELESAI" ? tautanSurvei(ctx, k.id) : null),
    }),
    terlambat: t.boolean({
      description: "Escalated and its callback deadline passed before it was answered",
      resolve: (k) => !!k.tenggatJawab && (k.selesaiAt?.getTime() ?? Date.now()) > k.tenggatJawab.getTime(),
    }),
    selesaiAt: t.expose("selesaiAt", { type: "DateTime", nullable: true }),
    versi: t.exposeInt("versi"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    layanan: t.relation("layanan", { nullable: true }),
    dicatatOleh: t.string({ nullable: true, select: { dicatatOleh: { select: { namaLengkap: true } } }, resolve: (k) => k.dicatatOleh?.namaLengkap ?? null }),
    dijawabOleh: t.string({ nullable: true, select: { dijawabOleh: { select: { namaLengkap: true } } }, resolve: (k) => k.dijawabOleh?.namaLengkap ?? null }),
  }),
});

const PerKanal = builder.objectRef<{ kanal: "TELEPON" | "LANGSUNG" | "WHATSAPP" | "EMAIL"; jumlah: number }>("KonsultasiPerKanal").implement({
  fields: (t) => ({ kanal: t.expose("kanal", { type: KanalEnum }), jumlah: t.exposeInt("jumlah") }),
});
const RingkasanRef = builder.objectRef<service.Ringkasan>("RingkasanKonsultasi").implement({
  description: "A year's consultations of an instansi, counted",
  fields: (t) => ({
    jumlah: t.exposeInt("jumlah"),
    dijawabLangsung: t.exposeInt("dijawabLangsung", { description: "Answered without escalation" }),
    dieskalasi: t.exposeInt("dieskalasi"),
    terbuka: t.exposeInt("terbuka", { description: "Not answered yet" }),
    terlambat: t.exposeInt("terlambat", { description: "Escalated and answered after the promised callback (or still open past it)" }),
    perKanal: t.field({ type: [PerKanal], resolve: (r) => r.perKanal }),
  }),
});

builder.queryFields((t) => ({
  konsultasiMeja: t.prismaField({
    type: ["Konsultasi"],
    description: "The helpdesk's consultations: open ones (escalated first, by callback deadline), or with selesai the latest answered",
    authScopes: (_r, a) => ({ can: { action: "konsultasi:lihat", on: { instansiId: String(a.instansiId.id) } } }),
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), selesai: t.arg.boolean({ required: false }) },
    resolve: (query, _r, a, ctx) => service.daftar(ctx, q(query), String(a.instansiId.id), !!a.selesai),
  }),
  ringkasanKonsultasi: t.field({
    type: RingkasanRef,
    description: "A year's consultations counted (the service desk)",
    authScopes: (_r, a) => ({ can: { action: "konsultasi:lihat", on: { instansiId: String(a.instansiId.id) } } }),
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), tahun: t.arg.int({ required: true }) },
    resolve: (_r, a, ctx) => service.ringkasan(ctx, String(a.instansiId.id), a.tahun),
  }),
}));

const CatatInput = builder.inputType("CatatKonsultasiInput", {
  fields: (t) => ({
    instansiId: t.globalID({ required: true, for: InstansiRef }),
    layananId: t.globalID({ required: false, for: LayananRef }),
    namaPenanya: t.string({ required: true, ...personal }),
    organisasi: t.string({ required: false, ...safe, description: "e.g. the provider's company" }),
    kontak: t.string({ required: true, ...personal, description: "Phone (08…) or email to answer or call back" }),
    kanal: t.field({ type: KanalEnum, required: true }),
    pertanyaan: t.string({ required: true, description: "Not recorded in the audit trail: it is in the consultation" }),
    jawaban: t.string({ required: false, description: "Answered on the spot: the consultation is closed at once" }),
  }),
});

const errors = { types: [ValidationError, NotFoundError, InvalidStateError, ConflictError] };
const gate = { can: { action: "konsultasi:tangani", on: ANY } } as const;

builder.mutationFields((t) => ({
  catatKonsultasi: t.prismaField({
    type: "Konsultasi",
    description: "Record a consultation (the helpdesk officer)",
    authScopes: { can: { action: "konsultasi:catat", on: ANY } },
    errors,
    args: { input: t.arg({ type: CatatInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const k = await service.catat(ctx, {
        instansiId: String(input.instansiId.id),
        layananId: input.layananId ? String(input.layananId.id) : null,
        namaPenanya: input.namaPenanya,
        organisasi: input.organisasi ?? null,
        kontak: input.kontak,
        kanal: input.kanal,
        pertanyaan: input.pertanyaan,
        jawaban: input.jawaban ?? null,
      });
      return ctx.prisma.konsultasi.findUniqueOrThrow({ ...q(query), where: { id: k.id } });
    },
  }),
  eskalasiKonsultasi: t.prismaField({
    type: "Konsultasi",
    description: "The answer needs another body: the caller is promised a callback within the service's time",
    authScopes: gate,
    errors,
    args: {
      id: t.arg.globalID({ required: true, for: KonsultasiRef }),
      versi: t.arg.int({ required: true }),
      eskalasiKe: t.arg.string({ required: true, ...safe, description: 'e.g. "LKPP"' }),
    },
    resolve: async (query, _r, a, ctx) => {
      const k = await service.eskalasi(ctx, String(a.id.id), a.versi, a.eskalasiKe);
      return ctx.prisma.konsultasi.findUniqueOrThrow({ ...q(query), where: { id: k.id } });
    },
  }),
  jawabKonsultasi: t.prismaField({
    type: "Konsultasi",
    description: "Close a consultation with the answer given",
    authScopes: gate,
    errors,
    args: { id: t.arg.globalID({ required: true, for: KonsultasiRef }), versi: t.arg.int({ required: true }), jawaban: t.arg.string({ required: true }) },
    resolve: async (query, _r, a, ctx) => {
      const k = await service.jawab(ctx, String(a.id.id), a.versi, a.jawaban);
      return ctx.prisma.konsultasi.findUniqueOrThrow({ ...q(query), where: { id: k.id } });
    },
  }),
}));

const SurveiKonsultasiRef = builder.objectRef<Awaited<ReturnType<typeof infoSurvei>>>("SurveiKonsultasi").implement({
  description: "What a consultation's survey page shows: the office, the service and the number (never the question or the caller)",
  fields: (t) => ({
    nomor: t.exposeString("nomor"),
    instansi: t.exposeString("instansi"),
    layanan: t.exposeString("layanan", { nullable: true }),
    dijawab: t.exposeBoolean("dijawab", { description: "The survey opens once the consultation is answered" }),
    dijawabAt: t.expose("dijawabAt", { type: "DateTime", nullable: true }),
    sudahDiisi: t.exposeBoolean("sudahDiisi"),
  }),
});

builder.queryFields((t) => ({
  surveiKonsultasi: t.field({
    type: SurveiKonsultasiRef,
    description: "The consultation a survey link names (public: the link from the helpdesk officer is the key)",
    authScopes: { public: true },
    errors: { types: [NotFoundError] },
    args: { token: t.arg.string({ required: true, ...secret }) },
    resolve: (_r, a, ctx) => infoSurvei(ctx, a.token),
  }),
}));

builder.mutationFields((t) => ({
  isiSurveiKonsultasi: t.boolean({
    description: "The caller answers the 9-element satisfaction survey of their consultation through its link, once (public)",
    authScopes: { public: true },
    errors: { types: [ValidationError, ConflictError, InvalidStateError, NotFoundError] },
    args: {
      token: t.arg.string({ required: true, ...secret }),
      skor: t.arg.intList({ required: true }),
      komentar: t.arg.string({ required: false }),
    },
    resolve: (_r, a, ctx) => isiSurveiKonsultasi(ctx, { token: a.token, skor: a.skor, komentar: a.komentar }),
  }),
}));

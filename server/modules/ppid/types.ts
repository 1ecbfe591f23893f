import { builder } from "../../schema/builder";
import { safe } from "../../schema/sensitivity";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import type { Context } from "../../context";
import { InstansiRef } from "../instansi/types";
import { AKSI_PERMOHONAN, ALASAN_LABEL, PENGECUALIAN_PASAL_17, belumDiputus, terlambat } from "./rules";
import { PenjelasanTenggatRef } from "../calendar/types";
import { explainFor, jendelaKeberatanChain, permohonanChain, sengketaChain, tanggapanKeberatanChain } from "../calendar/deadlines";
import * as service from "./service";
import * as live from "./live";
import { ANY } from "../../policy";
import { aksiPermohonanBagi, dapatMenanggapi } from "./policy";

export const FormatEnum = builder.enumType("FormatInformasi", { values: ["SOFTCOPY", "HARDCOPY"] as const });
export const CaraEnum = builder.enumType("CaraPerolehan", { values: { AMBIL: {}, EMAIL: {}, POS: {} } as const });
export const PermohonanStatusEnum = builder.enumType("PermohonanStatus", {
  values: ["DITERIMA", "DIPERPANJANG", "DIKABULKAN", "DIKABULKAN_SEBAGIAN", "DITOLAK"] as const,
});
export const KeputusanEnum = builder.enumType("KeputusanPermohonan", { values: ["DIKABULKAN", "DIKABULKAN_SEBAGIAN", "DITOLAK"] as const });
export const AlasanEnum = builder.enumType("AlasanKeberatan", {
  description: "UU 14/2008 Pasal 35 ayat (1) huruf a–g",
  values: Object.fromEntries(Object.entries(ALASAN_LABEL).map(([k, v]) => [k, { description: v }])) as Record<
    keyof typeof ALASAN_LABEL,
    { description: string }
  >,
});
export const KeberatanStatusEnum = builder.enumType("KeberatanStatus", { values: ["DIAJUKAN", "DITANGGAPI"] as const });
export const AksiPermohonanEnum = builder.enumType("AksiPermohonan", {
  description: "A step of the PPID desk on an information request",
  values: AKSI_PERMOHONAN,
});

const GroundRef = builder
  .objectRef<{ alasan: keyof typeof ALASAN_LABEL; sejak: Date | null; batas: Date | null; bisaDiajukan: boolean; instansiId: string }>("AlasanKeberatanStatus")
  .implement({
    description: "Whether an objection ground exists for this request, since when, and the last day to use it",
    fields: (t) => ({
      alasan: t.expose("alasan", { type: AlasanEnum }),
      label: t.string({ resolve: (g) => ALASAN_LABEL[g.alasan] }),
      sejak: t.expose("sejak", { type: "DateTime", nullable: true }),
      batas: t.expose("batas", { type: "DateTime", nullable: true, description: "Close of office on the 30th working day after the ground arose" }),
      bisaDiajukan: t.exposeBoolean("bisaDiajukan"),
      batasPenjelasan: t.field({
        type: PenjelasanTenggatRef,
        nullable: true,
        description: "How the last day to object is computed (30 working days, Pasal 36 ayat 1)",
        resolve: (g, _a, ctx) => (g.sejak ? explainFor(ctx, g.instansiId, () => jendelaKeberatanChain(g.sejak!)) : null),
      }),
    }),
  });

export const KeberatanRef = builder.prismaNode("Keberatan", {
  id: { field: "id" },
  description: "An objection to the PPID's superior (atasan PPID)",
  select: { id: true, permohonanId: true, permohonan: { select: { pemohonId: true, instansiId: true } } },
  authScopes: (k) => ({ can: { action: "ppid:lihat", on: k.permohonan } }),
  fields: (t) => ({
    nomorRegister: t.exposeString("nomorRegister"),
    alasan: t.expose("alasan", { type: AlasanEnum }),
    alasanLabel: t.string({ select: { alasan: true }, resolve: (k) => ALASAN_LABEL[k.alasan] }),
    uraian: t.exposeString("uraian"),
    status: t.expose("status", { type: KeberatanStatusEnum }),
    versi: t.exposeInt("versi", { description: "Pass it back when answering: a stale one gets CONFLICT" }),
    diajukanAt: t.expose("diajukanAt", { type: "DateTime" }),
    tenggatTanggapan: t.expose("tenggatTanggapan", { type: "DateTime", description: "30 working days (Pasal 36 ayat 2)" }),
    tenggatTanggapanSementara: t.exposeBoolean("tenggatTanggapanSementara"),
    tenggatTanggapanPenjelasan: t.field({
      type: PenjelasanTenggatRef,
      nullable: true,
      description: "How the answer deadline is computed (while it runs)",
      select: { status: true, diajukanAt: true, permohonan: { select: { instansiId: true } } },
      resolve: (k, _a, ctx) => (k.status === "DIAJUKAN" ? explainFor(ctx, k.permohonan.instansiId, () => tanggapanKeberatanChain(k)) : null),
    }),
    tanggapan: t.exposeString("tanggapan", { nullable: true }),
    ditanggapiAt: t.expose("ditanggapiAt", { type: "DateTime", nullable: true }),
    batasSengketa: t.expose("batasSengketa", {
      type: "DateTime",
      nullable: true,
      description: "Last day to take the dispute to the Komisi Informasi (14 working days)",
    }),
    batasSengketaSementara: t.exposeBoolean("batasSengketaSementara"),
    batasSengketaPenjelasan: t.field({
      type: PenjelasanTenggatRef,
      nullable: true,
      description: "How the Komisi Informasi window is computed (while it is open)",
      select: { status: true, batasSengketa: true, ditanggapiAt: true, permohonan: { select: { instansiId: true } } },
      resolve: (k, _a, ctx) =>
        k.status === "DITANGGAPI" && k.batasSengketa && k.batasSengketa.getTime() > Date.now()
          ? explainFor(ctx, k.permohonan.instansiId, () => sengketaChain(k))
          : null,
    }),
    permohonan: t.relation("permohonan"),
    dapatDitanggapi: t.boolean({
      description: "May the viewer answer this objection now",
      select: { status: true },
      resolve: (k, _a, ctx) => dapatMenanggapi(ctx, k),
    }),
  }),
});

builder.prismaObject("PermohonanLog", {
  description: "One step in an information request's history (its objections' steps included)",
  fields: (t) => ({
    seq: t.exposeInt("seq"),
    aksi: t.exposeString("aksi"),
    pesan: t.exposeString("pesan", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const PermohonanRef = builder.prismaNode("PermohonanInformasi", {
  id: { field: "id" },
  description: "A public-information request (UU 14/2008). Visible to its requester and the instansi's PPID desk.",
  authScopes: (p) => ({ can: { action: "ppid:lihat", on: p } }),
  fields: (t) => ({
    nomorRegister: t.exposeString("nomorRegister"),
    rincianInformasi: t.exposeString("rincianInformasi"),
    tujuan: t.exposeString("tujuan"),
    format: t.expose("format", { type: FormatEnum }),
    caraPerolehan: t.expose("caraPerolehan", { type: CaraEnum }),
    status: t.expose("status", { type: PermohonanStatusEnum }),
    versi: t.exposeInt("versi"),
    diterimaAt: t.expose("diterimaAt", { type: "DateTime" }),
    tenggat: t.expose("tenggat", { type: "DateTime", description: "10 working days, or the extended deadline" }),
    tenggatSementara: t.exposeBoolean("tenggatSementara"),
    tenggatPenjelasan: t.field({
      type: PenjelasanTenggatRef,
      nullable: true,
      description: "How the answer deadline is computed (10 working days, plus the extension; while undecided)",
      resolve: (p, _a, ctx) => (belumDiputus(p) ? explainFor(ctx, p.instansiId, (cal) => permohonanChain(p, cal)) : null),
    }),
    terlambat: t.boolean({ resolve: (p) => terlambat(p, new Date()) }),
    alasanPerpanjangan: t.exposeString("alasanPerpanjangan", { nullable: true }),
    diputusAt: t.expose("diputusAt", { type: "DateTime", nullable: true }),
    catatanKeputusan: t.exposeString("catatanKeputusan", { nullable: true }),
    pasalPengecualian: t.exposeString("pasalPengecualian", { nullable: true }),
    pengecualianLabel: t.string({
      nullable: true,
      resolve: (p) => (p.pasalPengecualian ? `Pasal 17 huruf ${p.pasalPengecualian}: ${PENGECUALIAN_PASAL_17[p.pasalPengecualian]}` : null),
    }),
    ujiKonsekuensi: t.exposeString("ujiKonsekuensi", { nullable: true }),
    biaya: t.exposeInt("biaya"),
    pemohonNama: t.string({ select: { pemohon: { select: { namaLengkap: true } } }, resolve: (p) => p.pemohon.namaLengkap }),
    instansi: t.relation("instansi"),
    keberatan: t.relation("keberatan", { query: { orderBy: { diajukanAt: "asc" } } }),
    riwayat: t.relation("riwayat", { query: { orderBy: { seq: "asc" } }, description: "The request's history, oldest first" }),
    alasanKeberatan: t.field({
      type: [GroundRef],
      description: "For each Pasal 35 ground: whether it exists now and the last day to object on it",
      resolve: (p, _a, ctx) => service.alasanKeberatan(ctx, p),
    }),
    aksiTersedia: t.field({
      type: [AksiPermohonanEnum],
      description: "The PPID desk's steps the viewer may take now",
      resolve: (p, _a, ctx) => aksiPermohonanBagi(ctx, p),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

type RegisterArgs = { instansiId?: { id: string } | null; tahun?: number | null };
const register = (args: RegisterArgs): service.RegisterFilter => ({ instansiId: args.instansiId?.id, tahun: args.tahun });
/** The registers are read by their desk: the instansi asked for, else the caller's own. */
const registerScope = (args: RegisterArgs, ctx: Context) => ({
  can: { action: "ppid:lihatRegister" as const, on: { instansiId: service.registerInstansiId(ctx, args.instansiId?.id) } },
});

builder.queryFields((t) => ({
  permohonanInformasiSaya: t.prismaConnection({
    type: "PermohonanInformasi",
    cursor: "id",
    authScopes: { active: true },
    resolve: (query, _r, _a, ctx) => service.permohonanSaya(ctx, query),
  }),
  registerPermohonanInformasi: t.prismaConnection({
    type: "PermohonanInformasi",
    cursor: "id",
    description: "The register of information requests of an instansi (PPID desk), oldest first",
    authScopes: (_r, args, ctx) => registerScope(args, ctx),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }), tahun: t.arg.int({ required: false }) },
    totalCount: (_p, args, ctx) => service.hitungRegisterPermohonan(ctx, register(args)),
    resolve: (query, _r, args, ctx) => service.registerPermohonan(ctx, query, register(args)),
  }),
  registerKeberatan: t.prismaConnection({
    type: "Keberatan",
    cursor: "id",
    description: "The register of objections of an instansi",
    authScopes: (_r, args, ctx) => registerScope(args, ctx),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }), tahun: t.arg.int({ required: false }) },
    resolve: (query, _r, args, ctx) => service.registerKeberatan(ctx, query, register(args)),
  }),
  registerPermohonanCsv: t.string({
    description: "The request register as CSV (UTF-8, comma-separated)",
    authScopes: (_r, args, ctx) => registerScope(args, ctx),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }), tahun: t.arg.int({ required: false }) },
    resolve: (_r, args, ctx) => service.registerPermohonanCsv(ctx, register(args)),
  }),
  registerKeberatanCsv: t.string({
    description: "The objection register as CSV",
    authScopes: (_r, args, ctx) => registerScope(args, ctx),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }), tahun: t.arg.int({ required: false }) },
    resolve: (_r, args, ctx) => service.registerKeberatanCsv(ctx, register(args)),
  }),
}));

const errors = { types: [ValidationError, ConflictError, InvalidStateError, NotFoundError] };

builder.mutationFields((t) => ({
  ajukanPermohonanInformasi: t.prismaField({
    type: "PermohonanInformasi",
    description: "A registered requester asks for public information; answered within 10 working days",
    authScopes: { can: { action: "ppid:ajukan", on: ANY } },
    errors,
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      rincianInformasi: t.arg.string({ required: true }),
      tujuan: t.arg.string({ required: true }),
      format: t.arg({ type: FormatEnum, required: true }),
      caraPerolehan: t.arg({ type: CaraEnum, required: true }),
    },
    resolve: async (query, _r, a, ctx) => service.permohonanById(ctx, query, (await service.ajukan(ctx, { ...a, instansiId: String(a.instansiId.id) })).id),
  }),
  perpanjangPermohonanInformasi: t.prismaField({
    type: "PermohonanInformasi",
    description: "Extend the deadline once, by at most 7 working days, with written reasons",
    authScopes: { can: { action: "ppid:putuskan", on: ANY } },
    errors,
    args: {
      id: t.arg.globalID({ required: true, for: PermohonanRef }),
      versi: t.arg.int({ required: true }),
      hari: t.arg.int({ required: true }),
      alasan: t.arg.string({ required: true, ...safe }),
    },
    resolve: async (query, _r, a, ctx) => service.permohonanById(ctx, query, (await service.perpanjang(ctx, { ...a, id: String(a.id.id) })).id),
  }),
  putuskanPermohonanInformasi: t.prismaField({
    type: "PermohonanInformasi",
    description: "Answer: granted in whole or in part, or refused citing the Pasal 17 exemption and the consequence test",
    authScopes: { can: { action: "ppid:putuskan", on: ANY } },
    errors,
    args: {
      id: t.arg.globalID({ required: true, for: PermohonanRef }),
      versi: t.arg.int({ required: true }),
      keputusan: t.arg({ type: KeputusanEnum, required: true }),
      catatan: t.arg.string({ required: true }),
      pasalPengecualian: t.arg.string({ required: false, ...safe, description: "Pasal 17 huruf a–j (required unless granted in whole)" }),
      ujiKonsekuensi: t.arg.string({ required: false, ...safe }),
      biaya: t.arg.int({ required: false, description: "Copying cost only, rupiah" }),
    },
    resolve: async (query, _r, a, ctx) => service.permohonanById(ctx, query, (await service.putuskan(ctx, { ...a, id: String(a.id.id) })).id),
  }),
  ajukanKeberatan: t.prismaField({
    type: "Keberatan",
    description: "The requester objects on a Pasal 35 ground that exists, within 30 working days of it arising",
    authScopes: { can: { action: "ppid:ajukanKeberatan", on: ANY } },
    errors,
    args: {
      permohonanId: t.arg.globalID({ required: true, for: PermohonanRef }),
      alasan: t.arg({ type: AlasanEnum, required: true }),
      uraian: t.arg.string({ required: true }),
    },
    resolve: async (query, _r, a, ctx) =>
      service.keberatanById(
        ctx,
        query,
        (await service.ajukanKeberatan(ctx, { permohonanId: String(a.permohonanId.id), alasan: a.alasan, uraian: a.uraian })).id,
      ),
  }),
  tanggapiKeberatan: t.prismaField({
    type: "Keberatan",
    description: "The PPID's superior answers an objection (within 30 working days)",
    authScopes: { can: { action: "ppid:tanggapiKeberatan", on: ANY } },
    errors,
    args: { id: t.arg.globalID({ required: true, for: KeberatanRef }), versi: t.arg.int({ required: true }), tanggapan: t.arg.string({ required: true }) },
    resolve: async (query, _r, a, ctx) =>
      service.keberatanById(ctx, query, (await service.tanggapiKeberatan(ctx, { id: String(a.id.id), versi: a.versi, tanggapan: a.tanggapan })).id),
  }),
}));

builder.subscriptionFields((t) => ({
  permohonanInformasiBerubah: t.prismaField({
    type: "PermohonanInformasi",
    description: "One information request as it changes (its requester and the PPID desk); the current state first",
    authScopes: { can: { action: "ppid:lihat", on: ANY } },
    args: { id: t.arg.globalID({ required: true, for: PermohonanRef }) },
    subscribe: (_r, args, ctx) => live.permohonanFeed.follow(ctx, String(args.id.id)),
    resolve: (query, e, _a, ctx) => live.permohonanFeed.read(ctx, query, e as unknown as { id: string }),
  }),
}));

import type { Context } from "../../context";
import { builder } from "../../schema/builder";
import { personal, safe } from "../../schema/sensitivity";
import { q } from "../../lib/query";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { ANY, can } from "../../policy";
import { follow } from "../../pubsub";
import { InstansiRef } from "../instansi/types";
import { LayananRef } from "../layanan/types";
import * as service from "./service";

const StatusSesiEnum = builder.enumType("StatusSesiPelatihan", {
  values: {
    DIBUKA: { description: "Registration open (seats, then the waiting list)" },
    DITUTUP: { description: "Registration closed by the office; attendance is still taken" },
    DIBATALKAN: { description: "Cancelled by the office (every participant was told)" },
  },
});
const StatusPesertaEnum = builder.enumType("StatusPesertaPelatihan", {
  values: {
    TERDAFTAR: { description: "Holds a seat" },
    MENUNGGU: { description: "On the waiting list (moves up in order of registration when a seat frees)" },
    HADIR: { description: "Attended" },
    TIDAK_HADIR: { description: "Held a seat and did not come" },
    BATAL: { description: "Withdrew, or the session was cancelled" },
  },
});

/**
 * The instansi of a session, read once per request and session: a desk list of a few hundred participants is
 * authorised with one lookup, not one per row.
 */
const instansiBySesi = new WeakMap<object, Map<string, Promise<string>>>();
function instansiOfSesi(ctx: Context, sesiId: string): Promise<string> {
  let m = instansiBySesi.get(ctx);
  if (!m) instansiBySesi.set(ctx, (m = new Map()));
  let v = m.get(sesiId);
  if (!v) {
    v = ctx.prisma.sesiPelatihan.findUnique({ where: { id: sesiId }, select: { instansiId: true } }).then((s) => s?.instansiId ?? "");
    m.set(sesiId, v);
  }
  return v;
}

export const SesiPelatihanRef = builder.prismaNode("SesiPelatihan", {
  id: { field: "id" },
  description: "A training session of a service (e.g. SPSE training): when, where, seats and requirements. Public; its participants are the desk's.",
  fields: (t) => ({
    judul: t.exposeString("judul"),
    mulai: t.expose("mulai", { type: "DateTime" }),
    selesai: t.expose("selesai", { type: "DateTime" }),
    tempat: t.exposeString("tempat"),
    kapasitas: t.exposeInt("kapasitas", { description: "Seats" }),
    terisi: t.exposeInt("terisi", { description: "Seats held" }),
    sisaKursi: t.int({ description: "Seats left (0: new registrations join the waiting list)", resolve: (s) => Math.max(0, s.kapasitas - s.terisi) }),
    jumlahMenunggu: t.relationCount("peserta", { description: "People on the waiting list", where: { status: "MENUNGGU" } }),
    persyaratan: t.exposeString("persyaratan", { description: "What participants bring or must meet" }),
    wajibSuratAtasan: t.exposeBoolean("wajibSuratAtasan", { description: "A letter from the participant's superior is uploaded at registration" }),
    status: t.expose("status", { type: StatusSesiEnum }),
    alasanBatal: t.exposeString("alasanBatal", { nullable: true }),
    layanan: t.relation("layanan"),
    instansi: t.relation("instansi"),
    pendaftaranSaya: t.prismaField({
      type: "PesertaPelatihan",
      nullable: true,
      description: "The caller's registration for this session, if any",
      resolve: (query, s, _a, ctx) =>
        ctx.viewer ? ctx.prisma.pesertaPelatihan.findUnique({ ...q(query), where: { sesiId_pesertaId: { sesiId: s.id, pesertaId: ctx.viewer.id } } }) : null,
    }),
    peserta: t.relation("peserta", {
      description: "Everyone registered: seat holders in order of registration, then the waiting list in its order (the desk)",
      authScopes: (s) => ({ can: { action: "pelatihan:kelola", on: { instansiId: s.instansiId } } }),
      query: { where: { status: { not: "BATAL" } }, orderBy: [{ daftarAt: "asc" }, { id: "asc" }] },
    }),
    daftarHadirUrl: t.string({
      nullable: true,
      description: "The attendance list as a PDF to print and sign (the desk)",
      resolve: (s, _a, ctx) => (can(ctx, "pelatihan:absen", { instansiId: s.instansiId }) ? `/unduh/daftar-hadir/${s.id}` : null),
    }),
  }),
});

export const PesertaPelatihanRef = builder.prismaNode("PesertaPelatihan", {
  id: { field: "id" },
  description: "A person's place in a training session. Seen by the participant and the service desk of the session's instansi.",
  authScopes: async (p, ctx) => ({
    can: { action: "pelatihan:lihatPeserta", on: { instansiId: await instansiOfSesi(ctx, p.sesiId), pemohonId: p.pesertaId } },
  }),
  fields: (t) => ({
    status: t.expose("status", { type: StatusPesertaEnum }),
    organisasi: t.exposeString("organisasi"),
    jabatan: t.exposeString("jabatan"),
    daftarAt: t.expose("daftarAt", { type: "DateTime", description: "When the person took their place in line" }),
    naikAt: t.expose("naikAt", { type: "DateTime", nullable: true, description: "When they moved up from the waiting list" }),
    hadirAt: t.expose("hadirAt", { type: "DateTime", nullable: true }),
    alasanBatal: t.exposeString("alasanBatal", { nullable: true }),
    sesi: t.relation("sesi"),
    nomorTunggu: t.int({
      nullable: true,
      description: "Place on the waiting list (1: next to get a seat); null when not waiting",
      resolve: (p, _a, ctx) => service.nomorTunggu(ctx, p),
    }),
    namaPeserta: t.string({
      select: { peserta: { select: { namaLengkap: true } } },
      resolve: (p) => p.peserta.namaLengkap,
    }),
    suratAtasanUrl: t.string({
      nullable: true,
      description: "The superior's letter uploaded at registration",
      resolve: (p) => (p.suratAtasanId ? `/unduh/surat-atasan/${p.id}` : null),
    }),
    dapatDibatalkan: t.boolean({
      description: "Whether the caller may still withdraw it",
      select: { sesi: { select: { mulai: true, instansiId: true } } },
      resolve: (p, _a, ctx) =>
        (p.status === "TERDAFTAR" || p.status === "MENUNGGU") &&
        p.sesi.mulai.getTime() > Date.now() &&
        can(ctx, "pelatihan:batalDaftar", { instansiId: p.sesi.instansiId, pemohonId: p.pesertaId }),
    }),
    surveiTerisi: t.boolean({
      description: "Whether the participant has answered the satisfaction survey for it (offered after attending)",
      resolve: async (p, _a, ctx) =>
        !!(await ctx.prisma.surveiKepuasan.findUnique({ where: { jenisKasus_kasusId: { jenisKasus: "PELATIHAN", kasusId: p.id } }, select: { id: true } })),
    }),
  }),
});

builder.queryFields((t) => ({
  sesiPelatihanTerbuka: t.prismaField({
    type: ["SesiPelatihan"],
    description: "Upcoming training sessions (not cancelled, not yet ended) of an instansi or a service, soonest first. Public.",
    authScopes: { public: true },
    args: {
      instansiId: t.arg.globalID({ required: false, for: InstansiRef }),
      layananId: t.arg.globalID({ required: false, for: LayananRef }),
    },
    resolve: (query, _r, a, ctx) =>
      ctx.prisma.sesiPelatihan.findMany({
        ...q(query),
        where: {
          status: { not: "DIBATALKAN" },
          selesai: { gt: new Date() },
          instansi: { aktif: true },
          layanan: { aktif: true },
          ...(a.instansiId ? { instansiId: String(a.instansiId.id) } : {}),
          ...(a.layananId ? { layananId: String(a.layananId.id) } : {}),
        },
        orderBy: [{ mulai: "asc" }, { id: "asc" }],
        take: 100,
      }),
  }),
  pelatihanSaya: t.prismaField({
    type: ["PesertaPelatihan"],
    description: "The caller's training registrations, latest sessions first: their record of what they registered for and attended",
    authScopes: { active: true },
    resolve: (query, _r, _a, ctx) =>
      ctx.prisma.pesertaPelatihan.findMany({ ...q(query), where: { pesertaId: ctx.viewer!.id }, orderBy: [{ sesi: { mulai: "desc" } }], take: 100 }),
  }),
  sesiPelatihanMeja: t.prismaField({
    type: ["SesiPelatihan"],
    description: "The instansi's training sessions (the desk): upcoming and running ones soonest first, or with `selesai` the ended ones, latest first",
    authScopes: (_r, a) => ({ can: { action: "pelatihan:kelola", on: { instansiId: String(a.instansiId.id) } } }),
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), selesai: t.arg.boolean({ required: false }) },
    resolve: (query, _r, a, ctx) => {
      const now = new Date();
      return ctx.prisma.sesiPelatihan.findMany({
        ...q(query),
        where: { instansiId: String(a.instansiId.id), selesai: a.selesai ? { lte: now } : { gt: now } },
        orderBy: [{ mulai: a.selesai ? "desc" : "asc" }, { id: "asc" }],
        take: 100,
      });
    },
  }),
}));

builder.subscriptionFields((t) => ({
  sesiPelatihanBerubah: t.prismaField({
    type: "SesiPelatihan",
    description: "A session as it changes: at once, then after every registration, withdrawal, move up, attendance mark or change by the office",
    authScopes: { public: true },
    args: { id: t.arg.globalID({ required: true, for: SesiPelatihanRef }) },
    subscribe: async function* (_r, a, ctx) {
      const id = String(a.id.id);
      const events = follow(ctx.pubsub, "pelatihan:sesi", id);
      try {
        yield null;
        for await (const _e of events) yield null;
      } finally {
        await events.return(undefined);
      }
    },
    resolve: async (query, _e, a, ctx) => {
      const row = await ctx.prisma.sesiPelatihan.findUnique({ ...q(query), where: { id: String(a.id.id) } });
      if (!row) throw new NotFoundError("SESI_NOT_FOUND", "Sesi pelatihan tidak ditemukan.", "id");
      return row;
    },
  }),
}));

const SesiInput = builder.inputType("SesiPelatihanInput", {
  fields: (t) => ({
    judul: t.string({ required: true, ...safe }),
    mulai: t.field({ type: "DateTime", required: true }),
    selesai: t.field({ type: "DateTime", required: true }),
    tempat: t.string({ required: true, ...safe }),
    kapasitas: t.int({ required: true, description: "Seats (1–500)" }),
    persyaratan: t.string({ required: false, ...safe, description: "What participants bring or must meet" }),
    wajibSuratAtasan: t.boolean({ required: false, description: "A letter from the participant's superior is required (default true)" }),
  }),
});
const sesiInput = (i: typeof SesiInput.$inferInput): service.SesiInput => ({
  judul: i.judul,
  mulai: new Date(i.mulai),
  selesai: new Date(i.selesai),
  tempat: i.tempat,
  kapasitas: i.kapasitas,
  persyaratan: i.persyaratan ?? null,
  wajibSuratAtasan: i.wajibSuratAtasan ?? true,
});

const errors = { types: [ValidationError, ConflictError, NotFoundError, InvalidStateError] };

builder.mutationFields((t) => ({
  buatSesiPelatihan: t.prismaField({
    type: "SesiPelatihan",
    description: "Publish a training session of a service (the desk of its instansi); not on a day the office is closed",
    authScopes: { can: { action: "pelatihan:kelola", on: ANY } },
    errors,
    args: { layananId: t.arg.globalID({ required: true, for: LayananRef }), input: t.arg({ type: SesiInput, required: true }) },
    resolve: async (query, _r, a, ctx) => {
      const s = await service.buatSesi(ctx, String(a.layananId.id), sesiInput(a.input));
      return ctx.prisma.sesiPelatihan.findUniqueOrThrow({ ...q(query), where: { id: s.id } });
    },
  }),
  ubahSesiPelatihan: t.prismaField({
    type: "SesiPelatihan",
    description: "Change a session: more seats go to the waiting list at once; a new time or place is told to everyone registered",
    authScopes: { can: { action: "pelatihan:kelola", on: ANY } },
    errors,
    args: { id: t.arg.globalID({ required: true, for: SesiPelatihanRef }), input: t.arg({ type: SesiInput, required: true }) },
    resolve: async (query, _r, a, ctx) => {
      const s = await service.ubahSesi(ctx, String(a.id.id), sesiInput(a.input));
      return ctx.prisma.sesiPelatihan.findUniqueOrThrow({ ...q(query), where: { id: s.id } });
    },
  }),
  aturPendaftaranPelatihan: t.prismaField({
    type: "SesiPelatihan",
    description: "Close registration for a session, or open it again before it starts",
    authScopes: { can: { action: "pelatihan:kelola", on: ANY } },
    errors,
    args: { id: t.arg.globalID({ required: true, for: SesiPelatihanRef }), buka: t.arg.boolean({ required: true }) },
    resolve: async (query, _r, a, ctx) => {
      const s = await service.aturStatusSesi(ctx, String(a.id.id), a.buka ? "DIBUKA" : "DITUTUP");
      return ctx.prisma.sesiPelatihan.findUniqueOrThrow({ ...q(query), where: { id: s.id } });
    },
  }),
  batalkanSesiPelatihan: t.prismaField({
    type: "SesiPelatihan",
    description: "Cancel a session: every registration ends and each participant is told the reason",
    authScopes: { can: { action: "pelatihan:kelola", on: ANY } },
    errors,
    args: { id: t.arg.globalID({ required: true, for: SesiPelatihanRef }), alasan: t.arg.string({ required: true, ...safe }) },
    resolve: async (query, _r, a, ctx) => {
      const s = await service.batalkanSesi(ctx, String(a.id.id), a.alasan);
      return ctx.prisma.sesiPelatihan.findUniqueOrThrow({ ...q(query), where: { id: s.id } });
    },
  }),
  daftarPelatihan: t.prismaField({
    type: "PesertaPelatihan",
    description: "Register for a session (multipart when the superior's letter is attached): a seat while one is left, otherwise the waiting list",
    authScopes: { can: { action: "pelatihan:daftar", on: ANY } },
    errors,
    args: {
      sesiId: t.arg.globalID({ required: true, for: SesiPelatihanRef }),
      organisasi: t.arg.string({ required: true, ...personal, description: "The participant's organisation (company, OPD)" }),
      jabatan: t.arg.string({ required: false, ...personal }),
      suratAtasan: t.arg({ type: "File", required: false, description: "The superior's letter (surat tugas): PDF, JPG or PNG" }),
    },
    resolve: async (query, _r, a, ctx) => {
      const p = await service.daftar(ctx, String(a.sesiId.id), { organisasi: a.organisasi, jabatan: a.jabatan ?? null, suratAtasan: a.suratAtasan ?? null });
      return ctx.prisma.pesertaPelatihan.findUniqueOrThrow({ ...q(query), where: { id: p.id } });
    },
  }),
  batalkanPendaftaranPelatihan: t.prismaField({
    type: "PesertaPelatihan",
    description: "Withdraw one's registration before the session starts (a held seat goes to the first on the waiting list)",
    authScopes: { active: true },
    errors,
    args: { id: t.arg.globalID({ required: true, for: PesertaPelatihanRef }), alasan: t.arg.string({ required: false, ...safe }) },
    resolve: async (query, _r, a, ctx) => {
      const p = await service.batalDaftar(ctx, String(a.id.id), a.alasan ?? null);
      return ctx.prisma.pesertaPelatihan.findUniqueOrThrow({ ...q(query), where: { id: p.id } });
    },
  }),
  tandaiHadirPelatihan: t.prismaField({
    type: "PesertaPelatihan",
    description: "Attendance, from the session's first day: mark a seat holder present or absent (or correct it)",
    authScopes: { can: { action: "pelatihan:absen", on: ANY } },
    errors,
    args: {
      id: t.arg.globalID({ required: true, for: PesertaPelatihanRef }),
      tanda: t.arg({ type: builder.enumType("TandaHadirPelatihan", { values: ["HADIR", "TIDAK_HADIR"] as const }), required: true }),
    },
    resolve: async (query, _r, a, ctx) => {
      const p = await service.tandai(ctx, String(a.id.id), a.tanda);
      return ctx.prisma.pesertaPelatihan.findUniqueOrThrow({ ...q(query), where: { id: p.id } });
    },
  }),
}));

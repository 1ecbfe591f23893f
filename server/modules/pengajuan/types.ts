import { GraphQLError, Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import { catchingUp, follow as followBus, isResync } from "../../pubsub";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { builder } from "../../schema/builder";
import { secret, identifier, personal, safe } from "../../schema/sensitivity";
import { onlyScalars, q } from "../../lib/query";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import type { Context } from "../../context";
import type { Prisma } from "../../generated/prisma/client";
import { LayananRef } from "../layanan/types";
import { InstansiRef } from "../instansi/types";
import { revealIdentity } from "../identity/protect";
import { AKSI, AKSI_LABEL, CLOCK_RUNNING, STATUS_LABEL, allowedActions, isFinal, type Aksi } from "./transitions";
import { PenjelasanTenggatRef } from "../calendar/types";
import { explainFor, pengajuanChain } from "../calendar/deadlines";
import type { DeadlineExplanation } from "../calendar/working-time";
import { remaining, terlambat, terlambatWhere, tidakTerlambatWhere } from "./sla";
import * as service from "./service";
import { auditRead } from "../audit/service";
import { callerInstansiId } from "../../lib/caller";
import { ANY, can, type Action } from "../../policy";
import { peranPengajuan } from "./policy";

export const PengajuanStatusEnum = builder.enumType("PengajuanStatus", {
  values: ["DRAFT", "DIAJUKAN", "PERLU_PERBAIKAN", "DIVERIFIKASI", "DIPROSES", "SELESAI", "SIAP_DIAMBIL", "DIAMBIL", "DITOLAK", "DIBATALKAN"] as const,
});
export const AksiEnum = builder.enumType("AksiPengajuan", { values: AKSI as unknown as readonly Aksi[] });
export const PengirimanEnum = builder.enumType("PengirimanOpsi", {
  values: { UNDUH: { description: "download from the Log Inbox" }, AMBIL: { description: "collect at the office" } } as const,
});

export const FileScalar = builder.scalarType("File", {
  description: "A file sent as a GraphQL multipart request field",
  serialize: () => {
    throw new Error("File is an input-only scalar");
  },
});

function viewerIsStaffOf(ctx: Context, p: { pemohonId: string; instansiId: string }) {
  return can(ctx, "pengajuan:lihatInternal", p);
}

const PemohonRef = builder.objectRef<{ p: { pemohonId: string; instansiId: string }; user: { id: string; namaLengkap: string; email: string; telepon: string; identityMasked: string; identityCipher: string; identityType: string } }>("Pemohon").implement({
  description: "The applicant as the pengajuan shows them (to themself and to the staff handling it)",
  fields: (t) => ({
    nama: t.string({ resolve: (x) => x.user.namaLengkap }),
    email: t.string({ resolve: (x) => x.user.email }),
    telepon: t.string({ resolve: (x) => x.user.telepon }),
    jenisIdentitas: t.string({ resolve: (x) => x.user.identityType }),
    nomorIdentitasMasked: t.string({ resolve: (x) => x.user.identityMasked }),
    nomorIdentitas: t.string({
      description: "Full NIK/NIP: for the applicant and the staff of the instansi handling the request",
      resolve: async (x, _a, ctx) => {
        await auditRead(ctx, "Pemohon.nomorIdentitas", x.user.id, { jenis: "User", id: x.user.id });
        return revealIdentity(ctx.keys, x.user);
      },
    }),
  }),
});

export const PengajuanLogRef = builder.prismaObject("PengajuanLog", {
  description: "One step of the Log Pengajuan",
  fields: (t) => ({
    seq: t.exposeInt("seq"),
    aksi: t.exposeString("aksi"),
    dariStatus: t.expose("dariStatus", { type: PengajuanStatusEnum, nullable: true }),
    keStatus: t.expose("keStatus", { type: PengajuanStatusEnum }),
    keStatusLabel: t.string({ resolve: (l) => STATUS_LABEL[l.keStatus] }),
    pesan: t.exposeString("pesan", { nullable: true }),
    aktor: t.string({
      nullable: true,
      description: "Who acted: the applicant sees 'Pemohon' or 'Petugas', staff see names (another system: 'Sistem <name>')",
      select: { aktor: { select: { namaLengkap: true, role: true } }, klien: { select: { nama: true } }, pengajuan: { select: { pemohonId: true, instansiId: true } } },
      resolve: (l, _a, ctx) => {
        if (!l.aktor) return l.klien ? (viewerIsStaffOf(ctx, l.pengajuan) ? `Sistem ${l.klien.nama}` : "Petugas") : null;
        if (viewerIsStaffOf(ctx, l.pengajuan)) return l.aktor.namaLengkap;
        return l.aktor.role === "PEMOHON" ? "Pemohon" : "Petugas";
      },
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

// documents and results are seen as their pengajuan is (also when fetched alone through node(id))
export const DokumenRef = builder.prismaNode("DokumenPengajuan", {
  id: { field: "id" },
  select: { id: true, persyaratanId: true, pengajuan: { select: { pemohonId: true, instansiId: true } } },
  authScopes: (d) => ({ can: { action: "pengajuan:lihat", on: d.pengajuan } }),
  fields: (t) => ({
    persyaratanId: t.string({ resolve: (d) => Buffer.from(`PersyaratanDokumen:${d.persyaratanId}`).toString("base64") }),
    persyaratan: t.relation("persyaratan"),
    namaFile: t.string({ select: { file: { select: { namaAsli: true } } }, resolve: (d) => d.file.namaAsli }),
    mime: t.string({ select: { file: { select: { mime: true } } }, resolve: (d) => d.file.mime }),
    ukuran: t.int({ select: { file: { select: { ukuran: true } } }, resolve: (d) => d.file.ukuran }),
    sha256: t.string({ select: { file: { select: { sha256: true } } }, resolve: (d) => d.file.sha256 }),
    diganti: t.exposeBoolean("diganti"),
    url: t.string({ description: "GET with the session to download", resolve: (d) => `/unduh/dokumen/${d.id}` }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const HasilRef = builder.prismaNode("HasilDokumen", {
  id: { field: "id" },
  description: "A result document in the applicant's Log Inbox",
  select: { id: true, pengajuan: { select: { pemohonId: true, instansiId: true } } },
  authScopes: (h) => ({ can: { action: "pengajuan:lihat", on: h.pengajuan } }),
  fields: (t) => ({
    judul: t.exposeString("judul"),
    kodeVerifikasi: t.exposeString("kodeVerifikasi"),
    namaFile: t.string({ select: { file: { select: { namaAsli: true } } }, resolve: (d) => d.file.namaAsli }),
    sha256: t.string({ select: { file: { select: { sha256: true } } }, resolve: (d) => d.file.sha256 }),
    url: t.string({ resolve: (d) => `/unduh/hasil/${d.id}` }),
    diunduhAt: t.expose("diunduhAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const CatatanRef = builder.prismaObject("CatatanInternal", {
  description: "An internal note: staff only, never shown to the applicant",
  fields: (t) => ({
    isi: t.exposeString("isi"),
    penulis: t.string({ select: { penulis: { select: { namaLengkap: true } } }, resolve: (c) => c.penulis.namaLengkap }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const PengajuanRef = builder.prismaNode("Pengajuan", {
  id: { field: "id" },
  description: "A service request. Visible to its applicant and to the staff of the instansi that runs the service.",
  authScopes: (p) => ({ can: { action: "pengajuan:lihat", on: p } }),
  fields: (t) => ({
    nomorRegistrasi: t.exposeString("nomorRegistrasi", { nullable: true }),
    status: t.expose("status", { type: PengajuanStatusEnum }),
    statusLabel: t.string({ resolve: (p) => STATUS_LABEL[p.status] }),
    versi: t.exposeInt("versi", { description: "Send it back with every change: a stale one is refused (CONFLICT)" }),
    seq: t.exposeInt("seq", { description: "Sequence number of the last Log Pengajuan entry" }),
    layanan: t.relation("layanan"),
    instansi: t.relation("instansi"),
    pemohon: t.field({
      type: PemohonRef,
      select: { pemohon: { select: { id: true, namaLengkap: true, email: true, telepon: true, identityMasked: true, identityCipher: true, identityType: true } } },
      resolve: (p) => ({ p, user: p.pemohon }),
    }),
    petugas: t.string({ nullable: true, description: "Name of the assigned officer", select: { petugas: { select: { namaLengkap: true } } }, resolve: (p) => p.petugas?.namaLengkap ?? null }),
    ditugaskanKeSaya: t.boolean({ resolve: (p, _a, ctx) => !!ctx.viewer && p.petugasId === ctx.viewer.id }),
    formData: t.expose("formData", { type: "JSON" }),
    pengiriman: t.expose("pengiriman", { type: PengirimanEnum }),
    diajukanAt: t.expose("diajukanAt", { type: "DateTime", nullable: true }),
    diverifikasiAt: t.expose("diverifikasiAt", { type: "DateTime", nullable: true }),
    tenggat: t.expose("tenggat", { type: "DateTime", nullable: true, description: "SLA deadline on the office calendar (null while the clock waits)" }),
    tenggatSementara: t.exposeBoolean("tenggatSementara", { description: "The deadline crosses a year whose holidays are not entered yet" }),
    tenggatPenjelasan: t.field({
      type: PenjelasanTenggatRef,
      nullable: true,
      description: "How the running deadline is computed (null while the clock waits or after it stopped)",
      select: { layanan: { select: { slaJumlah: true, slaSatuan: true } } },
      resolve: (p, _a, ctx) => (CLOCK_RUNNING.includes(p.status) ? explainFor(ctx, p.instansiId, () => pengajuanChain(p, p.layanan)) : null),
    }),
    sisaMenitKerja: t.float({
      nullable: true,
      description: "Working minutes left until the deadline (negative when overdue); while paused, what is left",
      resolve: async (p, _a, ctx) => {
        if (p.tenggat && !isFinal(p.status)) return remaining(await ctx.calendars.get(p.instansiId), p.tenggat, new Date());
        return p.slaSisaMenit;
      },
    }),
    terlambat: t.boolean({ resolve: (p) => terlambat(p, new Date()) }),
    selesaiAt: t.expose("selesaiAt", { type: "DateTime", nullable: true }),
    alasanTolak: t.exposeString("alasanTolak", { nullable: true }),
    diambilOleh: t.exposeString("diambilOleh", { nullable: true }),
    identitasPengambil: t.exposeString("identitasPengambil", { nullable: true }),
    diambilAt: t.expose("diambilAt", { type: "DateTime", nullable: true }),
    riwayat: t.relation("riwayat", { query: { orderBy: { seq: "asc" } }, description: "The Log Pengajuan, oldest first" }),
    statusTerakhir: t.relation("riwayat", {
      description: "The latest Log Pengajuan entry",
      query: { orderBy: { seq: "desc" }, take: 1 },
    }),
    dokumen: t.relation("dokumen", {
      args: { termasukLama: t.arg.boolean({ required: false, defaultValue: false }) },
      query: (args) => ({ where: args.termasukLama ? {} : { diganti: false }, orderBy: { createdAt: "asc" } }),
    }),
    hasil: t.relation("hasil", { query: { orderBy: { createdAt: "asc" } } }),
    catatanInternal: t.relation("catatan", {
      nullable: true,
      description: "Staff only: null with a FORBIDDEN error for the applicant",
      authScopes: (p) => ({ can: { action: "pengajuan:lihatInternal", on: p } }),
      query: { orderBy: { createdAt: "asc" } },
    }),
    aksiTersedia: t.field({
      type: [AksiEnum],
      description: "What the viewer can do now (buttons)",
      resolve: (p, _a, ctx) => {
        const pelaku = peranPengajuan(ctx, p);
        return pelaku ? allowedActions(pelaku, p.status) : [];
      },
    }),
    buktiUrl: t.string({ nullable: true, description: "Proof of submission PDF (after submitting)", resolve: (p) => (p.nomorRegistrasi ? `/unduh/bukti/${p.id}` : null) }),
    asalId: t.string({ nullable: true, resolve: (p) => (p.asalId ? Buffer.from(`Pengajuan:${p.asalId}`).toString("base64") : null) }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const QueueFilter = builder.inputType("AntrianFilter", {
  fields: (t) => ({
    status: t.field({ type: [PengajuanStatusEnum], required: false }),
    layananId: t.globalID({ required: false }),
    terlambat: t.boolean({ required: false, description: "Only overdue (true) or only on time (false)" }),
    ditugaskanKeSaya: t.boolean({ required: false }),
    diajukanDari: t.field({ type: "DateTime", required: false }),
    diajukanSampai: t.field({ type: "DateTime", required: false }),
    cari: t.string({ required: false, ...safe, description: "Registration number, or part of it" }),
  }),
});

const OPEN_STAFF: Prisma.PengajuanWhereInput["status"] = { notIn: ["DRAFT"] };

function queueWhere(ctx: Context, instansiId: string, f: typeof QueueFilter.$inferInput | null | undefined): Prisma.PengajuanWhereInput {
  const now = new Date();
  return {
    instansiId,
    status: f?.status?.length ? { in: f.status } : OPEN_STAFF,
    ...(f?.layananId ? { layananId: String(f.layananId.id) } : {}),
    // an API client is nobody's officer: "assigned to me" is empty for it
    ...(f?.ditugaskanKeSaya ? (ctx.viewer ? { petugasId: ctx.viewer.id } : { id: { in: [] } }) : {}),
    ...(f?.terlambat === true ? terlambatWhere(now) : {}),
    ...(f?.terlambat === false ? tidakTerlambatWhere(now) : {}),
    ...(f?.diajukanDari || f?.diajukanSampai ? { diajukanAt: { ...(f.diajukanDari ? { gte: f.diajukanDari } : {}), ...(f.diajukanSampai ? { lte: f.diajukanSampai } : {}) } } : {}),
    ...(f?.cari?.trim() ? { nomorRegistrasi: { contains: f.cari.trim().toUpperCase() } } : {}),
  };
}

type Status = (typeof PengajuanStatusEnum.$inferType);
const StatusCount = builder.objectRef<{ status: Status; jumlah: number }>("JumlahPerStatus").implement({
  fields: (t) => ({ status: t.expose("status", { type: PengajuanStatusEnum }), jumlah: t.exposeInt("jumlah") }),
});

/** The field scope of a desk list: `action` for the instansi asked for (default: the caller's own). */
export function deskScope(action: Action, instansiId: { id: string } | null | undefined, ctx: Context) {
  return { can: { action, on: { instansiId: String(instansiId?.id ?? callerInstansiId(ctx) ?? "") } } };
}

function staffInstansi(ctx: Context, instansiId: { id: string } | null | undefined): string {
  const id = instansiId?.id ?? callerInstansiId(ctx);
  if (!id) throw new ValidationError("INSTANSI_REQUIRED", "Pilih instansi.", "instansiId");
  return id;
}

builder.queryFields((t) => ({
  myPengajuan: t.prismaConnection({
    type: "Pengajuan",
    cursor: "id",
    authScopes: { active: true },
    description: "My service requests, newest first (Log Pengajuan)",
    args: { status: t.arg({ type: [PengajuanStatusEnum], required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.pengajuan.count({ where: { pemohonId: ctx.viewer!.id, ...(args.status?.length ? { status: { in: args.status } } : {}) } }),
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.pengajuan.findMany({
        ...q(query),
        where: { pemohonId: ctx.viewer!.id, ...(args.status?.length ? { status: { in: args.status } } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
  antrian: t.prismaConnection({
    type: "Pengajuan",
    cursor: "id",
    description: "The staff queue of an instansi (default: the caller's): overdue first, then by deadline, then oldest submitted",
    authScopes: (_r, args, ctx) => deskScope("pengajuan:lihatAntrian", args.instansiId, ctx),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }), filter: t.arg({ type: QueueFilter, required: false }) },
    totalCount: (_p, args, ctx) => ctx.prisma.pengajuan.count({ where: queueWhere(ctx, staffInstansi(ctx, args.instansiId), args.filter) }),
    resolve: async (query, _r, args, ctx) => {
      // Two steps: the page's ids from the index (ORDER BY … LIMIT on plain columns), then the page's rows with
      // their relations. In one statement the database builds every nested row of the whole queue before it
      // sorts and cuts the page, so the cost grew with the queue instead of the page.
      const { take, skip, cursor, ...shape } = q(query) as typeof query & { take?: number; skip?: number; cursor?: { id: string } };
      const page = await ctx.prisma.pengajuan.findMany({
        where: queueWhere(ctx, staffInstansi(ctx, args.instansiId), args.filter),
        orderBy: [{ tenggat: { sort: "asc", nulls: "last" } }, { diajukanAt: "asc" }, { id: "asc" }],
        take,
        skip,
        cursor,
        select: { id: true },
      });
      if (page.length === 0) return [];
      const rows = await ctx.prisma.pengajuan.findMany({ ...shape, where: { id: { in: page.map((p) => p.id) } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return page.flatMap((p) => byId.get(p.id) ?? []);
    },
  }),
  antrianJumlah: t.field({
    type: [StatusCount],
    description: "How many requests per status in the queue (for the dashboard's tabs)",
    authScopes: (_r, args, ctx) => deskScope("pengajuan:hitungAntrian", args.instansiId, ctx),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }) },
    resolve: async (_r, args, ctx) => {
      const rows = await ctx.prisma.pengajuan.groupBy({ by: ["status"], where: { instansiId: staffInstansi(ctx, args.instansiId), status: OPEN_STAFF }, _count: { _all: true } });
      return rows.map((r) => ({ status: r.status, jumlah: r._count._all }));
    },
  }),
  verifikasiDokumen: t.field({
    type: builder.objectRef<{ judul: string; instansi: string; layanan: string; nomorRegistrasi: string; diterbitkan: Date; sha256: string; hasilId: string; pemohon: { id: string; namaLengkap: string; identityMasked: string } }>("VerifikasiDokumen").implement({
      description: "Public facts about a result document, to check a printed or forwarded copy",
      fields: (f) => ({
        judul: f.exposeString("judul"),
        instansi: f.exposeString("instansi"),
        layanan: f.exposeString("layanan"),
        nomorRegistrasi: f.exposeString("nomorRegistrasi"),
        diterbitkan: f.expose("diterbitkan", { type: "DateTime" }),
        sha256: f.exposeString("sha256", { description: "SHA-256 of the genuine file: compare with the copy you have" }),
        atasNama: f.field({
          type: builder.objectRef<{ nama: string; nomorIdentitasMasked: string }>("PemegangDokumen").implement({
            fields: (g) => ({ nama: g.exposeString("nama"), nomorIdentitasMasked: g.exposeString("nomorIdentitasMasked") }),
          }),
          nullable: true,
          description: "Whom the document was issued to: for API clients with VERIFIKASI_DOKUMEN (each read is in the holder's audit trail)",
          authScopes: { apiScope: "VERIFIKASI_DOKUMEN" },
          resolve: async (x, _a, ctx) => {
            await auditRead(ctx, "VerifikasiDokumen.atasNama", x.pemohon.id, { jenis: "HasilDokumen", id: x.hasilId });
            return { nama: x.pemohon.namaLengkap, nomorIdentitasMasked: x.pemohon.identityMasked };
          },
        }),
      }),
    }),
    nullable: true,
    description: "Check a result document by its verification code (public; null when unknown)",
    args: { kode: t.arg.string({ required: true, ...secret }) },
    resolve: async (_r, args, ctx) => {
      const kode = args.kode.trim().toUpperCase().replace(/[^A-Z0-9]/g, "").replace(/^(.{4})(.{4})(.{4})$/, "$1-$2-$3");
      const h = await ctx.prisma.hasilDokumen.findUnique({
        where: { kodeVerifikasi: kode },
        include: {
          file: { select: { sha256: true } },
          pengajuan: { select: { nomorRegistrasi: true, layanan: { select: { nama: true } }, instansi: { select: { nama: true } }, pemohon: { select: { id: true, namaLengkap: true, identityMasked: true } } } },
        },
      });
      if (!h) return null;
      return { judul: h.judul, instansi: h.pengajuan.instansi.nama, layanan: h.pengajuan.layanan.nama, nomorRegistrasi: h.pengajuan.nomorRegistrasi ?? "", diterbitkan: h.createdAt, sha256: h.file.sha256, hasilId: h.id, pemohon: h.pengajuan.pemohon };
    },
  }),
  lacakPengajuan: t.field({
    type: builder.objectRef<{ nomorRegistrasi: string; layanan: string; instansi: string; status: Status; statusLabel: string; diajukanAt: Date | null; tenggat: Date | null; tenggatSementara: boolean; tenggatPenjelasan: DeadlineExplanation | null; riwayat: Array<{ status: string; at: Date }> }>("LacakPengajuan").implement({
      description: "Public tracking: status and dates only, no personal data",
      fields: (f) => ({
        nomorRegistrasi: f.exposeString("nomorRegistrasi"),
        layanan: f.exposeString("layanan"),
        instansi: f.exposeString("instansi"),
        status: f.expose("status", { type: PengajuanStatusEnum }),
        statusLabel: f.exposeString("statusLabel"),
        diajukanAt: f.expose("diajukanAt", { type: "DateTime", nullable: true }),
        tenggat: f.expose("tenggat", { type: "DateTime", nullable: true }),
        tenggatSementara: f.exposeBoolean("tenggatSementara"),
        tenggatPenjelasan: f.expose("tenggatPenjelasan", { type: PenjelasanTenggatRef, nullable: true }),
        riwayat: f.field({
          type: [builder.objectRef<{ status: string; at: Date }>("LacakLangkah").implement({ fields: (g) => ({ status: g.exposeString("status"), at: g.expose("at", { type: "DateTime" }) }) })],
          resolve: (x) => x.riwayat,
        }),
      }),
    }),
    nullable: true,
    description: "Track a request by its registration number and the last 4 digits of the applicant's NIK/NIP (so numbers cannot be enumerated)",
    args: { nomorRegistrasi: t.arg.string({ required: true, ...safe }), empatDigitTerakhir: t.arg.string({ required: true, ...secret }) },
    resolve: async (_r, args, ctx) => {
      const p = await ctx.prisma.pengajuan.findUnique({
        where: { nomorRegistrasi: args.nomorRegistrasi.trim().toUpperCase() },
        include: { layanan: { select: { nama: true, slaJumlah: true, slaSatuan: true } }, instansi: { select: { nama: true } }, pemohon: { select: { identityMasked: true } }, riwayat: { orderBy: { seq: "asc" } } },
      });
      if (!p || !/^\d{4}$/.test(args.empatDigitTerakhir) || !p.pemohon.identityMasked.endsWith(args.empatDigitTerakhir)) return null;
      const steps = p.riwayat.filter((l, i, all) => i === 0 || l.keStatus !== all[i - 1]!.keStatus);
      return {
        nomorRegistrasi: p.nomorRegistrasi!,
        layanan: p.layanan.nama,
        instansi: p.instansi.nama,
        status: p.status,
        statusLabel: STATUS_LABEL[p.status],
        diajukanAt: p.diajukanAt,
        tenggat: p.tenggat,
        tenggatSementara: p.tenggatSementara,
        tenggatPenjelasan: CLOCK_RUNNING.includes(p.status) ? await explainFor(ctx, p.instansiId, () => pengajuanChain(p, p.layanan)) : null,
        riwayat: steps.map((l) => ({ status: STATUS_LABEL[l.keStatus], at: l.createdAt })),
      };
    },
  }),
  aksiLabel: t.field({
    type: [builder.objectRef<{ aksi: Aksi; label: string }>("AksiLabel").implement({ fields: (f) => ({ aksi: f.expose("aksi", { type: AksiEnum }), label: f.exposeString("label") }) })],
    description: "Indonesian labels of the actions (for buttons)",
    resolve: () => AKSI.map((aksi) => ({ aksi, label: AKSI_LABEL[aksi] })),
  }),
}));

const DokumenUploadInput = builder.inputType("DokumenUploadInput", {
  fields: (t) => ({
    persyaratanId: t.globalID({ required: true, description: "The requirement slot (PersyaratanDokumen id)" }),
    file: t.field({ type: FileScalar, required: true }),
  }),
});

const pengajuanErrors = { types: [ValidationError, ConflictError, InvalidStateError, NotFoundError] };

builder.mutationFields((t) => ({
  createPengajuan: t.prismaField({
    type: "Pengajuan",
    description: "Start a draft for a service (optionally from a rejected one: its form and documents are carried over)",
    authScopes: { can: { action: "pengajuan:buat", on: ANY } },
    errors: pengajuanErrors,
    args: {
      layananId: t.arg.globalID({ required: true, for: LayananRef }),
      pengiriman: t.arg({ type: PengirimanEnum, required: false }),
      formData: t.arg({ type: "JSON", required: false }),
      dariPengajuanId: t.arg.globalID({ required: false }),
    },
    resolve: async (query, _r, args, ctx) => reload(ctx, query, await service.createDraft(ctx, {
        layananId: String(args.layananId.id),
        pengiriman: args.pengiriman,
        formData: (args.formData as Record<string, unknown> | null) ?? null,
        dariPengajuanId: args.dariPengajuanId ? String(args.dariPengajuanId.id) : null,
      })),
  }),
  updatePengajuan: t.prismaField({
    type: "Pengajuan",
    description: "Save form values (merged) or the delivery option of a draft, or of a request sent back for fixing",
    authScopes: { can: { action: "pengajuan:ubahDraft", on: ANY } },
    errors: pengajuanErrors,
    args: {
      id: t.arg.globalID({ required: true, for: PengajuanRef }),
      versi: t.arg.int({ required: true }),
      formData: t.arg({ type: "JSON", required: false }),
      pengiriman: t.arg({ type: PengirimanEnum, required: false }),
    },
    resolve: async (query, _r, args, ctx) => reload(ctx, query, await service.updateDraft(ctx, { id: String(args.id.id), versi: args.versi, formData: (args.formData as Record<string, unknown> | null) ?? null, pengiriman: args.pengiriman })),
  }),
  uploadDokumenPengajuan: t.prismaField({
    type: "Pengajuan",
    description: "Upload documents into requirement slots (multipart request); a new upload replaces the slot's previous file",
    authScopes: { can: { action: "pengajuan:ubahDraft", on: ANY } },
    errors: pengajuanErrors,
    args: {
      id: t.arg.globalID({ required: true, for: PengajuanRef }),
      versi: t.arg.int({ required: true }),
      berkas: t.arg({ type: [DokumenUploadInput], required: true }),
    },
    resolve: async (query, _r, args, ctx) => reload(ctx, query, await service.uploadDokumen(ctx, {
        id: String(args.id.id),
        versi: args.versi,
        berkas: args.berkas.map((b) => ({ persyaratanId: String(b.persyaratanId.id), file: b.file as never })),
      })),
  }),
  ubahStatusPengajuan: t.prismaField({
    type: "Pengajuan",
    description:
      "Take an action of the state table: the applicant AJUKAN/BATALKAN; staff VERIFIKASI, MINTA_PERBAIKAN (pesan), PROSES, SELESAIKAN, SIAPKAN_PENGAMBILAN, SERAHKAN (diambilOleh, identitasPengambil), TOLAK (pesan = reason)",
    authScopes: { can: { action: "pengajuan:ubahStatus", on: ANY } },
    errors: pengajuanErrors,
    args: {
      id: t.arg.globalID({ required: true, for: PengajuanRef }),
      aksi: t.arg({ type: AksiEnum, required: true }),
      versi: t.arg.int({ required: true }),
      pesan: t.arg.string({ required: false }),
      diambilOleh: t.arg.string({ required: false, ...personal }),
      identitasPengambil: t.arg.string({ required: false, ...identifier }),
    },
    resolve: async (query, _r, args, ctx) => reload(ctx, query, await service.transition(ctx, { ...args, id: String(args.id.id) })),
  }),
  tugaskanPengajuan: t.prismaField({
    type: "Pengajuan",
    description: "Assign an officer (null to unassign); an officer may take a request for themself",
    authScopes: { can: { action: "pengajuan:tugaskan", on: ANY } },
    errors: pengajuanErrors,
    args: { id: t.arg.globalID({ required: true, for: PengajuanRef }), versi: t.arg.int({ required: true }), petugasId: t.arg.globalID({ required: false }) },
    resolve: async (query, _r, args, ctx) => reload(ctx, query, await service.assign(ctx, { id: String(args.id.id), versi: args.versi, petugasId: args.petugasId ? String(args.petugasId.id) : null })),
  }),
  tambahCatatanInternal: t.prismaField({
    type: "CatatanInternal",
    authScopes: { can: { action: "pengajuan:catatInternal", on: ANY } },
    errors: pengajuanErrors,
    args: { id: t.arg.globalID({ required: true, for: PengajuanRef }), isi: t.arg.string({ required: true }) },
    resolve: (_q, _r, args, ctx) => service.addCatatan(ctx, { id: String(args.id.id), isi: args.isi }),
  }),
  lampirkanHasil: t.prismaField({
    type: "Pengajuan",
    description: "Attach a result document (multipart): it lands in the applicant's Log Inbox with a verification code",
    authScopes: { can: { action: "pengajuan:lampirkanHasil", on: ANY } },
    errors: pengajuanErrors,
    args: { id: t.arg.globalID({ required: true, for: PengajuanRef }), versi: t.arg.int({ required: true }), judul: t.arg.string({ required: true, ...safe }), file: t.arg({ type: FileScalar, required: true }) },
    resolve: async (query, _r, args, ctx) => reload(ctx, query, await service.uploadHasil(ctx, { id: String(args.id.id), versi: args.versi, judul: args.judul, file: args.file as never })),
  }),
}));

// ---------------------------------------------------------------------------------------------------
// Live

type LogEvent = {
  pengajuanId: string;
  seq: number;
  /** the step and the request, read together for the event's selection (see withRows) */
  rows?: { log: unknown; pengajuan: unknown };
  /** the rows as the change committed them, when the event came from this instance (service.committedRows) */
  committed?: { log: unknown; pengajuan: unknown };
};

const PengajuanEventRef = builder.objectRef<LogEvent>("PengajuanEvent").implement({
  description: "One Log Pengajuan step and the pengajuan as it is after it",
  fields: (t) => ({
    seq: t.exposeInt("seq"),
    log: t.prismaField({
      type: "PengajuanLog",
      resolve: (query, e, _a, ctx) =>
        (e.rows?.log as never) ?? ctx.prisma.pengajuanLog.findUniqueOrThrow({ ...q(query), where: { pengajuanId_seq: { pengajuanId: e.pengajuanId, seq: e.seq } } }),
    }),
    pengajuan: t.prismaField({
      type: "Pengajuan",
      resolve: (query, e, _a, ctx) => (e.rows?.pengajuan as never) ?? ctx.prisma.pengajuan.findUniqueOrThrow({ ...q(query), where: { id: e.pengajuanId } }),
    }),
  }),
});

/** How often each field is asked for in a selection set (fragments included). */
function selectedFields(info: GraphQLResolveInfo): Map<string, number> {
  const counts = new Map<string, number>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias && sel.alias.value !== sel.name.value ? `${sel.alias.value}:${sel.name.value}` : sel.name.value;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else walk(info.fragments[sel.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return counts;
}

/**
 * The rows an event needs, fetched before its fields resolve: every subscriber of every status change comes
 * through here. A change made on this instance whose subscriber asks only for plain columns is answered from
 * the rows the change committed (nothing is read); an event asking for the step and the request with more
 * than that reads both in one statement (the step with its request joined). Anything else (a field asked for
 * twice or renamed, a selection Pothos cannot plan ahead) leaves each field to read for itself.
 */
async function withRows(ctx: Context, info: GraphQLResolveInfo, e: LogEvent): Promise<LogEvent> {
  const asked = selectedFields(info);
  const logAsked = asked.get("log") ?? 0;
  const pAsked = asked.get("pengajuan") ?? 0;
  const renamed = [...asked.keys()].some((k) => k.endsWith(":log") || k.endsWith(":pengajuan"));
  if (renamed || logAsked > 1 || pAsked > 1 || logAsked + pAsked === 0) return e;
  type Query = { select?: Record<string, unknown>; include?: Record<string, unknown> };
  let logQuery: Query | null, pQuery: Query | null;
  try {
    logQuery = logAsked ? (q(queryFromInfo({ context: ctx, info, path: ["log"] })) as Query) : null;
    pQuery = pAsked ? (q(queryFromInfo({ context: ctx, info, path: ["pengajuan"] })) as Query) : null;
  } catch {
    return e;
  }
  if (e.committed && (!logQuery || onlyScalars(logQuery)) && (!pQuery || onlyScalars(pQuery))) {
    return { ...e, rows: { log: logQuery ? e.committed.log : undefined, pengajuan: pQuery ? e.committed.pengajuan : undefined } };
  }
  if (!logQuery || !pQuery) return e; // one field: it reads for itself, in one statement anyway
  const own = logQuery.select ?? logQuery.include ?? {};
  if ("pengajuan" in own) return e; // the step's own fields read its request already: keep them apart
  const relation = pQuery.select || pQuery.include ? pQuery : true;
  const query = logQuery.select ? { select: { ...logQuery.select, pengajuan: relation } } : { include: { ...logQuery.include, pengajuan: relation } };
  const row = (await ctx.prisma.pengajuanLog.findUniqueOrThrow({
    where: { pengajuanId_seq: { pengajuanId: e.pengajuanId, seq: e.seq } },
    ...(query as { include: { pengajuan: true } }),
  })) as { pengajuan: unknown };
  return { ...e, rows: { log: row, pengajuan: row.pengajuan } };
}

/**
 * Replays the steps after `afterSeq`, then follows live ones; every step exactly once and in order, so a
 * client that reconnects with the last seq it saw is never stale. Visibility is checked again per event.
 */
async function followPengajuan(ctx: Context, id: string, afterSeq: number): Promise<AsyncGenerator<LogEvent>> {
  try {
    await service.loadVisible(ctx, id); // not visible: refused before anything is sent
  } catch (err) {
    if (err instanceof NotFoundError) throw new GraphQLError(err.message, { extensions: { code: "NOT_FOUND" } });
    throw err;
  }
  return follow(ctx, id, afterSeq);
}

async function* follow(ctx: Context, id: string, afterSeq: number): AsyncGenerator<LogEvent> {
  // subscribe first: nothing slips between replay and live; after a bus outage it says so, and we read again
  const iterator = followBus(ctx.pubsub, "pengajuan:updated", id);
  let last = afterSeq;
  const drain = async function* () {
    const rows = await ctx.prisma.pengajuanLog.findMany({ where: { pengajuanId: id, seq: { gt: last } }, orderBy: { seq: "asc" }, select: { seq: true } });
    for (const r of rows) {
      last = r.seq;
      yield { pengajuanId: id, seq: r.seq };
    }
  };
  try {
    yield* drain();
    for await (const e of iterator) {
      if (isResync(e)) {
        yield* drain(); // steps published while Redis was away never arrive: read them
        continue;
      }
      if (e.seq <= last) continue;
      // visibility per event, from the event itself (who applied and where are fixed for a request's life)
      if (!can(ctx, "pengajuan:lihat", e)) throw new GraphQLError("Pengajuan tidak ditemukan.", { extensions: { code: "NOT_FOUND" } });
      if (e.seq === last + 1) {
        last = e.seq;
        yield { pengajuanId: id, seq: e.seq, committed: service.committedRows.get(e) };
      } else {
        yield* drain(); // a step was missed (e.g. published by another instance before we listened): read them in order
      }
    }
  } finally {
    await iterator.return(undefined);
  }
}

builder.subscriptionFields((t) => ({
  pengajuanBerubah: t.field({
    type: PengajuanEventRef,
    description: "Every Log Pengajuan step of one request (its applicant, staff of its instansi). Pass the last seq you saw to catch up after a reconnect.",
    authScopes: { can: { action: "pengajuan:lihat", on: ANY } },
    args: { id: t.arg.globalID({ required: true, for: PengajuanRef }), setelahSeq: t.arg.int({ required: false, defaultValue: 0 }) },
    subscribe: (_r, args, ctx) => followPengajuan(ctx, String(args.id.id), args.setelahSeq ?? 0),
    resolve: (e, _a, ctx, info) => withRows(ctx, info, e as LogEvent),
  }),
  antrianBerubah: t.prismaField({
    type: "Pengajuan",
    description: "Each change in an instansi's queue (staff dashboards)",
    authScopes: (_r, args, ctx) => deskScope("pengajuan:lihatAntrian", args.instansiId, ctx),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }) },
    subscribe: (_r, args, ctx) => queueFeed(ctx, staffInstansi(ctx, args.instansiId)),
    resolve: async (query, e, _a, ctx) => {
      const { pengajuanId } = e as unknown as { pengajuanId: string };
      return ctx.prisma.pengajuan.findUniqueOrThrow({ ...q(query), where: { id: pengajuanId } });
    },
  }),
  myPengajuanBerubah: t.prismaField({
    type: "Pengajuan",
    description: "Changes to any of my requests (for the Log Pengajuan list)",
    authScopes: { active: true },
    subscribe: (_r, _a, ctx) => myChanges(ctx),
    resolve: async (query, e, _a, ctx) => ctx.prisma.pengajuan.findFirstOrThrow({ ...q(query), where: { id: (e as unknown as { pengajuanId: string }).pengajuanId, pemohonId: ctx.viewer!.id } }),
  }),
}));

/** The queue feed: each change heard, and after a bus outage each request of the instansi changed since. */
function queueFeed(ctx: Context, instansiId: string) {
  return catchingUp(
    followBus(ctx.pubsub, "instansi:queue", instansiId),
    (since) => ctx.prisma.pengajuan.findMany({ where: { instansiId, updatedAt: { gte: since } }, orderBy: { updatedAt: "asc" }, take: 500, select: { id: true, status: true, seq: true } }).then((rows) => rows.map((p) => ({ pengajuanId: p.id, status: p.status as string, seq: p.seq }))),
    (e) => `${e.pengajuanId}:${e.seq}`,
  );
}

async function* myChanges(ctx: Context) {
  // the notification stream already carries every status change addressed to this user
  const userId = ctx.viewer!.id;
  const events = catchingUp(
    followBus(ctx.pubsub, "user:notification", userId),
    (since) => ctx.prisma.notification.findMany({ where: { userId, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, take: 500, select: { id: true } }).then((rows) => rows.map((n) => ({ notificationId: n.id }))),
    (e) => e.notificationId,
  );
  try {
    for await (const e of events) {
      const n = await ctx.prisma.notification.findUnique({ where: { id: e.notificationId }, select: { data: true } });
      const pengajuanId = (n?.data as { pengajuanId?: string } | null)?.pengajuanId;
      if (pengajuanId) yield { pengajuanId };
    }
  } finally {
    await events.return(undefined);
  }
}

/** Mutations return the row their service wrote, re-read with the selection the client asked for. */
function reload<Q extends object, R extends { id: string }>(ctx: Context, query: Q, row: R) {
  // the service returns the whole row as it committed it: read again only for relations
  if (onlyScalars(query)) return row;
  return ctx.prisma.pengajuan.findUniqueOrThrow({ ...q(query), where: { id: row.id } });
}

import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../schema/builder";
import { secret, identifier, personal, safe } from "../../schema/sensitivity";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import type { Context } from "../../context";
import { LayananRef } from "../layanan/types";
import { InstansiRef } from "../instansi/types";
import { revealIdentity } from "../identity/protect";
import { AKSI, AKSI_LABEL, STATUS_LABEL, type Aksi } from "./transitions";
import { PenjelasanTenggatRef } from "../calendar/types";
import type { DeadlineExplanation } from "../calendar/working-time";
import { terlambat } from "./sla";
import * as service from "./service";
import * as queries from "./queries";
import * as live from "./live";
import { auditRead } from "../audit/service";
import { callerInstansiId } from "../../lib/caller";
import { ANY, can, type Action } from "../../policy";
import { isCitizen } from "../../shared/roles";
import { PENGAJUAN_STATUSES } from "../../shared/labels";
import { SuratStatusEnum } from "../surat/types";

/** The public facts of a verified letter (queries.verifikasiDokumen). */
type FaktaSurat = NonNullable<NonNullable<Awaited<ReturnType<typeof queries.verifikasiDokumen>>>["surat"]>;

export const PengajuanStatusEnum = builder.enumType("PengajuanStatus", {
  values: PENGAJUAN_STATUSES,
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

const PemohonRef = builder
  .objectRef<{
    p: { pemohonId: string; instansiId: string };
    user: { id: string; namaLengkap: string; email: string; telepon: string; identityMasked: string; identityCipher: string; identityType: string };
  }>("Pemohon")
  .implement({
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
      select: {
        aktor: { select: { namaLengkap: true, role: true } },
        klien: { select: { nama: true } },
        pengajuan: { select: { pemohonId: true, instansiId: true } },
      },
      resolve: (l, _a, ctx) => {
        if (!l.aktor) return l.klien ? (viewerIsStaffOf(ctx, l.pengajuan) ? `Sistem ${l.klien.nama}` : "Petugas") : null;
        if (viewerIsStaffOf(ctx, l.pengajuan)) return l.aktor.namaLengkap;
        return isCitizen(l.aktor.role) ? "Pemohon" : "Petugas";
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
  // checked once per document, not on each of its fields (see PengajuanRef)
  runScopesOnType: true,
  fields: (t) => ({
    persyaratanId: t.string({ resolve: (d) => encodeGlobalID("PersyaratanDokumen", d.persyaratanId) }),
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

/** The columns every request's check and most of its fields need: the rest are selected by the fields asked for. */
const PENGAJUAN_INTI = { id: true, pemohonId: true, instansiId: true, status: true } as const;

export const PengajuanRef = builder.prismaNode("Pengajuan", {
  id: { field: "id" },
  description: "A service request. Visible to its applicant and to the staff of the instansi that runs the service.",
  // Select mode: a list reads only the columns of the fields it asks for (a queue page of 50 requests no longer
  // reads every request's form answers). Fields that compute from columns name them in their own `select`.
  select: PENGAJUAN_INTI,
  authScopes: (p) => ({ can: { action: "pengajuan:lihat", on: p } }),
  // Checked once per request object as it is resolved, not again on each of its fields: a queue page of 50
  // requests resolves ~1,000 fields, and the per-field check was a tenth of the server's time (issue #13).
  // A request the viewer may not see is null with FORBIDDEN either way.
  runScopesOnType: true,
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
      select: {
        pemohon: { select: { id: true, namaLengkap: true, email: true, telepon: true, identityMasked: true, identityCipher: true, identityType: true } },
      },
      resolve: (p) => ({ p, user: p.pemohon }),
    }),
    petugas: t.string({
      nullable: true,
      description: "Name of the assigned officer",
      select: { petugas: { select: { namaLengkap: true } } },
      resolve: (p) => p.petugas?.namaLengkap ?? null,
    }),
    ditugaskanKeSaya: t.boolean({ select: { petugasId: true }, resolve: (p, _a, ctx) => !!ctx.viewer && p.petugasId === ctx.viewer.id }),
    formData: t.expose("formData", { type: "JSON" }),
    pengiriman: t.expose("pengiriman", { type: PengirimanEnum }),
    diajukanAt: t.expose("diajukanAt", { type: "DateTime", nullable: true, description: "The first submission (a re-submission after a fix keeps it)" }),
    diajukanUlangAt: t.field({
      type: "DateTime",
      nullable: true,
      description: "The latest re-submission after the officer asked for a fix (null when never sent back)",
      select: { riwayat: { where: { aksi: "AJUKAN", dariStatus: "PERLU_PERBAIKAN" }, orderBy: { seq: "desc" }, take: 1, select: { createdAt: true } } },
      resolve: (p) => p.riwayat[0]?.createdAt ?? null,
    }),
    diverifikasiAt: t.expose("diverifikasiAt", { type: "DateTime", nullable: true }),
    tenggat: t.expose("tenggat", { type: "DateTime", nullable: true, description: "SLA deadline on the office calendar (null while the clock waits)" }),
    tenggatSementara: t.exposeBoolean("tenggatSementara", { description: "The deadline crosses a year whose holidays are not entered yet" }),
    tenggatPenjelasan: t.field({
      type: PenjelasanTenggatRef,
      nullable: true,
      description: "How the running deadline is computed (null while the clock waits or after it stopped)",
      select: { slaMulaiAt: true, slaSisaMenit: true, layanan: { select: { slaJumlah: true, slaSatuan: true } } },
      resolve: (p, _a, ctx) => queries.penjelasanTenggat(ctx, p),
    }),
    sisaMenitKerja: t.float({
      nullable: true,
      description: "Working minutes left until the deadline (negative when overdue); while paused, what is left; null once finished",
      select: { tenggat: true, slaSisaMenit: true, selesaiAt: true },
      resolve: (p, _a, ctx) => service.sisaMenitKerja(ctx, p),
    }),
    terlambat: t.boolean({ select: { tenggat: true }, resolve: (p) => terlambat(p, new Date()) }),
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
      resolve: (p, _a, ctx) => service.aksiTersedia(ctx, p),
    }),
    dapatDiubah: t.boolean({
      description: "May the viewer edit the form and the documents now (the applicant, on a draft or a request sent back for fixing)",
      resolve: (p, _a, ctx) => service.dapatDiubahOleh(ctx, p),
    }),
    bolehSurvei: t.boolean({
      description: "May the viewer answer the satisfaction survey (SKM) for it now (the applicant, once the service is over)",
      resolve: (p, _a, ctx) => service.bolehSurveiOleh(ctx, p),
    }),
    buktiUrl: t.string({
      nullable: true,
      description: "Proof of submission PDF (after submitting)",
      select: { nomorRegistrasi: true },
      resolve: (p) => (p.nomorRegistrasi ? `/unduh/bukti/${p.id}` : null),
    }),
    asalId: t.string({ nullable: true, select: { asalId: true }, resolve: (p) => (p.asalId ? encodeGlobalID("Pengajuan", p.asalId) : null) }),
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

type Status = typeof PengajuanStatusEnum.$inferType;
const StatusCount = builder.objectRef<{ status: Status; jumlah: number }>("JumlahPerStatus").implement({
  fields: (t) => ({ status: t.expose("status", { type: PengajuanStatusEnum }), jumlah: t.exposeInt("jumlah") }),
});

/** The field scope of a desk list: `action` for the instansi asked for (default: the caller's own). */
export function deskScope(action: Action, instansiId: { id: string } | null | undefined, ctx: Context) {
  return { can: { action, on: { instansiId: String(instansiId?.id ?? callerInstansiId(ctx) ?? "") } } };
}

builder.queryFields((t) => ({
  myPengajuan: t.prismaConnection({
    type: "Pengajuan",
    cursor: "id",
    authScopes: { active: true },
    description: "My service requests, newest first (Log Pengajuan)",
    args: { status: t.arg({ type: [PengajuanStatusEnum], required: false }) },
    totalCount: (_p, args, ctx) => queries.myPengajuanCount(ctx, args.status),
    resolve: (query, _r, args, ctx) => queries.myPengajuan(ctx, query, args.status),
  }),
  antrian: t.prismaConnection({
    type: "Pengajuan",
    cursor: "id",
    description: "The staff queue of an instansi (default: the caller's): overdue first, then by deadline, then oldest submitted",
    authScopes: (_r, args, ctx) => deskScope("pengajuan:lihatAntrian", args.instansiId, ctx),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }), filter: t.arg({ type: QueueFilter, required: false }) },
    totalCount: (_p, args, ctx) => queries.antrianCount(ctx, queries.deskInstansi(ctx, args.instansiId), args.filter),
    resolve: (query, _r, args, ctx) => queries.antrian(ctx, query, queries.deskInstansi(ctx, args.instansiId), args.filter),
  }),
  antrianJumlah: t.field({
    type: [StatusCount],
    description: "How many requests per status in the queue (for the dashboard's tabs)",
    authScopes: (_r, args, ctx) => deskScope("pengajuan:hitungAntrian", args.instansiId, ctx),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }) },
    resolve: (_r, args, ctx) => queries.antrianJumlah(ctx, queries.deskInstansi(ctx, args.instansiId)),
  }),
  verifikasiDokumen: t.field({
    type: builder
      .objectRef<{
        judul: string;
        instansi: string;
        layanan: string;
        nomorRegistrasi: string;
        diterbitkan: Date;
        sha256: string;
        hasilId: string;
        pemohon: { id: string; namaLengkap: string; identityMasked: string };
        surat: FaktaSurat | null;
      }>("VerifikasiDokumen")
      .implement({
        description: "Public facts about a result document, to check a printed or forwarded copy",
        fields: (f) => ({
          judul: f.exposeString("judul"),
          instansi: f.exposeString("instansi"),
          layanan: f.exposeString("layanan"),
          nomorRegistrasi: f.exposeString("nomorRegistrasi"),
          diterbitkan: f.expose("diterbitkan", { type: "DateTime" }),
          sha256: f.exposeString("sha256", { description: "SHA-256 of the genuine file: compare with the copy you have" }),
          surat: f.field({
            type: builder.objectRef<FaktaSurat>("VerifikasiSurat").implement({
              description: "The public facts of an official letter (issue 15) with this code: never its applicant's data",
              fields: (g) => ({
                nomorSurat: g.exposeString("nomorSurat"),
                status: g.field({ type: SuratStatusEnum, description: "TERBIT, or DIBATALKAN: voided, no longer valid", resolve: (x) => x.status }),
                dibatalkan: g.exposeBoolean("dibatalkan"),
                alasanBatal: g.exposeString("alasanBatal", { nullable: true, description: "why it was voided (only when DIBATALKAN)" }),
                dibatalkanAt: g.expose("dibatalkanAt", { type: "DateTime", nullable: true }),
                penandatanganNama: g.exposeString("penandatanganNama", { nullable: true, description: "the signing official as printed on the letter" }),
                penandatanganJabatan: g.exposeString("penandatanganJabatan", { nullable: true }),
                ditandatanganiAt: g.expose("ditandatanganiAt", { type: "DateTime", nullable: true }),
              }),
            }),
            nullable: true,
            description: "When the code is an official letter's: its number, signing official, signing time, and whether it was voided",
            resolve: (x) => x.surat,
          }),
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
    resolve: (_r, args, ctx) => queries.verifikasiDokumen(ctx, args.kode),
  }),
  lacakPengajuan: t.field({
    type: builder
      .objectRef<{
        nomorRegistrasi: string;
        layanan: string;
        instansi: string;
        status: Status;
        statusLabel: string;
        diajukanAt: Date | null;
        tenggat: Date | null;
        tenggatSementara: boolean;
        tenggatPenjelasan: DeadlineExplanation | null;
        riwayat: Array<{ status: string; at: Date }>;
      }>("LacakPengajuan")
      .implement({
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
            type: [
              builder
                .objectRef<{ status: string; at: Date }>("LacakLangkah")
                .implement({ fields: (g) => ({ status: g.exposeString("status"), at: g.expose("at", { type: "DateTime" }) }) }),
            ],
            resolve: (x) => x.riwayat,
          }),
        }),
      }),
    nullable: true,
    description: "Track a request by its registration number and the last 4 digits of the applicant's NIK/NIP (so numbers cannot be enumerated)",
    args: { nomorRegistrasi: t.arg.string({ required: true, ...safe }), empatDigitTerakhir: t.arg.string({ required: true, ...secret }) },
    resolve: (_r, args, ctx) => queries.lacak(ctx, args.nomorRegistrasi, args.empatDigitTerakhir),
  }),
  aksiLabel: t.field({
    type: [
      builder
        .objectRef<{ aksi: Aksi; label: string }>("AksiLabel")
        .implement({ fields: (f) => ({ aksi: f.expose("aksi", { type: AksiEnum }), label: f.exposeString("label") }) }),
    ],
    description: "Indonesian labels of the actions (for buttons)",
    resolve: () => AKSI.map((aksi) => ({ aksi, label: AKSI_LABEL[aksi] })),
  }),
}));

export const DokumenUploadInput = builder.inputType("DokumenUploadInput", {
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
    resolve: async (query, _r, args, ctx) =>
      queries.reload(
        ctx,
        query,
        await service.createDraft(ctx, {
          layananId: String(args.layananId.id),
          pengiriman: args.pengiriman,
          formData: (args.formData as Record<string, unknown> | null) ?? null,
          dariPengajuanId: args.dariPengajuanId ? String(args.dariPengajuanId.id) : null,
        }),
      ),
  }),
  updatePengajuan: t.prismaField({
    type: "Pengajuan",
    description:
      "Save form values (only the fields sent change; kept exactly as typed, checked strictly on submit) or the delivery option of a draft, or of a request sent back for fixing",
    authScopes: { can: { action: "pengajuan:ubahDraft", on: ANY } },
    errors: pengajuanErrors,
    args: {
      id: t.arg.globalID({ required: true, for: PengajuanRef }),
      versi: t.arg.int({ required: true }),
      formData: t.arg({ type: "JSON", required: false }),
      pengiriman: t.arg({ type: PengirimanEnum, required: false }),
    },
    resolve: async (query, _r, args, ctx) =>
      queries.reload(
        ctx,
        query,
        await service.updateDraft(ctx, {
          id: String(args.id.id),
          versi: args.versi,
          formData: (args.formData as Record<string, unknown> | null) ?? null,
          pengiriman: args.pengiriman,
        }),
      ),
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
    resolve: async (query, _r, args, ctx) =>
      queries.reload(
        ctx,
        query,
        await service.uploadDokumen(ctx, {
          id: String(args.id.id),
          versi: args.versi,
          berkas: args.berkas.map((b) => ({ persyaratanId: String(b.persyaratanId.id), file: b.file as never })),
        }),
      ),
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
      dokumenDilihat: t.arg.globalIDList({
        required: false,
        for: DokumenRef,
        description:
          "VERIFIKASI: the documents (DokumenPengajuan ids) the officer checked. When given, a verification naming a replaced document (DOKUMEN_DIGANTI) or missing a current one (DOKUMEN_BELUM_DILIHAT) is refused",
      }),
    },
    resolve: async (query, _r, args, ctx) =>
      queries.reload(
        ctx,
        query,
        await service.transition(ctx, { ...args, id: String(args.id.id), dokumenDilihat: args.dokumenDilihat?.map((d) => String(d.id)) ?? null }),
      ),
  }),
  tugaskanPengajuan: t.prismaField({
    type: "Pengajuan",
    description: "Assign an officer (null to unassign); an officer may take a request for themself",
    authScopes: { can: { action: "pengajuan:tugaskan", on: ANY } },
    errors: pengajuanErrors,
    args: { id: t.arg.globalID({ required: true, for: PengajuanRef }), versi: t.arg.int({ required: true }), petugasId: t.arg.globalID({ required: false }) },
    resolve: async (query, _r, args, ctx) =>
      queries.reload(
        ctx,
        query,
        await service.assign(ctx, { id: String(args.id.id), versi: args.versi, petugasId: args.petugasId ? String(args.petugasId.id) : null }),
      ),
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
    args: {
      id: t.arg.globalID({ required: true, for: PengajuanRef }),
      versi: t.arg.int({ required: true }),
      judul: t.arg.string({ required: true, ...safe }),
      file: t.arg({ type: FileScalar, required: true }),
    },
    resolve: async (query, _r, args, ctx) =>
      queries.reload(ctx, query, await service.uploadHasil(ctx, { id: String(args.id.id), versi: args.versi, judul: args.judul, file: args.file as never })),
  }),
}));

// ---------------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------------
// Live (live.ts)

const PengajuanEventRef = builder.objectRef<live.LogEvent>("PengajuanEvent").implement({
  description: "One Log Pengajuan step and the pengajuan as it is after it",
  fields: (t) => ({
    seq: t.exposeInt("seq"),
    log: t.prismaField({ type: "PengajuanLog", resolve: (query, e, _a, ctx) => live.logOf(ctx, query, e) }),
    pengajuan: t.prismaField({ type: "Pengajuan", resolve: (query, e, _a, ctx) => live.pengajuanOf(ctx, query, e) }),
  }),
});

builder.subscriptionFields((t) => ({
  pengajuanBerubah: t.field({
    type: PengajuanEventRef,
    description: "Every Log Pengajuan step of one request (its applicant, staff of its instansi). Pass the last seq you saw to catch up after a reconnect.",
    authScopes: { can: { action: "pengajuan:lihat", on: ANY } },
    args: { id: t.arg.globalID({ required: true, for: PengajuanRef }), setelahSeq: t.arg.int({ required: false, defaultValue: 0 }) },
    subscribe: (_r, args, ctx) => live.followPengajuan(ctx, String(args.id.id), args.setelahSeq ?? 0),
    resolve: (e, _a, ctx, info) => live.withRows(ctx, info, e as live.LogEvent),
  }),
  antrianBerubah: t.prismaField({
    type: "Pengajuan",
    description: "Each change in an instansi's queue (staff dashboards)",
    authScopes: (_r, args, ctx) => deskScope("pengajuan:lihatAntrian", args.instansiId, ctx),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }) },
    subscribe: (_r, args, ctx) => live.queueFeed(ctx, queries.deskInstansi(ctx, args.instansiId)),
    resolve: (query, e, _a, ctx) => live.queueRow(ctx, query, e as unknown as { pengajuanId: string }),
  }),
  myPengajuanBerubah: t.prismaField({
    type: "Pengajuan",
    description: "Changes to any of my requests (for the Log Pengajuan list)",
    authScopes: { active: true },
    subscribe: (_r, _a, ctx) => live.myChanges(ctx),
    resolve: (query, e, _a, ctx) => live.myRow(ctx, query, e as unknown as { pengajuanId: string }),
  }),
}));

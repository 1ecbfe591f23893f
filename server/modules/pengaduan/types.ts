import { builder } from "../../schema/builder";
import { secret, personal, safe } from "../../schema/sensitivity";
import { PenjelasanTenggatRef } from "../calendar/types";
import type { DeadlineExplanation } from "../calendar/working-time";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { InstansiRef } from "../instansi/types";
import { LayananRef } from "../layanan/types";
import { PengajuanRef, FileScalar } from "../pengajuan/types";
import { AKSI_PENGADUAN, PENGADUAN_STATUS_LABEL, type AksiPengaduan } from "./transitions";
import * as service from "./service";
import * as live from "./live";
import { terlambat } from "./rules";
import { deskScope } from "../pengajuan/types";
import { ANY } from "../../policy";
import { aksiPengaduanBagi, aksiWajibPesanBagi } from "./policy";

export const PengaduanStatusEnum = builder.enumType("PengaduanStatus", {
  values: ["DITERIMA", "DIVERIFIKASI", "DITOLAK", "DITINDAKLANJUTI", "SELESAI"] as const,
});
export const KanalEnum = builder.enumType("KanalPengaduan", { values: ["WEB", "LANGSUNG", "KOTAK_SARAN", "TELEPON", "WHATSAPP"] as const });
export const AksiPengaduanEnum = builder.enumType("AksiPengaduan", { values: AKSI_PENGADUAN as unknown as readonly AksiPengaduan[] });

export const KategoriPengaduanRef = builder.prismaNode("KategoriPengaduan", {
  id: { field: "id" },
  fields: (t) => ({ nama: t.exposeString("nama"), aktif: t.exposeBoolean("aktif") }),
});

export const LampiranRef = builder.prismaNode("PengaduanLampiran", {
  id: { field: "id" },
  // seen as its complaint is (also when fetched alone through node(id))
  select: { id: true, pengaduan: { select: { pelaporId: true, instansiId: true, dicatatOlehKlienId: true } } },
  authScopes: (l) => ({ can: { action: "pengaduan:lihat", on: l.pengaduan } }),
  fields: (t) => ({
    bukti: t.exposeBoolean("bukti", { description: "true: evidence from the reporter; false: documentation of a response" }),
    namaFile: t.string({ select: { file: { select: { namaAsli: true } } }, resolve: (l) => l.file.namaAsli }),
    mime: t.string({ select: { file: { select: { mime: true } } }, resolve: (l) => l.file.mime }),
    url: t.string({ resolve: (l) => `/unduh/lampiran-pengaduan/${l.id}` }),
  }),
});

export const PengaduanLogRef = builder.prismaObject("PengaduanLog", {
  fields: (t) => ({
    seq: t.exposeInt("seq"),
    aksi: t.exposeString("aksi"),
    keStatus: t.expose("keStatus", { type: PengaduanStatusEnum }),
    pesan: t.exposeString("pesan", { nullable: true }),
    lampiran: t.relation("lampiran"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const Pelapor = builder.objectRef<{ nama: string | null; kontak: string | null; terdaftar: boolean }>("PelaporPengaduan").implement({
  fields: (t) => ({
    nama: t.exposeString("nama", { nullable: true }),
    kontak: t.exposeString("kontak", { nullable: true }),
    terdaftar: t.exposeBoolean("terdaftar"),
  }),
});

export const PengaduanRef = builder.prismaNode("Pengaduan", {
  id: { field: "id" },
  description:
    "A complaint. Visible to its reporter, the staff of its instansi, and the API client that recorded it; a confidential reporter's identity only to the instansi's admins.",
  // also the API client that recorded it (a channel gateway), to read it back and relay answers
  authScopes: (p) => ({ can: { action: "pengaduan:lihat", on: p } }),
  fields: (t) => ({
    kodeLacak: t.exposeString("kodeLacak"),
    status: t.expose("status", { type: PengaduanStatusEnum }),
    statusLabel: t.string({ resolve: (p) => PENGADUAN_STATUS_LABEL[p.status] }),
    versi: t.exposeInt("versi"),
    seq: t.exposeInt("seq"),
    judul: t.exposeString("judul"),
    uraian: t.exposeString("uraian"),
    kanal: t.expose("kanal", { type: KanalEnum }),
    rahasia: t.exposeBoolean("rahasia"),
    dibukaKembali: t.exposeBoolean("dibukaKembali"),
    kategori: t.relation("kategori"),
    instansi: t.relation("instansi"),
    pelapor: t.field({
      type: Pelapor,
      nullable: true,
      description: "Who complained: null when confidential and you are not an admin of the instansi",
      select: {
        pelapor: { select: { namaLengkap: true, email: true, telepon: true } },
        namaPelapor: true,
        kontakPelapor: true,
        rahasia: true,
        pelaporId: true,
        instansiId: true,
        id: true,
      },
      resolve: (p, _a, ctx) => service.pelaporOf(ctx, p),
    }),
    tenggat: t.expose("tenggat", { type: "DateTime", nullable: true, description: 'Follow-up deadline ("2x24 jam" after verification)' }),
    tenggatSementara: t.exposeBoolean("tenggatSementara", { description: "The deadline crosses a year whose holidays are not entered yet" }),
    tenggatPenjelasan: t.field({
      type: PenjelasanTenggatRef,
      nullable: true,
      description: "How the running follow-up deadline is computed (null when no deadline runs)",
      select: { instansi: { select: { aturanTenggatAduan: true } } },
      resolve: (p, _a, ctx) => service.penjelasanTenggat(ctx, p),
    }),
    terlambat: t.boolean({ resolve: (p) => terlambat(p, new Date()) }),
    alasanTolak: t.exposeString("alasanTolak", { nullable: true }),
    riwayat: t.relation("riwayat", { query: { orderBy: { seq: "asc" } } }),
    lampiran: t.relation("lampiran", { query: { orderBy: { createdAt: "asc" } } }),
    aksiTersedia: t.field({ type: [AksiPengaduanEnum], resolve: (p, _a, ctx) => aksiPengaduanBagi(ctx, p) }),
    aksiWajibPesan: t.field({
      type: [AksiPengaduanEnum],
      description: "Of aksiTersedia, the steps that need a message (pesan)",
      resolve: (p, _a, ctx) => aksiWajibPesanBagi(ctx, p),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    selesaiAt: t.expose("selesaiAt", { type: "DateTime", nullable: true }),
  }),
});

const mejaFilter = (args: { instansiId?: { id: string } | null; status?: service.MejaFilter["status"]; terlambat?: boolean | null }): service.MejaFilter => ({
  ...args,
  instansiId: args.instansiId?.id,
});

builder.queryFields((t) => ({
  kategoriPengaduan: t.prismaField({
    type: ["KategoriPengaduan"],
    description: "Complaint categories of an instansi (public)",
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), termasukNonaktif: t.arg.boolean({ required: false }) },
    resolve: (query, _r, args, ctx) => service.kategoriPengaduan(ctx, query, String(args.instansiId.id), !!args.termasukNonaktif),
  }),
  pengaduanSaya: t.prismaConnection({
    type: "Pengaduan",
    cursor: "id",
    authScopes: { active: true },
    resolve: (query, _r, _a, ctx) => service.pengaduanSaya(ctx, query),
  }),
  mejaPengaduan: t.prismaConnection({
    type: "Pengaduan",
    cursor: "id",
    description: "The complaint desk of an instansi: unverified and overdue first",
    authScopes: (_r, args, ctx) => deskScope("pengaduan:lihatMeja", args.instansiId, ctx),
    args: {
      instansiId: t.arg.globalID({ required: false, for: InstansiRef }),
      status: t.arg({ type: [PengaduanStatusEnum], required: false }),
      terlambat: t.arg.boolean({ required: false }),
    },
    totalCount: (_p, args, ctx) => service.hitungMejaPengaduan(ctx, mejaFilter(args)),
    resolve: (query, _r, args, ctx) => service.mejaPengaduan(ctx, query, mejaFilter(args)),
  }),
  lacakPengaduan: t.field({
    type: builder
      .objectRef<{
        kodeLacak: string;
        status: string;
        statusLabel: string;
        instansi: string;
        diterimaAt: Date;
        tenggat: Date | null;
        tenggatSementara: boolean;
        tenggatPenjelasan: DeadlineExplanation | null;
        selesaiAt: Date | null;
      }>("LacakPengaduan")
      .implement({
        fields: (f) => ({
          kodeLacak: f.exposeString("kodeLacak"),
          statusLabel: f.exposeString("statusLabel"),
          instansi: f.exposeString("instansi"),
          diterimaAt: f.expose("diterimaAt", { type: "DateTime" }),
          tenggat: f.expose("tenggat", { type: "DateTime", nullable: true }),
          tenggatSementara: f.exposeBoolean("tenggatSementara"),
          tenggatPenjelasan: f.expose("tenggatPenjelasan", { type: PenjelasanTenggatRef, nullable: true }),
          selesaiAt: f.expose("selesaiAt", { type: "DateTime", nullable: true }),
        }),
      }),
    nullable: true,
    description: "Public tracking by complaint code: status and dates only (codes are random, not enumerable)",
    args: { kodeLacak: t.arg.string({ required: true, ...secret }) },
    resolve: (_r, args, ctx) => service.lacakPengaduan(ctx, args.kodeLacak),
  }),
}));

const errors = { types: [ValidationError, ConflictError, InvalidStateError, NotFoundError] };

builder.mutationFields((t) => ({
  buatPengaduan: t.prismaField({
    type: "Pengaduan",
    description: "A registered citizen files a complaint with at least one evidence file (multipart)",
    authScopes: { can: { action: "pengaduan:buat", on: ANY } },
    errors,
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      kategoriId: t.arg.globalID({ required: true, for: KategoriPengaduanRef }),
      judul: t.arg.string({ required: true }),
      uraian: t.arg.string({ required: true }),
      rahasia: t.arg.boolean({ required: false, defaultValue: false }),
      layananId: t.arg.globalID({ required: false, for: LayananRef }),
      pengajuanId: t.arg.globalID({ required: false, for: PengajuanRef }),
      bukti: t.arg({ type: [FileScalar], required: true }),
    },
    resolve: async (query, _r, a, ctx) => {
      const input = {
        instansiId: String(a.instansiId.id),
        kategoriId: String(a.kategoriId.id),
        judul: a.judul,
        uraian: a.uraian,
        rahasia: !!a.rahasia,
        layananId: a.layananId ? String(a.layananId.id) : null,
        pengajuanId: a.pengajuanId ? String(a.pengajuanId.id) : null,
        bukti: a.bukti as never,
      };
      return service.pengaduanById(ctx, query, (await service.buatPengaduan(ctx, input, false)).id);
    },
  }),
  catatPengaduan: t.prismaField({
    type: "Pengaduan",
    description:
      "Staff record a complaint that arrived offline (in person, suggestion box, phone, WhatsApp), for a named or unnamed reporter; an API client with BUAT_PENGADUAN records those of its channel (kanal WEB or WHATSAPP) for its instansi",
    authScopes: (_r, a) => ({ can: { action: "pengaduan:catat", on: { instansiId: String(a.instansiId.id) } } }),
    errors,
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      kategoriId: t.arg.globalID({ required: true, for: KategoriPengaduanRef }),
      kanal: t.arg({ type: KanalEnum, required: true }),
      judul: t.arg.string({ required: true }),
      uraian: t.arg.string({ required: true }),
      namaPelapor: t.arg.string({ required: false, ...personal }),
      kontakPelapor: t.arg.string({ required: false, ...personal }),
      rahasia: t.arg.boolean({ required: false, defaultValue: false }),
      bukti: t.arg({ type: [FileScalar], required: false }),
    },
    resolve: async (query, _r, a, ctx) => {
      const input = {
        instansiId: String(a.instansiId.id),
        kategoriId: String(a.kategoriId.id),
        kanal: a.kanal,
        judul: a.judul,
        uraian: a.uraian,
        rahasia: !!a.rahasia,
        namaPelapor: a.namaPelapor,
        kontakPelapor: a.kontakPelapor,
        bukti: (a.bukti ?? []) as never,
      };
      return service.pengaduanById(ctx, query, (await service.buatPengaduan(ctx, input, true)).id);
    },
  }),
  ubahStatusPengaduan: t.prismaField({
    type: "Pengaduan",
    description:
      "Staff: VERIFIKASI, TOLAK (pesan = reason), TINDAK_LANJUT (pesan + optional photos/videos/documents), SELESAIKAN; the reporter: TIDAK_PUAS once (pesan = reason)",
    authScopes: { can: { action: "pengaduan:ubahStatus", on: ANY } },
    errors,
    args: {
      id: t.arg.globalID({ required: true, for: PengaduanRef }),
      aksi: t.arg({ type: AksiPengaduanEnum, required: true }),
      versi: t.arg.int({ required: true }),
      pesan: t.arg.string({ required: false }),
      lampiran: t.arg({ type: [FileScalar], required: false }),
    },
    resolve: async (query, _r, a, ctx) => {
      const row = await service.ubahStatusPengaduan(ctx, {
        id: String(a.id.id),
        aksi: a.aksi,
        versi: a.versi,
        pesan: a.pesan,
        lampiran: (a.lampiran ?? []) as never,
      });
      return service.pengaduanById(ctx, query, row.id);
    },
  }),
  tambahKategoriPengaduan: t.prismaField({
    type: "KategoriPengaduan",
    authScopes: (_r, args) => ({ can: { action: "pengaduan:kelolaKategori", on: { instansiId: String(args.instansiId.id) } } }),
    errors: { types: [ValidationError, ConflictError] },
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), nama: t.arg.string({ required: true, ...safe }) },
    resolve: (query, _r, a, ctx) => service.tambahKategori(ctx, query, { instansiId: String(a.instansiId.id), nama: a.nama }),
  }),
  ubahKategoriPengaduan: t.prismaField({
    type: "KategoriPengaduan",
    authScopes: { can: { action: "pengaduan:kelolaKategori", on: ANY } },
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      id: t.arg.globalID({ required: true, for: KategoriPengaduanRef }),
      nama: t.arg.string({ required: false, ...safe }),
      aktif: t.arg.boolean({ required: false }),
    },
    resolve: (query, _r, a, ctx) => service.ubahKategori(ctx, query, { id: String(a.id.id), nama: a.nama, aktif: a.aktif }),
  }),
}));

builder.subscriptionFields((t) => ({
  pengaduanBerubah: t.prismaField({
    type: "Pengaduan",
    description: "One complaint as it changes (its reporter and the desk); the current state first",
    authScopes: { can: { action: "pengaduan:lihat", on: ANY } },
    args: { id: t.arg.globalID({ required: true, for: PengaduanRef }) },
    subscribe: (_r, args, ctx) => live.pengaduanFeed.follow(ctx, String(args.id.id)),
    resolve: (query, e, _a, ctx) => live.pengaduanFeed.read(ctx, query, e as unknown as { id: string }),
  }),
  mejaPengaduanBerubah: t.prismaField({
    type: "Pengaduan",
    authScopes: (_r, args, ctx) => deskScope("pengaduan:lihatMeja", args.instansiId, ctx),
    args: { instansiId: t.arg.globalID({ required: false, for: InstansiRef }) },
    subscribe: (_r, args, ctx) => live.followMeja(ctx, args.instansiId?.id),
    resolve: (query, e, _a, ctx) => service.pengaduanById(ctx, query, (e as unknown as { id: string }).id),
  }),
}));

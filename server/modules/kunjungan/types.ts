import { builder } from "../../schema/builder";
import { safe } from "../../schema/sensitivity";
import { q } from "../../lib/query";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { ANY, assertCan, can } from "../../policy";
import { follow } from "../../pubsub";
import { InstansiRef } from "../instansi/types";
import { LayananRef } from "../layanan/types";
import { PengajuanRef } from "../pengajuan/types";
import * as service from "./service";

const TujuanEnum = builder.enumType("TujuanKunjungan", {
  values: {
    VERIFIKASI: { description: "Showing original documents for verification" },
    PENGAMBILAN: { description: "Collecting a result in person" },
    KONSULTASI: { description: "A consultation" },
  },
});
const StatusKunjunganEnum = builder.enumType("StatusKunjungan", {
  values: {
    DIPESAN: { description: "Booked" },
    HADIR: { description: "Checked in at the office" },
    SELESAI: { description: "Done" },
    TIDAK_HADIR: { description: "Did not come" },
    DIBATALKAN: { description: "Cancelled by the citizen" },
    DIBATALKAN_KANTOR: { description: "Cancelled by the office: a calendar change closed the slot (the citizen was told)" },
  },
});
const KebijakanEnum = builder.enumType("KebijakanKunjungan", {
  values: {
    TIDAK_ADA: { description: "No visits" },
    DITAWARKAN: { description: "Citizens may book a visit" },
    WAJIB: { description: "The service is completed in person: a visit is part of it" },
  },
});

export const KunjunganRef = builder.prismaNode("Kunjungan", {
  id: { field: "id" },
  description: "A booked office visit. Seen by its citizen and the service desk of its instansi.",
  authScopes: (k) => ({ can: { action: "kunjungan:lihat", on: { instansiId: k.instansiId, pemohonId: k.pemohonId } } }),
  fields: (t) => ({
    kode: t.exposeString("kode", { description: "Shown at the counter to check in" }),
    tujuan: t.expose("tujuan", { type: TujuanEnum }),
    status: t.expose("status", { type: StatusKunjunganEnum }),
    mulai: t.expose("mulai", { type: "DateTime" }),
    selesai: t.expose("selesai", { type: "DateTime" }),
    catatan: t.exposeString("catatan"),
    alasanBatal: t.exposeString("alasanBatal", { nullable: true }),
    hadirAt: t.expose("hadirAt", { type: "DateTime", nullable: true }),
    diingatkanAt: t.expose("diingatkanAt", { type: "DateTime", nullable: true, description: "When the reminder went out" }),
    layanan: t.relation("layanan"),
    instansi: t.relation("instansi"),
    pengajuan: t.relation("pengajuan", { nullable: true }),
    namaPemohon: t.string({
      description: "The visitor's name (the desk's day list; the citizen sees their own)",
      select: { pemohon: { select: { namaLengkap: true } } },
      resolve: (k) => k.pemohon.namaLengkap,
    }),
    dapatDiubah: t.boolean({
      description: "Whether the caller may still move or cancel it",
      resolve: (k, _a, ctx) =>
        k.status === "DIPESAN" && k.mulai.getTime() > Date.now() && can(ctx, "kunjungan:ubah", { instansiId: k.instansiId, pemohonId: k.pemohonId }),
    }),
  }),
});

interface SlotView extends service.Slot {
  layananId: string;
}
const SlotRef = builder.objectRef<SlotView>("SlotKunjungan").implement({
  description: "A visit slot of a service with the places left",
  fields: (t) => ({
    mulai: t.expose("mulai", { type: "DateTime" }),
    selesai: t.expose("selesai", { type: "DateTime" }),
    kapasitas: t.exposeInt("kapasitas"),
    sisa: t.exposeInt("sisa", { description: "Places left (0: full)" }),
  }),
});

builder.prismaObjectFields("Layanan", (t) => ({
  kunjungan: t.field({
    type: KebijakanEnum,
    description: "Whether citizens book an office visit for this service",
    select: { kunjungan: true },
    resolve: (l) => l.kunjungan,
  }),
  kunjunganKapasitas: t.int({ description: "Visitors per slot", select: { kunjunganKapasitas: true }, resolve: (l) => l.kunjunganKapasitas }),
  kunjunganMenit: t.int({ description: "Length of one slot, minutes", select: { kunjunganMenit: true }, resolve: (l) => l.kunjunganMenit }),
}));

const SLOT_ARGS = builder.args((t) => ({
  layananId: t.globalID({ required: true, for: LayananRef }),
  dari: t.field({ type: "Date", required: false, description: "The first office day (default: today)" }),
  hari: t.int({ required: false, description: "How many days (1–14, default 7)" }),
}));
const tanggalArg = (d: unknown): string | null => (d instanceof Date ? d.toISOString().slice(0, 10) : typeof d === "string" ? d : null);

builder.queryFields((t) => ({
  slotKunjungan: t.field({
    type: [SlotRef],
    description: "A service's bookable visit slots with the places left (signed-in people)",
    authScopes: { active: true },
    errors: { types: [NotFoundError, InvalidStateError, ValidationError] },
    args: SLOT_ARGS,
    resolve: async (_r, a, ctx) => {
      const id = String(a.layananId.id);
      return (await service.slots(ctx, id, tanggalArg(a.dari), a.hari ?? 7)).map((s) => ({ ...s, layananId: id }));
    },
  }),
  kunjunganSaya: t.prismaField({
    type: ["Kunjungan"],
    description: "The caller's visits, upcoming first then the latest past ones",
    authScopes: { active: true },
    resolve: (query, _r, _a, ctx) =>
      ctx.prisma.kunjungan.findMany({ ...q(query), where: { pemohonId: ctx.viewer!.id }, orderBy: [{ mulai: "desc" }], take: 50 }),
  }),
  kunjunganHari: t.prismaField({
    type: ["Kunjungan"],
    description: "The instansi's visits of one office day in time order (the service desk)",
    authScopes: (_r, a) => ({ can: { action: "kunjungan:lihatHari", on: { instansiId: String(a.instansiId.id) } } }),
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), tanggal: t.arg({ type: "Date", required: false }) },
    resolve: (query, _r, a, ctx) => service.hariIni(ctx, q(query), String(a.instansiId.id), tanggalArg(a.tanggal)),
  }),
}));

builder.subscriptionFields((t) => ({
  slotKunjunganBerubah: t.field({
    type: [SlotRef],
    description: "A service's slots with the places left: at once, then after every booking, move, cancellation or calendar change",
    authScopes: { active: true },
    args: SLOT_ARGS,
    subscribe: async function* (_r, a, ctx) {
      const id = String(a.layananId.id);
      const events = follow(ctx.pubsub, "kunjungan:slot", id);
      try {
        yield null;
        for await (const _e of events) yield null;
      } finally {
        await events.return(undefined);
      }
    },
    resolve: async (_e, a, ctx) => {
      const id = String(a.layananId.id);
      return (await service.slots(ctx, id, tanggalArg(a.dari), a.hari ?? 7)).map((s) => ({ ...s, layananId: id }));
    },
  }),
}));

const PesanInput = builder.inputType("PesanKunjunganInput", {
  fields: (t) => ({
    layananId: t.globalID({ required: true, for: LayananRef }),
    mulai: t.field({ type: "DateTime", required: true, description: "The slot's start, as listed by slotKunjungan" }),
    tujuan: t.field({ type: TujuanEnum, required: true }),
    pengajuanId: t.globalID({ required: false, for: PengajuanRef, description: "The caller's request this visit is for" }),
    catatan: t.string({ required: false, ...safe }),
  }),
});

const kunjunganErrors = { types: [ValidationError, ConflictError, NotFoundError, InvalidStateError] };

builder.mutationFields((t) => ({
  pesanKunjungan: t.prismaField({
    type: "Kunjungan",
    description: "Book a visit slot (SLOT_PENUH when its last place was just taken)",
    authScopes: { can: { action: "kunjungan:pesan", on: ANY } },
    errors: kunjunganErrors,
    args: { input: t.arg({ type: PesanInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const k = await service.pesan(ctx, {
        layananId: String(input.layananId.id),
        mulai: new Date(input.mulai),
        tujuan: input.tujuan,
        pengajuanId: input.pengajuanId ? String(input.pengajuanId.id) : null,
        catatan: input.catatan ?? "",
      });
      return ctx.prisma.kunjungan.findUniqueOrThrow({ ...q(query), where: { id: k.id } });
    },
  }),
  ubahJadwalKunjungan: t.prismaField({
    type: "Kunjungan",
    description: "Move one's booking to another slot",
    authScopes: { active: true },
    errors: kunjunganErrors,
    args: { id: t.arg.globalID({ required: true, for: KunjunganRef }), mulai: t.arg({ type: "DateTime", required: true }) },
    resolve: async (query, _r, a, ctx) => {
      const k = await service.ubahJadwal(ctx, String(a.id.id), new Date(a.mulai));
      return ctx.prisma.kunjungan.findUniqueOrThrow({ ...q(query), where: { id: k.id } });
    },
  }),
  batalkanKunjungan: t.prismaField({
    type: "Kunjungan",
    description: "Cancel one's booking (its place is freed at once)",
    authScopes: { active: true },
    errors: kunjunganErrors,
    args: { id: t.arg.globalID({ required: true, for: KunjunganRef }), alasan: t.arg.string({ required: false, ...safe }) },
    resolve: async (query, _r, a, ctx) => {
      const k = await service.batal(ctx, String(a.id.id), a.alasan ?? null);
      return ctx.prisma.kunjungan.findUniqueOrThrow({ ...q(query), where: { id: k.id } });
    },
  }),
  tandaiKunjungan: t.prismaField({
    type: "Kunjungan",
    description: "The desk, on the visit's day: check the visitor in (by id or by the code they show), mark done, or a no-show",
    authScopes: { can: { action: "kunjungan:tandai", on: ANY } },
    errors: kunjunganErrors,
    args: {
      id: t.arg.globalID({ required: false, for: KunjunganRef }),
      kode: t.arg.string({ required: false, ...safe, description: "The code the visitor shows, e.g. KJG-7K3M-Q2PA" }),
      tanda: t.arg({
        type: builder.enumType("TandaKunjungan", { values: ["HADIR", "SELESAI", "TIDAK_HADIR"] as const }),
        required: true,
      }),
    },
    resolve: async (query, _r, a, ctx) => {
      if (!a.id && !a.kode) throw new ValidationError("KUNJUNGAN_REQUIRED", "Isi kode kunjungan yang ditunjukkan pengunjung.", "kode");
      const k = await service.tandai(ctx, { id: a.id ? String(a.id.id) : undefined, kode: a.kode ?? undefined }, a.tanda);
      return ctx.prisma.kunjungan.findUniqueOrThrow({ ...q(query), where: { id: k.id } });
    },
  }),
  aturKunjunganLayanan: t.prismaField({
    type: "Layanan",
    description: "Whether a service offers visits, with its slot length (15–240 minutes) and visitors per slot (1–100): the instansi's admins",
    authScopes: { can: { action: "kunjungan:atur", on: ANY } },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      layananId: t.arg.globalID({ required: true, for: LayananRef }),
      kunjungan: t.arg({ type: KebijakanEnum, required: true }),
      kapasitas: t.arg.int({ required: true }),
      menit: t.arg.int({ required: true }),
    },
    resolve: async (query, _r, a, ctx) => {
      const id = String(a.layananId.id);
      const l = await ctx.prisma.layanan.findUnique({ where: { id }, select: { instansiId: true } });
      if (!l) throw new NotFoundError("LAYANAN_NOT_FOUND", "Layanan tidak ditemukan.", "layananId");
      assertCan(ctx, "kunjungan:atur", { instansiId: l.instansiId });
      const problems = [];
      if (!Number.isInteger(a.kapasitas) || a.kapasitas < 1 || a.kapasitas > 100)
        problems.push({ code: "KAPASITAS_INVALID", message: "Kapasitas per jadwal 1–100 orang.", field: "kapasitas" });
      if (!Number.isInteger(a.menit) || a.menit < 15 || a.menit > 240 || a.menit % 5 !== 0)
        problems.push({ code: "MENIT_INVALID", message: "Lama satu jadwal 15–240 menit, kelipatan 5.", field: "menit" });
      if (problems.length > 0) throw ValidationError.of(problems);
      const row = await ctx.prisma.layanan.update({
        ...q(query),
        where: { id },
        data: { kunjungan: a.kunjungan, kunjunganKapasitas: a.kapasitas, kunjunganMenit: a.menit },
      });
      service.publishSlot(ctx, id);
      return row;
    },
  }),
}));

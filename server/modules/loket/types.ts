import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../schema/builder";
import { q } from "../../lib/query";
import { safe } from "../../schema/sensitivity";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { ANY, can } from "../../policy";
import { InstansiRef } from "../instansi/types";
import { LayananRef } from "../layanan/types";
import { PengajuanRef } from "../pengajuan/types";
import { ApiClientRef } from "../api-client/types";
import type { ApiClient } from "../../generated/prisma/client";
import { bacaPapan, ikutiPapan, type GrupMenunggu, type PanggilanAntrian, type PapanAntrian } from "./board";
import * as service from "./service";

const TiketStatusEnum = builder.enumType("TiketStatus", {
  description: "Where a queue ticket is",
  values: {
    MENUNGGU: { description: "Waiting to be called" },
    DIPANGGIL: { description: "Called to a counter (shown on the display)" },
    DILAYANI: { description: "Being served at the counter" },
    SELESAI: { description: "Served" },
    TIDAK_HADIR: { description: "Called and did not come; may be called again today" },
    DIBATALKAN: { description: "Cancelled" },
  },
});
const SumberTiketEnum = builder.enumType("SumberTiket", {
  values: { KIOSK: { description: "Taken at a kiosk device" }, LOKET: { description: "Given by a counter officer" } },
});
const JenisPerangkatEnum = builder.enumType("JenisPerangkatAntrian", {
  values: { TAMPIL: { description: "A TV display of the numbers being called" }, KIOSK: { description: "A ticket kiosk" } },
});

export const GrupAntrianRef = builder.prismaNode("GrupAntrian", {
  id: { field: "id" },
  description: "Services sharing one ticket sequence per day (kode A → A-001, A-002…). Seen by the instansi's staff and its devices.",
  authScopes: (g) => ({ can: { action: "antrian:lihatPapan", on: { instansiId: g.instansiId } } }),
  fields: (t) => ({
    kode: t.exposeString("kode"),
    nama: t.exposeString("nama"),
    urutan: t.exposeInt("urutan"),
    aktif: t.exposeBoolean("aktif"),
    layanan: t.relation("layanan", { description: "The group's active services", query: { where: { aktif: true }, orderBy: [{ nama: "asc" }] } }),
    menunggu: t.int({
      description: "Tickets of the group waiting today",
      resolve: async (g, _a, ctx) => (await service.menungguPerGrup(ctx, g.instansiId, (await service.hariIni(ctx, g.instansiId)).date)).get(g.id) ?? 0,
    }),
  }),
});

export const LoketRef = builder.prismaNode("Loket", {
  id: { field: "id" },
  description: "A counter that calls tickets; its name is shown and spoken on the display",
  authScopes: (l) => ({ can: { action: "antrian:lihatPapan", on: { instansiId: l.instansiId } } }),
  fields: (t) => ({ nama: t.exposeString("nama"), aktif: t.exposeBoolean("aktif") }),
});

export const TiketAntrianRef = builder.prismaNode("TiketAntrian", {
  id: { field: "id" },
  description:
    "A queue ticket. The number, group and place in line are seen by the instansi's staff and the kiosk that issued it; who served it and the case only by staff.",
  authScopes: (t) => ({ can: { action: "antrian:lihatPapan", on: { instansiId: t.instansiId } } }),
  fields: (t) => ({
    kode: t.exposeString("kode", { description: "As printed: A-007" }),
    nomor: t.exposeInt("nomor"),
    tanggal: t.string({ description: "The office day (YYYY-MM-DD) the number belongs to", resolve: (r) => r.tanggal.toISOString().slice(0, 10) }),
    status: t.expose("status", { type: TiketStatusEnum }),
    sumber: t.expose("sumber", { type: SumberTiketEnum }),
    grup: t.relation("grup"),
    layanan: t.relation("layanan", { nullable: true }),
    loket: t.relation("loket", { nullable: true }),
    namaPetugas: t.string({
      nullable: true,
      description: "The officer who called or served it (staff only)",
      select: { petugas: { select: { namaLengkap: true } } },
      resolve: (r, _a, ctx) => (can(ctx, "antrian:lihatTiket", { instansiId: r.instansiId }) ? (r.petugas?.namaLengkap ?? null) : null),
    }),
    pengajuan: t.prismaField({
      type: "Pengajuan",
      nullable: true,
      description: "The case served for this ticket (staff only)",
      resolve: (query, r, _a, ctx) =>
        r.pengajuanId && can(ctx, "antrian:lihatTiket", { instansiId: r.instansiId })
          ? ctx.prisma.pengajuan.findUnique({ ...q(query), where: { id: r.pengajuanId } })
          : null,
    }),
    panggilanKe: t.exposeInt("panggilanKe", { description: "How many times it was called" }),
    dipanggilAt: t.expose("dipanggilAt", { type: "DateTime", nullable: true }),
    dilayaniAt: t.expose("dilayaniAt", { type: "DateTime", nullable: true }),
    selesaiAt: t.expose("selesaiAt", { type: "DateTime", nullable: true }),
    diambilAt: t.expose("createdAt", { type: "DateTime" }),
    menungguDiDepan: t.int({ description: "Tickets of its group waiting before it (0 once called)", resolve: (r, _a, ctx) => service.menungguDiDepan(ctx, r) }),
  }),
});

const PanggilanRef = builder.objectRef<PanggilanAntrian>("PanggilanAntrian").implement({
  description: "A call shown on the display. `kunci` is new for every call and recall: speak each once.",
  fields: (t) => ({
    kunci: t.exposeString("kunci"),
    kode: t.exposeString("kode"),
    loket: t.exposeString("loket", { description: "The counter's name" }),
    grup: t.exposeString("grup", { description: "The group's name" }),
    panggilanKe: t.exposeInt("panggilanKe"),
    dipanggilAt: t.expose("dipanggilAt", { type: "DateTime" }),
  }),
});

const GrupMenungguRef = builder.objectRef<GrupMenunggu>("GrupMenunggu").implement({
  fields: (t) => ({
    id: t.id({ description: "The GrupAntrian's id", resolve: (g) => encodeGlobalID("GrupAntrian", g.id) }),
    kode: t.exposeString("kode"),
    nama: t.exposeString("nama"),
    menunggu: t.exposeInt("menunggu", { description: "Tickets waiting today" }),
    terakhirDipanggil: t.exposeString("terakhirDipanggil", { nullable: true, description: "The last number of the group called today" }),
  }),
});

const PapanRef = builder.objectRef<PapanAntrian>("PapanAntrian").implement({
  description: "What the office's queue display shows: today's latest calls (newest first) and the waiting counts per group",
  fields: (t) => ({
    instansiId: t.id({ resolve: (p) => encodeGlobalID("Instansi", p.instansiId) }),
    instansiNama: t.exposeString("instansiNama"),
    tanggal: t.exposeString("tanggal", { description: "The office day, YYYY-MM-DD" }),
    dipanggil: t.field({ type: [PanggilanRef], resolve: (p) => p.dipanggil }),
    grup: t.field({ type: [GrupMenungguRef], resolve: (p) => p.grup }),
  }),
});

interface Kiosk {
  instansiId: string;
  instansiNama: string;
  hari: service.HariKantor;
}
const KioskRef = builder.objectRef<Kiosk>("KioskAntrian").implement({
  description: "What a ticket kiosk offers today",
  fields: (t) => ({
    instansiId: t.id({ resolve: (k) => encodeGlobalID("Instansi", k.instansiId) }),
    instansiNama: t.exposeString("instansiNama"),
    tanggal: t.string({ resolve: (k) => k.hari.tanggal }),
    buka: t.boolean({ description: "Whether the office serves today (no holiday, cuti bersama or closure)", resolve: (k) => k.hari.buka }),
    keteranganTutup: t.string({ nullable: true, description: "Why it is closed today", resolve: (k) => k.hari.keteranganTutup }),
    grup: t.prismaField({
      type: ["GrupAntrian"],
      resolve: (query, k, _a, ctx) => service.grupList(ctx, query, k.instansiId, false),
    }),
  }),
});

const PerangkatBaruRef = builder.objectRef<{ perangkat: ApiClient; kunci: string; tautan: string }>("PerangkatAntrianBaru").implement({
  description: "A new display or kiosk key. The key and the pairing link are shown only here, once.",
  fields: (t) => ({
    perangkat: t.field({ type: ApiClientRef, resolve: (p) => p.perangkat }),
    kunci: t.exposeString("kunci", { description: "The device's key (lkc_…)" }),
    tautan: t.exposeString("tautan", { description: "Open this link once on the device: it keeps the key and shows the display or kiosk" }),
  }),
});

builder.queryFields((t) => ({
  papanAntrian: t.field({
    type: PapanRef,
    description: "The queue display's board (display and kiosk devices, the instansi's service desk)",
    authScopes: (_r, a) => ({ can: { action: "antrian:lihatPapan", on: { instansiId: String(a.instansiId.id) } } }),
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }) },
    resolve: (_r, a, ctx) => bacaPapan(ctx, String(a.instansiId.id)),
  }),
  kioskAntrian: t.field({
    type: KioskRef,
    description: "What a kiosk offers today (kiosk devices, the service desk)",
    authScopes: (_r, a) => ({ can: { action: "antrian:ambilTiket", on: { instansiId: String(a.instansiId.id) } } }),
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }) },
    resolve: async (_r, a, ctx) => {
      const instansiId = String(a.instansiId.id);
      const instansi = await ctx.prisma.instansi.findUniqueOrThrow({ where: { id: instansiId }, select: { nama: true } });
      return { instansiId, instansiNama: instansi.nama, hari: await service.hariIni(ctx, instansiId) };
    },
  }),
  grupAntrian: t.prismaField({
    type: ["GrupAntrian"],
    description: "The instansi's queue groups in order (`semua`: inactive ones too, for its admins)",
    authScopes: (_r, a) => ({ can: { action: a.semua ? "antrian:kelola" : "antrian:lihatPapan", on: { instansiId: String(a.instansiId.id) } } }),
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), semua: t.arg.boolean({ required: false }) },
    resolve: (query, _r, a, ctx) => service.grupList(ctx, query, String(a.instansiId.id), !!a.semua),
  }),
  loketInstansi: t.prismaField({
    type: ["Loket"],
    description: "The instansi's counters (`semua`: inactive ones too, for its admins)",
    authScopes: (_r, a) => ({ can: { action: a.semua ? "antrian:kelola" : "antrian:layani", on: { instansiId: String(a.instansiId.id) } } }),
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), semua: t.arg.boolean({ required: false }) },
    resolve: (query, _r, a, ctx) => service.loketList(ctx, query, String(a.instansiId.id), !!a.semua),
  }),
  tiketHariIni: t.prismaField({
    type: ["TiketAntrian"],
    description: "Today's tickets of the instansi, oldest first (the service desk)",
    authScopes: (_r, a) => ({ can: { action: "antrian:lihatTiket", on: { instansiId: String(a.instansiId.id) } } }),
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), status: t.arg({ type: [TiketStatusEnum], required: false }) },
    resolve: (query, _r, a, ctx) => service.tiketHariIni(ctx, query, String(a.instansiId.id), a.status ?? null),
  }),
  perangkatAntrian: t.prismaField({
    type: ["ApiClient"],
    description: "The instansi's display and kiosk keys (its admins)",
    authScopes: (_r, a) => ({ can: { action: "antrian:kelola", on: { instansiId: String(a.instansiId.id) } } }),
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }) },
    resolve: (query, _r, a, ctx) => service.perangkatList(ctx, query, String(a.instansiId.id)),
  }),
}));

builder.subscriptionFields((t) => ({
  papanAntrianBerubah: t.field({
    type: PapanRef,
    description: "The board at once (again after every reconnect: how a display catches up), then after every change of the queue",
    authScopes: (_r, a) => ({ can: { action: "antrian:lihatPapan", on: { instansiId: String(a.instansiId.id) } } }),
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }) },
    subscribe: (_r, a, ctx) => ikutiPapan(ctx, String(a.instansiId.id)),
    resolve: (p) => p,
  }),
}));

const AmbilTiketInput = builder.inputType("AmbilTiketInput", {
  fields: (t) => ({
    instansiId: t.globalID({ required: true, for: InstansiRef }),
    grupId: t.globalID({ required: true, for: GrupAntrianRef }),
    layananId: t.globalID({ required: false, for: LayananRef, description: "The service the visitor chose (optional)" }),
  }),
});
const PanggilInput = builder.inputType("PanggilBerikutnyaInput", {
  fields: (t) => ({
    loketId: t.globalID({ required: true, for: LoketRef }),
    grupIds: t.globalIDList({ required: true, for: GrupAntrianRef, description: "The groups this counter calls" }),
  }),
});
const SelesaiInput = builder.inputType("SelesaikanTiketInput", {
  fields: (t) => ({
    id: t.globalID({ required: true, for: TiketAntrianRef }),
    pengajuanId: t.globalID({ required: false, for: PengajuanRef, description: "The case served (optional)" }),
  }),
});
const GrupInput = builder.inputType("GrupAntrianInput", {
  fields: (t) => ({
    id: t.globalID({ required: false, for: GrupAntrianRef, description: "omit to create" }),
    instansiId: t.globalID({ required: true, for: InstansiRef }),
    kode: t.string({ required: true, ...safe }),
    nama: t.string({ required: true, ...safe }),
    urutan: t.int({ required: false }),
    aktif: t.boolean({ required: false }),
    layananIds: t.globalIDList({ required: false, for: LayananRef, description: "The group's services (replaces the list)" }),
  }),
});
const LoketInput = builder.inputType("LoketInput", {
  fields: (t) => ({
    id: t.globalID({ required: false, for: LoketRef, description: "omit to create" }),
    instansiId: t.globalID({ required: true, for: InstansiRef }),
    nama: t.string({ required: true, ...safe }),
    aktif: t.boolean({ required: false }),
  }),
});
const PerangkatInput = builder.inputType("PerangkatAntrianInput", {
  fields: (t) => ({
    instansiId: t.globalID({ required: true, for: InstansiRef }),
    nama: t.string({ required: true, ...safe, description: 'e.g. "TV ruang tunggu"' }),
    jenis: t.field({ type: JenisPerangkatEnum, required: true }),
  }),
});

const layani = { can: { action: "antrian:layani", on: ANY } } as const;
const kelola = { can: { action: "antrian:kelola", on: ANY } } as const;
const tiketErrors = { types: [NotFoundError, InvalidStateError, ConflictError, ValidationError] };

builder.mutationFields((t) => ({
  ambilTiket: t.prismaField({
    type: "TiketAntrian",
    description: "Take the next number of a group today (kiosk devices, the service desk). KANTOR_TUTUP on a closed day.",
    authScopes: (_r, a) => ({ can: { action: "antrian:ambilTiket", on: { instansiId: String(a.input.instansiId.id) } } }),
    errors: { types: [NotFoundError, InvalidStateError, ValidationError] },
    args: { input: t.arg({ type: AmbilTiketInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const tiket = await service.ambilTiket(ctx, {
        instansiId: String(input.instansiId.id),
        grupId: String(input.grupId.id),
        layananId: input.layananId ? String(input.layananId.id) : null,
      });
      return ctx.prisma.tiketAntrian.findUniqueOrThrow({ ...q(query), where: { id: tiket.id } });
    },
  }),
  panggilBerikutnya: t.prismaField({
    type: "TiketAntrian",
    description:
      "Call the oldest waiting ticket of these groups to this counter (ANTRIAN_KOSONG when none waits); the counter's previous ticket is closed first",
    authScopes: layani,
    errors: tiketErrors,
    args: { input: t.arg({ type: PanggilInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const tiket = await service.panggilBerikutnya(ctx, { loketId: String(input.loketId.id), grupIds: input.grupIds.map((g) => String(g.id)) });
      return ctx.prisma.tiketAntrian.findUniqueOrThrow({ ...q(query), where: { id: tiket.id } });
    },
  }),
  panggilUlangTiket: t.prismaField({
    type: "TiketAntrian",
    description: "Call a ticket again (also one marked as not present)",
    authScopes: layani,
    errors: tiketErrors,
    args: { id: t.arg.globalID({ required: true, for: TiketAntrianRef }) },
    resolve: async (query, _r, a, ctx) => {
      const tiket = await service.langkahTiket(ctx, String(a.id.id), "PANGGIL_ULANG");
      return ctx.prisma.tiketAntrian.findUniqueOrThrow({ ...q(query), where: { id: tiket.id } });
    },
  }),
  layaniTiket: t.prismaField({
    type: "TiketAntrian",
    description: "The called visitor arrived at the counter: serving starts",
    authScopes: layani,
    errors: tiketErrors,
    args: { id: t.arg.globalID({ required: true, for: TiketAntrianRef }) },
    resolve: async (query, _r, a, ctx) => {
      const tiket = await service.langkahTiket(ctx, String(a.id.id), "LAYANI");
      return ctx.prisma.tiketAntrian.findUniqueOrThrow({ ...q(query), where: { id: tiket.id } });
    },
  }),
  tiketTidakHadir: t.prismaField({
    type: "TiketAntrian",
    description: "The called visitor did not come",
    authScopes: layani,
    errors: tiketErrors,
    args: { id: t.arg.globalID({ required: true, for: TiketAntrianRef }) },
    resolve: async (query, _r, a, ctx) => {
      const tiket = await service.langkahTiket(ctx, String(a.id.id), "TIDAK_HADIR");
      return ctx.prisma.tiketAntrian.findUniqueOrThrow({ ...q(query), where: { id: tiket.id } });
    },
  }),
  selesaikanTiket: t.prismaField({
    type: "TiketAntrian",
    description: "Serving ended; optionally links the case served",
    authScopes: layani,
    errors: tiketErrors,
    args: { input: t.arg({ type: SelesaiInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const tiket = await service.langkahTiket(ctx, String(input.id.id), "SELESAI", { pengajuanId: input.pengajuanId ? String(input.pengajuanId.id) : null });
      return ctx.prisma.tiketAntrian.findUniqueOrThrow({ ...q(query), where: { id: tiket.id } });
    },
  }),
  hubungkanTiketPengajuan: t.prismaField({
    type: "TiketAntrian",
    description: "Link the case started at the counter to the ticket being served (the walk-in page does, after submitting)",
    authScopes: layani,
    errors: { types: [NotFoundError, ValidationError] },
    args: { id: t.arg.globalID({ required: true, for: TiketAntrianRef }), pengajuanId: t.arg.globalID({ required: true, for: PengajuanRef }) },
    resolve: async (query, _r, a, ctx) => {
      const tiket = await service.hubungkanPengajuan(ctx, String(a.id.id), String(a.pengajuanId.id));
      return ctx.prisma.tiketAntrian.findUniqueOrThrow({ ...q(query), where: { id: tiket.id } });
    },
  }),
  simpanGrupAntrian: t.prismaField({
    type: "GrupAntrian",
    description: "Create or change a queue group and its services (the instansi's admins)",
    authScopes: kelola,
    errors: { types: [ValidationError, ConflictError, NotFoundError] },
    args: { input: t.arg({ type: GrupInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const g = await service.simpanGrup(ctx, {
        id: input.id ? String(input.id.id) : null,
        instansiId: String(input.instansiId.id),
        kode: input.kode,
        nama: input.nama,
        urutan: input.urutan ?? null,
        aktif: input.aktif ?? null,
        layananIds: input.layananIds ? input.layananIds.map((l) => String(l.id)) : null,
      });
      return ctx.prisma.grupAntrian.findUniqueOrThrow({ ...q(query), where: { id: g.id } });
    },
  }),
  simpanLoket: t.prismaField({
    type: "Loket",
    description: "Create, rename or retire a counter (the instansi's admins)",
    authScopes: kelola,
    errors: { types: [ValidationError, ConflictError, NotFoundError] },
    args: { input: t.arg({ type: LoketInput, required: true }) },
    resolve: async (query, _r, { input }, ctx) => {
      const l = await service.simpanLoket(ctx, {
        id: input.id ? String(input.id.id) : null,
        instansiId: String(input.instansiId.id),
        nama: input.nama,
        aktif: input.aktif ?? null,
      });
      return ctx.prisma.loket.findUniqueOrThrow({ ...q(query), where: { id: l.id } });
    },
  }),
  buatPerangkatAntrian: t.field({
    type: PerangkatBaruRef,
    description: "A key for a TV display or a kiosk (revoke it like any API client: revokeApiClient)",
    authScopes: kelola,
    errors: { types: [ValidationError, NotFoundError] },
    args: { input: t.arg({ type: PerangkatInput, required: true }) },
    resolve: (_r, { input }, ctx) => service.buatPerangkat(ctx, { instansiId: String(input.instansiId.id), nama: input.nama, jenis: input.jenis }),
  }),
}));

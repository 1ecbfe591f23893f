import { builder } from "../../schema/builder";
import { safe } from "../../schema/sensitivity";
import { ComplaintDeadlineRule, HolidayKind } from "../../schema/enums";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors";
import { formatMinutes, ZONE_LABEL } from "./rules";
import { isOpen, nextOpening, type DeadlineExplanation } from "../calendar/working-time";
import { PenjelasanTenggatRef } from "../calendar/types";
import { ANY } from "../../policy";
import * as service from "./service";

const HARI = ["", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"];

export const JamLayananRef = builder.prismaObject("JamLayanan", {
  description: "One opening interval of an office on one weekday",
  fields: (t) => ({
    hari: t.exposeInt("hari", { description: "ISO weekday: 1 Senin … 7 Minggu" }),
    namaHari: t.string({ resolve: (j) => HARI[j.hari]! }),
    buka: t.string({ description: "HH:MM local time", resolve: (j) => formatMinutes(j.buka) }),
    tutup: t.string({ description: "HH:MM local time", resolve: (j) => formatMinutes(j.tutup) }),
  }),
});

export const PenutupanRef = builder.prismaNode("PenutupanInstansi", {
  name: "PenutupanInstansi",
  id: { field: "id" },
  description: "A day one office is closed (besides national holidays)",
  fields: (t) => ({
    tanggal: t.expose("tanggal", { type: "Date" }),
    alasan: t.exposeString("alasan"),
  }),
});

export const InstansiRef = builder.prismaNode("Instansi", {
  id: { field: "id" },
  description: "A government office or unit (one deployment may host several, as a Mal Pelayanan Publik does). Public.",
  fields: (t) => ({
    kode: t.exposeString("kode"),
    nama: t.exposeString("nama"),
    alamat: t.exposeString("alamat"),
    telepon: t.exposeString("telepon"),
    email: t.exposeString("email"),
    website: t.exposeString("website"),
    whatsapp: t.exposeString("whatsapp", { description: "The office's WhatsApp number for the public (empty when none)" }),
    zonaWaktu: t.exposeString("zonaWaktu", { description: "IANA zone, e.g. Asia/Jakarta" }),
    zonaWaktuLabel: t.string({ description: "WIB, WITA or WIT", resolve: (i) => ZONE_LABEL[i.zonaWaktu] ?? i.zonaWaktu }),
    cutiBersamaLibur: t.exposeBoolean("cutiBersamaLibur", { description: "Whether the office is closed on cuti bersama days" }),
    aturanTenggatAduan: t.expose("aturanTenggatAduan", { type: ComplaintDeadlineRule }),
    aktif: t.exposeBoolean("aktif"),
    jamLayanan: t.relation("jamLayanan", { query: { orderBy: [{ hari: "asc" }, { buka: "asc" }] } }),
    penutupan: t.relation("penutupan", {
      args: { dariTanggal: t.arg({ type: "Date", required: false }) },
      query: (args) => ({
        where: args.dariTanggal ? { tanggal: { gte: new Date(`${args.dariTanggal}T00:00:00Z`) } } : {},
        orderBy: { tanggal: "asc" },
      }),
    }),
    bukaSekarang: t.boolean({
      nullable: true,
      description: "Whether the office is open right now (null when no opening hours are set)",
      resolve: async (i, _a, ctx) => {
        const cal = await service.calendarOf(ctx, i.id);
        return cal ? isOpen(cal, new Date()) : null;
      },
    }),
    bukaBerikutnya: t.field({
      type: "DateTime",
      nullable: true,
      description: "Now if open, else the next opening",
      resolve: async (i, _a, ctx) => {
        const cal = await service.calendarOf(ctx, i.id);
        return cal ? nextOpening(cal, new Date()) : null;
      },
    }),
  }),
});

export const HariLiburRef = builder.prismaNode("HariLibur", {
  id: { field: "id" },
  description: "A national holiday or cuti bersama day, citing the decree that set it",
  fields: (t) => ({
    tanggal: t.expose("tanggal", { type: "Date" }),
    nama: t.exposeString("nama"),
    jenis: t.expose("jenis", { type: HolidayKind }),
    dasarHukum: t.exposeString("dasarHukum"),
  }),
});

const TenggatUnit = builder.enumType("TenggatUnit", {
  values: {
    HARI_KERJA: { description: '"N hari kerja sejak diterima": the day of receipt is not counted; ends at close of office on day N' },
    HARI_KERJA_JAM_SAMA: { description: '"Nx24 jam kerja": the same time of day N working days later' },
    JAM_KERJA: { description: "N hours of open office time" },
    MENIT_KERJA: { description: "N minutes of open office time" },
    JAM_KALENDER: { description: "N clock hours, around the clock" },
  } as const,
});

const Tenggat = builder.objectRef<{ tenggat: Date; sementara: boolean; penjelasan: DeadlineExplanation }>("Tenggat").implement({
  fields: (t) => ({
    tenggat: t.expose("tenggat", { type: "DateTime" }),
    penjelasan: t.expose("penjelasan", { type: PenjelasanTenggatRef, description: "How it was computed: the days counted and each day skipped" }),
    sementara: t.exposeBoolean("sementara", { description: "Provisional: the holiday table of a year it crosses has not been entered yet" }),
  }),
});

const JamLayananInput = builder.inputType("JamLayananInput", {
  fields: (t) => ({
    hari: t.int({ required: true, description: "1 Senin … 7 Minggu" }),
    buka: t.string({ required: true, ...safe, description: "HH:MM" }),
    tutup: t.string({ required: true, ...safe, description: "HH:MM" }),
  }),
});

const InstansiInput = builder.inputType("InstansiInput", {
  fields: (t) => ({
    kode: t.string({ required: false, ...safe }),
    nama: t.string({ required: false, ...safe }),
    alamat: t.string({ required: false, ...safe }),
    // the office's public contact, not a person's
    telepon: t.string({ required: false, ...safe }),
    email: t.string({ required: false, ...safe }),
    website: t.string({ required: false, ...safe }),
    whatsapp: t.string({ required: false, ...safe }),
    zonaWaktu: t.string({ required: false, ...safe, description: "WIB, WITA, WIT (or the IANA zone)" }),
    cutiBersamaLibur: t.boolean({ required: false }),
    aturanTenggatAduan: t.field({ type: ComplaintDeadlineRule, required: false }),
    aktif: t.boolean({ required: false }),
  }),
});

builder.queryFields((t) => ({
  instansiList: t.prismaField({
    type: ["Instansi"],
    description: "Every office in this deployment (public)",
    args: { termasukNonaktif: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: (query, _r, args, ctx) => service.listInstansi(ctx, query, !!args.termasukNonaktif),
  }),
  instansi: t.prismaField({
    type: "Instansi",
    nullable: true,
    args: { kode: t.arg.string({ required: true, ...safe }) },
    resolve: (query, _r, args, ctx) => service.instansiByKode(ctx, query, args.kode),
  }),
  hariLibur: t.prismaField({
    type: ["HariLibur"],
    description: "National holidays and cuti bersama of a year (public)",
    args: { tahun: t.arg.int({ required: true }) },
    resolve: (query, _r, args, ctx) => service.listHariLibur(ctx, query, args.tahun),
  }),
  hitungTenggat: t.field({
    type: Tenggat,
    description: "A deadline on an office's calendar, as Loket computes every deadline (public, for transparency)",
    errors: { types: [NotFoundError, ValidationError] },
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      mulai: t.arg({ type: "DateTime", required: true }),
      jumlah: t.arg.int({ required: true }),
      satuan: t.arg({ type: TenggatUnit, required: true }),
    },
    resolve: (_r, args, ctx) => service.hitungTenggat(ctx, { ...args, instansiId: args.instansiId.id }),
  }),
}));

/** A change to an office: its admins (instansi:kelola); the service checks again, with the row. */
const kelola = (instansiId: string) => ({ can: { action: "instansi:kelola" as const, on: { instansiId } } });
const superadmin = (action: "instansi:buat" | "kalender:kelolaHariLibur") => ({ can: { action, on: ANY } });

builder.mutationFields((t) => ({
  createInstansi: t.prismaField({
    type: "Instansi",
    authScopes: superadmin("instansi:buat"),
    errors: { types: [ValidationError, ConflictError] },
    args: { input: t.arg({ type: InstansiInput, required: true }), jamLayanan: t.arg({ type: [JamLayananInput], required: true }) },
    resolve: (query, _r, args, ctx) => service.createInstansi(ctx, query, args.input, args.jamLayanan),
  }),
  updateInstansi: t.prismaField({
    type: "Instansi",
    authScopes: (_r, args) => kelola(String(args.id.id)),
    errors: { types: [ValidationError, ConflictError] },
    args: { id: t.arg.globalID({ required: true, for: InstansiRef }), input: t.arg({ type: InstansiInput, required: true }) },
    resolve: (query, _r, args, ctx) => service.updateInstansi(ctx, query, args.id.id, args.input),
  }),
  setJamLayanan: t.prismaField({
    type: "Instansi",
    description: "Replace an office's opening hours",
    authScopes: (_r, args) => kelola(String(args.instansiId.id)),
    errors: { types: [ValidationError] },
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), jamLayanan: t.arg({ type: [JamLayananInput], required: true }) },
    resolve: (query, _r, args, ctx) => service.setJamLayanan(ctx, query, args.instansiId.id, args.jamLayanan),
  }),
  addPenutupan: t.prismaField({
    type: "PenutupanInstansi",
    description: "Close one office on a date",
    authScopes: (_r, args) => kelola(String(args.instansiId.id)),
    errors: { types: [ValidationError, ConflictError] },
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      tanggal: t.arg({ type: "Date", required: true }),
      alasan: t.arg.string({ required: true, ...safe }),
    },
    resolve: (query, _r, args, ctx) => service.addPenutupan(ctx, query, { instansiId: args.instansiId.id, tanggal: args.tanggal, alasan: args.alasan }),
  }),
  removePenutupan: t.boolean({
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ required: true, for: PenutupanRef }) },
    authScopes: { can: { action: "instansi:kelola", on: ANY } },
    resolve: (_r, args, ctx) => service.removePenutupan(ctx, args.id.id),
  }),
  createHariLibur: t.prismaField({
    type: "HariLibur",
    authScopes: superadmin("kalender:kelolaHariLibur"),
    errors: { types: [ValidationError, ConflictError] },
    args: {
      tanggal: t.arg({ type: "Date", required: true }),
      nama: t.arg.string({ required: true, ...safe }),
      jenis: t.arg({ type: HolidayKind, required: true }),
      dasarHukum: t.arg.string({ required: true, ...safe, description: "The decree that sets it, e.g. the SKB number" }),
    },
    resolve: (query, _r, args, ctx) => service.createHariLibur(ctx, query, args),
  }),
  updateHariLibur: t.prismaField({
    type: "HariLibur",
    authScopes: superadmin("kalender:kelolaHariLibur"),
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: {
      id: t.arg.globalID({ required: true, for: HariLiburRef }),
      tanggal: t.arg({ type: "Date", required: false }),
      nama: t.arg.string({ required: false, ...safe }),
      jenis: t.arg({ type: HolidayKind, required: false }),
      dasarHukum: t.arg.string({ required: false, ...safe }),
    },
    resolve: (query, _r, args, ctx) => service.updateHariLibur(ctx, query, { ...args, id: args.id.id }),
  }),
  deleteHariLibur: t.boolean({
    authScopes: superadmin("kalender:kelolaHariLibur"),
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ required: true, for: HariLiburRef }) },
    resolve: (_r, args, ctx) => service.deleteHariLibur(ctx, args.id.id),
  }),
}));

import { builder } from "../../schema/builder";
import { safe } from "../../schema/sensitivity";
import { q } from "../../lib/query";
import { ComplaintDeadlineRule, HolidayKind } from "../../schema/enums";
import { ConflictError, NotFoundError, ValidationError } from "../../lib/errors";
import { isUniqueViolation } from "../account/service";
import { formatMinutes, parseHours, parseKode, parseZone, ZONE_LABEL } from "./rules";
import { explainDeadline, isOpen, nextOpening, type DeadlineExplanation, type DeadlineRule } from "../calendar/working-time";
import { PenjelasanTenggatRef } from "../calendar/types";
import type { Context } from "../../context";
import { ANY, can } from "../../policy";
import { changeCalendar, tanggalPanjang } from "../calendar/deadlines";

const JENIS_LIBUR = { LIBUR_NASIONAL: "hari libur", CUTI_BERSAMA: "cuti bersama" } as const;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const liburText = (h: { tanggal: Date; jenis: keyof typeof JENIS_LIBUR; nama: string }) => `${JENIS_LIBUR[h.jenis]} ${tanggalPanjang(isoDate(h.tanggal))} (${h.nama})`;

/** Why an instansi update moves its deadlines, or null when nothing that counts changed. */
function calendarReason(before: { zonaWaktu: string; cutiBersamaLibur: boolean; aturanTenggatAduan: string }, data: Record<string, unknown>): string | null {
  const parts: string[] = [];
  if (data.zonaWaktu !== undefined && data.zonaWaktu !== before.zonaWaktu) parts.push(`zona waktu instansi diubah (${ZONE_LABEL[before.zonaWaktu] ?? before.zonaWaktu} → ${ZONE_LABEL[data.zonaWaktu as string] ?? data.zonaWaktu})`);
  if (data.cutiBersamaLibur !== undefined && data.cutiBersamaLibur !== before.cutiBersamaLibur) {
    parts.push(data.cutiBersamaLibur ? "cuti bersama kini dihitung sebagai hari libur instansi" : "cuti bersama kini dihitung sebagai hari kerja instansi");
  }
  if (data.aturanTenggatAduan !== undefined && data.aturanTenggatAduan !== before.aturanTenggatAduan) parts.push("aturan tenggat pengaduan diubah");
  return parts.length ? parts.join("; ") : null;
}

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

async function safeCalendar(ctx: Context, instansiId: string) {
  try {
    return await ctx.calendars.get(instansiId);
  } catch {
    return null; // an office without opening hours has no calendar yet
  }
}

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
        const cal = await safeCalendar(ctx, i.id);
        return cal ? isOpen(cal, new Date()) : null;
      },
    }),
    bukaBerikutnya: t.field({
      type: "DateTime",
      nullable: true,
      description: "Now if open, else the next opening",
      resolve: async (i, _a, ctx) => {
        const cal = await safeCalendar(ctx, i.id);
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
    zonaWaktu: t.string({ required: false, ...safe, description: "WIB, WITA, WIT (or the IANA zone)" }),
    cutiBersamaLibur: t.boolean({ required: false }),
    aturanTenggatAduan: t.field({ type: ComplaintDeadlineRule, required: false }),
    aktif: t.boolean({ required: false }),
  }),
});

function instansiData(input: typeof InstansiInput.$inferInput) {
  const data: Record<string, unknown> = {};
  if (input.kode != null) data.kode = parseKode(input.kode);
  if (input.nama != null) {
    const nama = input.nama.trim();
    if (nama.length < 3 || nama.length > 200) throw new ValidationError("NAMA_INVALID", "Nama instansi 3–200 karakter.", "nama");
    data.nama = nama;
  }
  for (const key of ["alamat", "telepon", "email", "website"] as const) {
    if (input[key] != null) data[key] = input[key]!.trim().slice(0, 500);
  }
  if (input.zonaWaktu != null) data.zonaWaktu = parseZone(input.zonaWaktu);
  if (input.cutiBersamaLibur != null) data.cutiBersamaLibur = input.cutiBersamaLibur;
  if (input.aturanTenggatAduan != null) data.aturanTenggatAduan = input.aturanTenggatAduan;
  if (input.aktif != null) data.aktif = input.aktif;
  return data;
}

function dateValue(d: string) {
  return new Date(`${d}T00:00:00Z`);
}

builder.queryFields((t) => ({
  instansiList: t.prismaField({
    type: ["Instansi"],
    description: "Every office in this deployment (public)",
    args: { termasukNonaktif: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.instansi.findMany({ ...q(query), where: args.termasukNonaktif ? {} : { aktif: true }, orderBy: { nama: "asc" } }),
  }),
  instansi: t.prismaField({
    type: "Instansi",
    nullable: true,
    args: { kode: t.arg.string({ required: true, ...safe }) },
    resolve: (query, _r, args, ctx) => ctx.prisma.instansi.findUnique({ ...q(query), where: { kode: args.kode.trim().toUpperCase() } }),
  }),
  hariLibur: t.prismaField({
    type: ["HariLibur"],
    description: "National holidays and cuti bersama of a year (public)",
    args: { tahun: t.arg.int({ required: true }) },
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.hariLibur.findMany({
        ...q(query),
        where: { tanggal: { gte: dateValue(`${args.tahun}-01-01`), lt: dateValue(`${args.tahun + 1}-01-01`) } },
        orderBy: [{ tanggal: "asc" }, { jenis: "asc" }],
      }),
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
    resolve: async (_r, args, ctx) => {
      if (args.jumlah < 0 || args.jumlah > 10_000) throw new ValidationError("JUMLAH_INVALID", "Jumlah harus 0–10000.", "jumlah");
      const exists = await ctx.prisma.instansi.findUnique({ where: { id: args.instansiId.id }, select: { id: true, zonaWaktu: true } });
      if (!exists) throw new NotFoundError("INSTANSI_NOT_FOUND", "Instansi tidak ditemukan.", "instansiId");
      // clock hours need no opening hours (an office without them can still promise 48 hours)
      const cal = (await safeCalendar(ctx, args.instansiId.id)) ?? (args.satuan === "JAM_KALENDER" ? { timeZone: exists.zonaWaktu, hours: [], closedDates: new Set<string>(), knownYears: new Set<number>() } : null);
      if (!cal) throw new ValidationError("JAM_KOSONG", "Instansi ini belum mengatur jam layanan.", "instansiId");
      const rule: DeadlineRule =
        args.satuan === "HARI_KERJA" || args.satuan === "HARI_KERJA_JAM_SAMA"
          ? { kind: args.satuan, days: args.jumlah }
          : args.satuan === "JAM_KALENDER"
            ? { kind: "JAM_KALENDER", hours: args.jumlah }
            : { kind: "MENIT_KERJA", minutes: args.satuan === "JAM_KERJA" ? args.jumlah * 60 : args.jumlah };
      const e = explainDeadline(cal, args.mulai, rule, "sejak waktu mulai");
      return { tenggat: e.at, sementara: e.provisional, penjelasan: e };
    },
  }),
}));

builder.mutationFields((t) => ({
  createInstansi: t.prismaField({
    type: "Instansi",
    authScopes: { superadmin: true },
    errors: { types: [ValidationError, ConflictError] },
    args: { input: t.arg({ type: InstansiInput, required: true }), jamLayanan: t.arg({ type: [JamLayananInput], required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const data = instansiData(args.input);
      if (!data.kode) throw new ValidationError("KODE_INVALID", "Kode instansi wajib diisi.", "kode");
      if (!data.nama) throw new ValidationError("NAMA_INVALID", "Nama instansi wajib diisi.", "nama");
      const hours = parseHours(args.jamLayanan);
      try {
        return await ctx.prisma.instansi.create({
          ...q(query),
          data: { ...(data as { kode: string; nama: string }), jamLayanan: { create: hours } },
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError("KODE_TAKEN", "Kode instansi sudah dipakai.", "kode");
        throw err;
      }
    },
  }),
  updateInstansi: t.prismaField({
    type: "Instansi",
    authScopes: (_r, args) => ({ can: { action: "instansi:kelola", on: { instansiId: String(args.id.id) } } }),
    errors: { types: [ValidationError, ConflictError] },
    args: { id: t.arg.globalID({ required: true, for: InstansiRef }), input: t.arg({ type: InstansiInput, required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const data = instansiData(args.input);
      if (data.kode && !can(ctx, "instansi:ubahKode", { instansiId: String(args.id.id) })) {
        throw new ValidationError("KODE_LOCKED", "Kode instansi hanya dapat diubah oleh superadmin.", "kode");
      }
      try {
        return await changeCalendar(ctx, args.id.id, async (tx) => {
          const before = await tx.instansi.findUnique({ where: { id: args.id.id }, select: { zonaWaktu: true, cutiBersamaLibur: true, aturanTenggatAduan: true } });
          if (!before) throw new NotFoundError("INSTANSI_NOT_FOUND", "Instansi tidak ditemukan.", "id");
          const row = await tx.instansi.update({ ...q(query), where: { id: args.id.id }, data });
          return { row, alasan: calendarReason(before, data) };
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError("KODE_TAKEN", "Kode instansi sudah dipakai.", "kode");
        throw err;
      }
    },
  }),
  setJamLayanan: t.prismaField({
    type: "Instansi",
    description: "Replace an office's opening hours",
    authScopes: (_r, args) => ({ can: { action: "instansi:kelola", on: { instansiId: String(args.instansiId.id) } } }),
    errors: { types: [ValidationError] },
    args: { instansiId: t.arg.globalID({ required: true, for: InstansiRef }), jamLayanan: t.arg({ type: [JamLayananInput], required: true }) },
    resolve: async (query, _r, args, ctx) => {
      const hours = parseHours(args.jamLayanan);
      const id = args.instansiId.id;
      return changeCalendar(ctx, id, async (tx) => {
        await tx.jamLayanan.deleteMany({ where: { instansiId: id } });
        await tx.jamLayanan.createMany({ data: hours.map((h) => ({ ...h, instansiId: id })) });
        return { row: await tx.instansi.findUniqueOrThrow({ ...q(query), where: { id } }), alasan: "jam layanan instansi diubah" };
      });
    },
  }),
  addPenutupan: t.prismaField({
    type: "PenutupanInstansi",
    description: "Close one office on a date",
    authScopes: (_r, args) => ({ can: { action: "instansi:kelola", on: { instansiId: String(args.instansiId.id) } } }),
    errors: { types: [ValidationError, ConflictError] },
    args: {
      instansiId: t.arg.globalID({ required: true, for: InstansiRef }),
      tanggal: t.arg({ type: "Date", required: true }),
      alasan: t.arg.string({ required: true, ...safe }),
    },
    resolve: async (query, _r, args, ctx) => {
      const alasan = args.alasan.trim();
      if (alasan.length < 3) throw new ValidationError("REASON_REQUIRED", "Alasan penutupan wajib diisi.", "alasan");
      try {
        return await changeCalendar(ctx, args.instansiId.id, async (tx) => ({
          row: await tx.penutupanInstansi.create({ ...q(query), data: { instansiId: args.instansiId.id, tanggal: dateValue(args.tanggal), alasan } }),
          alasan: `penutupan kantor ${tanggalPanjang(String(args.tanggal))} (${alasan}) ditambahkan`,
        }));
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError("PENUTUPAN_EXISTS", "Tanggal ini sudah tercatat sebagai hari tutup.", "tanggal");
        throw err;
      }
    },
  }),
  removePenutupan: t.boolean({
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ required: true, for: PenutupanRef }) },
    authScopes: { can: { action: "instansi:kelola", on: ANY } },
    resolve: async (_r, args, ctx) => {
      const row = await ctx.prisma.penutupanInstansi.findUnique({ where: { id: args.id.id } });
      if (!row || !can(ctx, "instansi:kelola", row)) {
        throw new NotFoundError("PENUTUPAN_NOT_FOUND", "Hari tutup tidak ditemukan.", "id");
      }
      return changeCalendar(ctx, row.instansiId, async (tx) => {
        await tx.penutupanInstansi.delete({ where: { id: row.id } });
        return { row: true, alasan: `penutupan kantor ${tanggalPanjang(isoDate(row.tanggal))} (${row.alasan}) dihapus` };
      });
    },
  }),
  createHariLibur: t.prismaField({
    type: "HariLibur",
    authScopes: { superadmin: true },
    errors: { types: [ValidationError, ConflictError] },
    args: {
      tanggal: t.arg({ type: "Date", required: true }),
      nama: t.arg.string({ required: true, ...safe }),
      jenis: t.arg({ type: HolidayKind, required: true }),
      dasarHukum: t.arg.string({ required: true, ...safe, description: "The decree that sets it, e.g. the SKB number" }),
    },
    resolve: async (query, _r, args, ctx) => {
      const nama = args.nama.trim();
      const dasarHukum = args.dasarHukum.trim();
      if (nama.length < 3) throw new ValidationError("NAMA_INVALID", "Nama hari libur wajib diisi.", "nama");
      if (dasarHukum.length < 5) throw new ValidationError("DASAR_HUKUM_REQUIRED", "Dasar hukum (nomor SKB/keputusan) wajib diisi.", "dasarHukum");
      try {
        return await changeCalendar(ctx, null, async (tx) => {
          const row = await tx.hariLibur.create({ ...q(query), data: { tanggal: dateValue(args.tanggal), nama, jenis: args.jenis, dasarHukum } });
          return { row, alasan: `${liburText({ tanggal: dateValue(args.tanggal), jenis: args.jenis, nama })} ditambahkan` };
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError("HARI_LIBUR_EXISTS", "Tanggal ini sudah tercatat dengan jenis yang sama.", "tanggal");
        throw err;
      }
    },
  }),
  updateHariLibur: t.prismaField({
    type: "HariLibur",
    authScopes: { superadmin: true },
    errors: { types: [ValidationError, NotFoundError, ConflictError] },
    args: {
      id: t.arg.globalID({ required: true, for: HariLiburRef }),
      tanggal: t.arg({ type: "Date", required: false }),
      nama: t.arg.string({ required: false, ...safe }),
      jenis: t.arg({ type: HolidayKind, required: false }),
      dasarHukum: t.arg.string({ required: false, ...safe }),
    },
    resolve: async (query, _r, args, ctx) => {
      const existing = await ctx.prisma.hariLibur.findUnique({ where: { id: args.id.id } });
      if (!existing) throw new NotFoundError("HARI_LIBUR_NOT_FOUND", "Hari libur tidak ditemukan.", "id");
      try {
        return await changeCalendar(ctx, null, async (tx) => {
          const row = await tx.hariLibur.update({
            ...q(query),
            where: { id: existing.id },
            data: {
              ...(args.tanggal ? { tanggal: dateValue(args.tanggal) } : {}),
              ...(args.nama ? { nama: args.nama.trim() } : {}),
              ...(args.jenis ? { jenis: args.jenis } : {}),
              ...(args.dasarHukum ? { dasarHukum: args.dasarHukum.trim() } : {}),
            },
          });
          const after = { tanggal: args.tanggal ? dateValue(args.tanggal) : existing.tanggal, jenis: args.jenis ?? existing.jenis, nama: args.nama?.trim() || existing.nama };
          const moved = isoDate(after.tanggal) !== isoDate(existing.tanggal) || after.jenis !== existing.jenis;
          return { row, alasan: moved ? `${liburText(existing)} diubah menjadi ${liburText(after)}` : `${liburText(after)} diubah` };
        });
      } catch (err) {
        if (isUniqueViolation(err)) throw new ConflictError("HARI_LIBUR_EXISTS", "Tanggal ini sudah tercatat dengan jenis yang sama.", "tanggal");
        throw err;
      }
    },
  }),
  deleteHariLibur: t.boolean({
    authScopes: { superadmin: true },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ required: true, for: HariLiburRef }) },
    resolve: async (_r, args, ctx) => {
      return changeCalendar(ctx, null, async (tx) => {
        const existing = await tx.hariLibur.findUnique({ where: { id: args.id.id } });
        if (!existing) throw new NotFoundError("HARI_LIBUR_NOT_FOUND", "Hari libur tidak ditemukan.", "id");
        await tx.hariLibur.delete({ where: { id: existing.id } });
        return { row: true, alasan: `${liburText(existing)} dihapus` };
      });
    },
  }),
}));

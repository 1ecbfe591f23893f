import type { Context } from "../../context";
import type { Prisma } from "../../generated/prisma/client";
import type { ComplaintDeadlineRule, HolidayKind } from "../../generated/prisma/enums";
import { ConflictError, NotFoundError, ValidationError, forbidden } from "../../lib/errors";
import { q } from "../../lib/query";
import { parseInput } from "../../lib/validate";
import { ANY, assertCan, can, type Action } from "../../policy";
import { isUniqueViolation } from "../account/service";
import { changeCalendar, tanggalPanjang } from "../calendar/deadlines";
import { explainDeadline, type DeadlineRule, type OfficeCalendar } from "../calendar/working-time";
import { kategoriBawaan } from "../pengaduan/kategori-bawaan";
import { HARI_LIBUR, HITUNG_TENGGAT, INSTANSI, INSTANSI_BARU, JAM_LAYANAN_ARG, PENUTUPAN, ZONE_LABEL } from "./rules";

/**
 * Offices (instansi): their profile, opening hours and closures, the national holidays, and the public deadline
 * calculator. A change to anything a deadline counts on goes through `changeCalendar` (calendar/deadlines.ts): one
 * transaction that also moves the open deadlines, published after commit.
 */

type Query = { select?: Prisma.InstansiSelect; include?: Prisma.InstansiInclude };
type Input<T> = { [K in keyof T]?: T[K] | null };

const JENIS_LIBUR = { LIBUR_NASIONAL: "hari libur", CUTI_BERSAMA: "cuti bersama" } as const;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const dateValue = (d: string) => new Date(`${d}T00:00:00Z`);
const liburText = (h: { tanggal: Date; jenis: HolidayKind; nama: string }) => `${JENIS_LIBUR[h.jenis]} ${tanggalPanjang(isoDate(h.tanggal))} (${h.nama})`;

/** An action with no row yet (a new office, the national holidays): allowed for some resource, or FORBIDDEN. */
function assertMay(ctx: Context, action: Action): void {
  if (!can(ctx, action, ANY)) throw forbidden();
}

function rethrowUnique(err: unknown, conflict: () => ConflictError): never {
  throw isUniqueViolation(err) ? conflict() : err;
}
const kodeTaken = () => new ConflictError("KODE_TAKEN", "Kode instansi sudah dipakai.", "kode");
const hariLiburExists = () => new ConflictError("HARI_LIBUR_EXISTS", "Tanggal ini sudah tercatat dengan jenis yang sama.", "tanggal");

/** Why an instansi update moves its deadlines, or null when nothing that counts changed. */
function calendarReason(
  before: { zonaWaktu: string; cutiBersamaLibur: boolean; aturanTenggatAduan: string },
  data: { zonaWaktu?: string; cutiBersamaLibur?: boolean; aturanTenggatAduan?: string },
): string | null {
  const parts: string[] = [];
  if (data.zonaWaktu !== undefined && data.zonaWaktu !== before.zonaWaktu)
    parts.push(`zona waktu instansi diubah (${ZONE_LABEL[before.zonaWaktu] ?? before.zonaWaktu} → ${ZONE_LABEL[data.zonaWaktu] ?? data.zonaWaktu})`);
  if (data.cutiBersamaLibur !== undefined && data.cutiBersamaLibur !== before.cutiBersamaLibur) {
    parts.push(data.cutiBersamaLibur ? "cuti bersama kini dihitung sebagai hari libur instansi" : "cuti bersama kini dihitung sebagai hari kerja instansi");
  }
  if (data.aturanTenggatAduan !== undefined && data.aturanTenggatAduan !== before.aturanTenggatAduan) parts.push("aturan tenggat pengaduan diubah");
  return parts.length ? parts.join("; ") : null;
}

// ---------------------------------------------------------------------------------------------------
// Reading (public)

export function listInstansi(ctx: Context, query: Query, termasukNonaktif: boolean) {
  return ctx.prisma.instansi.findMany({ ...q(query), where: termasukNonaktif ? {} : { aktif: true }, orderBy: { nama: "asc" } });
}

export function instansiByKode(ctx: Context, query: Query, kode: string) {
  return ctx.prisma.instansi.findUnique({ ...q(query), where: { kode: kode.trim().toUpperCase() } });
}

/** The office's calendar, or null when it has no opening hours yet. */
export async function calendarOf(ctx: Context, instansiId: string): Promise<OfficeCalendar | null> {
  try {
    return await ctx.calendars.get(instansiId);
  } catch {
    return null; // an office without opening hours has no calendar yet
  }
}

export function listHariLibur(ctx: Context, query: { select?: Prisma.HariLiburSelect }, tahun: number) {
  return ctx.prisma.hariLibur.findMany({
    ...q(query),
    where: { tanggal: { gte: dateValue(`${tahun}-01-01`), lt: dateValue(`${tahun + 1}-01-01`) } },
    orderBy: [{ tanggal: "asc" }, { jenis: "asc" }],
  });
}

export type TenggatSatuan = "HARI_KERJA" | "HARI_KERJA_JAM_SAMA" | "JAM_KERJA" | "MENIT_KERJA" | "JAM_KALENDER";

/** A deadline on an office's calendar, computed as Loket computes every deadline (public, for transparency). */
export async function hitungTenggat(ctx: Context, args: { instansiId: string; mulai: Date; jumlah: number; satuan: TenggatSatuan }) {
  const { jumlah } = parseInput(HITUNG_TENGGAT, { jumlah: args.jumlah });
  const exists = await ctx.prisma.instansi.findUnique({ where: { id: args.instansiId }, select: { id: true, zonaWaktu: true } });
  if (!exists) throw new NotFoundError("INSTANSI_NOT_FOUND", "Instansi tidak ditemukan.", "instansiId");
  // clock hours need no opening hours (an office without them can still promise 48 hours)
  const cal =
    (await calendarOf(ctx, args.instansiId)) ??
    (args.satuan === "JAM_KALENDER" ? { timeZone: exists.zonaWaktu, hours: [], closedDates: new Set<string>(), knownYears: new Set<number>() } : null);
  if (!cal) throw new ValidationError("JAM_KOSONG", "Instansi ini belum mengatur jam layanan.", "instansiId");
  const rule: DeadlineRule =
    args.satuan === "HARI_KERJA" || args.satuan === "HARI_KERJA_JAM_SAMA"
      ? { kind: args.satuan, days: jumlah }
      : args.satuan === "JAM_KALENDER"
        ? { kind: "JAM_KALENDER", hours: jumlah }
        : { kind: "MENIT_KERJA", minutes: args.satuan === "JAM_KERJA" ? jumlah * 60 : jumlah };
  const e = explainDeadline(cal, args.mulai, rule, "sejak waktu mulai");
  return { tenggat: e.at, sementara: e.provisional, penjelasan: e };
}

// ---------------------------------------------------------------------------------------------------
// An office's profile, hours and closures

export interface InstansiInput {
  kode: string;
  nama: string;
  alamat: string;
  telepon: string;
  email: string;
  website: string;
  whatsapp: string;
  zonaWaktu: string;
  cutiBersamaLibur: boolean;
  aturanTenggatAduan: ComplaintDeadlineRule;
  aktif: boolean;
}
export type JamLayananInput = { hari: number; buka: string; tutup: string };

export async function createInstansi(ctx: Context, query: Query, input: Input<InstansiInput>, jamLayanan: JamLayananInput[]) {
  assertMay(ctx, "instansi:buat");
  const data = parseInput(INSTANSI_BARU, parseInput(INSTANSI, input));
  const { jamLayanan: hours } = parseInput(JAM_LAYANAN_ARG, { jamLayanan });
  try {
    // one nested write, one transaction: the office never exists without its complaint categories
    return await ctx.prisma.instansi.create({ ...q(query), data: { ...data, jamLayanan: { create: hours }, kategoriPengaduan: { create: kategoriBawaan() } } });
  } catch (err) {
    rethrowUnique(err, kodeTaken);
  }
}

export async function updateInstansi(ctx: Context, query: Query, id: string, input: Input<InstansiInput>) {
  assertCan(ctx, "instansi:kelola", { instansiId: id });
  const data = parseInput(INSTANSI, input);
  if (data.kode && !can(ctx, "instansi:ubahKode", { instansiId: id })) {
    throw new ValidationError("KODE_LOCKED", "Kode instansi hanya dapat diubah oleh superadmin.", "kode");
  }
  try {
    return await changeCalendar(ctx, id, async (tx) => {
      const before = await tx.instansi.findUnique({ where: { id }, select: { zonaWaktu: true, cutiBersamaLibur: true, aturanTenggatAduan: true } });
      if (!before) throw new NotFoundError("INSTANSI_NOT_FOUND", "Instansi tidak ditemukan.", "id");
      const row = await tx.instansi.update({ ...q(query), where: { id }, data });
      return { row, alasan: calendarReason(before, data) };
    });
  } catch (err) {
    rethrowUnique(err, kodeTaken);
  }
}

/** Replaces an office's opening hours. */
export async function setJamLayanan(ctx: Context, query: Query, instansiId: string, jamLayanan: JamLayananInput[]) {
  assertCan(ctx, "instansi:kelola", { instansiId });
  const { jamLayanan: hours } = parseInput(JAM_LAYANAN_ARG, { jamLayanan });
  return changeCalendar(ctx, instansiId, async (tx) => {
    await tx.jamLayanan.deleteMany({ where: { instansiId } });
    await tx.jamLayanan.createMany({ data: hours.map((h) => ({ ...h, instansiId })) });
    return { row: await tx.instansi.findUniqueOrThrow({ ...q(query), where: { id: instansiId } }), alasan: "jam layanan instansi diubah" };
  });
}

/** Closes one office on a date. */
export async function addPenutupan(
  ctx: Context,
  query: { select?: Prisma.PenutupanInstansiSelect },
  args: { instansiId: string; tanggal: string; alasan: string },
) {
  assertCan(ctx, "instansi:kelola", { instansiId: args.instansiId });
  const { alasan } = parseInput(PENUTUPAN, { alasan: args.alasan });
  try {
    return await changeCalendar(ctx, args.instansiId, async (tx) => ({
      row: await tx.penutupanInstansi.create({ ...q(query), data: { instansiId: args.instansiId, tanggal: dateValue(args.tanggal), alasan } }),
      alasan: `penutupan kantor ${tanggalPanjang(String(args.tanggal))} (${alasan}) ditambahkan`,
    }));
  } catch (err) {
    rethrowUnique(err, () => new ConflictError("PENUTUPAN_EXISTS", "Tanggal ini sudah tercatat sebagai hari tutup.", "tanggal"));
  }
}

/** Reopens a closed day; another office's closure is not found. */
export async function removePenutupan(ctx: Context, id: string): Promise<boolean> {
  const row = await ctx.prisma.penutupanInstansi.findUnique({ where: { id } });
  const notFound = () => new NotFoundError("PENUTUPAN_NOT_FOUND", "Hari tutup tidak ditemukan.", "id");
  if (!row) throw notFound();
  assertCan(ctx, "instansi:kelola", row, notFound);
  return changeCalendar(ctx, row.instansiId, async (tx) => {
    await tx.penutupanInstansi.delete({ where: { id: row.id } });
    return { row: true, alasan: `penutupan kantor ${tanggalPanjang(isoDate(row.tanggal))} (${row.alasan}) dihapus` };
  });
}

// ---------------------------------------------------------------------------------------------------
// National holidays and cuti bersama (every office's calendar)

type HariLiburQuery = { select?: Prisma.HariLiburSelect };

export async function createHariLibur(ctx: Context, query: HariLiburQuery, args: { tanggal: string; nama: string; jenis: HolidayKind; dasarHukum: string }) {
  assertMay(ctx, "kalender:kelolaHariLibur");
  const { nama, dasarHukum } = parseInput(HARI_LIBUR, args);
  const tanggal = dateValue(args.tanggal);
  try {
    return await changeCalendar(ctx, null, async (tx) => {
      const row = await tx.hariLibur.create({ ...q(query), data: { tanggal, nama, jenis: args.jenis, dasarHukum } });
      return { row, alasan: `${liburText({ tanggal, jenis: args.jenis, nama })} ditambahkan` };
    });
  } catch (err) {
    rethrowUnique(err, hariLiburExists);
  }
}

export async function updateHariLibur(
  ctx: Context,
  query: HariLiburQuery,
  args: { id: string; tanggal?: string | null; nama?: string | null; jenis?: HolidayKind | null; dasarHukum?: string | null },
) {
  assertMay(ctx, "kalender:kelolaHariLibur");
  const existing = await ctx.prisma.hariLibur.findUnique({ where: { id: args.id } });
  if (!existing) throw new NotFoundError("HARI_LIBUR_NOT_FOUND", "Hari libur tidak ditemukan.", "id");
  // what is sent is checked by the same rules as a new holiday; what is not stays
  const { nama, dasarHukum } = parseInput(HARI_LIBUR, { nama: args.nama ?? existing.nama, dasarHukum: args.dasarHukum ?? existing.dasarHukum });
  try {
    return await changeCalendar(ctx, null, async (tx) => {
      const row = await tx.hariLibur.update({
        ...q(query),
        where: { id: existing.id },
        data: {
          ...(args.tanggal ? { tanggal: dateValue(args.tanggal) } : {}),
          nama,
          ...(args.jenis ? { jenis: args.jenis } : {}),
          dasarHukum,
        },
      });
      const after = {
        tanggal: args.tanggal ? dateValue(args.tanggal) : existing.tanggal,
        jenis: args.jenis ?? existing.jenis,
        nama,
      };
      const moved = isoDate(after.tanggal) !== isoDate(existing.tanggal) || after.jenis !== existing.jenis;
      return { row, alasan: moved ? `${liburText(existing)} diubah menjadi ${liburText(after)}` : `${liburText(after)} diubah` };
    });
  } catch (err) {
    rethrowUnique(err, hariLiburExists);
  }
}

export async function deleteHariLibur(ctx: Context, id: string): Promise<boolean> {
  assertMay(ctx, "kalender:kelolaHariLibur");
  return changeCalendar(ctx, null, async (tx) => {
    const existing = await tx.hariLibur.findUnique({ where: { id } });
    if (!existing) throw new NotFoundError("HARI_LIBUR_NOT_FOUND", "Hari libur tidak ditemukan.", "id");
    await tx.hariLibur.delete({ where: { id: existing.id } });
    return { row: true, alasan: `${liburText(existing)} dihapus` };
  });
}

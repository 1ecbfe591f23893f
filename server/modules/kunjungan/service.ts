import { randomBytes } from "node:crypto";
import type { Context } from "../../context";
import type { Kunjungan, Prisma, TujuanKunjungan } from "../../generated/prisma/client";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { assertCan } from "../../policy";
import { loadCalendar } from "../calendar/service";
import { localDateOf, openIntervals, type OfficeCalendar } from "../calendar/working-time";

/**
 * Office visits (issue: the counter). A service that offers or requires a visit publishes slots cut from the office's
 * opening hours on its working days (no slot on a holiday, on cuti bersama when the office closes then, on a
 * closure day), `kunjunganMenit` long, each holding `kunjunganKapasitas` visitors.
 *
 *   slots            the next days' slots with the places left
 *   pesan            a citizen books a slot: one atomic statement takes a place only while one is left (parallel
 *                    bookings never oversell), in the transaction that writes the booking
 *   ubahJadwal       moves a booking to another slot (the new place taken before the old one is given back)
 *   batal            gives the place back
 *   checkIn / tandai the officer's day list: arrival, done, no-show
 *   lepasSlotTutup   inside a calendar change's transaction: bookings whose slot the change closed are cancelled
 *                    by the office, their places freed, and their people told (never dropped silently)
 *
 * Every change publishes `kunjungan:slot` for the service after commit: screens showing its free places re-read.
 */

type Tx = Prisma.TransactionClient;

/** How far ahead a visit may be booked, and how soon before its start. */
export const PESAN_HARI_KE_DEPAN = 30;
export const PESAN_MINIMAL_MENIT = 60;

export interface Slot {
  mulai: Date;
  selesai: Date;
  kapasitas: number;
  sisa: number;
}

const layananNotFound = () => new NotFoundError("LAYANAN_NOT_FOUND", "Layanan tidak ditemukan.", "layananId");
const kunjunganNotFound = () => new NotFoundError("KUNJUNGAN_NOT_FOUND", "Jadwal kunjungan tidak ditemukan.", "id");

/** The slots of a service between two instants on an office calendar (before any booking). */
export function slotsOf(cal: OfficeCalendar, menit: number, from: Date, to: Date): Array<{ mulai: Date; selesai: Date }> {
  const out: Array<{ mulai: Date; selesai: Date }> = [];
  const step = menit * 60_000;
  for (const [open, close] of openIntervals(cal, from, to)) {
    for (let t = open; t + step <= close; t += step) {
      if (t < from.getTime() || t >= to.getTime()) continue;
      out.push({ mulai: new Date(t), selesai: new Date(t + step) });
    }
  }
  return out;
}

async function layananKunjungan(ctx: Pick<Context, "prisma">, layananId: string) {
  const l = await ctx.prisma.layanan.findUnique({
    where: { id: layananId },
    select: {
      id: true,
      instansiId: true,
      nama: true,
      aktif: true,
      kunjungan: true,
      kunjunganKapasitas: true,
      kunjunganMenit: true,
      instansi: { select: { aktif: true } },
    },
  });
  if (!l?.aktif || !l.instansi.aktif) throw layananNotFound();
  if (l.kunjungan === "TIDAK_ADA") throw new InvalidStateError("KUNJUNGAN_TIDAK_TERSEDIA", `Layanan ${l.nama} tidak memakai jadwal kunjungan.`, "layananId");
  return l;
}

/** The bookable slots of a service from `dari` (an office date, default today) for `hari` days, with the places left. */
export async function slots(ctx: Context, layananId: string, dari: string | null, hari: number): Promise<Slot[]> {
  const l = await layananKunjungan(ctx, layananId);
  const cal = await ctx.calendars.get(l.instansiId);
  const now = new Date();
  const earliest = new Date(now.getTime() + PESAN_MINIMAL_MENIT * 60_000);
  const start = dari ? new Date(Math.max(localMidnight(cal, dari).getTime(), earliest.getTime())) : earliest;
  const limit = new Date(now.getTime() + PESAN_HARI_KE_DEPAN * 86_400_000);
  const end = new Date(Math.min(start.getTime() + Math.min(Math.max(hari, 1), 14) * 86_400_000, limit.getTime()));
  if (end <= start) return [];
  const base = slotsOf(cal, l.kunjunganMenit, start, end);
  if (base.length === 0) return [];
  const taken = await ctx.prisma.slotKunjungan.findMany({
    where: { layananId, mulai: { gte: base[0]!.mulai, lte: base[base.length - 1]!.mulai } },
    select: { mulai: true, terisi: true },
  });
  const used = new Map(taken.map((t) => [t.mulai.getTime(), t.terisi]));
  return base.map((s) => ({ ...s, kapasitas: l.kunjunganKapasitas, sisa: Math.max(0, l.kunjunganKapasitas - (used.get(s.mulai.getTime()) ?? 0)) }));
}

/** Midnight of an office date (YYYY-MM-DD) in the office's zone, as an instant. */
function localMidnight(cal: Pick<OfficeCalendar, "timeZone">, tanggal: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(tanggal)) throw new ValidationError("TANGGAL_INVALID", "Tanggal harus berbentuk TTTT-BB-HH.", "dari");
  const noon = new Date(`${tanggal}T12:00:00Z`);
  // the zone's offset at that date (WIB/WITA/WIT have no daylight saving): local noon minus 12 hours
  const local = new Date(noon.toLocaleString("en-US", { timeZone: cal.timeZone }));
  const utc = new Date(noon.toLocaleString("en-US", { timeZone: "UTC" }));
  return new Date(noon.getTime() - (local.getTime() - utc.getTime()) - 12 * 3_600_000);
}

/** Takes one place of a slot if one is left: one statement, so two bookings at once never both take the last one. */
async function ambilTempat(tx: Tx, layananId: string, mulai: Date, kapasitas: number): Promise<boolean> {
  const rows = await tx.$queryRaw<Array<{ terisi: number }>>`
    INSERT INTO "SlotKunjungan" ("layananId", "mulai", "terisi") VALUES (${layananId}::uuid, ${mulai}, 1)
    ON CONFLICT ("layananId", "mulai") DO UPDATE SET "terisi" = "SlotKunjungan"."terisi" + 1
    WHERE "SlotKunjungan"."terisi" < ${kapasitas}
    RETURNING "terisi"`;
  return rows.length === 1;
}

async function lepasTempat(tx: Tx, layananId: string, mulai: Date): Promise<void> {
  await tx.slotKunjungan.updateMany({ where: { layananId, mulai, terisi: { gt: 0 } }, data: { terisi: { decrement: 1 } } });
}

function kodeKunjungan(): string {
  // 10 characters without look-alikes (0/O, 1/I/L): read out at a counter
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  const bytes = randomBytes(10);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("");
  return `KJG-${chars.slice(0, 4)}-${chars.slice(4, 8)}`;
}

export function publishSlot(ctx: Pick<Context, "pubsub">, layananId: string) {
  ctx.pubsub.publish("kunjungan:slot", layananId, { layananId });
}

/** Is `mulai` one of the service's slots (on a working day, inside the hours, on the slot grid, within the window)? */
async function assertSlot(ctx: Context, l: { instansiId: string; kunjunganMenit: number }, mulai: Date): Promise<Date> {
  const cal = await ctx.calendars.get(l.instansiId);
  const now = Date.now();
  if (mulai.getTime() < now + PESAN_MINIMAL_MENIT * 60_000)
    throw new ValidationError("SLOT_LEWAT", `Jadwal paling cepat ${PESAN_MINIMAL_MENIT} menit dari sekarang. Pilih jadwal lain.`, "mulai");
  if (mulai.getTime() > now + PESAN_HARI_KE_DEPAN * 86_400_000)
    throw new ValidationError("SLOT_TERLALU_JAUH", `Jadwal dapat dipesan paling lama ${PESAN_HARI_KE_DEPAN} hari ke depan.`, "mulai");
  const day = slotsOf(cal, l.kunjunganMenit, new Date(mulai.getTime() - 86_400_000), new Date(mulai.getTime() + 86_400_000));
  const slot = day.find((s) => s.mulai.getTime() === mulai.getTime());
  if (!slot) throw new ValidationError("SLOT_INVALID", "Jadwal itu tidak tersedia: kantor tutup atau jamnya tidak sesuai jadwal layanan.", "mulai");
  return slot.selesai;
}

export interface PesanInput {
  layananId: string;
  mulai: Date;
  tujuan: TujuanKunjungan;
  pengajuanId: string | null;
  catatan: string;
}

export async function pesan(ctx: Context, input: PesanInput): Promise<Kunjungan> {
  assertCan(ctx, "kunjungan:pesan", { instansiId: "" });
  const l = await layananKunjungan(ctx, input.layananId);
  const catatan = input.catatan.trim();
  if (catatan.length > 500) throw new ValidationError("CATATAN_TERLALU_PANJANG", "Catatan paling banyak 500 karakter.", "catatan");
  if (input.pengajuanId) {
    const p = await ctx.prisma.pengajuan.findUnique({ where: { id: input.pengajuanId }, select: { pemohonId: true, layananId: true } });
    if (!p || p.pemohonId !== ctx.viewer!.id || p.layananId !== l.id)
      throw new ValidationError("PENGAJUAN_INVALID", "Pengajuan itu bukan milik Anda atau bukan untuk layanan ini.", "pengajuanId");
  }
  const selesai = await assertSlot(ctx, l, input.mulai);
  const pemohonId = ctx.viewer!.id;
  const row = await ctx.prisma.$transaction(async (tx) => {
    // one open booking per person and service: a second one is a reschedule
    const open = await tx.kunjungan.findFirst({ where: { pemohonId, layananId: l.id, status: "DIPESAN", mulai: { gt: new Date() } }, select: { kode: true } });
    if (open) throw new ConflictError("SUDAH_ADA_JADWAL", `Anda sudah punya jadwal kunjungan untuk layanan ini (${open.kode}). Ubah jadwal itu bila perlu.`);
    if (!(await ambilTempat(tx, l.id, input.mulai, l.kunjunganKapasitas)))
      throw new ConflictError("SLOT_PENUH", "Jadwal itu baru saja penuh. Pilih jadwal lain.", "mulai");
    return tx.kunjungan.create({
      data: {
        kode: kodeKunjungan(),
        instansiId: l.instansiId,
        layananId: l.id,
        pemohonId,
        pengajuanId: input.pengajuanId,
        tujuan: input.tujuan,
        mulai: input.mulai,
        selesai,
        catatan,
      },
    });
  });
  publishSlot(ctx, l.id);
  return row;
}

async function milikSendiri(ctx: Context, id: string): Promise<Kunjungan> {
  const k = await ctx.prisma.kunjungan.findUnique({ where: { id } });
  if (!k) throw kunjunganNotFound();
  assertCan(ctx, "kunjungan:ubah", { instansiId: k.instansiId, pemohonId: k.pemohonId }, kunjunganNotFound);
  if (k.status !== "DIPESAN") throw new InvalidStateError("KUNJUNGAN_TIDAK_AKTIF", "Jadwal ini sudah tidak berlaku dan tidak dapat diubah.");
  if (k.mulai.getTime() <= Date.now()) throw new InvalidStateError("KUNJUNGAN_SUDAH_LEWAT", "Jadwal ini sudah lewat dan tidak dapat diubah.");
  return k;
}

export async function ubahJadwal(ctx: Context, id: string, mulai: Date): Promise<Kunjungan> {
  const k = await milikSendiri(ctx, id);
  if (k.mulai.getTime() === mulai.getTime()) return k;
  const l = await layananKunjungan(ctx, k.layananId);
  const selesai = await assertSlot(ctx, l, mulai);
  const row = await ctx.prisma.$transaction(async (tx) => {
    if (!(await ambilTempat(tx, l.id, mulai, l.kunjunganKapasitas)))
      throw new ConflictError("SLOT_PENUH", "Jadwal itu baru saja penuh. Pilih jadwal lain.", "mulai");
    const moved = await tx.kunjungan.updateMany({ where: { id, status: "DIPESAN", mulai: k.mulai }, data: { mulai, selesai, diingatkanAt: null } });
    if (moved.count !== 1) throw new ConflictError("KUNJUNGAN_BERUBAH", "Jadwal ini baru saja berubah. Muat ulang halaman.");
    await lepasTempat(tx, l.id, k.mulai);
    return tx.kunjungan.findUniqueOrThrow({ where: { id } });
  });
  publishSlot(ctx, l.id);
  return row;
}

export async function batal(ctx: Context, id: string, alasan: string | null): Promise<Kunjungan> {
  const k = await milikSendiri(ctx, id);
  const row = await ctx.prisma.$transaction(async (tx) => {
    const done = await tx.kunjungan.updateMany({
      where: { id, status: "DIPESAN", mulai: k.mulai },
      data: { status: "DIBATALKAN", alasanBatal: alasan?.trim().slice(0, 500) || "Dibatalkan pemohon" },
    });
    if (done.count !== 1) throw new ConflictError("KUNJUNGAN_BERUBAH", "Jadwal ini baru saja berubah. Muat ulang halaman.");
    await lepasTempat(tx, k.layananId, k.mulai);
    return tx.kunjungan.findUniqueOrThrow({ where: { id } });
  });
  publishSlot(ctx, k.layananId);
  return row;
}

// ---------------------------------------------------------------------------------------------------
// The officer's day

/** The instansi's visits of one office day (default today), in time order. */
export async function hariIni<Q extends object>(ctx: Context, query: Q, instansiId: string, tanggal: string | null) {
  assertCan(ctx, "kunjungan:lihatHari", { instansiId });
  const cal = await ctx.calendars.get(instansiId);
  const day = tanggal ?? localDateOf(cal, new Date());
  const from = localMidnight(cal, day);
  return ctx.prisma.kunjungan.findMany({
    ...(query as object),
    where: { instansiId, mulai: { gte: from, lt: new Date(from.getTime() + 86_400_000) }, status: { not: "DIBATALKAN" } },
    orderBy: [{ mulai: "asc" }, { createdAt: "asc" }],
  });
}

type Tanda = "HADIR" | "SELESAI" | "TIDAK_HADIR";
const DARI: Record<Tanda, readonly string[]> = { HADIR: ["DIPESAN", "TIDAK_HADIR"], SELESAI: ["HADIR"], TIDAK_HADIR: ["DIPESAN"] };

/** Check-in on arrival (by id, or by the code the visitor shows), done, or a no-show: the officer, on the day. */
export async function tandai(ctx: Context, ref: { id?: string; kode?: string }, tanda: Tanda): Promise<Kunjungan> {
  const k = ref.id
    ? await ctx.prisma.kunjungan.findUnique({ where: { id: ref.id } })
    : await ctx.prisma.kunjungan.findUnique({ where: { kode: (ref.kode ?? "").trim().toUpperCase() } });
  if (!k) throw kunjunganNotFound();
  assertCan(ctx, "kunjungan:tandai", { instansiId: k.instansiId }, kunjunganNotFound);
  if (!DARI[tanda].includes(k.status))
    throw new InvalidStateError("STATUS_KUNJUNGAN_INVALID", `Jadwal ini berstatus ${k.status.replace(/_/g, " ").toLowerCase()}.`);
  const cal = await ctx.calendars.get(k.instansiId);
  if (localDateOf(cal, k.mulai) !== localDateOf(cal, new Date()))
    throw new InvalidStateError("BUKAN_HARI_KUNJUNGAN", `Jadwal ini untuk ${localDateOf(cal, k.mulai)}, bukan hari ini.`);
  const now = new Date();
  const data: Prisma.KunjunganUncheckedUpdateManyInput =
    tanda === "HADIR" ? { status: "HADIR", hadirAt: now, petugasId: ctx.viewer!.id } : { status: tanda, ...(tanda === "SELESAI" ? {} : {}) };
  const res = await ctx.prisma.kunjungan.updateMany({ where: { id: k.id, status: k.status }, data });
  if (res.count !== 1) throw new ConflictError("KUNJUNGAN_BERUBAH", "Jadwal ini baru saja berubah. Muat ulang halaman.");
  publishSlot(ctx, k.layananId);
  return ctx.prisma.kunjungan.findUniqueOrThrow({ where: { id: k.id } });
}

// ---------------------------------------------------------------------------------------------------
// Calendar changes

export interface Dilepas {
  id: string;
  layananId: string;
  pemohonId: string;
  kode: string;
  mulai: Date;
  selesai: Date;
  layananNama: string;
  email: string;
  zonaWaktu: string;
}

/**
 * Inside a calendar change's transaction (calendar/deadlines.ts changeCalendar): every upcoming booking of the
 * instansi (null: of every instansi, a national holiday) whose slot the new calendar no longer has is cancelled by
 * the office with the reason, and its place freed. Returns them so the caller tells each person after commit.
 */
export async function lepasSlotTutup(tx: Tx, instansiId: string | null, alasan: string, now = new Date()): Promise<Dilepas[]> {
  const upcoming = await tx.kunjungan.findMany({
    where: { status: "DIPESAN", mulai: { gt: now }, ...(instansiId ? { instansiId } : {}) },
    include: { layanan: { select: { nama: true, kunjunganMenit: true } }, pemohon: { select: { email: true } }, instansi: { select: { zonaWaktu: true } } },
    orderBy: { mulai: "asc" },
  });
  const out: Dilepas[] = [];
  const cals = new Map<string, OfficeCalendar>();
  for (const k of upcoming) {
    let cal = cals.get(k.instansiId);
    if (!cal) cals.set(k.instansiId, (cal = await loadCalendar(tx, k.instansiId)));
    const still = slotsOf(cal, k.layanan.kunjunganMenit, k.mulai, k.selesai).some((s) => s.mulai.getTime() === k.mulai.getTime());
    if (still) continue;
    await tx.kunjungan.update({ where: { id: k.id }, data: { status: "DIBATALKAN_KANTOR", alasanBatal: alasan.slice(0, 500) } });
    await lepasTempat(tx, k.layananId, k.mulai);
    out.push({
      id: k.id,
      layananId: k.layananId,
      pemohonId: k.pemohonId,
      kode: k.kode,
      mulai: k.mulai,
      selesai: k.selesai,
      layananNama: k.layanan.nama,
      email: k.pemohon.email,
      zonaWaktu: k.instansi.zonaWaktu,
    });
  }
  return out;
}

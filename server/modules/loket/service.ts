import { randomUUID } from "node:crypto";
import type { Context } from "../../context";
import type { GrupAntrian, Loket, Prisma, TiketAntrian, TiketStatus } from "../../generated/prisma/client";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { parseInput } from "../../lib/validate";
import { q } from "../../lib/query";
import { assertCan, can } from "../../policy";
import { createApiClient } from "../api-client/service";
import { isUniqueViolation } from "../account/service";
import { isWorkingDay, localDateOf } from "../calendar/working-time";
import { grupSchema, loketSchema, perangkatSchema, kodeTiket, NOMOR_TIKET_MAKS, type JenisPerangkat } from "./rules";

/**
 * The office queue (issue: the counter). A ticket is a number per service group and office day, taken at the kiosk
 * or given by a counter officer; counters call the next one; the display follows the calls live.
 *
 *   ambilTiket            kiosk device or the desk: the next number of the group today (never twice: NomorUrut
 *                         counter plus a unique index), refused on a day the office is closed
 *   panggilBerikutnya     the oldest waiting ticket of the counter's groups, claimed by a conditional update (two
 *                         counters never get the same ticket); the counter's previous ticket is closed first:
 *                         served → SELESAI, called but never started → TIDAK_HADIR
 *   panggilUlang, layani, tidakHadir, selesaikan   one ticket's steps, each from the states it expects
 *
 * Every change publishes `antrian:loket` for its instansi after commit; board.ts turns that into the board.
 */

type TiketQuery = Pick<Prisma.TiketAntrianFindManyArgs, "include" | "select">;

export interface HariKantor {
  /** the office's local date, YYYY-MM-DD */
  tanggal: string;
  /** the same date as stored in `@db.Date` columns */
  date: Date;
  buka: boolean;
  keteranganTutup: string | null;
}

/** Today at the instansi: its local date and whether it is a working day (holidays, cuti bersama, closures). */
export async function hariIni(ctx: Pick<Context, "calendars">, instansiId: string, now = new Date()): Promise<HariKantor> {
  const cal = await ctx.calendars.get(instansiId);
  const tanggal = localDateOf(cal, now);
  const buka = isWorkingDay(cal, tanggal);
  const notes = cal.dayNotes?.get(tanggal) ?? [];
  const keteranganTutup = buka ? null : notes.length > 0 ? notes.map((n) => n.name).join("; ") : "Hari ini bukan hari layanan.";
  return { tanggal, date: new Date(`${tanggal}T00:00:00Z`), buka, keteranganTutup };
}

export function publishAntrian(ctx: Pick<Context, "pubsub">, instansiId: string, tiketId: string | null) {
  ctx.pubsub.publish("antrian:loket", instansiId, { versi: randomUUID(), tiketId });
}

const grupNotFound = () => new NotFoundError("GRUP_NOT_FOUND", "Kelompok antrian tidak ditemukan.", "grupId");
const loketNotFound = () => new NotFoundError("LOKET_NOT_FOUND", "Loket tidak ditemukan.", "loketId");
const tiketNotFound = () => new NotFoundError("TIKET_NOT_FOUND", "Tiket antrian tidak ditemukan.", "id");

// ---------------------------------------------------------------------------------------------------
// Reading

/** The groups of an instansi in their order (the kiosk and the board: active ones; the admin page: all). */
export function grupList<Q extends object>(ctx: Context, query: Q, instansiId: string, semua: boolean) {
  assertCan(ctx, semua ? "antrian:kelola" : "antrian:lihatPapan", { instansiId });
  return ctx.prisma.grupAntrian.findMany({
    ...q(query),
    where: { instansiId, ...(semua ? {} : { aktif: true }) },
    orderBy: [{ urutan: "asc" }, { kode: "asc" }],
  }) as Promise<GrupAntrian[]>;
}

export function loketList<Q extends object>(ctx: Context, query: Q, instansiId: string, semua: boolean) {
  assertCan(ctx, semua ? "antrian:kelola" : "antrian:layani", { instansiId });
  return ctx.prisma.loket.findMany({ ...q(query), where: { instansiId, ...(semua ? {} : { aktif: true }) }, orderBy: [{ nama: "asc" }] }) as Promise<Loket[]>;
}

/** Today's tickets of the instansi, oldest first, optionally of some states. */
export async function tiketHariIni(ctx: Context, query: TiketQuery, instansiId: string, status: readonly TiketStatus[] | null) {
  assertCan(ctx, "antrian:lihatTiket", { instansiId });
  const hari = await hariIni(ctx, instansiId);
  return ctx.prisma.tiketAntrian.findMany({
    ...q(query),
    where: { instansiId, tanggal: hari.date, ...(status && status.length > 0 ? { status: { in: [...status] } } : {}) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 2_000,
  });
}

/** How many tickets of the same group and day wait before this one (0 once it was called). */
export async function menungguDiDepan(ctx: Context, t: Pick<TiketAntrian, "grupId" | "tanggal" | "nomor" | "status">): Promise<number> {
  if (t.status !== "MENUNGGU") return 0;
  return ctx.prisma.tiketAntrian.count({ where: { grupId: t.grupId, tanggal: t.tanggal, status: "MENUNGGU", nomor: { lt: t.nomor } } });
}

/** Tickets waiting today per group (one query for the whole board or kiosk). */
export async function menungguPerGrup(ctx: Pick<Context, "prisma">, instansiId: string, date: Date): Promise<Map<string, number>> {
  const rows = await ctx.prisma.tiketAntrian.groupBy({ by: ["grupId"], where: { instansiId, tanggal: date, status: "MENUNGGU" }, _count: { _all: true } });
  return new Map(rows.map((r) => [r.grupId, r._count._all]));
}

// ---------------------------------------------------------------------------------------------------
// Taking a ticket

export interface AmbilTiketInput {
  instansiId: string;
  grupId: string;
  layananId: string | null;
}

export async function ambilTiket(ctx: Context, input: AmbilTiketInput): Promise<TiketAntrian> {
  assertCan(ctx, "antrian:ambilTiket", { instansiId: input.instansiId });
  const grup = await ctx.prisma.grupAntrian.findFirst({ where: { id: input.grupId, instansiId: input.instansiId, aktif: true } });
  if (!grup) throw grupNotFound();
  if (input.layananId) {
    const layanan = await ctx.prisma.layanan.findFirst({ where: { id: input.layananId, instansiId: input.instansiId, aktif: true }, select: { id: true } });
    if (!layanan) throw new ValidationError("LAYANAN_INVALID", "Layanan tidak tersedia di instansi ini.", "layananId");
  }
  const hari = await hariIni(ctx, input.instansiId);
  if (!hari.buka) throw new InvalidStateError("KANTOR_TUTUP", `Kantor tutup hari ini (${hari.keteranganTutup}). Silakan datang pada hari kerja.`);
  const kunci = `tiket/${grup.id}/${hari.tanggal}`;
  const tiket = await ctx.prisma.$transaction(async (tx) => {
    const { terakhir: nomor } = await tx.nomorUrut.upsert({ where: { kunci }, create: { kunci, terakhir: 1 }, update: { terakhir: { increment: 1 } } });
    if (nomor > NOMOR_TIKET_MAKS) throw new InvalidStateError("ANTRIAN_PENUH", `Nomor antrian ${grup.nama} hari ini sudah habis (${NOMOR_TIKET_MAKS}).`);
    return tx.tiketAntrian.create({
      data: {
        instansiId: input.instansiId,
        grupId: grup.id,
        tanggal: hari.date,
        nomor,
        kode: kodeTiket(grup.kode, nomor),
        sumber: ctx.viewer ? "LOKET" : "KIOSK",
        layananId: input.layananId,
        klienId: ctx.viewer ? null : (ctx.client?.id ?? null),
        dibuatOlehId: ctx.viewer?.id ?? null,
      },
    });
  });
  publishAntrian(ctx, tiket.instansiId, tiket.id);
  return tiket;
}

// ---------------------------------------------------------------------------------------------------
// Calling and serving

/** The counter's ticket that is still open today, closed before the next is called. */
const PENUTUP: Partial<Record<TiketStatus, TiketStatus>> = { DIPANGGIL: "TIDAK_HADIR", DILAYANI: "SELESAI" };

export async function panggilBerikutnya(ctx: Context, input: { loketId: string; grupIds: readonly string[] }): Promise<TiketAntrian> {
  const loket = await ctx.prisma.loket.findUnique({ where: { id: input.loketId } });
  if (!loket || !can(ctx, "antrian:layani", { instansiId: loket.instansiId })) {
    assertCan(ctx, "antrian:layani", { instansiId: loket?.instansiId ?? "" }, loketNotFound);
    throw loketNotFound();
  }
  if (!loket.aktif) throw new InvalidStateError("LOKET_NONAKTIF", `${loket.nama} sedang tidak dipakai. Pilih loket lain.`);
  const grupIds = [...new Set(input.grupIds)];
  if (grupIds.length === 0) throw new ValidationError("GRUP_REQUIRED", "Pilih paling sedikit satu kelompok antrian yang dilayani loket ini.", "grupIds");
  const grup = await ctx.prisma.grupAntrian.count({ where: { id: { in: grupIds }, instansiId: loket.instansiId } });
  if (grup !== grupIds.length) throw grupNotFound();
  const hari = await hariIni(ctx, loket.instansiId);
  const now = new Date();
  const { tiket: called, closed } = await ctx.prisma.$transaction(async (tx) => {
    // one call at a time per counter (the row lock is held to commit): two clicks, or two officers at one counter,
    // would otherwise each close "the previous ticket" and leave the counter with two called numbers
    await tx.loket.update({ where: { id: loket.id }, data: { updatedAt: now }, select: { id: true } });
    const open = await tx.tiketAntrian.findMany({ where: { loketId: loket.id, tanggal: hari.date, status: { in: ["DIPANGGIL", "DILAYANI"] } } });
    let closed = 0;
    for (const t of open) {
      const ke = PENUTUP[t.status]!;
      const res = await tx.tiketAntrian.updateMany({
        where: { id: t.id, status: t.status },
        data: { status: ke, ...(ke === "SELESAI" ? { selesaiAt: now } : {}) },
      });
      closed += res.count;
    }
    // the oldest waiting ticket of these groups; another counter may claim it first: then the next one
    for (let attempt = 0; attempt < 20; attempt++) {
      const next = await tx.tiketAntrian.findFirst({
        where: { instansiId: loket.instansiId, tanggal: hari.date, status: "MENUNGGU", grupId: { in: grupIds } },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: { id: true },
      });
      if (!next) return { tiket: null, closed };
      const claimed = await tx.tiketAntrian.updateMany({
        where: { id: next.id, status: "MENUNGGU" },
        data: { status: "DIPANGGIL", loketId: loket.id, petugasId: ctx.viewer!.id, dipanggilAt: now, panggilanKe: 1 },
      });
      if (claimed.count === 1) return { tiket: await tx.tiketAntrian.findUniqueOrThrow({ where: { id: next.id } }), closed };
    }
    throw new ConflictError("TIKET_BERUBAH", "Antrian sedang ramai dipanggil loket lain. Coba sekali lagi.");
  });
  if (!called) {
    // the counter's previous ticket was closed all the same: the board shows it
    if (closed > 0) publishAntrian(ctx, loket.instansiId, null);
    throw new InvalidStateError("ANTRIAN_KOSONG", "Tidak ada nomor antrian yang menunggu untuk loket ini.");
  }
  publishAntrian(ctx, called.instansiId, called.id);
  return called;
}

type Langkah = "PANGGIL_ULANG" | "LAYANI" | "TIDAK_HADIR" | "SELESAI";

const LANGKAH: Record<Langkah, { dari: readonly TiketStatus[]; pesan: string }> = {
  PANGGIL_ULANG: { dari: ["DIPANGGIL", "TIDAK_HADIR"], pesan: "Hanya nomor yang sudah dipanggil yang dapat dipanggil ulang." },
  LAYANI: { dari: ["DIPANGGIL"], pesan: "Hanya nomor yang sedang dipanggil yang dapat mulai dilayani." },
  TIDAK_HADIR: { dari: ["DIPANGGIL"], pesan: "Hanya nomor yang sedang dipanggil yang dapat ditandai tidak hadir." },
  SELESAI: { dari: ["DIPANGGIL", "DILAYANI"], pesan: "Hanya nomor yang sedang dipanggil atau dilayani yang dapat diselesaikan." },
};

/** One step of one ticket of today, from the states the step expects (TIKET_BERUBAH when it moved meanwhile). */
export async function langkahTiket(ctx: Context, id: string, langkah: Langkah, opts: { pengajuanId?: string | null } = {}): Promise<TiketAntrian> {
  const t = await ctx.prisma.tiketAntrian.findUnique({ where: { id } });
  if (!t) throw tiketNotFound();
  assertCan(ctx, "antrian:layani", { instansiId: t.instansiId }, tiketNotFound);
  const rule = LANGKAH[langkah];
  if (!rule.dari.includes(t.status)) throw new InvalidStateError("STATUS_TIKET_INVALID", rule.pesan);
  const hari = await hariIni(ctx, t.instansiId);
  if (t.tanggal.getTime() !== hari.date.getTime()) throw new InvalidStateError("TIKET_KEDALUWARSA", "Tiket ini bukan tiket hari ini.");
  let pengajuanId: string | undefined;
  if (opts.pengajuanId) {
    const p = await ctx.prisma.pengajuan.findUnique({ where: { id: opts.pengajuanId }, select: { id: true, instansiId: true } });
    if (!p || p.instansiId !== t.instansiId) throw new ValidationError("PENGAJUAN_INVALID", "Pengajuan tidak ditemukan di instansi ini.", "pengajuanId");
    pengajuanId = p.id;
  }
  const now = new Date();
  const data: Prisma.TiketAntrianUncheckedUpdateManyInput =
    langkah === "PANGGIL_ULANG"
      ? { status: "DIPANGGIL", dipanggilAt: now, panggilanKe: { increment: 1 }, petugasId: ctx.viewer!.id }
      : langkah === "LAYANI"
        ? { status: "DILAYANI", dilayaniAt: now, petugasId: ctx.viewer!.id }
        : langkah === "TIDAK_HADIR"
          ? { status: "TIDAK_HADIR" }
          : { status: "SELESAI", selesaiAt: now, ...(pengajuanId ? { pengajuanId } : {}) };
  const res = await ctx.prisma.tiketAntrian.updateMany({ where: { id, status: t.status, updatedAt: t.updatedAt }, data });
  if (res.count !== 1) throw new ConflictError("TIKET_BERUBAH", "Tiket ini baru saja diubah di loket lain. Muat ulang dan coba lagi.");
  publishAntrian(ctx, t.instansiId, t.id);
  return ctx.prisma.tiketAntrian.findUniqueOrThrow({ where: { id } });
}

/** Links the case served to a ticket (the walk-in page, after it submitted the case). */
export async function hubungkanPengajuan(ctx: Context, id: string, pengajuanId: string): Promise<TiketAntrian> {
  const t = await ctx.prisma.tiketAntrian.findUnique({ where: { id } });
  if (!t) throw tiketNotFound();
  assertCan(ctx, "antrian:layani", { instansiId: t.instansiId }, tiketNotFound);
  const p = await ctx.prisma.pengajuan.findUnique({ where: { id: pengajuanId }, select: { id: true, instansiId: true } });
  if (!p || p.instansiId !== t.instansiId) throw new ValidationError("PENGAJUAN_INVALID", "Pengajuan tidak ditemukan di instansi ini.", "pengajuanId");
  const row = await ctx.prisma.tiketAntrian.update({ where: { id }, data: { pengajuanId: p.id } });
  publishAntrian(ctx, t.instansiId, t.id);
  return row;
}

// ---------------------------------------------------------------------------------------------------
// Administration

export interface GrupInput {
  id: string | null;
  instansiId: string;
  kode: string;
  nama: string;
  urutan: number | null;
  aktif: boolean | null;
  layananIds: readonly string[] | null;
}

export async function simpanGrup(ctx: Context, input: GrupInput): Promise<GrupAntrian> {
  assertCan(ctx, "antrian:kelola", { instansiId: input.instansiId });
  const data = parseInput(grupSchema, { kode: input.kode, nama: input.nama, urutan: input.urutan ?? 0, aktif: input.aktif ?? true });
  if (input.id) {
    const cur = await ctx.prisma.grupAntrian.findUnique({ where: { id: input.id }, select: { instansiId: true } });
    if (!cur || cur.instansiId !== input.instansiId) throw grupNotFound();
  }
  if (input.layananIds) {
    const n = await ctx.prisma.layanan.count({ where: { id: { in: [...input.layananIds] }, instansiId: input.instansiId } });
    if (n !== new Set(input.layananIds).size) throw new ValidationError("LAYANAN_INVALID", "Ada layanan yang bukan milik instansi ini.", "layananIds");
  }
  try {
    const grup = await ctx.prisma.$transaction(async (tx) => {
      const g = input.id
        ? await tx.grupAntrian.update({ where: { id: input.id }, data })
        : await tx.grupAntrian.create({ data: { ...data, instansiId: input.instansiId } });
      if (input.layananIds) {
        await tx.layanan.updateMany({ where: { grupAntrianId: g.id, id: { notIn: [...input.layananIds] } }, data: { grupAntrianId: null } });
        await tx.layanan.updateMany({ where: { id: { in: [...input.layananIds] } }, data: { grupAntrianId: g.id } });
      }
      return g;
    });
    publishAntrian(ctx, input.instansiId, null);
    return grup;
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("KODE_SUDAH_ADA", `Kode ${data.kode} sudah dipakai kelompok lain di instansi ini.`, "kode");
    throw err;
  }
}

export async function simpanLoket(ctx: Context, input: { id: string | null; instansiId: string; nama: string; aktif: boolean | null }): Promise<Loket> {
  assertCan(ctx, "antrian:kelola", { instansiId: input.instansiId });
  const data = parseInput(loketSchema, { nama: input.nama, aktif: input.aktif ?? true });
  if (input.id) {
    const cur = await ctx.prisma.loket.findUnique({ where: { id: input.id }, select: { instansiId: true } });
    if (!cur || cur.instansiId !== input.instansiId) throw loketNotFound();
  }
  try {
    const loket = input.id
      ? await ctx.prisma.loket.update({ where: { id: input.id }, data })
      : await ctx.prisma.loket.create({ data: { ...data, instansiId: input.instansiId } });
    publishAntrian(ctx, input.instansiId, null);
    return loket;
  } catch (err) {
    if (isUniqueViolation(err)) throw new ConflictError("NAMA_SUDAH_ADA", `Nama ${data.nama} sudah dipakai loket lain di instansi ini.`, "nama");
    throw err;
  }
}

const SCOPE_PERANGKAT = { TAMPIL: "ANTRIAN_TAMPIL", KIOSK: "ANTRIAN_KIOSK" } as const;
const HALAMAN_PERANGKAT = { TAMPIL: "tampil", KIOSK: "kiosk" } as const;

/** The instansi's display and kiosk keys (API clients holding only a device scope). */
export function perangkatList<Q extends object>(ctx: Context, query: Q, instansiId: string) {
  assertCan(ctx, "antrian:kelola", { instansiId });
  return ctx.prisma.apiClient.findMany({
    ...q(query),
    where: { instansiId, scopes: { hasSome: ["ANTRIAN_TAMPIL", "ANTRIAN_KIOSK"] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

/**
 * A key for a TV display or a kiosk of the instansi: an API client with that one scope. The pairing link carries the
 * key in its fragment (never sent to a server, kept by the device's browser); both are shown once.
 */
export async function buatPerangkat(ctx: Context, input: { instansiId: string; nama: string; jenis: JenisPerangkat }) {
  assertCan(ctx, "antrian:kelola", { instansiId: input.instansiId });
  const data = parseInput(perangkatSchema, { nama: input.nama });
  const pembuat = ctx.viewerUser?.namaLengkap ?? "admin";
  const { client, token } = await createApiClient(ctx, {
    instansiId: input.instansiId,
    nama: data.nama,
    kontak: `Perangkat antrian, didaftarkan oleh ${pembuat}`.slice(0, 300),
    scopes: [SCOPE_PERANGKAT[input.jenis]],
  });
  const base = ctx.config.publicUrl.replace(/\/+$/, "");
  // the raw id, as the web client's other addresses carry it (client/src/lib/ids.ts): a global id may hold "/" or "+"
  const tautan = `${base}/antrian/${HALAMAN_PERANGKAT[input.jenis]}/${input.instansiId}#kunci=${token}`;
  return { perangkat: client, kunci: token, tautan };
}

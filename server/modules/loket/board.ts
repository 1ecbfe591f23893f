import type { Context } from "../../context";
import { follow, isResync } from "../../pubsub";
import { hariIni, menungguPerGrup } from "./service";

/** One call on the board: `kunci` is new for every call and recall (the display speaks each kunci once). */
export interface PanggilanAntrian {
  kunci: string;
  kode: string;
  loket: string;
  grup: string;
  panggilanKe: number;
  dipanggilAt: Date;
}

export interface GrupMenunggu {
  id: string;
  kode: string;
  nama: string;
  menunggu: number;
  terakhirDipanggil: string | null;
}

export interface PapanAntrian {
  instansiId: string;
  instansiNama: string;
  tanggal: string;
  dipanggil: PanggilanAntrian[];
  grup: GrupMenunggu[];
}

/** How many calls the board lists (the newest large, the rest below it). */
export const PANGGILAN_DI_PAPAN = 8;

/** The board of an instansi now: today's latest calls, and per active group how many wait and the last number called. */
export async function bacaPapan(ctx: Pick<Context, "prisma" | "calendars">, instansiId: string): Promise<PapanAntrian> {
  const hari = await hariIni(ctx, instansiId);
  // sequential: PGlite has one connection
  const instansi = await ctx.prisma.instansi.findUniqueOrThrow({ where: { id: instansiId }, select: { nama: true } });
  const calls = await ctx.prisma.tiketAntrian.findMany({
    where: { instansiId, tanggal: hari.date, dipanggilAt: { not: null }, status: { in: ["DIPANGGIL", "DILAYANI", "SELESAI"] } },
    orderBy: [{ dipanggilAt: "desc" }, { id: "asc" }],
    take: PANGGILAN_DI_PAPAN,
    select: { id: true, kode: true, panggilanKe: true, dipanggilAt: true, grupId: true, loket: { select: { nama: true } }, grup: { select: { nama: true } } },
  });
  const groups = await ctx.prisma.grupAntrian.findMany({ where: { instansiId, aktif: true }, orderBy: [{ urutan: "asc" }, { kode: "asc" }] });
  const waiting = await menungguPerGrup(ctx, instansiId, hari.date);
  const lastCalled = new Map<string, string>();
  for (const c of calls) if (!lastCalled.has(c.grupId)) lastCalled.set(c.grupId, c.kode);
  // a group whose last call is older than the board's calls: one more query for those few
  const missing = groups.filter((g) => !lastCalled.has(g.id)).map((g) => g.id);
  if (missing.length > 0) {
    const older = await ctx.prisma.tiketAntrian.findMany({
      where: { grupId: { in: missing }, tanggal: hari.date, dipanggilAt: { not: null } },
      orderBy: [{ dipanggilAt: "desc" }],
      distinct: ["grupId"],
      select: { grupId: true, kode: true },
    });
    for (const o of older) lastCalled.set(o.grupId, o.kode);
  }
  return {
    instansiId,
    instansiNama: instansi.nama,
    tanggal: hari.tanggal,
    dipanggil: calls.map((c) => ({
      kunci: `${c.id}:${c.panggilanKe}`,
      kode: c.kode,
      loket: c.loket?.nama ?? "",
      grup: c.grup.nama,
      panggilanKe: c.panggilanKe,
      dipanggilAt: c.dipanggilAt!,
    })),
    grup: groups.map((g) => ({ id: g.id, kode: g.kode, nama: g.nama, menunggu: waiting.get(g.id) ?? 0, terakhirDipanggil: lastCalled.get(g.id) ?? null })),
  };
}

/**
 * One read of a board per change, however many screens follow it. Every subscriber of an instansi receives each
 * change (`versi`); the first to see a new one moves the instansi's generation on; a board read started at a
 * generation shows every change up to it (events are published after commit), so whoever asks at that generation or
 * an older one shares it. A screen that fell behind gets the newest board at once instead of one read per missed
 * change. Kept per database (tests run several servers in one process).
 */
interface Gedung {
  gen: number;
  /** the versions already counted (the newest few) */
  seen: string[];
  read: { gen: number; board: Promise<PapanAntrian> } | null;
}
const shared = new WeakMap<object, Map<string, Gedung>>();

function papanVersi(ctx: Pick<Context, "prisma" | "calendars">, instansiId: string, versi: string): Promise<PapanAntrian> {
  let perDb = shared.get(ctx.prisma);
  if (!perDb) shared.set(ctx.prisma, (perDb = new Map()));
  let g = perDb.get(instansiId);
  if (!g) perDb.set(instansiId, (g = { gen: 0, seen: [], read: null }));
  if (!g.seen.includes(versi)) {
    g.gen++;
    g.seen = [versi, ...g.seen].slice(0, 64);
  }
  if (g.read && g.read.gen === g.gen) return g.read.board;
  const read = { gen: g.gen, board: bacaPapan(ctx, instansiId) };
  g.read = read;
  const gedung = g;
  // a failed read is not shared with whoever asks next
  read.board.catch(() => {
    if (gedung.read === read) gedung.read = null;
  });
  return read.board;
}

/** Milliseconds from `now` to the next local midnight in `timeZone` (Indonesia's zones keep one offset all year). */
export function keTengahMalam(timeZone: string, now = new Date()): number {
  const local = new Date(now.toLocaleString("en-US", { timeZone }));
  const next = new Date(local);
  next.setHours(24, 0, 0, 0);
  return next.getTime() - local.getTime();
}

/**
 * The board at once (after a reconnect too: that is how a display catches up), then again after every change of
 * the instansi's queue, once more when the bus comes back after an outage (events of the outage never arrive), and at
 * the office's midnight (a TV left on starts the new day with an empty board).
 */
export async function* ikutiPapan(ctx: Pick<Context, "prisma" | "calendars" | "pubsub">, instansiId: string): AsyncGenerator<PapanAntrian> {
  const events = follow(ctx.pubsub, "antrian:loket", instansiId);
  let timer: NodeJS.Timeout | undefined;
  try {
    yield await bacaPapan(ctx, instansiId);
    const { timeZone } = await ctx.calendars.get(instansiId);
    let pending = events.next();
    while (true) {
      const midnight = new Promise<"tengah-malam">((resolve) => {
        timer = setTimeout(() => resolve("tengah-malam"), keTengahMalam(timeZone) + 1_000);
      });
      const got = await Promise.race([pending, midnight]);
      clearTimeout(timer);
      if (got === "tengah-malam") {
        yield await bacaPapan(ctx, instansiId);
        continue;
      }
      if (got.done) return;
      pending = events.next();
      const e = got.value;
      yield await (isResync(e) ? bacaPapan(ctx, instansiId) : papanVersi(ctx, instansiId, e.versi));
    }
  } finally {
    clearTimeout(timer);
    await events.return(undefined);
  }
}

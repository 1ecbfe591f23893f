import type { PrismaClient } from "../../generated/prisma/client";
import { listen, type PubSub } from "../../pubsub";
import { buildCalendar, type OfficeCalendar, type OfficeHours, type Weekday } from "./working-time";

const CACHE_MS = 5 * 60_000;

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/**
 * Loads an instansi's calendar (hours, national holidays, its closures) for the working-time module.
 * Cached per instansi; any change to holidays, hours or closures on any instance clears it.
 */
export class CalendarStore {
  private cache = new Map<string, { cal: OfficeCalendar; until: number }>();
  private stops: Array<() => void> = [];

  constructor(
    private readonly prisma: () => PrismaClient,
    private readonly pubsub: PubSub,
  ) {}

  start(): void {
    // a change elsewhere while the bus was down was not heard: forget everything when it is back
    this.stops = [listen(this.pubsub, "calendar:changed", (e) => this.forget(e.instansiId)), this.pubsub.onResync(() => this.forget(null))];
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.cache.clear();
  }

  /**
   * Call after committing a change to holidays (null), or to one instansi's hours or closures (calendar/deadlines.ts
   * `changeCalendar` does, after recomputing the open deadlines in the change's transaction).
   */
  changed(instansiId: string | null): void {
    this.forget(instansiId);
    this.pubsub.publish("calendar:changed", { instansiId });
  }

  private forget(instansiId: string | null) {
    if (instansiId === null) this.cache.clear();
    else this.cache.delete(instansiId);
  }

  async get(instansiId: string): Promise<OfficeCalendar> {
    const hit = this.cache.get(instansiId);
    if (hit && hit.until > Date.now() && this.pubsub.healthy) return hit.cal; // bus down: changes elsewhere are not heard
    const cal = await loadCalendar(this.prisma(), instansiId);
    this.cache.set(instansiId, { cal, until: Date.now() + CACHE_MS });
    return cal;
  }
}

type CalendarDb = Pick<PrismaClient, "instansi" | "hariLibur">;

/**
 * An instansi's calendar read with `db` — inside a transaction that changes the calendar, its own uncommitted
 * view (what the recompute of open deadlines needs); the cache above is for everything else.
 */
export async function loadCalendar(db: CalendarDb, instansiId: string): Promise<OfficeCalendar> {
  // sequential: inside a PGlite transaction there is one connection
  const instansi = await db.instansi.findUniqueOrThrow({ where: { id: instansiId }, include: { jamLayanan: true, penutupan: true } });
  const holidays = await db.hariLibur.findMany({ select: { tanggal: true, jenis: true, nama: true, dasarHukum: true } });
  return buildCalendar({
    timeZone: instansi.zonaWaktu,
    hours: instansi.jamLayanan.map((j): OfficeHours => ({ weekday: j.hari as Weekday, open: j.buka, close: j.tutup })),
    holidays: holidays.map((h) => ({ date: isoDate(h.tanggal), kind: h.jenis, name: h.nama, decree: h.dasarHukum })),
    cutiBersamaLibur: instansi.cutiBersamaLibur,
    closures: instansi.penutupan.map((p) => ({ date: isoDate(p.tanggal), reason: p.alasan })),
  });
}

import { createHash } from "node:crypto";
import type { Context } from "../../context";
import type { OfficeCalendar } from "../calendar/working-time";
import { periodBounds } from "./ikm";
import { hitungStatistikPeriode, type StatistikInput, type StatistikPeriode } from "./statistik";
import { tsParam } from "./menit-kerja-sql";
import { terlambatSql } from "../pengajuan/sla";

/**
 * `statistik` with its period's figures stored (table "StatistikRingkasan"), so a year of a busy office is
 * counted once instead of on every request: at 100k cases in an instansi-year each request re-read every case
 * and computed its working time (~1.3 s p95 under load).
 *
 * Exact, not a cache with an expiry. A stored answer is used only while
 *   - its instansi-year's change counter ("StatistikVersi") is the one it was computed at: database triggers
 *     (migration 20261205111311_statistik_ringkasan) add one in the same transaction as any change of a row
 *     the statistics of that year read (cases, complaints, PPID requests and objections, SKM answers, category
 *     names). The counter is read before the figures are computed, in the same statement as the lookup: a
 *     change committed after that read makes the stored answer stale at once, one committed before is in it;
 *   - the office calendar is the one its working minutes were counted on (a hash of the calendar), and the
 *     computation is this code's (FORMAT).
 * "Overdue now" moves with the clock and is counted on every request (an index range of running cases).
 * A hit is one statement; a miss computes as before (statistik.ts) and stores the answer.
 */

/** Bump when hitungStatistikPeriode's answer changes shape or meaning: older stored answers are then ignored. */
const FORMAT = "2";

const calendarKeys = new WeakMap<OfficeCalendar, string>();

/** A hash of everything of the calendar that working time depends on (CalendarStore hands out one object per version). */
export function kalenderKunci(cal: OfficeCalendar): string {
  let key = calendarKeys.get(cal);
  if (!key) {
    const canonical = JSON.stringify([cal.timeZone, cal.hours, [...cal.closedDates].sort(), [...cal.knownYears].sort((a, b) => a - b)]);
    key = `${FORMAT}:${createHash("sha256").update(canonical).digest("base64url")}`;
    calendarKeys.set(cal, key);
  }
  return key;
}

function kunci(input: StatistikInput): string {
  return `${input.instansiId}:${input.layananId ?? "*"}:${input.periode}:${input.tahun}:${input.ke}`;
}

const SCOPE = `p."instansiId" = $1::uuid AND ($2::uuid IS NULL OR p."layananId" = $2::uuid)`;

export async function statistik(ctx: Pick<Context, "prisma" | "calendars">, input: StatistikInput, now = new Date()) {
  const { dari, sampai } = periodBounds(input.periode, input.tahun, input.ke);
  const kalender = kalenderKunci(await ctx.calendars.get(input.instansiId));
  const key = kunci(input);
  const [row] = await ctx.prisma.$queryRawUnsafe<Array<{ data: StatistikPeriode | null; versi: number; terlambat: number }>>(
    `WITH v AS (SELECT coalesce((SELECT v.versi FROM "StatistikVersi" v WHERE v."instansiId" = $1::uuid AND v.tahun = $4), 0) AS versi)
     SELECT (SELECT r.data FROM "StatistikRingkasan" r WHERE r.kunci = $5 AND r.kalender = $6 AND r.versi = v.versi) AS data,
            v.versi,
            (SELECT count(*) FROM "Pengajuan" p WHERE ${SCOPE} AND ${terlambatSql("p", "$3::timestamp")})::int AS terlambat
       FROM v`,
    input.instansiId,
    input.layananId,
    tsParam(now),
    input.tahun,
    key,
    kalender,
  );
  let periode = row!.data;
  if (!periode) {
    periode = await hitungStatistikPeriode(ctx, input);
    // a newer answer (a later counter) is not replaced by an older one computed at the same time
    await ctx.prisma.$executeRawUnsafe(
      `INSERT INTO "StatistikRingkasan" (kunci, "instansiId", tahun, versi, kalender, data) VALUES ($1, $2::uuid, $3, $4, $5, $6::jsonb)
       ON CONFLICT (kunci) DO UPDATE SET versi = excluded.versi, kalender = excluded.kalender, data = excluded.data, "dibuatAt" = now()
        WHERE "StatistikRingkasan".versi <= excluded.versi`,
      key,
      input.instansiId,
      input.tahun,
      row!.versi,
      kalender,
      JSON.stringify(periode),
    );
  }
  return { dari, sampai, ...periode, terlambatSaatIni: row!.terlambat };
}

/**
 * Another answer of the period stored the same way (same table, same counter and calendar checks), under
 * `statistik`'s key with a `bagian` prefix: one statement on a hit; on a miss `hitung` runs and its answer is
 * stored at the counter read before it ran (statistikDetail's period figures, detail.ts).
 */
export async function ringkasanTersimpan<T>(
  ctx: Pick<Context, "prisma" | "calendars">,
  input: StatistikInput,
  bagian: string,
  hitung: () => Promise<T>,
): Promise<T> {
  const kalender = kalenderKunci(await ctx.calendars.get(input.instansiId));
  const key = `${bagian}:${kunci(input)}`;
  const [row] = await ctx.prisma.$queryRawUnsafe<Array<{ data: T | null; versi: number }>>(
    `WITH v AS (SELECT coalesce((SELECT v.versi FROM "StatistikVersi" v WHERE v."instansiId" = $1::uuid AND v.tahun = $2), 0) AS versi)
     SELECT (SELECT r.data FROM "StatistikRingkasan" r WHERE r.kunci = $3 AND r.kalender = $4 AND r.versi = v.versi) AS data, v.versi FROM v`,
    input.instansiId,
    input.tahun,
    key,
    kalender,
  );
  if (row!.data !== null) return row!.data;
  const data = await hitung();
  await ctx.prisma.$executeRawUnsafe(
    `INSERT INTO "StatistikRingkasan" (kunci, "instansiId", tahun, versi, kalender, data) VALUES ($1, $2::uuid, $3, $4, $5, $6::jsonb)
     ON CONFLICT (kunci) DO UPDATE SET versi = excluded.versi, kalender = excluded.kalender, data = excluded.data, "dibuatAt" = now()
      WHERE "StatistikRingkasan".versi <= excluded.versi`,
    key,
    input.instansiId,
    input.tahun,
    row!.versi,
    kalender,
    JSON.stringify(data),
  );
  return data;
}

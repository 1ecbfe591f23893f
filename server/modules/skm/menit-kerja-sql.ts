import { openIntervals, type OfficeCalendar } from "../calendar/working-time";

/**
 * Working time in SQL, so that statistics aggregate in the database (percentile_cont, FILTER, GROUP BY)
 * instead of loading every case into JavaScript — and still count working minutes on the instansi calendar.
 *
 * The working-time module lists the office's opening intervals over the days the rows touch
 * (`openIntervals`); here they become three arrays passed as query parameters: starts `s`, ends `e`, and
 * `d` = (open time before the interval) − its start. The open time before an instant t is then
 *
 *   W(t) = least(t, e[i]) + d[i]   where i = width_bucket(t, s), the last interval starting at or before t
 *   (0 when t is before the first interval)
 *
 * and the working time between a and b is W(b) − W(a): exactly workingMinutesBetween(cal, a, b) when a and b
 * lie on the days covered. width_bucket is a binary search, so a row costs O(log intervals); everything is
 * computed once per row in plain expressions (a scalar subquery per row was ~4× slower on PGlite).
 * Pure: SQL text and parameters only; `openMsBefore` is the same formula in JavaScript, for tests.
 */
export interface KalenderSql {
  /** interval starts, UTC ms, ascending */
  s: number[];
  /** interval ends */
  e: number[];
  /** open ms before the interval minus its start */
  d: number[];
}

export function kalenderSql(cal: OfficeCalendar, from: Date, to: Date): KalenderSql {
  const k: KalenderSql = { s: [], e: [], d: [] };
  let before = 0;
  for (const [start, end] of openIntervals(cal, from, to)) {
    k.s.push(start);
    k.e.push(end);
    k.d.push(before - start);
    before += end - start;
  }
  return k;
}

/** The three arrays as PostgreSQL array literals, for the parameters `withOpenMs` names. */
export function kalenderParams(k: KalenderSql): [string, string, string] {
  const lit = (xs: number[]) => `{${xs.join(",")}}`;
  return [lit(k.s), lit(k.e), lit(k.d)];
}

// CalendarStore hands out the same object until the calendar changes: the parameters live as long as it does
const cache = new WeakMap<OfficeCalendar, Map<string, [string, string, string]>>();

/** kalenderParams(kalenderSql(cal, from, to)), kept per calendar object (a few spans each). */
export function kalenderParamsFor(cal: OfficeCalendar, from: Date, to: Date): [string, string, string] {
  let spans = cache.get(cal);
  if (!spans) cache.set(cal, (spans = new Map()));
  const key = `${from.getTime()}:${to.getTime()}`;
  let params = spans.get(key);
  if (!params) {
    if (spans.size >= 32) spans.delete(spans.keys().next().value!);
    params = kalenderParams(kalenderSql(cal, from, to));
    spans.set(key, params);
  }
  return params;
}

/**
 * Wraps a row source `rows` (a SELECT, or a table name) with, for each timestamp column named in `instants`,
 * a column `w_<name>`: the open milliseconds before that instant (NULL when it is NULL). The calendar arrays
 * are the parameters $n, $n+1, $n+2 (kalenderParams). Working minutes from a to b: ("w_b" − "w_a") / 60000.
 * (OFFSET 0 keeps each step a subquery computed once per row instead of being inlined into every use.)
 */
export function withOpenMs(rows: string, instants: readonly string[], n: number): string {
  const x = (c: string) => `"x_${c}"`;
  const b = (c: string) => `"b_${c}"`;
  // date_part is float8 (extract is numeric: several times slower); rounding restores the exact milliseconds
  const epochs = instants.map((c) => `round(date_part('epoch', q."${c}") * 1000) AS ${x(c)}`).join(", ");
  const buckets = instants.map((c) => `width_bucket(r.${x(c)}, k.s) AS ${b(c)}`).join(", ");
  const opens = instants
    .map((c) => `CASE WHEN w.${b(c)} = 0 THEN 0::float8 ELSE least(w.${x(c)}, w.k_e[w.${b(c)}]) + w.k_d[w.${b(c)}] END AS "w_${c}"`)
    .join(", ");
  return (
    `(SELECT w.*, ${opens} FROM (` +
    `SELECT r.*, k.e AS k_e, k.d AS k_d, ${buckets} FROM (SELECT q.*, ${epochs} FROM ${rows.trim().startsWith("SELECT") ? `(${rows})` : rows} q OFFSET 0) r ` +
    `CROSS JOIN (SELECT $${n}::float8[] AS s, $${n + 1}::float8[] AS e, $${n + 2}::float8[] AS d OFFSET 0) k OFFSET 0) w)`
  );
}

/** SQL: working minutes between two columns of a `withOpenMs` row source aliased `alias`. */
export function menitKerja(alias: string, from: string, to: string): string {
  return `((${alias}."w_${to}" - ${alias}."w_${from}") / 60000::float8)`;
}

/** An instant as a parameter for a `timestamp(3)` column (stored as UTC without a zone): `$n::timestamp`. */
export function tsParam(d: Date): string {
  return d.toISOString().replace("Z", "");
}

/** W(t) in JavaScript, the same formula as withOpenMs. */
export function openMsBefore(k: KalenderSql, t: number): number {
  let lo = 0;
  let hi = k.s.length; // first index with s > t
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (k.s[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  return i < 0 ? 0 : Math.min(t, k.e[i]!) + k.d[i]!;
}

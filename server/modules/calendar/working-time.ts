/**
 * Working-time arithmetic: the one place every deadline in Loket is computed
 * (service SLA, complaint "2x24 jam", PPID 10 + 7 working days, 30-working-day objections).
 * Pure: no I/O. The service layer loads an office's hours, the holiday table and the office's
 * closures, calls `buildCalendar`, and passes the calendar to the functions below.
 *
 * Exported API
 *   TIME_ZONES, MASPECI_HOURS, DEFAULT_OFFICE_HOURS, MAX_SEARCH_DAYS
 *   buildCalendar(input)                       -> OfficeCalendar (throws on bad zone, bad hours, no hours, bad dates)
 *   isWorkingDay(cal, 'YYYY-MM-DD')            -> boolean
 *   isOpen(cal, at)                            -> boolean (intervals are [open, close): at the closing minute the office is closed)
 *   nextOpening(cal, at)                       -> Date (`at` itself when open)
 *   addWorkingDays(cal, from, n)               -> Deadline  "n hari kerja sejak diterima"
 *   addWorkingDaysSameTime(cal, from, n)       -> Deadline  "2x24 jam kerja"
 *   addWorkingMinutes(cal, from, minutes)      -> Deadline  SLA in working hours/minutes
 *   workingMinutesBetween(cal, a, b)           -> number    open minutes in [a, b); negative when b < a
 *   workingDaysBetween(cal, a, b)              -> number    working days d with day(a) < d <= day(b); negative when b < a
 *   openIntervals(cal, from, to)               -> [start, end) pairs (UTC ms) of every opening on the local days from..to
 *   addCalendarHours(from, hours)              -> Date      plain clock hours
 *   complaintFollowUpDeadline(cal, from, rule) -> Deadline  per-office "2x24 jam" rule (HARI_KERJA | JAM_KALENDER)
 *   computeDeadline(cal, from, rule)           -> Deadline  any DeadlineRule (the registry's rules are these)
 *   explainDeadline(cal, from, rule, phrase)   -> DeadlineExplanation: the same computation, traced day by day
 *   localDateOf(cal, at)                       -> 'YYYY-MM-DD' in the office's zone
 *   formatLocal(cal, at)                       -> '2026-03-25 15:30 WIB'
 *
 * Rules a caller must know
 * - Local dates and times are the office's (`cal.timeZone`). Indonesia has no DST, so each zone is a
 *   fixed offset; only the Indonesian IANA zones are accepted (Asia/Pontianak is WIB like Asia/Jakarta).
 * - A day is a working day when its weekday has opening hours, it is not in `closedDates`, and it is
 *   not 1 January (always a holiday, also in years whose table is missing).
 * - `provisional` is true when the computation consulted a day in a year outside `knownYears`: show it
 *   as provisional and recompute when that year's table arrives (or when any holiday/closure changes).
 * - The "clock waits" rule (applicant asked for more documents) belongs to the caller: measure the
 *   used time with `workingMinutesBetween` / `workingDaysBetween` and restart from the resumption.
 * - Sub-minute precision is kept (milliseconds); minutes may be fractional.
 * - Searches give up (RangeError) after MAX_SEARCH_DAYS consecutive closed days instead of looping.
 */

export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7; // ISO, 1 = Monday

/** One opening interval: minutes after local midnight, `open` inclusive, `close` exclusive. */
export interface OfficeHours {
  weekday: Weekday;
  open: number;
  close: number;
}

export interface OfficeCalendar {
  timeZone: string;
  hours: readonly OfficeHours[];
  /** Local dates 'YYYY-MM-DD' on which the office is closed (holidays, counted cuti bersama, closures). */
  closedDates: ReadonlySet<string>;
  /** Years whose holiday table has been entered. */
  knownYears: ReadonlySet<number>;
  /** Why a date is special (holiday name and decree, cuti bersama also when the office stays open, closure reason): for explanations only. */
  dayNotes?: ReadonlyMap<string, readonly DayNote[]>;
}

export type DayNoteKind = HolidayKind | "PENUTUPAN";

export interface DayNote {
  kind: DayNoteKind;
  name: string;
  decree?: string | null;
}

export interface Deadline {
  at: Date;
  provisional: boolean;
}

export type HolidayKind = "LIBUR_NASIONAL" | "CUTI_BERSAMA";

export interface BuildCalendarInput {
  timeZone: string;
  hours: readonly OfficeHours[];
  holidays: readonly { date: string; kind: HolidayKind; name?: string; decree?: string | null }[];
  /** Whether this office closes on cuti bersama days. */
  cutiBersamaLibur: boolean;
  /** Office-specific closures, local dates 'YYYY-MM-DD' (with the reason, for explanations). */
  closures: readonly (string | { date: string; reason: string })[];
  /**
   * Years whose holiday table is complete. Default: every year that has at least one row in `holidays`.
   * Pass it explicitly when ad-hoc rows can exist before a year's SKB has been entered.
   */
  knownYears?: Iterable<number>;
}

export const TIME_ZONES = {
  WIB: "Asia/Jakarta",
  WITA: "Asia/Makassar",
  WIT: "Asia/Jayapura",
} as const satisfies Record<"WIB" | "WITA" | "WIT", string>;

type ZoneAbbr = keyof typeof TIME_ZONES;

const ZONES: Readonly<Record<string, { offsetMinutes: number; abbr: ZoneAbbr }>> = {
  "Asia/Jakarta": { offsetMinutes: 7 * 60, abbr: "WIB" },
  "Asia/Pontianak": { offsetMinutes: 7 * 60, abbr: "WIB" },
  "Asia/Makassar": { offsetMinutes: 8 * 60, abbr: "WITA" },
  "Asia/Jayapura": { offsetMinutes: 9 * 60, abbr: "WIT" },
};

const h = (hours: number, minutes = 0): number => hours * 60 + minutes;

/** MasPeci: Mon–Thu 08.00–15.30, Fri 08.00–16.00. */
export const MASPECI_HOURS: readonly OfficeHours[] = Object.freeze([
  { weekday: 1, open: h(8), close: h(15, 30) },
  { weekday: 2, open: h(8), close: h(15, 30) },
  { weekday: 3, open: h(8), close: h(15, 30) },
  { weekday: 4, open: h(8), close: h(15, 30) },
  { weekday: 5, open: h(8), close: h(16) },
]);

export const DEFAULT_OFFICE_HOURS: readonly OfficeHours[] = MASPECI_HOURS;

/** Longest run of consecutive closed days a search walks through before giving up. */
export const MAX_SEARCH_DAYS = 3660;

const DAY_MS = 86_400_000;
const MIN_MS = 60_000;
const NO_INTERVALS: readonly Interval[] = [];

interface Interval {
  open: number; // ms after local midnight
  close: number;
}

interface Prepared {
  cal: OfficeCalendar;
  offsetMs: number;
  abbr: ZoneAbbr;
  /** index 1..7 = ISO weekday; merged, sorted intervals in ms */
  byWeekday: readonly (readonly Interval[])[];
  /** open ms of whole days, as running sums from day `first` (openMsOfDays), grown as asked */
  sums?: { first: number; cum: Float64Array };
}

/** Collects whether a computation looked at a day in a year without a holiday table (and, to explain it, which days). */
interface Touch {
  provisional: boolean;
  /** local day -> whether the office was open that day, for every day the computation looked at */
  trace?: Map<number, boolean>;
}

// ---------------------------------------------------------------------------------------------
// Building and preparing calendars

function zoneOf(timeZone: string): { offsetMinutes: number; abbr: ZoneAbbr } {
  const zone = Object.hasOwn(ZONES, timeZone) ? ZONES[timeZone] : undefined;
  if (!zone) {
    throw new RangeError(`Unsupported time zone "${timeZone}": use Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)`);
  }
  return zone;
}

/**
 * A calendar's prepared form, once per calendar object: OfficeCalendar is read-only (a change of the calendar
 * builds a new one), and the queue asks the same office's calendar for every row of a page.
 */
const PREPARED = new WeakMap<OfficeCalendar, Prepared>();

function prepare(cal: OfficeCalendar): Prepared {
  let p = PREPARED.get(cal);
  if (!p) PREPARED.set(cal, (p = build(cal)));
  return p;
}

function build(cal: OfficeCalendar): Prepared {
  const zone = zoneOf(cal.timeZone);
  const lists: Interval[][] = [[], [], [], [], [], [], [], []];
  for (const hrs of cal.hours) {
    const { weekday, open, close } = hrs;
    if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) {
      throw new RangeError(`Office hours: weekday must be 1 (Monday) .. 7 (Sunday), got ${weekday}`);
    }
    if (!Number.isInteger(open) || !Number.isInteger(close) || open < 0 || close > 1440 || open >= close) {
      throw new RangeError(`Office hours: need whole minutes 0 <= open < close <= 1440, got ${open}..${close} on weekday ${weekday}`);
    }
    lists[weekday]!.push({ open: open * MIN_MS, close: close * MIN_MS });
  }
  if (lists.every((l) => l.length === 0)) {
    throw new Error("Office calendar has no opening hours at all: no deadline can ever be reached");
  }
  const byWeekday = lists.map((list) => {
    list.sort((x, y) => x.open - y.open);
    const merged: Interval[] = [];
    for (const iv of list) {
      const last = merged[merged.length - 1];
      if (last && iv.open <= last.close) last.close = Math.max(last.close, iv.close);
      else merged.push({ ...iv });
    }
    return merged;
  });
  return { cal, offsetMs: zone.offsetMinutes * MIN_MS, abbr: zone.abbr, byWeekday };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a valid 'YYYY-MM-DD', or throws. */
function parseLocalDate(value: string): number {
  const m = DATE_RE.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ms / DAY_MS;
    }
  }
  throw new RangeError(`Expected a local date 'YYYY-MM-DD', got "${value}"`);
}

export function buildCalendar(input: BuildCalendarInput): OfficeCalendar {
  const closed = new Set<string>();
  const years = new Set<number>();
  const notes = new Map<string, DayNote[]>();
  const note = (date: string, n: DayNote) => notes.set(date, [...(notes.get(date) ?? []), n]);
  for (const row of input.holidays) {
    parseLocalDate(row.date);
    years.add(Number(row.date.slice(0, 4)));
    if (row.kind === "LIBUR_NASIONAL" || (row.kind === "CUTI_BERSAMA" && input.cutiBersamaLibur)) {
      closed.add(row.date);
    }
    note(row.date, { kind: row.kind, name: row.name ?? (row.kind === "CUTI_BERSAMA" ? "Cuti bersama" : "Hari libur nasional"), decree: row.decree ?? null });
  }
  for (const c of input.closures) {
    const date = typeof c === "string" ? c : c.date;
    parseLocalDate(date);
    closed.add(date);
    note(date, { kind: "PENUTUPAN", name: typeof c === "string" ? "Kantor tutup" : c.reason });
  }
  const cal: OfficeCalendar = {
    timeZone: input.timeZone,
    hours: input.hours.map((x) => ({ ...x })),
    closedDates: closed,
    knownYears: input.knownYears ? new Set(input.knownYears) : years,
    dayNotes: notes,
  };
  prepare(cal); // validate now rather than at the first deadline
  return cal;
}

// ---------------------------------------------------------------------------------------------
// Day helpers

function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function weekdayOfDay(day: number): Weekday {
  // 1970-01-01 was a Thursday (ISO 4)
  return (((((day + 3) % 7) + 7) % 7) + 1) as Weekday;
}

function checkInstant(at: Date, name: string): number {
  const ms = at instanceof Date ? at.getTime() : NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`${name} must be a valid Date`);
  return ms;
}

/** Local ms since epoch (office clock read as if it were UTC). */
function toLocal(p: Prepared, at: Date, name = "at"): number {
  return checkInstant(at, name) + p.offsetMs;
}

function fromLocal(p: Prepared, localMs: number): Date {
  return new Date(localMs - p.offsetMs);
}

/** Opening intervals of a local day (empty when the office is closed that day). */
function intervalsOf(p: Prepared, day: number, touch: Touch | null): readonly Interval[] {
  const date = dateOfDay(day);
  if (touch && !p.cal.knownYears.has(Number(date.slice(0, 4)))) touch.provisional = true;
  const ivs = date.endsWith("-01-01") || p.cal.closedDates.has(date) ? NO_INTERVALS : p.byWeekday[weekdayOfDay(day)]!;
  touch?.trace?.set(day, ivs.length > 0);
  return ivs;
}

/** The first working day after `day`. */
function nextWorkingDay(p: Prepared, day: number, touch: Touch | null): number {
  for (let i = 1; i <= MAX_SEARCH_DAYS; i++) {
    if (intervalsOf(p, day + i, touch).length > 0) return day + i;
  }
  throw new RangeError(`No working day within ${MAX_SEARCH_DAYS} days after ${dateOfDay(day)}`);
}

function lastClose(intervals: readonly Interval[]): number {
  return intervals[intervals.length - 1]!.close;
}

/** Earliest local instant >= localMs at which the office is open. */
function nextOpeningLocal(p: Prepared, localMs: number, touch: Touch | null): number {
  const startDay = Math.floor(localMs / DAY_MS);
  const t = localMs - startDay * DAY_MS;
  for (const iv of intervalsOf(p, startDay, touch)) {
    if (t < iv.close) return startDay * DAY_MS + Math.max(iv.open, t);
  }
  const day = nextWorkingDay(p, startDay, touch);
  return day * DAY_MS + intervalsOf(p, day, null)[0]!.open;
}

function checkCount(n: number, name: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number >= 0, got ${n}`);
}

// ---------------------------------------------------------------------------------------------
// Public functions

export function isWorkingDay(cal: OfficeCalendar, localDate: string): boolean {
  const p = prepare(cal);
  return intervalsOf(p, parseLocalDate(localDate), null).length > 0;
}

export function isOpen(cal: OfficeCalendar, at: Date): boolean {
  const p = prepare(cal);
  const local = toLocal(p, at);
  const day = Math.floor(local / DAY_MS);
  const t = local - day * DAY_MS;
  return intervalsOf(p, day, null).some((iv) => iv.open <= t && t < iv.close);
}

export function nextOpening(cal: OfficeCalendar, at: Date): Date {
  const p = prepare(cal);
  return fromLocal(p, nextOpeningLocal(p, toLocal(p, at), null));
}

/**
 * "n hari kerja sejak diterima": the day of receipt is not counted (whatever the hour, also when it is
 * not a working day); day 1 is the next working day; the deadline is the last closing time of day n.
 * n = 0 ("selesai hari itu juga"): the last closing time of the day of the next opening.
 */
export function addWorkingDays(cal: OfficeCalendar, from: Date, n: number): Deadline {
  return addWorkingDaysTraced(cal, from, n, { provisional: false });
}

function addWorkingDaysTraced(cal: OfficeCalendar, from: Date, n: number, touch: Touch): Deadline {
  checkCount(n, "n");
  const p = prepare(cal);
  const local = toLocal(p, from, "from");
  let day = n === 0 ? Math.floor(nextOpeningLocal(p, local, touch) / DAY_MS) : Math.floor(local / DAY_MS);
  for (let i = 0; i < n; i++) day = nextWorkingDay(p, day, touch);
  const at = fromLocal(p, day * DAY_MS + lastClose(intervalsOf(p, day, null)));
  return { at, provisional: touch.provisional };
}

/**
 * "2x24 jam kerja": start at the next opening (`from` itself when open), then the same local time of
 * day n working days later. If that time is before the day's first opening or after its last closing
 * (days with different hours), it is clamped into [first opening, last closing] of that day; the
 * clamping never changes the amount of open time before the deadline.
 */
export function addWorkingDaysSameTime(cal: OfficeCalendar, from: Date, n: number): Deadline {
  return addWorkingDaysSameTimeTraced(cal, from, n, { provisional: false });
}

function addWorkingDaysSameTimeTraced(cal: OfficeCalendar, from: Date, n: number, touch: Touch): Deadline {
  checkCount(n, "n");
  const p = prepare(cal);
  const start = nextOpeningLocal(p, toLocal(p, from, "from"), touch);
  let day = Math.floor(start / DAY_MS);
  const timeOfDay = start - day * DAY_MS;
  for (let i = 0; i < n; i++) day = nextWorkingDay(p, day, touch);
  const ivs = intervalsOf(p, day, null);
  const t = Math.min(Math.max(timeOfDay, ivs[0]!.open), lastClose(ivs));
  return { at: fromLocal(p, day * DAY_MS + t), provisional: touch.provisional };
}

/**
 * The earliest instant by which `minutes` of open time have elapsed since `from`
 * (so a span ending exactly at a closing time ends there, not at the next opening).
 * 0 minutes returns `from` unchanged.
 */
export function addWorkingMinutes(cal: OfficeCalendar, from: Date, minutes: number): Deadline {
  return addWorkingMinutesTraced(cal, from, minutes, { provisional: false });
}

function addWorkingMinutesTraced(cal: OfficeCalendar, from: Date, minutes: number, touch: Touch): Deadline {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number >= 0, got ${minutes}`);
  }
  const p = prepare(cal);
  const local = toLocal(p, from, "from");
  let remaining = Math.round(minutes * MIN_MS);
  if (remaining === 0) return { at: new Date(local - p.offsetMs), provisional: false };
  let day = Math.floor(local / DAY_MS);
  let t = local - day * DAY_MS;
  let ivs = intervalsOf(p, day, touch);
  for (;;) {
    for (const iv of ivs) {
      const start = Math.max(iv.open, t);
      if (start >= iv.close) continue;
      const available = iv.close - start;
      if (remaining <= available) {
        return { at: fromLocal(p, day * DAY_MS + start + remaining), provisional: touch.provisional };
      }
      remaining -= available;
    }
    day = nextWorkingDay(p, day, touch);
    ivs = intervalsOf(p, day, null);
    t = 0;
  }
}

/** Open minutes in [a, b); when b < a, the negative of workingMinutesBetween(b, a). */
export function workingMinutesBetween(cal: OfficeCalendar, a: Date, b: Date): number {
  const p = prepare(cal);
  const la = toLocal(p, a, "a");
  const lb = toLocal(p, b, "b");
  if (lb < la) return -openMsBetween(p, lb, la) / MIN_MS || 0; // never -0
  return openMsBetween(p, la, lb) / MIN_MS;
}

function openMsBetween(p: Prepared, la: number, lb: number): number {
  const firstDay = Math.floor(la / DAY_MS);
  const lastDay = Math.floor(lb / DAY_MS);
  const clipped = (day: number) => {
    const base = day * DAY_MS;
    let t = 0;
    for (const iv of intervalsOf(p, day, null)) {
      const start = Math.max(base + iv.open, la);
      const end = Math.min(base + iv.close, lb);
      if (end > start) t += end - start;
    }
    return t;
  };
  if (lastDay === firstDay) return clipped(firstDay);
  // the days between are whole: their open time from running sums, not a walk over each day (a request
  // overdue for a year was 250 working days of walking on every read of the queue)
  return clipped(firstDay) + openMsOfDays(p, firstDay + 1, lastDay) + clipped(lastDay);
}

/** Longest span of days the running sums cover (beyond it, days are walked one by one). */
const SUMS_MAX_DAYS = 100 * 366;

/** Open ms of the whole local days d0 <= day < d1, one by one. */
function walkOpenMs(p: Prepared, d0: number, d1: number): number {
  let t = 0;
  for (let day = d0; day < d1; day++) for (const iv of intervalsOf(p, day, null)) t += iv.close - iv.open;
  return t;
}

/** Open ms of the whole local days d0 <= day < d1. */
function openMsOfDays(p: Prepared, d0: number, d1: number): number {
  if (d1 - d0 < 16) return walkOpenMs(p, d0, d1);
  let sums = p.sums;
  if (!sums || d0 < sums.first || d1 > sums.first + sums.cum.length - 1) {
    // grown to cover what was asked and what was covered, with a year's margin on each side
    const first = Math.min(d0, sums?.first ?? d0) - 366;
    const last = Math.max(d1, sums ? sums.first + sums.cum.length - 1 : d1) + 366;
    if (last - first > SUMS_MAX_DAYS) return walkOpenMs(p, d0, d1);
    const cum = new Float64Array(last - first + 1);
    for (let i = 1; i < cum.length; i++) cum[i] = cum[i - 1]! + walkOpenMs(p, first + i - 1, first + i);
    p.sums = sums = { first, cum };
  }
  return sums.cum[d1 - sums.first]! - sums.cum[d0 - sums.first]!;
}

/**
 * Working days d with localDay(a) < d <= localDay(b) — "sisa N hari kerja" from now (a) to a
 * deadline (b): 0 means due today. Negative when b is before a.
 */
export function workingDaysBetween(cal: OfficeCalendar, a: Date, b: Date): number {
  const p = prepare(cal);
  const da = Math.floor(toLocal(p, a, "a") / DAY_MS);
  const db = Math.floor(toLocal(p, b, "b") / DAY_MS);
  const [lo, hi, sign] = db >= da ? [da, db, 1] : [db, da, -1];
  let count = 0;
  for (let day = lo + 1; day <= hi; day++) if (intervalsOf(p, day, null).length > 0) count++;
  return count === 0 ? 0 : sign * count;
}

/**
 * Every opening interval [start, end) of the local days from day(from) to day(to), both included, as UTC
 * milliseconds in ascending order, disjoint. For computing working time in bulk elsewhere (e.g. in SQL, as
 * running sums over these intervals): the open time in [a, b) is the same as workingMinutesBetween's when
 * a and b lie on those days.
 */
export function openIntervals(cal: OfficeCalendar, from: Date, to: Date): Array<[number, number]> {
  const p = prepare(cal);
  const first = Math.floor(toLocal(p, from, "from") / DAY_MS);
  const last = Math.floor(toLocal(p, to, "to") / DAY_MS);
  if (last - first > 100 * 366) throw new RangeError("openIntervals: more than 100 years asked");
  const out: Array<[number, number]> = [];
  for (let day = first; day <= last; day++) {
    const base = day * DAY_MS - p.offsetMs;
    for (const iv of intervalsOf(p, day, null)) out.push([base + iv.open, base + iv.close]);
  }
  return out;
}

/** Plain clock hours, for offices that promise e.g. 48 hours around the clock. */
export function addCalendarHours(from: Date, hours: number): Date {
  if (!Number.isFinite(hours)) throw new RangeError(`hours must be finite, got ${hours}`);
  return new Date(checkInstant(from, "from") + Math.round(hours * 3_600_000));
}

/**
 * Complaint follow-up ("2x24 jam"), by the office's rule (Prisma enum ComplaintDeadlineRule):
 * HARI_KERJA = two working days at the same time of day; JAM_KALENDER = 48 clock hours.
 */
export function complaintFollowUpDeadline(cal: OfficeCalendar, from: Date, rule: "HARI_KERJA" | "JAM_KALENDER", days = 2): Deadline {
  return computeDeadline(cal, from, complaintFollowUpRule(rule, days));
}

/** The "2x24 jam" rule as data (see complaintFollowUpDeadline). */
export function complaintFollowUpRule(rule: "HARI_KERJA" | "JAM_KALENDER", days = 2): DeadlineRule {
  return rule === "JAM_KALENDER" ? { kind: "JAM_KALENDER", hours: days * 24 } : { kind: "HARI_KERJA_JAM_SAMA", days };
}

/** The office's local date 'YYYY-MM-DD' of an instant. */
export function localDateOf(cal: Pick<OfficeCalendar, "timeZone">, at: Date): string {
  const offsetMs = zoneOf(cal.timeZone).offsetMinutes * MIN_MS;
  return new Date(checkInstant(at, "at") + offsetMs).toISOString().slice(0, 10);
}

/** '2026-03-25 15:30 WIB' (seconds dropped). */
export function formatLocal(cal: Pick<OfficeCalendar, "timeZone">, at: Date): string {
  const zone = zoneOf(cal.timeZone);
  const iso = new Date(checkInstant(at, "at") + zone.offsetMinutes * MIN_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} ${zone.abbr}`;
}

// ---------------------------------------------------------------------------------------------
// Rules as data, and the explanation of a deadline

/** A deadline rule as data: what the registry of open deadlines stores per column, and what explanations show. */
export type DeadlineRule =
  | { kind: "HARI_KERJA"; days: number } // "n hari kerja sejak …" (addWorkingDays)
  | { kind: "HARI_KERJA_JAM_SAMA"; days: number } // "2x24 jam kerja" (addWorkingDaysSameTime)
  | { kind: "MENIT_KERJA"; minutes: number } // SLA in working hours/minutes, or what is left of it (addWorkingMinutes)
  | { kind: "JAM_KALENDER"; hours: number }; // plain clock hours (addCalendarHours)

export function computeDeadline(cal: OfficeCalendar, from: Date, rule: DeadlineRule): Deadline {
  return computeTraced(cal, from, rule, { provisional: false });
}

function computeTraced(cal: OfficeCalendar, from: Date, rule: DeadlineRule, touch: Touch): Deadline {
  switch (rule.kind) {
    case "HARI_KERJA":
      return addWorkingDaysTraced(cal, from, rule.days, touch);
    case "HARI_KERJA_JAM_SAMA":
      return addWorkingDaysSameTimeTraced(cal, from, rule.days, touch);
    case "MENIT_KERJA":
      return addWorkingMinutesTraced(cal, from, rule.minutes, touch);
    case "JAM_KALENDER":
      return { at: addCalendarHours(from, rule.hours), provisional: false };
  }
}

/** Why a day did not count. */
export type SkipReason =
  | "AKHIR_PEKAN" // Saturday/Sunday without opening hours
  | "TIDAK_ADA_JAM_LAYANAN" // a weekday on which this office has no hours
  | "LIBUR_NASIONAL"
  | "CUTI_BERSAMA"
  | "PENUTUPAN" // this office's own closure
  | "TAHUN_BARU" // 1 January, always closed (also before the year's table exists)
  | "DI_LUAR_JAM_LAYANAN"; // the moment fell after closing time: counting starts at the next opening

export interface SkippedDay {
  date: string;
  reason: SkipReason;
  /** the holiday's or closure's name */
  name: string | null;
  /** the decree that set the holiday */
  decree: string | null;
}

export interface CountedDay {
  date: string;
  /** 1-based position among the counted days */
  n: number;
  /** e.g. a cuti bersama on which this office stays open */
  note: string | null;
}

export interface DeadlineExplanation extends Deadline {
  rule: DeadlineRule;
  /** e.g. "10 hari kerja sejak diterima" */
  ruleText: string;
  /** the moment the rule counts from (receipt, verification, answer, …) */
  start: Date;
  /** when counting actually starts, if later than `start` (outside office hours → the next opening) */
  countFrom: Date | null;
  timeZone: string;
  counted: CountedDay[];
  skipped: SkippedDay[];
}

const WEEKEND_NAMES: Record<number, string> = { 6: "Sabtu", 7: "Minggu" };

/** Human phrase of a rule, e.g. ruleText({kind:'HARI_KERJA',days:10}, 'sejak diterima') = "10 hari kerja sejak diterima". */
export function ruleText(rule: DeadlineRule, since: string): string {
  switch (rule.kind) {
    case "HARI_KERJA":
      return `${rule.days} hari kerja ${since} (hari itu sendiri tidak dihitung; berakhir pada jam tutup hari kerja ke-${rule.days})`;
    case "HARI_KERJA_JAM_SAMA":
      return `${rule.days}x24 jam kerja ${since}: jam yang sama ${rule.days} hari kerja kemudian`;
    case "MENIT_KERJA": {
      const hours = Math.floor(rule.minutes / 60);
      const minutes = Math.round(rule.minutes - hours * 60);
      const parts = [hours ? `${hours} jam` : "", minutes ? `${minutes} menit` : ""].filter(Boolean).join(" ") || "0 menit";
      return `${parts} kerja ${since} (hanya jam layanan dihitung)`;
    }
    case "JAM_KALENDER":
      return `${rule.hours} jam ${since} (jam kalender, termasuk malam dan hari libur)`;
  }
}

function skippedOf(p: Prepared, day: number): SkippedDay {
  const date = dateOfDay(day);
  const notes = p.cal.dayNotes?.get(date) ?? [];
  if (p.cal.closedDates.has(date)) {
    // the reason that closed it: a national holiday first, then a counted cuti bersama, then the office's closure
    const n = notes.find((x) => x.kind === "LIBUR_NASIONAL") ?? notes.find((x) => x.kind === "CUTI_BERSAMA") ?? notes.find((x) => x.kind === "PENUTUPAN");
    if (n) return { date, reason: n.kind, name: n.name, decree: n.decree ?? null };
  }
  if (date.endsWith("-01-01")) {
    const n = notes.find((x) => x.kind === "LIBUR_NASIONAL");
    return { date, reason: "TAHUN_BARU", name: n?.name ?? "Tahun Baru Masehi", decree: n?.decree ?? null };
  }
  const wd = weekdayOfDay(day);
  return WEEKEND_NAMES[wd]
    ? { date, reason: "AKHIR_PEKAN", name: WEEKEND_NAMES[wd]!, decree: null }
    : { date, reason: "TIDAK_ADA_JAM_LAYANAN", name: null, decree: null };
}

/**
 * The same computation as computeDeadline (it runs it, traced), with every day it looked at: the days counted
 * and each day skipped with its reason. `since` completes the rule's phrase ("sejak diterima").
 */
export function explainDeadline(cal: OfficeCalendar, from: Date, rule: DeadlineRule, since: string): DeadlineExplanation {
  const trace = new Map<number, boolean>();
  const d = computeTraced(cal, from, rule, { provisional: false, trace });
  const base = {
    ...d,
    rule,
    ruleText: ruleText(rule, since),
    start: from,
    countFrom: null as Date | null,
    timeZone: cal.timeZone,
    counted: [] as CountedDay[],
    skipped: [] as SkippedDay[],
  };
  if (rule.kind === "JAM_KALENDER") return base;
  const p = prepare(cal);
  const local = toLocal(p, from, "from");
  const startDay = Math.floor(local / DAY_MS);
  const opening = nextOpeningLocal(p, local, null);
  if (rule.kind !== "HARI_KERJA" && opening !== local) base.countFrom = fromLocal(p, opening);
  // the day counting is anchored on, which itself is not counted ("hari itu sendiri tidak dihitung")
  const anchor =
    rule.kind === "HARI_KERJA"
      ? rule.days === 0
        ? Math.floor(opening / DAY_MS)
        : startDay
      : rule.kind === "HARI_KERJA_JAM_SAMA"
        ? Math.floor(opening / DAY_MS)
        : null;
  const lastDay = Math.floor(toLocal(p, d.at) / DAY_MS);
  for (const [day, open] of [...trace.entries()].sort((a, b) => a[0] - b[0])) {
    if (day > lastDay || (anchor !== null && day === anchor)) continue;
    if (anchor !== null && day < anchor) {
      if (day !== startDay || rule.kind === "HARI_KERJA") {
        if (!open) base.skipped.push(skippedOf(p, day));
        continue;
      }
      base.skipped.push(open ? { date: dateOfDay(day), reason: "DI_LUAR_JAM_LAYANAN", name: null, decree: null } : skippedOf(p, day));
      continue;
    }
    if (open) {
      const cuti = p.cal.dayNotes?.get(dateOfDay(day))?.find((x) => x.kind === "CUTI_BERSAMA");
      base.counted.push({ date: dateOfDay(day), n: base.counted.length + 1, note: cuti ? `${cuti.name}: kantor ini tetap buka` : null });
    } else {
      base.skipped.push(skippedOf(p, day));
    }
  }
  return base;
}

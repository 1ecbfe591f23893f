const LOCALE = "id-ID";
export const DEFAULT_ZONE = "Asia/Jakarta";

/** "Kamis, 1 Januari 2026" for a calendar date "2026-01-01" (no time zone involved). */
export function formatDate(isoDate: string, opts: { weekday?: boolean } = { weekday: true }): string {
  const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return new Intl.DateTimeFormat(LOCALE, {
    timeZone: "UTC",
    weekday: opts.weekday ? "long" : undefined,
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(d);
}

/** "Kamis" for "2026-01-01". */
export function formatWeekday(isoDate: string): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone: "UTC", weekday: "long" }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** "17 Agustus 2026 pukul 08.30" in the given zone (Loket's offices are in WIB, WITA or WIT). */
export function formatDateTime(iso: string, timeZone = DEFAULT_ZONE): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(
    new Date(iso),
  );
}

/** "Senin, 08.00" — the next opening of an office, in its own zone. */
export function formatWeekdayTime(iso: string, timeZone = DEFAULT_ZONE): string {
  return new Intl.DateTimeFormat(LOCALE, { timeZone, weekday: "long", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/** "08.00" from "08:00": Indonesian writes times with a dot. */
export function formatClock(hhmm: string): string {
  return hhmm.replace(":", ".");
}

/** "2 menit lalu", "kemarin" … for notifications. */
export function formatRelative(iso: string, now: Date = new Date()): string {
  const seconds = Math.round((new Date(iso).getTime() - now.getTime()) / 1000);
  const rtf = new Intl.RelativeTimeFormat(LOCALE, { numeric: "auto" });
  const abs = Math.abs(seconds);
  if (abs < 60) return rtf.format(seconds, "second");
  if (abs < 3600) return rtf.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return rtf.format(Math.round(seconds / 3600), "hour");
  if (abs < 7 * 86_400) return rtf.format(Math.round(seconds / 86_400), "day");
  return formatDateTime(iso);
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function todayIn(timeZone = DEFAULT_ZONE, now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} detik`;
  const m = Math.ceil(seconds / 60);
  return `${m} menit`;
}

/** "Rp150.000", or "Gratis" for 0. */
export function formatRupiah(amount: number): string {
  if (amount === 0) return "Gratis";
  return `Rp${new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 }).format(amount)}`;
}

const DEFAULT_WORKDAY_MINUTES = 450;

function clockMinutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Open minutes of an average working day of an office, from its opening hours (MasPeci's Mon–Thu 08.00–15.30 and
 * Fri 08.00–16.00 give 456): the unit in which "hari kerja" left is counted. 7.5 hours when no hours are set.
 */
export function workdayMinutes(jam: ReadonlyArray<{ hari: number; buka: string; tutup: string }> | undefined | null): number {
  if (!jam?.length) return DEFAULT_WORKDAY_MINUTES;
  const days = new Set(jam.map((j) => j.hari));
  const total = jam.reduce((sum, j) => sum + Math.max(0, clockMinutes(j.tutup) - clockMinutes(j.buka)), 0);
  return total > 0 ? total / days.size : DEFAULT_WORKDAY_MINUTES;
}

/**
 * Working time left as people say it: "2 hari kerja 3 jam", "5 jam 20 menit", "40 menit"; when overdue,
 * "terlambat 1 hari kerja 2 jam".
 */
export function formatSisaKerja(minutes: number, perDay = DEFAULT_WORKDAY_MINUTES): { text: string; overdue: boolean } {
  const overdue = minutes < 0;
  let m = Math.round(Math.abs(minutes));
  const parts: string[] = [];
  const days = Math.floor(m / perDay);
  if (days > 0) {
    parts.push(`${days} hari kerja`);
    m = Math.round(m - days * perDay);
    const h = Math.floor(m / 60);
    if (h > 0) parts.push(`${h} jam`);
  } else if (m >= 60) {
    const h = Math.floor(m / 60);
    parts.push(`${h} jam`);
    if (m % 60) parts.push(`${m % 60} menit`);
  } else {
    parts.push(`${m} menit`);
  }
  const text = parts.join(" ");
  return { text: overdue ? `terlambat ${text}` : text, overdue };
}

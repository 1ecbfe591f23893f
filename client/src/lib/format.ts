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

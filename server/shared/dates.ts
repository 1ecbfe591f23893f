/** Calendar dates in identity numbers: pure, no time zone library (the browser runs these too). */

/** Whether year-month-day is a real date (no 31 April, 29 February only in leap years). */
export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * 'YYYY-MM-DD' in WIT (UTC+9), the latest calendar date in Indonesia: a birth date "not in the future" is judged
 * against it, so a baby registered today in Jayapura is not refused by a server running in WIB.
 */
export function todayInIndonesia(now: Date): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

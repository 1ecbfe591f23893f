/**
 * Dates in Indonesian long form for documents (the receipt, letters, the signature block): '25 Maret 2026',
 * '25 Maret 2026 pukul 14.05 WIB', '25 Maret 2026 14.05 WIB'. No PDF library here, so a module that only
 * formats dates (the signing settings, loaded at start) does not load one.
 */

const BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"] as const;

function partsIn(date: Date, timeZone: string) {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new RangeError("formatTanggalWaktu: invalid date");
  // numeric parts only, month names are ours: no dependence on the ICU data the runtime ships
  const fmt = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const get = (type: string) => Number(fmt.formatToParts(date).find((p) => p.type === type)?.value);
  return { year: get("year"), month: get("month"), day: get("day"), hour: get("hour"), minute: get("minute") };
}

/** '25 Maret 2026' in the given zone. */
export function formatTanggal(date: Date, timeZone: string): string {
  const p = partsIn(date, timeZone);
  return `${p.day} ${BULAN[p.month - 1]} ${p.year}`;
}

/** '25 Maret 2026 pukul 14.05 WIB': Indonesian long date, 24-hour time with a dot, the zone's label. */
export function formatTanggalWaktu(date: Date, timeZone: string, zonaLabel: string): string {
  const p = partsIn(date, timeZone);
  const hh = String(p.hour).padStart(2, "0");
  const mm = String(p.minute).padStart(2, "0");
  return `${p.day} ${BULAN[p.month - 1]} ${p.year} pukul ${hh}.${mm} ${zonaLabel}`;
}

/** '5 Desember 2026 14.05 WIB': the signature block's time (no "pukul"). */
export function formatTanggalJam(date: Date, timeZone: string, zonaLabel: string): string {
  return formatTanggalWaktu(date, timeZone, zonaLabel).replace(" pukul ", " ");
}

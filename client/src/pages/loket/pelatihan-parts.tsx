import type { StatusPesertaPelatihan, StatusSesiPelatihan } from "../../gql/graphql";
import { formatDate } from "../../lib/format";

/** The desk's training pages share these: the status badges, and dates and times in the office's zone. */

export const STATUS_SESI: Record<StatusSesiPelatihan, { label: string; badge: string }> = {
  DIBUKA: { label: "Pendaftaran dibuka", badge: "badge--ok" },
  DITUTUP: { label: "Pendaftaran ditutup", badge: "badge--closed" },
  DIBATALKAN: { label: "Dibatalkan", badge: "badge--bad" },
};

export const STATUS_PESERTA: Record<StatusPesertaPelatihan, { label: string; badge: string }> = {
  TERDAFTAR: { label: "Terdaftar", badge: "badge--info" },
  MENUNGGU: { label: "Daftar tunggu", badge: "badge--pending" },
  HADIR: { label: "Hadir", badge: "badge--ok" },
  TIDAK_HADIR: { label: "Tidak hadir", badge: "badge--bad" },
  BATAL: { label: "Batal", badge: "badge--closed" },
};

export function StatusSesiBadge({ status }: { status: StatusSesiPelatihan }) {
  return <span className={`badge ${STATUS_SESI[status].badge}`}>{STATUS_SESI[status].label}</span>;
}

export function StatusPesertaBadge({ status }: { status: StatusPesertaPelatihan }) {
  return <span className={`badge ${STATUS_PESERTA[status].badge}`}>{STATUS_PESERTA[status].label}</span>;
}

function parts(d: Date, timeZone: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(d)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return out;
}

/** How far the zone's clock is ahead of UTC at `t` (ms). */
function offsetAt(t: number, timeZone: string): number {
  const p = parts(new Date(t), timeZone);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour! % 24, p.minute!, p.second!) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant (ISO) of a datetime-local value ("2026-12-07T09:00") read on the office's clock, whatever the
 * browser's own zone; null when it is not a complete date and time.
 */
export function instantDi(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  const asUtc = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  if (Number.isNaN(asUtc)) return null;
  let t = asUtc - offsetAt(asUtc, timeZone);
  const again = asUtc - offsetAt(t, timeZone);
  if (again !== t) t = again;
  return new Date(t).toISOString();
}

/** An instant as a datetime-local value on the office's clock. */
export function lokalDi(iso: string | Date, timeZone: string): string {
  const p = parts(new Date(iso), timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${p.year}-${two(p.month!)}-${two(p.day!)}T${two(p.hour! % 24)}:${two(p.minute!)}`;
}

/** The calendar date (YYYY-MM-DD) of an instant in the office's zone. */
export function tanggalDi(iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
}

/** "08.00" of an instant in the office's zone. */
export function jamDi(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("id-ID", { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/** "Senin, 7 Desember 2026, 09.00–12.00 WIB", or both dates when a session runs over several days. */
export function waktuSesi(s: { mulai: string; selesai: string }, zona: { zonaWaktu: string; zonaWaktuLabel: string }): string {
  const a = tanggalDi(s.mulai, zona.zonaWaktu);
  const b = tanggalDi(s.selesai, zona.zonaWaktu);
  if (a === b) return `${formatDate(a)}, ${jamDi(s.mulai, zona.zonaWaktu)}–${jamDi(s.selesai, zona.zonaWaktu)} ${zona.zonaWaktuLabel}`;
  return `${formatDate(a)} ${jamDi(s.mulai, zona.zonaWaktu)} s.d. ${formatDate(b)} ${jamDi(s.selesai, zona.zonaWaktu)} ${zona.zonaWaktuLabel}`;
}

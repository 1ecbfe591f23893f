import type { StatusKunjungan, TujuanKunjungan } from "../../gql/graphql";
import { formatDate } from "../../lib/format";

export const TUJUAN: Record<TujuanKunjungan, { label: string; keterangan: string }> = {
  VERIFIKASI: { label: "Verifikasi dokumen asli", keterangan: "Menunjukkan dokumen asli kepada petugas untuk dicocokkan." },
  PENGAMBILAN: { label: "Pengambilan hasil layanan", keterangan: "Mengambil dokumen hasil layanan secara langsung." },
  KONSULTASI: { label: "Konsultasi", keterangan: "Bertanya atau berkonsultasi dengan petugas." },
};
export const TUJUAN_URUT: readonly TujuanKunjungan[] = ["VERIFIKASI", "PENGAMBILAN", "KONSULTASI"];

export const STATUS: Record<StatusKunjungan, { label: string; badge: string }> = {
  DIPESAN: { label: "Terjadwal", badge: "badge--info" },
  HADIR: { label: "Sudah hadir", badge: "badge--ok" },
  SELESAI: { label: "Selesai", badge: "badge--ok" },
  TIDAK_HADIR: { label: "Tidak hadir", badge: "badge--bad" },
  DIBATALKAN: { label: "Dibatalkan", badge: "badge--closed" },
  DIBATALKAN_KANTOR: { label: "Dibatalkan oleh kantor", badge: "badge--bad" },
};

export function StatusKunjunganBadge({ status }: { status: StatusKunjungan }) {
  return <span className={`badge ${STATUS[status].badge}`}>{STATUS[status].label}</span>;
}

/** The calendar date (YYYY-MM-DD) of an instant in the office's zone. */
export function tanggalDi(iso: string | Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso));
}

/** "08.00" of an instant in the office's zone. */
export function jamDi(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("id-ID", { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

/** "Senin, 7 Desember 2026, 08.00–09.00 WIB": a visit's time as the office keeps it. */
export function waktuKunjungan(k: { mulai: string; selesai: string }, zona: { zonaWaktu: string; zonaWaktuLabel: string }): string {
  return `${formatDate(tanggalDi(k.mulai, zona.zonaWaktu))}, ${jamDi(k.mulai, zona.zonaWaktu)}–${jamDi(k.selesai, zona.zonaWaktu)} ${zona.zonaWaktuLabel}`;
}

/** The next `n` calendar dates from today in the office's zone. */
export function hariKeDepan(timeZone: string, n: number, now = new Date()): string[] {
  const today = tanggalDi(now, timeZone);
  const base = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: n }, (_, i) => new Date(base + i * 86_400_000).toISOString().slice(0, 10));
}

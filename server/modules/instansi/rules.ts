import { TIME_ZONES } from "../calendar/working-time";
import { ValidationError } from "../../lib/errors";

export const ZONE_LABEL: Record<string, string> = {
  [TIME_ZONES.WIB]: "WIB",
  "Asia/Pontianak": "WIB",
  [TIME_ZONES.WITA]: "WITA",
  [TIME_ZONES.WIT]: "WIT",
};

export function parseKode(raw: string): string {
  const kode = raw.trim().toUpperCase();
  if (!/^[A-Z0-9][A-Z0-9-]{1,19}$/.test(kode)) {
    throw new ValidationError("KODE_INVALID", "Kode instansi 2–20 karakter: huruf, angka, atau tanda hubung (contoh: KMG-MADIUN).", "kode");
  }
  return kode;
}

export function parseZone(raw: string): string {
  const upper = raw.trim().toUpperCase();
  if (upper in TIME_ZONES) return TIME_ZONES[upper as keyof typeof TIME_ZONES];
  if (raw in ZONE_LABEL) return raw;
  throw new ValidationError("ZONA_WAKTU_INVALID", "Zona waktu harus WIB, WITA, atau WIT.", "zonaWaktu");
}

export interface HoursInput {
  hari: number;
  buka: string;
  tutup: string;
}

function minutes(hhmm: string, field: string): number {
  const m = hhmm.trim().match(/^(\d{1,2})[:.](\d{2})$/);
  const value = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || value > 24 * 60) {
    throw new ValidationError("JAM_INVALID", `Jam "${hhmm}" tidak valid; gunakan format JJ:MM, misalnya 08:00.`, field);
  }
  return value;
}

/** Opening intervals per ISO weekday; intervals on one day must not overlap. */
export function parseHours(input: HoursInput[]): Array<{ hari: number; buka: number; tutup: number }> {
  const rows = input.map((r, i) => {
    if (!Number.isInteger(r.hari) || r.hari < 1 || r.hari > 7) {
      throw new ValidationError("HARI_INVALID", "Hari harus 1 (Senin) sampai 7 (Minggu).", `jamLayanan.${i}.hari`);
    }
    const buka = minutes(r.buka, `jamLayanan.${i}.buka`);
    const tutup = minutes(r.tutup, `jamLayanan.${i}.tutup`);
    if (tutup <= buka) throw new ValidationError("JAM_INVALID", "Jam tutup harus setelah jam buka.", `jamLayanan.${i}.tutup`);
    return { hari: r.hari, buka, tutup };
  });
  if (rows.length === 0) throw new ValidationError("JAM_KOSONG", "Isi paling sedikit satu jam layanan.", "jamLayanan");
  const sorted = [...rows].sort((a, b) => a.hari - b.hari || a.buka - b.buka);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.hari === sorted[i - 1]!.hari && sorted[i]!.buka < sorted[i - 1]!.tutup) {
      throw new ValidationError("JAM_BERTUMPUK", "Dua jam layanan pada hari yang sama saling bertumpuk.", "jamLayanan");
    }
  }
  return sorted;
}

export function formatMinutes(m: number): string {
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

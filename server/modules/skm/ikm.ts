import { UNSUR } from "../../shared/skm";

/**
 * Indeks Kepuasan Masyarakat (PermenPAN-RB 14/2017). Pure.
 * Per element: NRR = Σ scores / respondents. IKM = 25 × Σ (NRR × 1/9), on 25–100. The exact weight 1/9 is used
 * (the guideline's worked example rounds it to 0.11, which moves results by about a point).
 * The elements (UNSUR) are in server/shared/skm.ts: the survey form shows them.
 */
export type Skor = [number, number, number, number, number, number, number, number, number];

export interface Mutu {
  huruf: "A" | "B" | "C" | "D";
  label: "Sangat Baik" | "Baik" | "Kurang Baik" | "Tidak Baik";
}

export interface HasilIkm {
  responden: number;
  /** NRR per element, in UNSUR order */
  nrr: number[];
  /** weighted average NRR (1–4) */
  nilaiIndeks: number;
  /** 25–100 */
  ikm: number;
  mutu: Mutu;
}

export function isValidSkor(values: readonly number[]): values is Skor {
  return values.length === 9 && values.every((v) => Number.isInteger(v) && v >= 1 && v <= 4);
}

/** Grade of an IKM value: A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99. */
export function mutu(ikm: number): Mutu {
  const v = Math.round(ikm * 100) / 100; // the bands are published to two decimals
  if (v >= 88.31) return { huruf: "A", label: "Sangat Baik" };
  if (v >= 76.61) return { huruf: "B", label: "Baik" };
  if (v >= 65.0) return { huruf: "C", label: "Kurang Baik" };
  return { huruf: "D", label: "Tidak Baik" };
}

export function hitungIkm(responses: readonly Skor[]): HasilIkm | null {
  return hitungIkmDariJumlah(
    responses.length,
    UNSUR.map((_, i) => responses.reduce((s, r) => s + r[i]!, 0)),
  );
}

/** The same from the number of respondents and the sum of scores per element (as the database adds them up). */
export function hitungIkmDariJumlah(responden: number, jumlah: readonly number[]): HasilIkm | null {
  if (responden === 0) return null;
  if (jumlah.length !== UNSUR.length) throw new RangeError(`need ${UNSUR.length} sums, got ${jumlah.length}`);
  const nrr = jumlah.map((sum) => sum / responden);
  const nilaiIndeks = nrr.reduce((s, x) => s + x * (1 / 9), 0);
  const ikm = nilaiIndeks * 25;
  return { responden, nrr, nilaiIndeks, ikm, mutu: mutu(ikm) };
}

/** The calendar period containing a date: quarter, semester or year (UTC dates of its bounds, end exclusive). */
export type Periode = "TRIWULAN" | "SEMESTER" | "TAHUN";
export function periodBounds(jenis: Periode, tahun: number, ke = 1): { dari: Date; sampai: Date } {
  const months = jenis === "TRIWULAN" ? 3 : jenis === "SEMESTER" ? 6 : 12;
  const max = 12 / months;
  if (!Number.isInteger(ke) || ke < 1 || ke > max) throw new RangeError(`period ${ke} of ${jenis} is out of range 1–${max}`);
  return { dari: new Date(Date.UTC(tahun, (ke - 1) * months, 1)), sampai: new Date(Date.UTC(tahun, ke * months, 1)) };
}

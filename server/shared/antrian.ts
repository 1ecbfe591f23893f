/**
 * The office queue's rules the server and the web client share (server/modules/loket): how a ticket is written,
 * what a group's code and a counter's name may be, and how a call is spoken on the display.
 */

export const ANTRIAN = {
  kodeGrup: { min: 1, max: 3, pola: /^[A-Z]{1,3}$/ },
  nama: { min: 2, max: 60 },
} as const;

/** The highest number a group gives out in one day. */
export const NOMOR_TIKET_MAKS = 999;

/** A ticket as printed and shown: the group's code and the number in three digits. */
export function kodeTiket(kodeGrup: string, nomor: number): string {
  return `${kodeGrup}-${String(nomor).padStart(3, "0")}`;
}

const SATUAN = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];

/** A whole number 0–999 in Indonesian words ("seratus dua puluh tiga"), as a display speaks it. */
export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n === 0) return "nol";
  if (n < 12) return SATUAN[n]!;
  if (n < 20) return `${SATUAN[n - 10]} belas`;
  if (n < 100) return [`${SATUAN[Math.floor(n / 10)]} puluh`, n % 10 ? SATUAN[n % 10] : ""].filter(Boolean).join(" ");
  const ratus = Math.floor(n / 100) === 1 ? "seratus" : `${SATUAN[Math.floor(n / 100)]} ratus`;
  return [ratus, n % 100 ? terbilang(n % 100) : ""].filter(Boolean).join(" ");
}

/** What the display says for a call: "Nomor antrian A tujuh, silakan ke Loket 1". */
export function kalimatPanggilan(kode: string, loket: string): string {
  const m = /^([A-Z]{1,3})-(\d{1,3})$/.exec(kode);
  const nomor = m ? `${m[1]!.split("").join(" ")} ${terbilang(Number(m[2]))}` : kode;
  return `Nomor antrian ${nomor}, silakan ke ${loket}`;
}

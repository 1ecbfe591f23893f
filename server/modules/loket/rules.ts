import { z } from "zod";
import { problem } from "../../lib/validate";
import { ANTRIAN } from "../../shared/antrian";

export { kodeTiket, NOMOR_TIKET_MAKS } from "../../shared/antrian";

export type JenisPerangkat = "TAMPIL" | "KIOSK";

const kode = problem("KODE_INVALID", `Kode kelompok ${ANTRIAN.kodeGrup.min}–${ANTRIAN.kodeGrup.max} huruf kapital, misalnya "A" atau "HJ".`);
const namaGrup = problem("NAMA_INVALID", `Nama kelompok ${ANTRIAN.nama.min}–${ANTRIAN.nama.max} karakter, misalnya "Layanan Umum".`);
const namaLoket = problem("NAMA_INVALID", `Nama loket ${ANTRIAN.nama.min}–${ANTRIAN.nama.max} karakter, misalnya "Loket 1".`);
const namaPerangkat = problem("NAMA_INVALID", `Nama perangkat ${ANTRIAN.nama.min}–${ANTRIAN.nama.max} karakter, misalnya "TV ruang tunggu".`);
const urutan = problem("URUTAN_INVALID", "Urutan berupa angka 0–999.");

export const grupSchema = z.object({
  kode: z
    .string()
    .trim()
    .transform((s) => s.toUpperCase())
    .pipe(z.string().regex(ANTRIAN.kodeGrup.pola, kode)),
  nama: z.string().trim().min(ANTRIAN.nama.min, namaGrup).max(ANTRIAN.nama.max, namaGrup),
  urutan: z.number().int(urutan).min(0, urutan).max(999, urutan),
  aktif: z.boolean(),
});

export const loketSchema = z.object({
  nama: z.string().trim().min(ANTRIAN.nama.min, namaLoket).max(ANTRIAN.nama.max, namaLoket),
  aktif: z.boolean(),
});

export const perangkatSchema = z.object({
  nama: z.string().trim().min(ANTRIAN.nama.min, namaPerangkat).max(ANTRIAN.nama.max, namaPerangkat),
});

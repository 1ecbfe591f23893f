import { z } from "zod";
import type { PengaduanStatus } from "../../generated/prisma/enums";
import { Problems, problem } from "../../lib/validate";
import { BUKTI_JENIS, type CaraPengaduan, FIELDS_PENGADUAN, periksaPengaduan } from "../../shared/pengaduan";
import { LAMPIRAN_PENGADUAN_MAKS_BERKAS, LAMPIRAN_PENGADUAN_MAKS_BYTES } from "../../shared/limits";
import { KANAL_KLIEN } from "../api-client/rules";

/** Input rules and the follow-up deadline's state for complaints. Pure: service.ts parses after authorisation. */

export const MAX_LAMPIRAN = LAMPIRAN_PENGADUAN_MAKS_BERKAS;
/** evidence and documentation files: the types and size the browser's picker offers (server/shared/pengaduan.ts) */
export const LAMPIRAN_JENIS = BUKTI_JENIS;
export const LAMPIRAN_MAKS_BYTES = LAMPIRAN_PENGADUAN_MAKS_BYTES;

export interface IsiPengaduanInput {
  instansiId: string;
  kategoriId: string;
  judul: string;
  uraian: string;
  bukti: readonly unknown[];
  namaPelapor?: string | null;
  kontakPelapor?: string | null;
}

/** What the service found in the database about the ids a complaint names (pengaduanChecks places the problems). */
export interface DiketahuiPengaduan {
  /** the category is the office's and still active */
  kategori: boolean;
  /** the linked request (if any) is the office's, and the citizen's own when filed online */
  pengajuan: boolean;
  /** the linked service (if any) is the office's */
  layanan: boolean;
}

const SEMUA_DIKENAL: DiketahuiPengaduan = { kategori: true, pengajuan: true, layanan: true };

/**
 * The checks of a new complaint, every problem at once in the form's order: the rules of server/shared/pengaduan.ts,
 * which the browser runs before sending (compared in tests/client/form-parity-pengaduan.test.ts), and what the
 * service found in the database about the ids it names.
 */
export function pengaduanChecks(input: IsiPengaduanInput, cara: CaraPengaduan, dikenal: DiketahuiPengaduan = SEMUA_DIKENAL) {
  const found: Array<{ code: string; message: string; field: string }> = periksaPengaduan({ ...input, bukti: input.bukti.length }, cara);
  if (!dikenal.kategori && !found.some((p) => p.field === "kategoriId"))
    found.push({ code: "KATEGORI_INVALID", message: "Kategori pengaduan tidak dikenal untuk instansi ini.", field: "kategoriId" });
  // a linked request or service is named above the form's fields
  if (!dikenal.layanan) found.unshift({ code: "LAYANAN_INVALID", message: "Layanan yang dirujuk tidak ditemukan di instansi ini.", field: "layananId" });
  if (!dikenal.pengajuan) found.unshift({ code: "PENGAJUAN_INVALID", message: "Pengajuan yang dirujuk tidak ditemukan.", field: "pengajuanId" });
  const order = (field: string) => (FIELDS_PENGADUAN as readonly string[]).indexOf(field);
  found.sort((a, b) => order(a.field) - order(b.field));
  const problems = new Problems();
  for (const p of found) problems.add(p.code, p.message, p.field);
  return { problems, judul: input.judul.trim(), uraian: input.uraian.trim() };
}

/** An API client records complaints of its own channel only. */
export const KanalKlien = z.object({
  kanal: z.enum(KANAL_KLIEN, problem("KANAL_INVALID", `Klien API mencatat pengaduan dari kanal ${KANAL_KLIEN.join(" atau ")}.`)),
});

export const NamaKategori = z.object({
  nama: z.string().trim().min(3, problem("NAMA_INVALID", "Nama kategori 3–100 karakter.")).max(100, problem("NAMA_INVALID", "Nama kategori 3–100 karakter.")),
});

/** The message of a step: required (at least 5 characters) where the state table says so, at most 5000. */
export function pesanLangkah(wajib: boolean, tolak: boolean) {
  return z.object({
    pesan: z
      .string()
      .nullish()
      .transform((v) => v?.trim() || null)
      .refine(
        (v) => !wajib || (v !== null && v.length >= 5),
        problem("PESAN_REQUIRED", tolak ? "Tuliskan alasan penolakan (minimal 5 karakter)." : "Tuliskan tanggapan atau alasan (minimal 5 karakter)."),
      )
      .refine((v) => !v || v.length <= 5000, problem("PESAN_TOO_LONG", "Pesan maksimal 5000 karakter.")),
  });
}

/** The "2x24 jam" follow-up deadline runs from verification until the first follow-up. */
export const STATUS_TENGGAT_BERJALAN = "DIVERIFIKASI" satisfies PengaduanStatus;

export function tenggatBerjalan(p: { status: PengaduanStatus; tenggat: Date | null }): p is { status: typeof STATUS_TENGGAT_BERJALAN; tenggat: Date } {
  return p.status === STATUS_TENGGAT_BERJALAN && !!p.tenggat;
}

/** Overdue: the follow-up deadline runs and has passed (service.ts asks the database the same for the desk's filter). */
export function terlambat(p: { status: PengaduanStatus; tenggat: Date | null }, now: Date): boolean {
  return tenggatBerjalan(p) && p.tenggat.getTime() < now.getTime();
}

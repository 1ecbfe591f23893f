import { LAMPIRAN_PENGADUAN_MAKS_BERKAS } from "../../shared/limits";
import { z } from "zod";
import type { PengaduanStatus } from "../../generated/prisma/enums";
import { problem, requiredText } from "../../lib/validate";
import { KANAL_KLIEN } from "../api-client/rules";

/** Input rules and the follow-up deadline's state for complaints. Pure: service.ts parses after authorisation. */

export const MAX_LAMPIRAN = LAMPIRAN_PENGADUAN_MAKS_BERKAS;

/** What every complaint says, online or recorded by the desk. */
export const IsiPengaduan = z.object({
  judul: requiredText("judul", "Judul pengaduan", 5, 200),
  uraian: requiredText("uraian", "Uraian pengaduan", 20, 5000),
});

/** Filed online by the citizen: with evidence. */
export const PengaduanDaring = IsiPengaduan.extend({
  bukti: z.array(z.unknown()).min(1, problem("BUKTI_REQUIRED", "Lampirkan paling sedikit satu bukti pendukung (foto, video, atau dokumen).")),
});

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

import { z } from "zod";
import type { PengirimanOpsi } from "../../generated/prisma/enums";
import { problem } from "../../lib/validate";
import type { Perlu } from "./transitions";

/**
 * The input rules of service requests, as zod schemas with our stable codes and Indonesian messages. Pure: parsed
 * with `parseInput` (lib/validate.ts) in the service, after the caller has been authorised.
 */

export const MAX_FILES_PER_REQUEST = 10;
export const PESAN_MAKS = 2000;

/** Optional text: trimmed, empty is absent (null). */
const teks = (max: number, tooLong: { error: () => string }) =>
  z
    .string()
    .trim()
    .max(max, tooLong)
    .nullish()
    .transform((s) => s || null);

/** Required text: absent counts as empty, so the "required" message answers both. */
const wajib = (min: number, required: { error: () => string }, max?: { n: number; tooLong: { error: () => string } }) =>
  z.preprocess((v) => v ?? "", max ? z.string().trim().max(max.n, max.tooLong).min(min, required) : z.string().trim().min(min, required));

const PESAN_TOO_LONG = problem("PESAN_TOO_LONG", `Pesan maksimal ${PESAN_MAKS} karakter.`);

/** What a transition's `perlu.pesan` asks the actor to write, and how it is refused when missing. */
const PESAN_WAJIB = {
  PERBAIKAN: problem("PESAN_REQUIRED", "Tuliskan apa yang perlu diperbaiki atau dilengkapi pemohon (minimal 5 karakter)."),
  ALASAN: problem("ALASAN_REQUIRED", "Alasan penolakan wajib diisi (minimal 5 karakter) agar pemohon mengetahui sebabnya."),
  CATATAN: problem("CATATAN_REQUIRED", "Tuliskan apa yang perlu diperbaiki pada surat (minimal 5 karakter) agar petugas mengetahuinya."),
  KUNJUNGAN: problem("PESAN_REQUIRED", "Tuliskan untuk apa pemohon perlu datang dan apa yang dibawa (minimal 5 karakter)."),
} as const;

/**
 * The words a transition takes (pesan, and for a handover who collected), checked as the transition table
 * declares (`perlu`). The form, the documents and the result are checked against the stored request (service).
 */
export function kataTransisi(perlu: Perlu) {
  return z.object({
    pesan: perlu.pesan ? wajib(5, PESAN_WAJIB[perlu.pesan], { n: PESAN_MAKS, tooLong: PESAN_TOO_LONG }) : teks(PESAN_MAKS, PESAN_TOO_LONG),
    ...(perlu.pengambil
      ? {
          diambilOleh: wajib(2, problem("PENGAMBIL_REQUIRED", "Tuliskan nama orang yang mengambil dokumen.")),
          identitasPengambil: wajib(3, problem("IDENTITAS_REQUIRED", "Tuliskan dokumen identitas yang diperiksa (misalnya KTP asli atas nama pemohon).")),
        }
      : {}),
  });
}

export const catatanInput = z.object({
  isi: z.string().trim().min(2, problem("CATATAN_INVALID", "Catatan 2–4000 karakter.")).max(4000, problem("CATATAN_INVALID", "Catatan 2–4000 karakter.")),
});

export const hasilInput = z.object({
  judul: z
    .string()
    .trim()
    .min(3, problem("JUDUL_INVALID", "Judul dokumen hasil 3–200 karakter."))
    .max(200, problem("JUDUL_INVALID", "Judul dokumen hasil 3–200 karakter.")),
});

/** How many files one upload carries (the slots themselves are checked against the service). */
export const berkasInput = z.object({
  berkas: z
    .array(z.unknown())
    .min(1, problem("NO_FILES", "Pilih berkas yang akan diunggah."))
    .max(MAX_FILES_PER_REQUEST, problem("TOO_MANY_FILES", `Maksimal ${MAX_FILES_PER_REQUEST} berkas dalam satu kali unggah.`)),
});

/** The delivery option chosen (default: download when the service offers it), if the service offers it. */
export function pilihPengiriman(layanan: { unduhOnline: boolean; ambilDiKantor: boolean }, value: PengirimanOpsi | null | undefined): PengirimanOpsi | null {
  const chosen = value ?? (layanan.unduhOnline ? "UNDUH" : "AMBIL");
  return (chosen === "UNDUH" && !layanan.unduhOnline) || (chosen === "AMBIL" && !layanan.ambilDiKantor) ? null : chosen;
}

/** A verification code as people type it (spaces, lower case, no dashes) in its printed form ABCD-EFGH-JKLM. */
export function normalKodeVerifikasi(kode: string): string {
  return kode
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "")
    .replace(/^(.{4})(.{4})(.{4})$/, "$1-$2-$3");
}

/** The last four digits of the applicant's identity number, as the public tracking asks for them. */
export const EMPAT_DIGIT = /^\d{4}$/;

/** A document of a request as a verification compares it: its slot's label, and whether a newer upload replaced it. */
export interface DokumenBanding {
  id: string;
  label: string;
  diganti: boolean;
}

/**
 * What is wrong with a verification that names the documents the officer saw (`dilihat`), against the request's
 * documents now: a named document that was replaced since (DOKUMEN_DIGANTI: the officer checked an old file), or
 * a current document not named (DOKUMEN_BELUM_DILIHAT: it arrived after the officer's page showed the others).
 * Ids that are not this request's documents at all are refused as well. Null when the officer saw exactly the
 * current documents.
 */
export function dokumenTerlihat(
  dokumen: readonly DokumenBanding[],
  dilihat: readonly string[],
): { code: "DOKUMEN_DIGANTI" | "DOKUMEN_BELUM_DILIHAT" | "DOKUMEN_TIDAK_DIKENAL"; message: string } | null {
  const byId = new Map(dokumen.map((d) => [d.id, d]));
  const seen = new Set(dilihat);
  if ([...seen].some((id) => !byId.has(id))) {
    return { code: "DOKUMEN_TIDAK_DIKENAL", message: "Dokumen yang disebut bukan dokumen pengajuan ini. Muat ulang halaman dan periksa kembali." };
  }
  const lama = dokumen.filter((d) => d.diganti && seen.has(d.id));
  if (lama.length) {
    return {
      code: "DOKUMEN_DIGANTI",
      message: `Pemohon sudah mengganti ${daftar(lama)}. Yang Anda periksa adalah versi lama: buka dokumen terbaru dan periksa kembali sebelum menyatakan lengkap.`,
    };
  }
  const baru = dokumen.filter((d) => !d.diganti && !seen.has(d.id));
  if (baru.length) {
    return {
      code: "DOKUMEN_BELUM_DILIHAT",
      message: `${kapital(daftar(baru))} baru diunggah pemohon dan belum Anda buka. Periksa dokumen itu sebelum menyatakan lengkap.`,
    };
  }
  return null;
}

const daftar = (ds: readonly DokumenBanding[]) => [...new Set(ds.map((d) => d.label))].join(", ");
const kapital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

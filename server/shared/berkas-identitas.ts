/**
 * The identity document a registration carries for the admin's activation check, and the reasons an admin
 * may give for refusing one. Pure: the register form, the activation page and the API read the same rules.
 *
 *   jenisBerkasUtama('NIK', '3519011708900001', now) -> 'KTP'   (17 or older: a KTP-el)
 *   jenisBerkasUtama('NIK', '<born 2015>', now)      -> 'KK'    (a minor has no KTP yet: the Kartu Keluarga)
 *   jenisBerkasUtama('NIP', …)                       -> 'KTP'   (an ASN is an adult; the SK may be added)
 *   usiaPada('2009-05-01', '2026-04-30')             -> 16
 */
import { todayInIndonesia } from "./dates";
import { validateNik } from "./nik";
import { validateNip } from "./nip";

export type JenisBerkasIdentitas = "KTP" | "KK" | "SK_ASN";

/** UU 24/2013 ps. 63: a KTP-el is issued at 17 (or on marriage); younger people are on their family's KK. */
export const USIA_WAJIB_KTP = 17;

/** Same limits as a requirement document: PDF, JPG or PNG, judged by content. */
export const BERKAS_IDENTITAS_JENIS_FILE: readonly string[] = Object.freeze(["image/jpeg", "image/png", "application/pdf"]);
export const BERKAS_IDENTITAS_MAKS_BYTES = 5 * 1024 * 1024;

export const JENIS_BERKAS_LABEL: Readonly<Record<JenisBerkasIdentitas, string>> = {
  KTP: "KTP",
  KK: "Kartu Keluarga (KK)",
  SK_ASN: "SK pengangkatan ASN",
};

/** Whole years from `birthDate` to `today` (both YYYY-MM-DD). */
export function usiaPada(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number) as [number, number, number];
  const [ty, tm, td] = today.split("-").map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

/** The birth date an identity number carries (YYYY-MM-DD), or null when the number is not well formed. */
export function tanggalLahirDari(identityType: "NIK" | "NIP", nomor: string, now: Date = new Date()): string | null {
  const r = identityType === "NIK" ? validateNik(nomor, now) : validateNip(nomor, now);
  return r.ok ? r.birthDate : null;
}

/** Which document the admin compares the data with: KTP for adults, KK for a minor (by the NIK's birth date). */
export function jenisBerkasUtama(identityType: "NIK" | "NIP", nomor: string, now: Date = new Date()): "KTP" | "KK" {
  if (identityType === "NIP") return "KTP";
  const lahir = tanggalLahirDari("NIK", nomor, now);
  return lahir && usiaPada(lahir, todayInIndonesia(now)) < USIA_WAJIB_KTP ? "KK" : "KTP";
}

/**
 * Why an admin refuses a registration: a choice the citizen can act on, plus the admin's own words. `perbaiki`
 * tells the citizen what to do before asking again.
 */
export const ALASAN_PENOLAKAN = {
  FOTO_TIDAK_TERBACA: {
    label: "Foto KTP/KK tidak terbaca (buram, gelap, atau terpotong)",
    perbaiki: "Unggah foto baru yang terang dan memuat seluruh kartu.",
  },
  BUKAN_DOKUMEN_IDENTITAS: {
    label: "Berkas yang diunggah bukan KTP atau Kartu Keluarga",
    perbaiki: "Unggah foto KTP Anda, atau Kartu Keluarga jika Anda belum berusia 17 tahun.",
  },
  DATA_TIDAK_COCOK: {
    label: "Nama atau NIK tidak sama dengan yang tertulis di KTP/KK",
    perbaiki: "Perbaiki nama atau NIK agar sama persis dengan KTP/KK, atau unggah dokumen yang benar.",
  },
  FOTO_TIDAK_ADA: {
    label: "Foto KTP/KK belum diunggah",
    perbaiki: "Unggah foto KTP atau Kartu Keluarga Anda.",
  },
  LAINNYA: {
    label: "Alasan lain",
    perbaiki: "Baca keterangan admin di atas, perbaiki data Anda, lalu ajukan kembali.",
  },
} as const satisfies Record<string, { label: string; perbaiki: string }>;

export type KodeAlasanPenolakan = keyof typeof ALASAN_PENOLAKAN;

export const KODE_ALASAN_PENOLAKAN = Object.keys(ALASAN_PENOLAKAN) as KodeAlasanPenolakan[];

/** The sentence the citizen reads: the chosen reason, then the admin's words (the free text alone for "Alasan lain"). */
export function kalimatAlasan(kode: KodeAlasanPenolakan, keterangan: string | null): string {
  if (kode === "LAINNYA") return keterangan ?? ALASAN_PENOLAKAN.LAINNYA.label;
  return keterangan ? `${ALASAN_PENOLAKAN[kode].label}. ${keterangan}` : ALASAN_PENOLAKAN[kode].label;
}

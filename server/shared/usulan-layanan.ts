import { normalizeEmail, normalizePhone } from "./contact";

/**
 * "Layanan yang saya butuhkan tidak ada" (the Pekalongan FAQ): what a person may send, how it is checked (the same
 * rules in the browser and on the server), and how similar requests are counted together for the office's admins.
 * Plain data and functions: the server's service (modules/layanan/usulan.ts) and the web client both import them.
 */

export const USULAN_URAIAN_MIN = 5;
export const USULAN_URAIAN_MAKS = 500;
export const USULAN_KONTAK_MAKS = 200;
/** requests one address may send in an hour, to all offices together (a person needs a few, a flood needs many) */
export const USULAN_PER_JAM = 5;

export interface MasalahUsulan {
  code: string;
  message: string;
  field: "instansiId" | "uraian" | "kontak";
}

/** The contact as stored: an email address (lower case) or a phone number (0…), or null when none was given. */
export function kontakUsulan(raw: string | null | undefined): string | null | undefined {
  const s = (raw ?? "").trim();
  if (!s) return null;
  return s.includes("@") ? (normalizeEmail(s) ?? undefined) : (normalizePhone(s) ?? undefined);
}

/** Every problem of a request at once (none: it may be sent). */
export function periksaUsulan(v: { instansiId?: string | null; uraian: string; kontak?: string | null }): MasalahUsulan[] {
  const out: MasalahUsulan[] = [];
  if (v.instansiId !== undefined && !v.instansiId) out.push({ code: "INSTANSI_REQUIRED", message: "Pilih kantor yang Anda tuju.", field: "instansiId" });
  const uraian = v.uraian.trim();
  if (uraian.length < USULAN_URAIAN_MIN)
    out.push({ code: "URAIAN_REQUIRED", message: `Tuliskan layanan yang Anda butuhkan (minimal ${USULAN_URAIAN_MIN} karakter).`, field: "uraian" });
  else if (uraian.length > USULAN_URAIAN_MAKS)
    out.push({ code: "URAIAN_TOO_LONG", message: `Uraian layanan maksimal ${USULAN_URAIAN_MAKS} karakter.`, field: "uraian" });
  if ((v.kontak ?? "").trim().length > USULAN_KONTAK_MAKS || kontakUsulan(v.kontak) === undefined)
    out.push({
      code: "KONTAK_INVALID",
      message: "Tulis alamat email (contoh: nama@contoh.id) atau nomor telepon (contoh: 081234567890), atau kosongkan.",
      field: "kontak",
    });
  return out;
}

/**
 * Words that say nothing about which service is meant ("saya butuh layanan … secara online"); "surat keterangan"
 * too, which begins too many different services ("surat keterangan domisili", "… usaha") to tell them apart.
 */
const KATA_UMUM = new Set(
  (
    "ada adalah agar akan apa apakah atau bagaimana bagi belum bisa buat butuh cara dan dapat dari dengan di harap ingin " +
    "ini itu jasa kami ke kita layanan mau membuat mengurus minta mohon online daring pada pelayanan pembuatan pengajuan " +
    "pengurusan perlu permohonan saya secara sistem supaya surat keterangan tersedia tidak tolong untuk urus yang yg the"
  ).split(" "),
);

/** The words of a request, normalised: lower case, without accents, punctuation and the filler words above. */
export function kataUsulan(uraian: string): string[] {
  const words = uraian
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w && !KATA_UMUM.has(w));
  return [...new Set(words)].sort();
}

/** Equal keys are the same request however it was written (word order, case, punctuation, filler words). */
export function kunciUsulan(uraian: string): string {
  const words = kataUsulan(uraian);
  return words.length ? words.join(" ") : uraian.trim().toLowerCase().replace(/\s+/g, " ");
}

/** How alike two keys are: the share of words they have in common (Jaccard), 0–1. */
export function kemiripan(a: string, b: string): number {
  const x = new Set(a.split(" "));
  const y = new Set(b.split(" "));
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return both / (x.size + y.size - both);
}

/**
 * Keys at least this alike are counted as one request: "izin keramaian" and "izin keramaian hajatan" (2/3),
 * "hajatan izin keramaian" and "izin keramaian pernikahan" (2/4); not "izin keramaian" and "izin usaha" (1/3).
 */
export const MIRIP = 0.5;

export interface Kelompok<T> {
  /** the key of the group's most frequent wording */
  kunci: string;
  anggota: T[];
}

/**
 * Similar requests together: first those with equal keys, then groups whose keys are alike (MIRIP), the larger
 * group taking the smaller. Largest first, then the most recent. Deterministic for the same rows.
 */
export function kelompokkanUsulan<T extends { kunci: string; createdAt: Date }>(rows: readonly T[]): Kelompok<T>[] {
  const exact = new Map<string, T[]>();
  for (const r of rows) exact.set(r.kunci, [...(exact.get(r.kunci) ?? []), r]);
  const latest = (xs: readonly T[]) => Math.max(...xs.map((r) => r.createdAt.getTime()));
  const order = (a: Kelompok<T>, b: Kelompok<T>) =>
    b.anggota.length - a.anggota.length || latest(b.anggota) - latest(a.anggota) || a.kunci.localeCompare(b.kunci);
  const groups: Kelompok<T>[] = [...exact].map(([kunci, anggota]) => ({ kunci, anggota })).sort(order);
  const out: Kelompok<T>[] = [];
  for (const g of groups) {
    const into = out.find((o) => kemiripan(o.kunci, g.kunci) >= MIRIP);
    if (into) into.anggota.push(...g.anggota);
    else out.push({ kunci: g.kunci, anggota: [...g.anggota] });
  }
  for (const g of out) g.anggota.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  return out.sort(order);
}

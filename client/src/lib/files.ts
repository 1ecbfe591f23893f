// the same wording and units the API uses in its own messages
import { ALLOWED_DEFAULT, daftarJenis, formatUkuran } from "../../../server/shared/files";

export { daftarJenis, formatUkuran, ALLOWED_DEFAULT };

const EXTENSION_MIME: Record<string, string> = {
  pdf: "application/pdf",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  png: "image/png",
  mp4: "video/mp4",
  mov: "video/quicktime",
  webm: "video/webm",
};

/** The type the browser reports, or the one the name's extension implies (some phones report none). */
export function guessMime(file: { name: string; type: string }): string {
  if (file.type) return file.type === "image/jpg" ? "image/jpeg" : file.type;
  const ext = file.name.split(".").pop()?.toLowerCase() ?? "";
  return EXTENSION_MIME[ext] ?? "";
}

/** For `<input accept>`: the types and their extensions. */
export function acceptAttr(allowed: readonly string[]): string {
  const exts = Object.entries(EXTENSION_MIME)
    .filter(([, m]) => allowed.includes(m))
    .map(([e]) => `.${e}`);
  return [...allowed, ...exts].join(",");
}

/**
 * Checks a chosen file before sending it, with the API's rules (the API checks the content again):
 * a message in Indonesian, or null when it may be sent.
 */
export function checkFile(file: { name: string; type: string; size: number }, allowed: readonly string[], maxBytes: number): string | null {
  if (file.size === 0) return "Berkas kosong. Pilih berkas yang berisi dokumen.";
  const mime = guessMime(file);
  if (!allowed.includes(mime)) return `Jenis berkas ini tidak diterima. Pilih berkas ${daftarJenis(allowed)}.`;
  if (file.size > maxBytes)
    return `Ukuran berkas ${formatUkuran(file.size)}, melebihi batas ${formatUkuran(maxBytes)}. Perkecil dulu (misalnya foto ulang dengan resolusi lebih rendah atau pindai sebagai PDF).`;
  return null;
}

/**
 * Pure rules for uploaded documents (MasPeci 5.4: "Format file yang diizinkan: PDF, JPG, PNG";
 * "Ukuran maksimal per file"). No I/O: `store.ts` reads the bytes and calls these.
 *
 *   ALLOWED_DEFAULT                  the MIME types a requirement accepts unless it says otherwise
 *   MIME_LABEL / mimeLabel(mime)     'application/pdf' -> 'PDF' (what a citizen recognises)
 *   daftarJenis(allowed)             ['application/pdf', 'image/jpeg', 'image/png'] -> 'PDF, JPG, atau PNG'
 *   formatUkuran(bytes)              2097152 -> '2 MB', 1572864 -> '1,5 MB'
 *   sanitizeFileName(name, mime?)    a display/download name that is safe anywhere
 */

export const ALLOWED_DEFAULT: readonly string[] = Object.freeze(["application/pdf", "image/jpeg", "image/png"]);

export const MIME_LABEL: Readonly<Record<string, string>> = Object.freeze({
  "application/pdf": "PDF",
  "image/jpeg": "JPG",
  "image/png": "PNG",
});

/** The extension a stored name gets for each allowed type; the first is the one added when missing. */
const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  "application/pdf": ["pdf"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/png": ["png"],
};

/** Label for a MIME type; for types we do not accept, the subtype in capitals ('application/zip' -> 'ZIP'). */
export function mimeLabel(mime: string): string {
  const known = MIME_LABEL[mime];
  if (known) return known;
  const sub = mime.split("/").pop() ?? mime;
  return sub.replace(/^(x-|vnd\.)/, "").toUpperCase();
}

/** Indonesian list with "atau": 'PDF', 'PDF atau PNG', 'PDF, JPG, atau PNG' (PUEBI keeps the serial comma). */
export function daftarJenis(allowed: readonly string[]): string {
  const labels = [...new Set(allowed.map(mimeLabel))];
  if (labels.length <= 1) return labels[0] ?? "";
  if (labels.length === 2) return `${labels[0]} atau ${labels[1]}`;
  return `${labels.slice(0, -1).join(", ")}, atau ${labels[labels.length - 1]}`;
}

/**
 * Size for people, binary units as the 2 MB limit is written (2 MB = 2 097 152 bytes), Indonesian decimal
 * comma, at most one decimal: 2097152 -> '2 MB', 1572864 -> '1,5 MB', 500 * 1024 -> '500 KB', 12 -> '12 byte'.
 */
export function formatUkuran(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) throw new RangeError(`formatUkuran: invalid size ${bytes}`);
  const units = ["KB", "MB", "GB"];
  if (bytes < 1024) return `${Math.round(bytes)} byte`;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = Math.round(value * 10) / 10;
  const text = Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1).replace(".", ",");
  return `${text} ${units[unit]}`;
}

const MAX_NAME_LENGTH = 120;
const FALLBACK_NAME = "dokumen";
// C0/C1 controls, and the invisible format characters that make "laporan\u202Efdp.exe" display as
// "laporanexe.pdf" (bidi overrides/isolates) or hide text (zero-width, BOM).
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this pattern's purpose
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;
// Reserved on Windows (and '/' everywhere); '%' and ';' are dropped too because they break naive
// Content-Disposition headers and URL templates downstream.
const RESERVED = /[<>:"/\\|?*%;]/g;
// Device names Windows refuses whatever the extension ('CON.pdf' opens the console, not a file).
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const SAFE_EXTENSION = /^[a-z0-9]{1,10}$/i;

/**
 * Turns a client-supplied file name into one that is safe to show, store and send back in a download:
 * - only the last path segment is kept ('../../etc/passwd' -> 'passwd', 'C:\\x\\a.pdf' -> 'a.pdf');
 * - control and invisible format characters are removed, runs of whitespace become one space;
 * - reserved characters become '_'; leading and trailing dots/spaces are trimmed ('.pdf' -> 'dokumen.pdf');
 * - Windows device names get a '_' suffix ('CON.pdf' -> 'CON_.pdf');
 * - the extension is kept (lowercased) only if it is 1–10 ASCII letters/digits; with `mime` (the type detected from
 *   the content) it is made to match that type ('scan.png' that is really a PDF -> 'scan.pdf');
 * - at most 120 characters (code points, so an emoji is never cut in half), extension included;
 * - never empty: 'dokumen' (plus the extension).
 */
export function sanitizeFileName(name: string, mime?: string): string {
  let s = String(name ?? "").normalize("NFC");
  s = s.replace(/\r\n?|\n/g, " ");
  s = s.split(/[/\\]/).pop() ?? "";
  s = s.replace(INVISIBLE, "");
  s = s.replace(RESERVED, "_");
  s = s.replace(/\s+/g, " ");
  s = s.replace(/[\s.]+$/, "");

  let base = s;
  let ext = "";
  const dot = s.lastIndexOf(".");
  if (dot >= 0) {
    const candidate = s.slice(dot + 1);
    if (SAFE_EXTENSION.test(candidate)) {
      base = s.slice(0, dot);
      ext = candidate.toLowerCase();
    }
  }
  // '.pdf' is an extension without a name; leading dots would hide the file on Unix
  base = base.replace(/^[\s.]+/, "").replace(/[\s.]+$/, "");

  const wanted = mime ? EXTENSIONS[mime] : undefined;
  if (wanted && !wanted.includes(ext)) {
    // the old extension lied about the content and is dropped; a numeric one was never an extension
    // ('laporan v1.2' stays 'laporan v1.2.pdf')
    if (/^[0-9]+$/.test(ext)) base = `${base}.${ext}`;
    ext = wanted[0];
  }

  const firstSegment = base.split(".")[0];
  if (WINDOWS_DEVICE.test(firstSegment)) base = `${firstSegment}_${base.slice(firstSegment.length)}`;
  if (!base) base = FALLBACK_NAME;

  const suffix = ext ? `.${ext}` : "";
  const room = MAX_NAME_LENGTH - suffix.length;
  const chars = Array.from(base);
  if (chars.length > room)
    base =
      chars
        .slice(0, room)
        .join("")
        .replace(/[\s.]+$/, "") || FALLBACK_NAME;
  return base + suffix;
}

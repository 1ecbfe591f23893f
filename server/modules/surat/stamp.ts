/**
 * The verification stamp on result PDFs an officer uploads (issue 15): Loket did not make them, so nothing on them
 * says where to check them until this is drawn in every page's footer.
 *
 *   capPdf(pdf, { kode, url, teks? })  -> Promise<HasilCap>   the stamped PDF, or the same bytes and why not
 *   sudahDitandatangani(pdf)           -> boolean             the file carries a signature dictionary
 *
 * The stamp sits in the bottom margin of each page as the page is shown (its /Rotate and crop box taken into
 * account): a QR code of `url` (18 mm on an A4 page) at the bottom right and one line "Verifikasi keaslian: <url> —
 * kode <kode>" at the bottom left, both scaled with the page's shorter side. The QR's own white quiet zone keeps it
 * readable where the margin is not empty.
 *
 * The stamp rewrites the file (pdf-lib), so it is never applied to a signed PDF: the signature would be broken.
 * Such a file, an encrypted one and one pdf-lib cannot read or rewrite come back unchanged with `dicap: false` and
 * the reason; the officer's upload does not fail because of its PDF.
 *
 * pdf-lib and qrcode load with the first stamp, not when the server starts (tests/process/npm-start): the server
 * reaches this module only through `await import("../surat/stamp")` (pengajuan/service.ts), never statically. The
 * packages are imported statically here, as bukti.ts does, because a dynamic import of the bundled pdf-lib loses its
 * named exports (tests/code/dynamic-imports.test.ts).
 */
import { PDFDocument, StandardFonts, degrees, rgb } from "pdf-lib";
import QRCode from "qrcode";
import { winAnsiSafe } from "../pengajuan/bukti";
import { findSignatureDictionaries } from "./verify-pdf";

export interface CapOptions {
  /** the verification code, ABCD-EFGH-JKLM */
  kode: string;
  /** what the QR code encodes: `<publicUrl>/verifikasi/<kode>` */
  url: string;
  /** the footer line; "Verifikasi keaslian: <url> — kode <kode>" by default */
  teks?: string;
}

/** Why a PDF was left as it is. */
export type AlasanTanpaCap = "BERTANDA_TANGAN" | "TERENKRIPSI" | "RUSAK";

export type HasilCap = { pdf: Uint8Array; dicap: true } | { pdf: Uint8Array; dicap: false; alasan: AlasanTanpaCap };

const MM = 72 / 25.4;
/** the page size the stamp's measures are for (A4's shorter side); other pages scale within the bounds below */
const A4_SHORT = 595.28;
const QR_MM = 18;
const MARGIN_MM = 6;
const GAP_MM = 4;
const TEXT_SIZE = 7;

/**
 * Whether `pdf` carries a signature dictionary: a `/ByteRange` found as plain text, as verify-pdf.ts finds the
 * signatures it checks (a signature's byte range cannot point into a compressed object stream).
 */
export function sudahDitandatangani(pdf: Uint8Array): boolean {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString("latin1");
  return findSignatureDictionaries(text, 0).total > 0;
}

/** Stamps every page of `pdf` (see the file comment); `pdf` itself is not modified. */
export async function capPdf(pdf: Uint8Array, opts: CapOptions): Promise<HasilCap> {
  if (sudahDitandatangani(pdf)) return { pdf, dicap: false, alasan: "BERTANDA_TANGAN" };
  const qrPng = await QRCode.toBuffer(opts.url, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 400 });
  const teks = winAnsiSafe(opts.teks ?? `Verifikasi keaslian: ${opts.url} — kode ${opts.kode}`);

  let doc: PDFDocument;
  try {
    // read even when encrypted, to tell that case apart (pdf-lib's EncryptedPDFError fails instanceof); the
    // original's metadata (producer, dates) stays as the officer's file had it
    doc = await PDFDocument.load(pdf, { ignoreEncryption: true, updateMetadata: false });
  } catch {
    return { pdf, dicap: false, alasan: "RUSAK" };
  }
  // pdf-lib cannot decrypt: what it would write is unreadable
  if (doc.isEncrypted) return { pdf, dicap: false, alasan: "TERENKRIPSI" };
  try {
    const pages = doc.getPages();
    if (pages.length === 0) return { pdf, dicap: false, alasan: "RUSAK" };
    const [qr, font] = await Promise.all([doc.embedPng(qrPng), doc.embedFont(StandardFonts.Helvetica)]);
    const color = rgb(0.25, 0.25, 0.25);
    for (const page of pages) {
      const box = page.getCropBox();
      const rotation = (((Math.round(page.getRotation().angle / 90) * 90) % 360) + 360) % 360;
      const sideways = rotation === 90 || rotation === 270;
      // the page as it is shown: W wide, H high, (u, v) from its bottom-left corner
      const W = sideways ? box.height : box.width;
      const H = sideways ? box.width : box.height;
      const toPage = (u: number, v: number): { x: number; y: number } => {
        if (rotation === 90) return { x: box.x + box.width - v, y: box.y + u };
        if (rotation === 180) return { x: box.x + box.width - u, y: box.y + box.height - v };
        if (rotation === 270) return { x: box.x + v, y: box.y + box.height - u };
        return { x: box.x + u, y: box.y + v };
      };
      const s = Math.min(1.5, Math.max(0.6, Math.min(W, H) / A4_SHORT));
      const qrSize = QR_MM * MM * s;
      const margin = MARGIN_MM * MM * s;
      // images and text are drawn from their lower-left corner, turned with the page so they read upright
      page.drawImage(qr, { ...toPage(W - margin - qrSize, margin), width: qrSize, height: qrSize, rotate: degrees(rotation) });
      const room = W - 2 * margin - qrSize - GAP_MM * MM * s;
      const natural = TEXT_SIZE * s;
      const size = Math.min(natural, (natural * room) / Math.max(1, font.widthOfTextAtSize(teks, natural)));
      if (size > 0) page.drawText(teks, { ...toPage(margin, margin + 1.5 * s), size, font, color, rotate: degrees(rotation) });
    }
    return { pdf: await doc.save(), dicap: true };
  } catch {
    // a page tree or resources pdf-lib cannot follow: the upload is kept as it came
    return { pdf, dicap: false, alasan: "RUSAK" };
  }
}

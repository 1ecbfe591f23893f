/**
 * Bukti pengajuan: the proof of submission a citizen prints or shows on a phone (MasPeci 5.3: "Tunjukkan
 * bukti pengajuan online" when collecting a document at the office). One A4 page in Indonesian with the
 * registration number, the office's local submission time, the chosen delivery option and a QR code of
 * the public tracking link. No I/O: the caller loads the data and stores or streams the bytes.
 *
 *   buktiPengajuanPdf(input)                        -> Promise<Uint8Array>   the PDF
 *   winAnsiSafe(text)                               -> text the PDF standard fonts can encode
 *
 * Personal data: only the masked NIK is printed; a value that arrives unmasked is masked here anyway.
 */
import { PDFDocument, PageSizes, StandardFonts, rgb, type PDFFont, type PDFImage, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { maskIdentity } from "../../shared/nik";
import { formatTanggalWaktu } from "../calendar/tanggal";

export interface BuktiPengajuanInput {
  nomorRegistrasi: string;
  layanan: string;
  instansi: { nama: string; alamat: string; telepon: string /** preformatted, may hold line breaks */; jamLayanan: string };
  pemohon: { nama: string; nikMasked: string };
  diajukanAt: Date;
  zonaLabel: "WIB" | "WITA" | "WIT";
  /** IANA zone of the office, e.g. 'Asia/Jakarta' */
  timeZone: string;
  pengiriman: "UNDUH" | "AMBIL";
  dokumen: Array<{ label: string; namaFile: string }>;
  /** what the QR encodes: the public tracking/verification link */
  verifikasiUrl: string;
  /** generation time printed in the footer; defaults to now (set it in tests for stable output) */
  dibuatAt?: Date;
}

// ---------------------------------------------------------------------------------------------------
// Text the standard fonts can draw

// The 14 standard PDF fonts encode WinAnsi (CP1252) only; pdf-lib throws on anything else.
const CP1252_EXTRAS = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
const WINANSI: ReadonlySet<number> = new Set([
  ...Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => 0x20 + i),
  ...Array.from({ length: 0xff - 0xa0 + 1 }, (_, i) => 0xa0 + i),
  ...Array.from(CP1252_EXTRAS, (c) => c.codePointAt(0)!),
]);
const LOOKALIKE: Readonly<Record<string, string>> = {
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
  // letters with a stroke have no decomposition
  ł: "l",
  Ł: "L",
  đ: "d",
  Đ: "D",
  ħ: "h",
  Ħ: "H",
  ı: "i",
  ŧ: "t",
  Ŧ: "T",
};

/**
 * Makes `text` drawable with Helvetica: whitespace (line breaks included) becomes a space, invisible
 * format characters go, letters outside WinAnsi lose their accents or are spelled out by compatibility
 * decomposition ('Ĳ' -> 'IJ', 'ś' -> 's'), and whatever is left is '?'. So any name prints, and never crashes.
 */
export function winAnsiSafe(text: string): string {
  let out = "";
  for (const ch of String(text ?? "").normalize("NFC")) {
    const cp = ch.codePointAt(0)!;
    if (/\s/u.test(ch)) out += " ";
    else if (WINANSI.has(cp)) out += ch;
    else if (/[\p{Cc}\p{Cf}]/u.test(ch)) continue;
    else if (LOOKALIKE[ch]) out += LOOKALIKE[ch];
    else {
      const plain = ch.normalize("NFKD").replace(/\p{M}/gu, "");
      out += plain && Array.from(plain).every((c) => WINANSI.has(c.codePointAt(0)!)) ? plain : "?";
    }
  }
  return out;
}

/** An identity number that reached us whole ('3519012345670001') is masked before it can be printed. */
function neverFullIdentity(value: string): string {
  const compact = String(value ?? "").replace(/\s+/g, "");
  return /\d{9,}/.test(compact) ? maskIdentity(compact.replace(/\D/g, "")) : value;
}

// ---------------------------------------------------------------------------------------------------
// Layout

const [PAGE_W, PAGE_H] = PageSizes.A4;
const MARGIN = 56; // 2 cm
const CONTENT_W = PAGE_W - 2 * MARGIN;
const FOOTER_TOP = MARGIN + 34;
const QR_SIZE = 128;
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.75, 0.75, 0.78);

/** Word wrap by measured width; a word wider than the line (a URL) is cut by character. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of String(text ?? "").split(/\r\n?|\n/)) {
    const words = winAnsiSafe(paragraph).split(" ").filter(Boolean);
    let line = "";
    for (let word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = "";
      while (font.widthOfTextAtSize(word, size) > width) {
        let cut = word.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(word.slice(0, cut), size) > width) cut--;
        lines.push(word.slice(0, cut));
        word = word.slice(cut);
      }
      line = word;
    }
    lines.push(line);
  }
  return lines;
}

class Writer {
  page: PDFPage;
  y: number;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {
    this.page = this.newPage();
    this.y = PAGE_H - MARGIN;
  }

  private newPage(): PDFPage {
    const page = this.doc.addPage(PageSizes.A4);
    this.pages.push(page);
    return page;
  }

  /** Starts a new page when `height` does not fit above the footer. */
  ensure(height: number) {
    if (this.y - height >= FOOTER_TOP) return;
    this.page = this.newPage();
    this.y = PAGE_H - MARGIN;
  }

  /** Wrapped text at `x` within `width`; returns the height used. */
  text(text: string, opts: { size: number; bold?: boolean; x?: number; width?: number; color?: typeof INK; gap?: number; center?: boolean }) {
    const font = opts.bold ? this.bold : this.regular;
    const x = opts.x ?? MARGIN;
    const width = opts.width ?? CONTENT_W - (x - MARGIN);
    const leading = opts.size * 1.3;
    for (const line of wrap(text, font, opts.size, width)) {
      this.ensure(leading);
      this.y -= opts.size;
      const lineX = opts.center ? x + (width - font.widthOfTextAtSize(line, opts.size)) / 2 : x;
      this.page.drawText(line, { x: lineX, y: this.y, size: opts.size, font, color: opts.color ?? INK });
      this.y -= leading - opts.size;
    }
    this.y -= opts.gap ?? 0;
  }

  rule(gapAfter = 10) {
    this.ensure(gapAfter + 1);
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: PAGE_W - MARGIN, y: this.y }, thickness: 0.8, color: RULE });
    this.y -= gapAfter;
  }

  /** A label/value row: label in a fixed column, value wrapped beside it. */
  row(label: string, value: string, width: number, labelWidth = 118) {
    const size = 10;
    const lines = wrap(value, this.regular, size, width - labelWidth);
    const leading = size * 1.35;
    this.ensure(leading * lines.length);
    this.page.drawText(winAnsiSafe(label), { x: MARGIN, y: this.y - size, size: 9, font: this.regular, color: MUTED });
    for (const line of lines) {
      this.y -= size;
      this.page.drawText(line, { x: MARGIN + labelWidth, y: this.y, size, font: this.regular, color: INK });
      this.y -= leading - size;
    }
    this.y -= 4;
  }

  /** A list item with a marker ('1.', '•') and a hanging indent. */
  item(marker: string, text: string, size = 10) {
    const indent = 22;
    const lines = wrap(text, this.regular, size, CONTENT_W - indent);
    const leading = size * 1.35;
    lines.forEach((line, i) => {
      this.ensure(leading);
      this.y -= size;
      if (i === 0) {
        const markerX = MARGIN + indent - 5 - this.regular.widthOfTextAtSize(marker, size);
        this.page.drawText(marker, { x: markerX, y: this.y, size, font: this.regular, color: INK });
      }
      this.page.drawText(line, { x: MARGIN + indent, y: this.y, size, font: this.regular, color: INK });
      this.y -= leading - size;
    });
    this.y -= 2;
  }
}

// ---------------------------------------------------------------------------------------------------
// The document

export async function buktiPengajuanPdf(input: BuktiPengajuanInput): Promise<Uint8Array> {
  const dibuatAt = input.dibuatAt ?? new Date();
  const diajukan = formatTanggalWaktu(input.diajukanAt, input.timeZone, input.zonaLabel);
  const dibuat = formatTanggalWaktu(dibuatAt, input.timeZone, input.zonaLabel);

  const doc = await PDFDocument.create();
  doc.setTitle(`Bukti Pengajuan ${input.nomorRegistrasi}`, { showInWindowTitleBar: true });
  doc.setSubject(input.layanan);
  doc.setAuthor(input.instansi.nama);
  doc.setCreator("Loket");
  doc.setProducer("Loket");
  doc.setLanguage("id-ID");
  doc.setCreationDate(dibuatAt);
  doc.setModificationDate(dibuatAt);

  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const qr = await doc.embedPng(await QRCode.toBuffer(input.verifikasiUrl, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 8 }));
  const w = new Writer(doc, regular, bold);

  // instansi header
  w.text(input.instansi.nama, { size: 13, bold: true, gap: 2 });
  w.text(input.instansi.alamat, { size: 9, color: MUTED });
  if (input.instansi.telepon.trim()) w.text(`Telp. ${input.instansi.telepon}`, { size: 9, color: MUTED });
  w.y -= 6;
  w.rule(22);

  w.text("BUKTI PENGAJUAN LAYANAN", { size: 16, bold: true, center: true, gap: 2 });
  w.text("Simpan bukti ini sampai dokumen Anda diterima.", { size: 9, color: MUTED, center: true, gap: 18 });

  // details on the left, QR code on the right
  const columnW = CONTENT_W - QR_SIZE - 20;
  const top = w.y;
  drawQr(w.page, qr, top, input.verifikasiUrl, regular);
  w.text("Nomor Registrasi", { size: 9, color: MUTED, width: columnW, gap: 2 });
  w.text(input.nomorRegistrasi, { size: 22, bold: true, width: columnW, gap: 12 });
  w.row("Layanan", input.layanan, columnW);
  w.row("Nama Pemohon", input.pemohon.nama, columnW);
  w.row("NIK", neverFullIdentity(input.pemohon.nikMasked), columnW);
  w.row("Diajukan pada", diajukan, columnW);
  w.row("Penerimaan dokumen", input.pengiriman === "AMBIL" ? "Ambil di kantor" : "Unduh online (Log Inbox)", columnW);
  w.y = Math.min(w.y, top - qrBlockHeight(input.verifikasiUrl, regular)) - 14;
  w.rule(16);

  // how the result reaches the citizen (MasPeci 5.3)
  if (input.pengiriman === "AMBIL") {
    w.text("Cara mengambil dokumen di kantor", { size: 11, bold: true, gap: 4 });
    w.item("1.", `Setelah status pengajuan SELESAI, datang ke ${input.instansi.nama}, ${input.instansi.alamat}.`);
    w.item("2.", "Bawa dokumen identitas asli (KTP-el atau identitas lain yang sah).");
    w.item("3.", "Tunjukkan bukti pengajuan ini kepada petugas, dicetak atau dari layar ponsel.");
    w.item("4.", "Ambil dokumen fisik yang telah dicetak.");
    w.y -= 2;
    w.text("Jam layanan:", { size: 9, color: MUTED, gap: 1 });
    w.text(input.instansi.jamLayanan, { size: 9, gap: 10 });
  } else {
    w.text("Cara menerima dokumen", { size: 11, bold: true, gap: 4 });
    w.item("•", "Setelah pengajuan selesai diproses, dokumen hasil dikirim ke Log Inbox akun Anda.");
    w.item("•", "Dokumen dapat diunduh kapan saja dengan koneksi internet, dengan tanda tangan elektronik jika berlaku.");
    w.y -= 8;
  }
  w.text("Pantau status pengajuan di menu Log Pengajuan atau dengan memindai kode QR di atas.", { size: 9, color: MUTED, gap: 14 });

  w.text("Dokumen yang diunggah", { size: 11, bold: true, gap: 4 });
  if (input.dokumen.length === 0) w.text("Tidak ada dokumen yang diunggah.", { size: 10 });
  input.dokumen.forEach((d, i) => {
    w.item(`${i + 1}.`, `${d.label}: ${d.namaFile}`);
  });

  // footer on every page
  w.pages.forEach((page, i) => {
    page.drawLine({ start: { x: MARGIN, y: FOOTER_TOP - 8 }, end: { x: PAGE_W - MARGIN, y: FOOTER_TOP - 8 }, thickness: 0.5, color: RULE });
    page.drawText("Dokumen ini dibuat secara elektronik oleh Loket.", { x: MARGIN, y: FOOTER_TOP - 22, size: 8, font: regular, color: MUTED });
    page.drawText(winAnsiSafe(`Dibuat pada ${dibuat}`), { x: MARGIN, y: FOOTER_TOP - 33, size: 8, font: regular, color: MUTED });
    if (w.pages.length > 1) {
      const label = `Halaman ${i + 1} dari ${w.pages.length}`;
      page.drawText(label, { x: PAGE_W - MARGIN - regular.widthOfTextAtSize(label, 8), y: FOOTER_TOP - 22, size: 8, font: regular, color: MUTED });
    }
  });

  return doc.save({ useObjectStreams: false });
}

const QR_LINK_SIZE = 6.5;

function qrLinkLines(url: string, font: PDFFont): string[] {
  return wrap(url, font, QR_LINK_SIZE, QR_SIZE);
}

function qrBlockHeight(url: string, font: PDFFont): number {
  return QR_SIZE + 6 + qrLinkLines(url, font).length * QR_LINK_SIZE * 1.3;
}

function drawQr(page: PDFPage, image: PDFImage, top: number, url: string, font: PDFFont) {
  const x = PAGE_W - MARGIN - QR_SIZE;
  page.drawImage(image, { x, y: top - QR_SIZE, width: QR_SIZE, height: QR_SIZE });
  let y = top - QR_SIZE - 6;
  for (const line of qrLinkLines(url, font)) {
    y -= QR_LINK_SIZE;
    page.drawText(line, { x: x + (QR_SIZE - font.widthOfTextAtSize(line, QR_LINK_SIZE)) / 2, y, size: QR_LINK_SIZE, font, color: MUTED });
    y -= QR_LINK_SIZE * 0.3;
  }
}

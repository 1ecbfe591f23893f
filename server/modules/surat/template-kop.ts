/**
 * The kop surat of a letter template (issue 15): drawn plainly from an office's data, made from a letterhead image, or
 * measured. pdf-lib only (no pdfme), so the demo seed can draw its letterheads without loading the generator.
 *
 *   ukuranHalaman(pdf)                   -> the page sizes of a kop surat, in millimetres
 *   kopSuratSederhana(instansi)          -> a plain kop surat (name, address, contacts, a rule)
 *   kopDariGambar(bytes, mime)           -> an A4 kop surat from a letterhead image (PNG/JPEG) across the top
 */
import { PDFDocument, PageSizes, StandardFonts, rgb } from "pdf-lib";
import { winAnsiSafe } from "../pengajuan/bukti";
import type { UkuranHalaman } from "./template";

const MM_PER_PT = 25.4 / 72;

/** The page sizes of a PDF in millimetres; throws when the bytes are not a readable PDF. */
export async function ukuranHalaman(pdf: Uint8Array): Promise<UkuranHalaman[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const { width, height } = page.getSize();
    return { width: width * MM_PER_PT, height: height * MM_PER_PT };
  });
}

export interface KopInstansi {
  nama: string;
  /** the parent body printed above the name, e.g. "PEMERINTAH KABUPATEN KLATEN" */
  induk?: string;
  alamat?: string;
  telepon?: string;
  email?: string;
  website?: string;
}

/** A plain A4 kop surat: the parent body, the office's name, its address and contacts, centred, and a double rule. */
export async function kopSuratSederhana(kop: KopInstansi): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(`Kop surat ${winAnsiSafe(kop.nama)}`);
  doc.setProducer("Loket");
  doc.setCreationDate(new Date(0));
  doc.setModificationDate(new Date(0));
  const page = doc.addPage(PageSizes.A4);
  const [w, h] = PageSizes.A4;
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  let y = h - 50;
  const centre = (line: string, size: number, font = regular) => {
    const t = winAnsiSafe(line);
    // a long name is set smaller rather than cut
    let s = size;
    while (s > 7 && font.widthOfTextAtSize(t, s) > w - 100) s -= 0.5;
    page.drawText(t, { x: (w - font.widthOfTextAtSize(t, s)) / 2, y, size: s, font, color: rgb(0, 0, 0) });
    y -= s + 4;
  };
  if (kop.induk) centre(kop.induk.toUpperCase(), 13, bold);
  centre(kop.nama.toUpperCase(), 15, bold);
  if (kop.alamat) centre(kop.alamat.replace(/\s+/g, " "), 9.5);
  const kontak = [kop.telepon && `Telepon ${kop.telepon.replace(/\s+/g, " ")}`, kop.email && `Pos-el ${kop.email}`, kop.website && `Laman ${kop.website}`]
    .filter(Boolean)
    .join("  ·  ");
  if (kontak) centre(kontak, 9);
  y -= 2;
  page.drawLine({ start: { x: 50, y }, end: { x: w - 50, y }, thickness: 2 });
  page.drawLine({ start: { x: 50, y: y - 3 }, end: { x: w - 50, y: y - 3 }, thickness: 0.6 });
  return doc.save();
}

/** An A4 kop surat from a letterhead image: the image across the top at the page's width less the margins. */
export async function kopDariGambar(bytes: Uint8Array, mime: "image/png" | "image/jpeg"): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setProducer("Loket");
  const page = doc.addPage(PageSizes.A4);
  const [w, h] = PageSizes.A4;
  const img = mime === "image/png" ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  const maxW = w - 60;
  const maxH = h / 3;
  const scale = Math.min(maxW / img.width, maxH / img.height);
  const iw = img.width * scale;
  const ih = img.height * scale;
  page.drawImage(img, { x: (w - iw) / 2, y: h - 30 - ih, width: iw, height: ih });
  return doc.save();
}

/**
 * Daftar hadir: the attendance list of a training session, printed and signed by hand (Madiun's SPSE training
 * keeps one). A4 portrait, as many pages as the participants need, each with the session's heading and the page
 * number: no., name, organisation, position, check-in time, and an empty box to sign. Seat holders only (the
 * waiting list is not invited). No identity numbers. No I/O: the caller loads the rows and streams the bytes.
 */
import { PDFDocument, PageSizes, StandardFonts, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { winAnsiSafe } from "../pengajuan/bukti";
import { formatTanggalJam } from "../calendar/tanggal";

export interface DaftarHadirInput {
  instansi: string;
  judul: string;
  layanan: string;
  mulai: Date;
  selesai: Date;
  tempat: string;
  timeZone: string;
  zonaLabel: string;
  peserta: Array<{ nama: string; organisasi: string; jabatan: string; hadirAt: Date | null; status: string }>;
  /** printed in the footer; defaults to now */
  dibuatAt?: Date;
}

const MARGIN = 40;
const ROW_H = 30;
// No. | Nama | Instansi/perusahaan | Jabatan | Jam hadir | Tanda tangan
const COLS = [28, 140, 130, 90, 52, 75] as const;
const HEAD = ["No.", "Nama", "Instansi/perusahaan", "Jabatan", "Hadir", "Tanda tangan"];

function pangkas(font: PDFFont, text: string, size: number, width: number): string {
  let t = winAnsiSafe(text);
  if (font.widthOfTextAtSize(t, size) <= width) return t;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1);
  return `${t}…`;
}

export async function daftarHadirPdf(input: DaftarHadirInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(winAnsiSafe(`Daftar hadir ${input.judul}`));
  doc.setCreator("Loket");
  doc.setLanguage("id-ID");
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const [w, h] = PageSizes.A4;
  const waktu = (d: Date) => formatTanggalJam(d, input.timeZone, input.zonaLabel);
  const jam = (d: Date) =>
    new Intl.DateTimeFormat("id-ID", { timeZone: input.timeZone, hour: "2-digit", minute: "2-digit", hour12: false }).format(d).replace(":", ".");
  const pages: PDFPage[] = [];

  const newPage = (): { page: PDFPage; y: number } => {
    const page = doc.addPage([w, h]);
    pages.push(page);
    let y = h - MARGIN;
    const line = (text: string, size: number, f: PDFFont = font) => {
      page.drawText(pangkas(f, text, size, w - 2 * MARGIN), { x: MARGIN, y: y - size, size, font: f });
      y -= size + 6;
    };
    line(input.instansi, 10);
    line("DAFTAR HADIR PELATIHAN", 14, bold);
    line(input.judul, 12, bold);
    line(`Layanan: ${input.layanan}`, 10);
    line(`Waktu: ${waktu(input.mulai)} s.d. ${waktu(input.selesai)}`, 10);
    line(`Tempat: ${input.tempat}`, 10);
    y -= 6;
    // the table's heading row
    let x = MARGIN;
    page.drawRectangle({ x: MARGIN, y: y - 18, width: w - 2 * MARGIN, height: 18, color: rgb(0.9, 0.9, 0.9) });
    HEAD.forEach((label, i) => {
      page.drawText(label, { x: x + 3, y: y - 13, size: 9, font: bold });
      x += COLS[i]!;
    });
    y -= 18;
    return { page, y };
  };

  let { page, y } = newPage();
  if (input.peserta.length === 0) page.drawText("Belum ada peserta yang memegang kursi.", { x: MARGIN, y: y - 20, size: 10, font });
  input.peserta.forEach((p, n) => {
    if (y - ROW_H < MARGIN + 30) ({ page, y } = newPage());
    const cells = [String(n + 1), p.nama, p.organisasi || "-", p.jabatan || "-", p.hadirAt ? jam(p.hadirAt) : p.status === "TIDAK_HADIR" ? "tidak" : "", ""];
    let x = MARGIN;
    cells.forEach((text, i) => {
      page.drawRectangle({ x, y: y - ROW_H, width: COLS[i]!, height: ROW_H, borderColor: rgb(0.4, 0.4, 0.4), borderWidth: 0.5 });
      if (text) page.drawText(pangkas(font, text, 9, COLS[i]! - 6), { x: x + 3, y: y - ROW_H / 2 - 3, size: 9, font });
      x += COLS[i]!;
    });
    y -= ROW_H;
  });

  const dibuat = waktu(input.dibuatAt ?? new Date());
  pages.forEach((pg, i) => {
    pg.drawText(winAnsiSafe(`Dicetak dari Loket ${dibuat} - halaman ${i + 1} dari ${pages.length} - ${input.peserta.length} peserta`), {
      x: MARGIN,
      y: MARGIN - 16,
      size: 8,
      font,
      color: rgb(0.3, 0.3, 0.3),
    });
  });
  return doc.save();
}

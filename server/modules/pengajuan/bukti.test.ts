import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFNumber, PDFRawStream, StandardFonts, decodePDFRawStream, type PDFPage } from "pdf-lib";
import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { formatTanggal, formatTanggalWaktu } from "../calendar/tanggal";
import { buktiPengajuanPdf, winAnsiSafe, type BuktiPengajuanInput } from "./bukti";

const FULL_NIK = "3519015708900001";

const input = (over: Partial<BuktiPengajuanInput> = {}): BuktiPengajuanInput => ({
  nomorRegistrasi: "KMG/2026/000123",
  layanan: "Legalisir Buku Nikah",
  instansi: {
    nama: "Kantor Kementerian Agama Kabupaten Madiun",
    alamat: "Jl. Raya Tiron No. 1, Kabupaten Madiun, Jawa Timur 63151",
    telepon: "(0351) 123456",
    jamLayanan: "Senin–Kamis, 08.00–15.30 WIB\nJumat, 08.00–16.00 WIB",
  },
  pemohon: { nama: "Siti Rahmawati", nikMasked: "3519********0001" },
  diajukanAt: new Date("2026-03-25T07:05:00Z"),
  zonaLabel: "WIB",
  timeZone: "Asia/Jakarta",
  pengiriman: "AMBIL",
  dokumen: [
    { label: "Buku Nikah", namaFile: "buku-nikah.pdf" },
    { label: "KTP-el", namaFile: "ktp.jpg" },
  ],
  verifikasiUrl: "https://loket.kemenagmadiun.go.id/lacak/KMG-2026-000123?kode=AB12CD34",
  dibuatAt: new Date("2026-03-25T07:06:00Z"),
  ...over,
});

// ---------------------------------------------------------------------------------------------------
// Reading the PDF back: pdf-lib draws each line as one `<hex> Tj` in a Flate content stream

function contentOf(doc: PDFDocument, page: PDFPage): string {
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => doc.context.lookup(r)) : [contents];
  return streams.map((s) => Buffer.from(decodePDFRawStream(s as PDFRawStream).decode()).toString("latin1")).join("\n");
}

// 0x80–0x9F of WinAnsi (CP1252); Node's TextDecoder reads "windows-1252" as Latin-1 there
const CP1252_80 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";
const cp1252 = (bytes: Buffer) => Array.from(bytes, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_80[b - 0x80] : String.fromCharCode(b))).join("");

/** The drawn text lines of all pages, decoded from WinAnsi. */
function linesOf(doc: PDFDocument): string[] {
  return doc.getPages().flatMap((page) => [...contentOf(doc, page).matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => cp1252(Buffer.from(m[1], "hex"))));
}

function imagesOf(doc: PDFDocument, page: PDFPage): PDFRawStream[] {
  const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of("XObject"), PDFDict);
  if (!xobjects) return [];
  return xobjects
    .values()
    .map((ref) => doc.context.lookup(ref))
    .filter((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of("Subtype")) === PDFName.of("Image"));
}

const num = (d: PDFDict, key: string) => (d.get(PDFName.of(key)) as PDFNumber).asNumber();

async function generate(over: Partial<BuktiPengajuanInput> = {}) {
  const bytes = await buktiPengajuanPdf(input(over));
  const doc = await PDFDocument.load(bytes);
  const lines = linesOf(doc);
  return { bytes, doc, lines, text: lines.join("\n"), joined: lines.join("") };
}

// ---------------------------------------------------------------------------------------------------

describe("formatTanggalWaktu", () => {
  it("writes the office's local date and time in Indonesian", () => {
    const at = new Date("2026-03-25T07:05:00Z");
    expect(formatTanggalWaktu(at, "Asia/Jakarta", "WIB")).toBe("25 Maret 2026 pukul 14.05 WIB");
    expect(formatTanggalWaktu(at, "Asia/Makassar", "WITA")).toBe("25 Maret 2026 pukul 15.05 WITA");
    expect(formatTanggalWaktu(at, "Asia/Jayapura", "WIT")).toBe("25 Maret 2026 pukul 16.05 WIT");
    expect(formatTanggal(at, "Asia/Jakarta")).toBe("25 Maret 2026");
  });

  it("crosses midnight and the year in the office's zone, with a 24-hour clock", () => {
    expect(formatTanggalWaktu(new Date("2026-12-31T17:30:00Z"), "Asia/Jakarta", "WIB")).toBe("1 Januari 2027 pukul 00.30 WIB");
    expect(formatTanggalWaktu(new Date("2026-08-17T02:00:00Z"), "Asia/Jayapura", "WIT")).toBe("17 Agustus 2026 pukul 11.00 WIT");
    expect(formatTanggalWaktu(new Date("2026-05-01T15:59:00Z"), "Asia/Makassar", "WITA")).toBe("1 Mei 2026 pukul 23.59 WITA");
  });

  it("refuses an invalid date or zone", () => {
    expect(() => formatTanggalWaktu(new Date("nope"), "Asia/Jakarta", "WIB")).toThrow(RangeError);
    expect(() => formatTanggalWaktu(new Date(), "Mars/Olympus", "WIB")).toThrow(RangeError);
  });
});

describe("winAnsiSafe", () => {
  it("keeps what Helvetica can draw and replaces the rest", () => {
    expect(winAnsiSafe("Ñoño Ĳssel 😀")).toBe("Ñoño IJssel ?");
    expect(winAnsiSafe("Śląski Łukasz")).toBe("Slaski Lukasz");
    expect(winAnsiSafe("Senin–Kamis “08.00” €5")).toBe("Senin–Kamis “08.00” €5");
    expect(winAnsiSafe("baris\nbaru\tdan\u200b\u202etak terlihat")).toBe("baris baru dantak terlihat");
    expect(winAnsiSafe("名前 Имя")).toBe("?? ???");
  });

  it("only ever yields characters the standard font encodes", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const nasty = "Ñoño Ĳssel 😀 Ǆ ﬁ ① Ω 名 \u0000\u0085\u2028 \ud800 ł ß ø Æ ‐ − ′";
    expect(() => font.encodeText(winAnsiSafe(nasty))).not.toThrow();
    // and drops nothing the font could have drawn
    const charset = String.fromCodePoint(...font.getCharacterSet().filter((c) => c > 0x20 && c !== 0xa0));
    expect(winAnsiSafe(charset)).toBe(charset);
  });
});

describe("buktiPengajuanPdf", () => {
  it("is a one-page A4 PDF with the registration number and the submission details", async () => {
    const { bytes, doc, text } = await generate();
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(595.28, 1);
    expect(height).toBeCloseTo(841.89, 1);
    expect(doc.getTitle()).toBe("Bukti Pengajuan KMG/2026/000123");

    const lines = text.split("\n");
    expect(lines).toContain("BUKTI PENGAJUAN LAYANAN");
    expect(lines).toContain("KMG/2026/000123");
    expect(lines).toContain("Kantor Kementerian Agama Kabupaten Madiun");
    expect(lines).toContain("Legalisir Buku Nikah");
    expect(lines).toContain("Siti Rahmawati");
    expect(lines).toContain("3519********0001");
    expect(lines).toContain("25 Maret 2026 pukul 14.05 WIB");
    expect(lines).toContain("Ambil di kantor");
    expect(lines).toContain("Buku Nikah: buku-nikah.pdf");
    expect(lines).toContain("KTP-el: ktp.jpg");
    expect(lines).toContain("Dokumen ini dibuat secara elektronik oleh Loket.");
    expect(lines).toContain("Dibuat pada 25 Maret 2026 pukul 14.06 WIB");
  });

  it("tells a citizen collecting at the office what to bring (MasPeci 5.3)", async () => {
    const { text, joined } = await generate({ pengiriman: "AMBIL" });
    expect(text).toContain("Bawa dokumen identitas asli");
    expect(text).toContain("Tunjukkan bukti pengajuan ini");
    expect(text).toContain("Senin–Kamis, 08.00–15.30 WIB");
    expect(text).toContain("Jumat, 08.00–16.00 WIB");
    expect(joined).toContain("Jl. Raya Tiron No. 1, Kabupaten Madiun");
  });

  it("points an online recipient to the Log Inbox", async () => {
    const { text } = await generate({ pengiriman: "UNDUH" });
    expect(text).toContain("Unduh online (Log Inbox)");
    expect(text).toContain("Log Inbox akun Anda");
    expect(text).not.toContain("Bawa dokumen identitas asli");
  });

  it("prints the verification link under the QR code", async () => {
    const { joined } = await generate();
    expect(joined).toContain("https://loket.kemenagmadiun.go.id/lacak/KMG-2026-000123?kode=AB12CD34");
  });

  it("embeds a QR code whose modules are those of the verification link", async () => {
    const url = input().verifikasiUrl;
    const { doc } = await generate();
    const images = imagesOf(doc, doc.getPage(0));
    expect(images).toHaveLength(1);
    const image = images[0];
    const w = num(image.dict, "Width");
    const h = num(image.dict, "Height");
    expect(w).toBe(h);
    const pixels = decodePDFRawStream(image).decode();
    const channels = pixels.length / (w * h);
    expect([1, 3]).toContain(channels);
    const dark = (x: number, y: number) => pixels[(y * w + x) * channels] < 128;

    // no QR decoder is installed: compare the embedded bitmap with the QR matrix of the link instead
    const qr = QRCode.create(url, { errorCorrectionLevel: "M" });
    const n = qr.modules.size;
    // the top-left finder pattern's corner is the first dark pixel on the diagonal; the quiet zone around
    // the symbol is as wide on every side
    let origin = -1;
    for (let i = 0; i < w && origin < 0; i++) if (dark(i, i)) origin = i;
    const moduleSize = (w - 2 * origin) / n;
    expect(origin).toBeGreaterThan(0);
    expect(Number.isInteger(moduleSize)).toBe(true);
    for (let row = 0; row < n; row++) {
      for (let col = 0; col < n; col++) {
        const cx = origin + col * moduleSize + (moduleSize >> 1);
        const cy = origin + row * moduleSize + (moduleSize >> 1);
        expect(dark(cx, cy), `module ${row},${col}`).toBe(Boolean(qr.modules.get(row, col)));
      }
    }
  });

  it("never shows a full NIK, even when one is passed by mistake", async () => {
    for (const nikMasked of ["3519********0001", FULL_NIK, "3519 0157 0890 0001"]) {
      const { bytes, text } = await generate({ pemohon: { nama: "Siti Rahmawati", nikMasked } });
      const raw = Buffer.from(bytes).toString("latin1");
      expect(raw).not.toContain(FULL_NIK);
      expect(text.replace(/\s/g, "")).not.toContain(FULL_NIK);
      expect(text.split("\n")).toContain("3519********0001");
    }
  });

  it("draws names with characters the standard fonts lack instead of crashing", async () => {
    const { doc, text } = await generate({
      pemohon: { nama: "Ñoño Ĳssel 😀", nikMasked: "3519********0001" },
      layanan: "Surat Keterangan 名前 ① \u202e",
      dokumen: [{ label: "Foto 😀", namaFile: "foto keluarga 😀.png" }],
      instansi: { ...input().instansi, alamat: "Jl. Łódź\u0000 No. 5\nKota Ğ" },
    });
    expect(doc.getPageCount()).toBe(1);
    expect(text).toContain("Ñoño IJssel ?");
    expect(text).toContain("Foto ?: foto keluarga ?.png");
  });

  it("wraps long values and continues a long document list on a second page", async () => {
    const { doc, text } = await generate({
      layanan: "Penerbitan Rekomendasi ".repeat(12),
      verifikasiUrl: `https://loket.example.go.id/lacak/${"X".repeat(300)}`,
      dokumen: Array.from({ length: 60 }, (_, i) => ({ label: `Dokumen pendukung ${i + 1}`, namaFile: `lampiran-${i + 1}.pdf` })),
    });
    expect(doc.getPageCount()).toBeGreaterThan(1);
    for (const page of doc.getPages()) expect(page.getSize().height).toBeCloseTo(841.89, 1);
    expect(text).toContain("Dokumen pendukung 60: lampiran-60.pdf");
    expect(text).toContain(`Halaman 1 dari ${doc.getPageCount()}`);
  });
});

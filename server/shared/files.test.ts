import { describe, expect, it } from "vitest";
import { ALLOWED_DEFAULT, MIME_LABEL, daftarJenis, formatUkuran, mimeLabel, sanitizeFileName } from "./files";

const MB = 1024 * 1024;

describe("validate", () => {
  it("labels and lists the allowed types in Indonesian", () => {
    expect(ALLOWED_DEFAULT).toEqual(["application/pdf", "image/jpeg", "image/png"]);
    expect(MIME_LABEL).toEqual({ "application/pdf": "PDF", "image/jpeg": "JPG", "image/png": "PNG" });
    expect(daftarJenis(ALLOWED_DEFAULT)).toBe("PDF, JPG, atau PNG");
    expect(daftarJenis(["application/pdf", "image/png"])).toBe("PDF atau PNG");
    expect(daftarJenis(["application/pdf"])).toBe("PDF");
    expect(mimeLabel("application/zip")).toBe("ZIP");
  });

  it("formats sizes the Indonesian way", () => {
    expect(formatUkuran(2 * MB)).toBe("2 MB");
    expect(formatUkuran(1.5 * MB)).toBe("1,5 MB");
    expect(formatUkuran(500 * 1024)).toBe("500 KB");
    expect(formatUkuran(20 * MB)).toBe("20 MB");
    expect(formatUkuran(12)).toBe("12 byte");
    expect(formatUkuran(3 * 1024 * MB)).toBe("3 GB");
    expect(() => formatUkuran(-1)).toThrow(RangeError);
  });

  describe("sanitizeFileName", () => {
    it.each([
      ["../../etc/passwd", "passwd"],
      ["C:\\Users\\budi\\Desktop\\surat.pdf", "surat.pdf"],
      ["/var/www/../ktp.JPG", "ktp.jpg"],
      ["CON.pdf", "CON_.pdf"],
      ["con", "con_"],
      ["lpt1.txt.pdf", "lpt1_.txt.pdf"],
      ["console.pdf", "console.pdf"],
      ["surat\nlamaran\r\n.pdf", "surat lamaran.pdf"],
      ["nama\u0000\u0007file.pdf", "namafile.pdf"],
      ["invoice\u202efdp.exe", "invoicefdp.exe"],
      ['a<b>c:d"e|f?g*h.pdf', "a_b_c_d_e_f_g_h.pdf"],
      ["foto keluarga 😀.png", "foto keluarga 😀.png"],
      ["  ...akta kelahiran...  ", "akta kelahiran"],
      ["", "dokumen"],
      ["...", "dokumen"],
      ["\n\t", "dokumen"],
      [".pdf", "dokumen.pdf"],
      ["laporan.tahunan-final", "laporan.tahunan-final"],
    ])("%j -> %j", (input, expected) => {
      expect(sanitizeFileName(input)).toBe(expected);
    });

    it("makes the extension match the type detected from the content", () => {
      expect(sanitizeFileName("scan.png", "application/pdf")).toBe("scan.pdf");
      expect(sanitizeFileName("invoice\u202efdp.exe", "application/pdf")).toBe("invoicefdp.pdf");
      expect(sanitizeFileName("foto.JPEG", "image/jpeg")).toBe("foto.jpeg");
      expect(sanitizeFileName("foto", "image/png")).toBe("foto.png");
      expect(sanitizeFileName("laporan v1.2", "application/pdf")).toBe("laporan v1.2.pdf");
      expect(sanitizeFileName("", "application/pdf")).toBe("dokumen.pdf");
    });

    it("keeps at most 120 characters without cutting an emoji in half", () => {
      for (const name of ["😀".repeat(300) + ".pdf", "a".repeat(500) + ".pdf", "x".repeat(119) + "😀😀.pdf"]) {
        const out = sanitizeFileName(name);
        expect(Array.from(out).length).toBeLessThanOrEqual(120);
        expect(out.endsWith(".pdf")).toBe(true);
        expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }
    });
  });
});

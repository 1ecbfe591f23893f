import { describe, expect, it } from "vitest";
import { blokJawaban, periksaJudulTopik, periksaTanyaJawab, waMe } from "./bantuan";

describe("an answer's plain text", () => {
  it("is paragraphs split by blank lines, and '- ' lines as a list", () => {
    expect(blokJawaban("Tidak.\r\n\r\nSyaratnya:\n- KTP\n* KK\n• Surat\nSelesai\nbaris dua")).toEqual([
      { jenis: "paragraf", teks: "Tidak." },
      { jenis: "paragraf", teks: "Syaratnya:" },
      { jenis: "daftar", butir: ["KTP", "KK", "Surat"] },
      { jenis: "paragraf", teks: "Selesai baris dua" },
    ]);
    expect(blokJawaban("")).toEqual([]);
  });

  it("gives markup no meaning: it stays text", () => {
    expect(blokJawaban('<script>alert(1)</script> <a href="x">y</a>')).toEqual([{ jenis: "paragraf", teks: '<script>alert(1)</script> <a href="x">y</a>' }]);
    expect(blokJawaban("-tanpa spasi")).toEqual([{ jenis: "paragraf", teks: "-tanpa spasi" }]);
  });
});

describe("the editor's checks (the same as the server's)", () => {
  it("limits the question, the answer and a topic's title", () => {
    expect(periksaTanyaJawab({ pertanyaan: " Apa? ", jawaban: "Ya" })).toEqual({ pertanyaan: "Pertanyaan 5–300 karakter." });
    expect(periksaTanyaJawab({ pertanyaan: "Apakah gratis?", jawaban: " " })).toEqual({ jawaban: "Jawaban 2–5000 karakter." });
    expect(periksaTanyaJawab({ pertanyaan: "Apakah gratis?", jawaban: "Ya" })).toEqual({});
    expect(periksaJudulTopik(" ab ")).toBe("Judul topik 3–100 karakter.");
    expect(periksaJudulTopik("Akun")).toBeNull();
  });

  it("takes Indonesian WhatsApp numbers only", () => {
    expect(waMe("0812-3456-7890")).toBe("https://wa.me/6281234567890");
    expect(waMe("+62 812 3456 7890")).toBe("https://wa.me/6281234567890");
    expect(waMe("12345")).toBeNull();
    expect(waMe("+1 202 555 0100")).toBeNull();
  });
});

/**
 * The rules of a help page (/bantuan) that the server and the browser share: the length limits of what an admin
 * writes, and how an answer's plain text is read into paragraphs and lists. Answers are never HTML: the page
 * builds its elements from these blocks, so nothing an admin types can become markup or script.
 */

export const JUDUL_TOPIK_MIN = 3;
export const JUDUL_TOPIK_MAX = 100;
export const PERTANYAAN_MIN = 5;
export const PERTANYAAN_MAX = 300;
export const JAWABAN_MIN = 2;
export const JAWABAN_MAX = 5000;
/** a search longer than this is cut (a question is never longer) */
export const CARI_MAX = 200;

export const BANTUAN_PESAN = {
  judul: `Judul topik ${JUDUL_TOPIK_MIN}–${JUDUL_TOPIK_MAX} karakter.`,
  pertanyaan: `Pertanyaan ${PERTANYAAN_MIN}–${PERTANYAAN_MAX} karakter.`,
  jawaban: `Jawaban ${JAWABAN_MIN}–${JAWABAN_MAX} karakter.`,
} as const;

/** The problems of a question as the server words them (the form checks the same before sending). */
export function periksaTanyaJawab(v: { pertanyaan: string; jawaban: string }): Partial<Record<"pertanyaan" | "jawaban", string>> {
  const out: Partial<Record<"pertanyaan" | "jawaban", string>> = {};
  const p = v.pertanyaan.trim().length;
  const j = v.jawaban.trim().length;
  if (p < PERTANYAAN_MIN || p > PERTANYAAN_MAX) out.pertanyaan = BANTUAN_PESAN.pertanyaan;
  if (j < JAWABAN_MIN || j > JAWABAN_MAX) out.jawaban = BANTUAN_PESAN.jawaban;
  return out;
}

export function periksaJudulTopik(judul: string): string | null {
  const n = judul.trim().length;
  return n < JUDUL_TOPIK_MIN || n > JUDUL_TOPIK_MAX ? BANTUAN_PESAN.judul : null;
}

export type BantuanBlok = { jenis: "paragraf"; teks: string } | { jenis: "daftar"; butir: string[] };

/**
 * An answer's text as blocks: a blank line starts a new paragraph; lines starting with "- ", "* " or "• " are
 * the items of a list. Nothing else has a meaning (no HTML, no markdown links).
 */
export function blokJawaban(text: string): BantuanBlok[] {
  const out: BantuanBlok[] = [];
  let paragraf: string[] = [];
  let daftar: string[] = [];
  const tutupParagraf = () => {
    if (paragraf.length) out.push({ jenis: "paragraf", teks: paragraf.join(" ") });
    paragraf = [];
  };
  const tutupDaftar = () => {
    if (daftar.length) out.push({ jenis: "daftar", butir: daftar });
    daftar = [];
  };
  for (const raw of text.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    const item = /^[-*•]\s+(.*)$/.exec(line);
    if (item) {
      tutupParagraf();
      daftar.push(item[1]!);
    } else if (line === "") {
      tutupParagraf();
      tutupDaftar();
    } else {
      tutupDaftar();
      paragraf.push(line);
    }
  }
  tutupParagraf();
  tutupDaftar();
  return out;
}

/** A WhatsApp number as wa.me wants it (62…, digits only), or null when it is not an Indonesian number. */
export function waMe(nomor: string): string | null {
  const s = nomor.replace(/[\s\-().]/g, "");
  const m = /^(?:\+62|62|0)(\d{7,13})$/.exec(s);
  return m ? `https://wa.me/62${m[1]}` : null;
}

/**
 * The verification page's file check (issue 15, "Verification on paper and on screen"): anyone who holds a result
 * document or a letter sends the file with its verification code and learns whether it is the file Loket issued,
 * and, for a PDF, what its electronic signatures are worth.
 *
 *   periksaBerkasVerifikasi(ctx, kode, berkas)  -> HasilPeriksaBerkas   or VerifikasiBerkasError with a stable code
 *
 * `sama`: the SHA-256 of the file sent equals the stored result's (the authoritative comparison; the browser's own
 * hash is only a convenience). For a PDF every signature is checked by verify-pdf.ts periksaPdf against the roots
 * the office's admins set (PengaturanTtd.akarPem, verifikasi-akar.ts); with none set every chain is UNTRUSTED and
 * the answer says the office has not set its roots.
 *
 * Refusals, each a VerifikasiBerkasError (never a 500): VERIFIKASI_KODE_TIDAK_DIKENAL (no result with this code,
 * or a letter still waiting for its signature), VERIFIKASI_BERKAS_KOSONG, VERIFIKASI_BERKAS_TERLALU_BESAR (over
 * BERKAS_MAX_BYTES, checked before the file is read), VERIFIKASI_BUKAN_PDF (the document was issued as a PDF and
 * the file is not one). The whole request is counted by the API's rate limit per address and per session
 * (server/protection.ts), as every public operation is; the work per request is capped by the size limit here and
 * periksaPdf's caps (signatures, /Contents, certificates, chain length).
 *
 * verify-pdf.ts (pkijs, asn1js) loads on first use.
 */
import { createHash } from "node:crypto";
import type { Context } from "../../context";
import { DomainError } from "../../lib/errors";
import { normalKodeVerifikasi } from "../pengajuan/rules";
import { akarTersimpan } from "./verifikasi-akar";
import type { HasilTandaTangan } from "./verify-pdf";

/** A refused file check: `code` stable, `message` Indonesian, `field` kode or berkas. */
export class VerifikasiBerkasError extends DomainError {}

/** A result document or letter is a few hundred KB; a scan of many pages stays well under this. */
export const BERKAS_MAX_BYTES = 10 * 1024 * 1024;

/** What the file check needs of an uploaded File (the multipart parser's DiskUpload, or a WHATWG File). */
export interface BerkasUnggahan {
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface TandaTanganBerkas extends HasilTandaTangan {
  /** integrity VALID, over the whole file, chain TRUSTED, certificate valid when signed */
  sah: boolean;
  /** one Indonesian paragraph for people */
  ringkasan: string;
}

export interface HasilPeriksaBerkas {
  /** the file sent is byte for byte the document issued */
  sama: boolean;
  /** SHA-256 of the file sent, hex */
  sha256: string;
  ukuran: number;
  pdf: boolean;
  /** the document is a letter voided after it was issued */
  dibatalkan: boolean;
  /** the office has set the roots signatures are checked against */
  akarDiatur: boolean;
  tidakBertandaTangan: boolean;
  tandaTangan: TandaTanganBerkas[];
  /** signatures found but not checked (beyond periksaPdf's cap) */
  tidakDiperiksa: number;
  /** at least one signature, and every one checked is `sah` (none left unchecked) */
  tandaTanganSah: boolean;
  /** the verdict in plain Indonesian */
  kesimpulan: string;
}

const tidakDikenal = () =>
  new VerifikasiBerkasError(
    "VERIFIKASI_KODE_TIDAK_DIKENAL",
    "Kode verifikasi tidak dikenal: tidak ada dokumen Loket yang diterbitkan dengan kode ini.",
    "kode",
  );

const isPdf = (b: Buffer) => b.subarray(0, 1024).toString("latin1").includes("%PDF-");

export async function periksaBerkasVerifikasi(ctx: Pick<Context, "prisma">, kode: string, berkas: BerkasUnggahan): Promise<HasilPeriksaBerkas> {
  const normal = normalKodeVerifikasi(kode);
  if (!normal) throw tidakDikenal();
  const [hasil, surat] = await Promise.all([
    ctx.prisma.hasilDokumen.findUnique({
      where: { kodeVerifikasi: normal },
      select: { file: { select: { sha256: true, mime: true } }, pengajuan: { select: { instansiId: true } } },
    }),
    ctx.prisma.surat.findUnique({ where: { kodeVerifikasi: normal }, select: { status: true, instansiId: true } }),
  ]);
  // a letter not (yet) signed is no result, whatever a printed draft says
  if (!hasil || (surat && surat.status !== "TERBIT" && surat.status !== "DIBATALKAN")) throw tidakDikenal();

  if (berkas.size === 0) throw new VerifikasiBerkasError("VERIFIKASI_BERKAS_KOSONG", "Berkas yang dikirim kosong.", "berkas");
  if (berkas.size > BERKAS_MAX_BYTES) throw terlaluBesar();
  const bytes = Buffer.from(await berkas.arrayBuffer());
  if (bytes.length > BERKAS_MAX_BYTES) throw terlaluBesar();

  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const sama = sha256 === hasil.file.sha256.toLowerCase();
  const dibatalkan = surat?.status === "DIBATALKAN";
  const pdf = isPdf(bytes);
  const diterbitkanPdf = !!surat || hasil.file.mime === "application/pdf";
  if (!pdf && diterbitkanPdf) {
    throw new VerifikasiBerkasError(
      "VERIFIKASI_BUKAN_PDF",
      "Berkas ini bukan PDF. Dokumen dengan kode ini diterbitkan sebagai PDF: pilih berkas PDF yang Anda terima.",
      "berkas",
    );
  }

  const instansiId = surat?.instansiId ?? hasil.pengajuan.instansiId;
  const pengaturan = await ctx.prisma.pengaturanTtd.findUnique({ where: { instansiId }, select: { akarPem: true } });
  const akar = akarTersimpan(pengaturan?.akarPem);
  const akarDiatur = akar.length > 0;

  if (!pdf) {
    return {
      sama,
      sha256,
      ukuran: bytes.length,
      pdf,
      dibatalkan,
      akarDiatur,
      tidakBertandaTangan: true,
      tandaTangan: [],
      tidakDiperiksa: 0,
      tandaTanganSah: false,
      kesimpulan: kesimpulan({ sama, dibatalkan, pdf, akarDiatur, tandaTangan: [], tidakDiperiksa: 0 }),
    };
  }

  const { periksaPdf, VerifikasiError } = await import("./verify-pdf");
  let hasilPdf: Awaited<ReturnType<typeof periksaPdf>>;
  try {
    hasilPdf = await periksaPdf(bytes, { roots: akar.map((a) => a.der), maxBytes: BERKAS_MAX_BYTES });
  } catch (err) {
    if (err instanceof VerifikasiError) throw new VerifikasiBerkasError(err.code, err.message, "berkas");
    throw err;
  }
  const tandaTangan = hasilPdf.tandaTangan.map((t) => ({ ...t, sah: sahTandaTangan(t), ringkasan: ringkasanTandaTangan(t, akarDiatur) }));
  return {
    sama,
    sha256,
    ukuran: bytes.length,
    pdf,
    dibatalkan,
    akarDiatur,
    tidakBertandaTangan: hasilPdf.tidakBertandaTangan,
    tandaTangan,
    tidakDiperiksa: hasilPdf.tidakDiperiksa,
    tandaTanganSah: tandaTangan.length > 0 && hasilPdf.tidakDiperiksa === 0 && tandaTangan.every((t) => t.sah),
    kesimpulan: kesimpulan({ sama, dibatalkan, pdf, akarDiatur, tandaTangan, tidakDiperiksa: hasilPdf.tidakDiperiksa }),
  };
}

function terlaluBesar() {
  return new VerifikasiBerkasError(
    "VERIFIKASI_BERKAS_TERLALU_BESAR",
    `Berkas terlalu besar untuk diperiksa (paling besar ${BERKAS_MAX_BYTES / 1024 / 1024} MB).`,
    "berkas",
  );
}

function sahTandaTangan(t: HasilTandaTangan): boolean {
  return t.integritas === "VALID" && t.mencakupSeluruhBerkas && t.rantai === "TRUSTED" && t.sertifikatBerlaku === "BERLAKU";
}

const RANTAI: Record<HasilTandaTangan["rantai"], string> = {
  TRUSTED: "Sertifikat penandatangan diterbitkan oleh otoritas sertifikat yang dipercaya instansi penerbit.",
  UNTRUSTED: "Sertifikat penandatangan TIDAK berasal dari otoritas sertifikat yang dipercaya instansi penerbit.",
  INCOMPLETE: "Rantai sertifikat penandatangan tidak lengkap, sehingga asal sertifikatnya tidak dapat dipastikan.",
};

const BERLAKU: Record<HasilTandaTangan["sertifikatBerlaku"], string> = {
  BERLAKU: "Sertifikat masih berlaku pada waktu penandatanganan.",
  BELUM_BERLAKU: "Sertifikat BELUM berlaku pada waktu penandatanganan.",
  KEDALUWARSA: "Sertifikat sudah KEDALUWARSA pada waktu penandatanganan.",
  TIDAK_DIKETAHUI: "Masa berlaku sertifikat tidak dapat diperiksa.",
};

/** One signature's verdict for people. */
export function ringkasanTandaTangan(t: HasilTandaTangan, akarDiatur: boolean): string {
  const siapa = t.penandatangan?.nama ? ` oleh ${t.penandatangan.nama}` : "";
  const parts: string[] = [];
  if (t.integritas === "VALID") {
    parts.push(`Tanda tangan elektronik${siapa} utuh: isi yang ditandatangani tidak berubah.`);
    if (!t.mencakupSeluruhBerkas) parts.push("Namun ada bagian yang ditambahkan ke berkas setelah tanda tangan ini dibubuhkan.");
  } else if (t.integritas === "INVALID") {
    parts.push(`Tanda tangan elektronik${siapa} TIDAK SAH: isi berkas telah diubah setelah ditandatangani.`);
  } else {
    parts.push(`Tanda tangan elektronik${siapa} tidak dapat diperiksa${t.masalah[0] ? `: ${t.masalah[0].pesan}` : "."}`);
  }
  if (t.penandatangan) {
    parts.push(akarDiatur ? RANTAI[t.rantai] : "Instansi penerbit belum mengatur sertifikat akar, sehingga asal sertifikat tidak dapat dipastikan.");
    parts.push(BERLAKU[t.sertifikatBerlaku]);
  }
  if (t.timestampValid === true) parts.push("Waktu penandatanganan dijamin oleh otoritas penanda waktu (timestamp).");
  else if (t.timestampValid === false) parts.push("Penanda waktu (timestamp) pada tanda tangan ini tidak sah.");
  return parts.join(" ");
}

function kesimpulan(x: {
  sama: boolean;
  dibatalkan: boolean;
  pdf: boolean;
  akarDiatur: boolean;
  tandaTangan: TandaTanganBerkas[];
  tidakDiperiksa: number;
}): string {
  const parts: string[] = [];
  if (x.dibatalkan) parts.push("Surat ini telah DIBATALKAN oleh instansi penerbit dan tidak berlaku lagi.");
  parts.push(
    x.sama
      ? "Berkas sesuai dengan dokumen yang diterbitkan: isinya sama persis."
      : "Berkas TIDAK sesuai dengan dokumen yang diterbitkan: isinya berbeda (mungkin telah diubah, atau berkas lain).",
  );
  if (x.pdf) {
    if (x.tandaTangan.length === 0) parts.push("Berkas ini tidak memuat tanda tangan elektronik.");
    else if (x.tandaTangan.every((t) => t.sah) && x.tidakDiperiksa === 0)
      parts.push(
        x.tandaTangan.length === 1 ? "Tanda tangan elektronik pada berkas sah." : `Semua (${x.tandaTangan.length}) tanda tangan elektronik pada berkas sah.`,
      );
    else if (x.tandaTangan.some((t) => t.integritas === "INVALID"))
      parts.push("Ada tanda tangan elektronik yang TIDAK SAH: berkas telah diubah setelah ditandatangani.");
    else if (!x.akarDiatur)
      parts.push("Tanda tangan elektronik utuh, tetapi instansi penerbit belum mengatur sertifikat akar untuk memastikan asal sertifikatnya.");
    else parts.push("Tanda tangan elektronik tidak dapat dinyatakan sah: lihat rincian tiap tanda tangan.");
    if (x.tidakDiperiksa > 0) parts.push(`${x.tidakDiperiksa} tanda tangan lain tidak diperiksa.`);
  }
  return parts.join(" ");
}

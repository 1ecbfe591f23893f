/**
 * The office's verification roots (PengaturanTtd.akarPem): the CA certificates a signed letter's chain must reach
 * on the verification page (verifikasi-berkas.ts). Its admins set them (signing-settings.ts aturAkarTtd); a
 * PKCS#12 upload does not fill them in, because the office's own certificate is not a root anyone should trust
 * for it: until an admin sets the CA of the office's certificate (or of the remote service) here, every signature
 * is reported with an untrusted chain.
 *
 *   bacaAkarPem(pem)     -> AkarTtd[]   each PEM block an X.509 CA certificate, or TtdError with a stable code
 *   akarTersimpan(pem)   -> AkarTtd[]   the stored bundle read back (a block that no longer parses is skipped)
 *
 * Node's X509Certificate only: this module is light enough to load with the schema.
 */
import { X509Certificate } from "node:crypto";
import { TtdError } from "./pades";

export interface AkarTtd {
  subjek: string;
  penerbit: string;
  /** SHA-256 of the certificate's DER, hex (lower case, no separators) */
  sidikJari: string;
  berlakuMulai: Date;
  berlakuSampai: Date;
  /** the certificate, DER */
  der: Buffer;
  /** the certificate, PEM (as stored) */
  pem: string;
}

/** A bundle of CA certificates is a few KB; more than this is not one. */
export const AKAR_MAX_CHARS = 64 * 1024;
export const AKAR_MAX_JUMLAH = 10;

const BLOK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;

function ringkas(cert: X509Certificate): AkarTtd {
  return {
    subjek: cert.subject.replace(/\n/g, ", "),
    penerbit: cert.issuer.replace(/\n/g, ", "),
    sidikJari: cert.fingerprint256.replace(/:/g, "").toLowerCase(),
    berlakuMulai: new Date(cert.validFrom),
    berlakuSampai: new Date(cert.validTo),
    der: cert.raw,
    pem: cert.toString().trim(),
  };
}

/**
 * Validates an admin's PEM bundle: only CERTIFICATE blocks (whitespace between them), each an X.509 CA
 * certificate (basicConstraints CA), at most AKAR_MAX_JUMLAH, duplicates kept once. An empty text is an empty list.
 */
export function bacaAkarPem(pem: string): AkarTtd[] {
  const text = pem.trim();
  if (!text) return [];
  if (text.length > AKAR_MAX_CHARS) throw new TtdError("TTD_AKAR_TERLALU_BESAR", "Teks sertifikat akar terlalu panjang (maks. 64 KB).", "pem");
  const blocks = [...text.matchAll(BLOK)];
  const rest = text.replace(BLOK, "").trim();
  if (blocks.length === 0 || rest) {
    throw new TtdError(
      "TTD_AKAR_PEM_RUSAK",
      "Teks sertifikat akar harus berisi satu atau beberapa blok PEM “-----BEGIN CERTIFICATE-----” … “-----END CERTIFICATE-----” saja.",
      "pem",
    );
  }
  if (blocks.length > AKAR_MAX_JUMLAH) throw new TtdError("TTD_AKAR_TERLALU_BANYAK", `Paling banyak ${AKAR_MAX_JUMLAH} sertifikat akar.`, "pem");
  const out: AkarTtd[] = [];
  blocks.forEach((m, i) => {
    const base64 = (m[1] ?? "").replace(/\s+/g, "");
    let cert: X509Certificate;
    try {
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64)) throw new Error("not base64");
      cert = new X509Certificate(Buffer.from(base64, "base64"));
    } catch {
      throw new TtdError("TTD_AKAR_BUKAN_SERTIFIKAT", `Blok ke-${i + 1} bukan sertifikat X.509 yang dapat dibaca.`, "pem");
    }
    if (!cert.ca) {
      throw new TtdError(
        "TTD_AKAR_BUKAN_CA",
        `Sertifikat ke-${i + 1} (${cert.subject.replace(/\n/g, ", ")}) bukan sertifikat CA. Masukkan sertifikat otoritas penerbit (CA), bukan sertifikat penandatangan.`,
        "pem",
      );
    }
    const r = ringkas(cert);
    if (!out.some((o) => o.sidikJari === r.sidikJari)) out.push(r);
  });
  return out;
}

/** The stored bundle, read back; what does not parse any more (it did when stored) is left out. */
export function akarTersimpan(pem: string | null | undefined): AkarTtd[] {
  if (!pem) return [];
  const out: AkarTtd[] = [];
  for (const m of pem.matchAll(BLOK)) {
    try {
      out.push(ringkas(new X509Certificate(Buffer.from((m[1] ?? "").replace(/\s+/g, ""), "base64"))));
    } catch {}
  }
  return out;
}

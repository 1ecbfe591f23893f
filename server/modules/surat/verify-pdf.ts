/**
 * Checks the signatures in a PDF someone dropped on the verification page (issue 15, "Verification on paper and
 * on screen"):
 *
 *   periksaPdf(pdf, { roots, now?, maxBytes?, maxSignatures? })  -> Promise<HasilPeriksaPdf>
 *                                                                  or throws VerifikasiError with a stable code
 *
 * For each signature dictionary, in file order: does its /ByteRange cover the whole file (a signature followed by
 * an incremental update does not), integrity (the CMS messageDigest equals the hash of the signed byte ranges AND
 * the signature over the signed attributes verifies with the signer's certificate, AND the signed
 * signing-certificate-v2 names that certificate when present), the signer, the claimed signing time, the
 * certificate's (and its issuers') validity then, and its chain to `roots` (the office's / the remote service's CA
 * certificates). The signing time is what the signer claims (/M or signingTime), and the field's name says so.
 * When the SignerInfo carries an RFC 3161 signature timestamp (PAdES B-T, id-aa-signatureTimeStampToken), the token
 * is checked too (periksaTimestampToken: its own CMS signature verifies with its certificate, that certificate is a
 * TSA's and valid at genTime, its messageImprint is the hash of the signature value) and reported (waktuTimestamp,
 * penerbitTimestamp, timestampValid, rantaiTimestamp); a valid token's genTime, not the claimed time, is when the
 * certificates must have been valid. Revocation is reported as UNKNOWN: this runs offline, no OCSP or CRL is
 * fetched, and the result says so instead of implying the certificate is good.
 *
 * The file is hostile until proven otherwise: only whole-file problems throw (not a PDF, too large); everything
 * wrong with one signature (a /ByteRange outside the file, /Contents that is not hex or not a CMS, an unknown
 * algorithm) becomes a `masalah` entry of that signature with a stable code. The work is capped: file size,
 * number of signatures, size of /Contents, certificates per CMS, chain length.
 *
 * pkijs + asn1js parse the CMS (node-forge cannot verify a CMS; pkijs reads RFC 5652 and keeps the signed
 * attributes' original encoding, which is what was signed). The checks themselves use Node's crypto
 * (createHash, verify, X509Certificate) so the verdict does not rest on a JavaScript reimplementation of RSA/EC.
 *
 * Limitation: signature dictionaries are found as plain text (`/ByteRange [...]`), as every signer writes them; a
 * signature dictionary inside a compressed object stream (which could not carry a byte range anyway) is not seen.
 */
import { createHash, verify, X509Certificate } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import { DomainError } from "../../lib/errors";

/** A whole-file failure: `code` is stable, `message` Indonesian. */
export class VerifikasiError extends DomainError {}

export interface PeriksaPdfOptions {
  /** DER CA certificates the office trusts (its own CA, the remote service's roots) */
  roots: Buffer[];
  /** when no signing time can be read, validity is judged at this time; now by default */
  now?: Date;
  /** larger files are refused; 20 MiB by default */
  maxBytes?: number;
  /** signatures after this many are counted, not checked; 10 by default */
  maxSignatures?: number;
}

export type StatusIntegritas = "VALID" | "INVALID" | "TIDAK_DAPAT_DIPERIKSA";
export type StatusRantai = "TRUSTED" | "UNTRUSTED" | "INCOMPLETE";
export type StatusBerlaku = "BERLAKU" | "BELUM_BERLAKU" | "KEDALUWARSA" | "TIDAK_DIKETAHUI";

export interface Masalah {
  kode: string;
  pesan: string;
}

export interface Penandatangan {
  /** subject CN */
  nama: string | null;
  /** subject O */
  organisasi: string | null;
  /** the certificate's serial number, upper-case hex */
  nomorSeri: string;
  /** issuer CN */
  penerbit: string | null;
  /** the subject's serialNumber attribute when it is an 18-digit NIP (how Indonesian CAs name civil servants) */
  nip: string | null;
  berlakuMulai: Date;
  berlakuSampai: Date;
  /** SHA-256 of the certificate's DER, hex */
  sidikJari: string;
}

export interface HasilTandaTangan {
  /** 1-based, in file order */
  urutan: number;
  byteRange: [number, number, number, number] | null;
  /** the byte range starts at 0 and ends at the end of the file: nothing was added after signing */
  mencakupSeluruhBerkas: boolean;
  subFilter: string | null;
  integritas: StatusIntegritas;
  /** messageDigest = hash of the byte ranges; null when it could not be checked */
  digestCocok: boolean | null;
  /** the signature over the signed attributes verifies with the signer's public key; null when not checked */
  tandaTanganCocok: boolean | null;
  /** the signed signing-certificate-v2 attribute names this certificate; null when the attribute is absent */
  sertifikatTerikat: boolean | null;
  penandatangan: Penandatangan | null;
  /** the claimed signing time (not a trusted timestamp) */
  waktuTandaTangan: Date | null;
  /** where it came from: the CMS signingTime attribute, or the signature dictionary's /M (PAdES B-B has no attribute) */
  sumberWaktu: "ATRIBUT_SIGNING_TIME" | "KAMUS_TANDA_TANGAN" | null;
  /** the signer certificate's validity at the signing time: the timestamp's when valid, else the claimed one (`now` when there is none) */
  sertifikatBerlaku: StatusBerlaku;
  /** only with an RFC 3161 signature timestamp (PAdES B-T): the TSA's genTime */
  waktuTimestamp?: Date | null;
  /** only with a timestamp: the TSA certificate's subject ("C=ID, O=..., CN=...") */
  penerbitTimestamp?: string | null;
  /** only with a timestamp: its signature verifies with the TSA's certificate (a timeStamping one, valid at genTime)
   *  and it is over this signature's value; problems are in `masalah` (TIMESTAMP_*) */
  timestampValid?: boolean;
  /** only with a timestamp: the TSA certificate's chain to `roots` (reported, not required for timestampValid) */
  rantaiTimestamp?: StatusRantai;
  rantai: StatusRantai;
  /** the certificates from the signer's up to the trusted root, as subject CNs */
  jalurRantai: string[];
  pencabutan: "UNKNOWN";
  pencabutanKeterangan: string;
  masalah: Masalah[];
}

export interface HasilPeriksaPdf {
  /** SHA-256 of the whole file, hex */
  sha256: string;
  ukuran: number;
  tidakBertandaTangan: boolean;
  tandaTangan: HasilTandaTangan[];
  /** signatures beyond `maxSignatures`, found but not checked */
  tidakDiperiksa: number;
}

const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
const DEFAULT_MAX_SIGNATURES = 10;
// /Contents of a signature with a long chain and a timestamp stays well under this (hex digits)
const MAX_CONTENTS_HEX = 512 * 1024;
const MAX_CERTIFICATES = 20;
const MAX_CHAIN = 8;

const PENCABUTAN_KETERANGAN =
  "Status pencabutan sertifikat tidak diperiksa: pemeriksaan berjalan luring, tanpa OCSP atau CRL. Sertifikat yang sudah dicabut tidak terdeteksi di sini.";

const OID = {
  signedData: "1.2.840.113549.1.7.2",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  cn: "2.5.4.3",
  o: "2.5.4.10",
  serialNumber: "2.5.4.5",
  contentType: "1.2.840.113549.1.9.3",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  signatureTimeStampToken: "1.2.840.113549.1.9.16.2.14",
  signingCertificate: "1.2.840.113549.1.9.16.2.12",
  extKeyUsage: "2.5.29.37",
  timeStamping: "1.3.6.1.5.5.7.3.8",
} as const;

const DIGESTS: Record<string, string> = {
  "2.16.840.1.101.3.4.2.1": "sha256",
  "2.16.840.1.101.3.4.2.2": "sha384",
  "2.16.840.1.101.3.4.2.3": "sha512",
};

// signature algorithm -> the hash it fixes (null: the SignerInfo's digestAlgorithm decides)
const SIGNATURES: Record<string, string | null> = {
  "1.2.840.113549.1.1.1": null, // rsaEncryption
  "1.2.840.113549.1.1.11": "sha256",
  "1.2.840.113549.1.1.12": "sha384",
  "1.2.840.113549.1.1.13": "sha512",
  "1.2.840.10045.2.1": null, // ecPublicKey
  "1.2.840.10045.4.3.2": "sha256",
  "1.2.840.10045.4.3.3": "sha384",
  "1.2.840.10045.4.3.4": "sha512",
};

const sha256Hex = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** Checks every signature of `pdf`; see the file comment. */
export async function periksaPdf(pdf: Uint8Array, opts: PeriksaPdfOptions): Promise<HasilPeriksaPdf> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxSignatures = opts.maxSignatures ?? DEFAULT_MAX_SIGNATURES;
  if (pdf.length === 0) throw new VerifikasiError("VERIFIKASI_BERKAS_KOSONG", "Berkas kosong.");
  if (pdf.length > maxBytes)
    throw new VerifikasiError("VERIFIKASI_BERKAS_TERLALU_BESAR", `Berkas terlalu besar untuk diperiksa (${pdf.length} byte; paling besar ${maxBytes} byte).`);
  const buf = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.length);
  // the header may be preceded by junk within the first 1024 bytes (ISO 32000-1, 7.5.2 and Annex H)
  if (!buf.subarray(0, 1024).toString("latin1").includes("%PDF-")) throw new VerifikasiError("VERIFIKASI_BUKAN_PDF", "Berkas ini bukan PDF.");

  const roots = parseRoots(opts.roots);
  const text = buf.toString("latin1");
  const { found, total } = findSignatureDictionaries(text, maxSignatures);
  const tandaTangan: HasilTandaTangan[] = [];
  for (const [i, dict] of found.entries()) {
    tandaTangan.push(checkOne(buf, dict, i + 1, roots, opts.now ?? new Date()));
  }
  return {
    sha256: sha256Hex(buf),
    ukuran: buf.length,
    tidakBertandaTangan: total === 0,
    tandaTangan,
    tidakDiperiksa: total - found.length,
  };
}

// ---------------------------------------------------------------------------------------------------
// Finding the signature dictionaries

interface SigDict {
  /** the /ByteRange's four numbers, or null when they are not four non-negative integers */
  byteRange: [number, number, number, number] | null;
  subFilter: string | null;
  /** /M, the claimed signing time */
  m: Date | null;
}

/**
 * Every `/ByteRange [...]` in the file, with the /SubFilter and /M of the dictionary around it. The dictionary is
 * bounded loosely (matching `<<` and `>>` would need a parser; a window of a few hundred bytes either side within
 * the object is enough for the keys signers write there).
 */
export function findSignatureDictionaries(text: string, max = Number.POSITIVE_INFINITY): { found: SigDict[]; total: number } {
  const positions: number[] = [];
  for (let at = text.indexOf("/ByteRange"); at !== -1; at = text.indexOf("/ByteRange", at + 10)) positions.push(at);
  const found = positions.slice(0, max).map((at, i) => {
    const head = text.slice(at, Math.min(text.length, at + 120));
    const m = /^\/ByteRange\s*\[\s*(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s+(\d{1,12})\s*\]/.exec(head);
    const byteRange = m ? (m.slice(1, 5).map(Number) as [number, number, number, number]) : null;
    // the dictionary's other keys: a window either side, cut at the object's boundaries and at the neighbouring
    // signatures, and around /Contents when the byte range places it just after (the hex string is long)
    const lower = Math.max(0, at - 600, i > 0 ? positions[i - 1]! + 10 : 0);
    const upper = positions[i + 1] ?? text.length;
    let before = text.slice(lower, at);
    before = before.slice(before.lastIndexOf("endobj") + 1);
    let after: string;
    const gapStart = byteRange ? byteRange[0] + byteRange[1] : -1;
    const gapEnd = byteRange ? byteRange[2] : -1;
    if (byteRange && gapStart > at && gapStart - at < 2000 && gapEnd > gapStart && gapEnd <= upper)
      after = text.slice(at, gapStart) + text.slice(gapEnd, Math.min(upper, gapEnd + 600));
    else after = text.slice(at, Math.min(upper, at + 600));
    const end = after.indexOf("endobj");
    if (end !== -1) after = after.slice(0, end);
    const around = (before + after).replace(/\/Contents\s*<[0-9A-Fa-f\s]*>/g, "");
    const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.#_-]{1,64})/.exec(around)?.[1] ?? null;
    const mDate = /\/M\s*\(D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?\)/.exec(around);
    return { byteRange, subFilter, m: mDate ? pdfDate(mDate) : null };
  });
  return { found, total: positions.length };
}

/** A PDF date (ISO 32000-1, 7.9.4) from its regex groups; null when out of range. */
function pdfDate(g: RegExpExecArray): Date | null {
  const n = (s: string | undefined, d: number) => (s === undefined ? d : Number(s));
  const [y, mo, d, h, mi, s] = [n(g[1], 0), n(g[2], 1), n(g[3], 1), n(g[4], 0), n(g[5], 0), n(g[6], 0)];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return null;
  let offset = 0;
  if (g[7] === "+" || g[7] === "-") offset = (g[7] === "-" ? -1 : 1) * (n(g[8], 0) * 60 + n(g[9], 0));
  const t = Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000;
  return Number.isFinite(t) ? new Date(t) : null;
}

// ---------------------------------------------------------------------------------------------------
// One signature

interface Root {
  der: Buffer;
  x509: X509Certificate;
}

function parseRoots(roots: Buffer[]): Root[] {
  return roots.map((der, i) => {
    try {
      return { der, x509: new X509Certificate(der) };
    } catch {
      // the office's configuration, not the visitor's file: a programming or admin error, said plainly
      throw new VerifikasiError("VERIFIKASI_AKAR_RUSAK", `Sertifikat akar ke-${i + 1} yang dikonfigurasi tidak dapat dibaca.`);
    }
  });
}

const masalah = (kode: string, pesan: string): Masalah => ({ kode, pesan });

function checkOne(buf: Buffer, dict: SigDict, urutan: number, roots: Root[], now: Date): HasilTandaTangan {
  const result: HasilTandaTangan = {
    urutan,
    byteRange: dict.byteRange,
    mencakupSeluruhBerkas: false,
    subFilter: dict.subFilter,
    integritas: "TIDAK_DAPAT_DIPERIKSA",
    digestCocok: null,
    tandaTanganCocok: null,
    sertifikatTerikat: null,
    penandatangan: null,
    waktuTandaTangan: dict.m,
    sumberWaktu: dict.m ? "KAMUS_TANDA_TANGAN" : null,
    sertifikatBerlaku: "TIDAK_DIKETAHUI",
    rantai: "INCOMPLETE",
    jalurRantai: [],
    pencabutan: "UNKNOWN",
    pencabutanKeterangan: PENCABUTAN_KETERANGAN,
    masalah: [],
  };
  const br = dict.byteRange;
  if (!br) {
    result.masalah.push(masalah("BYTERANGE_TIDAK_SAH", "/ByteRange tanda tangan ini tidak berisi empat bilangan."));
    return result;
  }
  const [a, b, c, d] = br;
  // two ranges, in order, inside the file, with a gap between them that is exactly the <hex> of /Contents
  if (a + b > buf.length || c + d > buf.length || a + b >= c) {
    result.masalah.push(masalah("BYTERANGE_DI_LUAR_BERKAS", "/ByteRange tanda tangan ini menunjuk ke luar berkas (berkas terpotong atau rusak)."));
    return result;
  }
  result.mencakupSeluruhBerkas = a === 0 && c + d === buf.length;
  if (!result.mencakupSeluruhBerkas)
    result.masalah.push(
      a === 0 && c + d < buf.length
        ? masalah("ADA_PERUBAHAN_SETELAH_TTD", "Berkas diubah atau ditambah setelah ditandatangani: tanda tangan tidak mencakup seluruh berkas.")
        : masalah("BYTERANGE_TIDAK_MENCAKUP", "/ByteRange tanda tangan ini tidak mencakup seluruh berkas."),
    );
  if (buf[a + b] !== 0x3c /* < */ || buf[c - 1] !== 0x3e /* > */) {
    result.masalah.push(masalah("CONTENTS_TIDAK_SAH", "Celah /ByteRange bukan string heksadesimal /Contents."));
    return result;
  }
  const hexLength = c - 1 - (a + b + 1);
  if (hexLength > MAX_CONTENTS_HEX) {
    result.masalah.push(masalah("CONTENTS_TERLALU_BESAR", "/Contents tanda tangan ini terlalu besar untuk diperiksa."));
    return result;
  }
  const hex = buf
    .subarray(a + b + 1, c - 1)
    .toString("latin1")
    .replace(/[\s]/g, "");
  if (!/^[0-9A-Fa-f]*$/.test(hex)) {
    result.masalah.push(masalah("CONTENTS_TIDAK_SAH", "/Contents tanda tangan ini bukan string heksadesimal."));
    return result;
  }
  const cmsDer = Buffer.from(hex.length % 2 ? `${hex}0` : hex, "hex");

  let parsed: ParsedCms;
  try {
    parsed = parseCms(cmsDer);
  } catch (e) {
    result.masalah.push(masalah("CMS_TIDAK_SAH", e instanceof CmsProblem ? e.message : "Isi tanda tangan (CMS) tidak dapat dibaca."));
    return result;
  }
  if (parsed.signingTime) {
    result.waktuTandaTangan = parsed.signingTime;
    result.sumberWaktu = "ATRIBUT_SIGNING_TIME";
  }
  // PAdES B-T: the TSA's token over the signature value
  let waktuTepercaya: Date | null = null;
  if (parsed.timestampToken) {
    const ts = periksaTimestampToken(parsed.timestampToken, parsed.signature);
    result.timestampValid = ts.valid;
    result.waktuTimestamp = ts.waktu;
    result.penerbitTimestamp = ts.penerbit;
    result.rantaiTimestamp = ts.sertifikat ? buildChain(ts.sertifikat.x509, ts.certificates, roots).status : "INCOMPLETE";
    for (const m of ts.masalah) result.masalah.push(m);
    if (ts.valid) waktuTepercaya = ts.waktu;
  }

  // integrity, part 1: the hash of the signed bytes is the one the signer signed
  if (parsed.hash && parsed.messageDigest) {
    const h = createHash(parsed.hash);
    h.update(buf.subarray(a, a + b));
    h.update(buf.subarray(c, c + d));
    result.digestCocok = h.digest().equals(parsed.messageDigest);
    if (!result.digestCocok) result.masalah.push(masalah("DIGEST_TIDAK_COCOK", "Isi berkas tidak sama dengan yang ditandatangani: berkas telah diubah."));
  }

  const signer = parsed.signerCert;
  if (signer) {
    result.penandatangan = describe(signer.pki, signer.der);
    const at = waktuTepercaya ?? result.waktuTandaTangan ?? now;
    result.sertifikatBerlaku = at < signer.pki.notBefore.value ? "BELUM_BERLAKU" : at > signer.pki.notAfter.value ? "KEDALUWARSA" : "BERLAKU";
    if (result.sertifikatBerlaku !== "BERLAKU")
      result.masalah.push(
        masalah(
          result.sertifikatBerlaku === "KEDALUWARSA" ? "SERTIFIKAT_KEDALUWARSA" : "SERTIFIKAT_BELUM_BERLAKU",
          result.sertifikatBerlaku === "KEDALUWARSA"
            ? "Sertifikat penanda tangan sudah kedaluwarsa pada waktu penandatanganan."
            : "Sertifikat penanda tangan belum berlaku pada waktu penandatanganan.",
        ),
      );
    // integrity, part 2: the signed attributes are signed by the certificate's key
    if (parsed.signatureHash) {
      try {
        result.tandaTanganCocok = verify(parsed.signatureHash, parsed.signedAttrs, signer.x509.publicKey, parsed.signature);
      } catch {
        result.tandaTanganCocok = false;
      }
      if (!result.tandaTanganCocok) result.masalah.push(masalah("TANDA_TANGAN_TIDAK_COCOK", "Tanda tangan tidak cocok dengan sertifikat penanda tangan."));
    }
    // signing-certificate-v2 binds the certificate into what was signed (CAdES): another certificate with the
    // same key cannot be swapped in
    if (parsed.essCertHash) {
      const { hash, value } = parsed.essCertHash;
      result.sertifikatTerikat = hash ? createHash(hash).update(signer.der).digest().equals(value) : false;
      if (!result.sertifikatTerikat)
        result.masalah.push(
          masalah("SERTIFIKAT_TIDAK_TERIKAT", "Sertifikat penanda tangan tidak sama dengan yang disebut di dalam tanda tangan (signing-certificate-v2)."),
        );
    }
    const chain = buildChain(signer.x509, parsed.certificates, roots);
    result.rantai = chain.status;
    result.jalurRantai = chain.path;
    if (chain.masalah) result.masalah.push(chain.masalah);
    // the issuers, too, must have been valid when the letter was signed
    for (const issuer of chain.certs.slice(1)) {
      if (at < new Date(issuer.validFrom) || at > new Date(issuer.validTo))
        result.masalah.push(masalah("SERTIFIKAT_PENERBIT_TIDAK_BERLAKU", `Sertifikat penerbit "${cnOf(issuer)}" tidak berlaku pada waktu penandatanganan.`));
    }
  } else {
    result.masalah.push(masalah("SERTIFIKAT_TIDAK_ADA", "Sertifikat penanda tangan tidak ada di dalam tanda tangan."));
  }
  for (const m of parsed.masalah) result.masalah.push(m);

  if (result.digestCocok === false || result.tandaTanganCocok === false || result.sertifikatTerikat === false) result.integritas = "INVALID";
  else if (result.digestCocok && result.tandaTanganCocok) result.integritas = "VALID";
  return result;
}

// ---------------------------------------------------------------------------------------------------
// The CMS

class CmsProblem extends Error {}

export interface Cert {
  der: Buffer;
  pki: pkijs.Certificate;
  x509: X509Certificate;
}

interface ParsedCms {
  certificates: Cert[];
  signerCert: Cert | null;
  /** Node's name of the SignerInfo's digest algorithm; null when unsupported */
  hash: string | null;
  messageDigest: Buffer | null;
  signingTime: Date | null;
  /** signing-certificate-v2's first certificate hash and its algorithm (Node's name), when the attribute is there */
  essCertHash: { hash: string | null; value: Buffer } | null;
  /** the DER of the signed attributes as signed: a SET OF, not the [0] IMPLICIT of the SignerInfo */
  signedAttrs: Buffer;
  signatureHash: string | null;
  signature: Buffer;
  /** the DER of the first id-aa-signatureTimeStampToken unsigned attribute's value, as received */
  timestampToken: Buffer | null;
  masalah: Masalah[];
}

function parseCms(der: Buffer): ParsedCms {
  const asn = asn1js.fromBER(new Uint8Array(der));
  if (asn.offset === -1) throw new CmsProblem("Isi tanda tangan bukan struktur ASN.1 yang sah.");
  let signedData: pkijs.SignedData;
  try {
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== OID.signedData) throw new CmsProblem("Isi tanda tangan bukan CMS SignedData.");
    signedData = new pkijs.SignedData({ schema: info.content });
  } catch (e) {
    if (e instanceof CmsProblem) throw e;
    throw new CmsProblem("Isi tanda tangan bukan CMS SignedData yang sah.");
  }
  if (signedData.signerInfos.length !== 1) throw new CmsProblem("Tanda tangan PDF harus berisi tepat satu penanda tangan (SignerInfo).");
  const si = signedData.signerInfos[0]!;
  const out: ParsedCms = {
    certificates: [],
    signerCert: null,
    hash: DIGESTS[si.digestAlgorithm.algorithmId] ?? null,
    messageDigest: null,
    signingTime: null,
    essCertHash: null,
    signedAttrs: Buffer.alloc(0),
    signatureHash: null,
    signature: Buffer.from(si.signature.valueBlock.valueHexView),
    timestampToken: null,
    masalah: [],
  };
  if (!out.hash) out.masalah.push(masalah("ALGORITMA_TIDAK_DIDUKUNG", `Algoritma hash ${si.digestAlgorithm.algorithmId} tidak didukung.`));

  const rawCerts = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate);
  if (rawCerts.length > MAX_CERTIFICATES) throw new CmsProblem("Tanda tangan berisi terlalu banyak sertifikat.");
  for (const pki of rawCerts) {
    const der = Buffer.from(pki.toSchema().toBER(false));
    try {
      out.certificates.push({ der, pki, x509: new X509Certificate(der) });
    } catch {
      out.masalah.push(masalah("SERTIFIKAT_TIDAK_SAH", "Salah satu sertifikat di dalam tanda tangan tidak dapat dibaca."));
    }
  }
  out.signerCert = out.certificates.find((c) => identifies(si.sid, c.pki)) ?? null;

  if (!si.signedAttrs) {
    // CMS without signed attributes signs the content itself; PDF signers do not write those
    throw new CmsProblem("Tanda tangan tidak memiliki atribut bertanda tangan (signed attributes).");
  }
  // pkijs keeps the [0] IMPLICIT element as received; the signature is over it with a SET OF tag (RFC 5652, 5.4)
  const encoded = Buffer.from(si.signedAttrs.encodedValue);
  if (encoded.length === 0) throw new CmsProblem("Atribut bertanda tangan tidak dapat dibaca.");
  out.signedAttrs = Buffer.concat([Buffer.from([0x31]), encoded.subarray(1)]);
  for (const attr of si.signedAttrs.attributes) {
    const value = attr.values[0];
    if (attr.type === OID.messageDigest && value instanceof asn1js.OctetString) out.messageDigest = Buffer.from(value.valueBlock.valueHexView);
    if (attr.type === OID.signingTime && (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime)) {
      const t = value.toDate();
      if (Number.isFinite(t.getTime())) out.signingTime = t;
    }
    if (attr.type === OID.signingCertificateV2) out.essCertHash = essCertHash(value);
  }
  if (!out.messageDigest) throw new CmsProblem("Tanda tangan tidak memiliki atribut messageDigest.");
  const token: unknown = si.unsignedAttrs?.attributes.find((a) => a.type === OID.signatureTimeStampToken)?.values[0];
  // the bytes as they are in the file (a decode and re-encode could change what the TSA signed)
  if (token instanceof asn1js.BaseBlock) out.timestampToken = Buffer.from(token.valueBeforeDecodeView);

  const sigAlg = si.signatureAlgorithm.algorithmId;
  if (sigAlg in SIGNATURES) out.signatureHash = SIGNATURES[sigAlg] ?? out.hash;
  else out.masalah.push(masalah("ALGORITMA_TIDAK_DIDUKUNG", `Algoritma tanda tangan ${sigAlg} tidak didukung.`));
  return out;
}

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, ... }; ESSCertIDv2 ::= SEQUENCE {
 *  hashAlgorithm AlgorithmIdentifier DEFAULT sha256, certHash OCTET STRING, issuerSerial OPTIONAL } (RFC 5035) */
function essCertHash(value: unknown): ParsedCms["essCertHash"] {
  const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) return { hash: null, value: Buffer.alloc(0) };
  const [x, y] = first.valueBlock.value;
  if (x instanceof asn1js.OctetString) return { hash: "sha256", value: Buffer.from(x.valueBlock.valueHexView) };
  const alg = x instanceof asn1js.Sequence ? x.valueBlock.value[0] : undefined;
  const hash = alg instanceof asn1js.ObjectIdentifier ? (DIGESTS[alg.valueBlock.toString()] ?? null) : null;
  return { hash, value: y instanceof asn1js.OctetString ? Buffer.from(y.valueBlock.valueHexView) : Buffer.alloc(0) };
}

function identifies(sid: pkijs.SignerInfo["sid"], cert: pkijs.Certificate): boolean {
  if (sid instanceof pkijs.IssuerAndSerialNumber) return sid.issuer.isEqual(cert.issuer) && sid.serialNumber.isEqual(cert.serialNumber);
  // subjectKeyIdentifier [0]: compare with the certificate's extension
  const ski = cert.extensions?.find((e) => e.extnID === "2.5.29.14")?.parsedValue;
  const wanted = (sid as asn1js.Primitive | undefined)?.valueBlock?.valueHexView;
  if (!(ski instanceof asn1js.OctetString) || !wanted) return false;
  return Buffer.from(ski.valueBlock.valueHexView).equals(Buffer.from(wanted));
}

function attr(name: pkijs.RelativeDistinguishedNames, oid: string): string | null {
  const v = name.typesAndValues.find((t) => t.type === oid)?.value;
  const s = (v?.valueBlock as { value?: unknown } | undefined)?.value;
  return typeof s === "string" ? s : null;
}

function describe(cert: pkijs.Certificate, der: Buffer): Penandatangan {
  const serialNumber = attr(cert.subject, OID.serialNumber);
  // the subject's serialNumber holds the NIP (18 digits), sometimes prefixed ("NIP:", "NIP.")
  const nip = serialNumber ? (/^(?:NIP[.:\s-]*)?(\d{18})$/i.exec(serialNumber.trim())?.[1] ?? null) : null;
  return {
    nama: attr(cert.subject, OID.cn),
    organisasi: attr(cert.subject, OID.o),
    nomorSeri: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString("hex").toUpperCase(),
    penerbit: attr(cert.issuer, OID.cn),
    nip,
    berlakuMulai: cert.notBefore.value,
    berlakuSampai: cert.notAfter.value,
    sidikJari: sha256Hex(der),
  };
}

// ---------------------------------------------------------------------------------------------------
// The signature timestamp (RFC 3161 TimeStampToken, PAdES B-T)

export interface TimestampToken {
  /** every check below passed: no `masalah` */
  valid: boolean;
  /** TSTInfo genTime */
  waktu: Date | null;
  /** the TSA certificate's subject, "C=ID, O=..., CN=..." */
  penerbit: string | null;
  /** TSTInfo nonce, the integer's content octets */
  nonce: Buffer | null;
  /** the certificate that signed the token, and all the token carries (for its chain) */
  sertifikat: Cert | null;
  certificates: Cert[];
  masalah: Masalah[];
}

const subjectOf = (x: X509Certificate) => x.subject.split("\n").join(", ");

/**
 * Checks a TimeStampToken (a ContentInfo with a SignedData over a TSTInfo, RFC 3161 2.4.2) for a CMS signature
 * whose value is `signatureValue`: the TSTInfo's messageImprint is the hash of that value; the token's signed
 * attributes carry the TSTInfo's hash and verify with the signer's certificate (found by sid among the token's
 * certificates, as certReq asks the TSA to include it); that certificate is a TSA's (extendedKeyUsage timeStamping,
 * critical: RFC 3161 2.3), is the one named by the signed signing-certificate(-v2) attribute when present, and was
 * valid at genTime. Never throws: every failure is a `masalah` with a stable code (TIMESTAMP_*).
 * Used by periksaPdf and by tsa.ts on a token it has just received.
 */
export function periksaTimestampToken(token: Buffer, signatureValue: Buffer): TimestampToken {
  const out: TimestampToken = { valid: false, waktu: null, penerbit: null, nonce: null, sertifikat: null, certificates: [], masalah: [] };
  const problem = (kode: string, pesan: string) => {
    out.masalah.push(masalah(kode, pesan));
    return out;
  };
  let signedData: pkijs.SignedData;
  let tstDer: Buffer;
  let tst: pkijs.TSTInfo;
  try {
    const asn = asn1js.fromBER(new Uint8Array(token));
    if (asn.offset === -1) throw new CmsProblem("not ASN.1");
    const info = new pkijs.ContentInfo({ schema: asn.result });
    if (info.contentType !== OID.signedData) throw new CmsProblem("not a SignedData");
    signedData = new pkijs.SignedData({ schema: info.content });
    const { eContentType, eContent } = signedData.encapContentInfo;
    if (eContentType !== OID.tstInfo || !eContent) throw new CmsProblem("not a TSTInfo");
    // primitive or (BER) constructed: getValue() joins the pieces
    tstDer = Buffer.from(eContent.getValue());
    const tstAsn = asn1js.fromBER(new Uint8Array(tstDer));
    if (tstAsn.offset === -1) throw new CmsProblem("TSTInfo not ASN.1");
    tst = new pkijs.TSTInfo({ schema: tstAsn.result });
  } catch {
    return problem("TIMESTAMP_TIDAK_SAH", "Stempel waktu (timestamp) pada tanda tangan ini tidak dapat dibaca.");
  }
  out.waktu = Number.isFinite(tst.genTime.getTime()) ? tst.genTime : null;
  out.nonce = tst.nonce ? Buffer.from(tst.nonce.valueBlock.valueHexView) : null;

  // the token is over this signature: messageImprint = hash(signature value)
  const imprintHash = DIGESTS[tst.messageImprint.hashAlgorithm.algorithmId];
  if (!imprintHash)
    problem("TIMESTAMP_ALGORITMA_TIDAK_DIDUKUNG", `Algoritma hash stempel waktu ${tst.messageImprint.hashAlgorithm.algorithmId} tidak didukung.`);
  else if (!createHash(imprintHash).update(signatureValue).digest().equals(Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView)))
    problem("TIMESTAMP_BUKAN_UNTUK_TANDA_TANGAN_INI", "Stempel waktu ini bukan untuk tanda tangan ini (messageImprint tidak cocok).");

  const rawCerts = (signedData.certificates ?? []).filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate).slice(0, MAX_CERTIFICATES);
  for (const pki of rawCerts) {
    const der = Buffer.from(pki.toSchema().toBER(false));
    try {
      out.certificates.push({ der, pki, x509: new X509Certificate(der) });
    } catch {}
  }
  const si = signedData.signerInfos.length === 1 ? signedData.signerInfos[0]! : null;
  if (!si) return problem("TIMESTAMP_TIDAK_SAH", "Stempel waktu harus berisi tepat satu penanda tangan (SignerInfo).");
  const cert = out.certificates.find((c) => identifies(si.sid, c.pki)) ?? null;
  if (!cert) return problem("TIMESTAMP_TANPA_SERTIFIKAT", "Sertifikat otoritas stempel waktu (TSA) tidak ada di dalam stempel waktu.");
  out.sertifikat = cert;
  out.penerbit = subjectOf(cert.x509);

  // the signature over the signed attributes, which carry the TSTInfo's hash
  const hash = DIGESTS[si.digestAlgorithm.algorithmId];
  const sigAlg = si.signatureAlgorithm.algorithmId;
  const signatureHash = sigAlg in SIGNATURES ? (SIGNATURES[sigAlg] ?? hash) : undefined;
  if (!hash || !signatureHash) return problem("TIMESTAMP_ALGORITMA_TIDAK_DIDUKUNG", "Algoritma tanda tangan stempel waktu tidak didukung.");
  const encoded = si.signedAttrs ? Buffer.from(si.signedAttrs.encodedValue) : Buffer.alloc(0);
  if (!si.signedAttrs || encoded.length === 0) return problem("TIMESTAMP_TIDAK_SAH", "Stempel waktu tidak memiliki atribut bertanda tangan.");
  let digest: Buffer | null = null;
  let contentType: string | null = null;
  let ess: ParsedCms["essCertHash"] = null;
  for (const a of si.signedAttrs.attributes) {
    const value = a.values[0];
    if (a.type === OID.messageDigest && value instanceof asn1js.OctetString) digest = Buffer.from(value.valueBlock.valueHexView);
    if (a.type === OID.contentType && value instanceof asn1js.ObjectIdentifier) contentType = value.valueBlock.toString();
    if (a.type === OID.signingCertificateV2) ess = essCertHash(value);
    // SigningCertificate (RFC 2634): ESSCertID's certHash is SHA-1
    if (a.type === OID.signingCertificate && !ess) ess = { hash: "sha1", value: essCertHash(value)?.value ?? Buffer.alloc(0) };
  }
  if (!digest || !createHash(hash).update(tstDer).digest().equals(digest) || (contentType !== null && contentType !== OID.tstInfo))
    problem("TIMESTAMP_DIGEST_TIDAK_COCOK", "Isi stempel waktu tidak sama dengan yang ditandatangani otoritas stempel waktu (TSA).");
  let verified = false;
  try {
    const signedAttrs = Buffer.concat([Buffer.from([0x31]), encoded.subarray(1)]);
    verified = verify(signatureHash, signedAttrs, cert.x509.publicKey, Buffer.from(si.signature.valueBlock.valueHexView));
  } catch {}
  if (!verified) problem("TIMESTAMP_TANDA_TANGAN_TIDAK_COCOK", "Tanda tangan stempel waktu tidak cocok dengan sertifikat otoritas stempel waktu (TSA).");
  if (ess && !(ess.hash && createHash(ess.hash).update(cert.der).digest().equals(ess.value)))
    problem("TIMESTAMP_SERTIFIKAT_TIDAK_TERIKAT", "Sertifikat otoritas stempel waktu (TSA) tidak sama dengan yang disebut di dalam stempel waktu.");

  // a TSA's certificate: extendedKeyUsage timeStamping, critical (RFC 3161 2.3)
  const eku = cert.pki.extensions?.find((e) => e.extnID === OID.extKeyUsage);
  const purposes = eku?.parsedValue instanceof pkijs.ExtKeyUsage ? eku.parsedValue.keyPurposes : [];
  if (!eku?.critical || !purposes.includes(OID.timeStamping))
    problem("TIMESTAMP_BUKAN_SERTIFIKAT_TSA", "Sertifikat penerbit stempel waktu bukan sertifikat otoritas stempel waktu (TSA).");
  if (!out.waktu) problem("TIMESTAMP_TIDAK_SAH", "Waktu pada stempel waktu tidak dapat dibaca.");
  else if (out.waktu < cert.pki.notBefore.value || out.waktu > cert.pki.notAfter.value)
    problem("TIMESTAMP_SERTIFIKAT_TIDAK_BERLAKU", "Sertifikat otoritas stempel waktu (TSA) tidak berlaku pada waktu stempel.");
  out.valid = out.masalah.length === 0;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The chain

function issuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  try {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
  } catch {
    return false;
  }
}

const cnOf = (x: X509Certificate) => /(?:^|\n)CN=([^\n]*)/.exec(x.subject)?.[1] ?? x.subject;

/**
 * From the signer's certificate up through the CMS's certificates to one of `roots`. TRUSTED: a root issued (and
 * signed) the last certificate, or is it. UNTRUSTED: the chain ends at a self-signed certificate that is not a
 * root, or at one whose signature does not verify. INCOMPLETE: an issuer is missing from the file and the roots.
 */
function buildChain(
  signer: X509Certificate,
  pool: Cert[],
  roots: Root[],
): { status: StatusRantai; path: string[]; certs: X509Certificate[]; masalah: Masalah | null } {
  const certs: X509Certificate[] = [];
  const path: string[] = [];
  const done = (status: StatusRantai, m: Masalah | null) => ({ status, path, certs, masalah: m });
  let current = signer;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    path.push(cnOf(current));
    certs.push(current);
    if (roots.some((r) => r.x509.raw.equals(current.raw))) return done("TRUSTED", null);
    const root = roots.find((r) => issuedBy(current, r.x509));
    if (root) {
      path.push(cnOf(root.x509));
      certs.push(root.x509);
      return done("TRUSTED", null);
    }
    if (current.checkIssued(current))
      return done(
        "UNTRUSTED",
        masalah("RANTAI_TIDAK_DIPERCAYA", `Sertifikat penanda tangan diterbitkan oleh "${cnOf(current)}", yang bukan CA tepercaya kantor ini.`),
      );
    const next = pool.find((c) => c.x509.ca && !c.x509.raw.equals(current.raw) && current.checkIssued(c.x509));
    if (!next)
      return done(
        "INCOMPLETE",
        masalah("RANTAI_TIDAK_LENGKAP", "Rantai sertifikat tidak lengkap: sertifikat penerbit tidak ada di berkas maupun di CA tepercaya."),
      );
    if (!issuedBy(current, next.x509))
      return done("UNTRUSTED", masalah("RANTAI_TIDAK_SAH", `Sertifikat "${cnOf(current)}" tidak ditandatangani oleh penerbitnya "${cnOf(next.x509)}".`));
    current = next.x509;
  }
  return done("INCOMPLETE", masalah("RANTAI_TERLALU_PANJANG", "Rantai sertifikat terlalu panjang untuk diperiksa."));
}

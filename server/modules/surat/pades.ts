/**
 * PAdES baseline (B-B, or B-T with a timestamp authority) signatures on a PDF, with a visible signature block on
 * the last page.
 *
 *   signPdf(pdfBytes, { signer, appearance, clock, tsaUrl? })  -> Promise<Uint8Array>   the signed PDF
 *   buildCadesSignedData(digest, signer, { timestamp? })      -> Promise<Buffer>       the detached CMS (DER)
 *   waktuTandaTangan(date, timeZone)                  -> '5 Desember 2026 14.05 WIB'
 *
 * Who holds the key does not matter here: a `CmsSigner` gives its certificate chain and signs the DER of the
 * signed attributes (sign-p12.ts with the office's PKCS#12, sign-remote.ts through a BSrE-style service).
 *
 * What makes it PAdES rather than plain adbe.pkcs7.detached (ETSI EN 319 142-1, 5.1 and 6.3):
 * - the signature dictionary's SubFilter is ETSI.CAdES.detached and its /M is the claimed signing time;
 * - the signed attributes are content-type, message-digest and signing-certificate-v2 (ESSCertIDv2 with the
 *   signer's certificate hash and issuer/serial), and no signing-time attribute (B-B forbids it; the time is /M);
 * - the byte range covers the whole file except the /Contents hex string.
 *
 * The CMS is assembled here (forge.pkcs7 and @signpdf/signer-p12 cannot add signing-certificate-v2, and the remote
 * way has no private key to hand them) so that both ways of signing share one encoder; the ByteRange/Contents
 * bookkeeping and the placeholder are @signpdf's.
 *
 * PAdES B-T (ETSI EN 319 142-1, 6.3): when the office has set a timestamp authority (`tsaUrl`), the SignerInfo
 * also carries the TSA's RFC 3161 token over its signature value, as the unsigned attribute
 * id-aa-signatureTimeStampToken (./tsa.ts asks for it and checks it). The token is asked for after the signature
 * value exists, so a TSA that is down, slow or refusing fails the signing (TtdError TTD_TSA_*) before anything is
 * returned: no letter is signed without the timestamp the office asked for. The time in the visible block and in
 * /M is still the server clock; the token's genTime is what the verification page trusts.
 *
 * pdf-lib, qrcode and @signpdf load on the first signature (./pdf-libs.ts), pkijs (./tsa.ts) on the first
 * timestamp, not when the server starts (tests/process/npm-start).
 */
import { createHash } from "node:crypto";
import type { PDFDocument, PDFFont, PDFPage } from "pdf-lib";
import { formatTanggalJam } from "../calendar/tanggal";
import { ZONE_LABEL } from "../instansi/rules";
import { TtdError } from "./ttd-error";

/** A signing failure the signer or the admin can act on (both ways and the settings); `code` is stable (ttd-error.ts). */
export { TtdError };

/** Whoever holds the signing key. */
export interface CmsSigner {
  /** DER certificates, the signer's first, then its issuers (as far as known) */
  certificates: Buffer[];
  /** the raw signature (RSA PKCS#1 v1.5 or ECDSA DER) with SHA-256 over `signedAttributes` */
  sign(signedAttributes: Buffer): Promise<Buffer>;
}

export interface SignatureAppearance {
  nama: string;
  nip: string;
  jabatan: string;
  /** what the QR code encodes: `<base>/verifikasi/<kode>` */
  verifikasiUrl: string;
  /** the verification code printed under the QR */
  kode: string;
  /** IANA zone of the office */
  timeZone: string;
  /** lower-left corner and size in PDF points on the last page; bottom right by default */
  rect?: { x: number; y: number; width: number; height: number };
  /** the office's name, written in the signature dictionary's /Location */
  lokasi?: string;
}

export interface SignPdfOptions {
  signer: CmsSigner;
  appearance: SignatureAppearance;
  /** the server clock; the signing time is taken from it once */
  clock?: () => Date;
  /** an RFC 3161 timestamp authority: the signature gets its timestamp token (PAdES B-T) */
  tsaUrl?: string | null;
  /** how long the TSA may take to answer; 15 s by default */
  tsaTimeoutMs?: number;
}

// Room for the CMS in /Contents (bytes): a 4096-bit RSA signature plus a chain of a few certificates fits easily.
const SIGNATURE_LENGTH = 16_384;
// With a timestamp token, which carries the TSA's own signature and certificate chain (a few KB more).
const SIGNATURE_LENGTH_TIMESTAMP = 32_768;
export const BLOCK_WIDTH = 270;
export const BLOCK_HEIGHT = 104;

// ---------------------------------------------------------------------------------------------------
// Signing time in words

/** '5 Desember 2026 14.05 WIB' in the office's zone. */
export function waktuTandaTangan(date: Date, timeZone: string): string {
  return formatTanggalJam(date, timeZone, ZONE_LABEL[timeZone] ?? timeZone);
}

// ---------------------------------------------------------------------------------------------------
// CMS (RFC 5652) with the CAdES attributes

const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  sha256: "2.16.840.1.101.3.4.2.1",
  signatureTimeStampToken: "1.2.840.113549.1.9.16.2.14",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  ecPublicKey: "1.2.840.10045.2.1",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
} as const;

// A few lines of DER are enough for a SignedData, and they copy the certificates' bytes untouched (a decode and
// re-encode through an ASN.1 library may normalise an encoding and so break the issuer's signature).
function tlv(tag: number, ...content: Buffer[]): Buffer {
  const body = Buffer.concat(content);
  const n = body.length;
  const len: number[] = [];
  if (n < 0x80) len.push(n);
  else {
    for (let v = n; v > 0; v = Math.floor(v / 256)) len.unshift(v % 256);
    len.unshift(0x80 | len.length);
  }
  return Buffer.concat([Buffer.from([tag, ...len]), body]);
}
const seq = (...c: Buffer[]) => tlv(0x30, ...c);
const set = (...c: Buffer[]) => tlv(0x31, ...c);
const octets = (b: Buffer) => tlv(0x04, b);
const int1 = Buffer.from([0x02, 0x01, 0x01]);
const NULL = Buffer.from([0x05, 0x00]);
function oid(dotted: string): Buffer {
  const [a = 0, b = 0, ...rest] = dotted.split(".").map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const groups = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) groups.unshift(0x80 | (v & 0x7f));
    out.push(...groups);
  }
  return tlv(0x06, Buffer.from(out));
}
const algorithm = (o: string, withNull = true) => (withNull ? seq(oid(o), NULL) : seq(oid(o)));
const attribute = (type: string, value: Buffer) => seq(oid(type), set(value));

interface Tlv {
  tag: number;
  /** the whole element: header and content */
  raw: Buffer;
  content: Buffer;
}

function readTlv(buf: Buffer, at: number): Tlv {
  const tag = buf[at]!;
  let len = buf[at + 1]!;
  let head = 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + buf[at + 2 + i]!;
    head += count;
  }
  if (at + head + len > buf.length) throw new Error("DER: element runs past the end");
  return { tag, raw: buf.subarray(at, at + head + len), content: buf.subarray(at + head, at + head + len) };
}

function children(el: Tlv): Tlv[] {
  const out: Tlv[] = [];
  for (let at = 0; at < el.content.length; ) {
    const child = readTlv(el.content, at);
    out.push(child);
    at += child.raw.length;
  }
  return out;
}

/** The parts of an X.509 certificate a SignerInfo needs, read from its DER (raw bytes, not re-encoded). */
export function certificateParts(certDer: Buffer): { issuer: Buffer; serial: Buffer; keyAlgorithm: Buffer } {
  const tbs = children(children(readTlv(certDer, 0))[0]!);
  // version is an optional [0] EXPLICIT field in front
  const off = tbs[0]?.tag === 0xa0 ? 1 : 0;
  const spki = tbs[off + 5];
  if (!spki) throw new Error("certificate: not an X.509 structure");
  return { serial: tbs[off]!.raw, issuer: tbs[off + 2]!.raw, keyAlgorithm: children(children(spki)[0]!)[0]!.raw };
}

/** The signed attributes, each DER-encoded and in DER SET OF order, for `digest` (SHA-256 of the byte range). */
export function signedAttributes(digest: Buffer, signerCert: Buffer): Buffer[] {
  const { issuer, serial } = certificateParts(signerCert);
  const certHash = createHash("sha256").update(signerCert).digest();
  // ESSCertIDv2 (RFC 5035): hashAlgorithm omitted = SHA-256 (DEFAULT); issuerSerial names the issuer as a directoryName [4]
  const essCertIdV2 = seq(octets(certHash), seq(seq(tlv(0xa4, issuer)), serial));
  return [
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octets(digest)),
    attribute(OID.signingCertificateV2, seq(seq(essCertIdV2))),
  ].sort(Buffer.compare);
}

/**
 * A detached CMS SignedData (RFC 5652) over content whose SHA-256 is `digest`, signed by `signer`. With `timestamp`
 * (the signature value -> an RFC 3161 TimeStampToken, DER), the SignerInfo carries the token as its unsigned
 * attribute id-aa-signatureTimeStampToken (RFC 3161 Appendix A).
 */
export async function buildCadesSignedData(
  digest: Buffer,
  signer: CmsSigner,
  opts: { timestamp?: (signatureValue: Buffer) => Promise<Buffer> } = {},
): Promise<Buffer> {
  const [signerCert] = signer.certificates;
  if (!signerCert) throw new Error("buildCadesSignedData: no signer certificate");
  const { issuer, serial, keyAlgorithm } = certificateParts(signerCert);
  const signatureAlgorithm = keyAlgorithm.equals(oid(OID.ecPublicKey))
    ? algorithm(OID.ecdsaWithSha256, false)
    : keyAlgorithm.equals(oid(OID.rsaEncryption))
      ? algorithm(OID.sha256WithRsa)
      : null;
  if (!signatureAlgorithm) throw new Error("buildCadesSignedData: the certificate's key is neither RSA nor EC");
  const attrs = signedAttributes(digest, signerCert);
  // signed as a SET OF, carried in the SignerInfo as [0] IMPLICIT
  const signature = await signer.sign(set(...attrs));
  // unsignedAttrs [1] IMPLICIT SET OF Attribute, after the signature
  const unsigned = opts.timestamp ? [tlv(0xa1, attribute(OID.signatureTimeStampToken, await opts.timestamp(signature)))] : [];
  const signerInfo = seq(int1, seq(issuer, serial), algorithm(OID.sha256), tlv(0xa0, ...attrs), signatureAlgorithm, octets(signature), ...unsigned);
  const signedData = seq(int1, set(algorithm(OID.sha256)), seq(oid(OID.data)), tlv(0xa0, ...signer.certificates), set(signerInfo));
  return seq(oid(OID.signedData), tlv(0xa0, signedData));
}

/** @signpdf's hook: it hands over the PDF without /Contents and places what we return there. */
async function cadesSigner(cms: CmsSigner, tsa: { url: string; timeoutMs: number } | null, room: number) {
  const { Signer } = await import("./pdf-libs");
  // pkijs comes with tsa.ts, on the first timestamp (a static import there: see pdf-libs.ts)
  const timestamp = tsa
    ? async (signatureValue: Buffer) => (await import("./tsa")).mintaTimestamp(tsa.url, signatureValue, { timeoutMs: tsa.timeoutMs })
    : undefined;
  return new (class extends Signer {
    override async sign(pdfWithoutContents: Buffer): Promise<Buffer> {
      const der = await buildCadesSignedData(createHash("sha256").update(pdfWithoutContents).digest(), cms, { timestamp });
      if (der.length > room) {
        if (tsa) throw new TtdError("TTD_TSA_GAGAL", "Stempel waktu dari otoritas stempel waktu (TSA) terlalu besar untuk disisipkan ke tanda tangan.");
        throw new Error(`signPdf: the CMS (${der.length} bytes) does not fit the placeholder (${room} bytes)`);
      }
      return der;
    }
  })();
}

// ---------------------------------------------------------------------------------------------------
// The visible block and the signature

/** Draws "Ditandatangani secara elektronik", the signer, the time and the QR code into `rect` on `page`. */
async function drawBlock(doc: PDFDocument, page: PDFPage, a: SignatureAppearance, rect: Required<SignatureAppearance>["rect"], at: Date): Promise<void> {
  const [{ StandardFonts, rgb, QRCode }, { winAnsiSafe }] = await Promise.all([import("./pdf-libs"), import("../pengajuan/bukti")]);
  const [regular, bold] = await Promise.all([doc.embedFont(StandardFonts.Helvetica), doc.embedFont(StandardFonts.HelveticaBold)]);
  const qrPng = await QRCode.toBuffer(a.verifikasiUrl, { type: "png", errorCorrectionLevel: "M", margin: 1, width: 400 });
  const qr = await doc.embedPng(qrPng);
  const { x, y, width, height } = rect;
  const pad = 6;
  page.drawRectangle({ x, y, width, height, borderColor: rgb(0.2, 0.2, 0.2), borderWidth: 0.8, color: rgb(1, 1, 1) });

  const kodeSize = 6.5;
  const qrSize = Math.min(height - 2 * pad - kodeSize - 3, width * 0.4);
  page.drawImage(qr, { x: x + pad, y: y + height - pad - qrSize, width: qrSize, height: qrSize });
  const kode = winAnsiSafe(a.kode);
  const kodeWidth = regular.widthOfTextAtSize(kode, kodeSize);
  page.drawText(kode, { x: x + pad + Math.max(0, (qrSize - kodeWidth) / 2), y: y + pad, size: kodeSize, font: regular });

  const textX = x + pad * 2 + qrSize;
  const textWidth = width - (textX - x) - pad;
  const lines: Array<{ text: string; font: PDFFont; size: number }> = [
    { text: "Ditandatangani secara elektronik", font: bold, size: 7.5 },
    { text: "oleh", font: regular, size: 7 },
    { text: a.nama, font: bold, size: 8.5 },
    { text: a.nip ? `NIP. ${a.nip}` : "", font: regular, size: 7.5 },
    { text: a.jabatan, font: regular, size: 7.5 },
    { text: waktuTandaTangan(at, a.timeZone), font: regular, size: 7.5 },
  ];
  let lineY = y + height - pad - 8;
  for (const line of lines) {
    const text = winAnsiSafe(line.text);
    if (text) {
      // long names and positions shrink to fit the block rather than run out of it
      const size = Math.min(line.size, (line.size * textWidth) / Math.max(1, line.font.widthOfTextAtSize(text, line.size)));
      page.drawText(text, { x: textX, y: lineY, size, font: line.font });
    }
    lineY -= line.size + 5;
  }
}

/** Whether any object of the file is a signature dictionary (/Type /Sig), wherever it is stored. */
async function hasSignature(doc: PDFDocument): Promise<boolean> {
  const { PDFDict, PDFName } = await import("./pdf-libs");
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && obj.get(PDFName.of("Type")) === PDFName.of("Sig")) return true;
  }
  return false;
}

/**
 * Signs `pdfBytes`: the visible block on the last page, a signature field over it, and a PAdES B-B signature
 * covering the whole file (B-T, with the timestamp of `tsaUrl`, when that is set: TtdError TTD_TSA_* when it
 * fails). The result is a new file (pdf-lib rewrites it), so a PDF that is already signed is refused
 * (TTD_PDF_SUDAH_DITANDATANGANI): its signature would be lost (an incremental update would keep it).
 */
export async function signPdf(pdfBytes: Uint8Array, opts: SignPdfOptions): Promise<Uint8Array> {
  const at = (opts.clock ?? (() => new Date()))();
  const tsa = opts.tsaUrl ? { url: opts.tsaUrl, timeoutMs: opts.tsaTimeoutMs ?? 15_000 } : null;
  const room = tsa ? SIGNATURE_LENGTH_TIMESTAMP : SIGNATURE_LENGTH;
  const [{ PDFDocument, pdflibAddPlaceholder, SignPdf, SUBFILTER_ETSI_CADES_DETACHED }, { winAnsiSafe }] = await Promise.all([
    import("./pdf-libs"),
    import("../pengajuan/bukti"),
  ]);
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdfBytes);
  } catch {
    // pdf-lib refuses encrypted files too: a letter to sign is Loket's own, never encrypted
    throw new TtdError("TTD_PDF_TIDAK_VALID", "Berkas surat bukan PDF yang dapat ditandatangani (rusak atau terenkripsi).");
  }
  if (await hasSignature(doc)) {
    throw new TtdError("TTD_PDF_SUDAH_DITANDATANGANI", "Surat ini sudah bertanda tangan elektronik; menandatangani ulang akan merusak tanda tangan yang ada.");
  }
  const pages = doc.getPages();
  const page = pages[pages.length - 1];
  if (!page) throw new Error("signPdf: the PDF has no page");
  const { width: pageWidth } = page.getSize();
  const rect = opts.appearance.rect ?? { x: pageWidth - BLOCK_WIDTH - 40, y: 40, width: BLOCK_WIDTH, height: BLOCK_HEIGHT };
  await drawBlock(doc, page, opts.appearance, rect, at);
  pdflibAddPlaceholder({
    pdfPage: page,
    reason: "Ditandatangani secara elektronik",
    contactInfo: "",
    name: winAnsiSafe(opts.appearance.nama),
    location: winAnsiSafe(opts.appearance.lokasi ?? ""),
    signingTime: at,
    signatureLength: room,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height],
    appName: "Loket",
  });
  // no object streams: the signature dictionary must stay findable as plain text for the byte range
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  return new Uint8Array(await new SignPdf().sign(prepared, await cadesSigner(opts.signer, tsa, room), at));
}

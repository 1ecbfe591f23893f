/**
 * An RFC 3161 timestamp for a signature (PAdES B-T): pades.ts asks for one when the office has set a timestamp
 * authority (PengaturanTtd.tsaUrl, aturTsaTtd).
 *
 *   mintaTimestamp(url, signatureValue, { timeoutMs })  -> Promise<Buffer>   the TimeStampToken (a ContentInfo
 *                                                                            with a SignedData over a TSTInfo), DER
 *
 * The request (RFC 3161 2.4.1): version 1, messageImprint = SHA-256 of the SignerInfo's signature value (RFC 3161
 * Appendix A), a random 64-bit nonce, certReq true (so the token carries the TSA's certificate and the verification
 * page can check it offline); POSTed as application/timestamp-query (RFC 3161 3.4). The answer must be granted (or
 * grantedWithMods), and its token must be for this request (messageImprint and nonce) and verify with the TSA's
 * certificate (verify-pdf.ts periksaTimestampToken, the check the verification page makes later): a token that
 * would show as broken there is refused here.
 *
 * Failures are TtdError with stable codes: TTD_TSA_TIDAK_TERJANGKAU (no connection), TTD_TSA_TIMEOUT (too slow),
 * TTD_TSA_DITOLAK (the TSA refused: an HTTP 4xx, or a rejection/waiting/revocation status), TTD_TSA_GAGAL (an HTTP
 * 5xx, an answer that is not a TimeStampResp, a token that is not for this request or does not verify).
 *
 * pkijs and asn1js are imported statically: pades.ts loads this module on the first timestamp
 * (`await import("./tsa")`), and a dynamic import of the bundled CommonJS packages themselves could lose their named
 * exports (see pdf-libs.ts, tests/code/dynamic-imports.test.ts).
 */
import { createHash, randomBytes } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
// TtdError from its own module: pades.ts (which re-exports it) loads this one, and an import back would be a cycle
import { TtdError } from "./ttd-error";
import { periksaTimestampToken } from "./verify-pdf";

const SHA256 = "2.16.840.1.101.3.4.2.1";
/** a token with the TSA's chain is a few KB: a longer answer is not a TimeStampResp (and is not held in memory) */
const RESPONSE_MAX_BYTES = 256 * 1024;

const TIMEOUT = () => new TtdError("TTD_TSA_TIMEOUT", "Otoritas stempel waktu (TSA) tidak menjawab tepat waktu. Coba lagi.");
const GAGAL = (detail: string) => new TtdError("TTD_TSA_GAGAL", `Otoritas stempel waktu (TSA) gagal memberi stempel waktu: ${detail}.`);
const DITOLAK = (detail: string) => new TtdError("TTD_TSA_DITOLAK", `Otoritas stempel waktu (TSA) menolak permintaan stempel waktu: ${detail}.`);

const isTimeout = (e: unknown) => e instanceof DOMException && (e.name === "TimeoutError" || e.name === "AbortError");

/** The body, refused past `max` bytes without reading the rest. */
async function readLimited(res: Response, max: number): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw GAGAL("jawaban terlalu besar");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** An INTEGER's value as a number-like key: leading zero octets (a positive sign) do not count. */
const integerKey = (b: Uint8Array) =>
  Buffer.from(b)
    .toString("hex")
    .replace(/^(00)+/, "");

/** Asks the TSA at `url` for a timestamp over `signatureValue`; see the file comment. */
export async function mintaTimestamp(url: string, signatureValue: Buffer, opts: { timeoutMs: number }): Promise<Buffer> {
  // a positive 64-bit nonce with a non-zero first octet: minimal DER as it is
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0]! & 0x7f) | 0x40;
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: SHA256, algorithmParams: new asn1js.Null() }),
      hashedMessage: new asn1js.OctetString({ valueHex: createHash("sha256").update(signatureValue).digest() }),
    }),
    nonce: new asn1js.Integer({ valueHex: nonce }),
    certReq: true,
  });
  const signal = AbortSignal.timeout(opts.timeoutMs);
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/timestamp-query", accept: "application/timestamp-reply" },
      body: Buffer.from(request.toSchema().toBER(false)),
      signal,
      redirect: "error",
    });
  } catch (e) {
    if (isTimeout(e)) throw TIMEOUT();
    throw new TtdError(
      "TTD_TSA_TIDAK_TERJANGKAU",
      "Otoritas stempel waktu (TSA) tidak dapat dihubungi. Coba lagi nanti, atau periksa alamat TSA di pengaturan.",
    );
  }
  let body: Buffer;
  try {
    body = await readLimited(res, RESPONSE_MAX_BYTES);
  } catch (e) {
    if (isTimeout(e)) throw TIMEOUT();
    if (e instanceof TtdError) throw e;
    throw new TtdError("TTD_TSA_TIDAK_TERJANGKAU", "Sambungan ke otoritas stempel waktu (TSA) terputus. Coba lagi nanti.");
  }
  if (res.status >= 400 && res.status < 500) throw DITOLAK(`status HTTP ${res.status}`);
  if (!res.ok) throw GAGAL(`status HTTP ${res.status}`);

  // TimeStampResp ::= SEQUENCE { status PKIStatusInfo, timeStampToken TimeStampToken OPTIONAL }
  let resp: pkijs.TimeStampResp;
  let tokenAsn: asn1js.BaseBlock | undefined;
  try {
    const asn = asn1js.fromBER(new Uint8Array(body));
    if (asn.offset === -1 || !(asn.result instanceof asn1js.Sequence)) throw new Error("not a SEQUENCE");
    resp = new pkijs.TimeStampResp({ schema: asn.result });
    tokenAsn = asn.result.valueBlock.value[1];
  } catch {
    throw GAGAL("jawaban bukan TimeStampResp");
  }
  const status = resp.status.status;
  if (status !== pkijs.PKIStatus.granted && status !== pkijs.PKIStatus.grantedWithMods) {
    const text = (resp.status.statusStrings ?? []).map((s) => s.valueBlock.value).join("; ");
    throw DITOLAK(text ? `status ${status} (${text})` : `status ${status}`);
  }
  if (!tokenAsn) throw GAGAL("jawaban tanpa token stempel waktu");
  // the token's bytes as the TSA sent them (its signature is over parts of them)
  const token = Buffer.from(tokenAsn.valueBeforeDecodeView);
  const checked = periksaTimestampToken(token, signatureValue);
  if (checked.masalah.some((m) => m.kode === "TIMESTAMP_BUKAN_UNTUK_TANDA_TANGAN_INI")) throw GAGAL("token bukan untuk tanda tangan ini");
  if (!checked.nonce || integerKey(checked.nonce) !== integerKey(nonce)) throw GAGAL("nonce token tidak cocok dengan permintaan");
  if (!checked.valid) throw GAGAL(`token tidak sah (${checked.masalah.map((m) => m.kode).join(", ")})`);
  return token;
}

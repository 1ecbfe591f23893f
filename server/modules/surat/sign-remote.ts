/**
 * Way 2: a remote signing service that holds the signer's key (BSrE-style), behind an HTTP adapter.
 *
 *   remoteSigner(settings, { signerId, passphrase })  -> Promise<CmsSigner>   or throws TtdError
 *
 * The contract (JSON over HTTPS, client credentials as HTTP Basic `clientId:clientSecret` on every request):
 *
 *   POST <url>/sertifikat   {"signerId": "<NIK or the service's signer id>"}
 *     200 {"certificates": ["<base64 DER>", ...]}          the signer's certificate first, then its issuers
 *   POST <url>/sign         {"signerId": "...", "passphrase": "...", "hashAlgorithm": "SHA-256", "hash": "<base64>"}
 *     200 {"signature": "<base64>"}                        RSA PKCS#1 v1.5 (or ECDSA DER) over that SHA-256 hash
 *
 *   `hash` is the SHA-256 of the DER of the CMS signed attributes (content-type, message-digest = SHA-256 of the
 *   PDF byte range, signing-certificate-v2 of the certificate from /sertifikat), so the service signs a hash and
 *   never sees the letter; Loket assembles the PAdES CMS (pades.ts). The passphrase is passed through, never kept.
 *
 *   Errors: a JSON body {"code", "message"}; 401 = client credentials refused, 403 = wrong passphrase, 404 =
 *   unknown signer. They map to stable codes: TTD_REMOTE_KREDENSIAL, TTD_PASSPHRASE_SALAH,
 *   TTD_REMOTE_PENANDATANGAN_TIDAK_DIKENAL; no answer → TTD_REMOTE_TIDAK_TERJANGKAU, too slow → TTD_REMOTE_TIMEOUT,
 *   anything else (5xx, malformed answer, a signature that does not verify) → TTD_REMOTE_GAGAL.
 *
 * Before it is embedded, the returned signature is verified against the certificate, so a confused service cannot
 * produce a letter with a broken signature.
 */
import { X509Certificate, createHash, verify } from "node:crypto";
import { type CmsSigner, TtdError } from "./pades";
import { PASSPHRASE_SALAH } from "./sign-p12";

export interface RemoteSettings {
  url: string;
  clientId: string;
  clientSecret: string;
  /** per request; 15 s by default */
  timeoutMs?: number;
}

/** A certificate chain and a signature are a few KB: a longer answer is not the service's (and is not held in memory). */
const RESPONSE_MAX_BYTES = 1024 * 1024;

/** The body as text, refused past `max` bytes without reading the rest. */
async function readLimited(res: Response, max: number): Promise<string> {
  if (!res.body) return "";
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
  return Buffer.concat(chunks).toString("utf8");
}

const GAGAL = (detail: string) => new TtdError("TTD_REMOTE_GAGAL", `Layanan tanda tangan elektronik gagal: ${detail}.`);

async function call(settings: RemoteSettings, path: string, body: object): Promise<Record<string, unknown>> {
  const url = `${settings.url.replace(/\/+$/, "")}${path}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Basic ${Buffer.from(`${settings.clientId}:${settings.clientSecret}`).toString("base64")}`,
      },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000),
      redirect: "error",
    });
  } catch (e) {
    if (e instanceof DOMException && (e.name === "TimeoutError" || e.name === "AbortError")) {
      throw new TtdError("TTD_REMOTE_TIMEOUT", "Layanan tanda tangan elektronik tidak menjawab tepat waktu. Coba lagi.");
    }
    throw new TtdError("TTD_REMOTE_TIDAK_TERJANGKAU", "Layanan tanda tangan elektronik tidak dapat dihubungi. Coba lagi nanti.");
  }
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(await readLimited(res, RESPONSE_MAX_BYTES)) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof DOMException && e.name === "TimeoutError")
      throw new TtdError("TTD_REMOTE_TIMEOUT", "Layanan tanda tangan elektronik tidak menjawab tepat waktu. Coba lagi.");
    if (e instanceof TtdError) throw e;
    if (res.ok) throw GAGAL("jawaban bukan JSON");
  }
  if (res.status === 401) throw new TtdError("TTD_REMOTE_KREDENSIAL", "Kredensial Loket ditolak oleh layanan tanda tangan elektronik; periksa pengaturan.");
  if (res.status === 403) throw PASSPHRASE_SALAH();
  if (res.status === 404) throw new TtdError("TTD_REMOTE_PENANDATANGAN_TIDAK_DIKENAL", "Penandatangan tidak terdaftar pada layanan tanda tangan elektronik.");
  if (!res.ok) throw GAGAL(`status ${res.status}`);
  return json;
}

/** Fetches the signer's certificates; the returned signer asks the service for each signature. */
export async function remoteSigner(settings: RemoteSettings, who: { signerId: string; passphrase: string }): Promise<CmsSigner> {
  if (!who.passphrase) throw new TtdError("TTD_PASSPHRASE_KOSONG", "Passphrase sertifikat wajib diisi.", "passphrase");
  const { certificates } = await call(settings, "/sertifikat", { signerId: who.signerId });
  if (!Array.isArray(certificates) || certificates.length === 0 || !certificates.every((c) => typeof c === "string")) throw GAGAL("tanpa sertifikat");
  const ders = certificates.map((c) => Buffer.from(c as string, "base64"));
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(ders[0]!);
  } catch {
    throw GAGAL("sertifikat tidak dapat dibaca");
  }
  return {
    certificates: ders,
    async sign(data) {
      const hash = createHash("sha256").update(data).digest("base64");
      const { signature } = await call(settings, "/sign", { signerId: who.signerId, passphrase: who.passphrase, hashAlgorithm: "SHA-256", hash });
      if (typeof signature !== "string") throw GAGAL("tanpa tanda tangan");
      const raw = Buffer.from(signature, "base64");
      if (!verify("sha256", data, leaf.publicKey, raw)) throw GAGAL("tanda tangan tidak cocok dengan sertifikat");
      return raw;
    },
  };
}

import { privateEncrypt, constants, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Issued } from "./pki";

/**
 * A BSrE-style signing service for the tests: a real HTTP server on 127.0.0.1:0 that holds the signers' keys and
 * speaks the contract of server/modules/surat/sign-remote.ts (see there):
 *   POST /sertifikat {signerId}                              -> 200 {certificates: [base64 DER, signer first]}
 *   POST /sign {signerId, passphrase, hashAlgorithm, hash}   -> 200 {signature: base64}
 * with HTTP Basic client credentials; errors as {code, message} with 401 (client), 403 (passphrase), 404 (signer).
 */
export interface RemoteSignerService {
  url: string;
  clientId: string;
  clientSecret: string;
  /** requests seen, without passphrases: what the adapter sent */
  requests: Array<{ path: string; signerId?: string; hash?: string; hashAlgorithm?: string }>;
  /** make the next responses slow (for the timeout test) */
  delayMs: number;
  /** pad the next responses with this many bytes (a service gone wrong, for the size limit) */
  padBytes: number;
  close(): Promise<void>;
}

// DER prefix of DigestInfo for SHA-256 (RFC 8017 9.2 note 1): an RSA PKCS#1 v1.5 signature of a precomputed hash
const SHA256_DIGEST_INFO = Buffer.from("3031300d060960864801650304020105000420", "hex");

export async function startRemoteSigner(
  signers: Record<
    string,
    { passphrase: string; leaf: Issued; chain: Issued[] /** signs with this key instead of the leaf's (a broken service) */; signingKey?: Issued }
  >,
): Promise<RemoteSignerService> {
  const clientId = "loket-uji";
  const clientSecret = "rahasia-klien-uji";
  const expectedAuth = Buffer.from(`Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`);
  const service: RemoteSignerService = { url: "", clientId, clientSecret, requests: [], delayMs: 0, padBytes: 0, close: async () => {} };

  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: object) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(service.padBytes ? { ...body, padding: "x".repeat(service.padBytes) } : body));
    };
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (service.delayMs) await new Promise((r) => setTimeout(r, service.delayMs));
    const auth = Buffer.from(req.headers.authorization ?? "");
    if (auth.length !== expectedAuth.length || !timingSafeEqual(auth, expectedAuth))
      return send(401, { code: "UNAUTHORIZED", message: "bad client credentials" });
    let body: { signerId?: string; passphrase?: string; hash?: string; hashAlgorithm?: string };
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return send(400, { code: "BAD_REQUEST", message: "JSON expected" });
    }
    service.requests.push({ path: req.url ?? "", signerId: body.signerId, hash: body.hash, hashAlgorithm: body.hashAlgorithm });
    const signer = body.signerId ? signers[body.signerId] : undefined;
    if (req.method !== "POST") return send(405, { code: "METHOD", message: "POST only" });
    if (!signer) return send(404, { code: "SIGNER_NOT_FOUND", message: "unknown signer" });
    if (req.url === "/sertifikat") return send(200, { certificates: [signer.leaf, ...signer.chain].map((c) => c.der.toString("base64")) });
    if (req.url !== "/sign") return send(404, { code: "NOT_FOUND", message: "no such endpoint" });
    if (body.passphrase !== signer.passphrase) return send(403, { code: "PASSPHRASE_INVALID", message: "wrong passphrase" });
    const hash = Buffer.from(body.hash ?? "", "base64");
    if (body.hashAlgorithm !== "SHA-256" || hash.length !== 32) return send(400, { code: "BAD_REQUEST", message: "SHA-256 hash expected" });
    const signature = privateEncrypt(
      { key: (signer.signingKey ?? signer.leaf).keyPem, padding: constants.RSA_PKCS1_PADDING },
      Buffer.concat([SHA256_DIGEST_INFO, hash]),
    );
    return send(200, { signature: signature.toString("base64") });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  service.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  service.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return service;
}

import { createHash, randomBytes, webcrypto } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { Issued } from "./pki";

/**
 * An RFC 3161 timestamp authority for the tests: a real HTTP server on 127.0.0.1:0 answering
 * `application/timestamp-query` POSTs with a TimeStampResp (application/timestamp-reply) whose token is a SignedData
 * over a TSTInfo, signed by `tsa` (a certificate with extendedKeyUsage timeStamping, critical) with the
 * signed attributes content-type, message-digest and signing-certificate-v2, and carrying `tsa` and `chain` when
 * the request asks for certificates. `mode` makes it misbehave for the failure tests.
 */
export type TsaMode = "ok" | "error500" | "slow" | "rejection" | "wrongNonce" | "wrongImprint" | "garbage";

export interface TsaService {
  url: string;
  mode: TsaMode;
  /** how long "slow" waits before answering */
  delayMs: number;
  /** the genTime of the next tokens; the wall clock by default */
  clock: () => Date;
  /** requests seen, as the TSA read them */
  requests: Array<{ contentType: string | undefined; imprint: string; hashAlgorithm: string; nonce: string | null; certReq: boolean }>;
  close(): Promise<void>;
}

const OID = {
  sha256: "2.16.840.1.101.3.4.2.1",
  signedData: "1.2.840.113549.1.7.2",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  // a policy under a private arc: the tests' own
  policy: "1.3.6.1.4.1.99999.15.1",
} as const;

const hex = (b: ArrayBuffer | Uint8Array) => Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString("hex");
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest();

export async function startTsa(tsa: Issued, chain: Issued[]): Promise<TsaService> {
  const engine = new pkijs.CryptoEngine({ name: "node", crypto: webcrypto as unknown as Crypto });
  const keyDer = new Uint8Array(Buffer.from(tsa.keyPem.replace(/-----[^-]+-----|\s/g, ""), "base64"));
  const key = await webcrypto.subtle.importKey("pkcs8", keyDer, { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" }, false, ["sign"]);
  const tsaCert = pkijs.Certificate.fromBER(new Uint8Array(tsa.der));
  const chainCerts = chain.map((c) => pkijs.Certificate.fromBER(new Uint8Array(c.der)));
  let serial = 1;

  const service: TsaService = { url: "", mode: "ok", delayMs: 0, clock: () => new Date(), requests: [], close: async () => {} };

  async function token(req: pkijs.TimeStampReq): Promise<pkijs.ContentInfo> {
    let imprint = req.messageImprint;
    if (service.mode === "wrongImprint") {
      const other = Buffer.from(imprint.hashedMessage.valueBlock.valueHexView);
      other[0] = other[0]! ^ 0xff;
      imprint = new pkijs.MessageImprint({ hashAlgorithm: imprint.hashAlgorithm, hashedMessage: new asn1js.OctetString({ valueHex: other }) });
    }
    const nonce = service.mode === "wrongNonce" ? new asn1js.Integer({ value: 42 }) : req.nonce;
    const tstInfo = new pkijs.TSTInfo({
      version: 1,
      policy: OID.policy,
      messageImprint: imprint,
      serialNumber: new asn1js.Integer({ value: serial++ }),
      // whole seconds: GeneralizedTime without fractions, as most TSAs write it
      genTime: new Date(Math.floor(service.clock().getTime() / 1000) * 1000),
      accuracy: new pkijs.Accuracy({ seconds: 1 }),
      ...(nonce ? { nonce } : {}),
    });
    const tstDer = new Uint8Array(tstInfo.toSchema().toBER(false));
    // ESSCertIDv2 with the default hash (SHA-256) and no issuerSerial: SEQUENCE { certs SEQUENCE OF { SEQUENCE { certHash } } }
    const essCertIdV2 = new asn1js.Sequence({
      value: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: sha256(tsa.der) })] })] })],
    });
    const attributes = [
      new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.tstInfo })] }),
      new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(tstDer) })] }),
      new pkijs.Attribute({ type: OID.signingCertificateV2, values: [essCertIdV2] }),
    ];
    // DER SET OF order (OpenSSL re-encodes the attributes before it checks the signature)
    attributes.sort((a, b) => Buffer.compare(Buffer.from(a.toSchema().toBER(false)), Buffer.from(b.toSchema().toBER(false))));
    const signedData = new pkijs.SignedData({
      version: 3,
      digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256, algorithmParams: new asn1js.Null() })],
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.tstInfo, eContent: new asn1js.OctetString({ valueHex: tstDer }) }),
      signerInfos: [
        new pkijs.SignerInfo({
          version: 1,
          sid: new pkijs.IssuerAndSerialNumber({ issuer: tsaCert.issuer, serialNumber: tsaCert.serialNumber }),
          signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
        }),
      ],
      ...(req.certReq ? { certificates: [tsaCert, ...chainCerts] } : {}),
    });
    await signedData.sign(key, 0, "SHA-256", undefined, engine);
    return new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  }

  async function answer(body: Buffer): Promise<{ status: number; body: Buffer }> {
    if (service.mode === "error500") return { status: 500, body: Buffer.from("internal error") };
    if (service.mode === "garbage") return { status: 200, body: Buffer.from("<html>bukan TSA</html>") };
    const asn = asn1js.fromBER(new Uint8Array(body));
    const req = new pkijs.TimeStampReq({ schema: asn.result });
    service.requests.push({
      contentType: undefined,
      imprint: hex(req.messageImprint.hashedMessage.valueBlock.valueHexView),
      hashAlgorithm: req.messageImprint.hashAlgorithm.algorithmId,
      nonce: req.nonce ? hex(req.nonce.valueBlock.valueHexView) : null,
      certReq: !!req.certReq,
    });
    if (service.mode === "rejection") {
      const resp = new pkijs.TimeStampResp({
        status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.rejection, statusStrings: [new asn1js.Utf8String({ value: "kebijakan tidak didukung" })] }),
      });
      return { status: 200, body: Buffer.from(resp.toSchema().toBER(false)) };
    }
    const resp = new pkijs.TimeStampResp({ status: new pkijs.PKIStatusInfo({ status: pkijs.PKIStatus.granted }), timeStampToken: await token(req) });
    return { status: 200, body: Buffer.from(resp.toSchema().toBER(false)) };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      try {
        if (req.method !== "POST" || req.headers["content-type"] !== "application/timestamp-query") {
          res.writeHead(415).end();
          return;
        }
        if (service.mode === "slow") await new Promise((r) => setTimeout(r, service.delayMs));
        const out = await answer(Buffer.concat(chunks));
        const last = service.requests.at(-1);
        if (last) last.contentType = req.headers["content-type"];
        if (res.destroyed) return;
        res.writeHead(out.status, { "content-type": out.status === 200 ? "application/timestamp-reply" : "text/plain" }).end(out.body);
      } catch {
        if (!res.destroyed) res.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  service.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tsa`;
  service.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return service;
}

/** A random TSA-looking URL nobody listens on (a closed port on 127.0.0.1). */
export async function closedUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/tsa-${randomBytes(4).toString("hex")}`;
}

import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";

/**
 * A throw-away PKI made in the test: a CA and certificates it issues, keys from Node's crypto (fast), certificates
 * and PKCS#12 files from node-forge. Nothing here is committed key material: every run makes new keys.
 */
export interface Issued {
  cert: forge.pki.Certificate;
  key: forge.pki.rsa.PrivateKey;
  der: Buffer;
  pem: string;
  keyPem: string;
}

export interface CertOptions {
  cn: string;
  /** the issuer; self-signed CA when absent */
  ca?: Issued;
  notBefore?: Date;
  notAfter?: Date;
  keyUsage?: Record<string, boolean>;
  /** extendedKeyUsage purposes by node-forge's names (e.g. { timeStamping: true }), marked critical; none by default */
  extKeyUsage?: Record<string, boolean>;
  isCa?: boolean;
}

const DAY = 86_400_000;

export function issue(opts: CertOptions): Issued {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  const key = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  // positive serial: a leading 0x01 byte
  cert.serialNumber = `01${randomBytes(8).toString("hex")}`;
  // a year back: tests that sign at a fixed moment (e.g. 5 December 2026) keep working on the days after it
  cert.validity.notBefore = opts.notBefore ?? new Date(Date.now() - 365 * DAY);
  cert.validity.notAfter = opts.notAfter ?? new Date(Date.now() + 365 * DAY);
  const subject = [
    { shortName: "C", value: "ID" },
    { shortName: "O", value: "Loket Uji" },
    { shortName: "CN", value: opts.cn },
  ];
  cert.setSubject(subject);
  cert.setIssuer(opts.ca ? opts.ca.cert.subject.attributes : subject);
  const exts: object[] = [];
  if (opts.isCa) {
    exts.push({ name: "basicConstraints", cA: true, critical: true }, { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true });
  } else {
    exts.push(
      { name: "basicConstraints", cA: false },
      { name: "keyUsage", critical: true, ...(opts.keyUsage ?? { digitalSignature: true, nonRepudiation: true }) },
    );
    if (opts.extKeyUsage) exts.push({ name: "extKeyUsage", critical: true, ...opts.extKeyUsage });
  }
  exts.push({ name: "subjectKeyIdentifier" });
  cert.setExtensions(exts);
  cert.sign(opts.ca ? opts.ca.key : key, forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");
  return { cert, key, der, pem: forge.pki.certificateToPem(cert), keyPem };
}

export function makeCa(cn = "Loket Uji CA"): Issued {
  return issue({ cn, isCa: true, notAfter: new Date(Date.now() + 3650 * DAY) });
}

/** A PKCS#12 with `leaf`'s key and certificate and the chain after it (AES-256, as OpenSSL 3 writes by default). */
export function toP12(leaf: Issued, chain: Issued[], passphrase: string, opts: { withKey?: boolean } = {}): Buffer {
  const asn1 = forge.pkcs12.toPkcs12Asn1(opts.withKey === false ? null : leaf.key, [leaf.cert, ...chain.map((c) => c.cert)], passphrase, {
    algorithm: "aes256",
    friendlyName: "penandatangan",
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), "binary");
}

/**
 * Way 1: the office's PKCS#12 (.p12/.pfx), unlocked with the signer's passphrase at signing time.
 *
 *   bukaP12(p12, passphrase, now)  -> { signer, sertifikat }   or throws TtdError with a stable code
 *
 * The same checks run when the admin uploads the file (signing-settings.ts) and every time it is unlocked: it
 * parses, holds one private key and the certificate of that key, the certificate may sign documents
 * (keyUsage digitalSignature or nonRepudiation) and is valid now. The passphrase and the key live only in this
 * call's memory; nothing here logs.
 *
 * node-forge reads the PKCS#12 (Node's crypto has no PKCS#12 parser; forge is the reader @signpdf/signer-p12
 * uses too): legacy 3DES/RC2 files and OpenSSL 3's AES-256/PBKDF2 ones; RSA keys only.
 */
import { createPrivateKey, type KeyObject, sign } from "node:crypto";
import forge from "node-forge";
import { type CmsSigner, TtdError } from "./pades";

export interface RingkasanSertifikat {
  subjek: string;
  penerbit: string;
  nomorSeri: string;
  berlakuMulai: Date;
  berlakuSampai: Date;
  /** SHA-256 of the certificate's DER, hex */
  sidikJari: string;
}

const err = (code: string, message: string, field: string | null = null) => new TtdError(code, message, field);

export const PASSPHRASE_SALAH = () => err("TTD_PASSPHRASE_SALAH", "Passphrase sertifikat salah.", "passphrase");

function dn(attrs: forge.pki.CertificateField[]): string {
  return attrs.map((a) => `${a.shortName ?? a.name ?? a.type}=${String(a.value)}`).join(", ");
}

function derOf(cert: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");
}

export function ringkasan(cert: forge.pki.Certificate): RingkasanSertifikat {
  return {
    subjek: dn(cert.subject.attributes),
    penerbit: dn(cert.issuer.attributes),
    nomorSeri: cert.serialNumber.toUpperCase(),
    berlakuMulai: cert.validity.notBefore,
    berlakuSampai: cert.validity.notAfter,
    sidikJari: forge.md.sha256
      .create()
      .update(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes())
      .digest()
      .toHex(),
  };
}

/** Checks that `cert` may sign documents at `now`, or throws why not. */
export function periksaSertifikat(cert: forge.pki.Certificate, now: Date): void {
  const usage = cert.getExtension("keyUsage") as { digitalSignature?: boolean; nonRepudiation?: boolean } | undefined;
  if (!usage || !(usage.digitalSignature || usage.nonRepudiation)) {
    throw err(
      "TTD_SERTIFIKAT_BUKAN_TANDA_TANGAN",
      "Sertifikat ini tidak untuk tanda tangan dokumen (penggunaan kunci digitalSignature/nonRepudiation tidak ada).",
      "berkas",
    );
  }
  if (now < cert.validity.notBefore) throw err("TTD_SERTIFIKAT_BELUM_BERLAKU", "Sertifikat belum berlaku.", "berkas");
  if (now > cert.validity.notAfter) throw err("TTD_SERTIFIKAT_KEDALUWARSA", "Sertifikat sudah kedaluwarsa.", "berkas");
}

function parse(p12: Buffer, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  let der: forge.asn1.Asn1;
  try {
    der = forge.asn1.fromDer(p12.toString("binary"));
  } catch {
    throw err("TTD_P12_TIDAK_VALID", "Berkas bukan sertifikat PKCS#12 (.p12/.pfx) yang sah.", "berkas");
  }
  try {
    return forge.pkcs12.pkcs12FromAsn1(der, false, passphrase);
  } catch (e) {
    const message = e instanceof Error ? e.message : "";
    // forge says "Invalid password?" when the MAC does not verify, and fails to decrypt the bags otherwise
    if (/password|mac|decrypt|pad/i.test(message)) throw PASSPHRASE_SALAH();
    if (/unsupported|oid/i.test(message))
      throw err("TTD_P12_TIDAK_DIDUKUNG", "Jenis enkripsi atau kunci pada berkas PKCS#12 ini tidak didukung (gunakan kunci RSA).", "berkas");
    throw err("TTD_P12_TIDAK_VALID", "Berkas bukan sertifikat PKCS#12 (.p12/.pfx) yang sah.", "berkas");
  }
}

/** Opens the PKCS#12 with `passphrase`; the result signs with its key, after the checks above at `now`. */
export function bukaP12(p12: Buffer, passphrase: string, now: Date): { signer: CmsSigner; sertifikat: RingkasanSertifikat } {
  if (!passphrase) throw err("TTD_PASSPHRASE_KOSONG", "Passphrase sertifikat wajib diisi.", "passphrase");
  const pfx = parse(p12, passphrase);
  const keyBags = [
    ...(pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []),
    ...(pfx.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? []),
  ];
  const keys = keyBags.map((b) => b.key).filter((k): k is forge.pki.rsa.PrivateKey => !!k);
  if (keys.length === 0) {
    // an encrypted key bag forge could not read is there but has no key: an unsupported key type (EC)
    if (keyBags.length > 0) throw err("TTD_P12_TIDAK_DIDUKUNG", "Jenis kunci pada berkas PKCS#12 ini tidak didukung (gunakan kunci RSA).", "berkas");
    throw err("TTD_P12_TANPA_KUNCI", "Berkas PKCS#12 tidak berisi kunci privat.", "berkas");
  }
  if (keys.length > 1) throw err("TTD_P12_KUNCI_GANDA", "Berkas PKCS#12 berisi lebih dari satu kunci privat; unggah satu kunci saja.", "berkas");
  const key = keys[0]!;
  const certs = (pfx.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [])
    .map((b) => b.cert)
    .filter((c): c is forge.pki.Certificate => !!c);
  const own = certs.find((c) => {
    const pub = c.publicKey as forge.pki.rsa.PublicKey;
    return pub.n?.equals(key.n) && pub.e.equals(key.e);
  });
  if (!own) throw err("TTD_P12_TANPA_SERTIFIKAT", "Berkas PKCS#12 tidak berisi sertifikat untuk kunci privatnya.", "berkas");
  periksaSertifikat(own, now);

  const privateKey: KeyObject = createPrivateKey(forge.pki.privateKeyToPem(key));
  const chain = [own, ...certs.filter((c) => c !== own)].map(derOf);
  return {
    signer: { certificates: chain, sign: async (data) => sign("sha256", data, privateKey) },
    sertifikat: ringkasan(own),
  };
}

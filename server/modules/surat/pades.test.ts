import { createHash, generateKeyPairSync, sign, verify, X509Certificate } from "node:crypto";
import forge from "node-forge";
import { describe, expect, it } from "vitest";
import { PDFDocument } from "pdf-lib";
import { buildCadesSignedData, type CmsSigner, certificateParts, signPdf, signedAttributes, TtdError, waktuTandaTangan } from "./pades";

describe("waktuTandaTangan", () => {
  it("writes the signing time in Indonesian long form in the office's zone", () => {
    const t = new Date("2026-12-05T07:05:00Z");
    expect(waktuTandaTangan(t, "Asia/Jakarta")).toBe("5 Desember 2026 14.05 WIB");
    expect(waktuTandaTangan(t, "Asia/Makassar")).toBe("5 Desember 2026 15.05 WITA");
    expect(waktuTandaTangan(t, "Asia/Jayapura")).toBe("5 Desember 2026 16.05 WIT");
    // the date turns over in the zone, not in UTC; midnight is 00, never 24
    expect(waktuTandaTangan(new Date("2026-12-31T17:00:00Z"), "Asia/Jakarta")).toBe("1 Januari 2027 00.00 WIB");
  });
});

// A self-signed certificate from a Node key: the CMS encoder only reads its issuer, serial and key algorithm
function selfSigned() {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs8", format: "pem" }).toString()) as forge.pki.rsa.PrivateKey;
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = "01a2b3";
  cert.validity.notBefore = new Date("2026-01-01T00:00:00Z");
  cert.validity.notAfter = new Date("2027-01-01T00:00:00Z");
  cert.setSubject([{ shortName: "CN", value: "Uji" }]);
  cert.setIssuer([{ shortName: "CN", value: "Uji" }]);
  cert.sign(key, forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");
  return { privateKey, der };
}

const OIDS = {
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
};

describe("buildCadesSignedData", () => {
  const { privateKey, der: certDer } = selfSigned();
  const signer: CmsSigner = { certificates: [certDer], sign: async (data) => sign("sha256", data, privateKey) };
  const digest = createHash("sha256").update("isi surat").digest();

  it("reads issuer, serial and key algorithm from the certificate's own bytes", () => {
    const parts = certificateParts(certDer);
    expect(certDer.includes(parts.issuer)).toBe(true);
    expect(parts.serial.toString("hex")).toBe("020301a2b3");
    expect(forge.asn1.derToOid(forge.util.createBuffer(parts.keyAlgorithm.subarray(2).toString("binary")))).toBe("1.2.840.113549.1.1.1");
  });

  it("carries content-type, message-digest and signing-certificate-v2, and no signing-time (PAdES B-B)", async () => {
    const cms = forge.asn1.fromDer((await buildCadesSignedData(digest, signer)).toString("binary"));
    const v = (n: forge.asn1.Asn1) => n.value as forge.asn1.Asn1[];
    expect(forge.asn1.derToOid(v(cms)[0]!.value as string)).toBe("1.2.840.113549.1.7.2");
    const signedData = v(v(cms)[1]!)[0]!;
    // encapContentInfo is id-data without content: detached
    expect(v(v(signedData)[2]!)).toHaveLength(1);
    const signerInfo = v(v(v(signedData)[4]!)[0]!);
    const attrs = v(signerInfo[3]!).map((a) => ({ oid: forge.asn1.derToOid(v(a)[0]!.value as string), values: v(v(a)[1]!) }));
    expect(attrs.map((a) => a.oid).sort()).toEqual([OIDS.contentType, OIDS.messageDigest, OIDS.signingCertificateV2].sort());
    expect(attrs.some((a) => a.oid === OIDS.signingTime)).toBe(false);
    const md = attrs.find((a) => a.oid === OIDS.messageDigest)!.values[0]!;
    expect(Buffer.from(md.value as string, "binary").equals(digest)).toBe(true);
    // ESSCertIDv2.certHash is the SHA-256 of the signer's certificate
    const ess = v(v(v(attrs.find((a) => a.oid === OIDS.signingCertificateV2)!.values[0]!)[0]!)[0]!);
    expect(Buffer.from(ess[0]!.value as string, "binary").equals(createHash("sha256").update(certDer).digest())).toBe(true);

    // the signature is over the attributes as a SET, in DER order, and verifies with the certificate's key
    const attrsSet = Buffer.concat([Buffer.from([0x31]), encodeLength(signedAttributes(digest, certDer))]);
    const signature = Buffer.from(signerInfo[5]!.value as string, "binary");
    expect(verify("sha256", attrsSet, new X509Certificate(certDer).publicKey, signature)).toBe(true);
    expect(verify("sha256", Buffer.from(attrsSet).fill(0, 10, 11), new X509Certificate(certDer).publicKey, signature)).toBe(false);
  });

  it("refuses a signer without a certificate", async () => {
    await expect(buildCadesSignedData(digest, { certificates: [], sign: signer.sign })).rejects.toThrow(/no signer certificate/);
  });
});

describe("signPdf", () => {
  const { privateKey, der } = selfSigned();
  const signer: CmsSigner = { certificates: [der], sign: async (data) => sign("sha256", data, privateKey) };
  const appearance = { nama: "Pejabat", nip: "1", jabatan: "Kepala", verifikasiUrl: "https://x.test/verifikasi/K", kode: "K", timeZone: "Asia/Jakarta" };
  const code = (p: Promise<unknown>) =>
    p.then(
      () => "resolved",
      (e: unknown) => (e instanceof TtdError ? e.code : String(e)),
    );

  it("signs once, and refuses to sign a signed PDF again (its signature would be lost)", async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const signed = await signPdf(await doc.save(), { signer, appearance, clock: () => new Date("2026-12-05T07:05:00Z") });
    const text = Buffer.from(signed).toString("latin1");
    expect(text).toContain("/SubFilter /ETSI.CAdES.detached");
    expect(text).toContain("/M (D:20261205070500Z)");
    expect(await code(signPdf(signed, { signer, appearance }))).toBe("TTD_PDF_SUDAH_DITANDATANGANI");
    // also when the signature dictionary sits in an object stream
    const rewritten = await (await PDFDocument.load(signed)).save({ useObjectStreams: true });
    expect(await code(signPdf(rewritten, { signer, appearance }))).toBe("TTD_PDF_SUDAH_DITANDATANGANI");
  });

  it("refuses bytes that are not a PDF with a stable code", async () => {
    expect(await code(signPdf(Buffer.from("bukan pdf"), { signer, appearance }))).toBe("TTD_PDF_TIDAK_VALID");
  });
});

function encodeLength(attrs: Buffer[]): Buffer {
  const body = Buffer.concat(attrs);
  const n = body.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from(len), body]);
}

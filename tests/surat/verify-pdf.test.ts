import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import forge from "node-forge";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CmsSigner, type SignatureAppearance, signPdf } from "../../server/modules/surat/pades";
import { bukaP12 } from "../../server/modules/surat/sign-p12";
import { remoteSigner } from "../../server/modules/surat/sign-remote";
import { type HasilTandaTangan, periksaPdf } from "../../server/modules/surat/verify-pdf";
import { type Issued, issue, makeCa, toP12 } from "../helpers/pki";
import { type RemoteSignerService, startRemoteSigner } from "../helpers/remote-signer";

/**
 * periksaPdf on letters signed the two real ways (the office's PKCS#12, the remote service over HTTP), with a
 * throw-away CA; its verdicts are cross-checked with poppler's pdfsig where the two can be compared.
 */
const PDFSIG = "/usr/bin/pdfsig";
const CERTUTIL = "/usr/bin/certutil";
const hasPdfsig = fs.existsSync(PDFSIG);
const hasCertutil = fs.existsSync(CERTUTIL);
if (!hasPdfsig) console.warn("pdfsig cross-checks skipped: poppler-utils is not installed (`apt-get install -y poppler-utils`).");
if (!hasCertutil) console.warn("pdfsig chain cross-check skipped: NSS's certutil is missing (`apt-get install -y libnss3-tools`).");
const run = promisify(execFile);

const NOW = new Date("2026-12-05T07:05:00Z");
const DAY = 86_400_000;
const NIP = "197001011990032001";

const appearance: SignatureAppearance = {
  nama: "Dra. Siti Aminah, M.Si.",
  nip: NIP,
  jabatan: "Kepala Kantor",
  verifikasiUrl: "https://loket.example.go.id/verifikasi/K7Q2-9XRM",
  kode: "K7Q2-9XRM",
  timeZone: "Asia/Jakarta",
  lokasi: "Kemenag Kabupaten Madiun",
};

async function letter(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595.28, 841.89]).drawText("Surat Keterangan", { x: 72, y: 760, size: 14, font });
  return doc.save();
}

/** An NSS database (what pdfsig validates chains with) trusting only `ca`. */
async function nssTrusting(dir: string, name: string, ca: Issued): Promise<string> {
  const db = path.join(dir, name);
  fs.mkdirSync(db);
  fs.writeFileSync(path.join(dir, `${name}.pem`), ca.pem);
  await run(CERTUTIL, ["-N", "-d", `sql:${db}`, "--empty-password"]);
  await run(CERTUTIL, ["-A", "-d", `sql:${db}`, "-n", name, "-t", "C,C,C", "-i", path.join(dir, `${name}.pem`)]);
  return `sql:${db}`;
}

/** `leaf` again, its subject carrying a serialNumber (the NIP, as Indonesian CAs name civil servants), re-signed by `ca`. */
function withSerialNumber(leaf: Issued, ca: Issued, serialNumber: string): Issued {
  const cert = leaf.cert;
  cert.setSubject([
    { shortName: "C", value: "ID" },
    { shortName: "O", value: "Kementerian Agama" },
    { name: "serialNumber", value: serialNumber },
    { shortName: "CN", value: "Siti Aminah" },
  ]);
  cert.sign(ca.key, forge.md.sha256.create());
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), "binary");
  return { ...leaf, cert, der, pem: forge.pki.certificateToPem(cert) };
}

async function pdfsig(dir: string, name: string, pdf: Uint8Array, nssdir?: string): Promise<string> {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  // pdfsig exits non-zero when a signature does not validate; its report is what is compared
  const r = await run(PDFSIG, [...(nssdir ? ["-nssdir", nssdir] : []), file]).catch((e: { stdout?: string; stderr?: string }) => ({
    stdout: e.stdout ?? "",
    stderr: e.stderr ?? "",
  }));
  return `${r.stdout}\n${r.stderr}`;
}

function only(sigs: HasilTandaTangan[]): HasilTandaTangan {
  expect(sigs).toHaveLength(1);
  return sigs[0]!;
}

describe("periksaPdf", () => {
  let dir: string;
  let ca: Issued;
  let otherCa: Issued;
  let leaf: Issued;
  let remote: RemoteSignerService;
  let p12Signed: Uint8Array;
  let remoteSigned: Uint8Array;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-verify-"));
    ca = makeCa();
    otherCa = makeCa("CA Lain");
    leaf = withSerialNumber(issue({ cn: "Siti Aminah", ca }), ca, NIP);
    const remoteLeaf = issue({ cn: "Penandatangan Jarak Jauh", ca });
    remote = await startRemoteSigner({ "3519014101700001": { passphrase: "rahasia-bsre", leaf: remoteLeaf, chain: [ca] } });

    const { signer } = bukaP12(toP12(leaf, [ca], "sandi-kantor-123"), "sandi-kantor-123", NOW);
    p12Signed = await signPdf(await letter(), { signer, appearance, clock: () => NOW });
    const settings = { url: remote.url, clientId: remote.clientId, clientSecret: remote.clientSecret };
    const viaRemote = await remoteSigner(settings, { signerId: "3519014101700001", passphrase: "rahasia-bsre" });
    remoteSigned = await signPdf(await letter(), { signer: viaRemote, appearance, clock: () => NOW });
  });

  afterAll(async () => {
    await remote?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("a letter signed with the office's PKCS#12: VALID, whole file, TRUSTED to the test CA, signer and NIP read", async () => {
    const r = await periksaPdf(p12Signed, { roots: [ca.der], now: NOW });
    expect(r.sha256).toBe(createHash("sha256").update(p12Signed).digest("hex"));
    expect(r.tidakBertandaTangan).toBe(false);
    const s = only(r.tandaTangan);
    expect(s).toMatchObject({
      urutan: 1,
      mencakupSeluruhBerkas: true,
      subFilter: "ETSI.CAdES.detached",
      integritas: "VALID",
      digestCocok: true,
      tandaTanganCocok: true,
      sertifikatTerikat: true,
      sertifikatBerlaku: "BERLAKU",
      rantai: "TRUSTED",
      jalurRantai: ["Siti Aminah", "Loket Uji CA"],
      pencabutan: "UNKNOWN",
      masalah: [],
    });
    expect(s.pencabutanKeterangan).toMatch(/tidak diperiksa/);
    expect(s.penandatangan).toMatchObject({
      nama: "Siti Aminah",
      organisasi: "Kementerian Agama",
      nip: NIP,
      penerbit: "Loket Uji CA",
      nomorSeri: leaf.cert.serialNumber.toUpperCase(),
      sidikJari: createHash("sha256").update(leaf.der).digest("hex"),
    });
    // PAdES B-B carries no signingTime attribute: the time is the signature dictionary's /M, and it says so
    expect(s.waktuTandaTangan?.toISOString()).toBe(NOW.toISOString());
    expect(s.sumberWaktu).toBe("KAMUS_TANDA_TANGAN");
  });

  it("a letter signed through the remote service: VALID and TRUSTED; UNTRUSTED when only another CA is a root", async () => {
    const trusted = only((await periksaPdf(remoteSigned, { roots: [ca.der], now: NOW })).tandaTangan);
    expect(trusted).toMatchObject({ integritas: "VALID", rantai: "TRUSTED", mencakupSeluruhBerkas: true });
    expect(trusted.penandatangan).toMatchObject({ nama: "Penandatangan Jarak Jauh", nip: null, organisasi: "Loket Uji" });

    const untrusted = only((await periksaPdf(remoteSigned, { roots: [otherCa.der], now: NOW })).tandaTangan);
    // integrity does not depend on trust; the chain does
    expect(untrusted).toMatchObject({ integritas: "VALID", rantai: "UNTRUSTED" });
    expect(untrusted.masalah.map((m) => m.kode)).toEqual(["RANTAI_TIDAK_DIPERCAYA"]);
    expect(untrusted.masalah[0]!.pesan).toContain("Loket Uji CA");
  });

  it.skipIf(!hasPdfsig || !hasCertutil)("the chain verdict agrees with pdfsig's, each trusting the same CA", async () => {
    const trustsCa = await nssTrusting(dir, "nss-ca", ca);
    const trustsOther = await nssTrusting(dir, "nss-lain", otherCa);
    expect(only((await periksaPdf(remoteSigned, { roots: [ca.der], now: NOW })).tandaTangan).rantai).toBe("TRUSTED");
    expect(await pdfsig(dir, "chain", remoteSigned, trustsCa)).toContain("Certificate Validation: Certificate is Trusted");
    expect(only((await periksaPdf(remoteSigned, { roots: [otherCa.der], now: NOW })).tandaTangan).rantai).toBe("UNTRUSTED");
    const other = await pdfsig(dir, "chain", remoteSigned, trustsOther);
    expect(other).toContain("Signature is Valid");
    expect(other).not.toContain("Certificate is Trusted");
  });

  it("a look-alike CA (same name as the trusted one, another key) is UNTRUSTED: names alone do not chain", async () => {
    const lookAlike = makeCa("Loket Uji CA");
    expect(lookAlike.cert.subject.hash).toBe(ca.cert.subject.hash);
    const forged = issue({ cn: "Siti Aminah", ca: lookAlike });
    const { signer } = bukaP12(toP12(forged, [lookAlike], "x"), "x", NOW);
    const signed = await signPdf(await letter(), { signer, appearance, clock: () => NOW });
    const s = only((await periksaPdf(signed, { roots: [ca.der], now: NOW })).tandaTangan);
    expect(s).toMatchObject({ integritas: "VALID", rantai: "UNTRUSTED", jalurRantai: ["Siti Aminah", "Loket Uji CA"] });
    expect(s.masalah.map((m) => m.kode)).toEqual(["RANTAI_TIDAK_DIPERCAYA"]);
  });

  it("INCOMPLETE when the file carries only the signer's certificate and its issuer is not a root", async () => {
    const key = bukaP12(toP12(leaf, [], "x"), "x", NOW).signer;
    const leafOnly: CmsSigner = { certificates: [leaf.der], sign: key.sign };
    const signed = await signPdf(await letter(), { signer: leafOnly, appearance, clock: () => NOW });
    expect(only((await periksaPdf(signed, { roots: [otherCa.der], now: NOW })).tandaTangan)).toMatchObject({
      integritas: "VALID",
      rantai: "INCOMPLETE",
      masalah: [expect.objectContaining({ kode: "RANTAI_TIDAK_LENGKAP" })],
    });
    // with the issuer among the roots the chain completes from the configuration
    expect(only((await periksaPdf(signed, { roots: [ca.der], now: NOW })).tandaTangan).rantai).toBe("TRUSTED");
  });

  it("one modified byte inside the signed range: INVALID integrity (and pdfsig agrees)", async () => {
    for (const signed of [p12Signed, remoteSigned]) {
      const tampered = Buffer.from(signed);
      // the binary comment after the header: the file still parses
      tampered[11] = tampered[11]! ^ 0x01;
      const s = only((await periksaPdf(tampered, { roots: [ca.der], now: NOW })).tandaTangan);
      expect(s).toMatchObject({ integritas: "INVALID", digestCocok: false, tandaTanganCocok: true, rantai: "TRUSTED" });
      expect(s.masalah.map((m) => m.kode)).toContain("DIGEST_TIDAK_COCOK");
      if (hasPdfsig) {
        expect(await pdfsig(dir, "ok", signed)).toContain("Signature is Valid");
        expect(await pdfsig(dir, "tampered", tampered)).not.toContain("Signature is Valid");
      }
    }
  });

  it("a changed signature value: INVALID although the digest still matches", async () => {
    const text = Buffer.from(p12Signed).toString("latin1");
    const [a, b] = /\/ByteRange \[(\d+) (\d+)/.exec(text)!.slice(1).map(Number) as [number, number];
    const hex = text
      .slice(a + b + 1)
      .split(">")[0]!
      .replace(/0+$/, "");
    // the RSA signature is the CMS's last element: change its last byte
    const at = a + b + 1 + hex.length - 1;
    const broken = Buffer.from(p12Signed);
    broken[at] = broken[at] === 0x30 ? 0x31 : 0x30;
    const s = only((await periksaPdf(broken, { roots: [ca.der], now: NOW })).tandaTangan);
    expect(s).toMatchObject({ integritas: "INVALID", digestCocok: true, tandaTanganCocok: false });
    expect(s.masalah.map((m) => m.kode)).toContain("TANDA_TANGAN_TIDAK_COCOK");
  });

  it("another certificate with the same key and serial swapped into the CMS: INVALID (signing-certificate-v2)", async () => {
    const genuine = issue({ cn: "Pejabat Asli", ca });
    const impostor = forge.pki.createCertificate();
    impostor.publicKey = genuine.cert.publicKey;
    impostor.serialNumber = genuine.cert.serialNumber;
    impostor.validity.notBefore = genuine.cert.validity.notBefore;
    impostor.validity.notAfter = genuine.cert.validity.notAfter;
    impostor.setSubject([{ shortName: "CN", value: "Penyusup" }]);
    impostor.setIssuer(ca.cert.subject.attributes);
    impostor.sign(ca.key, forge.md.sha256.create());
    const impostorDer = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(impostor)).getBytes(), "binary");
    const key = bukaP12(toP12(genuine, [ca], "x"), "x", NOW).signer;
    // pades.ts reads `certificates` twice: first for the signed attributes, then for the CMS's certificate set;
    // the second read hands over the impostor, as someone editing the file afterwards would
    let reads = 0;
    const swapping: CmsSigner = {
      get certificates() {
        return reads++ === 0 ? [genuine.der, ca.der] : [impostorDer, ca.der];
      },
      sign: key.sign,
    };
    const signed = await signPdf(await letter(), { signer: swapping, appearance, clock: () => NOW });
    const s = only((await periksaPdf(signed, { roots: [ca.der], now: NOW })).tandaTangan);
    expect(s.penandatangan?.nama).toBe("Penyusup");
    expect(s).toMatchObject({ digestCocok: true, tandaTanganCocok: true, sertifikatTerikat: false, integritas: "INVALID" });
    expect(s.masalah.map((m) => m.kode)).toContain("SERTIFIKAT_TIDAK_TERIKAT");
  });

  it("bytes appended after signing (an incremental update) are flagged: the signature no longer covers the file", async () => {
    const update = Buffer.from("\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n", "latin1");
    const appended = Buffer.concat([Buffer.from(p12Signed), update]);
    const r = await periksaPdf(appended, { roots: [ca.der], now: NOW });
    const s = only(r.tandaTangan);
    // the signed bytes themselves are intact: integrity holds, coverage does not
    expect(s).toMatchObject({ integritas: "VALID", mencakupSeluruhBerkas: false });
    expect(s.masalah.map((m) => m.kode)).toEqual(["ADA_PERUBAHAN_SETELAH_TTD"]);
    expect(r.sha256).not.toBe(createHash("sha256").update(p12Signed).digest("hex"));
    if (hasPdfsig) {
      expect(await pdfsig(dir, "whole", p12Signed)).toContain("Total document signed");
      expect(await pdfsig(dir, "appended", appended)).not.toContain("Total document signed");
    }
  });

  it("an unsigned PDF: tidakBertandaTangan, with its hash", async () => {
    const pdf = await letter();
    const r = await periksaPdf(pdf, { roots: [ca.der] });
    expect(r).toEqual({
      sha256: createHash("sha256").update(pdf).digest("hex"),
      ukuran: pdf.length,
      tidakBertandaTangan: true,
      tandaTangan: [],
      tidakDiperiksa: 0,
    });
  });

  it("a certificate expired at signing time is flagged KEDALUWARSA (integrity and chain still reported)", async () => {
    const expired = issue({ cn: "Pejabat Lama", ca, notBefore: new Date("2020-01-01T00:00:00Z"), notAfter: new Date("2021-01-01T00:00:00Z") });
    // the PKCS#12 opened while it was valid; the letter signed (by the clock) in 2026
    const { signer } = bukaP12(toP12(expired, [ca], "lama"), "lama", new Date("2020-06-01T00:00:00Z"));
    const signed = await signPdf(await letter(), { signer, appearance, clock: () => NOW });
    const s = only((await periksaPdf(signed, { roots: [ca.der], now: NOW })).tandaTangan);
    expect(s).toMatchObject({ integritas: "VALID", rantai: "TRUSTED", sertifikatBerlaku: "KEDALUWARSA" });
    expect(s.masalah.map((m) => m.kode)).toEqual(["SERTIFIKAT_KEDALUWARSA"]);

    const early = issue({ cn: "Pejabat Baru", ca, notBefore: new Date(NOW.getTime() + DAY), notAfter: new Date(NOW.getTime() + 10 * DAY) });
    const { signer: earlySigner } = bukaP12(toP12(early, [ca], "baru"), "baru", new Date(NOW.getTime() + 2 * DAY));
    const earlySigned = await signPdf(await letter(), { signer: earlySigner, appearance, clock: () => NOW });
    expect(only((await periksaPdf(earlySigned, { roots: [ca.der], now: NOW })).tandaTangan).sertifikatBerlaku).toBe("BELUM_BERLAKU");
  });

  it("an issuing CA that had expired when the letter was signed is flagged, the chain itself still TRUSTED", async () => {
    const oldCa = issue({ cn: "CA Lama", isCa: true, notBefore: new Date("2019-01-01T00:00:00Z"), notAfter: new Date("2022-01-01T00:00:00Z") });
    const late = issue({ cn: "Pejabat", ca: oldCa, notBefore: new Date("2020-01-01T00:00:00Z"), notAfter: new Date("2030-01-01T00:00:00Z") });
    const { signer } = bukaP12(toP12(late, [oldCa], "x"), "x", NOW);
    const signed = await signPdf(await letter(), { signer, appearance, clock: () => NOW });
    const s = only((await periksaPdf(signed, { roots: [oldCa.der], now: NOW })).tandaTangan);
    expect(s).toMatchObject({ integritas: "VALID", rantai: "TRUSTED", sertifikatBerlaku: "BERLAKU" });
    expect(s.masalah).toEqual([
      { kode: "SERTIFIKAT_PENERBIT_TIDAK_BERLAKU", pesan: 'Sertifikat penerbit "CA Lama" tidak berlaku pada waktu penandatanganan.' },
    ]);
  });

  it("a second signature's byte range is checked on its own, in file order", async () => {
    // the first signed letter with another whole signed letter appended: two dictionaries, the first not covering
    const two = Buffer.concat([Buffer.from(p12Signed), Buffer.from(remoteSigned)]);
    const r = await periksaPdf(two, { roots: [ca.der], now: NOW, maxSignatures: 1 });
    expect(r.tandaTangan).toHaveLength(1);
    expect(r.tidakDiperiksa).toBe(1);
    expect(r.tandaTangan[0]).toMatchObject({ urutan: 1, integritas: "VALID", mencakupSeluruhBerkas: false });
  });

  it("hostile variations of a signed file never crash: truncations, flipped bytes in /Contents, a broken /ByteRange", async () => {
    const signed = Buffer.from(p12Signed);
    const text = signed.toString("latin1");
    const brAt = text.indexOf("/ByteRange");
    const [a, b, c] = /\/ByteRange \[(\d+) (\d+) (\d+)/.exec(text)!.slice(1).map(Number) as [number, number, number];

    // truncated: every signature points outside the file
    for (const cut of [c - 1, c + 10, signed.length - 1]) {
      const s = only((await periksaPdf(signed.subarray(0, cut), { roots: [ca.der], now: NOW })).tandaTangan);
      expect(s.integritas).toBe("TIDAK_DAPAT_DIPERIKSA");
      expect(s.masalah.map((m) => m.kode)).toEqual(["BYTERANGE_DI_LUAR_BERKAS"]);
    }

    // a /ByteRange pointing far past the end (same width, so the rest of the file stays put)
    const far = Buffer.from(signed);
    const digits = String(c);
    const farther = "9".repeat(digits.length);
    const at = text.indexOf(` ${digits} `, brAt) + 1;
    far.write(farther, at, "latin1");
    expect(only((await periksaPdf(far, { roots: [ca.der], now: NOW })).tandaTangan).masalah[0]!.kode).toBe("BYTERANGE_DI_LUAR_BERKAS");

    // characters that are not hex inside /Contents
    for (const junk of ["G", "\u0000", "(x)", ">"]) {
      const fuzzed = Buffer.from(signed);
      fuzzed.write(junk, a + b + 1 + Math.floor(Math.random() * 3000), "latin1");
      const s = only((await periksaPdf(fuzzed, { roots: [ca.der], now: NOW })).tandaTangan);
      expect(s.integritas).toBe("TIDAK_DAPAT_DIPERIKSA");
      expect(s.masalah.map((m) => m.kode)).toEqual(["CONTENTS_TIDAK_SAH"]);
    }

    // random bytes in the CMS itself (valid hex): whatever the CMS has become, a result and never an exception
    const der = Buffer.from(text.slice(a + b + 1, c - 1), "hex");
    for (let i = 0; i < 150; i++) {
      const cms = Buffer.from(der);
      for (let k = 0; k < 1 + (i % 4); k++) cms[Math.floor(Math.random() * 2500)] = Math.floor(Math.random() * 256);
      const fuzzed = Buffer.from(signed);
      fuzzed.write(cms.toString("hex"), a + b + 1, "latin1");
      const s = only((await periksaPdf(fuzzed, { roots: [ca.der], now: NOW })).tandaTangan);
      expect(["VALID", "INVALID", "TIDAK_DAPAT_DIPERIKSA"]).toContain(s.integritas);
      expect(["TRUSTED", "UNTRUSTED", "INCOMPLETE"]).toContain(s.rantai);
    }
  });
});

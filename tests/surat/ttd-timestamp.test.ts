import { execFile } from "node:child_process";
import { createHash, verify } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import * as asn1js from "asn1js";
import { PDFDocument, StandardFonts } from "pdf-lib";
import * as pkijs from "pkijs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CmsSigner, type SignatureAppearance, signPdf, TtdError, waktuTandaTangan } from "../../server/modules/surat/pades";
import { bukaP12 } from "../../server/modules/surat/sign-p12";
import { periksaPdf } from "../../server/modules/surat/verify-pdf";
import { createInstansi, createStaff, createTestApp, globalId, type TestApp } from "../helpers/app";
import { type Issued, issue, makeCa, toP12 } from "../helpers/pki";
import { closedUrl, startTsa, type TsaService } from "../helpers/tsa";

/**
 * PAdES B-T (issue 15): with the office's timestamp authority set, a signature carries the TSA's RFC 3161 token
 * over its signature value. Checked independently: poppler's pdfsig still finds the signature valid, OpenSSL's
 * `ts -verify` accepts the token for the signature value; periksaPdf reports the TSA's time and name and judges the
 * certificate at that time. A TSA that fails fails the signing with a stable code, and nothing is returned.
 * The TSA is a real HTTP server (tests/helpers/tsa.ts) with a certificate from the test CA.
 */
const PDFSIG = "/usr/bin/pdfsig";
const PDFTOTEXT = "/usr/bin/pdftotext";
const OPENSSL = "/usr/bin/openssl";
const hasPdfsig = fs.existsSync(PDFSIG);
const hasOpenssl = fs.existsSync(OPENSSL);
if (!hasPdfsig) console.warn("pdfsig check of the timestamped signature skipped: poppler-utils is not installed (`apt-get install -y poppler-utils`).");
if (!hasOpenssl) console.warn("openssl ts -verify skipped: /usr/bin/openssl is missing; the token is checked with node:crypto instead.");
const run = promisify(execFile);

const DAY = 86_400_000;
// the server clock: certificates below are valid from a day ago
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
// the TSA's clock, a little later than the server's: the two times must be told apart
const TSA_NOW = new Date(NOW.getTime() + 90_000);
const PASS = "sandi-kantor-123";

const appearance: SignatureAppearance = {
  nama: "Dra. Siti Aminah, M.Si.",
  nip: "197001011990032001",
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

/** The CMS of the file's (only) signature, and where its hex sits in the file. */
function cmsOf(pdf: Uint8Array): { der: Buffer; hexStart: number; hexEnd: number } {
  const buf = Buffer.from(pdf);
  const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(buf.toString("latin1"));
  expect(m).not.toBeNull();
  const [a, b, c] = m!.slice(1).map(Number) as [number, number, number, number];
  return { der: Buffer.from(buf.subarray(a + b + 1, c - 1).toString("latin1"), "hex"), hexStart: a + b + 1, hexEnd: c - 1 };
}

/** The SignerInfo's signature value and its signatureTimeStampToken (DER, as in the file). */
function tokenOf(cms: Buffer): { signatureValue: Buffer; token: Buffer | null } {
  const info = new pkijs.ContentInfo({ schema: asn1js.fromBER(new Uint8Array(cms)).result });
  const si = new pkijs.SignedData({ schema: info.content }).signerInfos[0]!;
  const attr = si.unsignedAttrs?.attributes.find((a) => a.type === "1.2.840.113549.1.9.16.2.14");
  const value: unknown = attr?.values[0];
  return {
    signatureValue: Buffer.from(si.signature.valueBlock.valueHexView),
    token: value instanceof asn1js.BaseBlock ? Buffer.from(value.valueBeforeDecodeView) : null,
  };
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof TtdError) return e.code;
    throw e;
  }
  throw new Error("expected a TtdError");
}

describe("PAdES B-T: a signature timestamped by the office's TSA", () => {
  let dir: string;
  let ca: Issued;
  let tsaCert: Issued;
  let tsa: TsaService;
  let signer: CmsSigner;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-tsa-"));
    ca = makeCa();
    fs.writeFileSync(path.join(dir, "ca.pem"), ca.pem);
    tsaCert = issue({ cn: "Loket Uji TSA", ca, keyUsage: { digitalSignature: true }, extKeyUsage: { timeStamping: true } });
    tsa = await startTsa(tsaCert, [ca]);
    tsa.clock = () => TSA_NOW;
    signer = bukaP12(toP12(issue({ cn: "Siti Aminah", ca, notBefore: new Date(NOW.getTime() - DAY) }), [ca], PASS), PASS, NOW).signer;
  });

  afterAll(async () => {
    await tsa?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("carries the TSA's token over the signature value; pdfsig and OpenSSL accept it; the visible time is the server's", async () => {
    tsa.mode = "ok";
    tsa.requests.length = 0;
    const signed = await signPdf(await letter(), { signer, appearance, clock: () => NOW, tsaUrl: tsa.url });
    const { signatureValue, token } = tokenOf(cmsOf(signed).der);
    expect(token, "unsigned attribute id-aa-signatureTimeStampToken").not.toBeNull();

    // one request: SHA-256 of the signature value, a nonce, certificates asked for, the RFC 3161 media type
    expect(tsa.requests).toHaveLength(1);
    expect(tsa.requests[0]).toMatchObject({
      contentType: "application/timestamp-query",
      hashAlgorithm: "2.16.840.1.101.3.4.2.1",
      imprint: createHash("sha256").update(signatureValue).digest("hex"),
      certReq: true,
    });
    expect(tsa.requests[0]!.nonce).toMatch(/^[0-9a-f]{16}$/);

    const file = path.join(dir, "bt.pdf");
    fs.writeFileSync(file, signed);
    if (hasPdfsig) {
      const r = await run(PDFSIG, [file]).catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? "", stderr: e.stderr ?? "" }));
      const report = `${r.stdout}\n${r.stderr}`;
      expect(report).toContain("Signature Type: ETSI.CAdES.detached");
      expect(report).toContain("Signature is Valid");
      expect(report).toContain("Total document signed");
      // the block on the page shows the server clock, not the TSA's
      const { stdout: text } = await run(PDFTOTEXT, [file, "-"]);
      expect(text).toContain(waktuTandaTangan(NOW, "Asia/Jakarta"));
    }

    const tokenFile = path.join(dir, "token.tst");
    const dataFile = path.join(dir, "signature-value.bin");
    fs.writeFileSync(tokenFile, token!);
    fs.writeFileSync(dataFile, signatureValue);
    if (hasOpenssl) {
      // OpenSSL checks the TSA's signature, its chain to the CA, the critical timeStamping EKU, ESS and the imprint
      const args = ["ts", "-verify", "-in", tokenFile, "-token_in", "-data", dataFile, "-CAfile", path.join(dir, "ca.pem")];
      const { stdout } = await run(OPENSSL, args);
      expect(stdout).toContain("Verification: OK");
      const { stdout: printed } = await run(OPENSSL, ["ts", "-reply", "-in", tokenFile, "-token_in", "-text"]);
      expect(printed).toContain("Nonce: 0x");
      // the token is for this signature value only
      fs.writeFileSync(dataFile, Buffer.concat([signatureValue, Buffer.from([0])]));
      await expect(run(OPENSSL, args)).rejects.toThrow(/message imprint mismatch|Verification: FAILED/i);
    } else {
      // node:crypto: the token's signed attributes verify with the TSA's key, and its imprint is this signature's
      const sd = new pkijs.SignedData({ schema: new pkijs.ContentInfo({ schema: asn1js.fromBER(new Uint8Array(token!)).result }).content });
      const si = sd.signerInfos[0]!;
      const attrs = Buffer.from(si.signedAttrs!.encodedValue);
      attrs[0] = 0x31;
      expect(verify("sha256", attrs, tsaCert.pem, Buffer.from(si.signature.valueBlock.valueHexView))).toBe(true);
      const tst = new pkijs.TSTInfo({ schema: asn1js.fromBER(sd.encapContentInfo.eContent!.getValue()).result });
      expect(Buffer.from(tst.messageImprint.hashedMessage.valueBlock.valueHexView).equals(createHash("sha256").update(signatureValue).digest())).toBe(true);
    }

    // periksaPdf: the TSA's time and name, next to the claimed time
    const [ttd] = (await periksaPdf(signed, { roots: [ca.der] })).tandaTangan;
    expect(ttd).toMatchObject({
      integritas: "VALID",
      mencakupSeluruhBerkas: true,
      rantai: "TRUSTED",
      sertifikatBerlaku: "BERLAKU",
      timestampValid: true,
      penerbitTimestamp: "C=ID, O=Loket Uji, CN=Loket Uji TSA",
      rantaiTimestamp: "TRUSTED",
      masalah: [],
    });
    expect(ttd!.waktuTimestamp?.toISOString()).toBe(TSA_NOW.toISOString());
    expect(ttd!.waktuTandaTangan?.toISOString()).toBe(NOW.toISOString());
  });

  it("a valid timestamp's time, not the claimed one, is when the certificate must have been valid; a broken token is reported and not used", async () => {
    tsa.mode = "ok";
    // a claimed time before the signer's certificate was issued (it is valid from a day ago)
    const claimed = new Date(NOW.getTime() - 30 * DAY);
    const signed = await signPdf(await letter(), { signer, appearance, clock: () => claimed, tsaUrl: tsa.url });
    const [ok] = (await periksaPdf(signed, { roots: [ca.der] })).tandaTangan;
    expect(ok).toMatchObject({ timestampValid: true, sertifikatBerlaku: "BERLAKU", integritas: "VALID" });
    expect(ok!.waktuTandaTangan?.toISOString()).toBe(claimed.toISOString());

    // one bit of the TSA's signature changed (the token's last byte: the signature ends its SignerInfo); the
    // letter's own signature does not cover unsigned attributes, so it stays intact
    const { der, hexStart } = cmsOf(signed);
    const { token } = tokenOf(der);
    const at = der.indexOf(token!) + token!.length - 1;
    const broken = Buffer.from(signed);
    const pos = hexStart + at * 2 + 1;
    broken[pos] = broken[pos] === 0x30 ? 0x31 : 0x30;
    const [bad] = (await periksaPdf(broken, { roots: [ca.der] })).tandaTangan;
    expect(bad).toMatchObject({ integritas: "VALID", timestampValid: false, sertifikatBerlaku: "BELUM_BERLAKU" });
    expect(bad!.masalah.map((m) => m.kode)).toEqual(expect.arrayContaining(["TIMESTAMP_TANDA_TANGAN_TIDAK_COCOK", "SERTIFIKAT_BELUM_BERLAKU"]));
  });

  it("a TSA that fails fails the signing with a stable code, and nothing is returned or changed", async () => {
    const pdf = await letter();
    const before = Buffer.from(pdf);
    const attempt = (tsaUrl: string, tsaTimeoutMs?: number) => codeOf(signPdf(pdf, { signer, appearance, clock: () => NOW, tsaUrl, tsaTimeoutMs }));
    try {
      tsa.mode = "error500";
      expect(await attempt(tsa.url)).toBe("TTD_TSA_GAGAL");
      tsa.mode = "slow";
      tsa.delayMs = 3000;
      const started = Date.now();
      expect(await attempt(tsa.url, 300)).toBe("TTD_TSA_TIMEOUT");
      expect(Date.now() - started).toBeLessThan(2500);
      tsa.mode = "rejection";
      expect(await attempt(tsa.url)).toBe("TTD_TSA_DITOLAK");
      tsa.mode = "garbage";
      expect(await attempt(tsa.url)).toBe("TTD_TSA_GAGAL");
      // a token for another request: a replay (another nonce) or another signature (another imprint)
      tsa.mode = "wrongNonce";
      expect(await attempt(tsa.url)).toBe("TTD_TSA_GAGAL");
      tsa.mode = "wrongImprint";
      expect(await attempt(tsa.url)).toBe("TTD_TSA_GAGAL");
      expect(await attempt(await closedUrl())).toBe("TTD_TSA_TIDAK_TERJANGKAU");
    } finally {
      tsa.mode = "ok";
    }
    // the letter given to signPdf is untouched, and a Loket message says what happened
    expect(Buffer.from(pdf).equals(before)).toBe(true);
    const err = await signPdf(pdf, { signer, appearance, clock: () => NOW, tsaUrl: await closedUrl() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TtdError);
    expect((err as TtdError).message).toMatch(/stempel waktu/);
  });

  it("a TSA certificate without the timeStamping purpose makes the token refused at signing", async () => {
    const plain = await startTsa(issue({ cn: "Bukan TSA", ca, keyUsage: { digitalSignature: true } }), [ca]);
    try {
      expect(await codeOf(signPdf(await letter(), { signer, appearance, clock: () => NOW, tsaUrl: plain.url }))).toBe("TTD_TSA_GAGAL");
    } finally {
      await plain.close();
    }
  });
});

describe("aturTsaTtd through the API", () => {
  const ATUR = /* GraphQL */ `
    mutation($i: ID!, $url: String) {
      aturTsaTtd(instansiId: $i, url: $url) {
        __typename
        ... on AturTsaTtdSuccess { data { tsaUrl metode } }
        ... on Error { code message field }
      }
    }
  `;
  const LIHAT = `query($i: ID!) { pengaturanTtd(instansiId: $i) { tsaUrl } }`;
  let t: TestApp;
  let gid: string;
  let admin: { token: string };

  beforeAll(async () => {
    t = await createTestApp();
    const instansi = await createInstansi(t);
    gid = globalId("Instansi", instansi.id);
    admin = await createStaff(t, "ADMIN", instansi.id);
  });
  afterAll(() => t?.close());

  it("an admin sets and clears the TSA; a URL that is not http(s) is refused on its field", async () => {
    const set = await t.gql(ATUR, { i: gid, url: "  https://tsa.example.go.id/tsr  " }, { token: admin.token });
    expect(set.data?.aturTsaTtd).toEqual({ __typename: "AturTsaTtdSuccess", data: { tsaUrl: "https://tsa.example.go.id/tsr", metode: null } });
    expect((await t.gql(LIHAT, { i: gid }, { token: admin.token })).data?.pengaturanTtd).toEqual({ tsaUrl: "https://tsa.example.go.id/tsr" });

    for (const url of ["ftp://tsa.example.go.id", "https://user:sandi@tsa.example.go.id/tsr", "bukan url", "javascript:alert(1)"]) {
      const bad = await t.gql(ATUR, { i: gid, url }, { token: admin.token });
      expect(bad.data?.aturTsaTtd, url).toMatchObject({ __typename: "TandaTanganError", code: "TTD_TSA_URL_INVALID", field: "url" });
    }
    // refused: the stored one stays
    expect((await t.gql(LIHAT, { i: gid }, { token: admin.token })).data?.pengaturanTtd).toEqual({ tsaUrl: "https://tsa.example.go.id/tsr" });

    const cleared = await t.gql(ATUR, { i: gid, url: "" }, { token: admin.token });
    expect(cleared.data?.aturTsaTtd).toMatchObject({ __typename: "AturTsaTtdSuccess", data: { tsaUrl: null } });
    await t.gql(ATUR, { i: gid, url: "http://127.0.0.1:3180/" }, { token: admin.token });
    const nulled = await t.gql(ATUR, { i: gid, url: null }, { token: admin.token });
    expect(nulled.data?.aturTsaTtd).toMatchObject({ __typename: "AturTsaTtdSuccess", data: { tsaUrl: null } });
  });
});

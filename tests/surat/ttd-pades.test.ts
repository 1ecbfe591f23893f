import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import jsQR from "jsqr";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type SignatureAppearance, signPdf } from "../../server/modules/surat/pades";
import { bukaP12 } from "../../server/modules/surat/sign-p12";
import { remoteSigner } from "../../server/modules/surat/sign-remote";
import { type Issued, issue, makeCa, toP12 } from "../helpers/pki";
import { type RemoteSignerService, startRemoteSigner } from "../helpers/remote-signer";

/**
 * Signed letters checked by an independent validator: poppler's pdfsig (NSS underneath) must find the PAdES
 * signature valid over the whole file, and invalid after one changed byte; pdftoppm renders the last page and jsQR
 * reads the verification link back from the QR code.
 */
const PDFSIG = "/usr/bin/pdfsig";
const PDFTOPPM = "/usr/bin/pdftoppm";
const PDFTOTEXT = "/usr/bin/pdftotext";
const CERTUTIL = "/usr/bin/certutil";
const OPENSSL = "/usr/bin/openssl";
const hasCertutil = fs.existsSync(CERTUTIL);
const hasOpenssl = fs.existsSync(OPENSSL);
const hasPoppler = [PDFSIG, PDFTOPPM, PDFTOTEXT].every((f) => fs.existsSync(f));
if (!hasPoppler)
  console.warn("Skipping the PAdES validation tests: poppler's pdfsig/pdftoppm/pdftotext are missing (install them with `apt-get install -y poppler-utils`).");

const run = promisify(execFile);
const NOW = new Date("2026-12-05T07:05:00Z");
const clock = () => NOW;

async function pdfsig(file: string, nssdir?: string): Promise<string> {
  // pdfsig exits non-zero when a signature or its certificate does not validate; its report is what we check
  const r = await run(PDFSIG, [...(nssdir ? ["-nssdir", nssdir] : []), file]).catch((e: { stdout?: string; stderr?: string }) => ({
    stdout: e.stdout ?? "",
    stderr: e.stderr ?? "",
  }));
  return `${r.stdout}\n${r.stderr}`;
}

async function letter(pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 1; i <= pages; i++) {
    const page = doc.addPage([595.28, 841.89]);
    page.drawText(`Surat Keterangan — halaman ${i}`, { x: 72, y: 760, size: 14, font });
  }
  return doc.save();
}

const appearance: SignatureAppearance = {
  nama: "Dra. Siti Aminah, M.Si.",
  nip: "197001011990032001",
  jabatan: "Kepala Kantor Kementerian Agama Kabupaten Madiun",
  verifikasiUrl: "https://loket.example.go.id/verifikasi/K7Q2-9XRM",
  kode: "K7Q2-9XRM",
  timeZone: "Asia/Jakarta",
  lokasi: "Kemenag Kabupaten Madiun",
};

describe.skipIf(!hasPoppler)("PAdES signatures checked with pdfsig", () => {
  let dir: string;
  let ca: Issued;
  let leaf: Issued;
  let remote: RemoteSignerService;
  /** an NSS database trusting only the test CA, when certutil is there */
  let nssdir: string | undefined;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-ttd-"));
    ca = makeCa();
    fs.writeFileSync(path.join(dir, "ca.pem"), ca.pem);
    if (hasCertutil) {
      nssdir = `sql:${path.join(dir, "nss")}`;
      fs.mkdirSync(path.join(dir, "nss"));
      await run(CERTUTIL, ["-N", "-d", nssdir, "--empty-password"]);
      await run(CERTUTIL, ["-A", "-d", nssdir, "-n", "loket-uji-ca", "-t", "C,C,C", "-i", path.join(dir, "ca.pem")]);
    }
    leaf = issue({ cn: "Siti Aminah", ca });
    const remoteLeaf = issue({ cn: "Penandatangan Jarak Jauh", ca });
    remote = await startRemoteSigner({ "3519014101700001": { passphrase: "rahasia-bsre", leaf: remoteLeaf, chain: [ca] } });
  });

  afterAll(async () => {
    await remote?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function checkSigned(signed: Uint8Array, name: string, expectCn: string): Promise<void> {
    const file = path.join(dir, `${name}.pdf`);
    fs.writeFileSync(file, signed);
    const report = await pdfsig(file, nssdir);
    expect(report).toContain("Signature Type: ETSI.CAdES.detached");
    expect(report).toContain("Signature is Valid");
    expect(report).toContain("Total document signed");
    expect(report).toContain(`Signer Certificate Common Name: ${expectCn}`);
    expect(report).toContain("Signing Hash Algorithm: SHA-256");
    // with the test CA in an NSS database the chain is trusted; without certutil only integrity is checked above
    if (nssdir) expect(report).toContain("Certificate Validation: Certificate is Trusted");
    // a signature dictionary's /Contents is DER: OpenSSL, a second validator, checks it over the byte range too
    if (hasOpenssl) await opensslVerify(Buffer.from(signed), name);

    // one changed byte inside the signed range (the binary comment after the header, so the file still parses)
    const tampered = Buffer.from(signed);
    expect(tampered.subarray(0, 9).toString("latin1")).toBe("%PDF-1.7\n");
    tampered[11] = tampered[11]! ^ 0x01;
    const bad = path.join(dir, `${name}-tampered.pdf`);
    fs.writeFileSync(bad, tampered);
    const badReport = await pdfsig(bad, nssdir);
    expect(badReport).not.toContain("Signature is Valid");
    expect(badReport).toMatch(/Signature is Invalid|Digest Mismatch/);

    // the visible block on the last page: its text, and the QR code read back to the verification link
    const { stdout: text } = await run(PDFTOTEXT, ["-f", "2", "-l", "2", file, "-"]);
    expect(text).toContain("Ditandatangani secara elektronik");
    expect(text).toContain("Dra. Siti Aminah, M.Si.");
    expect(text).toContain("NIP. 197001011990032001");
    expect(text).toContain("5 Desember 2026 14.05 WIB");
    expect(text).toContain("K7Q2-9XRM");
    const { stdout: firstPage } = await run(PDFTOTEXT, ["-f", "1", "-l", "1", file, "-"]);
    expect(firstPage).not.toContain("Ditandatangani secara elektronik");
    await run(PDFTOPPM, ["-png", "-r", "150", "-f", "2", "-l", "2", "-singlefile", file, path.join(dir, name)]);
    const png = PNG.sync.read(fs.readFileSync(path.join(dir, `${name}.png`)));
    const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
    expect(qr?.data).toBe(appearance.verifikasiUrl);
  }

  async function opensslVerify(signed: Buffer, name: string): Promise<void> {
    const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/.exec(signed.toString("latin1"));
    expect(m).not.toBeNull();
    const [a, b, c, d] = m!.slice(1).map(Number) as [number, number, number, number];
    const hex = signed.subarray(a + b + 1, c - 1).toString("latin1");
    const cms = path.join(dir, `${name}.p7s`);
    const content = path.join(dir, `${name}.signed-bytes`);
    fs.writeFileSync(cms, Buffer.from(hex, "hex"));
    fs.writeFileSync(content, Buffer.concat([signed.subarray(a, a + b), signed.subarray(c, c + d)]));
    const args = [
      "cms",
      "-verify",
      "-inform",
      "DER",
      "-in",
      cms,
      "-binary",
      "-content",
      content,
      "-CAfile",
      path.join(dir, "ca.pem"),
      "-purpose",
      "any",
      "-out",
      "/dev/null",
    ];
    const { stderr } = await run(OPENSSL, args);
    expect(stderr).toContain("Verification successful");
    const { stdout: printed } = await run(OPENSSL, ["cms", "-cmsout", "-print", "-inform", "DER", "-in", cms]);
    expect(printed).toMatch(/id-smime-aa-signingCertificateV2|1\.2\.840\.113549\.1\.9\.16\.2\.47/);
    expect(printed).not.toContain("signingTime");
    // one byte of the signed content changed: OpenSSL refuses it as well
    const changed = fs.readFileSync(content);
    changed[100] = changed[100]! ^ 0x01;
    fs.writeFileSync(content, changed);
    await expect(run(OPENSSL, args)).rejects.toThrow(/Verification failure|digest failure/i);
  }

  it("signs with the office's PKCS#12 (way 1)", async () => {
    const p12 = toP12(leaf, [ca], "sandi-kantor-123");
    const { signer, sertifikat } = bukaP12(p12, "sandi-kantor-123", NOW);
    expect(sertifikat.subjek).toContain("CN=Siti Aminah");
    expect(signer.certificates).toHaveLength(2);
    const signed = await signPdf(await letter(), { signer, appearance, clock });
    await checkSigned(signed, "p12", "Siti Aminah");
  });

  it("signs through the remote signing service (way 2), which sees a hash and never the letter", async () => {
    const settings = { url: remote.url, clientId: remote.clientId, clientSecret: remote.clientSecret };
    const signer = await remoteSigner(settings, { signerId: "3519014101700001", passphrase: "rahasia-bsre" });
    const pdf = await letter();
    const signed = await signPdf(pdf, { signer, appearance, clock });
    await checkSigned(signed, "remote", "Penandatangan Jarak Jauh");
    const signs = remote.requests.filter((r) => r.path === "/sign");
    expect(signs).toHaveLength(1);
    expect(signs[0]).toMatchObject({ signerId: "3519014101700001", hashAlgorithm: "SHA-256" });
    expect(Buffer.from(signs[0]!.hash!, "base64")).toHaveLength(32);
  });
});

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PDFDocument, StandardFonts, degrees } from "pdf-lib";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signPdf } from "../../server/modules/surat/pades";
import { bukaP12 } from "../../server/modules/surat/sign-p12";
import { capPdf, sudahDitandatangani } from "../../server/modules/surat/stamp";
import { PNG_1X1, activeCitizen, createTestApp, globalId, insertSubmitted, serviceFixture, tinyPdf, type TestApp, upload } from "../helpers/app";
import { type Issued, issue, makeCa, toP12 } from "../helpers/pki";

/**
 * The verification stamp on uploaded results (issue 15), through the public API: an officer attaches a plain PDF
 * with lampirkanHasil and the applicant downloads a different file whose every page carries, in its footer, a QR
 * code of `<publicUrl>/verifikasi/<code>` (drawn by pdftoppm, read by jsQR) and the code as text (pdftotext), the
 * original text still there; periksaBerkasVerifikasi finds the downloaded file the issued one. A signed PDF, a PDF
 * pdf-lib cannot read and an image are delivered byte for byte as uploaded; the signed one still validates in
 * poppler's pdfsig and periksaBerkasVerifikasi shows its signature. No upload leaves a temp file behind.
 */
const PDFTOPPM = "/usr/bin/pdftoppm";
const PDFTOTEXT = "/usr/bin/pdftotext";
const PDFSIG = "/usr/bin/pdfsig";
const hasPoppler = [PDFTOPPM, PDFTOTEXT, PDFSIG].every((f) => fs.existsSync(f));
if (!hasPoppler)
  console.warn("Skipping the poppler checks of the verification stamp: pdftoppm/pdftotext/pdfsig are missing (apt-get install -y poppler-utils).");

const PUBLIC_URL = "https://loket.example.go.id";
const KODE = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

const HASIL = /* GraphQL */ `
  mutation($id: ID!, $v: Int!, $judul: String!, $file: File!) {
    lampirkanHasil(id: $id, versi: $v, judul: $judul, file: $file) {
      __typename
      ... on LampirkanHasilSuccess { data { hasil { id judul kodeVerifikasi url sha256 } } }
      ... on Error { code message field }
    }
  }
`;
const PERIKSA = /* GraphQL */ `
  mutation($kode: String!, $berkas: File!) {
    periksaBerkasVerifikasi(kode: $kode, berkas: $berkas) {
      __typename
      ... on PeriksaBerkasVerifikasiSuccess {
        data {
          sama sha256 pdf tidakBertandaTangan tandaTanganSah kesimpulan
          tandaTangan { urutan sah integritas mencakupSeluruhBerkas rantai penandatangan { nama } }
        }
      }
      ... on Error { code message field }
    }
  }
`;
const ATUR_AKAR = /* GraphQL */ `
  mutation($instansiId: ID!, $pem: String!) { aturAkarTtd(instansiId: $instansiId, pem: $pem) { __typename ... on Error { code message } } }
`;

/** A three-page letter: A4, A5 and an A4 page shown landscape (/Rotate 90), each with its own line of text. */
async function suratBiasa(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const sizes: Array<[number, number]> = [
    [595.28, 841.89],
    [419.53, 595.28],
    [595.28, 841.89],
  ];
  for (const [i, [w, h]] of sizes.entries()) {
    const page = doc.addPage([w, h]);
    page.drawText(`Surat Keterangan Domisili halaman ${i + 1}`, { x: 60, y: h - 80, size: 13, font });
  }
  doc.getPage(2).setRotation(degrees(90));
  return doc.save();
}

describe("the verification stamp on uploaded result documents", () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let citizen: Awaited<ReturnType<typeof activeCitizen>>;
  let ca: Issued;
  let tmp: string;
  let nomor = 0;

  beforeAll(async () => {
    t = await createTestApp({ publicUrl: PUBLIC_URL });
    fx = await serviceFixture(t);
    citizen = await activeCitizen(t);
    ca = makeCa("Loket Uji CA Cap");
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loket-cap-"));
  });
  afterAll(async () => {
    await t?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** A request in process; the officer attaches `file` as its result and the applicant downloads it. */
  async function lampirkan(file: { name: string; content: Buffer }) {
    const row = await insertSubmitted(t, fx, citizen.id, `KMG/2026/8${String(++nomor).padStart(5, "0")}`);
    const p = await t.db.prisma.pengajuan.update({ where: { id: row.id }, data: { status: "DIPROSES", diverifikasiAt: new Date() } });
    const res = await upload(t, HASIL, { id: row.gid, v: p.versi, judul: "Surat Keterangan Domisili", file: null }, { file }, { token: fx.petugas.token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.lampirkanHasil.__typename, JSON.stringify(res)).toBe("LampirkanHasilSuccess");
    const hasil = res.data!.lampirkanHasil.data.hasil[0] as { id: string; kodeVerifikasi: string; url: string; sha256: string };
    expect(hasil.kodeVerifikasi).toMatch(KODE);
    const dl = await t.app.yoga.fetch(`http://localhost${hasil.url}`, { headers: { authorization: `Bearer ${citizen.token}` } });
    expect(dl.status).toBe(200);
    const bytes = Buffer.from(await dl.arrayBuffer());
    expect(sha256(bytes)).toBe(hasil.sha256);
    // what the public verification page shows is the downloaded file's hash
    const v = await t.gql(`query($k: String!) { verifikasiDokumen(kode: $k) { sha256 } }`, { k: hasil.kodeVerifikasi });
    expect(v.data!.verifikasiDokumen.sha256).toBe(hasil.sha256);
    // the upload's temp file and the stamped bytes' staging file are gone
    expect(fs.readdirSync(t.app.services.storage.tmpDir).filter((f) => f.startsWith("upload-") || f.startsWith("gen-"))).toEqual([]);
    return { hasil, bytes };
  }

  async function periksa(kode: string, content: Buffer, name: string, type: string) {
    const res = await upload(t, PERIKSA, { kode, berkas: null }, { berkas: { name, type, content } });
    expect(res.data!.periksaBerkasVerifikasi.__typename, JSON.stringify(res)).toBe("PeriksaBerkasVerifikasiSuccess");
    return res.data!.periksaBerkasVerifikasi.data;
  }

  it("a plain PDF is delivered with the QR code and the code in every page's footer, its text kept", async () => {
    const original = Buffer.from(await suratBiasa());
    const { hasil, bytes } = await lampirkan({ name: "domisili.pdf", content: original });
    expect(bytes.equals(original)).toBe(false);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(sudahDitandatangani(bytes)).toBe(false);
    const url = `${PUBLIC_URL}/verifikasi/${hasil.kodeVerifikasi}`;

    const r = await periksa(hasil.kodeVerifikasi, bytes, "domisili.pdf", "application/pdf");
    expect(r).toMatchObject({ sama: true, pdf: true, tidakBertandaTangan: true, sha256: hasil.sha256 });
    expect(r.kesimpulan).toContain("Berkas sesuai dengan dokumen yang diterbitkan");
    // the upload as it was, before the stamp, is not the issued document
    expect((await periksa(hasil.kodeVerifikasi, original, "domisili.pdf", "application/pdf")).sama).toBe(false);

    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getPage(2).getRotation().angle).toBe(90);
    if (!hasPoppler) return;
    const file = path.join(tmp, "dicap.pdf");
    fs.writeFileSync(file, bytes);
    for (let page = 1; page <= 3; page++) {
      const text = execFileSync(PDFTOTEXT, ["-f", String(page), "-l", String(page), file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
      expect(text, `page ${page}`).toContain(`Surat Keterangan Domisili halaman ${page}`);
      expect(text, `page ${page}`).toContain(`kode ${hasil.kodeVerifikasi}`);
      expect(text, `page ${page}`).toContain(`Verifikasi keaslian: ${url}`);

      const base = path.join(tmp, `dicap-${page}`);
      execFileSync(PDFTOPPM, ["-png", "-r", "200", "-f", String(page), "-l", String(page), "-singlefile", file, base]);
      const png = PNG.sync.read(fs.readFileSync(`${base}.png`));
      const qr = jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height);
      expect(qr?.data, `page ${page}`).toBe(url);
      // in the footer at the bottom right of the page as shown, the rotated page included
      const corners = [qr!.location.topLeftCorner, qr!.location.topRightCorner, qr!.location.bottomLeftCorner, qr!.location.bottomRightCorner];
      expect(Math.min(...corners.map((c) => c.x)), `page ${page}`).toBeGreaterThan(png.width * 0.65);
      expect(Math.min(...corners.map((c) => c.y)), `page ${page}`).toBeGreaterThan(png.height * 0.8);
    }
    // page 3 is shown landscape: the rendering is wider than high
    const third = PNG.sync.read(fs.readFileSync(path.join(tmp, "dicap-3.png")));
    expect(third.width).toBeGreaterThan(third.height);
  });

  it("a signed PDF is delivered byte for byte: pdfsig still finds its signature valid and the file check shows it", async () => {
    const now = new Date(Date.now() - 60_000);
    const { signer } = bukaP12(toP12(issue({ cn: "Siti Aminah", ca }), [ca], "sandi-cap-123"), "sandi-cap-123", now);
    const signed = Buffer.from(
      await signPdf(await suratBiasa(), {
        signer,
        appearance: {
          nama: "Dra. Siti Aminah, M.Si.",
          nip: "197001011990032001",
          jabatan: "Kepala Kantor",
          verifikasiUrl: `${PUBLIC_URL}/verifikasi/K7Q2-9XRM-ABCD`,
          kode: "K7Q2-9XRM-ABCD",
          timeZone: "Asia/Jakarta",
        },
        clock: () => now,
      }),
    );
    expect(sudahDitandatangani(signed)).toBe(true);
    const { hasil, bytes } = await lampirkan({ name: "ditandatangani.pdf", content: signed });
    expect(bytes.equals(signed)).toBe(true);
    expect(hasil.sha256).toBe(sha256(signed));

    const akar = await t.gql(ATUR_AKAR, { instansiId: globalId("Instansi", fx.instansi.id), pem: ca.pem }, { token: fx.admin.token });
    expect(akar.data!.aturAkarTtd.__typename, JSON.stringify(akar)).toBe("AturAkarTtdSuccess");
    const r = await periksa(hasil.kodeVerifikasi, bytes, "ditandatangani.pdf", "application/pdf");
    expect(r).toMatchObject({ sama: true, pdf: true, tidakBertandaTangan: false, tandaTanganSah: true });
    expect(r.tandaTangan).toEqual([
      { urutan: 1, sah: true, integritas: "VALID", mencakupSeluruhBerkas: true, rantai: "TRUSTED", penandatangan: { nama: "Siti Aminah" } },
    ]);

    if (!hasPoppler) return;
    const file = path.join(tmp, "ditandatangani.pdf");
    fs.writeFileSync(file, bytes);
    // pdfsig exits non-zero when the (test) issuer is not trusted by NSS; its report is what counts
    let report: string;
    try {
      report = execFileSync(PDFSIG, [file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (err) {
      report = `${(err as { stdout?: string }).stdout ?? ""}${(err as { stderr?: string }).stderr ?? ""}`;
    }
    expect(report).toContain("Signature is Valid");
    expect(report).toContain("Total document signed");
    expect(execFileSync(PDFTOTEXT, [file, "-"], { encoding: "utf8" })).not.toContain("Verifikasi keaslian");
  });

  it("an image and a PDF that cannot be read are delivered as uploaded", async () => {
    const png = await lampirkan({ name: "hasil.png", content: PNG_1X1 });
    expect(png.bytes.equals(PNG_1X1)).toBe(true);
    expect((await periksa(png.hasil.kodeVerifikasi, png.bytes, "hasil.png", "image/png")).sama).toBe(true);

    const rusak = Buffer.from("%PDF-1.7\n1 0 obj <</Type /Catalog /Pages 9 0 R>> endobj\nbukan isi PDF yang dapat dibaca\n%%EOF\n", "latin1");
    const broken = await lampirkan({ name: "rusak.pdf", content: rusak });
    expect(broken.bytes.equals(rusak)).toBe(true);
  });

  it("capPdf says why it left a file as it was: signed, encrypted, unreadable", async () => {
    const opts = { kode: "ABCD-EFGH-JKLM", url: `${PUBLIC_URL}/verifikasi/ABCD-EFGH-JKLM` };
    const signedLike = Buffer.from(
      tinyPdf("x").toString("latin1").replace("% x", "4 0 obj <</Type /Sig /ByteRange [0 10 20 30] /Contents <00>>> endobj"),
      "latin1",
    );
    expect(await capPdf(signedLike, opts)).toEqual({ pdf: signedLike, dicap: false, alasan: "BERTANDA_TANGAN" });
    const encrypted = Buffer.from(
      tinyPdf("x")
        .toString("latin1")
        .replace("% x", "4 0 obj <</Filter /Standard /V 1 /R 2 /O (0123456789abcdef0123456789abcdef) /U (0123456789abcdef0123456789abcdef) /P -4>> endobj")
        .replace(
          "trailer <</Root 1 0 R>>",
          "trailer <</Root 1 0 R /Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]>>",
        ),
      "latin1",
    );
    expect(await capPdf(encrypted, opts)).toEqual({ pdf: encrypted, dicap: false, alasan: "TERENKRIPSI" });
    const garbage = Buffer.from("%PDF-1.4\nbukan PDF\n", "latin1");
    expect(await capPdf(garbage, opts)).toMatchObject({ pdf: garbage, dicap: false, alasan: "RUSAK" });
    const plain = await capPdf(tinyPdf("x"), opts);
    expect(plain.dicap).toBe(true);
    expect(Buffer.from(plain.pdf).equals(tinyPdf("x"))).toBe(false);
  });
});

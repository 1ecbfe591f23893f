import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalogue } from "../../server/seed";
import type { IsiTemplateSurat } from "../../server/modules/surat/template";
import { type DataSurat, renderSurat } from "../../server/modules/surat/template-render";
import { PNG_1X1, createStaff, createTestApp, globalId, upload, type TestApp } from "../helpers/app";

/**
 * Letter templates (issue 15) through the public API and the seeded demo letters, checked with independent tools:
 * poppler's pdftotext reads the text back, pdftoppm draws the page and jsQR decodes its QR code.
 */

const hasPoppler = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    execFileSync("pdftoppm", ["-v"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
const POPPLER_MISSING = "poppler-utils (pdftotext, pdftoppm) is not installed: apt-get install -y poppler-utils";

let t: TestApp;
let tmp: string;
let ids: Map<string, string>;
beforeAll(async () => {
  t = await createTestApp();
  ids = await seedCatalogue(t.db.prisma);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loket-surat-"));
});
afterAll(async () => {
  await t.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

function pdfText(pdf: Uint8Array): string {
  const file = path.join(tmp, `t-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  // -layout off: each field's text on its own, whitespace collapsed below
  return execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
}

/** The first QR code on page 1, drawn at 150 dpi by pdftoppm and decoded by jsQR. */
function qrOf(pdf: Uint8Array): string | null {
  const base = path.join(tmp, `q-${Math.random().toString(36).slice(2)}`);
  fs.writeFileSync(`${base}.pdf`, pdf);
  execFileSync("pdftoppm", ["-png", "-r", "150", "-f", "1", "-l", "1", "-singlefile", `${base}.pdf`, base]);
  const png = PNG.sync.read(fs.readFileSync(`${base}.png`));
  return jsQR(new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.length), png.width, png.height)?.data ?? null;
}

const gid = (type: string, id: string) => globalId(type, id);
const download = (p: string, token?: string) => t.app.yoga.fetch(`http://localhost${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function layananId(instansi: string, kode: string) {
  return (await t.db.prisma.layanan.findUniqueOrThrow({ where: { instansiId_kode: { instansiId: ids.get(instansi)!, kode } } })).id;
}

function data(over: Partial<DataSurat> = {}): DataSurat {
  return {
    pemohon: { nama: "Siti Aminah Nurhayati", nik: "3310015508990002" },
    jawaban: {},
    tanggalSurat: new Date("2026-12-05T02:30:00Z"),
    tanggalPengajuan: new Date("2026-12-03T17:30:00Z"), // 4 December in WIB, still the 3rd in UTC
    zonaWaktu: "Asia/Jakarta",
    nomorSurat: "B-123/Kk.13.19/1/HM.01/12/2026",
    penandatangan: { nama: "Drs. H. Muhammad Ridwan, M.Ag.", nip: "197205151998031002", jabatan: "Kepala Kantor" },
    verifikasi: { kode: "7KQ4-M2XD", url: "https://loket.example.go.id/verifikasi/7KQ4-M2XD" },
    layanan: { nama: "Layanan" },
    instansi: { nama: "Instansi" },
    ...over,
  };
}

const LIST = /* GraphQL */ `
  query($l: ID!) { templateSuratList(layananId: $l) { id versi skema catatan dibuatOleh pratinjauUrl layanan { kode } } }
`;
const SIMPAN = /* GraphQL */ `
  mutation($l: ID!, $skema: JSON!, $kop: File, $catatan: String) {
    simpanTemplateSurat(layananId: $l, skema: $skema, kopSurat: $kop, catatan: $catatan) {
      __typename
      ... on SimpanTemplateSuratSuccess { data { id versi skema catatan dibuatOleh pratinjauUrl } }
      ... on Error { code message field problems { code field message } }
    }
  }
`;

describe.skipIf(!hasPoppler)(`the seeded letters, rendered${hasPoppler ? "" : ` (skipped: ${POPPLER_MISSING})`}`, () => {
  it("Jogonalan's Rekomendasi Dispensasi Menikah prints the names, the dates in long form, the number, the signer and a QR code of the verification address", async () => {
    const row = await t.db.prisma.templateSurat.findFirstOrThrow({ where: { layananId: await layananId("KEC-JOGONALAN", "DISPENSASI-MENIKAH") } });
    expect(row.versi).toBe(1);
    const pdf = await renderSurat(
      { kopSurat: row.kopSurat, isi: row.skema as unknown as IsiTemplateSurat },
      data({
        nomorSurat: "474.2/015/12/2026",
        penandatangan: { nama: "Sri Wahyuni, S.STP., M.Si.", nip: "198003102000122001", jabatan: "Camat Jogonalan" },
        jawaban: {
          namaCalonPria: "Bagus Setiawan",
          nikCalonPria: "3310011204060001",
          tanggalLahirCalonPria: "2006-04-12",
          namaCalonWanita: "Dewi Lestari",
          nikCalonWanita: "3310015508070002",
          tanggalLahirCalonWanita: "2007-08-15",
          rencanaTanggalNikah: "2027-01-09",
          // a citizen's braces are printed as typed: neither Loket nor pdfme fills or evaluates them
          desaAsal: "Desa Prawatan {nomorSurat} {1+1}",
        },
        tipeJawaban: { nikCalonPria: "NIK", nikCalonWanita: "NIK" },
      }),
    );
    const text = pdfText(pdf);
    for (const s of [
      "PEMERINTAH KABUPATEN KLATEN",
      "KECAMATAN JOGONALAN",
      "REKOMENDASI DISPENSASI MENIKAH",
      "Nomor: 474.2/015/12/2026",
      "Bagus Setiawan",
      "12 April 2006",
      "Dewi Lestari",
      "9 Januari 2027",
      "Desa Prawatan {nomorSurat} {1+1}",
      "Siti Aminah Nurhayati",
      "Jogonalan, 5 Desember 2026",
      "Camat Jogonalan",
      "Sri Wahyuni, S.STP., M.Si.",
      "NIP 198003102000122001",
      "Kode verifikasi: 7KQ4-M2XD",
    ]) {
      expect(text, s).toContain(s);
    }
    // the NIKs of the couple are printed masked, never in clear
    expect(text).toContain("3310********0001");
    expect(text).not.toContain("3310011204060001");
    expect(text).not.toContain("3310015508070002");
    expect(text).not.toMatch(/\b05 Desember/);
    expect(qrOf(pdf)).toBe("https://loket.example.go.id/verifikasi/7KQ4-M2XD");
  });

  it("the two Kemenag letters print their own text, the masked NIK of the applicant, the dates and their QR codes", async () => {
    const paspor = await t.db.prisma.templateSurat.findFirstOrThrow({ where: { layananId: await layananId("KMG-MADIUN", "REKOMENDASI-PASPOR-HAJI-UMRAH") } });
    const pdf1 = await renderSurat(
      { kopSurat: paspor.kopSurat, isi: paspor.skema as unknown as IsiTemplateSurat },
      data({ jawaban: { jenisPerjalanan: "Umrah", namaPpiu: "PT Amanah Mabrur Wisata" } }),
    );
    const t1 = pdfText(pdf1);
    for (const s of [
      "KANTOR KEMENTERIAN AGAMA KABUPATEN MADIUN",
      "SURAT REKOMENDASI PEMBUATAN PASPOR",
      "Nomor: B-123/Kk.13.19/1/HM.01/12/2026",
      "Siti Aminah Nurhayati",
      "3310********0002",
      "PT Amanah Mabrur Wisata",
      "ibadah Umrah",
      "Mejayan, 5 Desember 2026",
      "Drs. H. Muhammad Ridwan, M.Ag.",
    ]) {
      expect(t1, s).toContain(s);
    }
    expect(t1).not.toContain("3310015508990002");
    // the submission date in the office's zone: 17:30 UTC on the 3rd is the 4th in WIB
    expect(t1).toContain("4 Desember 2026");
    expect(t1).not.toContain("3 Desember 2026");
    expect(qrOf(pdf1)).toBe("https://loket.example.go.id/verifikasi/7KQ4-M2XD");

    const izin = await t.db.prisma.templateSurat.findFirstOrThrow({ where: { layananId: await layananId("KMG-MADIUN", "IZIN-PENELITIAN") } });
    const pdf2 = await renderSurat(
      { kopSurat: izin.kopSurat, isi: izin.skema as unknown as IsiTemplateSurat },
      data({
        verifikasi: { kode: "ZX9P-4T2A", url: "https://loket.example.go.id/verifikasi/ZX9P-4T2A" },
        jawaban: {
          judulPenelitian: "Peran Penyuluh Agama dalam Pencegahan Perkawinan Anak",
          asalLembaga: "UIN Sunan Ampel Surabaya",
          lokasiPenelitian: "KUA Kecamatan Mejayan",
          tanggalMulai: "2027-01-04",
          tanggalSelesai: "2027-03-31",
        },
      }),
    );
    const t2 = pdfText(pdf2);
    for (const s of [
      "SURAT IZIN PENELITIAN",
      "Peran Penyuluh Agama dalam Pencegahan Perkawinan Anak",
      "UIN Sunan Ampel Surabaya",
      "4 Januari 2027",
      "31 Maret 2027",
      "Kode verifikasi: ZX9P-4T2A",
    ]) {
      expect(t2, s).toContain(s);
    }
    expect(qrOf(pdf2)).toBe("https://loket.example.go.id/verifikasi/ZX9P-4T2A");
  });
});

describe("templates through the API", () => {
  let admin: Awaited<ReturnType<typeof createStaff>>;
  let otherAdmin: Awaited<ReturnType<typeof createStaff>>;
  let petugas: Awaited<ReturnType<typeof createStaff>>;
  let l: string;
  beforeAll(async () => {
    admin = await createStaff(t, "ADMIN", ids.get("KEC-JOGONALAN")!);
    petugas = await createStaff(t, "PETUGAS", ids.get("KEC-JOGONALAN")!);
    otherAdmin = await createStaff(t, "ADMIN", ids.get("KMG-MADIUN")!);
    l = gid("Layanan", await layananId("KEC-JOGONALAN", "DISPENSASI-MENIKAH"));
  });

  it("saving makes a new version each time; the older ones stay exactly as they were", async () => {
    const before = await t.gql(LIST, { l }, { token: admin.token });
    expect(before.errors).toBeUndefined();
    expect(before.data!.templateSuratList.map((v: { versi: number }) => v.versi)).toEqual([1]);
    const v1 = before.data!.templateSuratList[0];
    expect(v1).toMatchObject({ catatan: "Contoh bawaan Loket", dibuatOleh: null, layanan: { kode: "DISPENSASI-MENIKAH" } });
    const v1Kop = (await t.db.prisma.templateSurat.findUniqueOrThrow({ where: { id: Buffer.from(v1.id, "base64").toString().split(":")[1]! } })).kopSurat;

    const skema2 = structuredClone(v1.skema);
    skema2.schemas[0].find((f: { name: string }) => f.name === "judul").content = "REKOMENDASI DISPENSASI KAWIN";
    const s2 = await t.gql(SIMPAN, { l, skema: skema2, catatan: "Judul diganti" }, { token: admin.token });
    expect(s2.data!.simpanTemplateSurat).toMatchObject({ __typename: "SimpanTemplateSuratSuccess", data: { versi: 2, catatan: "Judul diganti" } });
    expect(s2.data!.simpanTemplateSurat.data.dibuatOleh).toMatch(/^Staf ADMIN/);
    const s3 = await t.gql(SIMPAN, { l, skema: skema2 }, { token: admin.token });
    expect(s3.data!.simpanTemplateSurat.data.versi).toBe(3);

    const after = await t.gql(LIST, { l }, { token: admin.token });
    expect(after.data!.templateSuratList.map((v: { versi: number }) => v.versi)).toEqual([3, 2, 1]);
    const oldest = after.data!.templateSuratList[2];
    expect(oldest.skema).toEqual(v1.skema);
    const rows = await t.db.prisma.templateSurat.findMany({
      where: { layananId: Buffer.from(l, "base64").toString().split(":")[1]! },
      orderBy: { versi: "asc" },
    });
    // without a new kop surat a version keeps the previous one
    expect(rows.map((r) => Buffer.from(r.kopSurat).equals(Buffer.from(v1Kop)))).toEqual([true, true, true]);

    if (!hasPoppler) return;
    const p1 = await download(v1.pratinjauUrl, admin.token);
    expect(p1.status).toBe(200);
    expect(p1.headers.get("content-type")).toBe("application/pdf");
    const text1 = pdfText(new Uint8Array(await p1.arrayBuffer()));
    expect(text1).toContain("REKOMENDASI DISPENSASI MENIKAH");
    expect(text1).toContain("Budi Santoso (contoh)");
    const p2 = await download(s2.data!.simpanTemplateSurat.data.pratinjauUrl, admin.token);
    const text2 = pdfText(new Uint8Array(await p2.arrayBuffer()));
    expect(text2).toContain("REKOMENDASI DISPENSASI KAWIN");
    expect(text2).not.toContain("REKOMENDASI DISPENSASI MENIKAH");
  });

  it("refuses a template with an unknown source or a field off the page, with every problem, its code and its field", async () => {
    const skema = {
      schemas: [
        [
          { name: "pemohon.nama", type: "text", position: { x: 20, y: 60 }, width: 100, height: 7 },
          { name: "pemohon.nik", type: "text", position: { x: 20, y: 70 }, width: 100, height: 7 },
          { name: "form.namaCalonPria", type: "text", position: { x: 150, y: 80 }, width: 100, height: 7 },
          { name: "catatan", type: "text", readOnly: true, content: "Untuk {form.golonganDarah}", position: { x: 20, y: 90 }, width: 100, height: 7 },
        ],
      ],
    };
    const res = await t.gql(SIMPAN, { l, skema }, { token: admin.token });
    const err = res.data!.simpanTemplateSurat;
    expect(err).toMatchObject({ __typename: "ValidationError", code: "TEMPLATE_UNKNOWN_SOURCE", field: "skema.schemas.0.1" });
    expect(err.message).toContain('sumber data "pemohon.nik" tidak dikenal');
    expect(err.problems.map((p: { code: string; field: string }) => [p.code, p.field])).toEqual([
      ["TEMPLATE_UNKNOWN_SOURCE", "skema.schemas.0.1"],
      ["TEMPLATE_FIELD_OFF_PAGE", "skema.schemas.0.2"],
      ["TEMPLATE_UNKNOWN_SOURCE", "skema.schemas.0.3"],
    ]);
    expect(err.problems[1].message).toMatch(/keluar dari halaman/);
    expect((await t.gql(SIMPAN, { l, skema: { halaman: [] } }, { token: admin.token })).data!.simpanTemplateSurat).toMatchObject({
      code: "TEMPLATE_INVALID",
      field: "skema",
    });
    const versions = await t.gql(LIST, { l }, { token: admin.token });
    expect(versions.data!.templateSuratList[0].versi).toBe(3); // nothing saved
  });

  it("takes a PDF or an image as the kop surat and refuses anything else", async () => {
    const skema = { schemas: [[{ name: "pemohon.nama", type: "text", position: { x: 20, y: 100 }, width: 100, height: 7 }]] };
    const bad = await upload(
      t,
      SIMPAN,
      { l, skema, kop: null },
      { kop: { name: "kop.txt", type: "text/plain", content: Buffer.from("bukan kop") } },
      { token: admin.token },
    );
    expect(bad.data!.simpanTemplateSurat).toMatchObject({ code: "KOP_SURAT_INVALID", field: "kopSurat" });
    const png = await upload(t, SIMPAN, { l, skema, kop: null }, { kop: { name: "kop.png", type: "image/png", content: PNG_1X1 } }, { token: admin.token });
    expect(png.data!.simpanTemplateSurat).toMatchObject({ __typename: "SimpanTemplateSuratSuccess", data: { versi: 4 } });
    // a small landscape PDF as the kop: the same field now falls off its page
    const { PDFDocument } = await import("pdf-lib");
    const doc = await PDFDocument.create();
    doc.addPage([300, 200]);
    const small = Buffer.from(await doc.save());
    const off = await upload(t, SIMPAN, { l, skema, kop: null }, { kop: { name: "kop.pdf", type: "application/pdf", content: small } }, { token: admin.token });
    expect(off.data!.simpanTemplateSurat).toMatchObject({ code: "TEMPLATE_FIELD_OFF_PAGE", field: "skema.schemas.0.0" });
    if (!hasPoppler) return;
    const preview = await download(png.data!.simpanTemplateSurat.data.pratinjauUrl, admin.token);
    expect(pdfText(new Uint8Array(await preview.arrayBuffer()))).toContain("Budi Santoso (contoh)");
  });

  it("only the instansi's admins see, save and preview its templates", async () => {
    const v1 = (await t.gql(LIST, { l }, { token: admin.token })).data!.templateSuratList.at(-1);
    for (const token of [otherAdmin.token, petugas.token]) {
      const list = await t.gql(LIST, { l }, { token });
      expect(list.data?.templateSuratList ?? null).toBeNull();
      expect(list.errors).toBeDefined();
      const save = await t.gql(SIMPAN, { l, skema: v1.skema }, { token });
      expect(save.data?.simpanTemplateSurat?.code ?? save.errors?.[0]?.extensions?.code).toMatch(/LAYANAN_NOT_FOUND|FORBIDDEN/);
      const res = await download(v1.pratinjauUrl, token);
      expect(res.status).toBe(404);
    }
    expect((await download(v1.pratinjauUrl)).status).toBe(401);
    const sumber = await t.gql(`query($l: ID) { sumberTemplateSurat(layananId: $l) { kunci keterangan } }`, { l }, { token: admin.token });
    const kunci = sumber.data!.sumberTemplateSurat.map((s: { kunci: string }) => s.kunci);
    expect(kunci).toEqual(expect.arrayContaining(["pemohon.nama", "tanggal.surat", "nomorSurat", "verifikasi.qr", "form.namaCalonPria"]));
    expect(kunci).not.toContain("pemohon.nik");
    // without a service: the fixed list only
    const tetap = await t.gql(`{ sumberTemplateSurat { kunci } }`, {}, { token: admin.token });
    expect(tetap.data!.sumberTemplateSurat.some((s: { kunci: string }) => s.kunci.startsWith("form."))).toBe(false);
  });
});

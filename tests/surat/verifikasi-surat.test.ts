import { PDFDocument, StandardFonts } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { storeBytes, withStoredFiles } from "../../server/modules/files/store";
import { signPdf } from "../../server/modules/surat/pades";
import { kodeVerifikasiBaru } from "../../server/modules/surat/register-service";
import { penandatangan } from "../../server/modules/surat/signing-settings";
import { activeCitizen, globalId, insertSubmitted, serviceFixture, type TestApp, createTestApp, upload } from "../helpers/app";
import { type Issued, issue, makeCa, toP12 } from "../helpers/pki";

/**
 * Verifying an official letter through the public API (issue 15): the office's admin sets the roots its letters'
 * chains must reach (aturAkarTtd); a letter signed with the office's PKCS#12 is the request's result; anyone,
 * anonymous, reads the letter's public facts by its code (never the applicant's data) and sends a file to
 * periksaBerkasVerifikasi: the exact file is the same and its signature valid and trusted, one changed byte is
 * not the same and its signature invalid, a voided letter says so, and bad input gets a typed error with a
 * stable code.
 */
const ATUR_AKAR = /* GraphQL */ `
  mutation Akar($instansiId: ID!, $pem: String!) {
    aturAkarTtd(instansiId: $instansiId, pem: $pem) {
      __typename
      ... on AturAkarTtdSuccess { data { metode akar { subjek penerbit sidikJari berlakuMulai berlakuSampai } } }
      ... on Error { code message field }
    }
  }
`;
const UNGGAH = /* GraphQL */ `
  mutation Unggah($instansiId: ID!, $berkas: File!, $passphrase: String!) {
    unggahSertifikatTtd(instansiId: $instansiId, berkas: $berkas, passphrase: $passphrase) {
      __typename
      ... on UnggahSertifikatTtdSuccess { data { metode akar { sidikJari } } }
      ... on Error { code message }
    }
  }
`;
const VERIFIKASI = /* GraphQL */ `
  query Verifikasi($kode: String!) {
    verifikasiDokumen(kode: $kode) {
      judul instansi layanan nomorRegistrasi diterbitkan sha256
      surat { nomorSurat status dibatalkan alasanBatal dibatalkanAt penandatanganNama penandatanganJabatan ditandatanganiAt }
    }
  }
`;
const PERIKSA = /* GraphQL */ `
  mutation Periksa($kode: String!, $berkas: File!) {
    periksaBerkasVerifikasi(kode: $kode, berkas: $berkas) {
      __typename
      ... on PeriksaBerkasVerifikasiSuccess {
        data {
          sama sha256 ukuran pdf dibatalkan akarDiatur tidakBertandaTangan tidakDiperiksa tandaTanganSah kesimpulan
          tandaTangan {
            urutan sah ringkasan integritas mencakupSeluruhBerkas waktuTandaTanganKlaim sumberWaktu sertifikatBerlaku rantai jalurRantai
            pencabutan pencabutanKeterangan
            penandatangan { nama organisasi penerbit nomorSeri sidikJari }
            masalah { kode pesan }
          }
        }
      }
      ... on Error { code message field }
    }
  }
`;

const PASS = "sandi-kantor-rahasia-123";
const NAMA = "Dra. Siti Aminah, M.Si.";
const JABATAN = "Kepala Kantor Kementerian Agama Kabupaten Madiun";
const NOW = new Date(Date.now() - 60_000);

async function draf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595.28, 841.89]).drawText("Surat Rekomendasi — uji verifikasi", { x: 72, y: 760, size: 14, font });
  return doc.save();
}

describe("verifying an official letter", () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let gid: string;
  let citizen: Awaited<ReturnType<typeof activeCitizen>>;
  let ca: Issued;
  let otherCa: Issued;
  let signed: Buffer;
  let kode: string;
  let suratId: string;

  const periksa = (k: string, content: Buffer, name = "surat.pdf", type = "application/pdf") =>
    upload(t, PERIKSA, { kode: k, berkas: null }, { berkas: { name, type, content } });

  beforeAll(async () => {
    t = await createTestApp();
    fx = await serviceFixture(t);
    gid = globalId("Instansi", fx.instansi.id);
    citizen = await activeCitizen(t);
    const pengajuan = await insertSubmitted(t, fx, citizen.id, "KMG/2026/000777");
    ca = makeCa("Loket Uji CA Kantor");
    otherCa = makeCa("CA Lain");
    const p12 = toP12(issue({ cn: "Siti Aminah", ca }), [ca], PASS);

    // the office's PKCS#12, as its admin uploads it: the roots stay empty until set
    const up = await upload(
      t,
      UNGGAH,
      { instansiId: gid, berkas: null, passphrase: PASS },
      { berkas: { name: "kantor.p12", type: "application/x-pkcs12", content: p12 } },
      { token: fx.admin.token },
    );
    expect(up.data?.unggahSertifikatTtd).toMatchObject({ __typename: "UnggahSertifikatTtdSuccess", data: { metode: "P12", akar: [] } });

    // a letter signed with it, delivered as the request's result under the letter's code (as tandatanganiSurat does)
    kode = kodeVerifikasiBaru();
    const signer = await penandatangan({ prisma: t.db.prisma, keys: t.keys }, fx.instansi.id, { passphrase: PASS }, NOW);
    signed = Buffer.from(
      await signPdf(await draf(), {
        signer,
        appearance: {
          nama: NAMA,
          nip: "197001011990032001",
          jabatan: JABATAN,
          verifikasiUrl: `https://loket.example.go.id/verifikasi/${kode}`,
          kode,
          timeZone: "Asia/Jakarta",
          lokasi: "Kemenag Kabupaten Madiun",
        },
        clock: () => NOW,
      }),
    );
    const storage = t.app.services.storage;
    const stored = await withStoredFiles(storage, (track) => storeBytes(track, storage.tmpDir, signed));
    const prisma = t.db.prisma;
    const file = await prisma.storedFile.create({
      data: { sha256: stored.sha256, ukuran: stored.size, mime: "application/pdf", namaAsli: "surat.pdf", storageKey: stored.key },
    });
    const surat = await prisma.surat.create({
      data: {
        instansiId: fx.instansi.id,
        pengajuanId: pengajuan.id,
        nomor: "B-12/Kk.13.19/PP.00/12/2026",
        kodeKlasifikasi: "PP.00",
        urutan: 12,
        tahun: 2026,
        tanggal: new Date("2026-12-05"),
        status: "TERBIT",
        kodeVerifikasi: kode,
        fileId: file.id,
        penandatanganNama: NAMA,
        penandatanganJabatan: JABATAN,
        ditandatanganiAt: NOW,
        metodeTtd: "P12",
      },
    });
    suratId = surat.id;
    await prisma.hasilDokumen.create({ data: { pengajuanId: pengajuan.id, fileId: file.id, judul: "Rekomendasi — B-12", kodeVerifikasi: kode } });
  });
  afterAll(() => t?.close());

  it("the office's admin sets the verification roots; wrong PEM is refused with a stable code; others are refused", async () => {
    const bad = async (pem: string) => (await t.gql(ATUR_AKAR, { instansiId: gid, pem }, { token: fx.admin.token })).data?.aturAkarTtd;
    expect(await bad("bukan sertifikat")).toMatchObject({ __typename: "TandaTanganError", code: "TTD_AKAR_PEM_RUSAK", field: "pem" });
    expect(await bad("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")).toMatchObject({ code: "TTD_AKAR_BUKAN_SERTIFIKAT" });
    expect(await bad(issue({ cn: "Bukan CA", ca }).pem)).toMatchObject({ code: "TTD_AKAR_BUKAN_CA" });
    expect(await bad(`${ca.pem}\nsisa teks`)).toMatchObject({ code: "TTD_AKAR_PEM_RUSAK" });

    const refused = await t.gql(ATUR_AKAR, { instansiId: gid, pem: ca.pem }, { token: citizen.token });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await t.gql(ATUR_AKAR, { instansiId: gid, pem: ca.pem })).toMatchObject({ errors: [{ extensions: { code: "UNAUTHENTICATED" } }] });

    const ok = await t.gql(ATUR_AKAR, { instansiId: gid, pem: `${ca.pem}\n${otherCa.pem}${ca.pem}` }, { token: fx.admin.token });
    const data = ok.data?.aturAkarTtd;
    expect(data.__typename).toBe("AturAkarTtdSuccess");
    expect(data.data.metode).toBe("P12");
    // duplicates are kept once
    expect(data.data.akar.map((a: { subjek: string }) => a.subjek)).toEqual([
      expect.stringContaining("CN=Loket Uji CA Kantor"),
      expect.stringContaining("CN=CA Lain"),
    ]);
    expect(data.data.akar[0].sidikJari).toBe((await import("node:crypto")).createHash("sha256").update(ca.der).digest("hex"));
    const lihat = await t.gql(`query($i: ID!) { pengaturanTtd(instansiId: $i) { akar { sidikJari } } }`, { i: gid }, { token: fx.admin.token });
    expect(lihat.data?.pengaturanTtd.akar).toHaveLength(2);
  });

  it("anyone reads the letter's public facts by its code (any case, with or without dashes), never the applicant's data", async () => {
    const typed = kode.toLowerCase().replace(/(.{4})(?=.)/g, "$1-");
    const res = await t.gql(VERIFIKASI, { kode: typed });
    expect(res.errors).toBeUndefined();
    expect(res.data?.verifikasiDokumen).toMatchObject({
      nomorRegistrasi: "KMG/2026/000777",
      surat: {
        nomorSurat: "B-12/Kk.13.19/PP.00/12/2026",
        status: "TERBIT",
        dibatalkan: false,
        alasanBatal: null,
        penandatanganNama: NAMA,
        penandatanganJabatan: JABATAN,
        ditandatanganiAt: NOW.toISOString(),
      },
    });
    const text = JSON.stringify(res);
    for (const personal of [citizen.nik, citizen.nik.slice(-4) + '"', "namaLengkap"]) expect(text).not.toContain(personal);
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { id: citizen.id } });
    expect(text).not.toContain(user.namaLengkap);
    expect(text).not.toContain(user.email ?? "@");

    // whom it was issued to stays for API clients with VERIFIKASI_DOKUMEN
    const atasNama = await t.gql(`query($k: String!) { verifikasiDokumen(kode: $k) { atasNama { nama } } }`, { k: kode });
    expect(atasNama.data?.verifikasiDokumen?.atasNama ?? null).toBeNull();
    expect(JSON.stringify(atasNama)).not.toContain(user.namaLengkap);
  });

  it("the exact file is the issued one, its signature intact, from a trusted authority, valid when signed", async () => {
    const res = await periksa(kode, signed);
    const r = res.data?.periksaBerkasVerifikasi;
    expect(r.__typename).toBe("PeriksaBerkasVerifikasiSuccess");
    expect(r.data).toMatchObject({
      sama: true,
      pdf: true,
      dibatalkan: false,
      akarDiatur: true,
      tidakBertandaTangan: false,
      tandaTanganSah: true,
      ukuran: signed.length,
    });
    expect(r.data.kesimpulan).toContain("Berkas sesuai dengan dokumen yang diterbitkan");
    expect(r.data.kesimpulan).toContain("sah");
    expect(r.data.tandaTangan).toHaveLength(1);
    expect(r.data.tandaTangan[0]).toMatchObject({
      urutan: 1,
      sah: true,
      integritas: "VALID",
      mencakupSeluruhBerkas: true,
      rantai: "TRUSTED",
      sertifikatBerlaku: "BERLAKU",
      pencabutan: "UNKNOWN",
      jalurRantai: ["Siti Aminah", "Loket Uji CA Kantor"],
      penandatangan: { nama: "Siti Aminah", organisasi: "Loket Uji", penerbit: "Loket Uji CA Kantor" },
      masalah: [],
    });
    expect(new Date(r.data.tandaTangan[0].waktuTandaTanganKlaim).getTime()).toBe(Math.floor(NOW.getTime() / 1000) * 1000);
    expect(r.data.tandaTangan[0].ringkasan).toContain("utuh");
    expect(r.data.tandaTangan[0].pencabutanKeterangan).toContain("OCSP");
  });

  it("one changed byte: not the issued file, and the signature is invalid", async () => {
    const tampered = Buffer.from(signed);
    expect(tampered.subarray(0, 9).toString("latin1")).toBe("%PDF-1.7\n");
    tampered[11] = tampered[11]! ^ 0x01;
    const r = (await periksa(kode, tampered)).data?.periksaBerkasVerifikasi;
    expect(r.__typename).toBe("PeriksaBerkasVerifikasiSuccess");
    expect(r.data).toMatchObject({ sama: false, tandaTanganSah: false });
    expect(r.data.tandaTangan[0]).toMatchObject({ integritas: "INVALID", sah: false });
    expect(r.data.kesimpulan).toContain("Berkas TIDAK sesuai");
    expect(r.data.kesimpulan).toContain("TIDAK SAH");
  });

  it("without the office's roots the chain is not trusted, and the answer says the roots are not set", async () => {
    const cleared = await t.gql(ATUR_AKAR, { instansiId: gid, pem: "" }, { token: fx.admin.token });
    expect(cleared.data?.aturAkarTtd).toMatchObject({ __typename: "AturAkarTtdSuccess", data: { akar: [] } });
    const r = (await periksa(kode, signed)).data?.periksaBerkasVerifikasi;
    expect(r.data).toMatchObject({ sama: true, akarDiatur: false, tandaTanganSah: false });
    expect(r.data.tandaTangan[0]).toMatchObject({ integritas: "VALID", rantai: "UNTRUSTED", sah: false });
    expect(r.data.kesimpulan).toContain("belum mengatur sertifikat akar");
    // only another authority trusted: still not trusted
    await t.gql(ATUR_AKAR, { instansiId: gid, pem: otherCa.pem }, { token: fx.admin.token });
    const other = (await periksa(kode, signed)).data?.periksaBerkasVerifikasi;
    expect(other.data.tandaTangan[0].rantai).toBe("UNTRUSTED");
    await t.gql(ATUR_AKAR, { instansiId: gid, pem: ca.pem }, { token: fx.admin.token });
  });

  it("bad input gets a typed error with a stable code: not a PDF, empty, too large, unknown code", async () => {
    const err = async (k: string, content: Buffer, name?: string, type?: string) => {
      const res = await periksa(k, content, name, type);
      expect(res.errors).toBeUndefined();
      return res.data?.periksaBerkasVerifikasi;
    };
    expect(await err(kode, Buffer.from("bukan pdf, hanya teks"), "surat.txt", "text/plain")).toMatchObject({
      __typename: "VerifikasiBerkasError",
      code: "VERIFIKASI_BUKAN_PDF",
      field: "berkas",
    });
    expect(await err(kode, Buffer.alloc(0))).toMatchObject({ __typename: "VerifikasiBerkasError", code: "VERIFIKASI_BERKAS_KOSONG" });
    expect(await err(kode, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20))).toMatchObject({
      __typename: "VerifikasiBerkasError",
      code: "VERIFIKASI_BERKAS_TERLALU_BESAR",
    });
    expect(await err("ZZZZ-ZZZZ-ZZZZ-ZZZZ", signed)).toMatchObject({
      __typename: "VerifikasiBerkasError",
      code: "VERIFIKASI_KODE_TIDAK_DIKENAL",
      field: "kode",
    });
    expect(await err("", signed)).toMatchObject({ code: "VERIFIKASI_KODE_TIDAK_DIKENAL" });
    expect((await t.gql(VERIFIKASI, { kode: "ZZZZ-ZZZZ-ZZZZ-ZZZZ" })).data?.verifikasiDokumen).toBeNull();
  });

  it("a letter waiting for its signature is no result", async () => {
    const menunggu = kodeVerifikasiBaru();
    await t.db.prisma.surat.create({
      data: {
        instansiId: fx.instansi.id,
        nomor: "B-13/Kk.13.19/PP.00/12/2026",
        kodeKlasifikasi: "PP.00",
        urutan: 13,
        tahun: 2026,
        tanggal: new Date("2026-12-05"),
        status: "MENUNGGU_TTD",
        kodeVerifikasi: menunggu,
        penandatanganNama: NAMA,
        penandatanganJabatan: JABATAN,
      },
    });
    expect((await t.gql(VERIFIKASI, { kode: menunggu })).data?.verifikasiDokumen).toBeNull();
    expect((await periksa(menunggu, signed)).data?.periksaBerkasVerifikasi).toMatchObject({ code: "VERIFIKASI_KODE_TIDAK_DIKENAL" });
  });

  it("a voided letter is shown as void with its reason, and the file check says so", async () => {
    const batal = await t.gql(
      `mutation($id: ID!, $alasan: String!) { batalkanSurat(id: $id, alasan: $alasan) { __typename ... on Error { code message } } }`,
      { id: globalId("Surat", suratId), alasan: "Salah penulisan nama pemohon." },
      { token: fx.admin.token },
    );
    expect(batal.data?.batalkanSurat.__typename).toBe("BatalkanSuratSuccess");
    const v = (await t.gql(VERIFIKASI, { kode })).data?.verifikasiDokumen;
    expect(v.surat).toMatchObject({
      status: "DIBATALKAN",
      dibatalkan: true,
      alasanBatal: "Salah penulisan nama pemohon.",
      nomorSurat: "B-12/Kk.13.19/PP.00/12/2026",
    });
    expect(v.surat.dibatalkanAt).toBeTruthy();
    const r = (await periksa(kode, signed)).data?.periksaBerkasVerifikasi;
    expect(r.data).toMatchObject({ sama: true, dibatalkan: true });
    expect(r.data.kesimpulan).toContain("Surat ini telah DIBATALKAN");
  });
});

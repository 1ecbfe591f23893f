import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_1X1, activeCitizen, createTestApp, globalId, insertSubmitted, serviceFixture, tinyPdf, upload, type TestApp } from "../helpers/app";

/**
 * Issue #14 "What staff see is current", through the public API: a replaced document is a step of the Log
 * Pengajuan (so the officer's page hears of it), a verification that names a replaced document — or misses the
 * new one — is refused with a stable code, "Diajukan" keeps the first submission, and a finished request has no
 * remaining time.
 */

let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;

const P = /* GraphQL */ `
  fragment P on Pengajuan {
    id status versi seq diajukanAt diajukanUlangAt selesaiAt tenggat sisaMenitKerja
    dokumen(termasukLama: true) { id diganti namaFile persyaratan { id label } }
    riwayat { seq aksi dariStatus keStatus pesan }
  }
`;
const CREATE = `mutation($l: ID!, $f: JSON, $k: PengirimanOpsi) { createPengajuan(layananId: $l, formData: $f, pengiriman: $k) { __typename ... on CreatePengajuanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const UPLOAD = `mutation($id: ID!, $v: Int!, $berkas: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $berkas) { __typename ... on UploadDokumenPengajuanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!, $pesan: String, $dilihat: [ID!]) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v, pesan: $pesan, dokumenDilihat: $dilihat) { __typename ... on UbahStatusPengajuanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;

type Doc = { id: string; diganti: boolean; namaFile: string; persyaratan: { id: string; label: string } };
type Snap = { id: string; versi: number; status: string; dokumen: Doc[]; riwayat: Array<{ aksi: string; pesan: string | null; keStatus: string }> } & Record<
  string,
  unknown
>;

beforeAll(async () => {
  t = await createTestApp();
  fx = await serviceFixture(t);
});
afterAll(() => t.close());

async function act(token: string, p: { id: string; versi: number }, a: string, extra: Record<string, unknown> = {}) {
  const r = await t.gql(ACT, { id: p.id, a, v: p.versi, ...extra }, { token });
  expect(r.errors).toBeUndefined();
  return r.data!.ubahStatusPengajuan;
}
async function ok(token: string, p: { id: string; versi: number }, a: string, extra: Record<string, unknown> = {}): Promise<Snap> {
  const r = await act(token, p, a, extra);
  expect(r.__typename, JSON.stringify(r)).toBe("UbahStatusPengajuanSuccess");
  return r.data;
}
async function put(
  token: string,
  p: { id: string; versi: number },
  files: Array<{ slot: number; name: string; content: Buffer; type?: string }>,
): Promise<Snap> {
  const r = await upload(
    t,
    UPLOAD,
    { id: p.id, v: p.versi, berkas: files.map((f) => ({ persyaratanId: fx.slots[f.slot]!.id, file: null })) },
    Object.fromEntries(files.map((f, i) => [`berkas.${i}.file`, { name: f.name, type: f.type, content: f.content }])),
    { token },
  );
  expect(r.errors).toBeUndefined();
  expect(r.data!.uploadDokumenPengajuan.__typename, JSON.stringify(r.data)).toBe("UploadDokumenPengajuanSuccess");
  return r.data!.uploadDokumenPengajuan.data;
}
const current = (p: Snap) => p.dokumen.filter((d) => !d.diganti);

async function submitted(pengiriman: "UNDUH" | "AMBIL" = "AMBIL") {
  const c = await activeCitizen(t);
  const r = await t.gql(CREATE, { l: fx.layanan.id, f: { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20" }, k: pengiriman }, { token: c.token });
  let p: Snap = r.data!.createPengajuan.data;
  p = await put(c.token, p, [
    { slot: 0, name: "ktp.png", type: "image/png", content: PNG_1X1 },
    { slot: 1, name: "pengantar.pdf", type: "application/pdf", content: tinyPdf("pengantar") },
  ]);
  // a draft's uploads are the applicant's own business: no step in the Log Pengajuan
  expect(p.riwayat.map((l) => l.aksi)).toEqual(["BUAT"]);
  p = await ok(c.token, p, "AJUKAN");
  return { c, p };
}

describe("a replaced document and the verification that follows", () => {
  it("refuses a verification naming the superseded document (DOKUMEN_DIGANTI) or missing the new one, and takes the current set", async () => {
    const { c, p: first } = await submitted();
    const saw = current(first).map((d) => d.id); // what the officer's page showed
    const diajukanAt = first.diajukanAt as string;
    expect(first.diajukanUlangAt).toBeNull();

    let p = await ok(fx.petugas.token, first, "MINTA_PERBAIKAN", { pesan: "Foto KTP buram, mohon unggah ulang." });
    p = await put(c.token, p, [{ slot: 0, name: "ktp-jelas.pdf", type: "application/pdf", content: tinyPdf("ktp jelas") }]);
    // the replacement is a step (the officer's open page follows steps), naming the slot, never the file
    expect(p.riwayat.at(-1)).toMatchObject({ aksi: "GANTI_DOKUMEN", keStatus: "PERLU_PERBAIKAN", pesan: "KTP calon pengantin" });
    expect(p.seq).toBe(p.riwayat.length);
    const ktpBaru = current(p).find((d) => d.persyaratan.label === "KTP calon pengantin")!;
    expect(ktpBaru.namaFile).toBe("ktp-jelas.pdf");

    p = await ok(c.token, p, "AJUKAN");
    // "Diajukan" is the first submission; the re-submission is its own time
    expect(p.diajukanAt).toBe(diajukanAt);
    expect(p.diajukanUlangAt).toBeTruthy();
    expect(new Date(p.diajukanUlangAt as string).getTime()).toBeGreaterThan(new Date(diajukanAt).getTime());

    // the page that kept showing the old KTP: refused, with the slot named; nothing changes
    const stale = await act(fx.petugas.token, p, "VERIFIKASI", { dilihat: saw });
    expect(stale).toMatchObject({ __typename: "ConflictError", code: "DOKUMEN_DIGANTI", field: "dokumenDilihat" });
    expect(stale.message).toContain("KTP calon pengantin");
    expect(stale.message).toMatch(/versi lama/);

    // a page that showed the others but never the new KTP
    const unseen = await act(fx.petugas.token, p, "VERIFIKASI", { dilihat: saw.filter((id) => id !== first.dokumen[0]!.id) });
    expect(unseen).toMatchObject({ __typename: "ConflictError", code: "DOKUMEN_BELUM_DILIHAT", field: "dokumenDilihat" });
    expect(unseen.message).toContain("KTP calon pengantin");

    // another request's document is not this one's
    const { p: other } = await submitted();
    const foreign = await act(fx.petugas.token, p, "VERIFIKASI", { dilihat: [...current(p).map((d) => d.id), current(other)[0]!.id] });
    expect(foreign).toMatchObject({ __typename: "ValidationError", code: "DOKUMEN_TIDAK_DIKENAL", field: "dokumenDilihat" });

    const still = await t.gql(`query($id: ID!) { node(id: $id) { ... on Pengajuan { status versi } } }`, { id: p.id }, { token: fx.petugas.token });
    expect(still.data!.node).toEqual({ status: "DIAJUKAN", versi: p.versi });

    // exactly the current documents: verified
    const v = await ok(fx.petugas.token, p, "VERIFIKASI", { dilihat: current(p).map((d) => d.id) });
    expect(v.status).toBe("DIVERIFIKASI");
  });

  it("a verification that names no documents is still taken (integrators that do not send them)", async () => {
    const { p } = await submitted();
    expect((await ok(fx.petugas.token, p, "VERIFIKASI")).status).toBe("DIVERIFIKASI");
  });

  it("a finished request has no remaining time, though its deadline stays on record", async () => {
    const { p: first } = await submitted("AMBIL");
    let p = await ok(fx.petugas.token, first, "VERIFIKASI", { dilihat: current(first).map((d) => d.id) });
    expect(p.sisaMenitKerja).toBeGreaterThan(0);
    p = await ok(fx.petugas.token, p, "PROSES");
    expect(p.sisaMenitKerja).toBeGreaterThan(0);
    p = await ok(fx.petugas.token, p, "SIAPKAN_PENGAMBILAN");
    expect(p).toMatchObject({ status: "SIAP_DIAMBIL", sisaMenitKerja: null });
    expect(p.selesaiAt).toBeTruthy();
    expect(p.tenggat).toBeTruthy();
  });

  it("statistics name statuses by their labels, with the code beside", async () => {
    const year = new Date().getFullYear();
    const r = await t.gql(
      `query($i: ID!, $y: Int!) { statistik(instansiId: $i, periode: TAHUN, tahun: $y) { __typename ... on StatistikSuccess { data { pengajuanPerStatus { nama label jumlah } pengaduanPerKanal { nama label } } } } }`,
      { i: globalId("Instansi", fx.instansi.id), y: year },
    );
    expect(r.errors).toBeUndefined();
    const rows = r.data!.statistik.data.pengajuanPerStatus as Array<{ nama: string; label: string }>;
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toContainEqual(expect.objectContaining({ nama: "SIAP_DIAMBIL", label: "Siap diambil" }));
    for (const row of rows) expect(row.label).not.toMatch(/^[A-Z_]+$/);
  });

  it("the migration gives requests re-submitted before this change their first submission time back", async () => {
    const c = await activeCitizen(t);
    const row = await insertSubmitted(t, fx, c.id, "INS/2026/990001");
    const pertama = new Date("2026-11-02T02:00:00Z");
    const ulang = new Date("2026-11-09T03:30:00Z");
    await t.db.prisma.pengajuanLog.update({ where: { pengajuanId_seq: { pengajuanId: row.id, seq: 1 } }, data: { createdAt: pertama } });
    await t.db.prisma.pengajuanLog.createMany({
      data: [
        {
          pengajuanId: row.id,
          seq: 2,
          aksi: "MINTA_PERBAIKAN",
          dariStatus: "DIAJUKAN",
          keStatus: "PERLU_PERBAIKAN",
          createdAt: new Date("2026-11-03T02:00:00Z"),
        },
        { pengajuanId: row.id, seq: 3, aksi: "AJUKAN", dariStatus: "PERLU_PERBAIKAN", keStatus: "DIAJUKAN", createdAt: ulang },
      ],
    });
    await t.db.prisma.pengajuan.update({ where: { id: row.id }, data: { seq: 3, diajukanAt: ulang } }); // as the old code left it
    const sql = fs.readFileSync("prisma/migrations/20261206100600_diajukan_pertama/migration.sql", "utf8");
    await t.db.prisma.$executeRawUnsafe(sql);
    const r = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Pengajuan { diajukanAt diajukanUlangAt } } }`,
      { id: row.gid },
      { token: fx.petugas.token },
    );
    expect(r.data!.node).toEqual({ diajukanAt: pertama.toISOString(), diajukanUlangAt: ulang.toISOString() });
  });
});

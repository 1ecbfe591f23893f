import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_1X1, activeCitizen, createInstansi, createStaff, createTestApp, globalId, tinyPdf, upload, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";

let t: TestApp;
let port: number;
let ins: { id: string };
let admin: Awaited<ReturnType<typeof createStaff>>;
let petugas: Awaited<ReturnType<typeof createStaff>>;
let kategoriId: string;

const P = `fragment P on Pengaduan { id kodeLacak status versi tenggat terlambat rahasia kanal dibukaKembali aksiTersedia pelapor { nama kontak terdaftar } riwayat { seq aksi keStatus pesan lampiran { namaFile url bukti } } }`;
const FILE = `mutation($i: ID!, $k: ID!, $j: String!, $u: String!, $r: Boolean, $b: [File!]!) { buatPengaduan(instansiId: $i, kategoriId: $k, judul: $j, uraian: $u, rahasia: $r, bukti: $b) { __typename ... on BuatPengaduanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const ACT = `mutation($id: ID!, $a: AksiPengaduan!, $v: Int!, $pesan: String, $l: [File!]) { ubahStatusPengaduan(id: $id, aksi: $a, versi: $v, pesan: $pesan, lampiran: $l) { __typename ... on UbahStatusPengaduanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const URAIAN = "Antrean pelayanan di loket 3 sangat lama, petugas tidak ada di tempat selama dua jam.";

beforeAll(async () => {
  t = await createTestApp();
  port = await t.app.start(0, "127.0.0.1");
  ins = await createInstansi(t);
  admin = await createStaff(t, "ADMIN", ins.id);
  petugas = await createStaff(t, "PETUGAS", ins.id);
  const k = await t.gql(
    `mutation($i: ID!) { tambahKategoriPengaduan(instansiId: $i, nama: "Pelayanan petugas") { __typename ... on TambahKategoriPengaduanSuccess { data { id } } } }`,
    { i: globalId("Instansi", ins.id) },
    { token: admin.token },
  );
  kategoriId = k.data!.tambahKategoriPengaduan.data.id;
});
afterAll(() => t.close());

async function file(token: string, extra: Record<string, unknown> = {}, files = { "b.0": { name: "antrean.png", content: PNG_1X1 } }) {
  return upload(
    t,
    FILE,
    { i: globalId("Instansi", ins.id), k: kategoriId, j: "Antrean lama di loket 3", u: URAIAN, r: false, b: Object.keys(files).map(() => null), ...extra },
    files,
    { token },
  );
}
async function act(token: string, p: { id: string; versi: number }, a: string, pesan?: string, files: Record<string, { name: string; content: Buffer }> = {}) {
  const r = await upload(t, ACT, { id: p.id, a, v: p.versi, pesan, l: Object.keys(files).map(() => null) }, files, { token });
  expect(r.errors).toBeUndefined();
  return r.data!.ubahStatusPengaduan;
}

describe("complaints", () => {
  it("two officers on the same version: the second gets CONFLICT, not a rule about the new state", async () => {
    const c = await activeCitizen(t);
    const p = (await file(c.token)).data!.buatPengaduan.data;
    expect((await act(petugas.token, p, "VERIFIKASI")).data.status).toBe("DIVERIFIKASI");
    expect(await act(admin.token, p, "VERIFIKASI")).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", field: "versi" });
  });

  it("need evidence and a known category; nothing is written otherwise", async () => {
    const c = await activeCitizen(t);
    const before = await t.db.prisma.pengaduan.count();
    const none = await file(c.token, {}, {} as never);
    expect(none.data!.buatPengaduan).toMatchObject({ code: "BUKTI_REQUIRED", field: "bukti" });
    const badCat = await file(c.token, { k: globalId("KategoriPengaduan", "00000000-0000-4000-8000-000000000000") });
    expect(badCat.data!.buatPengaduan.code).toBe("KATEGORI_INVALID");
    const short = await file(c.token, { u: "lama" });
    expect(short.data!.buatPengaduan).toMatchObject({ code: "URAIAN_REQUIRED", field: "uraian" });
    const exe = await file(c.token, {}, { "b.0": { name: "bukti.png", content: Buffer.from("MZ this is not an image") } });
    expect(exe.data!.buatPengaduan).toMatchObject({ code: "FILE_TYPE_NOT_ALLOWED", field: "bukti.0" });
    expect(await t.db.prisma.pengaduan.count()).toBe(before);
  });

  it("names every problem at once, the category's too (the form shows them all)", async () => {
    const c = await activeCitizen(t);
    const M = `mutation($i: ID!, $k: ID!, $b: [File!]!) { buatPengaduan(instansiId: $i, kategoriId: $k, judul: "abc", uraian: "lama", bukti: $b) { __typename ... on ValidationError { problems { code field } } } }`;
    const r = await t.gql(
      M,
      { i: globalId("Instansi", ins.id), k: globalId("KategoriPengaduan", "00000000-0000-4000-8000-000000000000"), b: [] },
      { token: c.token },
    );
    expect(r.data!.buatPengaduan.problems).toEqual([
      { code: "KATEGORI_INVALID", field: "kategoriId" },
      { code: "JUDUL_REQUIRED", field: "judul" },
      { code: "URAIAN_REQUIRED", field: "uraian" },
      { code: "BUKTI_REQUIRED", field: "bukti" },
    ]);
  });

  it("flow: received → verified (2x24 jam kerja) → followed up with documentation → done → unsatisfied once → done", async () => {
    const c = await activeCitizen(t);
    const r = await file(c.token);
    let p = r.data!.buatPengaduan.data;
    expect(p).toMatchObject({ status: "DITERIMA", kanal: "WEB", tenggat: null, aksiTersedia: [] });
    expect(p.kodeLacak).toMatch(/^ADU-[A-Z2-9]{8}$/);
    expect(p.riwayat[0].lampiran[0]).toMatchObject({ namaFile: "antrean.png", bukti: true });

    const pub = await t.gql(`query($k: String!) { lacakPengaduan(kodeLacak: $k) { statusLabel instansi } }`, { k: p.kodeLacak.toLowerCase() });
    expect(pub.data!.lacakPengaduan.statusLabel).toBe("Diterima");

    const verifiedAt = Date.now();
    p = (await act(petugas.token, p, "VERIFIKASI")).data;
    expect(p.status).toBe("DIVERIFIKASI");
    // "2x24 jam kerja": the same time of day two working days later (or from the next opening)
    expect(new Date(p.tenggat).getTime()).toBeGreaterThan(verifiedAt + 24 * 3600_000);
    const noText = await act(petugas.token, p, "TINDAK_LANJUT");
    expect(noText.code).toBe("PESAN_REQUIRED");
    p = (
      await act(petugas.token, p, "TINDAK_LANJUT", "Petugas loket 3 sudah ditegur; jadwal piket diperbaiki.", {
        "l.0": { name: "jadwal-piket.pdf", content: tinyPdf("piket") },
      })
    ).data;
    expect(p.status).toBe("DITINDAKLANJUTI");
    expect(p.riwayat.at(-1).lampiran[0]).toMatchObject({ namaFile: "jadwal-piket.pdf", bukti: false });
    p = (await act(petugas.token, p, "SELESAIKAN", "Jadwal piket baru berlaku mulai Senin.")).data;
    expect(p.status).toBe("SELESAI");

    const mineView = await t.gql(`query($id: ID!) { node(id: $id) { ... on Pengaduan { aksiTersedia } } }`, { id: p.id }, { token: c.token });
    expect(mineView.data!.node.aksiTersedia).toEqual(["TIDAK_PUAS"]);
    p = (await act(c.token, p, "TIDAK_PUAS", "Hari Senin antrean masih sama lamanya.")).data;
    expect(p).toMatchObject({ status: "DIVERIFIKASI", dibukaKembali: true });
    expect(p.tenggat).toBeTruthy();
    p = (await act(petugas.token, p, "TINDAK_LANJUT", "Loket tambahan dibuka.")).data;
    p = (await act(petugas.token, p, "SELESAIKAN", "Loket tambahan dibuka tiap Senin.")).data;
    const twice = await act(c.token, p, "TIDAK_PUAS", "Masih belum puas juga.");
    expect(twice).toMatchObject({ __typename: "InvalidStateError", code: "SUDAH_DIBUKA_KEMBALI" });
    const notes = await t.db.prisma.notification.findMany({ where: { userId: c.id } });
    expect(notes.map((n) => n.kind)).toEqual(expect.arrayContaining(["PENGADUAN_DIVERIFIKASI", "PENGADUAN_DITINDAKLANJUTI", "PENGADUAN_SELESAI"]));
  });

  it("rejected as not meeting the requirements, with a reason", async () => {
    const c = await activeCitizen(t);
    const p = (await file(c.token)).data!.buatPengaduan.data;
    const r = await act(admin.token, p, "TOLAK", "Bukan kewenangan instansi ini; silakan ke Dinas Perhubungan.");
    expect(r.data).toMatchObject({ status: "DITOLAK", aksiTersedia: [] });
  });

  it("a confidential reporter is hidden from officers and from other citizens; admins see who it is", async () => {
    const c = await activeCitizen(t);
    const p = (await file(c.token, { r: true })).data!.buatPengaduan.data;
    expect(p.pelapor.terdaftar).toBe(true); // the reporter sees themself
    const Q = `query($id: ID!) { node(id: $id) { ... on Pengaduan { rahasia pelapor { nama kontak } } } }`;
    expect((await t.gql(Q, { id: p.id }, { token: petugas.token })).data!.node).toEqual({ rahasia: true, pelapor: null });
    expect((await t.gql(Q, { id: p.id }, { token: admin.token })).data!.node.pelapor.nama).toBe("Warga Uji Coba");
    const other = await activeCitizen(t);
    expect((await t.gql(Q, { id: p.id }, { token: other.token })).data?.node ?? null).toBeNull();
    const lampiranUrl = p.riwayat[0].lampiran[0].url;
    expect((await t.app.yoga.fetch(`http://localhost${lampiranUrl}`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);
    expect((await t.app.yoga.fetch(`http://localhost${lampiranUrl}`, { headers: { authorization: `Bearer ${petugas.token}` } })).status).toBe(200);
  });

  it("staff record an offline complaint for an unnamed or named reporter, encrypted at rest", async () => {
    const M = `mutation($i: ID!, $k: ID!, $n: String, $kt: String) { catatPengaduan(instansiId: $i, kategoriId: $k, kanal: TELEPON, judul: "Laporan lewat telepon", uraian: "${URAIAN}", namaPelapor: $n, kontakPelapor: $kt) { __typename ... on CatatPengaduanSuccess { data { id kanal pelapor { nama kontak terdaftar } } } ... on Error { code } } }`;
    const named = await t.gql(M, { i: globalId("Instansi", ins.id), k: kategoriId, n: "Pak Slamet", kt: "0812-3333-4444" }, { token: petugas.token });
    expect(named.data!.catatPengaduan.data).toMatchObject({ kanal: "TELEPON", pelapor: { nama: "Pak Slamet", kontak: "0812-3333-4444", terdaftar: false } });
    const row = await t.db.prisma.pengaduan.findUniqueOrThrow({
      where: { id: Buffer.from(named.data!.catatPengaduan.data.id, "base64").toString().split(":")[1] },
    });
    expect(row.namaPelapor).not.toContain("Slamet");
    const anon = await t.gql(M, { i: globalId("Instansi", ins.id), k: kategoriId }, { token: petugas.token });
    expect(anon.data!.catatPengaduan.data.pelapor).toEqual({ nama: null, kontak: null, terdaftar: false });
    const c = await activeCitizen(t);
    const denied = await t.gql(M, { i: globalId("Instansi", ins.id), k: kategoriId }, { token: c.token });
    expect(denied.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("the reporter's open page and the desk see changes live", async () => {
    const c = await activeCitizen(t);
    const p = (await file(c.token)).data!.buatPengaduan.data;
    const cc = wsClient(port, { token: c.token });
    const mine = collect(cc, `subscription($id: ID!) { pengaduanBerubah(id: $id) { status } }`, { id: p.id });
    const sc = wsClient(port, { token: petugas.token });
    const desk = collect(sc, `subscription { mejaPengaduanBerubah { kodeLacak status } }`);
    expect((await mine.next(1))[0]!.data!.pengaduanBerubah.status).toBe("DITERIMA");
    await new Promise((r) => setTimeout(r, 150));
    await act(petugas.token, p, "VERIFIKASI");
    expect((await mine.next(2))[1]!.data!.pengaduanBerubah.status).toBe("DIVERIFIKASI");
    expect((await desk.next(1))[0]!.data!.mejaPengaduanBerubah).toEqual({ kodeLacak: p.kodeLacak, status: "DIVERIFIKASI" });
    await cc.dispose();
    await sc.dispose();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createInstansi, createStaff, createTestApp, globalId, type TestApp } from "../helpers/app";

let t: TestApp;
let ins: { id: string };
let ppid: Awaited<ReturnType<typeof createStaff>>;
let atasan: Awaited<ReturnType<typeof createStaff>>;

const P = `fragment P on PermohonanInformasi { id nomorRegister status versi tenggat terlambat alasanPerpanjangan diputusAt pasalPengecualian pengecualianLabel alasanKeberatan { alasan bisaDiajukan sejak batas } keberatan { nomorRegister status tenggatTanggapan batasSengketa } }`;
const AJUKAN = `mutation($i: ID!) { ajukanPermohonanInformasi(instansiId: $i, rincianInformasi: "Salinan DPA Dinas tahun anggaran 2026", tujuan: "Bahan penelitian skripsi", format: SOFTCOPY, caraPerolehan: EMAIL) { __typename ... on AjukanPermohonanInformasiSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const PANJANG = `mutation($id: ID!, $v: Int!, $h: Int!, $a: String!) { perpanjangPermohonanInformasi(id: $id, versi: $v, hari: $h, alasan: $a) { __typename ... on PerpanjangPermohonanInformasiSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const PUTUS = `mutation($id: ID!, $v: Int!, $k: KeputusanPermohonan!, $c: String!, $p: String, $u: String, $b: Int) { putuskanPermohonanInformasi(id: $id, versi: $v, keputusan: $k, catatan: $c, pasalPengecualian: $p, ujiKonsekuensi: $u, biaya: $b) { __typename ... on PutuskanPermohonanInformasiSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const KEBERATAN = `mutation($id: ID!, $a: AlasanKeberatan!) { ajukanKeberatan(permohonanId: $id, alasan: $a, uraian: "Informasi yang diminta seharusnya terbuka untuk publik.") { __typename ... on AjukanKeberatanSuccess { data { id nomorRegister status tenggatTanggapan } } ... on Error { code message } } }`;

beforeAll(async () => {
  t = await createTestApp();
  ins = await createInstansi(t);
  ppid = await createStaff(t, "PPID", ins.id);
  atasan = await createStaff(t, "ATASAN_PPID", ins.id);
});
afterAll(() => t.close());

async function request(token: string) {
  const r = await t.gql(AJUKAN, { i: globalId("Instansi", ins.id) }, { token });
  expect(r.errors).toBeUndefined();
  return r.data!.ajukanPermohonanInformasi.data;
}

describe("public-information requests", () => {
  it("two PPID officers on the same version: the second gets CONFLICT, for a decision and for an extension", async () => {
    const c = await activeCitizen(t);
    const p = await request(c.token);
    const ppid2 = await createStaff(t, "PPID", ins.id);
    const decided = await t.gql(PUTUS, { id: p.id, v: p.versi, k: "DIKABULKAN", c: "Informasi terlampir." }, { token: ppid.token });
    expect(decided.data!.putuskanPermohonanInformasi.data.status).toBe("DIKABULKAN");
    const again = await t.gql(PUTUS, { id: p.id, v: p.versi, k: "DIKABULKAN", c: "Informasi terlampir juga." }, { token: ppid2.token });
    expect(again.data!.putuskanPermohonanInformasi).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", field: "versi" });
    const extend = await t.gql(PANJANG, { id: p.id, v: p.versi, h: 3, a: "Dokumen masih di arsip pusat." }, { token: ppid2.token });
    expect(extend.data!.perpanjangPermohonanInformasi).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
  });

  it("get a register number and a 10-working-day deadline; one extension of at most 7 days with reasons", async () => {
    const c = await activeCitizen(t);
    let p = await request(c.token);
    expect(p.nomorRegister).toMatch(/^PPID\/INS\/\d{4}\/\d{5}$/);
    expect(p.status).toBe("DITERIMA");
    const first = new Date(p.tenggat);
    expect(first.getTime()).toBeGreaterThan(Date.now() + 10 * 86400_000); // ten working days are at least two weeks
    const tooLong = await t.gql(PANJANG, { id: p.id, v: p.versi, h: 8, a: "Dokumen masih di arsip pusat." }, { token: ppid.token });
    expect(tooLong.data!.perpanjangPermohonanInformasi).toMatchObject({ code: "PERPANJANGAN_TERLALU_LAMA", field: "hari" });
    const noReason = await t.gql(PANJANG, { id: p.id, v: p.versi, h: 5, a: "" }, { token: ppid.token });
    expect(noReason.data!.perpanjangPermohonanInformasi.code).toBe("ALASAN_REQUIRED");
    p = (await t.gql(PANJANG, { id: p.id, v: p.versi, h: 7, a: "Dokumen masih di arsip pusat dan harus dipindai." }, { token: ppid.token })).data!
      .perpanjangPermohonanInformasi.data;
    expect(p.status).toBe("DIPERPANJANG");
    expect(new Date(p.tenggat).getTime()).toBeGreaterThan(first.getTime() + 7 * 86400_000);
    const twice = await t.gql(PANJANG, { id: p.id, v: p.versi, h: 1, a: "Masih belum selesai dipindai." }, { token: ppid.token });
    expect(twice.data!.perpanjangPermohonanInformasi.code).toBe("PERPANJANGAN_SUDAH");
    const byCitizen = await t.gql(PANJANG, { id: p.id, v: p.versi, h: 1, a: "Saya mau memperpanjang." }, { token: c.token });
    expect(byCitizen.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("refusal cites Pasal 17 and the consequence test; the requester objects, the superior answers; then 14 days for the Komisi Informasi", async () => {
    const c = await activeCitizen(t);
    let p = await request(c.token);
    const noPasal = await t.gql(PUTUS, { id: p.id, v: p.versi, k: "DITOLAK", c: "Informasi dikecualikan." }, { token: ppid.token });
    expect(noPasal.data!.putuskanPermohonanInformasi).toMatchObject({ code: "PENGECUALIAN_REQUIRED", field: "pasalPengecualian" });
    // before any decision, objecting on "refusal" is refused: the ground does not exist yet
    const early = await t.gql(KEBERATAN, { id: p.id, a: "PENOLAKAN" }, { token: c.token });
    expect(early.data!.ajukanKeberatan.code).toBe("ALASAN_BELUM_ADA");
    p = (
      await t.gql(
        PUTUS,
        {
          id: p.id,
          v: p.versi,
          k: "DITOLAK",
          c: "Dokumen memuat data pribadi pegawai.",
          p: "h",
          u: "Membuka dokumen akan mengungkap rahasia pribadi pegawai, kerugiannya lebih besar daripada manfaatnya.",
        },
        { token: ppid.token },
      )
    ).data!.putuskanPermohonanInformasi.data;
    expect(p).toMatchObject({ status: "DITOLAK", pasalPengecualian: "h" });
    expect(p.pengecualianLabel).toMatch(/^Pasal 17 huruf h: Mengungkap rahasia pribadi/);
    const ground = p.alasanKeberatan.find((g: { alasan: string }) => g.alasan === "PENOLAKAN");
    expect(ground.bisaDiajukan).toBe(true);
    expect(new Date(ground.batas).getTime()).toBeGreaterThan(Date.now() + 30 * 86400_000);

    const k = await t.gql(KEBERATAN, { id: p.id, a: "PENOLAKAN" }, { token: c.token });
    expect(k.data!.ajukanKeberatan.data.nomorRegister).toMatch(/^KEB\/INS\/\d{4}\/\d{5}$/);
    const dup = await t.gql(KEBERATAN, { id: p.id, a: "PENOLAKAN" }, { token: c.token });
    expect(dup.data!.ajukanKeberatan.code).toBe("KEBERATAN_SUDAH_ADA");
    const T = `mutation($id: ID!, $v: Int!) { tanggapiKeberatan(id: $id, versi: $v, tanggapan: "Keberatan ditolak; pengecualian sudah melalui uji konsekuensi.") { __typename ... on TanggapiKeberatanSuccess { data { status batasSengketa } } ... on Error { code } } }`;
    const byPpid = await t.gql(T, { id: k.data!.ajukanKeberatan.data.id, v: 1 }, { token: ppid.token });
    expect(byPpid.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const answered = await t.gql(T, { id: k.data!.ajukanKeberatan.data.id, v: 1 }, { token: atasan.token });
    expect(answered.data!.tanggapiKeberatan.data.status).toBe("DITANGGAPI");
    // a second atasan answering the version both saw: CONFLICT (reload), not a rule about the new state
    const late = await t.gql(T, { id: k.data!.ajukanKeberatan.data.id, v: 1 }, { token: atasan.token });
    expect(late.data!.tanggapiKeberatan).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    expect(new Date(answered.data!.tanggapiKeberatan.data.batasSengketa).getTime()).toBeGreaterThan(Date.now() + 14 * 86400_000);
  });

  it("an unanswered request past its deadline gives the 'not answered' ground; a late objection is refused", async () => {
    const c = await activeCitizen(t);
    const p = await request(c.token);
    const id = Buffer.from(p.id, "base64").toString().split(":")[1]!;
    await t.db.prisma.permohonanInformasi.update({ where: { id }, data: { tenggat: new Date(Date.now() - 86400_000) } });
    const now = await t.gql(KEBERATAN, { id: p.id, a: "TIDAK_DITANGGAPI" }, { token: c.token });
    expect(now.data!.ajukanKeberatan.__typename).toBe("AjukanKeberatanSuccess");
    // a ground that arose long ago has expired
    await t.db.prisma.permohonanInformasi.update({ where: { id }, data: { diterimaAt: new Date("2025-01-06T02:00:00Z") } });
    const late = await t.gql(KEBERATAN, { id: p.id, a: "TIDAK_DISEDIAKAN_INFORMASI_BERKALA" }, { token: c.token });
    expect(late.data!.ajukanKeberatan.code).toBe("KEBERATAN_LEWAT_WAKTU");
  });

  it("registers as queries and CSV for the PPID desk only; another citizen sees nothing", async () => {
    const c = await activeCitizen(t);
    const p = await request(c.token);
    const reg = await t.gql(
      `{ registerPermohonanInformasi(first: 100) { totalCount edges { node { nomorRegister pemohonNama } } } registerPermohonanCsv registerKeberatanCsv }`,
      {},
      { token: ppid.token },
    );
    expect(reg.data!.registerPermohonanInformasi.totalCount).toBeGreaterThanOrEqual(4);
    const csv: string = reg.data!.registerPermohonanCsv;
    expect(csv.split("\r\n")[0]).toBe(
      "nomor_register,tanggal_diterima,nama_pemohon,rincian_informasi,tujuan,format,cara_perolehan,tenggat,diperpanjang,status,tanggal_keputusan,pengecualian,biaya",
    );
    expect(csv).toContain(p.nomorRegister);
    expect(reg.data!.registerKeberatanCsv).toMatch(/KEB\/INS\//);
    const citizen = await t.gql(`{ registerPermohonanCsv }`, {}, { token: c.token });
    expect(citizen.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const other = await activeCitizen(t);
    const peek = await t.gql(`query($id: ID!) { node(id: $id) { ... on PermohonanInformasi { rincianInformasi } } }`, { id: p.id }, { token: other.token });
    expect(peek.data?.node ?? null).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createInstansi, createStaff, createTestApp, globalId, type TestApp } from "../helpers/app";
import { localDateOf } from "../../server/modules/calendar/working-time";

/**
 * The helpdesk's consultations through the API on a real database (Madiun's LPSE helpdesk, seed 004): recorded with
 * every bad value named at once; answered on the spot; escalated to LKPP with a callback promised within the
 * service's time on the office calendar, which a closure moves like any open deadline; answered; counted; seen by
 * the desk of its instansi only; the caller's name and contact masked in the audit trail.
 */

let t: TestApp;
let ins: { id: string; gid: string };
let layanan: { id: string; gid: string };
let petugas: string;
let admin: string;
let petugasLain: string;
let citizen: string;

const CATAT = `mutation($input: CatatKonsultasiInput!) {
  catatKonsultasi(input: $input) {
    __typename ... on CatatKonsultasiSuccess { data { id nomor status versi jawaban selesaiAt dicatatOleh } } ... on Error { code message field problems { code field } }
  }
}`;
const ESKALASI = `mutation($id: ID!, $versi: Int!, $ke: String!) {
  eskalasiKonsultasi(id: $id, versi: $versi, eskalasiKe: $ke) { __typename ... on EskalasiKonsultasiSuccess { data { status versi tenggatJawab eskalasiKe terlambat } } ... on Error { code message } }
}`;
const JAWAB = `mutation($id: ID!, $versi: Int!, $j: String!) {
  jawabKonsultasi(id: $id, versi: $versi, jawaban: $j) { __typename ... on JawabKonsultasiSuccess { data { status jawaban dijawabOleh terlambat } } ... on Error { code message } }
}`;
const MEJA = `query($i: ID!, $s: Boolean) { konsultasiMeja(instansiId: $i, selesai: $s) { nomor status namaPenanya kontak tenggatJawab } }`;
const RINGKASAN = `query($i: ID!, $y: Int!) { ringkasanKonsultasi(instansiId: $i, tahun: $y) { jumlah dijawabLangsung dieskalasi terbuka terlambat perKanal { kanal jumlah } } }`;

const input = (over: Record<string, unknown> = {}) => ({
  instansiId: ins.gid,
  layananId: layanan.gid,
  namaPenanya: "Sutrisno",
  organisasi: "CV Maju Jaya",
  kontak: "081234567890",
  kanal: "TELEPON",
  pertanyaan: "Mengapa akun penyedia kami tidak dapat mengunggah dokumen penawaran di SPSE?",
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const a = await createInstansi(t, "KOMINFO-MADIUN");
  const b = await createInstansi(t, "KMG-LAIN");
  ins = { id: a.id, gid: globalId("Instansi", a.id) };
  const l = await t.db.prisma.layanan.create({
    data: { instansiId: a.id, kode: "HELPDESK-LPSE", nama: "Helpdesk LPSE", slaJumlah: 2, slaSatuan: "HARI_KERJA" },
  });
  layanan = { id: l.id, gid: globalId("Layanan", l.id) };
  petugas = (await createStaff(t, "PETUGAS", a.id)).token;
  admin = (await createStaff(t, "ADMIN", a.id)).token;
  petugasLain = (await createStaff(t, "PETUGAS", b.id)).token;
  citizen = (await activeCitizen(t)).token;
}, 60_000);
afterAll(() => t.close());

describe("the helpdesk", () => {
  it("names every bad value at once; citizens and another office's officers are refused", async () => {
    const bad = await t.gql(CATAT, { input: input({ namaPenanya: "S", kontak: "besok saja", pertanyaan: "?" }) }, { token: petugas });
    expect(bad.data!.catatKonsultasi.problems).toEqual([
      { code: "NAMA_INVALID", field: "namaPenanya" },
      { code: "KONTAK_INVALID", field: "kontak" },
      { code: "PERTANYAAN_INVALID", field: "pertanyaan" },
    ]);
    expect((await t.gql(CATAT, { input: input() }, { token: citizen })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await t.gql(CATAT, { input: input() }, { token: petugasLain })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a question answered on the spot is closed at once, with its number", async () => {
    const res = await t.gql(CATAT, { input: input({ kanal: "LANGSUNG", jawaban: "Dokumen melebihi 20 MB; kecilkan lalu unggah ulang." }) }, { token: petugas });
    expect(res.data!.catatKonsultasi.data).toMatchObject({
      nomor: expect.stringMatching(/^KNS\/KOMINFO\/\d{4}\/00001$/),
      status: "SELESAI",
      dicatatOleh: "Staf PETUGAS",
    });
  });

  it("escalated to LKPP: a callback within the service's two working days, moved by a closure, then answered", async () => {
    const rec = await t.gql(CATAT, { input: input() }, { token: petugas });
    const k = rec.data!.catatKonsultasi.data;
    expect(k.status).toBe("TERBUKA");
    const id = k.id;
    const rowId = Buffer.from(id, "base64").toString().split(":")[1]!;
    const esc = await t.gql(ESKALASI, { id, versi: k.versi, ke: "LKPP" }, { token: petugas });
    expect(esc.errors).toBeUndefined();
    const e = esc.data!.eskalasiKonsultasi.data;
    expect(e).toMatchObject({ status: "DIEKSKALASI", eskalasiKe: "LKPP", terlambat: false });
    const before = new Date(e.tenggatJawab);
    expect(before.getTime()).toBeGreaterThan(Date.now() + 86_400_000);
    // a closure on the deadline's day moves it to a later working day, in the same transaction as the closure
    const day = localDateOf({ timeZone: "Asia/Jakarta" }, before);
    const closed = await t.gql(
      `mutation($i: ID!, $d: Date!) { addPenutupan(instansiId: $i, tanggal: $d, alasan: "Gangguan listrik") { __typename } }`,
      { i: ins.gid, d: day },
      { token: admin },
    );
    expect(closed.data!.addPenutupan.__typename).toBe("AddPenutupanSuccess");
    const moved = await t.db.prisma.konsultasi.findUniqueOrThrow({ where: { id: rowId } });
    expect(moved.tenggatJawab!.getTime()).toBeGreaterThan(before.getTime());
    expect(moved.versi).toBe(e.versi + 1);
    // the stale version is refused; another office's officer does not find it
    const stale = await t.gql(JAWAB, { id, versi: e.versi, j: "Jawaban LKPP sudah diterima." }, { token: petugas });
    expect(stale.data!.jawabKonsultasi.code).toBe("CONFLICT");
    const lain = await t.gql(JAWAB, { id, versi: moved.versi, j: "Jawaban LKPP sudah diterima." }, { token: petugasLain });
    expect(lain.data!.jawabKonsultasi.code).toBe("KONSULTASI_NOT_FOUND");
    const desk = await t.gql(MEJA, { i: ins.gid }, { token: petugas });
    expect(desk.data!.konsultasiMeja.map((r: { status: string }) => r.status)).toEqual(["DIEKSKALASI"]);
    const done = await t.gql(JAWAB, { id, versi: moved.versi, j: "Menurut LKPP, perbarui aplikasi SPAMKODOK lalu unggah ulang." }, { token: petugas });
    expect(done.data!.jawabKonsultasi.data).toMatchObject({ status: "SELESAI", dijawabOleh: "Staf PETUGAS", terlambat: false });
  });

  it("counts the year's consultations for the statistics; the caller's name and contact are masked in the audit trail", async () => {
    await t.gql(CATAT, { input: input({ kanal: "WHATSAPP" }) }, { token: petugas });
    const year = Number(localDateOf({ timeZone: "Asia/Jakarta" }, new Date()).slice(0, 4));
    const r = await t.gql(RINGKASAN, { i: ins.gid, y: year }, { token: admin });
    expect(r.data!.ringkasanKonsultasi).toMatchObject({ jumlah: 3, dijawabLangsung: 1, dieskalasi: 1, terbuka: 1, terlambat: 0 });
    expect(r.data!.ringkasanKonsultasi.perKanal).toEqual(
      expect.arrayContaining([
        { kanal: "LANGSUNG", jumlah: 1 },
        { kanal: "TELEPON", jumlah: 1 },
        { kanal: "WHATSAPP", jumlah: 1 },
      ]),
    );
    const entries = await t.db.prisma.auditLog.findMany({ where: { aksi: "Mutation.catatKonsultasi" } });
    expect(entries.length).toBeGreaterThan(0);
    const text = JSON.stringify(entries.map((e) => e.detail));
    expect(text).not.toContain("081234567890");
    expect(text).not.toContain("Sutrisno");
    expect((await t.gql(RINGKASAN, { i: ins.gid, y: year }, { token: petugasLain })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("the caller answers the SKM survey through the link given with the answer, once, without an account; the link reveals nothing else", async () => {
    const c = await t.gql(CATAT, { input: input({ kanal: "EMAIL", kontak: "penanya@example.com" }) }, { token: petugas });
    const id = c.data!.catatKonsultasi.data.id as string;
    const LINK = `query($id: ID!) { node(id: $id) { ... on Konsultasi { status tautanSurvei } } }`;
    expect((await t.gql(LINK, { id }, { token: petugas })).data!.node.tautanSurvei).toBeNull();
    const INFO = `query($t: String!) { surveiKonsultasi(token: $t) { __typename ... on SurveiKonsultasiSuccess { data { nomor instansi layanan dijawab sudahDiisi } } ... on Error { code } } }`;
    const ISI = `mutation($t: String!, $s: [Int!]!) { isiSurveiKonsultasi(token: $t, skor: $s, komentar: "Jelas dan cepat") { __typename ... on Error { code message } } }`;
    const done = await t.gql(JAWAB, { id, versi: c.data!.catatKonsultasi.data.versi, j: "Gunakan menu Lupa Kata Sandi di SPSE." }, { token: petugas });
    expect(done.data!.jawabKonsultasi.data.status).toBe("SELESAI");
    const link = (await t.gql(LINK, { id }, { token: petugas })).data!.node.tautanSurvei as string;
    expect(link).toMatch(/\/survei\/konsultasi\/[A-Za-z0-9_-]{44}$/);
    const token = link.split("/").at(-1)!;

    // anyone holding the link (no session): the office, the service, the number; not the question or the caller
    const info = await t.gql(INFO, { t: token });
    expect(info.data!.surveiKonsultasi.data).toEqual({
      nomor: c.data!.catatKonsultasi.data.nomor,
      instansi: expect.any(String),
      layanan: "Helpdesk LPSE",
      dijawab: true,
      sudahDiisi: false,
    });
    expect(JSON.stringify(info)).not.toContain("penanya@example.com");
    // a forged or altered token names nothing
    const forged = `${token.slice(0, 22)}${"A".repeat(22)}`;
    expect((await t.gql(INFO, { t: forged })).data!.surveiKonsultasi).toMatchObject({ code: "SURVEI_NOT_FOUND" });
    expect((await t.gql(ISI, { t: forged, s: [4, 4, 4, 4, 4, 4, 4, 4, 4] })).data!.isiSurveiKonsultasi).toMatchObject({ code: "SURVEI_NOT_FOUND" });
    expect((await t.gql(ISI, { t: token, s: [4, 4, 5, 4, 4, 4, 4, 4, 4] })).data!.isiSurveiKonsultasi).toMatchObject({ code: "SKOR_INVALID" });
    expect((await t.gql(ISI, { t: token, s: [4, 3, 4, 4, 3, 4, 4, 4, 4] })).data!.isiSurveiKonsultasi.__typename).toBe("IsiSurveiKonsultasiSuccess");
    expect((await t.gql(ISI, { t: token, s: [1, 1, 1, 1, 1, 1, 1, 1, 1] })).data!.isiSurveiKonsultasi).toMatchObject({ code: "SURVEI_SUDAH_DIISI" });
    const row = await t.db.prisma.surveiKepuasan.findFirstOrThrow({ where: { jenisKasus: "KONSULTASI" } });
    expect(row).toMatchObject({ instansiId: ins.id, layananId: layanan.id, respondenId: null, u2: 3, komentar: "Jelas dan cepat" });
    expect((await t.gql(INFO, { t: token })).data!.surveiKonsultasi.data.sudahDiisi).toBe(true);
    // the token is a key: never kept in the audit trail
    const trail = JSON.stringify((await t.db.prisma.auditLog.findMany({ where: { aksi: "Mutation.isiSurveiKonsultasi" } })).map((e) => e.detail));
    expect(trail).not.toContain(token);
    // an open consultation has no survey yet, even with a valid token
    const open = await t.gql(CATAT, { input: input({ jawaban: null }) }, { token: petugas });
    const { tokenSurvei } = await import("../../server/modules/konsultasi/survei");
    const rawOpen = Buffer.from(open.data!.catatKonsultasi.data.id, "base64").toString().split(":")[1]!;
    const early = await t.gql(ISI, { t: tokenSurvei(t.app.services.keys, rawOpen), s: [4, 4, 4, 4, 4, 4, 4, 4, 4] });
    expect(early.data!.isiSurveiKonsultasi).toMatchObject({ code: "KASUS_BELUM_SELESAI" });
  });
});

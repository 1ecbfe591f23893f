import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createInstansi, createStaff, createTestApp, globalId, tinyPdf, upload, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";
import { kirimPengingatPelatihan } from "../../server/modules/pelatihan/notify";

/**
 * Training sessions through the public API on a real database (issue: the counter, SPSE training): the desk
 * publishes a session (every bad value named at once; none on a day the office is closed); citizens register with
 * their superior's letter (checked by content) and, when the seats are gone, join the waiting list in order; parallel
 * registrations never hold more seats than the session has; a withdrawal or more seats hands the seat to the first
 * waiting, who is told; the seats follow live over a real WebSocket; attendance from the session's day; the daftar
 * hadir PDF lists the seat holders (read by poppler); having attended, the participant answers the SKM survey once;
 * a cancelled session tells everyone; nobody else sees the participants.
 */

let t: TestApp;
let port: number;
let ins: { id: string; gid: string };
let layanan: { id: string; gid: string };
let admin: string;
let petugas: string;
let petugasLain: string;
const citizens: Array<{ id: string; token: string }> = [];

const BUAT = `mutation($l: ID!, $input: SesiPelatihanInput!) {
  buatSesiPelatihan(layananId: $l, input: $input) {
    __typename ... on BuatSesiPelatihanSuccess { data { id judul kapasitas sisaKursi status } } ... on Error { code message field problems { code field } }
  }
}`;
const UBAH = `mutation($id: ID!, $input: SesiPelatihanInput!) {
  ubahSesiPelatihan(id: $id, input: $input) { __typename ... on UbahSesiPelatihanSuccess { data { kapasitas terisi sisaKursi jumlahMenunggu } } ... on Error { code message field } }
}`;
const DAFTAR = `mutation($s: ID!, $o: String!, $j: String, $f: File) {
  daftarPelatihan(sesiId: $s, organisasi: $o, jabatan: $j, suratAtasan: $f) {
    __typename ... on DaftarPelatihanSuccess { data { id status nomorTunggu suratAtasanUrl dapatDibatalkan } } ... on Error { code message field problems { code field } }
  }
}`;
const BATAL = `mutation($id: ID!) { batalkanPendaftaranPelatihan(id: $id, alasan: "Berhalangan") { __typename ... on BatalkanPendaftaranPelatihanSuccess { data { status } } ... on Error { code message } } }`;
const TANDAI = `mutation($id: ID!, $t: TandaHadirPelatihan!) { tandaiHadirPelatihan(id: $id, tanda: $t) { __typename ... on TandaiHadirPelatihanSuccess { data { status hadirAt } } ... on Error { code message } } }`;
const SESI = `query($id: ID!) { node(id: $id) { ... on SesiPelatihan { kapasitas terisi sisaKursi jumlahMenunggu daftarHadirUrl peserta { namaPeserta status nomorTunggu } } } }`;
const SAYA = `query { pelatihanSaya { id status nomorTunggu sesi { judul } } }`;
const SURVEI = `mutation($k: ID!) { isiSurveiKepuasan(jenisKasus: PELATIHAN, kasusId: $k, skor: [4,4,4,3,4,4,4,4,4]) { __typename ... on Error { code message } } }`;
const LIVE = `subscription($id: ID!) { sesiPelatihanBerubah(id: $id) { sisaKursi jumlahMenunggu } }`;

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const input = (o: Record<string, unknown> = {}) => ({
  judul: "Pelatihan SPSE untuk Penyedia",
  mulai: inHours(0.25),
  selesai: inHours(3),
  tempat: "Ruang Rapat LPSE, Lantai 2",
  kapasitas: 2,
  persyaratan: "Membawa laptop dan surat tugas dari atasan.",
  ...o,
});
const surat = (label: string) => ({ f: { name: `surat-tugas-${label}.pdf`, type: "application/pdf", content: tinyPdf(label) } });
const daftar = (token: string, sesi: string, label: string) =>
  upload(t, DAFTAR, { s: sesi, o: `CV ${label}`, j: "Direktur", f: null }, surat(label), { token });

beforeAll(async () => {
  t = await createTestApp({ mailWorker: false });
  port = await t.app.start(0, "127.0.0.1");
  const a = await createInstansi(t, "LPSE-PELATIHAN");
  // open 08:00–16:00 every day but one closure day, so a session can start soon whatever day the test runs
  await t.db.prisma.jamLayanan.deleteMany({ where: { instansiId: a.id } });
  await t.db.prisma.jamLayanan.createMany({ data: [1, 2, 3, 4, 5, 6, 7].map((hari) => ({ instansiId: a.id, hari, buka: 480, tutup: 960 })) });
  await t.db.prisma.instansi.update({ where: { id: a.id }, data: { cutiBersamaLibur: false } });
  await t.db.prisma.hariLibur.deleteMany({});
  const b = await createInstansi(t, "LPSE-LAIN");
  ins = { id: a.id, gid: globalId("Instansi", a.id) };
  const l = await t.db.prisma.layanan.create({ data: { instansiId: a.id, kode: "SPSE-LATIH", nama: "Pelatihan SPSE", slaJumlah: 1, slaSatuan: "HARI_KERJA" } });
  layanan = { id: l.id, gid: globalId("Layanan", l.id) };
  admin = (await createStaff(t, "ADMIN", a.id)).token;
  petugas = (await createStaff(t, "PETUGAS", a.id)).token;
  petugasLain = (await createStaff(t, "PETUGAS", b.id)).token;
  for (let i = 0; i < 9; i++) citizens.push(await activeCitizen(t));
}, 120_000);
afterAll(() => t.close());

async function buat(o: Record<string, unknown> = {}): Promise<string> {
  const res = await t.gql(BUAT, { l: layanan.gid, input: input(o) }, { token: petugas });
  expect(res.data!.buatSesiPelatihan).toMatchObject({ __typename: "BuatSesiPelatihanSuccess" });
  return res.data!.buatSesiPelatihan.data.id;
}

describe("publishing a session", () => {
  it("names every bad value at once, refuses a closed day, and only the desk of the instansi may publish", async () => {
    const bad = await t.gql(BUAT, { l: layanan.gid, input: input({ judul: "x", kapasitas: 0, mulai: inHours(-1), selesai: inHours(-2) }) }, { token: petugas });
    expect(bad.data!.buatSesiPelatihan.problems).toEqual(
      expect.arrayContaining([
        { code: "JUDUL_REQUIRED", field: "judul" },
        { code: "KAPASITAS_INVALID", field: "kapasitas" },
        { code: "MULAI_LEWAT", field: "mulai" },
        { code: "SELESAI_INVALID", field: "selesai" },
      ]),
    );
    // a closure on a day three days ahead: no session that day
    const hari = new Date(Date.now() + 3 * 86_400_000);
    const tanggal = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(hari);
    const tutup = await t.gql(
      `mutation($i: ID!, $d: Date!) { addPenutupan(instansiId: $i, tanggal: $d, alasan: "Pemadaman listrik terjadwal") { __typename ... on Error { code message } } }`,
      { i: ins.gid, d: tanggal },
      { token: admin },
    );
    expect(tutup.data!.addPenutupan.__typename).toBe("AddPenutupanSuccess");
    const closed = await t.gql(
      BUAT,
      { l: layanan.gid, input: input({ mulai: new Date(`${tanggal}T03:00:00Z`).toISOString(), selesai: new Date(`${tanggal}T06:00:00Z`).toISOString() }) },
      { token: petugas },
    );
    expect(closed.data!.buatSesiPelatihan).toMatchObject({ code: "KANTOR_TUTUP", field: "mulai" });
    for (const token of [petugasLain, citizens[0]!.token]) {
      const res = await t.gql(BUAT, { l: layanan.gid, input: input() }, { token });
      expect(res.errors?.[0]?.extensions?.code ?? res.data?.buatSesiPelatihan?.code).toBe("FORBIDDEN");
    }
  });
});

describe("registering", () => {
  let sesi = "";
  const peserta: string[] = [];

  it("a seat while one is left, then the waiting list in order; the letter is required and checked by its content", async () => {
    sesi = await buat();
    const tanpa = await t.gql(DAFTAR, { s: sesi, o: "", f: null }, { token: citizens[0]!.token });
    expect(tanpa.data!.daftarPelatihan.problems).toEqual([
      { code: "ORGANISASI_REQUIRED", field: "organisasi" },
      { code: "SURAT_ATASAN_REQUIRED", field: "suratAtasan" },
    ]);
    const palsu = await upload(
      t,
      DAFTAR,
      { s: sesi, o: "CV Palsu", f: null },
      { f: { name: "surat.pdf", type: "application/pdf", content: Buffer.from("MZ not a pdf at all") } },
      { token: citizens[0]!.token },
    );
    expect(palsu.data!.daftarPelatihan).toMatchObject({ code: "FILE_TYPE_NOT_ALLOWED", field: "suratAtasan" });
    expect(await t.db.prisma.pesertaPelatihan.count({ where: { sesiId: rawOf(sesi) } })).toBe(0);

    for (let i = 0; i < 4; i++) {
      const res = await daftar(citizens[i]!.token, sesi, `urut-${i}`);
      expect(res.data!.daftarPelatihan.__typename).toBe("DaftarPelatihanSuccess");
      peserta.push(res.data!.daftarPelatihan.data.id);
      expect(res.data!.daftarPelatihan.data).toMatchObject(i < 2 ? { status: "TERDAFTAR", nomorTunggu: null } : { status: "MENUNGGU", nomorTunggu: i - 1 });
      expect(res.data!.daftarPelatihan.data.suratAtasanUrl).toMatch(/^\/unduh\/surat-atasan\//);
    }
    const lagi = await daftar(citizens[2]!.token, sesi, "lagi");
    expect(lagi.data!.daftarPelatihan).toMatchObject({ code: "SUDAH_TERDAFTAR" });
    const saya = await t.gql(SAYA, {}, { token: citizens[3]!.token });
    expect(saya.data!.pelatihanSaya).toEqual([
      expect.objectContaining({ status: "MENUNGGU", nomorTunggu: 2, sesi: { judul: "Pelatihan SPSE untuk Penyedia" } }),
    ]);
    // confirmation and waiting-list notices, each with the right words; the seat holder's mail carries the invitation
    const notes = await t.db.prisma.notification.findMany({
      where: { userId: { in: [citizens[0]!.id, citizens[2]!.id] } },
      select: { userId: true, kind: true },
    });
    expect(notes).toEqual(
      expect.arrayContaining([
        { userId: citizens[0]!.id, kind: "PELATIHAN_TERDAFTAR" },
        { userId: citizens[2]!.id, kind: "PELATIHAN_TERDAFTAR" },
      ]),
    );
  });

  it("the participants and their letters are the desk's of the instansi and each person's own; nobody else's", async () => {
    const desk = await t.gql(SESI, { id: sesi }, { token: petugas });
    expect(desk.data!.node.peserta.map((p: { status: string }) => p.status)).toEqual(["TERDAFTAR", "TERDAFTAR", "MENUNGGU", "MENUNGGU"]);
    expect(desk.data!.node.daftarHadirUrl).toMatch(/^\/unduh\/daftar-hadir\//);
    for (const token of [petugasLain, citizens[0]!.token]) {
      const other = await t.gql(SESI, { id: sesi }, { token });
      expect(other.data?.node?.peserta ?? null).toBeNull();
      expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const mine = await t.gql(`query($id: ID!) { node(id: $id) { ... on PesertaPelatihan { status } } }`, { id: peserta[1] }, { token: citizens[0]!.token });
    expect(mine.data?.node ?? null).toBeNull();
    const id = Buffer.from(peserta[0]!, "base64").toString().split(":")[1];
    const own = await fetch(`http://127.0.0.1:${port}/unduh/surat-atasan/${id}`, { headers: { authorization: `Bearer ${citizens[0]!.token}` } });
    expect(own.status).toBe(200);
    expect(
      Buffer.from(await own.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const lain = await fetch(`http://127.0.0.1:${port}/unduh/surat-atasan/${id}`, { headers: { authorization: `Bearer ${citizens[1]!.token}` } });
    expect(lain.status).toBe(404);
    const deskRead = await fetch(`http://127.0.0.1:${port}/unduh/surat-atasan/${id}`, { headers: { authorization: `Bearer ${petugas}` } });
    expect(deskRead.status).toBe(200);
    expect(await t.db.prisma.auditLog.count({ where: { jenis: "BACA_DATA_PRIBADI", subjekId: citizens[0]!.id, aksi: { contains: "surat atasan" } } })).toBe(1);
  });

  it("a withdrawal hands the seat to the first waiting, live, and tells them; more seats move the next one up", async () => {
    const ws = await wsClient(port, { token: citizens[8]!.token });
    const live = collect<{ sesiPelatihanBerubah: Live }>(ws, LIVE, { id: sesi });
    await until(live, (v) => v.jumlahMenunggu === 2);
    const out = await t.gql(BATAL, { id: peserta[0] }, { token: citizens[0]!.token });
    expect(out.data!.batalkanPendaftaranPelatihan).toMatchObject({ data: { status: "BATAL" } });
    await until(live, (v) => v.jumlahMenunggu === 1 && v.sisaKursi === 0);
    const naik = await t.db.prisma.pesertaPelatihan.findUniqueOrThrow({ where: { sesiId_pesertaId: { sesiId: rawOf(sesi), pesertaId: citizens[2]!.id } } });
    expect(naik.status).toBe("TERDAFTAR");
    expect(naik.naikAt).not.toBeNull();
    expect(await t.db.prisma.notification.count({ where: { userId: citizens[2]!.id, kind: "PELATIHAN_NAIK" } })).toBe(1);
    const mail = await t.db.prisma.outbox.findMany({ where: { kind: "EMAIL" } });
    const toC2 = mail.map((m) => m.payload as { to: string; subject: string; ics?: string }).filter((p) => p.subject.startsWith("Anda mendapat kursi"));
    expect(toC2).toHaveLength(1);
    expect(toC2[0]!.ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    // someone else's registration cannot be withdrawn by id
    const foreign = await t.gql(BATAL, { id: peserta[1] }, { token: citizens[3]!.token });
    expect(foreign.data!.batalkanPendaftaranPelatihan).toMatchObject({ code: "PESERTA_NOT_FOUND" });
    // fewer seats than held is refused by its field; more seats move the waiting list up at once
    const sekarang0 = await t.db.prisma.sesiPelatihan.findUniqueOrThrow({ where: { id: rawOf(sesi) } });
    const kurang = await t.gql(
      UBAH,
      { id: sesi, input: input({ kapasitas: 1, mulai: sekarang0.mulai.toISOString(), selesai: sekarang0.selesai.toISOString() }) },
      { token: petugas },
    );
    expect(kurang.data!.ubahSesiPelatihan).toMatchObject({ code: "KAPASITAS_KURANG", field: "kapasitas" });
    const sekarang = await t.db.prisma.sesiPelatihan.findUniqueOrThrow({ where: { id: rawOf(sesi) } });
    const lebih = await t.gql(
      UBAH,
      { id: sesi, input: input({ kapasitas: 3, mulai: sekarang.mulai.toISOString(), selesai: sekarang.selesai.toISOString() }) },
      { token: petugas },
    );
    expect(lebih.data!.ubahSesiPelatihan).toMatchObject({ data: { kapasitas: 3, terisi: 3, sisaKursi: 0, jumlahMenunggu: 0 } });
    await until(live, (v) => v.jumlahMenunggu === 0);
    live.dispose();
    ws.dispose();
  });

  it("attendance, the daftar hadir PDF, and the survey for whoever attended", async () => {
    const holders = await t.db.prisma.pesertaPelatihan.findMany({ where: { sesiId: rawOf(sesi), status: "TERDAFTAR" }, orderBy: { daftarAt: "asc" } });
    expect(holders).toHaveLength(3);
    const gid = (id: string) => globalId("PesertaPelatihan", id);
    const hadir = await t.gql(TANDAI, { id: gid(holders[0]!.id), t: "HADIR" }, { token: petugas });
    expect(hadir.data!.tandaiHadirPelatihan).toMatchObject({ data: { status: "HADIR" } });
    const absen = await t.gql(TANDAI, { id: gid(holders[1]!.id), t: "TIDAK_HADIR" }, { token: petugas });
    expect(absen.data!.tandaiHadirPelatihan).toMatchObject({ data: { status: "TIDAK_HADIR", hadirAt: null } });
    const lain = await t.gql(TANDAI, { id: gid(holders[2]!.id), t: "HADIR" }, { token: petugasLain });
    expect(lain.data!.tandaiHadirPelatihan).toMatchObject({ code: "PESERTA_NOT_FOUND" });

    const res = await fetch(`http://127.0.0.1:${port}/unduh/daftar-hadir/${rawOf(sesi)}`, { headers: { authorization: `Bearer ${petugas}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    const file = path.join(os.tmpdir(), `daftar-hadir-${process.pid}.pdf`);
    fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
    fs.rmSync(file);
    expect(text).toContain("DAFTAR HADIR PELATIHAN");
    expect(text).toContain("Ruang Rapat LPSE, Lantai 2");
    const names = await t.db.prisma.user.findMany({ where: { id: { in: holders.map((h) => h.pesertaId) } }, select: { namaLengkap: true } });
    for (const n of names) expect(text).toContain(n.namaLengkap);
    expect(text).toContain("CV urut-2");
    // not the citizen's, not another office's
    for (const token of [citizens[1]!.token, petugasLain]) {
      const no = await fetch(`http://127.0.0.1:${port}/unduh/daftar-hadir/${rawOf(sesi)}`, { headers: { authorization: `Bearer ${token}` } });
      expect(no.status).toBe(404);
    }

    const who = (id: string) => citizens.find((c) => c.id === id)!.token;
    const absent = await t.gql(SURVEI, { k: gid(holders[1]!.id) }, { token: who(holders[1]!.pesertaId) });
    expect(absent.data!.isiSurveiKepuasan).toMatchObject({ code: "KASUS_BELUM_SELESAI" });
    const ok = await t.gql(SURVEI, { k: gid(holders[0]!.id) }, { token: who(holders[0]!.pesertaId) });
    expect(ok.data!.isiSurveiKepuasan).toMatchObject({ __typename: "IsiSurveiKepuasanSuccess" });
    const again = await t.gql(SURVEI, { k: gid(holders[0]!.id) }, { token: who(holders[0]!.pesertaId) });
    expect(again.data!.isiSurveiKepuasan).toMatchObject({ code: "SURVEI_SUDAH_DIISI" });
    const row = await t.db.prisma.surveiKepuasan.findFirstOrThrow({ where: { jenisKasus: "PELATIHAN" } });
    expect(row).toMatchObject({ layananId: layanan.id, instansiId: ins.id });
  });
});

describe("seats under concurrency", () => {
  it("parallel registrations hold exactly the seats; the rest wait in a gap-free order", async () => {
    const sesi = await buat({ kapasitas: 3, wajibSuratAtasan: false });
    const results = await Promise.all(citizens.slice(0, 8).map((c, i) => t.gql(DAFTAR, { s: sesi, o: `PT Paralel ${i}` }, { token: c.token })));
    for (const r of results) expect(r.data!.daftarPelatihan.__typename).toBe("DaftarPelatihanSuccess");
    const rows = await t.db.prisma.pesertaPelatihan.findMany({ where: { sesiId: rawOf(sesi) } });
    expect(rows.filter((r) => r.status === "TERDAFTAR")).toHaveLength(3);
    expect(rows.filter((r) => r.status === "MENUNGGU")).toHaveLength(5);
    const s = await t.db.prisma.sesiPelatihan.findUniqueOrThrow({ where: { id: rawOf(sesi) } });
    expect(s.terisi).toBe(3);
    const nomor = results.map((r) => r.data!.daftarPelatihan.data.nomorTunggu).filter((n) => n !== null);
    // numbers as seen at registration: each waiting person was told a place; together they are 1..5
    const now = await t.gql(SESI, { id: sesi }, { token: petugas });
    expect(now.data!.node.peserta.filter((p: { status: string }) => p.status === "MENUNGGU").map((p: { nomorTunggu: number }) => p.nomorTunggu)).toEqual([
      1, 2, 3, 4, 5,
    ]);
    expect(nomor).toHaveLength(5);

    // parallel withdrawals of seat holders: each seat goes to the next waiting person, none lost, none doubled
    const holders = rows.filter((r) => r.status === "TERDAFTAR");
    await Promise.all(
      holders.map((h) => t.gql(BATAL, { id: globalId("PesertaPelatihan", h.id) }, { token: citizens.find((c) => c.id === h.pesertaId)!.token })),
    );
    const after = await t.db.prisma.pesertaPelatihan.findMany({ where: { sesiId: rawOf(sesi) } });
    expect(after.filter((r) => r.status === "TERDAFTAR")).toHaveLength(3);
    expect(after.filter((r) => r.status === "MENUNGGU")).toHaveLength(2);
    expect((await t.db.prisma.sesiPelatihan.findUniqueOrThrow({ where: { id: rawOf(sesi) } })).terisi).toBe(3);
  });

  it("a cancelled session ends every registration and tells each person the reason", async () => {
    const sesi = await buat({ kapasitas: 1, wajibSuratAtasan: false });
    await t.gql(DAFTAR, { s: sesi, o: "PT Satu" }, { token: citizens[5]!.token });
    await t.gql(DAFTAR, { s: sesi, o: "PT Dua" }, { token: citizens[6]!.token });
    const pendek = await t.gql(
      `mutation($id: ID!) { batalkanSesiPelatihan(id: $id, alasan: "x") { __typename ... on Error { code field } } }`,
      { id: sesi },
      { token: petugas },
    );
    expect(pendek.data!.batalkanSesiPelatihan).toMatchObject({ code: "ALASAN_REQUIRED", field: "alasan" });
    const res = await t.gql(
      `mutation($id: ID!) { batalkanSesiPelatihan(id: $id, alasan: "Narasumber LKPP berhalangan hadir.") { __typename ... on BatalkanSesiPelatihanSuccess { data { status alasanBatal terisi } } } }`,
      { id: sesi },
      { token: petugas },
    );
    expect(res.data!.batalkanSesiPelatihan.data).toEqual({ status: "DIBATALKAN", alasanBatal: "Narasumber LKPP berhalangan hadir.", terisi: 0 });
    const rows = await t.db.prisma.pesertaPelatihan.findMany({ where: { sesiId: rawOf(sesi) } });
    expect(rows.map((r) => r.status)).toEqual(["BATAL", "BATAL"]);
    for (const c of [citizens[5]!, citizens[6]!]) {
      const n = await t.db.prisma.notification.findFirstOrThrow({ where: { userId: c.id, kind: "PELATIHAN_DIBATALKAN" } });
      expect(n.isi).toContain("Narasumber LKPP berhalangan hadir. Mohon maaf.");
    }
    const late = await t.gql(DAFTAR, { s: sesi, o: "PT Tiga" }, { token: citizens[7]!.token });
    expect(late.data!.daftarPelatihan).toMatchObject({ code: "SESI_DIBATALKAN" });
    // the public list no longer shows it
    const list = await t.gql(`query($l: ID!) { sesiPelatihanTerbuka(layananId: $l) { id } }`, { l: layanan.gid });
    expect(list.data!.sesiPelatihanTerbuka.map((s: { id: string }) => s.id)).not.toContain(sesi);
  });

  it("closed registration still serves the waiting list when seats are added; a session with attendance taken is not cancelled", async () => {
    const sesi = await buat({ kapasitas: 1, wajibSuratAtasan: false });
    const row = await t.db.prisma.sesiPelatihan.findUniqueOrThrow({ where: { id: rawOf(sesi) } });
    const a = await t.gql(DAFTAR, { s: sesi, o: "PT Pertama" }, { token: citizens[0]!.token });
    const b = await t.gql(DAFTAR, { s: sesi, o: "PT Kedua" }, { token: citizens[1]!.token });
    expect([a.data!.daftarPelatihan.data.status, b.data!.daftarPelatihan.data.status]).toEqual(["TERDAFTAR", "MENUNGGU"]);
    const tutup = await t.gql(
      `mutation($id: ID!) { aturPendaftaranPelatihan(id: $id, buka: false) { __typename ... on AturPendaftaranPelatihanSuccess { data { status } } } }`,
      { id: sesi },
      { token: petugas },
    );
    expect(tutup.data!.aturPendaftaranPelatihan.data.status).toBe("DITUTUP");
    const late = await t.gql(DAFTAR, { s: sesi, o: "PT Terlambat" }, { token: citizens[2]!.token });
    expect(late.data!.daftarPelatihan).toMatchObject({ code: "PENDAFTARAN_DITUTUP" });
    const more = await t.gql(
      UBAH,
      { id: sesi, input: input({ kapasitas: 2, wajibSuratAtasan: false, mulai: row.mulai.toISOString(), selesai: row.selesai.toISOString() }) },
      { token: petugas },
    );
    expect(more.data!.ubahSesiPelatihan).toMatchObject({ data: { kapasitas: 2, terisi: 2, jumlahMenunggu: 0 } });
    const hadir = await t.gql(TANDAI, { id: a.data!.daftarPelatihan.data.id, t: "HADIR" }, { token: petugas });
    expect(hadir.data!.tandaiHadirPelatihan.data.status).toBe("HADIR");
    const cancel = await t.gql(
      `mutation($id: ID!) { batalkanSesiPelatihan(id: $id, alasan: "Ruang dipakai rapat") { __typename ... on Error { code } } }`,
      { id: sesi },
      { token: petugas },
    );
    expect(cancel.data!.batalkanSesiPelatihan).toMatchObject({ code: "SESI_SUDAH_BERLANGSUNG" });
  });

  it("seat holders are reminded a day ahead, once, with the calendar invitation; a moved session is reminded again", async () => {
    const deps = { keys: t.app.services.keys, kanal: t.config.kanal, publicUrl: t.config.publicUrl };
    const remind = () => kirimPengingatPelatihan(t.db.prisma, t.app.services.pubsub, deps);
    await remind(); // what earlier tests left due
    const mails = async () =>
      (await t.db.prisma.outbox.findMany({ where: { kind: "EMAIL" }, orderBy: { createdAt: "asc" } }))
        .map((m) => m.payload as { to: string; subject: string; ics?: string; text: string })
        .filter((p) => p.subject === "Pengingat pelatihan Pelatihan SPSE untuk Penyedia");
    const before = (await mails()).length;
    const sesi = await buat({ kapasitas: 1, wajibSuratAtasan: false, mulai: inHours(2), selesai: inHours(4) });
    await t.gql(DAFTAR, { s: sesi, o: "PT Diingatkan" }, { token: citizens[3]!.token });
    await t.gql(DAFTAR, { s: sesi, o: "PT Menunggu" }, { token: citizens[4]!.token });
    expect(await remind()).toBe(1);
    expect(await remind()).toBe(0);
    const first = (await mails()).slice(before);
    expect(first).toHaveLength(1);
    const holder = await t.db.prisma.user.findUniqueOrThrow({ where: { id: citizens[3]!.id } });
    expect(first[0]!.to).toBe(holder.email);
    expect(first[0]!.text).toContain("Bawa: Membawa laptop dan surat tugas dari atasan.");
    expect(first[0]!.ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    const row = await t.db.prisma.sesiPelatihan.findUniqueOrThrow({ where: { id: rawOf(sesi) } });
    const moved = await t.gql(
      UBAH,
      { id: sesi, input: input({ kapasitas: 1, wajibSuratAtasan: false, mulai: inHours(3), selesai: inHours(5) }) },
      { token: petugas },
    );
    expect(moved.data!.ubahSesiPelatihan.__typename).toBe("UbahSesiPelatihanSuccess");
    expect(row.mulai.getTime()).not.toBe(new Date(inHours(3)).getTime());
    expect(await remind()).toBe(1);
    expect((await mails()).slice(before)).toHaveLength(2);
  });

  it("attendance waits for the session's day", async () => {
    const besok = new Date(Date.now() + 2 * 86_400_000);
    const tanggal = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(besok);
    const sesi = await buat({
      kapasitas: 5,
      wajibSuratAtasan: false,
      mulai: new Date(`${tanggal}T02:00:00Z`).toISOString(),
      selesai: new Date(`${tanggal}T05:00:00Z`).toISOString(),
    });
    const r = await t.gql(DAFTAR, { s: sesi, o: "PT Nanti" }, { token: citizens[8]!.token });
    const res = await t.gql(TANDAI, { id: r.data!.daftarPelatihan.data.id, t: "HADIR" }, { token: petugas });
    expect(res.data!.tandaiHadirPelatihan).toMatchObject({ code: "SESI_BELUM_MULAI" });
  });
});

type Live = { sisaKursi: number; jumlahMenunggu: number };
/** Waits until an event of the subscription matches (every event seen so far counts). */
async function until(live: ReturnType<typeof collect<{ sesiPelatihanBerubah: Live }>>, match: (v: Live) => boolean) {
  for (let n = 1; n <= 50; n++) {
    const events = await live.next(n);
    if (events.some((e) => e.data && match(e.data.sesiPelatihanBerubah))) return;
  }
  throw new Error(`no event matched: ${JSON.stringify(live.events)}`);
}

function rawOf(gid: string): string {
  return Buffer.from(gid, "base64").toString().split(":")[1]!;
}

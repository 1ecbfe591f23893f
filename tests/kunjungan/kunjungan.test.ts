import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createInstansi, createStaff, createTestApp, globalId, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";
import { kirimPengingat } from "../../server/modules/kunjungan/notify";
import { localDateOf } from "../../server/modules/calendar/working-time";

/**
 * Office visits through the public API on a real database: an admin opens a service for visits; citizens see the
 * slots cut from the office's hours, book, move and cancel; parallel bookings never take more places than a slot
 * holds; the free places follow live over a real WebSocket; a closure added on a booked day cancels the booking,
 * frees its place and tells the person; the reminder goes out once with a calendar invitation; the desk checks a
 * visitor in by the code they show, on the day only.
 */

let t: TestApp;
let port: number;
let ins: { id: string; gid: string };
let layanan: { id: string; gid: string };
let admin: string;
let petugas: string;
let petugasLain: string;
const citizens: Array<{ id: string; token: string }> = [];

const ATUR = `mutation($l: ID!, $k: KebijakanKunjungan!, $c: Int!, $m: Int!) {
  aturKunjunganLayanan(layananId: $l, kunjungan: $k, kapasitas: $c, menit: $m) {
    __typename ... on AturKunjunganLayananSuccess { data { kunjungan kunjunganKapasitas kunjunganMenit } } ... on Error { code message field problems { code field } }
  }
}`;
const SLOTS = `query($l: ID!, $hari: Int) { slotKunjungan(layananId: $l, hari: $hari) { __typename ... on SlotKunjunganSuccess { data { mulai selesai kapasitas sisa } } ... on Error { code message } } }`;
const PESAN = `mutation($input: PesanKunjunganInput!) {
  pesanKunjungan(input: $input) { __typename ... on PesanKunjunganSuccess { data { id kode status mulai dapatDiubah layanan { nama } } } ... on Error { code message field } }
}`;
const UBAH = `mutation($id: ID!, $m: DateTime!) { ubahJadwalKunjungan(id: $id, mulai: $m) { __typename ... on UbahJadwalKunjunganSuccess { data { mulai } } ... on Error { code message } } }`;
const BATAL = `mutation($id: ID!) { batalkanKunjungan(id: $id, alasan: "Berhalangan") { __typename ... on BatalkanKunjunganSuccess { data { status alasanBatal } } ... on Error { code message } } }`;
const TANDAI = `mutation($kode: String, $tanda: TandaKunjungan!) { tandaiKunjungan(kode: $kode, tanda: $tanda) { __typename ... on TandaiKunjunganSuccess { data { status hadirAt namaPemohon } } ... on Error { code message } } }`;
const LIVE = `subscription($l: ID!) { slotKunjunganBerubah(layananId: $l, hari: 14) { mulai sisa } }`;
const HARI = `query($i: ID!) { kunjunganHari(instansiId: $i) { kode status namaPemohon } }`;

type Slot = { mulai: string; selesai: string; kapasitas: number; sisa: number };
async function slots(token: string): Promise<Slot[]> {
  const res = await t.gql(SLOTS, { l: layanan.gid, hari: 14 }, { token });
  expect(res.errors).toBeUndefined();
  expect(res.data!.slotKunjungan.__typename).toBe("SlotKunjunganSuccess");
  return res.data!.slotKunjungan.data;
}
const pesan = (token: string, mulai: string) => t.gql(PESAN, { input: { layananId: layanan.gid, mulai, tujuan: "VERIFIKASI" } }, { token });

beforeAll(async () => {
  // no mail worker: the queued emails stay in the outbox as written, to be read here
  t = await createTestApp({ mailWorker: false });
  port = await t.app.start(0, "127.0.0.1");
  const a = await createInstansi(t, "KMG-KUNJUNGAN");
  // open 08:00–16:00 every day, so slots exist whatever day the test runs
  await t.db.prisma.jamLayanan.deleteMany({ where: { instansiId: a.id } });
  await t.db.prisma.jamLayanan.createMany({ data: [1, 2, 3, 4, 5, 6, 7].map((hari) => ({ instansiId: a.id, hari, buka: 480, tutup: 960 })) });
  await t.db.prisma.instansi.update({ where: { id: a.id }, data: { cutiBersamaLibur: false } });
  await t.db.prisma.hariLibur.deleteMany({});
  const b = await createInstansi(t, "KMG-LAIN");
  ins = { id: a.id, gid: globalId("Instansi", a.id) };
  const l = await t.db.prisma.layanan.create({
    data: { instansiId: a.id, kode: "VERIF-NIKAH", nama: "Verifikasi Berkas Nikah", slaJumlah: 5, slaSatuan: "HARI_KERJA" },
  });
  layanan = { id: l.id, gid: globalId("Layanan", l.id) };
  admin = (await createStaff(t, "ADMIN", a.id)).token;
  petugas = (await createStaff(t, "PETUGAS", a.id)).token;
  petugasLain = (await createStaff(t, "PETUGAS", b.id)).token;
  for (let i = 0; i < 8; i++) citizens.push(await activeCitizen(t));
}, 120_000);
afterAll(() => t.close());

describe("setting up", () => {
  it("an admin opens a service for visits; every bad value is named at once; others are refused", async () => {
    const closed = await t.gql(SLOTS, { l: layanan.gid }, { token: citizens[0]!.token });
    expect(closed.data!.slotKunjungan).toMatchObject({ code: "KUNJUNGAN_TIDAK_TERSEDIA" });
    const bad = await t.gql(ATUR, { l: layanan.gid, k: "DITAWARKAN", c: 0, m: 7 }, { token: admin });
    expect(bad.data!.aturKunjunganLayanan.problems).toEqual([
      { code: "KAPASITAS_INVALID", field: "kapasitas" },
      { code: "MENIT_INVALID", field: "menit" },
    ]);
    for (const token of [petugas, citizens[0]!.token]) {
      const res = await t.gql(ATUR, { l: layanan.gid, k: "DITAWARKAN", c: 3, m: 60 }, { token });
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const ok = await t.gql(ATUR, { l: layanan.gid, k: "DITAWARKAN", c: 3, m: 60 }, { token: admin });
    expect(ok.data!.aturKunjunganLayanan.data).toEqual({ kunjungan: "DITAWARKAN", kunjunganKapasitas: 3, kunjunganMenit: 60 });
  });

  it("slots are cut from the office's hours, an hour long, at least an hour ahead, each with its capacity", async () => {
    const list = await slots(citizens[0]!.token);
    expect(list.length).toBeGreaterThan(20);
    const now = Date.now();
    for (const s of list) {
      expect(new Date(s.mulai).getTime()).toBeGreaterThanOrEqual(now + 59 * 60_000);
      expect(new Date(s.selesai).getTime() - new Date(s.mulai).getTime()).toBe(3_600_000);
      // 08:00–16:00 WIB = 01:00–09:00 UTC
      expect(new Date(s.mulai).getUTCHours()).toBeGreaterThanOrEqual(1);
      expect(new Date(s.selesai).getUTCHours()).toBeLessThanOrEqual(9);
      expect(s).toMatchObject({ kapasitas: 3, sisa: 3 });
    }
  });
});

describe("booking", () => {
  it("parallel bookings of one slot take exactly its places, the free places following live", async () => {
    const [slot] = await slots(citizens[0]!.token);
    const client = wsClient(port, { token: citizens[7]!.token });
    const live = collect(client, LIVE, { l: layanan.gid });
    try {
      const [first] = await live.next(1);
      expect(first!.data!.slotKunjunganBerubah.find((s: Slot) => s.mulai === slot!.mulai).sisa).toBe(3);
      const results = await Promise.all(citizens.slice(0, 7).map((c) => pesan(c.token, slot!.mulai)));
      const answers = results.map((r) => r.data!.pesanKunjungan);
      const booked = answers.filter((a) => a.__typename === "PesanKunjunganSuccess");
      expect(booked).toHaveLength(3);
      expect(answers.filter((a) => a.__typename !== "PesanKunjunganSuccess").map((a) => a.code)).toEqual([
        "SLOT_PENUH",
        "SLOT_PENUH",
        "SLOT_PENUH",
        "SLOT_PENUH",
      ]);
      expect(new Set(booked.map((b) => b.data.kode)).size).toBe(3);
      expect(booked[0]!.data).toMatchObject({ status: "DIPESAN", dapatDiubah: true, layanan: { nama: "Verifikasi Berkas Nikah" } });
      const row = await t.db.prisma.slotKunjungan.findUniqueOrThrow({ where: { layananId_mulai: { layananId: layanan.id, mulai: new Date(slot!.mulai) } } });
      expect(row.terisi).toBe(3);
      await live.next(4);
      const last = live.events[live.events.length - 1]!.data!.slotKunjunganBerubah;
      expect(last.find((s: Slot) => s.mulai === slot!.mulai).sisa).toBe(0);
    } finally {
      live.dispose();
      await client.dispose();
    }
  });

  it("one open booking per person and service; a bad slot is refused with its reason", async () => {
    const mine = await t.db.prisma.kunjungan.findFirstOrThrow({ where: { layananId: layanan.id, status: "DIPESAN" } });
    const owner = citizens.find((c) => c.id === mine.pemohonId)!;
    const list = await slots(owner.token);
    const again = await pesan(owner.token, list[1]!.mulai);
    expect(again.data!.pesanKunjungan.code).toBe("SUDAH_ADA_JADWAL");
    const free = citizens.find((c) => c.id !== mine.pemohonId && c !== citizens[7])!;
    const offGrid = new Date(new Date(list[1]!.mulai).getTime() + 15 * 60_000).toISOString();
    expect((await pesan(citizens[7]!.token, offGrid)).data!.pesanKunjungan).toMatchObject({ code: "SLOT_INVALID", field: "mulai" });
    const soon = new Date(Date.now() + 10 * 60_000).toISOString();
    expect((await pesan(citizens[7]!.token, soon)).data!.pesanKunjungan.code).toBe("SLOT_LEWAT");
    void free;
  });

  it("moving a booking frees the old place and takes the new one; another citizen cannot touch it; cancelling frees it", async () => {
    const mine = await t.db.prisma.kunjungan.findFirstOrThrow({ where: { layananId: layanan.id, status: "DIPESAN" } });
    const owner = citizens.find((c) => c.id === mine.pemohonId)!;
    const other = citizens[7]!;
    const id = globalId("Kunjungan", mine.id);
    const target = (await slots(owner.token))[3]!;
    const foreign = await t.gql(UBAH, { id, m: target.mulai }, { token: other.token });
    expect(foreign.data!.ubahJadwalKunjungan.code).toBe("KUNJUNGAN_NOT_FOUND");
    const moved = await t.gql(UBAH, { id, m: target.mulai }, { token: owner.token });
    expect(moved.data!.ubahJadwalKunjungan.data.mulai).toBe(target.mulai);
    const after = await slots(owner.token);
    expect(after.find((s) => s.mulai === mine.mulai.toISOString())!.sisa).toBe(1);
    expect(after.find((s) => s.mulai === target.mulai)!.sisa).toBe(2);
    const cancelled = await t.gql(BATAL, { id }, { token: owner.token });
    expect(cancelled.data!.batalkanKunjungan.data).toEqual({ status: "DIBATALKAN", alasanBatal: "Berhalangan" });
    expect((await slots(owner.token)).find((s) => s.mulai === target.mulai)!.sisa).toBe(3);
    expect((await t.gql(BATAL, { id }, { token: owner.token })).data!.batalkanKunjungan.code).toBe("KUNJUNGAN_TIDAK_AKTIF");
  });
});

describe("the office's calendar and the person's reminders", () => {
  it("a closure on a booked day cancels the booking, frees the place and tells the person (in-app and email)", async () => {
    const booked = await t.db.prisma.kunjungan.findFirstOrThrow({ where: { layananId: layanan.id, status: "DIPESAN" }, include: { pemohon: true } });
    const tanggal = localDateOf({ timeZone: "Asia/Jakarta" }, booked.mulai);
    const res = await t.gql(
      `mutation($i: ID!, $d: Date!) { addPenutupan(instansiId: $i, tanggal: $d, alasan: "Kantor dipakai untuk pemilihan kepala desa") { __typename ... on Error { code message } } }`,
      { i: ins.gid, d: tanggal },
      { token: admin },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.addPenutupan.__typename).toBe("AddPenutupanSuccess");
    const after = await t.db.prisma.kunjungan.findMany({ where: { layananId: layanan.id, mulai: booked.mulai } });
    expect(after.every((k) => k.status === "DIBATALKAN_KANTOR")).toBe(true);
    expect(after[0]!.alasanBatal).toMatch(/pemilihan kepala desa/);
    const slot = await t.db.prisma.slotKunjungan.findUniqueOrThrow({ where: { layananId_mulai: { layananId: layanan.id, mulai: booked.mulai } } });
    expect(slot.terisi).toBe(0);
    const note = await t.db.prisma.notification.findFirstOrThrow({ where: { userId: booked.pemohonId, kind: "KUNJUNGAN_DIBATALKAN_KANTOR" } });
    expect(note.isi).toContain(booked.kode);
    const mail = await t.db.prisma.outbox.findMany({ where: { kind: "EMAIL" } });
    const sent = mail
      .map((m) => m.payload as { to: string; text: string; kategori: string; ics?: string })
      .find((p) => p.to === booked.pemohon.email && p.kategori === "KUNJUNGAN");
    expect(sent?.text).toContain("dibatalkan oleh kantor");
    expect(sent?.ics).toMatch(/METHOD:CANCEL/);
  });

  it("the reminder goes out once, a day ahead, with a calendar invitation", async () => {
    const c = citizens[7]!;
    const [slot] = await slots(c.token);
    const booked = await pesan(c.token, slot!.mulai);
    expect(booked.data!.pesanKunjungan.__typename).toBe("PesanKunjunganSuccess");
    // the person chose WhatsApp for visit reminders, with a verified number; the install has WhatsApp configured
    const person = await t.db.prisma.user.findUniqueOrThrow({ where: { id: c.id } });
    await t.db.prisma.user.update({ where: { id: c.id }, data: { teleponTerverifikasi: person.telepon, teleponTerverifikasiAt: new Date() } });
    await t.db.prisma.pilihanKanal.create({ data: { userId: c.id, jenis: "PENGINGAT_KUNJUNGAN", kanal: "WHATSAPP", aktif: true } });
    const whatsapp = { apiUrl: "http://127.0.0.1:9/v23.0", token: "t", phoneNumberId: "1", appSecret: "s", verifyToken: "v", templateLanguage: "id" };
    const deps = { keys: t.keys, kanal: { ...t.config.kanal, whatsapp }, publicUrl: t.config.publicUrl };
    const early = new Date(new Date(slot!.mulai).getTime() - 30 * 3_600_000);
    expect(await kirimPengingat(t.db.prisma, t.app.services.pubsub, deps, early)).toBe(0);
    const now = new Date(new Date(slot!.mulai).getTime() - 2 * 3_600_000);
    expect(await kirimPengingat(t.db.prisma, t.app.services.pubsub, deps, now)).toBe(1);
    expect(await kirimPengingat(t.db.prisma, t.app.services.pubsub, deps, now)).toBe(0);
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { id: c.id } });
    const mail = (await t.db.prisma.outbox.findMany({ where: { kind: "EMAIL" } }))
      .map((m) => m.payload as { to: string; subject: string; ics?: string })
      .filter((p) => p.to === user.email && p.subject.startsWith("Pengingat"));
    expect(mail).toHaveLength(1);
    const ics = mail[0]!.ics!;
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toContain(`DTSTART:${slot!.mulai.replace(/[-:]/g, "").replace(/\.\d{3}/, "")}`);
    expect(ics).toContain(booked.data!.pesanKunjungan.data.kode);
    // every line at most 75 octets (RFC 5545 §3.1)
    for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // and one WhatsApp message for the person's verified number, its words sealed in the outbox
    const wa = await t.db.prisma.outbox.findMany({ where: { kind: "WHATSAPP" } });
    expect(wa).toHaveLength(1);
    const payload = wa[0]!.payload as { jenis: string; userId: string; tersegel: string };
    expect(payload).toMatchObject({ jenis: "PENGINGAT_KUNJUNGAN", userId: c.id });
    expect(JSON.stringify(payload)).not.toContain(booked.data!.pesanKunjungan.data.kode);
  });

  it("the desk checks a visitor in by the code they show, on the day only; another office's officer cannot", async () => {
    const c = citizens[6]!;
    const future = await t.db.prisma.kunjungan.findFirstOrThrow({ where: { pemohonId: citizens[7]!.id, status: "DIPESAN" } });
    const today = await t.db.prisma.kunjungan.create({
      data: {
        kode: "KJG-UJI1-HARI",
        instansiId: ins.id,
        layananId: layanan.id,
        pemohonId: c.id,
        tujuan: "VERIFIKASI",
        mulai: new Date(Date.now() + 5 * 60_000),
        selesai: new Date(Date.now() + 65 * 60_000),
      },
    });
    const lain = await t.gql(TANDAI, { kode: today.kode, tanda: "HADIR" }, { token: petugasLain });
    expect(lain.data!.tandaiKunjungan.code).toBe("KUNJUNGAN_NOT_FOUND");
    const hadir = await t.gql(TANDAI, { kode: "kjg-uji1-hari", tanda: "HADIR" }, { token: petugas });
    expect(hadir.data!.tandaiKunjungan.data).toMatchObject({ status: "HADIR", namaPemohon: expect.any(String) });
    const done = await t.gql(TANDAI, { kode: today.kode, tanda: "SELESAI" }, { token: petugas });
    expect(done.data!.tandaiKunjungan.data.status).toBe("SELESAI");
    if (localDateOf({ timeZone: "Asia/Jakarta" }, future.mulai) !== localDateOf({ timeZone: "Asia/Jakarta" }, new Date())) {
      const early = await t.gql(TANDAI, { kode: future.kode, tanda: "HADIR" }, { token: petugas });
      expect(early.data!.tandaiKunjungan.code).toBe("BUKAN_HARI_KUNJUNGAN");
    }
    const day = await t.gql(HARI, { i: ins.gid }, { token: petugas });
    expect(day.data!.kunjunganHari.map((k: { kode: string }) => k.kode)).toContain(today.kode);
    expect((await t.gql(HARI, { i: ins.gid }, { token: c.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("a visit as a step of the case", () => {
  const UBAH_STATUS = `mutation($id: ID!, $versi: Int!, $aksi: AksiPengajuan!, $pesan: String) {
    ubahStatusPengajuan(id: $id, versi: $versi, aksi: $aksi, pesan: $pesan) {
      __typename ... on UbahStatusPengajuanSuccess { data { status versi tenggat } } ... on Error { code message field }
    }
  }`;

  it("the officer asks the applicant to come in: the SLA clock waits, resumes with what was left after the visit; a service without visits refuses", async () => {
    const c = citizens[5]!;
    const now = Date.now();
    const p = await t.db.prisma.pengajuan.create({
      data: {
        layananId: layanan.id,
        instansiId: ins.id,
        pemohonId: c.id,
        status: "DIPROSES",
        nomorRegistrasi: "KMG/2026/900001",
        diajukanAt: new Date(now - 3_600_000),
        diverifikasiAt: new Date(now - 3_600_000),
        slaMulaiAt: new Date(now - 3_600_000),
        tenggat: new Date(now + 5 * 86_400_000),
        seq: 1,
        riwayat: { create: [{ seq: 1, aksi: "PROSES", keStatus: "DIPROSES" }] },
      },
    });
    const id = globalId("Pengajuan", p.id);
    const short = await t.gql(UBAH_STATUS, { id, versi: p.versi, aksi: "MINTA_KUNJUNGAN", pesan: "x" }, { token: petugas });
    expect(short.data!.ubahStatusPengajuan).toMatchObject({ code: "PESAN_REQUIRED", field: "pesan" });
    const asked = await t.gql(
      UBAH_STATUS,
      { id, versi: p.versi, aksi: "MINTA_KUNJUNGAN", pesan: "Bawa buku nikah asli untuk dicocokkan." },
      { token: petugas },
    );
    expect(asked.data!.ubahStatusPengajuan.data).toMatchObject({ status: "MENUNGGU_KUNJUNGAN", tenggat: null });
    const paused = await t.db.prisma.pengajuan.findUniqueOrThrow({ where: { id: p.id } });
    expect(paused.slaMulaiAt).toBeNull();
    expect(paused.slaSisaMenit).toBeGreaterThan(0);
    const note = await t.db.prisma.notification.findFirstOrThrow({ where: { userId: c.id, kind: "PENGAJUAN_MENUNGGU_KUNJUNGAN" } });
    expect(note.isi).toContain("Bawa buku nikah asli");
    // the applicant books a slot for this case
    const [slot] = await slots(c.token);
    const booked = await t.gql(PESAN, { input: { layananId: layanan.gid, mulai: slot!.mulai, tujuan: "VERIFIKASI", pengajuanId: id } }, { token: c.token });
    expect(booked.data!.pesanKunjungan.__typename).toBe("PesanKunjunganSuccess");
    const foreign = await t.gql(
      PESAN,
      { input: { layananId: layanan.gid, mulai: slot!.mulai, tujuan: "VERIFIKASI", pengajuanId: id } },
      { token: citizens[4]!.token },
    );
    expect(foreign.data!.pesanKunjungan).toMatchObject({ code: "PENGAJUAN_INVALID" });
    // after the visit the officer continues: the clock resumes with the minutes that were left
    const resumed = await t.gql(UBAH_STATUS, { id, versi: paused.versi, aksi: "PROSES" }, { token: petugas });
    expect(resumed.data!.ubahStatusPengajuan.data.status).toBe("DIPROSES");
    expect(resumed.data!.ubahStatusPengajuan.data.tenggat).not.toBeNull();
    // a service without visits: the step is refused, saying what to set up
    const other = await t.db.prisma.layanan.create({
      data: { instansiId: ins.id, kode: "TANPA-KUNJUNGAN", nama: "Tanpa Kunjungan", slaJumlah: 3, slaSatuan: "HARI_KERJA" },
    });
    const q = await t.db.prisma.pengajuan.create({
      data: {
        layananId: other.id,
        instansiId: ins.id,
        pemohonId: c.id,
        status: "DIAJUKAN",
        nomorRegistrasi: "KMG/2026/900002",
        diajukanAt: new Date(),
        seq: 1,
      },
    });
    const refused = await t.gql(
      UBAH_STATUS,
      { id: globalId("Pengajuan", q.id), versi: q.versi, aksi: "MINTA_KUNJUNGAN", pesan: "Datang untuk verifikasi." },
      { token: petugas },
    );
    expect(refused.data!.ubahStatusPengajuan.code).toBe("KUNJUNGAN_TIDAK_TERSEDIA");
  });
});

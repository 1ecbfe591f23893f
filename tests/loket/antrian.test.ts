import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInstansi, createStaff, createTestApp, globalId, registerCitizen, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";
import { localDateOf } from "../../server/modules/calendar/working-time";
import { keTengahMalam } from "../../server/modules/loket/board";

/**
 * The office queue through the public API on a real database: an admin sets up groups, counters and device keys;
 * a kiosk key takes tickets, a display key follows the board live over a real WebSocket; counters call, recall,
 * serve and finish. Numbers are never repeated and a ticket is never called to two counters, under parallel
 * requests; a closed day gives no tickets; each device key reaches only what its scope names.
 */

let t: TestApp;
let port: number;
let ins: { id: string; gid: string };
let other: { id: string; gid: string };
let admin: string;
let petugas: string;
let petugasLain: string;
let adminLain: string;
let citizen: string;

const GRUP = `mutation($input: GrupAntrianInput!) {
  simpanGrupAntrian(input: $input) { __typename ... on SimpanGrupAntrianSuccess { data { id kode nama aktif layanan { nama } } } ... on Error { code message field } }
}`;
const LOKET = `mutation($input: LoketInput!) {
  simpanLoket(input: $input) { __typename ... on SimpanLoketSuccess { data { id nama } } ... on Error { code message field } }
}`;
const PERANGKAT = `mutation($input: PerangkatAntrianInput!) {
  buatPerangkatAntrian(input: $input) { __typename ... on BuatPerangkatAntrianSuccess { data { kunci tautan perangkat { id scopes } } } ... on Error { code message field } }
}`;
const AMBIL = `mutation($input: AmbilTiketInput!) {
  ambilTiket(input: $input) { __typename ... on AmbilTiketSuccess { data { id kode nomor status sumber menungguDiDepan namaPetugas grup { kode } } } ... on Error { code message field } }
}`;
const PANGGIL = `mutation($input: PanggilBerikutnyaInput!) {
  panggilBerikutnya(input: $input) { __typename ... on PanggilBerikutnyaSuccess { data { id kode status panggilanKe loket { nama } namaPetugas } } ... on Error { code message } }
}`;
const LANGKAH = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { __typename ... on Error { code message } } }`;
const SELESAI = `mutation($input: SelesaikanTiketInput!) { selesaikanTiket(input: $input) { __typename ... on SelesaikanTiketSuccess { data { status selesaiAt } } ... on Error { code message } } }`;
const PAPAN = `query($instansiId: ID!) { papanAntrian(instansiId: $instansiId) { instansiNama tanggal dipanggil { kunci kode loket grup panggilanKe } grup { kode menunggu terakhirDipanggil } } }`;
const PAPAN_LIVE = `subscription($instansiId: ID!) { papanAntrianBerubah(instansiId: $instansiId) { dipanggil { kunci kode loket } grup { kode menunggu } } }`;
const KIOSK = `query($instansiId: ID!) { kioskAntrian(instansiId: $instansiId) { instansiNama buka keteranganTutup grup { kode nama menunggu } } }`;
const HARI_INI = `query($instansiId: ID!) { tiketHariIni(instansiId: $instansiId) { kode status sumber namaPetugas } }`;

let grupA: string;
let grupB: string;
let loket1: string;
let loket2: string;
let kiosk: string;
let tampil: string;

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.gql(query, variables, { token });
  expect(res.errors).toBeUndefined();
  const field = Object.values(res.data!)[0] as { __typename: string; data: T; code?: string; message?: string };
  expect(field.__typename, `${field.code}: ${field.message}`).toMatch(/Success$/);
  return field.data;
}

beforeAll(async () => {
  t = await createTestApp();
  port = await t.app.start(0, "127.0.0.1");
  // open every day of the week, and no national holiday today: the test does not depend on the day it runs
  const a = await createInstansi(t, "KMG-ANTRIAN");
  await t.db.prisma.jamLayanan.createMany({ data: [6, 7].map((hari) => ({ instansiId: a.id, hari, buka: 0, tutup: 1439 })) });
  await t.db.prisma.jamLayanan.updateMany({ where: { instansiId: a.id }, data: { buka: 0, tutup: 1439 } });
  const today = localDateOf({ timeZone: "Asia/Jakarta" }, new Date());
  await t.db.prisma.hariLibur.deleteMany({ where: { tanggal: new Date(`${today}T00:00:00Z`) } });
  const b = await createInstansi(t, "KMG-LAIN");
  ins = { id: a.id, gid: globalId("Instansi", a.id) };
  other = { id: b.id, gid: globalId("Instansi", b.id) };
  admin = (await createStaff(t, "ADMIN", a.id)).token;
  petugas = (await createStaff(t, "PETUGAS", a.id)).token;
  petugasLain = (await createStaff(t, "PETUGAS", b.id)).token;
  adminLain = (await createStaff(t, "ADMIN", b.id)).token;
  const c = await registerCitizen(t);
  await t.db.prisma.user.update({ where: { id: c.id }, data: { status: "AKTIF" } });
  citizen = c.token;
});
afterAll(() => t.close());

describe("setting up (the instansi's admin)", () => {
  it("creates groups and counters, with each bad input named and another office's admin refused", async () => {
    const bad = await t.gql(GRUP, { input: { instansiId: ins.gid, kode: "a1", nama: "X" } }, { token: admin });
    expect(bad.data!.simpanGrupAntrian.code).toBe("KODE_INVALID");
    expect(bad.data!.simpanGrupAntrian.message).toMatch(/huruf kapital/);
    grupA = (await ok(GRUP, { input: { instansiId: ins.gid, kode: "a", nama: "Layanan Umum", urutan: 1 } }, admin)).id;
    grupB = (await ok(GRUP, { input: { instansiId: ins.gid, kode: "HJ", nama: "Haji dan Umrah", urutan: 2 } }, admin)).id;
    const dup = await t.gql(GRUP, { input: { instansiId: ins.gid, kode: "A", nama: "Lain" } }, { token: admin });
    expect(dup.data!.simpanGrupAntrian).toMatchObject({ code: "KODE_SUDAH_ADA", field: "kode" });
    loket1 = (await ok(LOKET, { input: { instansiId: ins.gid, nama: "Loket 1" } }, admin)).id;
    loket2 = (await ok(LOKET, { input: { instansiId: ins.gid, nama: "Loket 2" } }, admin)).id;
    for (const token of [adminLain, petugas, citizen]) {
      const res = await t.gql(LOKET, { input: { instansiId: ins.gid, nama: "Loket 9" } }, { token });
      expect(res.errors?.[0]?.extensions?.code ?? res.data?.simpanLoket?.code).toBe("FORBIDDEN");
    }
  });

  it("makes a display key and a kiosk key, each holding only its scope, with a pairing link", async () => {
    const d = await ok(PERANGKAT, { input: { instansiId: ins.gid, nama: "TV ruang tunggu", jenis: "TAMPIL" } }, admin);
    expect(d.perangkat.scopes).toEqual(["ANTRIAN_TAMPIL"]);
    expect(d.tautan).toContain(`/antrian/tampil/${ins.id}#kunci=lkc_`);
    tampil = d.kunci;
    const k = await ok(PERANGKAT, { input: { instansiId: ins.gid, nama: "Kios pintu masuk", jenis: "KIOSK" } }, admin);
    expect(k.perangkat.scopes).toEqual(["ANTRIAN_KIOSK"]);
    kiosk = k.kunci;
  });
});

describe("tickets", () => {
  it("the kiosk takes numbers per group; it sees neither officers nor cases", async () => {
    const k = await t.gql(KIOSK, { instansiId: ins.gid }, { token: kiosk });
    expect(k.errors).toBeUndefined();
    expect(k.data!.kioskAntrian).toMatchObject({ buka: true, keteranganTutup: null });
    expect(k.data!.kioskAntrian.grup.map((g: { kode: string }) => g.kode)).toEqual(["A", "HJ"]);
    const first = await ok(AMBIL, { input: { instansiId: ins.gid, grupId: grupA } }, kiosk);
    expect(first).toMatchObject({ kode: "A-001", nomor: 1, status: "MENUNGGU", sumber: "KIOSK", menungguDiDepan: 0, namaPetugas: null });
    const second = await ok(AMBIL, { input: { instansiId: ins.gid, grupId: grupA } }, kiosk);
    expect(second).toMatchObject({ kode: "A-002", menungguDiDepan: 1 });
    expect(await ok(AMBIL, { input: { instansiId: ins.gid, grupId: grupB } }, petugas)).toMatchObject({ kode: "HJ-001", sumber: "LOKET" });
  });

  it("a display key only reads the board; other offices' keys and staff, and citizens, are refused", async () => {
    const board = await t.gql(PAPAN, { instansiId: ins.gid }, { token: tampil });
    expect(board.errors).toBeUndefined();
    expect(board.data!.papanAntrian.grup).toEqual([
      { kode: "A", menunggu: 2, terakhirDipanggil: null },
      { kode: "HJ", menunggu: 1, terakhirDipanggil: null },
    ]);
    const take = await t.gql(AMBIL, { input: { instansiId: ins.gid, grupId: grupA } }, { token: tampil });
    expect(take.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    for (const token of [kiosk, tampil]) {
      const list = await t.gql(HARI_INI, { instansiId: ins.gid }, { token });
      expect(list.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const call = await t.gql(PANGGIL, { input: { loketId: loket1, grupIds: [grupA] } }, { token });
      expect(call.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    for (const token of [petugasLain, citizen]) {
      const res = await t.gql(PAPAN, { instansiId: ins.gid }, { token });
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const lain = await t.gql(PAPAN, { instansiId: other.gid }, { token: tampil });
    expect(lain.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const call = await t.gql(PANGGIL, { input: { loketId: loket1, grupIds: [grupA] } }, { token: petugasLain });
    expect(call.data!.panggilBerikutnya.code).toBe("LOKET_NOT_FOUND");
  });

  it("the display follows the calls live: call, recall, next (the previous one closed), over a real WebSocket", async () => {
    const client = wsClient(port, { token: tampil });
    const live = collect(client, PAPAN_LIVE, { instansiId: ins.gid });
    try {
      const [initial] = await live.next(1);
      expect(initial!.data!.papanAntrianBerubah.dipanggil).toEqual([]);
      const called = await ok(PANGGIL, { input: { loketId: loket1, grupIds: [grupA, grupB] } }, petugas);
      expect(called).toMatchObject({ kode: "A-001", status: "DIPANGGIL", panggilanKe: 1, loket: { nama: "Loket 1" }, namaPetugas: "Staf PETUGAS" });
      const after = await live.next(2);
      const board = after[1]!.data!.papanAntrianBerubah;
      expect(board.dipanggil[0]).toMatchObject({ kode: "A-001", loket: "Loket 1" });
      expect(board.grup[0]).toEqual({ kode: "A", menunggu: 1 });
      // a recall is a new call on the display (a new kunci), the same ticket
      const recall = await t.gql(LANGKAH("panggilUlangTiket"), { id: called.id }, { token: petugas });
      expect(recall.errors).toBeUndefined();
      expect(recall.data!.panggilUlangTiket.__typename).toBe("PanggilUlangTiketSuccess");
      const again = (await live.next(3))[2]!.data!.papanAntrianBerubah;
      expect(again.dipanggil[0].kode).toBe("A-001");
      expect(again.dipanggil[0].kunci).not.toBe(board.dipanggil[0].kunci);
      // serving starts, then the next call closes it as served
      expect((await t.gql(LANGKAH("layaniTiket"), { id: called.id }, { token: petugas })).data!.layaniTiket.__typename).toBe("LayaniTiketSuccess");
      const next = await ok(PANGGIL, { input: { loketId: loket1, grupIds: [grupA, grupB] } }, petugas);
      expect(next.kode).toBe("A-002");
      const rows = await t.db.prisma.tiketAntrian.findMany({ where: { instansiId: ins.id }, orderBy: { createdAt: "asc" } });
      expect(rows.map((r) => [r.kode, r.status])).toEqual([
        ["A-001", "SELESAI"],
        ["A-002", "DIPANGGIL"],
        ["HJ-001", "MENUNGGU"],
      ]);
      await live.next(5);
    } finally {
      live.dispose();
      await client.dispose();
    }
  });

  it("each step only from the states it expects; a no-show can be called again", async () => {
    const [cur] = await t.db.prisma.tiketAntrian.findMany({ where: { instansiId: ins.id, status: "DIPANGGIL" } });
    const id = globalId("TiketAntrian", cur!.id);
    expect((await t.gql(LANGKAH("tiketTidakHadir"), { id }, { token: petugas })).data!.tiketTidakHadir.__typename).toBe("TiketTidakHadirSuccess");
    const twice = await t.gql(LANGKAH("tiketTidakHadir"), { id }, { token: petugas });
    expect(twice.data!.tiketTidakHadir.code).toBe("STATUS_TIKET_INVALID");
    const serve = await t.gql(LANGKAH("layaniTiket"), { id }, { token: petugas });
    expect(serve.data!.layaniTiket.code).toBe("STATUS_TIKET_INVALID");
    expect((await t.gql(LANGKAH("panggilUlangTiket"), { id }, { token: petugas })).data!.panggilUlangTiket.__typename).toBe("PanggilUlangTiketSuccess");
    const done = await t.gql(SELESAI, { input: { id } }, { token: petugas });
    expect(done.data!.selesaikanTiket.data.status).toBe("SELESAI");
    const lain = await t.gql(LANGKAH("layaniTiket"), { id }, { token: petugasLain });
    expect(lain.data!.layaniTiket.code).toBe("TIKET_NOT_FOUND");
    const list = await t.gql(HARI_INI, { instansiId: ins.gid }, { token: petugas });
    expect(list.data!.tiketHariIni.map((r: { kode: string; status: string }) => `${r.kode}:${r.status}`)).toEqual([
      "A-001:SELESAI",
      "A-002:SELESAI",
      "HJ-001:MENUNGGU",
    ]);
  });
});

describe("under parallel requests", () => {
  it("40 tickets taken at once get 40 different numbers, none skipped", async () => {
    const before = await t.db.prisma.tiketAntrian.count({ where: { grupId: await gid(grupB) } });
    const taken = await Promise.all(Array.from({ length: 40 }, () => ok<{ nomor: number }>(AMBIL, { input: { instansiId: ins.gid, grupId: grupB } }, kiosk)));
    const numbers = taken.map((x) => x.nomor).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 40 }, (_, i) => before + i + 1));
  });

  it("two counters calling at once never get the same ticket; exactly the waiting ones are called", async () => {
    const waiting = await t.db.prisma.tiketAntrian.count({ where: { instansiId: ins.id, status: "MENUNGGU" } });
    const calls = await Promise.all(
      Array.from({ length: waiting + 6 }, (_, i) =>
        t.gql(PANGGIL, { input: { loketId: i % 2 ? loket1 : loket2, grupIds: [grupA, grupB] } }, { token: i % 2 ? petugas : admin }),
      ),
    );
    const results = calls.map((r) => r.data!.panggilBerikutnya);
    const called = results.filter((r) => r.__typename === "PanggilBerikutnyaSuccess").map((r) => r.data.kode);
    // each call closes the counter's previous ticket: at most one is open per counter at the end
    expect(new Set(called).size).toBe(called.length);
    expect(called.length).toBe(waiting);
    expect(results.filter((r) => r.__typename !== "PanggilBerikutnyaSuccess").every((r) => ["ANTRIAN_KOSONG", "TIKET_BERUBAH"].includes(r.code))).toBe(true);
    const open = await t.db.prisma.tiketAntrian.groupBy({ by: ["loketId"], where: { instansiId: ins.id, status: "DIPANGGIL" }, _count: { _all: true } });
    expect(open.every((o) => o._count._all === 1)).toBe(true);
    expect(await t.db.prisma.tiketAntrian.count({ where: { instansiId: ins.id, status: "MENUNGGU" } })).toBe(0);
  });
});

describe("a closed day", () => {
  it("the kiosk says why and gives no ticket", async () => {
    const today = localDateOf({ timeZone: "Asia/Jakarta" }, new Date());
    await t.db.prisma.penutupanInstansi.create({ data: { instansiId: ins.id, tanggal: new Date(`${today}T00:00:00Z`), alasan: "Banjir di halaman kantor" } });
    t.app.services.calendars.changed(ins.id);
    const k = await t.gql(KIOSK, { instansiId: ins.gid }, { token: kiosk });
    expect(k.data!.kioskAntrian).toMatchObject({ buka: false, keteranganTutup: "Banjir di halaman kantor" });
    const res = await t.gql(AMBIL, { input: { instansiId: ins.gid, grupId: grupA } }, { token: kiosk });
    expect(res.data!.ambilTiket).toMatchObject({ code: "KANTOR_TUTUP" });
    expect(res.data!.ambilTiket.message).toMatch(/Banjir di halaman kantor/);
  });
});

async function gid(globalID: string): Promise<string> {
  return Buffer.from(globalID, "base64").toString().split(":")[1]!;
}

describe("the board's day", () => {
  it("a display gets a fresh board at the office's midnight, in each zone", () => {
    const at = new Date("2026-12-06T16:59:00Z");
    expect(keTengahMalam("Asia/Jakarta", at)).toBe(60_000); // 23:59 WIB
    expect(keTengahMalam("Asia/Makassar", at)).toBe(23 * 3_600_000 + 60_000); // 00:59 WITA
    expect(keTengahMalam("Asia/Jayapura", at)).toBe(22 * 3_600_000 + 60_000); // 01:59 WIT
  });
});

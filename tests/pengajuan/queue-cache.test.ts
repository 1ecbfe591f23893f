import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createStaff, createTestApp, globalId, serviceFixture, type TestApp } from "../helpers/app";
import { openTestDatabase } from "../helpers/db";

/**
 * A staff member's queue page is served again while no queue changed: per viewer, dropped by every queue
 * event, never for a result that logged a read of personal data, and never older than QUEUE_CACHE_SECONDS.
 */
let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
let other: Awaited<ReturnType<typeof createStaff>>;
const sql: string[] = [];
const ids: string[] = [];

const PAGE = /* GraphQL */ `
  query($first: Int!, $filter: AntrianFilter) {
    antrian(first: $first, filter: $filter) { totalCount edges { node { id nomorRegistrasi status versi pemohon { nama } } } }
    antrianJumlah { status jumlah }
  }
`;
const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v) { __typename ... on UbahStatusPengajuanSuccess { data { status versi } } } }`;
const pengajuanSelects = () => sql.filter((q) => /^\s*SELECT/i.test(q) && /"Pengajuan"/.test(q)).length;

beforeAll(async () => {
  const db = await openTestDatabase({ logQueries: true });
  (db.prisma as unknown as { $on(e: "query", cb: (ev: { query: string }) => void): void }).$on("query", (e) => sql.push(e.query));
  t = await createTestApp({ queueCacheSeconds: 2 }, db);
  fx = await serviceFixture(t);
  other = await createStaff(t, "PETUGAS", fx.instansi.id);
  const layananId = Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!;
  const c = await activeCitizen(t);
  for (let i = 0; i < 6; i++) {
    const p = await t.db.prisma.pengajuan.create({
      data: {
        layananId,
        instansiId: fx.instansi.id,
        pemohonId: c.id,
        status: "DIAJUKAN",
        nomorRegistrasi: `INS/2026/${String(500 + i).padStart(6, "0")}`,
        diajukanAt: new Date(Date.now() - (10 - i) * 60_000),
        petugasId: i < 2 ? fx.petugas.id : null,
        seq: 2,
        riwayat: {
          create: [
            { seq: 1, aksi: "BUAT", keStatus: "DRAFT" },
            { seq: 2, aksi: "AJUKAN", dariStatus: "DRAFT", keStatus: "DIAJUKAN" },
          ],
        },
      },
    });
    ids.push(p.id);
  }
});
afterAll(() => t.close());

describe("queue page cache", () => {
  it("the same officer's repeated page is answered without reading the database again", async () => {
    const first = await t.gql(PAGE, { first: 10 }, { token: fx.petugas.token });
    expect(first.errors).toBeUndefined();
    expect(first.data!.antrian.totalCount).toBe(6);
    sql.length = 0;
    const again = await t.gql(PAGE, { first: 10 }, { token: fx.petugas.token });
    expect(again).toEqual(first);
    expect(pengajuanSelects()).toBe(0);
    // other variables are another page
    sql.length = 0;
    const smaller = await t.gql(PAGE, { first: 3 }, { token: fx.petugas.token });
    expect(smaller.data!.antrian.edges).toHaveLength(3);
    expect(pengajuanSelects()).toBeGreaterThan(0);
  });

  it("is never shared between people: 'assigned to me' stays each officer's own", async () => {
    const mine = await t.gql(PAGE, { first: 10, filter: { ditugaskanKeSaya: true } }, { token: fx.petugas.token });
    const theirs = await t.gql(PAGE, { first: 10, filter: { ditugaskanKeSaya: true } }, { token: other.token });
    expect(mine.data!.antrian.totalCount).toBe(2);
    expect(theirs.data!.antrian.totalCount).toBe(0);
    const outsider = await activeCitizen(t);
    const refused = await t.gql(PAGE, { first: 10 }, { token: outsider.token });
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("a status change made by another officer shows on the next read at once", async () => {
    await t.gql(PAGE, { first: 10 }, { token: fx.petugas.token }); // cached
    const r = await t.gql(ACT, { id: globalId("Pengajuan", ids[3]!), a: "VERIFIKASI", v: 1 }, { token: other.token });
    expect(r.data!.ubahStatusPengajuan.__typename).toBe("UbahStatusPengajuanSuccess");
    const after = await t.gql(PAGE, { first: 10 }, { token: fx.petugas.token });
    const row = after.data!.antrian.edges.find((e: { node: { nomorRegistrasi: string } }) => e.node.nomorRegistrasi === "INS/2026/000503");
    expect(row.node.status).toBe("DIVERIFIKASI");
    expect(after.data!.antrianJumlah).toEqual(
      expect.arrayContaining([
        { status: "DIVERIFIKASI", jumlah: 1 },
        { status: "DIAJUKAN", jumlah: 5 },
      ]),
    );
  });

  it("a page that reads a full NIK is read (and logged) every time", async () => {
    const FULL = `query { antrian(first: 2) { edges { node { pemohon { nomorIdentitas } } } } }`;
    const before = await t.db.prisma.auditLog.count({ where: { jenis: "BACA_DATA_PRIBADI", aktorId: fx.petugas.id } });
    for (let i = 0; i < 2; i++) expect((await t.gql(FULL, {}, { token: fx.petugas.token })).errors).toBeUndefined();
    const after = await t.db.prisma.auditLog.count({ where: { jenis: "BACA_DATA_PRIBADI", aktorId: fx.petugas.id } });
    expect(after - before).toBe(4);
  });

  it("a change that bypassed the events shows after QUEUE_CACHE_SECONDS at the latest", async () => {
    await t.gql(PAGE, { first: 10 }, { token: fx.petugas.token });
    await t.db.prisma.user.updateMany({ where: { pengajuan: { some: { id: ids[0]! } } }, data: { namaLengkap: "Nama Dikoreksi" } });
    const stale = await t.gql(PAGE, { first: 10 }, { token: fx.petugas.token });
    expect(stale.data!.antrian.edges[0].node.pemohon.nama).not.toBe("Nama Dikoreksi");
    await new Promise((r) => setTimeout(r, 2100));
    const fresh = await t.gql(PAGE, { first: 10 }, { token: fx.petugas.token });
    expect(fresh.data!.antrian.edges[0].node.pemohon.nama).toBe("Nama Dikoreksi");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createStaff, createTestApp, globalId, serviceFixture, tinyPdf, type TestApp } from "../helpers/app";
import { openTestDatabase } from "../helpers/db";
import type { Context } from "../../server/context";
import { ANTRIAN_TERBUKA, antrianHalamanSql, type AntrianFilter } from "../../server/modules/pengajuan/queue-page";

/**
 * The staff queue: filters, counts, overdue first, and a constant number of SQL statements whatever the
 * page size (no N+1), counted from Prisma's query log.
 */
let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
const sql: string[] = [];

beforeAll(async () => {
  const db = await openTestDatabase({ logQueries: true });
  (db.prisma as unknown as { $on(e: "query", cb: (ev: { query: string }) => void): void }).$on("query", (e) => sql.push(e.query));
  t = await createTestApp({}, db);
  fx = await serviceFixture(t);
  // 50 submitted requests with documents, written directly (the API path is covered by flow.test.ts)
  const layananId = Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!;
  const slotId = Buffer.from(fx.slots[0]!.id, "base64").toString().split(":")[1]!;
  const file = await t.db.prisma.storedFile.create({
    data: { sha256: "0".repeat(64), ukuran: 10, mime: "application/pdf", namaAsli: "ktp.pdf", storageKey: `00/00/${"0".repeat(64)}` },
  });
  const citizens = await Promise.all([0, 1, 2].map(() => activeCitizen(t)));
  const now = Date.now();
  for (let i = 0; i < 50; i++) {
    const overdue = i % 10 === 1;
    await t.db.prisma.pengajuan.create({
      data: {
        layananId,
        instansiId: fx.instansi.id,
        pemohonId: citizens[i % 3]!.id,
        status: i % 2 ? "DIPROSES" : "DIAJUKAN",
        nomorRegistrasi: `INS/2026/${String(1000 + i).padStart(6, "0")}`,
        diajukanAt: new Date(now - (50 - i) * 60_000),
        tenggat: i % 2 ? new Date(now + (overdue ? -3600_000 : (i + 1) * 3600_000)) : null,
        petugasId: i < 5 ? fx.petugas.id : null,
        seq: 2,
        riwayat: {
          create: [
            { seq: 1, aksi: "BUAT", keStatus: "DRAFT" },
            { seq: 2, aksi: "AJUKAN", dariStatus: "DRAFT", keStatus: "DIAJUKAN" },
          ],
        },
        dokumen: { create: [{ persyaratanId: slotId, fileId: file.id }] },
      },
    });
  }
  void tinyPdf;
});
afterAll(() => t.close());

const QUEUE = /* GraphQL */ `
  query($first: Int!, $filter: AntrianFilter) {
    antrian(first: $first, filter: $filter) {
      totalCount
      edges { node {
        nomorRegistrasi status statusLabel tenggat terlambat petugas
        pemohon { nama nomorIdentitasMasked }
        layanan { nama kode }
        dokumen { namaFile mime persyaratan { label } }
        statusTerakhir { keStatus createdAt aktor }
      } }
      pageInfo { hasNextPage endCursor }
    }
    antrianJumlah { status jumlah }
  }
`;

describe("staff queue", () => {
  it.each([10, 50])("a page of %i with applicant, service, documents and last status takes a constant number of SQL statements", async (first) => {
    sql.length = 0;
    const res = await t.gql(QUEUE, { first }, { token: fx.petugas.token });
    expect(res.errors).toBeUndefined();
    const edges = res.data!.antrian.edges;
    expect(edges.length).toBe(first);
    expect(res.data!.antrian.totalCount).toBe(50);
    expect(edges[0].node.pemohon.nomorIdentitasMasked).toMatch(/^\d{4}\*{8}\d{4}$/);
    expect(edges[0].node.dokumen[0]).toMatchObject({ namaFile: "ktp.pdf", persyaratan: { label: "KTP calon pengantin" } });
    expect(edges[0].node.statusTerakhir[0].keStatus).toBe("DIAJUKAN");
    // the session was cached by an earlier request; what remains is the queue itself
    const selects = sql.filter((q) => /^\s*SELECT/i.test(q));
    expect(selects.length, selects.join("\n\n")).toBeLessThanOrEqual(5);
  });

  it("puts overdue requests first, then by deadline; filters and counts", async () => {
    const res = await t.gql(QUEUE, { first: 50 }, { token: fx.petugas.token });
    const nodes = res.data!.antrian.edges.map((e: { node: { terlambat: boolean; tenggat: string | null } }) => e.node);
    const firstOnTime = nodes.findIndex((n: { terlambat: boolean }) => !n.terlambat);
    expect(nodes.slice(0, firstOnTime).every((n: { terlambat: boolean }) => n.terlambat)).toBe(true);
    expect(firstOnTime).toBe(5);
    const withDeadline = nodes.filter((n: { tenggat: string | null }) => n.tenggat).map((n: { tenggat: string }) => n.tenggat);
    expect([...withDeadline].sort()).toEqual(withDeadline);
    expect(res.data!.antrianJumlah).toEqual(
      expect.arrayContaining([
        { status: "DIAJUKAN", jumlah: 25 },
        { status: "DIPROSES", jumlah: 25 },
      ]),
    );

    const overdue = await t.gql(QUEUE, { first: 50, filter: { terlambat: true } }, { token: fx.petugas.token });
    expect(overdue.data!.antrian.totalCount).toBe(5);
    const mine = await t.gql(QUEUE, { first: 50, filter: { ditugaskanKeSaya: true } }, { token: fx.petugas.token });
    expect(mine.data!.antrian.totalCount).toBe(5);
    const byStatus = await t.gql(QUEUE, { first: 50, filter: { status: ["DIPROSES"], cari: "001011" } }, { token: fx.petugas.token });
    expect(byStatus.data!.antrian.edges.map((e: { node: { nomorRegistrasi: string } }) => e.node.nomorRegistrasi)).toEqual(["INS/2026/001011"]);
  });

  it("pages with cursors without losing or repeating a row", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: any = await t.gql(
        `query($after: String) { antrian(first: 12, after: $after) { edges { node { nomorRegistrasi } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        { token: fx.petugas.token },
      );
      seen.push(...res.data.antrian.edges.map((e: { node: { nomorRegistrasi: string } }) => e.node.nomorRegistrasi));
      if (!res.data.antrian.pageInfo.hasNextPage) break;
      after = res.data.antrian.pageInfo.endCursor;
    }
    expect(seen.length).toBe(50);
    expect(new Set(seen).size).toBe(50);
  });

  it("keeps the queue's order (deadline, then submission, missing deadlines last) forwards and backwards, for any filter", async () => {
    type Row = { nomorRegistrasi: string; tenggat: string | null; diajukanAt: string; status: string };
    const page = `query($first: Int, $last: Int, $after: String, $before: String, $filter: AntrianFilter) {
      antrian(first: $first, last: $last, after: $after, before: $before, filter: $filter) {
        totalCount edges { node { nomorRegistrasi tenggat diajukanAt status } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      } }`;
    const all = async (filter?: object) => {
      const res = await t.gql(page, { first: 100, filter }, { token: fx.petugas.token });
      expect(res.errors).toBeUndefined();
      return res.data!.antrian.edges.map((e: { node: Row }) => e.node) as Row[];
    };
    const key = (r: Row) => [r.tenggat ?? "9999", r.diajukanAt];
    const sorted = (rows: Row[]) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const everything = await all();
    expect(everything.length).toBe(50);
    expect(everything).toEqual(sorted(everything));
    // the open work's tab, one status, on time only: the same order over what each selects
    for (const filter of [
      { status: ["DIAJUKAN", "PERLU_PERBAIKAN", "MENUNGGU_KUNJUNGAN", "DIVERIFIKASI", "DIPROSES", "MENUNGGU_TTD", "SIAP_DIAMBIL"] },
      { status: ["DIPROSES"] },
      { terlambat: false },
    ]) {
      const rows = await all(filter);
      expect(rows).toEqual(everything.filter((r) => rows.some((x) => x.nomorRegistrasi === r.nomorRegistrasi)));
    }
    expect((await all({ status: ["DIPROSES"] })).length).toBe(25);
    // on time: everything but the 5 overdue (a missing deadline is not overdue)
    expect((await all({ terlambat: false })).length).toBe(45);

    // backwards from the end, 12 at a time: the same rows in the same order
    const back: Row[] = [];
    let before: string | null = null;
    for (let i = 0; i < 10; i++) {
      const res: any = await t.gql(page, { last: 12, before }, { token: fx.petugas.token });
      expect(res.errors).toBeUndefined();
      back.unshift(...res.data.antrian.edges.map((e: { node: Row }) => e.node));
      if (!res.data.antrian.pageInfo.hasPreviousPage) break;
      before = res.data.antrian.pageInfo.startCursor;
    }
    expect(back).toEqual(everything);
  });

  it("reads a page off the queue's indexes, in their order, without sorting and from the cursor on", async () => {
    const ctx = { viewer: null } as unknown as Context;
    const [cursor] = await t.db.prisma.pengajuan.findMany({ where: { instansiId: fx.instansi.id, status: "DIPROSES" }, select: { id: true }, take: 1 });
    const cases: Array<[AntrianFilter | null, { take: number; cursor?: { id: string } }, string]> = [
      [null, { take: 51 }, "Pengajuan_antrian_idx"],
      [
        { status: ["DIAJUKAN", "PERLU_PERBAIKAN", "MENUNGGU_KUNJUNGAN", "DIVERIFIKASI", "DIPROSES", "MENUNGGU_TTD", "SIAP_DIAMBIL"] },
        { take: 51 },
        "Pengajuan_antrian_terbuka_idx",
      ],
      [{ status: ["DIPROSES"], terlambat: true }, { take: 51 }, "Pengajuan_antrian_terbuka_idx"],
      [{ status: ["DITOLAK"] }, { take: 51 }, "Pengajuan_antrian_status_idx"],
      [null, { take: -13, cursor: cursor! }, "Pengajuan_antrian_idx"],
    ];
    for (const [filter, paging, index] of cases) {
      const statement = antrianHalamanSql(ctx, fx.instansi.id, filter, paging)!;
      // with so few rows a table scan would win: forbid it, so the plan shows whether an index fits the query
      const plan = await t.db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("SET LOCAL enable_seqscan = off");
        await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
        const rows = await tx.$queryRawUnsafe<Array<{ "QUERY PLAN": string }>>(`EXPLAIN ${statement.sql}`, ...statement.params);
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
      expect(plan, JSON.stringify(filter)).toContain(`Index Scan${paging.take < 0 ? " Backward" : ""} using "${index}"`);
      expect(plan, JSON.stringify(filter)).not.toMatch(/Sort/);
      if (paging.cursor) expect(plan).toMatch(/Index Cond: .*ROW\(COALESCE/);
    }
    expect(ANTRIAN_TERBUKA).toEqual(["DIAJUKAN", "PERLU_PERBAIKAN", "MENUNGGU_KUNJUNGAN", "DIVERIFIKASI", "DIPROSES", "MENUNGGU_TTD", "SIAP_DIAMBIL"]);
  });

  it("a SUPERADMIN, who belongs to no instansi, is told to choose one (INSTANSI_REQUIRED), and gets the queue when they do", async () => {
    const sa = await createStaff(t, "SUPERADMIN", null);
    const res = await t.gql(QUEUE, { first: 5 }, { token: sa.token });
    expect(res.errors?.[0]).toMatchObject({ message: "Pilih instansi.", extensions: { code: "INSTANSI_REQUIRED" } });
    const chosen = await t.gql(
      `query($i: ID!) { antrian(first: 5, instansiId: $i) { totalCount } antrianJumlah(instansiId: $i) { jumlah } }`,
      { i: globalId("Instansi", fx.instansi.id) },
      { token: sa.token },
    );
    expect(chosen.errors).toBeUndefined();
    expect(chosen.data!.antrian.totalCount).toBe(50);
  });

  it("is for the staff of that instansi only", async () => {
    const c = await activeCitizen(t);
    const res = await t.gql(QUEUE, { first: 5 }, { token: c.token });
    expect(res.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });
});

import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInstansi, createStaff, createTestApp, globalId, type TestApp } from "../helpers/app";
import { seedCatalogue } from "../../server/seed";
import { KATEGORI_BAWAAN } from "../../server/modules/pengaduan/kategori-bawaan";

/**
 * Issue #14: every instansi starts with the default complaint categories, written in the instansi's own
 * transaction (createInstansi, the seed) and by the migration for offices that had none; its admin edits them.
 */

let t: TestApp;
let superadmin: Awaited<ReturnType<typeof createStaff>>;

const CREATE = `mutation($kode: String!) {
  createInstansi(input: { kode: $kode, nama: "Kecamatan Baru Sekali" }, jamLayanan: [{ hari: 1, buka: "08:00", tutup: "15:00" }]) {
    __typename ... on CreateInstansiSuccess { data { id } } ... on Error { code message }
  }
}`;
const LIST = `query($i: ID!, $semua: Boolean) { kategoriPengaduan(instansiId: $i, termasukNonaktif: $semua) { id nama aktif } }`;
const NAMES = KATEGORI_BAWAAN.map((k) => k.nama);
const ALPHABETICAL_WITH_LAINNYA_LAST = [...NAMES.filter((n) => n !== "Lainnya")].sort((a, b) => a.localeCompare(b)).concat("Lainnya");

const names = async (instansiGid: string, semua = false) =>
  ((await t.gql(LIST, { i: instansiGid, semua })).data!.kategoriPengaduan as Array<{ nama: string }>).map((k) => k.nama);

/** The migration's data step, as written in its migration.sql (between its markers). */
function migrationDataStep(): string {
  const sql = fs.readFileSync(new URL("../../prisma/migrations/20261206100100_kategori_bawaan_usulan_layanan/migration.sql", import.meta.url), "utf8");
  const m = /-- kategori-bawaan:begin\n([\s\S]*?)-- kategori-bawaan:end/.exec(sql);
  if (!m) throw new Error("markers not found in the migration");
  return m[1]!;
}

beforeAll(async () => {
  t = await createTestApp();
  superadmin = await createStaff(t, "SUPERADMIN", null);
});
afterAll(() => t.close());

describe("default complaint categories", () => {
  it("a new instansi (createInstansi) offers them to citizens at once, the catch-all last", async () => {
    const res = await t.gql(CREATE, { kode: "KEC-BARU" }, { token: superadmin.token });
    expect(res.data!.createInstansi.__typename).toBe("CreateInstansiSuccess");
    expect(await names(res.data!.createInstansi.data.id)).toEqual(ALPHABETICAL_WITH_LAINNYA_LAST);
    expect(NAMES).toEqual(expect.arrayContaining(["Sikap dan perilaku petugas", "Lainnya"]));
  });

  it("a refused createInstansi leaves no categories behind (one transaction)", async () => {
    const before = await t.db.prisma.kategoriPengaduan.count();
    const res = await t.gql(CREATE, { kode: "KEC-BARU" }, { token: superadmin.token });
    expect(res.data!.createInstansi).toMatchObject({ __typename: "ConflictError", code: "KODE_TAKEN" });
    expect(await t.db.prisma.kategoriPengaduan.count()).toBe(before);
  });

  it("every office of the seeded catalogue has them", async () => {
    const ids = await seedCatalogue(t.db.prisma);
    expect(ids.size).toBeGreaterThan(1);
    for (const id of ids.values()) expect(await names(globalId("Instansi", id))).toEqual(ALPHABETICAL_WITH_LAINNYA_LAST);
  });

  it("the migration gives them to offices that had none, leaves the others alone, and moves no statistics counter", async () => {
    const bare = await createInstansi(t);
    const own = await createInstansi(t);
    await t.db.prisma.kategoriPengaduan.create({ data: { instansiId: own.id, nama: "Kategori sendiri" } });
    // stored figures of both offices: an UPDATE of a category there would move their counters (statistik_kategori)
    for (const i of [bare, own])
      await t.db.prisma.statistikRingkasan.create({ data: { kunci: `uji-${i.id}`, instansiId: i.id, tahun: 2026, versi: 0, kalender: "uji", data: {} } });
    const versions = await t.db.prisma.statistikVersi.findMany({ orderBy: [{ instansiId: "asc" }, { tahun: "asc" }] });
    expect(await names(globalId("Instansi", bare.id))).toEqual([]);

    await t.db.prisma.$executeRawUnsafe(migrationDataStep());
    expect(await names(globalId("Instansi", bare.id))).toEqual(ALPHABETICAL_WITH_LAINNYA_LAST);
    expect(await names(globalId("Instansi", own.id))).toEqual(["Kategori sendiri"]);
    expect(await t.db.prisma.statistikVersi.findMany({ orderBy: [{ instansiId: "asc" }, { tahun: "asc" }] })).toEqual(versions);

    // run again (a restored older dump, say): nothing doubles
    await t.db.prisma.$executeRawUnsafe(migrationDataStep());
    expect(await names(globalId("Instansi", bare.id))).toHaveLength(NAMES.length);
  });

  it("its admin renames, hides and adds to them; citizens see the result", async () => {
    const res = await t.gql(CREATE, { kode: "KEC-EDIT" }, { token: superadmin.token });
    const gid = res.data!.createInstansi.data.id as string;
    const admin = await createStaff(t, "ADMIN", Buffer.from(gid, "base64").toString().split(":")[1]!);
    const list = (await t.gql(LIST, { i: gid })).data!.kategoriPengaduan as Array<{ id: string; nama: string }>;
    const spbe = list.find((k) => k.nama.includes("SPBE"))!;
    const sarana = list.find((k) => k.nama.startsWith("Sarana"))!;
    const rename = await t.gql(
      `mutation($id: ID!) { ubahKategoriPengaduan(id: $id, nama: "Aplikasi dan situs web") { __typename } }`,
      { id: spbe.id },
      { token: admin.token },
    );
    expect(rename.data!.ubahKategoriPengaduan.__typename).toBe("UbahKategoriPengaduanSuccess");
    await t.gql(`mutation($id: ID!) { ubahKategoriPengaduan(id: $id, aktif: false) { __typename } }`, { id: sarana.id }, { token: admin.token });
    await t.gql(`mutation($i: ID!) { tambahKategoriPengaduan(instansiId: $i, nama: "Parkir") { __typename } }`, { i: gid }, { token: admin.token });
    const seen = await names(gid);
    expect(seen).toContain("Aplikasi dan situs web");
    expect(seen).toContain("Parkir");
    expect(seen).not.toContain(sarana.nama);
    expect(seen.at(-1)).toBe("Lainnya");
    expect(await names(gid, true)).toContain(sarana.nama);
  });
});

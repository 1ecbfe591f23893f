import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createInstansi, createStaff, createTestApp, globalId, type TestApp } from "../helpers/app";
import { USULAN_PER_JAM } from "../../server/shared/usulan-layanan";

/**
 * "Layanan yang saya butuhkan tidak ada" (issue #14): anyone tells an office which service is missing, limited per
 * address; the office's admins see similar requests counted together, with the contacts, and mark them handled.
 */

let t: TestApp;
let A: string;
let B: string;
let adminA: Awaited<ReturnType<typeof createStaff>>;
let adminB: Awaited<ReturnType<typeof createStaff>>;
let petugasA: Awaited<ReturnType<typeof createStaff>>;

const KIRIM = `mutation($i: ID!, $u: String!, $k: String) {
  usulkanLayanan(instansiId: $i, uraian: $u, kontak: $k) { __typename ... on UsulkanLayananSuccess { data } ... on Error { code message field } }
}`;
const DAFTAR = `query($i: ID!, $d: Boolean) {
  usulanLayanan(instansiId: $i, ditangani: $d) { kunci jumlah uraian variasi pertamaAt terakhirAt usulan { id uraian kontak createdAt ditanganiAt } }
}`;
const TANGANI = `mutation($i: ID!, $ids: [ID!]!) { tanganiUsulanLayanan(instansiId: $i, ids: $ids) { __typename ... on TanganiUsulanLayananSuccess { data } ... on Error { code } } }`;

let address = 0;
/** each call from its own address unless told (the per-address limit is tested on its own) */
const kirim = (instansi: string, uraian: string, kontak: string | null = null, opts: { token?: string; ip?: string } = {}) =>
  t.gql(KIRIM, { i: instansi, u: uraian, k: kontak }, { token: opts.token, headers: { "x-forwarded-for": opts.ip ?? `192.0.2.${++address}` } });

beforeAll(async () => {
  t = await createTestApp();
  const a = await createInstansi(t);
  const b = await createInstansi(t);
  A = globalId("Instansi", a.id);
  B = globalId("Instansi", b.id);
  adminA = await createStaff(t, "ADMIN", a.id);
  adminB = await createStaff(t, "ADMIN", b.id);
  petugasA = await createStaff(t, "PETUGAS", a.id);
});
afterAll(() => t.close());

describe("sending a request for a missing service", () => {
  it("works without an account and signed in, the contact optional", async () => {
    expect((await kirim(A, "Legalisir ijazah madrasah", "Warga.Satu@Contoh.ID")).data!.usulkanLayanan).toEqual({
      __typename: "UsulkanLayananSuccess",
      data: true,
    });
    const citizen = await activeCitizen(t);
    expect((await kirim(A, "saya butuh LEGALISIR ijazah secara online!", null, { token: citizen.token })).data!.usulkanLayanan.data).toBe(true);
    expect((await kirim(A, "Legalisir  ijazah", "0812-3456-7890")).data!.usulkanLayanan.data).toBe(true);
    expect((await kirim(A, "Surat izin keramaian")).data!.usulkanLayanan.data).toBe(true);
    expect((await kirim(A, "Izin keramaian untuk hajatan")).data!.usulkanLayanan.data).toBe(true);
    expect((await kirim(A, "Kartu nelayan")).data!.usulkanLayanan.data).toBe(true);
    expect((await kirim(B, "Legalisir ijazah")).data!.usulkanLayanan.data).toBe(true);
  });

  it.each([
    ["abc", null, "URAIAN_REQUIRED", "uraian", /minimal 5 karakter/],
    ["x".repeat(501), null, "URAIAN_TOO_LONG", "uraian", /maksimal 500/],
    ["Legalisir ijazah", "bukan kontak", "KONTAK_INVALID", "kontak", /email .* atau nomor telepon/],
    ["Legalisir ijazah", "0812", "KONTAK_INVALID", "kontak", /kosongkan/],
  ])("refuses %j / %j with %s, by its field, in Indonesian", async (uraian, kontak, code, field, message) => {
    const r = (await kirim(A, uraian, kontak)).data!.usulkanLayanan;
    expect(r).toMatchObject({ __typename: "ValidationError", code, field });
    expect(r.message).toMatch(message);
  });

  it("refuses an unknown or closed office", async () => {
    expect((await kirim(globalId("Instansi", "00000000-0000-4000-8000-000000000000"), "Legalisir ijazah")).data!.usulkanLayanan).toMatchObject({
      __typename: "NotFoundError",
      code: "INSTANSI_NOT_FOUND",
    });
  });

  it(`takes ${USULAN_PER_JAM} requests an hour from one address, then says to wait (another address still may)`, async () => {
    for (let i = 0; i < USULAN_PER_JAM; i++)
      expect((await kirim(B, `Layanan nomor ${i + 1}`, null, { ip: "203.0.113.9" })).data!.usulkanLayanan.data).toBe(true);
    const refused = (await kirim(A, "Layanan keenam", null, { ip: "203.0.113.9" })).data!.usulkanLayanan;
    expect(refused).toMatchObject({ __typename: "InvalidStateError", code: "USULAN_TERLALU_SERING" });
    expect(refused.message).toMatch(/satu jam/);
    expect((await kirim(A, "Layanan dari alamat lain", null, { ip: "203.0.113.10" })).data!.usulkanLayanan.data).toBe(true);
    await t.db.prisma.usulanLayanan.deleteMany({
      where: { instansiId: Buffer.from(B, "base64").toString().split(":")[1]!, uraian: { startsWith: "Layanan nomor" } },
    });
  });

  it("keeps the contact sealed: not in the row, not in the audit trail", async () => {
    const rows = await t.db.prisma.usulanLayanan.findMany({ where: { kontak: { not: null } } });
    expect(rows.length).toBe(2);
    for (const r of rows) expect(r.kontak).not.toMatch(/contoh|0812/);
    const trail = JSON.stringify(await t.db.prisma.auditLog.findMany({ where: { aksi: { contains: "usulkanLayanan" } } }));
    expect(trail).toContain("usulkanLayanan");
    expect(trail.toLowerCase()).not.toContain("warga.satu@contoh.id");
    expect(trail).not.toContain("081234567890");
  });
});

describe("the office's admins", () => {
  it("see similar requests counted together, largest first, with the contacts", async () => {
    const res = await t.gql(DAFTAR, { i: A }, { token: adminA.token });
    expect(res.errors).toBeUndefined();
    const groups = res.data!.usulanLayanan as Array<{
      kunci: string;
      jumlah: number;
      uraian: string;
      variasi: string[];
      usulan: Array<{ kontak: string | null }>;
    }>;
    expect(groups.map((g) => [g.kunci, g.jumlah])).toEqual([
      ["ijazah legalisir", 3],
      ["hajatan izin keramaian", 2],
      expect.arrayContaining([expect.any(String), 1]),
      expect.arrayContaining([expect.any(String), 1]),
    ]);
    expect(groups[0]!.variasi).toHaveLength(3);
    expect(groups[0]!.usulan.map((u) => u.kontak).sort()).toEqual(["081234567890", "warga.satu@contoh.id", null].sort());
    expect(
      groups
        .slice(2)
        .map((g) => g.uraian)
        .sort(),
    ).toEqual(["Kartu nelayan", "Layanan dari alamat lain"]);
  });

  it("of another office, officers, citizens and strangers do not", async () => {
    for (const token of [adminB.token, petugasA.token, (await activeCitizen(t)).token, undefined]) {
      const res = await t.gql(DAFTAR, { i: A }, { token });
      expect(res.data?.usulanLayanan ?? null).toBeNull();
      expect(res.errors![0]!.extensions!.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
  });

  it("mark a group handled: it leaves the open list and appears among the handled; another office's ids change nothing", async () => {
    const open = (await t.gql(DAFTAR, { i: A }, { token: adminA.token })).data!.usulanLayanan;
    const ids = open[0].usulan.map((u: { id: string }) => u.id);
    expect((await t.gql(TANGANI, { i: B, ids }, { token: adminB.token })).data!.tanganiUsulanLayanan).toEqual({
      __typename: "TanganiUsulanLayananSuccess",
      data: 0,
    });
    expect((await t.gql(TANGANI, { i: A, ids }, { token: adminB.token })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await t.gql(TANGANI, { i: A, ids }, { token: adminA.token })).data!.tanganiUsulanLayanan.data).toBe(3);
    expect((await t.gql(TANGANI, { i: A, ids: [] }, { token: adminA.token })).data!.tanganiUsulanLayanan).toMatchObject({
      __typename: "ValidationError",
      code: "USULAN_REQUIRED",
    });
    const after = (await t.gql(DAFTAR, { i: A }, { token: adminA.token })).data!.usulanLayanan;
    expect(after.map((g: { kunci: string }) => g.kunci)).not.toContain("ijazah legalisir");
    const handled = (await t.gql(DAFTAR, { i: A, d: true }, { token: adminA.token })).data!.usulanLayanan;
    expect(handled).toHaveLength(1);
    expect(handled[0]).toMatchObject({ kunci: "ijazah legalisir", jumlah: 3 });
    expect(handled[0].usulan.every((u: { ditanganiAt: string | null }) => u.ditanganiAt)).toBe(true);
  });
});

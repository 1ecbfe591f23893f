import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGISTER, activeCitizen, createInstansi, createStaff, createTestApp, registerInput, type TestApp } from "../helpers/app";

let t: TestApp;
let admin: Awaited<ReturnType<typeof createStaff>>;
let superadmin: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createStaff(t, "ADMIN", (await createInstansi(t)).id);
  superadmin = await createStaff(t, "SUPERADMIN", null);
});
afterAll(() => t.close());

const AKSES = `{ aksesDataSaya(first: 10) { edges { node { aksi aktorPeran objekJenis at } } } }`;

describe("audit trail", () => {
  it("records who read my full NIK, and shows it to me; my own reads are not logged", async () => {
    const c = await activeCitizen(t);
    await t.gql(`{ me { nomorIdentitas } }`, {}, { token: c.token });
    expect((await t.gql(AKSES, {}, { token: c.token })).data!.aksesDataSaya.edges).toEqual([]);
    const read = await t.gql(`query($id: ID!) { node(id: $id) { ... on User { nomorIdentitas } } }`, { id: c.globalId }, { token: admin.token });
    expect(read.data!.node.nomorIdentitas).toBe(c.nik);
    const seen = (await t.gql(AKSES, {}, { token: c.token })).data!.aksesDataSaya.edges.map((e: { node: unknown }) => e.node);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ aksi: "User.nomorIdentitas", aktorPeran: "ADMIN", objekJenis: "User" });
  });

  it("records every mutation with its actor and address, passwords hidden; SUPERADMIN reads the trail", async () => {
    const input = registerInput(t);
    await t.gql(REGISTER, { input }, { headers: { "x-forwarded-for": "192.0.2.55", "user-agent": "UjiBrowser/1.0" } });
    const trail = await t.gql(`{ auditLog(first: 50, jenis: UBAH) { edges { node { aksi alamatIp perangkat detail } } } }`, {}, { token: superadmin.token });
    const entry = trail.data!.auditLog.edges.map((e: { node: { aksi: string; alamatIp: string; perangkat: string; detail: any } }) => e.node).find((n: { alamatIp: string }) => n.alamatIp === "192.0.2.55");
    expect(entry).toMatchObject({ aksi: "Mutation.register", perangkat: "UjiBrowser/1.0" });
    expect(entry.detail.variabel.input.password).toBe("[disembunyikan]");
    expect(entry.detail.hasil).toEqual({ register: "RegisterSuccess" });
    expect(JSON.stringify(entry)).not.toContain(input.password);
    const denied = await t.gql(`{ auditLog(first: 1) { edges { node { aksi } } } }`, {}, { token: admin.token });
    expect(denied.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("cannot be changed or deleted, even directly in the database", async () => {
    const row = await t.db.prisma.auditLog.findFirstOrThrow();
    await expect(t.db.prisma.auditLog.update({ where: { id: row.id }, data: { aksi: "dihapus" } })).rejects.toThrow(/append-only/);
    await expect(t.db.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    expect((await t.db.prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } })).aksi).toBe(row.aksi);
  });
});

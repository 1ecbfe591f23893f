import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { gqlRegister, activeCitizen, globalId, createInstansi, createStaff, createTestApp, registerInput, type TestApp } from "../helpers/app";

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

interface TrailNode {
  aksi: string;
  alamatIp: string;
  perangkat: string;
  detail: any;
}
async function trail(): Promise<TrailNode[]> {
  const res = await t.gql(`{ auditLog(first: 100, jenis: UBAH) { edges { node { aksi alamatIp perangkat detail } } } }`, {}, { token: superadmin.token });
  return res.data!.auditLog.edges.map((e: { node: TrailNode }) => e.node);
}

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
    await gqlRegister(t, { input }, { headers: { "x-forwarded-for": "192.0.2.55", "user-agent": "UjiBrowser/1.0" } });
    const entry = (await trail()).find((n) => n.alamatIp === "192.0.2.55")!;
    expect(entry).toMatchObject({ aksi: "Mutation.register", perangkat: "UjiBrowser/1.0" });
    const recorded = entry.detail.argumen.register.input;
    expect(recorded.password).toBe("[rahasia]");
    // the NIK as its blind index (the account's own) and masked form, never in full
    const user = await t.db.prisma.user.findFirstOrThrow({ where: { email: input.email as string } });
    expect(recorded.nomorIdentitas).toEqual({ jenis: "NIK", samaran: user.identityMasked, indeksButa: user.identityIndex });
    expect(recorded.email).toMatch(/^w\*\*\*@contoh\.id$/);
    expect(recorded.telepon).toBe("*********890");
    expect(recorded.namaLengkap).toBe("W*** U*** C***");
    expect(recorded.versiSyaratKetentuan).toBe(t.config.termsVersion);
    expect(recorded.identityType).toBe("NIK");
    expect(entry.detail.hasil).toEqual({ register: "RegisterSuccess" });
    for (const v of [input.password, input.nomorIdentitas, input.email, input.telepon, "Warga Uji Coba"]) expect(JSON.stringify(entry)).not.toContain(v);
    const denied = await t.gql(`{ auditLog(first: 1) { edges { node { aksi } } } }`, {}, { token: admin.token });
    expect(denied.errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("covers values written inline in the query text like variables: a login by literals keeps neither the NIK nor the password", async () => {
    const c = await activeCitizen(t);
    const ip = "192.0.2.61";
    const res = await t.gql(
      `mutation { masuk: login(nomorIdentitas: "${c.nik}", password: "${c.password}") { __typename } }`,
      {},
      { headers: { "x-forwarded-for": ip } },
    );
    expect(res.data!.masuk.__typename).toBe("LoginSuccess");
    const wrong = await t.gql(
      `mutation { login(nomorIdentitas: "${c.nik}", password: "Salah-Sekali-2026") { __typename } }`,
      {},
      { headers: { "x-forwarded-for": ip } },
    );
    expect(wrong.data!.login.__typename).toBe("LoginError");
    const entries = (await trail()).filter((n) => n.alamatIp === ip);
    expect(entries).toHaveLength(2);
    for (const e of entries) {
      expect(e.aksi).toBe("Mutation.login");
      const text = JSON.stringify(e);
      expect(text).not.toContain(c.nik);
      expect(text).not.toContain(c.password);
      expect(text).not.toContain("Salah-Sekali-2026");
    }
    expect(entries.map((e) => e.detail.hasil).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual([
      { login: "LoginError" },
      { masuk: "LoginSuccess" },
    ]);
    const args = entries.map((e) => e.detail.argumen.masuk ?? e.detail.argumen.login);
    expect(args.every((a) => a.password === "[rahasia]" && a.nomorIdentitas.samaran === c.nik.slice(0, 4) + "********" + c.nik.slice(-4))).toBe(true);
  });

  it("keeps undeclared free text out (default-deny) and declared-safe values in", async () => {
    const ip = "192.0.2.62";
    const gid = globalId("Pengajuan", randomUUID());
    const uid = globalId("User", randomUUID());
    const res = await t.gql(
      `mutation($id: ID!, $u: ID!, $isi: String!) { tambahCatatanInternal(id: $id, isi: $isi) { __typename } rejectAccount(userId: $u, alasan: "Berkas tidak lengkap") { __typename } }`,
      { id: gid, u: uid, isi: "Pemohon bernama Siti, rumah di Jalan Mawar 3" },
      { token: admin.token, headers: { "x-forwarded-for": ip } },
    );
    expect(res.errors ?? []).toEqual([]);
    const e = (await trail()).find((n) => n.alamatIp === ip)!;
    expect(e.aksi).toBe("Mutation.tambahCatatanInternal,Mutation.rejectAccount");
    expect(e.detail.argumen.tambahCatatanInternal).toEqual({ id: gid, isi: "[tidak dicatat]" });
    expect(e.detail.argumen.rejectAccount).toEqual({ userId: uid, alasan: "Berkas tidak lengkap" });
    expect(JSON.stringify(e)).not.toContain("Siti");
  });

  it("records a password reset without the token or the new password", async () => {
    const ip = "192.0.2.63";
    const token = "q3vX9kR2mLp8sT4wYz7bN1cD5fG6hJ0aE2iO3uQ4rW8";
    await t.gql(
      `mutation($t: String!, $p: String!) { resetPassword(token: $t, passwordBaru: $p) { __typename } }`,
      { t: token, p: "Sandi-Baru-Aman-2026" },
      { headers: { "x-forwarded-for": ip } },
    );
    const e = (await trail()).find((n) => n.alamatIp === ip)!;
    expect(e.detail.argumen.resetPassword).toEqual({ token: "[rahasia]", passwordBaru: "[rahasia]" });
    expect(JSON.stringify(e)).not.toContain(token);
  });

  it("never echoes a declared value in an error: a rejected variable is reported without it", async () => {
    const input = registerInput(t);
    delete (input as Record<string, unknown>).email; // graphql-js then prints the whole object it refused
    const res = await gqlRegister(t, { input });
    expect(res.errors?.[0]?.message).toMatch(/email/);
    const text = JSON.stringify(res);
    expect(text).not.toContain(input.nomorIdentitas as string);
    expect(text).not.toContain(input.password as string);
    expect(text).not.toContain("081234567890");
  });

  it("cannot be changed or deleted, even directly in the database", async () => {
    const row = await t.db.prisma.auditLog.findFirstOrThrow();
    await expect(t.db.prisma.auditLog.update({ where: { id: row.id }, data: { aksi: "dihapus" } })).rejects.toThrow(/append-only/);
    await expect(t.db.prisma.auditLog.deleteMany({})).rejects.toThrow(/append-only/);
    expect((await t.db.prisma.auditLog.findUniqueOrThrow({ where: { id: row.id } })).aksi).toBe(row.aksi);
  });
});

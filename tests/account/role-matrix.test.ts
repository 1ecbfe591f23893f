import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInstansi, createStaff, createTestApp, globalId, login, registerCitizen, makeNip, GOOD_PASSWORD, type TestApp } from "../helpers/app";

/**
 * Every operation × every role: allowed (no access error) or denied (FORBIDDEN / UNAUTHENTICATED).
 * Owner-vs-other is covered through `node(id)` on accounts.
 */
type RoleName = "anon" | "pending" | "citizen" | "petugasA" | "adminA" | "adminB" | "superadmin";
const ROLES: RoleName[] = ["anon", "pending", "citizen", "petugasA", "adminA", "adminB", "superadmin"];

let t: TestApp;
const tokens: Partial<Record<RoleName, string>> = {};
let instansiA: string;
let instansiB: string;
let citizenId: string;
let petugasAId: string;

beforeAll(async () => {
  t = await createTestApp();
  instansiA = (await createInstansi(t)).id;
  instansiB = (await createInstansi(t)).id;
  const pending = await registerCitizen(t);
  tokens.pending = pending.token;
  const citizen = await registerCitizen(t);
  await t.db.prisma.user.update({ where: { id: citizen.id }, data: { status: "AKTIF" } });
  citizenId = citizen.id;
  tokens.citizen = await login(t, citizen.nik, citizen.password);
  const petugas = await createStaff(t, "PETUGAS", instansiA);
  petugasAId = petugas.id;
  tokens.petugasA = petugas.token;
  tokens.adminA = (await createStaff(t, "ADMIN", instansiA)).token;
  tokens.adminB = (await createStaff(t, "ADMIN", instansiB)).token;
  tokens.superadmin = (await createStaff(t, "SUPERADMIN", null)).token;
});
afterAll(() => t.close());

interface Op {
  name: string;
  allowed: RoleName[];
  /** builds the request; may create fresh targets so state-changing operations can run for every role */
  request: () => Promise<{ query: string; variables?: Record<string, unknown> }>;
}

const freshPending = async () => (await registerCitizen(t)).globalId;
let day = 0;

const OPS: Op[] = [
  { name: "Query.me", allowed: ROLES, request: async () => ({ query: `{ me { id } }` }) },
  { name: "Query.instansiList", allowed: ROLES, request: async () => ({ query: `{ instansiList { kode jamLayanan { hari } } }` }) },
  { name: "Query.hariLibur", allowed: ROLES, request: async () => ({ query: `{ hariLibur(tahun: 2026) { tanggal nama } }` }) },
  { name: "Query.legalVersions", allowed: ROLES, request: async () => ({ query: `{ legalVersions { syaratKetentuan } }` }) },
  { name: "Query.myData", allowed: ["pending", "citizen", "petugasA", "adminA", "adminB", "superadmin"], request: async () => ({ query: `{ myData }` }) },
  { name: "Query.myNotifications", allowed: ["pending", "citizen", "petugasA", "adminA", "adminB", "superadmin"], request: async () => ({ query: `{ myNotifications(first: 5) { edges { node { id } } } }` }) },
  { name: "Query.users", allowed: ["adminA", "adminB", "superadmin"], request: async () => ({ query: `{ users(first: 5) { edges { node { id } } } }` }) },
  {
    name: "Query.node(citizen) with full NIK (owner / administering admins)",
    allowed: ["citizen", "adminA", "adminB", "superadmin"],
    request: async () => ({ query: `query($id: ID!) { node(id: $id) { ... on User { namaLengkap nomorIdentitas } } }`, variables: { id: globalId("User", citizenId) } }),
  },
  {
    name: "Query.node(officer of A) (own instansi admin only)",
    allowed: ["petugasA", "adminA", "superadmin"],
    request: async () => ({ query: `query($id: ID!) { node(id: $id) { ... on User { namaLengkap email } } }`, variables: { id: globalId("User", petugasAId) } }),
  },
  {
    name: "Mutation.activateAccount",
    allowed: ["adminA", "adminB", "superadmin"],
    request: async () => ({ query: `mutation($id: ID!) { activateAccount(userId: $id) { __typename } }`, variables: { id: await freshPending() } }),
  },
  {
    name: "Mutation.rejectAccount",
    allowed: ["adminA", "adminB", "superadmin"],
    request: async () => ({ query: `mutation($id: ID!) { rejectAccount(userId: $id, alasan: "Data tidak lengkap") { __typename } }`, variables: { id: await freshPending() } }),
  },
  {
    name: "Mutation.suspendAccount(officer of A)",
    allowed: ["adminA", "superadmin"],
    request: async () => {
      const s = await createStaff(t, "PETUGAS", instansiA);
      return { query: `mutation($id: ID!) { suspendAccount(userId: $id, alasan: "Pindah tugas") { __typename } }`, variables: { id: s.globalId } };
    },
  },
  {
    name: "Mutation.createStaffAccount(PETUGAS of A)",
    allowed: ["adminA", "superadmin"],
    request: async () => ({
      query: `mutation($i: ID) { createStaffAccount(identityType: NIP, nomorIdentitas: "${makeNip()}", namaLengkap: "Petugas Baru", email: "baru@contoh.go.id", telepon: "081211112222", password: "${GOOD_PASSWORD}", role: PETUGAS, instansiId: $i) { __typename } }`,
      variables: { i: globalId("Instansi", instansiA) },
    }),
  },
  {
    name: "Mutation.createInstansi",
    allowed: ["superadmin"],
    request: async () => ({
      query: `mutation { createInstansi(input: { kode: "NEW-${++day}", nama: "Kecamatan Baru" }, jamLayanan: [{ hari: 1, buka: "08:00", tutup: "15:00" }]) { __typename } }`,
    }),
  },
  {
    name: "Mutation.updateInstansi(A)",
    allowed: ["adminA", "superadmin"],
    request: async () => ({ query: `mutation($id: ID!) { updateInstansi(id: $id, input: { telepon: "0351 123" }) { __typename } }`, variables: { id: globalId("Instansi", instansiA) } }),
  },
  {
    name: "Mutation.setJamLayanan(A)",
    allowed: ["adminA", "superadmin"],
    request: async () => ({
      query: `mutation($id: ID!) { setJamLayanan(instansiId: $id, jamLayanan: [{ hari: 1, buka: "08:00", tutup: "15:30" }, { hari: 5, buka: "08:00", tutup: "16:00" }]) { __typename } }`,
      variables: { id: globalId("Instansi", instansiA) },
    }),
  },
  {
    name: "Mutation.addPenutupan(A)",
    allowed: ["adminA", "superadmin"],
    request: async () => ({
      query: `mutation($id: ID!, $d: Date!) { addPenutupan(instansiId: $id, tanggal: $d, alasan: "Rapat kerja") { __typename } }`,
      variables: { id: globalId("Instansi", instansiA), d: `2027-02-${String(++day % 28 + 1).padStart(2, "0")}` },
    }),
  },
  {
    name: "Mutation.createHariLibur",
    allowed: ["superadmin"],
    request: async () => ({
      query: `mutation($d: Date!) { createHariLibur(tanggal: $d, nama: "Libur uji", jenis: LIBUR_NASIONAL, dasarHukum: "Keppres Uji 1/2027") { __typename } }`,
      variables: { d: `2027-03-${String(++day % 28 + 1).padStart(2, "0")}` },
    }),
  },
  {
    name: "Mutation.changePassword (active accounts)",
    allowed: ["citizen", "petugasA", "adminA", "adminB", "superadmin"],
    request: async () => ({ query: `mutation { changePassword(passwordLama: "salah-salah-salah", passwordBaru: "Baru-Sekali-2027") { __typename } }` }),
  },
  {
    name: "Mutation.updateProfile",
    allowed: ["pending", "citizen", "petugasA", "adminA", "adminB", "superadmin"],
    request: async () => ({ query: `mutation { updateProfile(telepon: "081299998888") { __typename } }` }),
  },
  { name: "Mutation.markAllNotificationsRead", allowed: ["pending", "citizen", "petugasA", "adminA", "adminB", "superadmin"], request: async () => ({ query: `mutation { markAllNotificationsRead }` }) },
];

describe.each(OPS)("$name", (op) => {
  it.each(ROLES)("%s", async (role) => {
    const { query, variables } = await op.request();
    const res = await t.gql(query, variables, { token: tokens[role] });
    const accessError = res.errors?.find((e) => ["FORBIDDEN", "UNAUTHENTICATED"].includes(e.extensions?.code ?? ""));
    if (op.allowed.includes(role)) {
      expect(res.errors ?? []).toEqual([]);
    } else {
      expect(accessError, JSON.stringify(res)).toBeDefined();
      expect(accessError!.extensions!.code).toBe(role === "anon" ? "UNAUTHENTICATED" : "FORBIDDEN");
      expect(accessError!.message).toMatch(/Silakan masuk|tidak (memiliki akses|berwenang)/);
    }
  });
});

it("a citizen can never read another citizen's data", async () => {
  const other = await registerCitizen(t);
  const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on User { namaLengkap email nomorIdentitas } } }`, { id: other.globalId }, { token: tokens.citizen });
  expect(res.data?.node ?? null).toBeNull();
  expect(JSON.stringify(res)).not.toContain(other.nik);
});

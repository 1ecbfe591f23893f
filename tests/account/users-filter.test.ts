import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInstansi, createStaff, createTestApp, globalId, registerCitizen, type GqlResult, type TestApp } from "../helpers/app";

/**
 * `users(filter: { instansiId })`: the staff of one office (the admin pages' list of accounts). It narrows what the
 * caller may already see; it never widens it.
 */
const USERS = /* GraphQL */ `
  query ($filter: UserFilter) { users(filter: $filter, first: 100) { totalCount edges { node { id role instansi { id } } } } }
`;

let t: TestApp;
let a: { id: string };
let b: { id: string };
let superadmin: Awaited<ReturnType<typeof createStaff>>;
let adminA: Awaited<ReturnType<typeof createStaff>>;
let petugasA: Awaited<ReturnType<typeof createStaff>>;
let petugasB: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await createTestApp();
  a = await createInstansi(t);
  b = await createInstansi(t);
  superadmin = await createStaff(t, "SUPERADMIN", null);
  adminA = await createStaff(t, "ADMIN", a.id);
  petugasA = await createStaff(t, "PETUGAS", a.id);
  petugasB = await createStaff(t, "PETUGAS", b.id);
  await registerCitizen(t);
});
afterAll(() => t?.close());

const ids = (res: GqlResult) => (res.data!.users.edges as Array<{ node: { id: string } }>).map((e) => e.node.id).sort();

describe("users filtered by instansi", () => {
  it("gives a SUPERADMIN the staff of one office, without citizens or other offices", async () => {
    const res = await t.gql(USERS, { filter: { instansiId: globalId("Instansi", b.id) } }, { token: superadmin.token });
    expect(res.errors).toBeUndefined();
    expect(ids(res)).toEqual([petugasB.globalId]);
    const withRole = await t.gql(USERS, { filter: { instansiId: globalId("Instansi", a.id), role: "PETUGAS" } }, { token: superadmin.token });
    expect(ids(withRole)).toEqual([petugasA.globalId]);
  });

  it("never shows an instansi ADMIN another office's staff", async () => {
    const own = await t.gql(USERS, { filter: { instansiId: globalId("Instansi", a.id) } }, { token: adminA.token });
    expect(ids(own)).toEqual([petugasA.globalId]);
    const other = await t.gql(USERS, { filter: { instansiId: globalId("Instansi", b.id) } }, { token: adminA.token });
    expect(other.data!.users.totalCount).toBe(0);
  });

  it("matches nothing for an id that names no instansi; a malformed id is NOT_FOUND", async () => {
    const res = await t.gql(USERS, { filter: { instansiId: globalId("Instansi", "00000000-0000-4000-8000-000000000000") } }, { token: superadmin.token });
    expect(res.errors).toBeUndefined();
    expect(res.data!.users.totalCount).toBe(0);
    const malformed = await t.gql(USERS, { filter: { instansiId: Buffer.from("Instansi:bukan-uuid").toString("base64") } }, { token: superadmin.token });
    expect(malformed.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});

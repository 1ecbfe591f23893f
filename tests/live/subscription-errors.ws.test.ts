import { afterAll, beforeAll, expect, it } from "vitest";
import { createInstansi, createStaff, createTestApp, globalId, registerCitizen, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";
import { MAX_TOKENS } from "../../server/limits";

let t: TestApp;
let port: number;
let admin: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await createTestApp();
  port = await t.app.start(0, "127.0.0.1");
  admin = await createStaff(t, "ADMIN", (await createInstansi(t)).id);
});
afterAll(() => t.close());

const nest = (n: number) => `${"{ a ".repeat(n)}${"}".repeat(n)}`;

/** Each is wrong in its own way; each must end only itself. */
const BAD: Array<[string, { query: string; variables?: Record<string, unknown> }, string | RegExp]> = [
  ["syntax", { query: "subscription { myAccountStatus { status " }, "GRAPHQL_PARSE_FAILED"],
  ["validation", { query: "subscription { tidakAda }" }, "GRAPHQL_VALIDATION_FAILED"],
  ["too many tokens", { query: `subscription { ${Array.from({ length: MAX_TOKENS }, () => "__typename").join(" ")} }` }, "DOCUMENT_TOO_LARGE"],
  ["too deep", { query: `subscription ${nest(13)}` }, /QUERY_TOO_DEEP|GRAPHQL_VALIDATION_FAILED/],
  ["malformed id", { query: "subscription($id: ID!) { pengajuanBerubah(id: $id) { seq } }", variables: { id: "!!!" } }, "NOT_FOUND"],
  [
    "unknown id",
    { query: "subscription($id: ID!) { pengaduanBerubah(id: $id) { id } }", variables: { id: globalId("Pengaduan", "00000000-0000-4000-8000-000000000000") } },
    /NOT_FOUND|FORBIDDEN/,
  ],
  ["NUL", { query: "subscription($id: ID!) { permohonanInformasiBerubah(id: $id) { id } }", variables: { id: "a\u0000" } }, "VALIDATION"],
  [
    "wrong variable type",
    { query: "subscription($id: ID!) { pengajuanBerubah(id: $id) { seq } }", variables: { id: { x: 1 } } },
    /BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/,
  ],
  ["two operations, no name", { query: "subscription A { myAccountStatus { status } } subscription B { myAccountStatus { status } }" }, /./],
];

it("one bad subscription gets its own error; the socket and the good subscription live on", async () => {
  const c = await registerCitizen(t);
  const client = wsClient(port, { token: c.token });
  let closed: { code: number; reason: string } | null = null;
  client.on("closed", (e) => (closed = { code: (e as CloseEvent).code, reason: (e as CloseEvent).reason }));
  const good = collect(client, `subscription { myAccountStatus { status reason } }`);
  expect((await good.next(1))[0]!.data!.myAccountStatus.status).toBe("MENUNGGU_AKTIVASI");

  for (const [name, payload, code] of BAD) {
    const bad = collect(client, payload.query, payload.variables);
    await bad.next(1).catch(() => {});
    const errors = (bad.error as Array<{ message: string; extensions?: { code?: string } }> | null) ?? bad.events[0]?.errors ?? [];
    const text = JSON.stringify(errors);
    expect(errors.length, name).toBeGreaterThan(0);
    expect(text, name).toMatch(typeof code === "string" ? new RegExp(code) : code);
    expect(text, name).not.toMatch(/INTERNAL_SERVER_ERROR|\bat \S+ \(|\/work\/|node_modules/);
    expect(closed, name).toBeNull();
  }

  // the good one still receives
  await t.gql(`mutation($id: ID!) { activateAccount(userId: $id) { __typename } }`, { id: c.globalId }, { token: admin.token });
  const events = await good.next(2);
  expect(events[1]!.data!.myAccountStatus.status).toBe("AKTIF");
  expect(closed).toBeNull();
  good.dispose();
  await client.dispose();
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serverAudits } from "graphql-http";
import { activeCitizen, createTestApp, tinyPdf, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";
import { ARMOR_LIMITS } from "../../server/protection";

let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await createTestApp({ introspection: false, rateLimitPerAddress: 40, rateLimitPerUser: 1000, maxSubscriptionsPerConnection: 2 });
  port = await t.app.start(0, "127.0.0.1");
});
afterAll(() => t.close());

const codes = (body: { errors?: Array<{ extensions?: { code?: string } }> }) => (body.errors ?? []).map((e) => e.extensions?.code);
const fresh = (n: number) => ({ "x-forwarded-for": `198.51.100.${n}` });

describe("documents that would cost the server too much are refused with a clear error", () => {
  it("too many aliases", async () => {
    const q = `{ ${Array.from({ length: ARMOR_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: legalVersions { syaratKetentuan }`).join(" ")} }`;
    const body = await (await t.request({ query: q }, { headers: fresh(1) })).json();
    expect(codes(body)).toContain("TOO_MANY_ALIASES");
    expect(body.errors[0].message).toMatch(/alias/);
  });
  it("too many directives", async () => {
    const q = `{ legalVersions { syaratKetentuan ${Array.from({ length: ARMOR_LIMITS.maxDirectives + 1 }, () => "@include(if: true)").join(" ")} } }`;
    expect(codes(await (await t.request({ query: q }, { headers: fresh(2) })).json())).toContain("TOO_MANY_DIRECTIVES");
  });
  it("too costly", async () => {
    const inner =
      "edges { node { nama kode persyaratan { label jenisFile maksBytes } formFields { nama label opsi } instansi { nama jamLayanan { hari buka tutup } penutupan { tanggal alasan } } } }";
    const q = `{ ${Array.from({ length: 14 }, (_, i) => `l${i}: layananList(first: 50) { ${inner} }`).join(" ")} }`;
    expect(codes(await (await t.request({ query: q }, { headers: fresh(3) })).json())).toContain("QUERY_TOO_COSTLY");
  });
  it("no field suggestions, and no introspection when switched off", async () => {
    const typo = await (await t.request({ query: "{ layananLst { totalCount } }" }, { headers: fresh(4) })).json();
    expect(typo.errors[0].message).not.toMatch(/Did you mean/);
    const intro = await (await t.request({ query: "{ __schema { types { name } } }" }, { headers: fresh(4) })).json();
    expect(intro.errors[0].message).toMatch(/introspection/i);
    expect(intro.data ?? null).toBeNull();
  });
  it("a cross-site style request (multipart without the CSRF header) is refused", async () => {
    const form = new FormData();
    form.append("operations", JSON.stringify({ query: "{ __typename }" }));
    form.append("map", "{}");
    const res = await t.app.yoga.fetch("http://localhost/graphql", { method: "POST", headers: fresh(5), body: form });
    expect(res.status).toBe(403);
    void tinyPdf;
  });
});

describe("rate limits", () => {
  it("an address over its budget gets 429 with Retry-After while others keep being served", async () => {
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 45; i++) {
      const res = await t.request({ query: "{ __typename }" }, { headers: fresh(77) });
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get("retry-after");
        const body = await res.json();
        expect(body.errors[0]).toMatchObject({ extensions: { code: "RATE_LIMITED" } });
        expect(body.errors[0].message).toMatch(/Terlalu banyak permintaan/);
      } else await res.text();
    }
    expect(statuses.slice(0, 40).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(40).every((s) => s === 429)).toBe(true);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect((await t.request({ query: "{ __typename }" }, { headers: fresh(78) })).status).toBe(200);
  });
});

describe("WebSocket limits", () => {
  it("caps subscriptions per connection; the connection keeps working", async () => {
    const c = await activeCitizen(t);
    const client = wsClient(port, { token: c.token });
    const a = collect(client, `subscription { notificationAdded { id } }`);
    const b = collect(client, `subscription { myAccountStatus { status } }`);
    const third = collect(client, `subscription { myAccountStatus { status } }`);
    await b.next(1);
    await third.next(1).catch(() => {});
    expect(JSON.stringify(third.error ?? third.events)).toMatch(/TOO_MANY_SUBSCRIPTIONS|Terlalu banyak langganan/);
    expect(b.events[0]!.data!.myAccountStatus.status).toBe("AKTIF");
    a.dispose();
    await new Promise((r) => setTimeout(r, 100));
    const again = collect(client, `subscription { myAccountStatus { status } }`);
    expect((await again.next(1))[0]!.data!.myAccountStatus.status).toBe("AKTIF");
    await client.dispose();
  });
});

describe("GraphQL over HTTP conformance (graphql-http server audit)", () => {
  it("passes every MUST", async () => {
    // the audit's probes use introspection (`__type`): run them against an instance that allows it
    const open = await createTestApp({}, t.db);
    const openPort = await open.app.start(0, "127.0.0.1");
    const audits = serverAudits({
      url: `http://127.0.0.1:${openPort}/graphql`,
      fetchFn: (input: RequestInfo | URL, init?: RequestInit) =>
        fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), "x-forwarded-for": `203.0.113.${Math.floor(Math.random() * 250)}` } }),
    });
    const failures: string[] = [];
    for (const audit of audits) {
      if (!audit.name.startsWith("MUST")) continue;
      const result = await audit.fn();
      if (result.status !== "ok") failures.push(`${audit.name}: ${result.reason}`);
    }
    await open.close();
    expect(failures).toEqual([]);
  });
});

// Issue 13 "Observability": /metrics scraped over real HTTP and parsed as Prometheus text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, registerCitizen, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";
import { parsePrometheus, value } from "./prometheus";
import { OperationNames } from "../../server/metrics";

const TOKEN = "metrics-token-0123456789abcdef";

async function post(port: number, body: unknown): Promise<Response> {
  return fetch(`http://127.0.0.1:${port}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

async function scrape(port: number, token: string | null = TOKEN) {
  const res = await fetch(`http://127.0.0.1:${port}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheus(await res.text());
}

describe("/metrics behind METRICS_TOKEN on the main port", () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp({ metricsToken: TOKEN });
    port = await t.app.start(0, "127.0.0.1");
  });
  afterAll(() => t?.close());

  it("answers 401 without the token or with another one, and is never cached", async () => {
    const none = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await none.text()).not.toContain("process_");
    const wrong = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}x` } });
    expect(wrong.status).toBe(401);
    const ok = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("cache-control")).toBe("no-store");
  });

  it("has the process's memory, event-loop delay and GC metrics", async () => {
    const s = await scrape(port);
    expect(value(s, "process_resident_memory_bytes")).toBeGreaterThan(10_000_000);
    expect(s.some((x) => x.name === "nodejs_eventloop_lag_seconds")).toBe(true);
    expect(s.some((x) => x.name === "nodejs_eventloop_lag_p99_seconds")).toBe(true);
    // GC durations: a histogram by kind, with samples once a collection has happened
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(text).toContain("# TYPE nodejs_gc_duration_seconds histogram");
    expect(s.some((x) => x.name === "nodejs_heap_size_used_bytes")).toBe(true);
  });

  it("counts a named operation and times it; a failing operation raises its error count", async () => {
    const before = await scrape(port);
    const res = await post(port, { query: "query LabelAksi { aksiLabel { __typename } }", operationName: "LabelAksi" });
    expect(res.status).toBe(200);
    const after = await scrape(port);
    const labels = { operationName: "LabelAksi", operationType: "query" };
    expect(value(after, "graphql_envelop_request", labels)).toBeGreaterThanOrEqual(1);
    expect(value(after, "graphql_envelop_request_duration_count", labels)).toBeGreaterThanOrEqual(1);
    expect(value(after, "graphql_yoga_http_duration_count", { ...labels, method: "POST", statusCode: "200" })).toBeGreaterThanOrEqual(1);
    expect(value(before, "graphql_envelop_request", labels)).toBe(0);

    // anonymous visitor asking for a signed-in citizen's data: an execution error
    const failing = { operationName: "DataSayaGagal", operationType: "query", phase: "execute" };
    const errorsBefore = value(after, "graphql_envelop_error_result", failing);
    const bad = await (await post(port, { query: "query DataSayaGagal { aksesDataSaya(first: 1) { edges { __typename } } }" })).json();
    expect(bad.errors?.length).toBeGreaterThan(0);
    const later = await scrape(port);
    expect(value(later, "graphql_envelop_error_result", failing)).toBe(errorsBefore + 1);
    // a document that does not validate counts too, in its phase
    await post(port, { query: "query TidakSah { tidakAdaField }" });
    expect(value(await scrape(port), "graphql_envelop_error_result", { operationName: "TidakSah", phase: "validate" })).toBe(1);
  });

  it("moves the WebSocket and subscription gauges while a graphql-ws client holds a subscription", async () => {
    const base = value(await scrape(port), "loket_websocket_connections");
    const c = await registerCitizen(t);
    const client = wsClient(port, { token: c.token });
    const sub = collect(client, "subscription StatusAkunSaya { myAccountStatus { status } }");
    await sub.next(1);
    const during = await scrape(port);
    expect(value(during, "loket_websocket_connections")).toBe(base + 1);
    expect(value(during, "loket_graphql_subscriptions")).toBe(1);
    sub.dispose();
    await client.dispose();
    const until = Date.now() + 5000;
    const settled = async () => {
      const s = await scrape(port);
      return value(s, "loket_websocket_connections") === base && value(s, "loket_graphql_subscriptions") === 0;
    };
    while (!(await settled()) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    const after = await scrape(port);
    expect(value(after, "loket_websocket_connections")).toBe(base);
    expect(value(after, "loket_graphql_subscriptions")).toBe(0);
    // the subscription counted as an operation by its name once it ended
    expect(value(after, "graphql_envelop_request", { operationName: "StatusAkunSaya", operationType: "subscription" })).toBe(1);
  });

  it("reports the email and webhook backlog with the age of the oldest pending row, and the database's connection use", async () => {
    await t.db.prisma.outbox.create({
      data: {
        kind: "EMAIL",
        payload: { to: "x@contoh.id", subject: "s", text: "t", kategori: "UJI" },
        createdAt: new Date(Date.now() - 120_000),
        nextAttemptAt: new Date(Date.now() + 3_600_000),
      },
    });
    await new Promise((r) => setTimeout(r, 5_100)); // past the backlog cache
    const s = await scrape(port);
    expect(value(s, "loket_outbox_pending", { queue: "email" })).toBeGreaterThanOrEqual(1);
    expect(value(s, "loket_outbox_oldest_pending_age_seconds", { queue: "email" })).toBeGreaterThanOrEqual(119);
    expect(value(s, "loket_outbox_pending", { queue: "webhook" })).toBe(0);
    expect(value(s, "loket_db_pool_connections", { state: "total" })).toBeGreaterThanOrEqual(1);
    expect(s.some((x) => x.name === "loket_db_pool_waiting")).toBe(true);
    expect(s.some((x) => x.name === "loket_graphql_subscriptions")).toBe(true);
  });
});

describe("/metrics exposure", () => {
  it("is 404 on the main port when neither METRICS_PORT nor METRICS_TOKEN is set", async () => {
    const t = await createTestApp();
    try {
      const port = await t.app.start(0, "127.0.0.1");
      const res = await fetch(`http://127.0.0.1:${port}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain("process_");
    } finally {
      await t.close();
    }
  });

  it("METRICS_PORT serves it on a port of its own (and the main port answers 404); METRICS_TOKEN still applies there", async () => {
    const t = await createTestApp({ metricsPort: 0 });
    try {
      const port = await t.app.start(0, "127.0.0.1");
      const metricsPort = t.app.metricsPort!;
      expect(metricsPort).toBeGreaterThan(0);
      expect(metricsPort).not.toBe(port);
      expect((await fetch(`http://127.0.0.1:${port}/metrics`)).status).toBe(404);
      expect(value(await scrape(metricsPort, null), "loket_websocket_connections")).toBe(0);
      expect((await fetch(`http://127.0.0.1:${metricsPort}/graphql`)).status).toBe(404);
    } finally {
      await t.close();
    }
    const guarded = await createTestApp({ metricsPort: 0, metricsToken: TOKEN });
    try {
      await guarded.app.start(0, "127.0.0.1");
      expect((await fetch(`http://127.0.0.1:${guarded.app.metricsPort}/metrics`)).status).toBe(401);
      await scrape(guarded.app.metricsPort!);
    } finally {
      await guarded.close();
    }
  });
});

describe("operation-name labels", () => {
  it("keeps persisted operations' names, a bounded number of others, and puts the rest under one label", () => {
    const names = OperationNames.fromDocuments(["query Antrian($first: Int) { antrian(first: $first) { __typename } }", "mutation Masuk { x }"], 2);
    expect(names.label("Antrian")).toBe("Antrian");
    expect(names.label(undefined)).toBe("Anonymous");
    expect(names.label("Integrasi1")).toBe("Integrasi1");
    expect(names.label("Integrasi2")).toBe("Integrasi2");
    expect(names.label("Integrasi3")).toBe("other");
    expect(names.label("Integrasi1")).toBe("Integrasi1");
    expect(names.label("Masuk")).toBe("Masuk");
    expect(names.label("bukan nama!")).toBe("other");
  });
});

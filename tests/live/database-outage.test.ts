import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createTestApp, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";
import { postgresUnavailableReason, startPostgres, type OwnPostgres } from "../helpers/servers";
import { openDatabase } from "../../server/db/client";
import { ensureReferenceData } from "../../server/seed";

/**
 * A PostgreSQL of the test's own, stopped for a few seconds under requests and started again. While it is away
 * every request is answered with the stable code SERVICE_UNAVAILABLE and HTTP 503 + Retry-After (over the
 * WebSocket the same code, the socket staying open); the outage is one log line, not a stack trace per request;
 * afterwards the instance serves again by itself. Needs the PostgreSQL 15 binaries (run as `postgres` when the
 * tests run as root); skipped with the reason otherwise.
 */
const skip = postgresUnavailableReason();
if (skip) console.warn(`Skipping the database outage test: ${skip}`);

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe.skipIf(skip)("the database goes away and comes back", () => {
  let pg: OwnPostgres;
  let t: TestApp;
  let port: number;
  const logs: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  beforeAll(async () => {
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk);
      if (/"level":"(debug|info|warn|error)"/.test(text)) {
        // the JSON log lines (server/logger.ts)
        logs.push(text);
        return true;
      }
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    pg = await startPostgres();
    const db = await openDatabase({ databaseUrl: pg.url, migrate: true });
    await ensureReferenceData(db.prisma);
    t = await createTestApp({ logLevel: "info" }, db);
    port = await t.app.start(0, "127.0.0.1");
  });
  afterAll(async () => {
    await t?.close();
    await t?.db.close();
    pg?.close();
    process.stderr.write = write;
  });

  it("answers SERVICE_UNAVAILABLE with 503 and Retry-After while it is away, logs it once, and serves again after", async () => {
    const citizen = await activeCitizen(t);
    const ws = wsClient(port, { token: citizen.token });
    const before = logs.length;

    pg.stop("fast");
    const READ = { query: `{ me { id namaLengkap } myNotifications(first: 5) { edges { node { id } } } }` };
    const WRITE = { query: `mutation { markAllNotificationsRead }` };
    for (let i = 0; i < 15; i++) {
      const res = await t.request(i % 3 === 2 ? WRITE : READ, { token: citizen.token });
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toMatch(/^\d+$/);
      const body = (await res.json()) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };
      expect(body.errors.map((e) => e.extensions.code)).toContain("SERVICE_UNAVAILABLE");
      expect(JSON.stringify(body)).not.toMatch(/INTERNAL_SERVER_ERROR|http|\bat \//);
    }
    // a request whose session is not cached fails while resolving it: the same answer
    const unknown = await t.request(READ, { token: "x".repeat(43) });
    expect(unknown.status).toBe(503);

    // over the WebSocket: the subscription gets the code, the socket stays
    const sub = collect(ws, `subscription { notificationAdded { id } }`);
    const sub2 = collect(ws, `subscription($id: ID!) { pengajuanBerubah(id: $id) { seq } }`, { id: Buffer.from("Pengajuan:tidak-ada").toString("base64") });
    for (const s of [sub, sub2]) {
      await until("the subscription fails", () => s.error !== null || s.events.length > 0 || s.completed);
      // an error for the subscription (not the socket closed: that would be a CloseEvent, code 4500)
      const errors = (s.error ?? s.events[0]?.errors) as Array<{ extensions?: Record<string, unknown> }>;
      expect(Array.isArray(errors)).toBe(true);
      expect(errors.map((e) => e.extensions?.code)).toEqual(["SERVICE_UNAVAILABLE"]);
      expect(errors[0]!.extensions).not.toHaveProperty("http");
    }

    pg.start();
    await until("it serves again", async () => (await t.request(READ, { token: citizen.token })).status === 200);
    const ok = (await (await t.request(READ, { token: citizen.token })).json()) as { data: { me: { id: string } } };
    expect(ok.data.me.id).toBe(citizen.globalId);
    await until("the return is logged", () => logs.some((l) => /"level":"info".*"msg":"Basis data kembali/.test(l)));

    const during = logs.slice(before);
    expect(during.filter((l) => /"level":"warn".*"msg":"Basis data tidak tersedia/.test(l))).toHaveLength(1);
    expect(during.filter((l) => /"level":"info".*"msg":"Basis data kembali/.test(l))).toHaveLength(1);
    expect(during.filter((l) => /"level":"error"/.test(l))).toEqual([]);
    expect(during.join("")).not.toMatch(/(\n|\\n)\s+at /); // no stack traces
    await ws.dispose();
  }, 90_000);
});

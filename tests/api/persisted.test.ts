import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSchema, parse, validate } from "graphql";
import { Client, fetchExchange } from "@urql/core";
import type { Client as WsClient } from "graphql-ws";
import { PNG_1X1, activeCitizen, createInstansi, createTestApp, globalId, type TestApp } from "../helpers/app";
import { insertClient } from "../helpers/api-client";
import { wsClient } from "../helpers/ws";
import * as documents from "../../client/src/gql/graphql";
import { BuatPengaduanDocument, NotificationAddedDocument, SessionDocument } from "../../client/src/gql/graphql";
import { createPersistedTransport, persistedHashOf } from "../../client/src/lib/persisted";
import { MANIFEST_FILE, loadManifest } from "../../server/persisted";
import { SESSION_COOKIE } from "../../server/modules/auth/session";

/**
 * Persisted operations (PERSISTED_OPERATIONS=off|allow|only): the web client's operations by the sha256 hash
 * codegen wrote into client/src/gql/persisted-documents.json, over HTTP and WebSocket, and the web client's own
 * transport against a server in each mode.
 */
const SESSION_HASH = persistedHashOf(SessionDocument)!;
const NOTIFICATION_HASH = persistedHashOf(NotificationAddedDocument)!;
const byHash = (sha256Hash: string, extra: Record<string, unknown> = {}) => ({ extensions: { persistedQuery: { version: 1, sha256Hash } }, ...extra });
const codes = (body: { errors?: Array<{ extensions?: { code?: string } }> }) => (body.errors ?? []).map((e) => e.extensions?.code);
const UNKNOWN = "0".repeat(64);

describe("the manifest", () => {
  it("holds every client operation under the hash embedded in its document, and each is valid against schema.graphql", () => {
    const manifest = loadManifest();
    const schema = buildSchema(fs.readFileSync("schema.graphql", "utf8"));
    const hashes = Object.entries(documents)
      .filter(([name]) => name.endsWith("Document"))
      .map(([name, doc]) => [name, persistedHashOf(doc)] as const);
    expect(hashes.length).toBeGreaterThan(30);
    for (const [name, hash] of hashes) expect(manifest.has(hash!), name).toBe(true);
    for (const [hash, text] of manifest) {
      expect(validate(schema, parse(text)), hash).toEqual([]);
    }
    expect(MANIFEST_FILE).toMatch(/client\/src\/gql\/persisted-documents\.json$/);
  });
});

describe("PERSISTED_OPERATIONS=allow (the default)", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    expect(t.config.persistedOperations).toBe("allow");
  });
  afterAll(() => t.close());

  it("runs an operation by its hash, and ad-hoc documents as before", async () => {
    const citizen = await activeCitizen(t);
    const res = await t.request(byHash(SESSION_HASH, { operationName: "Session" }), { token: citizen.token });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.me).toMatchObject({ __typename: "User", id: citizen.globalId, role: "PEMOHON", status: "AKTIF" });
    expect((await t.gql(`{ me { id } }`, {}, { token: citizen.token })).data!.me.id).toBe(citizen.globalId);
  });

  it("an unknown hash gets PERSISTED_QUERY_NOT_FOUND with an Indonesian message", async () => {
    const body = await (await t.request(byHash(UNKNOWN))).json();
    expect(codes(body)).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
    expect(body.errors[0].message).toMatch(/tidak dikenal/);
    expect(body.data ?? null).toBeNull();
  });

  it("a request with neither a document nor a hash is a 400", async () => {
    const res = await t.request({ variables: {} });
    expect(res.status).toBe(400);
    expect(codes(await res.json())).toEqual(["QUERY_REQUIRED"]);
  });
});

describe("PERSISTED_OPERATIONS=only", () => {
  let t: TestApp;
  let port: number;
  let citizen: Awaited<ReturnType<typeof activeCitizen>>;
  const sockets: WsClient[] = [];
  beforeAll(async () => {
    t = await createTestApp({ persistedOperations: "only" });
    port = await t.app.start(0, "127.0.0.1");
    // the citizen's account and session are made through the service (logging in is itself an operation)
    const plain = await createTestApp({}, t.db);
    citizen = await activeCitizen(plain);
    await plain.close();
  });
  afterAll(async () => {
    await Promise.all(sockets.map((s) => s.dispose()));
    await t.close();
  });

  it("refuses an ad-hoc document from an anonymous caller, a browser session and a person's bearer token", async () => {
    for (const opts of [{}, { headers: { cookie: `${SESSION_COOKIE}=${citizen.token}` } }, { token: citizen.token }]) {
      const res = await t.request({ query: "{ me { id } }" }, opts);
      expect(res.status).toBe(403);
      const body = await res.json();
      expect(codes(body)).toEqual(["PERSISTED_QUERY_ONLY"]);
      expect(body.errors[0].message).toMatch(/hanya menjalankan operasi tersimpan/);
    }
  });

  it("runs the manifest's operations by hash, for anonymous callers and signed-in citizens", async () => {
    const anon = await (await t.request(byHash(SESSION_HASH))).json();
    expect(anon).toEqual({ data: { me: null } });
    const mine = await (await t.request(byHash(SESSION_HASH), { headers: { cookie: `${SESSION_COOKIE}=${citizen.token}` } })).json();
    expect(mine.data.me.id).toBe(citizen.globalId);
    expect(codes(await (await t.request(byHash(UNKNOWN))).json())).toEqual(["PERSISTED_QUERY_NOT_FOUND"]);
  });

  it("a known hash runs the manifest's text, whatever document comes along with it", async () => {
    const body = await (await t.request(byHash(SESSION_HASH, { query: "{ instansiList { kode } }" }), { token: citizen.token })).json();
    expect(body.errors).toBeUndefined();
    expect(Object.keys(body.data)).toEqual(["me"]);
  });

  it("an API client authenticated with its key still sends its own documents", async () => {
    const instansi = await createInstansi(t);
    const client = await insertClient(t, instansi.id, ["BACA_KATALOG"]);
    const body = await (await t.request({ query: "{ currentApiClient { nama } instansiList { kode } }" }, { token: client.token })).json();
    expect(body.errors).toBeUndefined();
    expect(body.data.currentApiClient.nama).toBe(client.nama);
    // a forged key is no key: refused like anyone else
    const forged = `${client.token.slice(0, -4)}AAAA`;
    expect(codes(await (await t.request({ query: "{ instansiList { kode } }" }, { token: forged })).json())).toEqual(["PERSISTED_QUERY_ONLY"]);
  });

  it("over WebSocket: a subscription by hash is served, an ad-hoc one is refused", async () => {
    const ws = wsClient(port, { token: citizen.token });
    sockets.push(ws);
    const outcome = (payload: { query: string; extensions?: Record<string, unknown> }) =>
      new Promise<{ error?: unknown; started?: true }>((resolve) => {
        const dispose = ws.subscribe(payload, { next: () => {}, error: (error) => resolve({ error }), complete: () => {} });
        // a subscription that was accepted stays silent until an event: no error within 300 ms means it runs
        setTimeout(() => {
          dispose();
          resolve({ started: true });
        }, 300);
      });
    expect(await outcome({ query: "", extensions: { persistedQuery: { version: 1, sha256Hash: NOTIFICATION_HASH } } })).toEqual({ started: true });
    const adhoc = await outcome({ query: "subscription { notificationAdded { id } }" });
    expect(JSON.stringify(adhoc.error)).toContain("PERSISTED_QUERY_ONLY");
    const unknown = await outcome({ query: "", extensions: { persistedQuery: { version: 1, sha256Hash: UNKNOWN } } });
    expect(JSON.stringify(unknown.error)).toContain("PERSISTED_QUERY_NOT_FOUND");
  });

  it("an upload from the web client (document and hash together) goes through", async () => {
    const instansi = await createInstansi(t);
    const kategori = await t.db.prisma.kategoriPengaduan.create({ data: { instansiId: instansi.id, nama: "Pelayanan" } });
    const form = new FormData();
    const variables = {
      instansiId: globalId("Instansi", instansi.id),
      kategoriId: globalId("KategoriPengaduan", kategori.id),
      judul: "Loket tutup",
      uraian: "Loket tutup pada jam layanan tanpa pemberitahuan.",
      bukti: [null],
    };
    form.append("operations", JSON.stringify({ query: "mutation { __typename }", variables, ...byHash(persistedHashOf(BuatPengaduanDocument)!) }));
    form.append("map", JSON.stringify({ 0: ["variables.bukti.0"] }));
    form.append("0", new Blob([new Uint8Array(PNG_1X1)], { type: "image/png" }), "foto.png");
    const res = await t.app.yoga.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "x-loket-csrf": "1", cookie: `${SESSION_COOKIE}=${citizen.token}`, "x-forwarded-for": "10.0.0.9" },
      body: form,
    });
    const body = await res.json();
    expect(body.errors).toBeUndefined();
    expect(body.data.buatPengaduan.__typename).toBe("BuatPengaduanSuccess");
  });
});

describe("the web client's transport in every mode", () => {
  const apps: TestApp[] = [];
  afterAll(() => Promise.all(apps.map((a) => a.close())));

  async function serverIn(mode: "off" | "allow" | "only") {
    const t = await createTestApp({ persistedOperations: mode }, apps[0]?.db);
    apps.push(t);
    return `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}/graphql`;
  }
  function urqlClient(url: string) {
    const sent: Array<{ query?: string; extensions?: unknown }> = [];
    const transport = createPersistedTransport((input, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    });
    const client = new Client({ url, exchanges: [transport.exchange, fetchExchange], fetch: transport.fetch, preferGetMethod: false });
    return { client, sent, transport };
  }

  it("only: sends the hash alone and gets its answer", async () => {
    const { client, sent } = urqlClient(await serverIn("only"));
    const res = await client.query(SessionDocument, {}).toPromise();
    expect(res.error).toBeUndefined();
    expect(res.data).toEqual({ me: null });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query).toBeUndefined();
  });

  it("off: the server says it takes no hashes; the client sends the document, and from then on only documents", async () => {
    const { client, sent, transport } = urqlClient(await serverIn("off"));
    expect(
      codes(
        await (
          await fetch(await serverIn("off"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(byHash(SESSION_HASH)) })
        ).json(),
      ),
    ).toEqual(["PERSISTED_QUERY_NOT_SUPPORTED"]);
    expect((await client.query(SessionDocument, {}).toPromise()).data).toEqual({ me: null });
    expect(sent.map((b) => !!b.query)).toEqual([false, true]);
    expect(transport.enabled).toBe(false);
    expect((await client.query(SessionDocument, {}, { requestPolicy: "network-only" }).toPromise()).data).toEqual({ me: null });
    expect(sent.map((b) => !!b.query)).toEqual([false, true, true]);
  });

  it("allow: a hash the server does not know (a newer page) is sent again with its document", async () => {
    const { client, sent } = urqlClient(await serverIn("allow"));
    const newer = Object.assign(parse(`query SessionBaru { me { id } }`), { __meta__: { hash: "f".repeat(64) } });
    const res = await client.query(newer, {}).toPromise();
    expect(res.error).toBeUndefined();
    expect(res.data).toEqual({ me: null });
    expect(sent.map((b) => !!b.query)).toEqual([false, true]);
  });
});

import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInstansi, createTestApp, globalId, type TestApp } from "../helpers/app";
import { insertClient, startReceiver } from "../helpers/api-client";
import { encrypt } from "../../server/lib/crypto";
import { WebhookWorker, webhookSecretAad } from "../../server/modules/webhook/worker";
import { checkDestination, postToDestination, type Lookup } from "../../server/modules/webhook/destination";

/**
 * The SSRF guard: a webhook URL that is, or resolves to, an internal address is refused when it is registered or
 * changed (URL_ADDRESS_NOT_ALLOWED), and every delivery checks the address again and connects to the address it
 * checked, so a name that later points inward (DNS rebinding) gets nothing. WEBHOOK_ALLOW_PRIVATE is off here.
 */
let t: TestApp;
let client: Awaited<ReturnType<typeof insertClient>>;
let instansiId: string;
const receivers: Array<{ close(): Promise<void> }> = [];

const SUBSCRIBE = `mutation($u: String!) { createWebhookSubscription(url: $u, events: [PENGAJUAN_STATUS]) { __typename ... on CreateWebhookSubscriptionSuccess { data { subscription { id url } } } ... on Error { code message field } } }`;
const UPDATE = `mutation($id: ID!, $u: String, $e: [WebhookEvent!]) { updateWebhookSubscription(id: $id, url: $u, events: $e) { __typename ... on UpdateWebhookSubscriptionSuccess { data { url events } } ... on Error { code message field } } }`;

beforeAll(async () => {
  t = await createTestApp();
  expect(t.config.webhookAllowPrivate).toBe(false);
  instansiId = (await createInstansi(t)).id;
  client = await insertClient(t, instansiId, ["TERIMA_WEBHOOK"]);
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await t.close();
});

const subscribe = async (u: string) => (await t.gql(SUBSCRIBE, { u }, { token: client.token })).data!.createWebhookSubscription;

describe("registering a webhook", () => {
  it("refuses every internal address, however it is written", async () => {
    for (const u of [
      "http://127.0.0.1:8080/hook", // loopback (http is otherwise accepted for it outside production)
      "http://localhost/hook",
      "http://[::1]:9000/hook",
      "https://api.localhost/hook",
      "https://10.1.2.3/hook", // RFC 1918
      "https://172.16.5.4/hook",
      "https://192.168.1.10/hook",
      "https://169.254.169.254/latest/meta-data/", // cloud metadata
      "https://100.64.0.1/hook", // CGNAT
      "https://0.0.0.0/hook",
      "https://[fd00::1]/hook", // ULA
      "https://[fe80::1]/hook", // link-local
      "https://[::ffff:127.0.0.1]/hook", // IPv4-mapped loopback
      "https://[::ffff:a9fe:a9fe]/hook", // IPv4-mapped metadata
      "https://2130706433/hook", // 127.0.0.1 as one number
      "https://0x7f.1/hook", // 127.0.0.1 in hex shorthand
      "https://017700000001/hook", // 127.0.0.1 in octal
    ]) {
      const r = await subscribe(u);
      expect(r, u).toMatchObject({ __typename: "ValidationError", code: "URL_ADDRESS_NOT_ALLOWED", field: "url" });
      expect(r.message).toMatch(/jaringan internal/);
    }
    expect(await t.db.prisma.webhookSubscription.count()).toBe(0);
  });

  it("refuses schemes other than http(s) with their own code", async () => {
    for (const u of ["file:///etc/passwd", "gopher://127.0.0.1:6379/_FLUSHALL", "ftp://lapor.go.id/x", "dict://127.0.0.1:11211/stat"]) {
      expect(await subscribe(u), u).toMatchObject({ __typename: "ValidationError", code: "URL_SCHEME_INVALID", field: "url" });
    }
  });

  it("accepts a public address, and a name that does not resolve yet (every delivery checks it again)", async () => {
    expect(await subscribe("https://93.184.215.14/loket")).toMatchObject({
      __typename: "CreateWebhookSubscriptionSuccess",
      data: { subscription: { url: "https://93.184.215.14/loket" } },
    });
    expect(await subscribe("https://penerima.lapor.go.id/loket")).toMatchObject({ __typename: "CreateWebhookSubscriptionSuccess" });
  });

  it("changing a subscription's URL is checked the same way; its events can change too", async () => {
    const created = await subscribe("https://penerima-kedua.lapor.go.id/loket");
    const id = created.data.subscription.id;
    const moved = await t.gql(UPDATE, { id, u: "https://169.254.169.254/latest/meta-data/" }, { token: client.token });
    expect(moved.data!.updateWebhookSubscription).toMatchObject({ __typename: "ValidationError", code: "URL_ADDRESS_NOT_ALLOWED", field: "url" });
    const scheme = await t.gql(UPDATE, { id, u: "file:///etc/passwd" }, { token: client.token });
    expect(scheme.data!.updateWebhookSubscription).toMatchObject({ code: "URL_SCHEME_INVALID" });
    const ok = await t.gql(UPDATE, { id, u: "https://93.184.215.14/baru", e: ["PENGADUAN_DITERIMA"] }, { token: client.token });
    expect(ok.data!.updateWebhookSubscription).toEqual({
      __typename: "UpdateWebhookSubscriptionSuccess",
      data: { url: "https://93.184.215.14/baru", events: ["PENGADUAN_DITERIMA"] },
    });
    // another client's subscription is not found, whatever its URL
    const other = await insertClient(t, instansiId, ["TERIMA_WEBHOOK"]);
    expect((await t.gql(UPDATE, { id, e: ["PPID_TENGGAT"] }, { token: other.token })).data!.updateWebhookSubscription).toMatchObject({
      __typename: "NotFoundError",
      code: "WEBHOOK_NOT_FOUND",
    });
  });

  it("with WEBHOOK_ALLOW_PRIVATE (developing a receiver) internal addresses are accepted", async () => {
    const dev = await createTestApp({ webhookAllowPrivate: true }, t.db);
    const c = await insertClient(dev, instansiId, ["TERIMA_WEBHOOK"]);
    const r = (await dev.gql(SUBSCRIBE, { u: "http://127.0.0.1:8080/hook" }, { token: c.token })).data!.createWebhookSubscription;
    expect(r.__typename).toBe("CreateWebhookSubscriptionSuccess");
    await dev.close();
  });
});

describe("delivering", () => {
  /** a subscription row as it may exist: registered while allowed, or a name that pointed elsewhere back then */
  async function storedSubscription(url: string) {
    const id = randomUUID();
    const c = await insertClient(t, instansiId, ["TERIMA_WEBHOOK"]);
    await t.db.prisma.webhookSubscription.create({
      data: { id, clientId: c.clientId, url, events: ["PENGAJUAN_STATUS"], secretCipher: encrypt(t.app.services.keys, "whsec_uji", webhookSecretAad(id)) },
    });
    const d = await t.db.prisma.webhookDelivery.create({
      data: {
        subscriptionId: id,
        event: "PENGAJUAN_STATUS",
        payload: { id: "x", event: "PENGAJUAN_STATUS", terjadiPada: new Date().toISOString(), instansiId: globalId("Instansi", instansiId), data: {} },
      },
    });
    return d.id;
  }
  const worker = (lookup?: Lookup) => new WebhookWorker({ prisma: t.db.prisma, keys: t.app.services.keys, calendars: t.app.services.calendars, lookup });

  it("checks the address again at send time: a stored internal URL gets nothing", async () => {
    await t.db.prisma.webhookDelivery.updateMany({ data: { status: "FAILED" } });
    const receiver = await startReceiver();
    receivers.push(receiver);
    const id = await storedSubscription(receiver.url);
    expect(await worker().runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(receiver.received).toHaveLength(0);
    const row = await t.db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastStatusCode: null });
    expect(row.lastError).toMatch(/alamat tujuan ditolak: 127\.0\.0\.1 adalah alamat internal/);
  });

  it("DNS rebinding: a name that now resolves inward is refused before connecting", async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    const id = await storedSubscription(`http://penerima.contoh.go.id:${receiver.port}/loket-webhook`);
    // the name resolved to a public address when it was registered; now it answers with the loopback address
    const rebinding: Lookup = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "127.0.0.1", family: 4 },
    ];
    expect(await worker(rebinding).runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(receiver.received).toHaveLength(0);
    expect((await t.db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id } })).lastError).toMatch(
      /alamat tujuan ditolak: penerima\.contoh\.go\.id → 127\.0\.0\.1/,
    );
  });

  it("a name that does not resolve is an ordinary failed attempt, retried later", async () => {
    await t.db.prisma.webhookDelivery.updateMany({ where: { status: "PENDING" }, data: { status: "FAILED" } });
    const id = await storedSubscription("https://tidak-ada.contoh.invalid/loket");
    const failing: Lookup = async () => {
      throw Object.assign(new Error("queryA ENOTFOUND"), { code: "ENOTFOUND" });
    };
    expect(await worker(failing).runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect((await t.db.prisma.webhookDelivery.findUniqueOrThrow({ where: { id } })).lastError).toMatch(/tidak dapat di-resolve \(ENOTFOUND\)/);
  });

  it("checkDestination: every address of a name must be public", async () => {
    const url = new URL("https://penerima.contoh.go.id/hook");
    const answers =
      (...addresses: string[]): Lookup =>
      async () =>
        addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    expect(await checkDestination(url, { allowPrivate: false, lookup: answers("93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c") })).toEqual({
      ok: true,
      addresses: [
        { address: "93.184.215.14", family: 4 },
        { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
      ],
    });
    for (const inward of ["10.0.0.7", "169.254.169.254", "fd00::7", "::ffff:192.168.0.1", "100.100.100.100"]) {
      expect(await checkDestination(url, { allowPrivate: false, lookup: answers("93.184.215.14", inward) }), inward).toMatchObject({
        ok: false,
        blocked: true,
      });
    }
    const slow: Lookup = () => new Promise(() => {});
    expect(await checkDestination(url, { allowPrivate: false, lookup: slow, timeoutMs: 50 })).toMatchObject({
      ok: false,
      blocked: false,
      reason: expect.stringMatching(/ETIMEOUT/),
    });
    expect(await checkDestination(url, { allowPrivate: true, lookup: answers("127.0.0.1") })).toEqual({ ok: true, addresses: null });
  });

  it("connects to the address that was checked, not to what the name resolves to now", async () => {
    const receiver = await startReceiver();
    receivers.push(receiver);
    // "penerima.invalid" resolves nowhere: the request can only reach the receiver through the pinned address
    const url = new URL(`http://penerima.invalid:${receiver.port}/loket-webhook`);
    const outcome = await postToDestination(url, {
      headers: { "content-type": "application/json" },
      body: `{"uji":true}`,
      timeoutMs: 5000,
      pinned: { address: "127.0.0.1", family: 4 },
    });
    expect(outcome).toEqual({ status: 204, answer: "" });
    expect(receiver.received).toHaveLength(1);
    expect(receiver.received[0]!.headers.host).toBe(`penerima.invalid:${receiver.port}`);
    expect(receiver.received[0]!.body).toBe(`{"uji":true}`);
  });
});

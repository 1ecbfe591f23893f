import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createTestApp, serviceFixture, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";
import { createClient, insertClient } from "../helpers/api-client";
import { listen } from "../../server/pubsub";

/**
 * Two API instances on one database, sharing events through Redis: a change made on instance A reaches a
 * subscriber connected to instance B. Runs when REDIS_URL is set (CI's PostgreSQL + Redis variant).
 */
const REDIS_URL = process.env.REDIS_URL;

describe.skipIf(!REDIS_URL)("scale-out through Redis", () => {
  let a: TestApp;
  let b: TestApp;
  let portB: number;
  beforeAll(async () => {
    a = await createTestApp({ redisUrl: REDIS_URL });
    b = await createTestApp({ redisUrl: REDIS_URL }, a.db);
    // both instances must use the same keys to read each other's sessions
    (b.app.services as { keys: unknown }).keys = a.app.services.keys;
    portB = await b.app.start(0, "127.0.0.1");
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it("an officer's action on instance A reaches the citizen subscribed on instance B, and logout on A ends the session on B", async () => {
    const fx = await serviceFixture(a);
    const c = await activeCitizen(a);
    const created = await a.gql(
      `mutation($l: ID!) { createPengajuan(layananId: $l) { ... on CreatePengajuanSuccess { data { id versi } } } }`,
      { l: fx.layanan.id },
      { token: c.token },
    );
    const p = created.data!.createPengajuan.data;
    const client = wsClient(portB, { token: c.token });
    const sub = collect(client, `subscription($id: ID!) { pengajuanBerubah(id: $id) { seq log { aksi } pengajuan { status } } }`, { id: p.id });
    await sub.next(1); // BUAT replayed
    await new Promise((r) => setTimeout(r, 200));
    const cancel = await a.gql(
      `mutation($id: ID!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: BATALKAN, versi: $v) { __typename } }`,
      { id: p.id, v: p.versi },
      { token: c.token },
    );
    expect(cancel.data!.ubahStatusPengajuan.__typename).toBe("UbahStatusPengajuanSuccess");
    const events = await sub.next(2, 5000);
    expect(events[1]!.data!.pengajuanBerubah).toMatchObject({ seq: 2, log: { aksi: "BATALKAN" }, pengajuan: { status: "DIBATALKAN" } });
    await client.dispose();

    // B caches the session; logging out everywhere on A must reach B's cache through Redis
    expect((await b.gql(`{ me { id } }`, {}, { token: c.token })).data!.me).not.toBeNull();
    await a.gql(`mutation { logoutEverywhere }`, {}, { token: c.token });
    let me: unknown = "still there";
    for (let i = 0; i < 20 && me !== null; i++) {
      await new Promise((r) => setTimeout(r, 50));
      me = (await b.gql(`{ me { id } }`, {}, { token: c.token })).data!.me;
    }
    expect(me).toBeNull();
  });

  it("a status change on instance A drops the queue page instance B had cached for the officer", async () => {
    const fx = await serviceFixture(a);
    const c = await activeCitizen(a);
    const created = await a.gql(
      `mutation($l: ID!) { createPengajuan(layananId: $l) { ... on CreatePengajuanSuccess { data { id } } } }`,
      { l: fx.layanan.id },
      { token: c.token },
    );
    const id = created.data!.createPengajuan.data.id as string;
    const raw = Buffer.from(id, "base64").toString().split(":")[1]!;
    // submitted, without going through uploads (covered elsewhere)
    await a.db.prisma.pengajuan.update({
      where: { id: raw },
      data: { status: "DIAJUKAN", nomorRegistrasi: `RED/2026/${Date.now() % 1_000_000}`, diajukanAt: new Date() },
    });
    const PAGE = `{ antrian(first: 10) { edges { node { id status versi } } } }`;
    const before = await b.gql(PAGE, {}, { token: fx.petugas.token });
    const row = before.data!.antrian.edges.find((e: { node: { id: string } }) => e.node.id === id).node;
    expect(row.status).toBe("DIAJUKAN");
    expect((await b.gql(PAGE, {}, { token: fx.petugas.token })).data).toEqual(before.data); // served again while unchanged
    const r = await a.gql(
      `mutation($id: ID!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: VERIFIKASI, versi: $v) { __typename } }`,
      { id, v: row.versi },
      { token: fx.petugas.token },
    );
    expect(r.data!.ubahStatusPengajuan.__typename).toBe("UbahStatusPengajuanSuccess");
    let status = "DIAJUKAN";
    for (let i = 0; i < 40 && status !== "DIVERIFIKASI"; i++) {
      await new Promise((res) => setTimeout(res, 25));
      status = (await b.gql(PAGE, {}, { token: fx.petugas.token })).data!.antrian.edges.find((e: { node: { id: string } }) => e.node.id === id).node.status;
    }
    // well inside QUEUE_CACHE_SECONDS (10 s): the event through Redis dropped B's page
    expect(status).toBe("DIVERIFIKASI");
  });

  it("rotating an API client's secret on instance A ends the old key on instance B, whose cache had it", async () => {
    const fx = await serviceFixture(a);
    const client = await createClient(a, fx.admin.token, fx.instansi.id, ["KASUS_INSTANSI"]);
    const WHOAMI = `{ currentApiClient { nama } }`;
    expect((await b.gql(WHOAMI, {}, { token: client.token })).data!.currentApiClient).not.toBeNull();
    const rotated = await a.gql(
      `mutation($id: ID!) { rotateApiClientSecret(id: $id) { ... on RotateApiClientSecretSuccess { data { token } } } }`,
      { id: client.id },
      { token: fx.admin.token },
    );
    const fresh = rotated.data!.rotateApiClientSecret.data.token as string;
    let code: string | undefined;
    for (let i = 0; i < 20 && code !== "UNAUTHENTICATED"; i++) {
      await new Promise((r) => setTimeout(r, 50));
      code = (await b.gql(WHOAMI, {}, { token: client.token })).errors?.[0]?.extensions?.code;
    }
    expect(code).toBe("UNAUTHENTICATED");
    expect((await b.gql(WHOAMI, {}, { token: fresh })).data!.currentApiClient).not.toBeNull();
  });

  it("a webhook subscription made on instance A receives the next change made on instance B, which had remembered none; deleted on A, B stops", async () => {
    const fx = await serviceFixture(a);
    const c = await activeCitizen(a);
    const client = await insertClient(a, fx.instansi.id, ["TERIMA_WEBHOOK"]);
    const created = await a.gql(
      `mutation($l: ID!) { createPengajuan(layananId: $l) { ... on CreatePengajuanSuccess { data { id } } } }`,
      { l: fx.layanan.id },
      { token: c.token },
    );
    const id = created.data!.createPengajuan.data.id as string;
    const raw = Buffer.from(id, "base64").toString().split(":")[1]!;
    await a.db.prisma.pengajuan.update({
      where: { id: raw },
      data: { status: "DIAJUKAN", nomorRegistrasi: `WHK/2026/${Date.now() % 1_000_000}`, diajukanAt: new Date() },
    });
    let versi = (await a.db.prisma.pengajuan.findUniqueOrThrow({ where: { id: raw } })).versi;
    const act = async (aksi: string, pesan?: string) => {
      const r = await b.gql(
        `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!, $p: String) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v, pesan: $p) { ... on UbahStatusPengajuanSuccess { data { versi } } } }`,
        { id, a: aksi, v: versi, p: pesan ?? null },
        { token: fx.petugas.token },
      );
      versi = r.data!.ubahStatusPengajuan.data.versi;
    };
    const deliveries = () => a.db.prisma.webhookDelivery.count({ where: { subscription: { clientId: client.clientId } } });
    // B hears of the change through Redis: wait for that message rather than for a while
    const heardOnB = () =>
      new Promise<void>((resolve) => {
        const stop = listen(b.app.services.pubsub, "webhook:targets", () => {
          stop();
          resolve();
        });
      });

    await act("VERIFIKASI"); // B now remembers: no receivers in this instansi
    expect(await deliveries()).toBe(0);

    let heard = heardOnB();
    const sub = await a.gql(
      `mutation($u: String!) { createWebhookSubscription(url: $u, events: [PENGAJUAN_STATUS]) { ... on CreateWebhookSubscriptionSuccess { data { subscription { id } } } } }`,
      { u: "https://penerima.contoh.go.id/loket" },
      { token: client.token },
    );
    const subscriptionId = sub.data!.createWebhookSubscription.data.subscription.id as string;
    await heard;
    await act("PROSES");
    expect(await deliveries()).toBe(1);

    heard = heardOnB();
    await a.gql(`mutation($id: ID!) { deleteWebhookSubscription(id: $id) { __typename } }`, { id: subscriptionId }, { token: client.token });
    await heard;
    await act("TOLAK", "Berkas tidak sesuai ketentuan.");
    expect(await deliveries()).toBe(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_1X1, activeCitizen, createInstansi, createStaff, createTestApp, globalId, serviceFixture, tinyPdf, upload, type TestApp } from "../helpers/app";
import { freePort, insertClient, startReceiver } from "../helpers/api-client";
import { verifyWebhook } from "../../server/modules/webhook/signature";
import { WebhookWorker } from "../../server/modules/webhook/worker";

/**
 * Webhooks end to end with a real HTTP receiver on 127.0.0.1: events are queued in the transaction of the
 * change, a receiver that is down loses nothing, each event arrives exactly once and signed.
 */
let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
let citizen: Awaited<ReturnType<typeof activeCitizen>>;
let client: Awaited<ReturnType<typeof insertClient>>;
let worker: WebhookWorker;
let port: number;
let signingSecret: string;
let subscriptionId: string;
const receivers: Array<{ close(): Promise<void> }> = [];

const SUBSCRIBE = `mutation($u: String!, $e: [WebhookEvent!]!) { createWebhookSubscription(url: $u, events: $e) { __typename ... on CreateWebhookSubscriptionSuccess { data { signingSecret subscription { id url events aktif } } } ... on Error { code field } } }`;
const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v) { ... on UbahStatusPengajuanSuccess { data { id versi status } } ... on Error { code } } }`;
const DELIVERIES = `query($s: DeliveryStatus) { webhookDeliveries(first: 50, status: $s) { totalCount edges { node { id deliveryId event status attempts lastError lastStatusCode sentAt payload } } } }`;

async function makeDue() {
  await t.db.prisma.webhookDelivery.updateMany({ where: { status: "PENDING" }, data: { nextAttemptAt: new Date() } });
}

async function submittedPengajuan() {
  const created = await t.gql(
    `mutation($l: ID!) { createPengajuan(layananId: $l, formData: { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20" }) { ... on CreatePengajuanSuccess { data { id versi } } } }`,
    { l: fx.layanan.id },
    { token: citizen.token },
  );
  let p = created.data!.createPengajuan.data;
  const up = await upload(
    t,
    `mutation($id: ID!, $v: Int!, $b: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $b) { ... on UploadDokumenPengajuanSuccess { data { id versi } } } }`,
    {
      id: p.id,
      v: p.versi,
      b: [
        { persyaratanId: fx.slots[0]!.id, file: null },
        { persyaratanId: fx.slots[1]!.id, file: null },
      ],
    },
    {
      "b.0.file": { name: "ktp.png", type: "image/png", content: PNG_1X1 },
      "b.1.file": { name: "pengantar.pdf", type: "application/pdf", content: tinyPdf("p") },
    },
    { token: citizen.token },
  );
  p = up.data!.uploadDokumenPengajuan.data;
  return (await t.gql(ACT, { id: p.id, a: "AJUKAN", v: p.versi }, { token: citizen.token })).data!.ubahStatusPengajuan.data as { id: string; versi: number };
}

beforeAll(async () => {
  // the receivers listen on 127.0.0.1: internal addresses are allowed here (the SSRF guard: ssrf.test.ts)
  t = await createTestApp({ webhookAllowPrivate: true });
  fx = await serviceFixture(t);
  citizen = await activeCitizen(t);
  client = await insertClient(t, fx.instansi.id, ["TERIMA_WEBHOOK", "KASUS_INSTANSI"], "SP4N-LAPOR");
  worker = t.app.services.webhooks as WebhookWorker;
  port = await freePort();
});
afterAll(async () => {
  await Promise.all(receivers.map((r) => r.close()));
  await t.close();
});

describe("webhook subscriptions", () => {
  it("refuse URLs that are not https (except this machine outside production) and need events", async () => {
    const bad = async (u: string, e = ["PENGAJUAN_STATUS"]) => (await t.gql(SUBSCRIBE, { u, e }, { token: client.token })).data!.createWebhookSubscription;
    expect(await bad("http://lapor.go.id/hook")).toEqual({ __typename: "ValidationError", code: "URL_NOT_HTTPS", field: "url" });
    expect(await bad("https://user:rahasia@lapor.go.id/hook")).toEqual({ __typename: "ValidationError", code: "URL_INVALID", field: "url" });
    expect(await bad("https://lapor.go.id/hook", [])).toEqual({ __typename: "ValidationError", code: "EVENTS_REQUIRED", field: "events" });
  });

  it("a client with TERIMA_WEBHOOK subscribes; the signing secret is shown once and stored encrypted", async () => {
    const res = await t.gql(
      SUBSCRIBE,
      { u: `http://127.0.0.1:${port}/loket-webhook`, e: ["PENGAJUAN_STATUS", "PENGADUAN_DITERIMA", "PPID_TENGGAT"] },
      { token: client.token },
    );
    const r = res.data!.createWebhookSubscription;
    expect(r.__typename).toBe("CreateWebhookSubscriptionSuccess");
    signingSecret = r.data.signingSecret;
    subscriptionId = r.data.subscription.id;
    expect(signingSecret).toMatch(/^whsec_/);
    const row = await t.db.prisma.webhookSubscription.findFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(signingSecret.slice(6));
    const listed = await t.gql(`{ webhookSubscriptions { url events aktif } }`, {}, { token: client.token });
    expect(listed.data!.webhookSubscriptions).toEqual([
      { url: `http://127.0.0.1:${port}/loket-webhook`, events: ["PENGAJUAN_STATUS", "PENGADUAN_DITERIMA", "PPID_TENGGAT"], aktif: true },
    ]);
    // a client without the scope can neither subscribe nor list
    const other = await insertClient(t, fx.instansi.id, ["KASUS_INSTANSI"]);
    expect((await t.gql(SUBSCRIBE, { u: "https://lapor.go.id/x", e: ["PENGAJUAN_STATUS"] }, { token: other.token })).errors![0]!.extensions!.code).toBe(
      "FORBIDDEN",
    );
    expect((await t.gql(DELIVERIES, {}, { token: other.token })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });
});

describe("deliveries", () => {
  const events: string[] = [];

  it("are queued with the change: a submitted request, a status change by the client, a complaint, PPID deadlines; drafts and other instansi not", async () => {
    const p = await submittedPengajuan(); // a draft, an upload, then AJUKAN: one event
    events.push("PENGAJUAN_STATUS");
    const v = await t.gql(ACT, { id: p.id, a: "VERIFIKASI", v: p.versi }, { token: client.token });
    expect(v.data!.ubahStatusPengajuan.data.status).toBe("DIVERIFIKASI");
    events.push("PENGAJUAN_STATUS");

    const kat = await t.gql(
      `mutation($i: ID!) { tambahKategoriPengaduan(instansiId: $i, nama: "Pelayanan") { ... on TambahKategoriPengaduanSuccess { data { id } } } }`,
      { i: globalId("Instansi", fx.instansi.id) },
      { token: fx.admin.token },
    );
    const aduan = await upload(
      t,
      `mutation($i: ID!, $k: ID!, $b: [File!]!) { buatPengaduan(instansiId: $i, kategoriId: $k, judul: "Loket tutup", uraian: "Loket tutup pada jam layanan tanpa pemberitahuan.", bukti: $b) { __typename } }`,
      { i: globalId("Instansi", fx.instansi.id), k: kat.data!.tambahKategoriPengaduan.data.id, b: [null] },
      { "b.0": { name: "foto.png", type: "image/png", content: PNG_1X1 } },
      { token: citizen.token },
    );
    expect(aduan.data!.buatPengaduan.__typename).toBe("BuatPengaduanSuccess");
    events.push("PENGADUAN_DITERIMA");

    const ppid = await t.gql(
      `mutation($i: ID!) { ajukanPermohonanInformasi(instansiId: $i, rincianInformasi: "Daftar penerima bantuan 2026", tujuan: "Penelitian skripsi", format: SOFTCOPY, caraPerolehan: EMAIL) { ... on AjukanPermohonanInformasiSuccess { data { id tenggat } } } }`,
      { i: globalId("Instansi", fx.instansi.id) },
      { token: citizen.token },
    );
    const permohonanId = Buffer.from(ppid.data!.ajukanPermohonanInformasi.data.id, "base64").toString().split(":")[1]!;
    expect(await worker.checkPpidDeadlines()).toBe(0); // 10 working days away
    await t.db.prisma.permohonanInformasi.update({ where: { id: permohonanId }, data: { tenggat: new Date(Date.now() + 3600_000) } });
    expect(await worker.checkPpidDeadlines()).toBe(1);
    expect(await worker.checkPpidDeadlines()).toBe(0); // once per request, state and deadline
    await t.db.prisma.permohonanInformasi.update({ where: { id: permohonanId }, data: { tenggat: new Date(Date.now() - 60_000) } });
    expect(await worker.checkPpidDeadlines()).toBe(1);
    expect(await worker.checkPpidDeadlines()).toBe(0);
    events.push("PPID_TENGGAT", "PPID_TENGGAT");

    // another instansi's events do not reach this client
    const fxB = await serviceFixture(t);
    const otherCitizen = await activeCitizen(t);
    const draftB = await t.gql(`mutation($l: ID!) { createPengajuan(layananId: $l) { __typename } }`, { l: fxB.layanan.id }, { token: otherCitizen.token });
    expect(draftB.data!.createPengajuan.__typename).toBe("CreatePengajuanSuccess");

    const rows = await t.db.prisma.webhookDelivery.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => r.event).sort()).toEqual([...events].sort());
    expect(rows.every((r) => r.status === "PENDING" && r.attempts === 0)).toBe(true);
  });

  it("while the receiver is down: nothing is lost, every delivery waits with its error", async () => {
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: events.length });
    const listed = await t.gql(DELIVERIES, {}, { token: client.token });
    expect(listed.data!.webhookDeliveries.totalCount).toBe(events.length);
    for (const { node } of listed.data!.webhookDeliveries.edges) {
      expect(node).toMatchObject({ status: "PENDING", attempts: 1, sentAt: null, lastStatusCode: null });
      expect(node.lastError).toMatch(/fetch failed|ECONNREFUSED/);
    }
    // not due yet: the backoff holds them back
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
  });

  it("once it is up: every event exactly once, signed, verifiable with verifyWebhook", async () => {
    let failOnce = true;
    const receiver = await startReceiver(port, () => {
      if (!failOnce) return 204;
      failOnce = false;
      return 503;
    });
    receivers.push(receiver);
    await makeDue();
    // two workers (two instances) at once: each delivery is claimed by one of them
    const second = new WebhookWorker({ prisma: t.db.prisma, keys: t.app.services.keys, calendars: t.app.services.calendars, allowPrivateAddresses: true });
    const [a, b] = await Promise.all([worker.runOnce(), second.runOnce()]);
    expect(a.sent + b.sent).toBe(events.length - 1);
    expect(a.retried + b.retried).toBe(1); // the receiver answered 503 once
    expect(await t.db.prisma.webhookDelivery.findFirstOrThrow({ where: { status: "PENDING" } })).toMatchObject({
      attempts: 2,
      lastStatusCode: 503,
      lastError: "HTTP 503",
    });
    await makeDue();
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });

    // the first request got the 503; its delivery came again later: after it, every delivery id exactly once
    expect(receiver.received).toHaveLength(events.length + 1);
    const ids = receiver.received.slice(1).map((r) => r.headers["x-loket-delivery"]);
    expect(new Set(ids).size).toBe(events.length);
    expect(ids).toContain(receiver.received[0]!.headers["x-loket-delivery"]);
    const seen: string[] = [];
    for (const r of receiver.received) {
      const check = verifyWebhook(signingSecret, r.headers, r.body, r.at);
      expect(check).toMatchObject({ ok: true });
      const body = JSON.parse(r.body);
      expect(Object.keys(body)).toEqual(["id", "event", "terjadiPada", "instansiId", "data"]);
      expect(r.headers["x-loket-event"]).toBe(body.event);
      expect(r.headers["x-loket-delivery"]).toBe(body.id);
      expect(r.headers["content-type"]).toMatch(/^application\/json/);
      expect(body.instansiId).toBe(globalId("Instansi", fx.instansi.id));
      seen.push(body.event);
      // a tampered body, another secret, or the same request replayed later all fail verification
      expect(verifyWebhook(signingSecret, r.headers, r.body.replace(/"event"/, '"evenT"'), r.at)).toEqual({ ok: false, reason: "SIGNATURE_MISMATCH" });
      expect(verifyWebhook("whsec_bukan", r.headers, r.body, r.at)).toEqual({ ok: false, reason: "SIGNATURE_MISMATCH" });
      expect(verifyWebhook(signingSecret, r.headers, r.body, r.at + 6 * 60_000)).toEqual({ ok: false, reason: "TIMESTAMP_OUTSIDE_WINDOW" });
    }
    expect(seen.slice(1).sort()).toEqual([...events].sort());

    const statusEvents = receiver.received
      .slice(1)
      .map((r) => JSON.parse(r.body))
      .filter((b) => b.event === "PENGAJUAN_STATUS");
    expect(statusEvents.map((b) => [b.data.dariStatus, b.data.status]).sort()).toEqual([
      ["DIAJUKAN", "DIVERIFIKASI"],
      ["DRAFT", "DIAJUKAN"],
    ]);
    expect(statusEvents[0].data).toMatchObject({ nomorRegistrasi: expect.stringMatching(/\/\d{6}$/), layanan: { kode: "REKOM-NIKAH" } });
    const ppid = receiver.received
      .slice(1)
      .map((r) => JSON.parse(r.body))
      .filter((b) => b.event === "PPID_TENGGAT");
    expect(ppid.map((b) => b.data.keadaan).sort()).toEqual(["DEKAT", "LEWAT"]);

    const listed = await t.gql(DELIVERIES, { s: "SENT" }, { token: client.token });
    expect(listed.data!.webhookDeliveries.totalCount).toBe(events.length);
    expect(
      listed.data!.webhookDeliveries.edges.map((e: { node: { lastStatusCode: number; lastError: string | null } }) => [
        e.node.lastStatusCode,
        e.node.lastError,
      ]),
    ).toEqual(events.map(() => [204, null]));
  });

  it("a delivery that ran out of retries can be sent again; SUPERADMIN sees every client's deliveries", async () => {
    const d = await t.db.prisma.webhookDelivery.findFirstOrThrow();
    await t.db.prisma.webhookDelivery.update({ where: { id: d.id }, data: { status: "FAILED", lastError: "HTTP 500" } });
    const REDELIVER = `mutation($id: ID!) { redeliverWebhook(id: $id) { __typename ... on RedeliverWebhookSuccess { data { status } } ... on Error { code } } }`;
    const id = globalId("WebhookDelivery", d.id);
    expect((await t.gql(REDELIVER, { id }, { token: client.token })).data!.redeliverWebhook).toEqual({
      __typename: "RedeliverWebhookSuccess",
      data: { status: "PENDING" },
    });
    expect(await worker.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect((await t.gql(REDELIVER, { id }, { token: client.token })).data!.redeliverWebhook).toEqual({
      __typename: "InvalidStateError",
      code: "DELIVERY_ALREADY_SENT",
    });
    const stranger = await insertClient(t, fx.instansi.id, ["TERIMA_WEBHOOK"]);
    expect((await t.gql(REDELIVER, { id }, { token: stranger.token })).data!.redeliverWebhook).toEqual({
      __typename: "NotFoundError",
      code: "DELIVERY_NOT_FOUND",
    });
    expect((await t.gql(DELIVERIES, {}, { token: stranger.token })).data!.webhookDeliveries.totalCount).toBe(0);
    const superadmin = await createStaff(t, "SUPERADMIN", null);
    expect((await t.gql(DELIVERIES, {}, { token: superadmin.token })).data!.webhookDeliveries.totalCount).toBe(events.length);
  });

  it("unsubscribing stops deliveries; a revoked client gets nothing more", async () => {
    const extra = await t.gql(SUBSCRIBE, { u: `http://127.0.0.1:${port}/kedua`, e: ["PENGAJUAN_STATUS"] }, { token: client.token });
    expect(extra.data!.createWebhookSubscription.__typename).toBe("CreateWebhookSubscriptionSuccess");
    expect(
      (await t.gql(`mutation($id: ID!) { deleteWebhookSubscription(id: $id) { __typename } }`, { id: subscriptionId }, { token: client.token })).data!
        .deleteWebhookSubscription.__typename,
    ).toBe("DeleteWebhookSubscriptionSuccess");
    const p = await submittedPengajuan();
    const queued = await t.db.prisma.webhookDelivery.findMany({ where: { status: "PENDING" }, include: { subscription: { select: { url: true } } } });
    expect(queued.map((d) => d.subscription.url)).toEqual([`http://127.0.0.1:${port}/kedua`]);
    // revoked through the API (as an officer would): the instance forgets the client's webhook receivers at once
    const revoked = await t.gql(
      `mutation($id: ID!) { revokeApiClient(id: $id) { __typename } }`,
      { id: globalId("ApiClient", client.clientId) },
      { token: fx.admin.token },
    );
    expect(revoked.data!.revokeApiClient.__typename).toBe("RevokeApiClientSuccess");
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, retried: 0 });
    await t.gql(ACT, { id: p.id, a: "BATALKAN", v: p.versi }, { token: citizen.token });
    expect(await t.db.prisma.webhookDelivery.count({ where: { status: "PENDING" } })).toBe(0);
  });
});

it("another instansi's events never reach a client", async () => {
  const b = await createInstansi(t);
  expect(await t.db.prisma.webhookDelivery.count({ where: { payload: { path: ["instansiId"], equals: globalId("Instansi", b.id) } } })).toBe(0);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_SMS_BODY, loadConfig } from "../../server/config";
import { kanalRow } from "../../server/modules/kanal/outbox";
import { KanalWorker } from "../../server/modules/kanal/worker";
import { PNG_1X1, createInstansi, createStaff, createTestApp, globalId, login, registerCitizen, upload, type TestApp } from "../helpers/app";
import { FakeCloudApi, FakeSmsGateway, graphError, inboundText, postWebhook, statusUpdate } from "../helpers/kanal-servers";

/**
 * WhatsApp and SMS notices end to end: through the public API, the outbox worker and the webhook, against real
 * HTTP servers on 127.0.0.1 that speak the Cloud API's and an SMS gateway's formats (tests/helpers/kanal-servers.ts).
 */
const APP_SECRET = "a3f1c2d4e5b6a7980a1b2c3d4e5f6071";
const VERIFY_TOKEN = "loket-verifikasi-webhook";
const wa = new FakeCloudApi();
const sms = new FakeSmsGateway();
let t: TestApp;
let port: number;
let worker: KanalWorker;
const logs: string[] = [];

const PENGATURAN = `pilihan { jenis kanal aktif } kanalTersedia teleponTerverifikasi`;
const ATUR = `mutation($j: JenisPemberitahuan!, $k: KanalNotifikasi!, $a: Boolean!) { aturKanalNotifikasi(jenis: $j, kanal: $k, aktif: $a) { __typename ... on AturKanalNotifikasiSuccess { data { ${PENGATURAN} } } ... on Error { code message field } } }`;
const KIRIM = `mutation($k: KanalTelepon!) { kirimKodeTelepon(kanal: $k) { __typename ... on KirimKodeTeleponSuccess { data { tujuan berlakuSampai } } ... on Error { code message field } } }`;
const VERIF = `mutation($kode: String!) { verifikasiTelepon(kode: $kode) { __typename ... on VerifikasiTeleponSuccess { data { ${PENGATURAN} } } ... on Error { code message field } } }`;
const BERHENTI = `mutation($t: String!) { berhentiKanalNotifikasi(token: $t) { __typename ... on BerhentiKanalNotifikasiSuccess { data } ... on Error { code message field } } }`;

beforeAll(async () => {
  await wa.start();
  await sms.start();
  t = await createTestApp({
    // the test drives its own worker (runOnce) instead of the app's
    mailWorker: false,
    kanal: {
      whatsapp: {
        apiUrl: wa.apiUrl,
        token: wa.token,
        phoneNumberId: wa.phoneNumberId,
        appSecret: APP_SECRET,
        verifyToken: VERIFY_TOKEN,
        templateLanguage: "id",
      },
      sms: { url: sms.url, auth: `Bearer ${sms.key}`, bodyTemplate: DEFAULT_SMS_BODY },
    },
  });
  port = await t.app.start(0, "127.0.0.1");
  worker = new KanalWorker({
    prisma: t.db.prisma,
    keys: t.keys,
    kanal: t.config.kanal,
    lockMs: 2_000,
    uncertainMs: 800,
    retryBaseMs: 50,
    log: (m, e) => logs.push(`${m} ${e === undefined ? "" : JSON.stringify(e)}`),
  });
});
afterAll(async () => {
  await worker.stop();
  await t.close();
  await wa.stop();
  await sms.stop();
});

let n = 0;
async function citizen() {
  const telepon = `08129${String(4400000 + ++n)}`;
  const c = await registerCitizen(t, { telepon });
  await t.db.prisma.user.update({ where: { id: c.id }, data: { status: "AKTIF" } });
  t.app.services.sessions.invalidateUser(c.id);
  return { ...c, telepon, wa: `62${telepon.slice(1)}`, token: await login(t, c.nik, c.password) };
}
type Citizen = Awaited<ReturnType<typeof citizen>>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const lastWa = () => wa.received.at(-1)!;

async function verify(c: Citizen, kanal: "WHATSAPP" | "SMS") {
  const sent = await t.gql(KIRIM, { k: kanal }, { token: c.token });
  expect(sent.data!.kirimKodeTelepon.__typename).toBe("KirimKodeTeleponSuccess");
  expect((await worker.runOnce()).sent).toBe(1);
  const kode = kanal === "WHATSAPP" ? FakeCloudApi.code(lastWa())! : /(\d{6})/.exec(sms.delivered.at(-1)!.message)![1]!;
  const r = await t.gql(VERIF, { kode }, { token: c.token });
  expect(r.data!.verifikasiTelepon.data.teleponTerverifikasi).toBe(true);
}

async function outbox(kind: string) {
  return t.db.prisma.outbox.findMany({ where: { kind }, orderBy: { createdAt: "asc" } });
}

describe("settings", () => {
  it("channels are off unless configured; a half-configured WhatsApp or an SMS body without {{to}} refuses to start", async () => {
    expect(loadConfig({}).kanal).toEqual({ whatsapp: null, sms: null });
    expect(() => loadConfig({ WHATSAPP_TOKEN: "x", WHATSAPP_PHONE_NUMBER_ID: "1" })).toThrow(ConfigError);
    expect(() => loadConfig({ SMS_GATEWAY_URL: "http://127.0.0.1:1/sms", SMS_GATEWAY_BODY: '{"m":"{{text}}"}' })).toThrow(/\{\{to\}\}/);
    const full = loadConfig({ WHATSAPP_TOKEN: "x", WHATSAPP_PHONE_NUMBER_ID: "1", WHATSAPP_APP_SECRET: "s", WHATSAPP_VERIFY_TOKEN: "v" }).kanal.whatsapp;
    expect(full).toMatchObject({ apiUrl: "https://graph.facebook.com/v23.0", templateLanguage: "id" });

    // an install without them offers email only, and refuses a code by WhatsApp
    const plain = await createTestApp({ mailWorker: false }, t.db);
    try {
      const c = await citizen();
      const r = await plain.gql(`{ pengaturanNotifikasi { ${PENGATURAN} } }`, {}, { token: c.token });
      expect(r.data!.pengaturanNotifikasi.kanalTersedia).toEqual(["EMAIL"]);
      expect(r.data!.pengaturanNotifikasi.pilihan).toHaveLength(4);
      const k = await plain.gql(KIRIM, { k: "WHATSAPP" }, { token: c.token });
      expect(k.data!.kirimKodeTelepon).toMatchObject({ __typename: "InvalidStateError", code: "KANAL_TIDAK_TERSEDIA" });
    } finally {
      await plain.close();
    }
    const c = await citizen();
    const r = await t.gql(`{ pengaturanNotifikasi { ${PENGATURAN} } }`, {}, { token: c.token });
    expect(r.data!.pengaturanNotifikasi.kanalTersedia).toEqual(["EMAIL", "WHATSAPP", "SMS"]);
    expect(r.data!.pengaturanNotifikasi.pilihan.filter((p: { aktif: boolean }) => p.aktif).map((p: { kanal: string }) => p.kanal)).toEqual([
      "EMAIL",
      "EMAIL",
      "EMAIL",
      "EMAIL",
    ]);
    expect((await t.gql(`{ pengaturanNotifikasi { kanalTersedia } }`)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("verifying a phone number", () => {
  it("a WhatsApp code: a template outside the 24-hour window, stored hashed, limited tries, expiry", async () => {
    const c = await citizen();
    const early = await t.gql(ATUR, { j: "STATUS_LAYANAN", k: "WHATSAPP", a: true }, { token: c.token });
    expect(early.data!.aturKanalNotifikasi).toMatchObject({ __typename: "InvalidStateError", code: "TELEPON_BELUM_TERVERIFIKASI" });

    const sent = await t.gql(KIRIM, { k: "WHATSAPP" }, { token: c.token });
    expect(sent.data!.kirimKodeTelepon.data.tujuan).toBe(`${c.telepon.slice(0, 4)}****${c.telepon.slice(-3)}`);
    const again = await t.gql(KIRIM, { k: "WHATSAPP" }, { token: c.token });
    expect(again.data!.kirimKodeTelepon).toMatchObject({ code: "TERLALU_SERING" });

    const [row] = (await outbox("WHATSAPP")).filter((r) => (r.payload as { userId: string }).userId === c.id);
    expect((await worker.runOnce()).sent).toBe(1);
    const req = lastWa();
    expect(req.headers.authorization).toBe(`Bearer ${wa.token}`);
    expect(req.body).toMatchObject({
      messaging_product: "whatsapp",
      to: c.wa,
      type: "template",
      template: { name: "loket_kode_verifikasi", language: { code: "id" } },
      biz_opaque_callback_data: row!.id,
    });
    const kode = FakeCloudApi.code(req)!;
    // neither the code row nor the outbox row holds the code
    const stored = await t.db.prisma.kodeTelepon.findFirstOrThrow({ where: { userId: c.id } });
    expect(JSON.stringify(stored)).not.toContain(kode);
    const after = await t.db.prisma.outbox.findUniqueOrThrow({ where: { id: row!.id } });
    expect(after).toMatchObject({ status: "SENT", sendingAt: null });
    expect(after.providerMessageId).toMatch(/^wamid\./);
    expect(JSON.stringify(after.payload)).not.toContain(c.wa);

    const wrong = kode === "000000" ? "111111" : "000000";
    const w = await t.gql(VERIF, { kode: wrong }, { token: c.token });
    expect(w.data!.verifikasiTelepon).toMatchObject({ __typename: "ValidationError", code: "KODE_SALAH", field: "kode" });
    expect(w.data!.verifikasiTelepon.message).toContain("Sisa 4");
    expect((await t.gql(VERIF, { kode: "12ab" }, { token: c.token })).data!.verifikasiTelepon).toMatchObject({ code: "KODE_TIDAK_SAH" });
    const ok = await t.gql(VERIF, { kode }, { token: c.token });
    expect(ok.data!.verifikasiTelepon.data.teleponTerverifikasi).toBe(true);
    // used once
    expect((await t.gql(VERIF, { kode }, { token: c.token })).data!.verifikasiTelepon).toMatchObject({ code: "KODE_KEDALUWARSA" });

    // five wrong tries end a code, even with the right one after them
    await t.db.prisma.kodeTelepon.updateMany({ where: { userId: c.id }, data: { createdAt: new Date(Date.now() - 120_000) } });
    await t.gql(KIRIM, { k: "WHATSAPP" }, { token: c.token });
    await worker.runOnce();
    const kode2 = FakeCloudApi.code(lastWa())!;
    const wrong2 = kode2 === "000000" ? "111111" : "000000";
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await t.gql(VERIF, { kode: wrong2 }, { token: c.token })).data!.verifikasiTelepon.code);
    expect(answers).toEqual(["KODE_SALAH", "KODE_SALAH", "KODE_SALAH", "KODE_SALAH", "TERLALU_BANYAK_PERCOBAAN"]);
    expect((await t.gql(VERIF, { kode: kode2 }, { token: c.token })).data!.verifikasiTelepon).toMatchObject({ code: "TERLALU_BANYAK_PERCOBAAN" });

    // an expired code
    await t.db.prisma.kodeTelepon.updateMany({ where: { userId: c.id }, data: { createdAt: new Date(Date.now() - 120_000) } });
    await t.gql(KIRIM, { k: "WHATSAPP" }, { token: c.token });
    await worker.runOnce();
    const kode3 = FakeCloudApi.code(lastWa())!;
    await t.db.prisma.kodeTelepon.updateMany({ where: { userId: c.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect((await t.gql(VERIF, { kode: kode3 }, { token: c.token })).data!.verifikasiTelepon).toMatchObject({ code: "KODE_KEDALUWARSA" });

    // a changed number is no longer the verified one
    await t.db.prisma.user.update({ where: { id: c.id }, data: { telepon: "081300000001" } });
    const s = await t.gql(`{ pengaturanNotifikasi { teleponTerverifikasi } }`, {}, { token: c.token });
    expect(s.data!.pengaturanNotifikasi.teleponTerverifikasi).toBe(false);
  });
});

describe("notices of a complaint", () => {
  let ins: { id: string };
  let petugas: Awaited<ReturnType<typeof createStaff>>;
  let kategoriId: string;
  beforeAll(async () => {
    ins = await createInstansi(t);
    const admin = await createStaff(t, "ADMIN", ins.id);
    petugas = await createStaff(t, "PETUGAS", ins.id);
    const k = await t.gql(
      `mutation($i: ID!) { tambahKategoriPengaduan(instansiId: $i, nama: "Pelayanan petugas") { ... on TambahKategoriPengaduanSuccess { data { id } } } }`,
      { i: globalId("Instansi", ins.id) },
      { token: admin.token },
    );
    kategoriId = k.data!.tambahKategoriPengaduan.data.id;
  });
  const P = `fragment P on Pengaduan { id versi status }`;
  async function complaint(c: Citizen) {
    const r = await upload(
      t,
      `mutation($i: ID!, $k: ID!, $b: [File!]!) { buatPengaduan(instansiId: $i, kategoriId: $k, judul: "Antrean lama di loket 3", uraian: "Antrean pelayanan di loket 3 sangat lama, petugas tidak ada di tempat selama dua jam.", bukti: $b) { ... on BuatPengaduanSuccess { data { ...P } } ... on Error { code message } } } ${P}`,
      { i: globalId("Instansi", ins.id), k: kategoriId, b: [null] },
      { "b.0": { name: "antrean.png", content: PNG_1X1 } },
      { token: c.token },
    );
    return r.data!.buatPengaduan.data as { id: string; versi: number };
  }
  async function act(p: { id: string; versi: number }, aksi: string, pesan?: string) {
    const r = await t.gql(
      `mutation($id: ID!, $a: AksiPengaduan!, $v: Int!, $pesan: String) { ubahStatusPengaduan(id: $id, aksi: $a, versi: $v, pesan: $pesan) { ... on UbahStatusPengaduanSuccess { data { ...P } } ... on Error { code message } } } ${P}`,
      { id: p.id, a: aksi, v: p.versi, pesan },
      { token: petugas.token },
    );
    return r.data!.ubahStatusPengaduan.data as { id: string; versi: number };
  }
  const forUser = async (kind: string, userId: string) => (await outbox(kind)).filter((r) => (r.payload as { userId?: string }).userId === userId);

  it("a reply goes by WhatsApp as the template with the case link; inside the 24-hour window as text; BERHENTI stops it", async () => {
    const c = await citizen();
    await verify(c, "SMS");
    const on = await t.gql(ATUR, { j: "BALASAN_PENGADUAN", k: "WHATSAPP", a: true }, { token: c.token });
    expect(on.data!.aturKanalNotifikasi.data.pilihan).toContainEqual({ jenis: "BALASAN_PENGADUAN", kanal: "WHATSAPP", aktif: true });
    let p = await complaint(c);
    const before = wa.received.length;
    p = await act(p, "VERIFIKASI");
    expect(await forUser("WHATSAPP", c.id)).toHaveLength(1);
    expect((await worker.runOnce()).sent).toBe(1);
    expect(wa.received.length).toBe(before + 1);
    const tpl = lastWa().body;
    expect(tpl.template.name).toBe("loket_pemberitahuan");
    const params = tpl.template.components[0].parameters.map((x: { text: string }) => x.text);
    expect(params[0]).toMatch(/^Pengaduan .+: Diverifikasi/);
    const rawId = Buffer.from(p.id, "base64").toString("utf8").split(":")[1];
    expect(params[2]).toBe(`${t.config.publicUrl}/pengaduan/${rawId}`);
    expect(params[3]).toMatch(new RegExp(`^${t.config.publicUrl}/berhenti/`));
    for (const x of params) expect(x).not.toMatch(/[\n\t]| {4}/);

    // the webhook: the GET handshake, and only signed posts
    const hook = `http://127.0.0.1:${port}/kanal/whatsapp`;
    const hs = await fetch(`${hook}?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect([hs.status, await hs.text()]).toEqual([200, "1158201444"]);
    expect((await fetch(`${hook}?hub.mode=subscribe&hub.verify_token=salah&hub.challenge=1`)).status).toBe(403);
    expect((await postWebhook(hook, APP_SECRET, inboundText(c.wa, "BERHENTI"), "bukan-rahasia-aplikasi")).status).toBe(401);
    const unsigned = await fetch(hook, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(inboundText(c.wa, "BERHENTI")),
    });
    expect(unsigned.status).toBe(401);
    expect((await t.db.prisma.pilihanKanal.findFirstOrThrow({ where: { userId: c.id, jenis: "BALASAN_PENGADUAN", kanal: "WHATSAPP" } })).aktif).toBe(true);

    // a message from the person opens the 24-hour window: free-form text
    expect((await postWebhook(hook, APP_SECRET, inboundText(c.wa, "Terima kasih, saya tunggu"))).status).toBe(200);
    p = await act(p, "TINDAK_LANJUT", "Petugas loket 3 sudah ditegur.\nAntrean dipantau setiap jam.");
    expect((await worker.runOnce()).sent).toBe(1);
    const text = lastWa().body;
    expect(text.type).toBe("text");
    expect(text.text.body).toContain("Petugas loket 3 sudah ditegur.\nAntrean dipantau setiap jam.");
    expect(text.text.body).toContain(`${t.config.publicUrl}/pengaduan/${rawId}`);
    expect(text.text.body).toContain("BERHENTI");

    // "BERHENTI" stops WhatsApp; email stays
    expect((await postWebhook(hook, APP_SECRET, inboundText(c.wa, "berhenti"))).status).toBe(200);
    const emailsBefore = (await outbox("EMAIL")).length;
    const sends = wa.received.length;
    p = await act(p, "TINDAK_LANJUT", "Antrean sudah normal.");
    expect(await forUser("WHATSAPP", c.id)).toHaveLength(2);
    expect((await outbox("EMAIL")).length).toBe(emailsBefore + 1);
    await worker.runOnce();
    expect(wa.received.length).toBe(sends);

    // email can be stopped as well
    await t.gql(ATUR, { j: "BALASAN_PENGADUAN", k: "EMAIL", a: false }, { token: c.token });
    await act(p, "SELESAIKAN", "Selesai ditangani.");
    expect((await outbox("EMAIL")).length).toBe(emailsBefore + 1);
  });

  it("a row queued before a stop is not sent after it", async () => {
    const c = await citizen();
    await verify(c, "WHATSAPP");
    await t.gql(ATUR, { j: "BALASAN_PENGADUAN", k: "WHATSAPP", a: true }, { token: c.token });
    const p = await complaint(c);
    await act(p, "VERIFIKASI");
    await t.gql(`mutation { hentikanKanalNotifikasi(kanal: WHATSAPP) { pilihan { aktif } } }`, {}, { token: c.token });
    const sends = wa.received.length;
    await worker.runOnce();
    expect(wa.received.length).toBe(sends);
    const row = (await forUser("WHATSAPP", c.id)).at(-1);
    expect(row).toMatchObject({ status: "FAILED", lastError: "dihentikan oleh penerima sebelum terkirim" });
  });
});

describe("the Cloud API's answers", () => {
  let c: Citizen;
  beforeAll(async () => {
    c = await citizen();
    await verify(c, "WHATSAPP");
  });
  async function queue(): Promise<string> {
    const row = kanalRow(t.keys, "WHATSAPP", { to: c.telepon, userId: c.id, jenis: null, body: { tipe: "KODE", kode: "123456" } });
    await t.db.prisma.outbox.create({ data: row });
    return row.id;
  }
  const row = (id: string) => t.db.prisma.outbox.findUniqueOrThrow({ where: { id } });
  const due = (id: string) => t.db.prisma.outbox.update({ where: { id }, data: { nextAttemptAt: new Date() } });

  it("rate limits (130429, 80007 with HTTP 429 and Retry-After, 131056) are retried with backoff, then sent once", async () => {
    const id = await queue();
    wa.answer(
      { status: 400, body: graphError(130429, "(#130429) Rate limit hit", "OAuthException", "Cloud API message throughput has been reached.") },
      { status: 429, body: graphError(80007, "(#80007) Rate limit issues"), headers: { "retry-after": "30" } },
      { status: 400, body: graphError(131056, "(#131056) (Business Account, Consumer Account) pair rate limit hit") },
    );
    const start = wa.received.length;
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect(await row(id)).toMatchObject({ status: "PENDING", attempts: 1, sendingAt: null });
    expect((await row(id)).lastError).toContain("#130429");
    await due(id);
    await worker.runOnce();
    const r2 = await row(id);
    expect(r2.lastError).toContain("#80007");
    // Retry-After: 30 s
    expect(r2.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 25_000);
    await due(id);
    await worker.runOnce();
    expect((await row(id)).lastError).toContain("#131056");
    await due(id);
    expect((await worker.runOnce()).sent).toBe(1);
    expect(await row(id)).toMatchObject({ status: "SENT", attempts: 3 });
    expect(wa.received.length).toBe(start + 4);
    await worker.runOnce();
    expect(wa.received.length).toBe(start + 4);
  });

  it("a final refusal (131026, undeliverable) is FAILED at once and never sent again", async () => {
    const id = await queue();
    wa.answer({ status: 400, body: graphError(131026, "(#131026) Message Undeliverable") });
    const start = wa.received.length;
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect(await row(id)).toMatchObject({ status: "FAILED", sendingAt: null });
    await worker.runOnce();
    expect(wa.received.length).toBe(start + 1);
  });

  it("text refused outside the window on Meta's clock (131047) goes again as the template", async () => {
    await t.db.prisma.user.update({ where: { id: c.id }, data: { waMasukTerakhirAt: new Date() } });
    const id = await queue();
    wa.answer({ status: 400, body: graphError(131047, "(#131047) Re-engagement message") });
    const start = wa.received.length;
    expect((await worker.runOnce()).sent).toBe(1);
    expect(wa.received.slice(start).map((r) => r.body.type)).toEqual(["text", "template"]);
    expect(await row(id)).toMatchObject({ status: "SENT" });
    await t.db.prisma.user.update({ where: { id: c.id }, data: { waMasukTerakhirAt: null } });
  });

  it("the receiver down, then up: retried, then sent", async () => {
    const id = await queue();
    await wa.stop();
    // the client notices its kept-alive connection closed (else the next request may go out on it)
    await sleep(200);
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    expect((await row(id)).lastError).toContain("ECONNREFUSED");
    expect((await row(id)).sendingAt).toBeNull();
    await wa.start();
    await due(id);
    const start = wa.received.length;
    expect((await worker.runOnce()).sent).toBe(1);
    expect(wa.received.length).toBe(start + 1);
  });

  it("an answer that never came: not sent again while the status webhook may still confirm it; confirmed = never again", async () => {
    const id = await queue();
    wa.answer("drop");
    const start = wa.received.length;
    await worker.runOnce();
    const r = await row(id);
    expect(r.status).toBe("PENDING");
    expect(r.sendingAt).not.toBeNull();
    // claimable again at once, but held back until the window passes
    await due(id);
    await worker.runOnce();
    expect(wa.received.length).toBe(start + 1);
    const hook = `http://127.0.0.1:${port}/kanal/whatsapp`;
    expect((await postWebhook(hook, APP_SECRET, statusUpdate("wamid.HBgNNjI4MTIzNDU2Nzg5MA", id, c.wa, "delivered"))).status).toBe(200);
    expect(await row(id)).toMatchObject({ status: "SENT", providerMessageId: "wamid.HBgNNjI4MTIzNDU2Nzg5MA", sendingAt: null });
    await sleep(900);
    await worker.runOnce();
    expect(wa.received.length).toBe(start + 1);
  });

  it("an answer that never came and no word from the provider: sent again after the window, with the same reference", async () => {
    const id = await queue();
    wa.answer("drop");
    const start = wa.received.length;
    await worker.runOnce();
    await sleep(900);
    expect((await worker.runOnce()).sent).toBe(1);
    expect(wa.received.slice(start).map((r) => r.body.biz_opaque_callback_data)).toEqual([id, id]);
    expect(logs.join("\n")).toContain(`pesan ${id} had no word from the provider`);
  });
});

describe("the SMS gateway", () => {
  it("the body from SMS_GATEWAY_BODY with the key; 503 retried; 422 final; the stop link stops SMS", async () => {
    const c = await citizen();
    await verify(c, "SMS");
    const req = sms.received.at(-1)!;
    expect(req.headers.authorization).toBe(`Bearer ${sms.key}`);
    expect(req.body).toMatchObject({ to: c.wa });
    expect(req.body.message).toMatch(/^Kode verifikasi Loket: \d{6}\./);
    const ref = req.body.ref as string;
    expect((await t.db.prisma.outbox.findUniqueOrThrow({ where: { id: ref } })).providerMessageId).toBe(`sms-${sms.delivered.length}`);

    await t.gql(ATUR, { j: "TENGGAT_PPID", k: "SMS", a: true }, { token: c.token });
    const notice = kanalRow(t.keys, "SMS", {
      to: c.telepon,
      userId: c.id,
      jenis: "TENGGAT_PPID",
      body: {
        tipe: "PEMBERITAHUAN",
        judul: "PPID/2026/00001: Jangka waktu diperpanjang",
        isi: "Jawaban paling lambat 20 Desember 2026.",
        tautan: `${t.config.publicUrl}/informasi/x`,
        stop: `${t.config.publicUrl}/berhenti/TOKEN`,
      },
    });
    await t.db.prisma.outbox.create({ data: notice });
    sms.answer({ status: 503, body: { status: "error", message: "upstream operator unavailable" } });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    await t.db.prisma.outbox.update({ where: { id: notice.id }, data: { nextAttemptAt: new Date() } });
    expect((await worker.runOnce()).sent).toBe(1);
    expect(sms.delivered.at(-1)!.message).toContain("Jawaban paling lambat 20 Desember 2026.");

    const bad = kanalRow(t.keys, "SMS", { to: c.telepon, userId: c.id, jenis: null, body: { tipe: "KODE", kode: "654321" } });
    await t.db.prisma.outbox.create({ data: bad });
    sms.answer({ status: 422, body: { status: "error", message: "invalid destination" } });
    expect(await worker.runOnce()).toEqual({ sent: 0, failed: 1, retried: 0 });
    expect((await t.db.prisma.outbox.findUniqueOrThrow({ where: { id: bad.id } })).lastError).toBe("HTTP 422: invalid destination");

    // the stop link of a real notice (a PPID one queued by the service)
    const { penerima } = await import("../../server/modules/kanal/outbox");
    const rows = await penerima(t.db.prisma, { keys: t.keys, kanal: t.config.kanal, publicUrl: t.config.publicUrl }, c.id, "TENGGAT_PPID", {
      judul: "PPID/2026/00002: Dijawab",
      isi: "Permohonan Anda telah dijawab.",
      tautan: `${t.config.publicUrl}/informasi/y`,
    });
    expect(rows.rows.map((r) => r.kind)).toEqual(["SMS"]);
    await t.db.prisma.outbox.createMany({ data: rows.rows });
    await worker.runOnce();
    const link = /\/berhenti\/(\S+)/.exec(sms.delivered.at(-1)!.message)![1]!;
    expect((await t.gql(BERHENTI, { t: `${link}x` })).data!.berhentiKanalNotifikasi).toMatchObject({ code: "TAUTAN_TIDAK_SAH" });
    expect((await t.gql(BERHENTI, { t: link })).data!.berhentiKanalNotifikasi).toMatchObject({ data: "SMS" });
    const s = await t.gql(`{ pengaturanNotifikasi { pilihan { jenis kanal aktif } } }`, {}, { token: c.token });
    expect(s.data!.pengaturanNotifikasi.pilihan.filter((p: { kanal: string; aktif: boolean }) => p.kanal === "SMS" && p.aktif)).toEqual([]);
  });

  it("logs carry no phone numbers", () => {
    expect(logs.length).toBeGreaterThan(3);
    expect(logs.join("\n")).not.toMatch(/(?:62|0)8129\d{7}/);
  });
});

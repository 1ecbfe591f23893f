import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { GOOD_PASSWORD, activeCitizen, createInstansi, createStaff, createTestApp, globalId, makeNip, type TestApp } from "../helpers/app";
import { startReceiver } from "../helpers/api-client";
import { buildClient } from "./build-client";
import { Findings, LIVE, deskContext, hasChromium, launch, logIn, phoneContext, shot, menuLink } from "./e2e-kit";

/**
 * The admin pages in a real browser against the real API: an instansi ADMIN creates a staff account and changes
 * its role, registers an API client (its key shown once) and gives it a webhook; a real receiver on 127.0.0.1
 * refuses the first delivery, and the SUPERADMIN sends it again from the delivery log, reads the audit log and
 * picks an office on the staff desks; a citizen sees who looked at their data.
 */

const KATEGORI = `mutation ($i: ID!) { tambahKategoriPengaduan(instansiId: $i, nama: "Pelayanan petugas") { __typename ... on TambahKategoriPengaduanSuccess { data { id } } } }`;
const CATAT = `mutation ($i: ID!, $k: ID!) { catatPengaduan(instansiId: $i, kategoriId: $k, kanal: LANGSUNG, judul: "Antrean loket terlalu lama", uraian: "Antrean pelayanan di loket 3 sangat lama, petugas tidak ada di tempat selama dua jam.", namaPelapor: "Pak Slamet") { __typename ... on Error { code message } } }`;
const REVEAL = `query ($id: ID!) { node(id: $id) { ... on User { nomorIdentitas } } }`;
const CURRENT_CLIENT = `{ currentApiClient { nama scopes } }`;

const OFFICE = "Kantor Kementerian Agama Kabupaten Madiun";

describe.skipIf(!hasChromium)("the admin pages in the browser", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let adminCtx: BrowserContext;
  let superCtx: BrowserContext;
  let citizenCtx: BrowserContext;
  let admin: Page;
  let sa: Page;
  let citizenPage: Page;
  let adminUser: Awaited<ReturnType<typeof createStaff>>;
  let superUser: Awaited<ReturnType<typeof createStaff>>;
  let citizen: Awaited<ReturnType<typeof activeCitizen>>;
  let officeId = "";
  let kategoriId = "";
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let receiverUp = false;
  let token = "";
  const findings = new Findings();
  const clientName = "SP4N-LAPOR Kabupaten Madiun";
  const staffName = "Dewi Lestari";

  beforeAll(async () => {
    await buildClient();
    // the receiver runs on this machine: internal addresses are allowed for this test server only
    t = await createTestApp({ webhookAllowPrivate: true });
    const office = await t.db.prisma.instansi.create({
      data: {
        kode: "KMG-ADM",
        nama: OFFICE,
        jamLayanan: { create: [1, 2, 3, 4].map((hari) => ({ hari, buka: 480, tutup: 930 })).concat([{ hari: 5, buka: 480, tutup: 960 }]) },
      },
    });
    officeId = office.id;
    await createInstansi(t, "KEC-JGL");
    adminUser = await createStaff(t, "ADMIN", office.id);
    superUser = await createStaff(t, "SUPERADMIN", null);
    citizen = await activeCitizen(t);
    const k = await t.gql(KATEGORI, { i: globalId("Instansi", office.id) }, { token: adminUser.token });
    kategoriId = k.data!.tambahKategoriPengaduan.data.id;
    receiver = await startReceiver(0, () => (receiverUp ? 204 : 500));

    const port = await t.app.start(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;
    browser = await launch();
    adminCtx = await deskContext(browser);
    superCtx = await deskContext(browser);
    citizenCtx = await phoneContext(browser);
    await adminCtx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
    admin = findings.watch(await adminCtx.newPage(), "admin");
    sa = findings.watch(await superCtx.newPage(), "superadmin");
    citizenPage = findings.watch(await citizenCtx.newPage(), "citizen");
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await t?.close();
  });

  it("keeps the new admin pages out of the initial download", async () => {
    const html = fs.readFileSync(path.resolve("client/dist/index.html"), "utf8");
    const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    expect(initial.some((f) => /\/(users|api-clients|audit|akses-data)-/.test(f))).toBe(false);

    const scripts: string[] = [];
    admin.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    await logIn(admin, base, adminUser.nomorIdentitas, /\/admin\/aktivasi$/);
    expect(scripts.some((s) => /\/(users|api-clients|audit)-/.test(s))).toBe(false);
    // one "Admin" entry in the main menu; the admin pages in a menu of their own
    await admin.getByRole("navigation", { name: "Menu admin" }).getByRole("link", { name: "Pengguna dan peran" }).click();
    await admin.getByRole("heading", { name: "Pengguna dan peran" }).waitFor();
    expect(scripts.some((s) => /\/users-/.test(s))).toBe(true);
    // an ADMIN has no audit log in the menu; a SUPERADMIN does (below)
    expect(await admin.getByRole("navigation", { name: "Menu admin" }).getByRole("link", { name: "Log audit" }).count()).toBe(0);
  }, 120_000);

  it("an admin creates a staff account (the API's refusal shown at the field) and changes its role", async () => {
    await admin.getByText(/\d+ akun\./).waitFor();
    await shot(admin, "admin-pengguna");
    await findings.audit(admin, "/admin/pengguna");

    await admin.getByRole("button", { name: "Tambah akun staf" }).click();
    const form = admin.getByRole("form", { name: "Tambah akun staf" });
    // the admin's own NIP: the API refuses it, and says so next to the NIP
    await form.getByLabel("NIP", { exact: true }).fill(adminUser.nomorIdentitas);
    await form.getByLabel("Nama lengkap").fill(staffName);
    await form.getByLabel("Email").fill(`dewi${Date.now()}@contoh.go.id`);
    await form.getByLabel("Nomor telepon / WhatsApp").fill("081234567001");
    await form.getByLabel("Peran", { exact: true }).selectOption("PETUGAS");
    await form.getByRole("button", { name: "Buatkan kata sandi" }).click();
    await form.getByRole("button", { name: "Buat akun staf" }).click();
    const nip = form.getByLabel("NIP", { exact: true });
    await form.getByText("NIP ini sudah terdaftar.").waitFor();
    expect(await nip.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await nip.getAttribute("aria-describedby"))!.split(" ");
    expect(await admin.locator(`[id="${describedBy.at(-1)}"]`).textContent()).toContain("NIP ini sudah terdaftar.");
    await shot(admin, "admin-pengguna-galat");
    await findings.audit(admin, "/admin/pengguna (formulir dengan galat)");

    const newNip = makeNip();
    await nip.fill(newNip);
    await form.getByLabel("Kata sandi awal").fill(GOOD_PASSWORD);
    await form.getByRole("button", { name: "Buat akun staf" }).click();
    await admin.getByText(`Akun ${staffName} (Petugas) telah dibuat dan langsung aktif.`).waitFor();
    const created = await t.db.prisma.user.findFirstOrThrow({ where: { namaLengkap: staffName } });
    expect(created).toMatchObject({ role: "PETUGAS", status: "AKTIF", instansiId: officeId });

    const card = admin.locator("li.card", { has: admin.getByRole("heading", { name: staffName }) });
    await card.getByRole("button", { name: `Ubah peran ${staffName}` }).click();
    await card.getByLabel(`Peran baru untuk ${staffName}`).selectOption("PPID");
    await shot(admin, "admin-pengguna-ubah-peran");
    await findings.audit(admin, "/admin/pengguna (ubah peran)");
    await card.getByRole("button", { name: "Simpan peran" }).click();
    await admin.getByText(`Peran ${staffName} sekarang PPID di ${OFFICE}.`).waitFor();
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: created.id } })).role).toBe("PPID");
    // the new account logs in with the NIP and the initial password
    await expect(
      t.gql(`mutation ($n: String!, $p: String!) { login(nomorIdentitas: $n, password: $p) { __typename } }`, { n: newNip, p: GOOD_PASSWORD }),
    ).resolves.toMatchObject({
      data: { login: { __typename: "LoginSuccess" } },
    });
  }, 120_000);

  it("an admin registers an API client, sees its key once with a copy button, and gives it a webhook", async () => {
    await admin.getByRole("navigation", { name: "Menu admin" }).getByRole("link", { name: "Klien API" }).click();
    await admin.getByRole("heading", { name: "Klien API", exact: true }).waitFor();
    await admin.getByText("Belum ada klien API.").waitFor();
    await admin.getByRole("button", { name: "Daftarkan klien API" }).click();
    const form = admin.getByRole("form", { name: "Daftarkan klien API" });
    // nothing chosen: the form says what is missing, at each field
    await form.getByRole("button", { name: "Daftarkan dan tampilkan token" }).click();
    const noScope = "Pilih paling sedikit satu hal yang boleh dilakukan sistem ini.";
    await form.locator(".field__error", { hasText: noScope }).waitFor();
    // and in the error summary at the top, as a link to the field
    await form
      .getByRole("group", { name: /Ada masalah/ })
      .getByRole("link", { name: noScope })
      .waitFor();
    await form.getByLabel("Nama sistem").fill(clientName);
    await form.getByLabel("Penanggung jawab di sistem itu").fill("Budi Santoso, integrasi@madiunkab.go.id, 081234567002");
    await form.getByRole("checkbox", { name: /Menerima pemberitahuan otomatis/ }).check();
    await form.getByRole("checkbox", { name: /Membaca statistik/ }).check();
    const nextYear = new Date(Date.now() + 365 * 24 * 3600_000).toISOString().slice(0, 10);
    await form.getByLabel(/Berlaku sampai/).fill(nextYear);
    await shot(admin, "admin-klien-api-daftar");
    await findings.audit(admin, "/admin/klien-api (formulir)");
    await form.getByRole("button", { name: "Daftarkan dan tampilkan token" }).click();

    const key = admin.getByLabel("Token klien API");
    await key.waitFor();
    token = await key.inputValue();
    expect(token).toMatch(/^lkc_[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    await admin.getByText("Simpan sekarang.").first().waitFor();
    await admin.getByRole("button", { name: /^Salin token klien api/i }).click();
    await admin.getByText("Tersalin ke papan klip.").waitFor();
    expect(await admin.evaluate(() => navigator.clipboard.readText())).toBe(token);
    // the key works: the other system is who it says
    expect((await t.gql(CURRENT_CLIENT, {}, { token })).data!.currentApiClient).toEqual({ nama: clientName, scopes: ["BACA_STATISTIK", "TERIMA_WEBHOOK"] });
    await shot(admin, "admin-klien-api-token");
    await findings.audit(admin, "/admin/klien-api (token sekali tampil)");

    // webhooks are the client's own: with its key still in hand, the admin subscribes the receiver
    const card = admin.locator("li.card", { has: admin.getByRole("heading", { name: clientName }) });
    await card.getByRole("button", { name: /Webhook dan log pengiriman/ }).click();
    const hook = card.getByRole("form", { name: "Tambah webhook" });
    await hook.getByLabel("Alamat penerima").fill("https://pengguna:rahasia@lapor.contoh.go.id/hook");
    await hook.getByRole("checkbox", { name: /Pengaduan diterima/ }).check();
    await hook.getByRole("button", { name: "Tambah webhook" }).click();
    // the API's refusal of the address, next to the address
    await hook
      .locator(".field--error", { has: admin.getByLabel("Alamat penerima") })
      .getByText(/Alamat webhook/)
      .waitFor();
    await hook.getByLabel("Alamat penerima").fill(receiver.url);
    await hook.getByRole("button", { name: "Tambah webhook" }).click();
    const signing = card.getByLabel("Kunci tanda tangan webhook");
    await signing.waitFor();
    expect(await signing.inputValue()).toMatch(/^whsec_/);
    await card.getByText(receiver.url, { exact: true }).waitFor();
    await shot(admin, "admin-klien-api-webhook");
    await findings.audit(admin, "/admin/klien-api (webhook)");
    const sub = await t.db.prisma.webhookSubscription.findFirstOrThrow();
    expect(sub).toMatchObject({ url: receiver.url, events: ["PENGAJUAN_STATUS", "PENGADUAN_DITERIMA"], aktif: true });

    // both secrets put away: neither is on the page any more, nor after a reload
    const putAway = card.getByRole("button", { name: "Saya sudah menyimpannya" });
    while ((await putAway.count()) > 0) await putAway.first().click();
    expect(await admin.content()).not.toContain(token.split(".")[1]);
    await admin.reload();
    await admin.getByRole("heading", { name: clientName }).waitFor();
    expect(await admin.content()).not.toContain(token.split(".")[1]);
    // without the key, an ADMIN is asked for it to see the client's webhooks
    await card.getByRole("button", { name: /Webhook dan log pengiriman/ }).click();
    await card.getByLabel("Token klien", { exact: true }).waitFor();
    await shot(admin, "admin-klien-api-terkunci");
    await findings.audit(admin, "/admin/klien-api (webhook tanpa token)");
  }, 120_000);

  it("a refused delivery shows in the SUPERADMIN's delivery log with its status, and is sent again from there", async () => {
    // an event for the subscription: a complaint recorded at the desk
    const recorded = await t.gql(CATAT, { i: globalId("Instansi", officeId), k: kategoriId }, { token: adminUser.token });
    expect(recorded.data!.catatPengaduan.__typename).toBe("CatatPengaduanSuccess");
    for (let i = 0; i < 100 && receiver.received.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(receiver.received.length).toBeGreaterThan(0);

    await logIn(sa, base, superUser.nomorIdentitas, /\/admin\/aktivasi$/);
    await sa.getByRole("navigation", { name: "Menu admin" }).getByRole("link", { name: "Klien API" }).click();
    const card = sa.locator("li.card", { has: sa.getByRole("heading", { name: clientName }) });
    await card.getByText(OFFICE).waitFor();
    await card.getByRole("button", { name: /Webhook dan log pengiriman/ }).click();
    await card.getByText(receiver.url, { exact: true }).first().waitFor();
    const delivery = card.locator(".delivery", { hasText: "Pengaduan diterima" });
    await delivery.getByText(/Gagal \d+× — jawaban terakhir: HTTP 500/).waitFor({ timeout: LIVE });
    await shot(sa, "superadmin-klien-api-log");
    await findings.audit(sa, "/admin/klien-api (log pengiriman)");

    receiverUp = true;
    await delivery.getByRole("button", { name: /Kirim ulang/ }).click();
    await delivery.locator(".badge", { hasText: "Terkirim" }).waitFor({ timeout: LIVE });
    await delivery.getByText(/Diterima penerima/).waitFor();
    const sent = receiver.received.at(-1)!;
    expect(JSON.parse(sent.body)).toMatchObject({ event: "PENGADUAN_DITERIMA" });
    await shot(sa, "superadmin-klien-api-terkirim", false);
  }, 120_000);

  it("the SUPERADMIN reads the audit log, filters it, and follows an actor", async () => {
    // a read of the citizen's full NIK by the admin: personal data, logged
    const revealed = await t.gql(REVEAL, { id: citizen.globalId }, { token: adminUser.token });
    expect(revealed.data!.node.nomorIdentitas).toBe(citizen.nik);

    await sa.getByRole("navigation", { name: "Menu admin" }).getByRole("link", { name: "Log audit" }).click();
    await sa.getByRole("heading", { name: "Log audit" }).waitFor();
    const entry = sa.locator("li.audit", { hasText: "Membuat akun staf" }).filter({ hasText: "Berhasil" }).first();
    await entry.getByText("Staf ADMIN (Admin instansi)").waitFor();
    await shot(sa, "superadmin-audit");
    await findings.audit(sa, "/admin/audit");

    await sa.getByLabel("Jenis catatan").selectOption("BACA_DATA_PRIBADI");
    await sa.getByRole("button", { name: "Terapkan saringan" }).click();
    await sa.waitForURL(/jenis=BACA_DATA_PRIBADI/);
    await sa.locator("li.audit", { hasText: "Melihat NIK/NIP lengkap" }).first().waitFor();
    expect(await sa.locator("li.audit", { hasText: "Perubahan" }).count()).toBe(0);

    // an id that is not one: said at the field, nothing sent
    await sa.getByLabel("Pelaku (ID akun)").fill("bukan-id");
    await sa.getByRole("button", { name: "Terapkan saringan" }).click();
    await sa.getByText(/ID akun berupa 36 karakter/).waitFor();

    await sa.goto(`${base}/admin/audit?aktor=${adminUser.id}`);
    await sa.getByText("Menampilkan: tindakan oleh Staf ADMIN. Terbaru di atas.").waitFor();
    await sa.locator("li.audit", { hasText: "Mengubah peran" }).first().waitFor();
    await shot(sa, "superadmin-audit-pelaku", false);
  }, 120_000);

  it("a SUPERADMIN picks an office on the queue, the complaint desk and the PPID desk instead of getting an error", async () => {
    await sa.goto(`${base}/petugas/antrian`);
    await sa.getByRole("heading", { name: "Antrian pengajuan" }).waitFor();
    const picker = sa.getByLabel("Instansi yang ditampilkan");
    await picker.selectOption({ label: OFFICE });
    await sa.getByText(/^\d+ pengajuan$/).waitFor();
    expect(await sa.locator(".alert--error").count()).toBe(0);
    expect(sa.url()).toContain(`instansi=${officeId}`);
    await shot(sa, "superadmin-antrian");
    await findings.audit(sa, "/petugas/antrian (superadmin)");

    // the choice carries over to the complaint desk, where the recorded complaint is
    await (await menuLink(sa, "Pengaduan")).click();
    await sa.getByRole("heading", { name: "Meja pengaduan" }).waitFor();
    expect(await sa.getByLabel("Instansi yang ditampilkan").inputValue()).toBe(globalId("Instansi", officeId));
    await sa.getByRole("link", { name: "Antrean loket terlalu lama" }).waitFor();
    await shot(sa, "superadmin-meja-pengaduan");
    await findings.audit(sa, "/petugas/pengaduan (superadmin)");

    await (await menuLink(sa, "Meja PPID")).click();
    await sa.getByRole("heading", { name: "Meja PPID" }).waitFor();
    await sa.getByLabel("Instansi yang ditampilkan").waitFor();
    await sa.waitForLoadState("networkidle");
    expect(await sa.locator(".alert--error").count()).toBe(0);
    await shot(sa, "superadmin-ppid", false);

    // staff of one office get no selector
    await admin.goto(`${base}/petugas/antrian`);
    await admin.getByText(/^\d+ pengajuan$/).waitFor();
    expect(await admin.getByLabel("Instansi yang ditampilkan").count()).toBe(0);
  }, 120_000);

  it("a citizen opens “Siapa melihat data saya” from the profile page", async () => {
    await logIn(citizenPage, base, citizen.nik, /\/pengajuan$/, citizen.password);
    await (await menuLink(citizenPage, "Profil")).click();
    await citizenPage.getByRole("link", { name: "Siapa melihat data saya" }).click();
    await citizenPage.getByRole("heading", { name: "Siapa melihat data saya" }).waitFor();
    const row = citizenPage.locator("li.akses", { hasText: "Melihat NIK/NIP Anda secara lengkap (administrasi akun)" });
    await row.getByText("Admin instansi").waitFor();
    await shot(citizenPage, "akses-data");
    await findings.audit(citizenPage, "/profil/akses-data");
    // the citizen has no admin menu, and the audit log is refused
    await citizenPage.goto(`${base}/admin/audit`);
    await citizenPage.getByText("Log audit hanya dapat dibuka superadmin.").waitFor();
    await findings.audit(citizenPage, "/admin/audit (warga)");
  }, 120_000);

  it("has no serious accessibility problems on these pages, and raised no script errors", () => {
    expect(findings.axe).toEqual([]);
    expect(findings.problems).toEqual([]);
  });
});

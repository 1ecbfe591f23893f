import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import axe from "axe-core";
import { GOOD_PASSWORD, PNG_1X1, createStaff, createTestApp, login, makeNik, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { menuLink } from "./e2e-kit";

/**
 * The web client in a real browser against a real server: the built client (client/dist) served by the API's
 * own HTTP server, the API on an in-process test database, Chromium driven by playwright-core.
 */

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Skipping the browser tests: ${CHROMIUM} does not exist (install it with \`apt-get install -y chromium\`).`);

const SCREENSHOTS = path.resolve("test-artifacts/screenshots");
const VIEWPORTS = [
  { name: "390x844", width: 390, height: 844 },
  { name: "1280x800", width: 1280, height: 800 },
] as const;

const USERS = /* GraphQL */ `
  query ($filter: UserFilter) { users(filter: $filter, first: 50) { edges { node { id namaLengkap } } } }
`;
const ACTIVATE = /* GraphQL */ `
  mutation ($id: ID!) { activateAccount(userId: $id) { __typename ... on Error { code message } } }
`;
const UPDATE_NAME = /* GraphQL */ `
  mutation ($nama: String!) { updateProfile(namaLengkap: $nama) { __typename } }
`;

describe.skipIf(!hasChromium)("the web client in Chromium", () => {
  let t: TestApp;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  let userDataDir: string;
  let admin: Awaited<ReturnType<typeof createStaff>>;
  const problems: string[] = [];

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    const office = await t.db.prisma.instansi.create({
      data: {
        kode: "KMG-UJI",
        nama: "Kantor Kementerian Agama Kabupaten Madiun",
        alamat: "Jl. Panglima Sudirman No. 5, Mejayan",
        telepon: "082245552687",
        email: "layanan@contoh.go.id",
        jamLayanan: {
          create: [1, 2, 3, 4].map((hari) => ({ hari, buka: 480, tutup: 930 })).concat([{ hari: 5, buka: 480, tutup: 960 }]),
        },
      },
    });
    admin = await createStaff(t, "ADMIN", office.id);
    const port = await t.app.start(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;

    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-chromium-"));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 390, height: 844 },
      locale: "id-ID",
      timezoneId: "Asia/Jakarta",
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/Failed to load resource|ERR_INTERNET_DISCONNECTED|WebSocket connection/.test(m.text()))
        problems.push(`console: ${m.text()}`);
    });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    await t?.close();
  });

  async function screenshot(name: string, viewport: (typeof VIEWPORTS)[number]) {
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${viewport.name}.png`), fullPage: true });
  }

  async function seriousViolations(): Promise<string[]> {
    await page.evaluate(axe.source);
    const results = (await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] }),
    )) as axe.AxeResults;
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  }

  it("serves the client from the API's origin, with SPA fallback and immutable assets", async () => {
    const html = await fetch(`${base}/daftar`);
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(html.headers.get("cache-control")).toBe("no-cache");
    const script = (await html.text()).match(/src="(\/assets\/[^"]+\.js)"/)![1]!;
    const asset = await fetch(`${base}${script}`);
    expect(asset.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await fetch(`${base}/assets/tidak-ada.js`)).status).toBe(404);
    // paths the server answers itself never turn into the client's page
    const download = await fetch(`${base}/unduh/template/00000000-0000-4000-8000-000000000000`);
    expect(download.headers.get("content-type") ?? "").not.toMatch(/text\/html/);
    expect(download.status).toBeGreaterThanOrEqual(400);
    const api = await fetch(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ legalVersions { syaratKetentuan } }" }),
    });
    expect((await api.json()).data.legalVersions.syaratKetentuan).toBe(t.config.termsVersion);
  });

  it("has no serious accessibility problems on the home, login and registration pages, on a phone and a desktop", async () => {
    const found: string[] = [];
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      for (const [route, name, ready] of [
        ["/", "beranda", "Kantor Kementerian Agama Kabupaten Madiun"],
        ["/masuk", "masuk", "Masuk dengan NIK atau NIP"],
        ["/daftar", "daftar", "versi 2026-11"],
        ["/kebijakan-privasi", "kebijakan-privasi", "Versi 2026-11"],
      ] as const) {
        await page.goto(base + route);
        await page.getByText(ready).first().waitFor();
        await screenshot(name, viewport);
        if (name !== "kebijakan-privasi") found.push(...(await seriousViolations()).map((v) => `${route} @${viewport.name}: ${v}`));
      }
    }
    expect(found).toEqual([]);
    // the office's hours and whether it is open now come from instansiList
    await page.goto(base + "/");
    await page.getByRole("row", { name: /Senin – Kamis 08\.00–15\.30 WIB/ }).waitFor();
    await page
      .getByText(/^(Buka sekarang|Sedang tutup)$/)
      .first()
      .waitFor();
  }, 120_000);

  it("shows the API's message next to the action when a login is refused", async () => {
    await page.setViewportSize(VIEWPORTS[0]);
    await page.goto(base + "/masuk");
    await page.getByLabel("NIK atau NIP").fill(admin.nomorIdentitas);
    await page.getByLabel("Kata sandi", { exact: true }).fill("bukan-kata-sandinya");
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await expect(page.getByRole("alert").textContent({ timeout: 10_000 })).resolves.toMatch(/NIK\/NIP atau kata sandi salah/);
    await screenshot("masuk-gagal", VIEWPORTS[0]);
  }, 60_000);

  it("a citizen registers, waits, and sees the activation live without reloading; the page re-queries after going offline", async () => {
    const nik = makeNik();
    // names are letters only: make it unique with letters
    const nama = `Siti Aminah ${[...String(Date.now() % 100000)]
      .map((d) => "abcdefghij"[Number(d)])
      .join("")
      .replace(/^./, (c) => c.toUpperCase())}`;
    await page.setViewportSize(VIEWPORTS[0]);
    await page.goto(base + "/daftar");
    await page.getByText("versi 2026-11").first().waitFor();

    // the NIK is checked while typing, with the API's own rules
    const nikField = page.getByLabel("NIK", { exact: true });
    await nikField.fill("9919011708900001");
    await page.getByText(/Kode provinsi pada NIK/).waitFor();
    await nikField.fill(nik);
    await page.getByText(/Format NIK benar/).waitFor();

    await page.getByLabel("Nama lengkap").fill(nama);
    await page.getByLabel("Email").fill(`siti${Date.now()}@contoh.id`);
    await page.getByLabel("Nomor telepon / WhatsApp").fill("081234567890");
    await page.getByLabel("Foto KTP", { exact: true }).setInputFiles({ name: "ktp.png", mimeType: "image/png", buffer: PNG_1X1 });
    await page.getByLabel("Kata sandi", { exact: true }).fill(GOOD_PASSWORD);
    await page.getByRole("checkbox", { name: /Syarat dan Ketentuan/ }).check();
    await page.getByRole("checkbox", { name: /Kebijakan Privasi/ }).check();
    await screenshot("daftar-terisi", VIEWPORTS[0]);
    await page.getByRole("button", { name: "Daftar", exact: true }).click();

    await page.waitForURL(/\/status-akun$/);
    const status = page.locator(".status-card__now");
    await status.getByText("Menunggu aktivasi").waitFor({ timeout: 10_000 });
    await page.getByText("Diperbarui langsung").waitFor({ timeout: 10_000 });
    await screenshot("status-menunggu", VIEWPORTS[0]);

    // a marker on the window: it would be gone after a reload
    await page.evaluate(() => ((window as unknown as { __tanpaMuatUlang: boolean }).__tanpaMuatUlang = true));

    const pending = await t.gql(USERS, { filter: { status: "MENUNGGU_AKTIVASI", search: nama } }, { token: admin.token });
    const userId = pending.data!.users.edges[0].node.id as string;
    const activated = await t.gql(ACTIVATE, { id: userId }, { token: admin.token });
    expect(activated.data!.activateAccount.__typename).toBe("ActivateAccountSuccess");

    await status.getByText("Aktif", { exact: true }).waitFor({ timeout: 10_000 });
    await page.getByText("Akun Anda sudah aktif.").waitFor();
    // the notification arrived live as well
    await page.getByRole("button", { name: /Notifikasi, 1 belum dibaca/ }).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { __tanpaMuatUlang?: boolean }).__tanpaMuatUlang)).toBe(true);
    await screenshot("status-aktif", VIEWPORTS[0]);
    expect(await seriousViolations()).toEqual([]);
    await page.setViewportSize(VIEWPORTS[1]);
    await screenshot("status-aktif", VIEWPORTS[1]);
    await page.setViewportSize(VIEWPORTS[0]);

    // offline: a banner; back online: what is on screen is fetched again
    await context.setOffline(true);
    await page.getByText("Tidak tersambung.").waitFor({ timeout: 10_000 });
    await screenshot("offline", VIEWPORTS[0]);
    const token = await login(t, nik, GOOD_PASSWORD);
    const renamed = `${nama} Rahayu`;
    expect((await t.gql(UPDATE_NAME, { nama: renamed }, { token })).data!.updateProfile.__typename).toBe("UpdateProfileSuccess");
    // "Tersambung kembali" follows only a loss the person saw for a few seconds (ConnectionNotice)
    await page.waitForTimeout(3000);
    await context.setOffline(false);
    await page.getByText("Tersambung kembali").waitFor({ timeout: 15_000 });
    await page.getByText(`Status akun ${renamed}`).waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => (window as unknown as { __tanpaMuatUlang?: boolean }).__tanpaMuatUlang)).toBe(true);

    // the bell lists it
    await page.getByRole("button", { name: /Notifikasi/ }).click();
    const item = page.getByRole("button", { name: /Belum dibaca: Akun Anda telah aktif/ });
    await item.waitFor();
    await screenshot("notifikasi", VIEWPORTS[0]);
    // reading it clears the count
    await item.click();
    await page.getByRole("button", { name: "Notifikasi", exact: true }).waitFor({ timeout: 10_000 });
  }, 120_000);

  it("the citizen's profile shows their data, offers it as JSON, and logs out", async () => {
    for (const viewport of [...VIEWPORTS].reverse()) {
      await page.setViewportSize(viewport);
      await page.goto(base + "/profil");
      await page.getByRole("heading", { name: "Data kontak" }).waitFor();
      await page.getByRole("button", { name: /Tampilkan data saya/ }).click();
      await page.getByLabel("Data saya dalam format JSON").waitFor();
      expect(await page.getByLabel("Data saya dalam format JSON").textContent()).toContain("Siti Aminah");
      await screenshot("profil", viewport);
      expect(await seriousViolations()).toEqual([]);
    }
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Unduh (JSON)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^data-saya-loket-\d{4}-\d{2}-\d{2}\.json$/);

    await page.getByRole("button", { name: "Keluar", exact: true }).click();
    await page.getByText("Anda telah keluar.").waitFor({ timeout: 10_000 });
    await (await menuLink(page, "Masuk")).waitFor();
    expect((await context.cookies()).some((c) => c.name === "loket_session" && c.value)).toBe(false);
  }, 60_000);

  it("an admin sees pending registrations (admin pages load on demand)", async () => {
    const scripts: string[] = [];
    page.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    await context.clearCookies();
    await page.setViewportSize(VIEWPORTS[1]);
    await page.goto(base + "/masuk");
    expect(scripts.some((s) => /activation|calendar/.test(s))).toBe(false);
    await page.getByLabel("NIK atau NIP").fill(admin.nomorIdentitas);
    await page.getByLabel("Kata sandi", { exact: true }).fill(GOOD_PASSWORD);
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.waitForURL(/\/admin\/aktivasi$/, { timeout: 15_000 });
    await page.getByRole("heading", { name: "Aktivasi akun" }).waitFor();
    await page.getByText(/akun menunggu aktivasi/).waitFor({ timeout: 10_000 });
    expect(scripts.some((s) => /activation/.test(s))).toBe(true);
    await screenshot("admin-aktivasi", VIEWPORTS[1]);
    expect(await seriousViolations()).toEqual([]);
    await page.goto(base + "/admin/kalender");
    await page.getByText("Hari libur nasional dan cuti bersama", { exact: false }).first().waitFor({ timeout: 10_000 });
    await page.getByText("Simpan jam layanan").waitFor();
    await screenshot("admin-kalender", VIEWPORTS[1]);
    expect(await seriousViolations()).toEqual([]);
  }, 60_000);

  it("raised no script errors or blocked resources (CSP) along the way", () => {
    expect(problems).toEqual([]);
  });
});

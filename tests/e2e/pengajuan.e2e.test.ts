import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from "playwright-core";
import axe from "axe-core";
import { GOOD_PASSWORD, PNG_1X1, createStaff, createTestApp, globalId, makeNik, serviceFixture, tinyPdf, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { parseEmailPayload } from "../../server/modules/mail/outbox";
import { menuLink } from "./e2e-kit";

/**
 * A service request and a complaint from start to finish in a real browser, against the real API: a citizen on a
 * phone and an officer at a desk, in two browser contexts, each seeing the other's actions live.
 */

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = fs.existsSync(CHROMIUM);
const SCREENSHOTS = path.resolve("test-artifacts/screenshots");
const PHONE = { name: "390x844", width: 390, height: 844 } as const;
const DESK = { name: "1280x800", width: 1280, height: 800 } as const;
const INITIAL_JS_BUDGET = 250 * 1024;

const FLOWCHART =
  "graph TD\n  A[Pemohon mengunggah berkas] --> B{Berkas lengkap?}\n  B -->|Ya| C[Petugas memproses]\n  B -->|Tidak| D[Pemohon memperbaiki]\n  D --> A\n  C --> E[Surat rekomendasi terbit]";

const USERS = `query ($filter: UserFilter) { users(filter: $filter, first: 5) { edges { node { id } } } }`;
const ACTIVATE = `mutation ($id: ID!) { activateAccount(userId: $id) { __typename } }`;
const UPDATE_LAYANAN = `mutation ($id: ID!, $input: LayananInput) { updateLayanan(id: $id, input: $input) { __typename ... on Error { code message } } }`;
const KATEGORI = `mutation ($i: ID!) { tambahKategoriPengaduan(instansiId: $i, nama: "Pelayanan petugas") { __typename } }`;

type Marked = Window & { __tanpaMuatUlang?: boolean };

/**
 * A message shown beside its field (the field's `.field__error`) and, since the form has two or more wrong fields,
 * as a link "<Label>: <message>" in the "Ada masalah" summary at its top.
 */
async function inFieldAndSummary(scope: Page | Locator, message: string | RegExp) {
  await scope.locator(".field__error", { hasText: message }).waitFor();
  await scope
    .getByRole("group", { name: /Ada masalah/ })
    .getByRole("link", { name: message })
    .waitFor();
}

describe.skipIf(!hasChromium)("a service request and a complaint in the browser", () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let base: string;
  let browser: Browser;
  let citizenCtx: BrowserContext;
  let officerCtx: BrowserContext;
  let citizen: Page;
  let officer: Page;
  const problems: string[] = [];
  const axeFindings: string[] = [];
  const nik = makeNik(true);
  const email = `rina${Date.now()}@contoh.id`;
  const resultPdf = tinyPdf("surat rekomendasi dispensasi menikah");
  let layananUuid = "";
  let nomor = "";
  let kodeVerifikasi = "";
  /** the result as the citizen downloaded it (stamped) */
  let delivered = Buffer.alloc(0);
  let kodeLacak = "";
  let pengajuanUrl = "";

  function watch(page: Page, who: string) {
    page.on("pageerror", (e) => problems.push(`${who} page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/Failed to load resource|ERR_INTERNET_DISCONNECTED|WebSocket connection|net::ERR/.test(m.text()))
        problems.push(`${who} console: ${m.text()}`);
    });
  }

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    fx = await serviceFixture(t);
    layananUuid = Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!;
    const upd = await t.gql(
      UPDATE_LAYANAN,
      {
        id: fx.layanan.id,
        input: {
          prosedurFlowchart: FLOWCHART,
          deskripsi: "Rekomendasi bagi calon pengantin di bawah umur.",
          produkLayanan: "Surat Rekomendasi Dispensasi Menikah",
          biaya: 0,
        },
      },
      { token: fx.admin.token },
    );
    expect(upd.data!.updateLayanan.__typename).toBe("UpdateLayananSuccess");
    expect((await t.gql(KATEGORI, { i: globalId("Instansi", fx.instansi.id) }, { token: fx.admin.token })).data!.tambahKategoriPengaduan.__typename).toBe(
      "TambahKategoriPengaduanSuccess",
    );
    const port = await t.app.start(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({
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
    });
    const common = { locale: "id-ID", timezoneId: "Asia/Jakarta", acceptDownloads: true } as const;
    citizenCtx = await browser.newContext({ ...common, viewport: PHONE, isMobile: true, hasTouch: true });
    officerCtx = await browser.newContext({ ...common, viewport: DESK });
    citizen = await citizenCtx.newPage();
    officer = await officerCtx.newPage();
    watch(citizen, "citizen");
    watch(officer, "officer");
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function shot(page: Page, name: string, both = true) {
    const current = page.viewportSize()!;
    const sizes = both ? [PHONE, DESK] : [current.width === DESK.width ? DESK : PHONE];
    for (const v of sizes) {
      if (page.viewportSize()!.width !== v.width) await page.setViewportSize(v);
      await page.waitForTimeout(150);
      await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${v.name}.png`), fullPage: true });
    }
    if (page.viewportSize()!.width !== current.width) await page.setViewportSize(current);
  }

  async function audit(page: Page, label: string) {
    await page.evaluate(axe.source);
    const results = (await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] }),
    )) as axe.AxeResults;
    for (const v of results.violations) {
      if (v.impact === "serious" || v.impact === "critical")
        axeFindings.push(`${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
  }

  /** The path and query of the link in the newest email to `to` that contains `pathPrefix`. */
  async function linkFromOutbox(to: string, pathPrefix: string): Promise<string> {
    for (let i = 0; i < 50; i++) {
      const rows = await t.db.prisma.outbox.findMany({ orderBy: { createdAt: "desc" } });
      for (const r of rows) {
        // a one-time link is queued sealed (encrypted): open it with the app's keys
        const text = JSON.stringify(parseEmailPayload(r.payload, r.id, t.keys) ?? r.payload);
        if (!text.includes(to)) continue;
        const m = new RegExp(`${pathPrefix.replace(/[?.]/g, "\\$&")}[A-Za-z0-9_-]+`).exec(text);
        if (m) return m[0];
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no email to ${to} with ${pathPrefix}`);
  }

  const marker = (page: Page) => page.evaluate(() => (window as Marked).__tanpaMuatUlang === true);
  const badge = (page: Page, text: string) => page.locator(".status-card .badge", { hasText: text }).first().waitFor({ timeout: 15_000 });

  it("keeps the initial JavaScript within budget; mermaid is not part of it", () => {
    const html = fs.readFileSync(path.resolve("client/dist/index.html"), "utf8");
    const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const gzip = files.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.resolve(`client/dist${f}`)), { level: 9 }).length, 0);
    console.info(`initial JS: ${files.length} files, ${(gzip / 1024).toFixed(1)} kB gzip`);
    expect(gzip).toBeLessThanOrEqual(INITIAL_JS_BUDGET);
    const initialText = files.map((f) => fs.readFileSync(path.resolve(`client/dist${f}`), "utf8")).join("\n");
    expect(initialText).not.toMatch(/flowchart-v2|dagre-d3|mermaidAPI/);
  });

  it("a citizen registers and is activated; finds the service in the catalogue with its whole Standar Pelayanan", async () => {
    const nama = `Rina Wulandari ${[...String(Date.now() % 100000)]
      .map((d) => "abcdefghij"[Number(d)])
      .join("")
      .replace(/^./, (c) => c.toUpperCase())}`;
    await citizen.goto(base + "/daftar");
    await citizen.getByText("versi 2026-11").first().waitFor();
    await citizen.getByLabel("NIK", { exact: true }).fill(nik);
    await citizen.getByLabel("Nama lengkap").fill(nama);
    await citizen.getByLabel("Email").fill(email);
    await citizen.getByLabel("Nomor telepon / WhatsApp").fill("081234567890");
    await citizen.getByLabel("Foto KTP", { exact: true }).setInputFiles({ name: "ktp.png", mimeType: "image/png", buffer: PNG_1X1 });
    await citizen.getByText("ktp.png dipilih.").waitFor();
    await citizen.getByLabel("Kata sandi", { exact: true }).fill(GOOD_PASSWORD);
    await citizen.getByRole("checkbox", { name: /Syarat dan Ketentuan/ }).check();
    await citizen.getByRole("checkbox", { name: /Kebijakan Privasi/ }).check();
    await citizen.getByRole("button", { name: "Daftar", exact: true }).click();
    await citizen.waitForURL(/\/status-akun$/);
    await citizen.locator(".status-card__now").getByText("Menunggu aktivasi").waitFor({ timeout: 10_000 });

    const pending = await t.gql(USERS, { filter: { status: "MENUNGGU_AKTIVASI", search: nama } }, { token: fx.admin.token });
    const activated = await t.gql(ACTIVATE, { id: pending.data!.users.edges[0].node.id }, { token: fx.admin.token });
    expect(activated.data!.activateAccount.__typename).toBe("ActivateAccountSuccess");
    await citizen.locator(".status-card__now").getByText("Aktif", { exact: true }).waitFor({ timeout: 10_000 });

    // the link in the verification email, opened on the same phone
    const verifyLink = await linkFromOutbox(email, "/verifikasi-email?token=");
    await citizen.goto(base + verifyLink);
    await citizen.getByText("Alamat email Anda sudah terverifikasi. Terima kasih.").waitFor({ timeout: 10_000 });
    await audit(citizen, "/verifikasi-email");

    // the catalogue, with search and the category filter
    const scripts: string[] = [];
    citizen.on("request", (r) => {
      if (r.resourceType() === "script") scripts.push(new URL(r.url()).pathname);
    });
    await (await menuLink(citizen, "Layanan")).click();
    await citizen.getByRole("heading", { name: "Daftar layanan" }).waitFor();
    await citizen.getByRole("searchbox", { name: "Cari layanan" }).fill("dispensasi");
    await citizen.getByRole("button", { name: "Cari", exact: true }).click();
    await citizen.getByText("1 layanan untuk “dispensasi”").waitFor();
    await citizen.getByLabel("Kategori").selectOption("Kependudukan");
    await citizen.getByText(/1 layanan untuk “dispensasi” dalam kategori Kependudukan/).waitFor();
    await shot(citizen, "layanan-daftar");
    await audit(citizen, "/layanan");
    const beforeDetail = scripts.length;
    expect(scripts.some((s) => /mermaid|flowchart|dagre/.test(s))).toBe(false);

    await citizen.getByRole("link", { name: "Rekomendasi Dispensasi Menikah" }).click();
    await citizen.getByRole("heading", { name: "Rekomendasi Dispensasi Menikah", level: 1 }).waitFor();
    for (const h of [
      "Persyaratan",
      "Sistem, mekanisme, dan prosedur",
      "Jangka waktu penyelesaian",
      "Biaya/tarif",
      "Produk pelayanan",
      "Penanganan pengaduan, saran, dan masukan",
      "Dasar hukum",
      "Jaminan pelayanan",
    ]) {
      await citizen.getByRole("heading", { name: h }).first().waitFor();
    }
    await citizen.getByText("PDF, maksimal 97,7 KB").waitFor();
    // the flowchart was set through the API without a drawing: the steps stay as text, and a citizen's page never
    // fetches mermaid (the drawing made by the admin's editor is shown in ponsel-kertas.e2e.test.ts)
    await citizen.getByText("1. Unggah berkas").first().waitFor();
    expect(await citizen.getByRole("img", { name: /Bagan alir prosedur/ }).count()).toBe(0);
    expect(scripts.slice(beforeDetail).some((s) => /mermaid/.test(s))).toBe(false);
    await shot(citizen, "layanan-standar-pelayanan");
    await audit(citizen, "/layanan/:id");
  }, 120_000);

  it("the citizen applies: form, two uploads with progress, checks before sending, and submits", async () => {
    await citizen.getByRole("button", { name: "Ajukan layanan ini" }).click();
    await citizen.waitForURL(/\/pengajuan\/[0-9a-f-]{36}$/);
    await citizen.getByRole("heading", { name: "Isi formulir" }).waitFor();

    // going on with an empty form: messages at each field and slot, nothing sent
    await citizen.getByRole("button", { name: "Lanjutkan", exact: true }).click();
    await inFieldAndSummary(citizen, "Nama pasangan wajib diisi.");
    await inFieldAndSummary(citizen, "KTP calon pengantin wajib diunggah.");
    await shot(citizen, "pengajuan-draf-kurang", false);

    await citizen.getByLabel("Nama pasangan").fill("Ahmad Fauzi");
    await citizen.getByLabel("Rencana tanggal nikah").fill("2027-01-20");
    await citizen.getByLabel("Nomor WhatsApp (tidak wajib)").fill("0812");
    await citizen.getByLabel("Nomor WhatsApp (tidak wajib)").blur();
    // checked on leaving the field: the message is beside it (the summary still open from "Lanjutkan" lists it too)
    await citizen.locator(".field__error", { hasText: "Nomor WhatsApp bukan nomor telepon yang valid. Contoh: 081234567890." }).waitFor();
    await citizen.getByLabel("Nomor WhatsApp (tidak wajib)").fill("081298765432");

    // a photo where only PDF is accepted is refused before sending
    await citizen.getByLabel("Pilih berkas untuk Surat pengantar desa").setInputFiles({ name: "surat.png", mimeType: "image/png", buffer: PNG_1X1 });
    await citizen.getByText("Jenis berkas ini tidak diterima. Pilih berkas PDF.").waitFor();

    await citizen.getByLabel("Pilih berkas untuk KTP calon pengantin").setInputFiles({ name: "ktp.png", mimeType: "image/png", buffer: PNG_1X1 });
    await citizen
      .getByLabel("Pilih berkas untuk Surat pengantar desa")
      .setInputFiles({ name: "pengantar desa.pdf", mimeType: "application/pdf", buffer: tinyPdf("pengantar") });
    await citizen.getByRole("link", { name: /ktp\.png/ }).waitFor({ timeout: 15_000 });
    await citizen.getByRole("link", { name: /pengantar desa\.pdf/ }).waitFor({ timeout: 15_000 });
    expect(await citizen.locator(".slot .badge", { hasText: "Sudah diunggah" }).count()).toBe(2);
    await shot(citizen, "pengajuan-draf");
    await audit(citizen, "/pengajuan/:id (draf)");

    await citizen.getByRole("button", { name: "Lanjutkan", exact: true }).click();
    await citizen.getByRole("heading", { name: "Periksa kembali sebelum mengajukan" }).waitFor();
    await citizen.getByRole("button", { name: "Ajukan", exact: true }).click();
    await badge(citizen, "Diajukan");
    nomor = (await citizen.locator(".status-card__nomor strong").textContent())!.trim();
    expect(nomor).toMatch(/^INS-?\d*\/\d{4}\/\d{6}$|^[A-Z0-9-]+\/\d{4}\/\d{6}$/);
    const bukti = citizen.getByRole("link", { name: /Unduh bukti pengajuan \(PDF\)/ });
    const buktiUrl = await bukti.getAttribute("href");
    const res = await citizen.request.get(base + buktiUrl);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    await citizen.evaluate(() => ((window as Marked).__tanpaMuatUlang = true));
    await shot(citizen, "pengajuan-diajukan");
  }, 120_000);

  it("the officer works the live queue and asks for a fix; the citizen's open page shows it at once", async () => {
    await officer.goto(base + "/masuk");
    await officer.getByLabel("NIK atau NIP").fill(fx.petugas.nomorIdentitas);
    await officer.getByLabel("Kata sandi", { exact: true }).fill(GOOD_PASSWORD);
    await officer.getByRole("button", { name: "Masuk", exact: true }).click();
    await officer.waitForURL(/\/petugas\/antrian$/, { timeout: 15_000 });
    const row = officer.getByRole("row", { name: new RegExp(nomor.replace(/\//g, "\\/")) });
    await row.waitFor({ timeout: 15_000 });
    await officer.getByRole("button", { name: /^Diajukan 1$/ }).waitFor();
    await shot(officer, "petugas-antrian");
    await audit(officer, "/petugas/antrian");

    await row.getByRole("link", { name: nomor }).click();
    await officer.getByRole("heading", { name: "Dokumen pemohon" }).waitFor();
    // the KTP photo opens inside the page, from /unduh/dokumen/… with the session cookie
    const photo = officer.getByRole("img", { name: /KTP calon pengantin \(ktp\.png\)/ });
    await photo.waitFor();
    await officer.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>(".viewer__image");
      return !!img && img.complete && img.naturalWidth === 1;
    });
    await officer.getByRole("button", { name: /Surat pengantar desa/ }).click();
    expect(await officer.locator("iframe.viewer__pdf").getAttribute("src")).toMatch(/^\/unduh\/dokumen\/[0-9a-f-]{36}$/);

    await officer.getByRole("button", { name: "Tugaskan ke saya" }).click();
    await officer.getByRole("button", { name: "Lepaskan" }).waitFor();
    await officer.getByRole("textbox", { name: "Catatan baru (tidak wajib)" }).fill("Foto KTP kurang tajam, minta ulang.");
    await officer.getByRole("button", { name: "Simpan catatan" }).click();
    await officer.getByText("Foto KTP kurang tajam, minta ulang.").waitFor();

    await officer.getByRole("button", { name: "Minta perbaikan", exact: true }).click();
    await officer.getByRole("button", { name: "Ya, minta perbaikan" }).click();
    await officer.getByText("Pesan untuk pemohon wajib diisi (minimal 5 karakter).").waitFor();
    await officer.getByLabel("Pesan untuk pemohon").fill("Foto KTP buram, mohon unggah ulang dalam bentuk PDF hasil pindai.");
    await shot(officer, "petugas-kasus-minta-perbaikan", false);
    await officer.getByRole("button", { name: "Ya, minta perbaikan" }).click();
    await badge(officer, "Perlu perbaikan");
    await audit(officer, "/petugas/pengajuan/:id");

    await badge(citizen, "Perlu perbaikan");
    await citizen.locator(".officer-message", { hasText: "Foto KTP buram, mohon unggah ulang dalam bentuk PDF hasil pindai." }).waitFor();
    expect(await marker(citizen)).toBe(true);
    // internal notes never reach the citizen
    expect(await citizen.getByText("Foto KTP kurang tajam").count()).toBe(0);
    await shot(citizen, "pengajuan-perlu-perbaikan");
    await audit(citizen, "/pengajuan/:id (perlu perbaikan)");
  }, 120_000);

  it("the citizen replaces the document and resubmits; the officer verifies, processes, attaches the result and completes — each step appears live", async () => {
    await citizen
      .getByLabel("Ganti berkas untuk KTP calon pengantin")
      .setInputFiles({ name: "ktp-jelas.pdf", mimeType: "application/pdf", buffer: tinyPdf("ktp jelas") });
    await citizen.getByRole("link", { name: /ktp-jelas\.pdf/ }).waitFor({ timeout: 15_000 });
    await citizen.getByRole("button", { name: "Lanjutkan", exact: true }).click();
    await citizen.getByRole("button", { name: "Ajukan kembali" }).click();
    await badge(citizen, "Diajukan");
    await badge(officer, "Diajukan");
    await officer
      .getByRole("button", { name: /Versi lama \(1\)/ })
      .or(officer.getByText("Versi lama (1)"))
      .first()
      .waitFor();

    const step = async (button: string, confirm: string, status: string) => {
      await officer.getByRole("button", { name: button, exact: true }).click();
      await officer.getByRole("button", { name: confirm }).click();
      await badge(officer, status);
    };
    // the replaced KTP arrived while the officer had the letter open: it is marked new, and is looked at before verifying
    await officer.locator(".doclist__item .badge--new", { hasText: "Baru diganti" }).waitFor();
    await officer.getByRole("button", { name: /KTP calon pengantin/ }).click();
    await officer.locator(".viewer__caption", { hasText: "ktp-jelas.pdf" }).waitFor();
    await step("Nyatakan lengkap (verifikasi)", "Ya, nyatakan lengkap (verifikasi)", "Diverifikasi");
    await badge(citizen, "Diverifikasi");
    await citizen
      .locator(".status-card .sla")
      .getByText(/\(sisa \d+ (hari kerja|jam|menit)/)
      .waitFor();

    // while the citizen's phone is offline the page says so; what happened meanwhile arrives on reconnecting
    await citizenCtx.setOffline(true);
    await citizen.getByText("Tidak tersambung.", { exact: false }).first().waitFor({ timeout: 10_000 });
    await shot(citizen, "pengajuan-offline", false);
    await step("Proses", "Ya, proses", "Diproses");
    await citizenCtx.setOffline(false);
    await badge(citizen, "Diproses");
    await citizen.getByText("Diperbarui langsung").waitFor({ timeout: 15_000 });

    await officer.getByLabel("Judul dokumen").fill("Surat Rekomendasi Dispensasi Menikah");
    await officer.getByLabel("Berkas").setInputFiles({ name: "rekomendasi.pdf", mimeType: "application/pdf", buffer: resultPdf });
    await officer.getByRole("button", { name: "Lampirkan hasil" }).click();
    await officer.getByRole("link", { name: "Surat Rekomendasi Dispensasi Menikah" }).waitFor({ timeout: 15_000 });
    await step("Selesaikan", "Ya, selesaikan", "Selesai");
    await shot(officer, "petugas-kasus-selesai");

    await badge(citizen, "Selesai");
    expect(await marker(citizen)).toBe(true);
    pengajuanUrl = citizen.url();
    const link = citizen.getByRole("link", { name: "Unduh Surat Rekomendasi Dispensasi Menikah" });
    await link.waitFor();
    kodeVerifikasi = (await citizen.locator(".results .mono").first().textContent())!.trim();
    const [download] = await Promise.all([citizen.waitForEvent("download"), link.click()]);
    const saved = fs.readFileSync(await download.path());
    // an uploaded PDF is delivered with the verification stamp on its pages (tests/surat/cap-hasil.test.ts)
    expect(saved.equals(resultPdf)).toBe(false);
    expect(saved.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    delivered = saved;
    expect(await marker(citizen)).toBe(true);
    const titles = await citizen.locator(".timeline__title").allTextContents();
    expect(titles.slice(0, 5)).toEqual([
      "Selesai (langkah terakhir)",
      "Dokumen hasil dilampirkan",
      "Mulai diproses",
      "Berkas dinyatakan lengkap",
      "Diajukan kembali setelah perbaikan",
    ]);
    await shot(citizen, "pengajuan-selesai");
    await audit(citizen, "/pengajuan/:id (selesai)");
  }, 180_000);

  it("Log Pengajuan, Log Inbox, public tracking and document verification", async () => {
    await (await menuLink(citizen, "Pengajuan")).click();
    await citizen.getByRole("heading", { name: "Log Pengajuan" }).waitFor();
    await citizen.locator(".request", { hasText: nomor }).getByText("Selesai").waitFor();
    await shot(citizen, "log-pengajuan");
    await audit(citizen, "/pengajuan");

    await (await menuLink(citizen, "Inbox")).click();
    await citizen.getByRole("heading", { name: "Surat Rekomendasi Dispensasi Menikah" }).waitFor();
    await citizen.getByRole("link", { name: new RegExp(`Bukti pengajuan \\(PDF\\) ${nomor.replace(/\//g, "\\/")}`) }).waitFor();
    await shot(citizen, "log-inbox");
    await audit(citizen, "/inbox");

    // the QR code on the proof of submission points at /lacak/<nomor>: it asks only for the last 4 digits
    const anon = await browser.newContext({ viewport: PHONE, locale: "id-ID", timezoneId: "Asia/Jakarta" });
    const pub = await anon.newPage();
    watch(pub, "public");
    await pub.goto(`${base}/lacak/${encodeURIComponent(nomor)}`);
    await pub.getByText(`Untuk melihat status pengajuan ${nomor}, masukkan 4 angka terakhir NIK pemohon.`).waitFor();
    expect(await pub.getByLabel("Nomor registrasi").inputValue()).toBe(nomor);
    await pub.getByLabel("4 angka terakhir NIK pemohon").fill("0000");
    await pub.getByRole("button", { name: "Lacak", exact: true }).click();
    await pub.getByText(/Pengajuan tidak ditemukan/).waitFor();
    await pub.getByLabel("4 angka terakhir NIK pemohon").fill(nik.slice(-4));
    await pub.getByRole("button", { name: "Lacak", exact: true }).click();
    await pub.locator(".tracking").getByText("Selesai").first().waitFor();
    await shot(pub, "lacak");
    await audit(pub, "/lacak/:nomor");

    await pub.goto(`${base}/verifikasi/${encodeURIComponent(kodeVerifikasi)}`);
    await pub.getByRole("heading", { name: /Dokumen terdaftar/ }).waitFor();
    await pub.getByLabel("Pilih berkas untuk dicocokkan").setInputFiles({ name: "salinan.pdf", mimeType: "application/pdf", buffer: delivered });
    await pub
      .getByText(/Berkas sesuai dengan dokumen yang diterbitkan/)
      .first()
      .waitFor();
    await shot(pub, "verifikasi-dokumen");
    await audit(pub, "/verifikasi/:kode");
    await pub.goto(`${base}/verifikasi/AAAA-BBBB-CCCC`);
    await pub.getByText("Kode tidak dikenal.").waitFor();

    await pub.goto(`${base}/lupa-sandi`);
    await pub.getByLabel("NIK, NIP, atau email").fill(nik);
    await pub.getByRole("button", { name: "Kirim tautan" }).click();
    await pub.getByText(/Jika data tersebut terdaftar/).waitFor();
    await audit(pub, "/lupa-sandi");
    await pub.goto(`${base}/masuk`);
    await pub.getByRole("link", { name: "Lupa kata sandi?" }).waitFor();
    await anon.close();
  }, 120_000);

  it("a complaint with evidence: filed by the citizen, verified at the desk, seen live by the citizen", async () => {
    await citizen.goto(base + "/pengaduan/baru");
    await citizen.getByRole("heading", { name: "Sampaikan pengaduan" }).waitFor();
    await citizen.getByRole("button", { name: "Lanjutkan" }).click();
    await inFieldAndSummary(citizen, "Pilih kategori pengaduan.");
    await inFieldAndSummary(citizen, /Lampirkan paling sedikit satu bukti pendukung/);
    await citizen.getByLabel("Kategori").selectOption({ label: "Pelayanan petugas" });
    await citizen.getByLabel("Judul singkat").fill("Antrean lama di loket 3");
    await citizen.getByLabel("Uraian").fill("Antrean di loket 3 sangat lama, petugas tidak ada di tempat selama dua jam pada hari Senin pagi.");
    await citizen.getByLabel("Pilih berkas untuk Bukti pendukung").setInputFiles({ name: "antrean.png", mimeType: "image/png", buffer: PNG_1X1 });
    await citizen.locator(".picked__name", { hasText: "antrean.png" }).waitFor();
    await shot(citizen, "pengaduan-baru");
    await audit(citizen, "/pengaduan/baru");
    await citizen.getByRole("button", { name: "Lanjutkan" }).click();
    await citizen.getByRole("button", { name: "Kirim pengaduan" }).click();
    await citizen.waitForURL(/\/pengaduan\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    const flash = await citizen.getByText(/Pengaduan terkirim\. Kode lacak Anda: ADU-/).textContent();
    kodeLacak = /ADU-[A-Z2-9]{8}/.exec(flash!)![0];
    await badge(citizen, "Diterima");
    await citizen.evaluate(() => ((window as Marked).__tanpaMuatUlang = true));

    await (await menuLink(officer, "Pengaduan")).click();
    await officer.getByRole("heading", { name: "Meja pengaduan" }).waitFor();
    await officer.getByRole("link", { name: "Antrean lama di loket 3" }).waitFor({ timeout: 15_000 });
    await shot(officer, "petugas-meja-pengaduan");
    await audit(officer, "/petugas/pengaduan");
    await officer.getByRole("link", { name: "Antrean lama di loket 3" }).click();
    await officer.getByRole("link", { name: /antrean\.png/ }).waitFor();
    await officer.getByRole("button", { name: "Verifikasi", exact: true }).click();
    await officer.getByRole("button", { name: "Ya, verifikasi" }).click();
    await badge(officer, "Diverifikasi");
    await audit(officer, "/petugas/pengaduan/:id");

    await badge(citizen, "Diverifikasi");
    await citizen.getByText(/Tindak lanjut paling lambat/).waitFor();
    expect(await marker(citizen)).toBe(true);
    await shot(citizen, "pengaduan-diverifikasi");
    await audit(citizen, "/pengaduan/:id");

    // follow-up with documentation, then done; the citizen may say once that they are not satisfied
    await officer.getByRole("button", { name: "Tindak lanjuti", exact: true }).click();
    await officer.getByLabel("Tanggapan/tindak lanjut").fill("Petugas loket 3 sudah ditegur; jadwal piket diperbaiki.");
    await officer
      .getByLabel("Pilih berkas untuk Dokumentasi")
      .setInputFiles({ name: "jadwal-piket.pdf", mimeType: "application/pdf", buffer: tinyPdf("piket") });
    await officer.getByRole("button", { name: "Ya, tindak lanjuti" }).click();
    await badge(officer, "Ditindaklanjuti");
    await officer.getByRole("button", { name: "Selesaikan", exact: true }).click();
    await officer.getByRole("button", { name: "Ya, selesaikan" }).click();
    await officer.getByText("Tanggapan akhir wajib diisi (minimal 5 karakter).").waitFor();
    await officer.getByLabel("Tanggapan akhir").fill("Jadwal piket baru berlaku mulai Senin.");
    await officer.getByRole("button", { name: "Ya, selesaikan" }).click();
    await badge(officer, "Selesai");
    await badge(citizen, "Selesai");
    await citizen.getByRole("link", { name: /jadwal-piket\.pdf/ }).waitFor();
    await citizen.getByRole("button", { name: "Saya tidak puas…" }).click();
    await citizen.getByLabel("Alasan").fill("Hari Senin berikutnya antrean masih sama lamanya.");
    await citizen.getByRole("button", { name: "Kirim pernyataan tidak puas" }).click();
    await badge(citizen, "Diverifikasi");
    expect(await citizen.getByRole("button", { name: "Saya tidak puas…" }).count()).toBe(0);
    await badge(officer, "Diverifikasi");

    const tracked = await t.gql(`query($k: String!) { lacakPengaduan(kodeLacak: $k) { statusLabel } }`, { k: kodeLacak });
    expect(tracked.data!.lacakPengaduan.statusLabel).toBe("Diverifikasi");
  }, 120_000);

  it("public information: asked by the citizen, answered at the PPID desk and seen live; the survey and the public statistics", async () => {
    await citizen.goto(base + "/informasi/baru");
    await citizen.getByRole("heading", { name: "Minta informasi publik" }).waitFor();
    await citizen.getByLabel("Rincian informasi yang dibutuhkan").fill("Daftar penerima bantuan rumah ibadah tahun 2026 beserta nilai bantuannya.");
    await citizen.getByLabel("Tujuan penggunaan informasi").fill("Bahan penelitian skripsi tentang transparansi anggaran.");
    await citizen.getByRole("radio", { name: "Salinan cetak (hardcopy)" }).check();
    await citizen.getByRole("button", { name: "Lanjutkan" }).click();
    await citizen.getByText("Salinan cetak (hardcopy) tidak dapat dikirim lewat email; pilih ambil langsung atau pos.").waitFor();
    await citizen.getByRole("radio", { name: "Salinan elektronik (softcopy)" }).check();
    await shot(citizen, "informasi-baru");
    await audit(citizen, "/informasi/baru");
    await citizen.getByRole("button", { name: "Lanjutkan" }).click();
    await citizen.getByRole("button", { name: "Kirim permohonan" }).click();
    await citizen.waitForURL(/\/informasi\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    await badge(citizen, "Diterima");
    const register = (await citizen.locator(".status-card__nomor strong").textContent())!.trim();
    await citizen.evaluate(() => ((window as Marked).__tanpaMuatUlang = true));

    const ppidStaff = await createStaff(t, "PPID", fx.instansi.id);
    const ppidCtx = await browser.newContext({ viewport: DESK, locale: "id-ID", timezoneId: "Asia/Jakarta" });
    const ppid = await ppidCtx.newPage();
    watch(ppid, "ppid");
    await ppid.goto(base + "/masuk");
    await ppid.getByLabel("NIK atau NIP").fill(ppidStaff.nomorIdentitas);
    await ppid.getByLabel("Kata sandi", { exact: true }).fill(GOOD_PASSWORD);
    await ppid.getByRole("button", { name: "Masuk", exact: true }).click();
    await ppid.waitForURL(/\/ppid$/, { timeout: 15_000 });
    await ppid.getByRole("link", { name: register }).click();
    await ppid.getByRole("button", { name: "Beri jawaban" }).click();
    await ppid.getByRole("radio", { name: "Ditolak" }).check();
    await ppid.getByRole("button", { name: "Kirim jawaban" }).click();
    await inFieldAndSummary(ppid, "Sebutkan kategori pengecualian UU 14/2008 Pasal 17 (huruf a–j).");
    await ppid.getByRole("radio", { name: "Dikabulkan", exact: true }).check();
    await ppid.getByLabel("Jawaban tertulis").fill("Daftar penerima terlampir pada email Anda dalam format PDF.");
    await shot(ppid, "ppid-jawab", false);
    await audit(ppid, "/ppid/permohonan/:id");
    await ppid.getByRole("button", { name: "Kirim jawaban" }).click();
    await badge(ppid, "Dikabulkan");
    await ppid.goto(base + "/ppid");
    await ppid.getByRole("heading", { name: /Register permohonan informasi/ }).waitFor();
    await shot(ppid, "ppid-register", false);
    await audit(ppid, "/ppid");
    await ppidCtx.close();

    await badge(citizen, "Dikabulkan");
    await citizen.locator(".prose", { hasText: "Daftar penerima terlampir pada email Anda dalam format PDF." }).waitFor();
    expect(await marker(citizen)).toBe(true);
    await shot(citizen, "informasi-dijawab");
    await audit(citizen, "/informasi/:id");

    // the satisfaction survey of the finished service request, once
    await citizen.goto(pengajuanUrl);
    await citizen.getByRole("button", { name: "Isi survei" }).click();
    await citizen.getByRole("button", { name: "Kirim penilaian" }).click();
    await citizen.getByText(/Beri nilai untuk “Persyaratan”/).waitFor();
    const groups = citizen.locator(".survey__item");
    for (let i = 0; i < 9; i++)
      await groups
        .nth(i)
        .getByRole("radio", { name: i === 6 ? "Baik" : "Sangat baik", exact: true })
        .check();
    await audit(citizen, "survei");
    await citizen.getByRole("button", { name: "Kirim penilaian" }).click();
    await citizen.getByText(/Terima kasih\. Penilaian Anda/).waitFor();

    await citizen.goto(base + "/statistik");
    await citizen.getByText(/1 responden/).waitFor({ timeout: 15_000 });
    await citizen.getByRole("row", { name: /Perilaku pelaksana 3/ }).waitFor();
    await shot(citizen, "statistik");
    await audit(citizen, "/statistik");
  }, 120_000);

  it("the admin's service editor and complaint categories", async () => {
    const adminCtx = await browser.newContext({ viewport: DESK, locale: "id-ID", timezoneId: "Asia/Jakarta" });
    const admin = await adminCtx.newPage();
    watch(admin, "admin");
    await admin.goto(base + "/masuk");
    await admin.getByLabel("NIK atau NIP").fill(fx.admin.nomorIdentitas);
    await admin.getByLabel("Kata sandi", { exact: true }).fill(GOOD_PASSWORD);
    await admin.getByRole("button", { name: "Masuk", exact: true }).click();
    await admin.waitForURL(/\/admin\/aktivasi$/, { timeout: 15_000 });
    await admin.goto(`${base}/admin/layanan/${layananUuid}`);
    await admin.getByLabel("Nama layanan").waitFor();
    expect(await admin.getByLabel("Nama layanan").inputValue()).toBe("Rekomendasi Dispensasi Menikah");
    await admin.getByLabel("Kode", { exact: true }).fill("X");
    await admin.getByRole("button", { name: "Simpan", exact: true }).click();
    await admin.getByText("Kode layanan 2–40 karakter: huruf, angka, atau tanda hubung.").waitFor();
    await admin.getByLabel("Kode", { exact: true }).fill("REKOM-NIKAH");
    await admin.getByLabel("Jaminan pelayanan").fill("Pelayanan gratis; bila melebihi 3 hari kerja, pemohon dapat mengadu.");
    await admin.getByRole("button", { name: "Simpan", exact: true }).click();
    await admin.getByText("Standar pelayanan tersimpan.").waitFor({ timeout: 15_000 });
    await shot(admin, "admin-layanan-editor", false);
    await audit(admin, "/admin/layanan/:id");
    const check = await t.gql(`query($id: ID!) { node(id: $id) { ... on Layanan { jaminanPelayanan prosedurFlowchart prosedurFlowchartSvgUrl } } }`, {
      id: fx.layanan.id,
    });
    expect(check.data!.node).toEqual({
      jaminanPelayanan: "Pelayanan gratis; bila melebihi 3 hari kerja, pemohon dapat mengadu.",
      prosedurFlowchart: FLOWCHART,
      // the editor drew the flowchart with mermaid on saving and stored it as a checked SVG
      prosedurFlowchartSvgUrl: expect.stringMatching(/^\/bagan-alir\/[0-9a-f-]{36}\.svg\?v=\d+$/),
    });
    const drawn = await fetch(base + check.data!.node.prosedurFlowchartSvgUrl);
    expect(drawn.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(await drawn.text()).toMatch(/Pemohon[\s\S]*mengunggah[\s\S]*rekomendasi[\s\S]*terbit/);

    await admin.goto(`${base}/admin/kategori-pengaduan`);
    await admin.getByLabel("Kategori baru").fill("Sarana dan prasarana");
    await admin.getByRole("button", { name: "Tambah", exact: true }).click();
    await admin.locator(".inbox-row", { hasText: "Sarana dan prasarana" }).waitFor();
    await audit(admin, "/admin/kategori-pengaduan");
    await adminCtx.close();
  }, 90_000);

  it("a forgotten password: the emailed link sets a new one, which then logs in", async () => {
    const ctx = await browser.newContext({ viewport: PHONE, locale: "id-ID", timezoneId: "Asia/Jakarta" });
    const page = await ctx.newPage();
    watch(page, "reset");
    await page.goto(`${base}/masuk`);
    await page.getByRole("link", { name: "Lupa kata sandi?" }).click();
    await page.getByLabel("NIK, NIP, atau email").fill(email);
    await page.getByRole("button", { name: "Kirim tautan" }).click();
    await page.getByText(/Jika data tersebut terdaftar/).waitFor();
    await shot(page, "lupa-sandi", false);
    const link = await linkFromOutbox(email, "/atur-ulang-sandi?token=");
    await page.goto(base + link);
    await page.getByLabel("Kata sandi baru", { exact: true }).fill("pendek");
    await page.getByRole("button", { name: "Simpan kata sandi" }).click();
    await page.getByText("Kata sandi minimal 10 karakter.").waitFor();
    await page.getByLabel("Kata sandi baru", { exact: true }).fill("Pelangi-Senja-Kelabu-77");
    await shot(page, "atur-ulang-sandi", false);
    await audit(page, "/atur-ulang-sandi");
    await page.getByRole("button", { name: "Simpan kata sandi" }).click();
    await page.getByText("Kata sandi baru sudah disimpan.", { exact: false }).waitFor();
    // the link works once
    await page.goto(base + link);
    await page.getByLabel("Kata sandi baru", { exact: true }).fill("Pelangi-Pagi-Cerah-88");
    await page.getByRole("button", { name: "Simpan kata sandi" }).click();
    await page.getByRole("alert").waitFor();
    await page.goto(`${base}/masuk`);
    await page.getByLabel("NIK atau NIP").fill(nik);
    await page.getByLabel("Kata sandi", { exact: true }).fill("Pelangi-Senja-Kelabu-77");
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await page.waitForURL(/\/pengajuan$/, { timeout: 15_000 });
    await page.getByRole("heading", { name: "Log Pengajuan" }).waitFor();
    await ctx.close();
  }, 90_000);

  it("has no serious accessibility problems on these pages, and raised no script errors or CSP violations", () => {
    expect(axeFindings).toEqual([]);
    expect(problems).toEqual([]);
  });
});

import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { activeCitizen, createStaff, createTestApp, GOOD_PASSWORD, insertSubmitted, serviceFixture, type TestApp } from "../helpers/app";
import { loadCatalogue } from "../../server/modules/layanan/catalogue-seed";
import { seededFlowchartSvg } from "../../server/modules/layanan/seed-flowcharts";
import { buildClient } from "./build-client";
import { DESK, deskContext, Findings, hasChromium, launch, logIn, PHONE, phoneContext, shot } from "./e2e-kit";

/**
 * Phones and paper (issue #14): every menu item reachable and clickable at 390 px (logout included), the
 * officer's queue and the PPID register as cards on a phone with registration numbers on one line, and the
 * Standar Pelayanan, a proof of submission, a register and the statistics printed to PDF by Chromium and read
 * back with poppler's pdftotext: no menu, no footer, no buttons, the content there, parts on their own pages.
 */
describe.skipIf(!hasChromium)("phones and paper", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let phone: BrowserContext;
  let desk: BrowserContext;
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let warga: Awaited<ReturnType<typeof activeCitizen>>;
  let ppid: Awaited<ReturnType<typeof createStaff>>;
  let layananRawId = "";
  let pengajuanId = "";
  const NOMOR = "KMG/2026/000001";
  const f = new Findings();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loket-kertas-"));

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    fx = await serviceFixture(t);
    warga = await activeCitizen(t);
    ppid = await createStaff(t, "PPID", fx.instansi.id);
    const seeded = loadCatalogue()
      .CATALOGUE.flatMap((k) => k.layanan)
      .find((l) => l.kode === "VERIFIKASI-PENYEDIA")!;
    layananRawId = Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!;
    await t.db.prisma.layanan.update({
      where: { id: layananRawId },
      data: {
        saranaPrasarana: "Ruang tunggu ber-AC dan loket prioritas",
        produkLayanan: "Surat rekomendasi bertanda tangan elektronik",
        // a seeded flowchart with its committed drawing (server/modules/layanan/seed/bagan-alir)
        prosedurFlowchart: seeded.prosedurFlowchart,
        prosedurFlowchartSvg: seededFlowchartSvg(seeded.kode, seeded.prosedurFlowchart),
      },
    });
    const p = await insertSubmitted(t, fx, warga.id, NOMOR);
    pengajuanId = p.id;
    await t.db.prisma.pengajuan.update({ where: { id: p.id }, data: { formData: { namaPasangan: "Siti Aminah", tanggalNikah: "2027-01-20" } } });
    const permohonan = await t.db.prisma.permohonanInformasi.create({
      data: {
        nomorRegister: "PPID/UJI/2026/00001",
        instansiId: fx.instansi.id,
        pemohonId: warga.id,
        rincianInformasi: "Daftar anggaran kegiatan kelurahan tahun 2026",
        tujuan: "Penelitian",
        format: "SOFTCOPY",
        caraPerolehan: "EMAIL",
        tenggat: new Date(Date.now() + 10 * 86400_000),
      },
    });
    await t.db.prisma.keberatan.create({
      data: {
        nomorRegister: "KEB/UJI/2026/00001",
        permohonanId: permohonan.id,
        alasan: "TIDAK_DITANGGAPI",
        uraian: "Permohonan tidak ditanggapi.",
        tenggatTanggapan: new Date(Date.now() + 30 * 86400_000),
      },
    });
    base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
    browser = await launch();
    phone = await phoneContext(browser);
    desk = await deskContext(browser);
  }, 300_000);
  // a loaded machine: logging in four accounts and printing takes a while
  const SLOW = 120_000;

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  /** The page scrolls sideways: something is wider than the screen. */
  const overflowsSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

  /** Opens the phone menu and checks each item lies inside the screen; returns their names. */
  /**
   * Opens the menu and returns its items, each checked to fit the phone's screen. With `expected`, waits until the
   * menu lists those (the session is asked for again after logging in): the names and the boxes are read in one go,
   * so a menu that changes in between cannot mix two lists.
   */
  async function openMenu(page: Page, expected?: string[]): Promise<string[]> {
    const toggle = page.getByRole("button", { name: "Menu", exact: true });
    await toggle.click();
    await expect.poll(() => toggle.getAttribute("aria-expanded")).toBe("true");
    const links = page.getByRole("navigation", { name: "Menu utama" }).getByRole("link");
    const read = () =>
      links.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          return { name: (el as HTMLElement).innerText.trim(), x: r.x, y: r.y, width: r.width, height: r.height };
        }),
      );
    if (expected) await expect.poll(async () => (await read()).map((l) => l.name), { timeout: 15_000 }).toEqual(expected);
    const items = await read();
    for (const box of items) {
      expect(box.x, `${box.name} is on screen`).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width, box.name).toBeLessThanOrEqual(PHONE.width);
      expect(box.y + box.height, box.name).toBeLessThanOrEqual(PHONE.height);
      expect(box.height, box.name).toBeGreaterThanOrEqual(44);
    }
    return items.map((l) => l.name);
  }

  it(
    "on a phone, the menu is a 'Menu' button: closed it hides the list, open every item fits the screen and opens its page",
    async () => {
      const page = f.watch(await phone.newPage(), "tamu");
      await page.goto(`${base}/`);
      const nav = page.getByRole("navigation", { name: "Menu utama" });
      // closed: the items are out of sight and out of the accessibility tree, nothing sticks out to the right
      expect(await nav.getByRole("link").count()).toBe(0);
      expect(await overflowsSideways(page)).toBe(false);
      await f.audit(page, "menu tertutup (tamu)");
      expect(await openMenu(page, ["Layanan", "Lacak", "Masuk", "Daftar"])).toEqual(["Layanan", "Lacak", "Masuk", "Daftar"]);
      await f.audit(page, "menu terbuka (tamu)");
      await shot(page, "menu-ponsel-tamu", false);
      // Escape closes it and gives the focus back to the button
      await page.keyboard.press("Escape");
      await expect.poll(() => nav.getByRole("link").count()).toBe(0);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("tombol-menu");
      // a chosen page opens and the menu closes
      await openMenu(page);
      await nav.getByRole("link", { name: "Lacak" }).click();
      await page.waitForURL(/\/lacak$/);
      // the menu closes once the chosen page's code has loaded (the address changes first)
      await expect.poll(() => nav.getByRole("link").count()).toBe(0);
      await page.close();
      expect(f.problems).toEqual([]);
    },
    SLOW,
  );

  it(
    "a citizen on a phone reaches every item, Informasi and Profil included, and logs out from Profil",
    async () => {
      const page = f.watch(await phone.newPage(), "warga");
      // the session is asked for again after logging in; until it answers only "Layanan" is listed (no guest items)
      await page.goto(`${base}/masuk`);
      let answer: () => void = () => {};
      const answered = new Promise<void>((resolve) => (answer = resolve));
      await page.route("**/graphql", async (route) => {
        if (/"operationName":"Session"/.test(route.request().postData() ?? "")) await answered;
        await route.fallback();
      });
      await page.getByLabel("NIK atau NIP").fill(warga.nik);
      await page.getByLabel("Kata sandi", { exact: true }).fill(warga.password);
      await page.getByRole("button", { name: "Masuk", exact: true }).click();
      await page.waitForURL(/\/pengajuan$/);
      expect(await openMenu(page)).toEqual(["Layanan"]);
      await page.getByRole("button", { name: "Menu", exact: true }).click();
      answer();
      await page.unroute("**/graphql");
      const nav = page.getByRole("navigation", { name: "Menu utama" });
      const items = await openMenu(page, ["Layanan", "Pengajuan", "Inbox", "Pengaduan", "Informasi", "Kunjungan", "Pelatihan", "Profil"]);
      await f.audit(page, "menu terbuka (warga)");
      await shot(page, "menu-ponsel-warga", false);
      const paths: Record<string, RegExp> = {
        Layanan: /\/layanan$/,
        Pengajuan: /\/pengajuan$/,
        Inbox: /\/inbox$/,
        Pengaduan: /\/pengaduan$/,
        Informasi: /\/informasi$/,
        Kunjungan: /\/kunjungan$/,
        Pelatihan: /\/pelatihan$/,
        Profil: /\/profil$/,
      };
      for (const [i, name] of items.entries()) {
        if (i > 0) await openMenu(page);
        await nav.getByRole("link", { name, exact: true }).click();
        await page.waitForURL(paths[name]!);
        // the chosen page opens and the menu closes (once the page's code has loaded: wait for that, not the URL)
        await expect.poll(() => nav.getByRole("link").count()).toBe(0);
      }
      // Profil is open: its "Keluar" ends the session
      await page.getByRole("button", { name: "Keluar", exact: true }).click();
      await page.waitForURL(`${base}/`);
      expect(await openMenu(page, ["Layanan", "Lacak", "Masuk", "Daftar"])).toContain("Masuk");
      await page.close();
      expect(f.problems).toEqual([]);
    },
    SLOW,
  );

  it(
    "an officer, a PPID officer and an admin on a phone reach each of their items; on a desk the menu shows without a button",
    async () => {
      const cases: Array<[string, string, RegExp, string[]]> = [
        ["petugas", fx.petugas.nomorIdentitas, /\/petugas\/antrian/, ["Antrian", "Loket", "Layani pemohon", "Pengaduan", "Profil"]],
        ["ppid", ppid.nomorIdentitas, /\/ppid/, ["Layanan", "Meja PPID", "Profil"]],
        ["admin", fx.admin.nomorIdentitas, /\/(admin|petugas)\//, ["Antrian", "Loket", "Layani pemohon", "Pengaduan", "Meja PPID", "Admin", "Profil"]],
      ];
      for (const [who, nomor, landing, expected] of cases) {
        const ctx = await phoneContext(browser);
        const page = f.watch(await ctx.newPage(), who);
        await logIn(page, base, nomor, landing, GOOD_PASSWORD);
        const items = await openMenu(page, expected);
        expect(items, who).toEqual(expected);
        // the last item (Profil) is clickable, not only visible
        await page.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Profil" }).click();
        await page.waitForURL(/\/profil$/);
        await expect.poll(() => page.getByRole("button", { name: "Keluar", exact: true }).isVisible()).toBe(true);
        await f.audit(page, `profil (${who}, ponsel)`);
        // the same account on a desk: no button, every item in the header row
        await page.setViewportSize(DESK);
        expect(await page.getByRole("button", { name: "Menu", exact: true }).count()).toBe(0);
        const links = page.getByRole("navigation", { name: "Menu utama" }).getByRole("link");
        expect((await links.allInnerTexts()).map((s) => s.trim())).toEqual(expected);
        for (const link of await links.all()) expect((await link.boundingBox())!.x + (await link.boundingBox())!.width).toBeLessThanOrEqual(DESK.width);
        await f.audit(page, `menu meja (${who})`);
        await ctx.close();
      }
      expect(f.axe).toEqual([]);
      expect(f.problems).toEqual([]);
    },
    SLOW,
  );

  it(
    "the officer's queue is a list of cards on a phone, the number on one line; a table on a desk",
    async () => {
      const page = f.watch(await phone.newPage(), "petugas");
      await logIn(page, base, fx.petugas.nomorIdentitas, /\/petugas\/antrian/, GOOD_PASSWORD);
      const number = page.getByRole("link", { name: NOMOR });
      await number.waitFor();
      expect(await overflowsSideways(page)).toBe(false);
      // one line: a single line box, and the card holds it within the screen
      expect(await number.evaluate((a) => a.getClientRects().length)).toBe(1);
      const box = (await number.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
      const lineHeight = await number.evaluate((a) => Number.parseFloat(getComputedStyle(a).lineHeight));
      expect(box.height).toBeLessThan(lineHeight * 1.5);
      // a card: the row is a box with the column names written beside its values, the header row hidden
      const row = page.locator("table.queue tbody tr").first();
      expect(await row.evaluate((r) => getComputedStyle(r).display)).toBe("block");
      const labels = await row.locator("td").evaluateAll((tds) => tds.map((td) => getComputedStyle(td, "::before").content));
      expect(labels).toEqual(["none", '"Pemohon"', '"Status"', '"Sisa waktu kerja"', '"Petugas"']);
      expect((await row.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);
      expect((await page.locator("table.queue thead").boundingBox())!.height).toBeLessThanOrEqual(1);
      // the table is still a table for a screen reader: its cells keep their column headers
      const cell = await page.getByRole("cell").filter({ hasText: NOMOR }).count();
      expect(cell).toBe(1);
      await f.audit(page, "antrian (ponsel)");
      await shot(page, "antrian-kartu", false);
      // on a desk the same page is a table with its header row
      await page.setViewportSize(DESK);
      expect((await page.locator("table.queue thead").boundingBox())!.height).toBeGreaterThan(20);
      expect(
        await page
          .locator("table.queue tbody tr")
          .first()
          .evaluate((r) => getComputedStyle(r).display),
      ).toBe("table-row");
      expect(await number.evaluate((a) => a.getClientRects().length)).toBe(1);
      await f.audit(page, "antrian (meja)");
      await shot(page, "antrian-tabel", false);
      await page.close();
      expect(f.axe).toEqual([]);
      expect(f.problems).toEqual([]);
    },
    SLOW,
  );

  /** Prints the page to PDF as Chromium does and returns the text of each sheet. */
  async function printed(page: Page, name: string): Promise<string[]> {
    const file = path.join(tmp, `${name}.pdf`);
    await page.pdf({ path: file, format: "A4", printBackground: true });
    fs.copyFileSync(file, path.resolve("test-artifacts/screenshots", `${name}.pdf`));
    const text = execFileSync("pdftotext", ["-layout", file, "-"], { encoding: "utf8" });
    return text.split("\f").filter((s) => s.trim() !== "");
  }

  /** What a printout must never carry: the menus, the footer, the skip link, buttons. */
  function expectNoScreenParts(text: string) {
    for (const s of ["Langsung ke konten utama", "Syarat dan Ketentuan", "Kebijakan Privasi", "Verifikasi dokumen"]) {
      expect(text, s).not.toContain(s);
    }
    // the phone menu's button
    expect(text).not.toMatch(/^\s*Menu\s*$/m);
    expect(text).toMatch(/Loket/);
  }

  it(
    "the Standar Pelayanan prints every component, the closed ones open, without menu, buttons or footer",
    async () => {
      const page = f.watch(await desk.newPage(), "tamu-cetak");
      await page.goto(`${base}/layanan/${layananRawId}`);
      await page.getByRole("heading", { name: "Rekomendasi Dispensasi Menikah" }).waitFor();
      const sheets = await printed(page, "cetak-standar-pelayanan");
      const all = sheets.join("\n");
      expectNoScreenParts(all);
      expect(all).not.toMatch(/Masuk untuk mengajukan|Ajukan sekarang|Daftar layanan ›/);
      for (const s of ["Rekomendasi Dispensasi Menikah", "Persyaratan", "KTP calon pengantin", "Jangka waktu penyelesaian", "Biaya/tarif", "Produk pelayanan"])
        expect(all, s).toContain(s);
      // the flowchart image (not lazy) was loaded when the page went to paper; Chromium draws an SVG image's
      // labels as shapes, so pdftotext cannot read them
      expect(await page.getByRole("img", { name: /Bagan alir prosedur/ }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 50)).toBe(
        true,
      );
      // a component shown folded on screen is printed open, on the sheets after the main components
      expect(all).toContain("Ruang tunggu ber-AC dan loket prioritas");
      const sarana = sheets.findIndex((s) => s.includes("Ruang tunggu ber-AC"));
      const produk = sheets.findIndex((s) => s.includes("Surat rekomendasi bertanda tangan"));
      expect(sarana).toBeGreaterThan(produk);
      await page.close();
      expect(f.problems).toEqual([]);
    },
    SLOW,
  );

  it(
    "a proof of submission (the citizen's request page) prints its number, status, answers and history, no buttons",
    async () => {
      const ctx = await deskContext(browser);
      const page = f.watch(await ctx.newPage(), "warga-cetak");
      await logIn(page, base, warga.nik, /\/pengajuan$/, warga.password);
      await page.goto(`${base}/pengajuan/${pengajuanId}`);
      await page.getByText(NOMOR).first().waitFor();
      const all = (await printed(page, "cetak-bukti-pengajuan")).join("\n");
      expectNoScreenParts(all);
      for (const s of [NOMOR, "Rekomendasi Dispensasi Menikah", "Diajukan", "Nama pasangan", "Siti Aminah", "Riwayat"]) expect(all, s).toContain(s);
      expect(all).not.toMatch(/Batalkan pengajuan|Unduh bukti pengajuan/);
      await ctx.close();
      expect(f.problems).toEqual([]);
    },
    SLOW,
  );

  it(
    "the PPID registers print as tables, the objections register on its own sheet, without the CSV button",
    async () => {
      const ctx = await deskContext(browser);
      const page = f.watch(await ctx.newPage(), "ppid-cetak");
      await logIn(page, base, ppid.nomorIdentitas, /\/ppid/, GOOD_PASSWORD);
      await page.goto(`${base}/ppid`);
      await page.getByText("PPID/UJI/2026/00001").first().waitFor();
      await page.getByText("KEB/UJI/2026/00001").first().waitFor();
      const sheets = await printed(page, "cetak-register-ppid");
      const all = sheets.join("\n");
      expectNoScreenParts(all);
      expect(all).not.toContain("Unduh register (CSV)");
      expect(all).toMatch(/Nomor\s+Pemohon\s+Status\s+Batas jawab/);
      const permohonan = sheets.findIndex((s) => s.includes("PPID/UJI/2026/00001"));
      const keberatan = sheets.findIndex((s) => s.includes("Register keberatan"));
      expect(permohonan).toBeGreaterThanOrEqual(0);
      expect(keberatan).toBeGreaterThan(permohonan);
      expect(sheets[keberatan]).toContain("KEB/UJI/2026/00001");
      await ctx.close();
      expect(f.problems).toEqual([]);
    },
    SLOW,
  );

  it(
    "the statistics print with the chosen office and period written out, the counts on their own sheet, no filters",
    async () => {
      const page = f.watch(await desk.newPage(), "tamu-statistik");
      await page.goto(`${base}/statistik`);
      await page.getByRole("heading", { name: "Indeks Kepuasan Masyarakat" }).waitFor();
      await page.getByRole("heading", { name: "Pengajuan per status" }).waitFor();
      const kantor = (await page.getByLabel("Kantor").evaluate((s) => (s as HTMLSelectElement).selectedOptions[0]!.text)).trim();
      const sheets = await printed(page, "cetak-statistik");
      const all = sheets.join("\n");
      expectNoScreenParts(all);
      expect(all).toContain(`${kantor} — Setahun penuh, tahun`);
      expect(all).not.toMatch(/Periode|Tahun\s*\n/);
      expect(all).toMatch(/Pengajuan\s[\s\S]{0,300}masuk/);
      const ikm = sheets.findIndex((s) => s.includes("Indeks Kepuasan Masyarakat"));
      const counts = sheets.findIndex((s) => s.includes("Pengajuan per status"));
      expect(counts).toBeGreaterThan(ikm);
      // the screen keeps its filters and hides the printed line
      expect(await page.getByText(`${kantor} — Setahun penuh`).isVisible()).toBe(false);
      await page.close();
      expect(f.problems).toEqual([]);
    },
    SLOW,
  );

  it(
    "a service page shows its flowchart as the saved SVG image, on a phone and a desk, without downloading mermaid",
    async () => {
      const ctx = await phoneContext(browser);
      const page = f.watch(await ctx.newPage(), "tamu-bagan");
      const scripts: Array<{ url: string; bytes: Promise<number> }> = [];
      page.on("response", (r) => {
        if (r.request().resourceType() === "script")
          scripts.push({
            url: new URL(r.url()).pathname,
            bytes: r.body().then(
              (b) => b.length,
              () => 0,
            ),
          });
      });
      await page.goto(`${base}/layanan/${layananRawId}`);
      const chart = page.getByRole("img", { name: /Bagan alir prosedur Rekomendasi Dispensasi Menikah/ });
      await chart.scrollIntoViewIfNeeded();
      await expect.poll(() => chart.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 50), { timeout: 20_000 }).toBe(true);
      expect(await chart.getAttribute("src")).toMatch(/^\/bagan-alir\/[0-9a-f-]{36}\.svg\?v=\d+$/);
      // it fits a phone's width
      expect((await chart.boundingBox())!.width).toBeLessThanOrEqual(PHONE.width);
      expect(await overflowsSideways(page)).toBe(false);
      await page.waitForLoadState("networkidle");
      // no part of mermaid: its own chunks keep the names of its dist files (mermaid.core, chunk-XXXX, *Diagram, dagre…)
      const loaded = scripts.map((s) => path.basename(s.url));
      expect(loaded.filter((u) => /mermaid|^chunk-|Diagram|dagre|cytoscape|katex|flowchart/i.test(u))).toEqual([]);
      await f.audit(page, "layanan dengan bagan alir");
      await shot(page, "layanan-bagan-alir-svg");
      // what a phone downloads for this page (the issue measured 828 kB more for mermaid before)
      const sizes = await Promise.all(scripts.map(async (s) => `${path.basename(s.url)} ${((await s.bytes) / 1024).toFixed(0)} kB`));
      console.log(`bagan alir: scripts of the service page (uncompressed): ${sizes.join(", ")}`);
      await ctx.close();
      expect(f.axe).toEqual([]);
      expect(f.problems).toEqual([]);
    },
    SLOW,
  );
});

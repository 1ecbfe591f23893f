import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { activeCitizen, createTestApp, serviceFixture, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, hasChromium, launch, logIn, phoneContext, shot } from "./e2e-kit";

/**
 * "Bagaimana tenggat ini dihitung?" in a real browser, on public tracking (`/lacak`): a complaint verified on
 * Wednesday 23 December 2026 14:00 WIB, across the cuti bersama of 24 December, Christmas and the weekend; and on
 * the citizen's own pengajuan page, where the explanation is not part of the page and is fetched when opened.
 */
describe.skipIf(!hasChromium)("the deadline explains itself in the browser", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let warga: Awaited<ReturnType<typeof activeCitizen>>;
  let pengajuanId = "";
  const f = new Findings();

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    const fx = await serviceFixture(t);
    warga = await activeCitizen(t);
    const kat = await t.db.prisma.kategoriPengaduan.create({ data: { instansiId: fx.instansi.id, nama: "Pelayanan" } });
    const mulai = new Date("2026-12-23T14:00:00+07:00");
    await t.db.prisma.pengaduan.create({
      data: {
        kodeLacak: "ADU-PENJELAS",
        instansiId: fx.instansi.id,
        kategoriId: kat.id,
        pelaporId: warga.id,
        judul: "Antrian lama",
        uraian: "Antrian sangat lama sekali",
        status: "DIVERIFIKASI",
        diverifikasiAt: mulai,
        mulaiDihitungAt: mulai,
        tenggat: new Date("2026-12-29T07:00:00Z"),
        seq: 2,
      },
    });
    // a pengajuan being processed, its 3 working days counted from the same Wednesday afternoon
    const pengajuan = await t.db.prisma.pengajuan.create({
      data: {
        layananId: Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!,
        instansiId: fx.instansi.id,
        pemohonId: warga.id,
        status: "DIPROSES",
        nomorRegistrasi: "REG-PENJELAS",
        diajukanAt: mulai,
        slaMulaiAt: mulai,
        tenggat: new Date("2026-12-30T07:00:00Z"),
        seq: 1,
        riwayat: { create: [{ seq: 1, aksi: "AJUKAN", keStatus: "DIAJUKAN" }] },
      },
    });
    pengajuanId = pengajuan.id;
    base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
    browser = await launch();
    page = f.watch(await (await phoneContext(browser)).newPage(), "warga");
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("public tracking shows the fold-out with the days counted and each day skipped, with its reason", async () => {
    await page.goto(`${base}/lacak`);
    await page.getByLabel("Kode lacak pengaduan").fill("ADU-PENJELAS");
    await page.getByRole("button", { name: "Lacak pengaduan" }).click();
    const fold = page.locator("details.tenggat-penjelasan");
    await fold.locator("summary", { hasText: "Bagaimana tenggat ini dihitung?" }).click();
    await expect.poll(() => fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    const text = await fold.innerText();
    expect(text).toMatch(/2x24 jam kerja sejak pengaduan diverifikasi/);
    expect(text).toMatch(/Cuti bersama \(kantor ini libur\) — Cuti Bersama Kelahiran Yesus Kristus \(Natal\)/);
    expect(text).toMatch(/Hari libur nasional — Kelahiran Yesus Kristus \(Natal\)/);
    expect(text).toMatch(/Akhir pekan/);
    expect(text).toMatch(/28 Desember 2026/);
    expect(text).toMatch(/29 Desember 2026/);
    await shot(page, "lacak-penjelasan-tenggat", false);
    expect(f.problems).toEqual([]);
  });

  it("the citizen's pengajuan page fetches the explanation only when the fold-out is opened, and shows its rule", async () => {
    // every API answer the page receives, to tell whether the explanation came with the page or on demand
    const answers: Array<Promise<string>> = [];
    page.on("response", (r) => {
      if (r.request().method() === "POST" && new URL(r.url()).pathname === "/graphql") answers.push(r.text().catch(() => ""));
    });
    const bodies = async () => (await Promise.all(answers)).join("\n");
    await logIn(page, base, warga.nik, /\/pengajuan$/, warga.password);
    await page.goto(`${base}/pengajuan/${pengajuanId}`);
    const fold = page.locator("details.tenggat-penjelasan");
    const summary = fold.locator("summary", { hasText: "Bagaimana tenggat ini dihitung?" });
    await summary.waitFor();
    // the page, its fragments and its live stream carry no explanation: nothing computed, nothing downloaded
    expect(await bodies()).not.toMatch(/hariDihitung|sejak berkas dinyatakan lengkap/);
    expect(await fold.innerText()).not.toMatch(/Aturan:/);
    await summary.click();
    await expect.poll(() => fold.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    await expect.poll(() => fold.innerText(), { timeout: 15_000 }).toMatch(/Aturan: 3 hari kerja sejak berkas dinyatakan lengkap/);
    const text = await fold.innerText();
    expect(text).toMatch(/Cuti bersama \(kantor ini libur\)/);
    expect(text).toMatch(/Hari libur nasional — Kelahiran Yesus Kristus \(Natal\)/);
    expect(text).toMatch(/Akhir pekan/);
    // the node(id) query asked for it on opening
    expect(await bodies()).toMatch(/hariDihitung/);
    await shot(page, "pengajuan-penjelasan-tenggat", false);
    expect(f.problems).toEqual([]);
  });
});

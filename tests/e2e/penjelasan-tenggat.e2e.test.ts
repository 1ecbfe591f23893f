import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { activeCitizen, createTestApp, serviceFixture, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, hasChromium, launch, phoneContext, shot } from "./e2e-kit";

/**
 * "Bagaimana tenggat ini dihitung?" in a real browser, on public tracking (`/lacak`): a complaint verified on
 * Wednesday 23 December 2026 14:00 WIB, across the cuti bersama of 24 December, Christmas and the weekend.
 */
describe.skipIf(!hasChromium)("the deadline explains itself in the browser", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  const f = new Findings();

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    const fx = await serviceFixture(t);
    const warga = await activeCitizen(t);
    const kat = await t.db.prisma.kategoriPengaduan.create({ data: { instansiId: fx.instansi.id, nama: "Pelayanan" } });
    const mulai = new Date("2026-12-23T14:00:00+07:00");
    await t.db.prisma.pengaduan.create({
      data: { kodeLacak: "ADU-PENJELAS", instansiId: fx.instansi.id, kategoriId: kat.id, pelaporId: warga.id, judul: "Antrian lama", uraian: "Antrian sangat lama sekali", status: "DIVERIFIKASI", diverifikasiAt: mulai, mulaiDihitungAt: mulai, tenggat: new Date("2026-12-29T07:00:00Z"), seq: 2 },
    });
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
});

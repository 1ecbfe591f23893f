import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createTestApp, serviceFixture, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, LIVE, deskContext, hasChromium, inBrowserDateTime, launch, logIn, phoneContext, shot } from "./e2e-kit";

/**
 * The helpdesk's consultations in a real browser: at desk width an officer opens "Konsultasi (helpdesk)" from the
 * counter console, sends the form empty (every bad value by its field and in the error summary), records a phone
 * consultation, escalates it to LKPP (the promised callback shows in the office's zone), is told to reload when
 * another officer changed it meanwhile, answers it, and finds it under "Sudah dijawab", counted in the year's
 * summary. The page is also looked at on a phone.
 */

describe.skipIf(!hasChromium)("the helpdesk's consultations in the browser", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  const f = new Findings();
  const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  async function open(kind: "phone" | "desk", who: string): Promise<Page> {
    const context = kind === "phone" ? await phoneContext(browser) : await deskContext(browser);
    contexts.push(context);
    return f.watch(await context.newPage(), who);
  }

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    fx = await serviceFixture(t, { sla: { jumlah: 2, satuan: "HARI_KERJA" } });
    base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  it("desk: an officer records a phone consultation, escalates it to LKPP, answers it; it moves to “Sudah dijawab”", async () => {
    const page = await open("desk", "petugas 1280");
    await logIn(page, base, fx.petugas.nomorIdentitas, /\/petugas\/antrian$/);
    await page.goto(`${base}/loket`);
    await page.getByRole("link", { name: "Konsultasi (helpdesk)" }).click();
    await page.waitForURL(/\/loket\/konsultasi$/);
    await page.getByRole("heading", { name: "Konsultasi (helpdesk)", level: 1 }).waitFor();
    await page.getByText("Tidak ada konsultasi yang menunggu jawaban.").waitFor();
    await f.audit(page, "/loket/konsultasi kosong 1280");

    // sent empty: the API's messages by their fields, and the summary on top
    const form = page.getByRole("form", { name: "Catat konsultasi" });
    await form.getByRole("button", { name: "Simpan konsultasi" }).click();
    const summary = page.getByRole("group", { name: /Ada masalah/ });
    await summary.waitFor();
    await summary.getByText(/Nama penanya/).waitFor();
    await summary.getByText(/Kontak/).waitFor();
    await summary.getByText(/Pertanyaan/).waitFor();
    expect(await form.getByLabel("Nama penanya").getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("Kontak").getAttribute("aria-invalid")).toBe("true");
    expect(await form.getByLabel("Pertanyaan").getAttribute("aria-invalid")).toBe("true");
    await form.locator(".field__error", { hasText: "Kontak untuk menghubungi kembali: nomor HP (08…) atau alamat email." }).waitFor();
    await f.audit(page, "/loket/konsultasi salah 1280");
    await shot(page, "konsultasi-salah");

    await form.getByLabel("Nama penanya").fill("Sutrisno");
    await form.getByLabel("Organisasi").fill("CV Maju Jaya");
    await form.getByLabel("Kontak").fill("081234567890");
    await form.getByLabel("Telepon").check();
    await form.getByLabel("Layanan").selectOption({ label: "Rekomendasi Dispensasi Menikah" });
    await form.getByLabel("Pertanyaan").fill("Mengapa akun penyedia kami tidak dapat mengunggah dokumen penawaran di SPSE?");
    await form.getByRole("button", { name: "Simpan konsultasi" }).click();
    await form.getByText(/^Konsultasi KNS\/.* dari Sutrisno tercatat\./).waitFor();
    const row = await t.db.prisma.konsultasi.findFirstOrThrow({ where: { instansiId: fx.instansi.id } });
    expect(row).toMatchObject({ status: "TERBUKA", kanal: "TELEPON", organisasi: "CV Maju Jaya", layananId: expect.any(String) });
    expect(await form.getByLabel("Nama penanya").inputValue()).toBe("");
    const card = page.locator("li.request", { hasText: row.nomor });
    await card.getByText("Sutrisno — CV Maju Jaya").waitFor();
    await card.getByText("081234567890").waitFor();
    await card.getByText("Telepon", { exact: false }).first().waitFor();
    await card.getByText("Rekomendasi Dispensasi Menikah").waitFor();
    await f.audit(page, "/loket/konsultasi tercatat 1280");

    // escalated to LKPP (the default): the callback promised within the service's two working days
    await card.getByRole("button", { name: `Eskalasi ${row.nomor}` }).click();
    expect(await card.getByLabel("Eskalasi ke").inputValue()).toBe("LKPP");
    await f.audit(page, "/loket/konsultasi eskalasi 1280");
    await card.getByRole("button", { name: `Kirim eskalasi ${row.nomor}` }).click();
    await card.locator(".badge", { hasText: "Dieskalasi ke LKPP" }).waitFor();
    const escalated = await t.db.prisma.konsultasi.findUniqueOrThrow({ where: { id: row.id } });
    expect(escalated).toMatchObject({ status: "DIEKSKALASI", eskalasiKe: "LKPP" });
    const tenggat = await inBrowserDateTime(page, escalated.tenggatJawab!.toISOString());
    await card.getByText(`Hubungi kembali paling lambat ${tenggat} WIB`).waitFor();
    expect(await card.getByRole("button", { name: `Eskalasi ${row.nomor}` }).count()).toBe(0);
    await f.audit(page, "/loket/konsultasi dieskalasi 1280");
    await shot(page, "konsultasi-dieskalasi");

    // another officer changed it meanwhile: the answer is refused with a reload message, then sent again
    await t.db.prisma.konsultasi.update({ where: { id: row.id }, data: { versi: { increment: 1 } } });
    await card.getByRole("button", { name: `Jawab ${row.nomor}` }).click();
    await card.getByLabel("Jawaban", { exact: true }).fill("Menurut LKPP, perbarui aplikasi SPAMKODOK lalu unggah ulang.");
    await card.getByRole("button", { name: `Simpan jawaban ${row.nomor}` }).click();
    await card.getByText(/baru saja diubah petugas lain\. Muat ulang daftar/).waitFor();
    expect((await t.db.prisma.konsultasi.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("DIEKSKALASI");
    await page.getByRole("button", { name: "Muat ulang daftar" }).click();
    await card.getByRole("button", { name: `Jawab ${row.nomor}` }).click();
    await card.getByLabel("Jawaban", { exact: true }).fill("Menurut LKPP, perbarui aplikasi SPAMKODOK lalu unggah ulang.");
    await card.getByRole("button", { name: `Simpan jawaban ${row.nomor}` }).click();
    await card.waitFor({ state: "detached", timeout: LIVE });
    const answered = await t.db.prisma.konsultasi.findUniqueOrThrow({ where: { id: row.id } });
    expect(answered).toMatchObject({ status: "SELESAI", jawaban: "Menurut LKPP, perbarui aplikasi SPAMKODOK lalu unggah ulang." });

    // under "Sudah dijawab", with the answer; counted in the year's summary
    await page.getByRole("button", { name: "Sudah dijawab" }).click();
    const done = page.locator("li.request", { hasText: row.nomor });
    await done.getByText("Menurut LKPP, perbarui aplikasi SPAMKODOK lalu unggah ulang.").waitFor();
    await done.locator(".badge", { hasText: "Sudah dijawab" }).waitFor();
    await done.getByText(/^Dijawab .* oleh /).waitFor();
    const stats = page.locator("dl.stats");
    await stats.locator("div", { hasText: "Jumlah konsultasi" }).locator("dd", { hasText: /^1$/ }).waitFor();
    await stats.locator("div", { hasText: "Dieskalasi" }).locator("dd", { hasText: /^1$/ }).waitFor();
    await stats.locator("div", { hasText: "Belum dijawab" }).locator("dd", { hasText: /^0$/ }).waitFor();
    await f.audit(page, "/loket/konsultasi sudah dijawab 1280");
    await shot(page, "konsultasi-dijawab");

    // answered on the spot: closed at once
    await form.getByLabel("Nama penanya").fill("Rina Wulandari");
    await form.getByLabel("Kontak").fill("rina@contoh.id");
    await form.getByLabel("Datang langsung").check();
    await form.getByLabel("Pertanyaan").fill("Di mana jadwal pelatihan SPSE untuk penyedia?");
    await form.getByLabel("Jawaban langsung").fill("Jadwal pelatihan ada di papan pengumuman LPSE.");
    await form.getByRole("button", { name: "Simpan konsultasi" }).click();
    await form.getByText(/dari Rina Wulandari tercatat dan sudah dijawab\./).waitFor();
    await page.locator("li.request", { hasText: "Rina Wulandari" }).waitFor();
    await stats.locator("div", { hasText: "Dijawab langsung" }).locator("dd", { hasText: /^1$/ }).waitFor();
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 180_000);

  it("phone: the page fits a 390 px screen", async () => {
    const page = await open("phone", "petugas 390");
    await logIn(page, base, fx.petugas.nomorIdentitas, /\/petugas\/antrian$/);
    await page.goto(`${base}/loket/konsultasi`);
    await page.getByRole("heading", { name: "Konsultasi (helpdesk)", level: 1 }).waitFor();
    await page.getByRole("form", { name: "Catat konsultasi" }).waitFor();
    await page.getByRole("button", { name: "Sudah dijawab" }).click();
    await page.locator("li.request").first().waitFor();
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/loket/konsultasi 390");
    await shot(page, "konsultasi-ponsel", false);
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { createTestApp, serviceFixture, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, LIVE, deskContext, hasChromium, launch, logIn, phoneContext, shot } from "./e2e-kit";

/**
 * The SKM survey of a helpdesk consultation in a real browser: at desk width the officer records a consultation
 * answered on the spot and is given its survey link at once (text, "Salin tautan", a QR code of the same link),
 * and finds it again under "Sudah dijawab". On a phone without an account the caller opens the link: the office,
 * service and number are shown; a score left out is said by its question; the full answer is thanked for and
 * stored without a respondent; opened again, the page says it was already answered; a forged link is not known.
 */

describe.skipIf(!hasChromium)("the survey of a helpdesk consultation in the browser", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  const f = new Findings();
  const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  let link = "";
  let nomor = "";

  async function open(kind: "phone" | "desk", who: string): Promise<Page> {
    const context = kind === "phone" ? await phoneContext(browser) : await deskContext(browser);
    contexts.push(context);
    return f.watch(await context.newPage(), who);
  }

  /** The text a QR code image on the page holds. */
  async function qrText(page: Page, alt: string): Promise<string | null> {
    const img = page.getByRole("img", { name: alt });
    await img.waitFor();
    const src = (await img.getAttribute("src")) ?? "";
    expect(src).toMatch(/^data:image\/png;base64,/);
    const png = PNG.sync.read(Buffer.from(src.split(",")[1]!, "base64"));
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
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

  it("desk: a consultation answered on the spot gives its survey link at once, and again under “Sudah dijawab”", async () => {
    const page = await open("desk", "petugas 1280");
    await logIn(page, base, fx.petugas.nomorIdentitas, /\/petugas\/antrian$/);
    await page.goto(`${base}/loket/konsultasi`);
    await page.getByRole("heading", { name: "Konsultasi (helpdesk)", level: 1 }).waitFor();
    await page.getByText("Tidak ada konsultasi yang menunggu jawaban.").waitFor();

    const form = page.getByRole("form", { name: "Catat konsultasi" });
    await form.getByLabel("Nama penanya").fill("Rina Wulandari");
    await form.getByLabel("Kontak").fill("081234567890");
    await form.getByLabel("Telepon").check();
    await form.getByLabel("Layanan").selectOption({ label: "Rekomendasi Dispensasi Menikah" });
    await form.getByLabel("Pertanyaan").fill("Apa saja syarat rekomendasi dispensasi menikah?");
    await form.getByLabel("Jawaban langsung").fill("Surat pengantar kelurahan, KTP kedua calon, dan akta kelahiran.");
    await form.getByRole("button", { name: "Simpan konsultasi" }).click();
    await form.getByText(/dari Rina Wulandari tercatat dan sudah dijawab\./).waitFor();
    const row = await t.db.prisma.konsultasi.findFirstOrThrow({ where: { instansiId: fx.instansi.id } });
    expect(row.status).toBe("SELESAI");
    nomor = row.nomor;

    // right after answering: the link, a copy button and the QR code of the same link, under the form
    const fresh = form.getByRole("region", { name: `Tautan survei untuk penanya ${nomor}` });
    const text = fresh.locator(".konsultasi__tautan");
    await text.waitFor();
    link = (await text.innerText()).trim();
    expect(link).toMatch(/^https?:\/\/[^/]+\/survei\/konsultasi\/[A-Za-z0-9_-]{44}$/);
    expect(await qrText(page, `Kode QR tautan survei konsultasi ${nomor}`)).toBe(link);
    await fresh.getByRole("button", { name: `Salin tautan survei ${nomor}` }).click();
    // copied, or (no clipboard permission) the text selected to copy by hand
    await fresh
      .getByRole("status")
      .getByText(/Tautan disalin|sudah dipilih/)
      .waitFor();
    await f.audit(page, "/loket/konsultasi tautan survei 1280");

    // under "Sudah dijawab", the same link on the answered consultation
    await page.getByRole("button", { name: "Sudah dijawab" }).click();
    const card = page.locator("li.request", { hasText: nomor });
    await card.getByText("Surat pengantar kelurahan, KTP kedua calon, dan akta kelahiran.").waitFor();
    const inList = card.getByRole("region", { name: `Tautan survei untuk penanya ${nomor}` });
    await inList.locator(".konsultasi__tautan", { hasText: link }).waitFor();
    await inList.getByRole("button", { name: `Salin tautan survei ${nomor}` }).waitFor();
    await inList.getByRole("img", { name: `Kode QR tautan survei konsultasi ${nomor}` }).waitFor();
    await f.audit(page, "/loket/konsultasi sudah dijawab 1280");
    await shot(page, "survei-konsultasi-loket");
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);

  it("phone, no account: the caller opens the link, is told a missing score by its question, answers once", async () => {
    expect(link).not.toBe("");
    const page = await open("phone", "penanya 390");
    const path = new URL(link).pathname;
    await page.goto(base + path);
    await page.getByRole("heading", { name: "Survei kepuasan layanan konsultasi", level: 1 }).waitFor();
    const about = page.getByRole("region", { name: "Konsultasi yang dinilai" });
    await about.getByText(fx.instansi.nama).waitFor();
    await about.getByText("Rekomendasi Dispensasi Menikah").waitFor();
    await about.getByText(nomor, { exact: true }).waitFor();
    // the question and the caller are never shown
    expect(await page.getByText("Apa saja syarat rekomendasi").count()).toBe(0);
    expect(await page.getByText("Rina Wulandari").count()).toBe(0);
    await f.audit(page, "/survei/konsultasi 390");

    // one element left out: said by that question, which takes the focus; nothing is stored
    const survey = page.getByRole("form", { name: "Survei kepuasan masyarakat" });
    const items = survey.locator(".survey__item");
    await expect.poll(() => items.count()).toBe(9);
    const scores = ["Sangat baik", "Baik", "Baik", "Sangat baik", "Baik", "Kurang baik", "Sangat baik", "Baik", "Baik"];
    for (let i = 0; i < 9; i++) if (i !== 4) await items.nth(i).getByRole("radio", { name: scores[i], exact: true }).check();
    await survey.getByRole("button", { name: "Kirim penilaian" }).click();
    await items.nth(4).getByText("Beri nilai untuk “Produk spesifikasi jenis pelayanan” (dan semua unsur lainnya).").waitFor();
    expect(
      await items
        .nth(4)
        .getByRole("radio", { name: "Tidak baik", exact: true })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(await t.db.prisma.surveiKepuasan.count()).toBe(0);
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/survei/konsultasi belum lengkap 390");

    await items.nth(4).getByRole("radio", { name: scores[4], exact: true }).check();
    await expect
      .poll(() =>
        items
          .nth(4)
          .getByText(/Beri nilai untuk/)
          .count(),
      )
      .toBe(0);
    await survey.getByLabel("Saran atau komentar (tidak wajib)").fill("Petugas ramah; mohon nomor WhatsApp helpdesk dicantumkan di situs.");
    await shot(page, "survei-konsultasi");
    await survey.getByRole("button", { name: "Kirim penilaian" }).click();
    await page.getByText("Terima kasih. Penilaian Anda membantu kantor memperbaiki pelayanan.").waitFor();
    const stored = await t.db.prisma.surveiKepuasan.findMany({ where: { kasusId: (await t.db.prisma.konsultasi.findFirstOrThrow({ where: { nomor } })).id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      jenisKasus: "KONSULTASI",
      respondenId: null,
      instansiId: fx.instansi.id,
      komentar: "Petugas ramah; mohon nomor WhatsApp helpdesk dicantumkan di situs.",
    });
    expect([stored[0]!.u1, stored[0]!.u2, stored[0]!.u3, stored[0]!.u4, stored[0]!.u5, stored[0]!.u6, stored[0]!.u7, stored[0]!.u8, stored[0]!.u9]).toEqual([
      4, 3, 3, 4, 3, 2, 4, 3, 3,
    ]);
    await f.audit(page, "/survei/konsultasi terkirim 390");

    // opened again: already answered, no form
    await page.reload();
    await page.getByRole("heading", { name: "Survei kepuasan layanan konsultasi", level: 1 }).waitFor();
    await page.getByText("Survei untuk konsultasi ini sudah diisi. Terima kasih.").waitFor();
    expect(await page.getByRole("button", { name: "Kirim penilaian" }).count()).toBe(0);
    await f.audit(page, "/survei/konsultasi sudah diisi 390");
    await shot(page, "survei-konsultasi-sudah-diisi", false);

    // a forged link (its last characters changed): not known, with the way to the help pages
    const last = path.slice(-3);
    const forged = path.slice(0, -3) + (last === "AAA" ? "BBB" : "AAA");
    await page.goto(base + forged);
    await page.getByRole("heading", { name: "Survei tidak ditemukan", level: 1 }).waitFor();
    await page.getByText(/Tautan survei tidak dikenal\. Periksa tautan dari petugas\./).waitFor();
    await page.getByRole("link", { name: "Lihat Bantuan" }).waitFor();
    expect(await page.getByRole("form", { name: "Survei kepuasan masyarakat" }).count()).toBe(0);
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/survei/konsultasi tidak dikenal 390");
    await shot(page, "survei-konsultasi-tidak-dikenal", false);
    expect(await t.db.prisma.surveiKepuasan.count()).toBe(1);
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);

  it("desk: a consultation answered from the open list shows its survey link right after the answer", async () => {
    const page = await open("desk", "petugas 1280 (jawab)");
    await logIn(page, base, fx.petugas.nomorIdentitas, /\/petugas\/antrian$/);
    await page.goto(`${base}/loket/konsultasi`);
    const form = page.getByRole("form", { name: "Catat konsultasi" });
    await form.getByLabel("Nama penanya").fill("Sutrisno");
    await form.getByLabel("Kontak").fill("sutrisno@contoh.id");
    await form.getByLabel("Email", { exact: true }).check();
    await form.getByLabel("Pertanyaan").fill("Kapan loket buka pada hari Sabtu?");
    await form.getByRole("button", { name: "Simpan konsultasi" }).click();
    await form.getByText(/dari Sutrisno tercatat\. Jawab atau eskalasikan/).waitFor();
    expect(await form.getByRole("region", { name: /Tautan survei untuk penanya/ }).count()).toBe(0);
    const row = await t.db.prisma.konsultasi.findFirstOrThrow({ where: { namaPenanya: "Sutrisno" } });
    const card = page.locator("li.request", { hasText: row.nomor });
    await card.getByRole("button", { name: `Jawab ${row.nomor}` }).click();
    await card.getByLabel("Jawaban", { exact: true }).fill("Loket tutup pada hari Sabtu; layanan daring tetap dibuka.");
    await card.getByRole("button", { name: `Simpan jawaban ${row.nomor}` }).click();
    await card.waitFor({ state: "detached", timeout: LIVE });
    const panel = page.locator(".konsultasi__baru-dijawab");
    await panel.getByText(`Konsultasi ${row.nomor} dari Sutrisno sudah dijawab.`).waitFor();
    const text = panel.getByRole("region", { name: `Tautan survei untuk penanya ${row.nomor}` }).locator(".konsultasi__tautan");
    await text.waitFor();
    expect((await text.innerText()).trim()).toMatch(/\/survei\/konsultasi\/[A-Za-z0-9_-]{44}$/);
    expect((await text.innerText()).trim()).not.toBe(link);
    await f.audit(page, "/loket/konsultasi baru dijawab 1280");
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);
});

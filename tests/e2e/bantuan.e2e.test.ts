import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { createInstansi, createStaff, type TestApp } from "../helpers/app";
import { createTestApp } from "../helpers/app";
import { seedBantuan } from "../../server/modules/bantuan/seed";
import { buildClient } from "./build-client";
import { Findings, deskContext, hasChromium, launch, logIn, phoneContext, shot } from "./e2e-kit";

/**
 * The help pages in a real browser: a citizen on a phone reaches /bantuan from the footer and from an error page,
 * reads the Pekalongan FAQ (seed 003), searches it (a hit, and a miss that points to the office's contact block);
 * the office's admin at a desk edits a question, the wrong input answered by its field. Axe at both widths.
 */
describe.skipIf(!hasChromium)("help pages (bantuan) in the browser", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let phone: Page;
  let desk: Page;
  let admin: Awaited<ReturnType<typeof createStaff>>;
  const f = new Findings();

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    const pkl = await createInstansi(t, "KOMINFO-KOTA-PKL");
    await t.db.prisma.instansi.update({
      where: { id: pkl.id },
      data: {
        nama: "Dinas Komunikasi dan Informatika Kota Pekalongan",
        alamat: "Jl. Mataram No. 1, Kota Pekalongan",
        telepon: "(0285) 421093",
        whatsapp: "0812-2500-1234",
        email: "diskominfo@pekalongankota.go.id",
      },
    });
    await createInstansi(t, "KMG-MADIUN");
    await t.db.prisma.$transaction((tx) => seedBantuan(tx, new Map([["KOMINFO-KOTA-PKL", pkl.id]])));
    admin = await createStaff(t, "ADMIN", pkl.id);
    base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
    browser = await launch();
    phone = f.watch(await (await phoneContext(browser)).newPage(), "warga");
    desk = f.watch(await (await deskContext(browser)).newPage(), "admin");
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("is linked from the footer and from an error page; the general page leads to each office's", async () => {
    await phone.goto(`${base}/alamat-yang-tidak-ada`);
    await phone.getByRole("heading", { name: "Halaman tidak ditemukan" }).waitFor();
    await f.audit(phone, "404 phone");
    await phone.locator("main").getByRole("link", { name: "Lihat Bantuan" }).click();
    await phone.waitForURL(/\/bantuan$/);
    await phone.getByRole("heading", { name: "Bantuan", level: 1 }).waitFor();
    await phone.goto(`${base}/`);
    await phone.locator("footer").getByRole("link", { name: "Bantuan" }).click();
    await phone.waitForURL(/\/bantuan$/);
    await phone.getByText("Belum ada pertanyaan umum.").waitFor();
    await f.audit(phone, "bantuan umum phone");
    await shot(phone, "bantuan-umum");
    await phone.getByRole("link", { name: "Dinas Komunikasi dan Informatika Kota Pekalongan" }).click();
    await phone.waitForURL(/\/bantuan\/KOMINFO-KOTA-PKL$/);
  }, 180_000);

  it("reads the office's FAQ by topic, with its contact block", async () => {
    await phone.getByRole("heading", { name: "Bantuan Dinas Komunikasi dan Informatika Kota Pekalongan" }).waitFor();
    expect(await phone.locator(".bantuan__topik h2").allInnerTexts()).toEqual(["Umum", "Laporan", "Tracking", "Tentang kami"]);
    const item = phone.locator("details", { hasText: "Berapa lama waktu yang diperlukan untuk proses tindak lanjut aduan?" });
    await item.locator("summary").click();
    await item.getByText("Waktu yang diperlukan 2x24 Jam setelah aduan diterima dan diverifikasi oleh admin.").waitFor();
    const kontak = phone.locator("#kontak");
    await kontak.getByRole("link", { name: "0812-2500-1234" }).waitFor();
    expect(await kontak.getByRole("link", { name: "0812-2500-1234" }).getAttribute("href")).toBe("https://wa.me/6281225001234");
    await kontak.getByText("Jl. Mataram No. 1, Kota Pekalongan").waitFor();
    await kontak.getByRole("row", { name: /Senin – Kamis/ }).waitFor();
    await f.audit(phone, "bantuan instansi phone");
    await shot(phone, "bantuan-instansi");
  }, 180_000);

  it("searches on the server: Indonesian word forms find the answer; a miss points to the contact block", async () => {
    await phone.getByRole("searchbox", { name: /Cari pertanyaan/ }).fill("mendaftar");
    await phone.getByRole("button", { name: "Cari", exact: true }).click();
    await phone.waitForURL(/cari=mendaftar/);
    const hasil = phone.locator(".bantuan__hasil");
    await hasil.getByRole("heading", { name: "Bagaimana cara mendaftar akun?" }).waitFor();
    await hasil.getByText('Anda dapat menggunakan link "Daftar di sini" pada menu login').waitFor();
    await f.audit(phone, "bantuan cari phone");
    await shot(phone, "bantuan-cari");

    await phone.getByRole("searchbox", { name: /Cari pertanyaan/ }).fill("gajah terbang");
    await phone.getByRole("button", { name: "Cari", exact: true }).click();
    await hasil.getByText("Tidak ada jawaban untuk “gajah terbang”.").waitFor();
    await hasil.getByRole("link", { name: "Hubungi Dinas Komunikasi dan Informatika Kota Pekalongan" }).click();
    await phone.waitForURL(/#kontak$/);
    await f.audit(phone, "bantuan cari kosong phone");
    await shot(phone, "bantuan-cari-kosong");
  }, 180_000);

  it("the office's admin edits a question; a wrong value is answered by its field; citizens see the change", async () => {
    await logIn(desk, base, admin.nomorIdentitas, /\/admin\/aktivasi$/);
    await desk.goto(`${base}/bantuan/KOMINFO-KOTA-PKL`);
    const item = desk.locator("details", { hasText: "Apakah proses aduan konten ini dipungut biaya?" });
    await item.locator("summary").click();
    await item.getByRole("button", { name: /^Ubah/ }).click();
    const form = desk.getByRole("form", { name: /Ubah pertanyaan/ });
    await form.getByLabel("Pertanyaan").fill("Apa?");
    await form.getByRole("button", { name: "Simpan perubahan" }).click();
    await form.getByText("Pertanyaan 5–300 karakter.").waitFor();
    expect(await desk.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("pertanyaan");
    await f.audit(desk, "bantuan ubah galat desk");
    await shot(desk, "bantuan-ubah-galat");

    await form.getByLabel("Pertanyaan").fill("Apakah proses aduan dipungut biaya?");
    await form.getByLabel("Jawaban").fill("Tidak, seluruh proses aduan tidak dipungut biaya (gratis).\n\n- Tanpa perantara\n- Tanpa biaya materai");
    await form.getByRole("button", { name: "Simpan perubahan" }).click();
    await form.waitFor({ state: "detached" });
    const edited = desk.locator("details", { hasText: "Apakah proses aduan dipungut biaya?" });
    await edited.getByRole("listitem").filter({ hasText: "Tanpa biaya materai" }).waitFor();
    await f.audit(desk, "bantuan diubah desk");
    await shot(desk, "bantuan-admin");

    const row = await t.db.prisma.bantuanTanyaJawab.findFirst({ where: { pertanyaan: "Apakah proses aduan dipungut biaya?" } });
    expect(row?.jawaban).toBe("Tidak, seluruh proses aduan tidak dipungut biaya (gratis).\n\n- Tanpa perantara\n- Tanpa biaya materai");
    // the wrong value never left the browser (the same check as the server's); the edit is in the audit trail
    expect(await t.db.prisma.auditLog.count({ where: { aksi: "Mutation.ubahTanyaJawab" } })).toBe(1);

    // the contact block: a number WhatsApp cannot reach is refused by its field, a good one is shown at once
    await desk.getByRole("button", { name: "Ubah kontak instansi" }).click();
    const kontak = desk.getByRole("form", { name: "Ubah kontak instansi" });
    await kontak.getByLabel("WhatsApp").fill("12345");
    await kontak.getByRole("button", { name: "Simpan kontak" }).click();
    await kontak.getByText("Nomor WhatsApp tidak valid; tulis nomor Indonesia, misalnya 0812-3456-7890.").waitFor();
    await f.audit(desk, "bantuan kontak galat desk");
    await kontak.getByLabel("WhatsApp").fill("0813-1111-2222");
    await kontak.getByRole("button", { name: "Simpan kontak" }).click();
    await desk.getByText("Kontak instansi disimpan.").waitFor();
    expect(await desk.locator("#kontak").getByRole("link", { name: "0813-1111-2222" }).getAttribute("href")).toBe("https://wa.me/6281311112222");

    // a citizen's search finds the new words; the citizen has no editing buttons
    await phone.goto(`${base}/bantuan/KOMINFO-KOTA-PKL?cari=materai`);
    await phone.locator(".bantuan__hasil").getByRole("heading", { name: "Apakah proses aduan dipungut biaya?" }).waitFor();
    expect(await phone.getByRole("button", { name: /^Ubah/ }).count()).toBe(0);
  }, 180_000);

  it("no script errors and no serious axe findings", () => {
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  });
});

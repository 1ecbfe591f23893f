import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { activeCitizen, createInstansi, createStaff, createTestApp, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, deskContext, hasChromium, launch, logIn, phoneContext, shot } from "./e2e-kit";

/**
 * Issue #14, the first day of a new office, in a real browser at phone and desk widths (axe clean):
 * - a form whose list of choices is empty says why and what to do (an office with no complaint category: the
 *   citizen is told to contact the office, its admin is sent to the category page, and once a category exists
 *   the list is there);
 * - "Layanan yang saya butuhkan tidak ada": from a search with no result and from the catalogue, without an
 *   account; the office's admin sees the requests counted together and marks them handled.
 */

describe.skipIf(!hasChromium)("empty choices and requests for missing services in the browser", { timeout: 240_000 }, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let phone: Page;
  let desk: Page;
  let warga: Awaited<ReturnType<typeof activeCitizen>>;
  let admin: Awaited<ReturnType<typeof createStaff>>;
  const f = new Findings();

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    // an office created before the default categories (as a test fixture writes it): none at all
    const office = await createInstansi(t, "KEC-KOSONG");
    await t.db.prisma.instansi.update({
      where: { id: office.id },
      data: { nama: "Kecamatan Kosong", telepon: "(0272) 321432", email: "kecamatan@contoh.go.id" },
    });
    admin = await createStaff(t, "ADMIN", office.id);
    warga = await activeCitizen(t);
    const port = await t.app.start(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;
    browser = await launch();
    const phoneCtx = await phoneContext(browser);
    const deskCtx = await deskContext(browser);
    contexts.push(phoneCtx, deskCtx);
    phone = f.watch(await phoneCtx.newPage(), "phone");
    desk = f.watch(await deskCtx.newPage(), "desk");
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("a complaint form with no category says why and how to reach the office; the admin is sent to add one", async () => {
    await logIn(phone, base, warga.nik, /\/pengajuan$/, warga.password);
    await phone.goto(`${base}/pengaduan/baru`);
    const note = phone.locator("output[name=kategoriId]");
    await note.getByText("Kecamatan Kosong belum menyiapkan kategori pengaduan").waitFor();
    expect(await phone.locator("select[name=kategoriId]").count()).toBe(0);
    expect(await note.getByRole("link", { name: "(0272) 321432" }).getAttribute("href")).toBe("tel:0272321432");
    expect(await note.getByRole("link", { name: "kecamatan@contoh.go.id" }).getAttribute("href")).toBe("mailto:kecamatan@contoh.go.id");
    // the form still says what is missing, by the note, and the summary's link reaches it
    await phone.getByRole("button", { name: "Lanjutkan" }).click();
    // the message sits under the note (the field's own `.field__error`), and the summary names it with a link
    await phone.locator(".field", { has: note }).locator(".field__error", { hasText: "Pilih kategori pengaduan." }).waitFor();
    await phone
      .getByRole("group", { name: /Ada masalah/ })
      .getByRole("link", { name: "Kategori: Pilih kategori pengaduan." })
      .click();
    expect(await phone.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("kategoriId");
    await f.audit(phone, "/pengaduan/baru (tanpa kategori)");
    await shot(phone, "kategori-kosong-warga");

    // the office's admin, recording a complaint that came in person, is sent to the category page
    await logIn(desk, base, admin.nomorIdentitas, /\/admin\//);
    await desk.goto(`${base}/petugas/pengaduan/catat`);
    await desk.locator("output[name=kategoriId]").getByText("belum menyiapkan kategori pengaduan").waitFor();
    await f.audit(desk, "/petugas/pengaduan/catat (tanpa kategori)");
    await shot(desk, "kategori-kosong-admin");
    await desk.getByRole("link", { name: "Kategori pengaduan" }).click();
    await desk.getByRole("heading", { name: "Kategori pengaduan" }).waitFor();
    await desk.getByLabel("Kategori baru").fill("Pelayanan publik");
    await desk.getByRole("button", { name: "Tambah" }).click();
    await desk.locator(".inbox-row", { hasText: "Pelayanan publik" }).waitFor();
    // and can rename it
    await desk.getByRole("button", { name: "Ubah nama Pelayanan publik" }).click();
    await desk.getByLabel("Nama baru untuk Pelayanan publik").fill("Pelayanan publik (prosedur, waktu, biaya)");
    await desk.getByRole("button", { name: "Simpan" }).click();
    await desk.locator(".inbox-row", { hasText: "Pelayanan publik (prosedur, waktu, biaya)" }).waitFor();
    await f.audit(desk, "/admin/kategori-pengaduan");
    await shot(desk, "kategori-admin-ubah-nama");

    // now the citizen has a list to choose from
    await phone.reload();
    await phone.getByLabel("Kategori").selectOption({ label: "Pelayanan publik (prosedur, waktu, biaya)" });
    expect(await phone.locator("output[name=kategoriId]").count()).toBe(0);
  });

  it("a search with no result leads to the missing-service form, with its words; anyone may send it", async () => {
    // a phone that never logged in
    const anonCtx = await phoneContext(browser);
    contexts.push(anonCtx);
    const anon = f.watch(await anonCtx.newPage(), "anon");
    await anon.goto(`${base}/layanan`);
    await anon.getByRole("searchbox", { name: "Cari layanan" }).fill("legalisir ijazah");
    await anon.getByRole("button", { name: "Cari" }).click();
    await anon.getByText("Tidak ada layanan yang cocok").waitFor();
    await anon.getByRole("link", { name: "beri tahu kantor layanan yang Anda butuhkan" }).click();
    // (the catalogue has a section with the same words as its h2: wait for the form's own page and its h1)
    await anon.waitForURL(/\/layanan\/usulkan/);
    await anon.getByRole("heading", { level: 1, name: "Layanan yang Anda butuhkan tidak ada?" }).waitFor();
    expect(await anon.getByLabel("Layanan yang Anda butuhkan", { exact: true }).inputValue()).toBe("legalisir ijazah");
    // the browser checks what the server checks
    await anon.getByLabel(/Email atau nomor telepon/).fill("0812");
    await anon.getByRole("button", { name: "Kirim usulan" }).click();
    await anon.getByText(/Tulis alamat email .* atau nomor telepon/).waitFor();
    await f.audit(anon, "/layanan/usulkan (salah)");
    await shot(anon, "usulan-layanan-salah");
    await anon.getByLabel(/Email atau nomor telepon/).fill("warga@contoh.id");
    await anon.getByRole("button", { name: "Kirim usulan" }).click();
    await anon.getByRole("heading", { name: "Usulan terkirim" }).waitFor();
    await anon.getByText(/dapat menghubungi Anda/).waitFor();
    await f.audit(anon, "/layanan/usulkan (terkirim)");
    await shot(anon, "usulan-layanan-terkirim");

    // from the catalogue at a desk, another wording of the same need, without a contact
    await desk.goto(`${base}/layanan`);
    await desk.getByRole("link", { name: "formulir usulan layanan" }).click();
    await desk.waitForURL(/\/layanan\/usulkan/);
    await desk.getByRole("heading", { level: 1, name: "Layanan yang Anda butuhkan tidak ada?" }).waitFor();
    await desk.getByLabel("Layanan yang Anda butuhkan", { exact: true }).fill("Saya butuh LEGALISIR ijazah secara online");
    await desk.getByRole("button", { name: "Kirim usulan" }).click();
    await desk.getByRole("heading", { name: "Usulan terkirim" }).waitFor();
    await desk.goto(`${base}/layanan/usulkan`);
    await desk.getByLabel("Layanan yang Anda butuhkan", { exact: true }).fill("Kartu nelayan");
    await desk.getByRole("button", { name: "Kirim usulan" }).click();
    await desk.getByRole("heading", { name: "Usulan terkirim" }).waitFor();
    await f.audit(desk, "/layanan (katalog)");
  });

  it("the admin sees them counted together, with the contact, and marks a group handled", async () => {
    await desk.goto(`${base}/admin/usulan-layanan`);
    const group = desk.locator(".usulan", { hasText: "2 usulan" });
    await group.waitFor();
    await group.getByText("legalisir ijazah", { exact: true }).waitFor();
    await group.getByText("Kontak yang dapat dihubungi (1)").click();
    await group.getByText("warga@contoh.id").waitFor();
    await desk.locator(".usulan", { hasText: "Kartu nelayan" }).getByText("1 usulan").waitFor();
    await f.audit(desk, "/admin/usulan-layanan");
    await shot(desk, "usulan-layanan-admin");
    await group.getByRole("button", { name: /Tandai sudah ditangani/ }).click();
    await desk.getByText(/ditandai sudah ditangani \(2 usulan\)/).waitFor();
    await desk.locator(".usulan", { hasText: "2 usulan" }).waitFor({ state: "detached" });
    await desk.getByLabel("Sudah ditangani").check();
    await desk.locator(".usulan", { hasText: "2 usulan" }).waitFor();
    await f.audit(desk, "/admin/usulan-layanan (ditangani)");
    expect(f.axe).toEqual([]);
    expect(f.problems).toEqual([]);
  });
});

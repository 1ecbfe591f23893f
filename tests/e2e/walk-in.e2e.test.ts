import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PNG_1X1, activeCitizen, createTestApp, makeNik, serviceFixture, tinyPdf, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, LIVE, deskContext, hasChromium, launch, logIn, menuLink, phoneContext, shot } from "./e2e-kit";

/**
 * A walk-in served end to end at the counter (issue 16), in a real browser against the real API: an officer at a
 * desk serves a person without an account (NIK, name, phone, consent; the service's form; scanned documents;
 * check; submit; the proof to print), and an admin on a phone serves a citizen who has an account (the name and
 * masked NIK to confirm). Errors are shown by their fields and in the summary; axe at each step; screenshots at
 * both widths.
 */

describe.skipIf(!hasChromium)("walk-ins at the counter, in the browser", () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let base: string;
  let browser: Browser;
  let deskCtx: BrowserContext;
  let phoneCtx: BrowserContext;
  let officer: Page;
  let admin: Page;
  const findings = new Findings();
  const nik = makeNik(true);

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    fx = await serviceFixture(t);
    const port = await t.app.start(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;
    browser = await launch();
    deskCtx = await deskContext(browser);
    phoneCtx = await phoneContext(browser);
    officer = findings.watch(await deskCtx.newPage(), "officer");
    admin = findings.watch(await phoneCtx.newPage(), "admin");
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("an officer serves a person without an account, from NIK to the printed proof", { timeout: 240_000 }, async () => {
    await logIn(officer, base, fx.petugas.nomorIdentitas, /\/petugas\/antrian$/);
    await (await menuLink(officer, "Layani pemohon")).click();
    await officer.waitForURL(/\/loket\/baru$/);
    await officer.getByRole("heading", { name: "Layani pemohon di loket" }).waitFor();

    // a NIK that cannot be one is refused by its field, before asking the API
    await officer.getByLabel("NIK pemohon").fill("3519");
    await officer.getByRole("button", { name: "Cari", exact: true }).click();
    await officer.locator(".field__error", { hasText: /NIK/ }).waitFor();
    await officer.getByLabel("NIK pemohon").fill(nik);
    await officer.getByRole("button", { name: "Cari", exact: true }).click();
    await officer.getByRole("heading", { name: "Pemohon belum punya akun" }).waitFor();
    expect(await officer.locator("body").textContent()).not.toContain(nik);

    // nothing filled in: every problem by its field and in the summary at the top
    await officer.getByRole("button", { name: "Mulai pengajuan" }).click();
    const summary = officer.getByRole("group", { name: /Ada masalah/ });
    await summary.waitFor();
    for (const message of [/Nama lengkap wajib diisi/, /Nomor telepon tidak valid/, /menyetujui Syarat dan Ketentuan/, /Pilih layanan/]) {
      await summary.getByRole("link", { name: message }).waitFor();
      await officer.locator(".field__error", { hasText: message }).first().waitFor();
    }
    await findings.audit(officer, "loket: pemohon baru dengan kesalahan");
    await shot(officer, "loket-pemohon-baru-kesalahan");

    await officer.getByLabel("Nama lengkap").fill("Siti Aminah");
    await officer.getByLabel("Nomor telepon").fill("0812 3456 7890");
    await officer.getByRole("checkbox", { name: /Syarat dan Ketentuan/ }).check();
    await officer.getByLabel("Layanan yang diminta").selectOption({ label: "Rekomendasi Dispensasi Menikah" });
    await officer.getByRole("button", { name: "Mulai pengajuan" }).click();
    await officer.waitForURL(/\/loket\/pengajuan\/[0-9a-f-]{36}$/, { timeout: LIVE });
    await officer.getByText("Siti Aminah").first().waitFor();

    // the service's own form and document slots
    await officer.getByLabel("Nama pasangan").fill("Ahmad Fauzi");
    await officer.getByLabel("Rencana tanggal nikah").fill("2027-01-20");
    await officer.getByLabel("Pilih berkas untuk KTP calon pengantin").setInputFiles({ name: "ktp-pindai.png", mimeType: "image/png", buffer: PNG_1X1 });
    await officer.locator(".slot", { hasText: "KTP calon pengantin" }).getByText("Sudah diunggah").waitFor();
    // a required document missing: said by its slot
    await officer.getByRole("button", { name: "Lanjutkan" }).click();
    await officer.locator(".slot--error", { hasText: "Surat pengantar desa" }).waitFor();
    await officer
      .getByLabel("Pilih berkas untuk Surat pengantar desa")
      .setInputFiles({ name: "pengantar.pdf", mimeType: "application/pdf", buffer: tinyPdf("pengantar loket") });
    await officer.locator(".slot", { hasText: "Surat pengantar desa" }).getByText("Sudah diunggah").waitFor();
    await findings.audit(officer, "loket: formulir dan dokumen");
    await shot(officer, "loket-formulir-dokumen");

    await officer.getByRole("button", { name: "Lanjutkan" }).click();
    await officer.getByRole("heading", { name: "Periksa kembali bersama pemohon" }).waitFor();
    await officer.getByText("Ahmad Fauzi").waitFor();
    await officer.getByText(/pengantar\.pdf/).waitFor();
    await findings.audit(officer, "loket: periksa kembali");
    await shot(officer, "loket-periksa-kembali");
    await officer.getByRole("button", { name: "Ajukan", exact: true }).click();

    await officer.getByRole("heading", { name: "Pengajuan diterima" }).waitFor({ timeout: LIVE });
    const nomor = (await officer.locator(".loket-bukti__nomor").textContent())!.trim();
    expect(nomor).toMatch(/^INS\/\d{4}\/\d{6}$/);
    const print = officer.getByRole("link", { name: /Cetak bukti pengajuan/ });
    const href = (await print.getAttribute("href"))!;
    const pdf = await officer.request.get(base + href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
    // the history says the counter did it, and who
    await officer.locator(".timeline").getByText("di loket oleh Staf PETUGAS").first().waitFor();
    await findings.audit(officer, "loket: bukti pengajuan");
    await shot(officer, "loket-bukti-pengajuan");

    // the officer's case page shows the same history
    await officer.getByRole("link", { name: "Buka pengajuan ini di meja petugas" }).click();
    await officer.waitForURL(/\/petugas\/pengajuan\//);
    await officer.locator(".timeline").getByText("di loket oleh Staf PETUGAS").first().waitFor();

    const row = await t.db.prisma.pengajuan.findFirstOrThrow({ where: { nomorRegistrasi: nomor } });
    expect(row.diLoket).toBe(true);
  });

  it("an admin on a phone serves a citizen with an account: name and masked NIK to confirm", { timeout: 240_000 }, async () => {
    const c = await activeCitizen(t);
    await logIn(admin, base, fx.admin.nomorIdentitas, /\/admin\/aktivasi$/);
    await (await menuLink(admin, "Layani pemohon")).click();
    await admin.waitForURL(/\/loket\/baru$/);
    await admin.getByLabel("NIK pemohon").fill(c.nik);
    await admin.getByRole("button", { name: "Cari", exact: true }).click();
    await admin.getByRole("heading", { name: "Pemohon ditemukan" }).waitFor();
    await admin.getByText("Warga Uji Coba").waitFor();
    await admin.getByText(/Akun aktif/).waitFor();
    expect(await admin.locator("body").textContent()).not.toContain(c.nik.slice(4, 12));
    await findings.audit(admin, "loket: pemohon ditemukan");
    await shot(admin, "loket-pemohon-ditemukan");
    await admin.getByLabel("Layanan yang diminta").selectOption({ label: "Rekomendasi Dispensasi Menikah" });
    await admin.getByRole("button", { name: "Mulai pengajuan" }).click();
    await admin.waitForURL(/\/loket\/pengajuan\//, { timeout: LIVE });
    await admin.getByText("Warga Uji Coba").first().waitFor();
    await admin.getByRole("heading", { name: "Isi formulir" }).waitFor();
    await findings.audit(admin, "loket: formulir di ponsel");
    await shot(admin, "loket-formulir-ponsel", false);
    const width = await admin.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);

    expect(findings.axe).toEqual([]);
    expect(findings.problems).toEqual([]);
  });
});

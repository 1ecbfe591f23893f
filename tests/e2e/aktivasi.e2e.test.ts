import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { GOOD_PASSWORD, createStaff, createTestApp, makeNik, registerCitizen, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, LIVE, deskContext, hasChromium, launch, logIn, phoneContext, shot } from "./e2e-kit";

/**
 * Activation is a real check, in a real browser: a citizen registers on a phone with a photo of their KTP; the
 * admin at a desk sees the photo beside the name, masked NIK and birth date, and refuses with a reason from the
 * list plus their own words; the citizen's status page shows the reason live and takes a new photo to ask again.
 * An account registered before photos were asked is marked as having none.
 */

/** A KTP-like picture drawn by the browser itself (a real PNG the server judges by its content). */
async function ktpPng(page: Page, nama: string, nik: string): Promise<Buffer> {
  const dataUrl = await page.evaluate(
    ([n, k]) => {
      const c = document.createElement("canvas");
      c.width = 640;
      c.height = 400;
      const g = c.getContext("2d")!;
      g.fillStyle = "#bfe3f5";
      g.fillRect(0, 0, 640, 400);
      g.fillStyle = "#0b0c0c";
      g.font = "bold 26px sans-serif";
      g.fillText("PROVINSI JAWA TIMUR", 170, 40);
      g.font = "22px monospace";
      g.fillText(`NIK  : ${k}`, 30, 110);
      g.fillText(`Nama : ${n}`, 30, 150);
      g.fillText("Tempat/Tgl Lahir : MADIUN, 17-08-1990", 30, 190);
      g.fillStyle = "#8a8a8a";
      g.fillRect(470, 90, 140, 180);
      return c.toDataURL("image/png");
    },
    [nama, nik] as const,
  );
  return Buffer.from(dataUrl.split(",")[1]!, "base64");
}

describe.skipIf(!hasChromium)("activation with an identity photo, in the browser", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let citizenCtx: BrowserContext;
  let adminCtx: BrowserContext;
  let citizen: Page;
  let admin: Page;
  let adminUser: Awaited<ReturnType<typeof createStaff>>;
  const findings = new Findings();
  const nama = "Siti Nurhaliza Aktivasi";
  const nik = makeNik(true); // a woman born 17-08-1990

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    const office = await t.db.prisma.instansi.create({
      data: {
        kode: "KMG-AKT",
        nama: "Kantor Kementerian Agama Kabupaten Madiun",
        jamLayanan: { create: [1, 2, 3, 4, 5].map((hari) => ({ hari, buka: 480, tutup: 930 })) },
      },
    });
    adminUser = await createStaff(t, "ADMIN", office.id);
    // like the demo seed's citizens: registered before the photo was asked for
    const old = await registerCitizen(t, { namaLengkap: "Warga Lama Tanpa Foto" });
    await t.db.prisma.berkasIdentitas.deleteMany({ where: { userId: old.id } });
    const port = await t.app.start(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;
    browser = await launch();
    citizenCtx = await phoneContext(browser);
    adminCtx = await deskContext(browser);
    citizen = findings.watch(await citizenCtx.newPage(), "citizen");
    admin = findings.watch(await adminCtx.newPage(), "admin");
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("register with a photo; the admin sees it and refuses with a reason; the citizen reads it and asks again", { timeout: 240_000 }, async () => {
    // the citizen registers on a phone, with a photo of the KTP
    await citizen.goto(`${base}/daftar`);
    await citizen.getByText("versi").first().waitFor();
    await citizen.getByLabel("NIK", { exact: true }).fill(nik);
    await citizen.getByLabel("Nama lengkap").fill(nama);
    await citizen.getByLabel("Email").fill(`siti.aktivasi${Date.now()}@contoh.id`);
    await citizen.getByLabel("Nomor telepon / WhatsApp").fill("081234567890");
    // a file that is not a photo is refused at once, by the field
    await citizen.getByLabel("Foto KTP", { exact: true }).setInputFiles({ name: "ktp.exe", mimeType: "application/x-msdownload", buffer: Buffer.from("MZ") });
    await citizen.getByText(/Jenis berkas ini tidak diterima/).waitFor();
    const photo = await ktpPng(citizen, nama, nik);
    await citizen.getByLabel("Foto KTP", { exact: true }).setInputFiles({ name: "ktp-siti.png", mimeType: "image/png", buffer: photo });
    await citizen.getByText("ktp-siti.png dipilih.").waitFor();
    await citizen.getByLabel("Kata sandi", { exact: true }).fill(GOOD_PASSWORD);
    await citizen.getByRole("checkbox", { name: /Syarat dan Ketentuan/ }).check();
    await citizen.getByRole("checkbox", { name: /Kebijakan Privasi/ }).check();
    await findings.audit(citizen, "daftar dengan foto KTP");
    await shot(citizen, "aktivasi-daftar-foto-ktp");
    await citizen.getByRole("button", { name: "Daftar", exact: true }).click();
    await citizen.waitForURL(/\/status-akun$/, { timeout: LIVE });
    await citizen.locator(".status-card__now").getByText("Menunggu aktivasi").waitFor();
    await citizen.getByText("Diperbarui langsung").waitFor();

    // the admin compares the photo with the data beside it
    await logIn(admin, base, adminUser.nomorIdentitas, /\/admin\/aktivasi$/);
    const card = admin.locator("li.user", { has: admin.getByRole("heading", { name: nama }) });
    const img = card.getByRole("img", { name: `Foto KTP ${nama}` });
    await img.waitFor();
    await expect.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(640);
    await card.getByText("17 Agustus 1990").waitFor();
    await card.getByText(`${nik.slice(0, 4)}********${nik.slice(12)}`).waitFor();
    const noPhoto = admin.locator("li.user", { has: admin.getByRole("heading", { name: "Warga Lama Tanpa Foto" }) });
    await noPhoto.getByText(/Belum ada foto KTP/).waitFor();
    await findings.audit(admin, "aktivasi dengan foto");
    await shot(admin, "aktivasi-admin-foto-ktp");

    // refuses: a reason from the list is required, the words are added
    await card.getByRole("button", { name: `Tolak pendaftaran ${nama}` }).click();
    await card.getByRole("button", { name: "Tolak pendaftaran", exact: true }).click();
    await card.getByText("Pilih alasan penolakan.").first().waitFor();
    await card.getByRole("radio", { name: /Foto KTP\/KK tidak terbaca/ }).check();
    await card.getByLabel(/Keterangan untuk pemohon/).fill("Bagian NIK pada foto tertutup pantulan cahaya.");
    await findings.audit(admin, "tolak dengan alasan");
    await shot(admin, "aktivasi-admin-tolak-alasan");
    await card.getByRole("button", { name: "Tolak pendaftaran", exact: true }).click();
    await admin.getByText(`Akun ${nama} telah ditolak.`).waitFor();

    // the citizen's page changes by itself and says why and what to do
    await citizen.locator(".status-card__now").getByText("Ditolak").waitFor({ timeout: LIVE });
    await citizen
      .locator(".status-card")
      .getByText(/Foto KTP\/KK tidak terbaca \(buram, gelap, atau terpotong\)\. Bagian NIK pada foto tertutup pantulan cahaya\./)
      .waitFor();
    await citizen.getByText("Unggah foto baru yang terang dan memuat seluruh kartu.").waitFor();
    await findings.audit(citizen, "status ditolak dengan alasan");
    await shot(citizen, "aktivasi-status-ditolak");

    // …fixes it and asks again; the admin sees the new photo
    await citizen.getByLabel("Foto KTP baru").setInputFiles({ name: "ktp-siti-2.png", mimeType: "image/png", buffer: await ktpPng(citizen, nama, `${nik} `) });
    await citizen.getByRole("button", { name: "Ajukan kembali" }).click();
    await citizen.locator(".status-card__now").getByText("Menunggu aktivasi").waitFor({ timeout: LIVE });
    await citizen.getByText("Perbaikan terkirim.").waitFor();
    await shot(citizen, "aktivasi-diajukan-kembali", false);

    await admin.getByRole("button", { name: "Muat ulang" }).click();
    await card.getByRole("img", { name: `Foto KTP ${nama}` }).waitFor();
    const files = await t.db.prisma.berkasIdentitas.findMany({ where: { user: { namaLengkap: nama } }, orderBy: { createdAt: "asc" } });
    expect(files.map((f) => f.diganti)).toEqual([true, false]);

    expect(findings.axe).toEqual([]);
    expect(findings.problems).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { DEFAULT_SMS_BODY } from "../../server/config";
import { stopToken } from "../../server/modules/kanal/rules";
import { createTestApp, login, registerCitizen, type TestApp } from "../helpers/app";
import { FakeCloudApi, FakeSmsGateway } from "../helpers/kanal-servers";
import { buildClient } from "./build-client";
import { DESK, Findings, PHONE, deskContext, hasChromium, launch, logIn, phoneContext, shot } from "./e2e-kit";

/**
 * The profile's notice channels in Chromium at phone and desk widths: choose channels, verify the phone number
 * with the code the (local) WhatsApp Cloud API received, stop a channel with one tap, and the stop link's page.
 * The server's own WhatsApp/SMS worker sends, to real HTTP servers on 127.0.0.1.
 */
describe.skipIf(!hasChromium)("notice channels in the browser", () => {
  const wa = new FakeCloudApi();
  const sms = new FakeSmsGateway();
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const f = new Findings();
  let warga: Awaited<ReturnType<typeof registerCitizen>>;

  beforeAll(async () => {
    await buildClient();
    await wa.start();
    await sms.start();
    t = await createTestApp({
      kanal: {
        whatsapp: {
          apiUrl: wa.apiUrl,
          token: wa.token,
          phoneNumberId: wa.phoneNumberId,
          appSecret: "rahasia-aplikasi-meta-uji-0001",
          verifyToken: "verifikasi",
          templateLanguage: "id",
        },
        sms: { url: sms.url, auth: `Bearer ${sms.key}`, bodyTemplate: DEFAULT_SMS_BODY },
      },
    });
    warga = await registerCitizen(t, { telepon: "081377001122" });
    await t.db.prisma.user.update({ where: { id: warga.id }, data: { status: "AKTIF" } });
    await login(t, warga.nik, warga.password);
    base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await wa.stop();
    await sms.stop();
  });

  async function audit(page: Page, label: string) {
    for (const v of [PHONE, DESK]) {
      await page.setViewportSize(v);
      await f.audit(page, `${label} ${v.name}`);
    }
  }

  it("on a phone: verify the number by a WhatsApp code, choose WhatsApp for complaint replies, stop it with one tap", { timeout: 180_000 }, async () => {
    const page = f.watch(await (await phoneContext(browser)).newPage(), "warga");
    await logIn(page, base, warga.nik, /\/(beranda|pengajuan|$)/, warga.password);
    await page.goto(`${base}/profil`);
    const card = page.getByRole("region", { name: "Pemberitahuan" });
    await card.getByText("belum diverifikasi").waitFor();
    // only the configured channels are offered; WhatsApp and SMS wait for the verified number
    const replies = card.getByRole("group", { name: "Tanggapan atas pengaduan" });
    expect(await replies.getByRole("checkbox").count()).toBe(3);
    expect(await replies.getByLabel("WhatsApp").isDisabled()).toBe(true);
    expect(await replies.getByLabel("Email").isChecked()).toBe(true);
    await audit(page, "/profil pemberitahuan");
    await shot(page, "kanal-profil-belum-verifikasi");

    await card.getByRole("button", { name: "Kirim kode lewat WhatsApp" }).click();
    await card.getByText(/Kode dikirim ke 0813\*\*\*\*122 lewat WhatsApp/).waitFor();
    await wa.waitFor(1);
    const kode = FakeCloudApi.code(wa.received.at(-1)!)!;
    // a wrong code is told by the field
    await card.getByLabel("Kode verifikasi").fill(kode === "000000" ? "111111" : "000000");
    await card.getByRole("button", { name: "Verifikasi nomor" }).click();
    await card.getByText(/Kode salah\. Sisa 4 kali percobaan\./).waitFor();
    await audit(page, "/profil kode salah");
    await shot(page, "kanal-profil-kode-salah");
    await card.getByLabel("Kode verifikasi").fill(kode);
    await card.getByRole("button", { name: "Verifikasi nomor" }).click();
    await card.getByText("sudah diverifikasi").waitFor();

    await replies.getByLabel("WhatsApp").check();
    await card.getByText("Tanggapan atas pengaduan lewat WhatsApp: aktif.").waitFor();
    const pref = await t.db.prisma.pilihanKanal.findUniqueOrThrow({
      where: { userId_jenis_kanal: { userId: warga.id, jenis: "BALASAN_PENGADUAN", kanal: "WHATSAPP" } },
    });
    expect(pref.aktif).toBe(true);
    await audit(page, "/profil terverifikasi");
    await shot(page, "kanal-profil-whatsapp-aktif");

    await card.getByRole("button", { name: "Hentikan semua pemberitahuan WhatsApp" }).click();
    await card.getByText("Semua pemberitahuan lewat WhatsApp dihentikan.").waitFor();
    await expect.poll(() => replies.getByLabel("WhatsApp").isChecked()).toBe(false);
    expect(await t.db.prisma.pilihanKanal.count({ where: { userId: warga.id, kanal: "WHATSAPP", aktif: true } })).toBe(0);
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  });

  it("on a desk: the stop link of an SMS stops SMS with one button, and opening it alone changes nothing", { timeout: 120_000 }, async () => {
    await t.db.prisma.pilihanKanal.create({ data: { userId: warga.id, jenis: "STATUS_LAYANAN", kanal: "SMS", aktif: true } });
    const page = f.watch(await (await deskContext(browser)).newPage(), "tautan");
    await page.goto(`${base}/berhenti/${stopToken(t.keys, warga.id, "SMS")}`);
    await page.getByRole("heading", { name: "Berhenti menerima pemberitahuan" }).waitFor();
    expect(await t.db.prisma.pilihanKanal.count({ where: { userId: warga.id, kanal: "SMS", aktif: true } })).toBe(1);
    await audit(page, "/berhenti");
    await shot(page, "kanal-berhenti");
    await page.getByRole("button", { name: "Berhenti menerima pemberitahuan" }).click();
    await page.getByText("Anda tidak akan lagi menerima pemberitahuan lewat SMS.").waitFor();
    expect(await t.db.prisma.pilihanKanal.count({ where: { userId: warga.id, kanal: "SMS", aktif: true } })).toBe(0);
    await audit(page, "/berhenti selesai");
    await shot(page, "kanal-berhenti-selesai");

    // a broken link says so
    await page.goto(`${base}/berhenti/rusak`);
    await page.getByRole("button", { name: "Berhenti menerima pemberitahuan" }).click();
    await page.getByText(/Tautan berhenti ini tidak dikenal/).waitFor();
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  });
});

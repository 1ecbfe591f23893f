import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page, WebSocketRoute } from "playwright-core";
import { createTestApp, serviceFixture, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, LIVE, deskContext, hasChromium, launch, logIn, mark, phoneContext, shot, unreloaded } from "./e2e-kit";

/**
 * The office queue in a real browser (issue #16, "The queue at the office"): an ADMIN sets up a group with its
 * service, a counter and two devices (a TV display and a kiosk, each key shown once with its pairing link and QR
 * code); the kiosk, on a phone-sized screen without any login, takes a ticket with the key from its pairing link;
 * the officer at /loket calls it; the display, without any login, shows it live and says it (the page's speech
 * synthesis is recorded). The display's socket is then dropped while the counter calls the next number: it says
 * it is reconnecting, catches up when the network is back, says the new call once, and never repeats an old one.
 */

type Recorded = Window & { __ucapan?: string[] };

/** Records what the page asks the speech synthesis to say (a real voice needs audio the test has not). */
function recordSpeech() {
  const w = window as Recorded;
  w.__ucapan = [];
  const speak = (u: SpeechSynthesisUtterance) => {
    w.__ucapan!.push(u.text);
    setTimeout(() => u.onend?.(new Event("end") as SpeechSynthesisEvent), 0);
  };
  if ("speechSynthesis" in window) {
    window.speechSynthesis.speak = speak;
    window.speechSynthesis.cancel = () => {};
  } else {
    Object.defineProperty(window, "speechSynthesis", { value: { speak, cancel() {}, getVoices: () => [] } });
  }
}

const said = (page: Page) => page.evaluate(() => (window as Recorded).__ucapan ?? []);

describe.skipIf(!hasChromium)("the office queue in the browser", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  const f = new Findings();
  const links: Record<"TAMPIL" | "KIOSK", string> = { TAMPIL: "", KIOSK: "" };
  const keys: Record<"TAMPIL" | "KIOSK", string> = { TAMPIL: "", KIOSK: "" };
  let display: Page;
  let displayCtx: BrowserContext;
  let kiosk: Page;
  let counter: Page;
  const displaySockets: WebSocketRoute[] = [];

  async function open(kind: "phone" | "desk", who: string): Promise<[Page, BrowserContext]> {
    const context = kind === "phone" ? await phoneContext(browser) : await deskContext(browser);
    contexts.push(context);
    return [f.watch(await context.newPage(), who), context];
  }

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    fx = await serviceFixture(t);
    // the office serves every day of the week, and today is no holiday: the test means the same on any day it runs
    await t.db.prisma.jamLayanan.deleteMany({ where: { instansiId: fx.instansi.id } });
    await t.db.prisma.jamLayanan.createMany({ data: [1, 2, 3, 4, 5, 6, 7].map((hari) => ({ instansiId: fx.instansi.id, hari, buka: 0, tutup: 1439 })) });
    await t.db.prisma.hariLibur.deleteMany({});
    t.app.services.calendars.changed(null);
    base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  it("desk: the admin sets up a group with its service, a counter, and a display and a kiosk, each key shown once with its pairing link", async () => {
    const [page] = await open("desk", "admin 1280");
    await logIn(page, base, fx.admin.nomorIdentitas, /\/admin\/aktivasi$/);
    await page.getByRole("navigation", { name: "Menu admin" }).getByRole("link", { name: "Antrian kantor", exact: true }).click();
    await page.getByRole("heading", { name: "Antrian kantor", level: 1 }).waitFor();
    await page.getByText("Belum ada grup antrian.", { exact: false }).waitFor();

    await page.getByRole("button", { name: "Tambah grup" }).click();
    const grup = page.getByRole("form", { name: "Tambah grup antrian" });
    await grup.getByLabel("Kode").fill("a");
    await grup.getByLabel("Nama grup").fill("Layanan Umum");
    await grup.getByLabel(/Urutan/).fill("1");
    await grup.getByRole("checkbox", { name: "Rekomendasi Dispensasi Menikah" }).check();
    await grup.getByRole("button", { name: "Simpan grup" }).click();
    await page.getByText("Grup Layanan Umum disimpan.").waitFor();
    const row = page.getByRole("row", { name: /Layanan Umum/ });
    await row.getByText("Rekomendasi Dispensasi Menikah").waitFor();
    expect(await row.getByRole("cell").first().innerText()).toBe("A");

    await page.getByRole("button", { name: "Tambah loket" }).click();
    await page.getByRole("form", { name: "Tambah loket" }).getByLabel("Nama loket").fill("Loket 1");
    await page.getByRole("button", { name: "Simpan loket" }).click();
    await page.getByText("Loket 1 disimpan.").waitFor();

    for (const [jenis, nama] of [
      ["TAMPIL", "TV Ruang Tunggu"],
      ["KIOSK", "Kios Pintu Masuk"],
    ] as const) {
      await page.getByRole("button", { name: "Tambah perangkat" }).click();
      const form = page.getByRole("form", { name: "Tambah perangkat" });
      await form.getByLabel("Nama perangkat").fill(nama);
      await form.getByRole("radio", { name: jenis === "TAMPIL" ? /Layar antrian \(TV\)/ : /Kios:/ }).check();
      await form.getByRole("button", { name: "Buat kunci perangkat" }).click();
      const secret = page.getByRole("group", { name: `Kunci perangkat ${nama}` });
      await secret.waitFor();
      keys[jenis] = await secret.getByLabel("Kunci perangkat").inputValue();
      expect(keys[jenis]).toMatch(/^lkc_/);
      const link = await secret.getByRole("link").getAttribute("href");
      expect(link).toContain(`#kunci=${keys[jenis]}`);
      expect(link).toContain(jenis === "TAMPIL" ? "/antrian/tampil/" : "/antrian/kiosk/");
      // the link as this test's server serves it (the API writes it with PUBLIC_URL)
      const url = new URL(link!);
      links[jenis] = `${base}${url.pathname}${url.hash}`;
      await secret.getByRole("img", { name: "Kode QR tautan pemasangan" }).waitFor();
      if (jenis === "TAMPIL") {
        await f.audit(page, "/admin/antrian kunci perangkat 1280");
        await shot(page, "antrian-admin-kunci-perangkat");
      }
      await secret.getByRole("button", { name: "Saya sudah menyimpannya" }).click();
      await page.locator(".antrian-admin__perangkat", { hasText: nama }).getByText("Aktif").waitFor();
    }
    // shown once: the keys are on the page no more
    expect(await page.content()).not.toContain(keys.TAMPIL);
    await f.audit(page, "/admin/antrian 1280");
    await shot(page, "antrian-admin");
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);

  it("the display pairs from its link and the kiosk (390 px) takes a ticket, both without a login; the display counts it live", async () => {
    [display, displayCtx] = await open("desk", "display 1280");
    await display.addInitScript(recordSpeech);
    // the display's socket goes through the test, which can drop it as a network would
    await display.routeWebSocket(/\/graphql$/, (ws) => {
      ws.connectToServer();
      displaySockets.push(ws);
    });
    await display.goto(links.TAMPIL);
    await display.getByRole("heading", { level: 1, name: fx.instansi.nama }).waitFor();
    await display.getByText("Belum ada panggilan hari ini.").waitFor();
    // the key left the address bar and stays in this browser only
    expect(new URL(display.url()).hash).toBe("");
    expect(await display.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("loket.antrian.kunci:")))).toBe(true);
    await display.getByRole("button", { name: "Aktifkan suara" }).click();
    await expect.poll(() => said(display), { timeout: LIVE }).toEqual(["Suara panggilan antrian aktif."]);
    await mark(display);
    const waiting = display.getByRole("region", { name: "Menunggu" });
    await waiting.getByText("0", { exact: true }).waitFor();

    [kiosk] = await open("phone", "kiosk 390");
    await kiosk.goto(links.KIOSK);
    await kiosk.getByRole("heading", { name: "Ambil nomor antrian" }).waitFor();
    expect(new URL(kiosk.url()).hash).toBe("");
    await f.audit(kiosk, "/antrian/kiosk 390");
    await shot(kiosk, "antrian-kiosk-awal");
    await kiosk.getByRole("button", { name: /Layanan Umum/ }).click();
    await kiosk.getByRole("button", { name: "Rekomendasi Dispensasi Menikah" }).click();
    await kiosk.getByTestId("tiket-kode").getByText("A-001").waitFor();
    await kiosk.getByText("Tidak ada antrian di depan Anda.").waitFor();
    await kiosk.getByRole("button", { name: "Cetak tiket" }).waitFor();
    await f.audit(kiosk, "/antrian/kiosk tiket 390");
    await shot(kiosk, "antrian-kiosk-tiket");
    // printed: only the ticket
    await kiosk.emulateMedia({ media: "print" });
    expect(await kiosk.getByRole("button", { name: "Cetak tiket" }).isVisible()).toBe(false);
    expect(await kiosk.getByTestId("tiket-kode").isVisible()).toBe(true);
    await kiosk.emulateMedia({ media: "screen" });

    // the display counts the waiting ticket without being reloaded
    await waiting.getByText("1", { exact: true }).waitFor({ timeout: LIVE });
    expect(await unreloaded(display)).toBe(true);
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);

  it("desk: the officer calls the ticket at /loket; the display shows it live and says it once", async () => {
    [counter] = await open("desk", "petugas 1280");
    await logIn(counter, base, fx.petugas.nomorIdentitas, /\/petugas\/antrian$/);
    await counter.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Loket", exact: true }).click();
    await counter.getByRole("heading", { name: "Loket antrian", level: 1 }).waitFor();
    await counter.getByLabel("Loket", { exact: true }).selectOption({ label: "Loket 1" });
    const list = counter.getByRole("region", { name: "Menunggu hari ini" });
    await list.getByText("A-001").waitFor();
    await f.audit(counter, "/loket 1280");
    await counter.getByRole("button", { name: "Panggil berikutnya" }).click();
    const card = counter.getByRole("region", { name: "Tiket di loket ini" });
    await card.getByTestId("konsol-kode").getByText("A-001").waitFor();
    await card.getByText("Dipanggil", { exact: true }).waitFor();
    expect(await card.getByRole("link", { name: /Layani di loket/ }).getAttribute("href")).toMatch(/^\/loket\/baru\?tiket=[0-9a-f-]{36}$/);

    await display.getByTestId("panggilan-kode").getByText("A-001").waitFor({ timeout: LIVE });
    await display.getByRole("region", { name: "Nomor antrian" }).getByText("Loket 1").waitFor();
    await expect.poll(() => said(display), { timeout: LIVE }).toEqual(["Suara panggilan antrian aktif.", "Nomor antrian A satu, silakan ke Loket 1"]);
    expect(await unreloaded(display)).toBe(true);
    await f.audit(display, "/antrian/tampil 1280");
    await shot(display, "antrian-tampil");
    await f.audit(counter, "/loket dipanggil 1280");
    await shot(counter, "antrian-loket-dipanggil");
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);

  it("the display survives a dropped connection: it says it is reconnecting, catches up, and repeats no old call", async () => {
    // A-001 is served and finished at the counter (the board changes; nothing new to say)
    const card = counter.getByRole("region", { name: "Tiket di loket ini" });
    await card.getByRole("button", { name: "Mulai layani" }).click();
    await card.getByText("Sedang dilayani", { exact: true }).waitFor();
    await card.getByRole("button", { name: "Selesai" }).click();
    await counter.getByText("Tidak ada tiket yang sedang dilayani di loket ini.").waitFor();

    // the network goes, and the socket with it
    await displayCtx.setOffline(true);
    for (const ws of displaySockets.splice(0)) await ws.close({ code: 1012, reason: "jaringan putus" }).catch(() => {});
    await display.getByText("Terputus — menyambung ulang…").waitFor({ timeout: LIVE });
    await shot(display, "antrian-tampil-terputus", false);

    // meanwhile another visitor takes a number and the counter calls it (the previous ticket is closed first)
    // (the kiosk goes back to its start by itself after 20 s; on a slow machine it may have done so already)
    await kiosk
      .getByRole("button", { name: "Selesai" })
      .click({ timeout: 2000 })
      .catch(() => {});
    await kiosk.getByRole("heading", { name: "Ambil nomor antrian" }).waitFor();
    await kiosk.getByRole("button", { name: /Layanan Umum/ }).click();
    await kiosk.getByRole("button", { name: "Layanan lain / belum tahu" }).click();
    await kiosk.getByTestId("tiket-kode").getByText("A-002").waitFor();
    await counter.getByRole("region", { name: "Menunggu hari ini" }).getByText("A-002").waitFor({ timeout: LIVE });
    await counter.getByRole("button", { name: "Panggil berikutnya" }).click();
    await counter.getByRole("region", { name: "Tiket di loket ini" }).getByTestId("konsol-kode").getByText("A-002").waitFor();
    // the display has not heard it
    expect(await display.getByTestId("panggilan-kode").innerText()).toBe("A-001");

    await displayCtx.setOffline(false);
    await display.getByTestId("panggilan-kode").getByText("A-002").waitFor({ timeout: LIVE });
    await display.getByRole("region", { name: "Panggilan sebelumnya" }).getByText("A-001").waitFor();
    await expect
      .poll(() => said(display), { timeout: LIVE })
      .toEqual(["Suara panggilan antrian aktif.", "Nomor antrian A satu, silakan ke Loket 1", "Nomor antrian A dua, silakan ke Loket 1"]);
    await display.getByText("Terputus — menyambung ulang…").waitFor({ state: "detached", timeout: LIVE });

    // a recall is said again; nothing else is
    await counter.getByRole("button", { name: "Panggil ulang" }).click();
    await expect.poll(async () => (await said(display)).length, { timeout: LIVE }).toBe(4);
    expect((await said(display))[3]).toBe("Nomor antrian A dua, silakan ke Loket 1");
    await display.waitForTimeout(1500);
    expect(await said(display)).toHaveLength(4);
    expect(await unreloaded(display)).toBe(true);
    await shot(display, "antrian-tampil-tersambung-kembali", false);
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { PNG_1X1, createTestApp, registerCitizen, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { DESK, Findings, hasChromium, launch, PHONE, deskContext, phoneContext, shot } from "./e2e-kit";

/**
 * Issue #14 "forms that never fight", in a real browser at phone and desk width: the registration form names every
 * wrong field at once in an error summary at the top (each message a link to its field), shows each message by its
 * field, and moves focus to the summary; the browser refuses what the API would refuse ("0812345"), and when the
 * API finds several problems the browser could not (a NIK already registered, terms updated meanwhile) its one
 * answer is placed the same way.
 */
describe.skipIf(!hasChromium)("the registration form names every problem at once", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const f = new Findings();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  async function open(kind: typeof PHONE | typeof DESK): Promise<Page> {
    const context = kind === PHONE ? await phoneContext(browser) : await deskContext(browser);
    contexts.push(context);
    const page = f.watch(await context.newPage(), `warga ${kind.name}`);
    await page.goto(`${base}/daftar`);
    await page
      .getByText(/versi 2026-11/)
      .first()
      .waitFor();
    return page;
  }

  const describedBy = (page: Page, label: string) =>
    page.getByLabel(label, { exact: true }).evaluate((el) =>
      (el.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" "),
    );
  // registration needs a photo of the KTP (a right one here: the wrong fields are the others)
  const attachKtp = async (page: Page) => {
    await page.getByLabel("Foto KTP", { exact: true }).setInputFiles({ name: "ktp.png", mimeType: "image/png", buffer: PNG_1X1 });
    await page.getByText("ktp.png dipilih.").waitFor();
  };
  // registration goes as a multipart upload (the KTP photo), the only one on this page, whose body Chromium does not
  // show (postData() is null with a file in it); other operations go by their persisted hash and their body names them
  const isRegister = (r: Request) =>
    r.method() === "POST" && (/^multipart\/form-data/.test(r.headers()["content-type"] ?? "") || /"operationName":"Register"/.test(r.postData() ?? ""));
  const focused = (page: Page) => page.evaluate(() => document.activeElement?.closest("[role=group]")?.textContent ?? document.activeElement?.tagName);

  for (const kind of [PHONE, DESK]) {
    it(`${kind.name}: several wrong fields → the summary lists them all with links, each field has its message, focus on the summary`, async () => {
      const page = await open(kind);
      const requests: string[] = [];
      page.on("request", (r) => {
        if (isRegister(r)) requests.push(r.url());
      });
      await page.getByLabel("NIK", { exact: true }).fill("3519011708900001");
      await page.getByLabel("Nama lengkap", { exact: true }).fill("Sulistyowati Rahayu");
      await page.getByLabel("Email", { exact: true }).fill("sulis@");
      await page.getByLabel("Nomor telepon / WhatsApp", { exact: true }).fill("0812345");
      await attachKtp(page);
      await page.getByLabel("Kata sandi", { exact: true }).fill("sulistyowati-2026");
      await page.getByRole("checkbox", { name: /Syarat dan Ketentuan/ }).check();
      await page.getByRole("checkbox", { name: /Kebijakan Privasi/ }).check();
      await page.getByRole("button", { name: "Daftar", exact: true }).click();

      const summary = page.getByRole("group", { name: /Ada masalah/ });
      await summary.waitFor();
      const links = summary.getByRole("link");
      expect(await links.allInnerTexts()).toEqual([
        "Email: Alamat email tidak valid.",
        "Nomor telepon / WhatsApp: Nomor telepon tidak valid. Contoh: 081234567890.",
        "Kata sandi: Kata sandi tidak boleh memuat NIK/NIP, nama, atau email Anda.",
      ]);
      expect(await focused(page)).toMatch(/^Ada masalah/);
      expect(await describedBy(page, "Email")).toContain("Alamat email tidak valid.");
      expect(await describedBy(page, "Nomor telepon / WhatsApp")).toContain("Nomor telepon tidak valid.");
      expect(await describedBy(page, "Kata sandi")).toContain("Kata sandi tidak boleh memuat NIK/NIP, nama, atau email Anda.");
      // what the API would refuse is never sent
      expect(requests).toEqual([]);
      await f.audit(page, `register errors ${kind.name}`);
      await shot(page, "daftar-ringkasan-kesalahan", false);

      // a link takes focus to its field
      await links.nth(1).click();
      expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("telepon");
      // a corrected field leaves the summary; the others stay
      await page.getByLabel("Nomor telepon / WhatsApp", { exact: true }).fill("081234567890");
      await expect.poll(() => links.count()).toBe(2);
      expect(f.problems).toEqual([]);
      expect(f.axe).toEqual([]);
    }, 120_000);
  }

  it("the API's several problems in one answer (a registered NIK, terms updated meanwhile) are placed the same way", async () => {
    const page = await open(DESK);
    const { nik } = await registerCitizen(t);
    await page.getByLabel("NIK", { exact: true }).fill(nik);
    await page.getByLabel("Nama lengkap", { exact: true }).fill("Siti Aminah");
    await page.getByLabel("Email", { exact: true }).fill("siti@contoh.id");
    await page.getByLabel("Nomor telepon / WhatsApp", { exact: true }).fill("081234567890");
    await attachKtp(page);
    await page.getByLabel("Kata sandi", { exact: true }).fill("Pelayanan-Prima-2026");
    await page.getByRole("checkbox", { name: /Syarat dan Ketentuan/ }).check();
    await page.getByRole("checkbox", { name: /Kebijakan Privasi/ }).check();
    // the office publishes new terms while the page is open
    const old = { ...t.config };
    t.config.termsVersion = "2027-01";
    t.config.privacyVersion = "2027-01";
    try {
      const answer = page.waitForResponse((r) => isRegister(r.request()));
      await page.getByRole("button", { name: "Daftar", exact: true }).click();
      const body = await (await answer).json();
      expect(body.data.register.problems.map((p: { code: string }) => p.code)).toEqual(["CONSENT_OUTDATED", "CONSENT_OUTDATED", "IDENTITY_TAKEN"]);
      const summary = page.getByRole("group", { name: /Ada masalah/ });
      await summary.waitFor();
      const texts = await summary.getByRole("link").allInnerTexts();
      expect(texts).toHaveLength(3);
      expect(texts[0]).toMatch(/^NIK: NIK ini sudah terdaftar/);
      expect(texts[1]).toMatch(/^Syarat dan Ketentuan telah diperbarui/);
      expect(texts[2]).toMatch(/^Kebijakan Privasi telah diperbarui/);
      expect(await focused(page)).toMatch(/^Ada masalah/);
      await f.audit(page, "register API errors desk");
      await shot(page, "daftar-ringkasan-kesalahan-api", false);
    } finally {
      t.config.termsVersion = old.termsVersion;
      t.config.privacyVersion = old.privacyVersion;
    }
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);
});

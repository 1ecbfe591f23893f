import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import axe from "axe-core";
import { GOOD_PASSWORD } from "../helpers/app";

/**
 * What the browser test files share: Chromium, contexts for a phone and a desk, screenshots at both widths,
 * axe-core audits, a watch on script errors, logging in through the real login page, and the marker that proves
 * a page changed without being reloaded.
 */

export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = fs.existsSync(CHROMIUM);
export const SCREENSHOTS = path.resolve("test-artifacts/screenshots");
export const PHONE = { name: "390x844", width: 390, height: 844 } as const;
export const DESK = { name: "1280x800", width: 1280, height: 800 } as const;
/** how long to wait for something another context or the server causes, on a slow, loaded machine */
export const LIVE = 30_000;

type Marked = Window & { __tanpaMuatUlang?: boolean };

export async function launch(): Promise<Browser> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const COMMON = { locale: "id-ID", timezoneId: "Asia/Jakarta", acceptDownloads: true } as const;

export function phoneContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ...COMMON, viewport: PHONE, isMobile: true, hasTouch: true });
}

export function deskContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ...COMMON, viewport: DESK });
}

export class Findings {
  problems: string[] = [];
  axe: string[] = [];

  watch(page: Page, who: string) {
    page.setDefaultTimeout(LIVE);
    page.on("pageerror", (e) => this.problems.push(`${who} page error: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error" && !/Failed to load resource|ERR_INTERNET_DISCONNECTED|WebSocket connection|net::ERR/.test(m.text()))
        this.problems.push(`${who} console: ${m.text()}`);
    });
    return page;
  }

  async audit(page: Page, label: string) {
    await page.evaluate(axe.source);
    const results = (await page.evaluate(() =>
      (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ["violations"] }),
    )) as axe.AxeResults;
    for (const v of results.violations) {
      if (v.impact === "serious" || v.impact === "critical")
        this.axe.push(`${label}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    }
  }
}

/** Full-page screenshots at phone and desk widths (or only the page's own width). */
export async function shot(page: Page, name: string, both = true) {
  const current = page.viewportSize()!;
  const sizes = both ? [PHONE, DESK] : [current.width === DESK.width ? DESK : PHONE];
  for (const v of sizes) {
    if (page.viewportSize()!.width !== v.width) await page.setViewportSize(v);
    // let the layout settle at the new width (fonts, wrapped tables) before taking the picture
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${v.name}.png`), fullPage: true });
  }
  if (page.viewportSize()!.width !== current.width) await page.setViewportSize(current);
}

/** Logs in on the real login page and waits for the landing page of that kind of account. */
export async function logIn(page: Page, base: string, nomorIdentitas: string, landing: RegExp, password = GOOD_PASSWORD) {
  await page.goto(base + "/masuk");
  await page.getByLabel("NIK atau NIP").fill(nomorIdentitas);
  await page.getByLabel("Kata sandi", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await page.waitForURL(landing, { timeout: LIVE });
}

/** The big status badge on a case page shows `text`. */
export function badge(page: Page, text: string) {
  return page
    .locator(".status-card .badge", { hasText: new RegExp(`^${text}$`) })
    .first()
    .waitFor({ timeout: LIVE });
}

/** Marks the page; `unreloaded` is true as long as the same document stays loaded. */
export const mark = (page: Page) => page.evaluate(() => ((window as Marked).__tanpaMuatUlang = true));
export const unreloaded = (page: Page) => page.evaluate(() => (window as Marked).__tanpaMuatUlang === true);

/** A date and time as the client writes it (the browser's own Intl, in the office's zone). */
export function inBrowserDateTime(page: Page, iso: string, timeZone = "Asia/Jakarta"): Promise<string> {
  return page.evaluate(
    ([d, z]) =>
      new Intl.DateTimeFormat("id-ID", { timeZone: z, day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(
        new Date(d!),
      ),
    [iso, timeZone],
  );
}

export const rawIdOf = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;

/** A link of the main menu; on a phone the "Menu" button is pressed first to open it. */
export async function menuLink(page: Page, name: string) {
  const nav = page.getByRole("navigation", { name: "Menu utama" });
  await nav.waitFor();
  const toggle = nav.getByRole("button", { name: "Menu", exact: true });
  if ((await toggle.isVisible()) && (await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  return nav.getByRole("link", { name, exact: true });
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { activeCitizen, createStaff, createTestApp, globalId, serviceFixture, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, PHONE, deskContext, hasChromium, inBrowserDateTime, launch, logIn, phoneContext, shot } from "./e2e-kit";

/**
 * The admin's calendar page (/admin/kalender) in a real browser (issue #14, "forms that never fight"): an office's
 * ADMIN on a phone closes the office on a day with two mistakes (no date, a reason too short), is told so by each
 * field and in the error summary that takes the focus, and nothing is sent; fixed, the closure is saved and listed,
 * and the open pengajuan whose working days it falls on gets a later deadline (through the API, as hitungTenggat
 * computes it, and on the citizen's page). The same date again is the API's refusal, at the date. At desk width
 * a row of opening hours that closes before it opens is refused beside the row, and the SUPERADMIN's holiday form
 * names both of its wrong fields at once.
 *
 * Dates are not fixed: the pengajuan's clock starts a week from now, and the days closed are the ones its deadline
 * counts, read from the API's own explanation, so the test means the same on any day it runs.
 */

const TENGGAT = `query($id: ID!) { node(id: $id) { ... on Pengajuan { tenggat tenggatPenjelasan { hariDihitung { tanggal } hariDilewati { tanggal alasan nama } } } } }`;
const HITUNG = `query($i: ID!, $m: DateTime!) { hitungTenggat(instansiId: $i, mulai: $m, jumlah: 3, satuan: HARI_KERJA) { ... on HitungTenggatSuccess { data { tenggat } } ... on Error { code message } } }`;
const JAM = `query($id: ID!) { node(id: $id) { ... on Instansi { jamLayanan { hari buka tutup } } } }`;

/** on a loaded machine a page can take a while to render what it fetched */
const POLL = { timeout: 15_000 };

interface Penjelasan {
  tenggat: string;
  tenggatPenjelasan: { hariDihitung: Array<{ tanggal: string }>; hariDilewati: Array<{ tanggal: string; alasan: string; nama: string | null }> };
}

describe.skipIf(!hasChromium)("the calendar forms in the browser", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let warga: Awaited<ReturnType<typeof activeCitizen>>;
  let superadmin: Awaited<ReturnType<typeof createStaff>>;
  let instansiGid = "";
  let pengajuanGid = "";
  let pengajuanId = "";
  let mulai = "";
  let tutup = "";
  let tenggatAwal = "";
  let tenggatBaru = "";
  const f = new Findings();

  const read = async (): Promise<Penjelasan> => {
    const r = await t.gql(TENGGAT, { id: pengajuanGid }, { token: warga.token });
    if (!r.data?.node?.tenggat) throw new Error(JSON.stringify(r));
    return r.data.node as Penjelasan;
  };
  const hitung = async (): Promise<string> => {
    const r = await t.gql(HITUNG, { i: instansiGid, m: mulai });
    if (!r.data?.hitungTenggat?.data) throw new Error(JSON.stringify(r));
    return r.data.hitungTenggat.data.tenggat;
  };
  const describedBy = (control: ReturnType<Page["getByLabel"]>) =>
    control.evaluate((el) =>
      (el.getAttribute("aria-describedby") ?? "")
        .split(" ")
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" "),
    );
  const focused = (page: Page) =>
    page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest("[role=group]")?.textContent ?? el?.getAttribute("name") ?? el?.tagName ?? "";
    });
  const longDate = (page: Page, iso: string) =>
    page.evaluate(
      (d) =>
        new Intl.DateTimeFormat("id-ID", { timeZone: "UTC", weekday: "long", day: "numeric", month: "long", year: "numeric" }).format(
          new Date(`${d}T00:00:00Z`),
        ),
      iso,
    );
  const operation = (name: string) => (r: Request) => r.method() === "POST" && new RegExp(`"operationName":"${name}"`).test(r.postData() ?? "");
  const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  async function open(kind: "phone" | "desk", who: string): Promise<Page> {
    const context = kind === "phone" ? await phoneContext(browser) : await deskContext(browser);
    contexts.push(context);
    return f.watch(await context.newPage(), who);
  }

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    fx = await serviceFixture(t, { sla: { jumlah: 3, satuan: "HARI_KERJA" } });
    instansiGid = globalId("Instansi", fx.instansi.id);
    warga = await activeCitizen(t);
    superadmin = await createStaff(t, "SUPERADMIN", null);
    // a pengajuan being processed whose clock starts a week from now (after today, so its days can still be closed)
    mulai = new Date(Date.now() + 7 * 86_400_000).toISOString();
    const row = await t.db.prisma.pengajuan.create({
      data: {
        layananId: Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!,
        instansiId: fx.instansi.id,
        pemohonId: warga.id,
        status: "DIPROSES",
        nomorRegistrasi: "REG-KALENDER",
        diajukanAt: new Date(),
        slaMulaiAt: new Date(mulai),
        tenggat: new Date(0),
        seq: 1,
        riwayat: { create: [{ seq: 1, aksi: "AJUKAN", keStatus: "DIAJUKAN" }] },
      },
    });
    pengajuanId = row.id;
    pengajuanGid = globalId("Pengajuan", row.id);
    tenggatAwal = await hitung();
    await t.db.prisma.pengajuan.update({ where: { id: row.id }, data: { tenggat: new Date(tenggatAwal) } });
    base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  it("phone: a closure with two mistakes is refused by its fields and in the summary, then saved, listed, and the deadline moves", async () => {
    const before = await read();
    expect(before.tenggat).toBe(tenggatAwal);
    // the first working day the deadline counts: closing it must push the deadline back
    tutup = before.tenggatPenjelasan.hariDihitung[0]!.tanggal;

    const page = await open("phone", "admin 390");
    const sent: string[] = [];
    page.on("request", (r) => {
      if (operation("AddPenutupan")(r)) sent.push(r.postData() ?? "");
    });
    await logIn(page, base, fx.admin.nomorIdentitas, /\/admin\/aktivasi$/);
    // the admin menu reaches the calendar at 390 px
    await page.getByRole("navigation", { name: "Menu admin" }).getByRole("link", { name: "Kalender", exact: true }).click();
    await page.getByRole("heading", { name: "Kalender kerja" }).waitFor();
    const form = page.getByRole("form", { name: "Penutupan kantor" });
    await page.getByText("Tidak ada penutupan mendatang maupun dalam 60 hari terakhir.").waitFor();

    await form.getByLabel("Alasan").fill("ab");
    await form.getByRole("button", { name: "Tandai tutup" }).click();
    const summary = form.getByRole("group", { name: /Ada masalah/ });
    await summary.waitFor();
    const links = summary.getByRole("link");
    expect(await links.allInnerTexts()).toEqual(["Tanggal tutup: Pilih tanggal.", "Alasan: Alasan penutupan wajib diisi (minimal 3 karakter)."]);
    await expect.poll(() => focused(page), POLL).toMatch(/^Ada masalah/);
    expect(await describedBy(form.getByLabel("Tanggal tutup"))).toContain("Pilih tanggal.");
    expect(await describedBy(form.getByLabel("Alasan"))).toContain("Alasan penutupan wajib diisi (minimal 3 karakter).");
    expect(await form.getByLabel("Alasan").getAttribute("aria-invalid")).toBe("true");
    // what the API would refuse is not sent
    expect(sent).toEqual([]);
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/admin/kalender penutupan salah 390");
    await shot(page, "admin-kalender-penutupan-salah", false);

    // a link takes the focus to its field; a fixed field leaves the summary
    await links.first().click();
    expect(await focused(page)).toBe("tanggal");
    await form.getByLabel("Tanggal tutup").fill(tutup);
    await expect.poll(() => links.count(), POLL).toBe(0);
    await form.getByLabel("Alasan").fill("Rapat kerja tahunan seluruh pegawai");
    await form.getByRole("button", { name: "Tandai tutup" }).click();
    const hari = await longDate(page, tutup);
    await form
      .getByRole("status")
      .filter({ hasText: `Kantor ditandai tutup pada ${hari}.` })
      .waitFor();
    expect(sent).toHaveLength(1);
    // listed, and the form is empty for the next one
    await page.locator(".closures li", { hasText: hari }).getByText("Rapat kerja tahunan seluruh pegawai").waitFor();
    expect(await form.getByLabel("Tanggal tutup").inputValue()).toBe("");
    expect(await form.getByLabel("Alasan").inputValue()).toBe("");

    // the deadline counted that day: it moves later, to what hitungTenggat now says, and the day is explained
    const after = await read();
    tenggatBaru = after.tenggat;
    expect(new Date(tenggatBaru).getTime()).toBeGreaterThan(new Date(tenggatAwal).getTime());
    expect(tenggatBaru).toBe(await hitung());
    expect(after.tenggatPenjelasan.hariDihitung.map((d) => d.tanggal)).not.toContain(tutup);
    expect(after.tenggatPenjelasan.hariDilewati).toContainEqual({ tanggal: tutup, alasan: "PENUTUPAN", nama: "Rapat kerja tahunan seluruh pegawai" });
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/admin/kalender penutupan tersimpan 390");
    await shot(page, "admin-kalender-penutupan-tersimpan");

    // the same day again: the API's refusal, at the date (one wrong field: it takes the focus, no summary)
    await form.getByLabel("Tanggal tutup").fill(tutup);
    await form.getByLabel("Alasan").fill("Pemadaman listrik");
    await form.getByRole("button", { name: "Tandai tutup" }).click();
    await form.getByText("Tanggal ini sudah tercatat sebagai hari tutup.").waitFor();
    expect(await describedBy(form.getByLabel("Tanggal tutup"))).toContain("Tanggal ini sudah tercatat sebagai hari tutup.");
    await expect.poll(() => focused(page), POLL).toBe("tanggal");
    expect(await summary.count()).toBe(0);
    // the earlier success no longer stands beside a refusal
    expect(await form.getByRole("status").filter({ hasText: "Kantor ditandai tutup" }).count()).toBe(0);
    expect((await read()).tenggat).toBe(tenggatBaru);
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 180_000);

  it("phone: the citizen's page shows the later deadline", async () => {
    const page = await open("phone", "warga 390");
    await logIn(page, base, warga.nik, /\/pengajuan$/, warga.password);
    await page.goto(`${base}/pengajuan/${pengajuanId}`);
    const when = await inBrowserDateTime(page, tenggatBaru);
    await page.locator(".sla", { hasText: when }).first().waitFor();
    expect(await page.locator(".sla", { hasText: await inBrowserDateTime(page, tenggatAwal) }).count()).toBe(0);
    const fold = page.locator("details.tenggat-penjelasan");
    await fold.locator("summary", { hasText: "Bagaimana tenggat ini dihitung?" }).click();
    await expect.poll(() => fold.innerText(), { timeout: 15_000 }).toMatch(/Rapat kerja tahunan seluruh pegawai/);
    await shot(page, "pengajuan-tenggat-setelah-penutupan", false);
    expect(await noSideways(page)).toBe(true);
    expect(f.problems).toEqual([]);
  }, 120_000);

  it("desk: opening hours that close before they open are refused beside the row, then saved", async () => {
    const page = await open("desk", "admin 1280");
    await logIn(page, base, fx.admin.nomorIdentitas, /\/admin\/aktivasi$/);
    await page.goto(`${base}/admin/kalender`);
    const form = page.getByRole("form", { name: /^Jam layanan/ });
    await form.getByRole("button", { name: "Simpan jam layanan" }).waitFor();
    const rows = form.locator(".hours-editor__row");
    await expect.poll(() => rows.count(), POLL).toBe(5);
    // Friday's row (the fifth): closing at 07:00, before it opens at 08:00
    const friday = rows.nth(4);
    await friday.getByLabel("Tutup baris 5", { exact: true }).fill("07:00");
    await form.getByRole("button", { name: "Simpan jam layanan" }).click();
    await friday.getByText("Jam tutup harus setelah jam buka.").waitFor();
    expect(await describedBy(friday.getByLabel("Tutup baris 5", { exact: true }))).toContain("Jam tutup harus setelah jam buka.");
    expect(await friday.getByLabel("Tutup baris 5", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    // the wrong control takes the focus (not the row's day), and its label says which row it is
    expect(await friday.getByLabel("Tutup baris 5", { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await friday.getByLabel("Tutup baris 5", { exact: true }).evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent)).toBe("Tutup baris 5");
    expect(await friday.getByLabel("Buka baris 5", { exact: true }).getAttribute("aria-invalid")).toBe("false");
    await f.audit(page, "/admin/kalender jam salah 1280");
    await shot(page, "admin-kalender-jam-salah", false);

    await friday.getByLabel("Tutup baris 5", { exact: true }).fill("11:00");
    await expect.poll(() => friday.getByText("Jam tutup harus setelah jam buka.").count(), POLL).toBe(0);
    await form.getByRole("button", { name: "Simpan jam layanan" }).click();
    await form.getByText("Jam layanan disimpan. Tenggat yang berjalan dihitung ulang.").waitFor();
    const jam = (await t.gql(JAM, { id: instansiGid }, { token: fx.admin.token })).data!.node.jamLayanan as Array<{ hari: number; tutup: string }>;
    expect(jam.find((j) => j.hari === 5)?.tutup).toBe("11:00");
    // the deadline follows the new hours too
    expect((await read()).tenggat).toBe(await hitung());
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);

  it("desk: the SUPERADMIN's holiday form names both wrong fields at once, then adds the day and the deadline moves", async () => {
    const page = await open("desk", "superadmin 1280");
    const sent: string[] = [];
    page.on("request", (r) => {
      if (operation("CreateHariLibur")(r)) sent.push(r.postData() ?? "");
    });
    await logIn(page, base, superadmin.nomorIdentitas, /\/admin\/aktivasi$/);
    await page.goto(`${base}/admin/kalender`);
    const before = await read();
    const libur = before.tenggatPenjelasan.hariDihitung[0]!.tanggal;
    // the table shows last year: the day added is in a year not shown
    // the office's section above loads too and pushes this one down: click once the page stands still
    await page.getByRole("button", { name: "Simpan jam layanan" }).waitFor();
    const section = page.getByRole("region", { name: /^Hari libur nasional dan cuti bersama/ }).first();
    await section
      .getByRole("table")
      .or(section.getByText(/^Belum ada hari libur/))
      .first()
      .waitFor();
    const thisYear = Number(await page.evaluate(() => new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date()).slice(0, 4)));
    await section.getByRole("button", { name: String(thisYear - 1), exact: true }).click();
    await page.getByRole("heading", { name: `Hari libur nasional dan cuti bersama ${thisYear - 1}` }).waitFor();
    const form = page.getByRole("form", { name: "Tambah hari libur" });
    await form.getByLabel("Tanggal", { exact: true }).fill(libur);
    await form.getByLabel("Dasar hukum").fill("SK");
    await form.getByRole("button", { name: "Tambah", exact: true }).click();
    const summary = form.getByRole("group", { name: /Ada masalah/ });
    await summary.waitFor();
    expect(await summary.getByRole("link").allInnerTexts()).toEqual([
      "Nama: Nama hari libur wajib diisi (minimal 3 karakter).",
      "Dasar hukum: Dasar hukum (nomor SKB/keputusan) wajib diisi (minimal 5 karakter).",
    ]);
    await expect.poll(() => focused(page), POLL).toMatch(/^Ada masalah/);
    expect(await describedBy(form.getByLabel("Nama"))).toContain("Nama hari libur wajib diisi");
    expect(sent).toEqual([]);
    await f.audit(page, "/admin/kalender libur salah 1280");
    await shot(page, "admin-kalender-libur-salah", false);

    await form.getByLabel("Nama").fill("Hari libur uji kalender");
    await form.getByLabel("Dasar hukum").fill("Keputusan Presiden Nomor 99 Tahun 2026");
    await form.getByRole("button", { name: "Tambah", exact: true }).click();
    await form.getByRole("status").filter({ hasText: "Hari libur ditambahkan: Hari libur uji kalender" }).waitFor();
    // the table turned to the new day's year, where it is listed
    await page.getByRole("heading", { name: `Hari libur nasional dan cuti bersama ${libur.slice(0, 4)}` }).waitFor();
    await section.getByRole("row", { name: /Hari libur uji kalender/ }).waitFor();
    expect(sent).toHaveLength(1);
    const after = await read();
    expect(new Date(after.tenggat).getTime()).toBeGreaterThan(new Date(before.tenggat).getTime());
    expect(after.tenggat).toBe(await hitung());
    expect(after.tenggatPenjelasan.hariDilewati).toContainEqual({ tanggal: libur, alasan: "LIBUR_NASIONAL", nama: "Hari libur uji kalender" });
    await shot(page, "admin-kalender-libur-tersimpan", false);
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);

  it("phone width holds the whole page without sideways scrolling", async () => {
    const page = await open("phone", "superadmin 390");
    await logIn(page, base, superadmin.nomorIdentitas, /\/admin\/aktivasi$/);
    await page.goto(`${base}/admin/kalender`);
    await page.getByRole("button", { name: "Simpan jam layanan" }).waitFor();
    expect(page.viewportSize()!.width).toBe(PHONE.width);
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/admin/kalender superadmin 390");
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);
});

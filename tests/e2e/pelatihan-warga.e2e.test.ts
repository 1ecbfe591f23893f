import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PNG_1X1, activeCitizen, createTestApp, globalId, serviceFixture, tinyPdf, upload, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, LIVE, hasChromium, launch, logIn, mark, menuLink, phoneContext, rawIdOf, shot, unreloaded } from "./e2e-kit";

/**
 * Training sessions, the citizen's side, in a real browser on phones (390 px): citizen A finds an SPSE training in
 * "Pelatihan", sends the registration form empty (told at each field: the organisation and the superior's letter)
 * and registers with a PDF letter; citizen C, who comes from the service page's "Jadwal pelatihan", watches the
 * last seat go live while B registers through the API, joins the waiting list as number 1, and — without a
 * reload — holds the seat once B withdraws; A, marked present, answers the satisfaction survey (SKM, PELATIHAN).
 */

const JUDUL = "Pelatihan SPSE untuk Penyedia";
const DAFTAR = `mutation($sesiId: ID!, $organisasi: String!, $jabatan: String, $suratAtasan: File) {
  daftarPelatihan(sesiId: $sesiId, organisasi: $organisasi, jabatan: $jabatan, suratAtasan: $suratAtasan) {
    __typename ... on DaftarPelatihanSuccess { data { id status nomorTunggu } } ... on Error { code message field }
  }
}`;
const BATAL = `mutation($id: ID!, $alasan: String) {
  batalkanPendaftaranPelatihan(id: $id, alasan: $alasan) {
    __typename ... on BatalkanPendaftaranPelatihanSuccess { data { id status } } ... on Error { code message }
  }
}`;

describe.skipIf(!hasChromium)("training sessions, the citizen's side, in the browser", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let a: Awaited<ReturnType<typeof activeCitizen>>;
  let b: Awaited<ReturnType<typeof activeCitizen>>;
  let c: Awaited<ReturnType<typeof activeCitizen>>;
  let sesiRaw = "";
  let pageA: Page;
  const f = new Findings();
  const noSideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

  async function phone(who: string): Promise<Page> {
    const context = await phoneContext(browser);
    contexts.push(context);
    return f.watch(await context.newPage(), who);
  }

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp({ mailWorker: false });
    fx = await serviceFixture(t);
    const mulai = new Date(Date.now() + 10 * 60_000);
    const sesi = await t.db.prisma.sesiPelatihan.create({
      data: {
        instansiId: fx.instansi.id,
        layananId: rawIdOf(fx.layanan.id),
        judul: JUDUL,
        mulai,
        selesai: new Date(mulai.getTime() + 3 * 3_600_000),
        tempat: "Ruang Pelatihan LPSE, Lantai 2",
        kapasitas: 2,
        persyaratan: "Membawa laptop sendiri.\nSudah memiliki akun SPSE.",
        wajibSuratAtasan: true,
      },
    });
    sesiRaw = sesi.id;
    a = await activeCitizen(t);
    b = await activeCitizen(t);
    c = await activeCitizen(t);
    base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    for (const ctx of contexts) await ctx.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  it("phone: A finds the session, an empty form is refused at its fields, and A registers with the letter", async () => {
    pageA = await phone("warga A 390");
    const page = pageA;
    await logIn(page, base, a.nik, /\/pengajuan$/, a.password);
    await (await menuLink(page, "Pelatihan")).click();
    await page.waitForURL(/\/pelatihan$/);
    await page.getByRole("heading", { name: "Pelatihan saya" }).waitFor();
    const jadwal = page.getByRole("region", { name: "Jadwal pelatihan" });
    const card = jadwal.locator(".request", { hasText: JUDUL });
    await card.getByText("Sisa 2 dari 2 kursi").waitFor();
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/pelatihan 390");
    await card.getByRole("link", { name: JUDUL }).click();

    await page.waitForURL(new RegExp(`/pelatihan/${sesiRaw}$`));
    await page.getByRole("heading", { name: JUDUL, level: 1 }).waitFor();
    await page.getByText("Ruang Pelatihan LPSE, Lantai 2").waitFor();
    await page.getByText(/Membawa laptop sendiri/).waitFor();
    await page.locator('.pelatihan-kursi[data-sisa="2"]').waitFor();
    // the time on the office's clock (Asia/Jakarta for the fixture), as "HH.MM–HH.MM WIB"
    const row = await t.db.prisma.sesiPelatihan.findUniqueOrThrow({ where: { id: sesiRaw } });
    const jam = (d: Date) => new Intl.DateTimeFormat("id-ID", { timeZone: "Asia/Jakarta", hour: "2-digit", minute: "2-digit" }).format(d);
    await page.getByText(`${jam(row.mulai)}–${jam(row.selesai)} WIB`).waitFor();
    await f.audit(page, "/pelatihan/<id> 390");

    // sent empty: the organisation and the letter are asked for, each at its field, and listed above the form
    await page.getByRole("button", { name: "Daftar", exact: true }).click();
    await page.locator('input[name="organisasi"][aria-invalid="true"]').waitFor();
    await page.locator('input[name="suratAtasan"][aria-invalid="true"]').waitFor();
    await page.getByText("Isi nama instansi atau perusahaan Anda.").first().waitFor();
    await page.getByText("Unggah surat tugas dari atasan Anda (PDF, JPG, atau PNG).").first().waitFor();
    await page.getByText("Ada masalah").waitFor();
    expect(await page.locator('input[name="jabatan"]').getAttribute("aria-invalid")).toBe("false");
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/pelatihan/<id> form salah 390");
    await shot(page, "pelatihan-warga-form-salah");

    await page.getByLabel("Instansi/perusahaan").fill("CV Maju Jaya");
    await page.getByLabel(/^Jabatan/).fill("Direktur");
    await page.getByLabel("Surat tugas dari atasan").setInputFiles({ name: "surat-tugas.pdf", mimeType: "application/pdf", buffer: tinyPdf("surat tugas A") });
    await page.getByRole("button", { name: "Daftar", exact: true }).click();
    await page.getByText("Anda terdaftar. Satu kursi untuk Anda.").waitFor();
    await page.locator('.pelatihan-kursi[data-sisa="1"]').waitFor();
    const mine = await t.db.prisma.pesertaPelatihan.findFirstOrThrow({ where: { sesiId: sesiRaw, pesertaId: a.id } });
    expect(mine).toMatchObject({ status: "TERDAFTAR", organisasi: "CV Maju Jaya", jabatan: "Direktur" });
    expect(mine.suratAtasanId).not.toBeNull();
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/pelatihan/<id> terdaftar 390");
    await shot(page, "pelatihan-warga-terdaftar");
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);

  it("phone: C sees the last seat go live, joins the waiting list, and holds a seat once B withdraws, without a reload", async () => {
    const page = await phone("warga C 390");
    await logIn(page, base, c.nik, /\/pengajuan$/, c.password);
    // from the service's public page: its one upcoming session
    await page.goto(`${base}/layanan/${rawIdOf(fx.layanan.id)}`);
    await page.getByRole("link", { name: "Jadwal pelatihan" }).click();
    await page.waitForURL(new RegExp(`/pelatihan/${sesiRaw}$`));
    await page.getByRole("heading", { name: JUDUL, level: 1 }).waitFor();
    await page.locator('.pelatihan-kursi[data-sisa="1"]').waitFor();
    await mark(page);

    // B takes the last seat through the API (a real multipart request with the letter) while C's page is open
    const daftarB = await upload(
      t,
      DAFTAR,
      { sesiId: globalId("SesiPelatihan", sesiRaw), organisasi: "PT Sumber Rejeki", jabatan: null, suratAtasan: null },
      { suratAtasan: { name: "surat.png", type: "image/png", content: PNG_1X1 } },
      { token: b.token },
    );
    expect(daftarB.data!.daftarPelatihan).toMatchObject({ __typename: "DaftarPelatihanSuccess", data: { status: "TERDAFTAR", nomorTunggu: null } });
    const idB = daftarB.data!.daftarPelatihan.data.id as string;
    await page.locator('.pelatihan-kursi[data-sisa="0"]').waitFor({ timeout: LIVE });
    await page.getByText("Kursi sudah penuh. Bila Anda mendaftar sekarang, Anda masuk daftar tunggu.").waitFor();
    expect(await unreloaded(page)).toBe(true);

    await page.getByLabel("Instansi/perusahaan").fill("Dinas PUPR Kota Madiun");
    await page.getByLabel("Surat tugas dari atasan").setInputFiles({ name: "surat-tugas-c.png", mimeType: "image/png", buffer: PNG_1X1 });
    await page.getByRole("button", { name: "Masuk daftar tunggu" }).click();
    await page.getByText("Anda di daftar tunggu nomor 1.").waitFor();
    await page.locator('.pelatihan-menunggu[data-menunggu="1"]').waitFor();
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/pelatihan/<id> daftar tunggu 390");
    await shot(page, "pelatihan-warga-menunggu");

    // B withdraws: the seat goes to C, and C's page says so by itself
    const batal = await t.gql(BATAL, { id: idB, alasan: "Ada tugas ke luar kota" }, { token: b.token });
    expect(batal.data!.batalkanPendaftaranPelatihan).toMatchObject({ __typename: "BatalkanPendaftaranPelatihanSuccess", data: { status: "BATAL" } });
    await page.getByText("Anda terdaftar. Satu kursi untuk Anda.").waitFor({ timeout: LIVE });
    await page.getByText("Anda mendapat kursi yang dilepas peserta lain.").waitFor();
    await page.locator('.pelatihan-menunggu[data-menunggu="0"]').waitFor();
    expect(await unreloaded(page)).toBe(true);
    const rowC = await t.db.prisma.pesertaPelatihan.findFirstOrThrow({ where: { sesiId: sesiRaw, pesertaId: c.id } });
    expect(rowC.status).toBe("TERDAFTAR");
    expect(rowC.naikAt).not.toBeNull();
    await f.audit(page, "/pelatihan/<id> naik 390");

    // "Pelatihan saya" lists it with its status
    await (await menuLink(page, "Pelatihan")).click();
    await page.waitForURL(/\/pelatihan$/);
    const saya = page.getByRole("region", { name: "Pelatihan saya" });
    await saya.locator(".request", { hasText: JUDUL }).locator(".badge", { hasText: "Terdaftar" }).waitFor();
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/pelatihan saya 390");
    await shot(page, "pelatihan-warga-saya");
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);

  it("phone: A, marked present, is offered the satisfaction survey and answers it", async () => {
    const page = pageA;
    const mine = await t.db.prisma.pesertaPelatihan.findFirstOrThrow({ where: { sesiId: sesiRaw, pesertaId: a.id } });
    await t.db.prisma.pesertaPelatihan.update({ where: { id: mine.id }, data: { status: "HADIR", hadirAt: new Date() } });
    await page.reload();
    await page.getByText("Anda tercatat hadir.").waitFor();
    const survey = page.getByRole("region", { name: "Survei kepuasan" });
    await survey.getByRole("button", { name: "Isi survei" }).click();
    const items = survey.locator(".survey__item");
    await expect.poll(() => items.count()).toBe(9);
    for (let i = 0; i < 9; i++)
      await items
        .nth(i)
        .getByRole("radio", { name: i === 0 ? "Sangat baik" : "Baik", exact: true })
        .check();
    await survey.getByLabel("Saran atau komentar (tidak wajib)").fill("Materi jelas; mohon sediakan stopkontak di setiap meja.");
    await f.audit(page, "/pelatihan/<id> survei 390");
    await survey.getByRole("button", { name: "Kirim penilaian" }).click();
    await survey.getByText("Terima kasih. Penilaian Anda membantu kantor memperbaiki pelayanan.").waitFor();
    const stored = await t.db.prisma.surveiKepuasan.findMany({ where: { jenisKasus: "PELATIHAN", kasusId: mine.id } });
    expect(stored.map((s) => [s.u1, s.u2, s.u9, s.respondenId])).toEqual([[4, 3, 3, a.id]]);
    expect(await noSideways(page)).toBe(true);
    await f.audit(page, "/pelatihan/<id> survei terkirim 390");
    await shot(page, "pelatihan-warga");
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);
});

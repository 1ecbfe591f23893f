import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { activeCitizen, createTestApp, serviceFixture, tinyPdf, uploadFixtureDocuments, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, LIVE, badge, deskContext, hasChromium, launch, logIn, mark, phoneContext, rawIdOf, shot, unreloaded } from "./e2e-kit";

/**
 * Issue #14 "What staff see is current", in a real browser: the officer (desk) keeps a case page open while the
 * citizen (phone) replaces a document — the viewer moves to the new file and marks it "Baru diganti"; the
 * re-submission shows beside the first "Diajukan"; a live change is a calm highlight, not a focus-coloured frame;
 * a success message goes at the next action; a finished request shows no remaining time; statistics show labels.
 * Both widths, axe clean, screenshots. (Refusing a stale verification: tests/pengajuan/dokumen-terkini.test.ts.)
 */

const P = `fragment P on Pengajuan { id versi status nomorRegistrasi }`;
const CREATE = `mutation($l: ID!, $f: JSON, $k: PengirimanOpsi) { createPengajuan(layananId: $l, formData: $f, pengiriman: $k) { __typename ... on CreatePengajuanSuccess { data { ...P } } ... on Error { code message } } } ${P}`;
const UPLOAD = `mutation($id: ID!, $v: Int!, $berkas: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $berkas) { __typename ... on UploadDokumenPengajuanSuccess { data { ...P } } ... on Error { code message } } } ${P}`;
const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v) { __typename ... on UbahStatusPengajuanSuccess { data { ...P } } ... on Error { code message } } } ${P}`;

describe.skipIf(!hasChromium)("what staff see is current, in the browser", () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let base: string;
  let browser: Browser;
  let citizen: Page;
  let officer: Page;
  let officerCtx: BrowserContext;
  let warga: Awaited<ReturnType<typeof activeCitizen>>;
  const f = new Findings();

  async function submitted(namaPasangan: string) {
    const c = await t.gql(CREATE, { l: fx.layanan.id, f: { namaPasangan, tanggalNikah: "2027-03-14" }, k: "AMBIL" }, { token: warga.token });
    expect(c.data!.createPengajuan.__typename).toBe("CreatePengajuanSuccess");
    const p = c.data!.createPengajuan.data;
    const u = await uploadFixtureDocuments(t, UPLOAD, fx, p, warga.token, { name: "pengantar desa.pdf", text: namaPasangan });
    expect(u.data!.uploadDokumenPengajuan.__typename).toBe("UploadDokumenPengajuanSuccess");
    const a = await t.gql(ACT, { id: p.id, a: "AJUKAN", v: u.data!.uploadDokumenPengajuan.data.versi }, { token: warga.token });
    expect(a.data!.ubahStatusPengajuan.__typename).toBe("UbahStatusPengajuanSuccess");
    return a.data!.ubahStatusPengajuan.data as { id: string; versi: number; nomorRegistrasi: string };
  }

  async function apiAct(p: { id: string; versi: number }, a: string) {
    const r = await t.gql(ACT, { id: p.id, a, v: p.versi }, { token: fx.petugas.token });
    expect(r.data!.ubahStatusPengajuan.__typename, JSON.stringify(r.data)).toBe("UbahStatusPengajuanSuccess");
    return r.data!.ubahStatusPengajuan.data as { id: string; versi: number };
  }

  async function audit(page: Page, label: string) {
    await f.audit(page, label);
    await page.setViewportSize(page.viewportSize()!.width === 1280 ? { width: 390, height: 844 } : { width: 1280, height: 800 });
    await f.audit(page, `${label} (lebar lain)`);
    await page.setViewportSize(page === officer ? { width: 1280, height: 800 } : { width: 390, height: 844 });
  }

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    fx = await serviceFixture(t);
    warga = await activeCitizen(t);
    const port = await t.app.start(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;
    browser = await launch();
    citizen = f.watch(await (await phoneContext(browser)).newPage(), "citizen");
    officerCtx = await deskContext(browser);
    officer = f.watch(await officerCtx.newPage(), "officer");
    await logIn(citizen, base, warga.nik, /\/pengajuan$/, warga.password);
    await logIn(officer, base, fx.petugas.nomorIdentitas, /\/petugas\/antrian$/);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("the citizen replaces a document while the officer's page is open: the viewer shows the new file, marked new, and the verification goes through", async () => {
    const p = await submitted("Budi Santoso");
    await officer.goto(`${base}/petugas/pengajuan/${rawIdOf(p.id)}`);
    await badge(officer, "Diajukan");
    // the viewer opens the first document: the KTP photo
    await officer.locator(".viewer__caption", { hasText: "ktp.png" }).waitFor();
    await mark(officer);

    await officer.getByRole("button", { name: "Minta perbaikan", exact: true }).click();
    await officer.getByLabel("Pesan untuk pemohon").fill("Foto KTP buram, mohon unggah hasil pindai.");
    await officer.getByRole("button", { name: "Ya, minta perbaikan" }).click();
    await badge(officer, "Perlu perbaikan");
    await officer.getByText("Minta perbaikan: berhasil.").waitFor();

    await citizen.goto(`${base}/pengajuan/${rawIdOf(p.id)}`);
    await badge(citizen, "Perlu perbaikan");
    await citizen
      .getByLabel("Ganti berkas untuk KTP calon pengantin")
      .setInputFiles({ name: "ktp-jelas.pdf", mimeType: "application/pdf", buffer: tinyPdf("ktp jelas") });
    await citizen.getByRole("link", { name: /ktp-jelas\.pdf/ }).waitFor({ timeout: LIVE });

    // the officer's page, not reloaded: the viewer moved to the new file and says it is new
    const caption = officer.locator(".viewer__caption");
    await caption.filter({ hasText: "ktp-jelas.pdf" }).waitFor({ timeout: LIVE });
    await caption.locator(".badge--new", { hasText: "Baru diganti" }).waitFor();
    expect(await officer.locator("iframe.viewer__pdf").count()).toBe(1);
    expect(await officer.locator("img.viewer__image").count()).toBe(0);
    await officer.locator(".doclist__item--open .badge--new", { hasText: "Baru diganti" }).waitFor();
    await officer.getByText("Versi lama (1)").waitFor();
    await officer.locator(".timeline__title", { hasText: "Pemohon mengganti dokumen" }).waitFor();
    expect(await unreloaded(officer)).toBe(true);
    await shot(officer, "petugas-dokumen-baru-diganti");
    await audit(officer, "/petugas/pengajuan/:id (dokumen baru diganti)");

    // the citizen sends it back; both pages show the first submission and the re-submission apart
    // ("Lanjutkan" first: the check-answers step lists the replaced file before the submit)
    await citizen.getByRole("button", { name: "Lanjutkan", exact: true }).click();
    await citizen.locator(".check-answers", { hasText: "ktp-jelas.pdf" }).waitFor();
    await citizen.getByRole("button", { name: "Ajukan kembali" }).click();
    await badge(officer, "Diajukan");
    // a live change is a calm highlight that fades (brand tint, not the focus colour) and is announced politely
    const card = officer.locator(".status-card.live-changed");
    await card.waitFor();
    const look = await card.evaluate((el) => ({ outline: getComputedStyle(el).outlineStyle, animation: getComputedStyle(el).animationName }));
    expect(look).toEqual({ outline: "none", animation: "live-changed" });
    await officer.locator(".status-card [role=status]", { hasText: "Status pengajuan berubah: Diajukan." }).waitFor({ state: "attached" });
    await officer.locator(".status-card.live-changed").waitFor({ state: "detached", timeout: 10_000 });

    await badge(citizen, "Diajukan");
    // the page moved focus to the status card after the citizen's own click: no focus-coloured frame for a mouse user
    const frame = await citizen.evaluate(() => {
      const el = document.querySelector(".status-card")!;
      return { focused: document.activeElement === el, outline: getComputedStyle(el).outlineStyle };
    });
    expect(frame).toEqual({ focused: true, outline: "none" });
    await citizen.locator(".facts dt", { hasText: /^Diajukan ulang$/ }).waitFor();
    await officer.locator(".facts dt", { hasText: /^Diajukan ulang$/ }).waitFor();
    expect(await officer.locator(".facts dt", { hasText: /^Diajukan$/ }).count()).toBe(1);

    // once seen (opened, then left for another document) the mark goes
    await officer.getByRole("button", { name: /Surat pengantar desa/ }).click();
    await caption.filter({ hasText: "pengantar desa.pdf" }).waitFor();
    expect(await officer.locator(".badge--new").count()).toBe(0);

    await officer.getByRole("button", { name: "Nyatakan lengkap (verifikasi)", exact: true }).click();
    await officer.getByRole("button", { name: "Ya, nyatakan lengkap (verifikasi)" }).click();
    await badge(officer, "Diverifikasi");
    await officer.getByText("Nyatakan lengkap (verifikasi): berhasil.").waitFor();
    await badge(citizen, "Diverifikasi");
    // the success message is about that action: the next one takes it away
    await officer.getByRole("button", { name: "Tugaskan ke saya" }).click();
    await officer.getByRole("button", { name: "Lepaskan" }).waitFor();
    expect(await officer.getByText("Nyatakan lengkap (verifikasi): berhasil.").count()).toBe(0);
    await shot(citizen, "pengajuan-diajukan-ulang");
    await audit(citizen, "/pengajuan/:id (diajukan ulang)");
  }, 240_000);

  it("a finished request shows no remaining time beside its completion", async () => {
    let p: { id: string; versi: number } = await submitted("Siti Aminah");
    p = await apiAct(p, "VERIFIKASI");
    p = await apiAct(p, "PROSES");
    await citizen.goto(`${base}/pengajuan/${rawIdOf(p.id)}`);
    await badge(citizen, "Diproses");
    await citizen.locator(".status-card .sla", { hasText: /\(sisa / }).waitFor(); // while it runs, the time left shows
    await mark(citizen);
    p = await apiAct(p, "SIAPKAN_PENGAMBILAN");
    await badge(citizen, "Siap diambil");
    await citizen.locator(".facts dt", { hasText: /^Selesai$/ }).waitFor();
    expect(await citizen.locator(".status-card").innerText()).not.toMatch(/sisa|lewat \d/);
    expect(await unreloaded(citizen)).toBe(true);
    await shot(citizen, "pengajuan-siap-diambil-tanpa-sisa");
    await audit(citizen, "/pengajuan/:id (siap diambil)");

    await officer.goto(`${base}/petugas/pengajuan/${rawIdOf(p.id)}`);
    await badge(officer, "Siap diambil");
    expect(await officer.locator(".status-card").innerText()).not.toMatch(/sisa/);
  }, 120_000);

  it("statistics show labels, never codes", async () => {
    await officer.goto(`${base}/statistik`);
    const table = officer.getByRole("region", { name: "Pengajuan per status" });
    await table.getByRole("rowheader", { name: "Siap diambil" }).waitFor({ timeout: LIVE });
    const text = await officer.locator("main").innerText();
    for (const code of ["SIAP_DIAMBIL", "DIVERIFIKASI", "DIAJUKAN", "SELESAI", "WEB", "PERLU_PERBAIKAN"]) expect(text).not.toContain(code);
    await shot(officer, "statistik-label");
    await audit(officer, "/statistik");
    expect(f.axe).toEqual([]);
    expect(f.problems).toEqual([]);
  }, 120_000);
});

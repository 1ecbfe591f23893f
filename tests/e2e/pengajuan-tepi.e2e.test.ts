import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { activeCitizen, createTestApp, serviceFixture, tinyPdf, uploadFixtureDocuments, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, LIVE, badge, deskContext, hasChromium, launch, logIn, mark, phoneContext, rawIdOf, shot, unreloaded, menuLink } from "./e2e-kit";

/**
 * The edges of a service request in a real browser: the citizen cancels before processing starts; an officer
 * rejects one with a reason and the citizen starts again from it with the documents carried over; the
 * satisfaction survey (SKM) after a final state, nine elements, once. The citizen is on a phone, the officer at a
 * desk; the citizen's open page follows every desk action without a reload.
 */

const P = `fragment P on Pengajuan { id versi status nomorRegistrasi }`;
const CREATE = `mutation($l: ID!, $f: JSON) { createPengajuan(layananId: $l, formData: $f) { __typename ... on CreatePengajuanSuccess { data { ...P } } ... on Error { code message } } } ${P}`;
const UPLOAD = `mutation($id: ID!, $v: Int!, $berkas: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $berkas) { __typename ... on UploadDokumenPengajuanSuccess { data { ...P } } ... on Error { code message } } } ${P}`;
const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v) { __typename ... on UbahStatusPengajuanSuccess { data { ...P } } ... on Error { code message } } } ${P}`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Pengajuan { ...P } } } ${P}`;

describe.skipIf(!hasChromium)("cancelling, rejecting and starting again, and the survey, in the browser", () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let base: string;
  let browser: Browser;
  let citizen: Page;
  let officer: Page;
  let warga: Awaited<ReturnType<typeof activeCitizen>>;
  const f = new Findings();
  let ditolakUrl = "";

  /** A request submitted through the API, as the citizen's earlier visit would have left it. */
  async function submitted(namaPasangan: string) {
    const c = await t.gql(CREATE, { l: fx.layanan.id, f: { namaPasangan, tanggalNikah: "2027-03-14" } }, { token: warga.token });
    expect(c.data!.createPengajuan.__typename).toBe("CreatePengajuanSuccess");
    const p = c.data!.createPengajuan.data;
    const u = await uploadFixtureDocuments(t, UPLOAD, fx, p, warga.token, { name: "pengantar desa.pdf", text: namaPasangan });
    expect(u.data!.uploadDokumenPengajuan.__typename).toBe("UploadDokumenPengajuanSuccess");
    const a = await t.gql(ACT, { id: p.id, a: "AJUKAN", v: u.data!.uploadDokumenPengajuan.data.versi }, { token: warga.token });
    expect(a.data!.ubahStatusPengajuan.__typename).toBe("UbahStatusPengajuanSuccess");
    return a.data!.ubahStatusPengajuan.data as { id: string; versi: number; nomorRegistrasi: string };
  }

  /** The officer takes a step from the case page's buttons. */
  async function step(button: string, status: string, message?: { label: string; text: string }) {
    await officer.getByRole("button", { name: button, exact: true }).click();
    if (message) await officer.getByLabel(message.label).fill(message.text);
    await officer.getByRole("button", { name: `Ya, ${button.toLowerCase()}` }).click();
    await badge(officer, status);
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
    officer = f.watch(await (await deskContext(browser)).newPage(), "officer");
    await logIn(citizen, base, warga.nik, /\/pengajuan$/, warga.password);
    await logIn(officer, base, fx.petugas.nomorIdentitas, /\/petugas\/antrian$/);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("the citizen cancels a submitted request; the officer's open case page shows it at once", async () => {
    const p = await submitted("Budi Santoso");
    await officer.goto(`${base}/petugas/pengajuan/${rawIdOf(p.id)}`);
    await badge(officer, "Diajukan");
    await officer.getByRole("button", { name: "Tolak", exact: true }).waitFor();

    await citizen.goto(`${base}/pengajuan/${rawIdOf(p.id)}`);
    await badge(citizen, "Diajukan");
    await mark(citizen);
    // a second thought is possible before anything happens
    await citizen.getByRole("button", { name: "Batalkan pengajuan…" }).click();
    await citizen.getByText("Yakin membatalkan?", { exact: false }).waitFor();
    await shot(citizen, "pengajuan-batal-konfirmasi", false);
    await f.audit(citizen, "/pengajuan/:id (konfirmasi batal)");
    await citizen.getByRole("button", { name: "Tidak", exact: true }).click();
    await badge(citizen, "Diajukan");
    await citizen.getByRole("button", { name: "Batalkan pengajuan…" }).click();
    await citizen.getByRole("button", { name: "Ya, batalkan" }).click();
    await badge(citizen, "Dibatalkan");
    await citizen.getByText("Pengajuan ini Anda batalkan.").waitFor();
    expect(await citizen.getByRole("heading", { name: "Batalkan pengajuan" }).count()).toBe(0);
    await citizen.getByRole("button", { name: "Ajukan ulang", exact: true }).waitFor();
    // nothing to rate: a cancelled request is not a finished service
    expect(await citizen.getByRole("heading", { name: "Survei kepuasan" }).count()).toBe(0);
    await citizen.locator(".timeline__title").first().waitFor();
    await shot(citizen, "pengajuan-dibatalkan");
    await f.audit(citizen, "/pengajuan/:id (dibatalkan)");

    await badge(officer, "Dibatalkan");
    await officer.getByText("Tidak ada tindakan pada status ini.").waitFor();
    await shot(officer, "petugas-kasus-dibatalkan", false);
    await f.audit(officer, "/petugas/pengajuan/:id (dibatalkan)");
  }, 120_000);

  it("cancelling is offered until processing starts; the officer rejects with a reason, seen live by the citizen", async () => {
    const p = await submitted("Siti Aminah");
    await citizen.goto(`${base}/pengajuan/${rawIdOf(p.id)}`);
    await badge(citizen, "Diajukan");
    await mark(citizen);
    await officer.goto(`${base}/petugas/pengajuan/${rawIdOf(p.id)}`);
    await badge(officer, "Diajukan");

    await step("Nyatakan lengkap (verifikasi)", "Diverifikasi");
    await badge(citizen, "Diverifikasi");
    await citizen.getByRole("button", { name: "Batalkan pengajuan…" }).waitFor();
    await step("Proses", "Diproses");
    await badge(citizen, "Diproses");
    await citizen.getByText("Sedang diproses oleh petugas.").waitFor();
    expect(await citizen.getByRole("button", { name: "Batalkan pengajuan…" }).count()).toBe(0);
    // and the API says why, were the citizen's page out of date
    const now = (await t.gql(NODE, { id: p.id }, { token: warga.token })).data!.node;
    const late = await t.gql(ACT, { id: p.id, a: "BATALKAN", v: now.versi }, { token: warga.token });
    expect(late.data!.ubahStatusPengajuan.__typename).not.toBe("UbahStatusPengajuanSuccess");
    expect(late.data!.ubahStatusPengajuan.message).toMatch(/[a-z]/);

    await officer.getByRole("button", { name: "Tolak", exact: true }).click();
    await officer.getByRole("button", { name: "Ya, tolak" }).click();
    await officer.getByText("Alasan penolakan wajib diisi (minimal 5 karakter).").waitFor();
    await officer
      .getByLabel("Alasan penolakan")
      .fill("Surat pengantar desa sudah kedaluwarsa (lebih dari 3 bulan). Mohon ajukan ulang dengan surat pengantar yang baru.");
    await shot(officer, "petugas-kasus-tolak", false);
    await f.audit(officer, "/petugas/pengajuan/:id (tolak)");
    await officer.getByRole("button", { name: "Ya, tolak" }).click();
    await badge(officer, "Ditolak");

    await badge(citizen, "Ditolak");
    await citizen.locator(".status-card .alert", { hasText: "Alasan: Surat pengantar desa sudah kedaluwarsa" }).waitFor();
    await citizen.getByRole("button", { name: "Ajukan ulang dari pengajuan ini" }).waitFor();
    expect(await unreloaded(citizen)).toBe(true);
    ditolakUrl = citizen.url();
    await shot(citizen, "pengajuan-ditolak");
    await f.audit(citizen, "/pengajuan/:id (ditolak)");
  }, 150_000);

  it("the citizen starts a new request from the rejected one: the form and the documents are carried over", async () => {
    const nomorLama = (await citizen.locator(".status-card__nomor strong").textContent())!.trim();
    await citizen.getByRole("button", { name: "Ajukan ulang dari pengajuan ini" }).click();
    await citizen.waitForURL((u) => /\/pengajuan\/[0-9a-f-]{36}$/.test(u.pathname) && u.href !== ditolakUrl, { timeout: LIVE });
    await badge(citizen, "Draf");
    await citizen.getByRole("heading", { name: "Isi formulir" }).waitFor();
    expect(await citizen.getByLabel("Nama pasangan").inputValue()).toBe("Siti Aminah");
    expect(await citizen.getByLabel("Rencana tanggal nikah").inputValue()).toBe("2027-03-14");
    await citizen.getByRole("link", { name: /ktp\.png/ }).waitFor();
    await citizen.getByRole("link", { name: /pengantar desa\.pdf/ }).waitFor();
    expect(await citizen.locator(".slot .badge", { hasText: "Sudah diunggah" }).count()).toBe(2);
    await shot(citizen, "pengajuan-ajukan-ulang");
    await f.audit(citizen, "/pengajuan/:id (ajukan ulang)");

    // the new village letter replaces the expired one, then it goes in as a new request
    await citizen
      .getByLabel("Ganti berkas untuk Surat pengantar desa")
      .setInputFiles({ name: "pengantar-baru.pdf", mimeType: "application/pdf", buffer: tinyPdf("pengantar baru") });
    await citizen.getByRole("link", { name: /pengantar-baru\.pdf/ }).waitFor();
    await citizen.getByRole("button", { name: "Lanjutkan", exact: true }).click();
    await citizen.getByRole("button", { name: "Ajukan", exact: true }).click();
    await badge(citizen, "Diajukan");
    const nomorBaru = (await citizen.locator(".status-card__nomor strong").textContent())!.trim();
    expect(nomorBaru).not.toBe(nomorLama);

    // both are in the Log Pengajuan, each with its own status
    await (await menuLink(citizen, "Pengajuan")).click();
    await citizen.getByRole("heading", { name: "Log Pengajuan" }).waitFor();
    await citizen.locator(".request", { hasText: nomorLama }).locator(".badge", { hasText: "Ditolak" }).waitFor();
    await citizen.locator(".request", { hasText: nomorBaru }).locator(".badge", { hasText: "Diajukan" }).waitFor();
    await shot(citizen, "log-pengajuan-tepi");
  }, 120_000);

  it("the satisfaction survey after a final state: nine elements, all required, answered once", async () => {
    await citizen.goto(ditolakUrl);
    await badge(citizen, "Ditolak");
    const survey = citizen.getByRole("region", { name: "Survei kepuasan" });
    await survey.getByRole("button", { name: "Isi survei" }).click();
    const items = survey.locator(".survey__item");
    expect(await items.count()).toBe(9);
    await survey.getByRole("button", { name: "Kirim penilaian" }).click();
    await survey.getByText("Beri nilai untuk “Persyaratan” (dan semua unsur lainnya).").waitFor();
    const scores = ["Baik", "Sangat baik", "Kurang baik", "Baik", "Baik", "Sangat baik", "Baik", "Tidak baik"];
    for (let i = 0; i < 8; i++) await items.nth(i).getByRole("radio", { name: scores[i], exact: true }).check();
    await survey.getByRole("button", { name: "Kirim penilaian" }).click();
    await survey.getByText("Beri nilai untuk “Penanganan pengaduan, saran dan masukan” (dan semua unsur lainnya).").waitFor();
    await items.nth(8).getByRole("radio", { name: "Baik", exact: true }).check();
    await survey.getByLabel("Saran atau komentar (tidak wajib)").fill("Mohon masa berlaku surat pengantar disebutkan di persyaratan.");
    await shot(citizen, "survei-kepuasan");
    await f.audit(citizen, "survei");
    await survey.getByRole("button", { name: "Kirim penilaian" }).click();
    await survey.getByText("Terima kasih. Penilaian Anda membantu kantor memperbaiki pelayanan.").waitFor();
    const stored = await t.db.prisma.surveiKepuasan.findMany({ where: { jenisKasus: "PENGAJUAN", kasusId: ditolakUrl.split("/").pop()! } });
    expect(stored.map((s) => [s.u1, s.u2, s.u3, s.u4, s.u5, s.u6, s.u7, s.u8, s.u9])).toEqual([[3, 4, 2, 3, 3, 4, 3, 1, 3]]);

    // not offered again on this phone
    await citizen.reload();
    await badge(citizen, "Ditolak");
    await citizen.getByRole("heading", { name: "Riwayat (Log Pengajuan)" }).waitFor();
    expect(await citizen.getByRole("region", { name: "Survei kepuasan" }).count()).toBe(0);

    // on another device it is offered, but the API takes one answer only and the page says so
    const other = await deskContext(browser);
    const desk = f.watch(await other.newPage(), "citizen (laptop)");
    await logIn(desk, base, warga.nik, /\/pengajuan$/, warga.password);
    await desk.goto(ditolakUrl);
    await badge(desk, "Ditolak");
    const again = desk.getByRole("region", { name: "Survei kepuasan" });
    await again.getByRole("button", { name: "Isi survei" }).click();
    const rows = again.locator(".survey__item");
    for (let i = 0; i < 9; i++) await rows.nth(i).getByRole("radio", { name: "Sangat baik", exact: true }).check();
    await again.getByRole("button", { name: "Kirim penilaian" }).click();
    await again.getByText("Survei untuk layanan ini sudah Anda isi. Terima kasih.").waitFor();
    expect(await again.getByRole("button", { name: "Kirim penilaian" }).count()).toBe(0);
    await shot(desk, "survei-sudah-diisi", false);
    await f.audit(desk, "survei (sudah diisi)");
    expect(await t.db.prisma.surveiKepuasan.count()).toBe(1);
    await other.close();
  }, 150_000);

  it("has no serious accessibility problems on these pages, and raised no script errors", () => {
    expect(f.axe).toEqual([]);
    expect(f.problems).toEqual([]);
  });
});

import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { PNG_1X1, activeCitizen, createStaff, createTestApp, globalId, serviceFixture, tinyPdf, type TestApp } from "../helpers/app";
import { tenggatJawab } from "../../server/modules/ppid/rules";
import { buildClient } from "./build-client";
import { Findings, LIVE, badge, deskContext, hasChromium, inBrowserDateTime, launch, logIn, mark, phoneContext, shot, unreloaded, menuLink } from "./e2e-kit";

/**
 * A complaint and a public-information request from start to finish in a real browser, against the real API.
 * The citizen is on a phone; the complaint officer, the PPID officer and the atasan PPID sit at desks, each in
 * their own browser context. Every step taken at a desk must appear on the citizen's already-open page without
 * a reload.
 */

const KATEGORI = `mutation ($i: ID!, $nama: String!) { tambahKategoriPengaduan(instansiId: $i, nama: $nama) { __typename } }`;
const PENGADUAN = `query ($id: ID!) { node(id: $id) { ... on Pengaduan { tenggat status } } }`;
const TIDAK_PUAS = `mutation ($id: ID!, $v: Int!) { ubahStatusPengaduan(id: $id, versi: $v, aksi: TIDAK_PUAS, pesan: "Masih belum puas juga.") { __typename ... on Error { code message } } }`;
const VERSI_ADUAN = `query ($id: ID!) { node(id: $id) { ... on Pengaduan { versi } } }`;
const PERMOHONAN = `query ($id: ID!) { node(id: $id) { ... on PermohonanInformasi { versi status diterimaAt tenggat keberatan { batasSengketa tenggatTanggapan } } } }`;
const PERPANJANG = `mutation ($id: ID!, $v: Int!) { perpanjangPermohonanInformasi(id: $id, versi: $v, hari: 3, alasan: "Perpanjangan kedua untuk mencoba.") { __typename ... on Error { code message } } }`;

/** A field's own message: the `.field__error` beside it (a form with two or more wrong fields also lists it in its summary). */
const fieldError = (scope: Page | Locator, message: string | RegExp) => scope.locator(".field__error", { hasText: message });
/** The "Ada masalah" summary at the top of a form with two or more wrong fields: each message as a link "<Label>: <message>". */
const summary = (scope: Page | Locator) => scope.getByRole("group", { name: /Ada masalah/ });
/** Each message is beside its field and, as a link to that field, in the form's summary. */
async function inFieldAndSummary(scope: Page | Locator, messages: Array<string | RegExp>) {
  for (const m of messages) {
    await fieldError(scope, m).waitFor();
    await summary(scope).getByRole("link", { name: m }).waitFor();
  }
  expect(await summary(scope).getByRole("link").count()).toBe(messages.length);
}

describe.skipIf(!hasChromium)("a complaint and a public-information request in the browser", () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let citizen: Page;
  let officer: Page;
  let warga: Awaited<ReturnType<typeof activeCitizen>>;
  let ppidStaff: Awaited<ReturnType<typeof createStaff>>;
  let atasanStaff: Awaited<ReturnType<typeof createStaff>>;
  const f = new Findings();
  let kodeLacak = "";

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    fx = await serviceFixture(t);
    for (const nama of ["Pelayanan petugas", "Sarana dan prasarana"]) {
      const r = await t.gql(KATEGORI, { i: globalId("Instansi", fx.instansi.id), nama }, { token: fx.admin.token });
      expect(r.data!.tambahKategoriPengaduan.__typename).toBe("TambahKategoriPengaduanSuccess");
    }
    warga = await activeCitizen(t);
    ppidStaff = await createStaff(t, "PPID", fx.instansi.id);
    atasanStaff = await createStaff(t, "ATASAN_PPID", fx.instansi.id);
    const port = await t.app.start(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;
    browser = await launch();
    const citizenCtx = await phoneContext(browser);
    const officerCtx = await deskContext(browser);
    contexts.push(citizenCtx, officerCtx);
    citizen = f.watch(await citizenCtx.newPage(), "citizen");
    officer = f.watch(await officerCtx.newPage(), "officer");
    await logIn(citizen, base, warga.nik, /\/pengajuan$/, warga.password);
    await logIn(officer, base, fx.petugas.nomorIdentitas, /\/petugas\/antrian$/);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("the citizen files a complaint with a category and evidence: the form says what is missing first, keeps the text through a reload, and shows every answer once more before the one click that sends", async () => {
    await (await menuLink(citizen, "Pengaduan")).click();
    await citizen.getByRole("heading", { name: "Pengaduan saya" }).waitFor();
    await citizen.getByText("Anda belum pernah menyampaikan pengaduan.").waitFor();
    await citizen.getByRole("link", { name: "Sampaikan pengaduan" }).click();
    await citizen.getByRole("heading", { name: "Sampaikan pengaduan" }).waitFor();

    await citizen.getByRole("button", { name: "Lanjutkan" }).click();
    await inFieldAndSummary(citizen, [
      "Pilih kategori pengaduan.",
      "Judul pengaduan wajib diisi (minimal 5 karakter).",
      "Uraian pengaduan wajib diisi (minimal 20 karakter).",
      /Lampirkan paling sedikit satu bukti pendukung/,
    ]);
    // the summary has the focus; its first link is the first field with a problem and takes the focus there
    expect(await citizen.evaluate(() => document.activeElement?.textContent)).toMatch(/^Ada masalah/);
    await summary(citizen).getByRole("link").first().click();
    expect(await citizen.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("kategoriId");
    await shot(citizen, "pengaduan-baru-kurang", false);

    await citizen.getByLabel("Kategori").selectOption({ label: "Pelayanan petugas" });
    await citizen.getByLabel("Judul singkat").fill("Petugas loket 2 minta uang");
    await citizen
      .getByLabel("Uraian")
      .fill("Pada Selasa pagi petugas di loket 2 meminta uang Rp50.000 agar berkas saya diproses lebih cepat.\nLayanan ini seharusnya gratis.");
    // nothing typed is lost on a reload (the files are chosen again)
    await citizen.reload();
    await citizen.getByText("Isian yang belum terkirim dipulihkan. Bukti pendukung perlu dipilih ulang.").waitFor();
    expect(await citizen.getByLabel("Judul singkat").inputValue()).toBe("Petugas loket 2 minta uang");
    await expect.poll(() => citizen.getByLabel("Kategori").locator("option:checked").textContent()).toBe("Pelayanan petugas");
    // a file of a type that is not accepted is marked before anything is sent, and can be removed
    const picker = citizen.getByLabel("Pilih berkas untuk Bukti pendukung");
    await picker.setInputFiles({ name: "catatan.txt", mimeType: "text/plain", buffer: Buffer.from("bukan bukti") });
    await citizen
      .locator(".picked__item--error", { hasText: "catatan.txt" })
      .getByText(/Jenis berkas ini tidak diterima/)
      .waitFor();
    await citizen.getByRole("button", { name: "Hapus catatan.txt" }).click();
    // foto.png is not a picture inside: only the API, reading the content, can tell
    await picker.setInputFiles([
      { name: "kuitansi.png", mimeType: "image/png", buffer: PNG_1X1 },
      { name: "kronologi.pdf", mimeType: "application/pdf", buffer: tinyPdf("kronologi") },
      { name: "foto.png", mimeType: "image/png", buffer: Buffer.from("MZ bukan gambar") },
    ]);
    await citizen.locator(".picked__name", { hasText: "kuitansi.png" }).waitFor();
    await citizen.locator(".picked__name", { hasText: "kronologi.pdf" }).waitFor();
    expect(await citizen.locator(".picked__item--error").count()).toBe(0);
    await shot(citizen, "pengaduan-baru");
    await f.audit(citizen, "/pengaduan/baru");

    // "Periksa kembali": every answer and file, each with a change link
    await citizen.getByRole("button", { name: "Lanjutkan" }).click();
    const periksa = citizen.getByRole("region", { name: "Periksa kembali sebelum mengirim" });
    await periksa.waitFor();
    await expect.poll(() => citizen.evaluate(() => document.activeElement?.textContent)).toBe("Periksa kembali sebelum mengirim");
    const answer = (label: string) =>
      periksa
        .locator(".check-answers__row", { has: citizen.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
        .locator("dd")
        .first();
    expect(await answer("Kategori").textContent()).toBe("Pelayanan petugas");
    expect(await answer("Judul singkat").textContent()).toBe("Petugas loket 2 minta uang");
    expect(await answer("Uraian").innerText()).toBe(
      "Pada Selasa pagi petugas di loket 2 meminta uang Rp50.000 agar berkas saya diproses lebih cepat.\nLayanan ini seharusnya gratis.",
    );
    expect(await answer("Bukti pendukung").locator("li").allTextContents()).toEqual([
      expect.stringMatching(/^kuitansi\.png \(\d+ byte\)$/),
      expect.stringMatching(/^kronologi\.pdf \(\d+ byte\)$/),
      expect.stringMatching(/^foto\.png \(\d+ byte\)$/),
    ]);
    expect(await answer("Identitas pelapor").textContent()).toMatch(/^Tidak dirahasiakan/);
    expect(await periksa.getByRole("link", { name: /^Ubah / }).allTextContents()).toEqual([
      "Ubah kategori",
      "Ubah judul singkat",
      "Ubah uraian",
      "Ubah bukti pendukung",
      "Ubah identitas pelapor",
    ]);
    await shot(citizen, "pengaduan-periksa-kembali");
    await f.audit(citizen, "/pengaduan/baru (periksa kembali)");

    // "Ubah" opens the form at that very field, with everything still there; "Kembali ke pemeriksaan" comes back
    await periksa.getByRole("link", { name: "Ubah judul singkat" }).click();
    await expect.poll(() => citizen.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("judul");
    expect(await citizen.locator(".picked__name").count()).toBe(3);
    await citizen.getByLabel("Judul singkat").fill("Petugas loket 2 meminta uang tambahan");
    await citizen.getByRole("button", { name: "Kembali ke pemeriksaan" }).click();
    expect(await answer("Judul singkat").textContent()).toBe("Petugas loket 2 meminta uang tambahan");

    // a file the API refuses: back on the form, the message beside that file, nothing typed lost
    await periksa.getByRole("button", { name: "Kirim pengaduan" }).click();
    await citizen
      .locator(".picked__item--error", { hasText: "foto.png" })
      .getByText(/Jenis berkas tidak/)
      .waitFor({ timeout: LIVE });
    expect(await citizen.getByLabel("Judul singkat").inputValue()).toBe("Petugas loket 2 meminta uang tambahan");
    expect(await citizen.getByLabel("Uraian").inputValue()).toMatch(/^Pada Selasa pagi/);
    expect(new URL(citizen.url()).search).toBe("");
    await citizen.getByRole("button", { name: "Hapus foto.png" }).click();
    await citizen.getByRole("button", { name: "Lanjutkan" }).click();
    expect(await answer("Bukti pendukung").locator("li").count()).toBe(2);
    await periksa.getByRole("button", { name: "Kirim pengaduan" }).click();
    await citizen.waitForURL(/\/pengaduan\/[0-9a-f-]{36}$/, { timeout: LIVE });
    const flash = await citizen.getByText(/Pengaduan terkirim\. Kode lacak Anda: ADU-/).textContent();
    kodeLacak = /ADU-[A-Z0-9]+/.exec(flash!)![0];
    await badge(citizen, "Diterima");
    await citizen.locator(".status-card__nomor", { hasText: kodeLacak }).waitFor();
    await citizen.getByRole("link", { name: /kuitansi\.png/ }).waitFor();
    await citizen.getByRole("link", { name: /kronologi\.pdf/ }).waitFor();
    // no deadline yet: the 2×24 hours start at verification
    expect(await citizen.getByText("Tindak lanjut paling lambat").count()).toBe(0);
    await mark(citizen);
    await shot(citizen, "pengaduan-diterima");
    await f.audit(citizen, "/pengaduan/:id (diterima)");
  }, 120_000);

  it("the officer verifies, follows up with a document and completes; each status and the deadline show live on the citizen's page", async () => {
    await (await menuLink(officer, "Pengaduan")).click();
    await officer.getByRole("heading", { name: "Meja pengaduan" }).waitFor();
    const item = officer.locator(".request", { hasText: "Petugas loket 2 meminta uang tambahan" });
    await item.getByText(kodeLacak).waitFor();
    await item.getByText("Situs Loket", { exact: false }).waitFor();
    await shot(officer, "petugas-meja-pengaduan");
    await f.audit(officer, "/petugas/pengaduan");

    await item.getByRole("link", { name: "Petugas loket 2 meminta uang tambahan" }).click();
    await officer.getByRole("heading", { name: "Petugas loket 2 meminta uang tambahan", level: 1 }).waitFor();
    await officer.getByRole("link", { name: /kuitansi\.png/ }).waitFor();
    // a registered reporter who did not ask for confidentiality is named at the desk
    await officer
      .locator(".status-card")
      .getByText(/Warga Uji Coba · .*akun terdaftar/)
      .waitFor();
    await badge(officer, "Diterima");
    await shot(officer, "petugas-pengaduan-diterima", false);
    await f.audit(officer, "/petugas/pengaduan/:id");

    await officer.getByRole("button", { name: "Verifikasi", exact: true }).click();
    await officer.getByText("Pengaduan memenuhi syarat: batas tindak lanjut 2×24 jam kerja mulai dihitung.").waitFor();
    await officer.getByRole("button", { name: "Ya, verifikasi" }).click();
    await badge(officer, "Diverifikasi");
    await officer.getByText("Verifikasi: berhasil.").waitFor();

    // the citizen's page: the new status and the follow-up deadline, as the API computed it
    await badge(citizen, "Diverifikasi");
    const id = globalId("Pengaduan", citizen.url().split("/").pop()!);
    const { data } = await t.gql(PENGADUAN, { id }, { token: warga.token });
    expect(data!.node.status).toBe("DIVERIFIKASI");
    const deadline = await inBrowserDateTime(citizen, data!.node.tenggat);
    await citizen.locator(".status-card dd", { hasText: deadline }).waitFor();
    await citizen.getByText("Tindak lanjut paling lambat").waitFor();
    expect(await unreloaded(citizen)).toBe(true);
    await shot(citizen, "pengaduan-diverifikasi");

    // a follow-up needs words; then it goes with its documentation
    await officer.getByRole("button", { name: "Tindak lanjuti", exact: true }).click();
    await officer.getByRole("button", { name: "Ya, tindak lanjuti" }).click();
    await officer.getByText("Tanggapan/tindak lanjut wajib diisi (minimal 5 karakter).").waitFor();
    await officer.getByLabel("Tanggapan/tindak lanjut").fill("Petugas loket 2 sudah diperiksa atasan dan uang dikembalikan kepada pelapor.");
    await officer
      .getByLabel("Pilih berkas untuk Dokumentasi")
      .setInputFiles({ name: "berita-acara.pdf", mimeType: "application/pdf", buffer: tinyPdf("berita acara") });
    await officer.locator(".picked__name", { hasText: "berita-acara.pdf" }).waitFor();
    await shot(officer, "petugas-pengaduan-tindak-lanjut", false);
    await officer.getByRole("button", { name: "Ya, tindak lanjuti" }).click();
    await badge(officer, "Ditindaklanjuti");

    await badge(citizen, "Ditindaklanjuti");
    await citizen.locator(".timeline__message", { hasText: "uang dikembalikan kepada pelapor" }).waitFor();
    await citizen.getByRole("link", { name: /berita-acara\.pdf/ }).waitFor();
    expect(await unreloaded(citizen)).toBe(true);

    await officer.getByRole("button", { name: "Selesaikan", exact: true }).click();
    await officer.getByLabel("Tanggapan akhir").fill("Petugas yang bersangkutan diberi sanksi disiplin; layanan tetap gratis.");
    await officer.getByRole("button", { name: "Ya, selesaikan" }).click();
    await badge(officer, "Selesai");
    expect(await officer.getByText("Tidak ada tindakan pada status ini.").count()).toBe(1);

    await badge(citizen, "Selesai");
    await citizen.locator(".timeline__message", { hasText: "diberi sanksi disiplin" }).waitFor();
    await citizen.getByRole("heading", { name: "Belum puas dengan penyelesaiannya?" }).waitFor();
    expect(await citizen.getByText("Tindak lanjut paling lambat").count()).toBe(0);
    expect(await unreloaded(citizen)).toBe(true);
    await shot(citizen, "pengaduan-selesai");
    await f.audit(citizen, "/pengaduan/:id (selesai)");
  }, 150_000);

  it("the citizen says once that the result is unsatisfactory: the complaint reopens with a new deadline; a second time is not possible", async () => {
    await citizen.getByRole("button", { name: "Saya tidak puas…" }).click();
    await citizen.getByRole("button", { name: "Kirim pernyataan tidak puas" }).click();
    await citizen.getByText("Tuliskan alasan Anda belum puas (minimal 5 karakter).").waitFor();
    await citizen.getByLabel("Alasan").fill("Petugas yang sama masih bertugas di loket 2 dan masih meminta uang.");
    await shot(citizen, "pengaduan-tidak-puas", false);
    await f.audit(citizen, "/pengaduan/:id (tidak puas)");
    await citizen.getByRole("button", { name: "Kirim pernyataan tidak puas" }).click();
    await badge(citizen, "Diverifikasi");
    await citizen.getByText("Tindak lanjut paling lambat").waitFor();
    await citizen.locator(".timeline__title", { hasText: "Pelapor menyatakan tidak puas" }).waitFor();
    expect(await citizen.getByRole("button", { name: "Saya tidak puas…" }).count()).toBe(0);

    // the officer's open page follows; the desk lists it as reopened
    await badge(officer, "Diverifikasi");
    await officer.locator(".timeline__message", { hasText: "masih meminta uang" }).waitFor();
    await officer.getByRole("button", { name: "Tindak lanjuti", exact: true }).click();
    await officer.getByLabel("Tanggapan/tindak lanjut").fill("Petugas dipindahkan dari loket pelayanan mulai hari ini.");
    await officer.getByRole("button", { name: "Ya, tindak lanjuti" }).click();
    await badge(officer, "Ditindaklanjuti");
    await officer.getByRole("button", { name: "Selesaikan", exact: true }).click();
    await officer.getByLabel("Tanggapan akhir").fill("Petugas dipindahkan; pelapor dihubungi lewat telepon.");
    await officer.getByRole("button", { name: "Ya, selesaikan" }).click();
    await badge(officer, "Selesai");

    // done again: this time the citizen is not offered to reopen it, and the API refuses with its message
    await badge(citizen, "Selesai");
    await citizen.locator(".timeline__message", { hasText: "pelapor dihubungi lewat telepon" }).waitFor();
    expect(await citizen.getByRole("heading", { name: "Belum puas dengan penyelesaiannya?" }).count()).toBe(0);
    expect(await citizen.getByRole("button", { name: "Saya tidak puas…" }).count()).toBe(0);
    expect(await unreloaded(citizen)).toBe(true);
    const id = globalId("Pengaduan", citizen.url().split("/").pop()!);
    const v = (await t.gql(VERSI_ADUAN, { id }, { token: warga.token })).data!.node.versi;
    const again = await t.gql(TIDAK_PUAS, { id, v }, { token: warga.token });
    expect(again.data!.ubahStatusPengaduan).toEqual({
      __typename: "InvalidStateError",
      code: "SUDAH_DIBUKA_KEMBALI",
      message: "Pernyataan tidak puas hanya dapat diajukan satu kali untuk satu pengaduan.",
    });
    await shot(citizen, "pengaduan-selesai-lagi");

    await officer.getByRole("link", { name: "Meja pengaduan" }).click();
    await officer.getByRole("button", { name: "Selesai/ditolak" }).click();
    await officer
      .locator(".request", { hasText: kodeLacak })
      .getByText(/dibuka kembali/)
      .waitFor();
  }, 150_000);

  it("anyone tracks the complaint by its code, without logging in", async () => {
    const ctx = await phoneContext(browser);
    contexts.push(ctx);
    const pub = f.watch(await ctx.newPage(), "public");
    await pub.goto(base + "/lacak");
    const form = pub.getByRole("form", { name: "Lacak pengaduan" });
    await form.getByRole("button", { name: "Lacak pengaduan" }).click();
    await form.getByText("Masukkan kode lacak pengaduan, contoh ADU-7K3M9Q2X.").waitFor();
    await form.getByLabel("Kode lacak pengaduan").fill("ADU-ZZZZZZZZ");
    await form.getByRole("button", { name: "Lacak pengaduan" }).click();
    await form.getByText(/Kode lacak tidak ditemukan/).waitFor();
    // typed in lower case, as people do
    await form.getByLabel("Kode lacak pengaduan").fill(kodeLacak.toLowerCase());
    await form.getByRole("button", { name: "Lacak pengaduan" }).click();
    const result = pub.getByRole("status", { name: "Hasil lacak pengaduan" });
    await result.getByText(kodeLacak).waitFor();
    await result.locator("dd strong", { hasText: "Selesai" }).waitFor();
    await result.getByText(fx.instansi.nama).waitFor();
    // only status and dates: no name, no text of the complaint
    expect(await pub.getByText("Warga Uji Coba").count()).toBe(0);
    expect(await pub.getByText(/loket 2/).count()).toBe(0);
    await shot(pub, "lacak-pengaduan");
    await f.audit(pub, "/lacak (pengaduan)");
    await ctx.close();
  }, 90_000);

  it("a confidential complaint: the desk sees it live without the reporter's name, and rejects it with a reason the citizen sees at once", async () => {
    // the desk is open on its list while the citizen sends
    await officer.goto(base + "/petugas/pengaduan");
    await officer.getByRole("heading", { name: "Meja pengaduan" }).waitFor();
    // nothing open: the first complaint is done
    await officer.getByText("Tidak ada pengaduan untuk saringan ini.").waitFor();

    await citizen.goto(base + "/pengaduan/baru");
    await citizen.getByLabel("Kategori").selectOption({ label: "Sarana dan prasarana" });
    await citizen.getByLabel("Judul singkat").fill("Kursi ruang tunggu rusak");
    await citizen.getByLabel("Uraian").fill("Sebagian besar kursi di ruang tunggu lantai 1 patah sehingga lansia harus berdiri lama.");
    await citizen.getByLabel("Pilih berkas untuk Bukti pendukung").setInputFiles({ name: "kursi.png", mimeType: "image/png", buffer: PNG_1X1 });
    await citizen.getByRole("checkbox", { name: /Rahasiakan identitas saya/ }).check();
    await citizen.getByRole("button", { name: "Lanjutkan" }).click();
    await citizen
      .getByRole("region", { name: "Periksa kembali sebelum mengirim" })
      .getByText(/^Dirahasiakan: petugas hanya melihat isi pengaduan/)
      .waitFor();
    await citizen.getByRole("button", { name: "Kirim pengaduan" }).click();
    await citizen.waitForURL(/\/pengaduan\/[0-9a-f-]{36}$/, { timeout: LIVE });
    await badge(citizen, "Diterima");
    await citizen.locator(".status-card").getByText("Dirahasiakan dari petugas").waitFor();
    await mark(citizen);

    const item = officer.locator(".request", { hasText: "Kursi ruang tunggu rusak" });
    await item.getByText(/identitas dirahasiakan/).waitFor({ timeout: LIVE });
    await item.getByRole("link", { name: "Kursi ruang tunggu rusak" }).click();
    await badge(officer, "Diterima");
    await officer.locator(".status-card").getByText("Dirahasiakan (hanya admin yang dapat melihat)").waitFor();
    expect(await officer.getByText("Warga Uji Coba").count()).toBe(0);

    await officer.getByRole("button", { name: "Tolak", exact: true }).click();
    await officer.getByRole("button", { name: "Ya, tolak" }).click();
    await officer.getByText("Alasan penolakan wajib diisi (minimal 5 karakter).").waitFor();
    await officer
      .getByLabel("Alasan penolakan")
      .fill("Ruang tunggu itu milik gedung bersama dan dikelola pemerintah kabupaten; silakan adukan ke Bagian Umum Setda.");
    await shot(officer, "petugas-pengaduan-tolak", false);
    await officer.getByRole("button", { name: "Ya, tolak" }).click();
    await badge(officer, "Ditolak");

    await badge(citizen, "Ditolak");
    await citizen.getByText(/Alasan penolakan: Ruang tunggu itu milik gedung bersama/).waitFor();
    expect(await unreloaded(citizen)).toBe(true);
    await shot(citizen, "pengaduan-ditolak");
    await f.audit(citizen, "/pengaduan/:id (ditolak)");

    await citizen.getByRole("link", { name: "Pengaduan saya" }).first().click();
    await citizen.getByRole("heading", { name: "Pengaduan saya" }).waitFor();
    await citizen.locator(".request", { hasText: "Kursi ruang tunggu rusak" }).getByText("Ditolak").waitFor();
    await citizen.locator(".request", { hasText: "Petugas loket 2 meminta uang tambahan" }).getByText("Selesai").waitFor();
    await shot(citizen, "pengaduan-saya");
    await f.audit(citizen, "/pengaduan");
  }, 120_000);

  it("an officer records a complaint that came by WhatsApp from an unnamed reporter; it is on the desk", async () => {
    await officer.goto(base + "/petugas/pengaduan");
    await officer.getByRole("link", { name: "Catat pengaduan langsung/telepon" }).click();
    await officer.getByRole("heading", { name: "Catat pengaduan" }).waitFor();
    await officer.getByRole("radio", { name: "WhatsApp" }).check();
    await officer.getByRole("button", { name: "Lanjutkan" }).click();
    await inFieldAndSummary(officer, [
      "Pilih kategori pengaduan.",
      "Judul pengaduan wajib diisi (minimal 5 karakter).",
      "Uraian pengaduan wajib diisi (minimal 20 karakter).",
    ]);
    await officer.getByLabel("Kategori").selectOption({ label: "Pelayanan petugas" });
    await officer.getByLabel("Judul singkat").fill("Telepon kantor tidak pernah diangkat");
    await officer.getByLabel("Uraian").fill("Pelapor lewat WhatsApp menyampaikan telepon kantor tidak diangkat selama tiga hari berturut-turut.");
    await officer.getByLabel("Kontak pelapor (tidak wajib)").fill("081355550123");
    await officer.getByLabel("Pilih berkas untuk Bukti").setInputFiles({ name: "tangkapan-layar.png", mimeType: "image/png", buffer: PNG_1X1 });
    await shot(officer, "petugas-catat-pengaduan");
    await f.audit(officer, "/petugas/pengaduan/catat");

    // read back before saving: a record cannot be changed afterwards
    await officer.getByRole("button", { name: "Lanjutkan" }).click();
    const periksa = officer.getByRole("region", { name: "Periksa kembali sebelum menyimpan" });
    const answer = (label: string) =>
      periksa
        .locator(".check-answers__row", { has: officer.locator("dt", { hasText: new RegExp(`^${label}$`) }) })
        .locator("dd")
        .first();
    expect(await answer("Diterima melalui").textContent()).toBe("WhatsApp");
    expect(await answer("Kategori").textContent()).toBe("Pelayanan petugas");
    expect(await answer("Nama pelapor").textContent()).toBe("Tanpa nama");
    expect(await answer("Kontak pelapor").textContent()).toBe("081355550123");
    expect(await answer("Bukti").locator("li").allTextContents()).toEqual([expect.stringMatching(/^tangkapan-layar\.png \(\d+ byte\)$/)]);
    await periksa.getByRole("link", { name: "Ubah diterima melalui" }).click();
    await expect.poll(() => officer.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe("WHATSAPP");
    expect(await officer.getByLabel("Kontak pelapor (tidak wajib)").inputValue()).toBe("081355550123");
    await officer.getByRole("button", { name: "Kembali ke pemeriksaan" }).click();
    await shot(officer, "petugas-catat-pengaduan-periksa", false);
    await f.audit(officer, "/petugas/pengaduan/catat (periksa kembali)");
    await periksa.getByRole("button", { name: "Simpan pengaduan" }).click();
    await officer.waitForURL(/\/petugas\/pengaduan\/[0-9a-f-]{36}$/, { timeout: LIVE });
    await badge(officer, "Diterima");
    await officer.locator(".status-card").getByText("Tanpa nama · 081355550123").waitFor();
    await officer
      .locator(".status-card")
      .getByText(/WhatsApp/)
      .waitFor();
    await officer.getByRole("link", { name: /tangkapan-layar\.png/ }).waitFor();

    await officer.getByRole("link", { name: "Meja pengaduan" }).click();
    await officer.getByRole("button", { name: "Perlu verifikasi" }).click();
    const item = officer.locator(".request", { hasText: "Telepon kantor tidak pernah diangkat" });
    await item.getByText(/WhatsApp/).waitFor();
    await item.getByText("Diterima").waitFor();
    await shot(officer, "petugas-meja-pengaduan-whatsapp", false);
  }, 90_000);

  describe("public information (PPID)", () => {
    let ppid: Page;
    let atasan: Page;
    let register = "";
    let permohonanId = "";

    beforeAll(async () => {
      const ppidCtx = await deskContext(browser);
      const atasanCtx = await deskContext(browser);
      contexts.push(ppidCtx, atasanCtx);
      ppid = f.watch(await ppidCtx.newPage(), "ppid");
      atasan = f.watch(await atasanCtx.newPage(), "atasan");
      await logIn(ppid, base, ppidStaff.nomorIdentitas, /\/ppid$/);
      await logIn(atasan, base, atasanStaff.nomorIdentitas, /\/ppid$/);
    }, 120_000);

    it("the citizen asks for information (what, purpose, format, delivery) and sees the register number and the 10-working-day deadline", async () => {
      await (await menuLink(citizen, "Informasi")).click();
      await citizen.getByRole("heading", { name: "Permohonan informasi publik" }).waitFor();
      await citizen.getByText("Anda belum pernah meminta informasi publik.").waitFor();
      // the list of offices is held back: until it arrives, choosing one is not the citizen's mistake (with one
      // office it is chosen for them), so "Lanjutkan" names only the two empty fields
      let release: () => void = () => {};
      const released = new Promise<void>((resolve) => (release = resolve));
      await citizen.route("**/graphql", async (route) => {
        if (/"operationName":"InstansiPilihan"/.test(route.request().postData() ?? "")) await released;
        await route.fallback();
      });
      await citizen.getByRole("link", { name: "Minta informasi" }).click();
      await citizen.getByRole("heading", { name: "Minta informasi publik" }).waitFor();

      await citizen.getByRole("button", { name: "Lanjutkan" }).click();
      await inFieldAndSummary(citizen, [
        "Rincian informasi yang dibutuhkan wajib diisi (minimal 10 karakter).",
        "Tujuan penggunaan informasi wajib diisi (minimal 5 karakter).",
      ]);
      release();
      await citizen.unroute("**/graphql");
      await citizen
        .getByLabel("Rincian informasi yang dibutuhkan")
        .fill("Salinan daftar hadir dan notulen rapat penetapan penerima bantuan rumah ibadah tahun 2026, termasuk nama penerima dan nilai bantuan.");
      await citizen.getByLabel("Tujuan penggunaan informasi").fill("Pengawasan penyaluran bantuan oleh forum warga.");
      await citizen.getByRole("radio", { name: "Salinan cetak (hardcopy)" }).check();
      await citizen.getByRole("button", { name: "Lanjutkan" }).click();
      await citizen.getByText("Salinan cetak (hardcopy) tidak dapat dikirim lewat email; pilih ambil langsung atau pos.").waitFor();
      await citizen.getByRole("radio", { name: "Diambil langsung" }).check();
      await shot(citizen, "informasi-baru");
      await f.audit(citizen, "/informasi/baru");
      await citizen.getByRole("button", { name: "Lanjutkan" }).click();
      await citizen.getByRole("heading", { name: "Periksa kembali sebelum mengirim" }).waitFor();
      await citizen.getByRole("button", { name: "Kirim permohonan" }).click();
      await citizen.waitForURL(/\/informasi\/[0-9a-f-]{36}$/, { timeout: LIVE });
      await badge(citizen, "Diterima");
      register = (await citizen.locator(".status-card__nomor strong").textContent())!.trim();
      expect(register).toMatch(/^PPID\/[A-Z0-9-]+\/\d{4}\/\d{5}$/);
      permohonanId = globalId("PermohonanInformasi", citizen.url().split("/").pop()!);

      // the deadline on screen is 10 working days on the office's calendar
      const p = (await t.gql(PERMOHONAN, { id: permohonanId }, { token: warga.token })).data!.node;
      const expected = tenggatJawab(await t.app.services.calendars.get(fx.instansi.id), new Date(p.diterimaAt));
      expect(new Date(p.tenggat).getTime()).toBe(expected.at.getTime());
      const due = await inBrowserDateTime(citizen, p.tenggat);
      await citizen.locator(".status-card dd", { hasText: due }).waitFor();
      await citizen
        .locator(".status-card")
        .getByText(/10 hari kerja/)
        .waitFor();
      await citizen.getByText("Salinan cetak (hardcopy)").waitFor();
      await citizen.getByText("Diambil langsung").waitFor();
      await mark(citizen);
      await shot(citizen, "informasi-diterima");
      await f.audit(citizen, "/informasi/:id (diterima)");
    }, 120_000);

    it("the PPID officer extends once with written reasons; the citizen sees the new deadline live; a second extension is neither offered nor accepted", async () => {
      // the register as it is now (it was opened at login, before the request came)
      await ppid.goto(base + "/ppid");
      await ppid.getByRole("heading", { name: "Register permohonan informasi (1)" }).waitFor();
      await shot(ppid, "ppid-register-baru", false);
      await ppid
        .getByRole("row", { name: new RegExp(register.replace(/\//g, "\\/")) })
        .getByRole("link", { name: register })
        .click();
      await badge(ppid, "Diterima");
      await ppid.getByRole("button", { name: "Perpanjang waktu" }).click();
      await ppid.getByLabel(/Tambahan hari kerja/).fill("9");
      await ppid.getByRole("button", { name: "Perpanjang", exact: true }).click();
      await inFieldAndSummary(ppid.getByRole("form", { name: "Perpanjang waktu" }), [
        "Perpanjangan paling lama 7 hari kerja.",
        "Alasan tertulis perpanjangan wajib diisi (minimal 10 karakter).",
      ]);
      await ppid.getByLabel(/Tambahan hari kerja/).fill("5");
      await ppid.getByLabel("Alasan tertulis").fill("Notulen rapat masih berada di arsip bidang dan perlu dihitamkan bagian data pribadinya.");
      await shot(ppid, "ppid-perpanjang", false);
      await f.audit(ppid, "/ppid/permohonan/:id (perpanjang)");
      await ppid.getByRole("button", { name: "Perpanjang", exact: true }).click();
      await badge(ppid, "Diperpanjang");
      expect(await ppid.getByRole("button", { name: "Perpanjang waktu" }).count()).toBe(0);
      await ppid.getByText(/sudah diperpanjang satu kali/i).waitFor();

      const p = (await t.gql(PERMOHONAN, { id: permohonanId }, { token: warga.token })).data!.node;
      expect(p.status).toBe("DIPERPANJANG");
      await badge(citizen, "Diperpanjang");
      await citizen.locator(".status-card").getByText("Notulen rapat masih berada di arsip bidang dan perlu dihitamkan bagian data pribadinya.").waitFor();
      await citizen.locator(".status-card dd", { hasText: await inBrowserDateTime(citizen, p.tenggat) }).waitFor();
      expect(await unreloaded(citizen)).toBe(true);
      await shot(citizen, "informasi-diperpanjang");

      const second = await t.gql(PERPANJANG, { id: permohonanId, v: p.versi }, { token: ppidStaff.token });
      expect(second.data!.perpanjangPermohonanInformasi).toEqual({
        __typename: "InvalidStateError",
        code: "PERPANJANGAN_SUDAH",
        message: "Jangka waktu hanya dapat diperpanjang satu kali (UU 14/2008 Pasal 22 ayat 8).",
      });
    }, 120_000);

    it("the PPID officer grants it in part, citing a Pasal 17 exemption and the consequence test; the citizen reads the answer live", async () => {
      await ppid.getByRole("button", { name: "Beri jawaban" }).click();
      await ppid.getByRole("radio", { name: "Dikabulkan sebagian" }).check();
      await ppid.getByRole("button", { name: "Kirim jawaban" }).click();
      await inFieldAndSummary(ppid.getByRole("form", { name: "Beri jawaban" }), [
        "Isi jawaban tertulis wajib diisi (minimal 5 karakter).",
        "Sebutkan kategori pengecualian UU 14/2008 Pasal 17 (huruf a–j).",
        "Uraian uji konsekuensi wajib diisi (minimal 20 karakter).",
      ]);
      await ppid
        .getByLabel("Jawaban tertulis")
        .fill("Daftar hadir dan notulen dapat diambil di meja PPID; nomor rekening dan alamat pribadi penerima dihitamkan.");
      await ppid.getByLabel("Dasar pengecualian (UU 14/2008 Pasal 17)").selectOption("h");
      await ppid
        .getByLabel("Uji konsekuensi")
        .fill("Membuka alamat pribadi dan nomor rekening penerima dapat membahayakan penerima dan melanggar perlindungan data pribadi.");
      await ppid.getByLabel("Biaya salinan (rupiah)").fill("6000");
      await shot(ppid, "ppid-jawab-sebagian", false);
      await f.audit(ppid, "/ppid/permohonan/:id (jawab)");
      await ppid.getByRole("button", { name: "Kirim jawaban" }).click();
      await badge(ppid, "Dikabulkan sebagian");

      await badge(citizen, "Dikabulkan sebagian");
      const answer = citizen.getByRole("region", { name: "Jawaban tertulis" });
      await answer.getByText(/nomor rekening dan alamat pribadi penerima dihitamkan/).waitFor();
      await answer.getByText("Dasar pengecualian: UU 14/2008 Pasal 17 huruf h: Mengungkap rahasia pribadi.").waitFor();
      await answer.getByText(/dapat membahayakan penerima/).waitFor();
      await answer.getByText(/Rp\s?6\.000/).waitFor();
      expect(await citizen.getByText("Dijawab paling lambat").count()).toBe(0);
      expect(await unreloaded(citizen)).toBe(true);
      await shot(citizen, "informasi-dikabulkan-sebagian");
      await f.audit(citizen, "/informasi/:id (dijawab)");
    }, 120_000);

    it("the citizen objects on a ground that exists; the atasan PPID answers; the citizen sees the last day for the Komisi Informasi", async () => {
      await citizen.getByRole("button", { name: "Ajukan keberatan…" }).click();
      const form = citizen.getByRole("form", { name: "Ajukan keberatan" });
      const options = await form.getByLabel("Alasan (UU 14/2008 Pasal 35)").locator("option").allTextContents();
      // granted in part: "not fulfilled" exists; a refusal ground does not
      expect(options.some((o) => o.startsWith("Tidak dipenuhinya permintaan informasi"))).toBe(true);
      expect(options.some((o) => o.startsWith("Penolakan atas permintaan informasi"))).toBe(false);
      expect(options.some((o) => o.startsWith("Tidak ditanggapinya"))).toBe(false);
      await form.getByRole("button", { name: "Ajukan keberatan" }).click();
      await inFieldAndSummary(form, ["Pilih alasan keberatan.", "Uraian keberatan wajib diisi (minimal 10 karakter)."]);
      await form
        .getByLabel("Alasan (UU 14/2008 Pasal 35)")
        .selectOption({ label: options.find((o) => o.startsWith("Tidak dipenuhinya permintaan informasi"))! });
      await form.getByLabel("Uraian keberatan").fill("Nilai bantuan per penerima ikut dihitamkan, padahal itu bukan rahasia pribadi.");
      await shot(citizen, "informasi-keberatan", false);
      await f.audit(citizen, "/informasi/:id (keberatan)");
      await form.getByRole("button", { name: "Ajukan keberatan" }).click();
      await citizen.getByText(/Keberatan terdaftar dengan nomor KEB\//).waitFor();
      const keberatan = citizen.getByRole("region", { name: "Keberatan", exact: true });
      await keberatan.getByText("Menunggu tanggapan").waitFor();
      await keberatan.getByText(/Ditanggapi paling lambat/).waitFor();
      // the same ground is not offered twice
      await citizen.getByRole("button", { name: "Ajukan keberatan…" }).click();
      const left = await citizen.getByRole("form", { name: "Ajukan keberatan" }).getByLabel("Alasan (UU 14/2008 Pasal 35)").locator("option").allTextContents();
      expect(left.some((o) => o.startsWith("Tidak dipenuhinya permintaan informasi"))).toBe(false);
      expect(left.some((o) => o.startsWith("Permintaan informasi ditanggapi tidak sebagaimana yang diminta"))).toBe(true);
      await citizen.getByRole("form", { name: "Ajukan keberatan" }).getByRole("button", { name: "Batal" }).click();

      // the atasan PPID answers from the register of objections
      await atasan.reload();
      const row = atasan.locator(".request", { hasText: "Nilai bantuan per penerima ikut dihitamkan" });
      await row.getByText("Menunggu tanggapan").waitFor();
      await shot(atasan, "atasan-ppid-keberatan", false);
      await f.audit(atasan, "/ppid (atasan)");
      await row.getByRole("button", { name: "Kirim tanggapan" }).click();
      await row.getByText("Tanggapan atas keberatan wajib diisi (minimal 10 karakter).").waitFor();
      await row.getByLabel("Tanggapan atasan PPID").fill("Keberatan diterima: nilai bantuan per penerima dibuka; salinan baru dapat diambil di meja PPID.");
      await row.getByRole("button", { name: "Kirim tanggapan" }).click();
      await row.getByText("Ditanggapi", { exact: true }).waitFor();
      await row.getByText(/nilai bantuan per penerima dibuka/).waitFor();

      await keberatan.getByText("Ditanggapi", { exact: true }).waitFor();
      await keberatan.getByText(/nilai bantuan per penerima dibuka/).waitFor();
      const k = (await t.gql(PERMOHONAN, { id: permohonanId }, { token: warga.token })).data!.node.keberatan[0];
      const last = await inBrowserDateTime(citizen, k.batasSengketa);
      await keberatan.getByText(`Bila belum puas, Anda dapat mengajukan sengketa ke Komisi Informasi paling lambat ${last} WIB.`).waitFor();
      expect(await unreloaded(citizen)).toBe(true);
      await shot(citizen, "informasi-keberatan-ditanggapi");
      await f.audit(citizen, "/informasi/:id (keberatan ditanggapi)");
    }, 120_000);

    it("the PPID officer reaches both registers and downloads them as CSV", async () => {
      await ppid.getByRole("link", { name: "Meja PPID" }).first().click();
      await ppid.getByRole("heading", { name: "Register permohonan informasi (1)" }).waitFor();
      const row = ppid.getByRole("row", { name: new RegExp(register.replace(/\//g, "\\/")) });
      await row.getByText("Dikabulkan sebagian").waitFor();
      await ppid.locator(".request", { hasText: "Nilai bantuan per penerima ikut dihitamkan" }).getByText("Ditanggapi", { exact: true }).waitFor();
      // the officer may read but not answer objections
      expect(await ppid.getByRole("button", { name: "Kirim tanggapan" }).count()).toBe(0);
      await shot(ppid, "ppid-register");
      await f.audit(ppid, "/ppid");

      const downloads: Array<Promise<import("playwright-core").Download>> = [];
      const both = new Promise<void>((resolve) => {
        ppid.on("download", function on(d) {
          downloads.push(Promise.resolve(d));
          if (downloads.length === 2) {
            ppid.off("download", on);
            resolve();
          }
        });
      });
      await ppid.getByRole("button", { name: "Unduh register (CSV)" }).click();
      await both;
      const files = await Promise.all(downloads);
      const byName = Object.fromEntries(
        await Promise.all(files.map(async (d) => [d.suggestedFilename(), fs.readFileSync((await d.path())!, "utf8")] as const)),
      );
      const year = new Date().getFullYear();
      expect(Object.keys(byName).sort()).toEqual([`register-keberatan-${year}.csv`, `register-permohonan-informasi-${year}.csv`]);
      expect(byName[`register-permohonan-informasi-${year}.csv`]).toContain(register);
      expect(byName[`register-keberatan-${year}.csv`]).toContain("KEB/");
    }, 90_000);
  });

  it("has no serious accessibility problems on these pages, and raised no script errors", () => {
    expect(f.axe).toEqual([]);
    expect(f.problems).toEqual([]);
  });
});

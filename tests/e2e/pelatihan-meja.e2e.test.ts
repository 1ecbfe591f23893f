import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PNG_1X1, activeCitizen, createTestApp, serviceFixture, tinyPdf, upload, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, LIVE, deskContext, hasChromium, launch, logIn, mark, shot, unreloaded } from "./e2e-kit";

/**
 * Training sessions at the desk in a real browser (SPSE training at the LPSE office): at desk width the officer
 * opens "Pelatihan" from the counter console, sends the new-session form with no seats and an end before the start
 * (both told by their fields at once, and in the error summary), then publishes "Pelatihan SPSE untuk Penyedia"
 * starting in ten minutes with two seats and the superior's letter required. Three citizens register through the
 * API (multipart, each with their letter): the session's page shows, without a reload, two seat holders and one on
 * the waiting list. More seats move the waiting person up live; attendance is marked (present, absent); the daftar
 * hadir PDF lists the participants; the session is cancelled with a reason and the participant still holding a seat
 * is told.
 *
 * The office is open every day 08.00–16.00 with no holidays, so a session can start today whatever day the test runs.
 */

const PDFTOTEXT = "/usr/bin/pdftotext";
const ZONE = "Asia/Jakarta";

const DAFTAR = `mutation($sesiId: ID!, $organisasi: String!, $jabatan: String, $suratAtasan: File) {
  daftarPelatihan(sesiId: $sesiId, organisasi: $organisasi, jabatan: $jabatan, suratAtasan: $suratAtasan) {
    __typename
    ... on DaftarPelatihanSuccess { data { id status nomorTunggu } }
    ... on Error { code message field }
  }
}`;

/** A datetime-local value ("2026-12-07T09:30") of an instant on the office's clock. */
const lokal = (d: Date) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit" })
    .format(d)
    .replace(" ", "T");

describe.skipIf(!hasChromium)("training sessions at the desk in the browser", () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  const peserta: Array<Awaited<ReturnType<typeof activeCitizen>> & { nama: string; organisasi: string; jabatan: string }> = [];
  const f = new Findings();

  async function open(who: string): Promise<Page> {
    const context = await deskContext(browser);
    contexts.push(context);
    return f.watch(await context.newPage(), who);
  }

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp({ mailWorker: false });
    fx = await serviceFixture(t);
    await t.db.prisma.jamLayanan.deleteMany({ where: { instansiId: fx.instansi.id } });
    await t.db.prisma.jamLayanan.createMany({ data: [1, 2, 3, 4, 5, 6, 7].map((hari) => ({ instansiId: fx.instansi.id, hari, buka: 480, tutup: 960 })) });
    await t.db.prisma.instansi.update({ where: { id: fx.instansi.id }, data: { cutiBersamaLibur: false } });
    await t.db.prisma.hariLibur.deleteMany({});
    const orang = [
      { nama: "Budi Santoso", organisasi: "CV Maju Jaya", jabatan: "Direktur" },
      { nama: "Citra Lestari", organisasi: "PT Karya Nusantara", jabatan: "Staf Pengadaan" },
      { nama: "Dedi Kurniawan", organisasi: "CV Sumber Rejeki", jabatan: "Admin Tender" },
    ];
    for (const o of orang) {
      const c = await activeCitizen(t);
      await t.db.prisma.user.update({ where: { id: c.id }, data: { namaLengkap: o.nama } });
      peserta.push({ ...c, ...o });
    }
    base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await t?.close();
  });

  it("desk: the officer publishes a session, follows registrations live, adds seats, takes attendance, prints the daftar hadir and cancels", async () => {
    const page = await open("petugas 1280");
    await logIn(page, base, fx.petugas.nomorIdentitas, /\/petugas\/antrian$/);
    await page.goto(`${base}/loket`);
    await page.getByRole("main").getByRole("link", { name: "Pelatihan", exact: true }).click();
    await page.waitForURL(/\/loket\/pelatihan$/);
    await page.getByRole("heading", { name: "Pelatihan", level: 1 }).waitFor();
    await page.getByText("Belum ada sesi yang akan datang.").waitFor();
    await f.audit(page, "/loket/pelatihan kosong 1280");

    // no seats and an end before the start: the API tells both at once, each by its field and in the summary
    const form = page.getByRole("form", { name: "Buat sesi pelatihan" });
    const mulai = new Date(Date.now() + 10 * 60_000);
    const selesai = new Date(mulai.getTime() + 3 * 3_600_000);
    await form.getByLabel("Layanan").selectOption({ label: "Rekomendasi Dispensasi Menikah" });
    await form.getByLabel("Judul").fill("Pelatihan SPSE untuk Penyedia");
    await form.getByLabel("Mulai").fill(lokal(mulai));
    await form.getByLabel("Selesai").fill(lokal(new Date(mulai.getTime() - 3_600_000)));
    await form.getByLabel("Tempat").fill("Ruang Pelatihan LPSE, Lantai 2");
    await form.getByLabel("Jumlah kursi").fill("0");
    await form.getByLabel("Persyaratan").fill("Membawa laptop dan akun SPSE yang aktif.");
    await form.getByRole("button", { name: "Terbitkan sesi" }).click();
    const summary = page.getByRole("group", { name: /Ada masalah/ });
    await summary.waitFor();
    await summary.getByText(/Jumlah kursi 1–500 orang\./).waitFor();
    await summary.getByText(/Waktu selesai harus setelah waktu mulai\./).waitFor();
    await form.locator('input[name="kapasitas"][aria-invalid="true"]').waitFor();
    await form.locator('input[name="selesai"][aria-invalid="true"]').waitFor();
    await form.locator(".field__error", { hasText: "Jumlah kursi 1–500 orang." }).waitFor();
    await form.locator(".field__error", { hasText: "Waktu selesai harus setelah waktu mulai." }).waitFor();
    expect(await t.db.prisma.sesiPelatihan.count()).toBe(0);
    await f.audit(page, "/loket/pelatihan salah 1280");
    await shot(page, "pelatihan-meja-salah");

    await form.getByLabel("Selesai").fill(lokal(selesai));
    await form.getByLabel("Jumlah kursi").fill("2");
    expect(await form.getByLabel(/Wajib surat tugas atasan/).isChecked()).toBe(true);
    await form.getByRole("button", { name: "Terbitkan sesi" }).click();
    await form.getByText(/^Sesi “Pelatihan SPSE untuk Penyedia” diterbitkan/).waitFor();
    const sesi = await t.db.prisma.sesiPelatihan.findFirstOrThrow({ where: { instansiId: fx.instansi.id } });
    expect(sesi).toMatchObject({ judul: "Pelatihan SPSE untuk Penyedia", kapasitas: 2, terisi: 0, wajibSuratAtasan: true, status: "DIBUKA" });
    // the minute typed on the office's clock is the instant stored
    expect(sesi.mulai.getTime()).toBe(Math.floor(mulai.getTime() / 60_000) * 60_000);
    expect(sesi.selesai.getTime()).toBe(Math.floor(selesai.getTime() / 60_000) * 60_000);
    const listRow = page.locator("tr", { hasText: "Pelatihan SPSE untuk Penyedia" });
    await listRow.getByText("0 dari 2").waitFor();
    await listRow.locator(".badge", { hasText: "Pendaftaran dibuka" }).waitFor();
    await f.audit(page, "/loket/pelatihan dibuat 1280");
    await shot(page, "pelatihan-meja-daftar");

    await listRow.getByRole("link", { name: "Pelatihan SPSE untuk Penyedia" }).click();
    await page.waitForURL(new RegExp(`/loket/pelatihan/${sesi.id}$`));
    await page.getByRole("heading", { name: "Pelatihan SPSE untuk Penyedia", level: 1 }).waitFor();
    await page.getByText("Belum ada peserta yang memegang kursi.").waitFor();
    await page.getByText("Diperbarui langsung").waitFor();
    await mark(page);

    // three citizens register, each with their superior's letter (multipart): two seats, then the waiting list
    const sesiGid = Buffer.from(`SesiPelatihan:${sesi.id}`).toString("base64");
    const letters = [
      { name: "surat-tugas-budi.pdf", type: "application/pdf", content: tinyPdf("surat tugas Budi") },
      { name: "surat-tugas-citra.pdf", type: "application/pdf", content: tinyPdf("surat tugas Citra") },
      { name: "surat-tugas-dedi.png", type: "image/png", content: PNG_1X1 },
    ];
    const expected = ["TERDAFTAR", "TERDAFTAR", "MENUNGGU"];
    for (const [i, p] of peserta.entries()) {
      const res = await upload(
        t,
        DAFTAR,
        { sesiId: sesiGid, organisasi: p.organisasi, jabatan: p.jabatan, suratAtasan: null },
        { suratAtasan: letters[i]! },
        { token: p.token },
      );
      expect(res.errors).toBeUndefined();
      expect(res.data!.daftarPelatihan).toMatchObject({ __typename: "DaftarPelatihanSuccess", data: { status: expected[i] } });
    }
    const seats = page.getByRole("region", { name: "Peserta" });
    const waiting = page.getByRole("region", { name: "Daftar tunggu" });
    const rowOf = (region: typeof seats, nama: string) => region.locator("tr", { hasText: nama });
    await rowOf(seats, "Budi Santoso").locator(".badge", { hasText: "Terdaftar" }).waitFor({ timeout: LIVE });
    await rowOf(seats, "Citra Lestari").locator(".badge", { hasText: "Terdaftar" }).waitFor({ timeout: LIVE });
    await rowOf(waiting, "Dedi Kurniawan").getByRole("cell", { name: "CV Sumber Rejeki" }).waitFor({ timeout: LIVE });
    await page.locator(".pelatihan-kursi", { hasText: "2 dari 2 terisi" }).waitFor();
    await page.locator(".pelatihan-menunggu", { hasText: "1 orang" }).waitFor();
    expect(await seats.locator("tbody tr").count()).toBe(2);
    expect(await waiting.locator("tbody tr").count()).toBe(1);
    expect(await rowOf(seats, "Budi Santoso").getByRole("cell", { name: "CV Maju Jaya" }).count()).toBe(1);
    expect(await rowOf(seats, "Budi Santoso").getByRole("cell", { name: "Direktur" }).count()).toBe(1);
    const letter = await rowOf(seats, "Budi Santoso")
      .getByRole("link", { name: /Lihat surat tugas/ })
      .getAttribute("href");
    expect(letter).toMatch(/^\/unduh\/surat-atasan\/[0-9a-f-]{36}$/);
    const letterRes = await page.request.get(base + letter);
    expect(letterRes.status()).toBe(200);
    expect(letterRes.headers()["content-type"]).toContain("application/pdf");
    expect(await unreloaded(page)).toBe(true);
    await f.audit(page, "/loket/pelatihan/<id> penuh 1280");
    await shot(page, "pelatihan-meja-penuh");

    // one more seat: the waiting person moves up at once
    const tindakan = page.getByRole("region", { name: "Tindakan" });
    await tindakan.getByLabel("Jumlah kursi", { exact: true }).fill("3");
    await tindakan.getByRole("button", { name: "Simpan jumlah kursi" }).click();
    await rowOf(seats, "Dedi Kurniawan").locator(".badge", { hasText: "Terdaftar" }).waitFor({ timeout: LIVE });
    await waiting.getByText("Tidak ada yang menunggu.").waitFor();
    await page.locator(".pelatihan-kursi", { hasText: "3 dari 3 terisi" }).waitFor();
    const dedi = await t.db.prisma.pesertaPelatihan.findFirstOrThrow({ where: { sesiId: sesi.id, pesertaId: peserta[2]!.id } });
    expect(dedi.status).toBe("TERDAFTAR");
    expect(dedi.naikAt).not.toBeNull();
    expect(await unreloaded(page)).toBe(true);

    // attendance: Budi came, Citra did not
    await rowOf(seats, "Budi Santoso")
      .getByRole("button", { name: /^Hadir/ })
      .click();
    await rowOf(seats, "Budi Santoso")
      .locator(".badge", { hasText: /^Hadir$/ })
      .waitFor();
    await rowOf(seats, "Citra Lestari")
      .getByRole("button", { name: /^Tidak hadir/ })
      .click();
    await rowOf(seats, "Citra Lestari").locator(".badge", { hasText: "Tidak hadir" }).waitFor();
    const rows = await t.db.prisma.pesertaPelatihan.findMany({ where: { sesiId: sesi.id }, orderBy: { daftarAt: "asc" } });
    expect(rows.map((r) => r.status)).toEqual(["HADIR", "TIDAK_HADIR", "TERDAFTAR"]);
    expect(rows[0]!.hadirAt).not.toBeNull();
    expect(rows[1]!.hadirAt).toBeNull();
    await f.audit(page, "/loket/pelatihan/<id> kehadiran 1280");
    await shot(page, "pelatihan-meja");

    // the daftar hadir, with the officer's own session
    const href = await tindakan.getByRole("link", { name: "Unduh daftar hadir (PDF)" }).getAttribute("href");
    expect(href).toBe(`/unduh/daftar-hadir/${sesi.id}`);
    const pdf = await page.request.get(base + href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loket-daftar-hadir-"));
    try {
      const file = path.join(tmp, "daftar-hadir.pdf");
      fs.writeFileSync(file, await pdf.body());
      const text = execFileSync(PDFTOTEXT, ["-layout", file, "-"], { encoding: "utf8" });
      expect(text).toContain("DAFTAR HADIR PELATIHAN");
      expect(text).toContain("Pelatihan SPSE untuk Penyedia");
      for (const p of peserta) expect(text).toContain(p.nama);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }

    // attendance taken: the session took place, so it cannot be cancelled any more (the server says why)
    await tindakan.getByRole("button", { name: "Batalkan sesi…" }).click();
    await tindakan.getByLabel("Alasan pembatalan").fill("Ruang pelatihan dipakai untuk rapat darurat.");
    await f.audit(page, "/loket/pelatihan/<id> batal 1280");
    await tindakan.getByRole("button", { name: "Batalkan sesi ini" }).click();
    await page
      .getByText(/Kehadiran peserta sudah dicatat/)
      .first()
      .waitFor();
    expect((await t.db.prisma.sesiPelatihan.findUniqueOrThrow({ where: { id: sesi.id } })).status).toBe("DIBUKA");

    // another session, not yet held: cancelled with a reason, the status shows, and whoever held a seat is told
    const lain = await t.db.prisma.sesiPelatihan.create({
      data: {
        instansiId: fx.instansi.id,
        layananId: sesi.layananId,
        judul: "Pelatihan SPSE lanjutan",
        mulai: new Date(Date.now() + 3 * 86_400_000),
        selesai: new Date(Date.now() + 3 * 86_400_000 + 3 * 3_600_000),
        tempat: "Aula LPSE",
        kapasitas: 5,
        terisi: 1,
        wajibSuratAtasan: false,
      },
    });
    const dediLain = await t.db.prisma.pesertaPelatihan.create({
      data: { sesiId: lain.id, pesertaId: peserta[2]!.id, organisasi: "CV Dedi", status: "TERDAFTAR" },
    });
    await page.goto(`${base}/loket/pelatihan/${lain.id}`);
    const tindakanLain = page.getByRole("region", { name: "Tindakan" });
    await tindakanLain.getByRole("button", { name: "Batalkan sesi…" }).click();
    await tindakanLain.getByLabel("Alasan pembatalan").fill("Ruang pelatihan dipakai untuk rapat darurat.");
    await tindakanLain.getByRole("button", { name: "Batalkan sesi ini" }).click();
    await page.locator(".status-card .badge", { hasText: "Dibatalkan" }).waitFor();
    await page.getByText("Ruang pelatihan dipakai untuk rapat darurat.").first().waitFor();
    expect(await tindakanLain.getByRole("button", { name: "Simpan jumlah kursi" }).count()).toBe(0);
    const after = await t.db.prisma.sesiPelatihan.findUniqueOrThrow({ where: { id: lain.id } });
    expect(after).toMatchObject({ status: "DIBATALKAN", alasanBatal: "Ruang pelatihan dipakai untuk rapat darurat." });
    const told = await t.db.prisma.notification.findMany({ where: { kind: "PELATIHAN_DIBATALKAN" } });
    expect(told.map((n) => n.userId)).toEqual([peserta[2]!.id]);
    // the reason's own full stop is not doubled
    expect(told[0]!.isi).toContain("Ruang pelatihan dipakai untuk rapat darurat. Mohon maaf.");
    expect((await t.db.prisma.pesertaPelatihan.findFirstOrThrow({ where: { id: dediLain.id } })).status).toBe("BATAL");
    await f.audit(page, "/loket/pelatihan/<id> dibatalkan 1280");
    await shot(page, "pelatihan-meja-dibatalkan");
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  }, 120_000);
});

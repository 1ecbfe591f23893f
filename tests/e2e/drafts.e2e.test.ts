import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { PNG_1X1, activeCitizen, createTestApp, globalId, serviceFixture, tinyPdf, type TestApp } from "../helpers/app";
import { buildClient } from "./build-client";
import { Findings, LIVE, badge, deskContext, hasChromium, launch, logIn, phoneContext, shot } from "./e2e-kit";

/**
 * Issue #14, "forms that never fight": nothing typed is lost and every answer is checked before it is sent.
 * A service request saves as the citizen types (a reload, a submit with a problem, a second tab lose nothing) and
 * ends with "Periksa kembali" (every answer and document, a change link to each); a complaint and a PPID request
 * keep their unsent text in the browser, for this account only, and forget it once sent.
 */

const KATEGORI = `mutation ($i: ID!, $nama: String!) { tambahKategoriPengaduan(instansiId: $i, nama: $nama) { __typename } }`;
const NODE = `query ($id: ID!) { node(id: $id) { ... on Pengajuan { formData status } } }`;

describe.skipIf(!hasChromium)("forms that never lose text, and a check of the answers before sending", () => {
  let t: TestApp;
  let fx: Awaited<ReturnType<typeof serviceFixture>>;
  let base: string;
  let browser: Browser;
  let phoneCtx: BrowserContext;
  let deskCtx: BrowserContext;
  let phone: Page;
  let desk: Page;
  let warga: Awaited<ReturnType<typeof activeCitizen>>;
  let wargaDesk: Awaited<ReturnType<typeof activeCitizen>>;
  const f = new Findings();
  let draftUrl = "";

  /** The autosave's note says the text is on the server ("Tersimpan 10.42"). */
  const tersimpan = (page: Page) => page.locator(".autosave", { hasText: /^Tersimpan \d{2}[.:]\d{2}$/ }).waitFor({ timeout: LIVE });

  /** The server's copy of the draft on the page. */
  async function serverCopy(): Promise<{ formData: Record<string, string>; status: string }> {
    const id = globalId("Pengajuan", new URL(draftUrl).pathname.split("/").pop()!);
    return (await t.gql(NODE, { id }, { token: warga.token })).data!.node;
  }

  beforeAll(async () => {
    await buildClient();
    t = await createTestApp();
    fx = await serviceFixture(t);
    const k = await t.gql(KATEGORI, { i: globalId("Instansi", fx.instansi.id), nama: "Pelayanan petugas" }, { token: fx.admin.token });
    expect(k.data!.tambahKategoriPengaduan.__typename).toBe("TambahKategoriPengaduanSuccess");
    warga = await activeCitizen(t);
    wargaDesk = await activeCitizen(t);
    const port = await t.app.start(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;
    browser = await launch();
    phoneCtx = await phoneContext(browser);
    deskCtx = await deskContext(browser);
    phone = f.watch(await phoneCtx.newPage(), "phone");
    desk = f.watch(await deskCtx.newPage(), "desk");
    await logIn(phone, base, warga.nik, /\/pengajuan$/, warga.password);
    await logIn(desk, base, wargaDesk.nik, /\/pengajuan$/, wargaDesk.password);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it("a service request saves as the citizen types: a reload and a submit with problems keep every word", async () => {
    const layananUuid = Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!;
    await phone.goto(`${base}/layanan/${layananUuid}`);
    await phone.getByRole("button", { name: "Ajukan layanan ini" }).click();
    await phone.waitForURL(/\/pengajuan\/[0-9a-f-]{36}$/);
    draftUrl = phone.url();
    await phone.getByRole("heading", { name: "Isi formulir" }).waitFor();

    // typed, not yet finished (a phone number half written): saved as typed, without pressing anything
    await phone.getByLabel("Nama pasangan").fill("Ahmad Fauzi bin Abdullah");
    await phone.getByLabel("Nomor WhatsApp (tidak wajib)").fill("0812");
    await tersimpan(phone);
    await expect.poll(async () => (await serverCopy()).formData, { timeout: LIVE }).toEqual({ namaPasangan: "Ahmad Fauzi bin Abdullah", nomorWa: "0812" });
    await shot(phone, "draf-tersimpan");
    await f.audit(phone, "/pengajuan/:id (draf, tersimpan)");

    await phone.reload();
    await phone.getByRole("heading", { name: "Isi formulir" }).waitFor();
    expect(await phone.getByLabel("Nama pasangan").inputValue()).toBe("Ahmad Fauzi bin Abdullah");
    expect(await phone.getByLabel("Nomor WhatsApp (tidak wajib)").inputValue()).toBe("0812");

    // going on with problems left: each is shown at its place, and the text stays — also after another reload
    await phone.getByRole("button", { name: "Lanjutkan" }).click();
    await phone.getByText("Rencana tanggal nikah wajib diisi.").first().waitFor();
    await phone.getByText("Nomor WhatsApp bukan nomor telepon yang valid. Contoh: 081234567890.").first().waitFor();
    await phone.getByText("KTP calon pengantin wajib diunggah.").first().waitFor();
    expect(await phone.getByLabel("Nama pasangan").inputValue()).toBe("Ahmad Fauzi bin Abdullah");
    await shot(phone, "draf-lanjutkan-kurang");
    await f.audit(phone, "/pengajuan/:id (lanjutkan dengan masalah)");
    await phone.reload();
    expect(await phone.getByLabel("Nama pasangan").inputValue()).toBe("Ahmad Fauzi bin Abdullah");
    expect(await phone.getByLabel("Nomor WhatsApp (tidak wajib)").inputValue()).toBe("0812");
  }, 180_000);

  it("two tabs on one draft: each saves its own field and neither overwrites the other", async () => {
    const other = f.watch(await phoneCtx.newPage(), "phone (tab 2)");
    await other.goto(draftUrl);
    await other.getByRole("heading", { name: "Isi formulir" }).waitFor();
    // the first tab changes one field and saves; the second, still on the old version, changes another
    await phone.getByLabel("Nomor WhatsApp (tidak wajib)").fill("081234567890");
    await tersimpan(phone);
    await other.getByLabel("Rencana tanggal nikah").fill("2027-01-20");
    await tersimpan(other);
    await expect
      .poll(async () => (await serverCopy()).formData, { timeout: LIVE })
      .toEqual({
        namaPasangan: "Ahmad Fauzi bin Abdullah",
        nomorWa: "081234567890",
        tanggalNikah: "2027-01-20",
      });
    // the second tab took the first tab's number without anyone reloading
    expect(await other.getByLabel("Nomor WhatsApp (tidak wajib)").inputValue()).toBe("081234567890");
    await other.close();
    await phone.reload();
    expect(await phone.getByLabel("Rencana tanggal nikah").inputValue()).toBe("2027-01-20");
  }, 120_000);

  it("'Periksa kembali' shows every answer and document; a change link goes to the field and back; one click submits", async () => {
    await phone.getByLabel("Pilih berkas untuk KTP calon pengantin").setInputFiles({ name: "ktp.png", mimeType: "image/png", buffer: PNG_1X1 });
    await phone.getByRole("link", { name: /ktp\.png/ }).waitFor();
    await phone
      .getByLabel("Pilih berkas untuk Surat pengantar desa")
      .setInputFiles({ name: "pengantar desa.pdf", mimeType: "application/pdf", buffer: tinyPdf("pengantar") });
    await phone.getByRole("link", { name: /pengantar desa\.pdf/ }).waitFor();
    await phone.getByRole("button", { name: "Lanjutkan" }).click();

    const periksa = phone.getByRole("region", { name: "Periksa kembali sebelum mengajukan" });
    await periksa.waitFor();
    expect(new URL(phone.url()).searchParams.get("langkah")).toBe("periksa");
    const rows = await periksa
      .locator(".check-answers__row")
      .evaluateAll((els) => els.map((e) => [e.querySelector("dt")!.textContent!.trim(), e.querySelector("dd")!.textContent!.trim()]));
    expect(rows.slice(0, 3)).toEqual([
      ["Nama pasangan", "Ahmad Fauzi bin Abdullah"],
      ["Rencana tanggal nikah", expect.stringContaining("20 Januari 2027")],
      ["Nomor WhatsApp", "081234567890"],
    ]);
    expect(rows.slice(3).map((r) => r[0])).toEqual(["KTP calon pengantin", "Surat pengantar desa", "Foto tambahan", "Cara menerima hasil"]);
    expect(rows[3]![1]).toMatch(/^ktp\.png \(/);
    expect(rows[4]![1]).toMatch(/^pengantar desa\.pdf \(/);
    expect(rows[5]![1]).toBe("Belum diunggah");
    expect(rows[6]![1]).toBe("Unduh dari Loket (Log Inbox)");
    expect(await periksa.getByRole("link", { name: /^Ubah / }).count()).toBe(7);
    await shot(phone, "periksa-kembali");
    await f.audit(phone, "/pengajuan/:id?langkah=periksa");

    // "Ubah" opens the form at that very field; the primary button leads back to the check
    await periksa.getByRole("link", { name: "Ubah nama pasangan" }).click();
    await phone.getByRole("heading", { name: "Isi formulir" }).waitFor();
    await expect.poll(() => phone.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("formData.namaPasangan");
    await phone.getByLabel("Nama pasangan").fill("Ahmad Fauzi");
    await phone.getByRole("button", { name: "Simpan dan kembali ke pemeriksaan" }).click();
    await periksa.waitFor();
    await periksa
      .locator(".check-answers__row", { hasText: "Nama pasangan" })
      .locator("dd", { hasText: /^Ahmad Fauzi$/ })
      .waitFor();

    // a document's change link goes to its slot
    await periksa.getByRole("link", { name: "Ubah ktp calon pengantin" }).click();
    await expect.poll(() => phone.evaluate(() => document.activeElement?.getAttribute("name"))).toMatch(/^persyaratan\./);
    await phone.goBack();
    await periksa.waitFor();

    await periksa.getByRole("button", { name: "Ajukan", exact: true }).click();
    await badge(phone, "Diajukan");
    // the live event can show the new status before the submit's answer takes the check step out of the address
    await expect.poll(() => new URL(phone.url()).search).toBe("");
    expect(await serverCopy()).toEqual({
      status: "DIAJUKAN",
      formData: { namaPasangan: "Ahmad Fauzi", tanggalNikah: "2027-01-20", nomorWa: "081234567890" },
    });
    await shot(phone, "periksa-kembali-diajukan", false);
  }, 180_000);

  it("a complaint keeps its text in the browser through a reload and a send with a problem, for this account only", async () => {
    await desk.goto(`${base}/pengaduan/baru`);
    await desk.getByRole("heading", { name: "Sampaikan pengaduan" }).waitFor();
    await desk.getByLabel("Kategori").selectOption({ label: "Pelayanan petugas" });
    await desk.getByLabel("Judul singkat").fill("Antrean loket 3 tidak bergerak");
    await desk.getByLabel("Uraian").fill("Sejak pukul 08.00 sampai 11.00 antrean di loket 3 tidak dilayani karena petugasnya tidak ada di tempat.");

    // checked without evidence: refused at the field, nothing typed is lost
    await desk.getByRole("button", { name: "Lanjutkan" }).click();
    await desk
      .getByText(/Lampirkan paling sedikit satu bukti pendukung/)
      .first()
      .waitFor();
    expect(await desk.getByLabel("Judul singkat").inputValue()).toBe("Antrean loket 3 tidak bergerak");

    await desk.reload();
    await desk.getByText("Isian yang belum terkirim dipulihkan. Bukti pendukung perlu dipilih ulang.").waitFor();
    expect(await desk.getByLabel("Judul singkat").inputValue()).toBe("Antrean loket 3 tidak bergerak");
    expect(await desk.getByLabel("Uraian").inputValue()).toMatch(/^Sejak pukul 08\.00/);
    // the categories load after the restored text: the restored choice shows once they are there
    await expect.poll(() => desk.getByLabel("Kategori").locator("option:checked").textContent()).toBe("Pelayanan petugas");
    await shot(desk, "pengaduan-dipulihkan");
    await f.audit(desk, "/pengaduan/baru (dipulihkan)");

    // kept per account in this tab only, and never a number that looks like a NIK
    const kept = () => desk.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    expect(await kept()).toContain(`loket:draf:${globalId("User", wargaDesk.id)}:pengaduan`);
    expect(await kept()).not.toContain(globalId("User", warga.id));
    await desk.getByLabel("Uraian").fill("NIK saya 3301 0101 9000 0001 ditolak di loket 3 tanpa alasan yang jelas.");
    await expect.poll(kept).not.toMatch(/3301/);
    expect(await kept()).toContain("Antrean loket 3 tidak bergerak");

    // sent: the kept text is gone
    await desk.getByLabel("Pilih berkas untuk Bukti pendukung").setInputFiles({ name: "antrean.png", mimeType: "image/png", buffer: PNG_1X1 });
    await desk.locator(".picked__name", { hasText: "antrean.png" }).waitFor();
    await desk.getByRole("button", { name: "Lanjutkan" }).click();
    await desk.getByRole("button", { name: "Kirim pengaduan" }).click();
    await desk.waitForURL(/\/pengaduan\/[0-9a-f-]{36}$/, { timeout: LIVE });
    expect(await kept()).not.toContain("Antrean loket 3");
    await desk.goto(`${base}/pengaduan/baru`);
    await desk.getByRole("heading", { name: "Sampaikan pengaduan" }).waitFor();
    expect(await desk.getByLabel("Judul singkat").inputValue()).toBe("");
  }, 180_000);

  it("a PPID request keeps its text through a reload, is checked before sending, and is forgotten once sent or on signing out", async () => {
    await phone.goto(`${base}/informasi/baru`);
    await phone.getByRole("heading", { name: "Minta informasi publik" }).waitFor();
    await phone.getByLabel("Rincian informasi yang dibutuhkan").fill("Daftar penerima bantuan rumah ibadah tahun 2026 beserta nilainya.");
    await phone.getByLabel("Tujuan penggunaan informasi").fill("Pengawasan warga.");
    await phone.getByRole("radio", { name: "Salinan cetak (hardcopy)" }).check();
    await phone.getByRole("button", { name: "Lanjutkan" }).click();
    await phone.getByText("Salinan cetak (hardcopy) tidak dapat dikirim lewat email; pilih ambil langsung atau pos.").first().waitFor();

    await phone.reload();
    await phone.getByText("Isian yang belum terkirim dipulihkan.").waitFor();
    expect(await phone.getByLabel("Rincian informasi yang dibutuhkan").inputValue()).toBe("Daftar penerima bantuan rumah ibadah tahun 2026 beserta nilainya.");
    expect(await phone.getByLabel("Tujuan penggunaan informasi").inputValue()).toBe("Pengawasan warga.");
    expect(await phone.getByRole("radio", { name: "Salinan cetak (hardcopy)" }).isChecked()).toBe(true);
    await shot(phone, "informasi-dipulihkan");
    await f.audit(phone, "/informasi/baru (dipulihkan)");

    await phone.getByRole("radio", { name: "Diambil langsung" }).check();
    await phone.getByRole("button", { name: "Lanjutkan" }).click();

    // "Periksa kembali": every answer, a change link to each that goes to the field, then one click sends
    const periksa = phone.getByRole("region", { name: "Periksa kembali sebelum mengirim" });
    await periksa.waitFor();
    // one thing on the page: the check, not the form again beneath it
    expect(await phone.getByRole("form", { name: "Permohonan informasi" }).count()).toBe(0);
    const rows = await periksa
      .locator(".check-answers__row")
      .evaluateAll((els) => els.map((e) => [e.querySelector("dt")!.textContent!.trim(), e.querySelector("dd")!.textContent!.trim()]));
    expect(rows).toEqual([
      ["Rincian informasi yang dibutuhkan", "Daftar penerima bantuan rumah ibadah tahun 2026 beserta nilainya."],
      ["Tujuan penggunaan informasi", "Pengawasan warga."],
      ["Bentuk informasi", "Salinan cetak (hardcopy)"],
      ["Cara memperoleh", "Diambil langsung"],
    ]);
    await shot(phone, "informasi-periksa-kembali");
    await f.audit(phone, "/informasi/baru (periksa kembali)");
    await periksa.getByRole("link", { name: "Ubah tujuan penggunaan informasi" }).click();
    await expect.poll(() => phone.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("tujuan");
    await phone.getByLabel("Tujuan penggunaan informasi").fill("Pengawasan oleh forum warga.");
    await phone.getByRole("button", { name: "Kembali ke pemeriksaan" }).click();
    await periksa.locator("dd", { hasText: /^Pengawasan oleh forum warga\.$/ }).waitFor();
    await periksa.getByRole("button", { name: "Kirim permohonan" }).click();
    await phone.waitForURL(/\/informasi\/[0-9a-f-]{36}$/, { timeout: LIVE });
    await phone.goto(`${base}/informasi/baru`);
    await phone.getByRole("heading", { name: "Minta informasi publik" }).waitFor();
    expect(await phone.getByLabel("Rincian informasi yang dibutuhkan").inputValue()).toBe("");

    // text left unsent is forgotten when the account signs out
    await phone.getByLabel("Tujuan penggunaan informasi").fill("Untuk skripsi.");
    await expect.poll(() => phone.evaluate(() => JSON.stringify(Object.entries(sessionStorage)))).toContain("Untuk skripsi.");
    await phone.goto(`${base}/profil`);
    await phone.getByRole("button", { name: "Keluar", exact: true }).click();
    await expect.poll(() => phone.evaluate(() => JSON.stringify(Object.entries(sessionStorage)))).not.toContain("Untuk skripsi.");
  }, 180_000);

  it("no script errors and axe finds nothing serious", () => {
    expect(f.problems).toEqual([]);
    expect(f.axe).toEqual([]);
  });
});

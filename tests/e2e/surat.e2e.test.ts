import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { seedCatalogue } from "../../server/seed";
import { activeCitizen, createStaff, createTestApp, globalId, upload, type TestApp } from "../helpers/app";
import { type Issued, issue, makeCa, toP12 } from "../helpers/pki";
import { type RemoteSignerService, startRemoteSigner } from "../helpers/remote-signer";
import { PDFSIG, pdfsig as pdfsigReport, pengajuanDiproses } from "../helpers/surat";
import { buildClient } from "./build-client";
import { Findings, badge, deskContext, hasChromium, launch, logIn, mark, menuLink, phoneContext, rawIdOf, shot, unreloaded } from "./e2e-kit";

/**
 * Issue 15 "Done means", in a real browser against the real API: the officer (desk) makes the result letter of a
 * request of Jogonalan's "Rekomendasi Dispensasi Menikah" (seeded, with a template), the citizen (phone) watches
 * the request wait for the signature, the signing official (desk) gets it in the live /tanda-tangan queue, returns
 * it once with a note (the officer sees the note live and makes it again under the same number), signs it with the
 * office's PKCS#12 (a wrong passphrase first), the citizen downloads it live, poppler's pdfsig finds the signature
 * valid, and anyone on /verifikasi/<kode> finds the file matching and its signature valid, while a copy with one
 * byte changed matches neither. Then the office signs remotely (BSrE-style) and the official signs a second letter
 * from the same page. (The API's rules for letters: tests/surat/alur-surat.test.ts.)
 */

const hasPdfsig = fs.existsSync(PDFSIG);

const PASS = "sandi-kantor-jogonalan-2026";
const REMOTE_ID = "3310010101800001";
const REMOTE_PASS = "rahasia-bsre-camat";
const PEJABAT_NAMA = "Sri Wahyuni";
const JABATAN = "Camat Jogonalan";
const NOTE = "Nama desa asal harus ditulis lengkap dengan kecamatannya.";

const UNGGAH = `mutation($i: ID!, $berkas: File!, $pass: String!) { unggahSertifikatTtd(instansiId: $i, berkas: $berkas, passphrase: $pass) { __typename ... on Error { code message } } }`;
const AKAR = `mutation($i: ID!, $pem: String!) { aturAkarTtd(instansiId: $i, pem: $pem) { __typename ... on Error { code message } } }`;
const PEJABAT = `mutation($u: ID!, $j: String!, $nip: String, $idr: String) { aturPejabatPenandatangan(userId: $u, jabatan: $j, nip: $nip, idRemote: $idr) { __typename ... on Error { code message } } }`;
const REMOTE = `mutation($i: ID!, $url: String!, $cid: String!, $cs: String) { aturLayananTtdRemote(instansiId: $i, url: $url, clientId: $cid, clientSecret: $cs) { __typename ... on Error { code message } } }`;
const METODE = `mutation($i: ID!, $m: MetodeTtd!) { pilihMetodeTtd(instansiId: $i, metode: $m) { __typename ... on Error { code message } } }`;
const BUAT = `mutation($p: ID!, $v: Int!) { buatSurat(pengajuanId: $p, versi: $v) { __typename ... on BuatSuratSuccess { data { id nomor } } ... on Error { code message } } }`;
const HASIL = `query($id: ID!) { node(id: $id) { ... on Pengajuan { status hasil { id } } } }`;

describe.skipIf(!hasChromium)("a result letter made, signed, delivered and verified in the browser", () => {
  let t: TestApp;
  let base: string;
  let tmp: string;
  let browser: Browser;
  let citizenCtx: BrowserContext;
  let citizen: Page;
  let officer: Page;
  let official: Page;
  let remote: RemoteSignerService;
  let ca: Issued;
  let instansiId = "";
  let layananId = "";
  let admin: Awaited<ReturnType<typeof createStaff>>;
  let petugas: Awaited<ReturnType<typeof createStaff>>;
  let pejabat: Awaited<ReturnType<typeof createStaff>>;
  let warga: Awaited<ReturnType<typeof activeCitizen>>;
  const f = new Findings();
  let request: { id: string; gid: string; nomorRegistrasi: string | null };
  let nomorSurat = "";
  let kodeVerifikasi = "";
  let signed: Buffer;

  const diproses = () => pengajuanDiproses(t, { layananId, instansiId, pemohonId: warga.id });
  const pdfsig = (pdf: Buffer) => pdfsigReport(pdf, tmp);

  /** The official's queue item of a letter. */
  const queued = (nomor: string) => official.getByRole("listitem").filter({ has: official.getByRole("heading", { name: nomor, exact: true }) });
  const suratSection = () => officer.getByRole("region", { name: "Surat hasil" });

  beforeAll(async () => {
    const built = buildClient();
    t = await createTestApp();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loket-surat-e2e-"));
    const ids = await seedCatalogue(t.db.prisma);
    instansiId = ids.get("KEC-JOGONALAN")!;
    layananId = (await t.db.prisma.layanan.findUniqueOrThrow({ where: { instansiId_kode: { instansiId, kode: "DISPENSASI-MENIKAH" } } })).id;
    [admin, petugas, pejabat, warga] = await Promise.all([
      createStaff(t, "ADMIN", instansiId),
      createStaff(t, "PETUGAS", instansiId),
      createStaff(t, "PETUGAS", instansiId),
      activeCitizen(t),
    ]);
    // the official gets a name of their own (createStaff names every officer "Staf PETUGAS")
    await t.db.prisma.user.update({ where: { id: pejabat.id }, data: { namaLengkap: PEJABAT_NAMA } });
    t.app.services.sessions.invalidateUser(pejabat.id);

    // the office's signing settings, as its admin sets them (their pages: admin.e2e / the admin's letter pages)
    const gi = globalId("Instansi", instansiId);
    ca = makeCa("Loket Uji CA Jogonalan");
    const p12 = toP12(issue({ cn: JABATAN, ca }), [ca], PASS);
    const up = await upload(
      t,
      UNGGAH,
      { i: gi, berkas: null, pass: PASS },
      { berkas: { name: "kantor.p12", type: "application/x-pkcs12", content: p12 } },
      { token: admin.token },
    );
    expect(up.data?.unggahSertifikatTtd.__typename).toBe("UnggahSertifikatTtdSuccess");
    expect((await t.gql(AKAR, { i: gi, pem: ca.pem }, { token: admin.token })).data?.aturAkarTtd.__typename).toBe("AturAkarTtdSuccess");
    const named = await t.gql(PEJABAT, { u: pejabat.globalId, j: JABATAN, nip: pejabat.nomorIdentitas, idr: REMOTE_ID }, { token: admin.token });
    expect(named.data?.aturPejabatPenandatangan.__typename).toBe("AturPejabatPenandatanganSuccess");
    remote = await startRemoteSigner({ [REMOTE_ID]: { passphrase: REMOTE_PASS, leaf: issue({ cn: `${JABATAN} (BSrE)`, ca }), chain: [ca] } });
    const rs = await t.gql(REMOTE, { i: gi, url: remote.url, cid: remote.clientId, cs: remote.clientSecret }, { token: admin.token });
    expect(rs.data?.aturLayananTtdRemote.__typename).toBe("AturLayananTtdRemoteSuccess");

    await built;
    const port = await t.app.start(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;
    browser = await launch();
    citizenCtx = await phoneContext(browser);
    citizen = f.watch(await citizenCtx.newPage(), "citizen");
    officer = f.watch(await (await deskContext(browser)).newPage(), "officer");
    official = f.watch(await (await deskContext(browser)).newPage(), "official");
    await Promise.all([
      logIn(citizen, base, warga.nik, /\/pengajuan$/, warga.password),
      logIn(officer, base, petugas.nomorIdentitas, /\/petugas\/antrian$/),
      logIn(official, base, pejabat.nomorIdentitas, /\/petugas\/antrian$/),
    ]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await remote?.close();
    await t?.close();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("the officer makes the letter: it waits for the official; the citizen's page and the official's queue show it live", async () => {
    request = await diproses();
    const raw = rawIdOf(request.gid);
    await citizen.goto(`${base}/pengajuan/${raw}`);
    await badge(citizen, "Diproses");
    await mark(citizen);

    // only a signing official has the signing queue in the menu
    expect(await officer.getByRole("navigation", { name: "Menu utama" }).getByRole("link", { name: "Tanda tangan", exact: true }).count()).toBe(0);
    await (await menuLink(official, "Tanda tangan")).click();
    await official.getByRole("heading", { name: "Tanda tangan surat", level: 1 }).waitFor();
    await official.getByText("Tidak ada surat yang menunggu tanda tangan Anda.").waitFor();
    await mark(official);

    await officer.goto(`${base}/petugas/pengajuan/${raw}`);
    await badge(officer, "Diproses");
    await officer.getByRole("group", { name: "Tindakan" }).getByRole("button", { name: "Buat surat hasil" }).click();
    const form = officer.getByRole("form", { name: "Buat surat hasil" });
    // one official: chosen already; the next number is shown before it is taken
    expect(await form.getByLabel("Pejabat penandatangan").locator("option:checked").textContent()).toBe(`${PEJABAT_NAMA} — ${JABATAN}`);
    // Jogonalan's pattern has the classification code: the template's is filled in, and the number it makes shown
    expect(await form.getByLabel("Kode klasifikasi").inputValue()).toBe("400.12");
    const preview = form.locator("p[aria-live]", { hasText: "Nomor surat berikutnya:" });
    await preview.waitFor();
    const next = (await preview.locator("strong.mono").textContent())!.trim();
    expect(next).toContain("400.12");
    await shot(officer, "surat-petugas-buat", false);
    await form.getByRole("button", { name: "Buat surat dan kirim ke pejabat" }).click();
    await badge(officer, "Menunggu tanda tangan");
    await suratSection().getByText(`Menunggu tanda tangan ${PEJABAT_NAMA}, ${JABATAN}.`).waitFor();
    nomorSurat = (await suratSection().locator(".alert .mono").first().textContent())!.trim();
    expect(nomorSurat).toBe(next);
    await officer.getByText(`Surat ${nomorSurat} dibuat dan dikirim kepada ${PEJABAT_NAMA} untuk ditandatangani.`).waitFor();
    await shot(officer, "surat-petugas-menunggu-ttd");
    await f.audit(officer, "/petugas/pengajuan/:id (menunggu tanda tangan)");

    // the citizen's open page: the step, not the letter
    await badge(citizen, "Menunggu tanda tangan");
    await citizen.getByText(/sedang menunggu tanda tangan pejabat\. Anda menerimanya di Log Inbox/).waitFor();
    expect(await citizen.getByText(nomorSurat).count()).toBe(0);
    expect(await unreloaded(citizen)).toBe(true);
    await shot(citizen, "surat-pemohon-menunggu-ttd");
    await f.audit(citizen, "/pengajuan/:id (menunggu tanda tangan)");

    // the official's open queue: the letter arrived without a reload
    const item = queued(nomorSurat);
    await item.waitFor();
    await item.getByText(request.nomorRegistrasi!).waitFor();
    await official.getByText("1 surat menunggu tanda tangan Anda.").waitFor();
    expect(await unreloaded(official)).toBe(true);
    const draft = await official.request.get(base + (await item.getByRole("link", { name: /Baca surat \(PDF\)/ }).getAttribute("href")));
    expect(draft.headers()["content-type"]).toBe("application/pdf");
    await shot(official, "surat-pejabat-antrian");
    await f.audit(official, "/tanda-tangan");
  }, 90_000);

  it("the official returns it with a note; the officer sees the note live and makes it again under the same number", async () => {
    await mark(officer);
    const item = queued(nomorSurat);
    await item.getByRole("button", { name: "Kembalikan", exact: true }).click();
    const form = official.getByRole("form", { name: `Kembalikan surat ${nomorSurat}` });
    await form.getByRole("button", { name: "Kembalikan surat" }).click();
    await form.locator(".field__error", { hasText: "Tuliskan apa yang perlu diperbaiki pada surat (minimal 5 karakter)." }).waitFor();
    await form.getByLabel("Catatan untuk petugas").fill(NOTE);
    await shot(official, "surat-pejabat-kembalikan", false);
    await f.audit(official, "/tanda-tangan (kembalikan)");
    await form.getByRole("button", { name: "Kembalikan surat" }).click();
    await official.getByText(`Surat ${nomorSurat} dikembalikan kepada petugas beserta catatan Anda.`).waitFor();
    await official.getByText("Tidak ada surat yang menunggu tanda tangan Anda.").waitFor();

    // the officer's page, not reloaded
    await badge(officer, "Diproses");
    await suratSection().getByText(NOTE).waitFor();
    await suratSection().getByText("Dikembalikan oleh pejabat:").waitFor();
    await suratSection().getByText("Nomor surat tetap:").waitFor();
    expect((await suratSection().locator("strong.mono").textContent())!.trim()).toBe(nomorSurat);
    expect(await unreloaded(officer)).toBe(true);
    // "sent for signature" no longer holds: the message went with the change
    expect(await officer.getByText(/dibuat dan dikirim kepada/).count()).toBe(0);
    await shot(officer, "surat-petugas-dikembalikan");
    await f.audit(officer, "/petugas/pengajuan/:id (surat dikembalikan)");
    // the note is the officers': the citizen's page does not show it
    expect(await citizen.getByText(/kecamatannya/).count()).toBe(0);

    await suratSection().getByRole("button", { name: "Buat ulang dan kirim ke pejabat" }).click();
    await badge(officer, "Menunggu tanda tangan");
    await suratSection().getByText(`Menunggu tanda tangan ${PEJABAT_NAMA}, ${JABATAN}.`).waitFor();
    expect((await suratSection().locator(".alert .mono").first().textContent())!.trim()).toBe(nomorSurat);
    await officer.getByText(`Surat ${nomorSurat} dibuat dan dikirim kepada ${PEJABAT_NAMA} untuk ditandatangani.`).waitFor();
    expect(await t.db.prisma.surat.count({ where: { pengajuanId: request.id } })).toBe(1);
    await queued(nomorSurat).waitFor();
    expect(await unreloaded(official)).toBe(true);
  }, 90_000);

  it("the official signs: a wrong passphrase is told at its field, the right one issues the letter", async () => {
    const item = queued(nomorSurat);
    await item.getByRole("button", { name: "Tandatangani", exact: true }).click();
    const form = official.getByRole("form", { name: `Tandatangani surat ${nomorSurat}` });
    const box = form.getByLabel("Passphrase tanda tangan elektronik");
    await box.fill("bukan-sandinya");
    await form.getByRole("button", { name: "Tandatangani surat" }).click();
    await form.locator(".field__error", { hasText: "Passphrase salah. Periksa huruf besar dan kecilnya, lalu ketik ulang." }).waitFor();
    // the box never keeps a passphrase
    expect(await box.inputValue()).toBe("");
    await shot(official, "surat-pejabat-passphrase-salah", false);
    await f.audit(official, "/tanda-tangan (passphrase salah)");
    expect(await t.db.prisma.surat.findFirstOrThrow({ where: { pengajuanId: request.id } })).toMatchObject({ status: "MENUNGGU_TTD" });

    await box.fill(PASS);
    await form.getByRole("button", { name: "Tandatangani surat" }).click();
    await official
      .getByRole("status")
      .filter({ hasText: `Surat ${nomorSurat} telah ditandatangani dan dikirim ke pemohon.` })
      .waitFor();
    await official.getByText("Tidak ada surat yang menunggu tanda tangan Anda.").waitFor();
    await shot(official, "surat-pejabat-ditandatangani");
    await f.audit(official, "/tanda-tangan (ditandatangani)");

    await badge(officer, "Selesai");
    await suratSection()
      .getByText(/^Terbit:/)
      .waitFor();
    await suratSection()
      .getByRole("link", { name: /Surat bertanda tangan \(PDF\)/ })
      .waitFor();
    expect(await officer.getByText(/dibuat dan dikirim kepada/).count()).toBe(0);
    await shot(officer, "surat-petugas-terbit", false);
  }, 90_000);

  it("the citizen's open page turns Selesai; the signed letter downloads from it and is in the Log Inbox; pdfsig finds it valid", async () => {
    await badge(citizen, "Selesai");
    const judul = `Rekomendasi Dispensasi Menikah (Online) — ${nomorSurat}`;
    const link = citizen.getByRole("link", { name: `Unduh ${judul}` });
    await link.waitFor();
    expect(await unreloaded(citizen)).toBe(true);
    kodeVerifikasi = (await citizen.locator(".results .mono").first().textContent())!.trim();
    expect(kodeVerifikasi).not.toBe("");
    const [download] = await Promise.all([citizen.waitForEvent("download"), link.click()]);
    signed = fs.readFileSync((await download.path())!);
    expect(signed.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    await shot(citizen, "surat-pemohon-selesai");
    await f.audit(citizen, "/pengajuan/:id (selesai, surat)");
    if (hasPdfsig) {
      const report = await pdfsig(signed);
      expect(report).toContain("Signature is Valid");
      expect(report).toContain(`Signer Certificate Common Name: ${JABATAN}`);
    }

    await (await menuLink(citizen, "Inbox")).click();
    const card = citizen.locator(".request", { has: citizen.getByRole("heading", { name: judul }) });
    await card.waitFor();
    await card.getByText(kodeVerifikasi).waitFor();
    // the same file as on the request's page
    const again = await citizen.request.get(base + (await card.getByRole("link", { name: /^Unduh/ }).getAttribute("href")));
    expect(Buffer.from(await again.body()).equals(signed)).toBe(true);
    await shot(citizen, "surat-log-inbox");
    await f.audit(citizen, "/inbox (surat)");
  }, 90_000);

  it("anyone, without logging in, finds the letter by its code: the downloaded file matches and its signature is valid; a changed copy does not", async () => {
    const ctx = await phoneContext(browser);
    const pub = f.watch(await ctx.newPage(), "public");
    await pub.goto(`${base}/verifikasi/${encodeURIComponent(kodeVerifikasi)}`);
    const card = pub.locator("section.card");
    await card.getByRole("heading", { name: /Surat terdaftar/ }).waitFor();
    await card.locator(".facts", { hasText: "Nomor surat" }).getByText(nomorSurat, { exact: true }).waitFor();
    await card.getByText(new RegExp(`^${PEJABAT_NAMA}, ${JABATAN}, pada `)).waitFor();

    const chooser = pub.getByLabel("Pilih berkas untuk dicocokkan");
    await chooser.setInputFiles({ name: "surat-asli.pdf", mimeType: "application/pdf", buffer: signed });
    await card.getByText("✓ Berkas sesuai dengan surat yang diterbitkan.").waitFor();
    await card.getByText("✓ Tanda tangan elektronik sah.").waitFor();
    await card.getByText(/Sertifikat atas nama Camat Jogonalan, diterbitkan oleh Loket Uji CA Jogonalan/).waitFor();
    await shot(pub, "surat-verifikasi-sesuai");
    await f.audit(pub, "/verifikasi/:kode (surat sesuai)");

    // one byte changed inside the signed range (the binary comment after the header: the file still opens)
    const tampered = Buffer.from(signed);
    tampered[11] = tampered[11]! ^ 0x01;
    await chooser.setInputFiles({ name: "surat-diubah.pdf", mimeType: "application/pdf", buffer: tampered });
    await card.getByText(/^⚠ Berkas tidak sesuai dengan surat yang diterbitkan/).waitFor();
    await card.getByText("⚠ Tanda tangan elektronik tidak dapat dinyatakan sah.").waitFor();
    await card.getByText("(surat-diubah.pdf)").waitFor();
    await shot(pub, "surat-verifikasi-diubah");
    await f.audit(pub, "/verifikasi/:kode (surat diubah)");
    await ctx.close();
  }, 90_000);

  it("with the office switched to remote signing, the official signs a second letter from the same open page", async () => {
    const gi = globalId("Instansi", instansiId);
    expect((await t.gql(METODE, { i: gi, m: "REMOTE" }, { token: admin.token })).data!.pilihMetodeTtd.__typename).toBe("PilihMetodeTtdSuccess");
    const p = await diproses();
    const made = await t.gql(BUAT, { p: p.gid, v: p.versi }, { token: petugas.token });
    expect(made.data!.buatSurat.__typename, JSON.stringify(made.data)).toBe("BuatSuratSuccess");
    const nomor2 = made.data!.buatSurat.data.nomor as string;
    expect(nomor2).not.toBe(nomorSurat);

    const item = queued(nomor2);
    await item.waitFor();
    expect(await unreloaded(official)).toBe(true);
    await item.getByRole("button", { name: "Tandatangani", exact: true }).click();
    const form = official.getByRole("form", { name: `Tandatangani surat ${nomor2}` });
    const box = form.getByLabel("Passphrase tanda tangan elektronik");
    // the office's PKCS#12 passphrase is not the official's passphrase at the remote service
    await box.fill(PASS);
    await form.getByRole("button", { name: "Tandatangani surat" }).click();
    await form.locator(".field__error", { hasText: "Passphrase salah." }).waitFor();
    await box.fill(REMOTE_PASS);
    await form.getByRole("button", { name: "Tandatangani surat" }).click();
    await official
      .getByRole("status")
      .filter({ hasText: `Surat ${nomor2} telah ditandatangani dan dikirim ke pemohon.` })
      .waitFor();
    await shot(official, "surat-pejabat-ditandatangani-remote", false);
    expect(remote.requests.some((r) => r.path === "/sign" && r.signerId === REMOTE_ID)).toBe(true);
    expect(await t.db.prisma.surat.findFirstOrThrow({ where: { pengajuanId: p.id } })).toMatchObject({ status: "TERBIT", metodeTtd: "REMOTE" });

    // the citizen downloads it with the session of their browser
    const own = (await t.gql(HASIL, { id: p.gid }, { token: warga.token })).data!.node;
    expect(own.status).toBe("SELESAI");
    const res = await citizen.request.get(`${base}/unduh/hasil/${rawIdOf(own.hasil[0].id)}`);
    expect(res.headers()["content-type"]).toBe("application/pdf");
    if (hasPdfsig) {
      const report = await pdfsig(Buffer.from(await res.body()));
      expect(report).toContain("Signature is Valid");
      expect(report).toContain(`Signer Certificate Common Name: ${JABATAN} (BSrE)`);
    }
    await t.gql(METODE, { i: gi, m: "P12" }, { token: admin.token });
  }, 90_000);

  it("has no serious accessibility problems on these pages, and raised no script errors or CSP violations", () => {
    expect(f.axe).toEqual([]);
    expect(f.problems).toEqual([]);
  });
});

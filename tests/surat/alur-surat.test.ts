import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedCatalogue } from "../../server/seed";
import { activeCitizen, createStaff, createTestApp, globalId, makeNik, type TestApp, upload } from "../helpers/app";
import { type Issued, issue, makeCa, toP12 } from "../helpers/pki";
import { type RemoteSignerService, startRemoteSigner } from "../helpers/remote-signer";
import { collect, wsClient } from "../helpers/ws";
import { PDFSIG, pdfsig as pdfsigReport, pengajuanDiproses } from "../helpers/surat";

/**
 * A request's letter made, signed and delivered in Loket (issue 15), through the public API on a real server:
 * the officer makes the letter from the service's template (Jogonalan's "Rekomendasi Dispensasi Menikah", seeded),
 * the number is taken with it, the official reads it from a live queue, returns it with a note (kept from the
 * applicant), it is made again under the same number, signed with the office's PKCS#12 and through a remote
 * signing service, and lands in the applicant's Log Inbox. poppler's pdfsig checks every signed letter.
 */
const run = promisify(execFile);
const PDFTOTEXT = "/usr/bin/pdftotext";
const hasPoppler = fs.existsSync(PDFSIG) && fs.existsSync(PDFTOTEXT);
if (!hasPoppler) console.warn("Skipping the signed-letter checks: poppler-utils (pdfsig, pdftotext) is missing: apt-get install -y poppler-utils");

const PASS = "sandi-kantor-jogonalan-2026";
const P = `fragment S on Surat { id nomor status kodeVerifikasi penandatanganNama penandatanganJabatan catatanKembali templateVersi unduhUrl dapatDitandatangani nomorRegistrasi ditandatanganiAt }`;
const BUAT = `mutation($p: ID!, $v: Int!, $ttd: ID, $kode: String) { buatSurat(pengajuanId: $p, versi: $v, penandatanganId: $ttd, kodeKlasifikasi: $kode) { __typename ... on BuatSuratSuccess { data { ...S } } ... on Error { code message field } } } ${P}`;
const TTD = `mutation($id: ID!, $pass: String!) { tandatanganiSurat(id: $id, passphrase: $pass) { __typename ... on TandatanganiSuratSuccess { data { ...S } } ... on Error { code message field } } } ${P}`;
const KEMBALI = `mutation($id: ID!, $c: String!) { kembalikanSurat(id: $id, catatan: $c) { __typename ... on KembalikanSuratSuccess { data { ...S } } ... on Error { code message field } } } ${P}`;
const PEJABAT = `mutation($u: ID!, $j: String!, $nip: String, $idr: String) { aturPejabatPenandatangan(userId: $u, jabatan: $j, nip: $nip, idRemote: $idr) { __typename ... on AturPejabatPenandatanganSuccess { data { nama jabatan nipMasked adaIdRemote } } ... on Error { code message field } } }`;
const ANTRIAN = `query { antrianTtd { ...S } } ${P}`;
const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v) { __typename ... on Error { code message } } }`;
const LIHAT = `query($id: ID!) { node(id: $id) { ... on Pengajuan { status versi suratHasil { ...S } hasil { id judul kodeVerifikasi } riwayat { aksi pesan keStatus } } } } ${P}`;
const UNGGAH = `mutation($i: ID!, $berkas: File!, $pass: String!) { unggahSertifikatTtd(instansiId: $i, berkas: $berkas, passphrase: $pass) { __typename ... on Error { code message } } }`;
const REMOTE = `mutation($i: ID!, $url: String!, $cid: String!, $cs: String) { aturLayananTtdRemote(instansiId: $i, url: $url, clientId: $cid, clientSecret: $cs) { __typename ... on Error { code message } } }`;
const METODE = `mutation($i: ID!, $m: MetodeTtd!) { pilihMetodeTtd(instansiId: $i, metode: $m) { __typename ... on Error { code message } } }`;

let t: TestApp;
let port: number;
let tmp: string;
let instansiId: string;
let layananId: string;
let ca: Issued;
let remote: RemoteSignerService;
let admin: Awaited<ReturnType<typeof createStaff>>;
let petugas: Awaited<ReturnType<typeof createStaff>>;
let petugas2: Awaited<ReturnType<typeof createStaff>>;
let pejabat: Awaited<ReturnType<typeof createStaff>>;
let citizen: Awaited<ReturnType<typeof activeCitizen>>;
const NIK_CALON_PRIA = makeNik();

beforeAll(async () => {
  t = await createTestApp();
  port = await t.app.start(0, "127.0.0.1");
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "loket-alur-surat-"));
  const ids = await seedCatalogue(t.db.prisma);
  instansiId = ids.get("KEC-JOGONALAN")!;
  layananId = (await t.db.prisma.layanan.findUniqueOrThrow({ where: { instansiId_kode: { instansiId, kode: "DISPENSASI-MENIKAH" } } })).id;
  admin = await createStaff(t, "ADMIN", instansiId);
  petugas = await createStaff(t, "PETUGAS", instansiId);
  petugas2 = await createStaff(t, "PETUGAS", instansiId);
  pejabat = await createStaff(t, "PETUGAS", instansiId);
  citizen = await activeCitizen(t);
  ca = makeCa("Loket Uji CA Jogonalan");
  const leaf = issue({ cn: "Camat Jogonalan", ca });
  const p12 = toP12(leaf, [ca], PASS);
  const up = await upload(
    t,
    UNGGAH,
    { i: globalId("Instansi", instansiId), berkas: null, pass: PASS },
    { berkas: { name: "kantor.p12", type: "application/x-pkcs12", content: p12 } },
    { token: admin.token },
  );
  expect(up.data?.unggahSertifikatTtd.__typename).toBe("UnggahSertifikatTtdSuccess");
  remote = await startRemoteSigner({
    "3310010101800001": { passphrase: "rahasia-bsre-camat", leaf: issue({ cn: "Camat Jogonalan (BSrE)", ca }), chain: [ca] },
  });
});
afterAll(async () => {
  await remote?.close();
  await t?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const diproses = (pengiriman: "UNDUH" | "AMBIL" = "UNDUH") =>
  pengajuanDiproses(t, { layananId, instansiId, pemohonId: citizen.id, pengiriman, nikCalonPria: NIK_CALON_PRIA });

const rawId = (gid: string) => Buffer.from(gid, "base64").toString().split(":")[1]!;
const lihat = async (p: { gid: string }, token: string) => (await t.gql(LIHAT, { id: p.gid }, { token })).data!.node;
const download = (p: string, token?: string) => t.app.yoga.fetch(`http://localhost${p}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function pdfBytes(url: string, token: string): Promise<Buffer> {
  const res = await download(url, token);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/pdf");
  return Buffer.from(await res.arrayBuffer());
}

const pdfsig = (pdf: Buffer) => pdfsigReport(pdf, tmp);

async function pdfText(pdf: Buffer): Promise<string> {
  const file = path.join(tmp, `t-${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, pdf);
  return (await run(PDFTOTEXT, [file, "-"])).stdout.replace(/\s+/g, " ");
}

describe("letters made, signed and delivered in Loket", () => {
  it("an admin names the signing official with the NIP printed on letters; the NIP is stored sealed", async () => {
    const bad = await t.gql(PEJABAT, { u: pejabat.globalId, j: "Camat Jogonalan", nip: "1234" }, { token: admin.token });
    expect(bad.data!.aturPejabatPenandatangan).toMatchObject({ __typename: "ValidationError", field: "nip" });
    const byOfficer = await t.gql(PEJABAT, { u: pejabat.globalId, j: "Camat Jogonalan", nip: pejabat.nomorIdentitas }, { token: petugas.token });
    expect(byOfficer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const ok = await t.gql(
      PEJABAT,
      { u: pejabat.globalId, j: "Camat Jogonalan", nip: pejabat.nomorIdentitas, idr: "3310010101800001" },
      { token: admin.token },
    );
    expect(ok.data!.aturPejabatPenandatangan).toMatchObject({
      __typename: "AturPejabatPenandatanganSuccess",
      data: { nama: "Staf PETUGAS", jabatan: "Camat Jogonalan", adaIdRemote: true },
    });
    expect(ok.data!.aturPejabatPenandatangan.data.nipMasked).not.toContain(pejabat.nomorIdentitas.slice(4, 14));
    const row = await t.db.prisma.pejabatPenandatangan.findUniqueOrThrow({ where: { userId: pejabat.id } });
    expect(JSON.stringify(row)).not.toContain(pejabat.nomorIdentitas);
    expect(JSON.stringify(row)).not.toContain("3310010101800001");
  });

  it("the officer makes the letter, the official reads it live, returns it with a note, and it is made again under the same number", async () => {
    const p = await diproses();
    const ws = wsClient(port, { token: pejabat.token });
    const queue = collect(ws, `subscription { antrianTtdBerubah { id nomor } }`);
    await new Promise((r) => setTimeout(r, 200));

    // the letter's steps are not the generic mutation's
    for (const a of ["AJUKAN_TTD", "TANDATANGANI", "KEMBALIKAN_SURAT"]) {
      const r = await t.gql(ACT, { id: p.gid, a, v: p.versi }, { token: petugas.token });
      expect(r.data?.ubahStatusPengajuan?.code ?? r.errors?.[0]?.extensions?.code).toMatch(/LEWAT_SURAT|FORBIDDEN/);
    }
    expect((await t.gql(BUAT, { p: p.gid, v: p.versi }, { token: citizen.token })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const made = await t.gql(BUAT, { p: p.gid, v: p.versi }, { token: petugas.token });
    expect(made.data!.buatSurat, JSON.stringify(made.data!.buatSurat)).toMatchObject({ __typename: "BuatSuratSuccess" });
    const s = made.data!.buatSurat.data;
    expect(s).toMatchObject({ status: "MENUNGGU_TTD", penandatanganNama: "Staf PETUGAS", penandatanganJabatan: "Camat Jogonalan", templateVersi: 1 });
    expect(s.nomor).toMatch(/\d+/);
    const events = await queue.next(1);
    expect(events[0]!.data!.antrianTtdBerubah).toEqual([{ id: s.id, nomor: s.nomor }]);

    const seen = await lihat(p, petugas.token);
    expect(seen.status).toBe("MENUNGGU_TTD");
    expect(seen.suratHasil.id).toBe(s.id);
    // the applicant sees the step, not the letter before it is signed
    const own = await lihat(p, citizen.token);
    expect(own.status).toBe("MENUNGGU_TTD");
    expect(own.suratHasil).toBeNull();
    expect((await download(s.unduhUrl, citizen.token)).status).toBe(404);

    // what the official reads: the number, the answers, the official's whole NIP; never another person's NIK in clear
    const draft = await pdfBytes(s.unduhUrl, pejabat.token);
    if (hasPoppler) {
      const text = await pdfText(draft);
      expect(text).toContain(s.nomor);
      expect(text).toContain("Budi Santoso");
      expect(text).toContain("14 Maret 2007");
      expect(text).toContain(pejabat.nomorIdentitas);
      expect(text).not.toContain(NIK_CALON_PRIA);
      expect(text).toContain(s.kodeVerifikasi);
    }

    const queued = await t.gql(ANTRIAN, {}, { token: pejabat.token });
    expect(queued.data!.antrianTtd.map((x: { id: string }) => x.id)).toEqual([s.id]);
    expect((await t.gql(ANTRIAN, {}, { token: petugas2.token })).data!.antrianTtd).toEqual([]);
    // only the official it was sent to signs or returns it
    const other = await t.gql(TTD, { id: s.id, pass: PASS }, { token: petugas2.token });
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    const note = "Nama desa asal harus ditulis lengkap dengan kecamatannya.";
    const short = await t.gql(KEMBALI, { id: s.id, c: "x" }, { token: pejabat.token });
    expect(short.data!.kembalikanSurat).toMatchObject({ __typename: "ValidationError", code: "CATATAN_REQUIRED" });
    const back = await t.gql(KEMBALI, { id: s.id, c: note }, { token: pejabat.token });
    expect(back.data!.kembalikanSurat.data).toMatchObject({ status: "DIKEMBALIKAN", catatanKembali: note });
    expect((await queue.next(2))[1]!.data!.antrianTtdBerubah).toEqual([]);
    const after = await lihat(p, petugas.token);
    expect(after.status).toBe("DIPROSES");
    expect(after.suratHasil).toMatchObject({ status: "DIKEMBALIKAN", catatanKembali: note });
    // the note is the officers': not in the applicant's history, notification or email
    const mine = await lihat(p, citizen.token);
    expect(JSON.stringify(mine.riwayat)).not.toContain("kecamatannya");
    const outbox = await t.db.prisma.outbox.findMany();
    expect(JSON.stringify(outbox)).not.toContain("kecamatannya");
    const notes = await t.db.prisma.notification.findMany({ where: { userId: citizen.id } });
    expect(JSON.stringify(notes)).not.toContain("kecamatannya");

    const again = await t.gql(BUAT, { p: p.gid, v: after.versi }, { token: petugas.token });
    expect(again.data!.buatSurat.data).toMatchObject({ id: s.id, nomor: s.nomor, status: "MENUNGGU_TTD", catatanKembali: null });
    expect(await t.db.prisma.surat.count({ where: { pengajuanId: p.id } })).toBe(1);
    expect((await queue.next(3))[2]!.data!.antrianTtdBerubah).toEqual([{ id: s.id, nomor: s.nomor }]);
    await ws.dispose();
  });

  it("the official signs with the office's PKCS#12: the applicant gets the signed letter, pdfsig finds it valid, one byte changed breaks it", async () => {
    const p = await diproses();
    const s = (await t.gql(BUAT, { p: p.gid, v: p.versi }, { token: petugas.token })).data!.buatSurat.data;
    const citizenWs = wsClient(port, { token: citizen.token });
    const live = collect(citizenWs, `subscription($id: ID!) { pengajuanBerubah(id: $id) { pengajuan { status } } }`, { id: p.gid });
    await new Promise((r) => setTimeout(r, 200));

    const empty = await t.gql(TTD, { id: s.id, pass: "" }, { token: pejabat.token });
    expect(empty.data!.tandatanganiSurat).toMatchObject({ code: "PASSPHRASE_WAJIB", field: "passphrase" });
    const wrong = await t.gql(TTD, { id: s.id, pass: "bukan-sandinya" }, { token: pejabat.token });
    expect(wrong.data!.tandatanganiSurat).toMatchObject({ __typename: "TandaTanganError", code: "TTD_PASSPHRASE_SALAH", field: "passphrase" });
    expect((await lihat(p, petugas.token)).status).toBe("MENUNGGU_TTD");

    const signed = await t.gql(TTD, { id: s.id, pass: PASS }, { token: pejabat.token });
    expect(signed.data!.tandatanganiSurat.data).toMatchObject({ status: "TERBIT", nomor: s.nomor });
    expect(signed.data!.tandatanganiSurat.data.ditandatanganiAt).toBeTruthy();
    const own = await lihat(p, citizen.token);
    expect(own.status).toBe("SELESAI");
    expect(own.hasil).toHaveLength(1);
    expect(own.hasil[0].kodeVerifikasi).toBe(s.kodeVerifikasi);
    const statuses = (await live.next(5)).map((e) => e.data?.pengajuanBerubah.pengajuan.status);
    expect(statuses).toContain("SELESAI");
    await citizenWs.dispose();

    const letter = await pdfBytes(`/unduh/hasil/${rawId(own.hasil[0].id)}`, citizen.token);
    const draft = await t.db.prisma.surat.findUniqueOrThrow({ where: { id: rawId(s.id) }, include: { fileDraf: true, file: true } });
    expect(draft.file!.sha256).not.toBe(draft.fileDraf!.sha256);
    expect(draft.metodeTtd).toBe("P12");
    if (hasPoppler) {
      const report = await pdfsig(letter);
      expect(report).toContain("Signature Type: ETSI.CAdES.detached");
      expect(report).toContain("Signature is Valid");
      expect(report).toContain("Total document signed");
      expect(report).toContain("Signer Certificate Common Name: Camat Jogonalan");
      const text = await pdfText(letter);
      expect(text).toContain("Ditandatangani secara elektronik");
      // one byte inside the first page's content stream (the text is compressed: change what is there)
      const broken = Buffer.from(letter);
      const at = letter.indexOf("stream\n") + 20;
      expect(at).toBeGreaterThan(20);
      broken[at] = broken[at]! ^ 0xff;
      const badReport = await pdfsig(broken);
      expect(badReport).toContain("Signature Type: ETSI.CAdES.detached");
      expect(badReport).not.toContain("Signature is Valid");
    }
    // the passphrase is nowhere: not in the audit trail, not in the outbox, not in the letter's rows
    const audit = await t.db.prisma.auditLog.findMany();
    expect(JSON.stringify(audit)).not.toContain(PASS);
    expect(JSON.stringify(await t.db.prisma.surat.findMany())).not.toContain(PASS);
    // signed once: a second attempt is refused
    const twice = await t.gql(TTD, { id: s.id, pass: PASS }, { token: pejabat.token });
    expect(twice.data!.tandatanganiSurat).toMatchObject({ code: "SURAT_TIDAK_MENUNGGU_TTD" });
  });

  it("signing through the remote service (BSrE-style) with the official's id there; pickup requests become ready for pickup", async () => {
    const gi = globalId("Instansi", instansiId);
    expect(
      (await t.gql(REMOTE, { i: gi, url: remote.url, cid: remote.clientId, cs: remote.clientSecret }, { token: admin.token })).data!.aturLayananTtdRemote
        .__typename,
    ).toBe("AturLayananTtdRemoteSuccess");
    expect((await t.gql(METODE, { i: gi, m: "REMOTE" }, { token: admin.token })).data!.pilihMetodeTtd.__typename).toBe("PilihMetodeTtdSuccess");
    try {
      const p = await diproses("AMBIL");
      const s = (await t.gql(BUAT, { p: p.gid, v: p.versi }, { token: petugas.token })).data!.buatSurat.data;
      const wrong = await t.gql(TTD, { id: s.id, pass: PASS }, { token: pejabat.token });
      expect(wrong.data!.tandatanganiSurat).toMatchObject({ code: "TTD_PASSPHRASE_SALAH" });
      const signed = await t.gql(TTD, { id: s.id, pass: "rahasia-bsre-camat" }, { token: pejabat.token });
      expect(signed.data!.tandatanganiSurat.data).toMatchObject({ status: "TERBIT" });
      expect(remote.requests.some((r) => r.path === "/sign" && r.signerId === "3310010101800001")).toBe(true);
      const own = await lihat(p, citizen.token);
      expect(own.status).toBe("SIAP_DIAMBIL");
      expect((await t.db.prisma.surat.findUniqueOrThrow({ where: { id: rawId(s.id) } })).metodeTtd).toBe("REMOTE");
      if (hasPoppler) {
        const report = await pdfsig(await pdfBytes(`/unduh/hasil/${rawId(own.hasil[0].id)}`, citizen.token));
        expect(report).toContain("Signature is Valid");
        expect(report).toContain("Signer Certificate Common Name: Camat Jogonalan (BSrE)");
      }
    } finally {
      await t.gql(METODE, { i: gi, m: "P12" }, { token: admin.token });
    }
  });

  it("numbers stay gapless and unique when officers make letters at once; one request gets one letter", async () => {
    const ps = await Promise.all([1, 2, 3, 4, 5, 6].map(() => diproses()));
    const before = await t.db.prisma.surat.count({ where: { instansiId } });
    const made = await Promise.all(ps.map((p, i) => t.gql(BUAT, { p: p.gid, v: p.versi }, { token: i % 2 ? petugas.token : petugas2.token })));
    for (const m of made) expect(m.data!.buatSurat).toMatchObject({ __typename: "BuatSuratSuccess" });
    const rows = await t.db.prisma.surat.findMany({ where: { instansiId }, orderBy: { urutan: "asc" } });
    expect(rows).toHaveLength(before + 6);
    expect(rows.map((r) => r.urutan)).toEqual(rows.map((_, i) => i + 1));
    expect(new Set(rows.map((r) => r.nomor)).size).toBe(rows.length);

    // two officers on the same request: one letter, the other told it changed
    const p = await diproses();
    const both = await Promise.all([petugas, petugas2].map((o) => t.gql(BUAT, { p: p.gid, v: p.versi }, { token: o.token })));
    expect(both.map((b) => b.data!.buatSurat.__typename).sort()).toEqual(["BuatSuratSuccess", "ConflictError"]);
    expect(await t.db.prisma.surat.count({ where: { pengajuanId: p.id } })).toBe(1);
  });

  it("five wrong passphrases in a row lock the official's signing for 15 minutes; the right one then waits too", async () => {
    const p = await diproses();
    const s = (await t.gql(BUAT, { p: p.gid, v: p.versi }, { token: petugas.token })).data!.buatSurat.data;
    for (let i = 1; i <= 4; i++) {
      const wrong = await t.gql(TTD, { id: s.id, pass: `salah-${i}` }, { token: pejabat.token });
      expect(wrong.data!.tandatanganiSurat).toMatchObject({ code: "TTD_PASSPHRASE_SALAH" });
    }
    const fifth = await t.gql(TTD, { id: s.id, pass: "salah-5" }, { token: pejabat.token });
    expect(fifth.data!.tandatanganiSurat).toMatchObject({ __typename: "TandaTanganError", code: "TTD_TERKUNCI", field: "passphrase" });
    const right = await t.gql(TTD, { id: s.id, pass: PASS }, { token: pejabat.token });
    expect(right.data!.tandatanganiSurat).toMatchObject({ code: "TTD_TERKUNCI" });
    expect((await lihat(p, petugas.token)).status).toBe("MENUNGGU_TTD");
    // 15 minutes later (the lock's end moved into the past)
    await t.db.prisma.pejabatPenandatangan.update({ where: { userId: pejabat.id }, data: { ttdTerkunciSampai: new Date(Date.now() - 1000) } });
    const later = await t.gql(TTD, { id: s.id, pass: PASS }, { token: pejabat.token });
    expect(later.data!.tandatanganiSurat.data).toMatchObject({ status: "TERBIT" });
    expect((await t.db.prisma.pejabatPenandatangan.findUniqueOrThrow({ where: { userId: pejabat.id } })).gagalPassphrase).toBe(0);
  });

  it("a service without a template, or an office without an official, says what to do", async () => {
    const p = await diproses();
    await t.db.prisma.pejabatPenandatangan.update({ where: { userId: pejabat.id }, data: { aktif: false } });
    try {
      const none = await t.gql(BUAT, { p: p.gid, v: p.versi }, { token: petugas.token });
      expect(none.data!.buatSurat).toMatchObject({ code: "PENANDATANGAN_BELUM_ADA" });
    } finally {
      await t.db.prisma.pejabatPenandatangan.update({ where: { userId: pejabat.id }, data: { aktif: true } });
    }
    const other = await t.db.prisma.layanan.create({
      data: { instansiId, kode: "TANPA-TEMPLATE", nama: "Layanan tanpa template", slaJumlah: 1, slaSatuan: "HARI_KERJA" },
    });
    await t.db.prisma.pengajuan.update({ where: { id: p.id }, data: { layananId: other.id } });
    const noTemplate = await t.gql(BUAT, { p: p.gid, v: p.versi }, { token: petugas.token });
    expect(noTemplate.data!.buatSurat).toMatchObject({ code: "TEMPLATE_BELUM_ADA" });
    expect(await t.db.prisma.surat.count({ where: { pengajuanId: p.id } })).toBe(0);
  });
});

import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_1X1, activeCitizen, createStaff, createTestApp, serviceFixture, tinyPdf, upload, uploadFixtureDocuments, type TestApp } from "../helpers/app";

let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;

const P = /* GraphQL */ `
  fragment P on Pengajuan {
    id nomorRegistrasi status versi seq formData pengiriman tenggat terlambat sisaMenitKerja aksiTersedia buktiUrl alasanTolak
    dokumen { id persyaratan { label } namaFile mime url sha256 }
    hasil { id judul kodeVerifikasi url sha256 }
    riwayat { seq aksi dariStatus keStatus pesan aktor }
  }
`;
const CREATE = `mutation($l: ID!, $f: JSON, $k: PengirimanOpsi, $dari: ID) { createPengajuan(layananId: $l, formData: $f, pengiriman: $k, dariPengajuanId: $dari) { __typename ... on CreatePengajuanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const UPDATE = `mutation($id: ID!, $v: Int!, $f: JSON) { updatePengajuan(id: $id, versi: $v, formData: $f) { __typename ... on UpdatePengajuanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const UPLOAD = `mutation($id: ID!, $v: Int!, $berkas: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $berkas) { __typename ... on UploadDokumenPengajuanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!, $pesan: String, $oleh: String, $idt: String) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v, pesan: $pesan, diambilOleh: $oleh, identitasPengambil: $idt) { __typename ... on UbahStatusPengajuanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const HASIL = `mutation($id: ID!, $v: Int!, $judul: String!, $file: File!) { lampirkanHasil(id: $id, versi: $v, judul: $judul, file: $file) { __typename ... on LampirkanHasilSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;

beforeAll(async () => {
  t = await createTestApp();
  fx = await serviceFixture(t);
});
afterAll(() => t.close());

async function draft(token: string, formData: Record<string, unknown> = { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20" }) {
  const r = await t.gql(CREATE, { l: fx.layanan.id, f: formData }, { token });
  expect(r.errors).toBeUndefined();
  expect(r.data!.createPengajuan.__typename).toBe("CreatePengajuanSuccess");
  return r.data!.createPengajuan.data;
}

async function uploadBoth(token: string, p: { id: string; versi: number }) {
  const r = await uploadFixtureDocuments(t, UPLOAD, fx, p, token, { name: "pengantar desa.pdf", text: "pengantar" });
  expect(r.errors).toBeUndefined();
  expect(r.data!.uploadDokumenPengajuan.__typename).toBe("UploadDokumenPengajuanSuccess");
  return r.data!.uploadDokumenPengajuan.data;
}

async function act(token: string, p: { id: string; versi: number }, a: string, extra: Record<string, unknown> = {}) {
  const r = await t.gql(ACT, { id: p.id, a, v: p.versi, ...extra }, { token });
  expect(r.errors).toBeUndefined();
  return r.data!.ubahStatusPengajuan;
}

async function ok(token: string, p: { id: string; versi: number }, a: string, extra: Record<string, unknown> = {}) {
  const r = await act(token, p, a, extra);
  expect(r.__typename, JSON.stringify(r)).toBe("UbahStatusPengajuanSuccess");
  return r.data;
}

function storedFiles(): string[] {
  const root = path.join(t.config.dataDir, "files");
  const out: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.name === ".tmp") continue;
      if (e.isDirectory()) walk(path.join(d, e.name));
      else out.push(e.name);
    }
  };
  walk(root);
  return out;
}

describe("a pengajuan from draft to result", () => {
  it("walks draft → submit → fix → verify → process → result → download → verification", async () => {
    const c = await activeCitizen(t);
    let p = await draft(c.token);
    expect(p).toMatchObject({ status: "DRAFT", nomorRegistrasi: null, aksiTersedia: ["AJUKAN", "BATALKAN"] });

    // submitting without the documents says which ones are missing
    const early = await act(c.token, p, "AJUKAN");
    expect(early).toMatchObject({ __typename: "ValidationError", code: "DOKUMEN_KURANG" });
    expect(early.message).toContain("KTP calon pengantin");

    p = await uploadBoth(c.token, p);
    expect(p.dokumen.map((d: { persyaratan: { label: string }; mime: string }) => [d.persyaratan.label, d.mime])).toEqual([
      ["KTP calon pengantin", "image/png"],
      ["Surat pengantar desa", "application/pdf"],
    ]);
    expect(p.dokumen[1].namaFile).toBe("pengantar desa.pdf");

    p = await ok(c.token, p, "AJUKAN");
    expect(p.status).toBe("DIAJUKAN");
    expect(p.nomorRegistrasi).toMatch(/^INS\/\d{4}\/\d{6}$/);
    expect(p.buktiUrl).toBe(`/unduh/bukti/${Buffer.from(p.id, "base64").toString().split(":")[1]}`);

    // proof of submission as a PDF, for the owner only
    const bukti = await t.app.yoga.fetch(`http://localhost${p.buktiUrl}`, { headers: { authorization: `Bearer ${c.token}` } });
    expect(bukti.status).toBe(200);
    expect(bukti.headers.get("content-type")).toBe("application/pdf");
    expect(
      Buffer.from(await bukti.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const stranger = await activeCitizen(t);
    expect((await t.app.yoga.fetch(`http://localhost${p.buktiUrl}`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);

    // the officer asks for a better scan; the citizen replaces it and submits again
    const noMsg = await act(fx.petugas.token, p, "MINTA_PERBAIKAN");
    expect(noMsg).toMatchObject({ code: "PESAN_REQUIRED", field: "pesan" });
    p = await ok(fx.petugas.token, p, "MINTA_PERBAIKAN", { pesan: "Foto KTP buram, mohon unggah ulang." });
    expect(p.status).toBe("PERLU_PERBAIKAN");
    const r = await upload(
      t,
      UPLOAD,
      { id: p.id, v: p.versi, berkas: [{ persyaratanId: fx.slots[0]!.id, file: null }] },
      { "berkas.0.file": { name: "ktp-jelas.pdf", content: tinyPdf("ktp jelas") } },
      { token: c.token },
    );
    p = r.data!.uploadDokumenPengajuan.data;
    expect(p.dokumen.map((d: { namaFile: string }) => d.namaFile)).toEqual(["pengantar desa.pdf", "ktp-jelas.pdf"]);
    p = await ok(c.token, p, "AJUKAN");
    const nomor = p.nomorRegistrasi;

    p = await ok(fx.petugas.token, p, "VERIFIKASI");
    expect(p.status).toBe("DIVERIFIKASI");
    expect(p.tenggat).toBeTruthy();
    expect(p.sisaMenitKerja).toBeGreaterThan(0);
    p = await ok(fx.petugas.token, p, "PROSES");

    // finishing an online-delivery request needs a result document first
    const noResult = await act(fx.petugas.token, p, "SELESAIKAN");
    expect(noResult).toMatchObject({ __typename: "InvalidStateError", code: "HASIL_REQUIRED" });
    const resultPdf = tinyPdf("surat rekomendasi");
    const h = await upload(
      t,
      HASIL,
      { id: p.id, v: p.versi, judul: "Surat Rekomendasi Dispensasi Menikah", file: null },
      { file: { name: "rekomendasi.pdf", content: resultPdf } },
      { token: fx.petugas.token },
    );
    expect(h.errors).toBeUndefined();
    p = h.data!.lampirkanHasil.data;
    p = await ok(fx.petugas.token, p, "SELESAIKAN");
    expect(p.status).toBe("SELESAI");
    expect(p.nomorRegistrasi).toBe(nomor);

    // the Log Pengajuan shows every step, in order, without gaps
    expect(p.riwayat.map((l: { seq: number }) => l.seq)).toEqual(Array.from({ length: p.riwayat.length }, (_, i) => i + 1));
    expect(p.riwayat.map((l: { aksi: string }) => l.aksi)).toEqual([
      "BUAT",
      "AJUKAN",
      "MINTA_PERBAIKAN",
      "GANTI_DOKUMEN",
      "AJUKAN",
      "VERIFIKASI",
      "PROSES",
      "LAMPIRKAN_HASIL",
      "SELESAIKAN",
    ]);
    // staff see who acted; the applicant sees "Petugas"
    expect(p.riwayat[2]).toMatchObject({ pesan: "Foto KTP buram, mohon unggah ulang.", aktor: "Staf PETUGAS" });
    const citizenView = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Pengajuan { riwayat { aktor } catatanInternal { isi } } } }`,
      { id: p.id },
      { token: c.token },
    );
    expect(citizenView.data!.node.riwayat.map((l: { aktor: string }) => l.aktor)).toEqual([
      "Pemohon",
      "Pemohon",
      "Petugas",
      "Pemohon",
      "Pemohon",
      "Petugas",
      "Petugas",
      "Petugas",
      "Petugas",
    ]);
    expect(citizenView.errors![0]!.extensions!.code).toBe("FORBIDDEN"); // internal notes are never shown to the applicant
    expect(citizenView.data!.node.catatanInternal).toBeNull();

    // the citizen downloads the result from the Log Inbox; anyone can verify it by code
    const mine = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Pengajuan { hasil { url kodeVerifikasi sha256 } } } }`,
      { id: p.id },
      { token: c.token },
    );
    const hasil = mine.data!.node.hasil[0];
    const dl = await t.app.yoga.fetch(`http://localhost${hasil.url}`, { headers: { authorization: `Bearer ${c.token}` } });
    const bytes = Buffer.from(await dl.arrayBuffer());
    // an uploaded PDF is delivered with the verification stamp on each page (tests/surat/cap-hasil.test.ts)
    expect(bytes.equals(resultPdf)).toBe(false);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(hasil.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect((await t.app.yoga.fetch(`http://localhost${hasil.url}`, { headers: { authorization: `Bearer ${stranger.token}` } })).status).toBe(404);
    expect((await t.app.yoga.fetch(`http://localhost${hasil.url}`)).status).toBe(401);
    const v = await t.gql(`query($k: String!) { verifikasiDokumen(kode: $k) { judul instansi layanan nomorRegistrasi sha256 } }`, {
      k: hasil.kodeVerifikasi.toLowerCase().replace(/-/g, ""),
    });
    expect(v.data!.verifikasiDokumen).toMatchObject({ judul: "Surat Rekomendasi Dispensasi Menikah", nomorRegistrasi: nomor, sha256: hasil.sha256 });
    expect((await t.gql(`{ verifikasiDokumen(kode: "AAAA-BBBB-CCCC") { judul } }`)).data!.verifikasiDokumen).toBeNull();

    // in-app notifications for each status change, and queued emails
    const notes = await t.db.prisma.notification.findMany({ where: { userId: c.id }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => n.kind)).toEqual(["PENGAJUAN_PERLU_PERBAIKAN", "PENGAJUAN_DIVERIFIKASI", "PENGAJUAN_DIPROSES", "PENGAJUAN_SELESAI"]);
    const mails = await t.db.prisma.outbox.findMany({ orderBy: { createdAt: "asc" } });
    expect(mails.filter((m) => (m.payload as { to: string }).to.startsWith("warga")).length).toBeGreaterThanOrEqual(6);
  });

  it("pickup at the office: ready → handed over with who collected it and the ID checked", async () => {
    const c = await activeCitizen(t);
    let p = await draft(c.token);
    p = (
      await t.gql(
        `mutation($id: ID!, $v: Int!) { updatePengajuan(id: $id, versi: $v, pengiriman: AMBIL) { ... on UpdatePengajuanSuccess { data { id versi pengiriman } } } }`,
        { id: p.id, v: p.versi },
        { token: c.token },
      )
    ).data!.updatePengajuan.data;
    expect(p.pengiriman).toBe("AMBIL");
    p = await uploadBoth(c.token, p);
    p = await ok(c.token, p, "AJUKAN");
    p = await ok(fx.petugas.token, p, "VERIFIKASI");
    p = await ok(fx.petugas.token, p, "PROSES");
    p = await ok(fx.petugas.token, p, "SIAPKAN_PENGAMBILAN");
    expect(p.status).toBe("SIAP_DIAMBIL");
    const missing = await act(fx.petugas.token, p, "SERAHKAN", { oleh: "Budi" });
    expect(missing).toMatchObject({ code: "IDENTITAS_REQUIRED", field: "identitasPengambil" });
    p = await ok(fx.petugas.token, p, "SERAHKAN", { oleh: "Budi Santoso", idt: "KTP asli a.n. pemohon" });
    expect(p.status).toBe("DIAMBIL");
    expect(p.riwayat.at(-1).pesan).toBe("Diambil oleh Budi Santoso (KTP asli a.n. pemohon)");
  });

  it("rejected with a reason; a new pengajuan from it carries the form and documents over", async () => {
    const c = await activeCitizen(t);
    let p = await draft(c.token);
    p = await uploadBoth(c.token, p);
    p = await ok(c.token, p, "AJUKAN");
    const noReason = await act(fx.admin.token, p, "TOLAK", { pesan: "" });
    expect(noReason.code).toBe("ALASAN_REQUIRED");
    p = await ok(fx.admin.token, p, "TOLAK", { pesan: "Usia calon sudah memenuhi syarat; dispensasi tidak diperlukan." });
    expect(p).toMatchObject({ status: "DITOLAK", alasanTolak: "Usia calon sudah memenuhi syarat; dispensasi tidak diperlukan.", aksiTersedia: [] });
    const again = await t.gql(CREATE, { l: fx.layanan.id, dari: p.id }, { token: c.token });
    const q = again.data!.createPengajuan.data;
    expect(q.status).toBe("DRAFT");
    expect(q.formData).toEqual(p.formData);
    expect(q.dokumen.map((d: { sha256: string }) => d.sha256)).toEqual(p.dokumen.map((d: { sha256: string }) => d.sha256));
    expect((await ok(c.token, q, "AJUKAN")).status).toBe("DIAJUKAN");
  });

  it("the citizen can cancel before processing, not after", async () => {
    const c = await activeCitizen(t);
    let p = await uploadBoth(c.token, await draft(c.token));
    p = await ok(c.token, p, "AJUKAN");
    p = await ok(fx.petugas.token, p, "VERIFIKASI");
    const q = await ok(fx.petugas.token, p, "PROSES");
    const late = await act(c.token, q, "BATALKAN");
    expect(late).toMatchObject({ __typename: "InvalidStateError", code: "ILLEGAL_TRANSITION" });
    const p2 = await ok(c.token, await draft(c.token), "BATALKAN");
    expect(p2.status).toBe("DIBATALKAN");
  });
});

describe("bad input: a specific error and nothing half-written", () => {
  it.each([
    [
      "content that is not what its name says",
      "FILE_TYPE_NOT_ALLOWED",
      { name: "ktp.png", type: "image/png", content: Buffer.from("MZ\x90\x00 this is a windows program", "latin1") },
      0,
    ],
    ["a PNG for a PDF-only slot", "FILE_TYPE_NOT_ALLOWED", { name: "surat.pdf", type: "application/pdf", content: PNG_1X1 }, 1],
    [
      "a file over the slot's limit",
      "FILE_TOO_LARGE",
      { name: "surat.pdf", type: "application/pdf", content: Buffer.concat([tinyPdf(), Buffer.alloc(150_000, 32)]) },
      1,
    ],
    ["an empty file", "FILE_EMPTY", { name: "ktp.pdf", content: Buffer.alloc(0) }, 0],
  ] as const)("%s → %s", async (_label, code, file, slot) => {
    const c = await activeCitizen(t);
    const p = await draft(c.token);
    const filesBefore = storedFiles().length;
    const rowsBefore = await t.db.prisma.storedFile.count();
    const r = await upload(
      t,
      UPLOAD,
      { id: p.id, v: p.versi, berkas: [{ persyaratanId: fx.slots[slot]!.id, file: null }] },
      { "berkas.0.file": file },
      { token: c.token },
    );
    expect(r.data!.uploadDokumenPengajuan).toMatchObject({ __typename: "ValidationError", code, field: "berkas.0.file" });
    expect(r.data!.uploadDokumenPengajuan.message).toMatch(/[a-z]/);
    expect(await t.db.prisma.storedFile.count()).toBe(rowsBefore);
    expect(storedFiles().length).toBe(filesBefore);
  });

  it("a good file beside a bad one stores neither", async () => {
    const c = await activeCitizen(t);
    const p = await draft(c.token);
    const filesBefore = storedFiles().length;
    const r = await upload(
      t,
      UPLOAD,
      {
        id: p.id,
        v: p.versi,
        berkas: [
          { persyaratanId: fx.slots[0]!.id, file: null },
          { persyaratanId: fx.slots[1]!.id, file: null },
        ],
      },
      {
        "berkas.0.file": { name: "ktp-unik.pdf", content: tinyPdf(`unik ${Date.now()}`) },
        "berkas.1.file": { name: "x.pdf", content: Buffer.from("not a pdf at all") },
      },
      { token: c.token },
    );
    expect(r.data!.uploadDokumenPengajuan.code).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(storedFiles().length).toBe(filesBefore);
    expect(await t.db.prisma.dokumenPengajuan.count({ where: { pengajuanId: Buffer.from(p.id, "base64").toString().split(":")[1] } })).toBe(0);
  });

  it("a slot that does not exist, too many files, and another citizen's pengajuan", async () => {
    const c = await activeCitizen(t);
    const p = await draft(c.token);
    const foreignSlot = Buffer.from("PersyaratanDokumen:00000000-0000-4000-8000-000000000000").toString("base64");
    const r = await upload(
      t,
      UPLOAD,
      { id: p.id, v: p.versi, berkas: [{ persyaratanId: foreignSlot, file: null }] },
      { "berkas.0.file": { name: "a.pdf", content: tinyPdf() } },
      { token: c.token },
    );
    expect(r.data!.uploadDokumenPengajuan).toMatchObject({ code: "SLOT_NOT_FOUND", field: "berkas.0.persyaratanId" });

    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`berkas.${i}.file`, { name: `${i}.pdf`, content: tinyPdf(String(i)) }]));
    const many = await upload(
      t,
      UPLOAD,
      { id: p.id, v: p.versi, berkas: Array.from({ length: 11 }, () => ({ persyaratanId: fx.slots[0]!.id, file: null })) },
      eleven,
      { token: c.token },
    );
    expect(JSON.stringify(many)).toMatch(/TOO_MANY_FILES|limit|batas/i);

    const other = await activeCitizen(t);
    const theirs = await t.gql(UPDATE, { id: p.id, v: p.versi, f: { namaPasangan: "X" } }, { token: other.token });
    expect(theirs.data!.updatePengajuan).toMatchObject({ __typename: "NotFoundError", code: "PENGAJUAN_NOT_FOUND" });
    const read = await t.gql(`query($id: ID!) { node(id: $id) { ... on Pengajuan { status } } }`, { id: p.id }, { token: other.token });
    expect(read.data?.node ?? null).toBeNull();
  });

  it("invalid field values, missing required fields, illegal transitions, stale versions", async () => {
    const c = await activeCitizen(t);
    const bad = await t.gql(CREATE, { l: fx.layanan.id, f: { tanggalNikah: "2027-02-30" } }, { token: c.token });
    expect(bad.data!.createPengajuan).toMatchObject({ code: "FIELD_DATE_INVALID", field: "formData.tanggalNikah" });
    let p = await draft(c.token, { namaPasangan: "Ahmad" });
    p = await uploadBoth(c.token, p);
    const missing = await act(c.token, p, "AJUKAN");
    expect(missing).toMatchObject({ code: "FIELD_REQUIRED", field: "formData.tanggalNikah" });
    // a draft keeps a malformed value as typed; submitting refuses it
    p = (await t.gql(UPDATE, { id: p.id, v: p.versi, f: { tanggalNikah: "2027-03-01", nomorWa: "0812" } }, { token: c.token })).data!.updatePengajuan.data;
    expect(p.formData).toMatchObject({ nomorWa: "0812" });
    expect(await act(c.token, p, "AJUKAN")).toMatchObject({ code: "PHONE_INVALID", field: "formData.nomorWa" });
    p = (await t.gql(UPDATE, { id: p.id, v: p.versi, f: { nomorWa: "" } }, { token: c.token })).data!.updatePengajuan.data;
    expect(p.formData).not.toHaveProperty("nomorWa");
    const stale = await act(c.token, { id: p.id, versi: p.versi - 1 }, "AJUKAN");
    expect(stale).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    p = await ok(c.token, p, "AJUKAN");
    const illegal = await act(fx.petugas.token, p, "SELESAIKAN");
    expect(illegal).toMatchObject({ __typename: "InvalidStateError", code: "ILLEGAL_TRANSITION" });
    const wrongActor = await t.gql(ACT, { id: p.id, a: "VERIFIKASI", v: p.versi }, { token: c.token });
    expect(wrongActor.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const otherOffice = await createStaff(
      t,
      "PETUGAS",
      (await t.db.prisma.instansi.create({ data: { kode: `LAIN-${Date.now()}`, nama: "Instansi lain" } })).id,
    );
    const foreign = await act(otherOffice.token, p, "VERIFIKASI");
    expect(foreign).toMatchObject({ __typename: "NotFoundError" });
  });
});

describe("two officers at once", () => {
  it("one after the other on the same version: the second gets CONFLICT (version checked before the transition rule)", async () => {
    const c = await activeCitizen(t);
    let p = await uploadBoth(c.token, await draft(c.token));
    p = await ok(c.token, p, "AJUKAN");
    const officer2 = await createStaff(t, "PETUGAS", fx.instansi.id);
    await ok(fx.petugas.token, p, "VERIFIKASI");
    // both saw DIAJUKAN at this version; VERIFIKASI from DIVERIFIKASI would be illegal, but the truth is "stale"
    expect(await act(officer2.token, p, "VERIFIKASI")).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", field: "versi" });
    expect(await act(officer2.token, p, "TOLAK", { pesan: "Berkas tidak sesuai dengan persyaratan" })).toMatchObject({
      __typename: "ConflictError",
      code: "CONFLICT",
    });
  });

  it("exactly one succeeds; the other gets CONFLICT; the history has no lost or duplicated step", async () => {
    const c = await activeCitizen(t);
    let p = await uploadBoth(c.token, await draft(c.token));
    p = await ok(c.token, p, "AJUKAN");
    const officer2 = await createStaff(t, "PETUGAS", fx.instansi.id);
    const [a, b] = await Promise.all([
      t.gql(ACT, { id: p.id, a: "VERIFIKASI", v: p.versi }, { token: fx.petugas.token }),
      t.gql(ACT, { id: p.id, a: "MINTA_PERBAIKAN", v: p.versi, pesan: "Lengkapi surat pengantar" }, { token: officer2.token }),
    ]);
    const results = [a.data!.ubahStatusPengajuan, b.data!.ubahStatusPengajuan];
    expect(results.filter((r) => r.__typename === "UbahStatusPengajuanSuccess").length).toBe(1);
    expect(results.find((r) => r.__typename !== "UbahStatusPengajuanSuccess")).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    const id = Buffer.from(p.id, "base64").toString().split(":")[1]!;
    const logs = await t.db.prisma.pengajuanLog.findMany({ where: { pengajuanId: id }, orderBy: { seq: "asc" } });
    expect(logs.map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(logs.filter((l) => l.aksi === "VERIFIKASI" || l.aksi === "MINTA_PERBAIKAN").length).toBe(1);
    // the loser's notification and email went with its step: neither was written
    const notifications = await t.db.prisma.notification.findMany({ where: { userId: c.id } });
    expect(notifications.map((n) => n.kind).filter((k) => k === "PENGAJUAN_DIVERIFIKASI" || k === "PENGAJUAN_PERLU_PERBAIKAN")).toHaveLength(1);
    const { email } = await t.db.prisma.user.findUniqueOrThrow({ where: { id: c.id }, select: { email: true } });
    const mails = (await t.db.prisma.outbox.findMany({ where: { kind: "EMAIL" }, orderBy: { createdAt: "asc" } })).map(
      (o) => o.payload as { to: string; kategori: string; subject: string },
    );
    const statusMails = mails.filter((m) => m.to === email && m.kategori === "STATUS_PENGAJUAN");
    expect(statusMails.map((m) => m.subject)).toEqual([expect.stringContaining("Diajukan"), expect.stringMatching(/Diverifikasi|Perlu perbaikan/)]);
  });
});

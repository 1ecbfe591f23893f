// export-instansi → import-instansi between two installs with different keys: real databases (clones of the
// migrated template: PGlite, or PostgreSQL databases with DATABASE_URL set),
// real files on disk, the real encrypted archive.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buffer } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../helpers/db";
import type { Db } from "../../server/db/client";
import { deriveKeys, decrypt, encrypt, type Keys } from "../../server/lib/crypto";
import { identityIndex, protectIdentity, revealIdentity } from "../../server/modules/identity/protect";
import { LocalFileStorage } from "../../server/modules/files/store";
import { ensureReferenceData } from "../../server/seed";
import { exportInstansi, importInstansi, OfficeMoveError, type Manifest } from "../../server/backup/office";
import { ArchiveError, extractOfficeArchive } from "../../server/backup/office-archive";
import { CalendarStore } from "../../server/modules/calendar/service";
import { statistik } from "../../server/modules/skm/ringkasan";

const PASS = "kata-sandi-arsip-uji-2026";
const CITIZEN_NIK = "3519011708900001";

interface Install {
  db: Db;
  keys: Keys;
  storage: LocalFileStorage;
  dir: string;
}

const deps = (i: Install) => ({ prisma: i.db.prisma, keys: i.keys, storage: i.storage });
const tmp = (p: string) => fs.mkdtempSync(path.join(os.tmpdir(), p));

async function freshInstall(): Promise<Install> {
  const dir = tmp("loket-office-target-");
  // a clone of the migrated template (PGlite, or a PostgreSQL database when DATABASE_URL is set): migrating a new
  // folder per install cost ~4 s (20 s under load) for the same schema
  const db = await openTestDatabase();
  await ensureReferenceData(db.prisma);
  return { db, keys: deriveKeys(randomBytes(32)), storage: new LocalFileStorage(path.join(dir, "files")), dir };
}

async function storeBytes(inst: Install, bytes: Buffer, namaAsli: string) {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const temp = path.join(inst.dir, `up-${randomUUID()}`);
  fs.writeFileSync(temp, bytes);
  const storageKey = await inst.storage.put(temp, sha256);
  return inst.db.prisma.storedFile.create({ data: { sha256, ukuran: bytes.length, mime: "application/pdf", namaAsli, storageKey } });
}

async function createUser(
  inst: Install,
  u: { type: "NIK" | "NIP"; nomor: string; nama: string; email: string; role?: "PEMOHON" | "PETUGAS" | "ADMIN"; instansiId?: string },
) {
  const id = randomUUID();
  return inst.db.prisma.user.create({
    data: {
      id,
      ...protectIdentity(inst.keys, id, u.type, u.nomor),
      role: u.role ?? "PEMOHON",
      status: "AKTIF",
      namaLengkap: u.nama,
      email: u.email,
      telepon: "081234567890",
      passwordHash: `$argon2id$hash-of-${u.nama}`,
      instansiId: u.instansiId ?? null,
      consentTermsVersion: "1",
      consentPrivacyVersion: "1",
      consentAt: new Date(),
    },
  });
}

/** One office with everything the export covers; the citizen files a case, a complaint, a PPID request and a survey. */
async function seedOffice(inst: Install, kode: string, nama: string, citizenId: string) {
  const p = inst.db.prisma;
  const instansi = await p.instansi.create({ data: { kode, nama, prefixNomor: kode, jamLayanan: { create: [{ hari: 1, buka: 480, tutup: 960 }] } } });
  await p.penutupanInstansi.create({ data: { instansiId: instansi.id, tanggal: new Date("2026-12-24"), alasan: `Acara ${nama}` } });
  const petugas = await createUser(inst, {
    type: "NIP",
    nomor: kode === "DINSOS" ? "199002152015032002" : "198001012005011001",
    nama: `Petugas ${nama}`,
    email: `petugas@${kode.toLowerCase()}.go.id`,
    role: "PETUGAS",
    instansiId: instansi.id,
  });
  const template = await storeBytes(inst, Buffer.from(`%PDF-1.4 template ${nama}`), "template.pdf");
  const layanan = await p.layanan.create({
    data: {
      instansiId: instansi.id,
      kode: "L1",
      nama: `Layanan ${nama}`,
      slaJumlah: 5,
      slaSatuan: "HARI_KERJA",
      persyaratan: { create: [{ urutan: 1, label: "KTP", templateFileId: template.id }] },
      formFields: { create: [{ urutan: 1, nama: "alamat", label: "Alamat", tipe: "TEXT" }] },
    },
    include: { persyaratan: true },
  });
  const pengajuan = await p.pengajuan.create({
    data: {
      nomorRegistrasi: `${kode}/2026/000001`,
      layananId: layanan.id,
      instansiId: instansi.id,
      pemohonId: citizenId,
      petugasId: petugas.id,
      status: "SELESAI",
      seq: 2,
      formData: { alamat: `Jl. ${nama}` },
    },
  });
  await p.pengajuanLog.createMany({
    data: [
      { pengajuanId: pengajuan.id, seq: 1, aksi: "AJUKAN", keStatus: "DIAJUKAN", aktorId: citizenId },
      { pengajuanId: pengajuan.id, seq: 2, aksi: "SELESAI", dariStatus: "DIAJUKAN", keStatus: "SELESAI", aktorId: petugas.id, pesan: `Selesai di ${nama}` },
    ],
  });
  await p.catatanInternal.create({ data: { pengajuanId: pengajuan.id, penulisId: petugas.id, isi: `Catatan ${nama}` } });
  const ktpBytes = randomBytes(50_000);
  const ktp = await storeBytes(inst, ktpBytes, "ktp.pdf");
  await p.dokumenPengajuan.create({ data: { pengajuanId: pengajuan.id, persyaratanId: layanan.persyaratan[0]!.id, fileId: ktp.id } });
  const hasilBytes = Buffer.from(`%PDF-1.4 hasil ${nama} ${randomUUID()}`);
  const hasil = await storeBytes(inst, hasilBytes, "hasil.pdf");
  await p.hasilDokumen.create({ data: { pengajuanId: pengajuan.id, fileId: hasil.id, judul: "Surat", kodeVerifikasi: `V-${kode}-1` } });
  await p.nomorUrut.create({ data: { kunci: `${instansi.id}/2026`, terakhir: 1 } });
  // the letter register (issue 15): a voided letter, its counter and the office's pattern
  await p.polaNomorSurat.create({ data: { instansiId: instansi.id, pola: `${kode}-{nomor}/{kode}/{tahun}`, lingkup: "PER_KODE" } });
  await p.nomorSuratUrut.create({ data: { instansiId: instansi.id, tahun: 2026, kunci: "KODE:PP.00", terakhir: 1 } });
  await p.surat.create({
    data: {
      instansiId: instansi.id,
      pengajuanId: pengajuan.id,
      nomor: `${kode}-1/PP.00/2026`,
      kodeKlasifikasi: "PP.00",
      urutan: 1,
      tahun: 2026,
      tanggal: new Date("2026-12-05T00:00:00Z"),
      status: "DIBATALKAN",
      alasanBatal: "Salah ketik",
      dibatalkanAt: new Date(),
      dibatalkanOlehId: petugas.id,
      kodeVerifikasi: `SURAT${kode}`.slice(0, 16),
    },
  });

  const kategori = await p.kategoriPengaduan.create({ data: { instansiId: instansi.id, nama: `Kategori ${nama}` } });
  const aduan = await p.pengaduan.create({
    data: {
      kodeLacak: `ADU-${kode}`,
      instansiId: instansi.id,
      kategoriId: kategori.id,
      pelaporId: citizenId,
      judul: `Aduan ${nama}`,
      uraian: "Antrean lama",
      seq: 1,
    },
  });
  const aduanLog = await p.pengaduanLog.create({ data: { pengaduanId: aduan.id, seq: 1, aksi: "TERIMA", keStatus: "DITERIMA", aktorId: citizenId } });
  const bukti = await storeBytes(inst, Buffer.from(`%PDF-1.4 bukti ${nama}`), "bukti.pdf");
  await p.pengaduanLampiran.create({ data: { pengaduanId: aduan.id, logId: aduanLog.id, fileId: bukti.id } });
  const offlineId = randomUUID();
  await p.pengaduan.create({
    data: {
      id: offlineId,
      kodeLacak: `ADU-${kode}-2`,
      instansiId: instansi.id,
      kategoriId: kategori.id,
      kanal: "LANGSUNG",
      dicatatOlehId: petugas.id,
      namaPelapor: encrypt(inst.keys, `Pelapor ${nama}`, `pengaduan:${offlineId}:nama`),
      kontakPelapor: encrypt(inst.keys, "0811", `pengaduan:${offlineId}:kontak`),
      judul: "Aduan langsung",
      uraian: "Di loket",
    },
  });

  const permohonan = await p.permohonanInformasi.create({
    data: {
      nomorRegister: `PPID/${kode}/1`,
      instansiId: instansi.id,
      pemohonId: citizenId,
      rincianInformasi: `Anggaran ${nama}`,
      tujuan: "Penelitian",
      format: "SOFTCOPY",
      caraPerolehan: "EMAIL",
      tenggat: new Date("2027-01-10"),
      seq: 1,
    },
  });
  await p.permohonanLog.create({ data: { permohonanId: permohonan.id, seq: 1, aksi: "TERIMA", aktorId: citizenId } });
  await p.keberatan.create({
    data: {
      nomorRegister: `KEB/${kode}/1`,
      permohonanId: permohonan.id,
      alasan: "TIDAK_DITANGGAPI",
      uraian: "Belum dijawab",
      tenggatTanggapan: new Date("2027-02-10"),
    },
  });
  await p.pengingatTenggat.create({ data: { permohonanId: permohonan.id, keadaan: "DEKAT", tenggat: new Date("2027-01-10") } });
  await p.surveiKepuasan.create({
    data: {
      instansiId: instansi.id,
      layananId: layanan.id,
      jenisKasus: "PENGAJUAN",
      kasusId: pengajuan.id,
      respondenId: citizenId,
      u1: 4,
      u2: 4,
      u3: 3,
      u4: 4,
      u5: 4,
      u6: 4,
      u7: 4,
      u8: 4,
      u9: 4,
      komentar: `Puas ${nama}`,
    },
  });
  const client = await p.apiClient.create({
    data: { nama: `Sistem ${nama}`, instansiId: instansi.id, kontak: "it@contoh.go.id", scopes: ["TERIMA_WEBHOOK"], secretHash: "a".repeat(64) },
  });
  await p.webhookSubscription.create({
    data: { clientId: client.id, url: `https://${kode.toLowerCase()}.example/hook`, events: ["PENGAJUAN_STATUS"], secretCipher: "v1.x" },
  });
  return { instansi, petugas, layanan, pengajuan, aduan, offlineId, ktpBytes, hasilBytes, hasil, permohonan };
}

function filesIn(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => !f.startsWith(".tmp") && fs.statSync(path.join(root, f)).isFile()).sort();
}

let source: Install;
let target: Install;
let a: Awaited<ReturnType<typeof seedOffice>>;
let b: Awaited<ReturnType<typeof seedOffice>>;
let manifest: Manifest;
const work = tmp("loket-office-work-");
const archiveA = path.join(work, "disdukcapil.loket");
const archiveB = path.join(work, "dinsos.loket");

beforeAll(async () => {
  const dir = tmp("loket-office-source-");
  source = { db: await openTestDatabase(), keys: deriveKeys(randomBytes(32)), storage: new LocalFileStorage(path.join(dir, "files")), dir };
  await ensureReferenceData(source.db.prisma);
  const citizen = await createUser(source, { type: "NIK", nomor: CITIZEN_NIK, nama: "Budi Santoso", email: "budi@contoh.id" });
  a = await seedOffice(source, "DISDUKCAPIL", "Dinas Kependudukan", citizen.id);
  b = await seedOffice(source, "DINSOS", "Dinas Sosial", citizen.id);
  manifest = await exportInstansi(deps(source), { kode: "DISDUKCAPIL", file: archiveA, passphrase: PASS });
  target = await freshInstall();
}, 120_000);

afterAll(async () => {
  await source?.db.close();
  await target?.db.close();
  for (const d of [source?.dir, target?.dir, work]) if (d) fs.rmSync(d, { recursive: true, force: true });
});

describe("export-instansi", () => {
  it("writes a manifest with counts, file hashes and the source's key check value", () => {
    expect(manifest.instansi.kode).toBe("DISDUKCAPIL");
    expect(manifest.counts).toMatchObject({
      Pengajuan: 1,
      PengajuanLog: 2,
      DokumenPengajuan: 1,
      HasilDokumen: 1,
      Pengaduan: 2,
      PengaduanLampiran: 1,
      PermohonanInformasi: 1,
      Keberatan: 1,
      SurveiKepuasan: 1,
      Surat: 1,
      NomorSuratUrut: 1,
      PolaNomorSurat: 1,
      StoredFile: 4,
      User: 2,
    });
    expect(manifest.people).toEqual({ staff: 1, citizensAndOthers: 1, historyOnly: 0 });
    expect(manifest.files).toContainEqual({ sha256: createHash("sha256").update(a.ktpBytes).digest("hex"), size: a.ktpBytes.length });
    expect(manifest.sourceKeyCheck).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.schema).toMatch(/^\d{14}_/);
    expect(manifest.toRecreate.webhooks).toEqual([expect.objectContaining({ url: "https://disdukcapil.example/hook" })]);
  });

  it("is encrypted: no personal data readable without the passphrase, and a wrong one is refused", async () => {
    const raw = fs.readFileSync(archiveA);
    expect(raw.includes(Buffer.from(CITIZEN_NIK))).toBe(false);
    expect(raw.includes(Buffer.from("Budi Santoso"))).toBe(false);
    await expect(extractOfficeArchive(archiveA, "bukan-kata-sandinya", tmp("loket-office-x-"))).rejects.toThrow(ArchiveError);
  });

  it("refuses an altered archive (the GCM tag covers header and content)", async () => {
    const raw = fs.readFileSync(archiveA);
    for (const at of [raw.length - 1, raw.length - 40, Math.floor(raw.length / 2)]) {
      const bad = Buffer.from(raw);
      bad[at] = bad[at]! ^ 1;
      const file = path.join(work, `bad-${at}.loket`);
      fs.writeFileSync(file, bad);
      await expect(extractOfficeArchive(file, PASS, tmp("loket-office-x-")), `byte ${at}`).rejects.toThrow(/cannot be decrypted/);
    }
  });

  it("holds only that office: nothing of the other office's names, ids or files", async () => {
    const dir = tmp("loket-office-open-");
    await extractOfficeArchive(archiveA, PASS, dir);
    const all = (fs.readdirSync(dir, { recursive: true }) as string[])
      .filter((f) => /\.jsonl?$/.test(f))
      .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
      .join("\n");
    expect(all).toContain("Layanan Dinas Kependudukan");
    expect(all).toContain(CITIZEN_NIK); // the shared citizen, in clear inside the encrypted archive
    for (const needle of [
      "DINSOS",
      "Dinas Sosial",
      b.instansi.id,
      b.pengajuan.id,
      b.aduan.id,
      b.permohonan.id,
      b.petugas.id,
      b.layanan.id,
      "199002152015032002",
    ]) {
      expect(all, needle).not.toContain(needle);
    }
    const bHasil = createHash("sha256").update(b.hasilBytes).digest("hex");
    expect(fs.readdirSync(path.join(dir, "files"))).not.toContain(bHasil);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("refuses an unknown kode and a short passphrase", async () => {
    await expect(exportInstansi(deps(source), { kode: "TIDAK-ADA", file: path.join(work, "x"), passphrase: PASS })).rejects.toThrow(/No instansi with kode/);
    await expect(exportInstansi(deps(source), { kode: "DINSOS", file: path.join(work, "x"), passphrase: "pendek" })).rejects.toThrow(/at least 12/);
  });
});

describe("import-instansi into a fresh install", () => {
  it("brings the office's cases with their histories and documents (identical bytes), complaints, PPID and SKM", async () => {
    const summary = await importInstansi(deps(target), { file: archiveA, passphrase: PASS });
    expect(summary.users).toEqual({ created: 2, matchedByIdentity: 0, matchedByEmail: 0 });
    const p = target.db.prisma;
    const pengajuan = await p.pengajuan.findUniqueOrThrow({
      where: { id: a.pengajuan.id },
      include: { riwayat: { orderBy: { seq: "asc" } }, dokumen: { include: { file: true } }, hasil: { include: { file: true } }, catatan: true },
    });
    expect(pengajuan.nomorRegistrasi).toBe("DISDUKCAPIL/2026/000001");
    expect(pengajuan.riwayat.map((r) => r.aksi)).toEqual(["AJUKAN", "SELESAI"]);
    expect(pengajuan.catatan).toHaveLength(1);
    const bytes = async (key: string) => buffer((await target.storage.open(key)) as NodeJS.ReadableStream);
    expect((await bytes(pengajuan.dokumen[0]!.file.storageKey)).equals(a.ktpBytes)).toBe(true);
    expect((await bytes(pengajuan.hasil[0]!.file.storageKey)).equals(a.hasilBytes)).toBe(true);
    expect(await p.pengaduanLampiran.count({ where: { pengaduan: { instansiId: a.instansi.id } } })).toBe(1);
    expect(await p.keberatan.count()).toBe(1);
    expect(await p.surveiKepuasan.count()).toBe(1);
    expect(await p.layanan.findFirstOrThrow({ include: { persyaratan: { include: { templateFile: true } } } })).toMatchObject({
      nama: "Layanan Dinas Kependudukan",
    });
    // an offline reporter's name, sealed under the source key, reads under the target's
    const offline = await p.pengaduan.findUniqueOrThrow({ where: { id: a.offlineId } });
    expect(decrypt(target.keys, offline.namaPelapor!, `pengaduan:${a.offlineId}:nama`)).toBe("Pelapor Dinas Kependudukan");
    // the numbering continues after the imported cases
    expect(await p.nomorUrut.findUnique({ where: { kunci: `${a.instansi.id}/2026` } })).toMatchObject({ terakhir: 1 });
    // the letter register moves whole: the voided letter with who voided it, its counter and the pattern
    const surat = await p.surat.findFirstOrThrow({ where: { instansiId: a.instansi.id }, include: { dibatalkanOleh: true, pengajuan: true } });
    expect(surat).toMatchObject({ nomor: "DISDUKCAPIL-1/PP.00/2026", status: "DIBATALKAN", alasanBatal: "Salah ketik" });
    expect(surat.dibatalkanOleh?.role).toBe("PETUGAS");
    expect(surat.pengajuan?.nomorRegistrasi).toBe("DISDUKCAPIL/2026/000001");
    expect(await p.nomorSuratUrut.findFirstOrThrow({ where: { instansiId: a.instansi.id } })).toMatchObject({ kunci: "KODE:PP.00", terakhir: 1 });
    expect(await p.polaNomorSurat.findUniqueOrThrow({ where: { instansiId: a.instansi.id } })).toMatchObject({ lingkup: "PER_KODE" });
    // API clients come revoked; webhooks are to be re-created
    expect(await p.apiClient.findFirstOrThrow()).toMatchObject({ nama: "Sistem Dinas Kependudukan", dicabutAt: expect.any(Date) });
    expect(await p.webhookSubscription.count()).toBe(0);
    // nothing of the other office
    expect(await p.instansi.count({ where: { kode: "DINSOS" } })).toBe(0);
  });

  it("leaves the trigger-derived tables exact: queue counts equal a count from scratch, the statistics equal the source's", async () => {
    const counts = (i: Install) =>
      Promise.all([
        i.db.prisma.$queryRawUnsafe(
          `SELECT "instansiId"::text, "layananId"::text, status::text, jumlah FROM "AntrianJumlah" WHERE jumlah <> 0 ORDER BY 1, 2, 3`,
        ),
        i.db.prisma.$queryRawUnsafe(
          `SELECT "instansiId"::text, "layananId"::text, status::text, count(*)::int AS jumlah FROM "Pengajuan" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
        ),
      ]);
    const [kept, fromScratch] = await counts(target);
    expect(kept).toEqual(fromScratch);
    expect(kept).toEqual([{ instansiId: a.instansi.id, layananId: a.layanan.id, status: "SELESAI", jumlah: 1 }]);
    // the statistics of the office's year, computed on each install (their holidays are the same reference data)
    const stat = (i: Install) =>
      statistik(
        { prisma: i.db.prisma, calendars: new CalendarStore(() => i.db.prisma, { healthy: true } as never) },
        { instansiId: a.instansi.id, layananId: null, periode: "TAHUN", tahun: new Date().getUTCFullYear(), ke: 1 },
      );
    const there = await stat(source);
    expect(there).toMatchObject({ ppidMasuk: 1 });
    expect(await stat(target)).toEqual(there);
  });

  it("re-encrypts people under the new key: the staff member keeps role, office and password hash", async () => {
    const p = target.db.prisma;
    const staff = await p.user.findUniqueOrThrow({ where: { identityIndex: identityIndex(target.keys, "NIP", "198001012005011001") } });
    expect(staff).toMatchObject({ role: "PETUGAS", instansiId: a.instansi.id, passwordHash: "$argon2id$hash-of-Petugas Dinas Kependudukan" });
    expect(revealIdentity(target.keys, staff)).toBe("198001012005011001");
  });

  it("refuses the same archive again, writing nothing", async () => {
    const before = filesIn(path.join(target.dir, "files"));
    const users = await target.db.prisma.user.count();
    await expect(importInstansi(deps(target), { file: archiveA, passphrase: PASS })).rejects.toThrow(/kode "DISDUKCAPIL" already exists/);
    expect(await target.db.prisma.user.count()).toBe(users);
    expect(filesIn(path.join(target.dir, "files"))).toEqual(before);
    // the kode renamed here meanwhile: the kept ids still collide, and the import is refused in its transaction
    await target.db.prisma.instansi.update({ where: { kode: "DISDUKCAPIL" }, data: { kode: "DISDUKCAPIL-LAMA" } });
    await expect(importInstansi(deps(target), { file: archiveA, passphrase: PASS })).rejects.toThrow(/Instansi rows with the archive's ids already exist/);
    expect(await target.db.prisma.user.count()).toBe(users);
    expect(filesIn(path.join(target.dir, "files"))).toEqual(before);
    await target.db.prisma.instansi.update({ where: { kode: "DISDUKCAPIL-LAMA" }, data: { kode: "DISDUKCAPIL" } });
  });

  it("links the citizen who has cases in both offices: imported twice, the account exists once", async () => {
    await exportInstansi(deps(source), { kode: "DINSOS", file: archiveB, passphrase: PASS });
    const summary = await importInstansi(deps(target), { file: archiveB, passphrase: PASS });
    expect(summary.users).toMatchObject({ matchedByIdentity: 1, created: 1 });
    const p = target.db.prisma;
    const citizens = await p.user.findMany({ where: { identityIndex: identityIndex(target.keys, "NIK", CITIZEN_NIK) } });
    expect(citizens).toHaveLength(1);
    const cases = await p.pengajuan.findMany({ where: { pemohonId: citizens[0]!.id } });
    expect(cases.map((c) => c.id).sort()).toEqual([a.pengajuan.id, b.pengajuan.id].sort());
    expect(await p.user.count({ where: { role: "PEMOHON" } })).toBe(1);
  });
});

describe("a failing import leaves nothing behind", () => {
  it("rolls back every row and removes the files it stored", async () => {
    const other = await freshInstall();
    try {
      // another office here already uses one of the archive's complaint tracking codes: found only by the insert
      const p = other.db.prisma;
      const inst = await p.instansi.create({ data: { kode: "LAIN", nama: "Kantor Lain" } });
      const kat = await p.kategoriPengaduan.create({ data: { instansiId: inst.id, nama: "Umum" } });
      await p.pengaduan.create({ data: { kodeLacak: "ADU-DISDUKCAPIL", instansiId: inst.id, kategoriId: kat.id, judul: "x", uraian: "y" } });
      const existing = await storeBytes(other, Buffer.from(`%PDF-1.4 template Dinas Kependudukan`), "sama.pdf"); // same bytes as one in the archive
      const filesBefore = filesIn(path.join(other.dir, "files"));
      const counts = async () => [
        await p.user.count(),
        await p.instansi.count(),
        await p.pengajuan.count(),
        await p.storedFile.count(),
        await p.layanan.count(),
      ];
      const before = await counts();

      const err = await importInstansi(deps(other), { file: archiveA, passphrase: PASS }).catch((e) => e);
      expect(err).toBeInstanceOf(OfficeMoveError);
      expect(String(err.message)).toMatch(/nothing was written.*unique.*Pengaduan_kodeLacak_key/);
      expect(await counts()).toEqual(before);
      expect(await p.instansi.count({ where: { kode: "DISDUKCAPIL" } })).toBe(0);
      // the file that was already here (same content) stays; the ones this import brought are gone
      expect(filesIn(path.join(other.dir, "files"))).toEqual(filesBefore);
      expect(await other.storage.exists(existing.storageKey)).toBe(true);
    } finally {
      await other.db.close();
      fs.rmSync(other.dir, { recursive: true, force: true });
    }
  });
});

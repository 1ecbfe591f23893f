/**
 * Fixture rows for the benchmark, written directly with Prisma inside the server process (bench/server.ts
 * runs them when bench/run.ts asks over IPC). Only the set-up goes around the API; everything measured
 * goes through it. Each kind returns plain JSON.
 *
 *   livePengajuan  `count` submitted requests of one service, owned by one citizen, spread over the four
 *                  states of the cycle the live phase drives (DIAJUKAN, DIVERIFIKASI, DIPROSES,
 *                  PERLU_PERBAIKAN), each with a Log Pengajuan that matches its state
 *   drafts         `count` DRAFT requests of one service (the upload phase fills and submits them)
 *   diproses       `count` requests in process (DIPROSES, verified, the SLA clock running) of a seeded service of a
 *                  seeded office, by its kode (the letters phase makes and signs their letters)
 *   queue          an instansi of its own with an officer, a service with two slots, five citizens and
 *                  `rows` submitted requests with documents, history, deadlines (some overdue) and
 *                  assignments, like tests/pengajuan/queue.test.ts but larger
 *   citizens       `count` active citizens who log in with `password` (the login phase spreads its logins over
 *                  them: one account logging in ten times at once is throttled, as it should be)
 *   loket          an instansi of its own open every hour of every day (and no national holiday today: the bench's
 *                  database is its own), with an ADMIN and `counters` officers (PETUGAS); the counter phase sets up
 *                  its groups, counters and device keys through the API
 *   statistik      one instansi-year of `cases` pengajuan with complaints, PPID requests and SKM answers in
 *                  proportion (bench/statistik-fixture.ts), and what its statistics must say
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "../server/generated/prisma/client";
import type { PengajuanStatus } from "../server/generated/prisma/enums";
import type { Config } from "../server/config";
import type { Keys } from "../server/lib/crypto";
import { identityIndex, protectIdentity } from "../server/modules/identity/protect";
import { createStaffAccount } from "../server/modules/account/service";
import { hashPassword } from "../server/modules/auth/password";
import { MASPECI_HOURS } from "../server/modules/calendar/working-time";
import { statistikFixture } from "./statistik-fixture";

export type FixtureRequest =
  | { kind: "livePengajuan"; layananId: string; pemohonNik: string; count: number }
  | { kind: "drafts"; layananId: string; pemohonNik: string; count: number }
  | { kind: "diproses"; instansiKode: string; layananKode: string; pemohonNik: string; count: number }
  | { kind: "queue"; rows: number }
  | { kind: "citizens"; count: number; password: string }
  | { kind: "loket"; counters: number }
  | { kind: "statistik"; cases: number; seed?: number };

export interface LiveRow {
  /** database id (the GraphQL id is base64("Pengajuan:<id>")) */
  id: string;
  status: PengajuanStatus;
  versi: number;
  seq: number;
}

export interface LoketFixture {
  instansiId: string;
  admin: { nomorIdentitas: string; password: string };
  petugas: Array<{ nomorIdentitas: string; password: string }>;
}

export interface QueueFixture {
  instansiId: string;
  petugas: { nomorIdentitas: string; password: string };
  rows: number;
}

interface Deps {
  prisma: PrismaClient;
  keys: Keys;
  config: Config;
  /** the server's calendar cache forgets an instansi (or, with null, every one) */
  calendarChanged(instansiId: string | null): void;
}

export async function runFixture(deps: Deps, req: FixtureRequest): Promise<unknown> {
  switch (req.kind) {
    case "livePengajuan":
      return livePengajuan(deps, req);
    case "drafts":
      return drafts(deps, req);
    case "diproses":
      return diproses(deps, req);
    case "queue":
      return queue(deps, req);
    case "citizens":
      return citizens(deps, req);
    case "loket":
      return loket(deps, req);
    case "statistik":
      return statistikFixture(deps, req);
  }
}

const DAY = 24 * 3600_000;

async function pemohonByNik({ prisma, keys }: Deps, nik: string) {
  const user = await prisma.user.findUnique({ where: { identityIndex: identityIndex(keys, "NIK", nik) }, select: { id: true } });
  if (!user) throw new Error(`fixture: no user with the NIK ${nik}`);
  return user.id;
}

async function chunked<T>(items: T[], size: number, fn: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await fn(items.slice(i, i + size));
}

type LogRow = {
  pengajuanId: string;
  seq: number;
  aksi: string;
  dariStatus: PengajuanStatus | null;
  keStatus: PengajuanStatus;
  aktorId: string | null;
  pesan: string | null;
  createdAt: Date;
};

/** The Log Pengajuan of a request that went DRAFT → DIAJUKAN → … → `status` along the main path. */
function history(pengajuanId: string, status: PengajuanStatus, pemohonId: string, staffId: string | null, start: Date): LogRow[] {
  const path: Array<[string, PengajuanStatus | null, PengajuanStatus, "p" | "s", string | null]> = [
    ["BUAT", null, "DRAFT", "p", null],
    ["AJUKAN", "DRAFT", "DIAJUKAN", "p", null],
    ["VERIFIKASI", "DIAJUKAN", "DIVERIFIKASI", "s", null],
    ["PROSES", "DIVERIFIKASI", "DIPROSES", "s", null],
    ["MINTA_PERBAIKAN", "DIPROSES", "PERLU_PERBAIKAN", "s", "Mohon unggah ulang dokumen yang lebih jelas."],
  ];
  const upTo = path.findIndex(([, , ke]) => ke === status);
  if (upTo < 0) throw new Error(`fixture: no history for ${status}`);
  return path.slice(0, upTo + 1).map(([aksi, dariStatus, keStatus, who, pesan], i) => ({
    pengajuanId,
    seq: i + 1,
    aksi,
    dariStatus,
    keStatus,
    aktorId: who === "p" ? pemohonId : staffId,
    pesan,
    createdAt: new Date(start.getTime() + i * 60_000),
  }));
}

/** SLA fields consistent with a status (clock running in DIVERIFIKASI/DIPROSES, paused in PERLU_PERBAIKAN). */
function slaFields(status: PengajuanStatus, now: number, tenggat: Date | null) {
  if (status === "DIVERIFIKASI" || status === "DIPROSES") return { diverifikasiAt: new Date(now - DAY), slaMulaiAt: new Date(now - DAY), tenggat };
  if (status === "PERLU_PERBAIKAN") return { diverifikasiAt: new Date(now - DAY), slaSisaMenit: 900, tenggat: null };
  return {};
}

/** Active citizens with one password (hashed once: the fixture need not pay argon2 per account); their NIKs. */
async function citizens({ prisma, keys, config }: Deps, req: { count: number; password: string }): Promise<string[]> {
  const passwordHash = await hashPassword(req.password);
  const base = 10_000 + Math.floor(Math.random() * 80_000);
  const niks: string[] = [];
  for (let i = 0; i < req.count; i++) {
    const id = randomUUID();
    const nik = `3519011708${String(base + i).padStart(6, "0")}`;
    await prisma.user.create({
      data: {
        id,
        ...protectIdentity(keys, id, "NIK", nik),
        namaLengkap: `Warga Masuk ${i + 1}`,
        email: `warga.masuk.${nik}@bench.example`,
        telepon: "081300000098",
        passwordHash,
        role: "PEMOHON",
        status: "AKTIF",
        consentTermsVersion: config.termsVersion,
        consentPrivacyVersion: config.privacyVersion,
        consentAt: new Date(),
      },
    });
    niks.push(nik);
  }
  return niks;
}

const LIVE_CYCLE: PengajuanStatus[] = ["DIAJUKAN", "DIVERIFIKASI", "DIPROSES", "PERLU_PERBAIKAN"];

async function livePengajuan(deps: Deps, req: { layananId: string; pemohonNik: string; count: number }): Promise<LiveRow[]> {
  const { prisma } = deps;
  const layanan = await prisma.layanan.findUniqueOrThrow({ where: { id: req.layananId }, select: { id: true, instansiId: true } });
  const pemohonId = await pemohonByNik(deps, req.pemohonNik);
  const staff = await prisma.user.findFirst({ where: { instansiId: layanan.instansiId, role: { in: ["PETUGAS", "ADMIN"] } }, select: { id: true } });
  const now = Date.now();
  const year = new Date(now).getUTCFullYear();
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const rows: LiveRow[] = [];
  const pengajuan = [];
  const logs: LogRow[] = [];
  for (let i = 0; i < req.count; i++) {
    const id = randomUUID();
    const status = LIVE_CYCLE[i % LIVE_CYCLE.length]!;
    const start = new Date(now - 2 * DAY);
    const h = history(id, status, pemohonId, staff?.id ?? null, start);
    pengajuan.push({
      id,
      layananId: layanan.id,
      instansiId: layanan.instansiId,
      pemohonId,
      status,
      versi: 1,
      seq: h.length,
      nomorRegistrasi: `LIVE${tag}/${year}/${String(i + 1).padStart(6, "0")}`,
      diajukanAt: h[1]!.createdAt,
      ...slaFields(status, now, new Date(now + 3 * DAY)),
    });
    logs.push(...h);
    rows.push({ id, status, versi: 1, seq: h.length });
  }
  await chunked(pengajuan, 500, (data) => prisma.pengajuan.createMany({ data }));
  await chunked(logs, 2000, (data) => prisma.pengajuanLog.createMany({ data }));
  return rows;
}

async function drafts(deps: Deps, req: { layananId: string; pemohonNik: string; count: number }): Promise<Array<{ id: string; versi: number }>> {
  const { prisma } = deps;
  const layanan = await prisma.layanan.findUniqueOrThrow({ where: { id: req.layananId }, select: { id: true, instansiId: true } });
  const pemohonId = await pemohonByNik(deps, req.pemohonNik);
  const ids = Array.from({ length: req.count }, () => randomUUID());
  await chunked(ids, 500, (chunk) =>
    prisma.pengajuan.createMany({
      data: chunk.map((id) => ({ id, layananId: layanan.id, instansiId: layanan.instansiId, pemohonId, status: "DRAFT" as const, versi: 1, seq: 1 })),
    }),
  );
  await chunked(ids, 2000, (chunk) =>
    prisma.pengajuanLog.createMany({ data: chunk.map((id) => ({ pengajuanId: id, seq: 1, aksi: "BUAT", keStatus: "DRAFT" as const, aktorId: pemohonId })) }),
  );
  return ids.map((id) => ({ id, versi: 1 }));
}

async function diproses(
  deps: Deps,
  req: { instansiKode: string; layananKode: string; pemohonNik: string; count: number },
): Promise<Array<{ id: string; versi: number }>> {
  const { prisma } = deps;
  const instansi = await prisma.instansi.findUniqueOrThrow({ where: { kode: req.instansiKode }, select: { id: true } });
  const layanan = await prisma.layanan.findUniqueOrThrow({
    where: { instansiId_kode: { instansiId: instansi.id, kode: req.layananKode } },
    select: { id: true },
  });
  const pemohonId = await pemohonByNik(deps, req.pemohonNik);
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const now = new Date();
  const ids = Array.from({ length: req.count }, () => randomUUID());
  await chunked(ids, 500, (chunk) =>
    prisma.pengajuan.createMany({
      data: chunk.map((id, i) => ({
        id,
        layananId: layanan.id,
        instansiId: instansi.id,
        pemohonId,
        status: "DIPROSES" as const,
        nomorRegistrasi: `BENCH/${suffix}/${id.slice(0, 8)}${i}`,
        diajukanAt: now,
        diverifikasiAt: now,
        slaMulaiAt: now,
        tenggat: new Date(now.getTime() + 3 * DAY),
        versi: 1,
        seq: 1,
      })),
    }),
  );
  await chunked(ids, 2000, (chunk) =>
    prisma.pengajuanLog.createMany({ data: chunk.map((id) => ({ pengajuanId: id, seq: 1, aksi: "PROSES", keStatus: "DIPROSES" as const })) }),
  );
  return ids.map((id) => ({ id, versi: 1 }));
}

const QUEUE_STATUSES: PengajuanStatus[] = ["DIAJUKAN", "DIVERIFIKASI", "DIPROSES", "PERLU_PERBAIKAN"];

async function loket(deps: Deps, req: { counters: number }): Promise<LoketFixture> {
  const { prisma, keys, config } = deps;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const instansi = await prisma.instansi.create({
    data: {
      kode: `BENCH-L-${suffix}`,
      nama: `Mal Pelayanan Publik Benchmark ${suffix}`,
      zonaWaktu: "Asia/Jakarta",
      cutiBersamaLibur: false,
      jamLayanan: { create: [1, 2, 3, 4, 5, 6, 7].map((hari) => ({ hari, buka: 0, tutup: 24 * 60 - 1 })) },
    },
  });
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta" }).format(new Date());
  await prisma.hariLibur.deleteMany({ where: { tanggal: new Date(`${today}T00:00:00Z`), jenis: "LIBUR_NASIONAL" } });
  deps.calendarChanged(null);
  const password = "Pelayanan-Prima-2026";
  const people = Array.from({ length: req.counters + 1 }, (_, i) => ({
    // structurally valid NIPs (born 1986-04-1x, appointed 2011-01), unique within the fixture
    nomorIdentitas: `1986041${i % 10}2011011${String(100 + Math.floor(Math.random() * 800) + i).slice(-3)}`,
    password,
  }));
  for (const [i, person] of people.entries()) {
    await createStaffAccount(prisma, keys, config, null, {
      identityType: "NIP",
      nomorIdentitas: person.nomorIdentitas,
      namaLengkap: i === 0 ? "Admin Benchmark Loket" : `Petugas Loket ${"ABCDEFGHIJ"[i % 10]}`,
      email: `loket${i}.${suffix.toLowerCase()}@bench.example`,
      telepon: "081298765432",
      password,
      role: i === 0 ? "ADMIN" : "PETUGAS",
      instansiId: instansi.id,
    });
  }
  return { instansiId: instansi.id, admin: people[0]!, petugas: people.slice(1) };
}

async function queue(deps: Deps, req: { rows: number }): Promise<QueueFixture> {
  const { prisma, keys, config } = deps;
  const suffix = randomUUID().slice(0, 6).toUpperCase();
  const instansi = await prisma.instansi.create({
    data: {
      kode: `BENCH-Q-${suffix}`,
      nama: `Instansi Benchmark Antrian ${suffix}`,
      zonaWaktu: "Asia/Jakarta",
      jamLayanan: { create: MASPECI_HOURS.map((h) => ({ hari: h.weekday, buka: h.open, tutup: h.close })) },
    },
  });
  // a structurally valid NIP (born 1985-03-12, appointed 2010-01, male, sequence 7xx)
  const petugas = { nomorIdentitas: `198503122010011${String(700 + Math.floor(Math.random() * 300))}`, password: "Pelayanan-Prima-2026" };
  const officer = await createStaffAccount(prisma, keys, config, null, {
    identityType: "NIP",
    nomorIdentitas: petugas.nomorIdentitas,
    namaLengkap: "Petugas Benchmark Antrian",
    email: `petugas.antrian.${suffix.toLowerCase()}@bench.example`,
    telepon: "081298765432",
    password: petugas.password,
    role: "PETUGAS",
    instansiId: instansi.id,
  });
  const layanan = await prisma.layanan.create({
    data: {
      instansiId: instansi.id,
      kode: "BENCH-ANTRIAN",
      nama: "Rekomendasi Benchmark Antrian",
      slaJumlah: 5,
      slaSatuan: "HARI_KERJA",
      persyaratan: {
        create: [
          { urutan: 1, label: "KTP pemohon", jenisFile: ["application/pdf", "image/jpeg", "image/png"] },
          { urutan: 2, label: "Surat pengantar", jenisFile: ["application/pdf"] },
        ],
      },
    },
    include: { persyaratan: { orderBy: { urutan: "asc" } } },
  });
  const files = await Promise.all(
    ["ktp.pdf", "pengantar.pdf"].map((namaAsli, i) =>
      prisma.storedFile.create({
        data: { sha256: String(i).repeat(64), ukuran: 1000 + i, mime: "application/pdf", namaAsli, storageKey: `0${i}/0${i}/${String(i).repeat(64)}` },
      }),
    ),
  );
  const citizens: string[] = [];
  for (let i = 0; i < 5; i++) {
    const id = randomUUID();
    const nik = `35190117089${String(Math.floor(Math.random() * 100000)).padStart(5, "0")}`;
    await prisma.user.create({
      data: {
        id,
        ...protectIdentity(keys, id, "NIK", nik),
        namaLengkap: `Warga Antrian ${i + 1}`,
        email: `warga.antrian.${suffix.toLowerCase()}.${i}@bench.example`,
        telepon: "081300000099",
        passwordHash: "!fixture-no-login",
        role: "PEMOHON",
        status: "AKTIF",
        consentTermsVersion: config.termsVersion,
        consentPrivacyVersion: config.privacyVersion,
        consentAt: new Date(),
      },
    });
    citizens.push(id);
  }
  const now = Date.now();
  const year = new Date(now).getUTCFullYear();
  const pengajuan = [];
  const logs: LogRow[] = [];
  const dokumen: Array<{ pengajuanId: string; persyaratanId: string; fileId: string }> = [];
  for (let i = 0; i < req.rows; i++) {
    const id = randomUUID();
    const status = QUEUE_STATUSES[i % QUEUE_STATUSES.length]!;
    const pemohonId = citizens[i % citizens.length]!;
    const start = new Date(now - (req.rows - i) * 3600_000);
    const h = history(id, status, pemohonId, officer.id, start);
    // one running case in ten is overdue
    const tenggat = new Date(now + (i % 10 === 1 ? -3600_000 : (i + 1) * 3600_000));
    pengajuan.push({
      id,
      layananId: layanan.id,
      instansiId: instansi.id,
      pemohonId,
      petugasId: i % 4 === 0 ? officer.id : null,
      status,
      versi: 1,
      seq: h.length,
      nomorRegistrasi: `BQ${suffix}/${year}/${String(i + 1).padStart(6, "0")}`,
      diajukanAt: h[1]!.createdAt,
      formData: { catatan: `Pengajuan benchmark ${i + 1}` },
      ...slaFields(status, now, tenggat),
    });
    logs.push(...h);
    layanan.persyaratan.forEach((slot, s) => {
      dokumen.push({ pengajuanId: id, persyaratanId: slot.id, fileId: files[s]!.id });
    });
  }
  await chunked(pengajuan, 500, (data) => prisma.pengajuan.createMany({ data }));
  await chunked(logs, 2000, (data) => prisma.pengajuanLog.createMany({ data }));
  await chunked(dokumen, 2000, (data) => prisma.dokumenPengajuan.createMany({ data }));
  return { instansiId: instansi.id, petugas, rows: req.rows };
}

/**
 * The statistics benchmark's data: one instansi-year of cases, written in bulk inside the server process
 * (bench/fixtures.ts kind "statistik"). Deterministic (seeded PRNG) so two runs measure the same rows.
 *
 * For `cases` pengajuan (default 10,000) over twelve services of different SLAs, submitted on the office
 * calendar from 2 January until now (80 % in office hours, 20 % on the web at any hour):
 *   - each case is a story told in working time: submission, 12 % asked for a fix before verification
 *     (and resubmitted, which moves `diajukanAt` as the real service does), verification after up to ~1.3
 *     working days (the SLA clock starts: `tenggat` from the service's SLA on the calendar), processing, and
 *     completion after a share of the SLA budget (88 % on time, 12 % late), then for a third of the services
 *     SIAP_DIAMBIL → DIAMBIL; 5 % are refused at verification, 2 % cancelled, 3 % stay drafts;
 *   - the story is cut at "now": recent cases are still DIAJUKAN, PERLU_PERBAIKAN, DIVERIFIKASI, DIPROSES or
 *     SIAP_DIAMBIL (some of them overdue), with the Log Pengajuan of every step that happened;
 *   - 85 % are assigned to one of eight officers (unevenly).
 * Plus, in proportion: complaints (10 % of `cases`: six categories, five channels, "2x24 jam" deadlines,
 * evidence, logs), PPID requests (3 %: 10 working days, some extended, granted/refused, objections) and SKM
 * answers (40 % of finished pengajuan, 30 % of finished complaints and decided PPID requests).
 *
 * Rows go in with createMany in one transaction. The fixture also computes, in JavaScript with the
 * working-time module, what the statistics must say (the bench checks every response against it).
 */
import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "../server/generated/prisma/client";
import type { AlasanKeberatan, KanalPengaduan, PengaduanStatus, PengajuanStatus, PermohonanStatus, SlaSatuan } from "../server/generated/prisma/enums";
import type { Config } from "../server/config";
import type { Keys } from "../server/lib/crypto";
import { protectIdentity } from "../server/modules/identity/protect";
import { createStaffAccount } from "../server/modules/account/service";
import {
  addWorkingDays,
  addWorkingMinutes,
  buildCalendar,
  complaintFollowUpDeadline,
  isWorkingDay,
  MASPECI_HOURS,
  workingMinutesBetween,
  type OfficeCalendar,
} from "../server/modules/calendar/working-time";
import { deadline } from "../server/modules/pengajuan/sla";
import { periodBounds } from "../server/modules/skm/ikm";
import { quantile } from "../server/modules/skm/statistik";

export interface StatistikFixture {
  instansiId: string;
  tahun: number;
  /** an officer of the instansi who can log in (the staff detail phase) */
  petugas: { nomorIdentitas: string; password: string };
  counts: Record<string, number>;
  /** what statistik(instansiId, periode: TAHUN, tahun) must answer (figures that cannot change during the run) */
  expected: {
    pengajuanDiajukan: number;
    selesai: number;
    medianMenitKerja: number | null;
    p90MenitKerja: number | null;
    kepatuhanSlaPersen: number | null;
    ppidMasuk: number;
    ppidKeberatan: number;
    pengaduan: number;
    ikmResponden: number;
    /** cases completed in the year after their deadline (the staff detail's "missed the SLA") */
    melewatiSla: number;
  };
  seedSeconds: number;
}

interface Deps {
  prisma: PrismaClient;
  keys: Keys;
  config: Config;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WIB = 7 * HOUR;

/** mulberry32: small, fast, good enough for fixtures */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (lo: number, hi: number) => lo + (hi - lo) * next(),
    int: (lo: number, hi: number) => lo + Math.floor((hi - lo + 1) * next()),
    chance: (p: number) => next() < p,
    pick<T>(items: readonly T[], weights?: readonly number[]): T {
      if (!weights) return items[Math.floor(next() * items.length)]!;
      let r = next() * weights.reduce((s, w) => s + w, 0);
      for (let i = 0; i < items.length; i++) if ((r -= weights[i]!) < 0) return items[i]!;
      return items[items.length - 1]!;
    },
  };
}

const SERVICES: Array<{ kode: string; nama: string; jumlah: number; satuan: SlaSatuan; ambil: boolean; bobot: number }> = [
  { kode: "REKOM-NIKAH", nama: "Rekomendasi Dispensasi Menikah", jumlah: 3, satuan: "HARI_KERJA", ambil: true, bobot: 18 },
  { kode: "LEGALISIR", nama: "Legalisir Dokumen", jumlah: 4, satuan: "JAM_KERJA", ambil: true, bobot: 16 },
  { kode: "SKTM", nama: "Surat Keterangan Tidak Mampu", jumlah: 1, satuan: "HARI_KERJA", ambil: false, bobot: 14 },
  { kode: "DOMISILI", nama: "Surat Keterangan Domisili", jumlah: 2, satuan: "HARI_KERJA", ambil: false, bobot: 12 },
  { kode: "REKOM-HAJI", nama: "Rekomendasi Paspor Haji", jumlah: 5, satuan: "HARI_KERJA", ambil: true, bobot: 9 },
  { kode: "IZIN-MADRASAH", nama: "Izin Operasional Madrasah", jumlah: 14, satuan: "HARI_KERJA", ambil: true, bobot: 3 },
  { kode: "TANDA-DAFTAR-MT", nama: "Tanda Daftar Majelis Taklim", jumlah: 7, satuan: "HARI_KERJA", ambil: false, bobot: 5 },
  { kode: "REKOM-RUMAH-IBADAH", nama: "Rekomendasi Pendirian Rumah Ibadah", jumlah: 10, satuan: "HARI_KERJA", ambil: true, bobot: 2 },
  { kode: "SURAT-MUTASI", nama: "Surat Keterangan Pindah Madrasah", jumlah: 8, satuan: "JAM_KERJA", ambil: false, bobot: 8 },
  { kode: "KONSULTASI", nama: "Konsultasi Zakat dan Wakaf", jumlah: 90, satuan: "MENIT", ambil: false, bobot: 6 },
  { kode: "AKTA-IKRAR", nama: "Salinan Akta Ikrar Wakaf", jumlah: 3, satuan: "HARI_KERJA", ambil: true, bobot: 4 },
  { kode: "REKOM-BEASISWA", nama: "Rekomendasi Beasiswa", jumlah: 5, satuan: "HARI_KERJA", ambil: false, bobot: 3 },
];
const KATEGORI = ["Pelayanan lambat", "Sikap petugas", "Persyaratan tidak jelas", "Sarana dan prasarana", "Dugaan pungutan liar", "Informasi layanan"];
const KANAL: KanalPengaduan[] = ["WEB", "WHATSAPP", "LANGSUNG", "TELEPON", "KOTAK_SARAN"];
const KANAL_BOBOT = [55, 15, 12, 8, 10];
const OFFICER_LOAD = [22, 18, 15, 12, 10, 9, 8, 6];
const PETUGAS_NAMA = ["Siti Rahmawati", "Agus Prasetyo", "Dewi Lestari", "Bambang Sutrisno", "Nur Hidayah", "Eko Wahyudi", "Rina Marlina", "Hendra Gunawan"];

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

export async function statistikFixture(deps: Deps, req: { cases: number; seed?: number }): Promise<StatistikFixture> {
  const started = performance.now();
  const { prisma, keys, config } = deps;
  const rnd = prng(req.seed ?? 20261122);
  const now = new Date();
  const nowMs = now.getTime();
  const tahun = now.getUTCFullYear();
  const tag = randomUUID().slice(0, 6).toUpperCase();

  const instansi = await prisma.instansi.create({
    data: {
      kode: `BENCH-S-${tag}`,
      nama: `Kantor Benchmark Statistik ${tag}`,
      prefixNomor: `BS${tag}`,
      zonaWaktu: "Asia/Jakarta",
      jamLayanan: { create: MASPECI_HOURS.map((h) => ({ hari: h.weekday, buka: h.open, tutup: h.close })) },
    },
  });
  // the same calendar CalendarStore builds for this instansi
  const holidays = await prisma.hariLibur.findMany({ select: { tanggal: true, jenis: true } });
  const cal: OfficeCalendar = buildCalendar({
    timeZone: "Asia/Jakarta",
    hours: MASPECI_HOURS,
    holidays: holidays.map((h) => ({ date: h.tanggal.toISOString().slice(0, 10), kind: h.jenis })),
    cutiBersamaLibur: true,
    closures: [],
  });

  // people: one officer who logs in (argon2 once), seven more and an admin written directly, 300 citizens
  const petugas = { nomorIdentitas: `198703142011011${String(100 + rnd.int(0, 899))}`, password: "Pelayanan-Prima-2026" };
  const loginOfficer = await createStaffAccount(prisma, keys, config, null, {
    identityType: "NIP",
    nomorIdentitas: petugas.nomorIdentitas,
    namaLengkap: PETUGAS_NAMA[0]!,
    email: `petugas1.${tag.toLowerCase()}@bench.example`,
    telepon: "081298765401",
    password: petugas.password,
    role: "PETUGAS",
    instansiId: instansi.id,
  });
  const person = (id: string, type: "NIK" | "NIP", nomor: string, namaLengkap: string, role: "PEMOHON" | "PETUGAS" | "ADMIN", i: number) => ({
    id,
    ...protectIdentity(keys, id, type, nomor),
    namaLengkap,
    email: `${role.toLowerCase()}.${i}.${tag.toLowerCase()}@bench.example`,
    telepon: "081300000099",
    passwordHash: "!fixture-no-login",
    role,
    status: "AKTIF" as const,
    instansiId: role === "PEMOHON" ? null : instansi.id,
    consentTermsVersion: config.termsVersion,
    consentPrivacyVersion: config.privacyVersion,
    consentAt: new Date(nowMs - 400 * DAY),
  });
  const officers = [loginOfficer.id];
  const users = [];
  for (let i = 2; i <= OFFICER_LOAD.length; i++) {
    const id = randomUUID();
    officers.push(id);
    users.push(person(id, "NIP", `19880${i}152012012${String(rnd.int(100, 999))}`.slice(0, 18), PETUGAS_NAMA[i - 1]!, "PETUGAS", i));
  }
  const adminId = randomUUID();
  users.push(person(adminId, "NIP", `197905202005011${String(rnd.int(100, 999))}`, "Admin Statistik", "ADMIN", 0));
  const citizens: string[] = [];
  for (let i = 0; i < 300; i++) {
    const id = randomUUID();
    citizens.push(id);
    // Madiun (351902), born 1970–1999, serial from the index: unique within the fixture
    const nik = `351902${String(1 + (i % 28)).padStart(2, "0")}${String(1 + (i % 12)).padStart(2, "0")}${70 + (i % 30)}${String(i + 1).padStart(4, "0")}`;
    users.push(person(id, "NIK", nik, `Warga Statistik ${i + 1}`, "PEMOHON", i));
  }
  await prisma.user.createMany({ data: users });

  const layanan = SERVICES.map((s) => ({ ...s, id: randomUUID() }));
  await prisma.layanan.createMany({
    data: layanan.map((s) => ({
      id: s.id,
      instansiId: instansi.id,
      kode: s.kode,
      nama: s.nama,
      kategori: "Umum",
      slaJumlah: s.jumlah,
      slaSatuan: s.satuan,
      ambilDiKantor: s.ambil,
    })),
  });
  const kategori = KATEGORI.map((nama) => ({ id: randomUUID(), nama }));
  await prisma.kategoriPengaduan.createMany({ data: kategori.map((k) => ({ id: k.id, instansiId: instansi.id, nama: k.nama })) });
  const bukti = await prisma.storedFile.create({
    data: { sha256: "b".repeat(64), ukuran: 4096, mime: "image/jpeg", namaAsli: "bukti.jpg", storageKey: `bench/${tag}/bukti` },
  });

  // working days of the year so far, as local midnights (ms since epoch of the local date)
  const days: number[] = [];
  for (let d = Date.UTC(tahun, 0, 1); d < nowMs + WIB - DAY; d += DAY) if (isWorkingDay(cal, new Date(d).toISOString().slice(0, 10))) days.push(d);
  /** an instant in the year so far: in office hours (a random working day), or on the web at any hour */
  const submission = (officeOnly = false): Date => {
    let t: number;
    do {
      if (officeOnly || rnd.chance(0.8)) t = rnd.pick(days) + rnd.int(8 * 60, 15 * 60 + 20) * MIN - WIB;
      else t = Date.UTC(tahun, 0, 2) + rnd.next() * (nowMs - Date.UTC(tahun, 0, 2));
    } while (t >= nowMs - 30 * MIN);
    return new Date(Math.round(t / 1000) * 1000);
  };
  const plusWork = (from: Date, minutes: number) => addWorkingMinutes(cal, from, Math.max(1, Math.round(minutes))).at;
  const past = (t: Date | null | undefined): t is Date => !!t && t.getTime() <= nowMs;

  // ---------------------------------------------------------------- pengajuan
  const pengajuan: Prisma.PengajuanCreateManyInput[] = [];
  const logs: LogRow[] = [];
  const survei: Prisma.SurveiKepuasanCreateManyInput[] = [];
  const finishedMinutes: number[] = [];
  let withDeadline = 0;
  let onTime = 0;
  let melewatiSla = 0;
  let diajukan = 0;
  const [dari, sampai] = (({ dari, sampai }) => [dari.getTime(), sampai.getTime()])(periodBounds("TAHUN", tahun, 1));
  const inYear = (t: Date | null) => !!t && t.getTime() >= dari && t.getTime() < sampai;
  for (let i = 0; i < req.cases; i++) {
    const id = randomUUID();
    const svc = rnd.pick(
      layanan,
      layanan.map((s) => s.bobot),
    );
    const pemohonId = rnd.pick(citizens);
    const petugasId = rnd.chance(0.85) ? rnd.pick(officers, OFFICER_LOAD) : null;
    const staff = petugasId ?? adminId;
    const t0 = submission();
    // the story, then cut at now
    const steps: Array<{ at: Date; aksi: string; ke: PengajuanStatus; by: string; pesan?: string }> = [
      { at: new Date(t0.getTime() - rnd.int(3, 90) * MIN), aksi: "BUAT", ke: "DRAFT", by: pemohonId },
    ];
    const draft = rnd.chance(0.03);
    let tenggat: Date | null = null;
    let tv: Date | null = null;
    let ts: Date | null = null;
    let td: Date | null = null;
    let pengiriman: "UNDUH" | "AMBIL" = "UNDUH";
    if (!draft) {
      steps.push({ at: t0, aksi: "AJUKAN", ke: "DIAJUKAN", by: pemohonId });
      let start = t0;
      if (rnd.chance(0.12)) {
        const fix = plusWork(t0, rnd.between(20, 300));
        const again = new Date(fix.getTime() + rnd.between(2 * HOUR, 4 * DAY));
        steps.push({ at: fix, aksi: "MINTA_PERBAIKAN", ke: "PERLU_PERBAIKAN", by: staff, pesan: "Mohon unggah ulang KTP yang terbaca jelas." });
        steps.push({ at: again, aksi: "AJUKAN", ke: "DIAJUKAN", by: pemohonId });
        start = again;
      }
      const fate = rnd.next();
      if (fate < 0.02) {
        steps.push({ at: new Date(start.getTime() + rnd.between(HOUR, 2 * DAY)), aksi: "BATALKAN", ke: "DIBATALKAN", by: pemohonId });
      } else {
        tv = plusWork(start, rnd.between(15, 600));
        if (fate < 0.07) {
          steps.push({ at: tv, aksi: "TOLAK", ke: "DITOLAK", by: staff, pesan: "Persyaratan tidak memenuhi ketentuan." });
        } else {
          tenggat = deadline(cal, { jumlah: svc.jumlah, satuan: svc.satuan }, { mulaiAt: tv, sisaMenit: null })!.at;
          const budget = workingMinutesBetween(cal, tv, tenggat);
          const tp = plusWork(tv, Math.min(rnd.between(5, 90), budget * 0.2));
          ts = plusWork(tv, Math.max(budget * (rnd.chance(0.12) ? rnd.between(1.03, 1.9) : rnd.between(0.25, 0.98)), workingMinutesBetween(cal, tv, tp) + 1));
          steps.push({ at: tv, aksi: "VERIFIKASI", ke: "DIVERIFIKASI", by: staff });
          steps.push({ at: tp, aksi: "PROSES", ke: "DIPROSES", by: staff });
          if (svc.ambil && rnd.chance(0.6)) {
            pengiriman = "AMBIL";
            td = new Date(ts.getTime() + rnd.between(HOUR, 6 * DAY));
            steps.push({ at: ts, aksi: "SIAPKAN_PENGAMBILAN", ke: "SIAP_DIAMBIL", by: staff });
            steps.push({ at: td, aksi: "SERAHKAN", ke: "DIAMBIL", by: staff, pesan: "Diambil oleh pemohon (KTP asli diperiksa)" });
          } else {
            steps.push({ at: ts, aksi: "SELESAIKAN", ke: "SELESAI", by: staff });
          }
        }
      }
    }
    const happened = steps.filter((s) => s.at.getTime() <= nowMs);
    const status = happened[happened.length - 1]!.ke;
    const lastAjukan = [...happened].reverse().find((s) => s.aksi === "AJUKAN")?.at ?? null;
    const verified = past(tv) && status !== "DITOLAK";
    const running = status === "DIVERIFIKASI" || status === "DIPROSES";
    const selesaiAt = past(ts) ? ts : null;
    happened.forEach((s, k) => {
      logs.push({
        pengajuanId: id,
        seq: k + 1,
        aksi: s.aksi,
        dariStatus: k ? happened[k - 1]!.ke : null,
        keStatus: s.ke,
        aktorId: s.by,
        pesan: s.pesan ?? null,
        createdAt: s.at,
      });
    });
    pengajuan.push({
      id,
      nomorRegistrasi: draft ? null : `BS${tag}/${tahun}/${String(i + 1).padStart(6, "0")}`,
      layananId: svc.id,
      instansiId: instansi.id,
      pemohonId,
      petugasId: draft ? null : petugasId,
      status,
      versi: happened.length,
      seq: happened.length,
      formData: { keperluan: "Benchmark statistik" },
      pengiriman,
      diajukanAt: lastAjukan,
      diverifikasiAt: verified ? tv : null,
      slaMulaiAt: running ? tv : null,
      tenggat: verified ? tenggat : null,
      selesaiAt,
      alasanTolak: status === "DITOLAK" ? "Persyaratan tidak memenuhi ketentuan." : null,
      diambilOleh: status === "DIAMBIL" ? "Pemohon sendiri" : null,
      identitasPengambil: status === "DIAMBIL" ? "KTP asli" : null,
      diambilAt: status === "DIAMBIL" ? td : null,
      createdAt: steps[0]!.at,
    });
    // what the statistics must say
    if (status !== "DRAFT" && inYear(lastAjukan)) diajukan++;
    if (selesaiAt && lastAjukan && inYear(selesaiAt)) {
      finishedMinutes.push(workingMinutesBetween(cal, lastAjukan, selesaiAt));
      if (tenggat) {
        withDeadline++;
        if (selesaiAt.getTime() <= tenggat.getTime()) onTime++;
        else melewatiSla++;
      }
    }
    // SKM from 40 % of finished cases, some hours or days later
    const finishedAt = status === "SELESAI" ? ts : status === "DIAMBIL" ? td : status === "DITOLAK" ? happened[happened.length - 1]!.at : null;
    if (finishedAt && rnd.chance(0.4)) {
      const at = new Date(finishedAt.getTime() + rnd.between(10 * MIN, 3 * DAY));
      if (at.getTime() <= nowMs)
        survei.push(
          skm(rnd, { instansiId: instansi.id, layananId: svc.id, jenisKasus: "PENGAJUAN" as const, kasusId: id, respondenId: pemohonId, createdAt: at }),
        );
    }
  }

  // ---------------------------------------------------------------- complaints
  const aduan: Array<Prisma.PengaduanCreateManyInput & { createdAt: Date }> = [];
  const aduanLogs: Array<Prisma.PengaduanLogCreateManyInput & { id: string }> = [];
  const lampiran: Prisma.PengaduanLampiranCreateManyInput[] = [];
  const nAduan = Math.round(req.cases * 0.1);
  for (let i = 0; i < nAduan; i++) {
    const id = randomUUID();
    const kanal = rnd.pick(KANAL, KANAL_BOBOT);
    const web = kanal === "WEB";
    const t0 = submission(!web);
    const pelaporId = web ? rnd.pick(citizens) : null;
    const staff = rnd.pick(officers);
    const steps: Array<{ at: Date; aksi: string; ke: PengaduanStatus; by: string | null }> = [
      { at: t0, aksi: "DITERIMA", ke: "DITERIMA", by: web ? pelaporId : staff },
    ];
    const tv = plusWork(t0, rnd.between(10, 400));
    let tenggat: Date | null = null;
    if (rnd.chance(0.05)) steps.push({ at: tv, aksi: "TOLAK", ke: "DITOLAK", by: staff });
    else {
      tenggat = complaintFollowUpDeadline(cal, tv, "HARI_KERJA").at;
      const budget = workingMinutesBetween(cal, tv, tenggat);
      const tl = plusWork(tv, budget * (rnd.chance(0.15) ? rnd.between(1.05, 2.5) : rnd.between(0.1, 0.95)));
      steps.push({ at: tv, aksi: "VERIFIKASI", ke: "DIVERIFIKASI", by: staff });
      steps.push({ at: tl, aksi: "TINDAK_LANJUT", ke: "DITINDAKLANJUTI", by: staff });
      steps.push({ at: plusWork(tl, rnd.between(60, 5 * 450)), aksi: "SELESAIKAN", ke: "SELESAI", by: staff });
    }
    const happened = steps.filter((s) => s.at.getTime() <= nowMs);
    const last = happened[happened.length - 1]!;
    aduan.push({
      id,
      kodeLacak: `ADU-${tag}${String(i).padStart(5, "0")}`,
      instansiId: instansi.id,
      kategoriId: rnd.pick(kategori, [30, 20, 18, 14, 6, 12]).id,
      layananId: rnd.chance(0.6) ? rnd.pick(layanan).id : null,
      pelaporId,
      namaPelapor: web || rnd.chance(0.4) ? null : "Pelapor luring",
      rahasia: rnd.chance(0.05),
      kanal,
      dicatatOlehId: web ? null : staff,
      judul: "Pengaduan benchmark",
      uraian: "Uraian pengaduan untuk benchmark statistik.",
      status: last.ke,
      versi: happened.length,
      seq: happened.length,
      diverifikasiAt: happened.some((s) => s.aksi === "VERIFIKASI") ? tv : null,
      // the deadline runs from verification until the first follow-up (then it is cleared, as the service does)
      tenggat: last.ke === "DIVERIFIKASI" ? tenggat : null,
      selesaiAt: last.ke === "SELESAI" ? last.at : null,
      alasanTolak: last.ke === "DITOLAK" ? "Bukan kewenangan instansi ini." : null,
      createdAt: t0,
    });
    happened.forEach((s, k) => {
      aduanLogs.push({
        id: randomUUID(),
        pengaduanId: id,
        seq: k + 1,
        aksi: s.aksi,
        dariStatus: k ? happened[k - 1]!.ke : null,
        keStatus: s.ke,
        aktorId: s.by,
        pesan: k ? "Ditindaklanjuti oleh petugas." : null,
        createdAt: s.at,
      });
    });
    lampiran.push({ pengaduanId: id, logId: aduanLogs[aduanLogs.length - happened.length]!.id, fileId: bukti.id, createdAt: t0 });
    if ((last.ke === "SELESAI" || last.ke === "DITOLAK") && pelaporId && rnd.chance(0.3)) {
      const at = new Date(last.at.getTime() + rnd.between(HOUR, 2 * DAY));
      if (at.getTime() <= nowMs)
        survei.push(
          skm(rnd, { instansiId: instansi.id, layananId: null, jenisKasus: "PENGADUAN" as const, kasusId: id, respondenId: pelaporId, createdAt: at }),
        );
    }
  }

  // ---------------------------------------------------------------- PPID
  const ppid: Array<Prisma.PermohonanInformasiCreateManyInput & { id: string; diterimaAt: Date }> = [];
  const ppidLogs: Prisma.PermohonanLogCreateManyInput[] = [];
  const keberatan: Array<Prisma.KeberatanCreateManyInput & { permohonanId: string }> = [];
  const nPpid = Math.round(req.cases * 0.03);
  for (let i = 0; i < nPpid; i++) {
    const id = randomUUID();
    const pemohonId = rnd.pick(citizens);
    const t0 = submission(true);
    const tenggatAwal = addWorkingDays(cal, t0, 10).at;
    const extended = rnd.chance(0.1);
    const tenggat = extended ? addWorkingDays(cal, tenggatAwal, 7).at : tenggatAwal;
    const diperpanjangAt = extended ? plusWork(t0, rnd.between(5 * 450, 9 * 450)) : null;
    const decidedAt = plusWork(extended ? diperpanjangAt! : t0, rnd.between(450, 8 * 450));
    const decided = decidedAt.getTime() <= nowMs;
    const outcome = rnd.pick<PermohonanStatus>(["DIKABULKAN", "DIKABULKAN_SEBAGIAN", "DITOLAK"], [70, 16, 14]);
    const status: PermohonanStatus = decided ? outcome : past(diperpanjangAt) ? "DIPERPANJANG" : "DITERIMA";
    ppid.push({
      id,
      nomorRegister: `PPID/BS${tag}/${tahun}/${String(i + 1).padStart(5, "0")}`,
      instansiId: instansi.id,
      pemohonId,
      rincianInformasi: "Data jumlah layanan per bulan",
      tujuan: "Penelitian",
      format: rnd.chance(0.8) ? ("SOFTCOPY" as const) : ("HARDCOPY" as const),
      caraPerolehan: rnd.pick(["EMAIL", "AMBIL", "POS"] as const, [70, 25, 5]),
      status,
      versi: 1 + (past(diperpanjangAt) ? 1 : 0) + (decided ? 1 : 0),
      seq: 1 + (past(diperpanjangAt) ? 1 : 0) + (decided ? 1 : 0),
      diterimaAt: t0,
      tenggat: past(diperpanjangAt) ? tenggat : tenggatAwal,
      alasanPerpanjangan: past(diperpanjangAt) ? "Informasi perlu dihimpun dari unit lain." : null,
      diperpanjangAt: past(diperpanjangAt) ? diperpanjangAt : null,
      diputusAt: decided ? decidedAt : null,
      pasalPengecualian: decided && outcome === "DITOLAK" ? "b" : null,
      ujiKonsekuensi: decided && outcome === "DITOLAK" ? "Membuka informasi dapat menghambat proses penegakan hukum." : null,
      catatanKeputusan: decided ? "Keputusan PPID." : null,
      diputusOlehId: decided ? adminId : null,
      createdAt: t0,
    });
    ppidLogs.push({ permohonanId: id, seq: 1, aksi: "DITERIMA", aktorId: pemohonId, createdAt: t0 });
    if (past(diperpanjangAt)) ppidLogs.push({ permohonanId: id, seq: 2, aksi: "PERPANJANG", aktorId: adminId, createdAt: diperpanjangAt });
    if (decided) ppidLogs.push({ permohonanId: id, seq: past(diperpanjangAt) ? 3 : 2, aksi: outcome, aktorId: adminId, createdAt: decidedAt });
    if (decided && (outcome === "DITOLAK" ? rnd.chance(0.5) : rnd.chance(0.03))) {
      const at = new Date(decidedAt.getTime() + rnd.between(HOUR, 10 * DAY));
      if (at.getTime() <= nowMs) {
        const alasan: AlasanKeberatan = outcome === "DITOLAK" ? "PENOLAKAN" : "DITANGGAPI_TIDAK_SEBAGAIMANA_DIMINTA";
        const jawab = plusWork(at, rnd.between(3 * 450, 25 * 450));
        keberatan.push({
          nomorRegister: `KEB/BS${tag}/${tahun}/${String(keberatan.length + 1).padStart(5, "0")}`,
          permohonanId: id,
          alasan,
          uraian: "Pemohon keberatan atas jawaban PPID.",
          status: past(jawab) ? ("DITANGGAPI" as const) : ("DIAJUKAN" as const),
          diajukanAt: at,
          tenggatTanggapan: addWorkingDays(cal, at, 30).at,
          tanggapan: past(jawab) ? "Keberatan ditanggapi oleh atasan PPID." : null,
          ditanggapiAt: past(jawab) ? jawab : null,
          ditanggapiOlehId: past(jawab) ? adminId : null,
          batasSengketa: past(jawab) ? addWorkingDays(cal, jawab, 14).at : null,
          createdAt: at,
        });
      }
    }
    if (decided && rnd.chance(0.3)) {
      const at = new Date(decidedAt.getTime() + rnd.between(HOUR, 2 * DAY));
      if (at.getTime() <= nowMs)
        survei.push(
          skm(rnd, {
            instansiId: instansi.id,
            layananId: null,
            jenisKasus: "PERMOHONAN_INFORMASI" as const,
            kasusId: id,
            respondenId: pemohonId,
            createdAt: at,
          }),
        );
    }
  }

  // ---------------------------------------------------------------- write, in one transaction
  await prisma.$transaction(
    async (tx) => {
      await bulkInsert(tx, "Pengajuan", pengajuan);
      await bulkInsert(tx, "PengajuanLog", logs);
      await bulkInsert(tx, "Pengaduan", aduan);
      await bulkInsert(tx, "PengaduanLog", aduanLogs);
      await bulkInsert(tx, "PengaduanLampiran", lampiran);
      await bulkInsert(tx, "PermohonanInformasi", ppid);
      await bulkInsert(tx, "PermohonanLog", ppidLogs);
      await bulkInsert(tx, "Keberatan", keberatan);
      await bulkInsert(tx, "SurveiKepuasan", survei);
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  await prisma.$executeRawUnsafe(`ANALYZE "Pengajuan", "PengajuanLog", "Pengaduan", "PermohonanInformasi", "Keberatan", "SurveiKepuasan"`);

  finishedMinutes.sort((a, b) => a - b);
  const ppidMasuk = ppid.filter((p) => inYear(p.diterimaAt)).length;
  return {
    instansiId: instansi.id,
    tahun,
    petugas,
    counts: {
      pengajuan: pengajuan.length,
      pengajuanLog: logs.length,
      pengaduan: aduan.length,
      pengaduanLog: aduanLogs.length,
      permohonanInformasi: ppid.length,
      keberatan: keberatan.length,
      surveiKepuasan: survei.length,
      layanan: layanan.length,
      petugas: officers.length,
      warga: citizens.length,
    },
    expected: {
      pengajuanDiajukan: diajukan,
      selesai: finishedMinutes.length,
      medianMenitKerja: quantile(finishedMinutes, 0.5),
      p90MenitKerja: quantile(finishedMinutes, 0.9),
      kepatuhanSlaPersen: withDeadline ? (100 * onTime) / withDeadline : null,
      ppidMasuk,
      ppidKeberatan: keberatan.filter((k) => inYear(ppid.find((p) => p.id === k.permohonanId)!.diterimaAt)).length,
      pengaduan: aduan.filter((a) => inYear(a.createdAt)).length,
      ikmResponden: survei.filter((s) => inYear(s.createdAt as Date)).length,
      melewatiSla,
    },
    seedSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

function skm(
  rnd: ReturnType<typeof prng>,
  row: Omit<Prisma.SurveiKepuasanCreateManyInput, `u${1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9}`> & { createdAt: Date },
): Prisma.SurveiKepuasanCreateManyInput & { createdAt: Date } {
  // mostly satisfied; waiting time (u3) and facilities (u8) a little lower, as real SKM reports show
  const score = (bias: number) => {
    const r = rnd.next() + bias;
    return r < 0.03 ? 1 : r < 0.12 ? 2 : r < 0.58 ? 3 : 4;
  };
  return {
    ...row,
    u1: score(0),
    u2: score(0),
    u3: score(-0.08),
    u4: score(0.1),
    u5: score(0),
    u6: score(0.02),
    u7: score(0.04),
    u8: score(-0.05),
    u9: score(-0.02),
  };
}

type Tx = Pick<PrismaClient, "$queryRawUnsafe" | "$executeRawUnsafe">;

/**
 * INSERT … SELECT FROM jsonb_to_recordset($1): thousands of rows per statement, one parameter, the same SQL on
 * PGlite and PostgreSQL (Prisma's createMany sends a parameter per value and was ~20× slower on PGlite). The
 * column types come from the catalog; what Prisma fills in on the client (uuid ids, @updatedAt) is filled here.
 */
async function bulkInsert(tx: Tx, table: string, rows: ReadonlyArray<object>, size = 5000) {
  if (!rows.length) return;
  const types = new Map(
    (
      await tx.$queryRawUnsafe<Array<{ name: string; type: string }>>(
        `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
        `"${table}"`,
      )
    ).map((c) => [c.name, c.type]),
  );
  const now = new Date();
  const filled = rows.map((r) => ({ ...(types.has("id") ? { id: randomUUID() } : {}), ...(types.has("updatedAt") ? { updatedAt: now } : {}), ...r }));
  const columns = [...new Set(filled.flatMap((r) => Object.keys(r)))];
  const unknown = columns.filter((c) => !types.has(c));
  if (unknown.length) throw new Error(`bulkInsert: ${table} has no column ${unknown.join(", ")}`);
  const list = columns.map((c) => `"${c}"`).join(", ");
  const defs = columns.map((c) => `"${c}" ${types.get(c)}`).join(", ");
  for (let i = 0; i < filled.length; i += size) {
    await tx.$executeRawUnsafe(
      `INSERT INTO "${table}" (${list}) SELECT ${list} FROM jsonb_to_recordset($1::jsonb) AS x(${defs})`,
      JSON.stringify(filled.slice(i, i + size)),
    );
  }
}

import type { Context } from "../../context";
import type { KanalPengaduan, PengaduanStatus, PengajuanStatus } from "../../generated/prisma/enums";
import { workingMinutesBetween } from "../calendar/working-time";
import { STATUS_TENGGAT_BERJALAN, terlambat as aduanTerlambat } from "../pengaduan/rules";
import { terlambatSql, terlambatWhere } from "../pengajuan/sla";
import { periodBounds } from "./ikm";
import { kalenderParamsFor, menitKerja, tsParam, withOpenMs } from "./menit-kerja-sql";
import type { StatistikInput } from "./statistik";

/**
 * What lies behind the public statistics, for the instansi's own staff (and its API clients with
 * BACA_STATISTIK): per service and per officer, the cases overdue now and those that missed their SLA in
 * the period (registration number, service, officer, deadline, how late in working time), and the
 * complaints of the period by category and channel with the open ones. Applicants' identities never appear;
 * officers appear by name. Aggregates in the database; lists of at most `batas` rows.
 */

export interface Kinerja {
  /** submitted in the period */
  diajukan: number;
  /** completed in the period */
  selesai: number;
  medianMenitKerja: number | null;
  p90MenitKerja: number | null;
  /** completed in the period with an SLA deadline: by it, after it */
  tepatWaktu: number;
  melewatiSla: number;
  kepatuhanSlaPersen: number | null;
  /** open now (submitted, being fixed, verified or in process), whenever submitted */
  berjalan: number;
  /** running past the deadline now */
  terlambatSaatIni: number;
}

export interface KinerjaLayanan extends Kinerja {
  layanan: { id: string; kode: string; nama: string };
}

export interface KinerjaPetugas extends Kinerja {
  /** null: not assigned to anyone */
  petugas: { id: string; nama: string } | null;
}

export interface KasusTerlambat {
  pengajuanId: string;
  nomorRegistrasi: string;
  layanan: string;
  petugas: string | null;
  status: PengajuanStatus;
  tenggat: Date;
  selesaiAt: Date | null;
  /** working minutes past the deadline: until now (overdue now) or until completion (missed the SLA) */
  terlambatMenitKerja: number;
}

export interface AduanPerNama {
  nama: string;
  /** received in the period */
  jumlah: number;
  /** of those, still open (received, verified or followed up) */
  terbuka: number;
  /** of those, verified and past the follow-up deadline now */
  terlambat: number;
}

export interface AduanTerbuka {
  pengaduanId: string;
  kodeLacak: string;
  kategori: string;
  kanal: KanalPengaduan;
  status: PengaduanStatus;
  diterimaAt: Date;
  tenggat: Date | null;
  /** working minutes past the follow-up deadline, when it has passed without a follow-up */
  terlambatMenitKerja: number | null;
}

export interface StatistikDetail {
  dari: Date;
  sampai: Date;
  total: Kinerja;
  perLayanan: KinerjaLayanan[];
  perPetugas: KinerjaPetugas[];
  kasusTerlambat: KasusTerlambat[];
  kasusMelewatiSla: KasusTerlambat[];
  pengaduanPerKategori: AduanPerNama[];
  pengaduanPerKanal: AduanPerNama[];
  jumlahPengaduanTerbuka: number;
  pengaduanTerbuka: AduanTerbuka[];
}

const DAY_MS = 86_400_000;
const OPEN: PengajuanStatus[] = ["DIAJUKAN", "PERLU_PERBAIKAN", "DIVERIFIKASI", "DIPROSES"];
const ADUAN_TERBUKA: PengaduanStatus[] = ["DITERIMA", "DIVERIFIKASI", "DITINDAKLANJUTI"];
const sqlList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(", ");

type Ctx = Pick<Context, "prisma" | "calendars">;
const PER_LAYANAN = 1;
const PER_PETUGAS = 2;
const TOTAL = 3;

interface AgregatRow {
  layananId: string | null;
  petugasId: string | null;
  /** which grouping set: PER_LAYANAN, PER_PETUGAS or TOTAL (GROUPING's bit mask of the columns not grouped) */
  kelompok: number;
  diajukan: number;
  selesai: number;
  q: number[] | null;
  tepatWaktu: number;
  melewatiSla: number;
  berjalan: number;
  terlambat: number;
  diluar: number;
  awal: Date | null;
  tenggatMelewatiAwal: Date | null;
}

/** Per service, per officer and in total, in one scan (see pengajuanAgregat for the calendar span). */
async function agregat(ctx: Ctx, input: StatistikInput, dari: Date, sampai: Date, now: Date): Promise<AgregatRow[]> {
  const cal = await ctx.calendars.get(input.instansiId);
  const run = (lo: Date) => {
    const rows = `SELECT p."layananId", p."petugasId", p.status, p."diajukanAt", p."selesaiAt", p.tenggat,
              (p."diajukanAt" >= $3::timestamp AND p."diajukanAt" < $4::timestamp AND p.status <> 'DRAFT') AS periode,
              (p."selesaiAt" >= $3::timestamp AND p."selesaiAt" < $4::timestamp AND p."diajukanAt" IS NOT NULL) AS selesai,
              ${terlambatSql("p", "$5::timestamp")} AS terlambat,
              p.status IN (${sqlList(OPEN)}) AS berjalan
         FROM "Pengajuan" p
        WHERE p."instansiId" = $1::uuid AND ($2::uuid IS NULL OR p."layananId" = $2::uuid)
          AND ((p."diajukanAt" >= $3::timestamp AND p."diajukanAt" < $4::timestamp)
            OR (p."selesaiAt" >= $3::timestamp AND p."selesaiAt" < $4::timestamp)
            OR p.status IN (${sqlList(OPEN)}))`;
    const menit = `CASE WHEN f.selesai THEN ${menitKerja("f", "diajukanAt", "selesaiAt")} END`;
    return ctx.prisma.$queryRawUnsafe<AgregatRow[]>(
      `SELECT f."layananId"::text AS "layananId", f."petugasId"::text AS "petugasId",
              GROUPING(f."layananId", f."petugasId")::int AS kelompok,
              (count(*) FILTER (WHERE f.periode))::int AS diajukan,
              (count(*) FILTER (WHERE f.selesai))::int AS selesai,
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${menit}) AS q,
              (count(*) FILTER (WHERE f.selesai AND f."selesaiAt" <= f.tenggat))::int AS "tepatWaktu",
              (count(*) FILTER (WHERE f.selesai AND f."selesaiAt" > f.tenggat))::int AS "melewatiSla",
              (count(*) FILTER (WHERE f.berjalan))::int AS berjalan,
              (count(*) FILTER (WHERE f.terlambat))::int AS terlambat,
              (count(*) FILTER (WHERE f.selesai AND f."diajukanAt" < $6::timestamp))::int AS diluar,
              min(f."diajukanAt") FILTER (WHERE f.selesai) AS awal,
              min(f.tenggat) FILTER (WHERE f.selesai AND f."selesaiAt" > f.tenggat) AS "tenggatMelewatiAwal"
         FROM ${withOpenMs(rows, ["diajukanAt", "selesaiAt"], 7)} f
        GROUP BY GROUPING SETS ((f."layananId"), (f."petugasId"), ())`,
      input.instansiId,
      input.layananId,
      tsParam(dari),
      tsParam(sampai),
      tsParam(now),
      tsParam(lo),
      ...kalenderParamsFor(cal, lo, sampai),
    );
  };
  let rows = await run(new Date(dari.getTime() - 400 * DAY_MS));
  const total = rows.find((r) => r.kelompok === TOTAL);
  if (total?.diluar && total.awal) rows = await run(new Date(Math.min(total.awal.getTime(), dari.getTime())));
  return rows;
}

function kinerja(r: AgregatRow | undefined): Kinerja {
  const dengan = (r?.tepatWaktu ?? 0) + (r?.melewatiSla ?? 0);
  return {
    diajukan: r?.diajukan ?? 0,
    selesai: r?.selesai ?? 0,
    medianMenitKerja: r?.q?.[0] ?? null,
    p90MenitKerja: r?.q?.[1] ?? null,
    tepatWaktu: r?.tepatWaktu ?? 0,
    melewatiSla: r?.melewatiSla ?? 0,
    kepatuhanSlaPersen: dengan ? (100 * (r?.tepatWaktu ?? 0)) / dengan : null,
    berjalan: r?.berjalan ?? 0,
    terlambatSaatIni: r?.terlambat ?? 0,
  };
}

export async function statistikDetail(ctx: Ctx, input: StatistikInput, opts: { batas: number }, now = new Date()): Promise<StatistikDetail> {
  const { dari, sampai } = periodBounds(input.periode, input.tahun, input.ke);
  const cal = await ctx.calendars.get(input.instansiId);
  const scope = { instansiId: input.instansiId, ...(input.layananId ? { layananId: input.layananId } : {}) };
  const aduanWhere = { ...scope, createdAt: { gte: dari, lt: sampai } };
  const select = {
    id: true,
    nomorRegistrasi: true,
    status: true,
    tenggat: true,
    selesaiAt: true,
    layanan: { select: { nama: true } },
    petugas: { select: { namaLengkap: true } },
  } as const;

  const [rows, overdue, aduan, terbuka] = await Promise.all([
    agregat(ctx, input, dari, sampai, now),
    // overdue now: the earliest deadline is the latest case
    ctx.prisma.pengajuan.findMany({ where: { ...scope, ...terlambatWhere(now) }, orderBy: [{ tenggat: "asc" }, { id: "asc" }], take: opts.batas, select }),
    ctx.prisma.$queryRawUnsafe<
      Array<{ kategoriId: string | null; kanal: KanalPengaduan | null; perKanal: number; jumlah: number; terbuka: number; terlambat: number }>
    >(
      `SELECT a."kategoriId"::text AS "kategoriId", a.kanal::text AS kanal, GROUPING(a."kategoriId") AS "perKanal",
              count(*)::int AS jumlah,
              (count(*) FILTER (WHERE a.status IN (${sqlList(ADUAN_TERBUKA)})))::int AS terbuka,
              (count(*) FILTER (WHERE a.status = '${STATUS_TENGGAT_BERJALAN}' AND a.tenggat < $5::timestamp))::int AS terlambat
         FROM "Pengaduan" a
        WHERE a."instansiId" = $1::uuid AND ($2::uuid IS NULL OR a."layananId" = $2::uuid) AND a."createdAt" >= $3::timestamp AND a."createdAt" < $4::timestamp
        GROUP BY GROUPING SETS ((a."kategoriId"), (a.kanal))`,
      input.instansiId,
      input.layananId,
      tsParam(dari),
      tsParam(sampai),
      tsParam(now),
    ),
    ctx.prisma.pengaduan.findMany({
      where: { ...aduanWhere, status: { in: ADUAN_TERBUKA } },
      orderBy: [{ tenggat: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      take: opts.batas,
      select: { id: true, kodeLacak: true, kanal: true, status: true, createdAt: true, tenggat: true, kategori: { select: { nama: true } } },
    }),
  ]);

  const total = rows.find((r) => r.kelompok === TOTAL);
  // missed the SLA in the period, most late first: ordered by working time in the database
  const melewati = total?.melewatiSla ? await melewatiSla(ctx, input, dari, sampai, total.tenggatMelewatiAwal ?? dari, opts.batas) : [];

  const layananIds = rows.filter((r) => r.kelompok === PER_LAYANAN).map((r) => r.layananId!);
  const petugasIds = rows.filter((r) => r.kelompok === PER_PETUGAS && r.petugasId).map((r) => r.petugasId!);
  const [layanan, petugas, kategori] = await Promise.all([
    ctx.prisma.layanan.findMany({ where: { id: { in: layananIds } }, select: { id: true, kode: true, nama: true } }),
    ctx.prisma.user.findMany({ where: { id: { in: petugasIds } }, select: { id: true, namaLengkap: true } }),
    ctx.prisma.kategoriPengaduan.findMany({ where: { instansiId: input.instansiId }, select: { id: true, nama: true } }),
  ]);
  const layananById = new Map(layanan.map((l) => [l.id, l]));
  const namaPetugas = new Map(petugas.map((p) => [p.id, p.namaLengkap]));
  const namaKategori = new Map(kategori.map((k) => [k.id, k.nama]));
  const byName = <T extends { nama: string }>(a: T, b: T) => a.nama.localeCompare(b.nama, "id");

  return {
    dari,
    sampai,
    total: kinerja(total),
    perLayanan: rows
      .filter((r) => r.kelompok === PER_LAYANAN && layananById.has(r.layananId!))
      .map((r) => ({ layanan: layananById.get(r.layananId!)!, ...kinerja(r) }))
      .sort((a, b) => b.diajukan - a.diajukan || b.berjalan - a.berjalan || a.layanan.nama.localeCompare(b.layanan.nama, "id")),
    perPetugas: rows
      .filter((r) => r.kelompok === PER_PETUGAS)
      .map((r) => ({ petugas: r.petugasId ? { id: r.petugasId, nama: namaPetugas.get(r.petugasId) ?? "-" } : null, ...kinerja(r) }))
      // officers by name, the unassigned last
      .sort((a, b) => (a.petugas ? 0 : 1) - (b.petugas ? 0 : 1) || (a.petugas?.nama ?? "").localeCompare(b.petugas?.nama ?? "", "id")),
    kasusTerlambat: overdue.map((p) => ({
      pengajuanId: p.id,
      nomorRegistrasi: p.nomorRegistrasi ?? "-",
      layanan: p.layanan.nama,
      petugas: p.petugas?.namaLengkap ?? null,
      status: p.status,
      tenggat: p.tenggat!,
      selesaiAt: null,
      terlambatMenitKerja: workingMinutesBetween(cal, p.tenggat!, now),
    })),
    kasusMelewatiSla: melewati,
    pengaduanPerKategori: aduan
      .filter((r) => !r.perKanal)
      .map((r) => ({ nama: namaKategori.get(r.kategoriId!) ?? "-", jumlah: r.jumlah, terbuka: r.terbuka, terlambat: r.terlambat }))
      .sort(byName),
    pengaduanPerKanal: aduan
      .filter((r) => r.perKanal)
      .map((r) => ({ nama: r.kanal!, jumlah: r.jumlah, terbuka: r.terbuka, terlambat: r.terlambat }))
      .sort(byName),
    jumlahPengaduanTerbuka: aduan.filter((r) => r.perKanal).reduce((s, r) => s + r.terbuka, 0),
    pengaduanTerbuka: terbuka.map((a) => ({
      pengaduanId: a.id,
      kodeLacak: a.kodeLacak,
      kategori: a.kategori.nama,
      kanal: a.kanal,
      status: a.status,
      diterimaAt: a.createdAt,
      tenggat: a.tenggat,
      terlambatMenitKerja: aduanTerlambat(a, now) ? workingMinutesBetween(cal, a.tenggat!, now) : null,
    })),
  };
}

/** Completed in the period after the deadline, ordered by how late in working time (most first). */
async function melewatiSla(ctx: Ctx, input: StatistikInput, dari: Date, sampai: Date, tenggatAwal: Date, batas: number): Promise<KasusTerlambat[]> {
  const cal = await ctx.calendars.get(input.instansiId);
  const rows = `SELECT p.id, p."nomorRegistrasi", p.status, p.tenggat, p."selesaiAt", l.nama AS layanan, u."namaLengkap" AS petugas
       FROM "Pengajuan" p JOIN "Layanan" l ON l.id = p."layananId" LEFT JOIN "User" u ON u.id = p."petugasId"
      WHERE p."instansiId" = $1::uuid AND ($2::uuid IS NULL OR p."layananId" = $2::uuid)
        AND p."selesaiAt" >= $3::timestamp AND p."selesaiAt" < $4::timestamp AND p."diajukanAt" IS NOT NULL AND p."selesaiAt" > p.tenggat`;
  const found = await ctx.prisma.$queryRawUnsafe<
    Array<{
      id: string;
      nomorRegistrasi: string | null;
      status: PengajuanStatus;
      tenggat: Date;
      selesaiAt: Date;
      layanan: string;
      petugas: string | null;
      menit: number;
    }>
  >(
    `SELECT f.id::text AS id, f."nomorRegistrasi", f.status::text AS status, f.tenggat, f."selesaiAt", f.layanan, f.petugas, ${menitKerja("f", "tenggat", "selesaiAt")} AS menit
       FROM ${withOpenMs(rows, ["tenggat", "selesaiAt"], 6)} f
      ORDER BY menit DESC, f."selesaiAt" DESC, f.id
      LIMIT $5`,
    input.instansiId,
    input.layananId,
    tsParam(dari),
    tsParam(sampai),
    batas,
    ...kalenderParamsFor(cal, tenggatAwal, sampai),
  );
  return found.map((r) => ({
    pengajuanId: r.id,
    nomorRegistrasi: r.nomorRegistrasi ?? "-",
    layanan: r.layanan,
    petugas: r.petugas,
    status: r.status,
    tenggat: r.tenggat,
    selesaiAt: r.selesaiAt,
    terlambatMenitKerja: r.menit,
  }));
}

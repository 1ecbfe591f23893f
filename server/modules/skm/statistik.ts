import type { Context } from "../../context";
import { PengajuanStatus } from "../../generated/prisma/enums";
import { hitungIkmDariJumlah, periodBounds, type Periode } from "./ikm";
import { terlambatSql } from "../pengajuan/sla";
import { kalenderParamsFor, menitKerja, tsParam, withOpenMs } from "./menit-kerja-sql";

export interface StatistikInput {
  instansiId: string;
  layananId: string | null;
  periode: Periode;
  tahun: number;
  ke: number;
}

/** The value at quantile q (0–1) of sorted numbers, by linear interpolation between closest ranks (as percentile_cont). */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export interface Penyelesaian {
  /** completed (selesaiAt) in the period */
  selesai: number;
  /** of submission-to-completion, in working minutes */
  medianMenitKerja: number | null;
  p90MenitKerja: number | null;
  /** completed in the period with an SLA deadline, and by it */
  denganTenggat: number;
  tepatWaktu: number;
}

const DAY_MS = 86_400_000;
const SCOPE = `p."instansiId" = $1::uuid AND ($2::uuid IS NULL OR p."layananId" = $2::uuid)`;

/**
 * Requests completed in the period: how many, median and 90th percentile of submission-to-completion in
 * working minutes on the instansi calendar (percentile_cont over menit-kerja-sql.ts's working time), and SLA
 * compliance. The calendar is sent for the period and the 400 days before it; a case submitted earlier than
 * that is counted in a second pass with a calendar from its submission.
 */
export async function penyelesaian(ctx: Pick<Context, "prisma" | "calendars">, input: StatistikInput): Promise<Penyelesaian> {
  const { dari, sampai } = periodBounds(input.periode, input.tahun, input.ke);
  const cal = await ctx.calendars.get(input.instansiId);
  const rows = `SELECT p."diajukanAt", p."selesaiAt", p.tenggat FROM "Pengajuan" p
                 WHERE ${SCOPE} AND p."selesaiAt" >= $3::timestamp AND p."selesaiAt" < $4::timestamp AND p."diajukanAt" IS NOT NULL`;
  const run = async (lo: Date) => {
    const [r] = await ctx.prisma.$queryRawUnsafe<
      Array<{ selesai: number; q: number[] | null; denganTenggat: number; tepatWaktu: number; diluar: number; awal: Date | null }>
    >(
      `SELECT count(*)::int AS selesai,
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${menitKerja("f", "diajukanAt", "selesaiAt")}) AS q,
              count(f.tenggat)::int AS "denganTenggat",
              (count(*) FILTER (WHERE f."selesaiAt" <= f.tenggat))::int AS "tepatWaktu",
              (count(*) FILTER (WHERE f."diajukanAt" < $5::timestamp))::int AS diluar,
              min(f."diajukanAt") AS awal
         FROM ${withOpenMs(rows, ["diajukanAt", "selesaiAt"], 6)} f`,
      input.instansiId,
      input.layananId,
      tsParam(dari),
      tsParam(sampai),
      tsParam(lo),
      ...kalenderParamsFor(cal, lo, sampai),
    );
    return r!;
  };
  let r = await run(new Date(dari.getTime() - 400 * DAY_MS));
  if (r.diluar && r.awal) r = await run(new Date(Math.min(r.awal.getTime(), dari.getTime())));
  return { selesai: r.selesai, medianMenitKerja: r.q?.[0] ?? null, p90MenitKerja: r.q?.[1] ?? null, denganTenggat: r.denganTenggat, tepatWaktu: r.tepatWaktu };
}

// overdue now ($3): the definition of pengajuan/sla.ts
const TERLAMBAT = terlambatSql("p", "$3::timestamp");

/** Requests submitted in the period per status (those with none left out), in the order of the enum. */
async function perStatus(ctx: Pick<Context, "prisma">, input: StatistikInput) {
  const { dari, sampai } = periodBounds(input.periode, input.tahun, input.ke);
  const rows = await ctx.prisma.$queryRawUnsafe<Array<{ status: PengajuanStatus; jumlah: number }>>(
    `SELECT p.status::text AS status, count(*)::int AS jumlah
       FROM "Pengajuan" p
      WHERE ${SCOPE} AND p."diajukanAt" >= $3::timestamp AND p."diajukanAt" < $4::timestamp
      GROUP BY p.status`,
    input.instansiId,
    input.layananId,
    tsParam(dari),
    tsParam(sampai),
  );
  const order = Object.values(PengajuanStatus);
  return rows.sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status));
}

/**
 * Complaints by category and channel, PPID requests and objections, the SKM sums, the helpdesk's consultations and
 * the training sessions held of the period, in one
 * statement (six small queries cost more in round trips than in work). With a service: the complaints and PPID
 * figures are of the whole instansi, so they are left out; the SKM answers are the service's.
 */
async function aduanPpidIkm(ctx: Pick<Context, "prisma">, input: StatistikInput, dari: Date, sampai: Date) {
  const aduan = `"instansiId" = $1::uuid AND "createdAt" >= $3::timestamp AND "createdAt" < $4::timestamp AND $2::uuid IS NULL`;
  // the helpdesk's consultations of the instansi, or of the service they were about
  const konsultasi = `"instansiId" = $1::uuid AND ($2::uuid IS NULL OR "layananId" = $2::uuid)`;
  const ppid = `p."instansiId" = $1::uuid AND p."diterimaAt" >= $3::timestamp AND p."diterimaAt" < $4::timestamp AND $2::uuid IS NULL`;
  const [r] = await ctx.prisma.$queryRawUnsafe<
    Array<{
      perKategori: Array<{ nama: string; jumlah: number }>;
      perKanal: Array<{ nama: string; jumlah: number }>;
      ppid: { masuk: number; dikabulkan: number; ditolak: number; keberatan: number };
      ikm: { responden: number; jumlah: number[] };
      konsultasi: { masuk: number; dieskalasi: number; dijawab: number; terlambat: number; perKanal: Array<{ nama: string; jumlah: number }> };
      pelatihan: { sesi: number; terdaftar: number; hadir: number };
    }>
  >(
    `SELECT
       (SELECT coalesce(json_agg(json_build_object('nama', k.nama, 'jumlah', x.n) ORDER BY k.nama), '[]'::json)
          FROM (SELECT "kategoriId", count(*)::int AS n FROM "Pengaduan" WHERE ${aduan} GROUP BY "kategoriId") x
          JOIN "KategoriPengaduan" k ON k.id = x."kategoriId") AS "perKategori",
       (SELECT coalesce(json_agg(json_build_object('nama', x.kanal, 'jumlah', x.n) ORDER BY x.kanal), '[]'::json)
          FROM (SELECT kanal::text AS kanal, count(*)::int AS n FROM "Pengaduan" WHERE ${aduan} GROUP BY kanal) x) AS "perKanal",
       (SELECT json_build_object(
                 'masuk', count(*),
                 'dikabulkan', count(*) FILTER (WHERE p.status IN ('DIKABULKAN', 'DIKABULKAN_SEBAGIAN')),
                 'ditolak', count(*) FILTER (WHERE p.status = 'DITOLAK'),
                 'keberatan', (SELECT count(*) FROM "Keberatan" kb JOIN "PermohonanInformasi" p ON p.id = kb."permohonanId" WHERE ${ppid}))
          FROM "PermohonanInformasi" p WHERE ${ppid}) AS ppid,
       (SELECT json_build_object('responden', count(*), 'jumlah', json_build_array(
                 coalesce(sum(u1), 0), coalesce(sum(u2), 0), coalesce(sum(u3), 0), coalesce(sum(u4), 0), coalesce(sum(u5), 0),
                 coalesce(sum(u6), 0), coalesce(sum(u7), 0), coalesce(sum(u8), 0), coalesce(sum(u9), 0)))
          FROM "SurveiKepuasan"
         WHERE "instansiId" = $1::uuid AND ($2::uuid IS NULL OR "layananId" = $2::uuid) AND "createdAt" >= $3::timestamp AND "createdAt" < $4::timestamp) AS ikm,
       (SELECT json_build_object(
                 'masuk', (SELECT count(*) FROM "Konsultasi" WHERE ${konsultasi} AND "createdAt" >= $3::timestamp AND "createdAt" < $4::timestamp),
                 'dieskalasi', (SELECT count(*) FROM "Konsultasi" WHERE ${konsultasi} AND "createdAt" >= $3::timestamp AND "createdAt" < $4::timestamp
                                   AND "dieskalasiAt" IS NOT NULL),
                 'dijawab', (SELECT count(*) FROM "Konsultasi" WHERE ${konsultasi} AND "selesaiAt" >= $3::timestamp AND "selesaiAt" < $4::timestamp),
                 'terlambat', (SELECT count(*) FROM "Konsultasi" WHERE ${konsultasi} AND "selesaiAt" >= $3::timestamp AND "selesaiAt" < $4::timestamp
                                  AND "tenggatJawab" IS NOT NULL AND "selesaiAt" > "tenggatJawab"),
                 'perKanal', (SELECT coalesce(json_agg(json_build_object('nama', x.kanal, 'jumlah', x.n) ORDER BY x.kanal), '[]'::json)
                                FROM (SELECT kanal::text AS kanal, count(*)::int AS n FROM "Konsultasi"
                                       WHERE ${konsultasi} AND "createdAt" >= $3::timestamp AND "createdAt" < $4::timestamp GROUP BY kanal) x))) AS konsultasi,
       (SELECT json_build_object(
                 'sesi', count(DISTINCT s.id),
                 'terdaftar', count(p.id) FILTER (WHERE p.status IN ('TERDAFTAR', 'HADIR', 'TIDAK_HADIR')),
                 'hadir', count(p.id) FILTER (WHERE p.status = 'HADIR'))
          FROM "SesiPelatihan" s LEFT JOIN "PesertaPelatihan" p ON p."sesiId" = s.id
         WHERE s."instansiId" = $1::uuid AND ($2::uuid IS NULL OR s."layananId" = $2::uuid) AND s.status <> 'DIBATALKAN'
           AND s.mulai >= $3::timestamp AND s.mulai < $4::timestamp) AS pelatihan`,
    input.instansiId,
    input.layananId,
    tsParam(dari),
    tsParam(sampai),
  );
  return r!;
}

/** The figures of a period that only change when its rows change (not with the clock): what ringkasan.ts stores. */
export type StatistikPeriode = Awaited<ReturnType<typeof hitungStatistikPeriode>>;

/**
 * Aggregates of one instansi (optionally one service) over a period, computed from the rows: no personal data.
 * Everything is counted in the database; completion times in working time on the office calendar
 * (menit-kerja-sql.ts). Without "overdue now", which moves with the clock (terlambatSaatIni).
 */
export async function hitungStatistikPeriode(ctx: Pick<Context, "prisma" | "calendars">, input: StatistikInput) {
  const { dari, sampai } = periodBounds(input.periode, input.tahun, input.ke);
  const [status, done, lain] = await Promise.all([perStatus(ctx, input), penyelesaian(ctx, input), aduanPpidIkm(ctx, input, dari, sampai)]);
  return {
    pengajuanPerStatus: status.map((r) => ({ status: r.status, jumlah: r.jumlah })),
    pengajuanDiajukan: status.reduce((n, r) => n + (r.status === "DRAFT" ? 0 : r.jumlah), 0),
    selesai: done.selesai,
    medianMenitKerja: done.medianMenitKerja,
    p90MenitKerja: done.p90MenitKerja,
    kepatuhanSlaPersen: done.denganTenggat ? (100 * done.tepatWaktu) / done.denganTenggat : null,
    pengaduanPerKategori: lain.perKategori,
    pengaduanPerKanal: lain.perKanal,
    ppidDikabulkan: lain.ppid.dikabulkan,
    ppidDitolak: lain.ppid.ditolak,
    ppidMasuk: lain.ppid.masuk,
    ppidKeberatan: lain.ppid.keberatan,
    ikm: hitungIkmDariJumlah(lain.ikm.responden, lain.ikm.jumlah),
    konsultasi: lain.konsultasi,
    pelatihan: lain.pelatihan,
  };
}

/** Running requests of the instansi (or service) past their deadline at `now`, whenever submitted. */
export async function terlambatSaatIni(ctx: Pick<Context, "prisma">, input: Pick<StatistikInput, "instansiId" | "layananId">, now: Date): Promise<number> {
  const [r] = await ctx.prisma.$queryRawUnsafe<Array<{ n: number }>>(
    `SELECT count(*)::int AS n FROM "Pengajuan" p WHERE ${SCOPE} AND ${TERLAMBAT}`,
    input.instansiId,
    input.layananId,
    tsParam(now),
  );
  return r!.n;
}

/** `statistik` computed from the rows, without the stored summary (tests compare the two). */
export async function statistikDariData(ctx: Pick<Context, "prisma" | "calendars">, input: StatistikInput, now = new Date()) {
  const { dari, sampai } = periodBounds(input.periode, input.tahun, input.ke);
  const [periode, terlambat] = await Promise.all([hitungStatistikPeriode(ctx, input), terlambatSaatIni(ctx, input, now)]);
  return { dari, sampai, ...periode, terlambatSaatIni: terlambat };
}

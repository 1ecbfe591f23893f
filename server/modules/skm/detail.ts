import type { Context } from "../../context";
import type { KanalPengaduan, PengaduanStatus, PengajuanStatus } from "../../generated/prisma/enums";
import { workingMinutesBetween } from "../calendar/working-time";
import { STATUS_TENGGAT_BERJALAN, terlambat as aduanTerlambat } from "../pengaduan/rules";
import { terlambatSql, terlambatWhere } from "../pengajuan/sla";
import { periodBounds } from "./ikm";
import { kalenderParamsFor, menitKerja, tsParam, withOpenMs } from "./menit-kerja-sql";
import { ringkasanTersimpan } from "./ringkasan";
import type { StatistikInput } from "./statistik";

/**
 * What lies behind the public statistics, for the instansi's own staff (and its API clients with
 * BACA_STATISTIK): per service and per officer, the cases overdue now and those that missed their SLA in
 * the period (registration number, service, officer, deadline, how late in working time), and the
 * complaints of the period by category and channel with the open ones. Applicants' identities never appear;
 * officers appear by name. Aggregates in the database; lists of at most `batas` rows.
 *
 * The period's own figures (submitted, completed, working-time percentiles, SLA met or missed, per service
 * and per officer, and which cases missed their SLA most) are stored like `statistik`'s (ringkasan.ts: exact,
 * reused only while the instansi-year's change counter and the calendar are unchanged; the counter also moves
 * when a case's officer changes, migration 20261205121900_statistik_petugas). What moves with the clock or
 * with any open case — running and overdue now, the overdue list, complaints, names — is read on every
 * request from index ranges of open cases. At 100k cases per instansi the period scan took ~0.3–0.5 s.
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
const OPEN: PengajuanStatus[] = ["DIAJUKAN", "PERLU_PERBAIKAN", "MENUNGGU_KUNJUNGAN", "DIVERIFIKASI", "DIPROSES", "MENUNGGU_TTD"];
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
}

interface PeriodeRow extends Omit<AgregatRow, "berjalan" | "terlambat"> {
  diluar: number;
  awal: Date | null;
  tenggatMelewatiAwal: Date | null;
}

/** What is stored per instansi-year version: the period's groups and the cases most late (ids, in order). */
interface DetailPeriode {
  rows: Array<Omit<AgregatRow, "berjalan" | "terlambat">>;
  melewati: Array<{ id: string; menit: number }>;
}

/** The period's figures per service, per officer and in total, in one scan (see pengajuanAgregat for the calendar span). */
async function agregatPeriode(ctx: Ctx, input: StatistikInput, dari: Date, sampai: Date): Promise<PeriodeRow[]> {
  const cal = await ctx.calendars.get(input.instansiId);
  const run = (lo: Date) => {
    const rows = `SELECT p."layananId", p."petugasId", p."diajukanAt", p."selesaiAt", p.tenggat,
              (p."diajukanAt" >= $3::timestamp AND p."diajukanAt" < $4::timestamp AND p.status <> 'DRAFT') AS periode,
              (p."selesaiAt" >= $3::timestamp AND p."selesaiAt" < $4::timestamp AND p."diajukanAt" IS NOT NULL) AS selesai
         FROM "Pengajuan" p
        WHERE p."instansiId" = $1::uuid AND ($2::uuid IS NULL OR p."layananId" = $2::uuid)
          AND ((p."diajukanAt" >= $3::timestamp AND p."diajukanAt" < $4::timestamp)
            OR (p."selesaiAt" >= $3::timestamp AND p."selesaiAt" < $4::timestamp))`;
    const menit = `CASE WHEN f.selesai THEN ${menitKerja("f", "diajukanAt", "selesaiAt")} END`;
    return ctx.prisma.$queryRawUnsafe<PeriodeRow[]>(
      `SELECT f."layananId"::text AS "layananId", f."petugasId"::text AS "petugasId",
              GROUPING(f."layananId", f."petugasId")::int AS kelompok,
              (count(*) FILTER (WHERE f.periode))::int AS diajukan,
              (count(*) FILTER (WHERE f.selesai))::int AS selesai,
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${menit}) AS q,
              (count(*) FILTER (WHERE f.selesai AND f."selesaiAt" <= f.tenggat))::int AS "tepatWaktu",
              (count(*) FILTER (WHERE f.selesai AND f."selesaiAt" > f.tenggat))::int AS "melewatiSla",
              (count(*) FILTER (WHERE f.selesai AND f."diajukanAt" < $5::timestamp))::int AS diluar,
              min(f."diajukanAt") FILTER (WHERE f.selesai) AS awal,
              min(f.tenggat) FILTER (WHERE f.selesai AND f."selesaiAt" > f.tenggat) AS "tenggatMelewatiAwal"
         FROM ${withOpenMs(rows, ["diajukanAt", "selesaiAt"], 6)} f
        GROUP BY GROUPING SETS ((f."layananId"), (f."petugasId"), ())`,
      input.instansiId,
      input.layananId,
      tsParam(dari),
      tsParam(sampai),
      tsParam(lo),
      ...kalenderParamsFor(cal, lo, sampai),
    );
  };
  let rows = await run(new Date(dari.getTime() - 400 * DAY_MS));
  const total = rows.find((r) => r.kelompok === TOTAL);
  if (total?.diluar && total.awal) rows = await run(new Date(Math.min(total.awal.getTime(), dari.getTime())));
  return rows;
}

/** Open cases now (whenever submitted) and the overdue among them, per service, per officer and in total: an index range of open cases. */
async function agregatSaatIni(ctx: Ctx, input: StatistikInput, now: Date) {
  return ctx.prisma.$queryRawUnsafe<Array<{ layananId: string | null; petugasId: string | null; kelompok: number; berjalan: number; terlambat: number }>>(
    `SELECT p."layananId"::text AS "layananId", p."petugasId"::text AS "petugasId",
            GROUPING(p."layananId", p."petugasId")::int AS kelompok,
            count(*)::int AS berjalan,
            (count(*) FILTER (WHERE ${terlambatSql("p", "$3::timestamp")}))::int AS terlambat
       FROM "Pengajuan" p
      WHERE p."instansiId" = $1::uuid AND ($2::uuid IS NULL OR p."layananId" = $2::uuid) AND p.status IN (${sqlList(OPEN)})
      GROUP BY GROUPING SETS ((p."layananId"), (p."petugasId"), ())`,
    input.instansiId,
    input.layananId,
    tsParam(now),
  );
}

/** The period's part, stored per instansi-year version (computed on a miss). */
async function detailPeriode(ctx: Ctx, input: StatistikInput, dari: Date, sampai: Date, batas: number): Promise<DetailPeriode> {
  return ringkasanTersimpan(ctx, input, `detail:${batas}`, async () => {
    const rows = await agregatPeriode(ctx, input, dari, sampai);
    const total = rows.find((r) => r.kelompok === TOTAL);
    // missed the SLA in the period, most late first: ordered by working time in the database
    const melewati = total?.melewatiSla ? await melewatiSla(ctx, input, dari, sampai, total.tenggatMelewatiAwal ?? dari, batas) : [];
    return { rows: rows.map(({ diluar: _d, awal: _a, tenggatMelewatiAwal: _t, ...r }) => r), melewati };
  });
}

/** Both parts as the groups the answer lists: a group seen in either part, zero where the other has none. */
function gabung(periode: DetailPeriode["rows"], saatIni: Awaited<ReturnType<typeof agregatSaatIni>>): AgregatRow[] {
  const key = (r: { kelompok: number; layananId: string | null; petugasId: string | null }) =>
    r.kelompok === PER_LAYANAN ? `l:${r.layananId}` : r.kelompok === PER_PETUGAS ? `p:${r.petugasId}` : "t";
  const out = new Map<string, AgregatRow>();
  for (const r of periode) out.set(key(r), { ...r, berjalan: 0, terlambat: 0 });
  for (const r of saatIni) {
    const row = out.get(key(r));
    if (row) Object.assign(row, { berjalan: r.berjalan, terlambat: r.terlambat });
    else out.set(key(r), { ...r, diajukan: 0, selesai: 0, q: null, tepatWaktu: 0, melewatiSla: 0 });
  }
  return [...out.values()];
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

  const [periode, saatIni, overdue, aduan, terbuka] = await Promise.all([
    detailPeriode(ctx, input, dari, sampai, opts.batas),
    agregatSaatIni(ctx, input, now),
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

  const rows = gabung(periode.rows, saatIni);
  const total = rows.find((r) => r.kelompok === TOTAL);

  const layananIds = rows.filter((r) => r.kelompok === PER_LAYANAN).map((r) => r.layananId!);
  const petugasIds = rows.filter((r) => r.kelompok === PER_PETUGAS && r.petugasId).map((r) => r.petugasId!);
  // the names of services, officers and complaint categories in one statement (they are read live: a renamed
  // service or officer shows at once, while the figures stay stored)
  const [nama, melewati] = await Promise.all([
    ctx.prisma.$queryRawUnsafe<Array<{ jenis: "l" | "u" | "k"; id: string; nama: string; kode: string | null }>>(
      `SELECT 'l' AS jenis, l.id::text AS id, l.nama, l.kode FROM "Layanan" l WHERE l.id = ANY($1::uuid[])
       UNION ALL SELECT 'u', u.id::text, u."namaLengkap", NULL FROM "User" u WHERE u.id = ANY($2::uuid[])
       UNION ALL SELECT 'k', k.id::text, k.nama, NULL FROM "KategoriPengaduan" k WHERE k."instansiId" = $3::uuid`,
      `{${layananIds.join(",")}}`,
      `{${petugasIds.join(",")}}`,
      input.instansiId,
    ),
    kasusMelewati(ctx, periode.melewati),
  ]);
  const layananById = new Map(nama.filter((n) => n.jenis === "l").map((l) => [l.id, { id: l.id, kode: l.kode!, nama: l.nama }]));
  const namaPetugas = new Map(nama.filter((n) => n.jenis === "u").map((p) => [p.id, p.nama]));
  const namaKategori = new Map(nama.filter((n) => n.jenis === "k").map((k) => [k.id, k.nama]));
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

/** Completed in the period after the deadline, ordered by how late in working time (most first): ids and minutes. */
async function melewatiSla(ctx: Ctx, input: StatistikInput, dari: Date, sampai: Date, tenggatAwal: Date, batas: number): Promise<DetailPeriode["melewati"]> {
  const cal = await ctx.calendars.get(input.instansiId);
  const rows = `SELECT p.id, p.tenggat, p."selesaiAt"
       FROM "Pengajuan" p
      WHERE p."instansiId" = $1::uuid AND ($2::uuid IS NULL OR p."layananId" = $2::uuid)
        AND p."selesaiAt" >= $3::timestamp AND p."selesaiAt" < $4::timestamp AND p."diajukanAt" IS NOT NULL AND p."selesaiAt" > p.tenggat`;
  return ctx.prisma.$queryRawUnsafe<DetailPeriode["melewati"]>(
    `SELECT f.id::text AS id, ${menitKerja("f", "tenggat", "selesaiAt")} AS menit
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
}

/** The stored most-late cases as they read now (names, status), in the stored order. */
async function kasusMelewati(ctx: Ctx, melewati: DetailPeriode["melewati"]): Promise<KasusTerlambat[]> {
  if (melewati.length === 0) return [];
  const found = await ctx.prisma.pengajuan.findMany({
    where: { id: { in: melewati.map((m) => m.id) } },
    select: {
      id: true,
      nomorRegistrasi: true,
      status: true,
      tenggat: true,
      selesaiAt: true,
      layanan: { select: { nama: true } },
      petugas: { select: { namaLengkap: true } },
    },
  });
  const byId = new Map(found.map((p) => [p.id, p]));
  return melewati.flatMap((m) => {
    const p = byId.get(m.id);
    return p
      ? [
          {
            pengajuanId: p.id,
            nomorRegistrasi: p.nomorRegistrasi ?? "-",
            layanan: p.layanan.nama,
            petugas: p.petugas?.namaLengkap ?? null,
            status: p.status,
            tenggat: p.tenggat!,
            selesaiAt: p.selesaiAt,
            terlambatMenitKerja: m.menit,
          },
        ]
      : [];
  });
}

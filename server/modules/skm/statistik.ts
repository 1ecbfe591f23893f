import type { Context } from "../../context";
import type { Prisma } from "../../generated/prisma/client";
import { workingMinutesBetween } from "../calendar/working-time";
import { hitungIkm, periodBounds, type HasilIkm, type Periode, type Skor } from "./ikm";

export interface StatistikInput {
  instansiId: string;
  layananId: string | null;
  periode: Periode;
  tahun: number;
  ke: number;
}

/** The value at quantile q (0–1) of sorted numbers, by linear interpolation between closest ranks. */
export function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export async function ikmFor(ctx: Pick<Context, "prisma">, input: StatistikInput): Promise<HasilIkm | null> {
  const { dari, sampai } = periodBounds(input.periode, input.tahun, input.ke);
  const rows = await ctx.prisma.surveiKepuasan.findMany({
    where: { instansiId: input.instansiId, ...(input.layananId ? { layananId: input.layananId } : {}), createdAt: { gte: dari, lt: sampai } },
    select: { u1: true, u2: true, u3: true, u4: true, u5: true, u6: true, u7: true, u8: true, u9: true },
  });
  return hitungIkm(rows.map((r) => [r.u1, r.u2, r.u3, r.u4, r.u5, r.u6, r.u7, r.u8, r.u9] as Skor));
}

/**
 * Aggregates of one instansi (optionally one service) over a period: no personal data. Counts are grouped in
 * the database; completion times are computed in working time on the office calendar.
 */
export async function statistik(ctx: Pick<Context, "prisma" | "calendars">, input: StatistikInput) {
  const { dari, sampai } = periodBounds(input.periode, input.tahun, input.ke);
  const scope: Prisma.PengajuanWhereInput = { instansiId: input.instansiId, ...(input.layananId ? { layananId: input.layananId } : {}) };
  const inPeriod: Prisma.PengajuanWhereInput = { ...scope, diajukanAt: { gte: dari, lt: sampai } };
  const now = new Date();
  const [byStatus, finished, overdueNow, aduanKategori, aduanKanal, ppid, keberatan, ikm, kategori] = await Promise.all([
    ctx.prisma.pengajuan.groupBy({ by: ["status"], where: inPeriod, _count: { _all: true } }),
    ctx.prisma.pengajuan.findMany({
      where: { ...scope, selesaiAt: { gte: dari, lt: sampai }, diajukanAt: { not: null } },
      select: { diajukanAt: true, selesaiAt: true, tenggat: true },
    }),
    ctx.prisma.pengajuan.count({ where: { ...scope, status: { in: ["DIVERIFIKASI", "DIPROSES"] }, tenggat: { lt: now } } }),
    input.layananId ? Promise.resolve([]) : ctx.prisma.pengaduan.groupBy({ by: ["kategoriId"], where: { instansiId: input.instansiId, createdAt: { gte: dari, lt: sampai } }, _count: { _all: true } }),
    input.layananId ? Promise.resolve([]) : ctx.prisma.pengaduan.groupBy({ by: ["kanal"], where: { instansiId: input.instansiId, createdAt: { gte: dari, lt: sampai } }, _count: { _all: true } }),
    input.layananId ? Promise.resolve([]) : ctx.prisma.permohonanInformasi.groupBy({ by: ["status"], where: { instansiId: input.instansiId, diterimaAt: { gte: dari, lt: sampai } }, _count: { _all: true } }),
    input.layananId ? Promise.resolve(0) : ctx.prisma.keberatan.count({ where: { permohonan: { instansiId: input.instansiId, diterimaAt: { gte: dari, lt: sampai } } } }),
    ikmFor(ctx, input),
    ctx.prisma.kategoriPengaduan.findMany({ where: { instansiId: input.instansiId }, select: { id: true, nama: true } }),
  ]);
  const cal = await ctx.calendars.get(input.instansiId);
  const minutes = finished.map((p) => workingMinutesBetween(cal, p.diajukanAt!, p.selesaiAt!)).sort((a, b) => a - b);
  const withDeadline = finished.filter((p) => p.tenggat);
  const onTime = withDeadline.filter((p) => p.selesaiAt!.getTime() <= p.tenggat!.getTime()).length;
  const namaKategori = new Map(kategori.map((k) => [k.id, k.nama]));
  return {
    dari,
    sampai,
    pengajuanPerStatus: byStatus.map((r) => ({ status: r.status, jumlah: r._count._all })),
    pengajuanDiajukan: byStatus.reduce((s, r) => s + (r.status === "DRAFT" ? 0 : r._count._all), 0),
    selesai: finished.length,
    medianMenitKerja: quantile(minutes, 0.5),
    p90MenitKerja: quantile(minutes, 0.9),
    kepatuhanSlaPersen: withDeadline.length ? (100 * onTime) / withDeadline.length : null,
    terlambatSaatIni: overdueNow,
    pengaduanPerKategori: aduanKategori.map((r) => ({ nama: namaKategori.get(r.kategoriId) ?? "-", jumlah: r._count._all })),
    pengaduanPerKanal: aduanKanal.map((r) => ({ nama: r.kanal, jumlah: r._count._all })),
    ppidDikabulkan: ppid.filter((r) => r.status === "DIKABULKAN" || r.status === "DIKABULKAN_SEBAGIAN").reduce((s, r) => s + r._count._all, 0),
    ppidDitolak: ppid.find((r) => r.status === "DITOLAK")?._count._all ?? 0,
    ppidMasuk: ppid.reduce((s, r) => s + r._count._all, 0),
    ppidKeberatan: keberatan,
    ikm,
  };
}

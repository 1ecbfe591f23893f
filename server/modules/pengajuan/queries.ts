import type { Context } from "../../context";
import type { Prisma } from "../../generated/prisma/client";
import type { PengajuanStatus } from "../../generated/prisma/enums";
import { onlyScalars, q } from "../../lib/query";
import { ValidationError } from "../../lib/errors";
import { callerInstansiId } from "../../lib/caller";
import { explainFor, pengajuanChain } from "../calendar/deadlines";
import { CLOCK_RUNNING, STATUS_LABEL } from "./transitions";
import { terlambatWhere, tidakTerlambatWhere } from "./sla";
import { EMPAT_DIGIT, normalKodeVerifikasi } from "./rules";

/**
 * The reads of service requests: lists, the queue, public tracking and verification. Apart from service.ts,
 * which holds the state changes (one transaction each, events after commit), so each stays one screen of
 * purpose. Functions taking `query` get plugin-prisma's selection for the fields the client asked for.
 */

/** A Pothos plugin-prisma query (select/include for the fields asked for, and paging for a connection). */
type Query = object;

/** The instansi of a desk list: the one asked for, or the caller's own. */
export function deskInstansi(ctx: Context, instansiId: { id: string } | null | undefined): string {
  const id = instansiId?.id ?? callerInstansiId(ctx);
  if (!id) throw new ValidationError("INSTANSI_REQUIRED", "Pilih instansi.", "instansiId");
  return id;
}

// ---------------------------------------------------------------------------------------------------
// The applicant's own list

function myWhere(ctx: Context, status: readonly PengajuanStatus[] | null | undefined): Prisma.PengajuanWhereInput {
  return { pemohonId: ctx.viewer!.id, ...(status?.length ? { status: { in: [...status] } } : {}) };
}

export function myPengajuanCount(ctx: Context, status: readonly PengajuanStatus[] | null | undefined) {
  return ctx.prisma.pengajuan.count({ where: myWhere(ctx, status) });
}

export function myPengajuan(ctx: Context, query: Query, status: readonly PengajuanStatus[] | null | undefined) {
  return ctx.prisma.pengajuan.findMany({ ...q(query), where: myWhere(ctx, status), orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

// ---------------------------------------------------------------------------------------------------
// The staff queue

export interface AntrianFilter {
  status?: PengajuanStatus[] | null;
  layananId?: { id: string | number } | null;
  terlambat?: boolean | null;
  ditugaskanKeSaya?: boolean | null;
  diajukanDari?: Date | null;
  diajukanSampai?: Date | null;
  cari?: string | null;
}

const OPEN_STAFF: Prisma.PengajuanWhereInput["status"] = { notIn: ["DRAFT"] };

function queueWhere(ctx: Context, instansiId: string, f: AntrianFilter | null | undefined): Prisma.PengajuanWhereInput {
  const now = new Date();
  return {
    instansiId,
    status: f?.status?.length ? { in: f.status } : OPEN_STAFF,
    ...(f?.layananId ? { layananId: String(f.layananId.id) } : {}),
    // an API client is nobody's officer: "assigned to me" is empty for it
    ...(f?.ditugaskanKeSaya ? (ctx.viewer ? { petugasId: ctx.viewer.id } : { id: { in: [] } }) : {}),
    ...(f?.terlambat === true ? terlambatWhere(now) : {}),
    ...(f?.terlambat === false ? tidakTerlambatWhere(now) : {}),
    ...(f?.diajukanDari || f?.diajukanSampai
      ? { diajukanAt: { ...(f.diajukanDari ? { gte: f.diajukanDari } : {}), ...(f.diajukanSampai ? { lte: f.diajukanSampai } : {}) } }
      : {}),
    ...(f?.cari?.trim() ? { nomorRegistrasi: { contains: f.cari.trim().toUpperCase() } } : {}),
  };
}

/**
 * The number of requests in the queue. Filtered by status and service only (the usual case), it is read from
 * "AntrianJumlah" — counts per instansi, service and status that a database trigger keeps in the same transaction
 * as every change of a request (migration 20261205111311_statistik_ringkasan) — instead of counting a big office's
 * cases on every page; with any other filter the rows are counted.
 */
export async function antrianCount(ctx: Context, instansiId: string, filter: AntrianFilter | null | undefined) {
  const f = filter ?? {};
  const other = f.terlambat != null || f.ditugaskanKeSaya || f.diajukanDari || f.diajukanSampai || f.cari?.trim();
  if (other) return ctx.prisma.pengajuan.count({ where: queueWhere(ctx, instansiId, filter) });
  const [r] = await ctx.prisma.$queryRawUnsafe<Array<{ n: number }>>(
    `SELECT coalesce(sum(jumlah), 0)::int AS n FROM "AntrianJumlah"
      WHERE "instansiId" = $1::uuid AND ($2::uuid IS NULL OR "layananId" = $2::uuid)
        AND (CASE WHEN $3 = '' THEN status <> 'DRAFT' ELSE status::text = ANY(string_to_array($3, ',')) END)`,
    instansiId,
    f.layananId ? String(f.layananId.id) : null,
    (f.status ?? []).join(","),
  );
  return r!.n;
}

/** One page of the queue: overdue first (the earliest deadline), then by deadline, then the oldest submitted. */
export async function antrian(ctx: Context, query: Query, instansiId: string, filter: AntrianFilter | null | undefined) {
  // Two steps: the page's ids from the index (ORDER BY … LIMIT on plain columns), then the page's rows with
  // their relations. In one statement the database builds every nested row of the whole queue before it
  // sorts and cuts the page, so the cost grew with the queue instead of the page.
  const { take, skip, cursor, ...shape } = q(query) as { take?: number; skip?: number; cursor?: { id: string } };
  const page = await ctx.prisma.pengajuan.findMany({
    where: queueWhere(ctx, instansiId, filter),
    orderBy: [{ tenggat: { sort: "asc", nulls: "last" } }, { diajukanAt: "asc" }, { id: "asc" }],
    take,
    skip,
    cursor,
    select: { id: true },
  });
  if (page.length === 0) return [];
  const rows = await ctx.prisma.pengajuan.findMany({ ...shape, where: { id: { in: page.map((p) => p.id) } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return page.flatMap((p) => byId.get(p.id) ?? []);
}

/** Requests per status (not drafts), from the counts antrianCount reads. */
export async function antrianJumlah(ctx: Context, instansiId: string) {
  return ctx.prisma.$queryRawUnsafe<Array<{ status: PengajuanStatus; jumlah: number }>>(
    `SELECT status::text AS status, sum(jumlah)::int AS jumlah FROM "AntrianJumlah"
      WHERE "instansiId" = $1::uuid AND status <> 'DRAFT' GROUP BY status HAVING sum(jumlah) > 0 ORDER BY status`,
    instansiId,
  );
}

// ---------------------------------------------------------------------------------------------------
// Public: verification of a result document, tracking by registration number

/** Public facts about a result document by its verification code, or null when unknown. */
export async function verifikasiDokumen(ctx: Context, kode: string) {
  const h = await ctx.prisma.hasilDokumen.findUnique({
    where: { kodeVerifikasi: normalKodeVerifikasi(kode) },
    include: {
      file: { select: { sha256: true } },
      pengajuan: {
        select: {
          nomorRegistrasi: true,
          layanan: { select: { nama: true } },
          instansi: { select: { nama: true } },
          pemohon: { select: { id: true, namaLengkap: true, identityMasked: true } },
        },
      },
    },
  });
  if (!h) return null;
  return {
    judul: h.judul,
    instansi: h.pengajuan.instansi.nama,
    layanan: h.pengajuan.layanan.nama,
    nomorRegistrasi: h.pengajuan.nomorRegistrasi ?? "",
    diterbitkan: h.createdAt,
    sha256: h.file.sha256,
    hasilId: h.id,
    pemohon: h.pengajuan.pemohon,
  };
}

/** Status and dates of a request (no personal data), for whoever knows its number and the last 4 digits of the NIK/NIP. */
export async function lacak(ctx: Context, nomorRegistrasi: string, empatDigitTerakhir: string) {
  const p = await ctx.prisma.pengajuan.findUnique({
    where: { nomorRegistrasi: nomorRegistrasi.trim().toUpperCase() },
    include: {
      layanan: { select: { nama: true, slaJumlah: true, slaSatuan: true } },
      instansi: { select: { nama: true } },
      pemohon: { select: { identityMasked: true } },
      riwayat: { orderBy: { seq: "asc" } },
    },
  });
  if (!p || !EMPAT_DIGIT.test(empatDigitTerakhir) || !p.pemohon.identityMasked.endsWith(empatDigitTerakhir)) return null;
  const steps = p.riwayat.filter((l, i, all) => i === 0 || l.keStatus !== all[i - 1]!.keStatus);
  return {
    nomorRegistrasi: p.nomorRegistrasi!,
    layanan: p.layanan.nama,
    instansi: p.instansi.nama,
    status: p.status,
    statusLabel: STATUS_LABEL[p.status],
    diajukanAt: p.diajukanAt,
    tenggat: p.tenggat,
    tenggatSementara: p.tenggatSementara,
    tenggatPenjelasan: await penjelasanTenggat(ctx, p),
    riwayat: steps.map((l) => ({ status: STATUS_LABEL[l.keStatus], at: l.createdAt })),
  };
}

/** How the running deadline is computed, or null while the clock waits or after it stopped. */
export function penjelasanTenggat(
  ctx: Context,
  p: {
    status: PengajuanStatus;
    instansiId: string;
    slaMulaiAt: Date | null;
    slaSisaMenit: number | null;
    layanan: { slaJumlah: number; slaSatuan: Parameters<typeof pengajuanChain>[1]["slaSatuan"] };
  },
) {
  return CLOCK_RUNNING.includes(p.status) ? explainFor(ctx, p.instansiId, () => pengajuanChain(p, p.layanan)) : null;
}

/** A mutation's result: the row its service wrote, re-read with the selection the client asked for. */
export function reload<R extends { id: string }>(ctx: Context, query: Query, row: R) {
  // the service returns the whole row as it committed it: read again only for relations
  if (onlyScalars(query)) return row;
  return ctx.prisma.pengajuan.findUniqueOrThrow({ ...q(query), where: { id: row.id } });
}

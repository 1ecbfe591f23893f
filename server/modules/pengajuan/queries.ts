import type { Context } from "../../context";
import type { Prisma } from "../../generated/prisma/client";
import type { PengajuanStatus } from "../../generated/prisma/enums";
import { onlyScalars, q } from "../../lib/query";
import { ValidationError } from "../../lib/errors";
import { callerInstansiId } from "../../lib/caller";
import { explainFor, pengajuanChain } from "../calendar/deadlines";
import { CLOCK_RUNNING, STATUS_LABEL } from "./transitions";
import { antrianHalaman, antrianHitung, type AntrianFilter } from "./queue-page";
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

/**
 * The queue's counts per service and status of one instansi: "AntrianJumlah", which a database trigger keeps in
 * the same transaction as every change of a request (migration 20261205111311_statistik_ringkasan), instead of
 * counting a big office's cases. Read once per operation: the page's total and the tabs' counts of the same
 * query share it (one statement instead of two).
 */
type Jumlah = { layananId: string; status: PengajuanStatus; jumlah: number };
const jumlahPerOperasi = new WeakMap<Context, Map<string, Promise<Jumlah[]>>>();

function jumlahAntrianInstansi(ctx: Context, instansiId: string): Promise<Jumlah[]> {
  let perInstansi = jumlahPerOperasi.get(ctx);
  if (!perInstansi) jumlahPerOperasi.set(ctx, (perInstansi = new Map()));
  let rows = perInstansi.get(instansiId);
  if (!rows) {
    rows = ctx.prisma.$queryRawUnsafe<Jumlah[]>(
      `SELECT "layananId"::text AS "layananId", status::text AS status, jumlah::int AS jumlah FROM "AntrianJumlah"
        WHERE "instansiId" = $1::uuid AND status <> 'DRAFT' AND jumlah <> 0`,
      instansiId,
    );
    perInstansi.set(instansiId, rows);
  }
  return rows;
}

/**
 * The number of requests in the queue. Filtered by status and service only (the usual case), it is summed from
 * the kept counts (jumlahAntrianInstansi); with any other filter the rows are counted.
 */
export async function antrianCount(ctx: Context, instansiId: string, filter: AntrianFilter | null | undefined) {
  const f = filter ?? {};
  const other = f.terlambat != null || f.ditugaskanKeSaya || f.diajukanDari || f.diajukanSampai || f.cari?.trim();
  if (other) return antrianHitung(ctx, instansiId, filter);
  const layananId = f.layananId ? String(f.layananId.id).toLowerCase() : null;
  const status = f.status?.length ? new Set<string>(f.status) : null;
  return (await jumlahAntrianInstansi(ctx, instansiId))
    .filter((r) => (!layananId || r.layananId === layananId) && (!status || status.has(r.status)))
    .reduce((n, r) => n + r.jumlah, 0);
}

/** One page of the queue: overdue first (the earliest deadline), then by deadline, then the oldest submitted. */
export async function antrian(ctx: Context, query: Query, instansiId: string, filter: AntrianFilter | null | undefined) {
  // Two steps: the page's ids off the queue's indexes (queue-page.ts), then the page's rows with their
  // relations. In one statement the database builds every nested row of the whole queue before it sorts
  // and cuts the page, so the cost grew with the queue instead of the page.
  const { take, skip: _skip, cursor, ...shape } = q(query) as { take?: number; skip?: number; cursor?: { id: string } };
  const page = await antrianHalaman(ctx, instansiId, filter, { take, cursor });
  if (page.length === 0) return [];
  const rows = await ctx.prisma.pengajuan.findMany({ ...shape, where: { id: { in: page } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return page.flatMap((id) => byId.get(id) ?? []);
}

/** Requests per status (not drafts), from the counts antrianCount reads, in the order of the statuses' names. */
export async function antrianJumlah(ctx: Context, instansiId: string) {
  const per = new Map<PengajuanStatus, number>();
  for (const r of await jumlahAntrianInstansi(ctx, instansiId)) per.set(r.status, (per.get(r.status) ?? 0) + r.jumlah);
  return [...per]
    .filter(([, jumlah]) => jumlah > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([status, jumlah]) => ({ status, jumlah }));
}

// ---------------------------------------------------------------------------------------------------
// Public: verification of a result document, tracking by registration number

/**
 * Public facts about a result document by its verification code, or null when unknown. A code that is also a
 * letter's (Surat, issue 15) adds the letter's public facts: number, signing official, when signed, whether it was
 * voided and why. A letter not (yet) signed (waiting for its signature, or returned) is no result: null, as for an
 * unknown code. Letter codes are 16 characters, results' 12 (XXXX-XXXX-XXXX); both are typed with or without
 * dashes, in either case (normalKodeVerifikasi).
 */
export async function verifikasiDokumen(ctx: Context, kode: string) {
  const normal = normalKodeVerifikasi(kode);
  if (!normal) return null;
  const [h, surat] = await Promise.all([
    ctx.prisma.hasilDokumen.findUnique({
      where: { kodeVerifikasi: normal },
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
    }),
    ctx.prisma.surat.findUnique({
      where: { kodeVerifikasi: normal },
      select: {
        nomor: true,
        status: true,
        penandatanganNama: true,
        penandatanganJabatan: true,
        ditandatanganiAt: true,
        alasanBatal: true,
        dibatalkanAt: true,
      },
    }),
  ]);
  if (!h) return null;
  if (surat && surat.status !== "TERBIT" && surat.status !== "DIBATALKAN") return null;
  return {
    judul: h.judul,
    instansi: h.pengajuan.instansi.nama,
    layanan: h.pengajuan.layanan.nama,
    nomorRegistrasi: h.pengajuan.nomorRegistrasi ?? "",
    diterbitkan: h.createdAt,
    sha256: h.file.sha256,
    hasilId: h.id,
    pemohon: h.pengajuan.pemohon,
    surat: surat
      ? {
          nomorSurat: surat.nomor,
          status: surat.status,
          dibatalkan: surat.status === "DIBATALKAN",
          alasanBatal: surat.status === "DIBATALKAN" ? surat.alasanBatal : null,
          dibatalkanAt: surat.status === "DIBATALKAN" ? surat.dibatalkanAt : null,
          penandatanganNama: surat.penandatanganNama,
          penandatanganJabatan: surat.penandatanganJabatan,
          ditandatanganiAt: surat.ditandatanganiAt,
        }
      : null,
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

import type { Context } from "../../context";
import type { KanalKonsultasi, Konsultasi, Prisma, SlaSatuan } from "../../generated/prisma/client";
import { ConflictError, InvalidStateError, NotFoundError } from "../../lib/errors";
import { Problems } from "../../lib/validate";
import { assertCan } from "../../policy";
import { computeDeadline } from "../calendar/working-time";
import { slaRule } from "../pengajuan/sla";

/**
 * The helpdesk's consultations (issue: the counter; Madiun's LPSE helpdesk). An officer records who asked (name,
 * organisation, a contact to call back), how (phone, in person, WhatsApp, email), about which service, and the
 * question; answered on the spot it is closed at once. When the answer needs another body ("konsultasi ke LKPP")
 * it is escalated: the caller is promised a callback within the service's time (its SLA on the office calendar;
 * one working day without a service), a deadline the calendar registry recomputes like every other
 * (calendar/deadlines.ts). Closed with the answer given.
 */

export const KONSULTASI_TANPA_LAYANAN = { jumlah: 1, satuan: "HARI_KERJA" as SlaSatuan };

const notFound = () => new NotFoundError("KONSULTASI_NOT_FOUND", "Konsultasi tidak ditemukan.", "id");

/** The callback's rule: the service's time from the escalation (the registry and the explanation read it too). */
export function konsultasiChain(k: { dieskalasiAt: Date | null }, sla: { jumlah: number; satuan: SlaSatuan } | null) {
  const r = slaRule(sla ?? KONSULTASI_TANPA_LAYANAN, { mulaiAt: k.dieskalasiAt, sisaMenit: null });
  return r ? [{ ...r, since: "sejak konsultasi dieskalasi" }] : null;
}

function teks(problems: Problems, value: string | null | undefined, field: string, label: string, min: number, max: number, code: string): string {
  const v = (value ?? "").trim();
  if (v.length < min || v.length > max) problems.add(code, `${label} ${min}–${max} karakter.`, field);
  return v;
}

export interface CatatInput {
  instansiId: string;
  layananId: string | null;
  namaPenanya: string;
  organisasi: string | null;
  kontak: string;
  kanal: KanalKonsultasi;
  pertanyaan: string;
  /** answered on the spot: closed at once */
  jawaban: string | null;
}

export async function catat(ctx: Context, input: CatatInput): Promise<Konsultasi> {
  assertCan(ctx, "konsultasi:catat", { instansiId: input.instansiId });
  const problems = new Problems();
  const namaPenanya = teks(problems, input.namaPenanya, "namaPenanya", "Nama penanya", 2, 120, "NAMA_INVALID");
  const organisasi = (input.organisasi ?? "").trim();
  if (organisasi.length > 200) problems.add("ORGANISASI_INVALID", "Nama organisasi paling banyak 200 karakter.", "organisasi");
  const kontak = input.kontak.trim();
  if (!/^(\+?62|0)8\d{7,12}$/.test(kontak.replace(/[\s-]/g, "")) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(kontak))
    problems.add("KONTAK_INVALID", "Kontak untuk menghubungi kembali: nomor HP (08…) atau alamat email.", "kontak");
  const pertanyaan = teks(problems, input.pertanyaan, "pertanyaan", "Pertanyaan", 5, 4000, "PERTANYAAN_INVALID");
  const jawaban = input.jawaban?.trim() ? teks(problems, input.jawaban, "jawaban", "Jawaban", 5, 4000, "JAWABAN_INVALID") : null;
  if (input.layananId) {
    const l = await ctx.prisma.layanan.findUnique({ where: { id: input.layananId }, select: { instansiId: true } });
    if (l?.instansiId !== input.instansiId) problems.add("LAYANAN_INVALID", "Layanan tidak ditemukan di instansi ini.", "layananId");
  }
  problems.throwIfAny();
  const now = new Date();
  return ctx.prisma.$transaction(async (tx) => {
    const instansi = await tx.instansi.findUniqueOrThrow({ where: { id: input.instansiId }, select: { kode: true, prefixNomor: true } });
    const year = now.getUTCFullYear();
    const kunci = `konsultasi/${input.instansiId}/${year}`;
    const { terakhir } = await tx.nomorUrut.upsert({ where: { kunci }, create: { kunci, terakhir: 1 }, update: { terakhir: { increment: 1 } } });
    const prefix = instansi.prefixNomor || instansi.kode.split("-")[0]!;
    return tx.konsultasi.create({
      data: {
        nomor: `KNS/${prefix}/${year}/${String(terakhir).padStart(5, "0")}`,
        instansiId: input.instansiId,
        layananId: input.layananId,
        namaPenanya,
        organisasi,
        kontak,
        kanal: input.kanal,
        pertanyaan,
        dicatatOlehId: ctx.viewer!.id,
        ...(jawaban ? { jawaban, status: "SELESAI", selesaiAt: now, dijawabOlehId: ctx.viewer!.id } : {}),
      },
    });
  });
}

async function load(ctx: Context, id: string, versi: number): Promise<Konsultasi & { layanan: { slaJumlah: number; slaSatuan: SlaSatuan } | null }> {
  const k = await ctx.prisma.konsultasi.findUnique({ where: { id }, include: { layanan: { select: { slaJumlah: true, slaSatuan: true } } } });
  if (!k) throw notFound();
  assertCan(ctx, "konsultasi:tangani", { instansiId: k.instansiId }, notFound);
  if (k.versi !== versi) throw new ConflictError("CONFLICT", "Konsultasi ini baru saja diubah petugas lain. Muat ulang halaman.");
  return k;
}

/** The answer needs another body: a callback is promised within the service's time. */
export async function eskalasi(ctx: Context, id: string, versi: number, eskalasiKe: string): Promise<Konsultasi> {
  const k = await load(ctx, id, versi);
  if (k.status !== "TERBUKA") throw new InvalidStateError("STATUS_KONSULTASI_INVALID", "Hanya konsultasi yang belum dijawab yang dapat dieskalasi.");
  const problems = new Problems();
  const ke = teks(problems, eskalasiKe, "eskalasiKe", "Tujuan eskalasi (misalnya LKPP)", 2, 120, "ESKALASI_INVALID");
  problems.throwIfAny();
  const now = new Date();
  const cal = await ctx.calendars.get(k.instansiId);
  const [rule] = konsultasiChain({ dieskalasiAt: now }, k.layanan ? { jumlah: k.layanan.slaJumlah, satuan: k.layanan.slaSatuan } : null)!;
  const d = computeDeadline(cal, rule!.from, rule!.rule);
  return claim(ctx, k, {
    status: "DIEKSKALASI",
    eskalasiKe: ke,
    dieskalasiAt: now,
    tenggatJawab: d.at,
    tenggatJawabSementara: d.provisional,
  });
}

/** Closed with the answer given to the caller. */
export async function jawab(ctx: Context, id: string, versi: number, jawaban: string): Promise<Konsultasi> {
  const k = await load(ctx, id, versi);
  if (k.status === "SELESAI") throw new InvalidStateError("STATUS_KONSULTASI_INVALID", "Konsultasi ini sudah dijawab.");
  const problems = new Problems();
  const text = teks(problems, jawaban, "jawaban", "Jawaban", 5, 4000, "JAWABAN_INVALID");
  problems.throwIfAny();
  return claim(ctx, k, { status: "SELESAI", jawaban: text, selesaiAt: new Date(), dijawabOlehId: ctx.viewer!.id });
}

async function claim(ctx: Context, k: Konsultasi, data: Prisma.KonsultasiUncheckedUpdateManyInput): Promise<Konsultasi> {
  const res = await ctx.prisma.konsultasi.updateMany({ where: { id: k.id, versi: k.versi }, data: { ...data, versi: { increment: 1 } } });
  if (res.count !== 1) throw new ConflictError("CONFLICT", "Konsultasi ini baru saja diubah petugas lain. Muat ulang halaman.");
  return ctx.prisma.konsultasi.findUniqueOrThrow({ where: { id: k.id } });
}

/** The desk's list: escalated ones by their callback deadline, then open ones, then the latest answered. */
export async function daftar<Q extends object>(ctx: Context, query: Q, instansiId: string, selesai: boolean) {
  assertCan(ctx, "konsultasi:lihat", { instansiId });
  if (selesai)
    return ctx.prisma.konsultasi.findMany({ ...(query as object), where: { instansiId, status: "SELESAI" }, orderBy: [{ selesaiAt: "desc" }], take: 100 });
  return ctx.prisma.konsultasi.findMany({
    ...(query as object),
    where: { instansiId, status: { in: ["DIEKSKALASI", "TERBUKA"] } },
    orderBy: [{ tenggatJawab: { sort: "asc", nulls: "last" } }, { createdAt: "asc" }],
    take: 500,
  });
}

export interface Ringkasan {
  jumlah: number;
  dijawabLangsung: number;
  dieskalasi: number;
  terbuka: number;
  terlambat: number;
  perKanal: Array<{ kanal: KanalKonsultasi; jumlah: number }>;
}

/** A year's consultations of the instansi, counted: the helpdesk's part of the statistics. */
export async function ringkasan(ctx: Context, instansiId: string, tahun: number): Promise<Ringkasan> {
  assertCan(ctx, "konsultasi:lihat", { instansiId });
  // the office's year: WIB, WITA and WIT keep one offset all year
  const { timeZone } = await ctx.calendars.get(instansiId);
  const offset = { "Asia/Makassar": 8, "Asia/Jayapura": 9 }[timeZone] ?? 7;
  const range = { gte: new Date(Date.UTC(tahun, 0, 1) - offset * 3_600_000), lt: new Date(Date.UTC(tahun + 1, 0, 1) - offset * 3_600_000) };
  const where = { instansiId, createdAt: range };
  const jumlah = await ctx.prisma.konsultasi.count({ where });
  const dieskalasi = await ctx.prisma.konsultasi.count({ where: { ...where, dieskalasiAt: { not: null } } });
  const terbuka = await ctx.prisma.konsultasi.count({ where: { ...where, status: { not: "SELESAI" } } });
  const escalatedDone = await ctx.prisma.konsultasi.findMany({
    where: { ...where, dieskalasiAt: { not: null } },
    select: { selesaiAt: true, tenggatJawab: true },
  });
  const now = Date.now();
  const terlambat = escalatedDone.filter((k) => k.tenggatJawab && (k.selesaiAt?.getTime() ?? now) > k.tenggatJawab.getTime()).length;
  const perKanal = await ctx.prisma.konsultasi.groupBy({ by: ["kanal"], where, _count: { _all: true } });
  return {
    jumlah,
    dijawabLangsung: await ctx.prisma.konsultasi.count({ where: { ...where, status: "SELESAI", dieskalasiAt: null } }),
    dieskalasi,
    terbuka,
    terlambat,
    perKanal: perKanal.map((r) => ({ kanal: r.kanal, jumlah: r._count._all })),
  };
}

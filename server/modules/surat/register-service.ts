import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import type { Context } from "../../context";
import type { Prisma, Surat } from "../../generated/prisma/client";
import type { LingkupNomorSurat, SuratStatus } from "../../generated/prisma/enums";
import { ConflictError, InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { q } from "../../lib/query";
import { parseInput, problem } from "../../lib/validate";
import { assertCan, can } from "../../policy";
import { DAPAT_DIBATALKAN_STATUS } from "./policy";
import {
  POLA_BAWAAN,
  PolaError,
  checkKode,
  formatNomor,
  kunciUrutan,
  normalizeKode,
  parsePola,
  tanggalSurat,
  usesKode,
  type Lingkup,
  type Token,
} from "./nomor";

/**
 * The register of an office's letters and their numbers (issue 15). A number is taken inside the transaction
 * that makes the letter (`terbitkanNomor(tx, …)`): the counter row is locked until that transaction ends, so
 * parallel issuers queue, a rollback gives the number back, and the register has neither gaps nor duplicates.
 */

type Tx = Prisma.TransactionClient;
type Db = Context["prisma"] | Tx;

const BATAS_LEWATI = 1000;

/** The office's pattern, or the default when its admin has set none. */
export interface PolaBerlaku {
  pola: string;
  lingkup: Lingkup;
  bawaan: boolean;
  diubahAt: Date | null;
}

/** A SUPERADMIN (who belongs to no instansi) names one; an empty id would otherwise reach a uuid column. */
function wajibInstansi(instansiId: string): string {
  if (!instansiId) throw new ValidationError("INSTANSI_WAJIB", "Pilih instansi terlebih dahulu.", "instansiId");
  return instansiId;
}

async function polaOf(db: Db, instansiId: string): Promise<PolaBerlaku & { zonaWaktu: string }> {
  const i = await db.instansi.findUnique({ where: { id: wajibInstansi(instansiId) }, select: { zonaWaktu: true, polaNomorSurat: true } });
  if (!i) throw new NotFoundError("INSTANSI_NOT_FOUND", "Instansi tidak ditemukan.", "instansiId");
  const p = i.polaNomorSurat;
  return p
    ? { pola: p.pola, lingkup: p.lingkup, bawaan: false, diubahAt: p.updatedAt, zonaWaktu: i.zonaWaktu }
    : { pola: POLA_BAWAAN, lingkup: "BERSAMA", bawaan: true, diubahAt: null, zonaWaktu: i.zonaWaktu };
}

function tokensOf(pola: string, lingkup: Lingkup): Token[] {
  try {
    return parsePola(pola, lingkup);
  } catch (err) {
    if (err instanceof PolaError) throw new ValidationError(err.code, err.message, "pola");
    throw err;
  }
}

function kodeFor(tokens: readonly Token[], raw: string | null | undefined): string {
  const kode = normalizeKode(raw ?? "");
  const p = checkKode(kode, usesKode(tokens));
  if (p) throw new ValidationError(p.code, p.message, "kodeKlasifikasi");
  return kode;
}

/** 16 characters of an alphabet without look-alikes (no 0/O, 1/I/L): 80 random bits, typed back from paper. */
const ALFABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export function kodeVerifikasiBaru(): string {
  // rejection sampling: every character equally likely
  const out: string[] = [];
  while (out.length < 16) {
    for (const b of randomBytes(24)) {
      if (b < 248 && out.length < 16) out.push(ALFABET[b % 31]!);
    }
  }
  return out.join("");
}

/** The next number of a sequence, taken (and locked until the transaction ends): INSERT … ON CONFLICT DO UPDATE. */
async function ambilUrutan(tx: Tx, instansiId: string, tahun: number, kunci: string): Promise<number> {
  const [row] = await tx.$queryRaw<Array<{ terakhir: number }>>`
    INSERT INTO "NomorSuratUrut" ("id", "instansiId", "tahun", "kunci", "terakhir") VALUES (${randomUUID()}::uuid, ${instansiId}::uuid, ${tahun}, ${kunci}, 1)
    ON CONFLICT ("instansiId", "tahun", "kunci") DO UPDATE SET "terakhir" = "NomorSuratUrut"."terakhir" + 1
    RETURNING "terakhir"`;
  return Number(row!.terakhir);
}

export interface TerbitkanInput {
  instansiId: string;
  kodeKlasifikasi?: string | null;
  pengajuanId?: string | null;
  /** the issuing instant (the server clock; tests inject one) */
  now?: Date;
}

/**
 * Issues the next letter number of the office and records the letter, inside the caller's transaction (the
 * letter generation's). Authorisation is the caller's: this is a building block, not an entry point.
 *
 * A number that some letter already carries (after the admin changed the pattern or the sequence scope during
 * the year, two sequences can print the same text) is passed over and the next one taken: numbers are unique
 * per office and never reused.
 */
export async function terbitkanNomor(tx: Tx, input: TerbitkanInput): Promise<Surat> {
  const now = input.now ?? new Date();
  const pola = await polaOf(tx, input.instansiId);
  const tokens = tokensOf(pola.pola, pola.lingkup);
  const kode = kodeFor(tokens, input.kodeKlasifikasi);
  const tanggal = tanggalSurat(now, pola.zonaWaktu);
  const kunci = kunciUrutan(pola.lingkup, kode);
  for (let i = 0; i < BATAS_LEWATI; i++) {
    const urutan = await ambilUrutan(tx, input.instansiId, tanggal.tahun, kunci);
    const nomor = formatNomor(tokens, { urutan, kode, tanggal });
    const taken = await tx.surat.findUnique({ where: { instansiId_nomor: { instansiId: input.instansiId, nomor } }, select: { id: true } });
    if (taken) continue;
    return tx.surat.create({
      data: {
        instansiId: input.instansiId,
        pengajuanId: input.pengajuanId ?? null,
        nomor,
        kodeKlasifikasi: kode,
        urutan,
        tahun: tanggal.tahun,
        tanggal: new Date(`${tanggal.iso}T00:00:00Z`),
        kodeVerifikasi: kodeVerifikasiBaru(),
        createdAt: now,
      },
    });
  }
  throw new Error(`No free letter number after ${BATAS_LEWATI} tries (instansi ${input.instansiId}, ${tanggal.tahun}, ${kunci})`);
}

// ---------------------------------------------------------------------------------------------------
// The pattern (admins)

export async function polaNomor(ctx: Context, instansiId: string): Promise<PolaBerlaku & { instansiId: string }> {
  assertCan(ctx, "surat:kelolaPola", { instansiId });
  const { zonaWaktu: _, ...p } = await polaOf(ctx.prisma, instansiId);
  return { ...p, instansiId };
}

export async function aturPola(ctx: Context, input: { instansiId: string; pola: string; lingkup: LingkupNomorSurat }) {
  assertCan(ctx, "surat:kelolaPola", { instansiId: input.instansiId });
  const pola = input.pola.trim();
  tokensOf(pola, input.lingkup);
  await polaOf(ctx.prisma, input.instansiId); // the office exists (a SUPERADMIN may name any)
  await ctx.prisma.polaNomorSurat.upsert({
    where: { instansiId: input.instansiId },
    create: { instansiId: input.instansiId, pola, lingkup: input.lingkup },
    update: { pola, lingkup: input.lingkup },
  });
  return polaNomor(ctx, input.instansiId);
}

/**
 * The number the next letter would get now, without taking it (another letter may take it first). With `pola`
 * and `lingkup`, for a pattern being edited (the admin's form); else the office's pattern.
 */
export async function pratinjauNomor(
  ctx: Context,
  input: { instansiId: string; kodeKlasifikasi?: string | null; pola?: string | null; lingkup?: LingkupNomorSurat | null; now?: Date },
): Promise<string> {
  const editing = input.pola != null;
  assertCan(ctx, editing ? "surat:kelolaPola" : "surat:lihatRegister", { instansiId: input.instansiId });
  const office = await polaOf(ctx.prisma, input.instansiId);
  const lingkup = input.lingkup ?? office.lingkup;
  const tokens = tokensOf(input.pola ?? office.pola, lingkup);
  const kode = kodeFor(tokens, input.kodeKlasifikasi);
  const tanggal = tanggalSurat(input.now ?? new Date(), office.zonaWaktu);
  const row = await ctx.prisma.nomorSuratUrut.findUnique({
    where: { instansiId_tahun_kunci: { instansiId: input.instansiId, tahun: tanggal.tahun, kunci: kunciUrutan(lingkup, kode) } },
  });
  return formatNomor(tokens, { urutan: (row?.terakhir ?? 0) + 1, kode, tanggal });
}

// ---------------------------------------------------------------------------------------------------
// Voiding a number

const Pembatalan = z.object({
  alasan: z
    .string()
    .trim()
    .min(5, problem("ALASAN_WAJIB", "Alasan pembatalan wajib diisi (paling sedikit 5 karakter)."))
    .max(500, problem("ALASAN_TERLALU_PANJANG", "Alasan pembatalan paling banyak 500 karakter.")),
});

const suratNotFound = () => new NotFoundError("SURAT_NOT_FOUND", "Surat tidak ditemukan.", "id");

/** Voids a letter: it keeps its number, marked DIBATALKAN with the reason, who and when; the number is never reused. */
export async function batalkan(ctx: Context, input: { id: string; alasan: string }): Promise<Surat> {
  const s = await ctx.prisma.surat.findUnique({ where: { id: input.id } });
  if (!s || !can(ctx, "surat:lihat", s)) throw suratNotFound();
  assertCan(ctx, "surat:batalkan", s, undefined, "Hanya admin instansi ini yang dapat membatalkan nomor surat.");
  if (s.status === "DIBATALKAN") throw new InvalidStateError("SURAT_SUDAH_DIBATALKAN", "Surat ini sudah dibatalkan.");
  if (!DAPAT_DIBATALKAN_STATUS.includes(s.status)) {
    throw new InvalidStateError("SURAT_MENUNGGU_TTD", "Surat ini sedang menunggu tanda tangan. Minta pejabat mengembalikannya terlebih dahulu.");
  }
  const { alasan } = parseInput(Pembatalan, input);
  const { count } = await ctx.prisma.surat.updateMany({
    where: { id: s.id, status: { in: [...DAPAT_DIBATALKAN_STATUS] } },
    data: { status: "DIBATALKAN", alasanBatal: alasan, dibatalkanAt: new Date(), dibatalkanOlehId: ctx.viewer!.id },
  });
  if (count === 0) throw new ConflictError("CONFLICT", "Surat ini baru saja dibatalkan oleh orang lain.", "id");
  return ctx.prisma.surat.findUniqueOrThrow({ where: { id: s.id } });
}

// ---------------------------------------------------------------------------------------------------
// The register

export interface RegisterFilter {
  instansiId?: string | null;
  tahun?: number | null;
  status?: SuratStatus | null;
}

/** The register asked for: the instansi named, else the caller's own (policy.ts decides whether the caller may read it). */
export function registerInstansiId(ctx: Context, instansiId: string | null | undefined): string {
  return String(instansiId ?? ctx.viewer?.instansiId ?? "");
}

function registerWhere(ctx: Context, f: RegisterFilter): Prisma.SuratWhereInput {
  return {
    instansiId: wajibInstansi(registerInstansiId(ctx, f.instansiId)),
    ...(f.tahun ? { tahun: f.tahun } : {}),
    ...(f.status ? { status: f.status } : {}),
  };
}

const URUTAN_REGISTER = [{ createdAt: "asc" as const }, { id: "asc" as const }];

/** The register of letters of an instansi, in the order they were issued. */
export function registerSurat<Q extends object>(ctx: Context, query: Q, f: RegisterFilter) {
  return ctx.prisma.surat.findMany({ ...q(query), where: registerWhere(ctx, f), orderBy: URUTAN_REGISTER });
}

export function hitungRegisterSurat(ctx: Context, f: RegisterFilter) {
  return ctx.prisma.surat.count({ where: registerWhere(ctx, f) });
}

export function suratById<Q extends object>(ctx: Context, query: Q, id: string) {
  return ctx.prisma.surat.findUniqueOrThrow({ ...q(query), where: { id } });
}

/**
 * A CSV cell. A cell a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage return)
 * gets a leading apostrophe (OWASP "CSV injection"): a reason typed by staff must not run in the reader's Excel.
 */
export function csvCell(v: unknown): string {
  let s = v instanceof Date ? v.toISOString() : v == null ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function registerSuratCsv(ctx: Context, f: RegisterFilter): Promise<string> {
  return registerCsv(ctx.prisma, registerWhere(ctx, f));
}

/** The same CSV for the download route (server/downloads.ts), which has already checked the caller. */
export function registerSuratCsvUnduh(prisma: Context["prisma"], f: { instansiId: string; tahun?: number | null; status?: SuratStatus | null }) {
  return registerCsv(prisma, { instansiId: f.instansiId, ...(f.tahun ? { tahun: f.tahun } : {}), ...(f.status ? { status: f.status } : {}) });
}

async function registerCsv(prisma: Context["prisma"], where: Prisma.SuratWhereInput): Promise<string> {
  const rows = await prisma.surat.findMany({
    where,
    include: { dibatalkanOleh: { select: { namaLengkap: true } } },
    orderBy: URUTAN_REGISTER,
  });
  const header = ["nomor", "tanggal", "kode_klasifikasi", "urutan", "tahun", "status", "alasan_batal", "dibatalkan_pada", "dibatalkan_oleh", "kode_verifikasi"];
  const lines = rows.map((s) => [
    s.nomor,
    s.tanggal.toISOString().slice(0, 10),
    s.kodeKlasifikasi,
    s.urutan,
    s.tahun,
    s.status,
    s.alasanBatal,
    s.dibatalkanAt,
    s.dibatalkanOleh?.namaLengkap,
    s.kodeVerifikasi,
  ]);
  return `${[header, ...lines].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

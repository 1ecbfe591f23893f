import type { Context } from "../../context";
import type { Prisma } from "../../generated/prisma/client";
import { ConflictError, InvalidStateError, NotFoundError, forbidden } from "../../lib/errors";
import { q } from "../../lib/query";
import { parseInput } from "../../lib/validate";
import { mayEditBantuan } from "./policy";
import { JUDUL_TOPIK, TANYA_JAWAB, kataCari } from "./rules";
import { cariTanyaJawabIds } from "./search";

/**
 * The help pages (/bantuan): the general page of the install (instansi null) and one per office, each a list of
 * topics holding questions and answers in order. Reading is public; writing is decided by policy.ts
 * (`mayEditBantuan`) before anything is parsed, each change in one transaction. Every mutation is recorded in
 * the audit trail by the audit plugin (server/modules/audit), its text arguments declared SAFE: they are public
 * content, not personal data.
 */

type TopikQuery = { select?: Prisma.BantuanTopikSelect; include?: Prisma.BantuanTopikInclude };
type TanyaJawabQuery = { select?: Prisma.BantuanTanyaJawabSelect; include?: Prisma.BantuanTanyaJawabInclude };

const topikNotFound = (field = "topikId") => new NotFoundError("BANTUAN_TOPIK_NOT_FOUND", "Topik bantuan tidak ditemukan.", field);
const tanyaJawabNotFound = () => new NotFoundError("BANTUAN_NOT_FOUND", "Pertanyaan tidak ditemukan.", "id");
const instansiNotFound = () => new NotFoundError("INSTANSI_NOT_FOUND", "Instansi tidak ditemukan.", "instansiId");

function assertMayEdit(ctx: Context, instansiId: string | null): void {
  if (!mayEditBantuan(ctx, instansiId)) {
    throw forbidden(instansiId ? "Hanya admin instansi ini yang dapat mengubah halaman bantuannya." : "Hanya superadmin yang dapat mengubah bantuan umum.");
  }
}

// ---------------------------------------------------------------------------------------------------
// Reading (public)

/** A help page: the instansi it belongs to (by kode; none for the general page). Null when no such instansi. */
export async function halaman(ctx: Context, kode: string | null | undefined) {
  if (!kode) return { instansiId: null };
  const row = await ctx.prisma.instansi.findUnique({ where: { kode: kode.trim().toUpperCase() }, select: { id: true } });
  return row ? { instansiId: row.id } : null;
}

export function topikOf(ctx: Context, query: TopikQuery, instansiId: string | null) {
  return ctx.prisma.bantuanTopik.findMany({ ...q(query), where: { instansiId }, orderBy: [{ urutan: "asc" }, { createdAt: "asc" }] });
}

export function mayEdit(ctx: Context, instansiId: string | null): boolean {
  return mayEditBantuan(ctx, instansiId);
}

/** The questions of one page that match the words, best first (search.ts). */
export async function cari(ctx: Context, query: TanyaJawabQuery, instansiId: string | null, kata: string) {
  const ids = await cariTanyaJawabIds(ctx.prisma, instansiId, kataCari(kata));
  if (ids.length === 0) return [];
  const rows = await ctx.prisma.bantuanTanyaJawab.findMany({ ...q(query), where: { id: { in: ids } } });
  const byId = new Map(rows.map((r) => [(r as { id: string }).id, r]));
  return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
}

// ---------------------------------------------------------------------------------------------------
// Writing (admins)

/** The page a topic belongs to, once the caller may edit it. */
async function topikToEdit(ctx: Context, tx: Prisma.TransactionClient, id: string, field?: string) {
  const row = await tx.bantuanTopik.findUnique({ where: { id }, select: { id: true, instansiId: true } });
  if (!row) throw topikNotFound(field);
  assertMayEdit(ctx, row.instansiId);
  return row;
}

async function tanyaJawabToEdit(ctx: Context, tx: Prisma.TransactionClient, id: string) {
  const row = await tx.bantuanTanyaJawab.findUnique({ where: { id }, select: { id: true, topikId: true, topik: { select: { instansiId: true } } } });
  if (!row) throw tanyaJawabNotFound();
  assertMayEdit(ctx, row.topik.instansiId);
  return row;
}

export async function tambahTopik(ctx: Context, query: TopikQuery, instansiId: string | null, judulRaw: string) {
  assertMayEdit(ctx, instansiId);
  const { judul } = parseInput(JUDUL_TOPIK, { judul: judulRaw });
  return ctx.prisma.$transaction(async (tx) => {
    if (instansiId && !(await tx.instansi.findUnique({ where: { id: instansiId }, select: { id: true } }))) throw instansiNotFound();
    const last = await tx.bantuanTopik.aggregate({ where: { instansiId }, _max: { urutan: true } });
    return tx.bantuanTopik.create({ ...q(query), data: { instansiId, judul, urutan: (last._max.urutan ?? 0) + 1 } });
  });
}

export async function ubahTopik(ctx: Context, query: TopikQuery, id: string, judulRaw: string) {
  return ctx.prisma.$transaction(async (tx) => {
    await topikToEdit(ctx, tx, id, "id");
    const { judul } = parseInput(JUDUL_TOPIK, { judul: judulRaw });
    return tx.bantuanTopik.update({ ...q(query), where: { id }, data: { judul } });
  });
}

/** Removes an empty topic (its questions are moved or removed first: nothing is lost by one click). */
export async function hapusTopik(ctx: Context, id: string): Promise<boolean> {
  return ctx.prisma.$transaction(async (tx) => {
    await topikToEdit(ctx, tx, id, "id");
    const n = await tx.bantuanTanyaJawab.count({ where: { topikId: id } });
    if (n > 0) throw new InvalidStateError("TOPIK_BERISI", `Topik ini masih berisi ${n} pertanyaan; pindahkan atau hapus pertanyaannya terlebih dahulu.`, "id");
    await tx.bantuanTopik.delete({ where: { id } });
    return true;
  });
}

export async function tambahTanyaJawab(ctx: Context, query: TanyaJawabQuery, topikId: string, input: { pertanyaan: string; jawaban: string }) {
  return ctx.prisma.$transaction(async (tx) => {
    await topikToEdit(ctx, tx, topikId);
    const data = parseInput(TANYA_JAWAB, input);
    const last = await tx.bantuanTanyaJawab.aggregate({ where: { topikId }, _max: { urutan: true } });
    return tx.bantuanTanyaJawab.create({ ...q(query), data: { ...data, topikId, urutan: (last._max.urutan ?? 0) + 1 } });
  });
}

/** Edits a question and its answer; with `topikId`, moves it to the end of another topic of the same page. */
export async function ubahTanyaJawab(
  ctx: Context,
  query: TanyaJawabQuery,
  id: string,
  input: { pertanyaan: string; jawaban: string; topikId?: string | null },
) {
  return ctx.prisma.$transaction(async (tx) => {
    const row = await tanyaJawabToEdit(ctx, tx, id);
    const data = parseInput(TANYA_JAWAB, input);
    let move: { topikId: string; urutan: number } | null = null;
    if (input.topikId && input.topikId !== row.topikId) {
      const target = await topikToEdit(ctx, tx, input.topikId);
      if (target.instansiId !== row.topik.instansiId) throw topikNotFound();
      const last = await tx.bantuanTanyaJawab.aggregate({ where: { topikId: target.id }, _max: { urutan: true } });
      move = { topikId: target.id, urutan: (last._max.urutan ?? 0) + 1 };
    }
    return tx.bantuanTanyaJawab.update({ ...q(query), where: { id }, data: { ...data, ...move } });
  });
}

export async function hapusTanyaJawab(ctx: Context, id: string): Promise<boolean> {
  return ctx.prisma.$transaction(async (tx) => {
    await tanyaJawabToEdit(ctx, tx, id);
    await tx.bantuanTanyaJawab.delete({ where: { id } });
    return true;
  });
}

/** `ids` in their new order must be exactly the current list: else someone changed it meanwhile. */
function sameSet(current: string[], ids: readonly string[]): boolean {
  return current.length === ids.length && new Set(ids).size === ids.length && ids.every((id) => current.includes(id));
}
const urutanBerubah = () => new ConflictError("URUTAN_BERUBAH", "Daftar ini baru saja diubah orang lain. Muat ulang halaman, lalu atur urutannya lagi.", "ids");

/** Puts the topics of a page in the order given. */
export async function urutkanTopik(ctx: Context, query: TopikQuery, instansiId: string | null, ids: readonly string[]) {
  assertMayEdit(ctx, instansiId);
  return ctx.prisma.$transaction(async (tx) => {
    const current = await tx.bantuanTopik.findMany({ where: { instansiId }, select: { id: true } });
    if (
      !sameSet(
        current.map((r) => r.id),
        ids,
      )
    )
      throw urutanBerubah();
    for (const [i, id] of ids.entries()) await tx.bantuanTopik.update({ where: { id }, data: { urutan: i + 1 } });
    return tx.bantuanTopik.findMany({ ...q(query), where: { instansiId }, orderBy: [{ urutan: "asc" }, { createdAt: "asc" }] });
  });
}

/** Puts the questions of a topic in the order given. */
export async function urutkanTanyaJawab(ctx: Context, query: TopikQuery, topikId: string, ids: readonly string[]) {
  return ctx.prisma.$transaction(async (tx) => {
    await topikToEdit(ctx, tx, topikId);
    const current = await tx.bantuanTanyaJawab.findMany({ where: { topikId }, select: { id: true } });
    if (
      !sameSet(
        current.map((r) => r.id),
        ids,
      )
    )
      throw urutanBerubah();
    for (const [i, id] of ids.entries()) await tx.bantuanTanyaJawab.update({ where: { id }, data: { urutan: i + 1 } });
    return tx.bantuanTopik.findUniqueOrThrow({ ...q(query), where: { id: topikId } });
  });
}

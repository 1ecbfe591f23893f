import { Prisma } from "../../generated/prisma/client";
import type { Context } from "../../context";
import { wordStartPattern } from "./rules";

/**
 * The search of a help page, in one SQL statement (tested in tests/bantuan/bantuan.test.ts on both databases).
 * A question matches when its question and answer together
 *   - match every word by PostgreSQL's Indonesian stemmer ("mendaftar" finds "Daftar", "aduan" finds
 *     "pengaduan"; the 'indonesian' text search configuration ships with PostgreSQL ≥ 13 and with PGlite), or
 *   - have a word starting with every word as typed, case-insensitively (a word being typed, a number like
 *     "2x24", an abbreviation like "SOP").
 * Questions whose question matches rank before those where only the answer does; then the page's own order.
 */

const MAX_HASIL = 50;

export async function cariTanyaJawabIds(prisma: Context["prisma"], instansiId: string | null, words: readonly string[]): Promise<string[]> {
  if (words.length === 0) return [];
  const query = words.join(" ");
  const doc = Prisma.sql`setweight(to_tsvector('indonesian', j."pertanyaan"), 'A') || setweight(to_tsvector('indonesian', j."jawaban"), 'B')`;
  const tsq = Prisma.sql`plainto_tsquery('indonesian', ${query})`;
  const contains = Prisma.join(
    words.map((w) => Prisma.sql`(j."pertanyaan" || ' ' || j."jawaban") ~* ${wordStartPattern(w)}`),
    " AND ",
  );
  const page = instansiId === null ? Prisma.sql`t."instansiId" IS NULL` : Prisma.sql`t."instansiId" = ${instansiId}::uuid`;
  const rows = await prisma.$queryRaw<Array<{ id: string }>>`
    SELECT j."id"::text AS id
      FROM "BantuanTanyaJawab" j JOIN "BantuanTopik" t ON t."id" = j."topikId"
     WHERE ${page} AND ((${doc}) @@ ${tsq} OR (${contains}))
     ORDER BY ts_rank(${doc}, ${tsq}) DESC, t."urutan", j."urutan"
     LIMIT ${MAX_HASIL}`;
  return rows.map((r) => r.id);
}

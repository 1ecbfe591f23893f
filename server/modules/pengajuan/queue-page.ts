import type { Context } from "../../context";
import type { PengajuanStatus } from "../../generated/prisma/enums";
import { PENGAJUAN_FINAL_STATUSES, PENGAJUAN_STATUSES } from "../../shared/labels";
import { tsParam } from "../skm/menit-kerja-sql";
import { terlambatSql } from "./sla";

/**
 * The staff queue in SQL: which requests a filter selects, how many, and which ids one page holds, in the
 * queue's order (overdue first, then by deadline, then the oldest submitted). The rows of the page and their
 * relations are read afterwards by id (queries.ts), so nothing here grows with the page's fields.
 *
 * Written in SQL rather than as a Prisma where because the indexes it runs on (migration
 * 20261206100900_antrian_indeks) can only be used by a query the planner can match to them: Prisma sends
 * every value as a parameter cast to the enum (`CAST($2::text AS "PengajuanStatus")`), and the planner cannot
 * prove that such a status list lies inside a partial index's; the statuses are written here as literals
 * (enum names, checked against the list), and the sort key as the indexes' expressions, character for
 * character. With them a page of the open work reads the open work's index only, whatever the size of the
 * office's finished history, and a page after a cursor starts where the cursor is instead of counting rows.
 */

export interface AntrianFilter {
  status?: PengajuanStatus[] | null;
  layananId?: { id: string | number } | null;
  terlambat?: boolean | null;
  ditugaskanKeSaya?: boolean | null;
  diajukanDari?: Date | null;
  diajukanSampai?: Date | null;
  cari?: string | null;
}

/** The statuses of the open-work index's predicate (everything submitted and not closed). */
export const ANTRIAN_TERBUKA: readonly PengajuanStatus[] = PENGAJUAN_STATUSES.filter((s) => s !== "DRAFT" && !PENGAJUAN_FINAL_STATUSES.includes(s));

/** The queue's order over the row alias `p`: the expressions of the indexes, then id. */
export const URUTAN = (p: string) => [`COALESCE(${p}."tenggat", 'infinity'::timestamp)`, `COALESCE(${p}."diajukanAt", 'infinity'::timestamp)`, `${p}."id"`];

/** Adds a query parameter; its placeholder. */
function push(params: unknown[], v: unknown): string {
  params.push(v);
  return `$${params.length}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function statusLiteral(s: string): string {
  // an enum name (GraphQL checked it already): never anything that could end the literal
  if (!(PENGAJUAN_STATUSES as readonly string[]).includes(s)) throw new Error(`unknown PengajuanStatus ${s}`);
  return `'${s}'`;
}

/** SQL conditions on `p` for the queue of `instansiId` under filter `f`; values go to `params` ($n). */
export function antrianConditions(ctx: Context, instansiId: string, f: AntrianFilter | null | undefined, params: unknown[], now = new Date()): string[] {
  const param = (v: unknown) => push(params, v);
  const uuid = (id: string) => (UUID.test(id) ? `${param(id)}::uuid` : null);
  // an id that is not a UUID names no row: the queue is empty rather than an error from the cast
  const where = [`p."instansiId" = ${uuid(instansiId) ?? "NULL"}`];
  where.push(f?.status?.length ? `p.status IN (${[...new Set(f.status)].map(statusLiteral).join(", ")})` : `p.status <> 'DRAFT'`);
  if (f?.layananId) where.push(`p."layananId" = ${uuid(String(f.layananId.id)) ?? "NULL"}`);
  // an API client is nobody's officer: "assigned to me" is empty for it
  if (f?.ditugaskanKeSaya) where.push(ctx.viewer ? `p."petugasId" = ${uuid(ctx.viewer.id) ?? "NULL"}` : "false");
  if (f?.terlambat != null) {
    const late = terlambatSql("p", `${param(tsParam(now))}::timestamp`);
    // the exact complement: a missing deadline is not overdue (the condition is null there, not false)
    where.push(f.terlambat ? late : `NOT COALESCE(${late}, false)`);
  }
  if (f?.diajukanDari) where.push(`p."diajukanAt" >= ${param(tsParam(f.diajukanDari))}::timestamp`);
  if (f?.diajukanSampai) where.push(`p."diajukanAt" <= ${param(tsParam(f.diajukanSampai))}::timestamp`);
  const cari = f?.cari?.trim().toUpperCase();
  // a plain substring (no LIKE wildcards to escape)
  if (cari) where.push(`strpos(p."nomorRegistrasi", ${param(cari)}) > 0`);
  return where;
}

/** How many requests the filter selects (counted from the rows: for the filters the counters do not keep). */
export async function antrianHitung(ctx: Context, instansiId: string, f: AntrianFilter | null | undefined): Promise<number> {
  const params: unknown[] = [];
  const where = antrianConditions(ctx, instansiId, f, params);
  const [r] = await ctx.prisma.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "Pengajuan" p WHERE ${where.join(" AND ")}`, ...params);
  return r!.n;
}

/**
 * The statement of one page's ids, in the queue's order, or null when nothing can follow the cursor. `take`
 * and `cursor` as plugin-prisma's connection gives them: `take` rows after the cursor (the cursor's own row
 * excluded), or before it when `take` is negative (`last`/`before`); no cursor: the first (or last) rows.
 */
export function antrianHalamanSql(
  ctx: Context,
  instansiId: string,
  f: AntrianFilter | null | undefined,
  paging: { take?: number; cursor?: { id: string } },
): { sql: string; params: unknown[]; back: boolean } | null {
  const params: unknown[] = [];
  const where = antrianConditions(ctx, instansiId, f, params);
  const take = paging.take ?? 50;
  const back = take < 0;
  if (paging.cursor) {
    // a cursor that is not one of ours names no row: nothing follows it
    if (!UUID.test(paging.cursor.id)) return null;
    // where the cursor's row stands in the order (even if the filter no longer selects it; a row that is gone:
    // nothing), as values computed once before the scan, so that the comparison is where the index scan starts
    const id = `${push(params, paging.cursor.id)}::uuid`;
    const [t, d] = URUTAN("c").map((e) => `(SELECT ${e} FROM "Pengajuan" c WHERE c.id = ${id})`);
    where.push(`(${URUTAN("p").join(", ")}) ${back ? "<" : ">"} (${t}, ${d}, ${id})`);
  }
  const order = URUTAN("p")
    .map((e) => `${e} ${back ? "DESC" : "ASC"}`)
    .join(", ");
  return { sql: `SELECT p.id FROM "Pengajuan" p WHERE ${where.join(" AND ")} ORDER BY ${order} LIMIT ${Math.abs(Math.trunc(take))}`, params, back };
}

/** The ids of one page (antrianHalamanSql), in the queue's order whichever way it was read. */
export async function antrianHalaman(...args: Parameters<typeof antrianHalamanSql>): Promise<string[]> {
  const statement = antrianHalamanSql(...args);
  if (!statement) return [];
  const rows = await args[0].prisma.$queryRawUnsafe<Array<{ id: string }>>(statement.sql, ...statement.params);
  const ids = rows.map((r) => r.id);
  return statement.back ? ids.reverse() : ids;
}

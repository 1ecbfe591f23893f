/**
 * The few SQL operations backup and restore need, on either database, without Prisma (raw text rows, cursors,
 * one transaction held across many statements).
 *
 * PGlite has one connection: its `transaction()` holds PGlite's own mutex, so while a backup's snapshot is read in
 * the serving process, the server's other queries wait for it (and Prisma's transactions use the same mutex).
 */
import type { PGlite, Transaction } from "@electric-sql/pglite";
import pg from "pg";

export type Query = <R = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<R[]>;

export interface SqlConnection {
  kind: "pglite" | "postgres";
  /** `snapshot`: REPEATABLE READ READ ONLY (one consistent view of every table); `write`: an ordinary transaction */
  transaction<T>(mode: "snapshot" | "write", fn: (query: Query) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

export function pgliteConnection(pglite: PGlite, close: () => Promise<void> = async () => {}): SqlConnection {
  return {
    kind: "pglite",
    transaction: (mode, fn) =>
      pglite.transaction(async (tx: Transaction) => {
        if (mode === "snapshot") await tx.query(SNAPSHOT);
        return fn(async <R>(sql: string, params?: unknown[]) => (await tx.query<R>(sql, params)).rows);
      }),
    close,
  };
}

export async function postgresConnection(url: string): Promise<SqlConnection> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // json/jsonb come back as text: table content is hashed and copied byte for byte, never reparsed
  return {
    kind: "postgres",
    async transaction(mode, fn) {
      await client.query("BEGIN");
      try {
        if (mode === "snapshot") await client.query(SNAPSHOT);
        const result = await fn(async <R>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as R[]);
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => {});
        throw err;
      }
    },
    close: () => client.end(),
  };
}

/** A quoted identifier ("Pengajuan"); names come from the catalog, quoting keeps odd ones harmless. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface TableInfo {
  name: string;
  /** insertable columns (not generated), in table order */
  columns: string[];
  primaryKey: string[];
  /** columns of foreign keys that point at the table itself */
  selfReferences: string[];
  /** tables this one references (other than itself) */
  references: string[];
  /** has a GENERATED ALWAYS AS IDENTITY column: inserts need OVERRIDING SYSTEM VALUE */
  identityAlways: boolean;
}

/** Tables the migrations manage themselves, never copied as data. */
const SKIPPED = new Set(["_prisma_migrations"]);

/** Ordinary tables of the public schema in foreign-key order (a table after every table it references). */
export async function listTables(query: Query): Promise<TableInfo[]> {
  const tables = await query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  );
  const columns = await query<{ table: string; column: string; generated: string; identity: string }>(
    `SELECT c.relname AS "table", a.attname AS "column", a.attgenerated::text AS generated, a.attidentity::text AS identity
     FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND a.attnum > 0 AND NOT a.attisdropped ORDER BY c.relname, a.attnum`,
  );
  const constraints = await query<{ table: string; type: string; target: string | null; columns: string[] | string }>(
    `SELECT c.relname AS "table", k.contype::text AS type, t.relname AS target,
            ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                  JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS columns
     FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     LEFT JOIN pg_class t ON t.oid = k.confrelid
     WHERE n.nspname = 'public' AND k.contype IN ('p', 'f')`,
  );
  const byName = new Map<string, TableInfo>();
  for (const { name } of tables) {
    if (SKIPPED.has(name)) continue;
    byName.set(name, { name, columns: [], primaryKey: [], selfReferences: [], references: [], identityAlways: false });
  }
  for (const c of columns) {
    const t = byName.get(c.table);
    if (!t) continue;
    if (!c.generated) t.columns.push(c.column);
    if (c.identity === "a") t.identityAlways = true;
  }
  for (const k of constraints) {
    const t = byName.get(k.table);
    if (!t) continue;
    const cols = pgArray(k.columns);
    if (k.type === "p") t.primaryKey = cols;
    else if (k.target === k.table) t.selfReferences.push(...cols);
    else if (k.target && byName.has(k.target) && !t.references.includes(k.target)) t.references.push(k.target);
  }
  // topological order (Kahn), alphabetical among equals so two runs agree
  const ordered: TableInfo[] = [];
  const done = new Set<string>();
  const remaining = [...byName.values()];
  while (remaining.length) {
    const i = remaining.findIndex((t) => t.references.every((r) => done.has(r)));
    if (i < 0) throw new Error(`Foreign keys form a cycle between tables ${remaining.map((t) => t.name).join(", ")}: not supported`);
    const [t] = remaining.splice(i, 1);
    ordered.push(t);
    done.add(t.name);
  }
  return ordered;
}

/** pg returns name[] as a JS array; PGlite may hand back the literal `{a,b}`. */
function pgArray(v: string[] | string): string[] {
  if (Array.isArray(v)) return v;
  return v
    .replace(/^\{|\}$/g, "")
    .split(",")
    .filter(Boolean)
    .map((s) => s.replace(/^"|"$/g, ""));
}

/** Streams a table's rows as JSON text in primary-key order through a cursor (batches of `batch` rows). */
export async function* tableRows(query: Query, table: TableInfo, batch = 1000): AsyncGenerator<string[]> {
  const order = table.primaryKey.length ? table.primaryKey.map(ident).join(", ") : "t::text";
  const cursor = `loket_backup_${table.name.replace(/\W/g, "_").toLowerCase()}`;
  await query(`DECLARE ${cursor} NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${ident(table.name)} t ORDER BY ${order}`);
  try {
    for (;;) {
      const rows = await query<{ j: string }>(`FETCH ${batch} FROM ${cursor}`);
      if (!rows.length) break;
      yield rows.map((r) => r.j);
      if (rows.length < batch) break;
    }
  } finally {
    await query(`CLOSE ${cursor}`);
  }
}

export interface SequenceValue {
  name: string;
  lastValue: string | null;
}

export async function readSequences(query: Query): Promise<SequenceValue[]> {
  const rows = await query<{ name: string; last: string | null }>(
    `SELECT sequencename AS name, last_value::text AS last FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  return rows.map((r) => ({ name: r.name, lastValue: r.last }));
}

/** Names of the migrations applied (finished, not rolled back), in order. */
export async function appliedMigrations(query: Query): Promise<string[]> {
  const exists = await query<{ t: string | null }>(`SELECT to_regclass('public._prisma_migrations')::text AS t`);
  if (!exists[0]?.t) return [];
  const rows = await query<{ name: string }>(
    `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return [...new Set(rows.map((r) => r.name))];
}

// Whether the database has every migration of prisma/migrations, decided by plain SQL against Prisma's own
// `_prisma_migrations` table (names and sha256 checksums of migration.sql), without loading the schema engine.
// The engine (WebAssembly, ~100 MB once instantiated) runs only when something differs, and then in a child
// process (server/db/migrate-child.ts), so the serving process never holds it.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { fromRoot } from "../paths";

export const migrationsDir = fromRoot("prisma", "migrations");

export interface LocalMigration {
  name: string;
  checksum: string;
}

/** The migrations folder: directory names in order, each with the sha256 (hex) of its migration.sql, as Prisma records it. */
export async function localMigrations(dir = migrationsDir): Promise<LocalMigration[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((err: NodeJS.ErrnoException) => {
    if (err.code === "ENOENT") return [];
    throw err;
  });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => ({
      name,
      checksum: createHash("sha256")
        .update(await readFile(path.join(dir, name, "migration.sql")))
        .digest("hex"),
    })),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** Runs one read-only query; both PGlite's and pg's `query` fit. */
export type Query = (sql: string) => Promise<{ rows: unknown[] }>;

export interface MigrationCheck {
  upToDate: boolean;
  /** local migrations the database does not have as finished with the same checksum */
  missing: string[];
  /** rows of the database that are not a finished, matching local migration (unfinished, rolled back, unknown, edited) */
  other: string[];
}

/** Compares the folder with `_prisma_migrations`; a database without the table (a new one) has nothing applied. */
export async function checkMigrations(query: Query, dir = migrationsDir): Promise<MigrationCheck> {
  const local = await localMigrations(dir);
  let rows: AppliedRow[] = [];
  try {
    rows = (await query(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`)).rows as AppliedRow[];
  } catch (err) {
    if ((err as { code?: string }).code !== "42P01") throw err; // undefined_table: nothing applied yet
  }
  const finished = new Map<string, string>();
  const other: string[] = [];
  for (const r of rows) {
    if (r.finished_at != null && r.rolled_back_at == null) finished.set(r.migration_name, r.checksum);
    else if (r.rolled_back_at == null) other.push(r.migration_name); // started, not finished: interrupted or failed
  }
  const missing = local.filter((m) => finished.get(m.name) !== m.checksum).map((m) => m.name);
  const localNames = new Set(local.map((m) => m.name));
  for (const name of finished.keys()) if (!localNames.has(name)) other.push(name);
  return { upToDate: missing.length === 0 && other.length === 0, missing, other };
}

/** MIGRATE: auto (default) applies what is missing at start, in a child process; never refuses to start instead. */
export type MigrateMode = "auto" | "never";

export function migrateMode(value: string | undefined): MigrateMode {
  if (value === undefined || value === "") return "auto";
  const v = value.toLowerCase();
  if (v !== "auto" && v !== "never") throw new Error(`MIGRATE must be auto or never, got "${value}"`);
  return v;
}

export class PendingMigrationsError extends Error {
  constructor(check: MigrationCheck) {
    const what = [
      check.missing.length ? `not applied: ${check.missing.join(", ")}` : "",
      check.other.length ? `unfinished, edited or unknown: ${check.other.join(", ")}` : "",
    ].filter(Boolean);
    super(
      `The database does not match prisma/migrations (${what.join("; ")}). MIGRATE=never: run "npm run db -- deploy" ` +
        `(or "npm run db -- status" to see why), then start again.`,
    );
  }
}

/**
 * A process killed while a migration ran (kill -9 during the first start) leaves its `_prisma_migrations` row
 * started but neither finished nor failed; the engine then refuses every later deploy ("failed migration").
 * Each migration script runs as one implicit transaction (one simple-protocol query, migrate.ts), so the kill
 * rolled its changes back: the row is marked rolled back and the next deploy applies the migration again. A
 * migration that failed with an error has its `logs` set and is left for the operator. Only for the embedded
 * database, where the data-folder lock guarantees no other process is migrating at the same moment.
 */
export async function recoverInterruptedMigrations(pglite: PGlite, log: (message: string) => void) {
  const { rows } = await pglite
    .query<{ migration_name: string }>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NULL AND rolled_back_at IS NULL AND logs IS NULL`)
    .catch(() => ({ rows: [] as { migration_name: string }[] })); // no table yet: a new database
  if (!rows.length) return;
  await pglite.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE finished_at IS NULL AND rolled_back_at IS NULL AND logs IS NULL`);
  log(`Migrations interrupted by a previous process (their changes were rolled back): ${rows.map((r) => r.migration_name).join(", ")}; applying them again`);
}

/**
 * Options for the embedded database's data folder. PostgreSQL's default shared_buffers (128 MB) lives inside
 * PGlite's WebAssembly memory, in this process: measured here, an opened folder took ~290 MB RSS with it and
 * ~175 MB with 16 MB. The folder's files stay in the operating system's page cache, so a small buffer pool costs
 * little. PGLITE_SHARED_BUFFERS overrides it (PostgreSQL units: 32MB, 128MB …).
 */
export function pgliteOptions(defaultStartParams: readonly string[], env: NodeJS.ProcessEnv = process.env) {
  const sharedBuffers = env.PGLITE_SHARED_BUFFERS || "32MB";
  if (!/^\d+\s*(kB|MB|GB)$/.test(sharedBuffers)) throw new Error(`PGLITE_SHARED_BUFFERS must be a size like 32MB, got "${sharedBuffers}"`);
  return { startParams: [...defaultStartParams, "-c", `shared_buffers=${sharedBuffers}`] };
}

/**
 * Opens the embedded database's folder with `pgliteOptions`. PGlite is imported here, on first use, so that a
 * server on PostgreSQL never loads its module.
 *
 * A new folder starts from the build's copy of an initialised, empty cluster (scripts/build.mjs, made once per
 * PGlite version) when there is one, instead of running initdb (~5 s on 2 cores, against ~1 s to unpack and start).
 * From source without a build, PGlite runs initdb itself.
 */
export async function openPGlite(folder: string): Promise<PGlite> {
  const { PGlite } = await import("@electric-sql/pglite");
  const options = pgliteOptions(PGlite.defaultStartParams);
  const initdbCopy = fromRoot("dist", "server", PGLITE_INITDB);
  if (!existsSync(path.join(folder, "PG_VERSION")) && existsSync(initdbCopy))
    return PGlite.create(folder, { ...options, loadDataDir: new Blob([await readFile(initdbCopy)]) });
  return PGlite.create(folder, options);
}

/** scripts/build.mjs PGLITE_INITDB */
const PGLITE_INITDB = "pglite-initdb.tar.gz";

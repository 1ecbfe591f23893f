import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";
import { acquireLock } from "./lock";
import { deployMigrations, pgliteAdapterFactory, pgAdapterFactory } from "./migrate";

export interface Db {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /** names of migrations applied when the database was opened */
  applied: string[];
  /** the embedded database itself (backups read it directly: server/backup) */
  pglite?: PGlite;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgresql:// URL; when absent the embedded PGlite in `dataDir` is used */
  databaseUrl?: string;
  dataDir?: string;
  /** an already open PGlite (tests load one from a migrated dump) */
  pglite?: PGlite;
  migrate?: boolean;
  log?: (message: string) => void;
  /** emit every SQL statement as a Prisma `query` event (tests count them) */
  logQueries?: boolean;
}

export async function openDatabase(opts: OpenOptions): Promise<Db> {
  const log = opts.log ?? (() => {});
  if (opts.databaseUrl) {
    const applied = opts.migrate === false ? [] : await deployMigrations(pgAdapterFactory(opts.databaseUrl));
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: opts.databaseUrl }), ...queryLog(opts) });
    return { kind: "postgres", prisma, applied, close: () => prisma.$disconnect() };
  }

  let release = () => {};
  let pglite = opts.pglite;
  const owned = !pglite;
  if (!pglite) {
    if (!opts.dataDir) throw new Error("dataDir is required for the embedded database");
    fs.mkdirSync(opts.dataDir, { recursive: true });
    release = await acquireLock(path.join(opts.dataDir, "pglite.lock"));
    try {
      pglite = await PGlite.create(path.join(opts.dataDir, "pglite"));
    } catch (err) {
      release();
      throw err;
    }
  }
  try {
    if (owned && opts.migrate !== false) await recoverInterruptedMigrations(pglite, log);
    const applied = opts.migrate === false ? [] : await deployMigrations(pgliteAdapterFactory(pglite));
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    // PGlite learns array types when it opens: enum arrays a migration just created (ApiClient.scopes,
    // WebhookSubscription.events) would otherwise be sent as plain strings ("malformed array literal")
    if (applied.length) await pglite.refreshArrayTypes();
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), ...queryLog(opts) });
    const db = pglite;
    return {
      kind: "pglite",
      prisma,
      applied,
      pglite: db,
      close: async () => {
        await prisma.$disconnect();
        if (owned) await db.close();
        release();
      },
    };
  } catch (err) {
    if (owned) await pglite.close().catch(() => {});
    release();
    throw err;
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
async function recoverInterruptedMigrations(pglite: PGlite, log: (message: string) => void) {
  const { rows } = await pglite.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NULL AND rolled_back_at IS NULL AND logs IS NULL`,
  ).catch(() => ({ rows: [] as { migration_name: string }[] })); // no table yet: a new database
  if (!rows.length) return;
  await pglite.query(`UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE finished_at IS NULL AND rolled_back_at IS NULL AND logs IS NULL`);
  log(`Migrations interrupted by a previous process (their changes were rolled back): ${rows.map((r) => r.migration_name).join(", ")}; applying them again`);
}

function queryLog(opts: OpenOptions) {
  return opts.logQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {};
}

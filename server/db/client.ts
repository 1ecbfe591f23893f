import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaClient } from "../generated/prisma/client";
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { fromRoot } from "../paths";
import { acquireLock, DataDirLockedError } from "./lock";
import { checkMigrations, openPGlite, PendingMigrationsError, recoverInterruptedMigrations } from "./startup";

export interface Db {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /** names of migrations applied when the database was opened */
  applied: string[];
  /** the embedded database itself (backups read it directly: server/backup) */
  pglite?: PGlite;
  close(): Promise<void>;
  /** connection use for /metrics: pg's pool, or PGlite's one connection (busy while a transaction holds it) */
  poolStats?(): PoolStats;
}

export interface PoolStats {
  total: number;
  idle: number;
  /** requests waiting for a connection (not known for PGlite: 0) */
  waiting: number;
  /** PGlite only: a transaction holds its one connection */
  inTransaction?: boolean;
}

export interface OpenOptions {
  /** postgresql:// URL; when absent the embedded PGlite in `dataDir` is used */
  databaseUrl?: string;
  dataDir?: string;
  /** an already open PGlite (tests load one from a migrated dump) */
  pglite?: PGlite;
  /**
   * What to do when the database lacks migrations of prisma/migrations (checked by plain SQL first, so an
   * up-to-date database never loads the schema engine):
   * - true (default): apply them in this process (CLIs, tests);
   * - "child": apply them in a child process (server/db/migrate-child.ts), so the serving process never holds the
   *   engine; with PGlite the database is closed meanwhile and the child holds the data-folder lock;
   * - "never": refuse (PendingMigrationsError);
   * - false: do not look.
   */
  migrate?: boolean | "child" | "never";
  log?: (message: string) => void;
  /** emit every SQL statement as a Prisma `query` event (tests count them) */
  logQueries?: boolean;
  /** PostgreSQL: keep each statement prepared per connection (DATABASE_PREPARED_STATEMENTS; default true) */
  preparedStatements?: boolean;
}

/** How many different statements one process keeps prepared (per connection, on the database's side). */
const PREPARED_MAX = 2000;

/**
 * Names for node-postgres's prepared statements: the same text, the same name, so each connection parses and
 * plans a statement once instead of on every request (the staff queue's statement, with its nested relations,
 * took as long to plan as to run) and no longer sends its text each time. Prisma's statements differ only by
 * their list lengths, so there are a few hundred; past PREPARED_MAX, new ones run unnamed as before, which
 * bounds what the database keeps per connection.
 */
export function statementNames(max = PREPARED_MAX): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    let name = names.get(sql);
    if (name === undefined && names.size < max) {
      name = `loket_${createHash("sha1").update(sql).digest("base64url")}`;
      names.set(sql, name);
    }
    return name;
  };
}

export async function openDatabase(opts: OpenOptions): Promise<Db> {
  const log = opts.log ?? (() => {});
  const migrate = opts.migrate ?? true;
  if (opts.databaseUrl) {
    let applied: string[] = [];
    if (migrate !== false) {
      const check = await checkPostgres(opts.databaseUrl);
      if (check.upToDate) log("Migrations: the database is up to date");
      else {
        if (migrate === "never") throw new PendingMigrationsError(check);
        applied =
          migrate === "child"
            ? await migrateInChild({ databaseUrl: opts.databaseUrl }, log)
            : await (await import("./migrate")).deployMigrations((await import("./migrate")).pgAdapterFactory(opts.databaseUrl));
      }
    }
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    // our own pool (the adapter ends it with the client) so /metrics can read its use
    // the drivers of the other database are never loaded: each is imported where it is used
    const [{ default: pg }, { PrismaPg }] = await Promise.all([import("pg"), import("@prisma/adapter-pg")]);
    const pool = new pg.Pool({ connectionString: opts.databaseUrl });
    // typed as always naming; node-postgres runs a query whose name is undefined unnamed (past PREPARED_MAX)
    const statementNameGenerator = opts.preparedStatements === false ? undefined : (statementNames() as (query: { sql: string }) => string);
    const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true, statementNameGenerator }), ...queryLog(opts) });
    const poolStats = () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount });
    return { kind: "postgres", prisma, applied, close: () => prisma.$disconnect(), poolStats };
  }

  let release = () => {};
  let pglite = opts.pglite;
  const owned = !pglite;
  let applied: string[] = [];
  if (!pglite) {
    if (!opts.dataDir) throw new Error("dataDir is required for the embedded database");
    const dataDir = opts.dataDir;
    fs.mkdirSync(dataDir, { recursive: true });
    const lockFile = path.join(dataDir, "pglite.lock");
    const folder = path.join(dataDir, "pglite");
    release = await acquireLock(lockFile);
    try {
      // a new data folder certainly needs every migration: let the child create it, without opening it here first
      if (migrate === "child" && !fs.existsSync(path.join(folder, "PG_VERSION"))) {
        release();
        applied = await migrateInChild({ dataDir }, log);
        release = await acquireLock(lockFile);
      }
      pglite = await openPGlite(folder);
      if (migrate === "child" || migrate === "never") {
        const check = await checkMigrations((sql) => pglite!.query(sql));
        if (check.upToDate && !applied.length) log("Migrations: the database is up to date");
        if (!check.upToDate) {
          if (migrate === "never") throw new PendingMigrationsError(check);
          // PGlite is one process's: close it, let the child migrate under the lock, open it again
          await pglite.close();
          pglite = undefined;
          release();
          applied = [...applied, ...(await migrateInChild({ dataDir }, log))];
          release = await acquireLock(lockFile);
          pglite = await openPGlite(folder);
        }
      }
    } catch (err) {
      await pglite?.close().catch(() => {});
      release();
      throw err;
    }
  }
  try {
    if (migrate === true) {
      const check = await checkMigrations((sql) => pglite.query(sql));
      if (!check.upToDate) {
        const { deployMigrations, pgliteAdapterFactory } = await import("./migrate");
        if (owned) await recoverInterruptedMigrations(pglite, log);
        applied = await deployMigrations(pgliteAdapterFactory(pglite));
      }
    }
    if (applied.length) log(`Applied migrations: ${applied.join(", ")}`);
    // PGlite learns array types when it opens: enum arrays a migration just created (ApiClient.scopes,
    // WebhookSubscription.events) would otherwise be sent as plain strings ("malformed array literal")
    if (applied.length) await pglite.refreshArrayTypes();
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite), ...queryLog(opts) });
    const db = pglite;
    return {
      kind: "pglite",
      prisma,
      applied,
      poolStats: () => {
        const busy = !db.closed && db.isInTransaction();
        return { total: 1, idle: busy ? 0 : 1, waiting: 0, inTransaction: busy };
      },
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

async function checkPostgres(databaseUrl: string) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await checkMigrations((sql) => client.query(sql));
  } finally {
    await client.end().catch(() => {});
  }
}

export type MigrateTarget = { databaseUrl: string } | { dataDir: string };

/**
 * Runs server/db/migrate-child.ts (dist/server/migrate.js in the build) and returns the names it applied. The
 * child exits when this process dies (its IPC channel closes); with PGlite it holds the data-folder lock while it runs.
 */
export function migrateInChild(target: MigrateTarget, log: (message: string) => void): Promise<string[]> {
  const fromSource = fileURLToPath(import.meta.url).endsWith(".ts");
  const [entry, execArgv] = fromSource
    ? [fromRoot("server", "db", "migrate-child.ts"), ["--import", "tsx"]]
    : [fromRoot("dist", "server", "migrate.js"), ["--enable-source-maps"]];
  log("Applying migrations in a child process");
  return new Promise((resolve, reject) => {
    const child = fork(entry, [], {
      execArgv,
      env: { ...process.env, LOKET_MIGRATE_TARGET: JSON.stringify(target) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: MigrateChildMessage | undefined;
    child.on("message", (m: MigrateChildMessage) => (result = m));
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (result?.type === "done") resolve(result.applied);
      else if (result?.type === "failed") reject(result.locked ? new DataDirLockedError(result.locked.lockFile, result.locked.pid) : new Error(result.error));
      else reject(new Error(`The migration process ended without an answer (${signal ?? `exit code ${code}`})`));
    });
  });
}

export type MigrateChildMessage = { type: "done"; applied: string[] } | { type: "failed"; error: string; locked?: { lockFile: string; pid: number } };

function queryLog(opts: OpenOptions) {
  return opts.logQueries ? { log: [{ emit: "event" as const, level: "query" as const }] } : {};
}

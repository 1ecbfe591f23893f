// Database migrations from the command line: `npm run db -- <command>`.
// Prisma's own `migrate` commands need a native engine that cannot be downloaded here; see
// server/db/migrate.ts.
import { mkdir } from "node:fs/promises";
import path from "node:path";

import { acquireLock } from "../server/db/lock";
import { openPGlite } from "../server/db/startup";
import {
  createMigration,
  deployMigrations,
  driftCheck,
  markMigrationApplied,
  markMigrationRolledBack,
  migrationStatus,
  pgAdapterFactory,
  pgliteAdapterFactory,
  type AdapterFactory,
} from "../server/db/migrate";

const usage = `Usage: npm run db -- <command>

Commands:
  migrate <name>  Create prisma/migrations/<timestamp>_<name>/migration.sql from the changes in
                  prisma/schema.prisma (needs no database).
  deploy          Apply the migrations the database does not have yet.
  status          Show which migrations are applied, pending or in trouble; exit code 1 unless
                  the database is up to date.
  drift           Compare the database with prisma/schema.prisma; exit code 1 when they differ.
  resolve rolled-back <migration>
                  After undoing a failed migration by hand: deploy will run it again.
  resolve applied <migration>
                  After finishing a failed migration by hand: record it as applied.

Database: PostgreSQL when DATABASE_URL starts with "postgres", otherwise the embedded PGlite
database in $DATA_DIR/pglite (DATA_DIR defaults to ./.data).`;

interface Target {
  description: string;
  factory: AdapterFactory;
  close(): Promise<void>;
}

async function openTarget(): Promise<Target> {
  const url = process.env.DATABASE_URL ?? "";
  if (url.startsWith("postgres")) {
    return {
      description: `PostgreSQL database ${describeUrl(url)}`,
      factory: pgAdapterFactory(url),
      close: async () => {}, // each engine call closes its own pool
    };
  }
  const dataDir = path.resolve(process.env.DATA_DIR || ".data");
  const dir = path.join(dataDir, "pglite");
  await mkdir(dir, { recursive: true });
  // The same lock as the server's: two processes on one PGlite folder silently lose writes.
  const release = await acquireLock(path.join(dataDir, "pglite.lock"));
  try {
    const pglite = await openPGlite(dir);
    return {
      description: `PGlite database in ${displayPath(dir)}`,
      factory: pgliteAdapterFactory(pglite),
      close: async () => {
        try {
          await pglite.close(); // a clean shutdown spares the next opener a crash recovery
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

function displayPath(dir: string): string {
  const relative = path.relative(process.cwd(), dir);
  return relative === "" || relative.startsWith("..") ? dir : relative;
}

/** Host and database only: the URL may hold a password. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

const seconds = (start: number) => `${((performance.now() - start) / 1000).toFixed(1)} s`;
const list = (names: string[]) => names.map((name) => `  - ${name}`).join("\n");

async function withTarget(action: (target: Target) => Promise<number>): Promise<number> {
  const target = await openTarget();
  try {
    return await action(target);
  } finally {
    await target.close();
  }
}

async function run(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const start = performance.now();
  switch (command) {
    case "migrate": {
      const name = rest.join("_");
      if (name === "") {
        console.error("Give the migration a name, e.g. npm run db -- migrate add_layanan.");
        return 2;
      }
      const file = await createMigration(name);
      if (file === null) {
        console.log(`No change: prisma/schema.prisma matches the existing migrations (${seconds(start)}).`);
      } else {
        console.log(`Created ${path.relative(process.cwd(), file)} (${seconds(start)}). Review it before committing.`);
      }
      return 0;
    }
    case "deploy":
      return withTarget(async (target) => {
        const applied = await deployMigrations(target.factory);
        if (applied.length === 0) {
          console.log(`${target.description} is already up to date (${seconds(start)}).`);
        } else {
          console.log(`Applied ${applied.length} migration(s) to ${target.description} (${seconds(start)}):\n${list(applied)}`);
        }
        return 0;
      });
    case "status":
      return withTarget(async (target) => {
        const status = await migrationStatus(target.factory);
        console.log(`${target.description}: ${status.applied.length} migration(s) applied.`);
        if (status.pending.length > 0) {
          console.log(`Not yet applied (run "npm run db -- deploy"):\n${list(status.pending)}`);
        }
        for (const problem of status.problems) console.log(`Problem: ${problem}`);
        if (status.failed.length > 0) {
          console.log('Resolve with "npm run db -- resolve rolled-back <migration>" or "... resolve applied <migration>".');
        }
        if (status.upToDate) console.log("The database is up to date with the migrations folder.");
        return status.upToDate ? 0 : 1;
      });
    case "drift":
      return withTarget(async (target) => {
        const sql = await driftCheck(target.factory);
        if (sql === "") {
          console.log(`No drift: ${target.description} matches prisma/schema.prisma.`);
          return 0;
        }
        console.log(`Drift: ${target.description} differs from prisma/schema.prisma. ` + `This SQL would make it match:\n\n${sql}\n`);
        return 1;
      });
    case "resolve": {
      const [how, migration] = rest;
      if ((how !== "rolled-back" && how !== "applied") || !migration) {
        console.error(`Say how the migration was resolved.\n\n${usage}`);
        return 2;
      }
      return withTarget(async (target) => {
        if (how === "rolled-back") {
          await markMigrationRolledBack(target.factory, migration);
          console.log(`Recorded ${migration} as rolled back in ${target.description}; deploy will apply it again.`);
        } else {
          await markMigrationApplied(target.factory, migration);
          console.log(`Recorded ${migration} as applied in ${target.description}.`);
        }
        return 0;
      });
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(usage);
      return command === undefined ? 2 : 0;
    default:
      console.error(`Unknown command "${command}".\n\n${usage}`);
      return 2;
  }
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? `Failed: ${error.message}` : error);
  process.exitCode = 1;
}
// Exit explicitly: a PGlite or pg handle left open by a failure must not keep the CLI hanging.
process.exit();

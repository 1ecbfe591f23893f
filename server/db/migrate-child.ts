// The child process that applies migrations for a starting server (server/db/client.ts migrateInChild), so the
// schema engine's WebAssembly never lives in the serving process. With PGlite the parent has closed the database
// and released the data-folder lock; this process takes the lock (marked as a migration, so a start arriving
// meanwhile waits for it instead of failing) and gives it back when it exits.
import fs from "node:fs";
import path from "node:path";
import { acquireLock, DataDirLockedError } from "./lock";
import { deployMigrations, pgAdapterFactory, pgliteAdapterFactory } from "./migrate";
import { openPGlite, recoverInterruptedMigrations } from "./startup";
import type { MigrateChildMessage, MigrateTarget } from "./client";

// the server that started us is gone (killed, even with kill -9): stop; a migration cut short is rolled back
// (one transaction per script) and the next start completes it
process.on("disconnect", () => process.exit(1));

async function run(target: MigrateTarget): Promise<string[]> {
  if ("databaseUrl" in target) return deployMigrations(pgAdapterFactory(target.databaseUrl));
  fs.mkdirSync(target.dataDir, { recursive: true });
  const release = await acquireLock(path.join(target.dataDir, "pglite.lock"), { migrating: true });
  try {
    const pglite = await openPGlite(path.join(target.dataDir, "pglite"));
    try {
      await recoverInterruptedMigrations(pglite, (m) => console.error(m));
      return await deployMigrations(pgliteAdapterFactory(pglite));
    } finally {
      await pglite.close(); // a clean shutdown spares the server's reopening a crash recovery
    }
  } finally {
    release();
  }
}

function answer(message: MigrateChildMessage): Promise<void> {
  return new Promise((resolve) => (process.send ? process.send(message, () => resolve()) : resolve()));
}

if (!process.send) {
  console.error("server/db/migrate-child.ts is started by the server; to migrate by hand run: npm run db -- deploy");
  process.exit(2);
}
try {
  const applied = await run(JSON.parse(process.env.LOKET_MIGRATE_TARGET ?? "null") as MigrateTarget);
  await answer({ type: "done", applied });
  process.exit(0);
} catch (err) {
  const locked = err instanceof DataDirLockedError ? { lockFile: err.lockFile, pid: err.pid } : undefined;
  await answer({ type: "failed", error: err instanceof Error ? err.message : String(err), locked });
  process.exit(1);
}

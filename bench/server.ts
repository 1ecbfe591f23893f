/**
 * The server side of `npm run bench`: boots Loket like server/main.ts (config from the environment, migrate,
 * reference and demo data) on PORT (0: any free port) and tells the parent its port over the IPC channel.
 * It exits when the parent asks (SIGTERM/SIGINT) or disappears (the IPC channel closes), so a killed
 * benchmark never leaves a server (or its temporary DATA_DIR, BENCH_TEMP_DATA_DIR) behind.
 * SEED_DEMO=false (a second instance on a database another instance already seeded) skips the demo data.
 * Once ready, it answers `fixture` messages (bench/fixtures.ts: set-up rows written with Prisma).
 */
// first: decides how WebAssembly is compiled before any module is
import { limitHeapGrowth } from "../server/v8-settings";
import fs from "node:fs";
import { loadConfig } from "../server/config";
import { openDatabase, type Db } from "../server/db/client";
import { buildApp, type App } from "../server/app";
import { deriveKeys, loadMasterSecret } from "../server/lib/crypto";
import { ensureReferenceData, seedDemo } from "../server/seed";
import { runFixture, type FixtureRequest } from "./fixtures";

/** child → parent */
export type ServerMessage =
  | { type: "ready"; port: number; db: Db["kind"]; bootMs: number; migrated: number }
  | { type: "failed"; error: string }
  | { type: "fixture-done"; id: number; result: unknown }
  | { type: "fixture-failed"; id: number; error: string };

/** parent → child: write fixture rows (bench/fixtures.ts) and answer with the same id */
export type ParentMessage = { type: "fixture"; id: number; request: FixtureRequest };

let app: App | undefined;
let db: Db | undefined;
let closing = false;

async function shutdown(code = 0) {
  if (closing) return;
  closing = true;
  setTimeout(() => process.exit(1), 5_000).unref();
  try {
    await app?.stop();
    await db?.close();
    // the parent removes the folder too; this covers a parent that was killed
    if (process.env.BENCH_TEMP_DATA_DIR) fs.rmSync(process.env.BENCH_TEMP_DATA_DIR, { recursive: true, force: true });
  } finally {
    process.exit(code);
  }
}

process.on("SIGTERM", () => void shutdown());
process.on("SIGINT", () => void shutdown());
process.on("disconnect", () => void shutdown());

async function main() {
  if (!process.send) throw new Error("bench/server.ts is started by bench/run.ts (it needs the IPC channel)");
  const started = performance.now();
  const config = loadConfig();
  const keys = deriveKeys(loadMasterSecret(config.secret, config.dataDir));
  // as server/main.ts: migrations (when the database lacks any) in a child process
  db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    preparedStatements: config.databasePreparedStatements,
    migrate: "child",
  });
  await ensureReferenceData(db.prisma);
  if (config.seedDemo) await seedDemo(db.prisma, keys, config);
  app = await buildApp({ config, db, keys });
  const deps = { prisma: db.prisma, keys, config, calendarChanged: (id: string | null) => app?.services.calendars.changed(id) };
  process.on("message", (m: ParentMessage) => {
    if (m?.type !== "fixture") return;
    runFixture(deps, m.request).then(
      (result) => process.send?.({ type: "fixture-done", id: m.id, result } satisfies ServerMessage),
      (err) =>
        process.send?.({ type: "fixture-failed", id: m.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies ServerMessage),
    );
  });
  const port = await app.start(config.port, config.host);
  limitHeapGrowth();
  if (closing) return;
  const ready: ServerMessage = { type: "ready", port, db: db.kind, bootMs: Math.round(performance.now() - started), migrated: db.applied.length };
  process.send(ready);
}

main().catch((err) => {
  const failed: ServerMessage = { type: "failed", error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  process.send?.(failed);
  console.error(err);
  void shutdown(1);
});

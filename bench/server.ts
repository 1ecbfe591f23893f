/**
 * The server side of `npm run bench`: boots Loket like server/main.ts (config from the environment, migrate,
 * reference and demo data) on PORT (0: any free port) and tells the parent its port over the IPC channel.
 * It exits when the parent asks (SIGTERM/SIGINT) or disappears (the IPC channel closes), so a killed
 * benchmark never leaves a server (or its temporary DATA_DIR, BENCH_TEMP_DATA_DIR) behind.
 */
import fs from "node:fs";
import { loadConfig } from "../server/config";
import { openDatabase, type Db } from "../server/db/client";
import { buildApp, type App } from "../server/app";
import { deriveKeys, loadMasterSecret } from "../server/lib/crypto";
import { ensureReferenceData, seedDemo } from "../server/seed";

export type ServerMessage =
  | { type: "ready"; port: number; db: Db["kind"]; bootMs: number }
  | { type: "failed"; error: string };

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
  db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await ensureReferenceData(db.prisma);
  await seedDemo(db.prisma, keys, config);
  app = buildApp({ config, db, keys });
  const port = await app.start(config.port, config.host);
  if (closing) return;
  const ready: ServerMessage = { type: "ready", port, db: db.kind, bootMs: Math.round(performance.now() - started) };
  process.send(ready);
}

main().catch((err) => {
  const failed: ServerMessage = { type: "failed", error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  process.send?.(failed);
  console.error(err);
  void shutdown(1);
});

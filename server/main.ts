import { loadConfig } from "./config";
import { openDatabase } from "./db/client";
import { DataDirLockedError } from "./db/lock";
import { KeyMismatchError, verifyKeyCheck } from "./db/key-check";
import { buildApp } from "./app";
import { deriveKeys, loadMasterSecret } from "./lib/crypto";
import { ensureReferenceData, seedDemo } from "./seed";
import { createLogger } from "./logger";
import { startAdminSocket } from "./admin-socket";
import { backupAdminHandler } from "./backup/commands";

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const keys = deriveKeys(loadMasterSecret(config.secret, config.dataDir));
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    log: (m) => log.info(m),
  });
  log.info(db.kind === "pglite" ? `Database: embedded PGlite in ${config.dataDir}` : "Database: PostgreSQL (DATABASE_URL)");
  try {
    if ((await verifyKeyCheck(db.prisma, keys)) === "written") log.info("Key check value stored: instances on this database must use this LOKET_SECRET");
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  const holidays = await ensureReferenceData(db.prisma);
  if (holidays) log.info(`Seeded ${holidays} national holiday rows (2026)`);
  if (config.seedDemo && (await seedDemo(db.prisma, keys, config))) {
    log.info("Seeded demo data (instansi KMG-MADIUN, admin, petugas, warga); passwords are in the README");
  }
  const app = buildApp({ config, db, keys });
  const port = await app.start();
  // the embedded database's folder is locked by this process: `npm run admin -- backup` asks it over a socket
  const adminSocket =
    db.kind === "pglite"
      ? await startAdminSocket(config.dataDir, { backup: backupAdminHandler({ db, storage: app.services.storage, keys }) }, log).catch((err) => {
          log.error("Admin socket not available (backups need the server stopped)", err);
          return null;
        })
      : null;

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    try {
      await adminSocket?.close();
      await app.stop();
      await db.close();
      process.exit(0);
    } catch (err) {
      log.error("Shutdown failed", err);
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  // announced only once a SIGTERM is handled: a supervisor (or a test) that stops the server as soon as it reads
  // this line gets a clean shutdown, not the default action of the signal
  log.info(`Loket is listening on http://localhost:${port}/ (GraphQL at /graphql${config.graphiql ? ", GraphiQL enabled" : ""})`);
}

main().catch((err) => {
  if (err instanceof DataDirLockedError || err instanceof KeyMismatchError) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});

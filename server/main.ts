// first: decides how WebAssembly is compiled before any module is
import { limitHeapGrowth } from "./v8-settings";
import { ConfigError, EXIT_CONFIG, loadConfig, startupCheck } from "./config";
import { openDatabase } from "./db/client";
import { DataDirLockedError } from "./db/lock";
import { migrateMode, PendingMigrationsError } from "./db/startup";
import { KeyMismatchError, verifyKeyCheck } from "./db/key-check";
import { buildApp } from "./app";
import { deriveKeys, loadMasterSecret } from "./lib/crypto";
import { demoAccountsWithReadmePasswords, ensureReferenceData, seedDemo } from "./seed";
import { createLogger } from "./logger";
import { StorageUnavailableError } from "./modules/files/store";
import { createFileStorage } from "./modules/files/storage";
import { type AdminHandler, startAdminSocket } from "./admin-socket";

/**
 * An admin socket command whose code (archives, progress bars, the migration helpers) is loaded when it is first
 * asked for, not at every start.
 */
function onFirstUse(load: () => Promise<AdminHandler>): AdminHandler {
  let handler: Promise<AdminHandler> | undefined;
  return async (args, reply) => (await (handler ??= load()))(args, reply);
}

async function main() {
  const config = loadConfig();
  const log = createLogger(config.logLevel, config.logFormat);
  // unsafe production settings are refused before anything is opened or written (config.ts startupCheck)
  const check = startupCheck(config);
  if (check.refuse.length > 0) throw new ConfigError(check.refuse.join("\n"));
  for (const warning of check.warnings) log.warn(warning);
  const keys = deriveKeys(loadMasterSecret(config.secret, config.dataDir));
  // a bucket that cannot be reached or written is refused before anything else, not found at the first upload
  const storage = createFileStorage(config);
  await storage.check();
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    preparedStatements: config.databasePreparedStatements,
    // the schema engine never loads here: migrations run in a child process, or not at all with MIGRATE=never
    migrate: migrateMode(process.env.MIGRATE) === "never" ? "never" : "child",
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
  if (config.env === "production") {
    const open = await demoAccountsWithReadmePasswords(db.prisma, keys);
    if (open.length > 0)
      log.warn(`Demo accounts (${open.join(", ")}) can log in with the passwords printed in the README: suspend them or change their passwords`);
  }
  const app = await buildApp({ config, db, keys, storage });
  if (config.storage.kind === "s3")
    log.info(`File storage: S3 bucket ${config.storage.bucket}${config.storage.endpoint ? ` at ${config.storage.endpoint}` : ""}`);
  if (!config.workers) log.info("WORKERS=false: API-only instance (no email, webhook, PPID check or file sweep loops)");
  const port = await app.start();
  limitHeapGrowth();
  // the embedded database's folder is locked by this process: `npm run admin -- backup|export-instansi|import-instansi`
  // ask it over a socket
  const adminSocket =
    db.kind === "pglite"
      ? await startAdminSocket(
          config.dataDir,
          {
            backup: onFirstUse(async () => (await import("./backup/commands")).backupAdminHandler({ db, storage: app.services.storage, keys })),
            ...Object.fromEntries(
              (["export-instansi", "import-instansi"] as const).map((command) => [
                command,
                onFirstUse(
                  async () =>
                    (await import("./backup/office-cli")).officeAdminHandlers({
                      prisma: db.prisma,
                      keys,
                      storage: app.services.storage,
                      dataDir: config.dataDir,
                    })[command],
                ),
              ]),
            ),
          },
          log,
        ).catch((err) => {
          log.error("Admin socket not available (backups and office moves need the server stopped)", err);
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
  if (
    err instanceof ConfigError ||
    err instanceof DataDirLockedError ||
    err instanceof KeyMismatchError ||
    err instanceof StorageUnavailableError ||
    err instanceof PendingMigrationsError
  ) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  // 78 (EX_CONFIG, sysexits.h) for a refused setting: the systemd unit's RestartPreventExitStatus=78 does not
  // restart a server that would only be refused again
  process.exit(err instanceof ConfigError ? EXIT_CONFIG : 1);
});

/**
 * `npm run admin -- backup <file>` and `restore <file>` (wired in server/cli/admin.ts), and the server's side of
 * a backup asked through the admin socket (server/admin-socket.ts).
 *
 * backup: with DATABASE_URL the CLI reads PostgreSQL directly (a snapshot transaction does not disturb the
 * running servers). With the embedded database the running server holds the data folder, so the CLI asks it
 * over DATA_DIR/admin.sock and writes the bytes it streams back; when no server runs, the CLI opens the folder.
 * The archive is written to `<file>.partial` and renamed when complete, so a file at `<file>` is always whole.
 */
import { createFileStorage } from "../modules/files/storage";
import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import type { Config } from "../config";
import { openDatabase, type Db } from "../db/client";
import { deployMigrations, pgAdapterFactory, pgliteAdapterFactory } from "../db/migrate";
import { deriveKeys, type Keys, loadMasterSecret } from "../lib/crypto";
import { type FileStorage, LocalFileStorage } from "../modules/files/store";
import { ADMIN_SOCKET, type AdminHandler, AdminCommandError, AdminSocketUnavailable, callAdmin } from "../admin-socket";
import { type BackupManifest, BackupError, type OnProgress, type Progress, writeBackup } from "./backup";
import { type RestoreDatabase, restoreBackup } from "./restore";
import { pgliteConnection, postgresConnection, type SqlConnection } from "./sql";

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
}

const summarize = (m: BackupManifest): BackupSummary => ({
  tables: m.tables.length,
  rows: m.tables.reduce((a, t) => a + t.rows, 0),
  files: m.files.length,
  fileBytes: m.files.reduce((a, f) => a + f.size, 0),
});

/** The file storage of this install. TODO(integration): the storage factory (local | s3) once it exists. */
export function installStorage(config: Config): FileStorage {
  return createFileStorage(config);
}

/** The server's `backup` admin command (embedded database): streams the archive to the client. */
export function backupAdminHandler(deps: { db: Db; storage: FileStorage; keys: Keys }): AdminHandler {
  return async (_args, reply) => {
    if (!deps.db.pglite) throw new AdminCommandError("This server does not use the embedded database: run the backup with DATABASE_URL set.");
    let last = 0;
    const manifest = await writeBackup({ sql: pgliteConnection(deps.db.pglite), storage: deps.storage, keys: deps.keys }, reply.output, (p) => {
      const now = Date.now();
      if (now - last > 100 || p.done === p.total) {
        reply.progress(p);
        last = now;
      }
    }).catch((err: unknown) => {
      throw err instanceof BackupError ? new AdminCommandError(err.message) : err;
    });
    return summarize(manifest);
  };
}

// ---------------------------------------------------------------------------------------------------
// Progress on stderr: a bar on a terminal, plain lines otherwise (CI, logs)

function progressReporter(verb: string): { onProgress: OnProgress; stop(): void } {
  const tty = process.stderr.isTTY;
  let bar: cliProgress.SingleBar | null = null;
  let phase: Progress["phase"] | null = null;
  let lastLine = 0;
  const unit = (p: Progress["phase"]) => (p === "files" ? "bytes" : "rows");
  return {
    onProgress(p) {
      if (p.phase !== phase) {
        bar?.stop();
        bar = null;
        phase = p.phase;
        if (tty && p.total > 0) {
          bar = new cliProgress.SingleBar(
            {
              format: `${verb} ${p.phase.padEnd(8)} [{bar}] {percentage}% {value}/{total} ${unit(p.phase)} {detail}`,
              stream: process.stderr,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total, p.done, { detail: "" });
        } else if (!tty) {
          process.stderr.write(`${verb}: ${p.phase}${p.total ? ` (${p.total} ${unit(p.phase)})` : ""}\n`);
          lastLine = Date.now();
        }
      }
      if (bar) bar.update(p.done, { detail: p.detail ?? "" });
      else if (!tty && (Date.now() - lastLine > 2000 || (p.total > 0 && p.done === p.total))) {
        lastLine = Date.now();
        process.stderr.write(`${verb}: ${p.phase} ${p.done}${p.total ? `/${p.total}` : ""} ${unit(p.phase)}${p.detail ? ` (${p.detail})` : ""}\n`);
      } else if (tty && !bar) process.stderr.write(`\r${verb} ${p.phase}: ${p.done} ${unit(p.phase)}   `);
    },
    stop() {
      bar?.stop();
      if (tty && !bar && phase) process.stderr.write("\n");
    },
  };
}

const formatBytes = (n: number) => (n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 / 1024).toFixed(1)} MiB`);

// ---------------------------------------------------------------------------------------------------
// backup

export async function backupCommand(config: Config, file: string): Promise<BackupSummary> {
  const target = path.resolve(file);
  const partial = `${target}.partial`;
  if (fs.existsSync(target)) throw new BackupError(`${target} exists already; choose another file name (a backup never overwrites one).`);
  const out = fs.createWriteStream(partial, { mode: 0o600, flags: "wx" });
  await new Promise<void>((resolve, reject) => {
    out.once("open", () => resolve());
    out.once("error", reject);
  }).catch((err: NodeJS.ErrnoException) => {
    throw new BackupError(err.code === "EEXIST" ? `${partial} exists: another backup is writing it, or remove it.` : `Cannot write ${partial}: ${err.message}`);
  });
  const progress = progressReporter("backup");
  const started = Date.now();
  try {
    let summary: BackupSummary;
    if (config.databaseUrl) {
      const sql = await postgresConnection(config.databaseUrl);
      try {
        const keys = deriveKeys(loadMasterSecret(config.secret, config.dataDir));
        summary = summarize(await writeBackup({ sql, storage: installStorage(config), keys }, out, progress.onProgress));
      } finally {
        await sql.close();
      }
    } else {
      summary = await backupEmbedded(config, out, progress.onProgress);
    }
    progress.stop();
    fs.renameSync(partial, target);
    process.stderr.write(
      `Backup written to ${target}: ${summary.tables} tables, ${summary.rows} rows, ${summary.files} files (${formatBytes(summary.fileBytes)}), ` +
        `${formatBytes(fs.statSync(target).size)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return summary;
  } catch (err) {
    progress.stop();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw err instanceof AdminCommandError ? new BackupError(err.message) : err;
  }
}

async function backupEmbedded(config: Config, out: fs.WriteStream, onProgress: OnProgress): Promise<BackupSummary> {
  const socketPath = path.join(config.dataDir, ADMIN_SOCKET);
  try {
    const result = (await callAdmin(socketPath, { command: "backup", output: out, onProgress: (p) => onProgress(p as Progress) })) as BackupSummary;
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return result;
  } catch (err) {
    if (!(err instanceof AdminSocketUnavailable)) throw err;
  }
  // no server runs on this folder: open it ourselves (refused with a clear message if a server holds it anyway)
  const db = await openDatabase({ dataDir: config.dataDir, migrate: false });
  try {
    const keys = deriveKeys(loadMasterSecret(config.secret, config.dataDir));
    return summarize(await writeBackup({ sql: pgliteConnection(db.pglite!), storage: installStorage(config), keys }, out, onProgress));
  } finally {
    await db.close();
  }
}

// ---------------------------------------------------------------------------------------------------
// restore

/** Entries of a data folder that do not make it "used": the key an operator copies in before restoring. */
const ALLOWED_IN_EMPTY_DATA_DIR = new Set(["secret.key", "lost+found"]);

export async function restoreCommand(config: Config, file: string): Promise<void> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`${source} does not exist.`);
  // never create a key here: a new random key could only be refused, and would leave the folder non-empty
  if (!config.secret && !fs.existsSync(path.join(config.dataDir, "secret.key"))) {
    throw new BackupError(
      `No key: set LOKET_SECRET to the secret the backed-up install used, or copy its secret.key to ${path.join(config.dataDir, "secret.key")}. Nothing was restored.`,
    );
  }
  const keys = deriveKeys(loadMasterSecret(config.secret, config.dataDir));
  const storage = installStorage(config);
  const filesRoot = storage instanceof LocalFileStorage ? storage.root : null;
  const storageEmpty = async () => !filesRoot || !hasFiles(filesRoot);

  let opened: { sql: SqlConnection; db: Db | null } | null = null;
  const connect = async (): Promise<RestoreDatabase> => {
    if (config.databaseUrl) {
      const url = config.databaseUrl;
      const sql = await postgresConnection(url);
      opened = { sql, db: null };
      return { sql, deploy: async (dir) => void (await deployMigrations(pgAdapterFactory(url), { migrationsDir: dir })) };
    }
    const db = await openDatabase({ dataDir: config.dataDir, migrate: false });
    const pglite = db.pglite!;
    opened = { sql: pgliteConnection(pglite), db };
    return { sql: opened.sql, deploy: async (dir) => void (await deployMigrations(pgliteAdapterFactory(pglite), { migrationsDir: dir })) };
  };
  if (!config.databaseUrl) {
    const used = usedEntries(config.dataDir);
    if (used.length) {
      throw new BackupError(
        `The data folder ${config.dataDir} is not empty (${used.slice(0, 5).join(", ")}${used.length > 5 ? ", …" : ""}). ` +
          "Restore into an empty folder (it may hold secret.key). Nothing was restored.",
      );
    }
  }
  const progress = progressReporter("restore");
  const started = Date.now();
  let ok = false;
  try {
    const { manifest, laterMigrations } = await restoreBackup(fs.createReadStream(source), { connect, storage, keys, storageEmpty }, progress.onProgress);
    ok = true;
    progress.stop();
    const s = summarize(manifest);
    process.stderr.write(
      `Restored ${source} (made ${manifest.created}): ${s.tables} tables, ${s.rows} rows, ${s.files} files (${formatBytes(s.fileBytes)}) ` +
        `in ${((Date.now() - started) / 1000).toFixed(1)} s; every table and file matches the manifest.\n` +
        (laterMigrations.length
          ? `${laterMigrations.length} newer migration(s) of this Loket will be applied at the next start: ${laterMigrations.join(", ")}\n`
          : ""),
    );
  } finally {
    progress.stop();
    const o = opened as { sql: SqlConnection; db: Db | null } | null;
    if (o) {
      await o.sql.close();
      await o.db?.close();
    }
    // the embedded database was created by this restore: a failed one leaves the folder empty again, to retry
    if (!ok && !config.databaseUrl) for (const n of usedEntries(config.dataDir)) fs.rmSync(path.join(config.dataDir, n), { recursive: true, force: true });
  }
}

function usedEntries(dataDir: string): string[] {
  return fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((n) => !ALLOWED_IN_EMPTY_DATA_DIR.has(n)) : [];
}

function hasFiles(dir: string): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  return entries.some((e) => (e.isDirectory() ? e.name !== ".tmp" && hasFiles(path.join(dir, e.name)) : true));
}

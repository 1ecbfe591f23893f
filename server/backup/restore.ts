/**
 * Restores a backup (backup.ts) into an empty database and an empty file storage.
 *
 * Refused before anything is written: an archive that is not a Loket backup or has a newer format; a key that
 * does not match the archive's key check value; an archive whose migrations this code does not know (made by a
 * newer Loket); a target that holds rows or files. Then the migrations are applied up to the archive's (later ones
 * run on the next start, over the restored rows, as for any upgrade), and in ONE transaction every table's rows are
 * inserted in foreign-key order, sequences set, files stored (each checked against its SHA-256), and every table
 * is read back and compared with the manifest's row count and SHA-256. Any failure rolls the rows back and
 * deletes the files this restore stored.
 *
 * Tables derived by triggers (derived.ts) are not in a backup: the triggers fire as the base rows are inserted,
 * and `statistik_hitung_ulang()` then counts the queue from scratch and drops the stored statistics, in the same
 * transaction. An archive from before that rule may hold them: their rows are checked against the manifest but
 * not inserted (they would add to what the triggers counted).
 *
 * The audit trail's append-only trigger refuses UPDATE and DELETE only: restoring inserts, so the trigger is
 * neither disabled nor touched. Rows that point at a row of their own table (Pengajuan.asalId) are inserted with
 * that column empty and the reference set once the whole table is in (a batch may hold a child before its parent).
 */
import { createHash, randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { keyCheckValue } from "../db/key-check";
import { defaultMigrationsDir } from "../db/migrate";
import type { Keys } from "../lib/crypto";
import type { FileStorage } from "../modules/files/store";
import { type ArchiveEntry, ArchiveFormatError, readArchive } from "./archive";
import { BACKUP_FORMAT, BACKUP_KIND, type BackupHeader, type BackupManifest, BackupError, HEADER_ENTRY, MANIFEST_ENTRY, type OnProgress } from "./backup";
import { isDerived, recomputeDerived } from "./derived";
import { appliedMigrations, ident, listTables, type Query, type SequenceValue, type SqlConnection, type TableInfo, tableRows } from "./sql";

export interface RestoreDatabase {
  sql: SqlConnection;
  /** applies the migrations found in `migrationsDir` (a folder holding the archive's migrations only) */
  deploy(migrationsDir: string): Promise<void>;
}

export interface RestoreTarget {
  /** opens the target database; called only once the archive's header, key and migrations are accepted */
  connect(): Promise<RestoreDatabase>;
  storage: FileStorage;
  keys: Keys;
  /** whether the file storage holds no file; undefined: cannot tell (checked by the caller) */
  storageEmpty?(): Promise<boolean>;
  migrationsDir?: string;
  tmpDir?: string;
}

export interface RestoreResult {
  manifest: BackupManifest;
  /** migrations of this code newer than the archive's, applied on the next start */
  laterMigrations: string[];
}

const ROWS_PER_INSERT = 1000;
const BYTES_PER_INSERT = 2 * 1024 * 1024;

export async function restoreBackup(input: Readable, target: RestoreTarget, onProgress: OnProgress = () => {}): Promise<RestoreResult> {
  const migrationsDir = target.migrationsDir ?? defaultMigrationsDir;
  const entries = readArchive(input);
  try {
    const first = await entries.next();
    if (first.done || first.value.name !== HEADER_ENTRY) throw new BackupError("This file is not a Loket backup (it has no loket-backup.json first).");
    const header = await first.value.json<BackupHeader>();
    if (header.kind !== BACKUP_KIND) throw new BackupError("This file is not a Loket backup (wrong kind).");
    if (!(header.format <= BACKUP_FORMAT))
      throw new BackupError(`This backup has format ${header.format}; this Loket reads format ${BACKUP_FORMAT} and older. Restore with a newer Loket.`);

    if (keyCheckValue(target.keys) !== header.keyCheck) {
      throw new BackupError(
        "The key does not match this backup: its key check value differs from LOKET_SECRET (or DATA_DIR/secret.key) here. " +
          "Restore with the secret the backed-up install used (set LOKET_SECRET, or copy its secret.key into the new DATA_DIR). Nothing was restored.",
      );
    }

    const local = (await fs.readdir(migrationsDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const unknown = header.migrations.filter((m) => !local.includes(m));
    if (unknown.length) {
      throw new BackupError(
        `This backup was made by a newer Loket (migrations unknown here: ${unknown.join(", ")}). Upgrade Loket first, then restore. Nothing was restored.`,
      );
    }

    const db = await target.connect();
    await refuseNonEmpty(db.sql, target, header.migrations);

    // the archive's migrations only, from this code's folder
    const tmp = await fs.mkdtemp(path.join(target.tmpDir ?? os.tmpdir(), "loket-restore-"));
    try {
      const subset = path.join(tmp, "migrations");
      await fs.mkdir(subset);
      await fs.copyFile(path.join(migrationsDir, "migration_lock.toml"), path.join(subset, "migration_lock.toml")).catch(() => {});
      for (const m of header.migrations) await fs.cp(path.join(migrationsDir, m), path.join(subset, m), { recursive: true });
      await db.deploy(subset);

      const created: string[] = [];
      try {
        const manifest = await db.sql.transaction("write", (query) => restoreEntries(entries, query, target, tmp, created, onProgress, header.totals));
        return { manifest, laterMigrations: local.filter((m) => !header.migrations.includes(m)) };
      } catch (err) {
        await Promise.allSettled(created.map((key) => target.storage.delete(key)));
        throw err;
      }
    } finally {
      await fs.rm(tmp, { recursive: true, force: true });
    }
  } catch (err) {
    if (err instanceof ArchiveFormatError) throw new BackupError(`${err.message}. Nothing was restored.`);
    const e = err as NodeJS.ErrnoException;
    // the gzip or tar stream ended early or is corrupt, noticed while an entry was being read
    if (e?.code?.startsWith("Z_") || /unexpected end of file|premature close|invalid tar header/i.test(e?.message ?? "")) {
      throw new BackupError(`The backup file is damaged or cut off (${e.message}). Nothing was restored.`);
    }
    throw err;
  } finally {
    await entries.return(undefined);
  }
}

async function refuseNonEmpty(sql: SqlConnection, target: RestoreTarget, archiveMigrations: string[]) {
  await sql.transaction("write", async (query) => {
    const applied = await appliedMigrations(query);
    const newer = applied.filter((m) => !archiveMigrations.includes(m));
    if (newer.length)
      throw new BackupError(`The target database is not empty: it has migrations the backup does not (${newer.join(", ")}). Restore into an empty database.`);
    const filled: string[] = [];
    for (const t of await listTables(query)) {
      const rows = await query(`SELECT 1 FROM ${ident(t.name)} LIMIT 1`);
      if (rows.length) filled.push(t.name);
    }
    if (filled.length)
      throw new BackupError(
        `The target database is not empty (rows in ${filled.join(", ")}). Restore into an empty database or data folder. Nothing was restored.`,
      );
  });
  if (target.storageEmpty && !(await target.storageEmpty()))
    throw new BackupError("The target file storage is not empty. Restore into an empty data folder / bucket. Nothing was restored.");
}

interface TableState {
  info: TableInfo;
  rows: number;
  hash: ReturnType<typeof createHash>;
  /** primary key + self-reference columns of rows that point at their own table */
  selfRefs: string[];
}

async function restoreEntries(
  entries: AsyncGenerator<ArchiveEntry>,
  query: Query,
  target: RestoreTarget,
  tmp: string,
  created: string[],
  onProgress: OnProgress,
  totals: BackupHeader["totals"] | undefined,
): Promise<BackupManifest> {
  const tables = new Map((await listTables(query)).map((t) => [t.name, t]));
  const restored = new Map<string, TableState>();
  let current: TableState | null = null;
  let sequences: SequenceValue[] = [];
  const files = new Map<string, string>();
  let rowsDone = 0;
  let bytesDone = 0;

  const finishTable = async () => {
    if (current?.selfRefs.length) {
      const t = current.info;
      const on = t.primaryKey.map((c) => `t.${ident(c)} = s.${ident(c)}`).join(" AND ");
      const set = t.selfReferences.map((c) => `${ident(c)} = s.${ident(c)}`).join(", ");
      for (let i = 0; i < current.selfRefs.length; i += ROWS_PER_INSERT) {
        const json = `[${current.selfRefs.slice(i, i + ROWS_PER_INSERT).join(",")}]`;
        await query(`UPDATE ${ident(t.name)} t SET ${set} FROM json_populate_recordset(null::${ident(t.name)}, $1::json) s WHERE ${on}`, [json]);
      }
      current.selfRefs = [];
    }
    current = null;
  };

  for (;;) {
    const next = await entries.next();
    if (next.done) throw new BackupError("The backup is incomplete (no manifest at its end): the file was cut off. Nothing was restored.");
    const entry = next.value;
    const m = /^db\/([^/]+)\/\d+\.jsonl$/.exec(entry.name);
    if (m) {
      const name = m[1];
      const info = tables.get(name);
      if (!info) throw new BackupError(`The backup holds table ${name}, which the schema at its migrations does not have.`);
      if (current?.info.name !== name) {
        await finishTable();
        if (restored.has(name)) throw new BackupError(`The backup holds table ${name} twice.`);
        current = { info, rows: 0, hash: createHash("sha256"), selfRefs: [] };
        restored.set(name, current);
      }
      const state: TableState = current!;
      const derived = isDerived(name);
      let batch: string[] = [];
      let bytes = 0;
      const flush = async () => {
        if (!batch.length) return;
        if (!derived) await insertRows(query, info, batch);
        rowsDone += batch.length;
        onProgress({ phase: "database", done: rowsDone, total: totals?.rows ?? 0, detail: name });
        batch = [];
        bytes = 0;
      };
      for await (const line of entry.lines()) {
        state.hash.update(`${line}\n`);
        state.rows++;
        batch.push(line);
        bytes += line.length;
        if (info.selfReferences.length && !derived) {
          const row = JSON.parse(line) as Record<string, unknown>;
          if (info.selfReferences.some((c) => row[c] !== null && row[c] !== undefined)) {
            state.selfRefs.push(JSON.stringify(Object.fromEntries([...info.primaryKey, ...info.selfReferences].map((c) => [c, row[c]]))));
          }
        }
        if (batch.length >= ROWS_PER_INSERT || bytes >= BYTES_PER_INSERT) await flush();
      }
      await flush();
      continue;
    }
    await finishTable();
    if (entry.name === "db/sequences.json") {
      sequences = await entry.json<SequenceValue[]>();
      for (const s of sequences) {
        if (s.lastValue !== null) await query(`SELECT setval($1::regclass, $2::bigint, true)`, [ident(s.name), s.lastValue]);
      }
      continue;
    }
    const f = /^files\/([0-9a-f]{2}\/[0-9a-f]{2}\/([0-9a-f]{64}))$/.exec(entry.name);
    if (f) {
      const [, key, sha256] = f;
      const temp = path.join(tmp, `file-${randomUUID()}`);
      await pipeline(entry.stream, createWriteStream(temp, { mode: 0o600 }));
      if (entry.sha256() !== sha256) throw new BackupError(`File ${key} in the backup is damaged (its SHA-256 differs). Nothing was restored.`);
      if (!(await target.storage.exists(key))) created.push(key);
      await target.storage.put(temp, sha256);
      files.set(key, sha256);
      bytesDone += entry.size;
      onProgress({ phase: "files", done: bytesDone, total: totals?.fileBytes ?? 0, detail: key });
      continue;
    }
    if (entry.name === MANIFEST_ENTRY) {
      const manifest = await entry.json<BackupManifest>();
      await recomputeDerived(query);
      await verify(query, manifest, tables, restored, files);
      return manifest;
    }
    throw new BackupError(`Unexpected entry in the backup: ${entry.name}`);
  }
}

async function insertRows(query: Query, t: TableInfo, lines: string[]) {
  const cols = t.columns.map(ident).join(", ");
  const values = t.columns.map((c) => (t.selfReferences.includes(c) ? "NULL" : `s.${ident(c)}`)).join(", ");
  await query(
    `INSERT INTO ${ident(t.name)} (${cols}) ${t.identityAlways ? "OVERRIDING SYSTEM VALUE " : ""}` +
      `SELECT ${values} FROM json_populate_recordset(null::${ident(t.name)}, $1::json) s`,
    [`[${lines.join(",")}]`],
  );
}

/** Row counts and SHA-256 of what was read against the manifest, then every table read back from the database. */
async function verify(query: Query, manifest: BackupManifest, tables: Map<string, TableInfo>, restored: Map<string, TableState>, files: Map<string, string>) {
  for (const t of manifest.tables) {
    const got = restored.get(t.name);
    const sha = got ? got.hash.digest("hex") : createHash("sha256").digest("hex");
    if ((got?.rows ?? 0) !== t.rows || sha !== t.sha256)
      throw new BackupError(`Table ${t.name} in the backup does not match its manifest (damaged file). Nothing was restored.`);
    const info = tables.get(t.name);
    if (!info) throw new BackupError(`The backup holds table ${t.name}, which the schema does not have.`);
    if (isDerived(t.name)) continue; // recomputed, not copied
    const back = createHash("sha256");
    let rows = 0;
    for await (const batch of tableRows(query, info))
      for (const line of batch) {
        back.update(`${line}\n`);
        rows++;
      }
    if (rows !== t.rows || back.digest("hex") !== t.sha256) {
      throw new BackupError(`Table ${t.name} reads back differently after restoring (${rows} of ${t.rows} rows). Nothing was restored.`);
    }
  }
  for (const f of manifest.files) {
    if (files.get(f.key) !== f.sha256) throw new BackupError(`File ${f.key} listed in the manifest is missing from the backup. Nothing was restored.`);
  }
}

/**
 * A whole install as one archive (archive.ts), written while the server runs:
 *
 *   loket-backup.json          header: format, created, applied migrations, key check value
 *   db/<Table>/000001.jsonl    each table's rows (row_to_json, primary-key order), tables in foreign-key order;
 *                              not the derived tables (derived.ts): restore recomputes them
 *   db/sequences.json          sequence positions
 *   files/<ab>/<cd>/<sha256>   every stored file referenced by a StoredFile row, through the FileStorage interface
 *   manifest.json              the header again plus per-table row counts and SHA-256, the file list with SHA-256
 *
 * Every table is read in one REPEATABLE READ READ ONLY transaction, so the rows are one consistent moment. Files
 * are content-addressed and never change once stored, so they are copied after that transaction ends; a file
 * whose row existed at that moment but that was deleted since (its case was removed and the sweep ran in between)
 * fails the backup with a clear message rather than leaving a hole.
 *
 * The key check value (server/db/key-check.ts) is an HMAC that reveals nothing about the key; the key itself
 * (LOKET_SECRET or DATA_DIR/secret.key) is never written.
 */
import type { Writable } from "node:stream";
import type { Keys } from "../lib/crypto";
import { keyCheckValue } from "../db/key-check";
import type { FileStorage } from "../modules/files/store";
import { writeArchive } from "./archive";
import { DERIVED, isDerived } from "./derived";
import { appliedMigrations, ident, listTables, readSequences, type SequenceValue, type SqlConnection, tableRows } from "./sql";

export const BACKUP_KIND = "loket-backup";
export const BACKUP_FORMAT = 1;
export const HEADER_ENTRY = "loket-backup.json";
export const MANIFEST_ENTRY = "manifest.json";

export interface BackupHeader {
  kind: typeof BACKUP_KIND;
  format: number;
  created: string;
  database: "pglite" | "postgres";
  migrations: string[];
  keyCheck: string;
  /** tables left out because triggers derive them (derived.ts); restore recomputes them */
  derived?: string[];
  /** for progress while restoring */
  totals: { rows: number; files: number; fileBytes: number };
}

export interface TableManifest {
  name: string;
  rows: number;
  sha256: string;
  parts: string[];
}

export interface FileManifest {
  key: string;
  sha256: string;
  size: number;
}

export interface BackupManifest extends BackupHeader {
  tables: TableManifest[];
  sequences: SequenceValue[];
  files: FileManifest[];
}

export interface Progress {
  phase: "database" | "files";
  done: number;
  total: number;
  /** the table being read, or nothing */
  detail?: string;
}

export type OnProgress = (p: Progress) => void;

export const fileEntryName = (key: string) => `files/${key}`;

export interface BackupSource {
  sql: SqlConnection;
  storage: FileStorage;
  /** used for the key check value when the database has none stored yet (an install from before the check) */
  keys: Keys;
}

export async function writeBackup(source: BackupSource, out: Writable, onProgress: OnProgress = () => {}): Promise<BackupManifest> {
  const archive = writeArchive(out, { level: 4 });
  try {
    let header!: BackupHeader;
    const tables: TableManifest[] = [];
    let sequences: SequenceValue[] = [];
    let files: FileManifest[] = [];
    await source.sql.transaction("snapshot", async (query) => {
      const list = (await listTables(query)).filter((t) => !isDerived(t.name));
      const stored = await query<{ value: string }>(`SELECT value FROM "KeyCheck" WHERE id = 1`).catch(() => []);
      const counts = new Map<string, number>();
      for (const t of list) {
        const [{ n }] = await query<{ n: string | number }>(`SELECT count(*)::text AS n FROM ${ident(t.name)}`);
        counts.set(t.name, Number(n));
      }
      if (list.some((t) => t.name === "StoredFile")) {
        files = (
          await query<FileManifest>(
            `SELECT "storageKey" AS key, min(sha256) AS sha256, min(ukuran) AS size FROM "StoredFile" GROUP BY "storageKey" ORDER BY "storageKey"`,
          )
        ).map((f) => ({ ...f, size: Number(f.size) }));
      }
      const total = [...counts.values()].reduce((a, b) => a + b, 0);
      header = {
        kind: BACKUP_KIND,
        format: BACKUP_FORMAT,
        created: new Date().toISOString(),
        database: source.sql.kind,
        migrations: await appliedMigrations(query),
        keyCheck: stored[0]?.value ?? keyCheckValue(source.keys),
        derived: DERIVED.map((d) => d.model),
        totals: { rows: total, files: files.length, fileBytes: files.reduce((a, f) => a + f.size, 0) },
      };
      await archive.addJson(HEADER_ENTRY, header);
      let done = 0;
      onProgress({ phase: "database", done, total });
      for (const t of list) {
        const sink = archive.jsonLines(`db/${t.name}`);
        for await (const batch of tableRows(query, t)) {
          for (const line of batch) await sink.write(line);
          done += batch.length;
          onProgress({ phase: "database", done, total, detail: t.name });
        }
        const { rows, sha256, parts } = await sink.end();
        tables.push({ name: t.name, rows, sha256, parts });
      }
      sequences = await readSequences(query);
      await archive.addJson("db/sequences.json", sequences);
    });

    const totalBytes = files.reduce((a, f) => a + f.size, 0);
    let doneBytes = 0;
    onProgress({ phase: "files", done: 0, total: totalBytes });
    for (const f of files) {
      let stream: Awaited<ReturnType<FileStorage["open"]>>;
      try {
        stream = await source.storage.open(f.key);
      } catch (err) {
        throw new BackupError(
          `Stored file ${f.key} is missing from the file storage (${(err as Error).message}); it is referenced by a ` +
            `StoredFile row. If a case was deleted during the backup, run the backup again.`,
        );
      }
      const written = await archive.addStream(fileEntryName(f.key), f.size, stream);
      if (written.sha256 !== f.sha256) throw new BackupError(`Stored file ${f.key} does not match its SHA-256: the storage holds damaged content.`);
      doneBytes += f.size;
      onProgress({ phase: "files", done: doneBytes, total: totalBytes, detail: f.key });
    }

    const manifest: BackupManifest = { ...header, tables, sequences, files };
    await archive.addJson(MANIFEST_ENTRY, manifest);
    await archive.finish();
    return manifest;
  } catch (err) {
    archive.abort(err as Error);
    throw err;
  }
}

/** A failure the operator can act on: printed without a stack trace. */
export class BackupError extends Error {}

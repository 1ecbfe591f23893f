/**
 * `npm run admin -- files-to-s3 [--delete-local]`: copies every StoredFile's object from the local store
 * (DATA_DIR/files) into the configured S3 bucket. Idempotent: an object already in the bucket with the same size
 * is skipped, so an interrupted run is simply run again. Every copied file is re-hashed on the way (S3FileStorage.put
 * refuses bytes whose SHA-256 is not the row's). Local files are deleted only with --delete-local, and only once
 * their object is in the bucket.
 */
import fs from "node:fs/promises";
import path from "node:path";
import cliProgress from "cli-progress";
import type { Config } from "../config";
import type { Db } from "../db/client";
import { S3FileStorage } from "../modules/files/s3";
import { createFileStorage } from "../modules/files/storage";
import { LocalFileStorage } from "../modules/files/store";

export interface FilesToS3Summary {
  total: number;
  copied: number;
  /** already in the bucket with the same size */
  skipped: number;
  /** no local file for the row (and not in the bucket either) */
  missing: string[];
  /** the local bytes do not hash to the row's sha256: not copied */
  corrupt: string[];
  deletedLocal: number;
  bytes: number;
}

export async function filesToS3(
  config: Config,
  db: Db,
  opts: { deleteLocal?: boolean; out?: NodeJS.WriteStream | { write(s: string): unknown; isTTY?: boolean } } = {},
): Promise<FilesToS3Summary> {
  const out = opts.out ?? process.stdout;
  const target = createFileStorage(config);
  if (!(target instanceof S3FileStorage))
    throw new Error("files-to-s3 needs an S3 bucket: set S3_BUCKET (and S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY).");
  await target.check();
  const local = new LocalFileStorage(path.join(config.dataDir, "files"));

  // one row per stored content (rows share a key when their bytes are equal)
  const rows = await db.prisma.storedFile.findMany({
    distinct: ["storageKey"],
    select: { storageKey: true, sha256: true, ukuran: true },
    orderBy: { storageKey: "asc" },
  });
  const summary: FilesToS3Summary = { total: rows.length, copied: 0, skipped: 0, missing: [], corrupt: [], deletedLocal: 0, bytes: 0 };
  out.write(
    `Copying ${rows.length} stored files from ${local.root} to ${target.describe()}${config.storage.kind === "s3" && config.storage.prefix ? ` (prefix ${config.storage.prefix})` : ""}\n`,
  );
  const bar = out.isTTY
    ? new cliProgress.SingleBar(
        { format: "{bar} {value}/{total} files | {copied} copied, {skipped} already there", stream: out as NodeJS.WriteStream },
        cliProgress.Presets.shades_classic,
      )
    : null;
  bar?.start(rows.length, 0, { copied: 0, skipped: 0 });
  let done = 0;
  const tick = () => {
    done++;
    if (bar) bar.update(done, { copied: summary.copied, skipped: summary.skipped });
    else if (done % 100 === 0 || done === rows.length) out.write(`  ${done}/${rows.length} (${summary.copied} copied, ${summary.skipped} already there)\n`);
  };
  await fs.mkdir(target.tmpDir, { recursive: true });

  for (const row of rows) {
    const key = row.storageKey;
    const there = await target.head(key);
    let inBucket = there !== null && there.size === row.ukuran;
    if (inBucket) {
      summary.skipped++;
    } else if (!(await local.exists(key))) {
      summary.missing.push(key);
    } else {
      // put consumes its temp file and checks the SHA-256 of what it sends against the row's
      const temp = path.join(target.tmpDir, `files-to-s3-${row.sha256}.part`);
      await fs.copyFile(path.join(local.root, key), temp);
      try {
        await target.put(temp, row.sha256);
        summary.copied++;
        summary.bytes += row.ukuran;
        inBucket = true;
      } catch (err) {
        if (!/does not match sha256/.test(String((err as Error).message))) throw err;
        summary.corrupt.push(key);
      }
    }
    if (inBucket && opts.deleteLocal && (await local.exists(key))) {
      await local.delete(key);
      summary.deletedLocal++;
    }
    tick();
  }
  bar?.stop();
  out.write(
    `Done: ${summary.copied} copied (${(summary.bytes / 1024 / 1024).toFixed(1)} MiB), ${summary.skipped} already in the bucket, ` +
      `${summary.missing.length} missing locally, ${summary.corrupt.length} not matching their SHA-256` +
      `${opts.deleteLocal ? `, ${summary.deletedLocal} local files deleted` : ""}.\n`,
  );
  for (const key of summary.missing) out.write(`  missing: ${key}\n`);
  for (const key of summary.corrupt) out.write(`  SHA-256 mismatch (left in place, not copied): ${key}\n`);
  if (!opts.deleteLocal && summary.copied + summary.skipped > 0)
    out.write("Local files were kept; run again with --delete-local to remove them once you have switched to STORAGE=s3.\n");
  return summary;
}

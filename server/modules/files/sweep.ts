import fs from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../../generated/prisma/client";
import type { FileStorage } from "./store";

/**
 * Stored content that no row points to, and staging files left behind, older than a grace period.
 *
 * A request that fails deletes what it stored (withStoredFiles), but a process that dies between storing a
 * file and committing its row leaves the file behind; so does a crash in the middle of receiving an upload
 * (the instance's tmpDir). The grace period keeps the sweep away from uploads still in flight: a file is
 * stored only moments before its row commits (and `put` of content already stored makes it young again).
 *
 * Works through the FileStorage interface (`list`, `delete`), so it is the same on the local disk and on S3.
 * With several instances on one store, `claim` (a lease: see lib/lease.ts) lets one of them remove the
 * orphans per period; every instance cleans its own tmpDir.
 */
export interface SweepResult {
  /** content keys removed because no StoredFile row has them */
  orphans: string[];
  /** staging and half-received files removed from the instance's tmpDir */
  staging: number;
}

const BATCH = 500;

export async function sweepOrphanFiles(
  prisma: Pick<PrismaClient, "storedFile">,
  storage: Pick<FileStorage, "list" | "delete" | "tmpDir">,
  opts: { olderThanMs?: number; now?: number; claim?: () => Promise<boolean> } = {},
): Promise<SweepResult> {
  const cutoff = (opts.now ?? Date.now()) - (opts.olderThanMs ?? 60 * 60_000);
  const orphans: string[] = [];
  if (!opts.claim || (await opts.claim())) {
    let batch: string[] = [];
    const flush = async () => {
      const known = new Set(
        (await prisma.storedFile.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } })).map((f) => f.storageKey),
      );
      for (const key of batch) {
        if (known.has(key)) continue;
        await storage.delete(key);
        orphans.push(key);
      }
      batch = [];
    };
    // in batches as the listing pages arrive: a bucket of millions is never held in memory
    for await (const o of storage.list()) {
      if (o.modifiedAt.getTime() >= cutoff) continue;
      batch.push(o.key);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length > 0) await flush();
  }
  let staging = 0;
  for (const name of await dirNames(storage.tmpDir)) {
    const file = path.join(storage.tmpDir, name);
    const stat = await fs.stat(file).catch(() => null);
    if (stat?.isFile() && stat.mtimeMs < cutoff) {
      await fs.rm(file, { force: true });
      staging++;
    }
  }
  return { orphans, staging };
}

async function dirNames(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
}

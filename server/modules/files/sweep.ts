import fs from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "../../generated/prisma/client";

/**
 * Stored content that no row points to, and staging files left behind, older than a grace period.
 *
 * A request that fails deletes what it stored (withStoredFiles), but a process that dies between storing a
 * file and committing its row leaves the file behind; so does a crash in the middle of receiving an upload
 * (`.tmp`). The grace period keeps the sweep away from uploads still in flight: a file is stored only
 * moments before its row commits.
 */
export interface SweepResult {
  /** content files removed because no StoredFile row has their key */
  orphans: string[];
  /** staging files removed from `.tmp` */
  staging: number;
}

const KEY_DIR = /^[0-9a-f]{2}$/;
const SHA = /^[0-9a-f]{64}$/;

export async function sweepOrphanFiles(
  prisma: Pick<PrismaClient, "storedFile">,
  root: string,
  opts: { olderThanMs?: number; now?: number } = {},
): Promise<SweepResult> {
  const cutoff = (opts.now ?? Date.now()) - (opts.olderThanMs ?? 60 * 60_000);
  const candidates: string[] = [];
  for (const a of await dirNames(root)) {
    if (!KEY_DIR.test(a)) continue;
    for (const b of await dirNames(path.join(root, a))) {
      if (!KEY_DIR.test(b)) continue;
      for (const name of await dirNames(path.join(root, a, b))) {
        if (!SHA.test(name) || name.slice(0, 2) !== a || name.slice(2, 4) !== b) continue;
        const stat = await fs.stat(path.join(root, a, b, name)).catch(() => null);
        if (stat?.isFile() && stat.mtimeMs < cutoff) candidates.push(`${a}/${b}/${name}`);
      }
    }
  }
  const orphans: string[] = [];
  for (let i = 0; i < candidates.length; i += 500) {
    const batch = candidates.slice(i, i + 500);
    const known = new Set((await prisma.storedFile.findMany({ where: { storageKey: { in: batch } }, select: { storageKey: true } })).map((f) => f.storageKey));
    for (const key of batch) {
      if (known.has(key)) continue;
      await fs.rm(path.join(root, key), { force: true });
      orphans.push(key);
    }
  }
  let staging = 0;
  const tmp = path.join(root, ".tmp");
  for (const name of await dirNames(tmp)) {
    const file = path.join(tmp, name);
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

import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalFileStorage } from "../../server/modules/files/store";
import { sweepOrphanFiles } from "../../server/modules/files/sweep";
import { openTestDatabase } from "../helpers/db";

/**
 * Content a dead process stored without committing its row, and staging files it left, are removed after
 * the grace period; content a row points to, and anything younger than the grace period, stay.
 */
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let root: string;
let storage: LocalFileStorage;

async function store(text: string): Promise<{ key: string; sha256: string }> {
  const tmp = path.join(root, `in-${Math.random()}`);
  await fs.writeFile(tmp, text);
  const sha256 = createHash("sha256").update(text).digest("hex");
  return { key: await storage.put(tmp, sha256), sha256 };
}

async function age(file: string, ms: number) {
  const t = new Date(Date.now() - ms);
  await fs.utimes(file, t, t);
}

beforeAll(async () => {
  db = await openTestDatabase();
  root = await fs.mkdtemp(path.join(os.tmpdir(), "loket-sweep-"));
  storage = new LocalFileStorage(root);
});
afterAll(async () => {
  await db.close();
  await fs.rm(root, { recursive: true, force: true });
});

describe("orphan file sweep", () => {
  it("removes old unreferenced content and staging leftovers, keeps referenced and recent files", async () => {
    const kept = await store("dokumen yang tercatat");
    await db.prisma.storedFile.create({ data: { sha256: kept.sha256, ukuran: 21, mime: "application/pdf", namaAsli: "ktp.pdf", storageKey: kept.key } });
    const orphan = await store("dokumen tanpa baris");
    const young = await store("baru saja disimpan");
    await fs.mkdir(path.join(root, ".tmp"), { recursive: true });
    const staleTmp = path.join(root, ".tmp", "upload-1");
    const freshTmp = path.join(root, ".tmp", "upload-2");
    await fs.writeFile(staleTmp, "setengah");
    await fs.writeFile(freshTmp, "sedang diterima");
    for (const f of [path.join(root, kept.key), path.join(root, orphan.key), staleTmp]) await age(f, 2 * 3600_000);

    const result = await sweepOrphanFiles(db.prisma, storage, { olderThanMs: 3600_000 });

    expect(result).toEqual({ orphans: [orphan.key], staging: 1 });
    expect(await storage.exists(kept.key)).toBe(true);
    expect(await storage.exists(orphan.key)).toBe(false);
    expect(await storage.exists(young.key)).toBe(true);
    await expect(fs.stat(staleTmp)).rejects.toThrow();
    expect((await fs.stat(freshTmp)).isFile()).toBe(true);
    // a second sweep finds nothing more
    expect(await sweepOrphanFiles(db.prisma, storage, { olderThanMs: 3600_000 })).toEqual({ orphans: [], staging: 0 });
  });

  it("an empty or missing storage folder is not an error", async () => {
    expect(await sweepOrphanFiles(db.prisma, new LocalFileStorage(path.join(root, "tidak-ada")))).toEqual({ orphans: [], staging: 0 });
  });
});

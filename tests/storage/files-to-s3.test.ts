import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig, type Config } from "../../server/config";
import { filesToS3 } from "../../server/cli/files-to-s3";
import { LocalFileStorage } from "../../server/modules/files/store";
import { S3FileStorage } from "../../server/modules/files/s3";
import { openTestDatabase } from "../helpers/db";
import { startS3, type TestS3 } from "../helpers/s3";

/** `admin files-to-s3`: copies, skips what is there, reports missing and corrupt files, is idempotent, deletes only when asked. */
let s3: TestS3;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let dataDir: string;
let config: Config;
let local: LocalFileStorage;
const sha = (s: string | Buffer) => createHash("sha256").update(s).digest("hex");
const quiet = () => {
  let text = "";
  return { write: (s: string) => (text += s), text: () => text };
};

async function storeLocal(text: string) {
  const tmp = path.join(dataDir, `in-${Math.random()}`);
  await fs.writeFile(tmp, text);
  const key = await local.put(tmp, sha(text));
  await db.prisma.storedFile.create({
    data: { sha256: sha(text), ukuran: Buffer.byteLength(text), mime: "application/pdf", namaAsli: "a.pdf", storageKey: key },
  });
  return key;
}

beforeAll(async () => {
  [s3, db] = await Promise.all([startS3(), openTestDatabase()]);
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "loket-f2s3-"));
  config = { ...loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir }), storage: s3.config({ prefix: "pindah/" }) };
  local = new LocalFileStorage(path.join(dataDir, "files"));
});
afterAll(async () => {
  await Promise.all([s3?.close(), db?.close()]);
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe("files-to-s3", () => {
  it("copies every stored file once, verifies it, and deletes local files only when asked", async () => {
    const a = await storeLocal("dokumen A ".repeat(1000));
    const b = await storeLocal("dokumen B");
    // a second row sharing b's content: one object
    await db.prisma.storedFile.create({ data: { sha256: sha("dokumen B"), ukuran: 9, mime: "application/pdf", namaAsli: "b2.pdf", storageKey: b } });
    const corrupt = await storeLocal("dokumen C asli");
    await fs.writeFile(path.join(local.root, corrupt), "dokumen C rusak");
    const missingText = "dokumen D hilang";
    const missing = `${sha(missingText).slice(0, 2)}/${sha(missingText).slice(2, 4)}/${sha(missingText)}`;
    await db.prisma.storedFile.create({ data: { sha256: sha(missingText), ukuran: 16, mime: "application/pdf", namaAsli: "d.pdf", storageKey: missing } });

    const out1 = quiet();
    const first = await filesToS3(config, db, { out: out1 });
    expect(first).toMatchObject({ total: 4, copied: 2, skipped: 0, missing: [missing], corrupt: [corrupt], deletedLocal: 0 });
    expect(out1.text()).toMatch(/Done: 2 copied .* 0 already in the bucket, 1 missing locally, 1 not matching their SHA-256\./);
    const bucket = new S3FileStorage({ ...s3.config(), prefix: "pindah/" }, path.join(dataDir, "tmp"));
    for (const key of [a, b]) {
      expect(await bucket.exists(key)).toBe(true);
      const chunks: Buffer[] = [];
      for await (const c of (await bucket.open(key)) as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
      expect(sha(Buffer.concat(chunks))).toBe(key.slice(6));
    }
    expect(await bucket.exists(corrupt)).toBe(false);
    expect(await local.exists(a)).toBe(true);

    // again: nothing to copy
    const second = await filesToS3(config, db, { out: quiet() });
    expect(second).toMatchObject({ copied: 0, skipped: 2 });

    // with --delete-local the copied ones go from the disk; the corrupt one stays for a person to look at
    const third = await filesToS3(config, db, { out: quiet(), deleteLocal: true });
    expect(third).toMatchObject({ copied: 0, skipped: 2, deletedLocal: 2 });
    expect(await local.exists(a)).toBe(false);
    expect(await local.exists(b)).toBe(false);
    expect(await local.exists(corrupt)).toBe(true);
  });

  it("refuses without an S3 bucket configured", async () => {
    await expect(filesToS3({ ...config, storage: { kind: "local" } }, db, { out: quiet() })).rejects.toThrow(/needs an S3 bucket: set S3_BUCKET/);
  });
});

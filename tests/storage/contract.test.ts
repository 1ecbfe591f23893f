import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError } from "../../server/lib/errors";
import { LocalFileStorage, StorageUnavailableError, receiveUpload, storageKeyOf, withStoredFiles, type FileStorage } from "../../server/modules/files/store";
import { S3FileStorage } from "../../server/modules/files/s3";
import { sweepOrphanFiles } from "../../server/modules/files/sweep";
import { takeLease } from "../../server/lib/lease";
import { ALLOWED_DEFAULT } from "../../server/shared/files";
import { openTestDatabase } from "../helpers/db";
import { startS3, type TestS3 } from "../helpers/s3";

/**
 * The FileStorage contract, run against both implementations: the local disk and S3 (a real S3-compatible
 * server, s3rver, on 127.0.0.1). Content addressing, dedupe, refusal of wrong content, deletes, the
 * no-orphan-on-failure rule of withStoredFiles and the orphan sweep must hold the same on both.
 */
const PNG_1X1 = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"));
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const pdf = (text: string) => Buffer.from(`%PDF-1.4\n% ${text}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const upload = (bytes: Uint8Array, name: string, type: string): File => new File([new Uint8Array(bytes)], name, { type });

async function readAll(stream: NodeJS.ReadableStream | ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

let s3: TestS3;
let db: Awaited<ReturnType<typeof openTestDatabase>>;
let base: string;
beforeAll(async () => {
  [s3, db] = await Promise.all([startS3(), openTestDatabase()]);
  base = await fs.mkdtemp(path.join(os.tmpdir(), "loket-contract-"));
});
afterAll(async () => {
  await Promise.all([s3?.close(), db?.close()]);
  await fs.rm(base, { recursive: true, force: true });
});

interface Impl {
  name: string;
  make(dir: string): FileStorage;
  /** makes a stored key look `ms` old to the sweep */
  age(storage: FileStorage, key: string, ms: number): Promise<void>;
}

let prefixes = 0;
const IMPLS: Impl[] = [
  {
    name: "LocalFileStorage",
    make: (dir) => new LocalFileStorage(path.join(dir, "files")),
    age: async (storage, key, ms) => {
      const t = new Date(Date.now() - ms);
      await fs.utimes(path.join((storage as LocalFileStorage).root, key), t, t);
    },
  },
  {
    name: "S3FileStorage",
    // a prefix per test keeps the tests of one bucket apart (and exercises S3_PREFIX)
    make: (dir) => new S3FileStorage({ ...s3.config(), prefix: `t${++prefixes}/` }, path.join(dir, "files", ".tmp")),
    age: async (storage, key, ms) => {
      const t = new Date(Date.now() - ms);
      await fs.utimes(s3.objectPath((storage as S3FileStorage).settings.prefix + key), t, t);
    },
  },
];

describe.each(IMPLS)("$name", (impl) => {
  let dir: string;
  let storage: FileStorage;
  const tempWith = async (bytes: Uint8Array) => {
    const p = path.join(dir, `in-${randomBytes(6).toString("hex")}`);
    await fs.writeFile(p, bytes);
    return p;
  };
  const opts = () => ({ maxBytes: 2 * 1024 * 1024, allowed: [...ALLOWED_DEFAULT], tmpDir: storage.tmpDir, field: "berkas.0.file" });
  const tmpLeft = async () => (await fs.readdir(storage.tmpDir).catch(() => [] as string[])).filter((n) => !n.startsWith("check-"));

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(base, "t-"));
    storage = impl.make(dir);
  });

  it("is ready (check) and lists nothing when empty", async () => {
    await expect(storage.check()).resolves.toBeUndefined();
    const keys = [];
    for await (const o of storage.list()) keys.push(o.key);
    expect(keys).toEqual([]);
  });

  it("stores by content address, consumes the temp file, reads back", async () => {
    const bytes = pdf("surat keterangan");
    const temp = await tempWith(bytes);
    const key = await storage.put(temp, sha256(bytes));
    expect(key).toBe(storageKeyOf(sha256(bytes)));
    await expect(fs.stat(temp)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await storage.exists(key)).toBe(true);
    expect(await readAll(await storage.open(key))).toEqual(bytes);
    const listed = [];
    for await (const o of storage.list()) listed.push(o);
    expect(listed).toEqual([{ key, size: bytes.length, modifiedAt: expect.any(Date) }]);
  });

  it("stores a file larger than one multipart part and streams it back identical", async () => {
    const bytes = randomBytes(7 * 1024 * 1024 + 123); // S3: two parts of the multipart upload
    const key = await storage.put(await tempWith(bytes), sha256(bytes));
    const back = await readAll(await storage.open(key));
    expect(back.length).toBe(bytes.length);
    expect(sha256(back)).toBe(sha256(bytes));
  });

  it("dedups: storing the same content again is a no-op returning the same key, and makes it young again", async () => {
    const sha = sha256(PNG_1X1);
    const key = await storage.put(await tempWith(PNG_1X1), sha);
    await impl.age(storage, key, 2 * 3600_000);
    const second = await tempWith(PNG_1X1);
    expect(await storage.put(second, sha)).toBe(key);
    await expect(fs.stat(second)).rejects.toMatchObject({ code: "ENOENT" });
    const listed = [];
    for await (const o of storage.list()) listed.push(o);
    expect(listed).toHaveLength(1);
    expect(Date.now() - listed[0]!.modifiedAt.getTime()).toBeLessThan(3600_000);
  });

  it("refuses content that does not match its sha256 and leaves nothing behind", async () => {
    const wrong = sha256(PNG_1X1);
    const temp = await tempWith(pdf("lain"));
    await expect(storage.put(temp, wrong)).rejects.toThrow(/does not match/);
    expect(await storage.exists(storageKeyOf(wrong))).toBe(false);
    await expect(fs.stat(temp)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await tmpLeft()).toEqual([]);
  });

  it("deletes, and treats missing keys calmly", async () => {
    const key = await storage.put(await tempWith(PNG_1X1), sha256(PNG_1X1));
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.delete(key)).resolves.toBeUndefined();
    await expect(storage.open(key)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("never uses a malformed key", async () => {
    for (const key of ["../../etc/passwd", "ab/cd/../../x", `aa/bb/${"c".repeat(64)}`, "AB/CD/" + "ab".repeat(32)]) {
      await expect(storage.exists(key)).rejects.toThrow(/malformed key/);
      await expect(storage.open(key)).rejects.toThrow(/malformed key/);
      await expect(storage.delete(key)).rejects.toThrow(/malformed key/);
    }
    await expect(storage.put(await tempWith(PNG_1X1), "../x")).rejects.toThrow(/sha256/);
  });

  it("withStoredFiles keeps the files when the callback succeeds", async () => {
    const key = await withStoredFiles(storage, async (track) => track(await receiveUpload(upload(PNG_1X1, "a.png", "image/png"), opts())));
    expect(await storage.exists(key)).toBe(true);
    expect(await tmpLeft()).toEqual([]);
  });

  it("withStoredFiles deletes what it stored when the callback throws, but not content stored for someone else", async () => {
    const existing = await withStoredFiles(storage, async (track) => track(await receiveUpload(upload(PNG_1X1, "milik-lain.png", "image/png"), opts())));
    const keys: string[] = [];
    await expect(
      withStoredFiles(storage, async (track) => {
        keys.push(await track(await receiveUpload(upload(PNG_1X1, "sama.png", "image/png"), opts())));
        keys.push(await track(await receiveUpload(upload(pdf("baru"), "b.pdf", "application/pdf"), opts())));
        throw new Error("transaction rolled back");
      }),
    ).rejects.toThrow("transaction rolled back");
    expect(keys[0]).toBe(existing);
    expect(await storage.exists(existing)).toBe(true);
    expect(await storage.exists(keys[1]!)).toBe(false);
    expect(await tmpLeft()).toEqual([]);
  });

  it("the sweep removes old unreferenced content and staging leftovers, keeps referenced and recent ones", async () => {
    const store = async (text: string) => {
      const bytes = pdf(`${impl.name} ${text} ${dir}`);
      return { key: await storage.put(await tempWith(bytes), sha256(bytes)), sha256: sha256(bytes), size: bytes.length };
    };
    const kept = await store("tercatat");
    await db.prisma.storedFile.create({ data: { sha256: kept.sha256, ukuran: kept.size, mime: "application/pdf", namaAsli: "ktp.pdf", storageKey: kept.key } });
    const orphan = await store("tanpa baris");
    const young = await store("baru saja");
    await fs.mkdir(storage.tmpDir, { recursive: true });
    const staleTmp = path.join(storage.tmpDir, "upload-1.part");
    const freshTmp = path.join(storage.tmpDir, "upload-2.part");
    await fs.writeFile(staleTmp, "setengah");
    await fs.writeFile(freshTmp, "sedang diterima");
    await impl.age(storage, kept.key, 2 * 3600_000);
    await impl.age(storage, orphan.key, 2 * 3600_000);
    const old = new Date(Date.now() - 2 * 3600_000);
    await fs.utimes(staleTmp, old, old);

    expect(await sweepOrphanFiles(db.prisma, storage, { olderThanMs: 3600_000 })).toEqual({ orphans: [orphan.key], staging: 1 });
    expect(await storage.exists(kept.key)).toBe(true);
    expect(await storage.exists(orphan.key)).toBe(false);
    expect(await storage.exists(young.key)).toBe(true);
    await expect(fs.stat(staleTmp)).rejects.toThrow();
    expect((await fs.stat(freshTmp)).isFile()).toBe(true);
    expect(await sweepOrphanFiles(db.prisma, storage, { olderThanMs: 3600_000 })).toEqual({ orphans: [], staging: 0 });
  });
});

describe("S3FileStorage start-up errors", () => {
  const make = (over: Record<string, unknown>) => new S3FileStorage({ ...s3.config(), ...over }, os.tmpdir());
  const failure = async (storage: S3FileStorage) => {
    const err = await storage.check().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(StorageUnavailableError);
    return (err as Error).message;
  };

  it("names wrong credentials without showing them", async () => {
    const msg = await failure(make({ accessKeyId: "SALAH", secretAccessKey: "rahasia-sekali" }));
    expect(msg).toMatch(/access denied: check S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY/);
    expect(msg).not.toMatch(/rahasia-sekali/);
  });

  it("names a missing bucket", async () => {
    expect(await failure(make({ bucket: "tidak-ada" }))).toMatch(/bucket "tidak-ada".*does not exist/);
  });

  it("names an unreachable endpoint", async () => {
    expect(await failure(make({ endpoint: "http://127.0.0.1:1" }))).toMatch(/cannot be reached \(ECONNREFUSED\): check S3_ENDPOINT/);
  });
});

describe("takeLease", () => {
  it("gives a lease to one of several asking at once, and again once it expired", async () => {
    const name = `test-${randomBytes(4).toString("hex")}`;
    // a lease long enough that a loaded machine cannot let it run out between the calls
    const results = await Promise.all(["a", "b", "c", "d"].map((holder) => takeLease(db.prisma, name, holder, 60_000)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await takeLease(db.prisma, name, "e", 60_000)).toBe(false);
    // a short one, waited out: the next asker gets it
    expect(await takeLease(db.prisma, `${name}-pendek`, "a", 200)).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(await takeLease(db.prisma, `${name}-pendek`, "e", 200)).toBe(true);
  });
});

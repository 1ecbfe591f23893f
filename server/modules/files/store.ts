/**
 * Uploaded documents: received as a stream, judged by their content, kept in a content-addressed store.
 *
 *   receiveUpload(file, opts)          -> ReceivedUpload   stream to a temp file, hash, count, detect type
 *   FileStorage / LocalFileStorage                          put(tempPath, sha256) -> key; open; delete; exists
 *   withStoredFiles(storage, fn)       -> fn's result       deletes the files fn stored if fn throws
 *
 * How a request uses them (no orphan file when it fails):
 *
 *   const doc = await withStoredFiles(storage, async (track) => {
 *     const up = await receiveUpload(file, { maxBytes, allowed, tmpDir, field: "dokumen" });
 *     const storageKey = await track(up);          // in storage now; removed again if anything below throws
 *     return prisma.$transaction(async (tx) => {
 *       const stored = await tx.storedFile.create({ data: { sha256: up.sha256, ukuran: up.size, mime: up.mime,
 *         namaAsli: up.namaAsli, storageKey, uploaderId } });
 *       return tx.dokumenPengajuan.create({ data: { pengajuanId, persyaratanId, fileId: stored.id } });
 *     });
 *   });
 *
 * Files go into storage before the transaction so no disk I/O happens while it holds locks. What this
 * cannot cover: a crash between `track` and the commit (the file stays without a StoredFile row), and two
 * requests storing byte-identical content at the same moment where the one that first stored it fails
 * (its cleanup removes the file the other just committed a row for). Both leave a mismatch between the
 * store and the table that a periodic sweep (keys without a row and rows without a key) repairs; `open`
 * of a missing key rejects with NotFoundError rather than serving something else.
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../../config";
import { NotFoundError, ValidationError } from "../../lib/errors";
import { MIME_LABEL, daftarJenis, formatUkuran, sanitizeFileName } from "../../shared/files";

// ---------------------------------------------------------------------------------------------------
// Storage

export interface FileStorage {
  /**
   * Stores the content of `tempPath`, whose SHA-256 (lowercase hex) is `sha256`, and returns its key.
   * Takes ownership of `tempPath`: it is moved or deleted. Storing content that is already there is a
   * no-op that returns the same key (and makes the stored object young again for the orphan sweep).
   */
  put(tempPath: string, sha256: string): Promise<string>;
  /** Rejects with NotFoundError when the key is not stored. */
  open(key: string): Promise<NodeJS.ReadableStream | ReadableStream>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every stored content key (`ab/cd/<sha256>`) with when it was last stored; for the orphan sweep. */
  list(): AsyncIterable<StoredObject>;
  /** Resolves when the store can be written (readiness); rejects with StorageUnavailableError otherwise. */
  check(): Promise<void>;
  /**
   * A folder on this machine's disk for uploads being received (receiveUpload's temp files) and staging;
   * local to the instance whatever the store is. The sweep removes what is left in it.
   */
  readonly tmpDir: string;
}

export interface StoredObject {
  key: string;
  modifiedAt: Date;
  size: number;
}

/** The file store cannot be used: the message says what to fix (no stack, no secret). */
export class StorageUnavailableError extends Error {
  override name = "StorageUnavailableError";
}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const KEY = /^([0-9a-f]{2})\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/** The content address of a SHA-256: `ab/cd/abcd…`. */
export function storageKeyOf(sha256: string): string {
  if (!SHA256_HEX.test(sha256)) throw new Error("storageKeyOf: sha256 must be 64 lowercase hex digits");
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

/**
 * Files on the local disk under `root` (default `${DATA_DIR}/files`), one per distinct content at
 * `ab/cd/<sha256>`. A stored file appears whole or not at all: it is written to `root/.tmp` on the same
 * file system, flushed, and renamed into place. `put` re-hashes what it copies, so a wrong `sha256` can
 * never make a key serve other bytes.
 */
export class LocalFileStorage implements FileStorage {
  readonly root: string;
  readonly tmpDir: string;

  constructor(root?: string) {
    this.root = path.resolve(root ?? path.join(loadConfig().dataDir, "files"));
    this.tmpDir = path.join(this.root, ".tmp");
  }

  private pathOf(key: string): string {
    const m = KEY.exec(key);
    // keys come from our own table, but a path built from a malformed one could leave the root
    if (!m || m[3].slice(0, 2) !== m[1] || m[3].slice(2, 4) !== m[2]) throw new Error("LocalFileStorage: malformed key");
    return path.join(this.root, m[1], m[2], m[3]);
  }

  async put(tempPath: string, sha256: string): Promise<string> {
    const key = storageKeyOf(sha256);
    const target = this.pathOf(key);
    try {
      if (await this.exists(key)) {
        // fresh again: the orphan sweep leaves young files alone while their new row commits
        const now = new Date();
        await fs.utimes(target, now, now).catch(() => {});
        return key;
      }
      const stagingDir = this.tmpDir;
      await fs.mkdir(stagingDir, { recursive: true });
      const staging = path.join(stagingDir, `${sha256}.${randomUUID()}`);
      try {
        const actual = await copyHashing(tempPath, staging);
        if (actual !== sha256) throw new Error("LocalFileStorage.put: content does not match sha256");
        await fs.mkdir(path.dirname(target), { recursive: true });
        // a concurrent put of the same content may have won: renaming over it is harmless (same bytes)
        await fs.rename(staging, target);
      } catch (err) {
        await fs.rm(staging, { force: true });
        throw err;
      }
      return key;
    } finally {
      await fs.rm(tempPath, { force: true });
    }
  }

  async open(key: string): Promise<NodeJS.ReadableStream> {
    const file = this.pathOf(key);
    try {
      // opening first turns a missing file into a rejection here instead of an error event mid-response
      const handle = await fs.open(file, "r");
      // a directory opens too, then fails at the first read, after the answer's headers went out
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw new Error("LocalFileStorage: stored path is not a regular file");
      }
      return handle.createReadStream();
    } catch (err) {
      if (isNotFound(err)) throw new NotFoundError("FILE_NOT_FOUND", "Berkas tidak ditemukan.");
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await fs.stat(this.pathOf(key))).isFile();
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  async *list(): AsyncIterable<StoredObject> {
    for (const a of await dirNames(this.root)) {
      if (!KEY_DIR.test(a)) continue;
      for (const b of await dirNames(path.join(this.root, a))) {
        if (!KEY_DIR.test(b)) continue;
        for (const name of await dirNames(path.join(this.root, a, b))) {
          if (!SHA256_HEX.test(name) || name.slice(0, 2) !== a || name.slice(2, 4) !== b) continue;
          const stat = await fs.stat(path.join(this.root, a, b, name)).catch(() => null);
          if (stat?.isFile()) yield { key: `${a}/${b}/${name}`, modifiedAt: stat.mtime, size: stat.size };
        }
      }
    }
  }

  async check(): Promise<void> {
    const probe = path.join(this.tmpDir, `check-${randomUUID()}`);
    try {
      await fs.mkdir(this.tmpDir, { recursive: true });
      await fs.writeFile(probe, "");
      await fs.rm(probe, { force: true });
    } catch (err) {
      throw new StorageUnavailableError(`File storage folder ${this.root} is not writable (${(err as NodeJS.ErrnoException).code ?? String(err)}).`);
    }
  }
}

const KEY_DIR = /^[0-9a-f]{2}$/;

async function dirNames(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (err) {
    if (isNotFound(err)) return [];
    throw err;
  }
}

/** SHA-256 (lowercase hex) and size of a file, read as a stream. */
export async function hashFile(file: string): Promise<{ sha256: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).byteLength;
  }
  return { sha256: hash.digest("hex"), size };
}

async function copyHashing(from: string, to: string): Promise<string> {
  const hash = createHash("sha256");
  const out = await fs.open(to, "wx", 0o600);
  try {
    for await (const chunk of createReadStream(from)) {
      hash.update(chunk as Buffer);
      await out.write(chunk as Buffer);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  return hash.digest("hex");
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === "ENOENT";
}

// ---------------------------------------------------------------------------------------------------
// Receiving an upload

/** What receiveUpload needs of an upload: a WHATWG File (graphql-yoga multipart) fits. */
export interface UploadedFile {
  readonly name: string;
  /** declared by the client: ignored for the type decision */
  readonly type: string;
  /** declared size; checked early when present, but the bytes actually read are what count */
  readonly size?: number;
  stream(): ReadableStream<Uint8Array>;
}

export interface ReceiveOptions {
  maxBytes: number;
  /** allowed MIME types (see ALLOWED_DEFAULT), compared with the type detected from the content */
  allowed: readonly string[];
  /** where the temp file goes; on the same disk as the storage root makes `put` cheaper */
  tmpDir: string;
  /** input field the errors name */
  field?: string;
}

export interface ReceivedUpload {
  /** temp file holding the bytes; hand it to `track`/`put`, which consume it */
  tempPath: string;
  /** lowercase hex */
  sha256: string;
  size: number;
  /** detected from the content */
  mime: string;
  /** sanitised client name, extension matching `mime` */
  namaAsli: string;
}

/** Bytes kept from the start of the upload for checks beyond file-type's. */
const HEAD_BYTES = 1024;

/**
 * Streams an upload to a temp file while hashing and counting it, then decides its type from the
 * content. Reading stops as soon as the count passes `maxBytes` (the rest is never pulled); on any
 * failure the temp file is removed. Throws ValidationError FILE_TOO_LARGE, FILE_EMPTY or
 * FILE_TYPE_NOT_ALLOWED (with `opts.field`).
 */
export async function receiveUpload(file: UploadedFile, opts: ReceiveOptions): Promise<ReceivedUpload> {
  const field = opts.field ?? null;
  const tooLarge = () => new ValidationError("FILE_TOO_LARGE", `Ukuran berkas melebihi batas ${formatUkuran(opts.maxBytes)}.`, field);
  if (typeof file.size === "number" && file.size > opts.maxBytes) throw tooLarge();

  await fs.mkdir(opts.tmpDir, { recursive: true });
  const tempPath = path.join(opts.tmpDir, `upload-${randomUUID()}.part`);
  try {
    const hash = createHash("sha256");
    const head = new Uint8Array(HEAD_BYTES);
    let headLength = 0;
    let size = 0;
    const out = await fs.open(tempPath, "wx", 0o600);
    try {
      const reader = file.stream().getReader();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > opts.maxBytes) {
            // tells the source to stop producing; nothing past this chunk is read or written
            await reader.cancel().catch(() => {});
            throw tooLarge();
          }
          if (headLength < HEAD_BYTES) {
            const take = value.subarray(0, HEAD_BYTES - headLength);
            head.set(take, headLength);
            headLength += take.byteLength;
          }
          hash.update(value);
          await out.write(value);
        }
      } finally {
        reader.releaseLock();
      }
    } finally {
      await out.close();
    }

    if (size === 0) throw new ValidationError("FILE_EMPTY", "Berkas kosong. Unggah berkas yang berisi dokumen.", field);

    const allowedText = daftarJenis(opts.allowed);
    // file-type is loaded with the first upload, not at every start
    const { fileTypeFromFile } = await import("file-type");
    const detected = await fileTypeFromFile(tempPath);
    if (!detected) {
      throw new ValidationError("FILE_TYPE_NOT_ALLOWED", `Jenis berkas tidak dikenali atau tidak diizinkan. Unggah ${allowedText}.`, field);
    }
    if (!opts.allowed.includes(detected.mime)) {
      throw new ValidationError(
        "FILE_TYPE_NOT_ALLOWED",
        `Jenis berkas tidak diizinkan: isinya berupa ${MIME_LABEL[detected.mime] ?? detected.ext.toUpperCase()}. Unggah ${allowedText}.`,
        field,
      );
    }
    // file-type accepts '%PDF' alone; a real PDF header is '%PDF-<version>'
    if (detected.mime === "application/pdf" && !startsWith(head.subarray(0, headLength), "%PDF-")) {
      throw new ValidationError("FILE_TYPE_NOT_ALLOWED", `Berkas PDF tidak sah. Unggah ${allowedText}.`, field);
    }

    return {
      tempPath,
      sha256: hash.digest("hex"),
      size,
      mime: detected.mime,
      namaAsli: sanitizeFileName(file.name, detected.mime),
    };
  } catch (err) {
    await fs.rm(tempPath, { force: true });
    throw err;
  }
}

function startsWith(bytes: Uint8Array, ascii: string): boolean {
  if (bytes.byteLength < ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[i] !== ascii.charCodeAt(i)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------------
// No orphans

/** Puts a received upload into storage and remembers it for cleanup; returns the storage key. */
export type TrackFile = (upload: Pick<ReceivedUpload, "tempPath" | "sha256">) => Promise<string>;

/**
 * Runs `fn` (which stores files with `track` and then writes their rows in a DB transaction); if `fn`
 * throws, the files it stored are deleted again and the error is rethrown. Only files this call
 * created are deleted: content that was already stored (deduplicated) belongs to other rows.
 * Cleanup is best effort: a failed delete never hides the original error.
 */
export async function withStoredFiles<T>(storage: FileStorage, fn: (track: TrackFile) => Promise<T>): Promise<T> {
  const created: string[] = [];
  const track: TrackFile = async ({ tempPath, sha256 }) => {
    const key = storageKeyOf(sha256);
    let existed: boolean;
    try {
      existed = await storage.exists(key);
    } catch (err) {
      await fs.rm(tempPath, { force: true });
      throw err;
    }
    // recorded before put, so a put that fails half-way is cleaned up too (delete of a missing key is fine)
    if (!existed) created.push(key);
    return storage.put(tempPath, sha256);
  };
  try {
    return await fn(track);
  } catch (err) {
    await Promise.allSettled(created.map((key) => storage.delete(key)));
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------------
// Files the server makes (a generated or signed letter)

/** Stores bytes the server made, through `track` (so a failed transaction deletes them again). */
export async function storeBytes(track: TrackFile, tmpDir: string, bytes: Uint8Array): Promise<{ key: string; sha256: string; size: number }> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  await fs.mkdir(tmpDir, { recursive: true });
  const tempPath = path.join(tmpDir, `gen-${randomUUID()}`);
  await fs.writeFile(tempPath, bytes, { mode: 0o600 });
  return { key: await track({ tempPath, sha256 }), sha256, size: bytes.byteLength };
}

/** A stored file's bytes (for files the server reads whole: a letter to sign is a few hundred KB). */
export async function readStored(storage: FileStorage, key: string): Promise<Buffer> {
  const stream = await storage.open(key);
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

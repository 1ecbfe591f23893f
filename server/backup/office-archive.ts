/**
 * The archive of one office (instansi) moving to another install: a tar stream, gzipped, encrypted.
 *
 *   LOKET-INSTANSI-1\n                         magic
 *   {"kdf":"scrypt",...,"salt":…,"iv":…}\n     header (also the AES-GCM additional data, so it cannot be altered)
 *   <AES-256-GCM ciphertext of tar.gz>         entries: manifest.json, data.json, files/<sha256>
 *   <16-byte GCM tag>
 *
 * Encrypted because it holds personal data in clear: the importing install has another LOKET_SECRET, so
 * identity numbers are decrypted on export and encrypted again under the new key on import. The key comes from
 * the operator's passphrase through scrypt; nothing in the archive reveals it.
 *
 * The tar.gz inside is the backup's archive format (archive.ts); this module only adds the encryption envelope.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { readArchive, writeArchive, type JsonLinesSink } from "./archive";

const MAGIC = "LOKET-INSTANSI-1\n";
const TAG_BYTES = 16;
/** 2^15 × 8 × 128 B = 32 MiB of memory, ~0.1 s here: slow to guess, cheap to run once. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1 } as const;
export const MIN_PASSPHRASE = 12;

export class ArchiveError extends Error {}

interface Header {
  kdf: "scrypt";
  N: number;
  r: number;
  p: number;
  salt: string;
  iv: string;
  cipher: "aes-256-gcm";
}

function deriveKey(passphrase: string, salt: Buffer, h: Pick<Header, "N" | "r" | "p">): Promise<Buffer> {
  const opts: ScryptOptions = { N: h.N, r: h.r, p: h.p, maxmem: 256 * h.N * h.r + 1024 * 1024 };
  return new Promise((resolve, reject) => scryptCb(passphrase, salt, 32, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

export function checkPassphrase(passphrase: string | undefined): string {
  if (!passphrase || passphrase.length < MIN_PASSPHRASE) {
    throw new ArchiveError(`The archive passphrase must be at least ${MIN_PASSPHRASE} characters (it protects personal data in clear).`);
  }
  return passphrase;
}

export interface OfficeArchiveWriter {
  json(name: string, value: unknown): Promise<void>;
  /** rows of unknown count as JSON lines in bounded parts `<prefix>/000001.jsonl`, … */
  lines(prefix: string): JsonLinesSink;
  /** streams `size` bytes from `source` into the entry */
  file(name: string, size: number, source: NodeJS.ReadableStream | ReadableStream): Promise<void>;
}

/** Writes the archive to `file` (to `file.part`, renamed when complete). */
export async function writeOfficeArchive(file: string, passphrase: string, build: (w: OfficeArchiveWriter) => Promise<void>): Promise<void> {
  checkPassphrase(passphrase);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const header: Header = { kdf: "scrypt", ...SCRYPT, salt: salt.toString("base64"), iv: iv.toString("base64"), cipher: "aes-256-gcm" };
  const headerLine = `${JSON.stringify(header)}\n`;
  const key = await deriveKey(passphrase, salt, SCRYPT);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(MAGIC + headerLine));

  const part = `${file}.part`;
  const out = createWriteStream(part, { mode: 0o600 });
  out.write(MAGIC + headerLine);
  // the tar.gz of archive.ts goes through the cipher; the tag is appended once the cipher has ended
  const encrypted = pipeline(cipher, out, { end: false });
  const archive = writeArchive(cipher);
  try {
    await build({
      json: async (name, value) => {
        await archive.add(name, JSON.stringify(value));
      },
      lines: (prefix) => archive.jsonLines(prefix),
      file: async (name, size, source) => {
        await archive.addStream(name, size, source as NodeJS.ReadableStream);
      },
    });
    await archive.finish();
    await encrypted;
    await new Promise<void>((resolve, reject) => out.end(cipher.getAuthTag(), (err?: Error | null) => (err ? reject(err) : resolve())));
    await fs.rename(part, file);
  } catch (err) {
    archive.abort(err as Error);
    out.destroy();
    await encrypted.catch(() => {});
    await fs.rm(part, { force: true });
    throw err;
  }
}

const ENTRY = /^(manifest\.json|(tables\/[A-Za-z]+|people)\/\d{6}\.jsonl|files\/[0-9a-f]{64})$/;

/**
 * Decrypts and unpacks the archive into `dir` (which must exist and be empty). Resolves only when the GCM tag
 * verified: nothing unpacked may be used before that (the caller imports from `dir` afterwards).
 */
export async function extractOfficeArchive(file: string, passphrase: string, dir: string): Promise<void> {
  const handle = await fs.open(file, "r").catch((err) => {
    throw new ArchiveError(`Cannot open the archive ${file}: ${(err as Error).message}`);
  });
  let headerLine: string;
  let bodyStart: number;
  let size: number;
  let tag: Buffer;
  try {
    size = (await handle.stat()).size;
    const head = Buffer.alloc(Math.min(size, 4096));
    await handle.read(head, 0, head.length, 0);
    const text = head.toString("latin1");
    const nl = text.indexOf("\n", MAGIC.length);
    if (!text.startsWith(MAGIC) || nl < 0) throw new ArchiveError(`${file} is not a Loket office archive (export-instansi).`);
    headerLine = text.slice(MAGIC.length, nl + 1);
    bodyStart = nl + 1;
    if (size < bodyStart + TAG_BYTES) throw new ArchiveError("The archive is truncated.");
    tag = Buffer.alloc(TAG_BYTES);
    await handle.read(tag, 0, TAG_BYTES, size - TAG_BYTES);
  } finally {
    await handle.close();
  }
  let header: Header;
  try {
    header = JSON.parse(headerLine);
  } catch {
    throw new ArchiveError("The archive header is damaged.");
  }
  if (header.kdf !== "scrypt" || header.cipher !== "aes-256-gcm" || header.N > 1 << 20 || header.r > 32 || header.p > 16) {
    throw new ArchiveError("The archive uses parameters this version does not read.");
  }
  const key = await deriveKey(passphrase, Buffer.from(header.salt, "base64"), header);
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(header.iv, "base64"));
  decipher.setAAD(Buffer.from(MAGIC + headerLine));
  decipher.setAuthTag(tag);

  const decrypted = createReadStream(file, { start: bodyStart, end: size - TAG_BYTES - 1 }).pipe(decipher);
  try {
    for await (const entry of readArchive(decrypted)) {
      if (!ENTRY.test(entry.name)) throw new ArchiveError(`Unexpected entry in the archive: ${entry.name}`);
      const target = path.join(dir, entry.name);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await pipeline(entry.stream, createWriteStream(target, { flags: "wx", mode: 0o600 }));
    }
  } catch (err) {
    if (err instanceof ArchiveError) throw err;
    // a wrong key gives garbage that gunzip rejects, or (rarely) a tag that does not verify at the end
    throw new ArchiveError("The archive cannot be decrypted: wrong passphrase, or the file is damaged.");
  }
}

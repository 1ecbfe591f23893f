/**
 * A Loket archive: a gzip-compressed tar of named entries, written and read as streams (nothing is held whole in
 * memory except entries added from a Buffer and JSON-lines parts, which are bounded).
 *
 * Used by the whole-install backup (server/backup/backup.ts) and meant for other archives too (per-office
 * export). The layout of entries is the caller's; this module only guarantees:
 * - entries come out of the reader in the order they were written;
 * - every entry's SHA-256 is computed while it is written (returned by the writer) and while it is read
 *   (`ArchiveEntry.sha256()` after the stream ended), so a manifest can list them and a reader can check them;
 * - entry names are plain relative paths (no absolute path, no `..`, no backslash): a name is never a path on
 *   disk, but a reader that refuses anything else cannot be tricked into treating one as such.
 *
 * Tar needs each entry's size before its bytes: table dumps of unknown length go through `jsonLines`, which
 * splits them into parts of bounded size (`<prefix>/000001.jsonl`, …).
 */
import { createHash } from "node:crypto";
import { Readable, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip } from "node:zlib";
import tar from "tar-stream";

export class ArchiveFormatError extends Error {}

const NAME = /^(?!\/)(?!.*(?:^|\/)\.\.?(?:\/|$))[A-Za-z0-9._\-/]+$/;

export function checkEntryName(name: string): string {
  if (!NAME.test(name) || name.length > 255) throw new ArchiveFormatError(`Invalid entry name in archive: ${JSON.stringify(name)}`);
  return name;
}

type Source = AsyncIterable<Uint8Array> | NodeJS.ReadableStream | ReadableStream<Uint8Array>;

function toReadable(source: Source): Readable {
  if (source instanceof Readable) return source;
  if (typeof (source as ReadableStream).getReader === "function") return Readable.fromWeb(source as import("node:stream/web").ReadableStream<Uint8Array>);
  return Readable.from(source as AsyncIterable<Uint8Array>, { objectMode: false });
}

export interface EntryWritten {
  name: string;
  size: number;
  sha256: string;
}

export interface JsonLinesResult {
  /** names of the part entries, in order */
  parts: string[];
  rows: number;
  bytes: number;
  /** SHA-256 of all parts' bytes concatenated (each line ends with "\n") */
  sha256: string;
}

export interface JsonLinesSink {
  /** one line of JSON text, without the line break */
  write(line: string): Promise<void>;
  end(): Promise<JsonLinesResult>;
}

export interface ArchiveWriter {
  add(name: string, data: Buffer | string): Promise<EntryWritten>;
  addJson(name: string, value: unknown): Promise<EntryWritten>;
  /** Streams exactly `size` bytes; rejects (and the archive is unusable) when the source yields another count. */
  addStream(name: string, size: number, source: Source): Promise<EntryWritten>;
  jsonLines(prefix: string, partBytes?: number): JsonLinesSink;
  /** Bytes of compressed output so far. */
  readonly compressedBytes: number;
  /** Ends the archive and waits until the output has taken every byte. */
  finish(): Promise<void>;
  /** Stops writing; the output gets an error and must be discarded. */
  abort(err: Error): void;
}

export interface WriterOptions {
  /** zlib level; 6 (zlib's default) unless given. Stored documents are mostly compressed already. */
  level?: number;
}

export function writeArchive(out: Writable, opts: WriterOptions = {}): ArchiveWriter {
  const pack = tar.pack();
  const gzip = createGzip({ level: opts.level ?? 6 });
  let compressed = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      compressed += chunk.length;
      cb(null, chunk);
    },
  });
  const done = pipeline(pack, gzip, counter, out);
  done.catch(() => {}); // observed through finish()
  // tar entries are written one after another: calls queue here
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = queue.then(fn);
    queue = next.catch(() => {});
    return next;
  };

  const writeEntry = (name: string, size: number, source: Readable): Promise<EntryWritten> =>
    new Promise<EntryWritten>((resolve, reject) => {
      const hash = createHash("sha256");
      let count = 0;
      const entry = pack.entry({ name: checkEntryName(name), size, mtime: new Date(0), mode: 0o600 }, (err) => {
        if (err) reject(count !== size ? new Error(`Entry ${name}: expected ${size} bytes, got ${count}`) : err);
        else if (count !== size) reject(new Error(`Entry ${name}: expected ${size} bytes, got ${count}`));
        else resolve({ name, size, sha256: hash.digest("hex") });
      });
      const hashing = new Transform({
        transform(chunk: Buffer, _enc, cb) {
          count += chunk.length;
          if (count > size) return cb(new Error(`Entry ${name}: more than the ${size} bytes announced`));
          hash.update(chunk);
          cb(null, chunk);
        },
      });
      pipeline(source, hashing, entry).catch((err: Error) => {
        const e = count < size ? new Error(`Entry ${name}: expected ${size} bytes, got ${count}`) : err;
        pack.destroy(e);
        reject(e);
      });
    });

  const writer: ArchiveWriter = {
    add: (name, data) => {
      const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
      return serial(() => writeEntry(name, buf.length, Readable.from([buf])));
    },
    addJson: (name, value) => writer.add(name, `${JSON.stringify(value, null, 2)}\n`),
    addStream: (name, size, source) => serial(() => writeEntry(name, size, toReadable(source))),
    jsonLines(prefix, partBytes = 4 * 1024 * 1024) {
      const whole = createHash("sha256");
      const parts: string[] = [];
      let rows = 0;
      let bytes = 0;
      let chunks: Buffer[] = [];
      let pending = 0;
      const flush = async () => {
        if (!pending && parts.length) return;
        const name = `${prefix}/${String(parts.length + 1).padStart(6, "0")}.jsonl`;
        parts.push(name);
        const buf = Buffer.concat(chunks);
        chunks = [];
        pending = 0;
        await writer.add(name, buf);
      };
      return {
        async write(line) {
          const buf = Buffer.from(`${line}\n`, "utf8");
          whole.update(buf);
          rows++;
          bytes += buf.length;
          chunks.push(buf);
          pending += buf.length;
          if (pending >= partBytes) await flush();
        },
        async end() {
          if (pending || !parts.length) await flush(); // an empty table still gets one (empty) part
          return { parts, rows, bytes, sha256: whole.digest("hex") };
        },
      };
    },
    get compressedBytes() {
      return compressed;
    },
    async finish() {
      await queue;
      pack.finalize();
      await done;
    },
    abort(err) {
      pack.destroy(err);
      out.destroy(err);
    },
  };
  return writer;
}

export interface ArchiveEntry {
  name: string;
  size: number;
  /** the entry's bytes; consume it (or not) before asking for the next entry */
  stream: Readable;
  /** after `stream` ended: SHA-256 of the bytes read */
  sha256(): string;
  buffer(): Promise<Buffer>;
  json<T = unknown>(): Promise<T>;
  /** the entry as lines (JSON-lines parts), without line breaks */
  lines(): AsyncGenerator<string>;
}

/**
 * Reads an archive entry by entry. An entry the caller did not consume is skipped when the next one is asked for.
 * Rejects with ArchiveFormatError on a stream that is not a gzip'd tar or holds an entry with an unsafe name.
 */
export async function* readArchive(input: NodeJS.ReadableStream | Readable): AsyncGenerator<ArchiveEntry> {
  const extract = tar.extract();
  const gunzip = createGunzip();
  const feeding = pipeline(input as Readable, gunzip, extract).catch((err: Error & { code?: string }) => {
    const e = err.code?.startsWith("Z_") ? new ArchiveFormatError(`Not a Loket archive (gzip: ${err.message})`) : err;
    extract.destroy(e);
    throw e;
  });
  feeding.catch(() => {});
  try {
    for await (const raw of extract) {
      const header = raw.header;
      if (header.type !== "file") {
        raw.resume();
        continue;
      }
      const name = checkEntryName(header.name);
      const hash = createHash("sha256");
      let digest: string | null = null;
      const stream = raw.pipe(
        new Transform({
          transform(chunk: Buffer, _enc, cb) {
            hash.update(chunk);
            cb(null, chunk);
          },
          flush(cb) {
            digest = hash.digest("hex");
            cb();
          },
        }),
      );
      const buffer = async () => {
        const chunks: Buffer[] = [];
        for await (const c of stream) chunks.push(c as Buffer);
        return Buffer.concat(chunks);
      };
      yield {
        name,
        size: header.size ?? 0,
        stream,
        sha256() {
          if (digest === null) throw new Error(`Entry ${name} not read to its end`);
          return digest;
        },
        buffer,
        json: async <T>() => JSON.parse((await buffer()).toString("utf8")) as T,
        lines: () => splitLines(stream),
      };
      if (!stream.readableEnded) {
        stream.resume();
        await new Promise<void>((resolve, reject) => {
          if (stream.readableEnded) return resolve();
          stream.once("end", resolve);
          stream.once("error", reject);
        });
      }
    }
    await feeding;
  } catch (err) {
    if (err instanceof ArchiveFormatError) throw err;
    const e = err as Error & { code?: string };
    if (e.code?.startsWith("Z_") || /Invalid tar header|Unexpected end/i.test(e.message)) {
      throw new ArchiveFormatError(`Not a Loket archive, or a truncated one (${e.message})`);
    }
    throw err;
  } finally {
    extract.destroy();
  }
}

async function* splitLines(stream: Readable): AsyncGenerator<string> {
  let rest = "";
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of stream) {
    rest += decoder.decode(chunk as Buffer, { stream: true });
    const lines = rest.split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) if (line) yield line;
  }
  rest += decoder.decode();
  if (rest) yield rest;
}

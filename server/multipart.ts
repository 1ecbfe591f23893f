/**
 * GraphQL multipart requests (https://github.com/jaydenseric/graphql-multipart-request-spec) parsed as they
 * stream in: each file part goes straight to a temp file in the file store's tmpDir, so no upload is ever whole
 * in memory. yoga's own parser (@whatwg-node's Body.formData) collects every file's chunks before a resolver
 * sees it — up to 20 MB per file and 10 files per request.
 *
 * It is a request parser inside yoga (not an interception in front of it), so the CSRF header, the body-size
 * check on Content-Length, the rate limit and every other plugin see the request as before; the errors keep
 * the codes of limits.ts: this parser throws the messages busboy/@whatwg-node throw and `useUploadLimits`
 * (limits.ts, after this plugin) turns them into FILE_TOO_LARGE, TOO_MANY_FILES, PAYLOAD_TOO_LARGE or
 * MULTIPART_INVALID. Reading stops at the first broken limit; what is left of the body is dropped by
 * drainRefusedBody. Temp files are removed when the response is made (the resolvers have copied what they keep
 * by then, see files/store.ts receiveUpload) or when parsing fails.
 */
import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import Busboy from "@fastify/busboy";
import type { Plugin } from "graphql-yoga";
import { MAX_UPLOAD_BODY_BYTES, UPLOAD_LIMITS } from "./limits";

/** An uploaded file kept on disk; the File-like shape files/store.ts receiveUpload reads (WHATWG File's members). */
export class DiskUpload {
  readonly lastModified = Date.now();
  constructor(
    readonly name: string,
    readonly type: string,
    readonly size: number,
    /** the temp file: removed after the response */
    readonly path: string,
  ) {}
  stream(): ReadableStream<Uint8Array> {
    return Readable.toWeb(createReadStream(this.path)) as ReadableStream<Uint8Array>;
  }
  async arrayBuffer(): Promise<ArrayBuffer> {
    const b = await fs.readFile(this.path);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }
  async bytes(): Promise<Uint8Array> {
    return new Uint8Array(await this.arrayBuffer());
  }
  async text(): Promise<string> {
    return fs.readFile(this.path, "utf8");
  }
  get [Symbol.toStringTag]() {
    return "File";
  }
}

/**
 * @fastify/busboy (fastify's maintained fork of busboy 0.3, with its own multipart reader in place of dicer and
 * CVE-2022-24434 fixed; graphql-yoga's own parser uses it): `new Busboy(cfg)`, positional event arguments. The
 * little used here is typed locally, with the write-side errors it may still raise caught below.
 */
interface Busboy03 extends NodeJS.WritableStream {
  on(event: "file", l: (field: string, stream: Readable, filename: string | undefined, encoding: string, mime: string) => void): this;
  on(event: "field", l: (field: string, value: string, nameTruncated: boolean, valueTruncated: boolean) => void): this;
  on(event: "partsLimit" | "filesLimit" | "fieldsLimit" | "finish", l: () => void): this;
  on(event: "error", l: (err: unknown) => void): this;
}
const BusboyCtor = Busboy as unknown as new (cfg: { headers: Record<string, string>; limits: Record<string, number> }) => Busboy03;

export interface MultipartLimits {
  fileSize: number;
  files: number;
  fieldSize: number;
  fields: number;
  parts: number;
  /** all bytes of the body */
  body: number;
}

const DEFAULT_LIMITS: MultipartLimits = { ...UPLOAD_LIMITS, body: MAX_UPLOAD_BODY_BYTES };

/** Parses a multipart body into GraphQL params whose mapped variables hold DiskUploads; `temp` collects the files written. */
export async function parseMultipart(
  contentType: string,
  body: AsyncIterable<Uint8Array> | null,
  tmpDir: string,
  temp: string[],
  limits: MultipartLimits = DEFAULT_LIMITS,
): Promise<unknown> {
  if (!body) throw new Error("Unexpected end of form");
  let failure: Error | null = null;
  const fail = (message: string) => {
    failure ??= new Error(message);
  };
  let bb: Busboy03;
  try {
    bb = new BusboyCtor({
      headers: { "content-type": contentType },
      limits: { fileSize: limits.fileSize, files: limits.files, fieldSize: limits.fieldSize, fields: limits.fields, parts: limits.parts, headerPairs: 20 },
    });
  } catch (err) {
    throw new Error(`Invalid multipart request: ${(err as Error).message}`);
  }
  const fields = new Map<string, string>();
  const files = new Map<string, DiskUpload>();
  const writes: Promise<void>[] = [];
  const open: WriteStream[] = [];
  await fs.mkdir(tmpDir, { recursive: true });

  bb.on("field", (name, value, _nameTruncated, valueTruncated) => {
    if (valueTruncated) fail("Field value size exceeded");
    else fields.set(name, value);
  });
  bb.on("file", (field, stream, filename, _encoding, mime) => {
    if (failure) {
      stream.resume();
      return;
    }
    const tempPath = path.join(tmpDir, `multipart-${randomUUID()}.part`);
    temp.push(tempPath);
    const out = createWriteStream(tempPath, { flags: "wx", mode: 0o600 });
    open.push(out);
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
    });
    stream.on("limit", () => fail(`File size limit exceeded: ${limits.fileSize} bytes`));
    // e.g. the body ends inside this part ("Part terminated early"): this request's 400, never an uncaught error
    stream.on("error", (err: Error) => {
      fail(err.message);
      out.destroy();
    });
    writes.push(
      new Promise<void>((resolve) => {
        stream.pipe(out);
        out.on("error", (err) => {
          fail(`Writing the upload failed: ${err.message}`);
          resolve();
        });
        out.on("close", () => {
          files.set(field, new DiskUpload(filename ?? "", mime, size, tempPath));
          resolve();
        });
      }),
    );
  });
  bb.on("partsLimit", () => fail("Parts limit exceeded"));
  bb.on("filesLimit", () => fail("Files limit exceeded"));
  bb.on("fieldsLimit", () => fail("Fields limit exceeded"));
  const finished = new Promise<void>((resolve) => {
    bb.on("finish", resolve);
    bb.on("error", (err) => {
      fail(err instanceof Error ? err.message : "Malformed part header");
      resolve();
    });
  });

  // written chunk by chunk (not piped): the parser can throw from write() on a malformed part, which in a
  // pipe would be an uncaught exception; here it is this request's 400
  let received = 0;
  const iterator = body[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await iterator.next();
      if (next.done) break;
      received += next.value.byteLength;
      if (received > limits.body) fail("Request body too large");
      if (failure) break;
      // the callback comes once busboy took the chunk: while a file's temp file is slower than the network,
      // busboy holds it back, and so the body is not read further (backpressure)
      const written = new Promise<void>((resolve) => {
        try {
          bb.write(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength), (err?: Error | null) => {
            if (err) fail(err.message);
            resolve();
          });
        } catch (err) {
          fail(`Malformed multipart body: ${(err as Error).message}`);
          resolve();
        }
      });
      // (a parse error may leave the write's callback uncalled)
      await Promise.race([written, finished]);
      if (failure) break;
    }
  } catch (err) {
    // the client went away: the caller sees an abort, not a parse error
    await closeAll(open, writes);
    throw err;
  }
  if (failure) {
    await iterator.return?.().catch(() => {});
    await closeAll(open, writes);
    throw failure;
  }
  try {
    bb.end();
  } catch (err) {
    fail(`Malformed multipart body: ${(err as Error).message}`);
  }
  if (!failure) await finished;
  if (failure) {
    await closeAll(open, writes);
    throw failure;
  }
  await Promise.all(writes);
  if (failure) throw failure;
  return assemble(fields, files);
}

/** Stops the temp files being written and waits until they are closed (a file still opening would appear after its removal). */
async function closeAll(open: WriteStream[], writes: Promise<void>[]) {
  for (const out of open) out.destroy();
  await Promise.race([Promise.all(writes), new Promise((r) => setTimeout(r, 2_000).unref())]);
}

/** operations + map + files → the params, as the spec (and yoga's own parser) defines them. */
function assemble(fields: Map<string, string>, files: Map<string, DiskUpload>): unknown {
  const operationsStr = fields.get("operations");
  if (operationsStr === undefined) throw new Error('Missing multipart form field "operations"');
  let operations: unknown;
  try {
    operations = JSON.parse(operationsStr);
  } catch {
    throw new Error('Multipart form field "operations" must be a valid JSON string');
  }
  const mapStr = fields.get("map");
  if (mapStr === undefined) return operations;
  let map: unknown;
  try {
    map = JSON.parse(mapStr);
  } catch {
    throw new Error('Multipart form field "map" must be a valid JSON string');
  }
  if (typeof map !== "object" || map === null || Array.isArray(map)) throw new Error('Multipart form field "map" must be an object');
  for (const [fileField, paths] of Object.entries(map)) {
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === "string")) throw new Error('Multipart form field "map" must map to arrays of paths');
    const file = files.get(fileField) ?? null;
    for (const p of paths as string[]) setPath(operations, p, file);
  }
  return operations;
}

function setPath(object: unknown, keyPath: string, value: unknown) {
  const keys = keyPath.split(".");
  let current = object as Record<string, unknown>;
  if (typeof current !== "object" || current === null) return;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === "__proto__" || key === "constructor" || key === "prototype") return;
    if (i === keys.length - 1) {
      current[key] = value;
    } else {
      if (!Object.hasOwn(current, key) || typeof current[key] !== "object" || current[key] === null) current[key] = {};
      current = current[key] as Record<string, unknown>;
    }
  }
}

function isMultipartPost(request: Request): boolean {
  return request.method === "POST" && (request.headers.get("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/**
 * The yoga plugin: multipart POSTs are parsed by `parseMultipart` into `tmpDir()`; the temp files go when the
 * response is made. Put it before `useUploadLimits` (which maps the parse errors to our codes).
 */
export function useStreamingUploads(tmpDir: () => string, limits: MultipartLimits = DEFAULT_LIMITS): Plugin {
  const tempByRequest = new WeakMap<Request, string[]>();
  const remove = (paths: string[]) => Promise.all(paths.splice(0).map((p) => fs.rm(p, { force: true }).catch(() => {})));
  return {
    onRequestParse({ request, setRequestParser }) {
      if (!isMultipartPost(request)) return;
      setRequestParser(async (req) => {
        const temp: string[] = [];
        // (a plugin may hand the parser another Request than the one onResponse gets)
        tempByRequest.set(request, temp).set(req, temp);
        try {
          return (await parseMultipart(
            req.headers.get("content-type") ?? "",
            req.body as unknown as AsyncIterable<Uint8Array> | null,
            tmpDir(),
            temp,
            limits,
          )) as never;
        } catch (err) {
          await remove(temp);
          throw err;
        }
      });
    },
    async onResponse({ request }) {
      const temp = tempByRequest.get(request);
      if (temp?.length) await remove(temp);
    },
  };
}

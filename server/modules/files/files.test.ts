import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { NotFoundError, ValidationError } from "../../lib/errors";
import { LocalFileStorage, receiveUpload, storageKeyOf, withStoredFiles, type UploadedFile } from "./store";
import { ALLOWED_DEFAULT } from "../../shared/files";

const MB = 1024 * 1024;

// ---------------------------------------------------------------------------------------------------
// Real bytes

async function tinyPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText("Surat Keterangan", { x: 20, y: 100, size: 12 });
  return doc.save();
}

/** 1×1 grey+alpha PNG (IHDR, IDAT, IEND). */
const PNG_1X1 = new Uint8Array(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64"));

/**
 * 1×1 grey baseline JPEG written by hand: SOI, DQT (all ones), SOF0 1×1×1, a DC and an AC Huffman table
 * with one 1-bit code each (DC category 0, AC end-of-block), SOS, one byte of scan data ('0' DC, '0' EOB,
 * padded with ones), EOI.
 */
const JPEG_1X1 = new Uint8Array([
  0xff,
  0xd8,
  0xff,
  0xdb,
  0x00,
  0x43,
  0x00,
  ...new Array<number>(64).fill(1),
  0xff,
  0xc0,
  0x00,
  0x0b,
  0x08,
  0x00,
  0x01,
  0x00,
  0x01,
  0x01,
  0x01,
  0x11,
  0x00,
  0xff,
  0xc4,
  0x00,
  0x14,
  0x00,
  0x01,
  ...new Array<number>(15).fill(0),
  0x00,
  0xff,
  0xc4,
  0x00,
  0x14,
  0x10,
  0x01,
  ...new Array<number>(15).fill(0),
  0x00,
  0xff,
  0xda,
  0x00,
  0x08,
  0x01,
  0x01,
  0x00,
  0x00,
  0x3f,
  0x00,
  0x3f,
  0xff,
  0xd9,
]);

/** A DOS/Windows executable header ('MZ'). */
function exeBytes(): Uint8Array {
  const b = new Uint8Array(256);
  b.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
  b.set(new TextEncoder().encode("This program cannot be run in DOS mode."), 0x4e);
  return b;
}

/** A stored-entry ZIP with one file, 'a.txt' = 'hello'. */
function zipBytes(): Uint8Array {
  const name = Buffer.from("a.txt");
  const data = Buffer.from("hello");
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(0x3610a686, 14); // crc32('hello')
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return new Uint8Array(Buffer.concat([header, name, data]));
}

const text = (s: string) => new TextEncoder().encode(s);
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** A WHATWG File whose name and declared type are whatever the client claims. */
const upload = (bytes: Uint8Array, name: string, type: string): File => new File([new Uint8Array(bytes)], name, { type }); // copied: BlobPart wants an ArrayBuffer-backed view

async function readAll(stream: NodeJS.ReadableStream | ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Uint8Array>) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function rejection(p: Promise<unknown>): Promise<ValidationError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error("expected a rejection");
}

let dir: string;
let tmpDir: string;
let storage: LocalFileStorage;
const opts = () => ({ maxBytes: 2 * MB, allowed: [...ALLOWED_DEFAULT], tmpDir, field: "berkas.0.file" });
const listTmp = async () => fs.readdir(tmpDir).catch(() => [] as string[]);

beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "loket-files-"));
  tmpDir = path.join(dir, "tmp");
  storage = new LocalFileStorage(path.join(dir, "store"));
});

afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

describe("receiveUpload", () => {
  it.each([
    ["a PDF", tinyPdf, "surat.pdf", "application/pdf", "application/pdf", "surat.pdf"],
    ["a PNG", async () => PNG_1X1, "foto.png", "image/png", "image/png", "foto.png"],
    ["a JPEG", async () => JPEG_1X1, "ktp.jpg", "image/jpeg", "image/jpeg", "ktp.jpg"],
    ["a PDF declared as PNG (content wins)", tinyPdf, "scan.png", "image/png", "application/pdf", "scan.pdf"],
    ["a PNG with no name or type", async () => PNG_1X1, "", "", "image/png", "dokumen.png"],
  ])("accepts %s", async (_, make, name, declared, mime, namaAsli) => {
    const bytes = await make();
    const up = await receiveUpload(upload(bytes, name, declared), opts());
    expect(up).toMatchObject({ sha256: sha256(bytes), size: bytes.byteLength, mime, namaAsli });
    expect(new Uint8Array(await fs.readFile(up.tempPath))).toEqual(bytes);
    expect(path.dirname(up.tempPath)).toBe(tmpDir);
  });

  it.each([
    ["an .exe named .pdf", exeBytes(), "EXE"],
    ["a zip named .pdf", zipBytes(), "ZIP"],
  ])("rejects %s by its content and says what it is", async (_, bytes, label) => {
    const err = await rejection(receiveUpload(upload(bytes, "surat.pdf", "application/pdf"), opts()));
    expect(err.code).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(err.field).toBe("berkas.0.file");
    expect(err.message).toBe(`Jenis berkas tidak diizinkan: isinya berupa ${label}. Unggah PDF, JPG, atau PNG.`);
    expect(await listTmp()).toEqual([]);
  });

  it.each([
    ["plain text", text("Ini bukan PDF, hanya teks biasa.\n")],
    ["HTML with a script", text("<html><body><script>alert(1)</script></body></html>")],
  ])("rejects %s named .pdf as unrecognised", async (_, bytes) => {
    const err = await rejection(receiveUpload(upload(bytes, "surat.pdf", "application/pdf"), opts()));
    expect(err.code).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(err.message).toBe("Jenis berkas tidak dikenali atau tidak diizinkan. Unggah PDF, JPG, atau PNG.");
    expect(await listTmp()).toEqual([]);
  });

  it("rejects a 'PDF' without the %PDF- header", async () => {
    const err = await rejection(receiveUpload(upload(text("%PDF1.7 bukan header yang sah"), "a.pdf", "application/pdf"), opts()));
    expect(err.code).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(await listTmp()).toEqual([]);
  });

  it("rejects a real type that the requirement does not allow", async () => {
    const err = await rejection(receiveUpload(upload(PNG_1X1, "foto.png", "image/png"), { ...opts(), allowed: ["application/pdf"] }));
    expect(err.code).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(err.message).toBe("Jenis berkas tidak diizinkan: isinya berupa PNG. Unggah PDF.");
  });

  it("rejects an empty file", async () => {
    const err = await rejection(receiveUpload(upload(new Uint8Array(0), "kosong.pdf", "application/pdf"), opts()));
    expect(err).toMatchObject({ code: "FILE_EMPTY", field: "berkas.0.file" });
    expect(await listTmp()).toEqual([]);
  });

  it("accepts exactly maxBytes and rejects one byte more", async () => {
    const pdf = await tinyPdf();
    await expect(receiveUpload(upload(pdf, "a.pdf", ""), { ...opts(), maxBytes: pdf.byteLength })).resolves.toMatchObject({
      size: pdf.byteLength,
    });
    const err = await rejection(receiveUpload(upload(pdf, "a.pdf", ""), { ...opts(), maxBytes: pdf.byteLength - 1 }));
    expect(err.code).toBe("FILE_TOO_LARGE");
  });

  it("stops reading as soon as an oversize upload passes the limit", async () => {
    const chunk = 64 * 1024;
    const total = 3 * MB;
    let pulled = 0;
    let cancelled = false;
    const file: UploadedFile = {
      name: "besar.pdf",
      type: "application/pdf",
      // no declared size: only the bytes actually read can tell
      stream: () =>
        new ReadableStream<Uint8Array>(
          {
            pull(controller) {
              if (pulled >= total) return controller.close();
              const bytes = new Uint8Array(chunk);
              if (pulled === 0) bytes.set(text("%PDF-1.7\n"));
              pulled += chunk;
              controller.enqueue(bytes);
            },
            cancel() {
              cancelled = true;
            },
          },
          { highWaterMark: 0 },
        ),
    };
    const err = await rejection(receiveUpload(file, opts()));
    expect(err).toMatchObject({ code: "FILE_TOO_LARGE", message: "Ukuran berkas melebihi batas 2 MB.", field: "berkas.0.file" });
    expect(pulled).toBeGreaterThan(2 * MB);
    expect(pulled).toBeLessThanOrEqual(2 * MB + 2 * chunk);
    expect(cancelled).toBe(true);
    expect(await listTmp()).toEqual([]);
  });

  it("rejects a declared oversize upload without reading it", async () => {
    let read = false;
    const file: UploadedFile = {
      name: "besar.pdf",
      type: "application/pdf",
      size: 5 * MB,
      stream: () => {
        read = true;
        return new Blob([]).stream();
      },
    };
    const err = await rejection(receiveUpload(file, { ...opts(), maxBytes: 1.5 * MB }));
    expect(err.message).toBe("Ukuran berkas melebihi batas 1,5 MB.");
    expect(read).toBe(false);
  });

  it("takes the File a multipart request yields", async () => {
    const form = new FormData();
    form.set("file", new Blob([JPEG_1X1], { type: "application/pdf" }), "../../KTP budi.jpg");
    const parsed = await new Request("http://loket.test/graphql", { method: "POST", body: form }).formData();
    const up = await receiveUpload(parsed.get("file") as File, opts());
    expect(up).toMatchObject({ mime: "image/jpeg", namaAsli: "KTP budi.jpg", size: JPEG_1X1.byteLength });
  });
});

describe("LocalFileStorage", () => {
  const tempWith = async (bytes: Uint8Array) => {
    await fs.mkdir(tmpDir, { recursive: true });
    const p = path.join(tmpDir, `t-${Math.random().toString(36).slice(2)}`);
    await fs.writeFile(p, bytes);
    return p;
  };

  it("stores by content address, consumes the temp file, reads back", async () => {
    const pdf = await tinyPdf();
    const sha = sha256(pdf);
    const temp = await tempWith(pdf);
    const key = await storage.put(temp, sha);
    expect(key).toBe(`${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`);
    expect(key).toBe(storageKeyOf(sha));
    await expect(fs.stat(temp)).rejects.toMatchObject({ code: "ENOENT" });
    expect(await storage.exists(key)).toBe(true);
    expect(new Uint8Array(await readAll(await storage.open(key)))).toEqual(pdf);
    expect(await fs.readdir(path.join(storage.root, ".tmp"))).toEqual([]);
  });

  it("dedups: storing the same content again is a no-op", async () => {
    const sha = sha256(PNG_1X1);
    const key = await storage.put(await tempWith(PNG_1X1), sha);
    const before = await fs.stat(path.join(storage.root, key));
    const second = await tempWith(PNG_1X1);
    expect(await storage.put(second, sha)).toBe(key);
    const after = await fs.stat(path.join(storage.root, key));
    expect(after.ino).toBe(before.ino);
    await expect(fs.stat(second)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses content that does not match its sha256 and leaves nothing behind", async () => {
    const wrong = sha256(PNG_1X1);
    await expect(storage.put(await tempWith(JPEG_1X1), wrong)).rejects.toThrow(/does not match/);
    expect(await storage.exists(storageKeyOf(wrong))).toBe(false);
    expect(await fs.readdir(path.join(storage.root, ".tmp"))).toEqual([]);
    expect(await listTmp()).toEqual([]);
  });

  it("deletes, and treats missing keys calmly", async () => {
    const key = await storage.put(await tempWith(JPEG_1X1), sha256(JPEG_1X1));
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.delete(key)).resolves.toBeUndefined();
    await expect(storage.open(key)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("never builds a path from a malformed key", async () => {
    for (const key of ["../../etc/passwd", "ab/cd/../../x", `aa/bb/${"c".repeat(64)}`, "AB/CD/" + "ab".repeat(32)]) {
      await expect(storage.exists(key)).rejects.toThrow(/malformed key/);
      await expect(storage.open(key)).rejects.toThrow(/malformed key/);
      await expect(storage.delete(key)).rejects.toThrow(/malformed key/);
    }
    await expect(storage.put(await tempWith(PNG_1X1), "../x")).rejects.toThrow(/sha256/);
  });
});

describe("withStoredFiles", () => {
  it("keeps the files when the callback succeeds", async () => {
    const result = await withStoredFiles(storage, async (track) => {
      const key = await track(await receiveUpload(upload(PNG_1X1, "a.png", "image/png"), opts()));
      return { key };
    });
    expect(await storage.exists(result.key)).toBe(true);
    expect(await listTmp()).toEqual([]);
  });

  it("deletes the files it stored when the callback throws (e.g. the transaction rolls back)", async () => {
    const boom = new Error("transaction rolled back");
    const keys: string[] = [];
    await expect(
      withStoredFiles(storage, async (track) => {
        keys.push(await track(await receiveUpload(upload(PNG_1X1, "a.png", "image/png"), opts())));
        keys.push(await track(await receiveUpload(upload(JPEG_1X1, "b.jpg", "image/jpeg"), opts())));
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(await storage.exists(key)).toBe(false);
    expect(await listTmp()).toEqual([]);
  });

  it("cleans up the earlier files when a later upload is invalid", async () => {
    let first = "";
    const err = await rejection(
      withStoredFiles(storage, async (track) => {
        first = await track(await receiveUpload(upload(PNG_1X1, "a.png", "image/png"), opts()));
        await track(await receiveUpload(upload(exeBytes(), "b.pdf", "application/pdf"), opts()));
      }),
    );
    expect(err.code).toBe("FILE_TYPE_NOT_ALLOWED");
    expect(await storage.exists(first)).toBe(false);
    expect(await listTmp()).toEqual([]);
  });

  it("does not delete content that was already stored for someone else", async () => {
    const existing = await withStoredFiles(storage, async (track) => track(await receiveUpload(upload(PNG_1X1, "milik-lain.png", "image/png"), opts())));
    await expect(
      withStoredFiles(storage, async (track) => {
        expect(await track(await receiveUpload(upload(PNG_1X1, "sama.png", "image/png"), opts()))).toBe(existing);
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await storage.exists(existing)).toBe(true);
  });

  it("rethrows the original error even when a delete fails", async () => {
    const failing = Object.assign(Object.create(storage) as LocalFileStorage, {
      delete: async () => {
        throw new Error("disk gone");
      },
    });
    const boom = new Error("original");
    await expect(
      withStoredFiles(failing, async (track) => {
        await track(await receiveUpload(upload(PNG_1X1, "a.png", "image/png"), opts()));
        throw boom;
      }),
    ).rejects.toBe(boom);
  });
});

import { createHash } from "node:crypto";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ArchiveFormatError, checkEntryName, readArchive, writeArchive } from "../../server/backup/archive";

async function collect(stream: PassThrough): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe("archive", () => {
  it("round-trips entries in order with their hashes, JSON lines split into parts", async () => {
    const out = new PassThrough();
    const bytes = collect(out);
    const w = writeArchive(out, { level: 1 });
    await w.addJson("header.json", { format: 1 });
    const big = Buffer.alloc(300_000, 7);
    const streamed = await w.addStream("files/ab/cd/x", big.length, Readable.from([big.subarray(0, 1000), big.subarray(1000)]));
    expect(streamed.sha256).toBe(createHash("sha256").update(big).digest("hex"));
    const sink = w.jsonLines("db/T", 100);
    for (let i = 0; i < 10; i++) await sink.write(JSON.stringify({ i, s: "x".repeat(20) }));
    const table = await sink.end();
    expect(table.rows).toBe(10);
    expect(table.parts.length).toBeGreaterThan(1);
    const empty = await w.jsonLines("db/Empty").end();
    expect(empty).toMatchObject({ rows: 0, parts: ["db/Empty/000001.jsonl"] });
    await w.finish();

    const names: string[] = [];
    const lines: string[] = [];
    const tableHash = createHash("sha256");
    for await (const e of readArchive(Readable.from([await bytes]))) {
      names.push(e.name);
      if (e.name === "header.json") expect(await e.json()).toEqual({ format: 1 });
      if (e.name.startsWith("db/T/"))
        for await (const l of e.lines()) {
          lines.push(l);
          tableHash.update(`${l}\n`);
        }
      if (e.name.startsWith("files/")) {
        await e.buffer();
        expect(e.sha256()).toBe(streamed.sha256);
      }
    }
    expect(names[0]).toBe("header.json");
    expect(names).toContain("db/Empty/000001.jsonl");
    expect(lines.map((l) => JSON.parse(l).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(tableHash.digest("hex")).toBe(table.sha256);
  });

  it("refuses a wrong size, an unsafe name and bytes that are not an archive", async () => {
    const w = writeArchive(new PassThrough());
    await expect(w.addStream("a", 5, Readable.from([Buffer.from("abc")]))).rejects.toThrow(/expected 5 bytes/);
    for (const bad of ["/etc/passwd", "../x", "a/../../b", "a\\b", ""]) expect(() => checkEntryName(bad)).toThrow(ArchiveFormatError);
    const read = async () => {
      for await (const _ of readArchive(Readable.from([Buffer.from("not an archive at all")]))) void _;
    };
    await expect(read()).rejects.toThrow(ArchiveFormatError);
  });
});

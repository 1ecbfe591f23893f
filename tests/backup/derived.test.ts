// Every table a database trigger writes is declared derived in server/backup/derived.ts (so backup leaves it out,
// restore recomputes it and the office move does not copy it). Read from a migrated database: the triggers there,
// their functions and the functions those call.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DERIVED } from "../../server/backup/derived";
import type { Db } from "../../server/db/client";
import { openTestDatabase } from "../helpers/db";

let db: Db;
beforeAll(async () => {
  db = await openTestDatabase();
}, 60_000);
afterAll(() => db?.close());

/** Tables written (INSERT/UPDATE/DELETE) by trigger functions of the public schema, following PERFORM/SELECT calls. */
async function triggerWrittenTables(): Promise<Map<string, string>> {
  const functions = new Map(
    (
      await db.prisma.$queryRawUnsafe<Array<{ name: string; src: string }>>(
        `SELECT p.proname AS name, p.prosrc AS src FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'`,
      )
    ).map((f) => [f.name, f.src]),
  );
  const triggered = await db.prisma.$queryRawUnsafe<Array<{ fn: string }>>(
    `SELECT DISTINCT p.proname AS fn FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
       JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND n.nspname = 'public'`,
  );
  const written = new Map<string, string>();
  const seen = new Set<string>();
  const visit = (fn: string) => {
    if (seen.has(fn)) return;
    seen.add(fn);
    const src = (functions.get(fn) ?? "").replace(/\bDO\s+UPDATE\b/gi, ""); // ON CONFLICT … DO UPDATE writes the INSERT's table
    for (const m of src.matchAll(/\b(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?/gi)) if (!written.has(m[1]!)) written.set(m[1]!, fn);
    for (const m of src.matchAll(/"?(\w+)"?\s*\(/g)) if (functions.has(m[1]!) && m[1] !== fn) visit(m[1]!);
  };
  for (const t of triggered) visit(t.fn);
  return written;
}

describe("derived tables", () => {
  it("finds the trigger-written tables (sanity: the queue counts and the statistics' counter)", async () => {
    const written = await triggerWrittenTables();
    expect([...written.keys()]).toEqual(expect.arrayContaining(["AntrianJumlah", "StatistikVersi"]));
  });

  it("declares every table a trigger writes as derived", async () => {
    const written = await triggerWrittenTables();
    const declared = new Set(DERIVED.map((d) => d.model));
    const missing = [...written].filter(([t]) => !declared.has(t)).map(([t, fn]) => `${t} (written by ${fn}())`);
    expect(missing, "declare these in server/backup/derived.ts").toEqual([]);
  });

  it("names only tables that exist, and statistik_hitung_ulang() rebuilds them", async () => {
    const tables = new Set(
      (await db.prisma.$queryRawUnsafe<Array<{ t: string }>>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public'`)).map((r) => r.t),
    );
    for (const d of DERIVED) expect(tables, d.model).toContain(d.model);
    const [{ src }] = await db.prisma.$queryRawUnsafe<Array<{ src: string }>>(`SELECT prosrc AS src FROM pg_proc WHERE proname = 'statistik_hitung_ulang'`);
    expect(src).toMatch(/DELETE FROM "AntrianJumlah"/);
    expect(src).toMatch(/DELETE FROM "StatistikRingkasan"/);
  });
});

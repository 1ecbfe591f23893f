import { describe, expect, it } from "vitest";
import { statementNames } from "../../server/db/client";
import { openTestDatabase } from "../helpers/db";

/** PostgreSQL keeps each statement prepared per connection (server/db/client.ts, DATABASE_PREPARED_STATEMENTS). */
describe("prepared statements", () => {
  it("names a statement by its text, the same text always the same name, and stops naming new ones past the bound", () => {
    const name = statementNames(2);
    const a = name({ sql: 'SELECT "id" FROM "User" WHERE "id" = $1' });
    expect(a).toMatch(/^loket_[A-Za-z0-9_-]{27}$/);
    // within PostgreSQL's 63-byte identifiers
    expect(Buffer.byteLength(a!)).toBeLessThanOrEqual(63);
    expect(name({ sql: 'SELECT "id" FROM "User" WHERE "id" = $1' })).toBe(a);
    const b = name({ sql: 'SELECT "id" FROM "User" WHERE "id" IN ($1, $2)' });
    expect(b).toMatch(/^loket_/);
    expect(b).not.toBe(a);
    // the bound: a third text runs unnamed, the known ones keep their names
    expect(name({ sql: "SELECT 3" })).toBeUndefined();
    expect(name({ sql: 'SELECT "id" FROM "User" WHERE "id" = $1' })).toBe(a);
  });

  // PGlite runs in the process: there is no connection to keep statements on
  it.skipIf(!process.env.DATABASE_URL)("on PostgreSQL a connection keeps the statements it ran, and none with the setting off", async () => {
    const prepared = async (on: boolean) => {
      const db = await openTestDatabase({ preparedStatements: on });
      try {
        // sequential queries reuse the pool's last idle connection: the one that asks below
        await db.prisma.instansi.findMany({ where: { kode: "X" }, select: { id: true } });
        await db.prisma.instansi.findMany({ where: { kode: "X" }, select: { id: true } });
        const rows = await db.prisma.$queryRawUnsafe<Array<{ name: string; statement: string }>>(`SELECT name, statement FROM pg_prepared_statements`);
        return rows.filter((r) => r.name.startsWith("loket_"));
      } finally {
        await db.close();
      }
    };
    const on = await prepared(true);
    expect(on.some((r) => r.statement.includes('"Instansi"'))).toBe(true);
    expect(await prepared(false)).toEqual([]);
  });
});

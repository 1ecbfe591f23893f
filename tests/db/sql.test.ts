import { describe, expect, it } from "vitest";
import { Prisma } from "../../server/generated/prisma/client";
import { ident, insertFrom, setList } from "../../server/db/sql";

/** The hand-written statement pieces (server/db/sql.ts): values travel as parameters, names are checked. */
describe("statement pieces", () => {
  it("sets columns with parameters, expressions inline, JSON as text, undefined left out", () => {
    const at = new Date("2026-11-23T03:00:00Z");
    const s = setList({ status: "DIPROSES", tenggat: at, slaMulaiAt: null, formData: { a: 1 }, seq: Prisma.sql`"seq" + 1`, petugasId: undefined });
    expect(s.text).toBe(`"status" = $1, "tenggat" = $2, "slaMulaiAt" = $3, "formData" = $4, "seq" = "seq" + 1`);
    expect(s.values).toEqual(["DIPROSES", at, null, '{"a":1}']);
  });

  it("inserts a row from the named part of the statement, so it is written only if that part has a row", () => {
    const s = insertFrom("PengajuanLog", { id: "x", seq: 2, pesan: "'; DROP TABLE x; --" }, "claimed");
    expect(s.text).toBe(`INSERT INTO "public"."PengajuanLog" ("id", "seq", "pesan") SELECT $1, $2, $3 FROM "claimed"`);
    expect(s.values).toEqual(["x", 2, "'; DROP TABLE x; --"]);
  });

  it("refuses names that are not plain identifiers and values it cannot send", () => {
    expect(() => ident('a"; DROP TABLE x; --')).toThrow(/identifier/);
    expect(() => setList({ 'x" = 1, "y': 2 })).toThrow(/identifier/);
    expect(() => setList({ n: 1n as never })).toThrow(/no SQL value for column n/);
    expect(() => setList({ f: (() => 1) as never })).toThrow(/no SQL value/);
    expect(() => setList({})).toThrow(/nothing to set/);
  });
});

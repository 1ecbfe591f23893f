/**
 * Pieces of one hand-written statement, for the few hot paths where Prisma's one-query-per-write would cost
 * more than the write itself (a status change: one conditional UPDATE and the rows that go with it, in one
 * statement instead of a transaction of five). Values always travel as parameters; PostgreSQL infers each
 * parameter's type from the column it is assigned to, so uuid, enum, timestamp and jsonb columns need no casts.
 *
 * Names (tables, columns) come from our code, never from input, and are checked to be plain identifiers.
 * Column names are the Prisma field names (the schema maps none of them).
 */
import { Prisma } from "../generated/prisma/client";

/**
 * Column values: string, number, boolean, Date and null travel as parameters; a `Prisma.Sql` is an expression
 * (e.g. `Prisma.sql\`"seq" + 1\``); an object or array is JSON (for json/jsonb columns: a JSON column takes
 * objects and arrays only here). Undefined values are left out.
 */
export type Row = object;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function ident(name: string): Prisma.Sql {
  if (!IDENT.test(name)) throw new Error(`not a plain SQL identifier: ${name}`);
  return Prisma.raw(`"${name}"`);
}

/** A table of the schema Prisma writes to, named as Prisma names it. */
export function table(name: string): Prisma.Sql {
  return Prisma.sql`"public".${ident(name)}`;
}

function value(column: string, v: unknown): Prisma.Sql {
  if (v instanceof Prisma.Sql) return v;
  if (v === null || v instanceof Date || typeof v === "string" || typeof v === "number" || typeof v === "boolean") return Prisma.sql`${v}`;
  if (typeof v === "object" && (Array.isArray(v) || Object.getPrototypeOf(v) === Object.prototype)) return Prisma.sql`${JSON.stringify(v)}`; // json(b)
  throw new Error(`no SQL value for column ${column}: ${typeof v}`);
}

const defined = (row: Row) => Object.entries(row).filter(([, v]) => v !== undefined);

/** `"a" = $1, "b" = $2` for an UPDATE (undefined values are left out). */
export function setList(row: Row): Prisma.Sql {
  const entries = defined(row);
  if (entries.length === 0) throw new Error("setList: nothing to set");
  return Prisma.join(
    entries.map(([k, v]) => Prisma.sql`${ident(k)} = ${value(k, v)}`),
    ", ",
  );
}

/**
 * `INSERT INTO "T" ("a", "b") SELECT $1, $2 FROM <source>`: in a WITH whose first part is a conditional
 * UPDATE … RETURNING, the row is written only if the UPDATE matched (`source` names that part).
 */
export function insertFrom(tableName: string, row: Row, source: string): Prisma.Sql {
  const entries = defined(row);
  return Prisma.sql`INSERT INTO ${table(tableName)} (${Prisma.join(
    entries.map(([k]) => ident(k)),
    ", ",
  )}) SELECT ${Prisma.join(
    entries.map(([k, v]) => value(k, v)),
    ", ",
  )} FROM ${ident(source)}`;
}

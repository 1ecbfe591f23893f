import fs from "node:fs";
import { randomBytes } from "node:crypto";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { openDatabase, type Db } from "../../server/db/client";

/** A fresh, migrated database for one test file: a PGlite clone, or a PostgreSQL database from the template. */
export async function openTestDatabase(opts: { logQueries?: boolean; preparedStatements?: boolean } = {}): Promise<Db> {
  const template = inject("pgTemplate");
  if (template) {
    const base = process.env.DATABASE_URL!;
    const name = `loket_t_${process.ppid}_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    } finally {
      await admin.end();
    }
    const url = new URL(base);
    url.pathname = `/${name}`;
    const db = await openDatabase({ databaseUrl: url.toString(), migrate: false, ...opts });
    return {
      ...db,
      close: async () => {
        await db.close();
        const a = new pg.Client({ connectionString: base });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
        await a.end();
      },
    };
  }
  const dump = fs.readFileSync(inject("pgliteDump"));
  const pglite = await PGlite.create({ loadDataDir: new Blob([dump]) });
  const db = await openDatabase({ pglite, migrate: false, ...opts });
  return {
    ...db,
    close: async () => {
      await db.close();
      await pglite.close();
    },
  };
}

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import type { TestProject } from "vitest/node";
import { deployMigrations, pgAdapterFactory, pgliteAdapterFactory } from "../../server/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteDump: string;
    pgTemplate: string;
  }
}

/**
 * Migrate once per run: a PGlite dump (the default) or, with DATABASE_URL set, a PostgreSQL template
 * database. Each test file then clones its own database from it.
 */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url && /^postgres/.test(url)) {
    const template = `loket_tpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    const templateUrl = new URL(url);
    templateUrl.pathname = `/${template}`;
    await deployMigrations(pgAdapterFactory(templateUrl.toString()));
    project.provide("pgTemplate", template);
    project.provide("pgliteDump", "");
    return async () => {
      const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2`, [
        template,
        `loket_t_${process.pid}_%`,
      ]);
      for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
      await admin.end();
    };
  }
  const db = await PGlite.create();
  await deployMigrations(pgliteAdapterFactory(db));
  const dump = await db.dumpDataDir("none");
  await db.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "loket-test-")), "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("pgliteDump", file);
  project.provide("pgTemplate", "");
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

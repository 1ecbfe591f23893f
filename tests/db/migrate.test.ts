// The migration history in prisma/migrations against real databases: an in-memory PGlite always, and
// PostgreSQL when DATABASE_URL points at one (a throw-away database is created beside it).
import { randomBytes } from "node:crypto";

import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  deployMigrations,
  driftCheck,
  migrationStatus,
  pgAdapterFactory,
  pgliteAdapterFactory,
  readMigrations,
  type AdapterFactory,
} from "../../server/db/migrate";

const databaseUrl = process.env.DATABASE_URL ?? "";
const hookTimeout = 30_000; // a new PGlite alone takes ~3 s

interface Target {
  factory: AdapterFactory;
  close(): Promise<void>;
}

function describeMigrations(label: string, open: () => Promise<Target>) {
  // the WebAssembly schema engine takes a few seconds per migration on PGlite, more while the rest of the suite runs
  describe(label, { timeout: 60_000 }, () => {
    let target: Target;
    let local: string[];

    beforeAll(async () => {
      local = (await readMigrations()).migrationDirectories.map((dir) => dir.path);
      target = await open();
    }, hookTimeout);
    afterAll(() => target?.close(), hookTimeout);

    it("applies every migration of the folder, in order", async () => {
      expect(local.length).toBeGreaterThan(0);
      expect(await deployMigrations(target.factory)).toEqual(local);
    });

    it("then reports nothing pending and no problem", async () => {
      expect(await migrationStatus(target.factory)).toEqual({
        upToDate: true,
        applied: local,
        pending: [],
        failed: [],
        edited: [],
        unknownToFolder: [],
        problems: [],
      });
    });

    it("applies nothing on a second deploy", async () => {
      expect(await deployMigrations(target.factory)).toEqual([]);
    });

    it("leaves no drift between the database and schema.prisma", async () => {
      expect(await driftCheck(target.factory)).toBe("");
    });
  });
}

describeMigrations("migrations on PGlite", async () => {
  const pglite = new PGlite();
  return { factory: pgliteAdapterFactory(pglite), close: () => pglite.close() };
});

describe.runIf(databaseUrl.startsWith("postgres"))("with DATABASE_URL", () => {
  describeMigrations("migrations on PostgreSQL", async () => {
    const name = `loket_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(`CREATE DATABASE "${name}"`);
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    return {
      factory: pgAdapterFactory(url.toString()),
      // FORCE: a connection the engine failed to close must not leave the database behind.
      close: () => adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  });
});

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// The start-up check that decides whether the migration engine runs at all (server/db/startup.ts): plain SQL
// against `_prisma_migrations`, compared with the folder's names and sha256 checksums.
import fs from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { checkMigrations, localMigrations, migrateMode } from "../../server/db/startup";

// runs on the PGlite variant of the suite (the migrated dump it loads); on PostgreSQL every server start runs the same SQL
describe.skipIf(!inject("pgliteDump"))("the start-up migration check", { timeout: 60_000 }, () => {
  let migrated: PGlite;
  let empty: PGlite;
  const query = (db: PGlite) => (sql: string) => db.query(sql);

  beforeAll(async () => {
    migrated = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(inject("pgliteDump"))]) });
    empty = await PGlite.create();
  }, 60_000);
  afterAll(async () => {
    await migrated?.close();
    await empty?.close();
  });

  it("checksums are Prisma's: sha256 of migration.sql, as the engine recorded them", async () => {
    const local = await localMigrations();
    const { rows } = await migrated.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(local.map((m) => [m.name, m.checksum]));
  });

  it("a migrated database is up to date; a new one lacks every migration", async () => {
    expect(await checkMigrations(query(migrated))).toEqual({ upToDate: true, missing: [], other: [] });
    const local = await localMigrations();
    expect(await checkMigrations(query(empty))).toEqual({ upToDate: false, missing: local.map((m) => m.name), other: [] });
  });

  it("an edited, an unfinished and an unknown migration each make it differ", async () => {
    const [first, second] = await localMigrations();
    await migrated.query(`UPDATE "_prisma_migrations" SET checksum = 'edited' WHERE migration_name = $1`, [first!.name]);
    expect(await checkMigrations(query(migrated))).toMatchObject({ upToDate: false, missing: [first!.name], other: [] });
    await migrated.query(`UPDATE "_prisma_migrations" SET checksum = $2, finished_at = NULL WHERE migration_name = $1`, [first!.name, first!.checksum]);
    expect(await checkMigrations(query(migrated))).toMatchObject({ upToDate: false, missing: [first!.name], other: [first!.name] });
    await migrated.query(`UPDATE "_prisma_migrations" SET finished_at = now() WHERE migration_name = $1`, [first!.name]);
    await migrated.query(`UPDATE "_prisma_migrations" SET migration_name = '29990101000000_from_elsewhere' WHERE migration_name = $1`, [second!.name]);
    expect(await checkMigrations(query(migrated))).toMatchObject({ upToDate: false, missing: [second!.name], other: ["29990101000000_from_elsewhere"] });
  });

  it("MIGRATE is auto or never", () => {
    expect(migrateMode(undefined)).toBe("auto");
    expect(migrateMode("NEVER")).toBe("never");
    expect(() => migrateMode("sometimes")).toThrow(/MIGRATE must be auto or never/);
  });
});

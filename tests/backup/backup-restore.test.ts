import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArchive } from "../../server/backup/archive";
import { type BackupManifest, BackupError } from "../../server/backup/backup";
import { restoreCommand } from "../../server/backup/commands";
import { DERIVED } from "../../server/backup/derived";
import { listTables, pgliteConnection, postgresConnection, type SqlConnection, tableRows } from "../../server/backup/sql";
import { loadConfig } from "../../server/config";
import { openDatabase } from "../../server/db/client";
import { verifyKeyCheck } from "../../server/db/key-check";
import { deriveKeys, loadMasterSecret } from "../../server/lib/crypto";
import { LocalFileStorage } from "../../server/modules/files/store";
import { ensureReferenceData, seedDemo } from "../../server/seed";
import { tinyPdf } from "../helpers/app";
import { NODE, ServerProcesses, TS, processEnv } from "../helpers/process";

/**
 * Backup while a real server process runs → restore into a fresh data folder / database → identical rows and files
 * (row counts and SHA-256 per table, SHA-256 per file); a wrong secret and a non-empty target are refused. On
 * PGlite (the backup goes through the running server's admin socket) and on PostgreSQL when one is reachable.
 * The tables the triggers derive (server/backup/derived.ts) are not in the archive: the queue counts and the
 * public statistics are compared through GraphQL before the backup and after the restore, and the restored
 * "AntrianJumlah" with a count from scratch. The backup runs as the real CLI; the restores run in-process
 * (restoreCommand, what the CLI calls): each process start costs seconds under load.
 */
const SECRET = "rahasia-cadangan-loket-0123456789abcdef";
const OTHER = "rahasia-lain-sama-sekali-0123456789abcdef";
const procs = new ServerProcesses("loket-backup-");
afterAll(() => procs.cleanup());

function cli(args: string[], env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(NODE, [...TS, "server/cli/admin.ts", ...args], { env: processEnv({ LOG_LEVEL: "error", ...env }), stdio: ["ignore", "pipe", "pipe"] });
    procs.children.push(child);
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("exit", (code) => resolve({ code, out }));
  });
}

/** Demo data plus cases with documents (one a re-submission of another: a self-reference), written before the server starts. */
async function seed(env: Record<string, string>) {
  const config = loadConfig({ NODE_ENV: "development", ...env });
  const keys = deriveKeys(loadMasterSecret(config.secret, config.dataDir));
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const storage = new LocalFileStorage(path.join(config.dataDir, "files"));
  try {
    await verifyKeyCheck(db.prisma, keys);
    await ensureReferenceData(db.prisma);
    await seedDemo(db.prisma, keys, config);
    const warga = await db.prisma.user.findFirstOrThrow({ where: { role: "PEMOHON" } });
    const layanan = await db.prisma.layanan.findFirstOrThrow({
      where: { persyaratan: { some: {} }, instansi: { kode: "KMG-MADIUN" } },
      include: { persyaratan: true },
    });
    await db.prisma.auditLog.create({ data: { jenis: "UBAH", aksi: "Mutation.cadanganUji", detail: { catatan: "jejak audit ikut dicadangkan" } } });
    let asalId: string | null = null;
    for (let i = 0; i < 6; i++) {
      const content = tinyPdf(`berkas-${i % 4}`); // two cases share content: one stored file, two rows
      const sha256 = createHash("sha256").update(content).digest("hex");
      const temp = path.join(config.dataDir, `seed-${i}.pdf`);
      fs.writeFileSync(temp, content);
      const storageKey = await storage.put(temp, sha256);
      const file = await db.prisma.storedFile.create({
        data: { sha256, ukuran: content.length, mime: "application/pdf", namaAsli: `surat-${i}.pdf`, storageKey, uploaderId: warga.id },
      });
      const row: { id: string } = await db.prisma.pengajuan.create({
        data: {
          layananId: layanan.id,
          instansiId: layanan.instansiId,
          pemohonId: warga.id,
          status: "DIAJUKAN",
          nomorRegistrasi: `BK-${i}-${randomBytes(3).toString("hex")}`,
          diajukanAt: new Date(),
          seq: 1,
          asalId,
          riwayat: { create: [{ seq: 1, aksi: "AJUKAN", keStatus: "DIAJUKAN" }] },
          dokumen: { create: [{ persyaratanId: layanan.persyaratan[0].id, fileId: file.id }] },
        },
      });
      if (i === 1) asalId = row.id; // later cases point at an earlier one (and one earlier at none)
    }
    // a case moved on: its old status keeps a row counting 0 in "AntrianJumlah" (the triggers' doing)
    await db.prisma.pengajuan.updateMany({ where: { nomorRegistrasi: { startsWith: "BK-0-" } }, data: { status: "DIPROSES" } });
    return { instansiId: layanan.instansiId };
  } finally {
    await db.close();
  }
}

async function dumpTables(sql: SqlConnection): Promise<Map<string, { rows: number; sha256: string }>> {
  const result = new Map<string, { rows: number; sha256: string }>();
  await sql.transaction("snapshot", async (query) => {
    for (const t of await listTables(query)) {
      const hash = createHash("sha256");
      let rows = 0;
      for await (const batch of tableRows(query, t))
        for (const line of batch) {
          hash.update(`${line}\n`);
          rows++;
        }
      result.set(t.name, { rows, sha256: hash.digest("hex") });
    }
  });
  return result;
}

function fileHashes(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== ".tmp") walk(p);
      } else out.set(path.relative(root, p), createHash("sha256").update(fs.readFileSync(p)).digest("hex"));
    }
  };
  walk(root);
  return out;
}

async function readManifest(file: string): Promise<BackupManifest> {
  let manifest: BackupManifest | null = null;
  const names: string[] = [];
  for await (const e of readArchive(fs.createReadStream(file))) {
    names.push(e.name);
    if (e.name === "manifest.json") manifest = await e.json<BackupManifest>();
  }
  expect(names[0]).toBe("loket-backup.json");
  expect(names.at(-1)).toBe("manifest.json");
  return manifest!;
}

async function alive(port: number) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-loket-csrf": "1" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  return ((await res.json()) as { data: { __typename: string } }).data.__typename;
}

async function gql<T>(port: number, query: string, cookie = ""): Promise<{ data: T; cookie: string }> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-loket-csrf": "1", cookie },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { data: T; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return {
    data: body.data,
    cookie:
      res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ") || cookie,
  };
}

async function login(port: number) {
  const { data } = await gql<{ login: { __typename: string } }>(
    port,
    `mutation { login(nomorIdentitas: "3519011708900001", password: "Warga-Loket-2026") { __typename } }`,
  );
  return data.login.__typename;
}

/** What the derived tables answer: the desk's queue counts (petugas of KMG-MADIUN) and the public statistics of the year. */
async function derivedAnswers(port: number, instansiId: string) {
  const { cookie } = await gql(port, `mutation { login(nomorIdentitas: "199002152015032002", password: "Petugas-Loket-2026") { __typename } }`);
  const id = Buffer.from(`Instansi:${instansiId}`).toString("base64");
  const { data } = await gql<Record<string, unknown>>(
    port,
    `{ antrianJumlah { status jumlah } antrian(first: 1) { totalCount }
       statistik(instansiId: "${id}", periode: TAHUN, tahun: ${new Date().getUTCFullYear()}) {
         ... on StatistikSuccess { data { pengajuanDiajukan selesai terlambatSaatIni pengajuanPerStatus { nama jumlah } pengaduanPerKanal { nama jumlah } ppidMasuk } } } }`,
    cookie,
  );
  return data;
}

/** "AntrianJumlah" as the triggers keep it (rows counting 0 left out) and as counted from scratch. */
async function queueCounts(sql: SqlConnection) {
  return sql.transaction("snapshot", async (q) => ({
    kept: await q(`SELECT "instansiId", "layananId", status::text, jumlah FROM "AntrianJumlah" WHERE jumlah <> 0 ORDER BY 1, 2, 3`),
    fromScratch: await q(`SELECT "instansiId", "layananId", status::text, count(*)::int AS jumlah FROM "Pengajuan" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
  }));
}

/** The whole cycle on one kind of database; `target(name)` gives the env for a new, empty target. */
async function cycle(
  source: { DATA_DIR: string; LOKET_SECRET: string; DATABASE_URL?: string },
  target: () => Promise<{ DATA_DIR: string; LOKET_SECRET: string; DATABASE_URL?: string }>,
  open: (env: { DATA_DIR: string; DATABASE_URL?: string }) => Promise<SqlConnection>,
) {
  const { instansiId } = await seed(source);
  const server = procs.start({ ...source, SEED_DEMO: "false" });
  const port = await server.ready;
  // asked before the backup: the statistics' answer is stored in "StatistikRingkasan" at the source
  const before = await derivedAnswers(port, instansiId);
  expect(before).toMatchObject({
    antrianJumlah: [
      { status: "DIAJUKAN", jumlah: 5 },
      { status: "DIPROSES", jumlah: 1 },
    ],
    antrian: { totalCount: 6 },
  });
  const archive = path.join(procs.tmpDir(), "cadangan.tar.gz");

  const backup = await cli(["backup", archive], source);
  expect(backup.out).toMatch(/Backup written to .*cadangan\.tar\.gz: \d+ tables, \d+ rows, 4 files/);
  expect(backup.code).toBe(0);
  expect(await alive(port)).toBe("Query"); // the server kept serving (a read: the comparison below wants no writes)
  expect(fs.existsSync(`${archive}.partial`)).toBe(false);

  const manifest = await readManifest(archive);
  expect(manifest.keyCheck).toMatch(/^[0-9a-f]{64}$/);
  expect(fs.readFileSync(archive).includes(Buffer.from(SECRET))).toBe(false);
  expect(manifest.tables.find((t) => t.name === "Pengajuan")!.rows).toBeGreaterThanOrEqual(6);
  expect(manifest.files).toHaveLength(4);
  expect(manifest.derived).toEqual(DERIVED.map((d) => d.model));
  for (const d of DERIVED) expect(manifest.tables.map((t) => t.name)).not.toContain(d.model);
  server.child.kill("SIGTERM");
  expect(await server.exited).toBe(0);

  // the source as the backup saw it (nothing wrote to it since)
  const sourceSql = await open(source);
  const sourceTables = await dumpTables(sourceSql);
  await sourceSql.close();
  for (const t of manifest.tables) expect({ name: t.name, ...sourceTables.get(t.name) }).toEqual({ name: t.name, rows: t.rows, sha256: t.sha256 });
  // every table of the source is in the archive but the derived ones
  expect([...sourceTables.keys()].filter((t) => !manifest.tables.some((m) => m.name === t)).sort()).toEqual(DERIVED.map((d) => d.model).sort());
  const sourceCheck = await open(source);
  const sourceQueue = await queueCounts(sourceCheck);
  await sourceCheck.close();
  expect(sourceQueue.kept).toEqual(sourceQueue.fromScratch);

  const restoreIn = (env: Record<string, string>) => restoreCommand(loadConfig({ NODE_ENV: "development", LOG_LEVEL: "error", ...env }), archive);

  // a wrong secret is refused, and the target stays empty
  const wrongEnv = { ...(await target()), LOKET_SECRET: OTHER };
  const wrong = await restoreIn(wrongEnv).catch((e: unknown) => e);
  expect(wrong).toBeInstanceOf(BackupError);
  expect((wrong as Error).message).toMatch(/key does not match this backup/);
  expect(fs.readdirSync(wrongEnv.DATA_DIR)).toEqual([]);

  // wipe → restore into a fresh target
  const dest = await target();
  await restoreIn(dest);
  const destSql = await open(dest);
  const restored = await dumpTables(destSql);
  // the derived tables: recomputed, not doubled by the triggers that fired on the restore's inserts
  const restoredQueue = await queueCounts(destSql);
  const stored = await destSql.transaction("snapshot", (q) => q(`SELECT count(*)::int AS n FROM "StatistikRingkasan"`));
  await destSql.close();
  for (const t of manifest.tables) expect({ name: t.name, ...restored.get(t.name) }).toEqual({ name: t.name, rows: t.rows, sha256: t.sha256 });
  expect(restoredQueue.kept).toEqual(restoredQueue.fromScratch);
  expect(restoredQueue.kept).toEqual(sourceQueue.kept);
  expect(stored).toEqual([{ n: 0 }]);
  expect(fileHashes(path.join(dest.DATA_DIR, "files"))).toEqual(fileHashes(path.join(source.DATA_DIR, "files")));
  for (const [key, sha] of fileHashes(path.join(dest.DATA_DIR, "files"))) expect(key.endsWith(sha)).toBe(true);

  // the audit trail came back through inserts; its append-only trigger still refuses changes
  const check = await open(dest);
  await expect(check.transaction("write", (q) => q(`UPDATE "AuditLog" SET aksi = aksi`))).rejects.toThrow(/append-only/);
  await check.close();

  // restoring again into the now filled target is refused
  await expect(restoreIn(dest)).rejects.toThrow(/not empty/);

  // the restored install starts with the same secret, its people log in, and the counts and statistics are the same
  const restoredServer = procs.start({ ...dest, SEED_DEMO: "false" });
  const restoredPort = await restoredServer.ready;
  expect(await login(restoredPort)).toBe("LoginSuccess");
  expect(await derivedAnswers(restoredPort, instansiId)).toEqual(before);
  restoredServer.child.kill("SIGTERM");
  expect(await restoredServer.exited).toBe(0);
}

describe("backup and restore on the embedded database", { timeout: 300_000 }, () => {
  it("backup while the server runs, restore into a fresh folder: identical rows and files; wrong key and non-empty target refused", async () => {
    const source = { DATA_DIR: procs.tmpDir(), LOKET_SECRET: SECRET };
    const openPglite = async (env: { DATA_DIR: string }) => {
      const db = await PGlite.create(path.join(env.DATA_DIR, "pglite"));
      return pgliteConnection(db, () => db.close());
    };
    await cycle(source, async () => ({ DATA_DIR: procs.tmpDir(), LOKET_SECRET: SECRET }), openPglite);
  });
});

const PG_BASE = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
let pgReachable = false;
const created: string[] = [];
beforeAll(async () => {
  const c = new pg.Client({ connectionString: PG_BASE, connectionTimeoutMillis: 2000 });
  pgReachable = await c.connect().then(
    () => true,
    () => false,
  );
  if (pgReachable) await c.end();
});
afterAll(async () => {
  if (!created.length) return;
  const c = new pg.Client({ connectionString: PG_BASE });
  await c.connect();
  for (const name of created) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  await c.end();
});

async function newDatabase(): Promise<string> {
  const name = `loket_bk_${process.pid}_${randomBytes(4).toString("hex")}`;
  const c = new pg.Client({ connectionString: PG_BASE });
  await c.connect();
  await c.query(`CREATE DATABASE "${name}"`);
  await c.end();
  created.push(name);
  const url = new URL(PG_BASE);
  url.pathname = `/${name}`;
  return url.toString();
}

describe("backup and restore on PostgreSQL", { timeout: 300_000 }, () => {
  it("backup while the server runs, restore into an empty database: identical rows and files; wrong key and non-empty target refused", async (ctx) => {
    if (!pgReachable) ctx.skip();
    const source = { DATA_DIR: procs.tmpDir(), LOKET_SECRET: SECRET, DATABASE_URL: await newDatabase() };
    await cycle(
      source,
      async () => ({ DATA_DIR: procs.tmpDir(), LOKET_SECRET: SECRET, DATABASE_URL: await newDatabase() }),
      (env) => postgresConnection(env.DATABASE_URL!),
    );
  });
});

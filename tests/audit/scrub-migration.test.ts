// The migration that removes the variables the old audit trail kept (full NIKs, passwords, reset tokens)
// from existing entries: run on a database that has such entries, on PGlite and on PostgreSQL. The trail's
// append-only trigger lets exactly that migration through and still refuses ordinary UPDATE and DELETE.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultMigrationsDir, deployMigrations, pgAdapterFactory, pgliteAdapterFactory, type AdapterFactory } from "../../server/db/migrate";

const SCRUB = "20261205060000_audit_scrub";
const databaseUrl = process.env.DATABASE_URL ?? "";
const NIK = "3519011708900042";
const PASSWORD = "Sandi-Lama-Bocor-2026";
const RESET_TOKEN = "q3vX9kR2mLp8sT4wYz7bN1cD5fG6hJ0aE2iO3uQ4rW8";

/** The migration folder as it was before the scrub (every migration older than it). */
function foldersBefore(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-mig-"));
  for (const e of fs.readdirSync(defaultMigrationsDir, { withFileTypes: true })) {
    if (e.isDirectory() && e.name >= SCRUB) continue;
    fs.cpSync(path.join(defaultMigrationsDir, e.name), path.join(dir, e.name), { recursive: true });
  }
  return dir;
}

interface Target {
  factory: AdapterFactory;
  query(sql: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

function describeScrub(label: string, open: () => Promise<Target>) {
  describe(label, { timeout: 120_000 }, () => {
    let t: Target;
    beforeAll(async () => {
      t = await open();
      await deployMigrations(t.factory, { migrationsDir: foldersBefore() });
      // entries as the old trail wrote them
      const old = [
        {
          aksi: "Mutation.login",
          detail: { variabel: { nomorIdentitas: NIK, password: "[disembunyikan]", pw: PASSWORD }, hasil: { login: "LoginSuccess" }, galat: [] },
        },
        {
          aksi: "Mutation.register",
          detail: {
            variabel: { input: { nomorIdentitas: NIK, email: "warga@contoh.id", password: "[disembunyikan]" } },
            hasil: { register: "RegisterSuccess" },
            galat: [],
          },
        },
        { aksi: "Mutation.resetPassword", detail: { variabel: { t: RESET_TOKEN, p: PASSWORD }, hasil: { resetPassword: "ResetPasswordSuccess" }, galat: [] } },
        { aksi: "Mutation.updateApiClient", detail: { sebelum: { nama: "A" }, sesudah: { nama: "B" } } },
      ];
      for (const o of old) {
        await t.query(`INSERT INTO "AuditLog" (id, jenis, aksi, "alamatIp", detail) VALUES ($1, 'UBAH', $2, '192.0.2.1', $3::jsonb)`, [
          crypto.randomUUID(),
          o.aksi,
          JSON.stringify(o.detail),
        ]);
      }
      await t.query(`INSERT INTO "AuditLog" (id, jenis, aksi) VALUES ($1, 'BACA_DATA_PRIBADI', 'User.nomorIdentitas')`, [crypto.randomUUID()]);
      // an email sent with its body kept (a reset link), and one still waiting
      const mail = (status: string) =>
        t.query(`INSERT INTO "Outbox" (id, kind, payload, status) VALUES ($1, 'EMAIL', $2::jsonb, $3::"OutboxStatus")`, [
          crypto.randomUUID(),
          JSON.stringify({
            to: "warga@contoh.id",
            subject: "Atur ulang kata sandi",
            kategori: "RESET_PASSWORD",
            text: `https://loket.test/atur-ulang-sandi?token=${RESET_TOKEN}`,
          }),
          status,
        ]);
      await mail("SENT");
      await mail("PENDING");
      expect(JSON.stringify(await t.query(`SELECT detail::text AS d FROM "AuditLog"`))).toContain(NIK);
      expect(await deployMigrations(t.factory)).toContain(SCRUB);
    }, 240_000); // the WebAssembly schema engine is slow on PGlite, slower while other tests run
    afterAll(() => t?.close());

    it("removes the stored variables from every entry and keeps what was done and its outcome", async () => {
      const rows = await t.query(`SELECT aksi, detail::text AS d, "alamatIp" FROM "AuditLog" ORDER BY aksi`);
      expect(rows).toHaveLength(6); // the five entries and the scrub's own
      // the trail records its own scrub, with how many entries lost their variables
      const scrubbed = rows.filter((r) => /dihapus: dicatat sebelum/.test(String(r.d))).length;
      expect(scrubbed).toBe(3); // the entries above that stored variables
      const own = rows.filter((r) => r.aksi === "Migrasi.audit_scrub");
      expect(own).toHaveLength(1);
      expect(JSON.parse(String(own[0]!.d))).toMatchObject({ entriDibersihkan: scrubbed });
      const all = JSON.stringify(rows);
      for (const secret of [NIK, PASSWORD, RESET_TOKEN, "warga@contoh.id"]) expect(all).not.toContain(secret);
      const login = rows.find((r) => r.aksi === "Mutation.login")!;
      const detail = JSON.parse(String(login.d));
      expect(detail).not.toHaveProperty("variabel");
      expect(detail.hasil).toEqual({ login: "LoginSuccess" });
      expect(detail.argumen).toMatch(/dihapus/);
      expect(login.alamatIp).toBe("192.0.2.1");
      // an entry without variables is left as it was
      expect(JSON.parse(String(rows.find((r) => r.aksi === "Mutation.updateApiClient")!.d))).toEqual({ sebelum: { nama: "A" }, sesudah: { nama: "B" } });
    });

    it("erases the body of every email already sent; a waiting one keeps it until it is sent", async () => {
      const rows = await t.query(`SELECT status::text AS s, payload::text AS p FROM "Outbox" ORDER BY status`);
      const sent = rows.find((r) => r.s === "SENT")!;
      expect(JSON.parse(String(sent.p))).toEqual({
        to: "warga@contoh.id",
        subject: "Atur ulang kata sandi",
        kategori: "RESET_PASSWORD",
        isi: "[dihapus setelah terkirim]",
      });
      expect(String(rows.find((r) => r.s === "PENDING")!.p)).toContain(RESET_TOKEN);
    });

    it("leaves the append-only trigger enabled: an ordinary UPDATE or DELETE is still refused", async () => {
      const [trigger] = await t.query(`SELECT tgenabled::text AS e FROM pg_trigger WHERE tgname = 'AuditLog_append_only'`);
      expect(trigger!.e).toBe("O");
      await expect(t.query(`UPDATE "AuditLog" SET aksi = 'diubah'`)).rejects.toThrow(/append-only/);
      await expect(t.query(`DELETE FROM "AuditLog"`)).rejects.toThrow(/append-only/);
      await expect(t.query(`UPDATE "AuditLog" SET detail = '{}'::jsonb WHERE detail ? 'hasil'`)).rejects.toThrow(/append-only/);
      expect((await t.query(`SELECT count(*)::int AS n FROM "AuditLog"`))[0]!.n).toBe(6);
    });
  });
}

describeScrub("audit scrub migration on PGlite", async () => {
  const pglite = new PGlite();
  return {
    factory: pgliteAdapterFactory(pglite),
    query: async (sql, params) => (await pglite.query<Record<string, unknown>>(sql, params)).rows,
    close: () => pglite.close(),
  };
});

describe.runIf(databaseUrl.startsWith("postgres"))("with DATABASE_URL", () => {
  describeScrub("audit scrub migration on PostgreSQL", async () => {
    const name = `loket_scrub_${randomBytes(6).toString("hex")}`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
    return {
      factory: pgAdapterFactory(url.toString()),
      query: async (sql, params) => (await pool.query(sql, params)).rows,
      close: async () => {
        await pool.end();
        await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  });
});

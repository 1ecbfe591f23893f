import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { openDatabase, type Db } from "../../server/db/client";
import { deriveKeys, encrypt } from "../../server/lib/crypto";
import { enqueueEmail } from "../../server/modules/mail/outbox";
import { enqueueWebhook } from "../../server/modules/webhook/outbox";
import { webhookSecretAad } from "../../server/modules/webhook/worker";
import { S3FileStorage } from "../../server/modules/files/s3";
import { ServerProcesses, type ServerProcess } from "../helpers/process";
import { redisUnavailableReason, startRedis, type OwnRedis } from "../helpers/servers";
import { startSmtp, type TestSmtp } from "../helpers/smtp";
import { startS3, type TestS3 } from "../helpers/s3";
import { tinyPdf } from "../helpers/app";

/**
 * Two server processes on one PostgreSQL database, one Redis and one S3 bucket, each with its own DATA_DIR and the
 * same LOKET_SECRET (and a third, WORKERS=false): a document uploaded through one downloads through the others;
 * the email and webhook workers, the PPID deadline check and the orphan file sweep run on both, and every job is
 * done exactly once. Skipped when the machine's PostgreSQL (127.0.0.1:5432) or a Redis binary is not there.
 */
const PG_BASE = process.env.LOKET_TEST_PG ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function postgresReason(): Promise<string | null> {
  const c = new pg.Client({ connectionString: PG_BASE, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.end();
    return null;
  } catch (err) {
    return `PostgreSQL not reachable at ${PG_BASE} (${(err as Error).message})`;
  }
}
const skipReason = (await postgresReason()) ?? redisUnavailableReason();
if (skipReason) console.warn(`two-instances test skipped: ${skipReason}`);

const procs = new ServerProcesses("loket-two-");
const SECRET = randomBytes(24).toString("hex");
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
let s3: TestS3;
let redis: OwnRedis;
let smtp: TestSmtp;
const smtps: TestSmtp[] = [];
let receiver: http.Server;
const received: string[] = [];
let dbName: string;
let dbUrl: string;
let db: Db;

async function gql(port: number, query: string, variables?: unknown, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return res.json() as Promise<{ data?: any; errors?: unknown[] }>;
}

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  if (skipReason) return;
  [s3, redis, smtp] = await Promise.all([startS3(), startRedis(), startSmtp(smtps)]);
  receiver = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received.push(String(req.headers["x-loket-delivery"]));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", () => r()));
  dbName = `loket_two_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const url = new URL(PG_BASE);
  url.pathname = `/${dbName}`;
  dbUrl = url.toString();
}, 60_000);

afterAll(async () => {
  procs.cleanup();
  await db?.close();
  if (skipReason) return;
  await Promise.all([s3?.close(), redis?.close(), smtp?.close(), new Promise((r) => receiver?.close(r))]);
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
  await admin.end();
}, 60_000);

const env = (dataDir: string, extra: Record<string, string> = {}) => ({
  DATA_DIR: dataDir,
  DATABASE_URL: dbUrl,
  REDIS_URL: redis.url,
  LOKET_SECRET: SECRET,
  SMTP_URL: smtp.url,
  WEBHOOK_ALLOW_PRIVATE: "true",
  FILE_SWEEP_SECONDS: "8",
  ...s3.env(),
  ...extra,
});

describe.skipIf(skipReason)("two instances on PostgreSQL + Redis + S3", { timeout: 240_000 }, () => {
  it("share documents, and run every job exactly once", async () => {
    // 1. an API-only instance migrates and seeds the new database; it starts no loops
    const api = procs.start(env(procs.tmpDir(), { WORKERS: "false" }));
    const apiPort = await api.ready;
    expect(api.output()).toMatch(/WORKERS=false: API-only instance/);
    db = await openDatabase({ databaseUrl: dbUrl, migrate: false });
    const keys = deriveKeys(Buffer.from(SECRET, "utf8"));

    // 2. jobs waiting before the workers start: emails, webhook deliveries, a PPID request past its deadline, orphans
    const instansi = await db.prisma.instansi.findFirstOrThrow({ where: { kode: "KMG-MADIUN" } });
    const warga = await db.prisma.user.findFirstOrThrow({ where: { role: "PEMOHON" } });
    const client = await db.prisma.apiClient.create({
      data: { nama: "Penerima uji", instansiId: instansi.id, kontak: "uji", scopes: ["TERIMA_WEBHOOK"], secretHash: "x" },
    });
    const sub = await db.prisma.webhookSubscription.create({
      data: {
        clientId: client.id,
        url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`,
        events: ["PENGAJUAN_STATUS", "PPID_TENGGAT"],
        secretCipher: "",
      },
    });
    await db.prisma.webhookSubscription.update({
      where: { id: sub.id },
      data: { secretCipher: encrypt(keys, "rahasia-penanda-tangan", webhookSecretAad(sub.id)) },
    });
    const EMAILS = 12;
    const HOOKS = 12;
    await db.prisma.$transaction(async (tx) => {
      for (let i = 0; i < EMAILS; i++) await enqueueEmail(tx, { to: `warga${i}@contoh.go.id`, subject: `Uji ${i}`, text: `isi ${i}`, kategori: "STATUS_AKUN" });
      for (let i = 0; i < HOOKS; i++) await enqueueWebhook(tx, { event: "PENGAJUAN_STATUS", instansiId: instansi.id, data: { uji: i } });
    });
    await db.prisma.permohonanInformasi.create({
      data: {
        nomorRegister: `PPID/UJI/${randomBytes(3).toString("hex")}`,
        instansiId: instansi.id,
        pemohonId: warga.id,
        rincianInformasi: "Daftar anggaran",
        tujuan: "Penelitian",
        format: "SOFTCOPY",
        caraPerolehan: "EMAIL",
        tenggat: new Date(Date.now() - 3 * 86400_000),
      },
    });
    const bucket = new S3FileStorage({ ...s3.config() }, path.join(procs.tmpDir(), "tmp"));
    const orphans: string[] = [];
    for (let i = 0; i < 5; i++) {
      const bytes = Buffer.from(`yatim ${i} ${SECRET}`);
      const tmp = path.join(procs.tmpDir(), "o");
      fs.writeFileSync(tmp, bytes);
      const key = await bucket.put(tmp, sha(bytes));
      const old = new Date(Date.now() - 2 * 3600_000);
      fs.utimesSync(s3.objectPath(key), old, old);
      orphans.push(key);
    }
    // the API-only instance delivered nothing meanwhile
    await new Promise((r) => setTimeout(r, 3000));
    expect(smtp.messages).toHaveLength(0);
    expect(received).toHaveLength(0);
    expect(await bucket.exists(orphans[0]!)).toBe(true);

    // 3. two full instances start at once on their own data folders
    const a = procs.start(env(procs.tmpDir()));
    const b = procs.start(env(procs.tmpDir()));
    const [aPort, bPort] = await Promise.all([a.ready, b.ready]);

    // a document uploaded through A downloads through B and through the API-only instance
    const login = await gql(
      aPort,
      `mutation { login(nomorIdentitas: "198001012005011001", password: "Admin-Loket-2026") { __typename ... on LoginSuccess { data { token } } } }`,
    );
    const token = login.data!.login.data.token as string;
    const slot = await db.prisma.persyaratanDokumen.findFirstOrThrow({ where: { layanan: { instansiId: instansi.id } } });
    const content = tinyPdf(`templat bersama ${SECRET}`);
    const form = new FormData();
    form.append(
      "operations",
      JSON.stringify({
        query: `mutation($id: ID!, $f: File) { unggahTemplatePersyaratan(persyaratanId: $id, file: $f) { __typename } }`,
        variables: { id: encodeGlobalID("PersyaratanDokumen", slot.id), f: null },
      }),
    );
    form.append("map", JSON.stringify({ 0: ["variables.f"] }));
    form.append("0", new Blob([new Uint8Array(content)], { type: "application/pdf" }), "templat.pdf");
    const up = await fetch(`http://127.0.0.1:${aPort}/graphql`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "x-loket-csrf": "1" },
      body: form,
    });
    expect((await up.json()).data.unggahTemplatePersyaratan.__typename).toBe("UnggahTemplatePersyaratanSuccess");
    for (const port of [bPort, apiPort]) {
      const res = await fetch(`http://127.0.0.1:${port}/unduh/template/${slot.id}`);
      expect(res.status).toBe(200);
      expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(content));
    }

    // every email once, every webhook delivery once, one PPID_TENGGAT, every orphan removed once
    await until("the emails", () => smtp.messages.length >= EMAILS);
    await until("the webhook deliveries", () => received.length >= HOOKS + 1);
    await until("the orphan sweep", async () => !(await Promise.all(orphans.map((k) => bucket.exists(k)))).some(Boolean));
    await new Promise((r) => setTimeout(r, 5000)); // time for a duplicate to show up
    expect(smtp.messages.map((m) => m.subject).sort()).toEqual(Array.from({ length: EMAILS }, (_, i) => `Uji ${i}`).sort());
    expect(new Set(received).size).toBe(received.length);
    expect(received).toHaveLength(HOOKS + 1);
    const tenggat = await db.prisma.webhookDelivery.count({ where: { event: "PPID_TENGGAT" } });
    expect(tenggat).toBe(1);
    const removed = [a, b].map((p) => [...p.output().matchAll(/Removed (\d+) unreferenced stored files/g)].reduce((n, m) => n + Number(m[1]), 0));
    expect(removed[0]! + removed[1]!).toBe(orphans.length);
    // and recorded once each
    const delivered = await db.prisma.webhookDelivery.count({ where: { status: "SENT" } });
    expect(delivered).toBe(HOOKS + 1);
    // the uploaded template is referenced: the sweeps left it
    expect(await bucket.exists((await db.prisma.storedFile.findFirstOrThrow({ where: { sha256: sha(content) } })).storageKey)).toBe(true);

    for (const p of [a, b, api] as ServerProcess[]) p.child.kill("SIGTERM");
    expect(await Promise.all([a.exited, b.exited, api.exited])).toEqual([0, 0, 0]);
  });
});

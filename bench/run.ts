/**
 * `npm run bench`: throughput and latency of the GraphQL endpoint, as ratios to a baseline measured in the
 * same run. The server runs in a child process (bench/server.ts), the load generator (autocannon) here.
 *
 * Environment:
 *   BENCH_SECONDS          measured seconds per phase (default 10)
 *   BENCH_WARMUP_SECONDS   warm-up seconds per phase (default: BENCH_SECONDS)
 *   BENCH_CONNECTIONS      concurrent connections (default 10)
 *   BENCH_PHASES           comma-separated phase names to run (default all; the baseline always runs)
 *   BENCH_DATABASE_URL     postgresql://… : run against a throw-away database created from it (dropped after);
 *                          unset: embedded PGlite in a fresh temporary folder. The two-instance live phase
 *                          always needs PostgreSQL: it uses this URL, else postgresql://postgres@127.0.0.1:5432/postgres
 *   BENCH_REDIS_URL        Redis of the two-instance live phase (default redis://127.0.0.1:6379)
 *   BENCH_LIVE_SOCKETS     live phases: pengajuan followed, one graphql-ws socket each (default 1000)
 *   BENCH_LIVE_CHANGES     live phases: status changes made (default 1000)
 *   BENCH_LIVE_RATE        live phases: status changes per second (default 50)
 *   BENCH_LIVE_WARMUP      live phases: changes sent first at the same rate, checked but not measured (default 2 s' worth)
 *   BENCH_QUEUE_ROWS       staff queue: submitted requests in the instansi's queue (default 200, at least 50)
 *   BENCH_UPLOAD_POOL      uploads: DRAFT requests prepared (default 1500; the phase ends early when used up)
 *   BENCH_LETTERS_POOL     letters: requests in process prepared (default 600; the phase ends early when used up)
 *   BENCH_STATISTIK_CASES  statistics: pengajuan in the instansi-year (default 10000; complaints, PPID requests and
 *                          SKM answers in proportion, see bench/statistik-fixture.ts)
 *   BENCH_SERVER_LOG_LEVEL the servers' LOG_LEVEL (default silent; "error" shows what an INTERNAL_SERVER_ERROR was)
 *   BENCH_SERVER_PROFILE   a folder: every server process writes a V8 CPU profile there when it stops
 *                          (node --cpu-prof; open in Chrome DevTools or summarise with bench/profile-summary.ts)
 *
 *   BENCH_ANTRIAN_SOCKETS  counter: TV displays following the board, one graphql-ws socket each (default 200)
 *   BENCH_ANTRIAN_CALLS    counter: tickets called (default 200), at BENCH_ANTRIAN_RATE per second (default 10) from 4 counters
 *
 * Phases (BENCH_PHASES names): baseline, me, login, live-memory, live-redis, queue, queue-uncached, upload, letters, antrian, statistik, statistik-detail.
 * Phase names may also be given as arguments: `npm run bench -- statistik` runs the baseline and that phase.
 * `startup` (run first, by default) starts the built server (dist/server, rebuilt when stale) on a new and an existing
 *   PGlite folder and PostgreSQL database and reports the ready time and idle RSS; `npm run bench -- startup` runs only it.
 *
 * Server settings that differ from a deployment's defaults, because one load generator is one address and a
 * few accounts: RATE_LIMIT_PER_USER=0 and RATE_LIMIT_PER_ADDRESS=0 (no 429s), MAX_SUBSCRIPTIONS_PER_USER =
 * BENCH_LIVE_SOCKETS + 50 (the live phases follow every request as the one demo officer).
 *
 * Every response of every phase (warm-up included) must be HTTP 2xx with a GraphQL body without `errors`
 * and of the expected shape, and every subscription event must arrive exactly once; otherwise the run
 * fails (exit 1). Missing a target is reported, not fatal. A phase that cannot run here (no PostgreSQL or
 * Redis for live-redis) is skipped with the reason. Results also go to bench/results/latest.json.
 *
 * The server's resident memory is sampled every 100 ms during each phase (and its kernel high-water mark
 * reset at the phase's start); the peak is the "peak RSS" column.
 *
 * Adding a phase: append to PHASES. `httpPhase` covers one repeated HTTP request (with a setup step, e.g.
 * logging in); anything else (WebSocket subscriptions, uploads) implements `Phase.run` itself and returns a
 * PhaseResult. Set-up rows that need not go through the API can be written by `ctx.fixture` (bench/fixtures.ts,
 * run inside the server process).
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { Redis } from "ioredis";
import { DEMO } from "../server/seed";
import { ARGON2_PARAMS, hashPassword, verifyPassword } from "../server/modules/auth/password";
import type { ParentMessage, ServerMessage } from "./server";
import type { FixtureRequest, LiveRow, LoketFixture, QueueFixture } from "./fixtures";
import type { StatistikFixture } from "./statistik-fixture";
import { measureLive, type LiveResult } from "./live";
import { FILE_BYTES, measureUploads } from "./upload";
import { measureLetters } from "./letters";
import { measureAntrian } from "./antrian";
import {
  LOGIN,
  STATISTIK,
  STATISTIK_DETAIL,
  errorTotal,
  globalId,
  gqlRequest,
  loginToken,
  noErrors,
  pct,
  rawId,
  round2,
  skippedResult,
  sortedOf,
  type ErrorCounts,
  type PhaseResult,
  type TargetCheck,
} from "./lib";

// ---------------------------------------------------------------------------------------------------------
// settings

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = path.join(HERE, "results", "latest.json");

function envInt(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return n;
}

const SECONDS = envInt("BENCH_SECONDS", 10);
const WARMUP_SECONDS = envInt("BENCH_WARMUP_SECONDS", SECONDS, 0);
const CONNECTIONS = envInt("BENCH_CONNECTIONS", 10);
const PHASE_ARGS = process.argv
  .slice(2)
  .flatMap((a) => a.split(","))
  .map((s) => s.trim())
  .filter(Boolean);
const ONLY = PHASE_ARGS.length
  ? PHASE_ARGS
  : process.env.BENCH_PHASES?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
const DATABASE_URL = process.env.BENCH_DATABASE_URL || undefined;
const SHARED_DATABASE_URL = DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const REDIS_URL = process.env.BENCH_REDIS_URL || "redis://127.0.0.1:6379";
const LIVE_SOCKETS = envInt("BENCH_LIVE_SOCKETS", 1000);
const LIVE_CHANGES = envInt("BENCH_LIVE_CHANGES", 1000);
const LIVE_RATE = envInt("BENCH_LIVE_RATE", 50);
const LIVE_WARMUP = envInt("BENCH_LIVE_WARMUP", 2 * LIVE_RATE, 0);
const QUEUE_ROWS = envInt("BENCH_QUEUE_ROWS", 200, 50);
const ANTRIAN_SOCKETS = envInt("BENCH_ANTRIAN_SOCKETS", 200);
const ANTRIAN_CALLS = envInt("BENCH_ANTRIAN_CALLS", 200);
const ANTRIAN_RATE = envInt("BENCH_ANTRIAN_RATE", 10);
const ANTRIAN_COUNTERS = 4;
/** the login phase's accounts: each logs in again only after every other has (4 × the connections) */
const LOGIN_ACCOUNTS = 4 * CONNECTIONS;
const UPLOAD_POOL = envInt("BENCH_UPLOAD_POOL", 1500);
const LETTERS_POOL = envInt("BENCH_LETTERS_POOL", 600);
const STATISTIK_CASES = envInt("BENCH_STATISTIK_CASES", 10_000);
const PROFILE_DIR = process.env.BENCH_SERVER_PROFILE ? path.resolve(process.env.BENCH_SERVER_PROFILE) : undefined;

// ---------------------------------------------------------------------------------------------------------
// phases

interface BenchContext {
  /** http://127.0.0.1:<port> */
  origin: string;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  /** POST a GraphQL operation; throws on HTTP or GraphQL errors */
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** a session token of a demo account (logs in once per account and run) */
  token(account: keyof typeof ACCOUNTS): Promise<string>;
  /** the server under test */
  server: Target;
  /** write set-up rows in the server under test (bench/fixtures.ts) */
  fixture<T>(request: FixtureRequest): Promise<T>;
  /** progress on stderr */
  log(message: string): void;
}

interface Phase {
  /** stable key (BENCH_PHASES, JSON) */
  name: string;
  /** row label in the table */
  label: string;
  /** minimum req/s as a fraction of the baseline's, if the issue sets one */
  target?: number;
  /** what the progress line says it does (default: the warm-up and measured seconds) */
  plan?: string;
  run(ctx: BenchContext): Promise<PhaseResult>;
}

/** One GraphQL operation, repeated by every connection. */
interface HttpLoad {
  query: string;
  variables?: Record<string, unknown>;
  /** other variables for every request (e.g. to read past a cache); default: `variables` every time */
  variablesFor?(n: number): Record<string, unknown>;
  headers?: Record<string, string>;
  /** problem with a parsed, error-free GraphQL response body (null: fine) */
  check?(data: any): string | null;
  notes?: string[];
  extra?: Record<string, unknown>;
  /** targets other than the ratio, judged on the measured result (reported, not fatal) */
  targets?(measured: Omit<PhaseResult, "warmupErrors">): TargetCheck[];
}

function httpPhase(def: Omit<Phase, "run"> & { setup(ctx: BenchContext): Promise<HttpLoad> }): Phase {
  return {
    name: def.name,
    label: def.label,
    target: def.target,
    async run(ctx) {
      const load = await def.setup(ctx);
      const warmup = ctx.warmupSeconds > 0 ? await fire(ctx, load, ctx.warmupSeconds) : null;
      const measured = await fire(ctx, load, ctx.seconds);
      return { ...measured, warmupErrors: warmup?.errors ?? null, notes: load.notes, extra: load.extra, targets: load.targets?.(measured) };
    },
  };
}

const ACCOUNTS = { warga: DEMO.warga, petugas: DEMO.petugas, admin: DEMO.admin } as const;

const PHASES: Phase[] = [
  httpPhase({
    name: "baseline",
    label: "{ __typename }",
    setup: async () => ({
      query: "{ __typename }",
      check: (data) => (data?.__typename === "Query" ? null : "no data.__typename"),
    }),
  }),
  httpPhase({
    name: "me",
    label: "me (Bearer)",
    target: 0.5,
    setup: async (ctx) => {
      const token = await ctx.token("warga");
      return {
        query: "{ me { id namaLengkap role status } }",
        headers: { authorization: `Bearer ${token}` },
        check: (data) => (data?.me?.namaLengkap === DEMO.warga.namaLengkap ? null : "me is not the demo citizen"),
      };
    },
  }),
  httpPhase({
    name: "login",
    label: "login (argon2id)",
    setup: async (ctx) => {
      // the single-hash cost, measured here while the server idles, explains the login figures
      const argon2 = await measureArgon2();
      const { memoryCost, timeCost, parallelism } = ARGON2_PARAMS;
      // many people logging in, each once at a time: one account logging in on every connection at once is
      // throttled (LOGIN_TOO_FAST), as an attack on it would be
      const niks = await ctx.fixture<string[]>({ kind: "citizens", count: LOGIN_ACCOUNTS, password: DEMO.warga.password });
      return {
        query: LOGIN,
        variablesFor: (n) => ({ nomorIdentitas: niks[n % niks.length], password: DEMO.warga.password }),
        check: (data) => (data?.login?.__typename === "LoginSuccess" ? null : `login returned ${JSON.stringify(data?.login)}`),
        notes: [
          `argon2id (m=${memoryCost} KiB, t=${timeCost}, p=${parallelism}) in-process, sequential: hash ${argon2.hashMs.toFixed(1)} ms, verify ${argon2.verifyMs.toFixed(1)} ms` +
            ` (one core: ≤ ${Math.floor(1000 / argon2.verifyMs)} logins/s)`,
        ],
        extra: { argon2: { ...argon2, params: ARGON2_PARAMS } },
      };
    },
  }),
  {
    name: "live-memory",
    label: "status change → subscriber, 1 instance (in-memory pub/sub)",
    plan: `${LIVE_SOCKETS} sockets, ${LIVE_CHANGES} changes at ${LIVE_RATE}/s`,
    run: async (ctx) => {
      const [admin, staffToken, citizenToken] = await Promise.all([ctx.token("admin"), ctx.token("petugas"), ctx.token("warga")]);
      const requests = await liveFixture(ctx.gql, ctx.fixture, admin);
      return livePhase(await runLive({ mutateOrigin: ctx.origin, subscribeOrigin: ctx.origin, staffToken, citizenToken, requests, log: ctx.log }), 50, [
        `mutations and ${LIVE_SOCKETS} sockets on one instance (${ctx.server.db}), in-memory pub/sub`,
      ]);
    },
  },
  {
    name: "live-redis",
    label: "status change → subscriber, 2 instances (Redis)",
    plan: `${LIVE_SOCKETS} sockets on B, ${LIVE_CHANGES} changes on A at ${LIVE_RATE}/s; PostgreSQL + Redis`,
    run: liveRedisPhase,
  },
  httpPhase({
    name: "queue",
    label: "staff queue (50 rows)",
    target: 0.3,
    setup: async (ctx) => {
      const fx = await ctx.fixture<QueueFixture>({ kind: "queue", rows: QUEUE_ROWS });
      const token = await loginToken(ctx.origin, fx.petugas.nomorIdentitas, fx.petugas.password, "the queue officer");
      return {
        query: QUEUE,
        variables: { first: 50 },
        headers: { authorization: `Bearer ${token}` },
        check: (data) => queueProblem(data, fx.rows),
        notes: [
          `antrian(first: 50) + antrianJumlah as tests/pengajuan/queue.test.ts, over ${fx.rows} submitted requests (2 documents, 2–5 log steps each) of one instansi;` +
            " the same officer's unchanged page again and again, so after the first read it is served by the queue page cache (QUEUE_CACHE_SECONDS)",
        ],
        extra: { rows: fx.rows },
      };
    },
  }),
  httpPhase({
    name: "queue-uncached",
    label: "staff queue (50 rows), every read computed",
    setup: async (ctx) => {
      const fx = await ctx.fixture<QueueFixture>({ kind: "queue", rows: QUEUE_ROWS });
      const token = await loginToken(ctx.origin, fx.petugas.nomorIdentitas, fx.petugas.password, "the queue officer");
      // a different upper bound for the submission date on every request (all far in the future, so the same
      // rows): no two requests share a cache key, each one runs the two queue reads and the count
      const far = Date.UTC(2100, 0, 1);
      return {
        query: QUEUE,
        variables: { first: 50, filter: { diajukanSampai: new Date(far).toISOString() } },
        variablesFor: (n) => ({ first: 50, filter: { diajukanSampai: new Date(far + n * 1000).toISOString() } }),
        headers: { authorization: `Bearer ${token}` },
        check: (data) => queueProblem(data, fx.rows),
        notes: ["the same page with variables that differ on every request: what a page costs when nothing is cached (after any queue change)"],
        extra: { rows: fx.rows },
      };
    },
  }),
  // before the statistics: their 10,000-case fixture is written inside the server process (PGlite's memory grows
  // with it and never shrinks), which the upload phase's peak RSS would otherwise carry
  {
    name: "upload",
    label: "submit with three 1 MB uploads",
    plan: `${WARMUP_SECONDS ? `${WARMUP_SECONDS} s warm-up, ` : ""}${SECONDS} s uploads, then ≤ ${SECONDS} s submits`,
    run: uploadPhase,
  },
  {
    name: "letters",
    label: "make + sign a letter (PKCS#12)",
    plan: `${WARMUP_SECONDS ? `${WARMUP_SECONDS} s warm-up, ` : ""}${SECONDS} s of buatSurat then tandatanganiSurat`,
    run: lettersPhase,
  },
  {
    name: "antrian",
    label: "ticket call → queue display",
    plan: `${ANTRIAN_SOCKETS} display sockets, ${ANTRIAN_CALLS} calls at ${ANTRIAN_RATE}/s from ${ANTRIAN_COUNTERS} counters`,
    run: antrianPhase,
  },
  httpPhase({
    name: "statistik",
    label: `statistics, 1 instansi-year (${STATISTIK_CASES.toLocaleString("en")} cases)`,
    setup: async (ctx) => {
      const fx = await statistikFixture(ctx);
      return {
        query: STATISTIK,
        variables: { i: globalId("Instansi", fx.instansiId), tahun: fx.tahun },
        check: (data) => statistikProblem(data, fx),
        targets: (r) => [{ text: "p95 < 500 ms", met: r.p95Ms < 500 }],
        notes: [
          `statistik(periode: TAHUN) as client/src/pages/statistik.tsx asks it, anonymous; ${fixtureSummary(fx)}`,
          `checked on every response against the fixture's own JavaScript computation (working time on the office calendar): ` +
            `${fx.expected.pengajuanDiajukan} submitted, ${fx.expected.selesai} completed, median ${fx.expected.medianMenitKerja?.toFixed(1)} / p90 ${fx.expected.p90MenitKerja?.toFixed(1)} working minutes, ` +
            `SLA ${fx.expected.kepatuhanSlaPersen?.toFixed(2)} %, ${fx.expected.ikmResponden} SKM answers`,
        ],
        extra: { fixture: { counts: fx.counts, seedSeconds: fx.seedSeconds, expected: fx.expected } },
      };
    },
  }),
  httpPhase({
    name: "statistik-detail",
    label: `staff statistics detail, same instansi-year`,
    setup: async (ctx) => {
      const fx = await statistikFixture(ctx);
      const token = await loginToken(ctx.origin, fx.petugas.nomorIdentitas, fx.petugas.password, "the statistics officer");
      return {
        query: STATISTIK_DETAIL,
        variables: { i: globalId("Instansi", fx.instansiId), tahun: fx.tahun },
        headers: { authorization: `Bearer ${token}` },
        check: (data) => statistikDetailProblem(data, fx),
        notes: [
          `statistikDetail(periode: TAHUN, batas: 50) as client/src/pages/statistik-petugas.tsx asks it, as an officer of the instansi: per service, per officer, ` +
            `the cases overdue now and the ${fx.expected.melewatiSla} that missed their SLA (50 most late, ordered by working time), complaints by category and channel with the open ones`,
        ],
      };
    },
  }),
];

// ---------------------------------------------------------------------------------------------------------
// live phases: status change → subscriber

/** A service without required documents or form fields (AJUKAN after MINTA_PERBAIKAN needs nothing more). */
async function createLayanan(
  gql: BenchContext["gql"],
  adminToken: string,
  kode: string,
  persyaratan: Array<Record<string, unknown>>,
): Promise<{ id: string; slots: string[] }> {
  const me = await gql<{ me: { instansi: { id: string } | null } }>("{ me { instansi { id } } }", {}, adminToken);
  if (!me.me.instansi) throw new Error("the demo admin has no instansi");
  const res = await gql<{ createLayanan: { __typename: string; message?: string; data?: { id: string; persyaratan: Array<{ id: string }> } } }>(
    `mutation($instansiId: ID!, $input: LayananInput!, $persyaratan: [PersyaratanInput!]) {
      createLayanan(instansiId: $instansiId, input: $input, persyaratan: $persyaratan) {
        __typename ... on CreateLayananSuccess { data { id persyaratan { id } } } ... on Error { code message field }
      }
    }`,
    {
      instansiId: me.me.instansi.id,
      input: {
        kode,
        nama: `Layanan benchmark ${kode}`,
        kategori: "Umum",
        slaJumlah: 5,
        slaSatuan: "HARI_KERJA",
        prosedur: "1. Unggah berkas\n2. Verifikasi\n3. Terbit",
      },
      persyaratan,
    },
    adminToken,
  );
  const r = res.createLayanan;
  if (r.__typename !== "CreateLayananSuccess" || !r.data) throw new Error(`createLayanan failed: ${r.__typename} ${r.message ?? ""}`);
  return { id: r.data.id, slots: r.data.persyaratan.map((p) => p.id) };
}

async function liveFixture(gql: BenchContext["gql"], fixture: BenchContext["fixture"], adminToken: string): Promise<LiveRow[]> {
  const layanan = await createLayanan(gql, adminToken, `BENCH-LIVE-${randomBytes(3).toString("hex").toUpperCase()}`, []);
  return fixture<LiveRow[]>({ kind: "livePengajuan", layananId: rawId(layanan.id), pemohonNik: DEMO.warga.nomorIdentitas, count: LIVE_SOCKETS });
}

function runLive(o: { mutateOrigin: string; subscribeOrigin: string; staffToken: string; citizenToken: string; requests: LiveRow[]; log(m: string): void }) {
  return measureLive({ ...o, warmupChanges: LIVE_WARMUP, changes: LIVE_CHANGES, ratePerSec: LIVE_RATE, drainMs: 5000 });
}

function livePhase(r: LiveResult, p99TargetMs: number, notes: string[]): PhaseResult {
  const f = (n: number) => n.toFixed(1);
  return {
    requests: r.latency.count,
    reqPerSec: r.changesPerSec,
    p50Ms: r.latency.p50Ms,
    p95Ms: r.latency.p95Ms,
    p99Ms: r.latency.p99Ms,
    errors: r.errors,
    warmupErrors: null,
    rateUnit: "status changes/s",
    targets: [
      { text: `p99 < ${p99TargetMs} ms`, met: r.latency.p99Ms < p99TargetMs },
      { text: `lost 0 (${r.lost})`, met: r.lost === 0 },
    ],
    notes: [
      ...notes,
      `every socket authenticated as the demo PETUGAS (staff follow every request of their instansi; MAX_SUBSCRIPTIONS_PER_USER=${LIVE_SOCKETS + 50} for the run)`,
      `${r.sockets} sockets subscribed in ${r.connectSeconds} s; ${LIVE_WARMUP} warm-up changes (checked, not measured), then ${r.changes} changes in ${r.sendSeconds} s, ${f(r.changesPerSec)}/s of ${LIVE_RATE}/s asked, ` +
        `at most ${r.maxInFlight} mutations awaiting a response` +
        (r.changesPerSec < 0.95 * LIVE_RATE ? " (the server fell behind the schedule: the latencies include its backlog)" : "") +
        `; latency = mutation sent → event on its socket: ` +
        `p50 ${f(r.latency.p50Ms)} / p95 ${f(r.latency.p95Ms)} / p99 ${f(r.latency.p99Ms)} / max ${f(r.latency.maxMs)} ms over ${r.latency.count} events` +
        `; the load process's own event-loop delay p99 ${f(r.loadLoopDelay.p99Ms)} / max ${f(r.loadLoopDelay.maxMs)} ms (a late loop records late arrivals)`,
      `mutation HTTP response p50 ${f(r.mutation.p50Ms)} / p99 ${f(r.mutation.p99Ms)} ms; ${r.eventBeforeResponse} events arrived before their mutation's response; ` +
        `lost ${r.lost}, duplicated ${r.duplicates}, unexpected ${r.unexpected}, wrong ${r.wrong}` +
        (r.lostAtMs.length ? ` (lost ones sent at ${r.lostAtMs.join(", ")} ms)` : ""),
      ...r.eventSamples.map((e) => `subscription problem: ${e}`),
    ],
    extra: { live: { ...r, errors: undefined, changesPerSec: round2(r.changesPerSec) } },
  };
}

/** Can we reach it within a couple of seconds? null: yes; otherwise why not. */
async function unreachable(kind: "PostgreSQL" | "Redis", url: string): Promise<string | null> {
  try {
    if (kind === "PostgreSQL") {
      const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
      await client.connect();
      await client.end();
    } else {
      const redis = new Redis(url, { lazyConnect: true, connectTimeout: 3000, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
      redis.on("error", () => {});
      try {
        await redis.connect();
        await redis.ping();
      } finally {
        redis.disconnect();
      }
    }
    return null;
  } catch (err) {
    return `${kind} at ${redact(url)} is not reachable (${err instanceof Error ? err.message || err.name : String(err)})`;
  }
}

const redact = (url: string) => url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");

/** Two instances on one PostgreSQL database sharing events through Redis: mutations to A, sockets on B. */
async function liveRedisPhase(ctx: BenchContext): Promise<PhaseResult> {
  const why = (await unreachable("PostgreSQL", SHARED_DATABASE_URL)) ?? (await unreachable("Redis", REDIS_URL));
  if (why) return skippedResult(`${why}. Start them (see /work/shared/notes/toolchain.md) or set BENCH_DATABASE_URL / BENCH_REDIS_URL.`);
  const stops: Array<() => Promise<void>> = [];
  try {
    const database = await createDatabase(SHARED_DATABASE_URL);
    stops.push(database.drop);
    // both instances must derive the same keys to read each other's sessions
    const secret = randomBytes(32).toString("hex");
    const common = { databaseUrl: database.url, redisUrl: REDIS_URL, secret };
    ctx.log(`  starting instance A (seeds the demo data) and then B on ${redact(SHARED_DATABASE_URL)} (throw-away database) + ${REDIS_URL}…`);
    const a = await startServer({ ...common, seedDemo: true });
    stops.unshift(a.stop);
    const b = await startServer({ ...common, seedDemo: false });
    stops.unshift(b.stop);
    ctx.log(`  A on ${a.origin} (${(a.bootMs / 1000).toFixed(1)} s), B on ${b.origin} (${(b.bootMs / 1000).toFixed(1)} s)`);
    const gqlA = <T>(query: string, variables?: Record<string, unknown>, token?: string) => gqlRequest<T>(a.origin, query, variables, token);
    const [admin, staffToken, citizenToken] = await Promise.all(
      (["admin", "petugas", "warga"] as const).map((k) => loginToken(a.origin, ACCOUNTS[k].nomorIdentitas, ACCOUNTS[k].password, `the demo ${k}`)),
    );
    const requests = await liveFixture(gqlA, a.fixture, admin!);
    const samplerA = new RssSampler(a.child.pid);
    const samplerB = new RssSampler(b.child.pid);
    const live = await runLive({
      mutateOrigin: a.origin,
      subscribeOrigin: b.origin,
      staffToken: staffToken!,
      citizenToken: citizenToken!,
      requests,
      log: ctx.log,
    });
    const rss = { a: samplerA.stop(), b: samplerB.stop() };
    const result = livePhase(live, 100, [
      `mutations to instance A, ${LIVE_SOCKETS} sockets on instance B; PostgreSQL ${redact(SHARED_DATABASE_URL)} (throw-away database), Redis ${REDIS_URL}; ` +
        `peak RSS A ${rss.a ?? "?"} MB, B ${rss.b ?? "?"} MB (the peak RSS column is the main server, idle here)`,
    ]);
    result.extra = { ...result.extra, instances: { aRssPeakMb: rss.a, bRssPeakMb: rss.b, aBootMs: a.bootMs, bBootMs: b.bootMs } };
    return result;
  } finally {
    for (const stop of stops) await stop().catch((err) => console.error("live-redis cleanup:", err instanceof Error ? err.message : err));
  }
}

// ---------------------------------------------------------------------------------------------------------
// staff queue

const QUEUE = /* GraphQL */ `
  query($first: Int!, $filter: AntrianFilter) {
    antrian(first: $first, filter: $filter) {
      totalCount
      edges { node {
        nomorRegistrasi status statusLabel tenggat terlambat petugas
        pemohon { nama nomorIdentitasMasked }
        layanan { nama kode }
        dokumen { namaFile mime persyaratan { label } }
        statusTerakhir { keStatus createdAt aktor }
      } }
      pageInfo { hasNextPage endCursor }
    }
    antrianJumlah { status jumlah }
  }
`;

function queueProblem(data: any, rows: number): string | null {
  const q = data?.antrian;
  if (!q) return "no data.antrian";
  if (q.totalCount !== rows) return `totalCount ${q.totalCount}, expected ${rows}`;
  if (q.edges?.length !== 50) return `${q.edges?.length} rows, expected 50`;
  if (q.pageInfo?.hasNextPage !== rows > 50) return `hasNextPage ${q.pageInfo?.hasNextPage}`;
  for (const { node } of q.edges) {
    if (!/^\d{4}\*{8}\d{4}$/.test(node?.pemohon?.nomorIdentitasMasked ?? "")) return `applicant ${JSON.stringify(node?.pemohon)}`;
    if (node.dokumen?.length !== 2 || !node.dokumen[0].persyaratan?.label) return `documents ${JSON.stringify(node.dokumen)}`;
    if (node.statusTerakhir?.[0]?.keStatus !== node.status) return `last status ${JSON.stringify(node.statusTerakhir)} for ${node.status}`;
    if (!node.layanan?.kode) return "no service";
  }
  const counted = (data.antrianJumlah as Array<{ jumlah: number }> | undefined)?.reduce((n, c) => n + c.jumlah, 0);
  if (counted !== rows) return `antrianJumlah adds up to ${counted}, expected ${rows}`;
  return null;
}

// ---------------------------------------------------------------------------------------------------------
// statistics

/** One fixture per run, shared by the statistics phases. */
let statistikFx: Promise<StatistikFixture> | undefined;
function statistikFixture(ctx: BenchContext): Promise<StatistikFixture> {
  if (!statistikFx) {
    ctx.log(`  seeding ${STATISTIK_CASES.toLocaleString("en")} cases of one instansi-year…`);
    statistikFx = ctx.fixture<StatistikFixture>({ kind: "statistik", cases: STATISTIK_CASES });
    void statistikFx.then(
      (fx) => ctx.log(`  seeded in ${fx.seedSeconds} s: ${fixtureSummary(fx)}`),
      () => {},
    );
  }
  return statistikFx;
}

function fixtureSummary(fx: StatistikFixture): string {
  const c = fx.counts;
  return (
    `${c.pengajuan} pengajuan (${c.pengajuanLog} log steps) over ${c.layanan} services and ${c.petugas} officers, ${c.pengaduan} complaints, ` +
    `${c.permohonanInformasi} PPID requests (${c.keberatan} objections), ${c.surveiKepuasan} SKM answers, seeded in ${fx.seedSeconds} s`
  );
}

const close = (a: number | null | undefined, b: number | null) =>
  a == null || b == null ? (a == null) === (b == null) : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

/** What is wrong with a `<field>Success` result (each finding from `check`), or null. */
function resultProblem(data: any, field: string, check: (d: any, wrong: string[]) => void): string | null {
  const r = data?.[field];
  if (r?.__typename !== `${field[0]!.toUpperCase()}${field.slice(1)}Success`) return `${field} returned ${JSON.stringify(r).slice(0, 200)}`;
  const wrong: string[] = [];
  check(r.data, wrong);
  return wrong.length ? wrong.join("; ") : null;
}

/** The complaints counted by channel must add up to those seeded. */
function checkAduanPerKanal(d: any, e: StatistikFixture["expected"], wrong: string[]): void {
  const aduan = (d.pengaduanPerKanal as Array<{ jumlah: number }>).reduce((n, x) => n + x.jumlah, 0);
  if (aduan !== e.pengaduan) wrong.push(`complaints by channel add up to ${aduan} ≠ ${e.pengaduan}`);
}

const statistikProblem = (data: any, fx: StatistikFixture) =>
  resultProblem(data, "statistik", (s, wrong) => {
    const e = fx.expected;
    for (const k of ["pengajuanDiajukan", "selesai", "ppidMasuk", "ppidKeberatan"] as const) if (s[k] !== e[k]) wrong.push(`${k} ${s[k]} ≠ ${e[k]}`);
    for (const k of ["medianMenitKerja", "p90MenitKerja", "kepatuhanSlaPersen"] as const) if (!close(s[k], e[k])) wrong.push(`${k} ${s[k]} ≠ ${e[k]}`);
    if (s.ikm?.responden !== e.ikmResponden) wrong.push(`ikm.responden ${s.ikm?.responden} ≠ ${e.ikmResponden}`);
    checkAduanPerKanal(s, e, wrong);
    if (s.pengaduanPerKategori.length !== 6) wrong.push(`${s.pengaduanPerKategori.length} complaint categories`);
  });

const statistikDetailProblem = (data: any, fx: StatistikFixture) =>
  resultProblem(data, "statistikDetail", (d, wrong) => {
    const e = fx.expected;
    if (d.total.melewatiSla !== e.melewatiSla) wrong.push(`total.melewatiSla ${d.total.melewatiSla} ≠ ${e.melewatiSla}`);
    if (d.perLayanan.length !== fx.counts.layanan) wrong.push(`${d.perLayanan.length} services`);
    if (d.perPetugas.length !== fx.counts.petugas + 1) wrong.push(`${d.perPetugas.length} officer rows`);
    const late = (d.kasusMelewatiSla as Array<{ terlambatMenitKerja: number }>).map((k) => k.terlambatMenitKerja);
    if (late.length !== Math.min(50, e.melewatiSla) || late.some((m, i) => m <= 0 || (i > 0 && m > late[i - 1]!)))
      wrong.push(`kasusMelewatiSla not the 50 most late: ${late.slice(0, 5).join(", ")}…`);
    checkAduanPerKanal(d, e, wrong);
  });

// ---------------------------------------------------------------------------------------------------------
// uploads

async function uploadPhase(ctx: BenchContext): Promise<PhaseResult> {
  const [admin, citizenToken] = await Promise.all([ctx.token("admin"), ctx.token("warga")]);
  const slot = (n: number) => ({ label: `Dokumen ${n}`, wajib: true, jenisFile: ["application/pdf"], maksBytes: 2 * 1024 * 1024 });
  const layanan = await createLayanan(ctx.gql, admin, `BENCH-UNGGAH-${randomBytes(3).toString("hex").toUpperCase()}`, [slot(1), slot(2), slot(3)]);
  const pool = await ctx.fixture<Array<{ id: string; versi: number }>>({
    kind: "drafts",
    layananId: rawId(layanan.id),
    pemohonNik: DEMO.warga.nomorIdentitas,
    count: UPLOAD_POOL,
  });
  const rssBefore = ctx.server.rssMb();
  const r = await measureUploads({
    origin: ctx.origin,
    citizenToken,
    slots: layanan.slots,
    pool,
    connections: ctx.connections,
    warmupSeconds: ctx.warmupSeconds,
    seconds: ctx.seconds,
  });
  const f = (n: number) => n.toFixed(1);
  const mb = FILE_BYTES / (1024 * 1024);
  return {
    requests: r.upload.requests,
    reqPerSec: r.upload.reqPerSec,
    p50Ms: r.upload.p50Ms,
    p95Ms: r.upload.p95Ms,
    p99Ms: r.upload.p99Ms,
    errors: mergeErrors(r.upload.errors, r.submit.errors),
    warmupErrors: r.warmup?.errors ?? null,
    notes: [
      `row = the upload request alone (multipart, 3 × ${mb} MiB PDF into 3 PDF slots of 2 MiB, ${ctx.connections} concurrent): ` +
        `p50 ${f(r.upload.p50Ms)} / p95 ${f(r.upload.p95Ms)} / p99 ${f(r.upload.p99Ms)} ms, ${f(r.uploadedBytes / (1024 * 1024) / r.upload.seconds)} MiB/s stored` +
        (r.upload.exhausted ? `; the pool of ${UPLOAD_POOL} drafts ran out after ${f(r.upload.seconds)} s (raise BENCH_UPLOAD_POOL)` : ""),
      `then AJUKAN of those ${r.upload.requests}, measured separately: ${f(r.submit.reqPerSec)} req/s, p50 ${f(r.submit.p50Ms)} / p95 ${f(r.submit.p95Ms)} / p99 ${f(r.submit.p99Ms)} ms (${r.submit.requests} submits)`,
      `server RSS ${rssBefore ?? "?"} MB before the phase; peak during it in the peak RSS column`,
    ],
    extra: {
      upload: { ...r.upload, errors: undefined, fileBytes: FILE_BYTES, files: 3, connections: ctx.connections, pool: UPLOAD_POOL },
      submit: { ...r.submit, errors: undefined },
      warmupUploads: r.warmup?.requests ?? 0,
      serverRssBeforeMb: rssBefore,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// letters: make (template + number) and sign (PAdES with the office's PKCS#12), through the API

const LETTERS_PASSPHRASE = "sandi-bench-kantor-2026";

async function lettersPhase(ctx: BenchContext): Promise<PhaseResult> {
  const [admin, officer] = await Promise.all([ctx.token("admin"), ctx.token("petugas")]);
  const me = await ctx.gql<{ me: { id: string; instansi: { id: string } | null } }>("{ me { id instansi { id } } }", {}, admin);
  if (!me.me.instansi) throw new Error("the demo admin has no instansi");
  // the office's PKCS#12 from a CA made here (node-forge, as the tests do), and the demo admin as its signing official
  const { issue, makeCa, toP12 } = await import("../tests/helpers/pki");
  const ca = makeCa("Loket Bench CA");
  const p12 = toP12(issue({ cn: DEMO.admin.namaLengkap, ca }), [ca], LETTERS_PASSPHRASE);
  const form = new FormData();
  form.append(
    "operations",
    JSON.stringify({
      query: `mutation($i: ID!, $f: File!, $p: String!) { unggahSertifikatTtd(instansiId: $i, berkas: $f, passphrase: $p) { __typename ... on Error { code message } } }`,
      variables: { i: me.me.instansi.id, f: null, p: LETTERS_PASSPHRASE },
    }),
  );
  form.append("map", JSON.stringify({ 0: ["variables.f"] }));
  form.append("0", new Blob([new Uint8Array(p12)], { type: "application/x-pkcs12" }), "kantor.p12");
  const up = await fetch(`${ctx.origin}/graphql`, { method: "POST", headers: { authorization: `Bearer ${admin}`, "x-loket-csrf": "1" }, body: form });
  const upBody = (await up.json()) as { data?: { unggahSertifikatTtd?: { __typename: string } } };
  if (upBody.data?.unggahSertifikatTtd?.__typename !== "UnggahSertifikatTtdSuccess")
    throw new Error(`letters: uploading the PKCS#12 failed: ${JSON.stringify(upBody)}`);
  const named = await ctx.gql<{ aturPejabatPenandatangan: { __typename: string } }>(
    `mutation($u: ID!, $nip: String) { aturPejabatPenandatangan(userId: $u, jabatan: "Kepala Kantor", nip: $nip) { __typename ... on Error { code message } } }`,
    { u: me.me.id, nip: DEMO.admin.nomorIdentitas },
    admin,
  );
  if (named.aturPejabatPenandatangan.__typename !== "AturPejabatPenandatanganSuccess")
    throw new Error(`letters: naming the official failed: ${JSON.stringify(named)}`);
  const pool = await ctx.fixture<Array<{ id: string; versi: number }>>({
    kind: "diproses",
    instansiKode: DEMO.instansi.kode,
    layananKode: "IZIN-PENELITIAN",
    pemohonNik: DEMO.warga.nomorIdentitas,
    count: LETTERS_POOL,
  });
  const { warmup, run: r } = await measureLetters({
    origin: ctx.origin,
    officerToken: officer,
    officialToken: admin,
    passphrase: LETTERS_PASSPHRASE,
    pool,
    connections: ctx.connections,
    warmupSeconds: ctx.warmupSeconds,
    seconds: ctx.seconds,
  });
  const f = (n: number) => n.toFixed(1);
  return {
    requests: r.letters,
    reqPerSec: r.lettersPerSec,
    p50Ms: r.p50Ms,
    p95Ms: r.p95Ms,
    p99Ms: r.p99Ms,
    errors: r.errors,
    warmupErrors: warmup?.errors ?? null,
    rateUnit: "letters/s",
    notes: [
      `one letter = buatSurat (Kemenag's seeded "Izin Penelitian" template drawn by pdfme, number taken, PDF stored, MENUNGGU_TTD) as the officer, ` +
        `then tandatanganiSurat (PKCS#12 unlocked, PAdES signature, result delivered, SELESAI) as the official; ${ctx.connections} concurrent`,
      `make p50 ${f(r.make.p50Ms)} / p95 ${f(r.make.p95Ms)} ms; sign p50 ${f(r.sign.p50Ms)} / p95 ${f(r.sign.p95Ms)} ms` +
        (r.exhausted ? `; the pool of ${LETTERS_POOL} requests ran out after ${f(r.seconds)} s (raise BENCH_LETTERS_POOL)` : ""),
    ],
    extra: { make: r.make, sign: r.sign, letters: r.letters, seconds: r.seconds, pool: LETTERS_POOL, warmupLetters: warmup?.letters ?? 0 },
  };
}

// ---------------------------------------------------------------------------------------------------------
// the counter: ticket calls followed live by the office's TV displays (device keys)

async function antrianPhase(ctx: BenchContext): Promise<PhaseResult> {
  const fx = await ctx.fixture<LoketFixture>({ kind: "loket", counters: ANTRIAN_COUNTERS });
  const admin = await loginToken(ctx.origin, fx.admin.nomorIdentitas, fx.admin.password, "the counter admin");
  const officers = await Promise.all(fx.petugas.map((p, i) => loginToken(ctx.origin, p.nomorIdentitas, p.password, `counter officer ${i + 1}`)));
  const i = globalId("Instansi", fx.instansiId);
  const made = async <T>(query: string, variables: Record<string, unknown>, field: string): Promise<T> => {
    const r = await ctx.gql<Record<string, { __typename: string; data?: T }>>(query, variables, admin);
    const out = r[field]!;
    if (!out.__typename.endsWith("Success") || !out.data) throw new Error(`antrian: ${field} failed: ${JSON.stringify(out)}`);
    return out.data;
  };
  const GRUP = `mutation($in: GrupAntrianInput!) { simpanGrupAntrian(input: $in) { __typename ... on SimpanGrupAntrianSuccess { data { id } } ... on Error { code message } } }`;
  const LOKET = `mutation($in: LoketInput!) { simpanLoket(input: $in) { __typename ... on SimpanLoketSuccess { data { id } } ... on Error { code message } } }`;
  const ALAT = `mutation($in: PerangkatAntrianInput!) { buatPerangkatAntrian(input: $in) { __typename ... on BuatPerangkatAntrianSuccess { data { kunci } } ... on Error { code message } } }`;
  const grupIds = [];
  for (const [kode, nama] of [
    ["A", "Layanan Umum"],
    ["B", "Perizinan"],
  ])
    grupIds.push((await made<{ id: string }>(GRUP, { in: { instansiId: i, kode, nama } }, "simpanGrupAntrian")).id);
  const loketIds = [];
  for (let n = 1; n <= ANTRIAN_COUNTERS; n++)
    loketIds.push((await made<{ id: string }>(LOKET, { in: { instansiId: i, nama: `Loket ${n}` } }, "simpanLoket")).id);
  const display = await made<{ kunci: string }>(ALAT, { in: { instansiId: i, nama: "TV ruang tunggu", jenis: "TAMPIL" } }, "buatPerangkatAntrian");
  const kiosk = await made<{ kunci: string }>(ALAT, { in: { instansiId: i, nama: "Kios pintu masuk", jenis: "KIOSK" } }, "buatPerangkatAntrian");
  const r = await measureAntrian({
    origin: ctx.origin,
    instansiId: i,
    grupIds,
    loketIds,
    officerTokens: officers,
    kioskToken: kiosk.kunci,
    displayToken: display.kunci,
    sockets: ANTRIAN_SOCKETS,
    calls: ANTRIAN_CALLS,
    ratePerSec: ANTRIAN_RATE,
    log: ctx.log,
  });
  const f = (n: number) => n.toFixed(1);
  return {
    requests: r.samples,
    reqPerSec: r.calls / r.seconds,
    p50Ms: r.p50Ms,
    p95Ms: r.p95Ms,
    p99Ms: r.p99Ms,
    errors: r.errors,
    warmupErrors: null,
    rateUnit: "calls/s",
    notes: [
      `${r.calls} panggilBerikutnya from ${ANTRIAN_COUNTERS} counters (officers' sessions) at ${ANTRIAN_RATE}/s, followed by ${ANTRIAN_SOCKETS} displays ` +
        `(papanAntrianBerubah with one display key, one socket each); p50/p95/p99 = from sending the call to a display showing it, over ${r.samples} (display, call) pairs; max ${f(r.maxMs)} ms`,
      `the call itself p50 ${f(r.callMs.p50Ms)} / p95 ${f(r.callMs.p95Ms)} ms; ${r.missed} (display, call) pairs never shown`,
    ],
    extra: { calls: r.calls, sockets: ANTRIAN_SOCKETS, rate: ANTRIAN_RATE, counters: ANTRIAN_COUNTERS, maxMs: r.maxMs, callMs: r.callMs, missed: r.missed },
  };
}

function mergeErrors(a: ErrorCounts, b: ErrorCounts): ErrorCounts {
  return {
    non2xx: a.non2xx + b.non2xx,
    badBodies: a.badBodies + b.badBodies,
    socketErrors: a.socketErrors + b.socketErrors,
    events: (a.events ?? 0) + (b.events ?? 0),
    sample: a.sample ?? b.sample,
  };
}

// ---------------------------------------------------------------------------------------------------------
// load generation (autocannon has no type declarations)

interface AutocannonResult {
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  mismatches: number;
}
interface AutocannonInstance {
  on(event: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
  on(event: "reqError", fn: (err: Error) => void): void;
  stop(): void;
}
type Autocannon = (opts: Record<string, unknown>, cb: (err: Error | null, result: AutocannonResult) => void) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

/** Problem with one response body, or null when it is a clean GraphQL result of the expected shape. */
function bodyProblem(body: string, check: HttpLoad["check"]): string | null {
  let json: { data?: unknown; errors?: Array<{ message?: string }> };
  try {
    json = JSON.parse(body);
  } catch {
    return `not JSON: ${body.slice(0, 200)}`;
  }
  if (json.errors?.length) return `errors: ${JSON.stringify(json.errors).slice(0, 300)}`;
  return check ? check(json.data) : null;
}

async function fire(ctx: BenchContext, load: HttpLoad, seconds: number): Promise<Omit<PhaseResult, "warmupErrors">> {
  const latencies: number[] = [];
  const errors: ErrorCounts = noErrors();
  const note = (problem: string) => (errors.sample ??= problem);
  let sent = 0;
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${ctx.origin}/graphql`,
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...load.headers },
        body: JSON.stringify({ query: load.query, variables: load.variables }),
        ...(load.variablesFor
          ? {
              requests: [
                { setupRequest: (req: { body?: string }) => ({ ...req, body: JSON.stringify({ query: load.query, variables: load.variablesFor!(++sent) }) }) },
              ],
            }
          : {}),
        connections: ctx.connections,
        duration: seconds,
        timeout: 30,
        verifyBody: (body: string) => {
          const problem = bodyProblem(body, load.check);
          if (problem) note(problem);
          return problem === null;
        },
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    // autocannon's own percentiles are whole milliseconds; keep the exact durations
    instance.on("response", (_client, status, _bytes, ms) => {
      latencies.push(ms);
      if (status < 200 || status > 299) note(`HTTP ${status}`);
    });
    instance.on("reqError", (err) => note(`socket: ${err.message}`));
  });
  errors.non2xx = result.non2xx;
  errors.badBodies = result.mismatches;
  errors.socketErrors = result.errors;
  const sorted = sortedOf(latencies);
  return {
    requests: sorted.length,
    reqPerSec: sorted.length / result.duration,
    p50Ms: pct(sorted, 0.5),
    p95Ms: pct(sorted, 0.95),
    p99Ms: pct(sorted, 0.99),
    errors,
  };
}

async function measureArgon2(rounds = 8): Promise<{ hashMs: number; verifyMs: number }> {
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const password = "Benchmark-Password-2026";
  let stored = await hashPassword(password); // warm-up
  await verifyPassword(stored, password);
  const hashes: number[] = [];
  const verifies: number[] = [];
  for (let i = 0; i < rounds; i++) {
    let t = performance.now();
    stored = await hashPassword(password);
    hashes.push(performance.now() - t);
    t = performance.now();
    if (!(await verifyPassword(stored, password))) throw new Error("verifyPassword rejected its own hash");
    verifies.push(performance.now() - t);
  }
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return { hashMs: round(median(hashes)), verifyMs: round(median(verifies)) };
}

// ---------------------------------------------------------------------------------------------------------
// the server under test

interface ServerOptions {
  /** postgresql:// (an existing database); unset: PGlite in the server's fresh DATA_DIR */
  databaseUrl?: string;
  /** pub/sub through Redis; unset: in memory */
  redisUrl?: string;
  /** LOKET_SECRET; unset: a fresh key file in DATA_DIR */
  secret?: string;
  seedDemo: boolean;
  /** an existing DATA_DIR to start on (kept when the server stops); unset: a fresh temporary one, removed after */
  dataDir?: string;
}

interface Target {
  origin: string;
  db: "pglite" | "postgres";
  child: ChildProcess;
  bootMs: number;
  /** from spawning the process to its ready message (includes loading the code) */
  readyMs: number;
  /** CPU seconds used until ready (with the migration child) */
  readyCpuS: number | null;
  /** migrations the start applied */
  migrated: number;
  /** resident memory of the server process, MB (Linux), or null */
  rssMb(): number | null;
  /** write set-up rows inside this server (bench/fixtures.ts) */
  fixture<T>(request: FixtureRequest): Promise<T>;
  /** stop it and remove its DATA_DIR (idempotent; cleanup() does it too) */
  stop(): Promise<void>;
}

const cleanups: Array<() => Promise<void> | void> = [];

async function cleanup() {
  for (const fn of cleanups.splice(0).reverse()) {
    try {
      await fn();
    } catch (err) {
      console.error("cleanup:", err instanceof Error ? err.message : err);
    }
  }
}

/** Runs `fn` once, whether called by its owner or by cleanup(). */
function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= fn());
}

/** A throw-away database next to the one in `baseUrl`; `drop` (and cleanup) removes it. */
async function createDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `loket_bench_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: baseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const drop = once(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  cleanups.push(drop);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop };
}

function readStatusKb(pid: number | undefined, field: "VmRSS" | "VmHWM"): number | null {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) : null;
  } catch {
    return null;
  }
}

/**
 * Peak resident memory of a process while it runs: VmRSS sampled every 100 ms, and the kernel's
 * high-water mark (VmHWM, reset at the start through /proc/<pid>/clear_refs where allowed), whichever is
 * higher. MB, or null where /proc is not there.
 */
class RssSampler {
  private peakKb = 0;
  private readonly timer: NodeJS.Timeout;
  private readonly hwmReset: boolean;
  constructor(private readonly pid: number | undefined) {
    let reset = false;
    try {
      fs.writeFileSync(`/proc/${pid}/clear_refs`, "5");
      reset = true;
    } catch {
      // not Linux, or not allowed: the samples alone
    }
    this.hwmReset = reset;
    this.sample();
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }
  private sample() {
    this.peakKb = Math.max(this.peakKb, readStatusKb(this.pid, "VmRSS") ?? 0);
  }
  stop(): number | null {
    clearInterval(this.timer);
    this.sample();
    const hwm = this.hwmReset ? (readStatusKb(this.pid, "VmHWM") ?? 0) : 0;
    const kb = Math.max(this.peakKb, hwm);
    return kb ? Math.round(kb / 1024) : null;
  }
}

async function startServer(opts: ServerOptions): Promise<Target> {
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "loket-bench-"));
  const removeDir = opts.dataDir ? async () => {} : once(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  cleanups.push(removeDir);

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...BUILT_SERVER_ENV,
    NODE_ENV: "production",
    LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL || "silent",
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    ...(opts.dataDir ? {} : { BENCH_TEMP_DATA_DIR: dataDir }),
    SEED_DEMO: String(opts.seedDemo),
    GRAPHIQL: "false",
    TRUST_PROXY: "false",
    // all load comes from one address and a few accounts: per-address/per-user request limits would measure
    // 429s, not the app (0 turns them off); the live phases follow every request as one officer
    RATE_LIMIT_PER_USER: "0",
    RATE_LIMIT_PER_ADDRESS: "0",
    MAX_SUBSCRIPTIONS_PER_USER: String(LIVE_SOCKETS + 50),
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL; // in-memory pub/sub: one instance
  delete env.LOKET_SECRET; // a fresh key file in DATA_DIR
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.redisUrl) env.REDIS_URL = opts.redisUrl;
  if (opts.secret) env.LOKET_SECRET = opts.secret;

  // the built server (dist/server/bench-server.js, what `npm start` runs plus the fixture channel), node directly
  // (no wrapper in between), so the IPC channel is ours
  const profile = PROFILE_DIR ? [`--cpu-prof`, `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [...profile, ...BUILT_SERVER_FLAGS, BUILT_SERVER], {
    env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stopChild = once(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
      await exited;
      clearTimeout(timer);
      // not a benchmark failure, but worth knowing: the server did not shut down cleanly
      if (child.exitCode !== 0)
        process.stderr.write(`note: a server process (pid ${child.pid}) exited with ${child.signalCode ?? `code ${child.exitCode}`} when asked to stop\n`);
    }
  });
  cleanups.push(stopChild);

  // fixture answers come back on the IPC channel, matched by id
  let fixtureSeq = 0;
  const pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  child.on("message", (m: ServerMessage) => {
    if (m.type !== "fixture-done" && m.type !== "fixture-failed") return;
    const waiter = pending.get(m.id);
    pending.delete(m.id);
    if (m.type === "fixture-done") waiter?.resolve(m.result);
    else waiter?.reject(new Error(`fixture failed in the server:\n${m.error}`));
  });
  child.once("exit", () => {
    for (const w of pending.values()) w.reject(new Error("the server exited while writing fixture rows"));
    pending.clear();
  });

  const ready = await new Promise<Extract<ServerMessage, { type: "ready" }>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start within 180 s")), 180_000);
    child.on("message", (m: ServerMessage) => {
      if (m.type !== "ready" && m.type !== "failed") return;
      clearTimeout(timer);
      if (m.type === "ready") resolve(m);
      else reject(new Error(`the server failed to start:\n${m.error}`));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited during start-up (${signal ?? `code ${code}`})`));
    });
  });
  const readyAt = performance.now();
  const readyCpuS = cpuSeconds(child.pid);
  const origin = `http://127.0.0.1:${ready.port}`;
  // it listens; make sure it answers GraphQL before loading it
  for (let attempt = 1; ; attempt++) {
    try {
      await gqlRequest(origin, "{ __typename }");
      break;
    } catch (err) {
      if (attempt >= 50) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  const rssMb = () => {
    const kb = readStatusKb(child.pid, "VmRSS");
    return kb ? Math.round(kb / 1024) : null;
  };
  const fixture = <T>(request: FixtureRequest) =>
    new Promise<T>((resolve, reject) => {
      const id = ++fixtureSeq;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      child.send({ type: "fixture", id, request } satisfies ParentMessage);
    });
  const stop = once(async () => {
    await stopChild();
    await removeDir();
  });
  return {
    origin,
    db: ready.db,
    child,
    bootMs: ready.bootMs,
    readyMs: Math.round(readyAt - spawnedAt),
    readyCpuS,
    migrated: ready.migrated,
    rssMb,
    fixture,
    stop,
  };
}

// ---------------------------------------------------------------------------------------------------------
// start-up: ready time and idle memory of the built server, first and second start, per database

const BUILT_SERVER = path.join(HERE, "..", "dist", "server", "bench-server.js");
/** node's flags and environment in `npm start` (package.json) */
const BUILT_SERVER_FLAGS = ["--enable-source-maps", "--max-semi-space-size=4"];
const BUILT_SERVER_ENV = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" };

/** CPU seconds a process used, with its children that ended (the migration child): load-independent, unlike ready time. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100; // utime stime cutime cstime (fields 14-17), USER_HZ 100
  } catch {
    return null;
  }
}
const IDLE_SECONDS = envInt("BENCH_IDLE_SECONDS", 3, 0);

/** The bench runs the build: make it (server part) when it is missing or older than the sources. */
function ensureBuilt(log: (m: string) => void) {
  const r = spawnSync(process.execPath, [path.join(HERE, "..", "scripts", "build.mjs"), "--if-stale", "--server"], { stdio: ["ignore", "inherit", "inherit"] });
  if (r.status !== 0) throw new Error("the server build failed");
  log(`Server build: ${path.relative(process.cwd(), BUILT_SERVER)}`);
}

interface StartupRow {
  label: string;
  readyMs: number | null;
  readyCpuS: number | null;
  /** resident memory after BENCH_IDLE_SECONDS idle */
  idleRssMb: number | null;
  migrated: number | null;
  target: string;
  error?: string;
}

async function startupSection(log: (m: string) => void): Promise<StartupRow[]> {
  const rows: StartupRow[] = [];
  const measure = async (label: string, target: string, opts: ServerOptions) => {
    log(`start-up: ${label}…`);
    try {
      const t = await startServer(opts);
      await new Promise((r) => setTimeout(r, IDLE_SECONDS * 1000));
      rows.push({ label, readyMs: t.readyMs, readyCpuS: t.readyCpuS, idleRssMb: t.rssMb(), migrated: t.migrated, target });
      await t.stop();
    } catch (err) {
      rows.push({ label, readyMs: null, readyCpuS: null, idleRssMb: null, migrated: null, target, error: err instanceof Error ? err.message : String(err) });
    }
  };
  const pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-bench-startup-"));
  cleanups.push(once(async () => fs.rmSync(pgliteDir, { recursive: true, force: true })));
  await measure("PGlite, new folder (migrate + seed)", "ready ≤ 8 s", { seedDemo: true, dataDir: pgliteDir });
  await measure("PGlite, existing folder", "ready ≤ 2 s, RSS ≤ 300 MB", { seedDemo: true, dataDir: pgliteDir });
  const why = await unreachable("PostgreSQL", SHARED_DATABASE_URL);
  if (why) {
    rows.push({ label: "PostgreSQL", readyMs: null, readyCpuS: null, idleRssMb: null, migrated: null, target: "", error: `skipped: ${why}` });
  } else {
    const database = await createDatabase(SHARED_DATABASE_URL);
    const keyDir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-bench-startup-"));
    cleanups.push(once(async () => fs.rmSync(keyDir, { recursive: true, force: true })));
    await measure("PostgreSQL, new database (migrate + seed)", "ready ≤ 8 s", { seedDemo: true, databaseUrl: database.url, dataDir: keyDir });
    await measure("PostgreSQL, existing database", "ready ≤ 1 s, RSS ≤ 150 MB", { seedDemo: true, databaseUrl: database.url, dataDir: keyDir });
    await database.drop();
  }
  return rows;
}

function startupTable(rows: StartupRow[]): string {
  const w = Math.max(...rows.map((r) => r.label.length)) + 2;
  const lines = [
    `Start-up of the built server (ready = spawn to listening; CPU = CPU seconds until ready, with the migration child; idle RSS after ${IDLE_SECONDS} s; load average ${os.loadavg()[0]!.toFixed(2)})`,
  ];
  lines.push(`${"start".padEnd(w)}${"ready s".padStart(9)}${"CPU s".padStart(8)}${"idle RSS".padStart(10)}${"migrated".padStart(10)}   targets`);
  for (const r of rows) {
    if (r.error) lines.push(`${r.label.padEnd(w)}${r.error}`);
    else
      lines.push(
        `${r.label.padEnd(w)}${((r.readyMs ?? 0) / 1000).toFixed(2).padStart(9)}${(r.readyCpuS ?? NaN).toFixed(2).padStart(8)}${`${r.idleRssMb ?? "?"} MB`.padStart(10)}${String(r.migrated).padStart(10)}   ${r.target}`,
      );
  }
  return lines.join("\n") + "\n";
}

// ---------------------------------------------------------------------------------------------------------
// report

interface Row {
  phase: Phase;
  result: PhaseResult;
  ratio: number;
  rssMbAfter: number | null;
  /** peak resident memory of the main server during the phase */
  rssMbPeak: number | null;
  seconds: number;
}

function table(rows: Row[], dbLabel: string, machineLoad: { start: number; end: number }): string {
  const fmt = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
  const width = Math.max(22, ...rows.map((r) => r.phase.label.length + 2));
  const lines = [
    `Loket benchmark (${dbLabel}, ${CONNECTIONS} connections, ${SECONDS} s per phase after ${WARMUP_SECONDS} s warm-up; ` +
      `node ${process.versions.node}, ${os.cpus().length} cores)`,
    `${"phase".padEnd(width)}${"req/s".padStart(9)}${"p50 ms".padStart(10)}${"p95 ms".padStart(10)}${"p99 ms".padStart(10)}${"peak RSS".padStart(10)}   ratio / targets`,
  ];
  for (const { phase, result, ratio, rssMbPeak } of rows) {
    let verdict: string;
    if (result.skipped) verdict = "SKIPPED (see below)";
    else {
      verdict = phase.name === "baseline" ? "1.00 (baseline)" : result.rateUnit ? "-" : fmt(ratio, 2);
      if (phase.target !== undefined) verdict += `  target ≥ ${phase.target.toFixed(2)}  ${ratio >= phase.target ? "OK" : "MISSED"}`;
      for (const t of result.targets ?? []) verdict += `  ${t.text} ${t.met ? "OK" : "MISSED"}`;
      const errs = errorTotal(result.errors) + errorTotal(result.warmupErrors);
      if (errs) verdict += `  ${errs} ERRORS`;
    }
    lines.push(
      `${phase.label.padEnd(width)}${fmt(result.reqPerSec, 0).padStart(9)}${fmt(result.p50Ms, 2).padStart(10)}${fmt(result.p95Ms, 2).padStart(10)}` +
        `${fmt(result.p99Ms, 2).padStart(10)}${(rssMbPeak === null ? "-" : `${rssMbPeak} MB`).padStart(10)}   ${verdict}`,
    );
  }
  const notes = rows.flatMap((r) => [
    ...(r.result.skipped ? [`  ${r.phase.label}: SKIPPED: ${r.result.skipped}`] : []),
    ...(r.result.rateUnit ? [`  ${r.phase.label}: req/s = ${r.result.rateUnit}; p50/p95/p99 = latency as below`] : []),
    ...(r.result.notes ?? []).map((n) => `  ${r.phase.label}: ${n}`),
  ]);
  const problems = rows.flatMap(({ phase, result }) =>
    (
      [
        ["warm-up", result.warmupErrors],
        ["measured", result.errors],
      ] as const
    )
      .filter(([, e]) => errorTotal(e) > 0)
      .map(
        ([when, e]) =>
          `  ${phase.label} (${when}): ${e!.non2xx} non-2xx, ${e!.badBodies} bad bodies, ${e!.socketErrors} socket errors, ${e!.events ?? 0} event problems; first: ${e!.sample}`,
      ),
  );
  // the ratios are robust to a busy machine, the absolute figures are not
  notes.push(`  peak RSS: the (main) server process's resident memory, highest during the phase (sampled every 100 ms and VmHWM)`);
  notes.push(
    `  machine load average (1 min): ${machineLoad.start.toFixed(2)} at start, ${machineLoad.end.toFixed(2)} at end (${os.cpus().length} cores; the run itself adds ~2)`,
  );
  lines.push("", ...notes);
  if (problems.length) lines.push("", "ERRORS — these figures measure failures, not the app:", ...problems);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const phases = PHASES.filter((p) => p.name === "baseline" || !ONLY || ONLY.includes(p.name));
  if (ONLY) {
    const unknown = ONLY.filter((n) => n !== "startup" && !PHASES.some((p) => p.name === n));
    if (unknown.length) throw new Error(`unknown BENCH_PHASES: ${unknown.join(", ")} (known: ${PHASES.map((p) => p.name).join(", ")})`);
  }

  const log = (m: string) => process.stderr.write(`${m}\n`);
  ensureBuilt(log);
  const startup = !ONLY || ONLY.includes("startup") ? await startupSection(log) : undefined;
  if (startup) console.log(startupTable(startup));
  if (ONLY?.every((n) => n === "startup")) return startup!.some((r) => r.error) ? 1 : 0;
  const machineLoad = { start: os.loadavg()[0]!, end: NaN };
  const started = performance.now();
  log(`Starting the server (${DATABASE_URL ? "PostgreSQL, throw-away database" : "PGlite, fresh folder"})…`);
  const database = DATABASE_URL ? await createDatabase(DATABASE_URL) : undefined;
  const target = await startServer({ databaseUrl: database?.url, seedDemo: true });
  log(`Server ready on ${target.origin} in ${(target.bootMs / 1000).toFixed(1)} s (${target.db}), RSS ${target.rssMb() ?? "?"} MB`);

  const tokens = new Map<string, Promise<string>>();
  const gql = <T>(query: string, variables?: Record<string, unknown>, token?: string) => gqlRequest<T>(target.origin, query, variables, token);
  const ctx: BenchContext = {
    origin: target.origin,
    connections: CONNECTIONS,
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    gql,
    token: (account) => {
      let t = tokens.get(account);
      if (!t) {
        const { nomorIdentitas, password } = ACCOUNTS[account];
        t = loginToken(target.origin, nomorIdentitas, password, `the demo ${account}`);
        tokens.set(account, t);
      }
      return t;
    },
    server: target,
    fixture: target.fixture,
    log,
  };

  const rows: Row[] = [];
  for (const phase of phases) {
    log(`${phase.label}: ${phase.plan ?? `${WARMUP_SECONDS ? `${WARMUP_SECONDS} s warm-up, ` : ""}${SECONDS} s measured`}…`);
    const sampler = new RssSampler(target.child.pid);
    const t0 = performance.now();
    let result: PhaseResult;
    try {
      result = await phase.run(ctx);
    } catch (err) {
      // a phase that breaks down (a socket that never subscribes, a fixture that fails) fails the run, with the table
      const message = err instanceof Error ? err.message : String(err);
      log(`  ${phase.label} failed: ${err instanceof Error ? (err.stack ?? message) : message}`);
      result = { ...skippedResult(""), skipped: undefined, errors: { ...noErrors(), socketErrors: 1, sample: `the phase failed: ${message.slice(0, 500)}` } };
    }
    const seconds = (performance.now() - t0) / 1000;
    const baseline = rows[0]?.result ?? result;
    rows.push({ phase, result, ratio: result.reqPerSec / baseline.reqPerSec, rssMbAfter: target.rssMb(), rssMbPeak: sampler.stop(), seconds });
    if (result.skipped) log(`  skipped: ${result.skipped}`);
  }

  machineLoad.end = os.loadavg()[0]!;
  const dbLabel = target.db === "pglite" ? "PGlite" : "PostgreSQL";
  const failed = rows.filter((r) => errorTotal(r.result.errors) + errorTotal(r.result.warmupErrors) > 0);
  console.log(table(rows, dbLabel, machineLoad));

  const report = {
    date: new Date().toISOString(),
    database: target.db,
    node: process.versions.node,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    connections: CONNECTIONS,
    seconds: SECONDS,
    warmupSeconds: WARMUP_SECONDS,
    live: { sockets: LIVE_SOCKETS, warmupChanges: LIVE_WARMUP, changes: LIVE_CHANGES, ratePerSec: LIVE_RATE },
    queueRows: QUEUE_ROWS,
    statistikCases: STATISTIK_CASES,
    uploadPool: UPLOAD_POOL,
    serverBootMs: target.bootMs,
    ...(startup ? { startup } : {}),
    totalSeconds: Math.round((performance.now() - started) / 100) / 10,
    loadAverage1m: machineLoad,
    ok: failed.length === 0,
    phases: rows.map(({ phase, result, ratio, rssMbAfter, rssMbPeak, seconds }) => ({
      name: phase.name,
      label: phase.label,
      ...(result.skipped ? { skipped: result.skipped } : {}),
      reqPerSec: Math.round(result.reqPerSec * 10) / 10,
      ...(result.rateUnit ? { rateUnit: result.rateUnit } : {}),
      p50Ms: round2(result.p50Ms),
      p95Ms: round2(result.p95Ms),
      p99Ms: round2(result.p99Ms),
      requests: result.requests,
      ratio: result.rateUnit ? null : Math.round(ratio * 1000) / 1000,
      target: phase.target ?? null,
      targetMet: phase.target === undefined ? null : ratio >= phase.target,
      ...(result.targets ? { targets: result.targets satisfies TargetCheck[] } : {}),
      errors: result.errors,
      warmupErrors: result.warmupErrors,
      serverRssMb: rssMbAfter,
      serverPeakRssMb: rssMbPeak,
      phaseSeconds: Math.round(seconds * 10) / 10,
      ...(result.extra ? { extra: result.extra } : {}),
    })),
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(report, null, 2) + "\n");
  log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)} (${report.totalSeconds} s in all)`);

  if (failed.length) {
    log(`FAILED: ${failed.map((r) => r.phase.label).join(", ")} had error responses`);
    return 1;
  }
  return 0;
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`\n${signal}: stopping the server…\n`);
    void cleanup().finally(() => process.exit(130));
  });
}

// `npm run bench -- scale`: the province-size mode has its own runner (bench/scale.ts)
const run = PHASE_ARGS.includes("scale") ? import("./scale").then((m) => m.runScale()) : main();
run
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    await cleanup();
    process.exit(1);
  });

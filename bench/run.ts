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
 *                          unset: embedded PGlite in a fresh temporary folder
 *
 * Every response of every phase (warm-up included) must be HTTP 2xx with a GraphQL body without `errors`
 * and of the expected shape; otherwise the run fails (exit 1). Missing a target is reported, not fatal.
 * Results also go to bench/results/latest.json.
 *
 * Adding a phase: append to PHASES. `httpPhase` covers one repeated HTTP request (with a setup step, e.g.
 * logging in); anything else (WebSocket subscriptions, uploads) implements `Phase.run` itself and returns a
 * PhaseResult.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { DEMO } from "../server/seed";
import { ARGON2_PARAMS, hashPassword, verifyPassword } from "../server/modules/auth/password";
import type { ServerMessage } from "./server";

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
const ONLY = process.env.BENCH_PHASES?.split(",").map((s) => s.trim()).filter(Boolean);
const DATABASE_URL = process.env.BENCH_DATABASE_URL || undefined;

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
}

interface ErrorCounts {
  /** responses with a status outside 2xx */
  non2xx: number;
  /** 2xx responses whose body had `errors` or not the expected data */
  badBodies: number;
  /** connection errors and timeouts */
  socketErrors: number;
  /** the first problem seen, for the report */
  sample: string | null;
}

interface PhaseResult {
  requests: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: ErrorCounts;
  warmupErrors: ErrorCounts | null;
  /** anything phase-specific worth printing under the table */
  notes?: string[];
  extra?: Record<string, unknown>;
}

interface Phase {
  /** stable key (BENCH_PHASES, JSON) */
  name: string;
  /** row label in the table */
  label: string;
  /** minimum req/s as a fraction of the baseline's, if the issue sets one */
  target?: number;
  run(ctx: BenchContext): Promise<PhaseResult>;
}

/** One GraphQL operation, repeated by every connection. */
interface HttpLoad {
  query: string;
  variables?: Record<string, unknown>;
  headers?: Record<string, string>;
  /** problem with a parsed, error-free GraphQL response body (null: fine) */
  check?(data: any): string | null;
  notes?: string[];
  extra?: Record<string, unknown>;
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
      return { ...measured, warmupErrors: warmup?.errors ?? null, notes: load.notes, extra: load.extra };
    },
  };
}

const ACCOUNTS = { warga: DEMO.warga, petugas: DEMO.petugas, admin: DEMO.admin } as const;

const LOGIN = /* GraphQL */ `
  mutation Login($nomorIdentitas: String!, $password: String!) {
    login(nomorIdentitas: $nomorIdentitas, password: $password) {
      __typename
      ... on LoginSuccess { data { token } }
      ... on Error { code message }
    }
  }
`;

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
    setup: async () => {
      // the single-hash cost, measured here while the server idles, explains the login figures
      const argon2 = await measureArgon2();
      const { memoryCost, timeCost, parallelism } = ARGON2_PARAMS;
      return {
        query: LOGIN,
        variables: { nomorIdentitas: DEMO.warga.nomorIdentitas, password: DEMO.warga.password },
        check: (data) => (data?.login?.__typename === "LoginSuccess" ? null : `login returned ${JSON.stringify(data?.login)}`),
        notes: [
          `argon2id (m=${memoryCost} KiB, t=${timeCost}, p=${parallelism}) in-process, sequential: hash ${argon2.hashMs.toFixed(1)} ms, verify ${argon2.verifyMs.toFixed(1)} ms` +
            ` (one core: ≤ ${Math.floor(1000 / argon2.verifyMs)} logins/s)`,
        ],
        extra: { argon2: { ...argon2, params: ARGON2_PARAMS } },
      };
    },
  }),
  // Later: subscription latency with 1,000 graphql-ws sockets, a staff queue query, uploads.
];

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
  const errors: ErrorCounts = { non2xx: 0, badBodies: 0, socketErrors: 0, sample: null };
  const note = (problem: string) => (errors.sample ??= problem);
  const result = await new Promise<AutocannonResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${ctx.origin}/graphql`,
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...load.headers },
        body: JSON.stringify({ query: load.query, variables: load.variables }),
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
  const sorted = Float64Array.from(latencies).sort();
  const pct = (q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]! : NaN);
  return { requests: sorted.length, reqPerSec: sorted.length / result.duration, p50Ms: pct(0.5), p99Ms: pct(0.99), errors };
}

const errorTotal = (e: ErrorCounts | null) => (e ? e.non2xx + e.badBodies + e.socketErrors : 0);

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

interface Target {
  origin: string;
  db: "pglite" | "postgres";
  child: ChildProcess;
  bootMs: number;
  /** resident memory of the server process, MB (Linux), or null */
  rssMb(): number | null;
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

/** A throw-away database next to the one in `baseUrl`; dropped by cleanup. */
async function createDatabase(baseUrl: string): Promise<string> {
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
  cleanups.push(() => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function startServer(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-bench-"));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const databaseUrl = DATABASE_URL ? await createDatabase(DATABASE_URL) : undefined;

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    LOG_LEVEL: "silent",
    HOST: "127.0.0.1",
    PORT: "0",
    DATA_DIR: dataDir,
    BENCH_TEMP_DATA_DIR: dataDir,
    SEED_DEMO: "true",
    GRAPHIQL: "false",
    TRUST_PROXY: "false",
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL; // in-memory pub/sub: one instance
  delete env.LOKET_SECRET; // a fresh key file in DATA_DIR
  if (databaseUrl) env.DATABASE_URL = databaseUrl;

  // node with tsx's loader directly (no tsx CLI wrapper in between), so the IPC channel is ours
  const child = spawn(process.execPath, ["--import", import.meta.resolve("tsx"), path.join(HERE, "server.ts")], {
    env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  cleanups.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 8_000);
    await exited;
    clearTimeout(timer);
  });

  const ready = await new Promise<Extract<ServerMessage, { type: "ready" }>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the server did not start within 180 s")), 180_000);
    child.on("message", (m: ServerMessage) => {
      clearTimeout(timer);
      if (m.type === "ready") resolve(m);
      else reject(new Error(`the server failed to start:\n${m.error}`));
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited during start-up (${signal ?? `code ${code}`})`));
    });
  });
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
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1];
      return kb ? Math.round(Number(kb) / 1024) : null;
    } catch {
      return null;
    }
  };
  return { origin, db: ready.db, child, bootMs: ready.bootMs, rssMb };
}

async function gqlRequest<T>(origin: string, query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(`${origin}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}: ${text.slice(0, 300)}`);
  const json = JSON.parse(text) as { data?: T; errors?: unknown[] };
  if (json.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(json.errors).slice(0, 300)}`);
  return json.data as T;
}

// ---------------------------------------------------------------------------------------------------------
// report

interface Row {
  phase: Phase;
  result: PhaseResult;
  ratio: number;
  rssMbAfter: number | null;
}

function table(rows: Row[], dbLabel: string, machineLoad: { start: number; end: number }): string {
  const fmt = (n: number, digits: number) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
  const lines = [
    `Loket benchmark (${dbLabel}, ${CONNECTIONS} connections, ${SECONDS} s per phase after ${WARMUP_SECONDS} s warm-up; ` +
      `node ${process.versions.node}, ${os.cpus().length} cores)`,
    `${"phase".padEnd(22)}${"req/s".padStart(9)}${"p50 ms".padStart(10)}${"p99 ms".padStart(10)}   ratio`,
  ];
  for (const { phase, result, ratio } of rows) {
    let ratioText = phase.name === "baseline" ? "1.00 (baseline)" : fmt(ratio, 2);
    if (phase.target !== undefined) ratioText += `  target ≥ ${phase.target.toFixed(2)}  ${ratio >= phase.target ? "OK" : "MISSED"}`;
    const errs = errorTotal(result.errors) + errorTotal(result.warmupErrors);
    if (errs) ratioText += `  ${errs} ERRORS`;
    lines.push(
      `${phase.label.padEnd(22)}${fmt(result.reqPerSec, 0).padStart(9)}${fmt(result.p50Ms, 2).padStart(10)}${fmt(result.p99Ms, 2).padStart(10)}   ${ratioText}`,
    );
  }
  const notes = rows.flatMap((r) => (r.result.notes ?? []).map((n) => `  ${r.phase.label}: ${n}`));
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
          `  ${phase.label} (${when}): ${e!.non2xx} non-2xx, ${e!.badBodies} bad bodies, ${e!.socketErrors} socket errors; first: ${e!.sample}`,
      ),
  );
  // the ratios are robust to a busy machine, the absolute figures are not
  notes.push(`  machine load average (1 min): ${machineLoad.start.toFixed(2)} at start, ${machineLoad.end.toFixed(2)} at end (${os.cpus().length} cores; the run itself adds ~2)`);
  lines.push("", ...notes);
  if (problems.length) lines.push("", "ERRORS — these figures measure failures, not the app:", ...problems);
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------------------

async function main(): Promise<number> {
  const phases = PHASES.filter((p) => p.name === "baseline" || !ONLY || ONLY.includes(p.name));
  if (ONLY) {
    const unknown = ONLY.filter((n) => !PHASES.some((p) => p.name === n));
    if (unknown.length) throw new Error(`unknown BENCH_PHASES: ${unknown.join(", ")} (known: ${PHASES.map((p) => p.name).join(", ")})`);
  }

  const log = (m: string) => process.stderr.write(`${m}\n`);
  const machineLoad = { start: os.loadavg()[0]!, end: NaN };
  log(`Starting the server (${DATABASE_URL ? "PostgreSQL, throw-away database" : "PGlite, fresh folder"})…`);
  const target = await startServer();
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
        t = gql<{ login: { __typename: string; data?: { token: string }; message?: string } }>(LOGIN, { nomorIdentitas, password }).then(({ login }) => {
          if (!login.data) throw new Error(`login of the demo ${account} failed: ${login.__typename} ${login.message ?? ""}`);
          return login.data.token;
        });
        tokens.set(account, t);
      }
      return t;
    },
  };

  const rows: Row[] = [];
  for (const phase of phases) {
    log(`${phase.label}: ${WARMUP_SECONDS ? `${WARMUP_SECONDS} s warm-up, ` : ""}${SECONDS} s measured…`);
    const result = await phase.run(ctx);
    const baseline = rows[0]?.result ?? result;
    rows.push({ phase, result, ratio: result.reqPerSec / baseline.reqPerSec, rssMbAfter: target.rssMb() });
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
    serverBootMs: target.bootMs,
    loadAverage1m: machineLoad,
    ok: failed.length === 0,
    phases: rows.map(({ phase, result, ratio, rssMbAfter }) => ({
      name: phase.name,
      label: phase.label,
      reqPerSec: Math.round(result.reqPerSec * 10) / 10,
      p50Ms: Math.round(result.p50Ms * 100) / 100,
      p99Ms: Math.round(result.p99Ms * 100) / 100,
      requests: result.requests,
      ratio: Math.round(ratio * 1000) / 1000,
      target: phase.target ?? null,
      targetMet: phase.target === undefined ? null : ratio >= phase.target,
      errors: result.errors,
      warmupErrors: result.warmupErrors,
      serverRssMb: rssMbAfter,
      ...(result.extra ? { extra: result.extra } : {}),
    })),
  };
  fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  fs.writeFileSync(RESULTS_FILE, JSON.stringify(report, null, 2) + "\n");
  log(`\nWrote ${path.relative(process.cwd(), RESULTS_FILE)}`);

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

main()
  .then(async (code) => {
    await cleanup();
    process.exit(code);
  })
  .catch(async (err) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : err);
    await cleanup();
    process.exit(1);
  });

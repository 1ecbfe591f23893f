import fs from "node:fs";
import type http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Redis } from "ioredis";
import { createRedis } from "./lib/redis";
import type { PrismaClient } from "./generated/prisma/client";
import { redactText } from "./lib/redact";

/**
 * Liveness and readiness for a supervisor or load balancer, both unauthenticated, small and never cached:
 *
 *   GET /healthz  the process answers: 200 {"status":"ok"}
 *   GET /readyz   every readiness check, run in parallel with a time limit each: 200 when all pass, 503 otherwise
 *                 {"status":"ok"|"fail","checks":{"database":{"status":"ok","durationMs":1.2},…}}
 *
 * The built-in checks: the database (SELECT 1), Redis when configured (PING), file storage (FileStorage.check),
 * migrations applied (the migration folders against `_prisma_migrations`, plain SQL), workers alive (each
 * polling loop's heartbeat). A check throws to say "not ready"; its message (redacted, shortened) is shown.
 */

/** Throws (or rejects) to report not-ready; resolves "skipped" when it does not apply to this instance. */
// biome-ignore lint/suspicious/noConfusingVoidType: a check passes by resolving (any async function), or says it did not apply
export type ReadinessCheck = () => Promise<void | "skipped">;

const processChecks = new Map<string, ReadinessCheck>();

/**
 * A check every app of this process runs with its own (e.g. a component that has no app at hand). Checks that
 * belong to one app go to its `Readiness.register`.
 */
export function registerReadinessCheck(name: string, check: () => Promise<void>): void {
  processChecks.set(name, check);
}

export interface CheckResult {
  status: "ok" | "fail" | "skipped";
  durationMs: number;
  error?: string;
}

export interface ReadinessReport {
  status: "ok" | "fail";
  checks: Record<string, CheckResult>;
}

/** Longest a check may take before it counts as failed (a hung database must not hang the probe). */
export const CHECK_TIMEOUT_MS = 3_000;

export class Readiness {
  private readonly checks = new Map<string, ReadinessCheck>();
  private inFlight: Promise<ReadinessReport> | null = null;

  constructor(private readonly timeoutMs = CHECK_TIMEOUT_MS) {}

  register(name: string, check: ReadinessCheck): void {
    this.checks.set(name, check);
  }

  /** Runs every check; probes arriving while a run is under way share it (a probe storm is one run). */
  run(): Promise<ReadinessReport> {
    this.inFlight ??= this.runAll().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async runAll(): Promise<ReadinessReport> {
    const all = new Map([...processChecks, ...this.checks]);
    const entries = await Promise.all([...all].map(async ([name, check]) => [name, await this.runOne(check)] as const));
    const checks = Object.fromEntries(entries);
    return { status: entries.every(([, r]) => r.status !== "fail") ? "ok" : "fail", checks };
  }

  private async runOne(check: ReadinessCheck): Promise<CheckResult> {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      const outcome = await Promise.race([check(), timeout]);
      return { status: outcome === "skipped" ? "skipped" : "ok", durationMs: elapsed(started) };
    } catch (err) {
      return { status: "fail", durationMs: elapsed(started), error: describe(err) };
    } finally {
      clearTimeout(timer);
    }
  }
}

const elapsed = (since: number) => Math.round((performance.now() - since) * 10) / 10;

function describe(err: unknown): string {
  const e = err as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === "string" && e.message ? e.message : String(err);
  const code = typeof e?.code === "string" && !message.includes(e.code) ? `${e.code}: ` : "";
  return redactText(`${code}${message}`.replace(/\s+/g, " ").trim()).slice(0, 200);
}

/**
 * Answers /healthz and /readyz; false for any other path. Before the static client and GraphQL, so a probe
 * never touches a session, a rate limit or the disk.
 */
export function handleHealth(req: http.IncomingMessage, res: http.ServerResponse, readiness: Readiness): boolean {
  const pathname = (req.url ?? "").split("?")[0];
  if (pathname !== "/healthz" && pathname !== "/readyz") return false;
  if (req.method !== "GET" && req.method !== "HEAD") {
    send(res, 405, { status: "fail", error: "GET only" }, { allow: "GET, HEAD" });
    return true;
  }
  if (pathname === "/healthz") {
    send(res, 200, { status: "ok" });
    return true;
  }
  readiness.run().then(
    (report) => send(res, report.status === "ok" ? 200 : 503, report),
    (err) => send(res, 503, { status: "fail", error: describe(err) }),
  );
  return true;
}

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = `${JSON.stringify(body)}\n`;
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(res.req.method === "HEAD" ? undefined : text);
}

// ---------------------------------------------------------------------------------------------------
// The built-in checks

export function databaseCheck(prisma: Pick<PrismaClient, "$queryRaw">): ReadinessCheck {
  return async () => {
    await prisma.$queryRaw`SELECT 1`;
  };
}

/** PING on a connection of its own that never queues commands: an unreachable Redis fails at once. */
export function redisCheck(url: string): { check: ReadinessCheck; close(): void } {
  let client: Redis | null = null;
  return {
    check: async () => {
      if (!client) {
        client = createRedis(url, {
          enableOfflineQueue: false,
          maxRetriesPerRequest: 0,
          commandTimeout: 1_000,
          retryStrategy: (n) => Math.min(n * 250, 2_000),
        });
        client.on("error", () => {}); // reported by the check, not as an unhandled event
      }
      const c = client;
      if (c.status !== "ready") {
        // the first probe after start may come before the connection is made
        await new Promise<void>((resolve, reject) => {
          const ready = () => {
            clearTimeout(t);
            resolve();
          };
          const t = setTimeout(() => {
            c.off("ready", ready);
            reject(new Error(`Redis not connected (${c.status})`));
          }, 1_000);
          c.once("ready", ready);
        });
      }
      const answer = await c.ping();
      if (answer !== "PONG") throw new Error(`unexpected PING answer ${answer}`);
    },
    close: () => {
      client?.disconnect();
      client = null;
    },
  };
}

/** File storage: the implementation's own cheap check (FileStorage.check), skipped when it has none. */
export function storageCheck(storage: { check?(): Promise<void> }): ReadinessCheck {
  return async () => {
    if (!storage.check) return "skipped";
    await storage.check();
  };
}

/**
 * Nothing pending: every folder of prisma/migrations is recorded as finished in `_prisma_migrations`. Plain SQL,
 * no schema engine; the folder is read once.
 */
export function migrationsCheck(prisma: Pick<PrismaClient, "$queryRawUnsafe">, dir: string | null = findMigrationsDir()): ReadinessCheck {
  let local: string[] | null = null;
  return async () => {
    if (!dir) return "skipped";
    local ??= fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(dir, d.name, "migration.sql")))
      .map((d) => d.name)
      .sort();
    const rows = await prisma.$queryRawUnsafe<Array<{ migration_name: string }>>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = local.filter((name) => !applied.has(name));
    if (pending.length) throw new Error(`pending migrations: ${pending.join(", ")} (run \`npm run db -- deploy\`)`);
  };
}

/** prisma/migrations above this file: two levels up from the sources (server/), three from a build (dist/server/). */
export function findMigrationsDir(from: string = path.dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = from, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, "prisma", "migrations");
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

/** A background loop that says it is still turning (PollingLoop's heartbeat). */
export interface HeartbeatSource {
  /** null while it is not polling (stopped, or idle by configuration such as email without SMTP_URL) */
  heartbeat(): { at: number; staleAfterMs: number } | null;
}

/** Every polling worker of this instance turned recently; skipped when the instance runs none. */
export function workersCheck(workers: Record<string, HeartbeatSource | null>, now: () => number = Date.now): ReadinessCheck {
  return async () => {
    const running = Object.entries(workers).flatMap(([name, w]) => {
      const hb = w?.heartbeat();
      return hb ? [{ name, ...hb }] : [];
    });
    if (running.length === 0) return "skipped";
    const stale = running.filter((w) => now() - w.at > w.staleAfterMs);
    if (stale.length) throw new Error(stale.map((w) => `${w.name}: no heartbeat for ${Math.round((now() - w.at) / 1000)} s`).join("; "));
  };
}

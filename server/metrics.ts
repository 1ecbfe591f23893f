import { createHash, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import type { Config } from "./config";
import type { PrismaClient } from "./generated/prisma/client";
import type { PoolStats } from "./db/client";
import type { HeartbeatSource } from "./health";
import { EMAIL_KIND } from "./modules/mail/outbox";

/**
 * Prometheus metrics (prom-client), scraped at /metrics:
 *
 * - the process (prom-client's default metrics: memory, CPU, event-loop delay and lag, GC, handles), once per process;
 * - GraphQL operations by name (@graphql-yoga/plugin-prometheus, the ecosystem's plugin rather than our own
 *   counters): `graphql_envelop_request` (count), `graphql_envelop_request_duration` and
 *   `graphql_yoga_http_duration` (histograms), `graphql_envelop_error_result` (errors by phase);
 * - this instance: open WebSockets, active subscriptions, email and webhook backlog and the age of their oldest
 *   pending row, database connection use, seconds since each worker's heartbeat.
 *
 * The registry and its plugin (server/metrics-registry.ts, with prom-client) are loaded only when metrics are served
 * (`metricsEnabled`): an install that serves none neither loads prom-client nor times every operation.
 *
 * Operation names are chosen by clients: a label takes the names of the web client's persisted operations and
 * the first MAX_OTHER_NAMES other well-formed names; anything else is `other`, an unnamed operation `Anonymous`.
 */

export const MAX_OTHER_NAMES = 100;
const NAME = /^[_A-Za-z][_0-9A-Za-z]{0,63}$/;

/** Bounds the operation-name label (see above). */
export class OperationNames {
  private readonly known: Set<string>;
  private readonly others = new Set<string>();

  constructor(
    known: Iterable<string>,
    private readonly maxOthers = MAX_OTHER_NAMES,
  ) {
    this.known = new Set(known);
  }

  /** The names of the operations in persisted documents (`query Name`, `mutation Name`, `subscription Name`). */
  static fromDocuments(documents: Iterable<string>, maxOthers?: number): OperationNames {
    const names: string[] = [];
    for (const doc of documents) for (const m of doc.matchAll(/\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g)) names.push(m[1]!);
    return new OperationNames(names, maxOthers);
  }

  label(name: string | null | undefined): string {
    if (!name) return "Anonymous";
    if (this.known.has(name) || this.others.has(name)) return name;
    if (!NAME.test(name) || this.others.size >= this.maxOthers) return "other";
    this.others.add(name);
    return name;
  }
}

/** What the instance gauges read, bound once the app has built its parts. */
export interface MetricsSources {
  openSockets(): number;
  activeSubscriptions(): number;
  poolStats?(): PoolStats;
  /** pending rows per queue and the age of the oldest (queried at most every BACKLOG_CACHE_MS) */
  backlog(): Promise<Backlog[]>;
  workers: Record<string, HeartbeatSource | null>;
}

export interface Backlog {
  queue: string;
  pending: number;
  oldestAgeSeconds: number;
}

/** /metrics is served on its own port (METRICS_PORT) or behind a token (METRICS_TOKEN); with neither, not at all. */
export function metricsEnabled(config: Pick<Config, "metricsPort" | "metricsToken">): boolean {
  return config.metricsPort !== undefined || config.metricsToken !== undefined;
}

/** A scrape storm must not become a query storm: the backlog is read at most this often. */
export const BACKLOG_CACHE_MS = 5_000;

/** Pending email and webhook rows and the age of the oldest of each: two indexed aggregates. */
export async function outboxBacklog(prisma: PrismaClient, now: () => number = Date.now): Promise<Backlog[]> {
  const [email, webhook] = await Promise.all([
    prisma.outbox.aggregate({ where: { status: "PENDING", kind: EMAIL_KIND }, _count: { _all: true }, _min: { createdAt: true } }),
    prisma.webhookDelivery.aggregate({ where: { status: "PENDING" }, _count: { _all: true }, _min: { createdAt: true } }),
  ]);
  const age = (d: Date | null) => (d ? Math.max(0, (now() - d.getTime()) / 1000) : 0);
  return [
    { queue: "email", pending: email._count._all, oldestAgeSeconds: age(email._min.createdAt) },
    { queue: "webhook", pending: webhook._count._all, oldestAgeSeconds: age(webhook._min.createdAt) },
  ];
}

/**
 * Answers GET /metrics: with `token`, only to `Authorization: Bearer <token>` (compared in constant time; 401
 * otherwise). The caller decides whether this port serves metrics at all (404 otherwise).
 */
/** What /metrics reads: the registry of server/metrics-registry.ts (which imports this module, not the reverse). */
export interface MetricsScrape {
  scrape(): Promise<{ contentType: string; body: string }>;
}

export function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse, metrics: MetricsScrape, token: string | undefined): void {
  const plain = (status: number, text: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", ...headers });
    res.end(`${text}\n`);
  };
  if (token !== undefined && !bearerMatches(req.headers.authorization, token)) {
    plain(401, "Unauthorized", { "www-authenticate": 'Bearer realm="metrics"' });
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    plain(405, "Method Not Allowed", { allow: "GET, HEAD" });
    return;
  }
  metrics.scrape().then(
    ({ contentType, body }) => {
      res.writeHead(200, { "content-type": contentType, "cache-control": "no-store" });
      res.end(req.method === "HEAD" ? undefined : body);
    },
    () => plain(500, "Metrics could not be collected"),
  );
}

export function isMetricsPath(url: string | undefined): boolean {
  return (url ?? "").split("?")[0] === "/metrics";
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!m) return false;
  // hashing first makes both sides the same length, so timingSafeEqual compares without leaking the token's length
  const a = createHash("sha256").update(m[1]!).digest();
  const b = createHash("sha256").update(token).digest();
  return timingSafeEqual(a, b);
}

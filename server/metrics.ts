import { createHash, timingSafeEqual } from "node:crypto";
import type http from "node:http";
import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { createCounter, createHistogram, usePrometheus, type FillLabelsFnParams } from "@graphql-yoga/plugin-prometheus";
import type { Plugin } from "graphql-yoga";
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

/** A scrape storm must not become a query storm: the backlog is read at most this often. */
export const BACKLOG_CACHE_MS = 5_000;

let processRegistry: Registry | null = null;
/** prom-client's default metrics, collected once per process however many apps it runs (tests run several). */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export class Metrics {
  readonly registry = new Registry();
  readonly plugin: Plugin;
  private sources: MetricsSources | null = null;

  constructor(readonly names: OperationNames) {
    const registry = this.registry;
    const labels = (p: FillLabelsFnParams) => ({ operationName: names.label(p.operationName), operationType: p.operationType ?? "unknown" });
    this.plugin = usePrometheus({
      registry,
      endpoint: false, // served by handleMetrics, behind its own port or token
      skipIntrospection: true,
      metrics: {
        graphql_envelop_request: createCounter({
          registry,
          counter: {
            name: "graphql_envelop_request",
            help: "GraphQL operations executed (failed or not), by name",
            labelNames: ["operationType", "operationName"],
          },
          fillLabelsFn: labels,
          phases: ["execute", "subscribe"],
        }),
        graphql_envelop_request_duration: createHistogram({
          registry,
          histogram: {
            name: "graphql_envelop_request_duration",
            help: "Time spent executing a GraphQL operation (seconds)",
            labelNames: ["operationType", "operationName"],
          },
          fillLabelsFn: labels,
          phases: ["execute", "subscribe"],
        }),
        graphql_envelop_error_result: createCounter({
          registry,
          counter: {
            name: "graphql_envelop_error_result",
            help: "Errors in GraphQL results, by operation and phase",
            labelNames: ["operationType", "operationName", "phase"],
          },
          fillLabelsFn: (p) => ({ ...labels(p), phase: p.errorPhase ?? "execute" }),
          phases: ["parse", "validate", "context", "execute", "subscribe"],
        }),
        graphql_yoga_http_duration: createHistogram({
          registry,
          histogram: {
            name: "graphql_yoga_http_duration",
            help: "Time spent on a GraphQL HTTP request (seconds)",
            labelNames: ["operationType", "operationName", "method", "statusCode"],
          },
          fillLabelsFn: (p, ctx: { request: Request; response: Response }) => ({ ...labels(p), method: ctx.request.method, statusCode: ctx.response.status }),
          phases: ["request"],
        }),
        graphql_envelop_request_time_summary: false,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_phase_execute: false,
        graphql_envelop_phase_subscribe: false,
        graphql_envelop_execute_resolver: false,
      },
    });

    const source = () => this.sources;
    new Gauge({
      name: "loket_websocket_connections",
      help: "Open WebSocket connections",
      registers: [registry],
      collect() {
        this.set(source()?.openSockets() ?? 0);
      },
    });
    new Gauge({
      name: "loket_graphql_subscriptions",
      help: "Active GraphQL subscriptions",
      registers: [registry],
      collect() {
        this.set(source()?.activeSubscriptions() ?? 0);
      },
    });
    const pool = new Gauge({
      name: "loket_db_pool_connections",
      help: "Database connections by state (PGlite: its one connection)",
      labelNames: ["state"],
      registers: [registry],
    });
    const inTx = new Gauge({ name: "loket_db_transaction_active", help: "PGlite: 1 while a transaction holds its one connection", registers: [registry] });
    new Gauge({
      name: "loket_db_pool_waiting",
      help: "Requests waiting for a database connection (PostgreSQL pool; 0 on PGlite, which queues internally)",
      registers: [registry],
      collect() {
        const s = source()?.poolStats?.();
        if (!s) return;
        this.set(s.waiting);
        pool.set({ state: "total" }, s.total);
        pool.set({ state: "idle" }, s.idle);
        pool.set({ state: "busy" }, s.total - s.idle);
        if (s.inTransaction !== undefined) inTx.set(s.inTransaction ? 1 : 0);
      },
    });
    // one query for both gauges, at most every BACKLOG_CACHE_MS; the database away: the last values stay (a
    // failed query must not fail the whole scrape)
    let cached: { at: number; value: Promise<Backlog[] | null> } | null = null;
    const backlog = () => {
      const s = source();
      if (!s) return Promise.resolve(null);
      if (!cached || Date.now() - cached.at > BACKLOG_CACHE_MS)
        cached = {
          at: Date.now(),
          value: s.backlog().catch(() => {
            cached = null;
            return null;
          }),
        };
      return cached.value;
    };
    new Gauge({
      name: "loket_outbox_pending",
      help: "Pending rows per queue (email outbox, webhook deliveries)",
      labelNames: ["queue"],
      registers: [registry],
      async collect() {
        for (const r of (await backlog()) ?? []) this.set({ queue: r.queue }, r.pending);
      },
    });
    new Gauge({
      name: "loket_outbox_oldest_pending_age_seconds",
      help: "Age of the oldest pending row per queue (0 when none)",
      labelNames: ["queue"],
      registers: [registry],
      async collect() {
        for (const r of (await backlog()) ?? []) this.set({ queue: r.queue }, r.oldestAgeSeconds);
      },
    });
    new Gauge({
      name: "loket_worker_heartbeat_age_seconds",
      help: "Seconds since each running worker loop last turned (see /readyz)",
      labelNames: ["worker"],
      registers: [registry],
      collect() {
        this.reset();
        for (const [worker, w] of Object.entries(source()?.workers ?? {})) {
          const hb = w?.heartbeat();
          if (hb) this.set({ worker }, (Date.now() - hb.at) / 1000);
        }
      },
    });
  }

  bind(sources: MetricsSources): void {
    this.sources = sources;
  }

  async scrape(): Promise<{ contentType: string; body: string }> {
    const merged = Registry.merge([processMetrics(), this.registry]);
    return { contentType: merged.contentType, body: await merged.metrics() };
  }
}

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
export function serveMetrics(req: http.IncomingMessage, res: http.ServerResponse, metrics: Metrics, token: string | undefined): void {
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

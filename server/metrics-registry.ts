import { collectDefaultMetrics, Gauge, Registry } from "prom-client";
import { createCounter, createHistogram, usePrometheus, type FillLabelsFnParams } from "@graphql-yoga/plugin-prometheus";
import type { Plugin } from "graphql-yoga";
import { BACKLOG_CACHE_MS, type Backlog, type MetricsSources, type OperationNames } from "./metrics";

/** The Prometheus registry and the yoga plugin described in server/metrics.ts; loaded only when metrics are served. */

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

import { EnvelopArmor } from "@escape.tech/graphql-armor";
import { useCSRFPrevention } from "@graphql-yoga/plugin-csrf-prevention";
import { type GraphQLError, NoSchemaIntrospectionCustomRule } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Redis } from "ioredis";
import { createRedis } from "./lib/redis";
import type { Config } from "./config";
import { DEPTH_OPTIONS, MAX_TOKENS, tooDeep, tooManyTokens } from "./limits";

/** Header a browser-side client must send with multipart or GET requests (CSRF prevention). */
export const CSRF_HEADER = "x-loket-csrf";

export const ARMOR_LIMITS = { maxCost: 5000, maxAliases: 15, maxDirectives: 10 };

/**
 * GraphQL Armor for tokens, depth, cost, aliases and directives (Indonesian messages and stable codes; the limits
 * of tokens and depth are in limits.ts), field suggestions hidden, introspection off unless configured,
 * and yoga's CSRF prevention: a request a browser could send cross-site without a preflight (GET, form or
 * multipart) must carry a custom header.
 */
export function protectionPlugins(config: Config): Plugin[] {
  const reject = (code: string, message: string) => [
    (_ctx: unknown, error: GraphQLError) => {
      Object.assign(error, { message });
      (error.extensions as Record<string, unknown>).code = code;
    },
  ];
  const armor = new EnvelopArmor({
    costLimit: { maxCost: ARMOR_LIMITS.maxCost, onReject: reject("QUERY_TOO_COSTLY", `Kueri terlalu berat (batas biaya ${ARMOR_LIMITS.maxCost}).`) },
    maxAliases: {
      n: ARMOR_LIMITS.maxAliases,
      onReject: reject("TOO_MANY_ALIASES", `Terlalu banyak alias dalam satu kueri (maksimal ${ARMOR_LIMITS.maxAliases}).`),
    },
    maxDirectives: {
      n: ARMOR_LIMITS.maxDirectives,
      onReject: reject("TOO_MANY_DIRECTIVES", `Terlalu banyak direktif dalam satu kueri (maksimal ${ARMOR_LIMITS.maxDirectives}).`),
    },
    maxDepth: {
      ...DEPTH_OPTIONS,
      onReject: [
        (_ctx, error) => {
          const e = tooDeep(error.message);
          Object.assign(error, { message: e.message });
          (error.extensions as Record<string, unknown>).code = e.code;
        },
      ],
    },
    maxTokens: { n: MAX_TOKENS, onReject: reject(tooManyTokens().code, tooManyTokens().message) },
    blockFieldSuggestion: { enabled: true },
  });
  const plugins: Plugin[] = [...(armor.protect().plugins as Plugin[]), useCSRFPrevention({ requestHeaders: [CSRF_HEADER] })];
  if (!config.introspection) {
    plugins.push({
      onValidate({ addValidationRule }) {
        addValidationRule(NoSchemaIntrospectionCustomRule);
      },
    });
  }
  return plugins;
}

// ---------------------------------------------------------------------------------------------------
// Rate limits: fixed one-minute windows per user (session) and per address, shared through Redis

export interface RateStore {
  /** Adds one hit to `key` in the window; returns the count so far and ms until the window ends. */
  hit(key: string, windowMs: number): Promise<{ count: number; resetMs: number }>;
  close(): Promise<void>;
}

export class MemoryRateStore implements RateStore {
  private windows = new Map<string, { count: number; until: number }>();
  async hit(key: string, windowMs: number) {
    const now = Date.now();
    let w = this.windows.get(key);
    if (!w || w.until <= now) {
      if (this.windows.size > 50_000) this.sweep(now);
      w = { count: 0, until: now + windowMs };
      this.windows.set(key, w);
    }
    w.count++;
    return { count: w.count, resetMs: w.until - now };
  }
  private sweep(now: number) {
    for (const [k, w] of this.windows) if (w.until <= now) this.windows.delete(k);
  }
  async close() {}
}

/**
 * Windows shared through Redis. While Redis is away, requests do not wait on it: a command fails at once (no
 * offline queue) or after a short timeout, and the windows are counted in this instance's memory until Redis is
 * back (each instance then allows the limit on its own) — said once in the log each way.
 */
export class RedisRateStore implements RateStore {
  private client: Redis;
  private fallback = new MemoryRateStore();
  private usingFallback = false;
  private everReady = false;
  private readonly since = Date.now();
  constructor(
    url: string,
    private readonly log?: { warn(message: string): void; info(message: string): void },
  ) {
    this.client = createRedis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 500, retryStrategy: (n) => Math.min(n * 250, 1_000) });
    this.client.on("error", () => {});
    this.client.on("ready", () => {
      this.everReady = true;
      if (!this.usingFallback) return;
      this.usingFallback = false;
      this.log?.info("Redis kembali: batas laju dihitung bersama lagi");
    });
  }
  private fallBack<T>(result: Promise<T>): Promise<T> {
    // (the first requests of a start may come before the connection is made: not an outage)
    if (!this.usingFallback && (this.everReady || Date.now() - this.since > 3_000)) {
      this.usingFallback = true;
      this.log?.warn("Redis tidak tersedia: batas laju dihitung di memori instance ini sampai Redis kembali");
    }
    return result;
  }
  async hit(key: string, windowMs: number) {
    if (this.client.status !== "ready") return this.fallBack(this.fallback.hit(key, windowMs));
    const k = `loket:rl:${key}`;
    try {
      // INCR then set the expiry only for a new window, atomically
      const [[, count], [, ttl]] = (await this.client.multi().incr(k).pttl(k).exec()) as [[null, number], [null, number]];
      if (ttl < 0) await this.client.pexpire(k, windowMs);
      return { count, resetMs: ttl < 0 ? windowMs : ttl };
    } catch {
      return this.fallBack(this.fallback.hit(key, windowMs));
    }
  }
  async close() {
    await this.client.quit().catch(() => {});
    this.client.disconnect();
  }
}

export interface RateLimitOptions {
  perUserPerMinute: number;
  perAddressPerMinute: number;
  /** who the request is: a session token hash prefix (user) or null, and the client address */
  identify(request: Request, serverContext: unknown): { user: string | null; address: string };
}

/** Answers 429 with Retry-After and an Indonesian GraphQL error once a window is used up. */
export function useRateLimit(store: RateStore, opts: RateLimitOptions): Plugin {
  return {
    async onRequest({ request, serverContext, endResponse, fetchAPI }) {
      const { user, address } = opts.identify(request, serverContext);
      // 0 turns a limit off (e.g. behind a gateway that limits already, or for benchmarks)
      const checks: Array<[string, number]> = [];
      if (opts.perAddressPerMinute > 0) checks.push([`a:${address}`, opts.perAddressPerMinute]);
      if (user && opts.perUserPerMinute > 0) checks.push([`u:${user}`, opts.perUserPerMinute]);
      for (const [key, limit] of checks) {
        const { count, resetMs } = await store.hit(key, 60_000).catch(() => ({ count: 0, resetMs: 0 })); // a limiter outage must not stop service
        if (count > limit) {
          const retry = Math.max(1, Math.ceil(resetMs / 1000));
          endResponse(
            new fetchAPI.Response(
              JSON.stringify({
                errors: [
                  { message: `Terlalu banyak permintaan. Coba lagi dalam ${retry} detik.`, extensions: { code: "RATE_LIMITED", retryAfterSeconds: retry } },
                ],
              }),
              { status: 429, headers: { "content-type": "application/json", "retry-after": String(retry) } },
            ),
          );
          return;
        }
      }
    },
  };
}

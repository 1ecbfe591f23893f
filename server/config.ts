import path from "node:path";

/** Every setting comes from the environment; the README lists them with their defaults. */
export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  secret: string | undefined;
  seedDemo: boolean;
  graphiql: boolean;
  sessionTtlHours: number;
  trustProxy: boolean;
  cookieSecure: boolean;
  termsVersion: string;
  privacyVersion: string;
  maxDocumentBytes: number;
  logLevel: "silent" | "error" | "warn" | "info" | "debug";
  /** how citizens reach this site, for links in emails and QR codes */
  publicUrl: string;
  /** other origins whose pages may use the session cookie on a WebSocket (besides the site's own and PUBLIC_URL's) */
  allowedOrigins: string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  /** run the email outbox worker in this process */
  mailWorker: boolean;
  /** run the webhook delivery worker (and the PPID deadline check) in this process */
  webhookWorker: boolean;
  introspection: boolean;
  /** seconds a staff member's queue page may be served again unchanged (0: off); any queue change drops it at once */
  queueCacheSeconds: number;
  rateLimitPerUser: number;
  rateLimitPerAddress: number;
  maxSubscriptionsPerConnection: number;
  maxSubscriptionsPerUser: number;
  /**
   * persisted operations (the web client's operations by sha256 hash, from client/src/gql/persisted-documents.json):
   * off: not accepted; allow: by hash or as a document; only: a document only from an API client (key), others by hash
   */
  persistedOperations: PersistedOperationsMode;
  /** let webhook URLs reach loopback, private, link-local and other internal addresses (developing a receiver, tests) */
  webhookAllowPrivate: boolean;
  // --- observability (server/health.ts, server/metrics.ts, server/logger.ts)
  /** LOG_FORMAT: one JSON object per line, or pino-pretty's readable lines (default: pretty in development, json otherwise) */
  logFormat: "json" | "pretty";
  /** METRICS_PORT: serve /metrics on this port (bound to HOST) instead of the main one; 0 = any free port */
  metricsPort: number | undefined;
  /** METRICS_TOKEN: /metrics requires `Authorization: Bearer <token>`; with neither setting /metrics answers 404 */
  metricsToken: string | undefined;
}

export const PERSISTED_OPERATIONS_MODES = ["off", "allow", "only"] as const;
export type PersistedOperationsMode = (typeof PERSISTED_OPERATIONS_MODES)[number];

function persistedMode(value: string | undefined): PersistedOperationsMode {
  if (value === undefined || value === "") return "allow";
  const v = value.toLowerCase();
  if (!(PERSISTED_OPERATIONS_MODES as readonly string[]).includes(v)) throw new Error(`PERSISTED_OPERATIONS must be off, allow or only, got "${value}"`);
  return v as PersistedOperationsMode;
}

function origins(value: string | undefined): string[] {
  return (value ?? "")
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean)
    .map((v) => {
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        throw new Error(`ALLOWED_ORIGINS must be a comma-separated list of origins like https://loket.example.go.id, got "${v}"`);
      }
      if (!/^https?:$/.test(url.protocol)) throw new Error(`ALLOWED_ORIGINS must list http(s) origins, got "${v}"`);
      return url.origin;
    });
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return ["1", "true", "yes", "on"].includes(value.toLowerCase());
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

function observability(env: NodeJS.ProcessEnv, nodeEnv: Config["env"]): Pick<Config, "logFormat" | "metricsPort" | "metricsToken"> {
  const format = (env.LOG_FORMAT ?? "").toLowerCase();
  if (format && format !== "json" && format !== "pretty") throw new Error(`LOG_FORMAT must be json or pretty, got "${env.LOG_FORMAT}"`);
  const metricsToken = env.METRICS_TOKEN || undefined;
  if (metricsToken && metricsToken.length < 16) throw new Error("METRICS_TOKEN must be at least 16 characters long (e.g. `openssl rand -hex 24`)");
  const metricsPort = env.METRICS_PORT ? int("METRICS_PORT", env.METRICS_PORT, 0) : undefined;
  if (metricsPort !== undefined && metricsPort > 65535) throw new Error(`METRICS_PORT must be a port number, got "${env.METRICS_PORT}"`);
  return { logFormat: (format || (nodeEnv === "development" ? "pretty" : "json")) as Config["logFormat"], metricsPort, metricsToken };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV === "production" ? "production" : env.NODE_ENV === "test" ? "test" : "development";
  const databaseUrl = env.DATABASE_URL && /^postgres(ql)?:\/\//.test(env.DATABASE_URL) ? env.DATABASE_URL : undefined;
  if (env.DATABASE_URL && !databaseUrl) {
    throw new Error(`DATABASE_URL must be a postgresql:// URL (unset it to use the embedded PGlite database)`);
  }
  const port = int("PORT", env.PORT, 4000);
  return {
    env: nodeEnv,
    port,
    host: env.HOST || "0.0.0.0",
    dataDir: path.resolve(env.DATA_DIR || ".data"),
    databaseUrl,
    redisUrl: env.REDIS_URL || undefined,
    secret: env.LOKET_SECRET || undefined,
    seedDemo: bool(env.SEED_DEMO, true),
    graphiql: bool(env.GRAPHIQL, nodeEnv !== "production"),
    sessionTtlHours: int("SESSION_TTL_HOURS", env.SESSION_TTL_HOURS, 12),
    trustProxy: bool(env.TRUST_PROXY, false),
    cookieSecure: bool(env.COOKIE_SECURE, nodeEnv === "production"),
    termsVersion: env.TERMS_VERSION || "2026-11",
    privacyVersion: env.PRIVACY_VERSION || "2026-11",
    maxDocumentBytes: int("MAX_DOCUMENT_BYTES", env.MAX_DOCUMENT_BYTES, 2 * 1024 * 1024),
    publicUrl: (env.PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, ""),
    allowedOrigins: origins(env.ALLOWED_ORIGINS),
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || '"Loket" <noreply@loket.localhost>',
    mailWorker: bool(env.MAIL_WORKER, true),
    webhookWorker: bool(env.WEBHOOK_WORKER, true),
    introspection: bool(env.INTROSPECTION, nodeEnv !== "production"),
    queueCacheSeconds: int("QUEUE_CACHE_SECONDS", env.QUEUE_CACHE_SECONDS, 10),
    rateLimitPerUser: int("RATE_LIMIT_PER_USER", env.RATE_LIMIT_PER_USER, 600),
    rateLimitPerAddress: int("RATE_LIMIT_PER_ADDRESS", env.RATE_LIMIT_PER_ADDRESS, 1200),
    maxSubscriptionsPerConnection: int("MAX_SUBSCRIPTIONS_PER_CONNECTION", env.MAX_SUBSCRIPTIONS_PER_CONNECTION, 20),
    maxSubscriptionsPerUser: int("MAX_SUBSCRIPTIONS_PER_USER", env.MAX_SUBSCRIPTIONS_PER_USER, 50),
    persistedOperations: persistedMode(env.PERSISTED_OPERATIONS),
    webhookAllowPrivate: bool(env.WEBHOOK_ALLOW_PRIVATE, false),
    ...observability(env, nodeEnv),
    logLevel: (["silent", "error", "warn", "info", "debug"].includes(env.LOG_LEVEL ?? "") ? env.LOG_LEVEL : nodeEnv === "test" ? "silent" : "info") as Config["logLevel"],
  };
}

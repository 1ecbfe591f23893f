import fs from "node:fs";
import path from "node:path";

/**
 * Every environment setting the server and its commands read, once (the README's settings table is checked
 * against this list in both directions, and every setting read from `env` in this file or from `process.env`
 * in server/ must be in it: tests/process/deploy-guide.test.ts). Add a line in the block of the feature that
 * reads it.
 */
export const SETTINGS = [
  // the server
  "NODE_ENV",
  "PORT",
  "HOST",
  "DATA_DIR",
  "DATABASE_URL",
  "DATABASE_PREPARED_STATEMENTS",
  "REDIS_URL",
  "LOKET_SECRET",
  "SEED_DEMO",
  "GRAPHIQL",
  "SESSION_TTL_HOURS",
  "TRUST_PROXY",
  "COOKIE_SECURE",
  "TERMS_VERSION",
  "PRIVACY_VERSION",
  "MAX_DOCUMENT_BYTES",
  "LOG_LEVEL",
  "PUBLIC_URL",
  "ALLOWED_ORIGINS",
  "INTROSPECTION",
  "QUEUE_CACHE_SECONDS",
  "RATE_LIMIT_PER_USER",
  "RATE_LIMIT_PER_ADDRESS",
  "MAX_SUBSCRIPTIONS_PER_CONNECTION",
  "MAX_SUBSCRIPTIONS_PER_USER",
  "PERSISTED_OPERATIONS",
  // email and webhooks
  "SMTP_URL",
  "MAIL_FROM",
  "MAIL_WORKER",
  "WEBHOOK_WORKER",
  "WEBHOOK_ALLOW_PRIVATE",
  // WhatsApp and SMS notices (server/modules/kanal): each channel is off unless configured
  "WHATSAPP_API_URL",
  "WHATSAPP_TOKEN",
  "WHATSAPP_PHONE_NUMBER_ID",
  "WHATSAPP_APP_SECRET",
  "WHATSAPP_VERIFY_TOKEN",
  "WHATSAPP_TEMPLATE_LANGUAGE",
  "SMS_GATEWAY_URL",
  "SMS_GATEWAY_AUTH",
  "SMS_GATEWAY_BODY",
  // the admin command line
  "LOKET_ADMIN_PASSWORD",
  "LOKET_ARCHIVE_PASSPHRASE",
  // the database's start (server/db): whether a start applies pending migrations, PGlite's buffer pool
  "MIGRATE",
  "PGLITE_SHARED_BUFFERS",
  // how V8 runs the server: WebAssembly's compiler, the heap's growth (server/v8-settings.ts)
  "WASM_TIER_UP",
  "HEAP_GROWING_PERCENT",
  // issue #13's shared names (observability, file storage, workers); read where those features are built
  "METRICS_PORT",
  "METRICS_TOKEN",
  "LOG_FORMAT",
  "STORAGE",
  "S3_ENDPOINT",
  "S3_BUCKET",
  "S3_REGION",
  "S3_ACCESS_KEY_ID",
  "S3_SECRET_ACCESS_KEY",
  "S3_FORCE_PATH_STYLE",
  "S3_PREFIX",
  "FILE_SWEEP_SECONDS",
  "WORKERS",
] as const;
export type SettingName = (typeof SETTINGS)[number];

/** A setting with an unusable value: the server prints this one line (no stack) and exits with EXIT_CONFIG. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** EX_CONFIG of sysexits.h: what the server exits with on a ConfigError (the systemd unit does not restart it). */
export const EXIT_CONFIG = 78;

/** Every setting comes from the environment; the README lists them with their defaults. */
export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** PostgreSQL: keep statements prepared per connection (off behind a pooler in transaction mode) */
  databasePreparedStatements: boolean;
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
  /** where stored files live (STORAGE, S3_*): the local disk under DATA_DIR/files, or an S3-compatible bucket */
  storage: StorageConfig;
  /**
   * WORKERS: run the background loops (email outbox, webhooks and the PPID deadline check, the orphan file
   * sweep) in this process; false makes an API-only instance. MAIL_WORKER / WEBHOOK_WORKER switch single ones off.
   */
  workers: boolean;
  /** seconds between two runs of the orphan file sweep (the first runs a minute after start, or sooner) */
  fileSweepSeconds: number;
  /** let webhook URLs reach loopback, private, link-local and other internal addresses (developing a receiver, tests) */
  webhookAllowPrivate: boolean;
  // --- observability (server/health.ts, server/metrics.ts, server/logger.ts)
  /** LOG_FORMAT: one JSON object per line, or pino-pretty's readable lines (default: pretty in development, json otherwise) */
  logFormat: "json" | "pretty";
  /** METRICS_PORT: serve /metrics on this port (bound to HOST) instead of the main one; 0 = any free port */
  metricsPort: number | undefined;
  /** METRICS_TOKEN: /metrics requires `Authorization: Bearer <token>`; with neither setting /metrics answers 404 */
  metricsToken: string | undefined;
  /** WhatsApp (Cloud API) and SMS (HTTP gateway) notices: null = that channel is off */
  kanal: KanalConfig;
}

export interface WhatsAppConfig {
  /** the Graph API's base with its version, e.g. https://graph.facebook.com/v23.0 */
  apiUrl: string;
  token: string;
  phoneNumberId: string;
  /** the app secret: signs the webhook's X-Hub-Signature-256 */
  appSecret: string;
  /** answered in the webhook's GET handshake */
  verifyToken: string;
  /** the language code of the approved templates */
  templateLanguage: string;
}

export interface SmsConfig {
  url: string;
  /** sent as the Authorization header, e.g. "Bearer …" or "Basic …" */
  auth: string | undefined;
  /** the JSON body with {{to}}, {{text}} and {{ref}} placeholders */
  bodyTemplate: string;
}

export interface KanalConfig {
  whatsapp: WhatsAppConfig | null;
  sms: SmsConfig | null;
}

export const DEFAULT_SMS_BODY = '{"to":"{{to}}","message":"{{text}}","ref":"{{ref}}"}';

function httpUrl(name: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got "${value}"`);
  }
  if (!/^https?:$/.test(url.protocol)) throw new ConfigError(`${name} must be an http(s) URL, got "${value}"`);
  return value.replace(/\/+$/, "");
}

function kanalConfig(env: NodeJS.ProcessEnv): KanalConfig {
  const wa = ["WHATSAPP_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN"] as const;
  const set = wa.filter((n) => env[n]);
  if (set.length > 0 && set.length < wa.length)
    throw new ConfigError(`WhatsApp needs all of ${wa.join(", ")} (missing: ${wa.filter((n) => !env[n]).join(", ")}); unset them all to switch WhatsApp off`);
  const whatsapp: WhatsAppConfig | null =
    set.length === wa.length
      ? {
          apiUrl: httpUrl("WHATSAPP_API_URL", env.WHATSAPP_API_URL || "https://graph.facebook.com/v23.0"),
          token: env.WHATSAPP_TOKEN!,
          phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID!,
          appSecret: env.WHATSAPP_APP_SECRET!,
          verifyToken: env.WHATSAPP_VERIFY_TOKEN!,
          templateLanguage: env.WHATSAPP_TEMPLATE_LANGUAGE || "id",
        }
      : null;
  let sms: SmsConfig | null = null;
  if (env.SMS_GATEWAY_URL) {
    const bodyTemplate = env.SMS_GATEWAY_BODY || DEFAULT_SMS_BODY;
    if (!bodyTemplate.includes("{{to}}") || !bodyTemplate.includes("{{text}}"))
      throw new ConfigError(`SMS_GATEWAY_BODY must contain {{to}} and {{text}}, e.g. ${DEFAULT_SMS_BODY}`);
    sms = { url: httpUrl("SMS_GATEWAY_URL", env.SMS_GATEWAY_URL), auth: env.SMS_GATEWAY_AUTH || undefined, bodyTemplate };
  }
  return { whatsapp, sms };
}

export type StorageConfig =
  | { kind: "local" }
  | {
      kind: "s3";
      endpoint: string | undefined;
      bucket: string;
      region: string;
      accessKeyId: string | undefined;
      secretAccessKey: string | undefined;
      forcePathStyle: boolean;
      prefix: string;
    };

function storageConfig(env: NodeJS.ProcessEnv): StorageConfig {
  const kind = (env.STORAGE || (env.S3_BUCKET ? "s3" : "local")).toLowerCase();
  if (kind === "local") return { kind: "local" };
  if (kind !== "s3") throw new Error(`STORAGE must be local or s3, got "${env.STORAGE}"`);
  if (!env.S3_BUCKET) throw new Error("STORAGE=s3 needs S3_BUCKET (and S3_ENDPOINT for a server other than AWS S3)");
  let endpoint: string | undefined;
  if (env.S3_ENDPOINT) {
    try {
      endpoint = new URL(env.S3_ENDPOINT).toString().replace(/\/+$/, "");
    } catch {
      throw new Error(`S3_ENDPOINT must be a URL like http://127.0.0.1:9000, got "${env.S3_ENDPOINT}"`);
    }
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) throw new Error("Set both S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY, or neither");
  const prefix = (env.S3_PREFIX ?? "").replace(/^\/+/, "");
  return {
    kind: "s3",
    endpoint,
    bucket: env.S3_BUCKET,
    region: env.S3_REGION || "us-east-1",
    accessKeyId: env.S3_ACCESS_KEY_ID || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY || undefined,
    forcePathStyle: bool(env.S3_FORCE_PATH_STYLE, endpoint !== undefined),
    prefix: prefix && !prefix.endsWith("/") ? `${prefix}/` : prefix,
  };
}

export const PERSISTED_OPERATIONS_MODES = ["off", "allow", "only"] as const;
export type PersistedOperationsMode = (typeof PERSISTED_OPERATIONS_MODES)[number];

function persistedMode(value: string | undefined): PersistedOperationsMode {
  if (value === undefined || value === "") return "allow";
  const v = value.toLowerCase();
  if (!(PERSISTED_OPERATIONS_MODES as readonly string[]).includes(v)) throw new ConfigError(`PERSISTED_OPERATIONS must be off, allow or only, got "${value}"`);
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
        throw new ConfigError(`ALLOWED_ORIGINS must be a comma-separated list of origins like https://loket.example.go.id, got "${v}"`);
      }
      if (!/^https?:$/.test(url.protocol)) throw new ConfigError(`ALLOWED_ORIGINS must list http(s) origins, got "${v}"`);
      return url.origin;
    });
}

function secret(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (value.length < 32) throw new ConfigError("LOKET_SECRET must be at least 32 characters (e.g. LOKET_SECRET=$(openssl rand -base64 48))");
  return value;
}

function publicUrl(value: string | undefined, port: number): string {
  if (!value) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be the address citizens use, like https://loket.madiunkab.go.id, got "${value}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(`PUBLIC_URL must be an http(s) address without query, fragment or credentials, like https://loket.madiunkab.go.id, got "${value}"`);
  }
  return value.replace(/\/+$/, "");
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === "") return fallback;
  return ["1", "true", "yes", "on"].includes(value.toLowerCase());
}

function int(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new ConfigError(`${name} must be a non-negative integer, got "${value}"`);
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
    throw new ConfigError(`DATABASE_URL must be a postgresql:// URL (unset it to use the embedded PGlite database)`);
  }
  const port = int("PORT", env.PORT, 4000);
  // applied by server/v8-settings.ts before this runs; a bad value is refused here with the other settings
  if (int("HEAP_GROWING_PERCENT", env.HEAP_GROWING_PERCENT, 30) > 400)
    throw new ConfigError(`HEAP_GROWING_PERCENT must be at most 400, got "${env.HEAP_GROWING_PERCENT}"`);
  return {
    env: nodeEnv,
    port,
    host: env.HOST || "0.0.0.0",
    dataDir: path.resolve(env.DATA_DIR || ".data"),
    databaseUrl,
    databasePreparedStatements: bool(env.DATABASE_PREPARED_STATEMENTS, true),
    redisUrl: env.REDIS_URL || undefined,
    secret: secret(env.LOKET_SECRET),
    // demo accounts with the README's passwords never appear in a production install unless asked for
    seedDemo: bool(env.SEED_DEMO, nodeEnv !== "production"),
    graphiql: bool(env.GRAPHIQL, nodeEnv !== "production"),
    sessionTtlHours: int("SESSION_TTL_HOURS", env.SESSION_TTL_HOURS, 12),
    trustProxy: bool(env.TRUST_PROXY, false),
    cookieSecure: bool(env.COOKIE_SECURE, nodeEnv === "production"),
    termsVersion: env.TERMS_VERSION || "2026-11",
    privacyVersion: env.PRIVACY_VERSION || "2026-11",
    maxDocumentBytes: int("MAX_DOCUMENT_BYTES", env.MAX_DOCUMENT_BYTES, 2 * 1024 * 1024),
    publicUrl: publicUrl(env.PUBLIC_URL, port),
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
    storage: storageConfig(env),
    workers: bool(env.WORKERS, true),
    fileSweepSeconds: Math.max(1, int("FILE_SWEEP_SECONDS", env.FILE_SWEEP_SECONDS, 6 * 3600)),
    ...observability(env, nodeEnv),
    kanal: kanalConfig(env),
    logLevel: (["silent", "error", "warn", "info", "debug"].includes(env.LOG_LEVEL ?? "")
      ? env.LOG_LEVEL
      : nodeEnv === "test"
        ? "silent"
        : "info") as Config["logLevel"],
  };
}

export interface StartupCheck {
  /** reasons to refuse to start, one line each, naming the setting and an example */
  refuse: string[];
  /** starts, but the operator should know (logged once at start) */
  warnings: string[];
}

/**
 * What the server checks before it opens the database: in production, the settings whose defaults suit only a
 * developer's machine are refused (PUBLIC_URL) or warned about; in every environment a missing SMTP_URL is
 * said once. `keyFileExists` is whether DATA_DIR/secret.key is there already (an install that has run before).
 */
export function startupCheck(
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
  keyFileExists = fs.existsSync(path.join(config.dataDir, "secret.key")),
): StartupCheck {
  const refuse: string[] = [];
  const warnings: string[] = [];
  if (config.env === "production") {
    if (!env.PUBLIC_URL) {
      // without it every email link and the QR code on the proof of submission point to localhost
      refuse.push(
        "PUBLIC_URL is required when NODE_ENV=production: the address citizens use, for the links in emails and the QR code (e.g. PUBLIC_URL=https://loket.madiunkab.go.id)",
      );
    } else {
      const url = new URL(config.publicUrl);
      if (url.protocol !== "https:")
        warnings.push(
          `PUBLIC_URL is not https (${url.origin}): browsers send the Secure session cookie only over https, and links in emails travel in clear; serve the site through a TLS proxy`,
        );
      if (["localhost", "127.0.0.1", "[::1]"].includes(url.hostname))
        warnings.push(`PUBLIC_URL points to ${url.hostname}: links in emails and the QR code will not reach citizens`);
    }
    if (!config.secret && config.databaseUrl && !keyFileExists) {
      // the key would be made in this instance's DATA_DIR, apart from the database it protects: lost with the
      // instance (a replaced VM or container), and a second instance would make another one
      refuse.push(
        "LOKET_SECRET is required when NODE_ENV=production with DATABASE_URL: every instance needs the same key, kept apart from the database (e.g. LOKET_SECRET=$(openssl rand -base64 48))",
      );
    } else if (!config.secret) {
      warnings.push(
        `LOKET_SECRET is not set: the key is ${path.join(config.dataDir, "secret.key")}; keep a copy apart from the backups (a backup holds no key, and without it no NIK/NIP can be read)`,
      );
    }
    if (config.seedDemo) warnings.push("SEED_DEMO is on in production: a new database gets demo accounts whose passwords are printed in the README");
    if (!config.cookieSecure) warnings.push("COOKIE_SECURE is off in production: the session cookie may travel over plain http");
    if (config.webhookAllowPrivate) warnings.push("WEBHOOK_ALLOW_PRIVATE is on in production: webhook URLs may reach this network's internal addresses");
    if (config.trustProxy && !["127.0.0.1", "::1", "localhost"].includes(config.host)) {
      warnings.push(
        `TRUST_PROXY is on and HOST is ${config.host}: a client reaching the port directly can choose its address (X-Forwarded-For); listen on 127.0.0.1 behind the proxy`,
      );
    }
    if (config.smtpUrl && /@loket\.localhost>?$/.test(config.mailFrom))
      warnings.push(`MAIL_FROM is the default (${config.mailFrom}): mail servers will refuse or bin it; set the office's address`);
  }
  if (!config.smtpUrl)
    warnings.push("SMTP_URL is not set: emails wait in the outbox (nothing is lost) and go out once it is set; admins see the count on their pages");
  return { refuse, warnings };
}

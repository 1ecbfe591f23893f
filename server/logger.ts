import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import pino from "pino";
import { createRequire } from "node:module";
import type { Config } from "./config";
import { HIDDEN, redactText } from "./lib/redact";

/**
 * Structured logs (pino) to stderr: one JSON object per line in production (LOG_FORMAT=json), the same lines
 * made readable by pino-pretty in development (LOG_FORMAT=pretty). pino was chosen over hand-written JSON for
 * its serializers (errors with their stack), `redact` paths and a hook on every written line; pretty printing
 * runs in-process (not pino's worker-thread transport) so a line is written before the call returns.
 *
 * Never pass personal data (NIK, NIP, passwords, tokens) to it. As a safety net every line is redacted
 * (lib/redact.ts) after it is serialised: the values the current operation's arguments declare SECRET,
 * IDENTIFIER or PERSONAL, identity numbers, tokens in links and bearer credentials never reach the output;
 * fields named like credentials or identifiers are replaced wherever they appear in `extra`.
 *
 * Every line carries the request id of the HTTP request, WebSocket operation or queued job it was written
 * for (see `logContext`).
 */
export interface Logger {
  debug(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
  yoga: { debug: (...a: unknown[]) => void; info: (...a: unknown[]) => void; warn: (...a: unknown[]) => void; error: (...a: unknown[]) => void };
}

/** What the lines written while handling one request, WebSocket operation or job carry. */
export interface LogContext {
  /** X-Request-Id of an HTTP request (the client's when sane), a new one per WebSocket operation, the queuing request's for a job */
  requestId?: string;
  /** the WebSocket connection an operation came on */
  connectionId?: string;
  /** GraphQL operation name, once known */
  operationName?: string;
  /** the outbox row a worker is delivering, e.g. `email:<id>` */
  job?: string;
}

/** The request being handled: entered by the HTTP handler, the WebSocket server and the outbox workers. */
export const logContext = new AsyncLocalStorage<LogContext>();

/** The current request's id (recorded with the jobs a request queues, e.g. Outbox.requestId). */
export function currentRequestId(): string | null {
  return logContext.getStore()?.requestId ?? null;
}

export const REQUEST_ID_HEADER = "x-request-id";
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function newRequestId(): string {
  return randomBytes(12).toString("base64url");
}

/** The client's (or proxy's) X-Request-Id when it is a sane token, otherwise a new one. */
export function requestIdFrom(header: string | string[] | null | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SANE_REQUEST_ID.test(value) ? value : newRequestId();
}

export type LogFormat = "json" | "pretty";
export type LogLevel = Config["logLevel"];

// keys whose values are never printed, wherever `extra` carries them (one level deep and under `detail`); identity
// numbers (nik, nip, nomorIdentitas) are masked in the middle by redactText wherever they appear
const SENSITIVE_KEYS = ["password", "passwordHash", "token", "authorization", "cookie", "secret", "email", "telepon"];
export const REDACT_PATHS = SENSITIVE_KEYS.flatMap((k) => [k, `*.${k}`, `detail.*.${k}`]);

/** Where lines go; tests capture `process.stderr.write`, so the stream is looked up at each write. */
export interface LogSink {
  write(line: string): void;
}
const stderrSink: LogSink = { write: (line) => void process.stderr.write(line) };

export function createLogger(level: LogLevel, format: LogFormat = defaultFormat(), sink: LogSink = stderrSink): Logger {
  const pretty =
    format === "pretty"
      ? prettyFactoryLazy()({ colorize: !!process.stderr.isTTY, translateTime: "SYS:HH:MM:ss.l", ignore: "pid,hostname", singleLine: true })
      : null;
  const out = pino(
    {
      level,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => ({ ...logContext.getStore() }),
      redact: { paths: REDACT_PATHS, censor: HIDDEN },
      hooks: { streamWrite: (line) => redactText(line) },
    },
    { write: (line: string) => sink.write(pretty ? pretty(line) : line) },
  );
  const emit = (lvl: "debug" | "info" | "warn" | "error", message: string, extra?: unknown) => {
    if (!out.isLevelEnabled(lvl)) return;
    if (extra === undefined) out[lvl](message);
    else if (extra instanceof Error) out[lvl]({ err: extra }, message);
    else out[lvl]({ detail: extra }, message);
  };
  const join = (a: unknown[]) => a.map((x) => (typeof x === "string" ? x : x instanceof Error ? x.message : JSON.stringify(x))).join(" ");
  return {
    debug: (m, e) => emit("debug", m, e),
    info: (m, e) => emit("info", m, e),
    warn: (m, e) => emit("warn", m, e),
    error: (m, e) => emit("error", m, e),
    yoga: {
      debug: (...a) => emit("debug", join(a)),
      info: (...a) => emit("info", join(a)),
      warn: (...a) => emit("warn", join(a)),
      error: (...a) => {
        const err = a.find((x): x is Error => x instanceof Error);
        emit("error", join(a.filter((x) => x !== err)) || (err?.message ?? ""), err);
      },
    },
  };
}

function defaultFormat(): LogFormat {
  const f = process.env.LOG_FORMAT;
  if (f === "json" || f === "pretty") return f;
  return process.env.NODE_ENV === "development" || !process.env.NODE_ENV ? "pretty" : "json";
}

/** pino-pretty is loaded only for the pretty format (development): a production (json) process never holds it. */
function prettyFactoryLazy(): typeof import("pino-pretty").prettyFactory {
  return (createRequire(import.meta.url)("pino-pretty") as typeof import("pino-pretty")).prettyFactory;
}

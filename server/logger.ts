import type { Config } from "./config";
import { redactText } from "./lib/redact";

/**
 * Plain structured logs to stderr. Never pass personal data (NIK, NIP, passwords, tokens) to it. As a safety
 * net every line is redacted (lib/redact.ts): the values the current operation's arguments declare SECRET,
 * IDENTIFIER or PERSONAL, identity numbers, tokens in links and bearer credentials never reach the output.
 */
export interface Logger {
  debug(message: string, extra?: unknown): void;
  info(message: string, extra?: unknown): void;
  warn(message: string, extra?: unknown): void;
  error(message: string, extra?: unknown): void;
  yoga: { debug: (...a: unknown[]) => void; info: (...a: unknown[]) => void; warn: (...a: unknown[]) => void; error: (...a: unknown[]) => void };
}

const RANK = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 } as const;

export function createLogger(level: Config["logLevel"]): Logger {
  const min = RANK[level];
  const emit = (lvl: keyof typeof RANK, message: string, extra?: unknown) => {
    if (RANK[lvl] < min) return;
    const detail = extra instanceof Error ? ` ${extra.stack ?? extra.message}` : extra === undefined ? "" : ` ${JSON.stringify(extra)}`;
    process.stderr.write(`${new Date().toISOString()} ${lvl.toUpperCase()} ${redactText(`${message}${detail}`)}\n`);
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
      error: (...a) => emit("error", join(a)),
    },
  };
}

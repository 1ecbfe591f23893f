import { GraphQLError } from "graphql";

/**
 * "The database cannot be reached right now" (a restart, a failover, a full connection pool), told apart from
 * every other failure: such a request may simply be tried again, so it is answered with a stable code and
 * HTTP 503 + Retry-After instead of an internal error, and the outage is logged once instead of per request.
 */

/** Seconds a client or load balancer is told to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

export const UNAVAILABLE_MESSAGE = "Layanan sementara tidak tersedia (basis data tidak dapat dihubungi). Silakan coba lagi sebentar lagi.";

// Prisma: can't reach server, timed out, server closed the connection, pool timeout
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// driver adapter error kinds (@prisma/driver-adapter-utils)
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// PostgreSQL: connection exceptions (class 08), admin shutdown / crash shutdown / cannot connect now, too many connections
const PG_CODES = /^(08...|57P01|57P02|57P03|53300)$/;
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);
const MESSAGES =
  /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery)/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 6) return false;
  const e = error as {
    code?: unknown;
    kind?: unknown;
    originalCode?: unknown;
    message?: unknown;
    meta?: { driverAdapterError?: { cause?: unknown } };
    cause?: unknown;
    originalError?: unknown;
  };
  if (typeof e.code === "string" && (PRISMA_CODES.has(e.code) || PG_CODES.test(e.code) || NODE_CODES.has(e.code))) return true;
  if (typeof e.originalCode === "string" && PG_CODES.test(e.originalCode)) return true;
  if (typeof e.kind === "string" && ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  return [e.meta?.driverAdapterError, e.meta?.driverAdapterError?.cause, e.cause, e.originalError].some((c) => c !== e && isDatabaseUnavailable(c, depth + 1));
}

/** The answer to a request that failed because the database was away: code SERVICE_UNAVAILABLE, HTTP 503. */
export function serviceUnavailableError(opts: { nodes?: GraphQLError["nodes"]; path?: GraphQLError["path"]; overHttp?: boolean } = {}): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, {
    nodes: opts.nodes,
    path: opts.path,
    extensions: {
      code: "SERVICE_UNAVAILABLE",
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      // yoga takes the status and headers from here and leaves `http` out of the body (not sent on a socket)
      ...(opts.overHttp === false ? {} : { http: { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } } }),
    },
  });
}

/**
 * One line when the database goes away, one when it is back: the first failure starts a probe (a trivial
 * query each second) that says when it answers again; failures in between are not logged again.
 */
export class DatabaseHealth {
  private downSince: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly log: { warn(message: string): void; info(message: string): void },
  ) {}

  get down(): boolean {
    return this.downSince !== null;
  }

  /** A request or a worker failed with `error`, for which `isDatabaseUnavailable` is true. */
  failed(error: unknown): void {
    if (this.downSince !== null) return;
    this.downSince = Date.now();
    this.log.warn(`Basis data tidak tersedia (${describe(error)}): permintaan dijawab SERVICE_UNAVAILABLE (HTTP 503) sampai basis data kembali`);
    this.timer = setInterval(() => {
      this.probe().then(
        () => {
          if (this.downSince === null) return;
          const seconds = ((Date.now() - this.downSince) / 1000).toFixed(1);
          this.downSince = null;
          this.stop();
          this.log.info(`Basis data kembali setelah ${seconds} detik`);
        },
        () => {},
      );
    }, 1_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** A short description without personal data: the codes, never the statement or its values. */
function describe(error: unknown): string {
  const e = error as { code?: unknown; meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown } } } };
  const cause = e?.meta?.driverAdapterError?.cause;
  return [e?.code, cause?.kind, cause?.code].filter((x) => typeof x === "string").join(" ") || "koneksi gagal";
}

/** The database's unavailability, raw or already answered as SERVICE_UNAVAILABLE (e.g. by the masked-errors hook). */
export function isServiceUnavailable(error: unknown): boolean {
  return (error instanceof GraphQLError && error.extensions?.code === "SERVICE_UNAVAILABLE") || isDatabaseUnavailable(error);
}

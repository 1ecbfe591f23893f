import { PollingLoop } from "./polling-loop";
import { logContext } from "../logger";

/**
 * The delivery loop every outbox table shares (Outbox for email, WebhookDelivery for webhooks): rows written in
 * the business change's own transaction, then found due, claimed by one conditional UPDATE (several instances
 * may run this), handed to the sender, and recorded as SENT, FAILED, or retried later with a backoff.
 *
 * A queue library (pg-boss, graphile-worker) was weighed against this: PGlite (our default database) runs the SQL
 * they use (advisory locks, SKIP LOCKED, LISTEN/NOTIFY: tried), but both run their own connection pool through `pg` to
 * a PostgreSQL server, which an in-process PGlite is not, and both migrate a schema of their own at start. This
 * loop is a few dozen lines over the tables we already have, and enqueueing stays a row in our own transaction.
 */

/** The columns every outbox table has. */
type Status = "PENDING" | "SENT" | "FAILED";
interface Where {
  id?: string;
  status?: Status | { not: Status };
  nextAttemptAt?: { lte: Date };
  lockedUntil?: Date;
  OR?: Array<{ lockedUntil: null } | { lockedUntil: { lt: Date } }>;
}
interface Data {
  status?: Status;
  attempts?: number;
  lastError?: string | null;
  lockedUntil?: Date | null;
  nextAttemptAt?: Date;
  sentAt?: Date;
}

/** The two Prisma calls the loop makes, on the queue's table (and only its rows, e.g. `kind: "EMAIL"`). */
export interface OutboxTable<Extra> {
  findMany(args: {
    where: Where;
    orderBy: Array<{ nextAttemptAt: "asc" } | { createdAt: "asc" }>;
    take: number;
    select: { id: true };
  }): Promise<Array<{ id: string }>>;
  updateMany(args: { where: Where; data: Data | (Data & Partial<Extra>) }): Promise<{ count: number }>;
}

/** Columns to record with an outcome: the table's own (e.g. the HTTP status), or clearing the last error. */
type Columns<Extra> = Partial<Extra> & { lastError?: null };

/** What became of one send. */
export type SendOutcome<Extra> =
  | { sent: true; extra?: Columns<Extra> }
  /** worth trying again, until the attempts run out */
  | { sent: false; error: string; extra?: Partial<Extra> }
  /** never worth trying again (an unreadable payload, a receiver that is gone): FAILED now */
  | { sent: false; error: string; extra?: Partial<Extra>; final: true; log?: string };

export interface OutboxRunResult {
  sent: number;
  /** given up on (status FAILED) in this run */
  failed: number;
  /** failed in this run, will be tried again later */
  retried: number;
}

export interface OutboxWorkerSettings<Extra> {
  /** log prefixes: `${name}: run failed`, `${name}: ${noun} <id> FAILED …` */
  name: string;
  noun: string;
  table: OutboxTable<Extra>;
  /** how long a claimed row is reserved for one worker: well above a send's own timeouts */
  lockMs: number;
  maxAttempts: number;
  batch: number;
  pollMs: number;
  retryDelayMs(attempts: number): number;
  log(message: string, extra?: unknown): void;
  /** a thrown error as one short line */
  describeError(err: unknown): string;
  /** the error as logged (e.g. without addresses); the row keeps it whole */
  logError?: (error: string) => string;
}

/**
 * One claim, send and record loop over an outbox table (see the top of this file); a worker says how to load a
 * claimed row and send it.
 */
/** Idle polls without a heartbeat (on top of one send's lock time) before the worker counts as stuck (/readyz). */
const STALE_AFTER_POLLS = 10;

export abstract class OutboxWorkerBase<Row extends { attempts: number; requestId?: string | null }, Extra = Record<never, never>> {
  private readonly loop: PollingLoop;
  private lastDue = 0;

  /** the claimed row, or null when it is gone */
  protected abstract load(id: string): Promise<Row | null>;
  protected abstract send(row: Row, id: string, now: Date): Promise<SendOutcome<Extra>>;
  /** false: this pass sends nothing (e.g. email without SMTP) */
  protected ready(): boolean {
    return true;
  }
  /** the worker's own work before each background pass */
  protected async beforePass(): Promise<void> {}

  constructor(private readonly o: OutboxWorkerSettings<Extra>) {
    this.loop = new PollingLoop({
      pollMs: o.pollMs,
      tick: async () => {
        await this.beforePass();
        await this.runOnce();
        // a full batch means more may be due right now
        return { again: this.lastDue >= o.batch };
      },
      onError: (err) => o.log(`${o.name}: run failed, will retry`, o.describeError(err)),
    });
  }

  /** Poll in the background. Timers are unref'd: the worker never keeps a process alive on its own. */
  start(): void {
    this.loop.start();
  }

  /** Stop polling; resolves once the row in hand has been sent and recorded. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** For the readiness check (server/health.ts): null while not polling. */
  heartbeat(): { at: number; staleAfterMs: number } | null {
    const at = this.loop.heartbeatAt;
    return at === null ? null : { at, staleAfterMs: STALE_AFTER_POLLS * this.o.pollMs + this.o.lockMs };
  }

  /** Run soon: call after a transaction that queued rows has committed. */
  kick(): void {
    this.loop.kick();
  }

  /** One pass over the due rows. Calls on one instance run one after another. */
  runOnce(): Promise<OutboxRunResult> {
    return this.loop.runOnce(() => this.runBatch());
  }

  private async runBatch(): Promise<OutboxRunResult> {
    const result: OutboxRunResult = { sent: 0, failed: 0, retried: 0 };
    this.lastDue = 0;
    if (!this.ready()) return result;
    if (this.loop.stopping) return result;
    const now = new Date();
    const due = await this.o.table.findMany({
      where: { status: "PENDING", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
      take: this.o.batch,
      select: { id: true },
    });
    this.lastDue = due.length;
    for (const { id } of due) {
      // stop() waits for the row in hand, not for the rest of the batch
      if (this.loop.stopping) break;
      const outcome = await this.deliver(id);
      if (outcome) result[outcome]++;
      this.loop.beat();
    }
    return result;
  }

  /** Claim, send, record. Null when another worker had the row. */
  private async deliver(id: string): Promise<keyof OutboxRunResult | null> {
    const now = new Date();
    const lockedUntil = new Date(now.getTime() + this.o.lockMs);
    // one conditional UPDATE: of several workers racing for the row, exactly one matches
    const claim = await this.o.table.updateMany({
      where: { id, status: "PENDING", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedUntil },
    });
    if (claim.count !== 1) return null;
    const row = await this.load(id);
    if (!row) return null;
    // the lines about this row carry the id of the request that queued it (Outbox.requestId)
    return logContext.run({ requestId: row.requestId ?? undefined, job: `${this.o.noun}:${id}` }, () => this.sendAndRecord(id, row, now, lockedUntil));
  }

  private async sendAndRecord(id: string, row: Row, now: Date, lockedUntil: Date): Promise<keyof OutboxRunResult | null> {
    let outcome: SendOutcome<Extra>;
    try {
      outcome = await this.send(row, id, now);
    } catch (err) {
      outcome = { sent: false, error: this.o.describeError(err) };
    }
    if (outcome.sent) {
      await this.markSent(id, outcome.extra);
      this.o.log(`${this.o.name}: ${this.o.noun} ${id} sent (attempt ${row.attempts + 1})`);
      return "sent";
    }
    return this.recordFailure(id, lockedUntil, row.attempts + 1, outcome);
  }

  /** The receiver has it: record that first, retrying a failed write rather than sending again. */
  private async markSent(id: string, extra: Columns<Extra> | undefined): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        // whoever sent it, once SENT it stays SENT (and keeps the first sentAt)
        await this.o.table.updateMany({ where: { id, status: { not: "SENT" } }, data: { status: "SENT", sentAt: new Date(), lockedUntil: null, ...extra } });
        return;
      } catch (err) {
        if (attempt >= 4) {
          this.o.log(`${this.o.name}: ${this.o.noun} ${id} was sent but could not be marked SENT; it may be sent again`, this.o.describeError(err));
          throw err;
        }
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
  }

  private async recordFailure(
    id: string,
    lockedUntil: Date,
    attempts: number,
    outcome: SendOutcome<Extra> & { sent: false },
  ): Promise<"failed" | "retried" | null> {
    const lastError = outcome.error.replace(/\s+/g, " ").trim().slice(0, 300);
    const final = "final" in outcome;
    const giveUp = final || attempts >= this.o.maxAttempts;
    const delay = this.o.retryDelayMs(attempts);
    // only while we still hold the claim: a stale worker must not overwrite someone else's result
    const updated = await this.o.table.updateMany({
      where: { id, status: "PENDING", lockedUntil },
      data: final
        ? { status: "FAILED", lastError, lockedUntil: null, ...outcome.extra }
        : giveUp
          ? { status: "FAILED", attempts, lastError, lockedUntil: null, ...outcome.extra }
          : { attempts, lastError, lockedUntil: null, nextAttemptAt: new Date(Date.now() + delay), ...outcome.extra },
    });
    if (updated.count !== 1) return null;
    const error = this.o.logError ? this.o.logError(lastError) : lastError;
    const { name, noun } = this.o;
    if (final) {
      if ("log" in outcome && outcome.log) this.o.log(`${name}: ${noun} ${id} ${outcome.log}`);
    } else if (giveUp) this.o.log(`${name}: ${noun} ${id} FAILED after ${attempts} attempts`, { error });
    else this.o.log(`${name}: ${noun} ${id} failed (attempt ${attempts}/${this.o.maxAttempts}), retry in ${Math.round(delay / 1000)} s`, { error });
    return giveUp ? "failed" : "retried";
  }
}

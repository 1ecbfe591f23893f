import nodemailer from "nodemailer";
import type { PrismaClient } from "../../generated/prisma/client";
import { backoffMs, PollingLoop } from "../../lib/polling-loop";
import { EMAIL_KIND, parseEmailPayload, sentPayload, type EmailMessage } from "./outbox";
import type { Keys } from "../../lib/crypto";

export interface OutboxWorkerOptions {
  prisma: PrismaClient;
  /** opens bodies queued sealed (one-time links); without them such rows fail */
  keys?: Keys;
  /** e.g. smtp://user:pass@mail.example.go.id:587 or smtps://…:465; unset = email disabled, rows wait */
  smtpUrl: string | undefined;
  /** sender, e.g. `"Loket Kabupaten Madiun" <noreply@madiunkab.go.id>` */
  from: string;
  log?: (message: string, extra?: unknown) => void;
  /** idle polling interval; kick() runs sooner */
  pollMs?: number;
  /** failed sends before a row is FAILED */
  maxAttempts?: number;
  /** rows looked at per run */
  batch?: number;
}

export interface RunResult {
  sent: number;
  /** given up on (status FAILED) in this run */
  failed: number;
  /** failed in this run, will be tried again later */
  retried: number;
}

/** How long a claimed row is reserved for one worker. The SMTP timeouts below keep a send well inside it. */
export const LOCK_MS = 60_000;
const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 };
const RETRY_BASE_MS = 5_000;
const RETRY_CAP_MS = 60 * 60_000;

/**
 * Delay before the next try after `attempts` failed sends: 5 s, 10 s, 20 s … capped at 1 h. The jitter
 * (up to 10 % shorter) spreads out a burst that failed together, e.g. while the mail server was down.
 */
export function retryDelayMs(attempts: number, random: () => number = Math.random): number {
  return backoffMs(attempts, RETRY_BASE_MS, RETRY_CAP_MS, random);
}

/**
 * Sends the emails queued by `enqueueEmail`. Safe with several instances on one database: each row is
 * claimed by a conditional update before it is sent, and a SENT row is never claimed again.
 *
 * Delivery is at least once: if the process dies after the mail server accepted a message but before the
 * row is marked, the row is sent again after the lock expires. The Message-ID is derived from the row id,
 * so such a duplicate is recognisable. A clean stop() never causes one.
 */
export class OutboxWorker {
  private readonly prisma: PrismaClient;
  private readonly keys: Keys | undefined;
  private readonly smtpUrl: string | undefined;
  private readonly from: string;
  private readonly log: (message: string, extra?: unknown) => void;
  private readonly maxAttempts: number;
  private readonly batch: number;
  private readonly loop: PollingLoop;

  private transport: ReturnType<typeof nodemailer.createTransport> | null = null;
  private lastDue = 0;
  private disabledNoted = false;

  constructor(opts: OutboxWorkerOptions) {
    this.prisma = opts.prisma;
    this.keys = opts.keys;
    this.smtpUrl = opts.smtpUrl || undefined;
    this.from = opts.from;
    this.log = opts.log ?? (() => {});
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? 8);
    this.batch = Math.max(1, opts.batch ?? 20);
    this.loop = new PollingLoop({
      pollMs: opts.pollMs ?? 2_000,
      tick: async () => {
        await this.runOnce();
        // a full batch means more may be due right now
        return { again: this.lastDue >= this.batch };
      },
      onError: (err) => this.log("Outbox: run failed, will retry", describeError(err)),
    });
  }

  /** Poll in the background. Timers are unref'd: the worker never keeps a process alive on its own. */
  start(): void {
    if (!this.smtpUrl) this.noteDisabled();
    else this.loop.start();
  }

  /** Stop polling; resolves once an in-flight send has finished and been recorded. */
  async stop(): Promise<void> {
    await this.loop.stop();
    this.transport?.close();
    this.transport = null;
  }

  /** Run soon: call after a transaction that enqueued email has committed. */
  kick(): void {
    this.loop.kick();
  }

  /** One pass over the due rows. Calls on one instance run one after another. */
  runOnce(): Promise<RunResult> {
    return this.loop.runOnce(() => this.runBatch());
  }

  private noteDisabled(): void {
    if (this.disabledNoted) return;
    this.disabledNoted = true;
    this.log("Email is disabled (SMTP_URL is not set): queued emails stay pending and go out once SMTP is configured");
  }

  private async runBatch(): Promise<RunResult> {
    const result: RunResult = { sent: 0, failed: 0, retried: 0 };
    this.lastDue = 0;
    if (!this.smtpUrl) {
      this.noteDisabled();
      return result;
    }
    if (this.loop.stopping) return result;
    const now = new Date();
    const due = await this.prisma.outbox.findMany({
      where: {
        kind: EMAIL_KIND,
        status: "PENDING",
        nextAttemptAt: { lte: now },
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      },
      orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
      take: this.batch,
      select: { id: true },
    });
    this.lastDue = due.length;
    for (const { id } of due) {
      // stop() waits for the row in hand, not for the rest of the batch
      if (this.loop.stopping) break;
      const outcome = await this.deliver(id);
      if (outcome) result[outcome]++;
    }
    return result;
  }

  /** Claim, send, record. Returns null when another worker had the row. */
  private async deliver(id: string): Promise<keyof RunResult | null> {
    const now = new Date();
    const lockedUntil = new Date(now.getTime() + LOCK_MS);
    // one conditional UPDATE: of several workers racing for the row, exactly one matches
    const claim = await this.prisma.outbox.updateMany({
      where: {
        id,
        kind: EMAIL_KIND,
        status: "PENDING",
        nextAttemptAt: { lte: now },
        OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }],
      },
      data: { lockedUntil },
    });
    if (claim.count !== 1) return null;
    const row = await this.prisma.outbox.findUnique({ where: { id }, select: { payload: true, attempts: true } });
    if (!row) return null;

    const message = parseEmailPayload(row.payload, id, this.keys);
    if (!message) {
      await this.prisma.outbox.updateMany({
        where: { id, status: "PENDING", lockedUntil },
        data: { status: "FAILED", lastError: "invalid email payload", lockedUntil: null },
      });
      this.log(`Outbox: email ${id} has an invalid payload, marked FAILED`);
      return "failed";
    }

    try {
      await this.getTransport().sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
        messageId: `<${id}@loket>`,
        headers: { "X-Loket-Kategori": message.kategori },
      });
    } catch (err) {
      return this.recordFailure(id, lockedUntil, row.attempts + 1, err);
    }
    await this.markSent(id, message);
    return "sent";
  }

  /** The mail server has the message: record that first, retrying a failed write rather than resending. */
  private async markSent(id: string, message: EmailMessage): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        // whoever sent it, once SENT it stays SENT (and keeps the first sentAt); the body is not kept
        await this.prisma.outbox.updateMany({
          where: { id, status: { not: "SENT" } },
          data: { status: "SENT", sentAt: new Date(), lockedUntil: null, payload: sentPayload(message) },
        });
        return;
      } catch (err) {
        if (attempt >= 4) {
          this.log(`Outbox: email ${id} was sent but could not be marked SENT; it may be sent again`, describeError(err));
          throw err;
        }
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
  }

  private async recordFailure(id: string, lockedUntil: Date, attempts: number, err: unknown): Promise<"failed" | "retried" | null> {
    const lastError = describeError(err);
    const giveUp = attempts >= this.maxAttempts;
    const delay = retryDelayMs(attempts);
    // only while we still hold the claim: a stale worker must not overwrite someone else's result
    const updated = await this.prisma.outbox.updateMany({
      where: { id, status: "PENDING", lockedUntil },
      data: giveUp
        ? { status: "FAILED", attempts, lastError, lockedUntil: null }
        : { attempts, lastError, lockedUntil: null, nextAttemptAt: new Date(Date.now() + delay) },
    });
    if (updated.count !== 1) return null;
    if (giveUp) this.log(`Outbox: email ${id} FAILED after ${attempts} attempts`, { error: redact(lastError) });
    else this.log(`Outbox: email ${id} failed (attempt ${attempts}/${this.maxAttempts}), retry in ${Math.round(delay / 1000)} s`, { error: redact(lastError) });
    return giveUp ? "failed" : "retried";
  }

  private getTransport() {
    // the URL's own settings win over these defaults (nodemailer merges them that way)
    this.transport ??= nodemailer.createTransport({ url: this.smtpUrl!, ...SMTP_TIMEOUTS });
    return this.transport;
  }
}

/** Short, single-line error for `Outbox.lastError`: code, SMTP status and the server's reply. */
function describeError(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const detail = typeof e.response === "string" && e.response ? e.response : typeof e.message === "string" ? e.message : String(err);
  const head = [e.code, e.responseCode].filter((x) => typeof x === "string" || typeof x === "number").join(" ");
  return `${head ? `${head}: ` : ""}${detail}`.replace(/\s+/g, " ").trim().slice(0, 300);
}

/** Logs carry no addresses (the database row has them for the operator). */
function redact(s: string): string {
  return s.replace(/[^\s<>@:;,"]+@[^\s<>@:;,"]+/g, "<alamat>");
}

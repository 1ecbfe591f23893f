import type { Transporter } from "nodemailer";
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { backoffMs } from "../../lib/polling-loop";
import { OutboxWorkerBase, type OutboxRunResult, type SendOutcome } from "../../lib/outbox-worker";
import { EMAIL_KIND, parseEmailPayload, sentPayload } from "./outbox";
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

export type RunResult = OutboxRunResult;

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
 * Sends the emails queued by `enqueueEmail`, with the claim/send/record loop of every outbox
 * (lib/outbox-worker.ts): safe with several instances on one database, and a SENT row is never claimed again.
 *
 * Delivery is at least once: if the process dies after the mail server accepted a message but before the
 * row is marked, the row is sent again after the lock expires. The Message-ID is derived from the row id,
 * so such a duplicate is recognisable. A clean stop() never causes one.
 */
export class OutboxWorker extends OutboxWorkerBase<{ payload: unknown; attempts: number; requestId: string | null }, { payload: Prisma.InputJsonObject }> {
  private readonly prisma: PrismaClient;
  private readonly keys: Keys | undefined;
  private readonly smtpUrl: string | undefined;
  private readonly from: string;

  private transport: Promise<Transporter> | null = null;

  constructor(opts: OutboxWorkerOptions) {
    const { prisma } = opts;
    const log = opts.log ?? (() => {});
    // every call on email rows only: the table may hold other kinds
    const where = <W extends object>(w: W) => ({ ...w, kind: EMAIL_KIND });
    super({
      name: "Outbox",
      noun: "email",
      table: {
        findMany: (a) => prisma.outbox.findMany({ ...a, where: where(a.where) }),
        updateMany: (a) => prisma.outbox.updateMany({ ...a, where: where(a.where) }),
      },
      lockMs: LOCK_MS,
      maxAttempts: Math.max(1, opts.maxAttempts ?? 8),
      batch: Math.max(1, opts.batch ?? 20),
      pollMs: opts.pollMs ?? 2_000,
      retryDelayMs: (attempts) => retryDelayMs(attempts),
      log,
      describeError,
      logError: redact,
    });
    this.prisma = prisma;
    this.keys = opts.keys;
    this.smtpUrl = opts.smtpUrl || undefined;
    this.from = opts.from;
  }

  /**
   * Poll in the background. Timers are unref'd: the worker never keeps a process alive on its own. Without
   * SMTP_URL it does nothing: the server's start says so once (config.ts startupCheck) and admins see the
   * waiting emails (mail/status.ts).
   */
  override start(): void {
    if (this.smtpUrl) super.start();
  }

  /** Stop polling; resolves once an in-flight send has finished and been recorded. */
  override async stop(): Promise<void> {
    await super.stop();
    const transport = this.transport;
    this.transport = null;
    void transport?.then(
      (t) => t.close(),
      () => {},
    );
  }

  protected override ready(): boolean {
    return !!this.smtpUrl;
  }

  protected override load(id: string) {
    return this.prisma.outbox.findUnique({ where: { id }, select: { payload: true, attempts: true, requestId: true } });
  }

  protected override async send(row: { payload: unknown }, id: string): Promise<SendOutcome<{ payload: Prisma.InputJsonObject }>> {
    const message = parseEmailPayload(row.payload, id, this.keys);
    if (!message) return { sent: false, final: true, error: "invalid email payload", log: "has an invalid payload, marked FAILED" };
    await (await this.getTransport()).sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html ? { html: message.html } : {}),
      // nodemailer sends it as the text/calendar alternative and as an .ics attachment (mail clients offer "add")
      ...(message.ics ? { icalEvent: { method: "REQUEST", filename: "kunjungan.ics", content: message.ics } } : {}),
      messageId: `<${id}@loket>`,
      headers: { "X-Loket-Kategori": message.kategori },
    });
    // the body is not kept once the mail server has it
    return { sent: true, extra: { payload: sentPayload(message) } };
  }

  private getTransport() {
    // nodemailer is loaded with the first email sent, not at every start (an install without SMTP never loads it);
    // the URL's own settings win over these defaults (nodemailer merges them that way)
    this.transport ??= import("nodemailer").then(({ default: nodemailer }) => nodemailer.createTransport({ url: this.smtpUrl!, ...SMTP_TIMEOUTS }));
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

import type { PrismaClient } from "../../generated/prisma/client";
import { decrypt, type Keys } from "../../lib/crypto";
import { PollingLoop } from "../../lib/polling-loop";
import type { OfficeCalendar } from "../calendar/working-time";
import { BELUM_DIPUTUS, CAKRAWALA_PERINGATAN_MS, peringatanTenggat } from "../ppid/rules";
import { enqueueWebhook, receivingClients, relayId, type WebhookBody } from "./outbox";
import { signedHeaders } from "./signature";
import { WEBHOOK_MAX_ATTEMPTS, webhookRetryDelayMs } from "./rules";
import { checkDestination, postToDestination, type Lookup } from "./destination";

export interface WebhookWorkerOptions {
  prisma: PrismaClient;
  keys: Keys;
  /** office calendars, for "within one working day" of a PPID deadline */
  calendars: { get(instansiId: string): Promise<OfficeCalendar> };
  log?: (message: string, extra?: unknown) => void;
  /** idle polling interval; kick() runs sooner */
  pollMs?: number;
  /** how often the PPID deadlines are looked at */
  ppidEveryMs?: number;
  maxAttempts?: number;
  batch?: number;
  /** per attempt: connect, send and answer */
  timeoutMs?: number;
  retryDelayMs?: (attempts: number) => number;
  /** WEBHOOK_ALLOW_PRIVATE: deliver to loopback, private and other internal addresses too (default: never) */
  allowPrivateAddresses?: boolean;
  /** name resolution (default: the system's); tests stand in a resolver that answers like a rebinding attacker */
  lookup?: Lookup;
}

export interface WebhookRunResult {
  sent: number;
  failed: number;
  retried: number;
}

/** How long a claimed delivery is reserved for one worker; well above the request timeout. */
export const WEBHOOK_LOCK_MS = 60_000;
const SECRET_AAD = (subscriptionId: string) => `webhook:${subscriptionId}`;
export const webhookSecretAad = SECRET_AAD;

/**
 * Sends the deliveries queued by `enqueueWebhook`, with the outbox design of the email worker: each row is
 * claimed by one conditional UPDATE (several instances may run this), failures are retried with exponential
 * backoff, and a delivery is at least once: a receiver that answered 2xx but whose answer was lost gets the
 * same `X-Loket-Delivery` again, which is how it recognises the duplicate.
 *
 * It also checks PPID deadlines periodically and queues PPID_TENGGAT once per request, state and deadline.
 */
export class WebhookWorker {
  private readonly prisma: PrismaClient;
  private readonly keys: Keys;
  private readonly calendars: WebhookWorkerOptions["calendars"];
  private readonly log: (message: string, extra?: unknown) => void;
  private readonly ppidEveryMs: number;
  private readonly maxAttempts: number;
  private readonly batch: number;
  private readonly timeoutMs: number;
  private readonly retryDelay: (attempts: number) => number;
  private readonly allowPrivate: boolean;
  private readonly lookup: Lookup | undefined;
  private readonly loop: PollingLoop;

  private lastDue = 0;
  private lastPpidCheck = 0;

  constructor(opts: WebhookWorkerOptions) {
    this.prisma = opts.prisma;
    this.keys = opts.keys;
    this.calendars = opts.calendars;
    this.log = opts.log ?? (() => {});
    this.ppidEveryMs = opts.ppidEveryMs ?? 5 * 60_000;
    this.maxAttempts = Math.max(1, opts.maxAttempts ?? WEBHOOK_MAX_ATTEMPTS);
    this.batch = Math.max(1, opts.batch ?? 20);
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.retryDelay = opts.retryDelayMs ?? webhookRetryDelayMs;
    this.allowPrivate = opts.allowPrivateAddresses ?? false;
    this.lookup = opts.lookup;
    this.loop = new PollingLoop({
      pollMs: opts.pollMs ?? 2_000,
      tick: async () => {
        if (Date.now() - this.lastPpidCheck >= this.ppidEveryMs) {
          this.lastPpidCheck = Date.now();
          await this.checkPpidDeadlines().catch((err) => this.log("Webhook: PPID deadline check failed", describeError(err)));
        }
        await this.runOnce();
        return { again: this.lastDue >= this.batch };
      },
      onError: (err) => this.log("Webhook: run failed, will retry", describeError(err)),
    });
  }

  /** Poll in the background. Timers are unref'd: the worker never keeps a process alive on its own. */
  start(): void {
    this.loop.start();
  }

  /** Stop polling; resolves once the delivery in hand has been recorded. */
  stop(): Promise<void> {
    return this.loop.stop();
  }

  /** Run soon: call after a transaction that queued deliveries has committed. */
  kick(): void {
    this.loop.kick();
  }

  /** One pass over the due deliveries. Calls on one instance run one after another. */
  runOnce(): Promise<WebhookRunResult> {
    return this.loop.runOnce(() => this.runBatch());
  }

  private async runBatch(): Promise<WebhookRunResult> {
    const result: WebhookRunResult = { sent: 0, failed: 0, retried: 0 };
    this.lastDue = 0;
    if (this.loop.stopping) return result;
    const now = new Date();
    const due = await this.prisma.webhookDelivery.findMany({
      where: { status: "PENDING", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      orderBy: [{ nextAttemptAt: "asc" }, { createdAt: "asc" }],
      take: this.batch,
      select: { id: true },
    });
    this.lastDue = due.length;
    for (const { id } of due) {
      if (this.loop.stopping) break;
      const outcome = await this.deliver(id);
      if (outcome) result[outcome]++;
    }
    return result;
  }

  /** Claim, send, record. Null when another worker had the row. */
  private async deliver(id: string): Promise<keyof WebhookRunResult | null> {
    const now = new Date();
    const lockedUntil = new Date(now.getTime() + WEBHOOK_LOCK_MS);
    const claim = await this.prisma.webhookDelivery.updateMany({
      where: { id, status: "PENDING", nextAttemptAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      data: { lockedUntil },
    });
    if (claim.count !== 1) return null;
    const row = await this.prisma.webhookDelivery.findUnique({
      where: { id },
      select: {
        event: true,
        payload: true,
        attempts: true,
        subscription: { select: { id: true, url: true, aktif: true, secretCipher: true, client: { select: { dicabutAt: true, berlakuSampai: true, scopes: true } } } },
      },
    });
    if (!row) return null;
    const { subscription: sub } = row;
    const c = sub.client;
    const usable = sub.aktif && !c.dicabutAt && (!c.berlakuSampai || c.berlakuSampai > now) && c.scopes.includes("TERIMA_WEBHOOK");
    if (!usable) {
      await this.prisma.webhookDelivery.updateMany({
        where: { id, status: "PENDING", lockedUntil },
        data: { status: "FAILED", lastError: "langganan atau klien API tidak aktif lagi", lockedUntil: null },
      });
      return "failed";
    }

    // the stored JSON comes back with its keys in the database's order: send them in the documented one
    const { id: bodyId, event, terjadiPada, instansiId, data } = row.payload as unknown as WebhookBody;
    const body = JSON.stringify({ id: bodyId, event, terjadiPada, instansiId, data });
    const timestamp = Math.floor(Date.now() / 1000);
    let secret: string;
    try {
      secret = decrypt(this.keys, sub.secretCipher, SECRET_AAD(sub.id));
    } catch (err) {
      return this.recordFailure(id, lockedUntil, row.attempts + 1, `signing secret unreadable: ${describeError(err)}`, null);
    }
    // the address is checked again now (the name may point elsewhere since it was registered: DNS rebinding),
    // and the request goes to the address that was checked
    const url = new URL(sub.url);
    const started = Date.now();
    const destination = await checkDestination(url, { allowPrivate: this.allowPrivate, lookup: this.lookup, timeoutMs: this.timeoutMs });
    if (!destination.ok) {
      return this.recordFailure(id, lockedUntil, row.attempts + 1, destination.blocked ? `alamat tujuan ditolak: ${destination.reason}` : destination.reason, null);
    }
    let status: number;
    let answer = "";
    try {
      ({ status, answer } = await postToDestination(url, {
        headers: signedHeaders(secret, body, { event: row.event, deliveryId: id, timestamp }),
        body,
        timeoutMs: Math.max(1, this.timeoutMs - (Date.now() - started)),
        pinned: destination.addresses?.[0] ?? null,
      }));
    } catch (err) {
      return this.recordFailure(id, lockedUntil, row.attempts + 1, describeError(err), null);
    }
    if (status >= 200 && status < 300) {
      await this.markSent(id, status);
      return "sent";
    }
    return this.recordFailure(id, lockedUntil, row.attempts + 1, `HTTP ${status}${answer ? `: ${answer}` : ""}`, status);
  }

  private async markSent(id: string, status: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.prisma.webhookDelivery.updateMany({
          where: { id, status: { not: "SENT" } },
          data: { status: "SENT", sentAt: new Date(), lockedUntil: null, lastStatusCode: status, lastError: null },
        });
        return;
      } catch (err) {
        if (attempt >= 4) {
          this.log(`Webhook: delivery ${id} was answered but could not be marked SENT; it may be sent again`, describeError(err));
          throw err;
        }
        await new Promise((r) => setTimeout(r, 250 * 2 ** attempt));
      }
    }
  }

  private async recordFailure(id: string, lockedUntil: Date, attempts: number, lastError: string, status: number | null): Promise<"failed" | "retried" | null> {
    const giveUp = attempts >= this.maxAttempts;
    const delay = this.retryDelay(attempts);
    const error = lastError.replace(/\s+/g, " ").trim().slice(0, 300);
    const updated = await this.prisma.webhookDelivery.updateMany({
      where: { id, status: "PENDING", lockedUntil },
      data: giveUp
        ? { status: "FAILED", attempts, lastError: error, lastStatusCode: status, lockedUntil: null }
        : { attempts, lastError: error, lastStatusCode: status, lockedUntil: null, nextAttemptAt: new Date(Date.now() + delay) },
    });
    if (updated.count !== 1) return null;
    if (giveUp) this.log(`Webhook: delivery ${id} FAILED after ${attempts} attempts`, { error });
    else this.log(`Webhook: delivery ${id} failed (attempt ${attempts}/${this.maxAttempts}), retry in ${Math.round(delay / 1000)} s`, { error });
    return giveUp ? "failed" : "retried";
  }

  /**
   * Queues PPID_TENGGAT for every undecided information request of a subscribed instansi whose deadline is
   * within one working day (DEKAT) or past (LEWAT). A PengingatTenggat row per request, state and deadline is
   * inserted in the same transaction (ON CONFLICT DO NOTHING), so each is queued once, also with several
   * workers; an extended deadline is a new deadline and is announced again. Returns the deliveries queued.
   */
  async checkPpidDeadlines(now: Date = new Date()): Promise<number> {
    const subscribed = await this.prisma.webhookSubscription.findMany({
      where: { aktif: true, events: { has: "PPID_TENGGAT" }, client: receivingClients(now) },
      select: { client: { select: { instansiId: true } } },
    });
    const instansiIds = [...new Set(subscribed.map((s) => s.client.instansiId))];
    if (instansiIds.length === 0) return 0;
    const open = await this.prisma.permohonanInformasi.findMany({
      where: { instansiId: { in: instansiIds }, status: { in: [...BELUM_DIPUTUS] }, diputusAt: null, tenggat: { lte: new Date(now.getTime() + CAKRAWALA_PERINGATAN_MS) } },
      select: { id: true, instansiId: true, nomorRegister: true, status: true, tenggat: true, diputusAt: true },
    });
    let queued = 0;
    for (const p of open) {
      const peringatan = peringatanTenggat(await this.calendars.get(p.instansiId), p, now);
      if (!peringatan) continue;
      queued += await this.prisma.$transaction(async (tx) => {
        const marked = await tx.pengingatTenggat.createMany({ data: [{ permohonanId: p.id, keadaan: peringatan.keadaan, tenggat: p.tenggat }], skipDuplicates: true });
        if (marked.count === 0) return 0;
        return enqueueWebhook(tx, {
          event: "PPID_TENGGAT",
          instansiId: p.instansiId,
          at: now,
          data: { permohonanId: relayId("PermohonanInformasi", p.id), ...peringatan },
        });
      });
    }
    return queued;
  }
}

function describeError(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const cause = e.cause && typeof e.cause === "object" ? `${typeof e.cause.code === "string" ? `${e.cause.code} ` : ""}${typeof e.cause.message === "string" ? e.cause.message : ""}`.trim() : "";
  const msg = typeof e.message === "string" ? e.message : String(err);
  return (cause ? `${msg} (${cause})` : msg).replace(/\s+/g, " ").trim().slice(0, 300);
}

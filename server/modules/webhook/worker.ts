import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { decrypt, type Keys } from "../../lib/crypto";
import { OutboxWorkerBase, type OutboxRunResult, type SendOutcome } from "../../lib/outbox-worker";
import type { OfficeCalendar } from "../calendar/working-time";
import { BELUM_DIPUTUS, CAKRAWALA_PERINGATAN_MS, peringatanTenggat } from "../ppid/rules";
import { enqueueWebhook, type WebhookBody } from "./outbox";
import { receivingClients } from "./targets";
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

export type WebhookRunResult = OutboxRunResult;

/** How long a claimed delivery is reserved for one worker; well above the request timeout. */
export const WEBHOOK_LOCK_MS = 60_000;
const SECRET_AAD = (subscriptionId: string) => `webhook:${subscriptionId}`;
export const webhookSecretAad = SECRET_AAD;

/** What a claimed delivery is sent with. */
const DELIVERY = {
  event: true,
  payload: true,
  attempts: true,
  requestId: true,
  subscription: {
    select: { id: true, url: true, aktif: true, secretCipher: true, client: { select: { dicabutAt: true, berlakuSampai: true, scopes: true } } },
  },
} satisfies Prisma.WebhookDeliverySelect;
type Delivery = Prisma.WebhookDeliveryGetPayload<{ select: typeof DELIVERY }>;
type Recorded = { lastStatusCode: number | null };

/**
 * Sends the deliveries queued by `enqueueWebhook`, with the claim/send/record loop of every outbox
 * (lib/outbox-worker.ts): several instances may run this, failures are retried with exponential backoff, and a
 * delivery is at least once: a receiver that answered 2xx but whose answer was lost gets the same
 * `X-Loket-Delivery` again, which is how it recognises the duplicate.
 *
 * It also checks PPID deadlines periodically and queues PPID_TENGGAT once per request, state and deadline.
 */
export class WebhookWorker extends OutboxWorkerBase<Delivery, Recorded> {
  private readonly prisma: PrismaClient;
  private readonly keys: Keys;
  private readonly calendars: WebhookWorkerOptions["calendars"];
  private readonly log: (message: string, extra?: unknown) => void;
  private readonly ppidEveryMs: number;
  private readonly timeoutMs: number;
  private readonly allowPrivate: boolean;
  private readonly lookup: Lookup | undefined;

  private lastPpidCheck = 0;

  constructor(opts: WebhookWorkerOptions) {
    const log = opts.log ?? (() => {});
    super({
      name: "Webhook",
      noun: "delivery",
      table: opts.prisma.webhookDelivery,
      lockMs: WEBHOOK_LOCK_MS,
      maxAttempts: Math.max(1, opts.maxAttempts ?? WEBHOOK_MAX_ATTEMPTS),
      batch: Math.max(1, opts.batch ?? 20),
      pollMs: opts.pollMs ?? 2_000,
      retryDelayMs: opts.retryDelayMs ?? webhookRetryDelayMs,
      log,
      describeError,
    });
    this.prisma = opts.prisma;
    this.keys = opts.keys;
    this.calendars = opts.calendars;
    this.log = log;
    this.ppidEveryMs = opts.ppidEveryMs ?? 5 * 60_000;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.allowPrivate = opts.allowPrivateAddresses ?? false;
    this.lookup = opts.lookup;
  }

  protected override async beforePass(): Promise<void> {
    if (Date.now() - this.lastPpidCheck < this.ppidEveryMs) return;
    this.lastPpidCheck = Date.now();
    await this.checkPpidDeadlines().catch((err) => this.log("Webhook: PPID deadline check failed", describeError(err)));
  }

  protected override load(id: string) {
    return this.prisma.webhookDelivery.findUnique({ where: { id }, select: DELIVERY });
  }

  /** One signed POST of a claimed delivery. */
  protected override async send(row: Delivery, id: string, now: Date): Promise<SendOutcome<Recorded>> {
    const { subscription: sub } = row;
    const c = sub.client;
    const usable = sub.aktif && !c.dicabutAt && (!c.berlakuSampai || c.berlakuSampai > now) && c.scopes.includes("TERIMA_WEBHOOK");
    if (!usable) return { sent: false, final: true, error: "langganan atau klien API tidak aktif lagi" };
    const failed = (error: string, status: number | null = null): SendOutcome<Recorded> => ({ sent: false, error, extra: { lastStatusCode: status } });

    // the stored JSON comes back with its keys in the database's order: send them in the documented one
    const { id: bodyId, event, terjadiPada, instansiId, data } = row.payload as unknown as WebhookBody;
    const body = JSON.stringify({ id: bodyId, event, terjadiPada, instansiId, data });
    const timestamp = Math.floor(Date.now() / 1000);
    let secret: string;
    try {
      secret = decrypt(this.keys, sub.secretCipher, SECRET_AAD(sub.id));
    } catch (err) {
      return failed(`signing secret unreadable: ${describeError(err)}`);
    }
    // the address is checked again now (the name may point elsewhere since it was registered: DNS rebinding),
    // and the request goes to the address that was checked
    const url = new URL(sub.url);
    const started = Date.now();
    const destination = await checkDestination(url, { allowPrivate: this.allowPrivate, lookup: this.lookup, timeoutMs: this.timeoutMs });
    if (!destination.ok) return failed(destination.blocked ? `alamat tujuan ditolak: ${destination.reason}` : destination.reason);
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
      return failed(describeError(err));
    }
    if (status >= 200 && status < 300) return { sent: true, extra: { lastStatusCode: status, lastError: null } };
    return failed(`HTTP ${status}${answer ? `: ${answer}` : ""}`, status);
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
      where: {
        instansiId: { in: instansiIds },
        status: { in: [...BELUM_DIPUTUS] },
        diputusAt: null,
        tenggat: { lte: new Date(now.getTime() + CAKRAWALA_PERINGATAN_MS) },
      },
      select: { id: true, instansiId: true, nomorRegister: true, status: true, tenggat: true, diputusAt: true },
    });
    let queued = 0;
    for (const p of open) {
      const peringatan = peringatanTenggat(await this.calendars.get(p.instansiId), p, now);
      if (!peringatan) continue;
      queued += await this.prisma.$transaction(async (tx) => {
        const marked = await tx.pengingatTenggat.createMany({
          data: [{ permohonanId: p.id, keadaan: peringatan.keadaan, tenggat: p.tenggat }],
          skipDuplicates: true,
        });
        if (marked.count === 0) return 0;
        return enqueueWebhook(tx, {
          event: "PPID_TENGGAT",
          instansiId: p.instansiId,
          at: now,
          data: { permohonanId: encodeGlobalID("PermohonanInformasi", p.id), ...peringatan },
        });
      });
    }
    return queued;
  }
}

function describeError(err: unknown): string {
  const e = (err ?? {}) as { code?: unknown; message?: unknown; cause?: { code?: unknown; message?: unknown } };
  const cause =
    e.cause && typeof e.cause === "object"
      ? `${typeof e.cause.code === "string" ? `${e.cause.code} ` : ""}${typeof e.cause.message === "string" ? e.cause.message : ""}`.trim()
      : "";
  const msg = typeof e.message === "string" ? e.message : String(err);
  return (cause ? `${msg} (${cause})` : msg).replace(/\s+/g, " ").trim().slice(0, 300);
}

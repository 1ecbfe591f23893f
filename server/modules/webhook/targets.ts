import type { Prisma } from "../../generated/prisma/client";
import { listen, type PubSub } from "../../pubsub";
import type { WebhookEventName } from "./rules";

/** Until a change is heard of, at most this old (a lost Redis message is not forever). */
const TTL_MS = 30_000;

type Reader = Pick<Prisma.TransactionClient, "webhookSubscription">;

/** Clients that may receive events, whatever the time: not revoked, still holding TERIMA_WEBHOOK, of an active instansi. */
export const RECEIVING_CLIENTS = { dicabutAt: null, scopes: { has: "TERIMA_WEBHOOK" }, instansi: { aktif: true } } satisfies Prisma.ApiClientWhereInput;

/** Clients that may receive events now: the above, and not expired. */
export function receivingClients(now: Date): Prisma.ApiClientWhereInput {
  return { ...RECEIVING_CLIENTS, OR: [{ berlakuSampai: null }, { berlakuSampai: { gt: now } }] };
}

interface Target {
  id: string;
  events: readonly WebhookEventName[];
  /** the client's expiry: checked at each use, since time passes without any change being published */
  berlakuSampai: Date | null;
}

/**
 * Which webhook subscriptions of an instansi receive an event, remembered per instansi. Every status change
 * asks; almost always the answer is "none", and it changes only when a subscription, an API client or an
 * instansi does. Such a change on any instance publishes `webhook:targets` (or `auth:client-invalidate` /
 * `calendar:changed`, which already go out for client and instansi changes) and every instance forgets.
 */
export class WebhookTargets {
  /** a lookup in flight is remembered too; a change forgets it with the rest, so it is never kept stale */
  private cache = new Map<string, { until: number; targets: Promise<Target[]> }>();
  private stops: Array<() => void> = [];

  constructor(private readonly pubsub: PubSub) {}

  start(): void {
    const forget = () => this.forget();
    this.stops = [
      listen(this.pubsub, "webhook:targets", forget),
      listen(this.pubsub, "auth:client-invalidate", forget),
      listen(this.pubsub, "calendar:changed", forget),
      this.pubsub.onResync(forget),
    ];
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.forget();
  }

  /** Call after committing a change to webhook subscriptions; reaches every instance. */
  changed(): void {
    this.forget();
    this.pubsub.publish("webhook:targets", {});
  }

  /** The ids of the subscriptions that receive `event` of `instansiId` now; read with `db` (e.g. the transaction) when not known. */
  async subscriptionIds(db: Reader, instansiId: string, event: WebhookEventName, now: Date): Promise<string[]> {
    const targets = await this.load(db, instansiId);
    return targets.filter((t) => t.events.includes(event) && (t.berlakuSampai === null || t.berlakuSampai > now)).map((t) => t.id);
  }

  private load(db: Reader, instansiId: string): Promise<Target[]> {
    const hit = this.cache.get(instansiId);
    // while the bus is down a change elsewhere is not heard: read each time
    if (hit && hit.until > Date.now() && this.pubsub.healthy) return hit.targets;
    const targets = db.webhookSubscription
      .findMany({
        // the expiry is checked at each use (time passes without any change being published)
        where: { aktif: true, client: { ...RECEIVING_CLIENTS, instansiId } },
        select: { id: true, events: true, client: { select: { berlakuSampai: true } } },
      })
      .then((rows) => rows.map((r) => ({ id: r.id, events: r.events, berlakuSampai: r.client.berlakuSampai })));
    const entry = { until: Date.now() + TTL_MS, targets };
    this.cache.set(instansiId, entry);
    // a failed read (e.g. its transaction broke) is not remembered
    targets.catch(() => {
      if (this.cache.get(instansiId) === entry) this.cache.delete(instansiId);
    });
    return targets;
  }

  private forget(): void {
    this.cache.clear();
  }
}

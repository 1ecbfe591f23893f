import { createPubSub } from "graphql-yoga";
import { createRedisEventTarget } from "@graphql-yoga/redis-event-target";
import { Redis } from "ioredis";
import type { AccountStatus } from "./generated/prisma/enums";

/** Every live topic and its payload. Events are published only after the write has committed. */
export type Topics = {
  "account:status": [userId: string, payload: { userId: string; status: AccountStatus; reason: string | null; at: string }];
  "user:notification": [userId: string, payload: { notificationId: string }];
  /** sessions of this user must be re-read (logout, suspension, role or password change) */
  "auth:invalidate": [payload: { userId: string }];
  /** an API client's secret was rotated or the client revoked: forget its cached resolution */
  "auth:client-invalidate": [payload: { clientId: string }];
  /** a pengajuan changed: its owner and the staff of its instansi re-read it */
  "pengajuan:updated": [pengajuanId: string, payload: { pengajuanId: string; seq: number; status: string; pemohonId: string; instansiId: string }];
  /** something in an instansi's queue changed (for staff dashboards) */
  "instansi:queue": [instansiId: string, payload: { pengajuanId: string; status: string; seq: number }];
  /** some instansi's queue changed: cached queue pages everywhere are dropped */
  "antrian:berubah": [payload: { instansiId: string }];
  /** a complaint or information request changed (reporter/requester and the desk re-read it) */
  "pengaduan:updated": [pengaduanId: string, payload: { id: string; seq: number }];
  "permohonan:updated": [permohonanId: string, payload: { id: string; seq: number }];
  "instansi:pengaduan": [instansiId: string, payload: { id: string }];
  "instansi:permohonan": [instansiId: string, payload: { id: string }];
  /** a webhook subscription was created, changed or ended: cached receivers everywhere are dropped */
  "webhook:targets": [payload: Record<string, never>];
  /** holidays, closures or office hours changed (instansiId null: the national table) */
  "calendar:changed": [payload: { instansiId: string | null }];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>> & { close(): Promise<void> };

/** Topics published without an id (to every listener of every instance). */
type Broadcast = { [K in keyof Topics]: Topics[K] extends [unknown] ? K : never }[keyof Topics];

/**
 * Calls `handle` for each event of a broadcast topic, in order, until the returned function is called. For
 * process-wide listeners (caches that forget what another instance changed); a failing handler is skipped.
 */
export function listen<T extends Broadcast>(pubsub: PubSub, topic: T, handle: (payload: Topics[T][0]) => void): () => void {
  const iterator = (pubsub.subscribe as (topic: T) => AsyncIterableIterator<Topics[T][0]>)(topic);
  let stopped = false;
  void (async () => {
    for await (const payload of iterator) {
      if (stopped) break;
      try {
        handle(payload);
      } catch {
        // one bad event must not end the listener
      }
    }
  })().catch(() => {});
  return () => {
    stopped = true;
    void iterator.return?.();
  };
}

/** In memory for one instance; through Redis when REDIS_URL is set so several instances share events. */
export function createLoketPubSub(redisUrl: string | undefined): PubSub {
  if (!redisUrl) {
    return Object.assign(createPubSub<Topics>(), { close: async () => {} });
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  // connection trouble is retried by ioredis; without a listener it would crash the process
  for (const client of [publishClient, subscribeClient]) client.on("error", () => {});
  // the event target fires subscribe/unsubscribe/publish without handling their promises; one that fails
  // while the connection closes at shutdown must not become an unhandled rejection
  for (const [client, method] of [[subscribeClient, "subscribe"], [subscribeClient, "unsubscribe"], [publishClient, "publish"]] as const) {
    const original = (client[method] as (...a: unknown[]) => Promise<unknown>).bind(client);
    (client as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const p = original(...args);
      p.catch(() => {});
      return p;
    };
  }
  const eventTarget = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  const pubsub = createPubSub<Topics>({ eventTarget: eventTarget as never });
  return Object.assign(pubsub, {
    close: async () => {
      // let unsubscribes from ending subscriptions go out before the connections close
      await new Promise((resolve) => setTimeout(resolve, 50));
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  });
}

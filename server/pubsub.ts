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
  /** a pengajuan changed: its owner and the staff of its instansi re-read it */
  "pengajuan:updated": [pengajuanId: string, payload: { pengajuanId: string; seq: number; status: string }];
  /** something in an instansi's queue changed (for staff dashboards) */
  "instansi:queue": [instansiId: string, payload: { pengajuanId: string; status: string; seq: number }];
  /** a complaint or information request changed (reporter/requester and the desk re-read it) */
  "pengaduan:updated": [pengaduanId: string, payload: { id: string; seq: number }];
  "permohonan:updated": [permohonanId: string, payload: { id: string; seq: number }];
  "instansi:pengaduan": [instansiId: string, payload: { id: string }];
  "instansi:permohonan": [instansiId: string, payload: { id: string }];
  /** holidays, closures or office hours changed (instansiId null: the national table) */
  "calendar:changed": [payload: { instansiId: string | null }];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>> & { close(): Promise<void> };

/** In memory for one instance; through Redis when REDIS_URL is set so several instances share events. */
export function createLoketPubSub(redisUrl: string | undefined): PubSub {
  if (!redisUrl) {
    return Object.assign(createPubSub<Topics>(), { close: async () => {} });
  }
  const publishClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  const subscribeClient = new Redis(redisUrl, { lazyConnect: false, maxRetriesPerRequest: 3 });
  // connection trouble is retried by ioredis; without a listener it would crash the process
  for (const client of [publishClient, subscribeClient]) client.on("error", () => {});
  const eventTarget = createRedisEventTarget<CustomEvent>({ publishClient, subscribeClient });
  const pubsub = createPubSub<Topics>({ eventTarget: eventTarget as never });
  return Object.assign(pubsub, {
    close: async () => {
      await Promise.allSettled([publishClient.quit(), subscribeClient.quit()]);
    },
  });
}

import { createPubSub } from "graphql-yoga";
import { randomUUID } from "node:crypto";
import { createRedis } from "./lib/redis";
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
  /** a letter was sent to this signing official, signed or returned: the official's queue re-reads */
  "surat:ttd": [penandatanganId: string, payload: { suratId: string; status: string }];
  /** a complaint or information request changed (reporter/requester and the desk re-read it) */
  "pengaduan:updated": [pengaduanId: string, payload: { id: string; seq: number }];
  "permohonan:updated": [permohonanId: string, payload: { id: string; seq: number }];
  "instansi:pengaduan": [instansiId: string, payload: { id: string; seq: number }];
  "instansi:permohonan": [instansiId: string, payload: { id: string }];
  /** a webhook subscription was created, changed or ended: cached receivers everywhere are dropped */
  "webhook:targets": [payload: Record<string, never>];
  /** the office queue of an instansi changed (a ticket taken, called, served): displays and counters re-read the board */
  "antrian:loket": [instansiId: string, payload: { versi: string; tiketId: string | null }];
  /** a visit slot of this service was booked, moved, cancelled or closed: screens showing its free places re-read */
  "kunjungan:slot": [layananId: string, payload: { layananId: string }];
  "pelatihan:sesi": [sesiId: string, payload: { sesiId: string }];
  /** holidays, closures or office hours changed (instansiId null: the national table) */
  "calendar:changed": [payload: { instansiId: string | null }];
};

export type PubSub = ReturnType<typeof createPubSub<Topics>> & {
  close(): Promise<void>;
  /** false while the Redis connection is lost (always true in memory): caches must not trust what they hold */
  readonly healthy: boolean;
  /**
   * Calls `handle` each time the bus is back (every channel subscribed again, on first connect too), with the
   * moment from which events may have been missed (the start of the outage, less a margin): live
   * subscriptions re-read from the database what they missed, caches forget. Returns the function that stops it.
   */
  onResync(handle: (since: Date) => void): () => void;
  /** Delivers to this instance's listeners only (what a check against the database found out). */
  publishLocal: ReturnType<typeof createPubSub<Topics>>["publish"];
};
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

/** Marker an iterator of `follow` yields after the bus came back: re-read what may have been missed since `since`. */
export interface Resync {
  resync: true;
  since: Date;
}

export function isResync(value: unknown): value is Resync {
  return typeof value === "object" && value !== null && (value as Resync).resync === true && (value as Resync).since instanceof Date;
}

/**
 * `pubsub.subscribe(topic, id)` for a live subscription that keeps a cursor: besides the topic's events it
 * yields a `Resync` marker whenever the bus came back after an outage, so the subscription re-reads from the
 * database everything after the last thing it sent (events published during the outage never arrive).
 * Returning the iterator (or the inner pubsub iterator being returned) ends it.
 */
export function follow<T extends Exclude<keyof Topics, Broadcast>>(pubsub: PubSub, topic: T, id: string): AsyncGenerator<Topics[T][1] | Resync> {
  type Item = Topics[T][1] | Resync;
  const args = [topic, id];
  const inner = (pubsub.subscribe as unknown as (...a: unknown[]) => AsyncIterableIterator<Item>)(...args);
  const queue: Item[] = [];
  let done = false;
  let wake: (() => void) | null = null;
  const push = (item: Item | null) => {
    if (item === null) done = true;
    else queue.push(item);
    wake?.();
    wake = null;
  };
  const stopResync = pubsub.onResync((since) => push({ resync: true, since } as Item));
  // pull from the topic at once (a Repeater listens only from its first next()), so nothing slips in between
  void (async () => {
    try {
      for await (const item of inner) push(item);
    } finally {
      push(null);
    }
  })().catch(() => push(null));
  const end = async () => {
    stopResync();
    done = true;
    wake?.();
    await inner.return?.();
  };
  const generator = (async function* () {
    try {
      while (true) {
        if (queue.length > 0) {
          yield queue.shift()!;
          continue;
        }
        if (done) return;
        await new Promise<void>((resolve) => (wake = resolve));
      }
    } finally {
      await end();
    }
  })();
  return generator;
}

/**
 * A case's own feed (`pengaduanBerubah`, `permohonanInformasiBerubah`): `{ id }` at once for the current state,
 * then once per change newer than what was sent; after a bus outage once more, when the case moved on meanwhile
 * (`seqNow` reads its `seq` from the database).
 */
export async function* followCase(
  pubsub: PubSub,
  topic: "pengaduan:updated" | "permohonan:updated",
  id: string,
  seqNow: () => Promise<number>,
): AsyncGenerator<{ id: string }> {
  const iterator = follow(pubsub, topic, id);
  try {
    let last = await seqNow();
    yield { id };
    for await (const e of iterator) {
      const seq = isResync(e) ? await seqNow() : e.seq;
      if (seq <= last) continue; // read already (the state first, or after an outage)
      last = seq;
      yield { id };
    }
  } finally {
    await iterator.return(undefined);
  }
}

/** How often a cache of access (sessions, API keys) is checked against the database while the bus is down. */
export const VERIFY_EVERY_MS = 2_000;

/**
 * For a cache that hears its invalidations on the bus: while the bus is down, `verify` against the database every
 * few seconds; when it is back, verify once more and `clear`. Returns the stop function.
 */
export function checkWhileBusDown(pubsub: PubSub, verify: () => Promise<void>, clear: () => void): () => void {
  const timer = setInterval(() => {
    if (!pubsub.healthy) void verify();
  }, VERIFY_EVERY_MS);
  timer.unref();
  const stopResync = pubsub.onResync(() => void verify().then(clear));
  return () => {
    clearInterval(timer);
    stopResync();
  };
}

/**
 * A live feed with no cursor of its own (a queue, a desk, a person's notifications): the topic's events as they
 * come, and after an outage what `missed(since)` reads from the database, each `key` once (the most recent
 * keys sent are remembered, so a change heard live and read again is not sent twice).
 */
export async function* catchingUp<E>(events: AsyncGenerator<E | Resync>, missed: (since: Date) => Promise<E[]>, key: (e: E) => string): AsyncGenerator<E> {
  const sent = new Set<string>();
  const remember = (k: string) => {
    sent.add(k);
    if (sent.size > 2_000) sent.delete(sent.values().next().value!);
  };
  try {
    for await (const e of events) {
      if (!isResync(e)) {
        const k = key(e);
        if (sent.has(k)) continue; // read already after an outage (an event sent late, when Redis was back)
        remember(k);
        yield e;
        continue;
      }
      for (const m of await missed(e.since)) {
        const k = key(m);
        if (sent.has(k)) continue;
        remember(k);
        yield m;
      }
    }
  } finally {
    await events.return(undefined);
  }
}

/** How much earlier than the moment the loss was noticed a resync reads from (clocks of other instances, in-flight events). */
const RESYNC_MARGIN_MS = 5_000;

interface BusLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * The event target under the pub/sub: this instance's listeners hear its own events at once, whether or not
 * Redis is there; other instances hear them through Redis (a message carries its origin, so the sender does not
 * hear its own event twice). The channels listened to are remembered here and subscribed again each time the
 * connection is ready (ioredis would re-subscribe only those whose SUBSCRIBE had been confirmed, and one that
 * failed while Redis was down would never be subscribed). Commands fail at once while Redis is away (no offline
 * queue); events that could not be sent are sent when it is back, and every listener is told to catch up.
 */
function createBusEventTarget(redis: { url: string; log: BusLog } | null) {
  type Listener = ((e: CustomEvent) => void) | { handleEvent(e: CustomEvent): void } | null;
  const callbacks = new Map<string, Set<(event: CustomEvent) => void>>();
  const bound = new WeakMap<object, (e: CustomEvent) => void>();
  const resyncHandlers = new Set<(since: Date) => void>();
  const deliver = (topic: string, detail: unknown) => {
    const set = callbacks.get(topic);
    if (!set) return;
    const event = new CustomEvent(topic, { detail });
    for (const callback of [...set]) callback(event);
  };
  const resync = (since: Date) => {
    for (const handle of [...resyncHandlers]) {
      try {
        handle(since);
      } catch {
        // one failing handler must not stop the others
      }
    }
  };
  const local = {
    addEventListener(topic: string, callback: Listener) {
      if (!callback) return;
      let fn = bound.get(callback);
      if (!fn) bound.set(callback, (fn = "handleEvent" in callback ? callback.handleEvent.bind(callback) : callback));
      let set = callbacks.get(topic);
      if (!set) {
        callbacks.set(topic, (set = new Set()));
        bus?.subscribe(topic);
      }
      set.add(fn);
    },
    removeEventListener(topic: string, callback: Listener) {
      const fn = callback && bound.get(callback);
      const set = callbacks.get(topic);
      if (!fn || !set) return;
      set.delete(fn);
      if (set.size > 0) return;
      callbacks.delete(topic);
      bus?.unsubscribe(topic);
    },
    dispatchEvent(event: CustomEvent) {
      deliver(event.type, event.detail); // here first, never waiting on Redis
      bus?.publish(event.type, event.detail);
      return true;
    },
  };
  const bus = redis ? connectBus(redis.url, redis.log, { channels: () => callbacks.keys(), deliver, resync }) : null;
  return {
    target: local,
    deliverLocal: deliver,
    get healthy() {
      return bus ? bus.healthy : true;
    },
    onResync(handle: (since: Date) => void) {
      resyncHandlers.add(handle);
      return () => void resyncHandlers.delete(handle);
    },
    close: async () => {
      await bus?.close();
    },
  };
}

function connectBus(
  url: string,
  log: BusLog,
  local: { channels(): Iterable<string>; deliver(topic: string, detail: unknown): void; resync(since: Date): void },
) {
  const origin = randomUUID();
  const options = {
    // fail at once while disconnected: nothing waits on Redis, and what is missed is caught up (see above)
    enableOfflineQueue: false,
    autoResubscribe: false,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 2_000,
    retryStrategy: (attempt: number) => Math.min(attempt * 250, 1_000),
  };
  const publisher = createRedis(url, options);
  const subscriber = createRedis(url, options);
  let closing = false;
  let subscribed = false; // every channel listened to is subscribed on the current connection
  let healthy = false;
  let downSince = Date.now();
  let announcedDown = false;
  /** events that could not be sent while Redis was away (for instances that did not notice the outage) */
  const pending: Array<[string, string]> = [];
  const PENDING_MAX = 10_000;

  const update = () => {
    const now = subscribed && publisher.status === "ready" && subscriber.status === "ready";
    if (now === healthy || closing) return;
    healthy = now;
    if (!now) {
      downSince = Date.now();
      if (!announcedDown) {
        announcedDown = true;
        log.warn(
          "Redis tidak tersedia: peristiwa hanya sampai ke instance ini, batas laju dihitung per instance, sesi dan kunci API diperiksa ke basis data sampai Redis kembali",
        );
      }
      return;
    }
    if (announcedDown) log.info("Redis kembali: langganan terbuka membaca ulang yang terlewat dari basis data");
    announcedDown = false;
    const since = new Date(downSince - RESYNC_MARGIN_MS);
    flush();
    local.resync(since);
  };
  const flush = () => {
    while (pending.length > 0 && publisher.status === "ready") {
      const [channel, message] = pending.shift()!;
      publisher.publish(channel, message).catch(() => {
        if (pending.length < PENDING_MAX) pending.unshift([channel, message]);
      });
    }
  };
  const subscribeAll = async () => {
    const channels = [...local.channels()];
    try {
      for (let i = 0; i < channels.length; i += 500) await subscriber.subscribe(...channels.slice(i, i + 500));
      subscribed = true;
    } catch {
      subscribed = false;
      // still connected: try again shortly (a lost connection tries again when it is ready)
      if (subscriber.status === "ready" && !closing) setTimeout(() => void subscribeAll(), 500).unref();
    }
    update();
  };
  subscriber.on("ready", () => void subscribeAll());
  publisher.on("ready", () => {
    update();
    flush();
  });
  for (const client of [publisher, subscriber]) {
    // connection trouble is retried by ioredis; without a listener it would crash the process
    client.on("error", () => {});
    client.on("close", () => {
      if (client === subscriber) subscribed = false;
      update();
    });
  }
  // not connected within a few seconds of start: say so once (the clients keep trying)
  const startCheck = setTimeout(() => {
    if (!healthy && !announcedDown && !closing) {
      announcedDown = true;
      log.warn("Redis tidak tersedia saat mulai: peristiwa hanya sampai ke instance ini sampai Redis tersambung");
    }
  }, 3_000);
  startCheck.unref();

  subscriber.on("message", (channel: string, message: string) => {
    let parsed: { o?: string; d?: unknown };
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (parsed.o === origin) return; // heard here already
    local.deliver(channel, parsed.d ?? null);
  });

  return {
    get healthy() {
      return healthy;
    },
    subscribe(channel: string) {
      // not connected: subscribed with all the others when the connection is ready
      if (subscriber.status === "ready")
        subscriber.subscribe(channel).catch(() => {
          if (subscriber.status === "ready" && !closing) {
            subscribed = false;
            void subscribeAll();
          }
        });
    },
    unsubscribe(channel: string) {
      if (subscriber.status === "ready") subscriber.unsubscribe(channel).catch(() => {});
    },
    publish(channel: string, detail: unknown) {
      const message = JSON.stringify({ o: origin, d: detail ?? null });
      const keep = () => {
        if (closing) return;
        if (pending.length >= PENDING_MAX) pending.shift();
        pending.push([channel, message]);
      };
      if (publisher.status !== "ready") return keep();
      publisher.publish(channel, message).catch(keep);
    },
    close: async () => {
      closing = true;
      clearTimeout(startCheck);
      // let unsubscribes from ending subscriptions go out before the connections close
      await new Promise((resolve) => setTimeout(resolve, 50));
      await Promise.allSettled([publisher.quit(), subscriber.quit()]);
      publisher.disconnect();
      subscriber.disconnect();
    },
  };
}

/** In memory for one instance; through Redis when REDIS_URL is set so several instances share events. */
export function createLoketPubSub(redisUrl: string | undefined, log?: BusLog): PubSub {
  const bus = createBusEventTarget(redisUrl ? { url: redisUrl, log: log ?? { info: () => {}, warn: () => {} } } : null);
  const pubsub = createPubSub<Topics>({ eventTarget: bus.target as never });
  const publishLocal = ((routingKey: string, ...args: unknown[]) => {
    const payload = args[1] ?? args[0] ?? null;
    const topic = args[1] === undefined ? routingKey : `${routingKey}:${String(args[0])}`;
    bus.deliverLocal(topic, payload);
  }) as PubSub["publishLocal"];
  const result = Object.assign(pubsub, { close: () => bus.close(), onResync: (handle: (since: Date) => void) => bus.onResync(handle), publishLocal });
  return Object.defineProperty(result, "healthy", { get: () => bus.healthy, enumerable: true }) as PubSub;
}

import { checkWhileBusDown, type PubSub } from "../pubsub";

interface Entry<V> {
  value: V;
  /** who the token belongs to (a person, an API client): a change to them forgets all of their tokens */
  owner: string;
  /** when the token itself stops working, ms (Infinity: never) */
  expiresAt: number;
  cachedUntil: number;
}

export interface TokenCacheLimits {
  /** most entries kept, and most misses: the oldest goes first */
  max: number;
  cacheMs: number;
  /** a token is random: one that matched nothing will not start matching later */
  missMs: number;
}

/**
 * What both bearer-token stores share (sessions in auth/session.ts, API clients in api-client/store.ts), so the
 * caching and invalidation rules are written once: a resolved token is cached for a short while so
 * authenticated reads cost no query; tokens that matched nothing are remembered as misses so garbage tokens
 * cannot make every request query the database; entries are indexed by owner so one invalidation forgets all of
 * an owner's tokens. While the bus is down (an invalidation sent then never arrives) the cached entries are
 * checked against the database every two seconds (`check`), and when it is back they are checked once more and
 * the cache starts afresh. A subclass says which topic invalidates (`listen`) and how to check (`check`).
 */
export abstract class TokenCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  protected readonly misses = new Map<string, number>();
  private readonly byOwner = new Map<string, Set<string>>();
  private stops: Array<() => void> = [];
  private verifying: Promise<void> | null = null;

  protected constructor(
    protected readonly pubsub: PubSub,
    private readonly limits: TokenCacheLimits,
  ) {}

  /** Subscribe to the invalidation topic published by every instance; returns the unsubscribe. */
  protected abstract listen(): () => void;

  /** Compare every cached entry with the database and deliver, on this instance, the invalidation of those that changed. */
  protected abstract check(): Promise<void>;

  /** Listen for invalidations published by any instance; check against the database while the bus cannot tell. */
  start(): void {
    this.stops = [
      this.listen(),
      checkWhileBusDown(
        this.pubsub,
        () => this.verify(),
        () => this.clear(),
      ),
    ];
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.clear();
  }

  /** For when invalidations published by other instances may have been lost; concurrent calls share one check. */
  verify(): Promise<void> {
    this.verifying ??= this.check().finally(() => (this.verifying = null));
    return this.verifying;
  }

  protected clear(): void {
    this.entries.clear();
    this.byOwner.clear();
    this.misses.clear();
  }

  /** The cached value of a live token; a stale entry is dropped. */
  protected cached(key: string, now: number): V | null {
    const hit = this.entries.get(key);
    if (hit && hit.cachedUntil > now && hit.expiresAt > now) return hit.value;
    if (hit) this.drop(key, hit.owner);
    return null;
  }

  /** Whether the key matched nothing a moment ago (an expired miss is forgotten). */
  protected missed(key: string, now: number): boolean {
    const until = this.misses.get(key);
    if (until === undefined) return false;
    if (until > now) return true;
    this.misses.delete(key);
    return false;
  }

  protected rememberMiss(key: string, now: number): void {
    if (this.misses.size >= this.limits.max) this.misses.delete(this.misses.keys().next().value!);
    this.misses.set(key, now + this.limits.missMs);
  }

  protected remember(key: string, owner: string, value: V, expiresAt: number, now: number): void {
    if (this.entries.size >= this.limits.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, owner, expiresAt, cachedUntil: now + this.limits.cacheMs });
    let set = this.byOwner.get(owner);
    if (!set) this.byOwner.set(owner, (set = new Set()));
    set.add(key);
  }

  /** Every cached entry, for `check`. */
  protected cachedEntries(): Iterable<Readonly<Entry<V>>> {
    return this.entries.values();
  }

  protected forget(owner: string): void {
    for (const key of this.byOwner.get(owner) ?? []) this.entries.delete(key);
    this.byOwner.delete(owner);
  }

  private drop(key: string, owner: string): void {
    this.entries.delete(key);
    this.byOwner.get(owner)?.delete(key);
  }
}

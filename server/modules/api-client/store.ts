import type { ApiScope } from "../../generated/prisma/enums";
import type { Db } from "../../db/client";
import { sha256Hex } from "../../lib/crypto";
import { clientUsable, parseToken, secretMatches } from "./rules";
import { checkWhileBusDown, listen, type PubSub } from "../../pubsub";

/** Another system calling with an API client key (`Authorization: Bearer lkc_…`). Never a person: `viewer` is null. */
export interface ApiClientViewer {
  id: string;
  nama: string;
  instansiId: string;
  scopes: ApiScope[];
}

const CACHE_MS = 60_000;
const CACHE_MAX = 5_000;
const MISS_MS = 60_000;
/** lastUsedAt is written at most this often per client and instance: a busy integration costs no write per request */
const TOUCH_EVERY_MS = 60_000;

interface Cached {
  client: ApiClientViewer;
  /** berlakuSampai, ms (Infinity: no expiry) */
  expiresAt: number;
  cachedUntil: number;
  /** to notice a rotated secret when checking against the database */
  secretHash: string;
}

/**
 * Resolves `lkc_<clientId>.<secret>` tokens to API clients, like SessionStore does for sessions: cached for a
 * minute, unknown tokens remembered as misses, and rotation or revocation forgotten at once on every instance
 * through the `auth:client-invalidate` topic; while that bus is down, checked against the database every two
 * seconds, and once more when it is back (see SessionStore).
 */
export class ApiClientStore {
  private cache = new Map<string, Cached>();
  private misses = new Map<string, number>();
  private byClient = new Map<string, Set<string>>();
  private touched = new Map<string, number>();
  private stops: Array<() => void> = [];
  private verifying: Promise<void> | null = null;

  constructor(private readonly services: { db: Db; pubsub: PubSub }) {}

  start(): void {
    const pubsub = this.services.pubsub;
    this.stops = [
      listen(pubsub, "auth:client-invalidate", (e) => this.forget(e.clientId)),
      checkWhileBusDown(pubsub, () => this.verify(), () => this.clear()),
    ];
  }

  stop(): void {
    for (const stop of this.stops) stop();
    this.stops = [];
    this.clear();
  }

  private clear(): void {
    this.cache.clear();
    this.misses.clear();
    this.byClient.clear();
    this.touched.clear();
  }

  async resolve(token: string | null | undefined): Promise<ApiClientViewer | null> {
    const parsed = token ? parseToken(token) : null;
    if (!parsed) return null;
    // misses are kept per client id too, so that a change to the client (a renewed expiry) ends them at once
    const key = sha256Hex(token!);
    const missKey = `${parsed.clientId}:${key}`;
    const now = Date.now();
    const hit = this.cache.get(key);
    if (hit && hit.cachedUntil > now && hit.expiresAt > now) {
      await this.touch(hit.client.id, now);
      return hit.client;
    }
    if (hit) this.drop(key, hit.client.id);
    const missUntil = this.misses.get(missKey);
    if (missUntil !== undefined) {
      if (missUntil > now) return null;
      this.misses.delete(missKey);
    }
    const row = await this.services.db.prisma.apiClient.findUnique({
      where: { id: parsed.clientId },
      select: { id: true, nama: true, instansiId: true, scopes: true, secretHash: true, dicabutAt: true, berlakuSampai: true, instansi: { select: { aktif: true } } },
    });
    if (!row || !secretMatches(parsed.secret, row.secretHash) || !clientUsable(row, new Date(now)) || !row.instansi.aktif) {
      if (this.misses.size >= CACHE_MAX) this.misses.delete(this.misses.keys().next().value!);
      this.misses.set(missKey, now + MISS_MS);
      return null;
    }
    const client: ApiClientViewer = { id: row.id, nama: row.nama, instansiId: row.instansiId, scopes: [...row.scopes] };
    if (this.cache.size >= CACHE_MAX) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, { client, expiresAt: row.berlakuSampai?.getTime() ?? Infinity, cachedUntil: now + CACHE_MS, secretHash: row.secretHash });
    let set = this.byClient.get(row.id);
    if (!set) this.byClient.set(row.id, (set = new Set()));
    set.add(key);
    await this.touch(row.id, now);
    return client;
  }

  /**
   * Checks every cached client against the database; one revoked, expired, rotated, moved or with other scopes
   * (or whose instansi was deactivated) is forgotten and its invalidation delivered on this instance.
   */
  verify(): Promise<void> {
    this.verifying ??= this.check().finally(() => (this.verifying = null));
    return this.verifying;
  }

  private async check(): Promise<void> {
    const byClient = new Map<string, Cached>();
    for (const entry of this.cache.values()) byClient.set(entry.client.id, entry);
    if (byClient.size === 0) return;
    const rows = await this.services.db.prisma.apiClient
      .findMany({ where: { id: { in: [...byClient.keys()] } }, select: { id: true, instansiId: true, scopes: true, secretHash: true, dicabutAt: true, berlakuSampai: true, instansi: { select: { aktif: true } } } })
      .catch(() => null);
    if (!rows) return;
    const found = new Map(rows.map((r) => [r.id, r]));
    const now = new Date();
    for (const [id, cached] of byClient) {
      const row = found.get(id);
      const same =
        row &&
        row.secretHash === cached.secretHash &&
        clientUsable(row, now) &&
        row.instansi.aktif &&
        row.instansiId === cached.client.instansiId &&
        (row.berlakuSampai?.getTime() ?? Infinity) === cached.expiresAt &&
        row.scopes.length === cached.client.scopes.length &&
        row.scopes.every((x) => cached.client.scopes.includes(x));
      if (!same) this.services.pubsub.publishLocal("auth:client-invalidate", { clientId: id });
    }
  }

  /** Call after a client's secret, scopes, expiry or state changed; reaches every instance. */
  invalidate(clientId: string): void {
    this.forget(clientId);
    this.services.pubsub.publish("auth:client-invalidate", { clientId });
  }

  private async touch(clientId: string, now: number): Promise<void> {
    if (now - (this.touched.get(clientId) ?? 0) < TOUCH_EVERY_MS) return;
    this.touched.set(clientId, now);
    if (this.touched.size > CACHE_MAX) this.touched.delete(this.touched.keys().next().value!);
    await this.services.db.prisma.apiClient.update({ where: { id: clientId }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }

  private forget(clientId: string): void {
    for (const key of this.byClient.get(clientId) ?? []) this.cache.delete(key);
    this.byClient.delete(clientId);
    const prefix = `${clientId}:`;
    for (const key of this.misses.keys()) if (key.startsWith(prefix)) this.misses.delete(key);
  }

  private drop(key: string, clientId: string): void {
    this.cache.delete(key);
    this.byClient.get(clientId)?.delete(key);
  }
}

import type { ApiScope } from "../../generated/prisma/enums";
import type { Db } from "../../db/client";
import { sha256Hex } from "../../lib/crypto";
import { clientUsable, parseToken, secretMatches } from "./rules";
import { listen, type PubSub } from "../../pubsub";
import { TokenCache } from "../../lib/token-cache";

/** Another system calling with an API client key (`Authorization: Bearer lkc_…`). Never a person: `viewer` is null. */
export interface ApiClientViewer {
  id: string;
  nama: string;
  instansiId: string;
  scopes: ApiScope[];
}

const LIMITS = { cacheMs: 60_000, max: 5_000, missMs: 60_000 };
/** lastUsedAt is written at most this often per client and instance: a busy integration costs no write per request */
const TOUCH_EVERY_MS = 60_000;

interface Resolved {
  client: ApiClientViewer;
  /** to notice a rotated secret when checking against the database */
  secretHash: string;
}

/**
 * Resolves `lkc_<clientId>.<secret>` tokens to API clients, like SessionStore does for sessions (TokenCache):
 * cached for a minute, unknown tokens remembered as misses, and rotation or revocation forgotten at once on every
 * instance through the `auth:client-invalidate` topic; while that bus is down, checked against the database every
 * two seconds, and once more when it is back.
 */
export class ApiClientStore extends TokenCache<Resolved> {
  private touched = new Map<string, number>();

  constructor(private readonly services: { db: Db; pubsub: PubSub }) {
    super(services.pubsub, LIMITS);
  }

  protected listen(): () => void {
    return listen(this.pubsub, "auth:client-invalidate", (e) => this.forget(e.clientId));
  }

  protected clear(): void {
    super.clear();
    this.touched.clear();
  }

  async resolve(token: string | null | undefined): Promise<ApiClientViewer | null> {
    const parsed = token ? parseToken(token) : null;
    if (!parsed) return null;
    // misses are kept per client id too, so that a change to the client (a renewed expiry) ends them at once
    const key = sha256Hex(token!);
    const missKey = `${parsed.clientId}:${key}`;
    const now = Date.now();
    const hit = this.cached(key, now);
    if (hit) {
      await this.touch(hit.client.id, now);
      return hit.client;
    }
    if (this.missed(missKey, now)) return null;
    const row = await this.services.db.prisma.apiClient.findUnique({
      where: { id: parsed.clientId },
      select: {
        id: true,
        nama: true,
        instansiId: true,
        scopes: true,
        secretHash: true,
        dicabutAt: true,
        berlakuSampai: true,
        instansi: { select: { aktif: true } },
      },
    });
    if (!row || !secretMatches(parsed.secret, row.secretHash) || !clientUsable(row, new Date(now)) || !row.instansi.aktif) {
      this.rememberMiss(missKey, now);
      return null;
    }
    const client: ApiClientViewer = { id: row.id, nama: row.nama, instansiId: row.instansiId, scopes: [...row.scopes] };
    this.remember(key, row.id, { client, secretHash: row.secretHash }, row.berlakuSampai?.getTime() ?? Infinity, now);
    await this.touch(row.id, now);
    return client;
  }

  /**
   * A client revoked, expired, rotated, moved or with other scopes (or whose instansi was deactivated) is
   * forgotten and its invalidation delivered on this instance.
   */
  protected async check(): Promise<void> {
    const byClient = new Map<string, Resolved & { expiresAt: number }>();
    for (const { value, expiresAt } of this.cachedEntries()) byClient.set(value.client.id, { ...value, expiresAt });
    if (byClient.size === 0) return;
    const rows = await this.services.db.prisma.apiClient
      .findMany({
        where: { id: { in: [...byClient.keys()] } },
        select: { id: true, instansiId: true, scopes: true, secretHash: true, dicabutAt: true, berlakuSampai: true, instansi: { select: { aktif: true } } },
      })
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
    if (this.touched.size > LIMITS.max) this.touched.delete(this.touched.keys().next().value!);
    await this.services.db.prisma.apiClient.update({ where: { id: clientId }, data: { lastUsedAt: new Date(now) } }).catch(() => {});
  }

  /** Its cached tokens, and the misses recorded against its id. */
  protected forget(clientId: string): void {
    super.forget(clientId);
    const prefix = `${clientId}:`;
    for (const key of this.misses.keys()) if (key.startsWith(prefix)) this.misses.delete(key);
  }
}

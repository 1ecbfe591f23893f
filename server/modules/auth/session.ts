import type { User } from "../../generated/prisma/client";
import type { AccountStatus, Role } from "../../generated/prisma/enums";
import type { Db } from "../../db/client";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { listen, type PubSub } from "../../pubsub";
import { TokenCache } from "../../lib/token-cache";

/** The signed-in person a session resolves to (`ctx.viewer`). */
export interface Viewer {
  id: string;
  role: Role;
  status: AccountStatus;
  instansiId: string | null;
  sessionId: string;
}

/** What the store needs, no more: it is built before the services that hold it. */
export interface SessionStoreDeps {
  db: Db;
  pubsub: PubSub;
  sessionTtlHours: number;
}

export const SESSION_COOKIE = "loket_session";
const LIMITS = { cacheMs: 60_000, max: 20_000, missMs: 60_000 };
const TOUCH_EVERY_MS = 5 * 60_000;

interface Resolved {
  viewer: Viewer;
  user: User;
}

/**
 * Opaque server-side sessions. The token is random; only its SHA-256 is stored. Resolved sessions are
 * cached for a minute (TokenCache) so authenticated reads cost no query; logout, suspension, role or password
 * changes invalidate the cache on every instance through pub/sub, and while the bus is down the cached sessions
 * are checked against the database: a logout, suspension or role change made through another instance takes
 * effect here within seconds either way.
 */
export class SessionStore extends TokenCache<Resolved> {
  constructor(private readonly services: SessionStoreDeps) {
    super(services.pubsub, LIMITS);
  }

  protected listen(): () => void {
    return listen(this.pubsub, "auth:invalidate", (e) => this.forget(e.userId));
  }

  async create(
    db: Pick<Db["prisma"], "session">,
    userId: string,
    meta: { ip: string; userAgent: string },
  ): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
    const token = randomToken(32);
    const expiresAt = new Date(Date.now() + this.services.sessionTtlHours * 3600_000);
    const row = await db.session.create({
      data: { tokenHash: sha256Hex(token), userId, expiresAt, ipAddress: meta.ip, userAgent: meta.userAgent.slice(0, 300) },
      select: { id: true },
    });
    return { token, expiresAt, sessionId: row.id };
  }

  async resolve(token: string | null | undefined): Promise<Resolved | null> {
    if (!token || token.length > 200) return null;
    const hash = sha256Hex(token);
    const now = Date.now();
    const hit = this.cached(hash, now);
    if (hit) return hit;
    if (this.missed(hash, now)) return null;
    const prisma = this.services.db.prisma;
    const session = await prisma.session.findUnique({ where: { tokenHash: hash }, include: { user: true } });
    if (!session || session.revokedAt || session.expiresAt.getTime() <= now) {
      this.rememberMiss(hash, now);
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await prisma.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(now) } });
    }
    const { user } = session;
    const viewer: Viewer = { id: user.id, role: user.role, status: user.status, instansiId: user.instansiId, sessionId: session.id };
    const entry: Resolved = { viewer, user };
    this.remember(hash, user.id, entry, session.expiresAt.getTime(), now);
    return entry;
  }

  /**
   * A session that was revoked or expired, or whose person changed (status, role, instansi, anything that moved
   * updatedAt), is forgotten, and its person's invalidation is delivered on this instance (its open sockets are
   * checked again, see app.ts).
   */
  protected async check(): Promise<void> {
    const bySession = new Map<string, Resolved>();
    for (const { value } of this.cachedEntries()) bySession.set(value.viewer.sessionId, value);
    const ids = [...bySession.keys()];
    const changed = new Set<string>();
    const now = Date.now();
    for (let i = 0; i < ids.length; i += 1_000) {
      const rows = await this.services.db.prisma.session
        .findMany({
          where: { id: { in: ids.slice(i, i + 1_000) } },
          select: { id: true, revokedAt: true, expiresAt: true, user: { select: { id: true, role: true, status: true, instansiId: true, updatedAt: true } } },
        })
        .catch(() => null);
      if (!rows) return; // the database is away too: nothing can be checked now (and nothing new resolves)
      const found = new Map(rows.map((r) => [r.id, r]));
      for (const id of ids.slice(i, i + 1_000)) {
        const cached = bySession.get(id)!;
        const row = found.get(id);
        const u = row?.user;
        const same =
          row &&
          !row.revokedAt &&
          row.expiresAt.getTime() > now &&
          u!.role === cached.user.role &&
          u!.status === cached.user.status &&
          u!.instansiId === cached.user.instansiId &&
          u!.updatedAt.getTime() === cached.user.updatedAt.getTime();
        if (!same) changed.add(cached.viewer.id);
      }
    }
    for (const userId of changed) this.services.pubsub.publishLocal("auth:invalidate", { userId });
  }

  /** Call after any change to a user's sessions, status, role or profile; reaches every instance. */
  invalidateUser(userId: string): void {
    this.forget(userId);
    this.services.pubsub.publish("auth:invalidate", { userId });
  }
}

export function sessionCookie(token: string, maxAgeSeconds: number, secure: boolean): string {
  return [`${SESSION_COOKIE}=${token}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`, ...(secure ? ["Secure"] : [])].join("; ");
}

export function clearSessionCookie(secure: boolean): string {
  return sessionCookie("", 0, secure);
}

export function readCookie(header: string | null | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const idx = part.indexOf("=");
    if (idx > 0 && part.slice(0, idx).trim() === name) {
      try {
        return decodeURIComponent(part.slice(idx + 1).trim());
      } catch {
        return null; // a malformed cookie is no session, not a server error
      }
    }
  }
  return null;
}

/** The session token of an HTTP request: `Authorization: Bearer …`, else the session cookie. */
export function tokenFromHeaders(headers: { get(name: string): string | null }): { token: string | null; via: "bearer" | "cookie" | null } {
  const bearer = bearerToken(headers.get("authorization"));
  if (bearer) return { token: bearer, via: "bearer" };
  const cookie = readCookie(headers.get("cookie"), SESSION_COOKIE);
  return cookie ? { token: cookie, via: "cookie" } : { token: null, via: null };
}

export function bearerToken(header: string | null | undefined): string | null {
  const m = header?.match(/^Bearer\s+(\S+)$/i);
  return m ? m[1]! : null;
}

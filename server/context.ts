import type { PubSub } from "./pubsub";
import type { Config } from "./config";
import type { Keys } from "./lib/crypto";
import type { Db } from "./db/client";
import type { WebhookTargets } from "./modules/webhook/targets";
import type { SessionStore, Viewer } from "./modules/auth/session";
import type { CalendarStore } from "./modules/calendar/service";
import type { FileStorage } from "./modules/files/store";
import type { ApiClientStore, ApiClientViewer } from "./modules/api-client/store";

// owned by the stores that resolve them; re-exported because every resolver reads them from the context
export type { Viewer } from "./modules/auth/session";
export type { ApiClientViewer } from "./modules/api-client/store";

export interface RequestMeta {
  ip: string;
  userAgent: string;
  /** cookies to set on the HTTP response (empty for WebSocket operations) */
  setCookies: string[];
  /** whether the session token came from a cookie (browser) or a bearer header (integration) */
  via: "cookie" | "bearer" | "connectionParams" | null;
}

export interface Services {
  config: Config;
  db: Db;
  keys: Keys;
  pubsub: PubSub;
  sessions: SessionStore;
  clients: ApiClientStore;
  calendars: CalendarStore;
  storage: FileStorage;
  /** wakes the email outbox worker after a commit that queued mail (null when this process runs none) */
  mail: { kick(): void } | null;
  /** which webhook subscriptions receive an instansi's events (remembered; see webhook/targets.ts) */
  webhookTargets: WebhookTargets;
  /** wakes the webhook worker after a commit that queued deliveries (null when this process runs none) */
  webhooks: { kick(): void } | null;
  /** wakes the WhatsApp/SMS worker after a commit that queued phone messages (null when this process runs none) */
  kanal?: { kick(): void } | null;
}

export interface Context extends Services {
  prisma: Db["prisma"];
  viewer: Viewer | null;
  /** the viewer's account row as loaded with the session (may be up to a minute old) */
  viewerUser: import("./generated/prisma/client").User | null;
  /** the API client making this request (then `viewer` is null): rules grant it only what its scopes name */
  client: ApiClientViewer | null;
  request: RequestMeta;
  /** set when this request logged a read of someone's personal data: its result must not be served again from a cache */
  auditedRead?: boolean;
}

import { MEJA_SUPERADMIN, catalogue } from "../../lib/policy";

/**
 * Webhooks are an API client's own: the client (with TERIMA_WEBHOOK) manages its subscriptions and reads its
 * deliveries, never another client's, even of the same instansi; SUPERADMIN oversees all of them. A
 * subscription or delivery is checked with `klienId`: the client it belongs to.
 */
export const WEBHOOK_POLICY = catalogue({
  /** one subscription or delivery (node): its client whatever its scopes now, and SUPERADMIN */
  "webhook:lihat": { desk: MEJA_SUPERADMIN, ownClient: [] },
  /** the lists, stopping a subscription, sending a delivery again */
  "webhook:kelola": { desk: MEJA_SUPERADMIN, ownClient: ["TERIMA_WEBHOOK"] },
  /** subscribe a URL, or move a subscription: the client only (SUPERADMIN has no URL of its own to receive at) */
  "webhook:langganan": { ownClient: ["TERIMA_WEBHOOK"] },
});

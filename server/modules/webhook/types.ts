import { builder } from "../../schema/builder";
import { ANY } from "../../policy";
import { InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { ApiClientRef } from "../api-client/types";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABEL } from "./rules";
import * as service from "./service";

export const WebhookEventEnum = builder.enumType("WebhookEvent", {
  values: Object.fromEntries(WEBHOOK_EVENTS.map((e) => [e, { description: WEBHOOK_EVENT_LABEL[e] }])) as Record<
    (typeof WEBHOOK_EVENTS)[number],
    { description: string }
  >,
});
export const DeliveryStatusEnum = builder.enumType("DeliveryStatus", {
  values: {
    PENDING: { description: "waiting for its (next) attempt" },
    SENT: { description: "the receiver answered 2xx" },
    FAILED: { description: "given up after every retry, or its subscription was removed; can be sent again" },
  } as const,
});

export const WebhookSubscriptionRef = builder.prismaNode("WebhookSubscription", {
  id: { field: "id" },
  description: "A URL an API client receives events at. Visible to that client and SUPERADMIN.",
  select: { id: true, client: { select: { id: true, instansiId: true } } },
  authScopes: (s) => ({ can: { action: "webhook:lihat", on: service.webhookResource(s.client) } }),
  fields: (t) => ({
    url: t.exposeString("url"),
    events: t.expose("events", { type: [WebhookEventEnum] }),
    aktif: t.exposeBoolean("aktif"),
    client: t.relation("client"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

export const WebhookDeliveryRef = builder.prismaNode("WebhookDelivery", {
  id: { field: "id" },
  description: "One event sent (or to be sent) to one subscription, with its last outcome",
  select: { id: true, subscription: { select: { client: { select: { id: true, instansiId: true } } } } },
  authScopes: (d) => ({ can: { action: "webhook:lihat", on: service.webhookResource(d.subscription.client) } }),
  fields: (t) => ({
    deliveryId: t.exposeString("id", { description: "As in the X-Loket-Delivery header and the body's `id`" }),
    event: t.expose("event", { type: WebhookEventEnum }),
    status: t.expose("status", { type: DeliveryStatusEnum }),
    attempts: t.exposeInt("attempts", { description: "Failed attempts so far" }),
    lastError: t.exposeString("lastError", { nullable: true }),
    lastStatusCode: t.exposeInt("lastStatusCode", { nullable: true, description: "HTTP status of the last answer" }),
    nextAttemptAt: t.expose("nextAttemptAt", { type: "DateTime" }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    payload: t.expose("payload", { type: "JSON", description: "The body as it is sent" }),
    subscription: t.relation("subscription"),
  }),
});

const SubscriptionKey = builder.objectRef<{ subscription: service.OwnedSubscription; signingSecret: string }>("WebhookSubscriptionKey").implement({
  description: "A new subscription with its signing secret, shown only here, once",
  fields: (t) => ({
    subscription: t.field({ type: WebhookSubscriptionRef, resolve: (k) => k.subscription }),
    signingSecret: t.exposeString("signingSecret", { description: "Key of the X-Loket-Signature HMAC (verify with verifyWebhook)" }),
  }),
});

const manage = { can: { action: "webhook:kelola", on: ANY } } as const;

function deliveryFilter(args: { clientId?: { id: string } | null; subscriptionId?: { id: string } | null; status?: "PENDING" | "SENT" | "FAILED" | null }) {
  return {
    clientId: args.clientId ? String(args.clientId.id) : null,
    subscriptionId: args.subscriptionId ? String(args.subscriptionId.id) : null,
    status: args.status,
  };
}

builder.queryFields((t) => ({
  webhookSubscriptions: t.prismaField({
    type: ["WebhookSubscription"],
    description: "An API client's webhook subscriptions (SUPERADMIN: every client's, or one's)",
    authScopes: manage,
    args: { clientId: t.arg.globalID({ required: false, for: ApiClientRef }), termasukNonaktif: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: (query, _r, args, ctx) =>
      service.listSubscriptions(ctx, query, { clientId: args.clientId ? String(args.clientId.id) : null, termasukNonaktif: args.termasukNonaktif }),
  }),
  webhookDeliveries: t.prismaConnection({
    type: "WebhookDelivery",
    cursor: "id",
    description: "Webhook deliveries, newest first, with their last status, attempts and error (the client's own; SUPERADMIN: all)",
    authScopes: manage,
    args: {
      clientId: t.arg.globalID({ required: false, for: ApiClientRef }),
      subscriptionId: t.arg.globalID({ required: false, for: WebhookSubscriptionRef }),
      status: t.arg({ type: DeliveryStatusEnum, required: false }),
    },
    totalCount: (_p, args, ctx) => service.countDeliveries(ctx, deliveryFilter(args)),
    resolve: (query, _r, args, ctx) => service.listDeliveries(ctx, query, deliveryFilter(args)),
  }),
}));

builder.mutationFields((t) => ({
  createWebhookSubscription: t.field({
    type: SubscriptionKey,
    description:
      "An API client (scope TERIMA_WEBHOOK) subscribes a URL to events of its instansi. https only (http://localhost outside production); internal addresses are refused (URL_ADDRESS_NOT_ALLOWED) unless WEBHOOK_ALLOW_PRIVATE.",
    authScopes: { can: { action: "webhook:langganan", on: ANY } },
    errors: { types: [ValidationError, InvalidStateError] },
    args: { url: t.arg.string({ required: true }), events: t.arg({ type: [WebhookEventEnum], required: true }) },
    resolve: (_r, args, ctx) => service.subscribe(ctx, { url: args.url, events: args.events }),
  }),
  updateWebhookSubscription: t.prismaField({
    type: "WebhookSubscription",
    description: "The client moves its subscription to another URL or changes its events; the signing secret stays. The URL is checked like a new one.",
    authScopes: { can: { action: "webhook:langganan", on: ANY } },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      id: t.arg.globalID({ required: true, for: WebhookSubscriptionRef }),
      url: t.arg.string({ required: false }),
      events: t.arg({ type: [WebhookEventEnum], required: false }),
    },
    resolve: async (query, _r, args, ctx) => {
      const s = await service.updateSubscription(ctx, String(args.id.id), { url: args.url, events: args.events });
      return service.subscriptionById(ctx, query, s.id);
    },
  }),
  deleteWebhookSubscription: t.boolean({
    description: "Stop a subscription (its client, or SUPERADMIN); deliveries still waiting are not sent",
    authScopes: manage,
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ required: true, for: WebhookSubscriptionRef }) },
    resolve: (_r, args, ctx) => service.unsubscribe(ctx, String(args.id.id)),
  }),
  redeliverWebhook: t.prismaField({
    type: "WebhookDelivery",
    description: "Send a delivery again now: one that FAILED after its retries, or a PENDING one without waiting for its next try",
    authScopes: manage,
    errors: { types: [NotFoundError, InvalidStateError] },
    args: { id: t.arg.globalID({ required: true, for: WebhookDeliveryRef }) },
    resolve: async (query, _r, args, ctx) => {
      const d = await service.redeliver(ctx, String(args.id.id));
      return service.deliveryById(ctx, query, d.id);
    },
  }),
}));

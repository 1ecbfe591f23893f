import { builder } from "../../schema/builder";
import { q } from "../../lib/query";
import type { Context } from "../../context";
import type { Prisma, WebhookSubscription } from "../../generated/prisma/client";
import { InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { ApiClientRef } from "../api-client/types";
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_LABEL } from "./rules";
import * as service from "./service";

export const WebhookEventEnum = builder.enumType("WebhookEvent", {
  values: Object.fromEntries(WEBHOOK_EVENTS.map((e) => [e, { description: WEBHOOK_EVENT_LABEL[e] }])) as Record<(typeof WEBHOOK_EVENTS)[number], { description: string }>,
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
  authScopes: (s, ctx) => service.mayManage(ctx, s.clientId),
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
  select: { id: true, subscription: { select: { clientId: true } } },
  authScopes: (d, ctx) => service.mayManage(ctx, d.subscription.clientId),
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

const SubscriptionKey = builder.objectRef<{ subscription: WebhookSubscription; signingSecret: string }>("WebhookSubscriptionKey").implement({
  description: "A new subscription with its signing secret, shown only here, once",
  fields: (t) => ({
    subscription: t.field({ type: WebhookSubscriptionRef, resolve: (k) => k.subscription }),
    signingSecret: t.exposeString("signingSecret", { description: "Key of the X-Loket-Signature HMAC (verify with verifyWebhook)" }),
  }),
});

/** The calling client's own rows; SUPERADMIN sees all, or one client's. */
function whoseSubscriptions(ctx: Context, clientId: string | null | undefined): Prisma.WebhookSubscriptionWhereInput {
  if (ctx.client) return { clientId: ctx.client.id };
  return clientId ? { clientId } : {};
}

function deliveriesWhere(
  ctx: Context,
  args: { clientId?: { id: string } | null; subscriptionId?: { id: string } | null; status?: "PENDING" | "SENT" | "FAILED" | null },
): Prisma.WebhookDeliveryWhereInput {
  return {
    subscription: whoseSubscriptions(ctx, args.clientId ? String(args.clientId.id) : null),
    ...(args.subscriptionId ? { subscriptionId: String(args.subscriptionId.id) } : {}),
    ...(args.status ? { status: args.status } : {}),
  };
}

const manageScopes = { $any: { apiScope: "TERIMA_WEBHOOK", superadmin: true } } as const;

builder.queryFields((t) => ({
  webhookSubscriptions: t.prismaField({
    type: ["WebhookSubscription"],
    description: "An API client's webhook subscriptions (SUPERADMIN: every client's, or one's)",
    authScopes: manageScopes,
    args: { clientId: t.arg.globalID({ required: false, for: ApiClientRef }), termasukNonaktif: t.arg.boolean({ required: false, defaultValue: false }) },
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.webhookSubscription.findMany({
        ...q(query),
        where: { ...whoseSubscriptions(ctx, args.clientId ? String(args.clientId.id) : null), ...(args.termasukNonaktif ? {} : { aktif: true }) },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      }),
  }),
  webhookDeliveries: t.prismaConnection({
    type: "WebhookDelivery",
    cursor: "id",
    description: "Webhook deliveries, newest first, with their last status, attempts and error (the client's own; SUPERADMIN: all)",
    authScopes: manageScopes,
    args: {
      clientId: t.arg.globalID({ required: false, for: ApiClientRef }),
      subscriptionId: t.arg.globalID({ required: false, for: WebhookSubscriptionRef }),
      status: t.arg({ type: DeliveryStatusEnum, required: false }),
    },
    totalCount: (_p, args, ctx) => ctx.prisma.webhookDelivery.count({ where: deliveriesWhere(ctx, args) }),
    resolve: (query, _r, args, ctx) =>
      ctx.prisma.webhookDelivery.findMany({ ...q(query), where: deliveriesWhere(ctx, args), orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
  }),
}));

builder.mutationFields((t) => ({
  createWebhookSubscription: t.field({
    type: SubscriptionKey,
    description:
      "An API client (scope TERIMA_WEBHOOK) subscribes a URL to events of its instansi. https only (http://localhost outside production); internal addresses are refused (URL_ADDRESS_NOT_ALLOWED) unless WEBHOOK_ALLOW_PRIVATE.",
    authScopes: { apiScope: "TERIMA_WEBHOOK" },
    errors: { types: [ValidationError, InvalidStateError] },
    args: { url: t.arg.string({ required: true }), events: t.arg({ type: [WebhookEventEnum], required: true }) },
    resolve: (_r, args, ctx) => service.subscribe(ctx, { url: args.url, events: args.events }),
  }),
  updateWebhookSubscription: t.prismaField({
    type: "WebhookSubscription",
    description: "The client moves its subscription to another URL or changes its events; the signing secret stays. The URL is checked like a new one.",
    authScopes: { apiScope: "TERIMA_WEBHOOK" },
    errors: { types: [ValidationError, NotFoundError] },
    args: {
      id: t.arg.globalID({ required: true, for: WebhookSubscriptionRef }),
      url: t.arg.string({ required: false }),
      events: t.arg({ type: [WebhookEventEnum], required: false }),
    },
    resolve: async (query, _r, args, ctx) => {
      const s = await service.updateSubscription(ctx, String(args.id.id), { url: args.url, events: args.events });
      return ctx.prisma.webhookSubscription.findUniqueOrThrow({ ...q(query), where: { id: s.id } });
    },
  }),
  deleteWebhookSubscription: t.boolean({
    description: "Stop a subscription (its client, or SUPERADMIN); deliveries still waiting are not sent",
    authScopes: manageScopes,
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ required: true, for: WebhookSubscriptionRef }) },
    resolve: (_r, args, ctx) => service.unsubscribe(ctx, String(args.id.id)),
  }),
  redeliverWebhook: t.prismaField({
    type: "WebhookDelivery",
    description: "Send a delivery again now: one that FAILED after its retries, or a PENDING one without waiting for its next try",
    authScopes: manageScopes,
    errors: { types: [NotFoundError, InvalidStateError] },
    args: { id: t.arg.globalID({ required: true, for: WebhookDeliveryRef }) },
    resolve: async (query, _r, args, ctx) => {
      const d = await service.redeliver(ctx, String(args.id.id));
      return ctx.prisma.webhookDelivery.findUniqueOrThrow({ ...q(query), where: { id: d.id } });
    },
  }),
}));

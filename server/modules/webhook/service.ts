import { randomUUID } from "node:crypto";
import type { Context } from "../../context";
import type { Prisma, WebhookSubscription } from "../../generated/prisma/client";
import { InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { q } from "../../lib/query";
import { parseInput } from "../../lib/validate";
import type { Resource } from "../../lib/policy";
import { ANY, assertCan } from "../../policy";
import { encrypt } from "../../lib/crypto";
import { MAX_SUBSCRIPTIONS_PER_CLIENT, URL_PROBLEM_MESSAGE, checkWebhookUrl, eventsSchema, type WebhookEventName } from "./rules";
import { checkDestination } from "./destination";
import { newSigningSecret } from "./signature";
import { webhookSecretAad } from "./worker";

const subscriptionNotFound = () => new NotFoundError("WEBHOOK_NOT_FOUND", "Langganan webhook tidak ditemukan.", "id");
const deliveryNotFound = () => new NotFoundError("DELIVERY_NOT_FOUND", "Pengiriman webhook tidak ditemukan.", "id");

/** What a subscription or delivery is checked as: the client it belongs to, of that client's instansi. */
export function webhookResource(client: { id: string; instansiId: string }): Resource {
  return { instansiId: client.instansiId, klienId: client.id };
}

const OWNER = { client: { select: { id: true, instansiId: true } } } as const;
/** A subscription with the client it belongs to (what its visibility is checked on). */
export type OwnedSubscription = WebhookSubscription & { client: { id: string; instansiId: string } };

export type SubscriptionQuery = { include?: Prisma.WebhookSubscriptionInclude; select?: Prisma.WebhookSubscriptionSelect };
export type DeliveryQuery = Pick<Prisma.WebhookDeliveryFindUniqueArgs, "include" | "select">;
export type DeliveriesQuery = Pick<Prisma.WebhookDeliveryFindManyArgs, "include" | "select" | "cursor" | "take" | "skip">;

/** The calling client's own rows; SUPERADMIN sees all, or one client's. */
function whoseSubscriptions(ctx: Context, clientId: string | null | undefined): Prisma.WebhookSubscriptionWhereInput {
  assertCan(ctx, "webhook:kelola", ANY);
  if (ctx.client) return { clientId: ctx.client.id };
  return clientId ? { clientId } : {};
}

export function listSubscriptions(ctx: Context, query: SubscriptionQuery, args: { clientId?: string | null; termasukNonaktif?: boolean | null }) {
  return ctx.prisma.webhookSubscription.findMany({
    ...q(query),
    where: { ...whoseSubscriptions(ctx, args.clientId), ...(args.termasukNonaktif ? {} : { aktif: true }) },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
}

export interface DeliveryFilter {
  clientId?: string | null;
  subscriptionId?: string | null;
  status?: "PENDING" | "SENT" | "FAILED" | null;
}

function deliveriesWhere(ctx: Context, filter: DeliveryFilter): Prisma.WebhookDeliveryWhereInput {
  return {
    subscription: whoseSubscriptions(ctx, filter.clientId),
    ...(filter.subscriptionId ? { subscriptionId: filter.subscriptionId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
  };
}

export function listDeliveries(ctx: Context, query: DeliveriesQuery, filter: DeliveryFilter) {
  return ctx.prisma.webhookDelivery.findMany({ ...q(query), where: deliveriesWhere(ctx, filter), orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

export function countDeliveries(ctx: Context, filter: DeliveryFilter): Promise<number> {
  return ctx.prisma.webhookDelivery.count({ where: deliveriesWhere(ctx, filter) });
}

export function subscriptionById(ctx: Context, query: SubscriptionQuery, id: string) {
  return ctx.prisma.webhookSubscription.findUniqueOrThrow({ ...q(query), where: { id } });
}

export function deliveryById(ctx: Context, query: DeliveryQuery, id: string) {
  return ctx.prisma.webhookDelivery.findUniqueOrThrow({ ...q(query), where: { id } });
}

/**
 * A URL a webhook may be sent to: its form (https; no other scheme, no credentials) and its address. A host that
 * is or resolves to an internal address (loopback, RFC 1918, link-local and cloud metadata, CGNAT, ULA …) is
 * refused unless WEBHOOK_ALLOW_PRIVATE; a name that does not resolve yet is accepted, since every delivery
 * checks the address again before it connects.
 */
async function webhookUrl(ctx: Context, raw: string): Promise<string> {
  const checked = checkWebhookUrl(raw, ctx.config.env);
  if ("problem" in checked) throw new ValidationError(checked.problem, URL_PROBLEM_MESSAGE[checked.problem], "url");
  const destination = await checkDestination(new URL(checked.url), { allowPrivate: ctx.config.webhookAllowPrivate });
  if (!destination.ok && destination.blocked) throw new ValidationError("URL_ADDRESS_NOT_ALLOWED", URL_PROBLEM_MESSAGE.URL_ADDRESS_NOT_ALLOWED, "url");
  return checked.url;
}

function webhookEvents(input: readonly string[]): WebhookEventName[] {
  return parseInput(eventsSchema, { events: input }).events;
}

/** The calling client subscribes a URL; the signing secret is returned this once. */
export async function subscribe(
  ctx: Context,
  input: { url: string; events: WebhookEventName[] },
): Promise<{ subscription: OwnedSubscription; signingSecret: string }> {
  assertCan(ctx, "webhook:langganan", ANY);
  const client = ctx.client!;
  const url = await webhookUrl(ctx, input.url);
  const events = webhookEvents(input.events);
  const count = await ctx.prisma.webhookSubscription.count({ where: { clientId: client.id, aktif: true } });
  if (count >= MAX_SUBSCRIPTIONS_PER_CLIENT) {
    throw new InvalidStateError("TOO_MANY_WEBHOOKS", `Satu klien paling banyak ${MAX_SUBSCRIPTIONS_PER_CLIENT} langganan webhook aktif.`);
  }
  const id = randomUUID();
  const signingSecret = newSigningSecret();
  const subscription = await ctx.prisma.webhookSubscription.create({
    data: { id, clientId: client.id, url, events, secretCipher: encrypt(ctx.keys, signingSecret, webhookSecretAad(id)) },
    include: OWNER,
  });
  ctx.webhookTargets.changed();
  return { subscription, signingSecret };
}

/**
 * The calling client moves a subscription to another URL or changes its events (the signing secret stays).
 * Deliveries still waiting go to the new URL; the URL is checked like a new one.
 */
export async function updateSubscription(
  ctx: Context,
  id: string,
  input: { url?: string | null; events?: WebhookEventName[] | null },
): Promise<WebhookSubscription> {
  const sub = await ctx.prisma.webhookSubscription.findUnique({ where: { id }, select: { aktif: true, ...OWNER } });
  if (!sub?.aktif) throw subscriptionNotFound();
  assertCan(ctx, "webhook:langganan", webhookResource(sub.client), subscriptionNotFound);
  const data: { url?: string; events?: WebhookEventName[] } = {};
  if (input.url != null) data.url = await webhookUrl(ctx, input.url);
  if (input.events != null) data.events = webhookEvents(input.events);
  const { count } = await ctx.prisma.webhookSubscription.updateMany({ where: { id, aktif: true }, data });
  if (count === 0) throw subscriptionNotFound();
  if (data.events) ctx.webhookTargets.changed();
  return ctx.prisma.webhookSubscription.findUniqueOrThrow({ where: { id } });
}

/** Stops a subscription; what is still waiting for it is not sent (marked FAILED, visible in the list). */
export async function unsubscribe(ctx: Context, id: string): Promise<boolean> {
  const sub = await ctx.prisma.webhookSubscription.findUnique({ where: { id }, select: { aktif: true, ...OWNER } });
  if (!sub?.aktif) throw subscriptionNotFound();
  assertCan(ctx, "webhook:kelola", webhookResource(sub.client), subscriptionNotFound);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.webhookSubscription.update({ where: { id }, data: { aktif: false } });
    await tx.webhookDelivery.updateMany({
      where: { subscriptionId: id, status: "PENDING" },
      data: { status: "FAILED", lastError: "langganan dihapus", lockedUntil: null },
    });
  });
  ctx.webhookTargets.changed();
  return true;
}

/** Sends a delivery again soon: a FAILED one (after its retries ran out), or a PENDING one now instead of at its next try. */
export async function redeliver(ctx: Context, id: string) {
  const d = await ctx.prisma.webhookDelivery.findUnique({ where: { id }, select: { status: true, subscription: { select: { aktif: true, ...OWNER } } } });
  if (!d) throw deliveryNotFound();
  assertCan(ctx, "webhook:kelola", webhookResource(d.subscription.client), deliveryNotFound);
  if (d.status === "SENT") throw new InvalidStateError("DELIVERY_ALREADY_SENT", "Pengiriman ini sudah diterima penerima.");
  if (!d.subscription.aktif) throw new InvalidStateError("WEBHOOK_INACTIVE", "Langganan webhook ini sudah dihapus.");
  const { count } = await ctx.prisma.webhookDelivery.updateMany({
    where: { id, status: { not: "SENT" } },
    data: { status: "PENDING", nextAttemptAt: new Date(), lockedUntil: null },
  });
  if (count === 0) throw new InvalidStateError("DELIVERY_ALREADY_SENT", "Pengiriman ini sudah diterima penerima.");
  ctx.webhooks?.kick();
  return ctx.prisma.webhookDelivery.findUniqueOrThrow({ where: { id } });
}

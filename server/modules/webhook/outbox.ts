import { randomUUID } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../../generated/prisma/client";
import { currentRequestId } from "../../logger";
import type { WebhookEventName } from "./rules";
import { receivingClients, type WebhookTargets } from "./targets";

type Tx = Pick<Prisma.TransactionClient, "webhookSubscription" | "webhookDelivery">;

/** The body every receiver gets: `id` equals the X-Loket-Delivery header. */
export interface WebhookBody {
  id: string;
  event: WebhookEventName;
  terjadiPada: string;
  instansiId: string;
  data: Record<string, unknown>;
}

/**
 * The delivery rows of an event: one per subscription of the instansi's clients that asked for it (none,
 * almost always). `targets`: the process's remembered receivers, else they are read with `db`. For a caller
 * that writes them with its own change in one statement; `enqueueWebhook` writes them itself.
 */
export async function webhookDeliveries(
  db: Tx,
  e: { event: WebhookEventName; instansiId: string; data: Record<string, unknown>; at?: Date },
  targets?: WebhookTargets,
) {
  const now = new Date();
  const subscriptions = targets
    ? (await targets.subscriptionIds(db, e.instansiId, e.event, now)).map((id) => ({ id }))
    : await db.webhookSubscription.findMany({
        where: { aktif: true, events: { has: e.event }, client: { ...receivingClients(now), instansiId: e.instansiId } },
        select: { id: true },
      });
  const terjadiPada = (e.at ?? now).toISOString();
  return subscriptions.map((s) => {
    const id = randomUUID();
    const body: WebhookBody = { id, event: e.event, terjadiPada, instansiId: encodeGlobalID("Instansi", e.instansiId), data: e.data };
    // the worker's line about this delivery carries the id of the request that queued it
    return {
      id,
      subscriptionId: s.id,
      event: e.event,
      payload: body as unknown as Prisma.InputJsonObject,
      nextAttemptAt: now,
      requestId: currentRequestId() ?? undefined,
    };
  });
}

/**
 * The webhook hook of a business change: call it inside the transaction that makes the change, so the change
 * and its deliveries commit together or not at all (then call `ctx.webhooks?.kick()` after the commit). One
 * delivery row per subscription of the instansi's clients that asked for the event. Returns how many (kick
 * the worker only when there are any). `targets`: the process's remembered receivers, else they are read.
 */
export async function enqueueWebhook(
  tx: Tx,
  e: { event: WebhookEventName; instansiId: string; data: Record<string, unknown>; at?: Date },
  targets?: WebhookTargets,
): Promise<number> {
  const rows = await webhookDeliveries(tx, e, targets);
  if (rows.length) await tx.webhookDelivery.createMany({ data: rows });
  return rows.length;
}

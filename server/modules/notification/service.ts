import type { Prisma } from "../../generated/prisma/client";
import type { PubSub } from "../../pubsub";

type Tx = Pick<Prisma.TransactionClient, "notification">;

export interface NewNotification {
  userId: string;
  kind: string;
  judul: string;
  isi: string;
  data?: Prisma.InputJsonValue;
}

/** Write inside the caller's transaction; publish the returned events only after it commits. */
export async function createNotifications(tx: Tx, items: NewNotification[]): Promise<Array<{ userId: string; notificationId: string }>> {
  const events: Array<{ userId: string; notificationId: string }> = [];
  for (const item of items) {
    const row = await tx.notification.create({ data: item });
    events.push({ userId: item.userId, notificationId: row.id });
  }
  return events;
}

export function publishNotifications(pubsub: PubSub, events: Array<{ userId: string; notificationId: string }>): void {
  for (const e of events) pubsub.publish("user:notification", e.userId, { notificationId: e.notificationId });
}

import { randomUUID } from "node:crypto";
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

export interface NotificationEvent {
  userId: string;
  notificationId: string;
}

/** The rows of `items`, with their ids, and the events to publish once they are committed. */
export function notificationRows(items: NewNotification[]): { rows: Array<NewNotification & { id: string }>; events: NotificationEvent[] } {
  const rows = items.map((item) => ({ ...item, id: randomUUID() }));
  return { rows, events: rows.map((r) => ({ userId: r.userId, notificationId: r.id })) };
}

/** Write inside the caller's transaction; publish the returned events only after it commits. */
export async function createNotifications(tx: Tx, items: NewNotification[]): Promise<NotificationEvent[]> {
  const { rows, events } = notificationRows(items);
  if (rows.length) await tx.notification.createMany({ data: rows });
  return events;
}

export function publishNotifications(pubsub: PubSub, events: NotificationEvent[]): void {
  for (const e of events) pubsub.publish("user:notification", e.userId, { notificationId: e.notificationId });
}

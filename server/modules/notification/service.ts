import { randomUUID } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client";
import type { PubSub } from "../../pubsub";
import type { Context } from "../../context";
import { NotFoundError } from "../../lib/errors";
import { q } from "../../lib/query";

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

/** What plugin-prisma asks of a Notification row; …of a page of them. */
export type NotificationQuery = Pick<Prisma.NotificationFindFirstArgs, "select">;
export type NotificationsQuery = Pick<Prisma.NotificationFindManyArgs, "select" | "cursor" | "take" | "skip">;

/** A notification is its recipient's alone (whatever the account's status: a pending account is told of its activation). */
export function isRecipient(c: Pick<Context, "viewer">, n: { userId: string }): boolean {
  return c.viewer?.id === n.userId;
}

/** The signed-in person's notifications, newest first. */
export function listMine(ctx: Context, query: NotificationsQuery, unreadOnly: boolean) {
  return ctx.prisma.notification.findMany({
    ...q(query),
    where: { userId: ctx.viewer!.id, ...(unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

export function unreadCount(ctx: Context): Promise<number> {
  return ctx.prisma.notification.count({ where: { userId: ctx.viewer!.id, readAt: null } });
}

export async function markRead(ctx: Context, query: NotificationQuery, id: string) {
  await ctx.prisma.notification.updateMany({ where: { id, userId: ctx.viewer!.id, readAt: null }, data: { readAt: new Date() } });
  const row = await ctx.prisma.notification.findFirst({ ...q(query), where: { id, userId: ctx.viewer!.id } });
  if (!row) throw new NotFoundError("NOTIFICATION_NOT_FOUND", "Notifikasi tidak ditemukan.", "id");
  return row;
}

export async function markAllRead(ctx: Context): Promise<number> {
  return (await ctx.prisma.notification.updateMany({ where: { userId: ctx.viewer!.id, readAt: null }, data: { readAt: new Date() } })).count;
}

/** One of the signed-in person's notifications (an event of `notificationAdded`). */
export function mineById(ctx: Context, query: NotificationQuery, id: string) {
  return ctx.prisma.notification.findFirstOrThrow({ ...q(query), where: { id, userId: ctx.viewer!.id } });
}

/** The ids of `userId`'s notifications created since `since` (what a bus outage kept from arriving), oldest first. */
export async function createdSince(ctx: Context, userId: string, since: Date): Promise<Array<{ notificationId: string }>> {
  const rows = await ctx.prisma.notification.findMany({
    where: { userId, createdAt: { gte: since } },
    orderBy: { createdAt: "asc" },
    take: 500,
    select: { id: true },
  });
  return rows.map((n) => ({ notificationId: n.id }));
}

import { builder } from "../../schema/builder";
import { catchingUp, follow as followBus } from "../../pubsub";
import { NotFoundError } from "../../lib/errors";
import * as service from "./service";

export const NotificationRef = builder.prismaNode("Notification", {
  id: { field: "id" },
  description: "An in-app notification for the signed-in user",
  authScopes: (n, ctx) => service.isRecipient(ctx, n),
  fields: (t) => ({
    kind: t.exposeString("kind"),
    judul: t.exposeString("judul"),
    isi: t.exposeString("isi"),
    data: t.expose("data", { type: "JSON", nullable: true }),
    read: t.boolean({ resolve: (n) => n.readAt !== null }),
    readAt: t.expose("readAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

builder.queryFields((t) => ({
  myNotifications: t.prismaConnection({
    type: "Notification",
    cursor: "id",
    authScopes: { authenticated: true },
    args: { unreadOnly: t.arg.boolean({ required: false, defaultValue: false }) },
    description: "My notifications, newest first",
    resolve: (query, _root, args, ctx) => service.listMine(ctx, query, !!args.unreadOnly),
  }),
  unreadNotificationCount: t.int({
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => service.unreadCount(ctx),
  }),
}));

builder.mutationFields((t) => ({
  markNotificationRead: t.prismaField({
    type: "Notification",
    authScopes: { authenticated: true },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ required: true, for: NotificationRef }) },
    resolve: (query, _root, args, ctx) => service.markRead(ctx, query, args.id.id),
  }),
  markAllNotificationsRead: t.int({
    authScopes: { authenticated: true },
    description: "Marks every unread notification read; returns how many changed",
    resolve: (_root, _args, ctx) => service.markAllRead(ctx),
  }),
}));

builder.subscriptionFields((t) => ({
  notificationAdded: t.prismaField({
    type: "Notification",
    authScopes: { authenticated: true },
    description: "Each new notification for the signed-in user, as it is created",
    subscribe: (_root, _args, ctx) => {
      const userId = ctx.viewer!.id;
      // after a bus outage, the notifications created meanwhile (they never arrive as events)
      return catchingUp(
        followBus(ctx.pubsub, "user:notification", userId),
        (since) => service.createdSince(ctx, userId, since),
        (e) => e.notificationId,
      );
    },
    resolve: (query, payload, _args, ctx) => service.mineById(ctx, query, (payload as unknown as { notificationId: string }).notificationId),
  }),
}));

import { builder } from "../../schema/builder";
import { catchingUp, follow as followBus } from "../../pubsub";
import { q } from "../../lib/query";
import { NotFoundError } from "../../lib/errors";

export const NotificationRef = builder.prismaNode("Notification", {
  id: { field: "id" },
  description: "An in-app notification for the signed-in user",
  authScopes: (n, ctx) => ctx.viewer?.id === n.userId,
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
    resolve: (query, _root, args, ctx) =>
      ctx.prisma.notification.findMany({
        ...q(query),
        where: { userId: ctx.viewer!.id, ...(args.unreadOnly ? { readAt: null } : {}) },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
  unreadNotificationCount: t.int({
    authScopes: { authenticated: true },
    resolve: (_root, _args, ctx) => ctx.prisma.notification.count({ where: { userId: ctx.viewer!.id, readAt: null } }),
  }),
}));

builder.mutationFields((t) => ({
  markNotificationRead: t.prismaField({
    type: "Notification",
    authScopes: { authenticated: true },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ required: true, for: NotificationRef }) },
    resolve: async (query, _root, args, ctx) => {
      await ctx.prisma.notification.updateMany({
        where: { id: args.id.id, userId: ctx.viewer!.id, readAt: null },
        data: { readAt: new Date() },
      });
      const row = await ctx.prisma.notification.findFirst({ ...q(query), where: { id: args.id.id, userId: ctx.viewer!.id } });
      if (!row) throw new NotFoundError("NOTIFICATION_NOT_FOUND", "Notifikasi tidak ditemukan.", "id");
      return row;
    },
  }),
  markAllNotificationsRead: t.int({
    authScopes: { authenticated: true },
    description: "Marks every unread notification read; returns how many changed",
    resolve: async (_root, _args, ctx) =>
      (await ctx.prisma.notification.updateMany({ where: { userId: ctx.viewer!.id, readAt: null }, data: { readAt: new Date() } })).count,
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
        (since) => ctx.prisma.notification.findMany({ where: { userId, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, take: 500, select: { id: true } }).then((rows) => rows.map((n) => ({ notificationId: n.id }))),
        (e) => e.notificationId,
      );
    },
    resolve: async (query, payload, _args, ctx) => {
      const { notificationId } = payload as unknown as { notificationId: string };
      return ctx.prisma.notification.findFirstOrThrow({ ...q(query), where: { id: notificationId, userId: ctx.viewer!.id } });
    },
  }),
}));

import type { Context } from "../../context";
import { callerInstansiId } from "../../lib/caller";
import { caseFeed } from "../../lib/case-feed";
import { catchingUp, follow } from "../../pubsub";
import { loadPengaduan, pengaduanById } from "./service";

/**
 * The complaint subscriptions. Services publish after commit: `pengaduan:updated` per complaint,
 * `instansi:pengaduan` per desk, each with the complaint's `seq`.
 */

/** One complaint (its reporter, the desk). */
export const pengaduanFeed = caseFeed({
  topic: "pengaduan:updated",
  notFound: "Pengaduan tidak ditemukan.",
  load: loadPengaduan,
  seq: async (ctx, id) => (await ctx.prisma.pengaduan.findUnique({ where: { id }, select: { seq: true } }))?.seq,
  read: pengaduanById,
});

/** The desk's feed (default: the caller's instansi): each change heard, and after a bus outage each complaint of the instansi changed since. */
export function followMeja(ctx: Context, instansiIdArg: string | null | undefined) {
  const instansiId = String(instansiIdArg ?? callerInstansiId(ctx));
  return catchingUp(
    follow(ctx.pubsub, "instansi:pengaduan", instansiId),
    (since) =>
      ctx.prisma.pengaduan.findMany({
        where: { instansiId, updatedAt: { gte: since } },
        orderBy: { updatedAt: "asc" },
        take: 500,
        select: { id: true, seq: true },
      }),
    (e) => `${e.id}:${e.seq}`,
  );
}

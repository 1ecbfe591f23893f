import { GraphQLError } from "graphql";
import type { Context } from "../../context";
import { callerInstansiId } from "../../lib/caller";
import { catchingUp, follow, followCase } from "../../pubsub";
import { loadPengaduan, pengaduanById } from "./service";

/**
 * The complaint subscriptions. Services publish after commit: `pengaduan:updated` per complaint,
 * `instansi:pengaduan` per desk, each with the complaint's `seq`.
 */

/** One complaint's feed (its reporter, the desk): its current state first; "not found" for anyone else. */
export async function followPengaduan(ctx: Context, id: string) {
  const { p } = await loadPengaduan(ctx, id).catch(() => {
    // a subscription has no result union: its refusal is a thrown error, worded like the query's
    throw new GraphQLError("Pengaduan tidak ditemukan.", { extensions: { code: "NOT_FOUND" } });
  });
  return followCase(ctx.pubsub, "pengaduan:updated", p.id, async () => (await ctx.prisma.pengaduan.findUnique({ where: { id: p.id }, select: { seq: true } }))?.seq ?? -1);
}

/** Each event re-checks access (a desk member may have moved meanwhile) and reads the complaint as asked. */
export async function pengaduanBerubah<Q extends object>(ctx: Context, query: Q, e: { id: string }) {
  await loadPengaduan(ctx, e.id);
  return pengaduanById(ctx, query, e.id);
}

/** The desk's feed (default: the caller's instansi): each change heard, and after a bus outage each complaint of the instansi changed since. */
export function followMeja(ctx: Context, instansiIdArg: string | null | undefined) {
  const instansiId = String(instansiIdArg ?? callerInstansiId(ctx));
  return catchingUp(
    follow(ctx.pubsub, "instansi:pengaduan", instansiId),
    (since) => ctx.prisma.pengaduan.findMany({ where: { instansiId, updatedAt: { gte: since } }, orderBy: { updatedAt: "asc" }, take: 500, select: { id: true, seq: true } }),
    (e) => `${e.id}:${e.seq}`,
  );
}

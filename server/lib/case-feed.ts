import { GraphQLError } from "graphql";
import type { Context } from "../context";
import { followCase } from "../pubsub";

/**
 * One case's subscription (`pengaduanBerubah`, `permohonanInformasiBerubah`): the case's current state first, then
 * each change. Whoever may not see the case is told it does not exist — thrown, as a subscription has no result
 * union — and each event checks access again (a desk member may have moved meanwhile) before reading the case.
 */
export function caseFeed<Q extends object, R>(c: {
  topic: "pengaduan:updated" | "permohonan:updated";
  notFound: string;
  /** refuses (throws) unless the caller may see the case */
  load: (ctx: Context, id: string) => Promise<unknown>;
  seq: (ctx: Context, id: string) => Promise<number | null | undefined>;
  read: (ctx: Context, query: Q, id: string) => Promise<R>;
}) {
  return {
    async follow(ctx: Context, id: string) {
      await c.load(ctx, id).catch(() => {
        throw new GraphQLError(c.notFound, { extensions: { code: "NOT_FOUND" } });
      });
      return followCase(ctx.pubsub, c.topic, id, async () => (await c.seq(ctx, id)) ?? -1);
    },
    async read(ctx: Context, query: Q, e: { id: string }) {
      await c.load(ctx, e.id);
      return c.read(ctx, query, e.id);
    },
  };
}

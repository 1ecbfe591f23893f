import { caseFeed } from "../../lib/case-feed";
import { loadPermohonan, permohonanById } from "./service";

/** The information-request subscription. Services publish `permohonan:updated` with the request's `seq` after commit. */
export const permohonanFeed = caseFeed({
  topic: "permohonan:updated",
  notFound: "Permohonan informasi tidak ditemukan.",
  load: loadPermohonan,
  seq: async (ctx, id) => (await ctx.prisma.permohonanInformasi.findUnique({ where: { id }, select: { seq: true } }))?.seq,
  read: permohonanById,
});

import { GraphQLError, Kind, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import { queryFromInfo } from "@pothos/plugin-prisma";
import { catchingUp, follow as followBus, isResync } from "../../pubsub";
import type { Context } from "../../context";
import { onlyScalars, q } from "../../lib/query";
import { NotFoundError } from "../../lib/errors";
import { can } from "../../policy";
import * as service from "./service";

/**
 * The live side of service requests (the subscriptions of types.ts): the Log Pengajuan of one request replayed
 * and followed in order, an instansi's queue feed, and an applicant's own changes. Events are published by
 * service.ts after each change commits (publishPengajuan); visibility is checked again per event.
 */

/** A plugin-prisma query for the fields asked for. */
type Query = object;

export type LogEvent = {
  pengajuanId: string;
  seq: number;
  /** the step and the request, read together for the event's selection (see withRows) */
  rows?: { log: unknown; pengajuan: unknown };
  /** the rows as the change committed them, when the event came from this instance (service.committedRows) */
  committed?: { log: unknown; pengajuan: unknown };
};

/** How often each field is asked for in a selection set (fragments included). */
function selectedFields(info: GraphQLResolveInfo): Map<string, number> {
  const counts = new Map<string, number>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias && sel.alias.value !== sel.name.value ? `${sel.alias.value}:${sel.name.value}` : sel.name.value;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) walk(sel.selectionSet);
      else walk(info.fragments[sel.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return counts;
}

/**
 * The rows an event needs, fetched before its fields resolve: every subscriber of every status change comes
 * through here. A change made on this instance whose subscriber asks only for plain columns is answered from
 * the rows the change committed (nothing is read); an event asking for the step and the request with more
 * than that reads both in one statement (the step with its request joined). Anything else (a field asked for
 * twice or renamed, a selection Pothos cannot plan ahead) leaves each field to read for itself.
 */
export async function withRows(ctx: Context, info: GraphQLResolveInfo, e: LogEvent): Promise<LogEvent> {
  const asked = selectedFields(info);
  const logAsked = asked.get("log") ?? 0;
  const pAsked = asked.get("pengajuan") ?? 0;
  const renamed = [...asked.keys()].some((k) => k.endsWith(":log") || k.endsWith(":pengajuan"));
  if (renamed || logAsked > 1 || pAsked > 1 || logAsked + pAsked === 0) return e;
  type Query = { select?: Record<string, unknown>; include?: Record<string, unknown> };
  let logQuery: Query | null, pQuery: Query | null;
  try {
    logQuery = logAsked ? (q(queryFromInfo({ context: ctx, info, path: ["log"] })) as Query) : null;
    pQuery = pAsked ? (q(queryFromInfo({ context: ctx, info, path: ["pengajuan"] })) as Query) : null;
  } catch {
    return e;
  }
  if (e.committed && (!logQuery || onlyScalars(logQuery)) && (!pQuery || onlyScalars(pQuery))) {
    return { ...e, rows: { log: logQuery ? e.committed.log : undefined, pengajuan: pQuery ? e.committed.pengajuan : undefined } };
  }
  if (!logQuery || !pQuery) return e; // one field: it reads for itself, in one statement anyway
  const own = logQuery.select ?? logQuery.include ?? {};
  if ("pengajuan" in own) return e; // the step's own fields read its request already: keep them apart
  const relation = pQuery.select || pQuery.include ? pQuery : true;
  const query = logQuery.select ? { select: { ...logQuery.select, pengajuan: relation } } : { include: { ...logQuery.include, pengajuan: relation } };
  const row = (await ctx.prisma.pengajuanLog.findUniqueOrThrow({
    where: { pengajuanId_seq: { pengajuanId: e.pengajuanId, seq: e.seq } },
    ...(query as { include: { pengajuan: true } }),
  })) as { pengajuan: unknown };
  return { ...e, rows: { log: row, pengajuan: row.pengajuan } };
}

/**
 * Replays the steps after `afterSeq`, then follows live ones; every step exactly once and in order, so a
 * client that reconnects with the last seq it saw is never stale. Visibility is checked again per event.
 */
export async function followPengajuan(ctx: Context, id: string, afterSeq: number): Promise<AsyncGenerator<LogEvent>> {
  try {
    await service.loadVisible(ctx, id); // not visible: refused before anything is sent
  } catch (err) {
    if (err instanceof NotFoundError) throw new GraphQLError(err.message, { extensions: { code: "NOT_FOUND" } });
    throw err;
  }
  return follow(ctx, id, afterSeq);
}

async function* follow(ctx: Context, id: string, afterSeq: number): AsyncGenerator<LogEvent> {
  // subscribe first: nothing slips between replay and live; after a bus outage it says so, and we read again
  const iterator = followBus(ctx.pubsub, "pengajuan:updated", id);
  let last = afterSeq;
  const drain = async function* () {
    const rows = await ctx.prisma.pengajuanLog.findMany({ where: { pengajuanId: id, seq: { gt: last } }, orderBy: { seq: "asc" }, select: { seq: true } });
    for (const r of rows) {
      last = r.seq;
      yield { pengajuanId: id, seq: r.seq };
    }
  };
  try {
    yield* drain();
    for await (const e of iterator) {
      if (isResync(e)) {
        yield* drain(); // steps published while Redis was away never arrive: read them
        continue;
      }
      if (e.seq <= last) continue;
      // visibility per event, from the event itself (who applied and where are fixed for a request's life)
      if (!can(ctx, "pengajuan:lihat", e)) throw new GraphQLError("Pengajuan tidak ditemukan.", { extensions: { code: "NOT_FOUND" } });
      if (e.seq === last + 1) {
        last = e.seq;
        yield { pengajuanId: id, seq: e.seq, committed: service.committedRows.get(e) };
      } else {
        yield* drain(); // a step was missed (e.g. published by another instance before we listened): read them in order
      }
    }
  } finally {
    await iterator.return(undefined);
  }
}

/** The queue feed: each change heard, and after a bus outage each request of the instansi changed since. */
export function queueFeed(ctx: Context, instansiId: string) {
  return catchingUp(
    followBus(ctx.pubsub, "instansi:queue", instansiId),
    (since) =>
      ctx.prisma.pengajuan
        .findMany({ where: { instansiId, updatedAt: { gte: since } }, orderBy: { updatedAt: "asc" }, take: 500, select: { id: true, status: true, seq: true } })
        .then((rows) => rows.map((p) => ({ pengajuanId: p.id, status: p.status as string, seq: p.seq }))),
    (e) => `${e.pengajuanId}:${e.seq}`,
  );
}

export async function* myChanges(ctx: Context) {
  // the notification stream already carries every status change addressed to this user
  const userId = ctx.viewer!.id;
  const events = catchingUp(
    followBus(ctx.pubsub, "user:notification", userId),
    (since) =>
      ctx.prisma.notification
        .findMany({ where: { userId, createdAt: { gte: since } }, orderBy: { createdAt: "asc" }, take: 500, select: { id: true } })
        .then((rows) => rows.map((n) => ({ notificationId: n.id }))),
    (e) => e.notificationId,
  );
  try {
    for await (const e of events) {
      const n = await ctx.prisma.notification.findUnique({ where: { id: e.notificationId }, select: { data: true } });
      const pengajuanId = (n?.data as { pengajuanId?: string } | null)?.pengajuanId;
      if (pengajuanId) yield { pengajuanId };
    }
  } finally {
    await events.return(undefined);
  }
}

/** An event's step, when withRows did not read it with its request already. */
export function logOf(ctx: Context, query: Query, e: LogEvent) {
  return (
    (e.rows?.log as never) ?? ctx.prisma.pengajuanLog.findUniqueOrThrow({ ...q(query), where: { pengajuanId_seq: { pengajuanId: e.pengajuanId, seq: e.seq } } })
  );
}

/** An event's request, when withRows did not read it with its step already. */
export function pengajuanOf(ctx: Context, query: Query, e: LogEvent) {
  return (e.rows?.pengajuan as never) ?? ctx.prisma.pengajuan.findUniqueOrThrow({ ...q(query), where: { id: e.pengajuanId } });
}

/** The request a queue event is about, as the desk asked for it. */
export function queueRow(ctx: Context, query: Query, e: { pengajuanId: string }) {
  return ctx.prisma.pengajuan.findUniqueOrThrow({ ...q(query), where: { id: e.pengajuanId } });
}

/** The applicant's own request a change is about (never another's, whatever the event says). */
export function myRow(ctx: Context, query: Query, e: { pengajuanId: string }) {
  return ctx.prisma.pengajuan.findFirstOrThrow({ ...q(query), where: { id: e.pengajuanId, pemohonId: ctx.viewer!.id } });
}

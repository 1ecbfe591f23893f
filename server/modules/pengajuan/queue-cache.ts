import { Kind, print, type DocumentNode, type ExecutionResult, type OperationDefinitionNode } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { Context } from "../../context";
import { listen, type PubSub } from "../../pubsub";

/**
 * Serves a staff member's queue page again while nothing in any queue has changed.
 *
 * A desk re-reads its queue all day (reconnects, tab focus, coming back from a case), and a 50-row page
 * with applicants, documents and last steps is the most expensive read there is. Only a query whose root
 * fields are all queue fields is cached, per viewer (the same officer or API client; never shared between
 * people), for `ttlSeconds` at most (the SLA countdown moves with the clock). Every queue change (a status
 * change, an upload, an assignment, a moved deadline) is published on `antrian:berubah`, through Redis
 * across instances, and drops the whole cache at once; a page computed while a change happened is not
 * kept. While Redis is down (other instances' changes are not heard) nothing is cached, and everything is
 * dropped when it is back; this instance's own changes are heard either way. A result with errors, or one that logged a read of someone's personal data (which must be logged
 * on every read), is never cached.
 */
const CACHEABLE_ROOT = new Set(["antrian", "antrianJumlah", "__typename"]);
const MAX_ENTRIES = 500;

export interface QueueCache {
  plugin: Plugin<Context>;
  /** drop everything (tests; also what every queue event does) */
  clear(): void;
  readonly size: number;
  stop(): Promise<void>;
}

export function createQueueCache(pubsub: PubSub, ttlSeconds: number): QueueCache {
  const entries = new Map<string, { result: ExecutionResult; expires: number }>();
  let generation = 0;
  const clear = () => {
    generation++;
    entries.clear();
  };
  const printed = new WeakMap<DocumentNode, string>();
  const listeners = (["antrian:berubah", "calendar:changed", "auth:invalidate", "auth:client-invalidate"] as const).map((topic) =>
    listen(pubsub, topic, clear),
  );
  // changes made elsewhere while the bus was down were not heard: start afresh when it is back
  listeners.push(pubsub.onResync(clear));

  const plugin: Plugin<Context> = {
    onExecute({ args, setResultAndStopExecution }) {
      // while the bus is down, changes made on other instances are not heard: nothing is served from memory
      if (ttlSeconds <= 0 || !pubsub.healthy) return;
      const ctx = args.contextValue as Context;
      const who = ctx.viewer
        ? `u:${ctx.viewer.id}:${ctx.viewer.role}:${ctx.viewer.instansiId ?? ""}:${ctx.viewer.status}`
        : ctx.client
          ? `k:${ctx.client.id}:${ctx.client.instansiId}:${[...ctx.client.scopes].sort().join(",")}`
          : null;
      if (!who) return;
      const document = args.document as DocumentNode;
      const op = document.definitions.find(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!args.operationName || d.name?.value === args.operationName),
      );
      if (op?.operation !== "query") return;
      if (!op.selectionSet.selections.every((s) => s.kind === Kind.FIELD && CACHEABLE_ROOT.has(s.name.value))) return;
      if (!op.selectionSet.selections.some((s) => s.kind === Kind.FIELD && s.name.value !== "__typename")) return;
      let source = printed.get(document);
      if (source === undefined) printed.set(document, (source = print(document)));
      const key = `${who}\u0000${args.operationName ?? ""}\u0000${JSON.stringify(args.variableValues ?? {})}\u0000${source}`;
      const now = Date.now();
      const hit = entries.get(key);
      if (hit && hit.expires > now) {
        setResultAndStopExecution(hit.result);
        return;
      }
      if (hit) entries.delete(key);
      const startedIn = generation;
      return {
        onExecuteDone({ result }) {
          if (Symbol.asyncIterator in (result as object)) return;
          const r = result as ExecutionResult;
          if (r.errors?.length || ctx.auditedRead || generation !== startedIn) return;
          if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!); // the oldest
          entries.set(key, { result: r, expires: Date.now() + ttlSeconds * 1000 });
        },
      };
    },
  };

  return {
    plugin,
    clear,
    get size() {
      return entries.size;
    },
    async stop() {
      for (const stop of listeners) stop();
      entries.clear();
    },
  };
}

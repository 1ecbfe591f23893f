import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
import { NotFoundError } from "./lib/errors";

/**
 * An error thrown in a plugin's onRequest or onResponse hook (downloads, rate limits, persisted operations, …)
 * never reaches the client as it is: the server adapter under yoga would answer 500 with the error's stack as
 * the body (server paths included), in every NODE_ENV. Each hook is wrapped so such an error is answered like
 * a GraphQL error: `mask` decides what the client may see (a deliberate code passes, anything else is logged
 * and becomes INTERNAL_SERVER_ERROR), as JSON, with a status that fits it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function guardHooks<P extends Plugin<any>>(plugins: P[], mask: (error: unknown) => Error): P[] {
  const answer = (err: unknown, fetchAPI: { Response: typeof Response }) => {
    const original = err;
    const masked = mask(err instanceof GraphQLError ? err : new GraphQLError(err instanceof Error ? err.message : String(err), { originalError: err instanceof Error ? err : undefined }));
    const json = masked instanceof GraphQLError ? masked.toJSON() : { message: masked.message };
    const ext = (json.extensions ?? {}) as { code?: string; http?: { status?: number } };
    const status = ext.http?.status ?? (ext.code === "INTERNAL_SERVER_ERROR" ? 500 : original instanceof NotFoundError ? 404 : 400);
    const { http: _http, ...extensions } = ext;
    return new fetchAPI.Response(JSON.stringify({ errors: [{ message: json.message, extensions }] }), {
      status,
      headers: { "content-type": "application/json; charset=utf-8" },
    });
  };
  return plugins.map((plugin) => {
    const { onRequest, onResponse } = plugin;
    if (!onRequest && !onResponse) return plugin;
    const guarded: P = Object.assign(Object.create(Object.getPrototypeOf(plugin) as object) as P, plugin);
    if (onRequest) {
      guarded.onRequest = async (payload) => {
        try {
          await onRequest.call(plugin, payload);
        } catch (err) {
          payload.endResponse(answer(err, payload.fetchAPI));
        }
      };
    }
    if (onResponse) {
      guarded.onResponse = async (payload) => {
        try {
          await onResponse.call(plugin, payload);
        } catch (err) {
          payload.setResponse(answer(err, payload.fetchAPI));
        }
      };
    }
    return guarded;
  });
}

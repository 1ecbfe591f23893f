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
// biome-ignore lint/suspicious/noExplicitAny: plugins of every context type are wrapped alike
export function guardHooks<P extends Plugin<any>>(plugins: P[], mask: (error: unknown) => Error): P[] {
  const answer = (err: unknown, fetchAPI: { Response: typeof Response }) => {
    const original = err;
    const masked = mask(
      err instanceof GraphQLError
        ? err
        : new GraphQLError(err instanceof Error ? err.message : String(err), { originalError: err instanceof Error ? err : undefined }),
    );
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
    // a hook's error becomes the response: onRequest ends the request with it, onResponse replaces the answer
    const guard =
      <T extends { fetchAPI: { Response: typeof Response } }>(hook: (payload: T) => unknown, respond: (payload: T, response: Response) => void) =>
      async (payload: T) => {
        try {
          await hook.call(plugin, payload);
        } catch (err) {
          respond(payload, answer(err, payload.fetchAPI));
        }
      };
    if (onRequest) guarded.onRequest = guard(onRequest, (p, r) => p.endResponse(r));
    if (onResponse) guarded.onResponse = guard(onResponse, (p, r) => p.setResponse(r));
    return guarded;
  });
}

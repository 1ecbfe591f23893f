import { Client, cacheExchange, fetchExchange, makeOperation, mapExchange, subscriptionExchange, type Operation } from "urql";
import { createClient as createWsClient } from "graphql-ws";
import type { ConnectionMonitor } from "./connection";
import { createPersistedTransport, persistedExtensions } from "./persisted";

const MAX_REMEMBERED = 200;

export interface LoketClient {
  client: Client;
  /** Closes the WebSocket and stops listening for reconnects. */
  dispose(): void;
}

/**
 * What graphql-ws sends for a subscription. graphql-ws sends the same payload again after each reconnect; a page
 * that keeps its place in a stream (the last seq it saw) passes `context.resume`, read through a getter each time
 * the payload is sent, so the stream resumes from there instead of from where it started.
 */
export function subscriptionPayload(
  request: { query?: string; operationName?: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> },
  operation: Pick<Operation, "context">,
): { query: string; operationName?: string; variables?: Record<string, unknown>; extensions?: Record<string, unknown> } {
  const resume = operation.context.resume as (() => Record<string, unknown>) | undefined;
  if (!resume) return { ...request, query: request.query ?? "" };
  return {
    query: request.query ?? "",
    operationName: request.operationName,
    extensions: request.extensions,
    get variables() {
      return { ...request.variables, ...resume() };
    },
  };
}

function webSocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === "https:" ? "wss" : "ws"}://${host}/graphql`;
}

/**
 * The urql client for one session. The session is the HttpOnly `loket_session` cookie, sent with every
 * fetch and with the WebSocket upgrade; the server reads the cookie only when the socket opens, so after
 * logging in or out the app builds a new client (which also drops the previous person's cached data).
 *
 * With `deviceKey` (a queue display's or kiosk's API-client key, `lkc_…`) the client acts as that device instead:
 * the key goes as `Authorization: Bearer` on every request and in the socket's connectionParams (which the server
 * reads before the cookie), and no cookie is sent with a request, so the device is never anyone's session.
 */
export function createLoketClient(monitor: ConnectionMonitor, opts: { deviceKey?: string } = {}): LoketClient {
  const authorization = opts.deviceKey ? `Bearer ${opts.deviceKey}` : null;
  let disposed = false;
  const queries = new Map<number, Operation>();

  const ws = createWsClient({
    url: webSocketUrl(),
    lazy: true,
    ...(authorization ? { connectionParams: { authorization } } : {}),
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** retries, 10_000))),
    on: {
      connected: () => monitor.reportOnline(),
      closed: (event) => {
        // 1000: closed on purpose (no subscription left, or this client was disposed)
        const code = (event as { code?: number } | undefined)?.code;
        if (!disposed && code !== 1000 && code !== 1001) monitor.reportOffline();
      },
    },
  });

  // operations go by their codegen hash (persisted operations), with the document only when the server asks
  const persisted = createPersistedTransport();

  const client = new Client({
    url: "/graphql",
    fetch: persisted.fetch,
    fetchOptions: authorization ? { credentials: "omit", headers: { authorization } } : { credentials: "include" },
    // POST only: search terms and other variables stay out of URLs (and out of proxies' access logs)
    preferGetMethod: false,
    exchanges: [
      // remembers the queries asked for (before the cache answers any), to fetch them again after a reconnect;
      // urql ignores a re-execution of a query nobody watches any more, so this need not track teardowns
      mapExchange({
        onOperation(operation) {
          if (operation.kind !== "query") return;
          queries.delete(operation.key);
          queries.set(operation.key, operation);
          if (queries.size > MAX_REMEMBERED) queries.delete(queries.keys().next().value!);
        },
      }),
      cacheExchange,
      // sees only what went to the network: its outcome tells whether the API is reachable
      mapExchange({
        onResult(result) {
          if (!result.error?.networkError && result.operation.kind !== "subscription") monitor.reportOnline();
        },
        onError(error) {
          if (error.networkError) monitor.reportOffline();
        },
      }),
      persisted.exchange,
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request, operation) {
          // hash and document together: a resubscription after a reconnect cannot ask twice
          const input = subscriptionPayload({ ...request, extensions: persistedExtensions(operation.query, request.extensions) }, operation);
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });

  // what is on screen may have changed while we were away: fetch it again
  const stopListening = monitor.onReconnect(() => {
    for (const op of queries.values()) {
      client.reexecuteOperation(makeOperation(op.kind, op, { ...op.context, requestPolicy: "network-only" }));
    }
  });

  return {
    client,
    dispose() {
      if (disposed) return;
      disposed = true;
      stopListening();
      void ws.dispose();
    },
  };
}

import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/** A real graphql-ws client over a real socket. */
export function wsClient(port: number, opts: { token?: string; cookie?: string } = {}): Client {
  return createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, opts.cookie ? { headers: { cookie: opts.cookie } } : {});
      }
    },
    connectionParams: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

/** Collects events of one subscription; `next(n)` waits until n events have arrived. */
export function collect<T = any>(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const events: Array<{ data?: T; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }> = [];
  let waiters: Array<() => void> = [];
  let error: unknown = null;
  let completed = false;
  const dispose = client.subscribe<T>(
    { query, variables },
    {
      next: (v) => {
        events.push(v as never);
        for (const w of waiters) w();
      },
      error: (e) => {
        error = e;
        for (const w of waiters) w();
      },
      complete: () => {
        completed = true;
        for (const w of waiters) w();
      },
    },
  );
  return {
    events,
    get error() {
      return error;
    },
    get completed() {
      return completed;
    },
    dispose,
    async next(n: number, timeoutMs = 5000): Promise<typeof events> {
      const deadline = Date.now() + timeoutMs;
      while (events.length < n && !error && !completed) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${n} events (have ${events.length})`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
        waiters = [];
      }
      return events;
    },
  };
}

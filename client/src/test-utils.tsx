import type { ReactNode } from "react";
import { MemoryRouter } from "react-router-dom";
import { Client, Provider, fetchExchange, subscriptionExchange } from "urql";
import { subscriptionPayload } from "./lib/client";

export interface GraphQLRequestBody {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

interface FakeSubscription {
  /** what would go over the socket: read `variables` again to see what a resubscription would send */
  payload: ReturnType<typeof subscriptionPayload>;
  next(data: unknown): void;
  closed: boolean;
}

/**
 * A real urql client whose network is a function: component tests exercise the same documents, the same
 * exchanges' result handling and the same union types as the app, without a server. Subscriptions are
 * driven by the test: `subscriptions.get("OperationName")` pushes events into the page.
 */
export function mockClient(handler: (body: GraphQLRequestBody) => unknown | Promise<unknown>): {
  client: Client;
  requests: GraphQLRequestBody[];
  subscriptions: Map<string, FakeSubscription>;
} {
  const requests: GraphQLRequestBody[] = [];
  const subscriptions = new Map<string, FakeSubscription>();
  const client = new Client({
    url: "http://loket.test/graphql",
    exchanges: [
      subscriptionExchange({
        forwardSubscription(request, operation) {
          const payload = subscriptionPayload(request, operation);
          return {
            subscribe(sink) {
              const sub: FakeSubscription = { payload, closed: false, next: (data) => sink.next({ data } as never) };
              subscriptions.set(payload.operationName ?? "", sub);
              return {
                unsubscribe() {
                  sub.closed = true;
                },
              };
            },
          };
        },
      }),
      fetchExchange,
    ],
    preferGetMethod: false,
    fetch: async (_url, init) => {
      const body = JSON.parse(String(init?.body)) as GraphQLRequestBody;
      requests.push(body);
      const result = await handler(body);
      return new Response(JSON.stringify(result), { status: 200, headers: { "content-type": "application/json" } });
    },
  });
  return { client, requests, subscriptions };
}

export function Wrapper({ client, children, path }: { client: Client; children: ReactNode; path?: string }) {
  return (
    <Provider value={client}>
      <MemoryRouter initialEntries={path ? [path] : undefined}>{children}</MemoryRouter>
    </Provider>
  );
}

/** The text a screen reader reads as the control's description (hint and message). */
export function descriptionOf(el: HTMLElement): string {
  const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  return ids.map((id) => el.ownerDocument.getElementById(id)?.textContent ?? "").join(" ");
}

import type { ReactNode } from "react";
import { MemoryRouter } from "react-router-dom";
import { Client, Provider, fetchExchange } from "urql";

export interface GraphQLRequestBody {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/**
 * A real urql client whose network is a function: component tests exercise the same documents, the same
 * exchanges' result handling and the same union types as the app, without a server.
 */
export function mockClient(handler: (body: GraphQLRequestBody) => unknown | Promise<unknown>): { client: Client; requests: GraphQLRequestBody[] } {
  const requests: GraphQLRequestBody[] = [];
  const client = new Client({
    url: "http://loket.test/graphql",
    exchanges: [fetchExchange],
    preferGetMethod: false,
    fetch: async (_url, init) => {
      const body = JSON.parse(String(init?.body)) as GraphQLRequestBody;
      requests.push(body);
      const result = await handler(body);
      return new Response(JSON.stringify(result), { status: 200, headers: { "content-type": "application/json" } });
    },
  });
  return { client, requests };
}

export function Wrapper({ client, children }: { client: Client; children: ReactNode }) {
  return (
    <Provider value={client}>
      <MemoryRouter>{children}</MemoryRouter>
    </Provider>
  );
}

/** The text a screen reader reads as the control's description (hint and message). */
export function descriptionOf(el: HTMLElement): string {
  const ids = (el.getAttribute("aria-describedby") ?? "").split(/\s+/).filter(Boolean);
  return ids.map((id) => el.ownerDocument.getElementById(id)?.textContent ?? "").join(" ");
}

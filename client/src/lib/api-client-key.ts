import { Client, cacheExchange, fetchExchange } from "urql";
import { parseToken } from "../../../server/shared/klien-api";

/** The client uuid inside a key (`lkc_<client uuid>.<secret>`, read as the API reads it), or null when the text is not a key. */
export function keyClientId(token: string): string | null {
  return parseToken(token.trim())?.clientId ?? null;
}

/**
 * A urql client that acts as an API client (another system) with its key, never with the admin's session: the
 * cookie is left out, so the API sees only the key. Webhooks are subscribed by the API client itself, so this
 * is how an admin who holds a client's key (just issued, or pasted) manages that client's webhooks. The key stays
 * in memory only, for as long as the page is open.
 */
export function createKeyClient(token: string): Client {
  return new Client({
    url: "/graphql",
    preferGetMethod: false,
    requestPolicy: "cache-and-network",
    fetchOptions: { credentials: "omit", headers: { authorization: `Bearer ${token.trim()}` } },
    exchanges: [cacheExchange, fetchExchange],
  });
}

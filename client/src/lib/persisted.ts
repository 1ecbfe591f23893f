import { makeOperation, mapExchange, stringifyDocument, type Exchange, type Operation } from "urql";

/**
 * Persisted operations. `npm run codegen` puts the sha256 of each operation's text into its document
 * (`__meta__.hash`) and the texts into client/src/gql/persisted-documents.json, which the server loads.
 * Queries and mutations are sent by hash alone (`extensions.persistedQuery`, as Apollo does); when the server
 * does not know the hash (PERSISTED_QUERY_NOT_FOUND: a server older than this page) or takes no hashes at all
 * (PERSISTED_QUERY_NOT_SUPPORTED: PERSISTED_OPERATIONS=off) the same request is sent again with its document,
 * and after NOT_SUPPORTED this client sends documents only. Subscriptions and uploads, which cannot simply be
 * sent twice, carry the hash and the document together; the server runs the text it has for a known hash.
 */
const RETRY_CODES = new Set(["PERSISTED_QUERY_NOT_FOUND", "PERSISTED_QUERY_NOT_SUPPORTED"]);

/** The hash codegen embedded in a document, if any. */
export function persistedHashOf(document: unknown): string | undefined {
  const hash = (document as { __meta__?: { hash?: unknown } } | null | undefined)?.__meta__?.hash;
  return typeof hash === "string" ? hash : undefined;
}

/** `extensions` carrying the document's hash (for a request that also sends the document). */
export function persistedExtensions(document: unknown, extensions?: Record<string, unknown>): Record<string, unknown> | undefined {
  const sha256Hash = persistedHashOf(document);
  return sha256Hash ? { ...extensions, persistedQuery: { version: 1, sha256Hash } } : extensions;
}

function hasFiles(value: unknown, depth = 0): boolean {
  if (typeof Blob !== "undefined" && value instanceof Blob) return true;
  if (depth > 8 || !value || typeof value !== "object") return false;
  return Object.values(value as Record<string, unknown>).some((v) => hasFiles(v, depth + 1));
}

export interface PersistedTransport {
  /** put before fetchExchange: marks queries and mutations to go by hash */
  exchange: Exchange;
  /** urql's `fetch`: sends by hash, and again with the document when the server asks for it */
  fetch: typeof fetch;
  /** false once the server said it takes no hashes */
  readonly enabled: boolean;
}

export function createPersistedTransport(baseFetch: typeof fetch = (input, init) => fetch(input, init)): PersistedTransport {
  let enabled = true;
  /** hash → the document text urql would have sent, for sending it again */
  const texts = new Map<string, string>();

  const exchange = mapExchange({
    onOperation(operation: Operation) {
      if (!enabled || (operation.kind !== "query" && operation.kind !== "mutation")) return;
      const sha256Hash = persistedHashOf(operation.query);
      if (!sha256Hash || hasFiles(operation.variables)) return;
      if (!texts.has(sha256Hash)) texts.set(sha256Hash, stringifyDocument(operation.query));
      // urql leaves `query` out of the body when extensions.persistedQuery is set
      return makeOperation(
        operation.kind,
        { ...operation, extensions: { ...operation.extensions, persistedQuery: { version: 1, sha256Hash } } },
        operation.context,
      );
    },
  });

  const persistedFetch: typeof fetch = async (input, init) => {
    let body: { query?: string; extensions?: { persistedQuery?: { sha256Hash?: string } } } | null = null;
    if (typeof init?.body === "string") {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = null;
      }
    }
    const hash = body?.extensions?.persistedQuery?.sha256Hash;
    if (!body || body.query || !hash) return baseFetch(input, init);
    const res = await baseFetch(input, init);
    if (!(res.headers.get("content-type") ?? "").includes("json")) return res;
    const answer = (await res
      .clone()
      .json()
      .catch(() => null)) as { errors?: Array<{ extensions?: { code?: unknown } }> } | null;
    const code = answer?.errors?.map((e) => e.extensions?.code).find((c): c is string => typeof c === "string" && RETRY_CODES.has(c));
    const text = texts.get(hash);
    if (!code || !text) return res;
    if (code === "PERSISTED_QUERY_NOT_SUPPORTED") enabled = false;
    return baseFetch(input, { ...init, body: JSON.stringify({ ...body, query: text }) });
  };

  return {
    exchange,
    fetch: persistedFetch,
    get enabled() {
      return enabled;
    },
  };
}

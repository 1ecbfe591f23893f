import fs from "node:fs";
import { GraphQLError } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import type { PersistedOperationsMode } from "./config";
import { fromRoot } from "./paths";

/**
 * Persisted operations: the web client's own operations, known by the sha256 (hex) of their normalised text.
 * `npm run codegen` writes them to client/src/gql/persisted-documents.json (committed, checked fresh by a test);
 * a caller sends `extensions: { persistedQuery: { version: 1, sha256Hash } }` (Apollo style) instead of the
 * document. With PERSISTED_OPERATIONS=only, anonymous callers and people (cookie or bearer session) can run
 * nothing else; an API client authenticated with its key may still send any document (integrators need
 * their own queries).
 */
export const MANIFEST_FILE = fromRoot("client", "src", "gql", "persisted-documents.json");

export type Manifest = ReadonlyMap<string, string>;

export function loadManifest(file = MANIFEST_FILE): Manifest {
  const raw = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
  const map = new Map<string, string>();
  for (const [hash, doc] of Object.entries(raw)) {
    if (!/^[0-9a-f]{64}$/.test(hash) || typeof doc !== "string") throw new Error(`${file}: not a persisted-documents manifest (entry ${hash})`);
    map.set(hash, doc);
  }
  return map;
}

export const PERSISTED_ERRORS = {
  notFound: () =>
    new GraphQLError("Operasi tersimpan dengan hash ini tidak dikenal server. Muat ulang aplikasi, atau kirim dokumen GraphQL lengkap.", {
      extensions: { code: "PERSISTED_QUERY_NOT_FOUND" },
    }),
  notSupported: () =>
    new GraphQLError("Server ini tidak menerima operasi tersimpan (hash); kirim dokumen GraphQL lengkap.", {
      extensions: { code: "PERSISTED_QUERY_NOT_SUPPORTED" },
    }),
  only: () =>
    new GraphQLError("Server ini hanya menjalankan operasi tersimpan milik aplikasi web. Sistem lain mengirim kueri sendiri dengan kunci klien API.", {
      extensions: { code: "PERSISTED_QUERY_ONLY", http: { status: 403 } },
    }),
  required: () =>
    createGraphQLError("Permintaan tidak memuat dokumen GraphQL (query) maupun hash operasi tersimpan.", {
      extensions: { code: "QUERY_REQUIRED", http: { status: 400, headers: { Allow: "GET, POST" } } },
    }),
};

/** `extensions.persistedQuery.sha256Hash` of a request (version 1), or null. */
export function persistedHash(extensions: unknown): string | null {
  const pq = (extensions as { persistedQuery?: { version?: unknown; sha256Hash?: unknown } } | null | undefined)?.persistedQuery;
  return pq && typeof pq === "object" && pq.version === 1 && typeof pq.sha256Hash === "string" ? pq.sha256Hash : null;
}

export interface PersistedOptions {
  mode: PersistedOperationsMode;
  manifest: Manifest;
  /** whether this HTTP request comes from an API client with a valid key (only those send documents in `only` mode) */
  isApiClient(request: Request): Promise<boolean>;
}

/** The yoga plugins for the configured mode (see PERSISTED_OPERATIONS in README). */
export function persistedOperationPlugins(opts: PersistedOptions): Plugin[] {
  const { mode, manifest } = opts;
  if (mode === "off") {
    // a hash alone cannot be run here: say so, so that a client (ours) sends the document instead
    return [
      {
        onParams({ params }) {
          if (!params.query && persistedHash(params.extensions)) throw PERSISTED_ERRORS.notSupported();
        },
      },
    ];
  }
  return [
    {
      // a known hash wins over a document sent along with it (the web client's uploads send both, so they work
      // whatever the server's mode): what runs is the manifest's text, never the caller's
      onParams({ params, setParams }) {
        const hash = persistedHash(params.extensions);
        if (params.query && hash && manifest.has(hash)) setParams({ ...params, query: undefined });
      },
    },
    usePersistedOperations({
      getPersistedOperation: (hash) => manifest.get(hash) ?? null,
      allowArbitraryOperations: mode === "allow" ? true : (request) => opts.isApiClient(request),
      customErrors: {
        notFound: PERSISTED_ERRORS.notFound,
        persistedQueryOnly: PERSISTED_ERRORS.only,
        keyNotFound: PERSISTED_ERRORS.required,
      },
    }) as Plugin,
  ];
}

/**
 * The same rules for a graphql-ws subscribe message (yoga's params hooks do not run on the socket): the text to
 * parse, or the error to answer with.
 */
export function subscribeDocument(
  opts: Pick<PersistedOptions, "mode" | "manifest">,
  payload: { query?: string | null; extensions?: unknown },
  isApiClient: boolean,
): { query: string } | { error: GraphQLError } {
  const hash = persistedHash(payload.extensions);
  const query = payload.query ?? "";
  if (opts.mode === "off") return hash && !query ? { error: PERSISTED_ERRORS.notSupported() } : { query };
  if (hash) {
    const known = opts.manifest.get(hash);
    if (known) return { query: known };
    if (!query) return { error: PERSISTED_ERRORS.notFound() };
  }
  if (!query) return { error: PERSISTED_ERRORS.required() };
  if (opts.mode === "only" && !isApiClient) return { error: PERSISTED_ERRORS.only() };
  return { query };
}

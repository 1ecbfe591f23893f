import { stringifyDocument, type TypedDocumentNode } from "urql";
import { connection } from "./connection";
import { NETWORK_MESSAGE, UNEXPECTED_MESSAGE } from "./errors";
import { persistedExtensions } from "./persisted";

/** The API's CSRF header (server/protection.ts CSRF_HEADER). */
export const CSRF_HEADER = "x-loket-csrf";

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadResult<TData> {
  data?: TData | null;
  /** a sentence for people when the request failed as a whole (network, not signed in, server fault) */
  failure?: string;
}

/** Every File/Blob in `variables` with its path ("berkas.0.file"), replaced by null as the spec requires. */
export function extractFiles(variables: unknown): { clone: unknown; files: Array<{ path: string; file: Blob }> } {
  const files: Array<{ path: string; file: Blob }> = [];
  const walk = (value: unknown, path: string): unknown => {
    if (typeof Blob !== "undefined" && value instanceof Blob) {
      files.push({ path, file: value });
      return null;
    }
    if (Array.isArray(value)) return value.map((v, i) => walk(v, path ? `${path}.${i}` : String(i)));
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, path ? `${path}.${k}` : k)]));
    }
    return value;
  };
  return { clone: walk(variables, ""), files };
}

/**
 * A GraphQL multipart request (graphql-multipart-request-spec) sent with XMLHttpRequest, because fetch cannot
 * report upload progress; on a slow phone connection a bar that moves is the difference between waiting and
 * giving up. Same origin, so the session cookie goes along.
 */
export function uploadMutation<TData, TVariables extends Record<string, unknown>>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: TVariables,
  opts: { onProgress?: (p: UploadProgress) => void; signal?: AbortSignal; url?: string } = {},
): Promise<UploadResult<TData>> {
  const { clone, files } = extractFiles(variables);
  const form = new FormData();
  // the document and its persisted hash: a server that knows the hash runs its own copy (PERSISTED_OPERATIONS=only
  // refuses documents from the web client), one that does not runs the document
  form.append("operations", JSON.stringify({ query: stringifyDocument(document), variables: clone, extensions: persistedExtensions(document) }));
  form.append("map", JSON.stringify(Object.fromEntries(files.map((f, i) => [String(i), [`variables.${f.path}`]]))));
  files.forEach((f, i) => {
    form.append(String(i), f.file, (f.file as File).name ?? `berkas-${i}`);
  });

  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", opts.url ?? "/graphql");
    xhr.withCredentials = true;
    // a multipart POST needs no CORS preflight, so the API asks for a custom header a cross-site form cannot send
    xhr.setRequestHeader(CSRF_HEADER, "1");
    xhr.responseType = "text";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.({ loaded: e.loaded, total: e.total });
    };
    xhr.onerror = () => {
      connection.reportOffline();
      resolve({ failure: NETWORK_MESSAGE });
    };
    xhr.onabort = () => resolve({ failure: "Unggahan dibatalkan." });
    xhr.onload = () => {
      connection.reportOnline();
      let body: { data?: TData | null; errors?: Array<{ message: string; extensions?: { code?: string } }> } | null = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 413) return resolve({ failure: "Berkas terlalu besar untuk dikirim." });
      if (!body) return resolve({ failure: UNEXPECTED_MESSAGE });
      const first = body.errors?.[0];
      if (!body.data || Object.values(body.data as object).every((v) => v == null)) {
        const code = first?.extensions?.code;
        return resolve({ data: body.data, failure: first && code && !String(code).startsWith("GRAPHQL_") ? first.message : UNEXPECTED_MESSAGE });
      }
      resolve({ data: body.data });
    };
    opts.signal?.addEventListener("abort", () => xhr.abort());
    xhr.send(form);
  });
}

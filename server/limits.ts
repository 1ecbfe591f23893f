import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";

export const MAX_TOKENS = 3000;
export const MAX_DEPTH = 12;
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The largest multipart (upload) request: refused before it is read when its Content-Length says more, and cut
 * off while it streams when it has none. Also yoga's `maxRequestBodySize`.
 */
export const MAX_UPLOAD_BODY_BYTES = 25 * 1024 * 1024;

/** Multipart limits (GraphQL multipart requests): per-slot limits are checked again while storing. */
export const UPLOAD_LIMITS = {
  fileSize: 20 * 1024 * 1024,
  files: 10,
  fieldSize: 1024 * 1024,
  fields: 10,
  parts: 25,
  headerSize: 200,
};

/** Indonesian message and stable code for a document over MAX_TOKENS (GraphQL Armor's max-tokens). */
export const tooManyTokens = () => ({ code: "DOCUMENT_TOO_LARGE", message: `Dokumen GraphQL terlalu besar (lebih dari ${MAX_TOKENS} token).` });

/**
 * Indonesian message and stable code for a selection nested deeper than MAX_DEPTH (GraphQL Armor's max-depth,
 * whose own message "Query depth limit of N exceeded, found D." carries the depth found).
 */
export function tooDeep(armorMessage: string): { code: string; message: string } {
  const found = /found (\d+)/.exec(armorMessage)?.[1];
  return {
    code: "QUERY_TOO_DEEP",
    message: found ? `Kueri terlalu dalam (${found} tingkat; maksimal ${MAX_DEPTH}).` : `Kueri terlalu dalam (maksimal ${MAX_DEPTH} tingkat).`,
  };
}

/**
 * GraphQL Armor's max-depth options: fragments (named and inline) add no depth of their own, a fragment
 * spread inside itself is counted once (cycles are refused by the standard rules too), and the introspection
 * field `__schema` is not counted, so the standard introspection query of GraphiQL, codegen, Postman and
 * Insomnia passes wherever introspection is allowed.
 */
export const DEPTH_OPTIONS = { n: MAX_DEPTH, flattenFragments: true, ignoreIntrospection: true } as const;

const tooLarge = (message: string) => ({ status: 413, code: "PAYLOAD_TOO_LARGE", message });

/**
 * Refuses request bodies over MAX_BODY_BYTES (uploads: MAX_UPLOAD_BODY_BYTES) before reading them, when their
 * Content-Length says so; bodies without one are cut off while they stream (yoga's maxRequestBodySize).
 */
export function useBodyLimit(maxBytes = MAX_BODY_BYTES, maxUploadBytes = MAX_UPLOAD_BODY_BYTES): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const length = Number(request.headers.get("content-length") ?? 0);
      const multipart = isMultipart(request);
      if (length > (multipart ? maxUploadBytes : maxBytes)) {
        const e = multipart
          ? tooLarge(`Unggahan terlalu besar (paling besar ${Math.round(maxUploadBytes / 1024 / 1024)} MB per permintaan).`)
          : tooLarge("Permintaan terlalu besar.");
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message: e.message, extensions: { code: e.code } }] }), {
            status: e.status,
            headers: { "content-type": "application/json" },
          }),
        );
      }
    },
  };
}

function isMultipart(request: Request): boolean {
  return request.headers.get("content-type")?.toLowerCase().startsWith("multipart/") ?? false;
}

/** What a multipart parse failure (yoga, busboy: English) means, with our code and an Indonesian message. */
export function uploadFailure(message: string): { status: number; code: string; message: string } {
  if (/File size limit exceeded/.test(message)) {
    return { status: 413, code: "FILE_TOO_LARGE", message: `Ukuran berkas melebihi batas unggahan ${Math.round(UPLOAD_LIMITS.fileSize / 1024 / 1024)} MB.` };
  }
  if (/Files limit exceeded|Parts limit exceeded/.test(message)) {
    return {
      status: 413,
      code: "TOO_MANY_FILES",
      message: `Terlalu banyak berkas atau bagian dalam satu unggahan (paling banyak ${UPLOAD_LIMITS.files} berkas).`,
    };
  }
  if (/Request body too large/.test(message)) {
    return tooLarge(`Unggahan terlalu besar (paling besar ${Math.round(MAX_UPLOAD_BODY_BYTES / 1024 / 1024)} MB per permintaan).`);
  }
  if (/Fields limit exceeded|Field value size exceeded|Field name size exceeded/.test(message)) {
    return tooLarge("Bagian isian unggahan terlalu banyak atau terlalu besar.");
  }
  return { status: 400, code: "MULTIPART_INVALID", message: "Permintaan unggahan tidak lengkap atau tidak sesuai spesifikasi GraphQL multipart request." };
}

/**
 * Upload bombs: a multipart request refused while it is parsed (too many parts, a part over the per-file cap,
 * more bytes than MAX_UPLOAD_BODY_BYTES, a body that ends early) gets a stable code and an Indonesian message.
 * What is left of the body is not read to its end either (see `drainRefusedBody`).
 */
export function useUploadLimits(): Plugin {
  return {
    onRequestParse({ request, requestParser, setRequestParser }) {
      if (!requestParser || !isMultipart(request)) return;
      const parse = requestParser;
      setRequestParser(async (req) => {
        try {
          return await parse(req);
        } catch (err) {
          if (!(err instanceof Error) || err.name === "AbortError") throw err;
          const f = uploadFailure(err.message);
          throw new GraphQLError(f.message, { extensions: { code: f.code, http: { status: f.status } } });
        }
      });
    },
  };
}

/** What is still read (and thrown away) of a request answered before its body ended, before the connection is closed. */
export const DRAIN_LIMITS = { bytes: 8 * 1024 * 1024, ms: 5_000 };

/**
 * A request answered before its body was read to its end (an upload bomb refused while it streams): the rest is
 * read and thrown away for a moment, so the client gets to read the answer instead of a reset connection, but at
 * most DRAIN_LIMITS; then the connection is closed. Call on the response's "finish" with the request's socket
 * (taken when the request came: by then it is detached from the request).
 */
export function drainRefusedBody(req: import("node:http").IncomingMessage, socket: import("node:net").Socket, limits = DRAIN_LIMITS): void {
  if (req.complete || socket.destroyed) return;
  let drained = 0;
  const close = () => {
    clearTimeout(timer);
    socket.destroy();
  };
  const timer = setTimeout(close, limits.ms);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > limits.bytes) close();
  });
  req.on("end", () => clearTimeout(timer));
  req.on("error", () => clearTimeout(timer));
  req.resume();
}

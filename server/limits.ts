import { GraphQLError, Kind, type ASTVisitor, type ValidationContext, parse } from "graphql";
import type { Plugin } from "graphql-yoga";

export const MAX_TOKENS = 3000;
export const MAX_DEPTH = 12;
export const MAX_BODY_BYTES = 1024 * 1024;

/** Multipart limits (GraphQL multipart requests): per-slot limits are checked again while storing. */
export const UPLOAD_LIMITS = {
  fileSize: 20 * 1024 * 1024,
  files: 10,
  fieldSize: 1024 * 1024,
  fields: 10,
  parts: 25,
  headerSize: 200,
};

/** Parsing stops after MAX_TOKENS tokens, so a huge document costs little. */
export function useDocumentLimits(): Plugin {
  return {
    onParse({ setParseFn }) {
      setParseFn((source, options) => {
        try {
          return parse(source, { ...options, maxTokens: MAX_TOKENS });
        } catch (err) {
          if (err instanceof GraphQLError && /\d+ tokens\. Parsing aborted/.test(err.message)) {
            throw new GraphQLError(`Dokumen GraphQL terlalu besar (lebih dari ${MAX_TOKENS} token).`, {
              extensions: { code: "DOCUMENT_TOO_LARGE" },
            });
          }
          throw err;
        }
      });
    },
    onValidate({ addValidationRule }) {
      addValidationRule(depthLimit(MAX_DEPTH));
    },
  };
}

/** Rejects selections nested deeper than `max` (fragments followed). */
export function depthLimit(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [(d as { name: { value: string } }).name.value, d]),
    );
    const depthOf = (node: { selectionSet?: { selections: readonly unknown[] } }, depth: number, seen: Set<string>): number => {
      if (!node.selectionSet) return depth;
      let deepest = depth;
      for (const sel of node.selectionSet.selections as Array<{ kind: string; name?: { value: string }; selectionSet?: never }>) {
        if (sel.kind === Kind.FIELD) deepest = Math.max(deepest, depthOf(sel, depth + 1, seen));
        else if (sel.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(sel, depth, seen));
        else if (sel.kind === Kind.FRAGMENT_SPREAD && sel.name && !seen.has(sel.name.value)) {
          const frag = fragments.get(sel.name.value) as never;
          if (frag) deepest = Math.max(deepest, depthOf(frag, depth, new Set([...seen, sel.name.value])));
        }
        if (deepest > max) return deepest;
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node as never, 0, new Set());
        if (depth > max) {
          context.reportError(
            new GraphQLError(`Kueri terlalu dalam (${depth} tingkat; maksimal ${max}).`, { nodes: [node], extensions: { code: "QUERY_TOO_DEEP" } }),
          );
        }
      },
    };
  };
}

/** Refuses request bodies over MAX_BODY_BYTES before reading them (uploads have their own limits). */
export function useBodyLimit(maxBytes = MAX_BODY_BYTES): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const length = Number(request.headers.get("content-length") ?? 0);
      const multipart = request.headers.get("content-type")?.startsWith("multipart/") ?? false;
      if (!multipart && length > maxBytes) {
        endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message: "Permintaan terlalu besar.", extensions: { code: "PAYLOAD_TOO_LARGE" } }] }),
            { status: 413, headers: { "content-type": "application/json" } },
          ),
        );
      }
    },
  };
}

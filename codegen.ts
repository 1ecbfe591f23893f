import { createHash } from "node:crypto";
import type { CodegenConfig } from "@graphql-codegen/cli";
import type { Types } from "@graphql-codegen/plugin-helpers";
import { Kind, visit, type SelectionSetNode } from "graphql";

/**
 * Adds `__typename` to every selection set except an operation's root, exactly as urql's cacheExchange
 * (`formatDocument`) does before sending. The persisted documents (what the server runs for a hash) are then
 * the very documents urql would have sent, and urql's document cache still sees the typenames it needs.
 */
const urqlTypenames: Types.DocumentTransformObject = {
  transform: ({ documents }) =>
    documents.map((source) => ({
      ...source,
      document: source.document
        ? visit(source.document, {
            SelectionSet: {
              leave(node: SelectionSetNode, _key, parent) {
                if (parent && !Array.isArray(parent) && (parent as { kind?: string }).kind === Kind.OPERATION_DEFINITION) return undefined;
                if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === "__typename" && !s.alias)) return undefined;
                return { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } }] };
              },
            },
          })
        : source.document,
    })),
};

// Client types come from the committed schema.graphql (printed from the Pothos schema by
// `npm run schema:print`), never from a running server. The preset also writes
// client/src/gql/persisted-documents.json: every client operation by the sha256 (hex) of its normalised text,
// which the server loads to accept the web client's operations by hash (PERSISTED_OPERATIONS).
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["client/src/**/*.{ts,tsx}", "!client/src/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "client/src/gql/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: { unmaskFunctionName: "useFragment" },
        // plain hex (the preset's "sha256" would prefix "sha256:"): Apollo's extensions.persistedQuery.sha256Hash
        persistedDocuments: { mode: "embedHashInDocument", hashAlgorithm: (operation: string) => createHash("sha256").update(operation).digest("hex") },
      },
      documentTransforms: [urqlTypenames],
      config: {
        scalars: { DateTime: "string", Date: "string", JSON: "unknown" },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;

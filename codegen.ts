import type { CodegenConfig } from "@graphql-codegen/cli";

// Client types come from the committed schema.graphql (printed from the Pothos schema by
// `npm run schema:print`), never from a running server.
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["client/src/**/*.{ts,tsx}", "!client/src/gql/**/*"],
  ignoreNoDocuments: true,
  generates: {
    "client/src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: { unmaskFunctionName: "useFragment" } },
      config: {
        scalars: { DateTime: "string", Date: "string", JSON: "unknown" },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;

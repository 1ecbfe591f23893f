import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // one graphql instance: Vite would pick graphql's .mjs build for our code while the
    // dependencies load its CommonJS build, and `instanceof GraphQLError` would then fail
    alias: [{ find: /^graphql$/, replacement: fileURLToPath(new URL("node_modules/graphql/index.js", import.meta.url)) }],
  },
  test: {
    include: ["tests/**/*.test.ts", "server/**/*.test.ts", "client/src/**/*.test.{ts,tsx}"],
    globalSetup: ["tests/setup/global.ts"],
    // each file gets its own database cloned from a migrated template; two workers fit 2 cores
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: "test" },
  },
});

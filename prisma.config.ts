// Prisma's CLI wants a native schema engine for some commands and tries to download it.
// Generation does not need it; migrations go through the wasm engine in prisma/db.ts.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/false";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});

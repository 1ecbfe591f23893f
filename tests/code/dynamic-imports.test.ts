import fs from "node:fs";
import path from "node:path";
import { expect, it } from "vitest";
import { SERVER_EXTERNAL } from "../../scripts/build.mjs";

/**
 * The server is bundled with its dependencies (scripts/build.mjs). A dynamic `import("<package>")` of a bundled
 * CommonJS package can come back without its named exports: `const { PDFDocument } = await import("pdf-lib")`
 * gave undefined in the built server while it worked under tsx and in every test, so signing a letter failed only
 * in production (found by `npm run bench -- letters`). Code loaded on first use imports a local module instead
 * (e.g. server/modules/surat/pdf-libs.ts), whose static imports the bundler resolves.
 *
 * A dynamic import of a package is allowed when the package stays external (Node loads it), or is listed here
 * with why its exports survive bundling.
 */
const ALLOWED: Record<string, string> = {
  "file-type": 'an ES module ("type": "module"): its named exports are real',
  nodemailer: "only its default export is read",
  pg: "only its default export is read",
  "pglite-prisma-adapter": "built as an ES module (its exports map's import condition)",
  "@prisma/adapter-pg": "an .mjs build under its exports map's import condition (PostgreSQL runs in the built server: CI)",
  "@prisma/client/runtime/query_compiler_small_bg.postgresql.mjs": "Prisma's generated client, an .mjs module",
  "@prisma/client/runtime/query_compiler_small_bg.postgresql.wasm-base64.mjs": "Prisma's generated client, an .mjs module",
  "@prisma/schema-engine-wasm/schema_engine_bg": "an ES module (server/db/migrate.ts)",
};

const ROOT = path.resolve(__dirname, "../..");
const SERVER = path.join(ROOT, "server");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.(d|test)\.ts$/.test(e.name) ? [full] : [];
  });
}

const external = (spec: string) =>
  SERVER_EXTERNAL.some((pattern: string) =>
    pattern.endsWith("/*") ? spec.startsWith(pattern.slice(0, -1)) : spec === pattern || spec.startsWith(`${pattern}/`),
  );

it("no dynamic import of a bundled package loses its named exports", () => {
  const found: string[] = [];
  for (const file of sourceFiles(SERVER)) {
    const text = fs.readFileSync(file, "utf8");
    // import("x") as an expression, not `import("x").Type` in a type position
    for (const m of text.matchAll(/(?<![\w.])import\("([^".][^"]*)"\)(?!\.\w)/g)) {
      const spec = m[1]!;
      if (external(spec) || spec in ALLOWED) continue;
      found.push(`${path.relative(ROOT, file)}: import("${spec}")`);
    }
  }
  expect(found, "import a local module that re-exports it statically (see server/modules/surat/pdf-libs.ts)").toEqual([]);
});

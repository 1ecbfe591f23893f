import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// server/shared/ is what the browser and the server both run, so it may import only itself: no Node, no DOM,
// no Prisma, no GraphQL, no package at all (its own tsconfig refuses the globals). The web client may reach into
// server/ only through it.

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SHARED = path.join(ROOT, "server/shared");
const SERVER = path.join(ROOT, "server");
const CLIENT_SRC = path.join(ROOT, "client/src");

/** The unit tests beside the rules may import the test runner; the rules themselves import no package. */
const TEST_PACKAGES = new Set(["vitest"]);

/** Client files allowed to read a server module outside server/shared: none (a rule the page needs is an API field). */
const CLIENT_ALLOWED: Record<string, readonly string[]> = {};

const within = (dir: string, file: string) => file === dir || file.startsWith(dir + path.sep);
const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");

function importsOf(source: string): string[] {
  return ts.preProcessFile(source, true, true).importedFiles.map((f) => f.fileName);
}

/** What a relative specifier points at, with the `.ts` the bundler adds. */
function resolve(from: string, spec: string): string {
  const target = path.resolve(path.dirname(from), spec);
  return /\.(ts|tsx|json)$/.test(target) ? target : `${target}.ts`;
}

/** Why each import of a shared file is not allowed there (empty: none). */
function sharedViolations(file: string, source: string): string[] {
  const isTest = file.endsWith(".test.ts");
  return importsOf(source).flatMap((spec) => {
    if (spec.startsWith(".")) {
      const target = resolve(file, spec);
      return within(SHARED, target) ? [] : [`${spec} (outside server/shared: ${rel(target)})`];
    }
    if (spec.startsWith("node:")) return [`${spec} (a Node module)`];
    if (isTest && TEST_PACKAGES.has(spec)) return [];
    return [`${spec} (a package)`];
  });
}

/** Client imports that reach server/ other than through server/shared (empty: none). */
function clientViolations(file: string, source: string): string[] {
  const allowed = CLIENT_ALLOWED[path.relative(CLIENT_SRC, file).split(path.sep).join("/")] ?? [];
  return importsOf(source).flatMap((spec) => {
    if (!spec.startsWith(".")) return [];
    const target = resolve(file, spec);
    if (!within(SERVER, target) || within(SHARED, target) || allowed.includes(rel(target))) return [];
    return [`${spec} (${rel(target)} is not in server/shared)`];
  });
}

function sourceFiles(dir: string, skip: (f: string) => boolean = () => false): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => path.join(dir, f))
    .filter((f) => !skip(f));
}

const collect = (files: string[], check: (file: string, source: string) => string[]) =>
  files.flatMap((f) => check(f, fs.readFileSync(f, "utf8")).map((v) => `${rel(f)}: ${v}`));

describe("server/shared imports nothing but itself", () => {
  it("refuses packages, Node modules and paths out of the folder (the check itself)", () => {
    const rule = path.join(SHARED, "rule.ts");
    expect(sharedViolations(rule, `import { x } from "./roles";\nexport { y } from "./nik";`)).toEqual([]);
    expect(sharedViolations(rule, `import fs from "node:fs";`)).toEqual(["node:fs (a Node module)"]);
    expect(sharedViolations(rule, `import type { Role } from "../generated/prisma/enums";`)).toHaveLength(1);
    expect(sharedViolations(rule, `export { next } from "../modules/pengajuan/transitions";`)).toHaveLength(1);
    expect(sharedViolations(rule, `import { GraphQLError } from "graphql";`)).toEqual(["graphql (a package)"]);
    expect(sharedViolations(rule, `const z = await import("zod");`)).toEqual(["zod (a package)"]);
    expect(sharedViolations(rule, `import { it } from "vitest";`)).toEqual(["vitest (a package)"]);
    expect(sharedViolations(path.join(SHARED, "rule.test.ts"), `import { it } from "vitest";`)).toEqual([]);
  });

  it("holds for every file in server/shared", () => {
    const files = sourceFiles(SHARED);
    expect(files.length).toBeGreaterThan(5);
    expect(collect(files, sharedViolations)).toEqual([]);
  });

  it("compiles with ES2023 alone: no DOM and no Node globals (server/shared/tsconfig.json)", async () => {
    const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
    const run = promisify(execFile)(process.execPath, [tsc, "--noEmit", "-p", path.join(SHARED, "tsconfig.json")], { cwd: ROOT });
    await expect(run.catch((e: { stdout?: string }) => Promise.reject(new Error(e.stdout || String(e))))).resolves.toBeTruthy();
  });
});

describe("the web client reaches into server/ only through server/shared", () => {
  it("refuses a server module (the check itself)", () => {
    const page = path.join(CLIENT_SRC, "pages/page.tsx");
    expect(clientViolations(page, `import { UNSUR } from "../../../server/shared/skm";`)).toEqual([]);
    expect(clientViolations(page, `import { grounds } from "../../../server/modules/ppid/rules";`)).toHaveLength(1);
    expect(clientViolations(page, `import { useQuery } from "urql";`)).toEqual([]);
  });

  it("holds for every file in client/src", () => {
    const files = sourceFiles(CLIENT_SRC, (f) => within(path.join(CLIENT_SRC, "gql"), f));
    expect(collect(files, clientViolations)).toEqual([]);
  });
});

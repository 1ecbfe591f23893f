import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";

/**
 * No import cycles in server/, type-only imports included: a cycle means two files cannot be understood (or
 * built, or tested) one without the other, and with type-only edges it is how a half-built object ends up cast
 * to the type of a whole one. TypeScript's own scanner (`ts.preProcessFile`) finds every import, export-from and
 * `import("…")` type; the generated Prisma and Pothos files are not ours and are left out.
 */
const ROOT = path.resolve(__dirname, "../..");
const SERVER = path.join(ROOT, "server");
const SKIP = [path.join(SERVER, "generated")];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return SKIP.includes(full) || e.name === "node_modules" ? [] : sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [full] : [];
  });
}

/** The file a relative specifier names, or null (a package, or outside server/). */
function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(from), spec.replace(/\.(js|ts)$/, ""));
  for (const candidate of [`${base}.ts`, `${base}.tsx`, path.join(base, "index.ts")]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  return null;
}

function importGraph(files: string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .map((f) => resolve(file, f.fileName))
      .filter((f): f is string => !!f && f.startsWith(SERVER) && !SKIP.some((s) => f.startsWith(s)));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every strongly connected component of more than one file (or a file importing itself): Tarjan's algorithm. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(scc.map((f) => path.relative(ROOT, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

it("server/ has no import cycles (type-only imports count)", () => {
  expect(cycles(importGraph(sourceFiles(SERVER)))).toEqual([]);
});

it("the checker sees a cycle made of type-only imports and import() types", () => {
  const a = path.join(SERVER, "a.ts");
  const b = path.join(SERVER, "b.ts");
  const c = path.join(SERVER, "c.ts");
  expect(
    cycles(
      new Map([
        [a, [b]],
        [b, [c]],
        [c, [a]],
      ]),
    ),
  ).toEqual([["server/a.ts", "server/b.ts", "server/c.ts"]]);
  const scanned = ts.preProcessFile(`import type { X } from "./x";\nexport { y } from "./y";\ntype Z = import("./z").Z;`, true, true);
  expect(scanned.importedFiles.map((f) => f.fileName)).toEqual(["./x", "./y", "./z"]);
});

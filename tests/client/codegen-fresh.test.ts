import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "@graphql-codegen/cli";
import config from "../../codegen";

/**
 * client/src/gql is generated from schema.graphql and the documents in client/src (`npm run codegen`).
 * Generating again in memory must give the committed files byte for byte, and no other files.
 */
describe("client/src/gql", () => {
  it("is what `npm run codegen` generates from schema.graphql and the client's documents", async () => {
    const outputs = (await generate({ ...config, silent: true, verbose: false }, false)) as Array<{ filename: string; content: string }>;
    const outDir = path.resolve("client/src/gql");
    const expected = new Map(outputs.map((o) => [path.resolve(o.filename), o.content]));
    expect(expected.size).toBeGreaterThan(0);

    const stale: string[] = [];
    for (const [file, content] of expected) {
      const current = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
      if (current !== content) stale.push(path.relative(process.cwd(), file));
    }
    const extra = fs
      .readdirSync(outDir)
      .map((f) => path.join(outDir, f))
      .filter((f) => !expected.has(f))
      .map((f) => path.relative(process.cwd(), f));

    expect({ stale, extra }, "client/src/gql is out of date: run `npm run codegen`").toEqual({ stale: [], extra: [] });
  }, 60_000);
});

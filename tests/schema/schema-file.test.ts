import fs from "node:fs";
import { expect, it } from "vitest";
import { SCHEMA_FILE, printedSchema } from "../../server/schema/print";

it("schema.graphql is the printed Pothos schema (run `npm run schema:print` after changing the schema)", () => {
  const committed = fs.readFileSync(SCHEMA_FILE, "utf8");
  expect(committed === printedSchema(), "schema.graphql is stale: run `npm run schema:print` and commit it").toBe(true);
});

it("every mutation that can fail in an expected way returns a typed union with the Error interface", () => {
  const sdl = printedSchema();
  for (const name of ["RegisterResult", "LoginResult", "ActivateAccountResult", "CreateInstansiResult"]) {
    expect(sdl).toMatch(new RegExp(`union ${name} = `));
  }
  expect(sdl).toMatch(/interface Error \{/);
});

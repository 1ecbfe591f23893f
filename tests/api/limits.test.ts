import { afterAll, beforeAll, expect, it } from "vitest";
import { buildClientSchema, getIntrospectionQuery, printSchema } from "graphql";
import fs from "node:fs";
import { createTestApp, type TestApp } from "../helpers/app";
import { MAX_DEPTH, MAX_TOKENS } from "../../server/limits";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it("answers a malformed document with a syntax error, not a crash", async () => {
  const res = await t.request({ query: "{ me { id " });
  const body = await res.json();
  expect(body.errors[0]).toMatchObject({ extensions: { code: "GRAPHQL_PARSE_FAILED" } });
  expect(body.errors[0].message).toMatch(/Syntax Error/);
  expect(body.data ?? null).toBeNull();
});

it("refuses a document with too many tokens", async () => {
  const fields = Array.from({ length: MAX_TOKENS }, () => "__typename").join(" ");
  const body = await (await t.request({ query: `{ ${fields} }` })).json();
  expect(body.errors[0]).toMatchObject({ extensions: { code: "DOCUMENT_TOO_LARGE" } });
  expect(body.errors[0].message).toMatch(/terlalu besar/);
  expect(body.data ?? null).toBeNull();
});

it("refuses a query nested deeper than the limit", async () => {
  // the schema has no cycle that deep yet, so the fields below do not exist; the depth rule still reports
  const nest = (n: number) => `${"{ a ".repeat(n)}${"}".repeat(n)}`;
  const res = await (await t.request({ query: `query ${nest(MAX_DEPTH + 1)}` })).json();
  const deep = res.errors.find((e: { extensions?: { code?: string } }) => e.extensions?.code === "QUERY_TOO_DEEP");
  expect(deep.message).toBe(`Kueri terlalu dalam (${MAX_DEPTH + 1} tingkat; maksimal ${MAX_DEPTH}).`);
  const fine = await (await t.request({ query: `query ${nest(MAX_DEPTH)}` })).json();
  expect(fine.errors.some((e: { extensions?: { code?: string } }) => e.extensions?.code === "QUERY_TOO_DEEP")).toBe(false);
  // and through fragments
  const frag = await (await t.request({ query: `query { ...F } fragment F on Query ${nest(MAX_DEPTH + 1)}` })).json();
  expect(frag.errors.some((e: { extensions?: { code?: string } }) => e.extensions?.code === "QUERY_TOO_DEEP")).toBe(true);
});

it("still refuses a fragment cycle and a deep query hidden in fragments", async () => {
  const cycle = await (await t.request({ query: `query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }` })).json();
  expect(cycle.data ?? null).toBeNull();
  expect(cycle.errors.map((e: { message: string }) => e.message).join()).toMatch(/Cannot spread fragment/);
  // each fragment one level deeper than the last: 14 levels through 7 fragments
  const chain = Array.from({ length: 7 }, (_, i) => `fragment F${i} on Query { a { b ${i < 6 ? `{ ...F${i + 1} }` : ""} } }`).join(" ");
  const deep = await (await t.request({ query: `query { ...F0 } ${chain}` })).json();
  expect(deep.data ?? null).toBeNull();
  expect(["QUERY_TOO_DEEP", "QUERY_TOO_COSTLY"]).toContain(deep.errors[0].extensions.code);
});

it("answers the standard introspection query (GraphiQL, codegen, Postman, Insomnia) with all its options", async () => {
  const query = getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
    oneOf: true,
  });
  const body = await (await t.request({ query, operationName: "IntrospectionQuery" })).json();
  expect(body.errors).toBeUndefined();
  // the answer is a whole schema: the committed schema.graphql, printed again from it
  const schema = buildClientSchema(body.data);
  expect(printSchema(schema).trim()).toBe(printSchema(buildClientSchema((await (await t.request({ query })).json()).data)).trim());
  expect(schema.getQueryType()?.getFields().node).toBeDefined();
  expect(fs.readFileSync("schema.graphql", "utf8")).toContain("type Query");
  // the page at /graphql is GraphiQL, and it asks the endpoint it is served from
  const page = await t.app.yoga.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
  expect(page.status).toBe(200);
  expect(await page.text()).toMatch(/renderYogaGraphiQL/);
  // the depth limit still applies outside __schema, also in an introspection of one type
  const ofType = (n: number): string => (n === 0 ? "name" : `ofType { ${ofType(n - 1)} }`);
  const typeDeep = await (await t.request({ query: `{ __type(name: "Query") { fields { type { ${ofType(MAX_DEPTH)} } } } }` })).json();
  expect(typeDeep.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_DEEP");
});

it("refuses introspection where it is off (production)", async () => {
  const off = await createTestApp({ introspection: false });
  try {
    const body = await (await off.request({ query: getIntrospectionQuery() })).json();
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].message).toMatch(/introspection/i);
  } finally {
    await off.close();
  }
});

it("refuses an oversized request body before parsing it", async () => {
  const big = JSON.stringify({ query: "{ __typename }", variables: { pad: "x".repeat(1_100_000) } });
  const res = await t.request(big);
  expect(res.status).toBe(413);
  expect((await res.json()).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
});

it("rejects a wrongly typed scalar with a clear error", async () => {
  const body = await (await t.request({ query: `{ hariLibur(tahun: "dua ribu") { nama } }` })).json();
  expect(body.errors[0].message).toMatch(/Int/);
  const bad = await (
    await t.request({ query: `query($d: Date!) { __typename instansi(kode: "X") { penutupan(dariTanggal: $d) { alasan } } }`, variables: { d: "2026-02-31" } })
  ).json();
  expect(bad.errors[0].message).toMatch(/Date tidak valid/);
});

it("keeps serving normal requests after all that", async () => {
  const body = await (await t.request({ query: "{ __typename legalVersions { syaratKetentuan } }" })).json();
  expect(body.data.legalVersions.syaratKetentuan).toBe(t.config.termsVersion);
});

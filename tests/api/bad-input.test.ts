import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
} from "graphql";
import { schema } from "../../server/schema/index";
import { createStaff, createTestApp, globalId, serviceFixture, upload, type TestApp } from "../helpers/app";

/**
 * The schema walked: every argument of every query and mutation, and every String / ID / JSON inside it
 * (nested input objects and lists included), so a field added tomorrow is covered without touching this file.
 */
type Leaf = { field: GraphQLField<unknown, unknown>; root: "query" | "mutation"; arg: GraphQLArgument; path: Array<string | number>; scalar: string };

function leavesOf(type: GraphQLInputType, path: Array<string | number>, depth: number): Array<{ path: Array<string | number>; scalar: string }> {
  const t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) return leavesOf(t.ofType, [...path, 0], depth);
  if (isScalarType(t)) return ["String", "ID", "JSON"].includes(t.name) ? [{ path, scalar: t.name }] : [];
  if (isInputObjectType(t) && depth < 4) return Object.values(t.getFields()).flatMap((f) => leavesOf(f.type, [...path, f.name], depth + 1));
  return [];
}

function allLeaves(): Leaf[] {
  const out: Leaf[] = [];
  for (const [root, type] of [
    ["query", schema.getQueryType()!],
    ["mutation", schema.getMutationType()!],
  ] as const) {
    for (const field of Object.values(type.getFields())) {
      for (const arg of field.args) for (const l of leavesOf(arg.type, [arg.name], 0)) out.push({ field, root, arg, ...l });
    }
  }
  return out;
}

/** A value of `type` good enough to get past coercion: required fields filled, lists of one. */
function sample(type: GraphQLInputType, ids: (name: string) => string, name: string): unknown {
  const t = isNonNullType(type) ? type.ofType : type;
  if (isListType(t)) return [sample(t.ofType, ids, name)];
  if (isEnumType(t)) return t.getValues()[0]!.value;
  if (isInputObjectType(t)) return Object.fromEntries(Object.values(t.getFields()).map((f) => [f.name, sample(f.type, ids, f.name)]));
  switch ((t as { name: string }).name) {
    case "Int":
    case "Float":
      return 1;
    case "Boolean":
      return false;
    case "ID":
      return ids(name);
    case "DateTime":
      return "2026-03-02T02:00:00.000Z";
    case "Date":
      return "2026-03-02";
    case "JSON":
      return {};
    case "File":
      return null;
    default:
      return "x";
  }
}

function setAt(obj: Record<string, unknown>, path: Array<string | number>, value: unknown) {
  let target: any = obj;
  for (const k of path.slice(0, -1)) target = target[k];
  target[path.at(-1)!] = value;
}

/** A GraphQL literal of `value` for `type` (enums bare, strings JSON-escaped as GraphQL escapes them). */
function literal(value: unknown, type: GraphQLInputType): string {
  const t = isNonNullType(type) ? type.ofType : type;
  if (value === null || value === undefined) return "null";
  if (isListType(t)) return `[${(value as unknown[]).map((v) => literal(v, t.ofType)).join(", ")}]`;
  if (isEnumType(t)) return String(value);
  if (isInputObjectType(t)) {
    const fields = t.getFields();
    return `{ ${Object.entries(value as object)
      .map(([k, v]) => `${k}: ${literal(v, fields[k]!.type)}`)
      .join(", ")} }`;
  }
  if (typeof value === "object")
    return `{ ${Object.entries(value as object)
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join(", ")} }`;
  return JSON.stringify(value);
}

function operation(leaf: Leaf, args: Record<string, unknown>, inline: boolean): { query: string; variables: Record<string, unknown> } {
  const selection =
    isObjectType(getNamedType(leaf.field.type)) || (!isScalarType(getNamedType(leaf.field.type)) && !isEnumType(getNamedType(leaf.field.type)))
      ? " { __typename }"
      : "";
  const used = leaf.field.args.filter((a) => a.name in args);
  if (inline) {
    return {
      query: `${leaf.root} { ${leaf.field.name}${used.length ? `(${used.map((a) => `${a.name}: ${literal(args[a.name], a.type)}`).join(", ")})` : ""}${selection} }`,
      variables: {},
    };
  }
  const defs = used.map((a) => `$${a.name}: ${String(a.type)}`).join(", ");
  return {
    query: `${leaf.root}${defs ? `(${defs})` : ""} { ${leaf.field.name}${used.length ? `(${used.map((a) => `${a.name}: $${a.name}`).join(", ")})` : ""}${selection} }`,
    variables: args,
  };
}

function argsFor(leaf: Leaf, value: unknown, ids: (name: string) => string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const a of leaf.field.args) if (isNonNullType(a.type) || a === leaf.arg) args[a.name] = sample(a.type, ids, a.name);
  if (leaf.path.length === 1) args[leaf.arg.name] = leaf.scalar === "JSON" ? { teks: value } : value;
  else setAt(args, leaf.path, value);
  return args;
}

const codes = (body: { errors?: Array<{ extensions?: { code?: string } }>; data?: unknown }) => JSON.stringify(body);

let t: TestApp;
let superadmin: string;
let ids: (name: string) => string;
beforeAll(async () => {
  t = await createTestApp({ rateLimitPerAddress: 0, rateLimitPerUser: 0 });
  superadmin = (await createStaff(t, "SUPERADMIN", null)).token;
  const fx = await serviceFixture(t);
  // real rows where an argument's name says which kind it takes, so resolvers that decode by hand are reached
  const real: Record<string, string> = {
    instansi: globalId("Instansi", fx.instansi.id),
    layanan: fx.layanan.id,
    persyaratan: fx.slots[0]!.id,
    user: fx.petugas.globalId,
    petugas: fx.petugas.globalId,
  };
  ids = (name) => real[Object.keys(real).find((k) => name.toLowerCase().startsWith(k)) ?? ""] ?? globalId("Instansi", "00000000-0000-4000-8000-000000000000");
}, 60_000);
afterAll(() => t?.close());

const leaves = allLeaves();
const textLeaves = leaves.filter((l) => l.scalar !== "ID" || true);
const BAD = { NUL: "ada\u0000nul", "lone surrogate": "ada\ud800setengah" } as const;

describe("NUL and lone surrogates in any text argument", () => {
  it("walks a large part of the schema", () => {
    expect(new Set(textLeaves.map((l) => l.field.name)).size).toBeGreaterThan(60);
  });

  it.each(Object.entries(BAD))(
    "%s: every String, ID and JSON argument answers VALIDATION naming the field, as a variable and as a literal",
    async (_name, bad) => {
      const problems: string[] = [];
      for (const leaf of textLeaves) {
        const field = leaf.path.join(".");
        // a file cannot be written inline: operations that require one are sent with variables only
        const needsFile = leaf.field.args.some((a) => isNonNullType(a.type) && JSON.stringify(sample(a.type, ids, a.name)).includes("null"));
        for (const inline of needsFile ? [false] : [false, true]) {
          const body = (await (await t.request(operation(leaf, argsFor(leaf, bad, ids), inline), { token: superadmin })).json()) as {
            errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
          };
          const where = `${leaf.root} ${leaf.field.name} ${field} (${inline ? "literal" : "variable"})`;
          if (codes(body).includes("INTERNAL_SERVER_ERROR")) problems.push(`${where}: INTERNAL_SERVER_ERROR`);
          const e = body.errors?.[0];
          // a literal lone surrogate is not valid GraphQL (the parser refuses "\ud800")
          if (inline && bad.includes("\ud800") && e?.extensions?.code === "GRAPHQL_PARSE_FAILED") continue;
          const expected = leaf.scalar === "JSON" && leaf.path.length === 1 ? `${field}.teks` : field;
          if (e?.extensions?.code !== "VALIDATION" || e.extensions.field !== expected) problems.push(`${where}: ${JSON.stringify(body).slice(0, 200)}`);
        }
      }
      expect(problems).toEqual([]);
    },
    600_000,
  );

  it("in an upload: a text field of the operation and a file's name", async () => {
    const fx = await serviceFixture(t);
    const q = `mutation($id: ID!, $f: File) { unggahTemplatePersyaratan(persyaratanId: $id, file: $f) { __typename } }`;
    const fileName = await upload(
      t,
      q,
      { id: fx.slots[0]!.id, f: null },
      { f: { name: "ktp\u0000.pdf", type: "application/pdf", content: Buffer.from("%PDF-1.4\n%%EOF\n") } },
      { token: fx.admin.token },
    );
    expect(fileName.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "file" });
    const text = await upload(
      t,
      q,
      { id: `${fx.slots[0]!.id}\u0000`, f: null },
      { f: { name: "ktp.pdf", type: "application/pdf", content: Buffer.from("%PDF-1.4\n%%EOF\n") } },
      { token: fx.admin.token },
    );
    expect(text.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "persyaratanId" });
  });

  it("in a variable's default value, a fragment's argument and a directive", async () => {
    const a = await t.gql(`query($k: String = "a\\u0000b") { lacakPengajuan(nomorRegistrasi: $k, empatDigitTerakhir: "1234") { __typename } }`);
    expect(a.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "nomorRegistrasi" });
    const b = await t.gql(
      `query { ...F } fragment F on Query { lacakPengajuan(nomorRegistrasi: $k, empatDigitTerakhir: "1234") { __typename } }`.replace("$k", `"x\\u0000"`),
    );
    expect(b.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION", field: "nomorRegistrasi" });
  });
});

describe("malformed global IDs", () => {
  const MALFORMED = {
    "not base64": "!!!",
    "no type": Buffer.from("00000000-0000-4000-8000-000000000000").toString("base64"),
    "not a UUID": globalId("Pengajuan", "123"),
    "unknown type": globalId("Apa", "00000000-0000-4000-8000-000000000000"),
    "another type": globalId("HariLibur", "00000000-0000-4000-8000-000000000000"),
  };

  it("node and nodes answer null", async () => {
    for (const id of Object.values(MALFORMED)) {
      const body = await t.gql(`query($id: ID!) { node(id: $id) { id } nodes(ids: [$id]) { id } }`, { id }, { token: superadmin });
      expect(body).toEqual({ data: { node: null, nodes: [null] } });
    }
  });

  it.each(Object.entries(MALFORMED))(
    "%s: every ID argument answers without INTERNAL_SERVER_ERROR (NOT_FOUND where it is decoded)",
    async (_name, bad) => {
      const problems: string[] = [];
      for (const leaf of leaves.filter((l) => l.scalar === "ID")) {
        const body = await (await t.request(operation(leaf, argsFor(leaf, bad, ids), false), { token: superadmin })).json();
        if (JSON.stringify(body).includes("INTERNAL_SERVER_ERROR"))
          problems.push(`${leaf.root} ${leaf.field.name} ${leaf.path.join(".")}: ${JSON.stringify(body).slice(0, 300)}`);
      }
      expect(problems).toEqual([]);
    },
    600_000,
  );
});

import fs from "node:fs";
import { buildSchema, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkKeberatan, checkPermohonan, type PermohonanValues } from "../../client/src/pages/ppid/checks";
import { activeCitizen, createInstansi, globalId, type TestApp, createTestApp } from "../helpers/app";

/**
 * Issue #14 for the citizen's PPID forms: each example value goes through the page's check
 * (client/src/pages/ppid/checks.ts) and through the API itself (a real request on a real database); both must
 * accept it or both refuse it, at the same field with the same message. The tables cover every argument of the
 * API's mutations, so a new argument cannot go unchecked.
 */

let t: TestApp;
let token: string;
let open: string;
let closed: string;

const ERR = "... on Error { code message field problems { code message field } }";
const AJUKAN = `mutation($instansiId: ID!, $rincianInformasi: String!, $tujuan: String!, $format: FormatInformasi!, $caraPerolehan: CaraPerolehan!) {
  ajukanPermohonanInformasi(instansiId: $instansiId, rincianInformasi: $rincianInformasi, tujuan: $tujuan, format: $format, caraPerolehan: $caraPerolehan) { __typename ${ERR} } }`;
const KEBERATAN = `mutation($permohonanId: ID!, $alasan: AlasanKeberatan!, $uraian: String!) {
  ajukanKeberatan(permohonanId: $permohonanId, alasan: $alasan, uraian: $uraian) { __typename ${ERR} } }`;

type Problem = { field: string | null; message: string };

/** The API's problems of a request, field → message ({} when it accepted it). */
async function server(query: string, variables: Record<string, unknown>, name: string): Promise<Record<string, string>> {
  const r = await t.gql(query, variables, { token });
  expect(r.errors).toBeUndefined();
  const res = r.data![name];
  if (res.__typename.endsWith("Success")) return {};
  return Object.fromEntries((res.problems as Problem[]).map((p) => [p.field ?? "", p.message]));
}

beforeAll(async () => {
  t = await createTestApp();
  open = globalId("Instansi", (await createInstansi(t)).id);
  const shut = await createInstansi(t);
  await t.db.prisma.instansi.update({ where: { id: shut.id }, data: { aktif: false } });
  closed = globalId("Instansi", shut.id);
  token = (await activeCitizen(t)).token;
});
afterAll(() => t.close());

function argsOf(mutation: string): string[] {
  const schema = buildSchema(fs.readFileSync("schema.graphql", "utf8"));
  const m = schema.getMutationType();
  if (!isObjectType(m)) throw new Error("Mutation missing");
  return m.getFields()[mutation]!.args.map((a) => a.name);
}

// --------------------------------------------------------------------------------------------------
// Permohonan informasi

const VALID: Omit<PermohonanValues, "instansiId"> = {
  rincianInformasi: "Salinan DPA Dinas tahun anggaran 2026",
  tujuan: "Bahan penelitian skripsi",
  format: "SOFTCOPY",
  caraPerolehan: "EMAIL",
};

/** `server` rows: a rule only the API can know; the page accepts, the API refuses, and its message reaches the field. */
type Row = [field: keyof PermohonanValues, overrides: Partial<PermohonanValues> & { instansi?: "open" | "closed" }, ok: boolean | "server"];

const PERMOHONAN: Row[] = [
  ["instansiId", {}, true],
  // whether the office still serves is in the database: the page lists the open ones, but a list can be stale
  ["instansiId", { instansi: "closed" }, "server"],
  ["rincianInformasi", { rincianInformasi: "  Salinan DPA  " }, true],
  ["rincianInformasi", { rincianInformasi: "1234567890" }, true],
  ["rincianInformasi", { rincianInformasi: "123456789" }, false],
  ["rincianInformasi", { rincianInformasi: "  123456789   " }, false],
  ["rincianInformasi", { rincianInformasi: "" }, false],
  ["rincianInformasi", { rincianInformasi: "a".repeat(5000) }, true],
  ["rincianInformasi", { rincianInformasi: "a".repeat(5001) }, false],
  ["tujuan", { tujuan: "Tesis" }, true],
  ["tujuan", { tujuan: " Tes " }, false],
  ["tujuan", { tujuan: "" }, false],
  ["tujuan", { tujuan: "a".repeat(2000) }, true],
  ["tujuan", { tujuan: "a".repeat(2001) }, false],
  ["format", { format: "HARDCOPY", caraPerolehan: "POS" }, true],
  ["format", { format: "HARDCOPY", caraPerolehan: "AMBIL" }, true],
  ["caraPerolehan", { format: "HARDCOPY", caraPerolehan: "EMAIL" }, false],
  ["caraPerolehan", { format: "SOFTCOPY", caraPerolehan: "AMBIL" }, true],
  ["caraPerolehan", { format: "SOFTCOPY", caraPerolehan: "POS" }, true],
];

describe("the PPID request form's checks and the API's", () => {
  it.each(PERMOHONAN)("%s %j: %s", async (field, { instansi = "open", ...overrides }, ok) => {
    const values = { ...VALID, instansiId: instansi === "open" ? open : closed, ...overrides };
    const onServer = await server(AJUKAN, values, "ajukanPermohonanInformasi");
    const inBrowser = checkPermohonan(values);
    if (ok === "server") {
      expect(inBrowser).toEqual({});
      expect(Object.keys(onServer)).toEqual([field]);
      expect(onServer[field]).toMatch(/tidak ditemukan|tidak aktif/);
      return;
    }
    expect({ server: field in onServer, browser: field in inBrowser }).toEqual({ server: !ok, browser: !ok });
    // every field alike, with the API's own message
    expect(inBrowser).toEqual(onServer);
  });

  it("the office's problem and the typed fields' come in one answer", async () => {
    const onServer = await server(AJUKAN, { ...VALID, instansiId: closed, tujuan: "" }, "ajukanPermohonanInformasi");
    expect(Object.keys(onServer).sort()).toEqual(["instansiId", "tujuan"]);
  });

  it("an office not chosen yet is the page's own check (the select starts empty; the API's ID is required)", () => {
    expect(checkPermohonan({ ...VALID, instansiId: "" })).toEqual({ instansiId: "Pilih badan publik yang Anda mintai informasi." });
  });

  it("the table covers every argument of ajukanPermohonanInformasi", () => {
    expect(new Set(PERMOHONAN.map((r) => r[0]))).toEqual(new Set(argsOf("ajukanPermohonanInformasi")));
  });
});

// --------------------------------------------------------------------------------------------------
// Keberatan

type KeberatanRow = [field: "permohonanId" | "alasan" | "uraian", values: { alasan?: string; uraian?: string }, ok: boolean | "server"];

const URAIAN = "Informasi berkala anggaran tidak diumumkan.";
const KEBERATAN_ROWS: KeberatanRow[] = [
  // the request is the page's own (it is the page the form is on): nothing to type
  ["permohonanId", {}, true],
  ["alasan", { alasan: "TIDAK_DISEDIAKAN_INFORMASI_BERKALA" }, true],
  // whether a ground has arisen depends on the request's history: the page offers only the open ones (from the
  // API's alasanKeberatan), and the API's answer reaches the form when its list was stale
  ["alasan", { alasan: "PENOLAKAN" }, "server"],
  ["uraian", { uraian: "1234567890" }, true],
  ["uraian", { uraian: " 123456789 " }, false],
  ["uraian", { uraian: "" }, false],
  ["uraian", { uraian: "a".repeat(5000) }, true],
  ["uraian", { uraian: "a".repeat(5001) }, false],
];

describe("the objection form's checks and the API's", () => {
  let permohonanId: string;
  beforeAll(async () => {
    const r = await t.gql(
      `mutation($i: ID!) { ajukanPermohonanInformasi(instansiId: $i, rincianInformasi: "${VALID.rincianInformasi}", tujuan: "${VALID.tujuan}", format: SOFTCOPY, caraPerolehan: EMAIL) { ... on AjukanPermohonanInformasiSuccess { data { id } } } }`,
      { i: open },
      { token },
    );
    permohonanId = r.data!.ajukanPermohonanInformasi.data.id;
  });

  // an accepted objection uses its ground up: the accepted rows run last, on a new request each
  it.each(KEBERATAN_ROWS)("%s %j: %s", async (field, overrides, ok) => {
    const values = { alasan: "TIDAK_DISEDIAKAN_INFORMASI_BERKALA", uraian: URAIAN, ...overrides };
    let id = permohonanId;
    if (ok === true) {
      const r = await t.gql(
        `mutation($i: ID!) { ajukanPermohonanInformasi(instansiId: $i, rincianInformasi: "${VALID.rincianInformasi}", tujuan: "${VALID.tujuan}", format: SOFTCOPY, caraPerolehan: EMAIL) { ... on AjukanPermohonanInformasiSuccess { data { id } } } }`,
        { i: open },
        { token },
      );
      id = r.data!.ajukanPermohonanInformasi.data.id;
    }
    const onServer = await server(KEBERATAN, { permohonanId: id, ...values }, "ajukanKeberatan");
    const inBrowser = checkKeberatan(values);
    if (ok === "server") {
      expect(inBrowser).toEqual({});
      expect(Object.keys(onServer)).toEqual([field]);
      expect(onServer[field]).toMatch(/belum terpenuhi/);
      return;
    }
    expect({ server: field in onServer, browser: field in inBrowser }).toEqual({ server: !ok, browser: !ok });
    expect(inBrowser).toEqual(onServer);
  });

  it("a ground not chosen yet is the page's own check (the select starts empty; the API's enum is required)", () => {
    expect(checkKeberatan({ alasan: "", uraian: URAIAN })).toEqual({ alasan: "Pilih alasan keberatan." });
  });

  it("the table covers every argument of ajukanKeberatan", () => {
    expect(new Set(KEBERATAN_ROWS.map((r) => r[0]))).toEqual(new Set(argsOf("ajukanKeberatan")));
  });
});

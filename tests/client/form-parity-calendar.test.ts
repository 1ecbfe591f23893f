import fs from "node:fs";
import { buildSchema, isInputObjectType, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkClosure, checkHoliday, checkHours, placeHoursProblems } from "../../client/src/pages/admin/calendar/checks";
import { createInstansi, createStaff, createTestApp, globalId, type TestApp } from "../helpers/app";

/**
 * Issue #14 for the office calendar's forms (national holidays, an office's closures, its opening hours): each
 * example goes through the admin page's check (client/src/pages/admin/calendar/checks.ts) and through the API itself
 * (a real request on a real database); both must accept it or both refuse it, at the same field with the same
 * message. The tables cover every argument (and input field) of the API's mutations, so a new one cannot go unchecked.
 */

let t: TestApp;
let superadmin: string;
let admin: string;
let instansiId: string;

const ERR = "... on Error { code message field problems { code message field } }";
type Problem = { field: string | null; message: string };

/** The API's problems of a request, field → message ({} when it accepted it). */
async function server(query: string, variables: Record<string, unknown>, token: string): Promise<Problem[]> {
  const r = await t.gql(query, variables, { token });
  expect(r.errors).toBeUndefined();
  const res = Object.values(r.data!)[0] as { __typename: string; problems?: Problem[] };
  return res.__typename.endsWith("Success") ? [] : res.problems!;
}
const byField = (problems: Problem[]) => Object.fromEntries(problems.map((p) => [p.field ?? "", p.message]));

function fieldsOf(mutation: string, input?: string): string[] {
  const schema = buildSchema(fs.readFileSync("schema.graphql", "utf8"));
  const m = schema.getMutationType();
  if (!isObjectType(m)) throw new Error("Mutation missing");
  const args = m.getFields()[mutation]!.args.map((a) => a.name);
  if (!input) return args;
  const type = schema.getType(input);
  if (!isInputObjectType(type)) throw new Error(`${input} missing`);
  return [...args, ...Object.keys(type.getFields())];
}

beforeAll(async () => {
  t = await createTestApp();
  const ins = await createInstansi(t);
  instansiId = globalId("Instansi", ins.id);
  superadmin = (await createStaff(t, "SUPERADMIN", null)).token;
  admin = (await createStaff(t, "ADMIN", ins.id)).token;
});
afterAll(() => t.close());

/** A new day for each accepted row (a day is listed once). */
let day = 0;
const nextDate = () => `2031-0${1 + Math.floor(day / 28)}-${String(1 + (day++ % 28)).padStart(2, "0")}`;

// --------------------------------------------------------------------------------------------------
// National holidays

const CREATE_HOLIDAY = `mutation($tanggal: Date!, $nama: String!, $jenis: HolidayKind!, $dasarHukum: String!) {
  createHariLibur(tanggal: $tanggal, nama: $nama, jenis: $jenis, dasarHukum: $dasarHukum) { __typename ${ERR} } }`;

type Holiday = { tanggal: string; nama: string; jenis: string; dasarHukum: string };
type HolidayRow = [field: keyof Holiday, overrides: Partial<Holiday>, ok: boolean | "server"];
const HOLIDAY: HolidayRow[] = [
  ["tanggal", {}, true],
  // a day listed already (of the same kind) is in the database: the API answers at the date
  ["tanggal", { tanggal: "2030-12-25" }, "server"],
  ["jenis", { jenis: "CUTI_BERSAMA" }, true],
  ["nama", { nama: "Hari Raya Natal" }, true],
  ["nama", { nama: " Idul " }, true],
  ["nama", { nama: "abc" }, true],
  ["nama", { nama: " ab " }, false],
  ["nama", { nama: "" }, false],
  ["nama", { nama: "a".repeat(200) }, true],
  ["nama", { nama: "a".repeat(201) }, false],
  ["dasarHukum", { dasarHukum: "SKB 3 Menteri No. 1/2030" }, true],
  ["dasarHukum", { dasarHukum: " SKB " }, false],
  ["dasarHukum", { dasarHukum: "" }, false],
  ["dasarHukum", { dasarHukum: "a".repeat(500) }, true],
  ["dasarHukum", { dasarHukum: "a".repeat(501) }, false],
];

describe("the holiday form's checks and the API's", () => {
  beforeAll(async () => {
    const taken = { tanggal: "2030-12-25", nama: "Hari Raya Natal", jenis: "LIBUR_NASIONAL", dasarHukum: "SKB 3 Menteri No. 1/2030" };
    expect(await server(CREATE_HOLIDAY, taken, superadmin)).toEqual([]);
  });

  it.each(HOLIDAY)("%s %j: %s", async (field, overrides, ok) => {
    const values: Holiday = { tanggal: nextDate(), nama: "Hari Libur Uji", jenis: "LIBUR_NASIONAL", dasarHukum: "SKB 3 Menteri No. 1/2030", ...overrides };
    const onServer = byField(await server(CREATE_HOLIDAY, values, superadmin));
    const inBrowser = checkHoliday(values);
    if (ok === "server") {
      expect(inBrowser).toEqual({});
      expect(onServer).toEqual({ [field]: "Tanggal ini sudah tercatat dengan jenis yang sama." });
      return;
    }
    expect({ server: field in onServer, browser: field in inBrowser }).toEqual({ server: !ok, browser: !ok });
    expect(inBrowser).toEqual(onServer);
  });

  it("a date not chosen is the page's own check (the API's Date is required)", () => {
    expect(checkHoliday({ tanggal: "", nama: "Libur", dasarHukum: "SKB 1/2030" })).toEqual({ tanggal: "Pilih tanggal." });
  });

  it("the table covers every argument of createHariLibur", () => {
    expect(new Set(HOLIDAY.map((r) => r[0]))).toEqual(new Set(fieldsOf("createHariLibur")));
  });
});

// --------------------------------------------------------------------------------------------------
// An office's closures

const ADD_CLOSURE = `mutation($instansiId: ID!, $tanggal: Date!, $alasan: String!) {
  addPenutupan(instansiId: $instansiId, tanggal: $tanggal, alasan: $alasan) { __typename ${ERR} } }`;

type ClosureRow = [field: "instansiId" | "tanggal" | "alasan", overrides: { tanggal?: string; alasan?: string }, ok: boolean | "server"];
const CLOSURE: ClosureRow[] = [
  // the office is the admin's own, chosen on the page: nothing to type
  ["instansiId", {}, true],
  ["tanggal", {}, true],
  // a day the office is closed already: the API answers at the date
  ["tanggal", { tanggal: "2030-12-24" }, "server"],
  ["alasan", { alasan: "Rapat kerja" }, true],
  ["alasan", { alasan: " abc " }, true],
  ["alasan", { alasan: " ab " }, false],
  ["alasan", { alasan: "" }, false],
  ["alasan", { alasan: "a".repeat(500) }, true],
  ["alasan", { alasan: "a".repeat(501) }, false],
];

describe("the closure form's checks and the API's", () => {
  beforeAll(async () => {
    expect(await server(ADD_CLOSURE, { instansiId, tanggal: "2030-12-24", alasan: "Renovasi" }, admin)).toEqual([]);
  });

  it.each(CLOSURE)("%s %j: %s", async (field, overrides, ok) => {
    const values = { tanggal: nextDate(), alasan: "Rapat kerja", ...overrides };
    const onServer = byField(await server(ADD_CLOSURE, { instansiId, ...values }, admin));
    const inBrowser = checkClosure(values);
    if (ok === "server") {
      expect(inBrowser).toEqual({});
      expect(onServer).toEqual({ [field]: "Tanggal ini sudah tercatat sebagai hari tutup." });
      return;
    }
    expect({ server: field in onServer, browser: field in inBrowser }).toEqual({ server: !ok, browser: !ok });
    expect(inBrowser).toEqual(onServer);
  });

  it("a date not chosen is the page's own check (the API's Date is required)", () => {
    expect(checkClosure({ tanggal: "", alasan: "Rapat kerja" })).toEqual({ tanggal: "Pilih tanggal." });
  });

  it("the table covers every argument of addPenutupan", () => {
    expect(new Set(CLOSURE.map((r) => r[0]))).toEqual(new Set(fieldsOf("addPenutupan")));
  });
});

// --------------------------------------------------------------------------------------------------
// Opening hours

const SET_HOURS = `mutation($instansiId: ID!, $jamLayanan: [JamLayananInput!]!) {
  setJamLayanan(instansiId: $instansiId, jamLayanan: $jamLayanan) { __typename ${ERR} } }`;

type Jam = { hari: number; buka: string; tutup: string };
const SENIN: Jam = { hari: 1, buka: "08:00", tutup: "12:00" };
type HoursRow = [field: "instansiId" | "jamLayanan" | keyof Jam, rows: Jam[], ok: boolean];
const HOURS: HoursRow[] = [
  ["instansiId", [SENIN], true],
  ["jamLayanan", [SENIN, { hari: 1, buka: "13:00", tutup: "16:00" }, { hari: 5, buka: "07:30", tutup: "11:00" }], true],
  ["jamLayanan", [], false],
  ["jamLayanan", [SENIN, { hari: 1, buka: "11:00", tutup: "15:00" }], false],
  ["jamLayanan", [SENIN, { hari: 1, buka: "12:00", tutup: "15:00" }], true], // back to back
  ["jamLayanan", [{ hari: 1, buka: "10:00", tutup: "15:00" }, SENIN], false], // the later row is named
  ["jamLayanan", [SENIN, { hari: 2, buka: "08:00", tutup: "12:00" }, { hari: 2, buka: "09:00", tutup: "10:00" }, SENIN], false],
  ["hari", [{ ...SENIN, hari: 7 }], true],
  ["hari", [{ ...SENIN, hari: 0 }], false],
  ["hari", [{ ...SENIN, hari: 8 }], false],
  ["buka", [{ ...SENIN, buka: "8.00" }], true],
  ["buka", [{ ...SENIN, buka: "" }], false],
  ["buka", [{ ...SENIN, buka: "08:60" }], false],
  ["buka", [{ ...SENIN, buka: "delapan" }], false],
  ["tutup", [{ ...SENIN, tutup: "24:00" }], true],
  ["tutup", [{ ...SENIN, tutup: "24:01" }], false],
  ["tutup", [{ ...SENIN, tutup: "08:00" }], false],
  ["tutup", [{ ...SENIN, tutup: "07:00" }], false],
  ["tutup", [{ ...SENIN, buka: "", tutup: "" }], false],
];

describe("the opening hours' checks and the API's", () => {
  it.each(HOURS)("%s %j: %s", async (_field, rows, ok) => {
    const onServer = placeHoursProblems(await server(SET_HOURS, { instansiId, jamLayanan: rows }, admin));
    const inBrowser = checkHours(rows);
    const refused = (e: typeof inBrowser) => Object.keys(e.rows).length > 0 || e.list !== null;
    expect({ server: refused(onServer), browser: refused(inBrowser) }).toEqual({ server: !ok, browser: !ok });
    // each row's problem, and the list's, alike
    expect(inBrowser).toEqual(onServer);
  });

  it("the table covers every argument of setJamLayanan and every field of JamLayananInput", () => {
    expect(new Set(HOURS.map((r) => r[0]))).toEqual(new Set(fieldsOf("setJamLayanan", "JamLayananInput")));
  });
});

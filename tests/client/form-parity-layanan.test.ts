import fs from "node:fs";
import { buildSchema, isInputObjectType, isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkEditor } from "../../client/src/pages/admin/layanan-editor/checks";
import { type EditorState, emptyState, type FieldState, type SlotState } from "../../client/src/pages/admin/layanan-editor/state";
import { PESAN, SP_COMPONENTS } from "../../server/shared/layanan-editor";
import { createInstansi, createStaff, createTestApp, globalId, type TestApp } from "../helpers/app";

/**
 * Issue #14 for the service editor (a Standar Pelayanan, its document slots, its form fields): each example state
 * of the admin's page goes through the page's check (client/src/pages/admin/layanan-editor/checks.ts) and, as the
 * arguments the page would send, through the API itself (a real createLayanan on a real database); both must accept
 * it or both refuse it, at the same field with the same message. The table covers every field of LayananInput,
 * PersyaratanInput and FormFieldInput, so a new field cannot go unchecked.
 */

let t: TestApp;
let admin: string;
let instansiId: string;

const CREATE = `mutation($instansiId: ID!, $input: LayananInput!, $persyaratan: [PersyaratanInput!], $formFields: [FormFieldInput!]) {
  createLayanan(instansiId: $instansiId, input: $input, persyaratan: $persyaratan, formFields: $formFields) {
    __typename ... on Error { code message field problems { code message field } } } }`;

beforeAll(async () => {
  t = await createTestApp();
  const ins = await createInstansi(t);
  instansiId = globalId("Instansi", ins.id);
  admin = (await createStaff(t, "ADMIN", ins.id)).token;
});
afterAll(() => t.close());

let n = 0;
const SLOT: SlotState = { label: "KTP pemohon", keterangan: "", wajib: true, jenisFile: ["application/pdf"], maksBytes: 1024 * 1024 };
const FIELD: FieldState = { nama: "namaPasangan", label: "Nama pasangan", tipe: "TEXT", wajib: true, bantuan: "", opsi: "", min: "", max: "", pola: "" };

function state(overrides: Partial<EditorState>): EditorState {
  return { ...emptyState(), kode: `SKTM-${++n}`, nama: "Surat Keterangan Tidak Mampu", persyaratan: [SLOT], formFields: [FIELD], ...overrides };
}
const slot = (o: Partial<SlotState>) => ({ persyaratan: [{ ...SLOT, ...o }] });
const field = (o: Partial<FieldState>) => ({ formFields: [{ ...FIELD, ...o }] });

/**
 * ok: both accept (true) or refuse (false); "page": a number box holding text, which the API's numbers cannot carry,
 * refused by the page with the API's message for the field; "server": a rule only the API can know.
 */
type Row = [field: string, overrides: Partial<EditorState>, ok: boolean | "page" | "server"];

// the Standar Pelayanan components: the first seven too long, the others well-formed
const SP = SP_COMPONENTS.slice(0, 7);
const SP2 = SP_COMPONENTS.slice(7);

const TABLE: Row[] = [
  ["kode", {}, true],
  ["kode", { kode: " sk-tm-lain " }, true],
  ["kode", { kode: "X" }, false],
  ["kode", { kode: "" }, false],
  ["kode", { kode: "-SKTM" }, false],
  ["kode", { kode: "SKTM 2" }, false],
  ["kode", { kode: `A${"B".repeat(39)}` }, true],
  ["kode", { kode: `A${"B".repeat(40)}` }, false],
  // a code already used by another service of this office: the API answers at the code
  ["kode", { kode: "DIPAKAI" }, "server"],
  ["nama", { nama: "  abc " }, true],
  ["nama", { nama: "ab" }, false],
  ["nama", { nama: "" }, false],
  ["nama", { nama: "a".repeat(200) }, true],
  ["nama", { nama: "a".repeat(201) }, false],
  ["kategori", { kategori: "Kependudukan" }, true],
  ["kategori", { kategori: "" }, true],
  ["kategori", { kategori: "a".repeat(20_001) }, false],
  ["deskripsi", { deskripsi: "a".repeat(20_000) }, true],
  ["deskripsi", { deskripsi: "a".repeat(20_001) }, false],
  ...SP.map((k): Row => [k, { [k]: "a".repeat(20_001) }, false]),
  ...SP2.map((k): Row => [k, { [k]: "Uraian komponen." }, true]),
  ["prosedurFlowchart", { prosedurFlowchart: "graph TD\n  A[Daftar] --> B[Verifikasi]" }, true],
  ["prosedurFlowchart", { prosedurFlowchart: "flowchart LR\n  A --> B" }, true],
  ["prosedurFlowchart", { prosedurFlowchart: "A --> B" }, false],
  ["prosedurFlowchart", { prosedurFlowchart: "  " }, true],
  // drawn by the page from the source (mermaid) when it saves; the API checks the drawing (no scripts, no outside
  // references) and its answer is shown at the source's box (see the test below)
  ["prosedurFlowchartSvg", {}, true],
  ["slaJumlah", { slaJumlah: "1" }, true],
  ["slaJumlah", { slaJumlah: "10000" }, true],
  ["slaJumlah", { slaJumlah: "10001" }, false],
  ["slaJumlah", { slaJumlah: "0" }, false],
  ["slaJumlah", { slaJumlah: "1,5" }, "page"],
  ["slaJumlah", { slaJumlah: "tiga" }, "page"],
  ["slaJumlah", { slaJumlah: "" }, "page"],
  ["slaSatuan", { slaSatuan: "MENIT" }, true],
  ["slaSatuan", { slaSatuan: "JAM_KERJA" }, true],
  ["biaya", { biaya: "0" }, true],
  ["biaya", { biaya: "" }, true], // free
  ["biaya", { biaya: "15000" }, true],
  ["biaya", { biaya: "15.000" }, "page"], // once sent as 15
  ["biaya", { biaya: "-1" }, "page"],
  ["aktif", { aktif: false }, true],
  ["unduhOnline", { unduhOnline: false, ambilDiKantor: true }, true],
  ["ambilDiKantor", { unduhOnline: true, ambilDiKantor: true }, true],
  ["unduhOnline", { unduhOnline: false, ambilDiKantor: false }, false],

  ["persyaratan", { persyaratan: [] }, true],
  ["persyaratan", { persyaratan: Array.from({ length: 30 }, (_, i) => ({ ...SLOT, label: `Dokumen ${i}` })) }, true],
  ["persyaratan", { persyaratan: Array.from({ length: 31 }, (_, i) => ({ ...SLOT, label: `Dokumen ${i}` })) }, false],
  // the slot's id is the one the page loaded (a new service's are not read); see the update test below
  ["persyaratan.id", slot({ id: globalId("PersyaratanDokumen", "00000000-0000-4000-8000-000000000000") }), true],
  ["persyaratan.label", slot({ label: " KK " }), true],
  ["persyaratan.label", slot({ label: " K " }), false],
  ["persyaratan.label", slot({ label: "" }), false],
  ["persyaratan.label", slot({ label: "a".repeat(201) }), false],
  ["persyaratan.keterangan", slot({ keterangan: "Asli dan fotokopi" }), true],
  ["persyaratan.keterangan", slot({ keterangan: "a".repeat(2001) }), false],
  ["persyaratan.wajib", slot({ wajib: false }), true],
  ["persyaratan.jenisFile", slot({ jenisFile: ["image/jpeg", "image/png"] }), true],
  ["persyaratan.jenisFile", slot({ jenisFile: [] }), false],
  ["persyaratan.jenisFile", slot({ jenisFile: ["application/zip"] }), false],
  ["persyaratan.maksBytes", slot({ maksBytes: 20 * 1024 * 1024 }), true],
  ["persyaratan.maksBytes", slot({ maksBytes: 500 * 1024 }), true],
  ["persyaratan.maksBytes", slot({ maksBytes: 20 * 1024 * 1024 + 1 }), false],
  ["persyaratan.maksBytes", slot({ maksBytes: 9_999 }), false],

  ["formFields", { formFields: [] }, true],
  ["formFields", { formFields: Array.from({ length: 50 }, (_, i) => ({ ...FIELD, nama: `isian${i}` })) }, true],
  ["formFields", { formFields: Array.from({ length: 51 }, (_, i) => ({ ...FIELD, nama: `isian${i}` })) }, false],
  ["formFields.nama", field({ nama: " tanggal_nikah2 " }), true],
  ["formFields.nama", field({ nama: "2tanggal" }), false],
  ["formFields.nama", field({ nama: "tanggal nikah" }), false],
  ["formFields.nama", field({ nama: "" }), false],
  ["formFields.nama", field({ nama: "a".repeat(41) }), false],
  ["formFields.nama", { formFields: [FIELD, { ...FIELD, label: "Lagi" }] }, false],
  ["formFields.label", field({ label: "" }), true], // the name stands in
  ["formFields.label", field({ label: "a".repeat(201) }), false],
  ["formFields.tipe", field({ tipe: "DATE" }), true],
  ["formFields.tipe", field({ tipe: "SELECT", opsi: "Belum kawin\nCerai" }), true],
  ["formFields.opsi", field({ tipe: "SELECT", opsi: " \n " }), false],
  ["formFields.opsi", field({ tipe: "SELECT", opsi: "" }), false],
  ["formFields.opsi", field({ tipe: "TEXT", opsi: "" }), true],
  ["formFields.wajib", field({ wajib: false }), true],
  ["formFields.bantuan", field({ bantuan: "Sesuai KTP." }), true],
  ["formFields.bantuan", field({ bantuan: "a".repeat(1001) }), false],
  ["formFields.pola", field({ pola: "[A-Z]{2}\\d+" }), true],
  ["formFields.pola", field({ pola: "(" }), false],
  ["formFields.pola", field({ pola: "[a-z" }), false],
  ["formFields.pola", field({ pola: "\\d{2,1}" }), false],
  ["formFields.pola", field({ pola: "\\p{L}+" }), true],
  ["formFields.min", field({ tipe: "NUMBER", min: "2,5" }), true],
  ["formFields.min", field({ tipe: "NUMBER", min: "-3" }), true],
  ["formFields.min", field({ tipe: "NUMBER", min: "dua" }), "page"],
  ["formFields.max", field({ tipe: "NUMBER", min: "5", max: "5" }), true],
  ["formFields.max", field({ tipe: "NUMBER", min: "5", max: "4" }), false],
  ["formFields.max", field({ tipe: "TEXT", min: "10", max: "3" }), false],
  ["formFields.max", field({ tipe: "NUMBER", max: "x" }), "page"],
];

type Problem = { field: string | null; message: string };

async function server(variables: Record<string, unknown>): Promise<Record<string, string>> {
  const r = await t.gql(CREATE, variables, { token: admin });
  expect(r.errors).toBeUndefined();
  const res = r.data!.createLayanan;
  if (res.__typename === "CreateLayananSuccess") return {};
  const out: Record<string, string> = {};
  for (const p of res.problems as Problem[]) out[p.field ?? ""] ??= p.message;
  return out;
}

/** The page's arguments for a state (the drawing: none, as for a flowchart the page could not draw in a test). */
function sent(s: EditorState) {
  const { input, persyaratan, formFields } = checkEditor(s, true);
  return { instansiId, input: { ...input, prosedurFlowchartSvg: null }, persyaratan, formFields };
}

/** The row's field as the problems name it (`persyaratan.label` → `persyaratan.0.label`, the 2nd of a duplicate). */
function named(row: Row): string {
  const [f, overrides] = row;
  const [list, prop] = f.split(".");
  if (!prop) return f;
  const items = (overrides[list as "persyaratan" | "formFields"] ?? []) as unknown[];
  return `${list}.${Math.max(0, items.length - 1)}.${prop}`;
}

describe("the service editor's checks and the API's", () => {
  beforeAll(async () => {
    expect(await server(sent(state({ kode: "DIPAKAI" })))).toEqual({});
  });

  it.each(TABLE)("%s %j: %s", async (_f, overrides, ok) => {
    const s = state(overrides);
    const field = named([_f, overrides, ok]);
    const inBrowser = checkEditor(s, true).errors;
    if (ok === "page") {
      expect(Object.keys(inBrowser)).toEqual([field]);
      expect(inBrowser[field]).toBe(field === "slaJumlah" ? PESAN.sla : field === "biaya" ? PESAN.biaya : PESAN.angka);
      return;
    }
    const onServer = await server(sent(s));
    if (ok === "server") {
      expect(inBrowser).toEqual({});
      expect(onServer).toEqual({ kode: "Kode layanan sudah dipakai di instansi ini." });
      return;
    }
    expect({ server: field in onServer, browser: field in inBrowser }).toEqual({ server: !ok, browser: !ok });
    expect(inBrowser).toEqual(onServer);
  });

  it("every problem of a save comes in one answer, as the page finds them", async () => {
    const s = state({ nama: "ab", slaJumlah: "0", ...slot({ label: "" }), ...field({ nama: "1a" }) });
    const onServer = await server(sent(s));
    expect(Object.keys(onServer).sort()).toEqual(["formFields.0.nama", "nama", "persyaratan.0.label", "slaJumlah"]);
    expect(checkEditor(s, true).errors).toEqual(onServer);
  });

  it("a drawing the API refuses is answered at prosedurFlowchartSvg (the page shows it at the flowchart's source)", async () => {
    const s = state({ prosedurFlowchart: "graph TD\n  A --> B" });
    const v = sent(s);
    const onServer = await server({ ...v, input: { ...v.input, prosedurFlowchartSvg: "<svg><script>alert(1)</script></svg>" } });
    expect(onServer).toEqual({ prosedurFlowchartSvg: "Gambar bagan alir tidak dapat disimpan: memuat elemen <script> yang tidak diizinkan." });
    expect(fs.readFileSync("client/src/pages/admin/layanan-editor/index.tsx", "utf8")).toContain('p.field === "prosedurFlowchartSvg" ? "prosedurFlowchart"');
  });

  it("a slot's id that is not this service's is the API's to say: at the list, shown as the form's message (an id has no box)", async () => {
    const made = async (kode: string) => {
      const v = sent(state({ kode }));
      const r = await t.gql(
        `mutation($instansiId: ID!, $input: LayananInput!, $persyaratan: [PersyaratanInput!]) { createLayanan(instansiId: $instansiId, input: $input, persyaratan: $persyaratan) { ... on CreateLayananSuccess { data { id persyaratan { id } } } } }`,
        { instansiId, input: v.input, persyaratan: v.persyaratan },
        { token: admin },
      );
      return r.data!.createLayanan.data as { id: string; persyaratan: Array<{ id: string }> };
    };
    const a = await made("SLOT-A");
    const b = await made("SLOT-B");
    const s = state({ kode: "SLOT-B", persyaratan: [{ ...SLOT, id: a.persyaratan[0]!.id }] });
    expect(checkEditor(s, false).errors).toEqual({});
    const { input, persyaratan } = checkEditor(s, false);
    const r = await t.gql(
      `mutation($id: ID!, $input: LayananInput, $persyaratan: [PersyaratanInput!]) { updateLayanan(id: $id, input: $input, persyaratan: $persyaratan) { __typename ... on Error { code message field } } }`,
      { id: b.id, input, persyaratan },
      { token: admin },
    );
    expect(r.data!.updateLayanan).toEqual({
      __typename: "NotFoundError",
      code: "PERSYARATAN_NOT_FOUND",
      message: "Slot persyaratan tidak ditemukan pada layanan ini.",
      field: "persyaratan",
    });
  });

  it("the table covers every typed field of LayananInput, PersyaratanInput and FormFieldInput, and the lists themselves", () => {
    const schema = buildSchema(fs.readFileSync("schema.graphql", "utf8"));
    const m = schema.getMutationType();
    if (!isObjectType(m)) throw new Error("Mutation missing");
    const fieldsOf = (name: string) => {
      const type = schema.getType(name);
      if (!isInputObjectType(type)) throw new Error(`${name} missing`);
      return Object.keys(type.getFields());
    };
    // the office is the admin's own (the page sends it from the session); the input is the fields below
    const args = m
      .getFields()
      .createLayanan!.args.map((a) => a.name)
      .filter((a) => a !== "instansiId" && a !== "input");
    const expected = [
      ...args,
      ...fieldsOf("LayananInput"),
      ...fieldsOf("PersyaratanInput").map((f) => `persyaratan.${f}`),
      ...fieldsOf("FormFieldInput").map((f) => `formFields.${f}`),
    ];
    expect(new Set(TABLE.map((r) => r[0]))).toEqual(new Set(expected));
  });
});

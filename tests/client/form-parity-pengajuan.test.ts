import fs from "node:fs";
import { buildSchema, isEnumType, isInputObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkServiceForm, type FormValues } from "../../client/src/components/service-form";
import { activeCitizen, createInstansi, createStaff, createTestApp, globalId, makeNik, type TestApp } from "../helpers/app";

/**
 * Issue #14 for a service's application form, whose fields each office defines (FormField: a type, required or not,
 * lengths or bounds, options, a pattern). Each example value goes through the page's check before "Lanjutkan"
 * (components/service-form.tsx `checkServiceForm`, on the definitions as the page reads them from the API) and through
 * the API itself: the draft is saved with it (updatePengajuan) and submitted (ubahStatusPengajuan AJUKAN), on a real
 * database. Both must accept it or both refuse it, at the same field (`formData.<nama>`) with the same message.
 * The table covers every FormFieldType and every rule property of FormFieldInput, so a new one cannot go unchecked.
 *
 * A draft keeps what is typed, malformed or not (server/shared/draft-form.ts): the page's check when a box is left
 * is a warning, and saving never refuses a value the submit check would; the strict check is the submit's.
 */

let t: TestApp;
let citizen: string;
let layananId: string;
let fields: Parameters<typeof checkServiceForm>[0];

const FIELD_DEFS = [
  { nama: "teks", label: "Nama usaha", tipe: "TEXT", wajib: true, min: 3, max: 10 },
  { nama: "uraian", label: "Uraian kegiatan", tipe: "TEXTAREA", wajib: true, max: 20 },
  { nama: "jumlah", label: "Jumlah pegawai", tipe: "NUMBER", wajib: true, min: 1, max: 10.5 },
  { nama: "tanggal", label: "Tanggal mulai", tipe: "DATE", wajib: true },
  { nama: "status", label: "Status", tipe: "SELECT", wajib: true, opsi: ["Belum kawin", "Cerai"] },
  { nama: "nik", label: "NIK pasangan", tipe: "NIK", wajib: true },
  { nama: "telepon", label: "Nomor WhatsApp", tipe: "PHONE", wajib: true },
  { nama: "email", label: "Email kantor", tipe: "EMAIL", wajib: true },
  { nama: "nomor", label: "Nomor izin", tipe: "TEXT", wajib: true, pola: "[A-Z]{2}-\\d{4}" },
  { nama: "catatan", label: "Catatan", tipe: "TEXT", wajib: false, bantuan: "Boleh dikosongkan." },
];

const VALID: FormValues = {
  teks: "Warung Bu",
  uraian: "Berjualan nasi",
  jumlah: "3",
  tanggal: "2026-12-01",
  status: "Cerai",
  nik: makeNik(),
  telepon: "081234567890",
  email: "usaha@contoh.id",
  nomor: "AB-1234",
  catatan: "",
};

/** [the rule (a FormFieldType or a FormFieldInput property), the field, its value, both accept] */
type Row = [rule: string, nama: string, value: string, ok: boolean];

const TABLE: Row[] = [
  ["TEXT", "teks", "Toko", true],
  ["TEXT", "teks", "  Toko  ", true],
  ["min", "teks", "Ab", false],
  ["min", "teks", "  Ab  ", false],
  ["max", "teks", "a".repeat(10), true],
  ["max", "teks", "a".repeat(11), false],
  ["wajib", "teks", "", false],
  ["wajib", "teks", "   ", false],
  ["wajib", "catatan", "", true],
  ["TEXTAREA", "uraian", "Baris satu\nbaris dua", true],
  ["TEXTAREA", "uraian", "a".repeat(21), false],
  ["NUMBER", "jumlah", "10", true],
  ["NUMBER", "jumlah", "10,5", true],
  ["NUMBER", "jumlah", "10.6", false],
  ["NUMBER", "jumlah", "0", false],
  ["NUMBER", "jumlah", "tiga", false],
  ["NUMBER", "jumlah", "1e1", true],
  ["DATE", "tanggal", "2026-02-28", true],
  ["DATE", "tanggal", "2026-02-29", false],
  ["DATE", "tanggal", "28-02-2026", false],
  ["DATE", "tanggal", "2026-2-28", false],
  ["SELECT", "status", "Belum kawin", true],
  ["opsi", "status", "Kawin", false],
  ["opsi", "status", "cerai", false],
  ["NIK", "nik", makeNik(true), true],
  ["NIK", "nik", "1234567890123456", false],
  ["NIK", "nik", "12345", false],
  ["PHONE", "telepon", "+62 812-3456-7890", true],
  ["PHONE", "telepon", "0812345", false],
  ["PHONE", "telepon", "0812 3456 789x", false],
  ["EMAIL", "email", " Usaha@Contoh.ID ", true],
  ["EMAIL", "email", "usaha@contoh", false],
  ["EMAIL", "email", "bukan email", false],
  ["pola", "nomor", "XY-0001", true],
  ["pola", "nomor", "xy-0001", false],
  ["pola", "nomor", "AB-1234 ", true], // trimmed first
  ["pola", "nomor", "AB-12345", false], // the whole value must match
  ["label", "teks", "", false], // the label names the field in every message (checked below, message for message)
  ["bantuan", "catatan", "Apa saja.", true], // a hint only: no rule
  ["TEXT", "catatan", "a".repeat(5000), true],
  ["TEXT", "catatan", "a".repeat(5001), false], // the bound of every text: a draft cannot hold it either (refused when saved)
];

const ERR = "... on Error { code message field problems { code message field } }";

beforeAll(async () => {
  t = await createTestApp();
  const ins = await createInstansi(t);
  const admin = await createStaff(t, "ADMIN", ins.id);
  const made = await t.gql(
    `mutation($instansiId: ID!, $input: LayananInput!, $formFields: [FormFieldInput!]) {
      createLayanan(instansiId: $instansiId, input: $input, formFields: $formFields) { __typename ... on CreateLayananSuccess { data { id formFields { nama label tipe wajib bantuan opsi min max pola } } } ${ERR} } }`,
    {
      instansiId: globalId("Instansi", ins.id),
      input: { kode: "IZIN-UJI", nama: "Izin Usaha Uji", slaJumlah: 3, slaSatuan: "HARI_KERJA" },
      formFields: FIELD_DEFS,
    },
    { token: admin.token },
  );
  expect(made.data!.createLayanan.__typename).toBe("CreateLayananSuccess");
  layananId = made.data!.createLayanan.data.id;
  // the definitions as the page reads them (service-form.tsx's fragment)
  fields = made.data!.createLayanan.data.formFields;
  citizen = (await activeCitizen(t)).token;
});
afterAll(() => t.close());

/** The API's problems of submitting a new draft holding `values`, field → message ({} when submitted). */
async function server(values: FormValues): Promise<Record<string, string>> {
  const created = await t.gql(
    `mutation($l: ID!) { createPengajuan(layananId: $l) { __typename ... on CreatePengajuanSuccess { data { id versi } } ${ERR} } }`,
    { l: layananId },
    { token: citizen },
  );
  const draft = created.data!.createPengajuan.data as { id: string; versi: number };
  // what the page's autosave sends: the text as typed (an emptied box as null)
  const formData = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === "" ? null : v]));
  const saved = await t.gql(
    `mutation($id: ID!, $v: Int!, $d: JSON) { updatePengajuan(id: $id, versi: $v, formData: $d) { __typename ... on UpdatePengajuanSuccess { data { versi } } ${ERR} } }`,
    { id: draft.id, v: draft.versi, d: formData },
    { token: citizen },
  );
  // saving keeps what was typed, whatever the submit will say, up to the length no field may ever hold
  const res0 = saved.data!.updatePengajuan;
  if (res0.__typename !== "UpdatePengajuanSuccess") return byField(res0.problems);
  const r = await t.gql(
    `mutation($id: ID!, $v: Int!) { ubahStatusPengajuan(id: $id, versi: $v, aksi: AJUKAN) { __typename ${ERR} } }`,
    { id: draft.id, v: saved.data!.updatePengajuan.data.versi },
    { token: citizen },
  );
  const res = r.data!.ubahStatusPengajuan;
  return res.__typename === "UbahStatusPengajuanSuccess" ? {} : byField(res.problems);
}

function byField(problems: Array<{ field: string | null; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field ?? ""] ??= p.message;
  return out;
}

describe("a service form's checks in the page and the API's on submit", () => {
  const rows = TABLE.map(([rule, nama, value, ok]) => [rule, nama, value.length > 40 ? `${value.length} karakter` : JSON.stringify(value), ok, value] as const);
  it.each(rows)("%s: %s = %s: %s", async (_rule, nama, _shown, ok, value) => {
    const values = { ...VALID, [nama]: value };
    const onServer = await server(values);
    const inBrowser = checkServiceForm(fields, values, false);
    const key = `formData.${nama}`;
    expect({ server: key in onServer, browser: key in inBrowser }).toEqual({ server: !ok, browser: !ok });
    // every field alike, with the API's own message
    expect(inBrowser).toEqual(onServer);
  });

  it("every problem of the form in one answer, as the page finds them", async () => {
    const values = { ...VALID, teks: "", jumlah: "nol", telepon: "0812", nomor: "ab" };
    const onServer = await server(values);
    expect(Object.keys(onServer).sort()).toEqual(["formData.jumlah", "formData.nomor", "formData.teks", "formData.telepon"]);
    expect(checkServiceForm(fields, values, false)).toEqual(onServer);
  });

  it("the table covers every FormFieldType and every rule of FormFieldInput", () => {
    const schema = buildSchema(fs.readFileSync("schema.graphql", "utf8"));
    const types = schema.getType("FormFieldType");
    const input = schema.getType("FormFieldInput");
    if (!isEnumType(types) || !isInputObjectType(input)) throw new Error("FormFieldType or FormFieldInput missing");
    // the name and the type are what a row is about; every other property is a rule (or a hint, which is none)
    const rules = Object.keys(input.getFields()).filter((f) => f !== "nama" && f !== "tipe");
    expect(new Set(TABLE.map((r) => r[0]))).toEqual(new Set([...types.getValues().map((v) => v.name), ...rules]));
    // and every type has a field in the test's service
    expect(new Set(FIELD_DEFS.map((f) => f.tipe))).toEqual(new Set(types.getValues().map((v) => v.name)));
  });
});

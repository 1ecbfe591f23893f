import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createTestApp, serviceFixture, uploadFixtureDocuments, type TestApp } from "../helpers/app";

/**
 * Issue #14 "nothing typed is lost": a draft's form text is saved exactly as typed (unfinished or malformed
 * values included) and read back the same; a submit that fails changes nothing; two saves of one version cannot
 * both win, so neither silently overwrites the other's text.
 */

let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;

const P = `fragment P on Pengajuan { id status versi formData nomorRegistrasi }`;
const CREATE = `mutation($l: ID!, $f: JSON) { createPengajuan(layananId: $l, formData: $f) { __typename ... on CreatePengajuanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const UPDATE = `mutation($id: ID!, $v: Int!, $f: JSON) { updatePengajuan(id: $id, versi: $v, formData: $f) { __typename ... on UpdatePengajuanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const UPLOAD = `mutation($id: ID!, $v: Int!, $berkas: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $berkas) { __typename ... on UploadDokumenPengajuanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const ACT = `mutation($id: ID!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: AJUKAN, versi: $v) { __typename ... on UbahStatusPengajuanSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Pengajuan { ...P } } } ${P}`;

type Row = { id: string; status: string; versi: number; formData: Record<string, unknown>; nomorRegistrasi: string | null };

beforeAll(async () => {
  t = await createTestApp();
  fx = await serviceFixture(t);
});
afterAll(() => t.close());

async function newDraft(token: string): Promise<Row> {
  const r = await t.gql(CREATE, { l: fx.layanan.id, f: {} }, { token });
  expect(r.data!.createPengajuan.__typename).toBe("CreatePengajuanSuccess");
  return r.data!.createPengajuan.data;
}

async function save(token: string, p: { id: string; versi: number }, f: Record<string, unknown>) {
  const r = await t.gql(UPDATE, { id: p.id, v: p.versi, f }, { token });
  expect(r.errors).toBeUndefined();
  return r.data!.updatePengajuan;
}

async function reread(token: string, id: string): Promise<Row> {
  const r = await t.gql(NODE, { id }, { token });
  return r.data!.node;
}

describe("a draft's form text", () => {
  it("is saved exactly as typed, unfinished and malformed values included, and read back the same", async () => {
    const c = await activeCitizen(t);
    const p = await newDraft(c.token);
    const typed = { namaPasangan: "  Ahmad  Fauzi ", tanggalNikah: "2027-02-30", nomorWa: "0812" };
    const saved = await save(c.token, p, typed);
    expect(saved.__typename).toBe("UpdatePengajuanSuccess");
    expect(saved.data.versi).toBe(p.versi + 1);
    const back = await reread(c.token, p.id);
    expect(back.formData).toEqual(typed);
    expect(back.status).toBe("DRAFT");

    // one field at a time: the others stay; an emptied field goes
    const next = await save(c.token, back, { nomorWa: "081234567890", namaPasangan: "" });
    expect(next.data.formData).toEqual({ tanggalNikah: "2027-02-30", nomorWa: "081234567890" });
    expect((await reread(c.token, p.id)).formData).toEqual(next.data.formData);
  });

  it("a failed submit changes nothing: the text, the status and the version stay", async () => {
    const c = await activeCitizen(t);
    let p = await newDraft(c.token);
    p = (await save(c.token, p, { namaPasangan: "Siti Aminah", tanggalNikah: "2027-03-14", nomorWa: "0812" })).data;
    const before = await reread(c.token, p.id);

    // documents missing and a malformed value (which one the answer names first is the validation's business)
    expect(await t.gql(ACT, { id: p.id, v: p.versi }, { token: c.token }).then((r) => r.data!.ubahStatusPengajuan)).toMatchObject({
      __typename: "ValidationError",
    });
    expect(await reread(c.token, p.id)).toEqual(before);

    // documents there, a malformed value: refused at its field, the draft keeps it
    const u = await uploadFixtureDocuments(t, UPLOAD, fx, p, c.token, { name: "pengantar.pdf", text: "pengantar" });
    p = u.data!.uploadDokumenPengajuan.data;
    const bad = (await t.gql(ACT, { id: p.id, v: p.versi }, { token: c.token })).data!.ubahStatusPengajuan;
    expect(bad).toMatchObject({ __typename: "ValidationError", code: "PHONE_INVALID", field: "formData.nomorWa" });
    const kept = await reread(c.token, p.id);
    expect(kept).toMatchObject({ status: "DRAFT", versi: p.versi, formData: before.formData });

    // fixed, it goes in, and the submitted values are the strict check's normalised ones
    p = (await save(c.token, kept, { nomorWa: "0812 3456 7890" })).data;
    const sent = (await t.gql(ACT, { id: p.id, v: p.versi }, { token: c.token })).data!.ubahStatusPengajuan;
    expect(sent.__typename).toBe("UbahStatusPengajuanSuccess");
    expect(sent.data.formData).toEqual({ namaPasangan: "Siti Aminah", tanggalNikah: "2027-03-14", nomorWa: "081234567890" });
  });

  it("two saves of the same version (two tabs): exactly one wins, the other is told to reload and nothing is overwritten", async () => {
    const c = await activeCitizen(t);
    const p = await newDraft(c.token);
    const [a, b] = await Promise.all([save(c.token, p, { namaPasangan: "dari tab satu" }), save(c.token, p, { nomorWa: "dari tab dua" })]);
    const results = [a, b].map((r) => r.__typename).sort();
    expect(results).toEqual(["ConflictError", "UpdatePengajuanSuccess"]);
    const lost = a.__typename === "ConflictError" ? a : b;
    expect(lost).toMatchObject({ code: "CONFLICT", field: "versi" });
    const winner = a.__typename === "UpdatePengajuanSuccess" ? { namaPasangan: "dari tab satu" } : { nomorWa: "dari tab dua" };
    const now = await reread(c.token, p.id);
    expect(now.formData).toEqual(winner);
    expect(now.versi).toBe(p.versi + 1);

    // the loser re-reads and saves its own field again: both texts are there
    const retry = await save(c.token, now, a.__typename === "ConflictError" ? { namaPasangan: "dari tab satu" } : { nomorWa: "dari tab dua" });
    expect(retry.data.formData).toEqual({ namaPasangan: "dari tab satu", nomorWa: "dari tab dua" });

    // a save from a page that never saw the latest version is refused too, even for another field
    expect(await save(c.token, p, { tanggalNikah: "2027-01-01" })).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    expect((await reread(c.token, p.id)).formData).toEqual(retry.data.formData);
  });

  it("refuses what no form control sends, at the field, with a clear message", async () => {
    const c = await activeCitizen(t);
    const p = await newDraft(c.token);
    expect(await save(c.token, p, { namaPasangan: { a: 1 } })).toMatchObject({
      __typename: "ValidationError",
      code: "FIELD_NOT_TEXT",
      field: "formData.namaPasangan",
      message: "Nama pasangan harus berupa teks.",
    });
    expect(await save(c.token, p, { namaPasangan: "x".repeat(5001) })).toMatchObject({ code: "FIELD_TOO_LONG", field: "formData.namaPasangan" });
    expect((await reread(c.token, p.id)).versi).toBe(p.versi);
  });
});

import { describe, expect, it } from "vitest";
import { DRAFT_FIELD_MAX, draftValues } from "./draft-form";
import { validateForm, type FieldDef } from "./form";

const DEFS: FieldDef[] = [
  { nama: "nama", label: "Nama pasangan", tipe: "TEXT", wajib: true, min: 3, max: 50 },
  { nama: "umur", label: "Umur", tipe: "NUMBER", wajib: true, min: 10, max: 25 },
  { nama: "tanggal", label: "Rencana tanggal nikah", tipe: "DATE", wajib: true },
  { nama: "wa", label: "Nomor WA", tipe: "PHONE", wajib: false },
  { nama: "catatan", label: "Catatan", tipe: "TEXTAREA", wajib: false },
];

describe("a draft keeps what was typed", () => {
  it("keeps malformed and unfinished values exactly, spaces and line breaks included", () => {
    const typed = { nama: "  Ah", umur: "9", tanggal: "2027-02-3", wa: "0812", catatan: "baris satu\nbaris dua\n" };
    const r = draftValues(DEFS, typed);
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual(typed);
    // the same values fail the strict check that runs on submit
    expect(
      validateForm(DEFS, typed)
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(["nama", "tanggal", "umur", "wa"]);
  });

  it("numbers become their text; empty values and unknown keys are dropped", () => {
    expect(draftValues(DEFS, { umur: 18, nama: "", wa: "   ", catatan: null, lain: "x" })).toEqual({ values: { umur: "18" }, errors: [] });
  });

  it("refuses what no form control produces: objects, lists, and text longer than a field may be", () => {
    const r = draftValues(DEFS, { nama: { a: 1 }, wa: ["0812"], catatan: "x".repeat(DRAFT_FIELD_MAX + 1), umur: "x".repeat(DRAFT_FIELD_MAX) });
    expect(r.errors.map((e) => [e.field, e.code])).toEqual([
      ["nama", "FIELD_NOT_TEXT"],
      ["wa", "FIELD_NOT_TEXT"],
      ["catatan", "FIELD_TOO_LONG"],
    ]);
    expect(Object.keys(r.values)).toEqual(["umur"]);
  });
});

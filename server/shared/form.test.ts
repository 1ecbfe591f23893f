import { describe, expect, it } from "vitest";
import { validateForm, type FieldDef } from "./form";

const DEFS: FieldDef[] = [
  { nama: "nama", label: "Nama calon pengantin", tipe: "TEXT", wajib: true, min: 3, max: 50 },
  { nama: "umur", label: "Umur", tipe: "NUMBER", wajib: true, min: 10, max: 25 },
  { nama: "tanggal", label: "Rencana tanggal nikah", tipe: "DATE", wajib: true },
  { nama: "kua", label: "KUA", tipe: "SELECT", wajib: false, opsi: ["Jogonalan", "Prambanan"] },
  { nama: "nik", label: "NIK calon", tipe: "NIK", wajib: true },
  { nama: "wa", label: "Nomor WA", tipe: "PHONE", wajib: false },
  { nama: "email", label: "Email", tipe: "EMAIL", wajib: false },
  { nama: "kode", label: "Kode pos", tipe: "TEXT", wajib: false, pola: "\\d{5}" },
];
const NOW = new Date("2026-11-22T00:00:00Z");

describe("service form validation on the server", () => {
  it("accepts and normalises good values, drops unknown keys", () => {
    const r = validateForm(
      DEFS,
      {
        nama: " Dewi ",
        umur: "18",
        tanggal: "2026-12-20",
        kua: "Jogonalan",
        nik: "3519015708900001",
        wa: "+62 812 3456 7890",
        email: "A@B.ID",
        kode: "57452",
        rahasia: "x",
      },
      { now: NOW },
    );
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual({
      nama: "Dewi",
      umur: 18,
      tanggal: "2026-12-20",
      kua: "Jogonalan",
      nik: "3519015708900001",
      wa: "081234567890",
      email: "a@b.id",
      kode: "57452",
    });
  });
  it("reports every bad field with a code and an Indonesian message", () => {
    const r = validateForm(
      DEFS,
      { nama: "Al", umur: "tiga", tanggal: "2026-02-30", kua: "Lain", nik: "123", wa: "12", email: "x@", kode: "abc" },
      { now: NOW },
    );
    expect(r.errors.map((e) => [e.field, e.code])).toEqual([
      ["nama", "FIELD_TOO_SHORT"],
      ["umur", "FIELD_NOT_NUMBER"],
      ["tanggal", "FIELD_DATE_INVALID"],
      ["kua", "FIELD_OPTION_INVALID"],
      ["nik", "NIK_FORMAT"],
      ["wa", "PHONE_INVALID"],
      ["email", "EMAIL_INVALID"],
      ["kode", "FIELD_PATTERN"],
    ]);
    expect(r.errors[0]!.message).toBe("Nama calon pengantin minimal 3 karakter.");
    expect(r.values).toEqual({});
  });
  it("requires required fields on submit but not in a draft", () => {
    expect(validateForm(DEFS, {}, { now: NOW }).errors.map((e) => e.field)).toEqual(["nama", "umur", "tanggal", "nik"]);
    expect(validateForm(DEFS, {}, { partial: true, now: NOW }).errors).toEqual([]);
    expect(validateForm(DEFS, { umur: "30" }, { partial: true, now: NOW }).errors.map((e) => e.code)).toEqual(["FIELD_OUT_OF_RANGE"]);
  });
});

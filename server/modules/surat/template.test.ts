import { describe, expect, it } from "vitest";
import { fillPlaceholders, periksaTemplate, placeholdersOf, sumberDikenal, sumberDipakai, sumberOf } from "./template";
import { TEMPLATE_SURAT_SEED } from "./template-seed";

const A4 = [{ width: 210, height: 297 }];
const FORM = new Set(["namaCalonPria", "rencanaTanggalNikah"]);
const field = (over: Record<string, unknown> = {}) => ({ name: "pemohon.nama", type: "text", position: { x: 20, y: 50 }, width: 100, height: 7, ...over });
const check = (fields: unknown[], pages = A4) => periksaTemplate({ schemas: [fields] }, pages, FORM);

describe("the sources a template may print", () => {
  it("knows the fixed list and the service's own form fields, nothing else", () => {
    for (const k of ["pemohon.nama", "pemohon.nikSamar", "tanggal.surat", "nomorSurat", "penandatangan.nip", "verifikasi.qr", "form.namaCalonPria"]) {
      expect(sumberDikenal(k, FORM), k).toBe(true);
    }
    for (const k of ["pemohon.nik", "form.tidakAda", "form.", "toString", "__proto__", "nomorsurat"]) expect(sumberDikenal(k, FORM), k).toBe(false);
  });

  it("reads a field's source from its name, without the #n suffix that lets a source print twice", () => {
    expect(sumberOf("pemohon.nama#2")).toBe("pemohon.nama");
    expect(sumberOf("form.namaCalonPria")).toBe("form.namaCalonPria");
  });

  it("fills {placeholders} in free text", () => {
    expect(placeholdersOf("Nomor: {nomorSurat}, {  tanggal.surat }")).toEqual(["nomorSurat", "tanggal.surat"]);
    expect(fillPlaceholders("Nomor: {nomorSurat}.", (k) => (k === "nomorSurat" ? "B-1/2026" : "?"))).toBe("Nomor: B-1/2026.");
  });
});

describe("periksaTemplate", () => {
  it("accepts a good template, free text with known placeholders included", () => {
    expect(
      check([
        field(),
        field({ name: "pemohon.nama#2", position: { x: 20, y: 60 } }),
        field({ name: "teks", readOnly: true, content: "Tanggal {tanggal.surat}" }),
      ]),
    ).toEqual([]);
    expect(check([field({ name: "verifikasi.qr", type: "qrcode", width: 30, height: 30 })])).toEqual([]);
  });

  it("names an unknown source, in a field or in a placeholder, with its page and index", () => {
    const problems = check([field(), field({ name: "pemohon.nik" }), field({ name: "t", readOnly: true, content: "NIK {pemohon.nik} {form.tidakAda}" })]);
    expect(problems.map((p) => [p.code, p.field])).toEqual([
      ["TEMPLATE_UNKNOWN_SOURCE", "schemas.0.1"],
      ["TEMPLATE_UNKNOWN_SOURCE", "schemas.0.2"],
      ["TEMPLATE_UNKNOWN_SOURCE", "schemas.0.2"],
    ]);
    expect(problems[0]!.message).toContain('sumber data "pemohon.nik" tidak dikenal');
    expect(problems[2]!.message).toContain('Isian formulir "tidakAda" tidak ada pada formulir layanan ini');
  });

  it("refuses a field off its page, by any edge, and a page the kop surat lacks", () => {
    for (const pos of [{ position: { x: 150, y: 50 } }, { position: { x: -1, y: 50 } }, { position: { x: 20, y: 292 } }, { position: { x: 20, y: -0.5 } }]) {
      expect(check([field(pos)]).map((p) => p.code)).toEqual(["TEMPLATE_FIELD_OFF_PAGE"]);
    }
    expect(check([field({ position: { x: 110, y: 290 } })])).toEqual([]);
    expect(check([field({ position: { x: 150, y: 50 } })])[0]!.message).toMatch(/keluar dari halaman: kotaknya 150–250 × 50–57 mm, halaman 210 × 297 mm/);
    const two = periksaTemplate({ schemas: [[field()], [field()]] }, A4, FORM);
    expect(two.map((p) => p.code)).toEqual(["TEMPLATE_TOO_MANY_PAGES"]);
  });

  it("refuses what is not a template, a QR code of anything but the verification address, bad sizes and duplicates", () => {
    expect(periksaTemplate(null, A4, FORM)[0]!.code).toBe("TEMPLATE_INVALID");
    expect(periksaTemplate({ schemas: "x" }, A4, FORM)[0]!.code).toBe("TEMPLATE_INVALID");
    expect(periksaTemplate({ schemas: [] }, A4, FORM)[0]!.code).toBe("TEMPLATE_EMPTY");
    expect(check([field({ type: "qrcode" })]).map((p) => p.code)).toEqual(["TEMPLATE_FIELD_TYPE"]);
    expect(check([field({ name: "verifikasi.qr" })]).map((p) => p.code)).toEqual(["TEMPLATE_FIELD_TYPE"]);
    expect(check([field({ type: "image" })]).map((p) => p.code)).toEqual(["TEMPLATE_FIELD_TYPE"]);
    expect(check([field({ width: 0 })]).map((p) => p.code)).toEqual(["TEMPLATE_FIELD_INVALID"]);
    expect(check([field({ position: { x: "10", y: 5 } })]).map((p) => p.code)).toEqual(["TEMPLATE_FIELD_INVALID"]);
    expect(check([field({ fontSize: 200 })]).map((p) => p.code)).toEqual(["TEMPLATE_FIELD_INVALID"]);
    expect(check([field({ name: "" })]).map((p) => p.code)).toEqual(["TEMPLATE_FIELD_INVALID"]);
    expect(check([field(), field()]).map((p) => p.code)).toEqual(["TEMPLATE_DUPLICATE_NAME"]);
    expect(check([field({ readOnly: true })]).map((p) => p.code)).toEqual(["TEMPLATE_FIELD_INVALID"]);
    expect(check([field({ type: "qrcode", readOnly: true, content: "x" })]).map((p) => p.code)).toEqual(["TEMPLATE_FIELD_TYPE"]);
  });

  it("passes every seeded letter against its service's form, and each prints the number, the date, the signer and the QR code", () => {
    for (const s of TEMPLATE_SURAT_SEED) {
      const used = sumberDipakai(s.isi);
      const form = new Set([...used].filter((k) => k.startsWith("form.")).map((k) => k.slice(5)));
      expect(periksaTemplate(s.isi, A4, form), s.layanan).toEqual([]);
      for (const k of ["nomorSurat", "tanggal.surat", "penandatangan.nama", "penandatangan.nip", "verifikasi.qr", "verifikasi.kode"]) {
        expect(used.has(k), `${s.layanan} ${k}`).toBe(true);
      }
      expect(used.has("pemohon.nik"), s.layanan).toBe(false);
    }
  });
});

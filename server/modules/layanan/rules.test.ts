import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { problemsOf } from "../../lib/validate";
import { FORM_FIELDS, layananInput, persyaratanInput } from "./rules";

/** The parsed value, or the first problem as the API reports it: `CODE field: message`. */
function first(schema: z.ZodType, value: unknown): unknown {
  const r = schema.safeParse(value);
  const p = r.success ? null : problemsOf(r.error.issues)[0]!;
  return p ? `${p.code} ${p.field}: ${p.message}` : r.data;
}
const create = (input: object) => first(layananInput(true), input);
const update = (input: object) => first(layananInput(false), input);
const slots = (persyaratan: object[]) => first(persyaratanInput(2 * 1024 * 1024), persyaratan);
const fields = (formFields: object[]) => first(FORM_FIELDS, formFields);
const BASE = { kode: "SKTM", nama: "Surat Keterangan", slaJumlah: 2, slaSatuan: "HARI_KERJA" };

describe("a Standar Pelayanan", () => {
  it("on create, names what is missing in the form's order", () => {
    expect(create({})).toBe("KODE_INVALID kode: Kode layanan wajib diisi.");
    expect(create({ kode: "sktm" })).toBe("NAMA_INVALID nama: Nama layanan wajib diisi.");
    expect(create({ kode: "sktm", nama: "Surat" })).toBe("SLA_INVALID slaJumlah: Jangka waktu penyelesaian wajib diisi.");
    expect(create({ kode: "sktm", nama: "Surat", slaJumlah: 2 })).toBe("SLA_INVALID slaSatuan: Satuan jangka waktu wajib diisi.");
  });

  it("on update, checks only what is sent; null leaves a field, except the flowchart, which it clears with its drawing", () => {
    expect(update({ kode: null, nama: null, aktif: false, prosedurFlowchart: null })).toEqual({
      aktif: false,
      prosedurFlowchart: null,
      prosedurFlowchartSvg: null,
    });
    expect(update({ kode: " sk-tm ", kategori: "  ", prosedurFlowchart: "  " })).toEqual({
      kode: "SK-TM",
      kategori: "Umum",
      prosedurFlowchart: null,
      prosedurFlowchartSvg: null,
    });
    // a new source without its drawing drops the old drawing; other fields leave it alone
    expect(update({ prosedurFlowchart: "graph TD\n  A --> B" })).toEqual({ prosedurFlowchart: "graph TD\n  A --> B", prosedurFlowchartSvg: null });
    expect(update({ produkLayanan: "Surat" })).toEqual({ produkLayanan: "Surat" });
  });

  it.each([
    [{ kode: "x" }, "KODE_INVALID kode: Kode layanan 2–40 karakter: huruf, angka, atau tanda hubung."],
    [{ nama: "ab" }, "NAMA_INVALID nama: Nama layanan 3–200 karakter."],
    [{ dasarHukum: "x".repeat(20_001) }, "TEXT_TOO_LONG dasarHukum: Teks terlalu panjang (maksimal 20.000 karakter)."],
    [{ prosedurFlowchart: "not mermaid" }, "FLOWCHART_INVALID prosedurFlowchart: Diagram alur harus berupa kode mermaid yang diawali 'graph TD'."],
    [
      { prosedurFlowchart: "graph TD\n  A --> B", prosedurFlowchartSvg: "<svg><script>alert(1)</script></svg>" },
      "FLOWCHART_SVG_INVALID prosedurFlowchartSvg: Gambar bagan alir tidak dapat disimpan: memuat elemen <script> yang tidak diizinkan.",
    ],
    [{ slaJumlah: 0 }, "SLA_INVALID slaJumlah: Jangka waktu penyelesaian harus bilangan bulat positif."],
    [{ slaJumlah: 1.5 }, "SLA_INVALID slaJumlah: Jangka waktu penyelesaian harus bilangan bulat positif."],
    [{ slaSatuan: "TAHUN" }, "SLA_INVALID slaSatuan: Satuan jangka waktu tidak dikenal."],
    [{ biaya: -1 }, "BIAYA_INVALID biaya: Biaya harus bilangan bulat 0 atau lebih (rupiah, tanpa titik)."],
    [
      { unduhOnline: false, ambilDiKantor: false },
      "PENGIRIMAN_INVALID unduhOnline: Pilih paling sedikit satu cara penerimaan hasil: unduh atau ambil di kantor.",
    ],
  ])("refuses %j", (input, expected) => {
    expect(create({ ...BASE, ...input })).toBe(expected);
  });
});

// (the service parses the lists as `persyaratan` and `formFields`: a problem's field is then e.g. persyaratan.1.label)
describe("document slots", () => {
  it("take the defaults: every allowed type, the configured size, required, in order", () => {
    expect(
      slots([{ label: " KTP " }, { id: "x", label: "KK", keterangan: " asli ", wajib: false, jenisFile: ["image/png", "image/png"], maksBytes: 20_000 }]),
    ).toEqual([
      { id: null, urutan: 1, label: "KTP", keterangan: "", wajib: true, jenisFile: ["application/pdf", "image/jpeg", "image/png"], maksBytes: 2 * 1024 * 1024 },
      { id: "x", urutan: 2, label: "KK", keterangan: "asli", wajib: false, jenisFile: ["image/png"], maksBytes: 20_000 },
    ]);
  });

  it.each([
    [Array.from({ length: 31 }, () => ({ label: "x" })), "PERSYARATAN_TOO_MANY null: Maksimal 30 slot persyaratan."],
    [[{ label: "KTP" }, { label: " x " }], "LABEL_INVALID 1.label: Nama persyaratan 2–200 karakter."],
    [
      [{ label: "KTP", jenisFile: ["application/zip"] }],
      'JENIS_FILE_INVALID 0.jenisFile: Jenis berkas "application/zip" tidak didukung; pilih PDF, JPG, atau PNG.',
    ],
    [[{ label: "KTP", maksBytes: 5 }], "MAKS_BYTES_INVALID 0.maksBytes: Ukuran maksimal berkas antara 10 KB dan 20 MB."],
  ])("refuses %#", (input, expected) => {
    expect(slots(input)).toBe(expected);
  });
});

describe("form fields", () => {
  it("are numbered and normalised", () => {
    expect(
      fields([
        { nama: " umur ", label: " ", tipe: "NUMBER", min: 1, pola: "", bantuan: " tahun " },
        { nama: "jenis", label: "Jenis", tipe: "SELECT", wajib: false, opsi: [" A ", ""] },
      ]),
    ).toEqual([
      { urutan: 1, nama: "umur", label: "umur", tipe: "NUMBER", wajib: true, pola: null, min: 1, max: null, opsi: [], bantuan: "tahun" },
      { urutan: 2, nama: "jenis", label: "Jenis", tipe: "SELECT", wajib: false, pola: null, min: null, max: null, opsi: ["A"], bantuan: "" },
    ]);
  });

  it.each([
    [Array.from({ length: 51 }, (_, i) => ({ nama: `a${i}`, label: "A", tipe: "TEXT" })), "FIELDS_TOO_MANY null: Maksimal 50 isian formulir."],
    [[{ nama: "1a", label: "A", tipe: "TEXT" }], "FIELD_NAME_INVALID 0.nama: Nama isian: huruf, angka, garis bawah; diawali huruf."],
    [
      [
        { nama: "a", label: "A", tipe: "TEXT" },
        { nama: "a", label: "B", tipe: "TEXT" },
      ],
      'FIELD_NAME_DUPLICATE 1.nama: Nama isian "a" dipakai dua kali.',
    ],
    [[{ nama: "a", label: "A", tipe: "TEXT", pola: "(" }], "FIELD_PATTERN_INVALID 0.pola: Pola (regex) isian tidak valid."],
    [[{ nama: "a", label: "A", tipe: "SELECT", opsi: [" "] }], "FIELD_OPTIONS_REQUIRED 0.opsi: Isian pilihan harus punya daftar pilihan."],
  ])("refuses %#", (input, expected) => {
    expect(fields(input)).toBe(expected);
  });
});

import { describe, expect, it } from "vitest";
import { firstProblem, parseInput } from "../../lib/validate";
import { IsiPengaduan, KanalKlien, NamaKategori, PengaduanDaring, pesanLangkah, terlambat } from "./rules";

describe("complaint input rules keep their codes, messages and fields", () => {
  it("title and description: trimmed, with lower and upper bounds", () => {
    expect(parseInput(IsiPengaduan, { judul: "  Loket tutup ", uraian: "x".repeat(20) })).toEqual({ judul: "Loket tutup", uraian: "x".repeat(20) });
    expect(firstProblem(IsiPengaduan, { judul: "abcd", uraian: "" })).toMatchObject({
      code: "JUDUL_REQUIRED",
      message: "Judul pengaduan wajib diisi (minimal 5 karakter).",
      field: "judul",
    });
    expect(firstProblem(IsiPengaduan, { judul: "x".repeat(201), uraian: "x".repeat(20) })).toMatchObject({
      code: "JUDUL_TOO_LONG",
      message: "Judul pengaduan maksimal 200 karakter.",
      field: "judul",
    });
    expect(firstProblem(IsiPengaduan, { judul: "Judul", uraian: " pendek " })).toMatchObject({
      code: "URAIAN_REQUIRED",
      message: "Uraian pengaduan wajib diisi (minimal 20 karakter).",
      field: "uraian",
    });
  });
  it("online: evidence required, after the text", () => {
    expect(firstProblem(PengaduanDaring, { judul: "Judul", uraian: "x".repeat(20), bukti: [] })).toMatchObject({ code: "BUKTI_REQUIRED", field: "bukti" });
    expect(firstProblem(PengaduanDaring, { judul: "J", uraian: "x".repeat(20), bukti: [] })).toMatchObject({ code: "JUDUL_REQUIRED" });
  });
  it("an API client's channel", () => {
    expect(parseInput(KanalKlien, { kanal: "WHATSAPP" })).toEqual({ kanal: "WHATSAPP" });
    expect(firstProblem(KanalKlien, { kanal: "LANGSUNG" })).toMatchObject({
      code: "KANAL_INVALID",
      message: "Klien API mencatat pengaduan dari kanal WEB atau WHATSAPP.",
      field: "kanal",
    });
  });
  it("category name 3–100 characters", () => {
    expect(parseInput(NamaKategori, { nama: " Pelayanan " })).toEqual({ nama: "Pelayanan" });
    for (const nama of ["ab", "x".repeat(101)])
      expect(firstProblem(NamaKategori, { nama })).toMatchObject({ code: "NAMA_INVALID", message: "Nama kategori 3–100 karakter.", field: "nama" });
  });
  it("a step's message: required where the table says, its own wording for a refusal, at most 5000", () => {
    expect(parseInput(pesanLangkah(false, false), { pesan: "  " })).toEqual({ pesan: null });
    expect(parseInput(pesanLangkah(true, false), { pesan: " Sudah diperbaiki " })).toEqual({ pesan: "Sudah diperbaiki" });
    expect(firstProblem(pesanLangkah(true, true), { pesan: null })).toMatchObject({
      code: "PESAN_REQUIRED",
      message: "Tuliskan alasan penolakan (minimal 5 karakter).",
      field: "pesan",
    });
    expect(firstProblem(pesanLangkah(true, false), { pesan: "abc" })).toMatchObject({
      code: "PESAN_REQUIRED",
      message: "Tuliskan tanggapan atau alasan (minimal 5 karakter).",
    });
    expect(firstProblem(pesanLangkah(false, false), { pesan: "x".repeat(5001) })).toMatchObject({
      code: "PESAN_TOO_LONG",
      message: "Pesan maksimal 5000 karakter.",
    });
  });
});

describe("overdue", () => {
  const now = new Date("2026-03-02T03:00:00Z");
  it("only while the follow-up deadline runs (verified) and has passed", () => {
    expect(terlambat({ status: "DIVERIFIKASI", tenggat: new Date(now.getTime() - 1) }, now)).toBe(true);
    expect(terlambat({ status: "DIVERIFIKASI", tenggat: now }, now)).toBe(false);
    expect(terlambat({ status: "DIVERIFIKASI", tenggat: null }, now)).toBe(false);
    expect(terlambat({ status: "DITINDAKLANJUTI", tenggat: new Date(0) }, now)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import type { ValidationError } from "../../lib/errors";
import { firstProblem, parseInput } from "../../lib/validate";
import { type DiketahuiPengaduan, type IsiPengaduanInput, KanalKlien, NamaKategori, pengaduanChecks, pesanLangkah, terlambat } from "./rules";

const ISI = { instansiId: "i", kategoriId: "k", judul: "Loket tutup", uraian: "x".repeat(20), bukti: [{}] };

/** Every problem pengaduanChecks finds (as the API answers them), none when it passes. */
function problemsOf(input: Partial<IsiPengaduanInput>, cara: "daring" | "catat" = "daring") {
  try {
    pengaduanChecks({ ...ISI, ...input }, cara).problems.throwIfAny();
    return [];
  } catch (err) {
    return [...(err as ValidationError).problems];
  }
}

describe("complaint input rules keep their codes, messages and fields", () => {
  it("title and description: trimmed, with lower and upper bounds", () => {
    expect(pengaduanChecks({ ...ISI, judul: "  Loket tutup ", uraian: ` ${"x".repeat(20)} ` }, "daring")).toMatchObject({
      judul: "Loket tutup",
      uraian: "x".repeat(20),
    });
    expect(problemsOf({ judul: "abcd", uraian: "" })).toEqual([
      { code: "JUDUL_REQUIRED", message: "Judul pengaduan wajib diisi (minimal 5 karakter).", field: "judul" },
      { code: "URAIAN_REQUIRED", message: "Uraian pengaduan wajib diisi (minimal 20 karakter).", field: "uraian" },
    ]);
    expect(problemsOf({ judul: "x".repeat(201) })).toEqual([{ code: "JUDUL_TOO_LONG", message: "Judul pengaduan maksimal 200 karakter.", field: "judul" }]);
    expect(problemsOf({ uraian: "x".repeat(5001) })).toEqual([
      { code: "URAIAN_TOO_LONG", message: "Uraian pengaduan maksimal 5000 karakter.", field: "uraian" },
    ]);
  });
  it("online: evidence required, beside the other problems; recorded by the desk: evidence if any", () => {
    expect(problemsOf({ bukti: [] })).toEqual([
      { code: "BUKTI_REQUIRED", message: "Lampirkan paling sedikit satu bukti pendukung (foto, video, atau dokumen).", field: "bukti" },
    ]);
    expect(problemsOf({ judul: "J", bukti: [] }).map((p) => p.code)).toEqual(["JUDUL_REQUIRED", "BUKTI_REQUIRED"]);
    expect(problemsOf({ bukti: [] }, "catat")).toEqual([]);
    expect(problemsOf({ bukti: Array.from({ length: 6 }, () => ({})) }, "catat")).toEqual([
      { code: "TOO_MANY_FILES", message: "Maksimal 5 lampiran.", field: "bukti" },
    ]);
  });
  it("an office and a category are chosen; a recorded reporter's name and contact fit their box", () => {
    expect(problemsOf({ instansiId: "", kategoriId: " " }).map((p) => [p.code, p.field])).toEqual([
      ["INSTANSI_REQUIRED", "instansiId"],
      ["KATEGORI_REQUIRED", "kategoriId"],
    ]);
    expect(problemsOf({ namaPelapor: "x".repeat(301), kontakPelapor: "x".repeat(301) }, "catat").map((p) => p.code)).toEqual([
      "NAMA_PELAPOR_TOO_LONG",
      "KONTAK_PELAPOR_TOO_LONG",
    ]);
    expect(problemsOf({ namaPelapor: "x".repeat(300), kontakPelapor: null }, "catat")).toEqual([]);
  });
  it("what the database says about the ids: at their place in the form's order", () => {
    const codes = (dikenal: DiketahuiPengaduan, input: Partial<IsiPengaduanInput> = {}) => {
      try {
        pengaduanChecks({ ...ISI, ...input }, "daring", dikenal).problems.throwIfAny();
        return [];
      } catch (err) {
        return (err as ValidationError).problems.map((p) => p.code);
      }
    };
    expect(codes({ kategori: false, pengajuan: false, layanan: true }, { judul: "" })).toEqual(["PENGAJUAN_INVALID", "KATEGORI_INVALID", "JUDUL_REQUIRED"]);
    expect(codes({ kategori: true, pengajuan: true, layanan: false })).toEqual(["LAYANAN_INVALID"]);
    // an empty category is asked for, not called unknown
    expect(codes({ kategori: false, pengajuan: true, layanan: true }, { kategoriId: "" })).toEqual(["KATEGORI_REQUIRED"]);
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

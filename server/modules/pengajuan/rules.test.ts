import { describe, expect, it } from "vitest";
import { parseInput } from "../../lib/validate";
import { ValidationError } from "../../lib/errors";
import { berkasInput, catatanInput, dokumenTerlihat, hasilInput, kataTransisi, normalKodeVerifikasi, pilihPengiriman } from "./rules";
import { TRANSITIONS } from "./transitions";

const problemOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return { code: e.code, field: e.field };
    throw e;
  }
  return null;
};

describe("pengajuan input rules", () => {
  it("a message: optional and trimmed, at most 2000 characters", () => {
    expect(parseInput(kataTransisi(TRANSITIONS.VERIFIKASI.perlu), { pesan: "  " })).toEqual({ pesan: null });
    expect(parseInput(kataTransisi(TRANSITIONS.VERIFIKASI.perlu), {})).toEqual({ pesan: null });
    expect(problemOf(() => parseInput(kataTransisi(TRANSITIONS.VERIFIKASI.perlu), { pesan: "x".repeat(2001) }))).toEqual({
      code: "PESAN_TOO_LONG",
      field: "pesan",
    });
  });
  it("asking for a fix or refusing needs 5 characters, each with its own code", () => {
    expect(problemOf(() => parseInput(kataTransisi(TRANSITIONS.MINTA_PERBAIKAN.perlu), { pesan: " abc " }))).toEqual({
      code: "PESAN_REQUIRED",
      field: "pesan",
    });
    expect(problemOf(() => parseInput(kataTransisi(TRANSITIONS.TOLAK.perlu), { pesan: null }))).toEqual({ code: "ALASAN_REQUIRED", field: "pesan" });
    expect(problemOf(() => parseInput(kataTransisi(TRANSITIONS.TOLAK.perlu), { pesan: "x".repeat(2001) }))).toEqual({ code: "PESAN_TOO_LONG", field: "pesan" });
    expect(parseInput(kataTransisi(TRANSITIONS.TOLAK.perlu), { pesan: " tidak lengkap " })).toEqual({ pesan: "tidak lengkap" });
  });
  it("a handover names who collected and the identity checked, in that order", () => {
    const serahkan = kataTransisi(TRANSITIONS.SERAHKAN.perlu);
    expect(problemOf(() => parseInput(serahkan, {}))).toEqual({ code: "PENGAMBIL_REQUIRED", field: "diambilOleh" });
    expect(problemOf(() => parseInput(serahkan, { diambilOleh: "Budi", identitasPengambil: "KT" }))).toEqual({
      code: "IDENTITAS_REQUIRED",
      field: "identitasPengambil",
    });
    expect(parseInput(serahkan, { diambilOleh: " Budi ", identitasPengambil: " KTP " })).toEqual({
      pesan: null,
      diambilOleh: "Budi",
      identitasPengambil: "KTP",
    });
  });
  it("notes, result titles and uploads", () => {
    expect(problemOf(() => parseInput(catatanInput, { isi: " a " }))).toEqual({ code: "CATATAN_INVALID", field: "isi" });
    expect(problemOf(() => parseInput(catatanInput, { isi: "x".repeat(4001) }))).toEqual({ code: "CATATAN_INVALID", field: "isi" });
    expect(parseInput(catatanInput, { isi: " ok " })).toEqual({ isi: "ok" });
    expect(problemOf(() => parseInput(hasilInput, { judul: "ab" }))).toEqual({ code: "JUDUL_INVALID", field: "judul" });
    expect(problemOf(() => parseInput(berkasInput, { berkas: [] }))).toEqual({ code: "NO_FILES", field: "berkas" });
    expect(problemOf(() => parseInput(berkasInput, { berkas: new Array(11).fill(0) }))).toEqual({ code: "TOO_MANY_FILES", field: "berkas" });
  });
  it("delivery and verification codes", () => {
    expect(pilihPengiriman({ unduhOnline: false, ambilDiKantor: true }, null)).toBe("AMBIL");
    expect(pilihPengiriman({ unduhOnline: false, ambilDiKantor: true }, "UNDUH")).toBeNull();
    expect(normalKodeVerifikasi(" abcd efgh-jk2m ")).toBe("ABCD-EFGH-JK2M");
  });
});

describe("dokumenTerlihat: what a verification says it saw, against the documents now", () => {
  const docs = [
    { id: "ktp-1", label: "KTP", diganti: true },
    { id: "ktp-2", label: "KTP", diganti: false },
    { id: "kk-1", label: "Kartu Keluarga", diganti: false },
  ];
  it("exactly the current documents: nothing to say (order and repeats do not matter)", () => {
    expect(dokumenTerlihat(docs, ["kk-1", "ktp-2"])).toBeNull();
    expect(dokumenTerlihat(docs, ["ktp-2", "kk-1", "kk-1"])).toBeNull();
  });
  it("a replaced document named: DOKUMEN_DIGANTI, naming its slot, even beside the new one", () => {
    expect(dokumenTerlihat(docs, ["ktp-1", "kk-1"])).toMatchObject({ code: "DOKUMEN_DIGANTI", message: expect.stringContaining("KTP") });
    expect(dokumenTerlihat(docs, ["ktp-1", "ktp-2", "kk-1"])?.code).toBe("DOKUMEN_DIGANTI");
  });
  it("a current document missing: DOKUMEN_BELUM_DILIHAT, naming it", () => {
    expect(dokumenTerlihat(docs, ["ktp-2"])).toMatchObject({ code: "DOKUMEN_BELUM_DILIHAT", message: expect.stringContaining("Kartu Keluarga") });
    expect(dokumenTerlihat(docs, [])?.code).toBe("DOKUMEN_BELUM_DILIHAT");
  });
  it("an id that is not one of the request's documents: DOKUMEN_TIDAK_DIKENAL", () => {
    expect(dokumenTerlihat(docs, ["ktp-2", "kk-1", "lain"])?.code).toBe("DOKUMEN_TIDAK_DIKENAL");
  });
});

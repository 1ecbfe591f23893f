import { describe, expect, it } from "vitest";
import { kelompokkanUsulan, kemiripan, kontakUsulan, kunciUsulan, periksaUsulan } from "./usulan-layanan";

describe("requests for missing services: checks", () => {
  it("reports every problem at once, by field", () => {
    expect(periksaUsulan({ instansiId: "", uraian: " ab ", kontak: "x@" }).map((p) => [p.field, p.code])).toEqual([
      ["instansiId", "INSTANSI_REQUIRED"],
      ["uraian", "URAIAN_REQUIRED"],
      ["kontak", "KONTAK_INVALID"],
    ]);
    expect(periksaUsulan({ uraian: "Legalisir ijazah", kontak: "" })).toEqual([]);
    expect(periksaUsulan({ uraian: "y".repeat(501) })[0]!.code).toBe("URAIAN_TOO_LONG");
  });
  it("stores an email in lower case and a phone as 0…; nothing when empty", () => {
    expect(kontakUsulan(" Budi@Contoh.ID ")).toBe("budi@contoh.id");
    expect(kontakUsulan("+62 812-3456-7890")).toBe("081234567890");
    expect(kontakUsulan("  ")).toBeNull();
    expect(kontakUsulan("bukan")).toBeUndefined();
  });
});

describe("requests for missing services: counted together", () => {
  it("the same words in any order, case, accents, punctuation and filler words are one key", () => {
    expect(kunciUsulan("Saya butuh LEGALISIR ijazah secara online!")).toBe("ijazah legalisir");
    expect(kunciUsulan("ijazah, légalisir")).toBe("ijazah legalisir");
    expect(kunciUsulan("layanan")).toBe("layanan");
  });
  it("alike keys join the larger group; unlike ones stay apart", () => {
    expect(kemiripan("izin keramaian", "hajatan izin keramaian")).toBeCloseTo(2 / 3);
    expect(kemiripan("domisili", "usaha")).toBe(0);
    expect(kunciUsulan("Surat keterangan domisili")).toBe("domisili");
    const at = (d: number) => new Date(Date.UTC(2026, 11, d));
    const rows = [
      { id: 1, kunci: "hajatan izin keramaian", createdAt: at(1) },
      { id: 2, kunci: "hajatan izin keramaian", createdAt: at(2) },
      { id: 3, kunci: "izin keramaian pernikahan", createdAt: at(5) },
      { id: 4, kunci: "izin usaha", createdAt: at(4) },
      { id: 5, kunci: "kartu nelayan", createdAt: at(3) },
    ];
    const groups = kelompokkanUsulan(rows);
    expect(groups.map((g) => [g.kunci, g.anggota.map((r) => r.id)])).toEqual([
      ["hajatan izin keramaian", [3, 2, 1]],
      ["izin usaha", [4]],
      ["kartu nelayan", [5]],
    ]);
  });
});

import { describe, expect, it } from "vitest";
import { hitungIkm, isValidSkor, mutu, periodBounds, type Skor } from "./ikm";

describe("IKM", () => {
  it("matches a worked example computed by hand", () => {
    // 4 respondents
    const r: Skor[] = [
      [4, 4, 3, 4, 3, 3, 4, 3, 4], // sum 32
      [3, 3, 3, 4, 3, 3, 3, 3, 3], // sum 28
      [4, 3, 2, 4, 3, 4, 4, 3, 3], // sum 30
      [3, 4, 3, 4, 4, 3, 4, 2, 3], // sum 30
    ];
    const h = hitungIkm(r)!;
    // NRR per element: (4+3+4+3)/4 = 3.5, (4+3+3+4)/4 = 3.5, (3+3+2+3)/4 = 2.75, 4, (3+3+3+4)/4 = 3.25,
    // (3+3+4+3)/4 = 3.25, (4+3+4+4)/4 = 3.75, (3+3+3+2)/4 = 2.75, (4+3+3+3)/4 = 3.25
    expect(h.nrr).toEqual([3.5, 3.5, 2.75, 4, 3.25, 3.25, 3.75, 2.75, 3.25]);
    // Σ NRR = 30; × 1/9 = 3.3333…; × 25 = 83.333…  → B (Baik)
    expect(h.nilaiIndeks).toBeCloseTo(30 / 9, 12);
    expect(h.ikm).toBeCloseTo(83.33333333, 6);
    expect(h.mutu).toEqual({ huruf: "B", label: "Baik" });
    expect(h.responden).toBe(4);
  });

  it("uses exactly 1/9, not the guideline's rounded 0.11", () => {
    const all4: Skor[] = [[4, 4, 4, 4, 4, 4, 4, 4, 4]];
    expect(hitungIkm(all4)!.ikm).toBeCloseTo(100, 10); // with 0.11 it would be 99
    const all1: Skor[] = [[1, 1, 1, 1, 1, 1, 1, 1, 1]];
    expect(hitungIkm(all1)!.ikm).toBeCloseTo(25, 10);
  });

  it("grades at the published boundaries", () => {
    expect(mutu(88.31).huruf).toBe("A");
    expect(mutu(88.3).huruf).toBe("B");
    expect(mutu(76.61).huruf).toBe("B");
    expect(mutu(76.6).huruf).toBe("C");
    expect(mutu(65).huruf).toBe("C");
    expect(mutu(64.99)).toEqual({ huruf: "D", label: "Tidak Baik" });
  });

  it("validates scores and periods", () => {
    expect(isValidSkor([1, 2, 3, 4, 1, 2, 3, 4, 1])).toBe(true);
    expect(isValidSkor([1, 2, 3, 4, 1, 2, 3, 4])).toBe(false);
    expect(isValidSkor([0, 2, 3, 4, 1, 2, 3, 4, 1])).toBe(false);
    expect(isValidSkor([5, 2, 3, 4, 1, 2, 3, 4, 1])).toBe(false);
    expect(isValidSkor([1.5, 2, 3, 4, 1, 2, 3, 4, 1])).toBe(false);
    expect(hitungIkm([])).toBeNull();
    expect(periodBounds("SEMESTER", 2026, 2)).toEqual({ dari: new Date("2026-07-01T00:00:00Z"), sampai: new Date("2027-01-01T00:00:00Z") });
    expect(periodBounds("TRIWULAN", 2026, 4)).toEqual({ dari: new Date("2026-10-01T00:00:00Z"), sampai: new Date("2027-01-01T00:00:00Z") });
    expect(() => periodBounds("TRIWULAN", 2026, 5)).toThrow(RangeError);
  });
});

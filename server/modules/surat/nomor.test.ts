import { describe, expect, it } from "vitest";
import { POLA_BAWAAN, bulanRomawi, checkKode, checkPola, formatNomor, kunciUrutan, normalizeKode, parsePola, tanggalSurat } from "./nomor";

const KEMENAG = "B-{nomor}/Kk.13.19/1/{kode}/{bulan}/{tahun}";
const des2026 = { tahun: 2026, bulan: 12 };

describe("formatNomor", () => {
  it("writes Kemenag's pattern as its letters show it", () => {
    expect(formatNomor(parsePola(KEMENAG, "PER_KODE"), { urutan: 1234, kode: "PP.00", tanggal: des2026 })).toBe("B-1234/Kk.13.19/1/PP.00/12/2026");
  });

  it("pads the running number and the month when asked, never cuts a longer one", () => {
    const t = parsePola("{nomor:3}/{bulan:2}/{tahun}", "BERSAMA");
    expect(formatNomor(t, { urutan: 7, kode: "", tanggal: { tahun: 2027, bulan: 1 } })).toBe("007/01/2027");
    expect(formatNomor(t, { urutan: 1234, kode: "", tanggal: { tahun: 2027, bulan: 11 } })).toBe("1234/11/2027");
    expect(formatNomor(parsePola("{nomor}/{bulan}/{tahun}", "BERSAMA"), { urutan: 7, kode: "", tanggal: { tahun: 2027, bulan: 1 } })).toBe("7/1/2027");
  });

  it("writes months in roman numerals for {bulan_romawi}", () => {
    const t = parsePola(POLA_BAWAAN, "PER_KODE");
    expect(formatNomor(t, { urutan: 5, kode: "HM.01", tanggal: { tahun: 2026, bulan: 4 } })).toBe("5/HM.01/IV/2026");
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(bulanRomawi)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"]);
    expect(() => bulanRomawi(13)).toThrow(RangeError);
  });

  it("refuses a running number below 1", () => {
    const t = parsePola(POLA_BAWAAN, "BERSAMA");
    expect(() => formatNomor(t, { urutan: 0, kode: "", tanggal: des2026 })).toThrow(RangeError);
  });
});

describe("parsePola", () => {
  const code = (pola: string, lingkup: "PER_KODE" | "BERSAMA" = "BERSAMA") => checkPola(pola, lingkup)?.code ?? null;

  it("accepts the documented tokens", () => {
    expect(code(KEMENAG, "PER_KODE")).toBeNull();
    expect(code("{nomor:4}-{kode}-{bulan_romawi}-{bulan:2}-{tahun}", "PER_KODE")).toBeNull();
    expect(code("  470/{nomor}/{tahun}  ")).toBeNull();
  });

  it("names an unknown token with a stable code and lists the tokens in Indonesian", () => {
    const p = checkPola("B-{nomor}/{klasifikasi}/{tahun}", "BERSAMA")!;
    expect(p.code).toBe("POLA_TOKEN_TIDAK_DIKENAL");
    expect(p.message).toContain("{klasifikasi}");
    expect(p.message).toContain("Token yang tersedia");
    expect(code("{nomor}/{TAHUN}")).toBe("POLA_TOKEN_TIDAK_DIKENAL"); // tokens are lower case
    expect(code("{nomor}/{tahun:4}")).toBe("POLA_TOKEN_TIDAK_DIKENAL");
    expect(code("{nomor:3:1}/{tahun}")).toBe("POLA_TOKEN_TIDAK_DIKENAL");
    expect(code("{}/{nomor}/{tahun}")).toBe("POLA_TOKEN_TIDAK_DIKENAL");
  });

  it("requires exactly one {nomor}, a {tahun}, and {kode} when each code counts on its own", () => {
    expect(code("B/{kode}/{tahun}")).toBe("POLA_TANPA_NOMOR");
    expect(code("{nomor}/{nomor}/{tahun}")).toBe("POLA_NOMOR_GANDA");
    expect(code("{nomor}/{kode}")).toBe("POLA_TANPA_TAHUN");
    expect(code("{nomor}/{tahun}", "PER_KODE")).toBe("POLA_TANPA_KODE");
    expect(code("{nomor}/{tahun}", "BERSAMA")).toBeNull();
  });

  it("refuses unbalanced braces, bad widths, empty, overlong and unprintable patterns", () => {
    expect(code("{nomor/{tahun}")).toBe("POLA_TOKEN_TIDAK_DIKENAL"); // `{nomor/{tahun}` is one unknown token
    expect(code("{nomor}/{tahun")).toBe("POLA_KURUNG_TIDAK_SEIMBANG");
    expect(code("{nomor}}/{tahun}")).toBe("POLA_KURUNG_TIDAK_SEIMBANG");
    expect(code("{nomor:0}/{tahun}")).toBe("POLA_LEBAR_TIDAK_SAH");
    expect(code("{nomor:x}/{tahun}")).toBe("POLA_LEBAR_TIDAK_SAH");
    expect(code("{nomor:9}/{tahun}")).toBe("POLA_LEBAR_TIDAK_SAH");
    expect(code("   ")).toBe("POLA_KOSONG");
    expect(code(`{nomor}/{tahun}/${"X".repeat(120)}`)).toBe("POLA_TERLALU_PANJANG");
    expect(code("{nomor}/\u0007/{tahun}")).toBe("POLA_KARAKTER_TIDAK_SAH");
    expect(code("{nomor}/\u202e/{tahun}")).toBe("POLA_KARAKTER_TIDAK_SAH");
  });
});

describe("classification codes", () => {
  it("are upper-cased and limited to letters, digits, dots and hyphens", () => {
    expect(normalizeKode(" pp.00 ")).toBe("PP.00");
    expect(checkKode("PP.00", true)).toBeNull();
    expect(checkKode("400.12-3", true)).toBeNull();
    expect(checkKode("", false)).toBeNull();
    expect(checkKode("", true)?.code).toBe("KODE_WAJIB");
    expect(checkKode("PP/00", true)?.code).toBe("KODE_TIDAK_SAH");
    expect(checkKode(".PP", true)?.code).toBe("KODE_TIDAK_SAH");
    expect(checkKode("P".repeat(31), true)?.code).toBe("KODE_TERLALU_PANJANG");
  });

  it("split the sequence only when the office counts per code", () => {
    expect(kunciUrutan("PER_KODE", "PP.00")).not.toBe(kunciUrutan("PER_KODE", "HM.01"));
    expect(kunciUrutan("BERSAMA", "PP.00")).toBe(kunciUrutan("BERSAMA", "HM.01"));
  });
});

describe("tanggalSurat: the year turns on 1 January in the office's zone, not in UTC", () => {
  it("31 December 23:30 WIB is still 2026; 1 January 00:10 WIB is 2027 (both 31 December in UTC)", () => {
    expect(tanggalSurat(new Date("2026-12-31T16:30:00Z"), "Asia/Jakarta")).toEqual({ tahun: 2026, bulan: 12, hari: 31, iso: "2026-12-31" });
    expect(tanggalSurat(new Date("2026-12-31T17:10:00Z"), "Asia/Jakarta")).toEqual({ tahun: 2027, bulan: 1, hari: 1, iso: "2027-01-01" });
  });

  it("the same instant is already the new year in WIT while still the old one in WIB", () => {
    const at = new Date("2026-12-31T15:30:00Z"); // 22:30 WIB, 00:30 WIT
    expect(tanggalSurat(at, "Asia/Jakarta").tahun).toBe(2026);
    expect(tanggalSurat(at, "Asia/Jayapura").tahun).toBe(2027);
  });
});

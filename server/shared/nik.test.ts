import { describe, expect, it } from "vitest";
import { NIK_ERROR_MESSAGES, PROVINCE_CODES, maskIdentity, maskNik, validateNik } from "./nik";

// 25 March 2026, midday WIB
const NOW = new Date("2026-03-25T12:00:00+07:00");

const errorCode = (input: string, now = NOW) => {
  const r = validateNik(input, now);
  return r.ok ? "OK" : r.code;
};

describe("validateNik", () => {
  it("accepts a male NIK and reads birth date, sex and province", () => {
    expect(validateNik("3519010108900001", NOW)).toEqual({
      ok: true,
      nik: "3519010108900001",
      birthDate: "1990-08-01",
      sex: "L",
      provinceCode: "35",
      warnings: [],
    });
  });

  it("reads women’s birth day minus 40", () => {
    const r = validateNik("3519014108900002", NOW);
    expect(r).toMatchObject({ ok: true, birthDate: "1990-08-01", sex: "P" });
    expect(validateNik("3519017101950002", NOW)).toMatchObject({ ok: true, birthDate: "1995-01-31", sex: "P" });
  });

  it("strips whitespace only", () => {
    expect(validateNik(" 3519 0101 0890 0001\n", NOW)).toMatchObject({ ok: true, nik: "3519010108900001" });
    expect(errorCode("3519.0101.0890.0001")).toBe("NIK_FORMAT");
    expect(errorCode("3519-0101-0890-0001")).toBe("NIK_FORMAT");
  });

  it("rejects non-digits and wrong lengths", () => {
    expect(errorCode("35190101089O0001")).toBe("NIK_FORMAT"); // letter O
    expect(errorCode("351901010890001")).toBe("NIK_FORMAT"); // 15
    expect(errorCode("35190101089000011")).toBe("NIK_FORMAT"); // 17
    expect(errorCode("")).toBe("NIK_FORMAT");
    expect(errorCode("٣٥١٩٠١٠١٠٨٩٠٠٠٠١")).toBe("NIK_FORMAT"); // Arabic-Indic digits
  });

  it("rejects impossible birth dates", () => {
    expect(errorCode("3519013102900001")).toBe("NIK_BIRTHDATE"); // 31 Feb
    expect(errorCode("3519017102900001")).toBe("NIK_BIRTHDATE"); // 31 Feb, female
    expect(errorCode("3519010002900001")).toBe("NIK_BIRTHDATE"); // day 00
    expect(errorCode("3519013201900001")).toBe("NIK_BIRTHDATE"); // day 32
    expect(errorCode("3519014001900001")).toBe("NIK_BIRTHDATE"); // day 40 → 0
    expect(errorCode("3519017201900001")).toBe("NIK_BIRTHDATE"); // day 72
    expect(errorCode("3519010100900001")).toBe("NIK_BIRTHDATE"); // month 00
    expect(errorCode("3519010113900001")).toBe("NIK_BIRTHDATE"); // month 13
  });

  it("29 February depends on the resolved century", () => {
    expect(validateNik("3519012902000001", NOW)).toMatchObject({ ok: true, birthDate: "2000-02-29" });
    expect(validateNik("3519016902040001", NOW)).toMatchObject({ ok: true, birthDate: "2004-02-29", sex: "P" });
    expect(errorCode("3519012902010001")).toBe("NIK_BIRTHDATE"); // neither 2001 nor 1901 is a leap year
  });

  it("resolves the two-digit year to the latest date not in the future", () => {
    expect(validateNik("3519012503260001", NOW)).toMatchObject({ ok: true, birthDate: "2026-03-25" }); // today
    expect(validateNik("3519012603260001", NOW)).toMatchObject({ ok: true, birthDate: "1926-03-26" }); // tomorrow
    expect(validateNik("3519010101250001", NOW)).toMatchObject({ ok: true, birthDate: "2025-01-01" });
    expect(validateNik("3519010101270001", NOW)).toMatchObject({ ok: true, birthDate: "1927-01-01" });
    expect(validateNik("3519010101000001", NOW)).toMatchObject({ ok: true, birthDate: "2000-01-01" });
    expect(validateNik("3519010101990001", NOW)).toMatchObject({ ok: true, birthDate: "1999-01-01" });
  });

  it('"today" is the latest date in Indonesia (WIT)', () => {
    const lateEvening = new Date("2026-03-25T16:00:00Z"); // 23.00 WIB on the 25th, 01.00 WIT on the 26th
    expect(validateNik("3519012603260001", lateEvening)).toMatchObject({ ok: true, birthDate: "2026-03-26" });
    expect(validateNik("3519012703260001", lateEvening)).toMatchObject({ ok: true, birthDate: "1926-03-27" });
  });

  it("reports a future birth date when no century fits (clock before 2000)", () => {
    const old = new Date("1990-01-01T00:00:00Z");
    expect(errorCode("3519010101950001", old)).toBe("NIK_FUTURE_BIRTHDATE");
    expect(validateNik("3519010101850001", old)).toMatchObject({ ok: true, birthDate: "1985-01-01" });
  });

  it("checks the province code", () => {
    expect(errorCode("1019010108900001")).toBe("NIK_PROVINCE");
    expect(errorCode("0019010108900001")).toBe("NIK_PROVINCE");
    expect(errorCode("2019010108900001")).toBe("NIK_PROVINCE");
    expect(errorCode("3719010108900001")).toBe("NIK_PROVINCE");
    expect(errorCode("9719010108900001")).toBe("NIK_PROVINCE");
    expect(errorCode("2171010108900001")).toBe("OK"); // Kepulauan Riau
    expect(errorCode("9601010108900001")).toBe("OK"); // Papua Barat Daya
    expect(PROVINCE_CODES.size).toBe(38);
  });

  it("rejects serial 0000", () => {
    expect(errorCode("3519010108900000")).toBe("NIK_SERIAL");
    expect(errorCode("3519010108909999")).toBe("OK");
  });

  it("warns, not rejects, on area code 00", () => {
    expect(validateNik("3500010108900001", NOW)).toMatchObject({ ok: true, warnings: ["NIK_AREA_UNKNOWN"] });
    expect(validateNik("3519000108900001", NOW)).toMatchObject({ ok: true, warnings: ["NIK_AREA_UNKNOWN"] });
    expect(validateNik("3519990108900001", NOW)).toMatchObject({ ok: true, warnings: [] });
  });

  it("gives Indonesian messages that never echo the number", () => {
    const r = validateNik("3519013102900001", NOW);
    expect(r).toEqual({ ok: false, code: "NIK_BIRTHDATE", message: NIK_ERROR_MESSAGES.NIK_BIRTHDATE });
    for (const message of Object.values(NIK_ERROR_MESSAGES)) {
      expect(message).toMatch(/NIK/);
      expect(message).not.toMatch(/\d{6}/);
    }
  });
});

describe("masking", () => {
  it("masks a NIK as first 4, 8 stars, last 4", () => {
    expect(maskNik("3519010108900001")).toBe("3519********0001");
    expect(maskIdentity("3519 0101 0890 0001")).toBe("3519********0001");
  });

  it("masks a NIP as first 4, 10 stars, last 4", () => {
    expect(maskIdentity("196608011988031001")).toBe("1966**********1001");
    expect(maskIdentity("19660801 198803 1 001")).toBe("1966**********1001");
  });

  it("masks short values entirely", () => {
    expect(maskIdentity("12345678")).toBe("********");
    expect(maskIdentity("")).toBe("");
  });
});

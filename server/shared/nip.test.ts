import { describe, expect, it } from "vitest";
import { NIP_ERROR_MESSAGES, maskNip, validateNip } from "./nip";

// 25 March 2026, midday WIB
const NOW = new Date("2026-03-25T12:00:00+07:00");

const errorCode = (input: string, options = {}) => {
  const r = validateNip(input, NOW, options);
  return r.ok ? r.kind : r.code;
};

describe("validateNip", () => {
  it("accepts the Perka BKN example with spaces", () => {
    expect(validateNip("19660801 198803 1 001", NOW)).toEqual({
      ok: true,
      nip: "196608011988031001",
      kind: "PNS",
      birthDate: "1966-08-01",
      appointment: "1988-03",
      sex: "L",
      warnings: [],
    });
    expect(validateNip("199212312019032005", NOW)).toMatchObject({
      ok: true,
      kind: "PNS",
      birthDate: "1992-12-31",
      appointment: "2019-03",
      sex: "P",
    });
  });

  it("rejects wrong length and non-digits", () => {
    expect(errorCode("19660801198803100")).toBe("NIP_FORMAT"); // 17
    expect(errorCode("1966080119880310011")).toBe("NIP_FORMAT"); // 19
    expect(errorCode("19660801-198803-1-001")).toBe("NIP_FORMAT");
    expect(errorCode("1966080I1988031001")).toBe("NIP_FORMAT"); // letter I
  });

  it("rejects a bad or future birth date", () => {
    expect(errorCode("196602301988031001")).toBe("NIP_BIRTHDATE"); // 30 Feb
    expect(errorCode("196613011988031001")).toBe("NIP_BIRTHDATE"); // month 13
    expect(errorCode("196608001988031001")).toBe("NIP_BIRTHDATE"); // day 00
    expect(errorCode("197002291995031001")).toBe("NIP_BIRTHDATE"); // 1970 not a leap year
    expect(errorCode("197202291995031001")).toBe("PNS");
    expect(errorCode("202603262026031001")).toBe("NIP_FUTURE_BIRTHDATE"); // tomorrow
  });

  it("rejects serial 000", () => {
    expect(errorCode("196608011988031000")).toBe("NIP_SERIAL");
    expect(errorCode("198503122021212000")).toBe("NIP_SERIAL"); // also for PPPK-shaped numbers
  });

  it("accepts PPPK-shaped numbers with a valid birth date, flagged as PPPK", () => {
    // month field 21: not a PNS appointment month
    expect(validateNip("198503122021212001", NOW)).toEqual({
      ok: true,
      nip: "198503122021212001",
      kind: "PPPK",
      birthDate: "1985-03-12",
      appointment: null,
      sex: "P",
      warnings: ["NIP_APPOINTMENT_NOT_PNS"],
    });
    expect(validateNip("196608011988033001", NOW)).toMatchObject({
      ok: true,
      kind: "PPPK",
      appointment: "1988-03",
      sex: null,
      warnings: ["NIP_GENDER_NOT_PNS"],
    });
    expect(validateNip("196608011988000001", NOW)).toMatchObject({
      ok: true,
      kind: "PPPK",
      appointment: null,
      sex: null,
      warnings: ["NIP_APPOINTMENT_NOT_PNS", "NIP_GENDER_NOT_PNS"],
    });
  });

  it("PNS appointment: after the birth year, not after the current month", () => {
    expect(errorCode("199001012026031001")).toBe("PNS"); // March 2026 = this month
    expect(errorCode("199001012026041001")).toBe("PPPK"); // April 2026 is in the future
    expect(errorCode("196608011966091001")).toBe("PPPK"); // same year as birth
    expect(errorCode("196608011960031001")).toBe("PPPK"); // before birth
    expect(errorCode("196608011967011001")).toBe("PNS"); // lenient: any later year
  });

  it("can require the PNS layout", () => {
    const strict = { acceptPppk: false };
    expect(errorCode("198503122021212001", strict)).toBe("NIP_APPOINTMENT");
    expect(errorCode("196608011988033001", strict)).toBe("NIP_GENDER");
    expect(errorCode("199001012026041001", strict)).toBe("NIP_APPOINTMENT");
    expect(errorCode("196608011988031001", strict)).toBe("PNS");
  });

  it("gives Indonesian messages", () => {
    expect(validateNip("123", NOW)).toEqual({
      ok: false,
      code: "NIP_FORMAT",
      message: "NIP harus terdiri dari 18 angka.",
    });
    for (const message of Object.values(NIP_ERROR_MESSAGES)) expect(message).toMatch(/NIP/);
  });

  it("masks", () => {
    expect(maskNip("196608011988031001")).toBe("1966**********1001");
  });
});

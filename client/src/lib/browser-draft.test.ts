import { describe, expect, it } from "vitest";
import { containsIdentityNumber } from "./browser-draft";

describe("what the browser never keeps of an unsent form", () => {
  it("a 16-digit number (a NIK or KK number), however it is grouped", () => {
    for (const text of ["3301010190000001", "NIK saya 3301 0101 9000 0001.", "3301.0101.9000.0001", "KK 3301-0101-9000-0001"]) {
      expect(containsIdentityNumber(text), text).toBe(true);
    }
  });

  it("but not the ordinary numbers of a complaint: times, amounts, phone numbers, dates", () => {
    for (const text of ["Sejak pukul 08.00 sampai 11.00", "Rp50.000 diminta di loket 2", "hubungi 081234567890", "tanggal 20-01-2027", "123456789012345"]) {
      expect(containsIdentityNumber(text), text).toBe(false);
    }
  });
});

import { describe, expect, it } from "vitest";
import { summariseHours } from "./instansi-card";

describe("summariseHours", () => {
  it("merges consecutive days with the same hours (the MasPeci office hours)", () => {
    const jam = [1, 2, 3, 4].map((hari) => ({ hari, buka: "08:00", tutup: "15:30" })).concat([{ hari: 5, buka: "08:00", tutup: "16:00" }]);
    expect(summariseHours(jam)).toEqual([
      { days: "Senin – Kamis", hours: "08.00–15.30" },
      { days: "Jumat", hours: "08.00–16.00" },
      { days: "Sabtu – Minggu", hours: "Tutup" },
    ]);
  });

  it("lists split shifts of one day together", () => {
    const jam = [
      { hari: 6, buka: "13:00", tutup: "15:00" },
      { hari: 6, buka: "08:00", tutup: "12:00" },
    ];
    expect(summariseHours(jam)).toEqual([
      { days: "Senin – Jumat", hours: "Tutup" },
      { days: "Sabtu", hours: "08.00–12.00, 13.00–15.00" },
      { days: "Minggu", hours: "Tutup" },
    ]);
  });
});

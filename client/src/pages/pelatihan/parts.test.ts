import { describe, expect, it } from "vitest";
import { kursiText, waktuSesi } from "./parts";

const WIB = { zonaWaktu: "Asia/Jakarta", zonaWaktuLabel: "WIB" };
const WIT = { zonaWaktu: "Asia/Jayapura", zonaWaktuLabel: "WIT" };

describe("waktuSesi", () => {
  it("writes a session of one day with its hours on the office's clock", () => {
    expect(waktuSesi({ mulai: "2026-12-07T01:00:00.000Z", selesai: "2026-12-07T04:00:00.000Z" }, WIB)).toBe("Senin, 7 Desember 2026, 08.00–11.00 WIB");
  });

  it("uses the office's zone, not the browser's, for the day as well as the hour", () => {
    // 23.00 UTC on the 6th is 08.00 on the 7th in Jayapura
    expect(waktuSesi({ mulai: "2026-12-06T23:00:00.000Z", selesai: "2026-12-07T02:00:00.000Z" }, WIT)).toBe("Senin, 7 Desember 2026, 08.00–11.00 WIT");
  });

  it("writes both days of a session that spans several", () => {
    expect(waktuSesi({ mulai: "2026-12-07T01:00:00.000Z", selesai: "2026-12-08T09:00:00.000Z" }, WIB)).toBe(
      "Senin, 7 Desember 2026, 08.00 – Selasa, 8 Desember 2026, 16.00 WIB",
    );
  });
});

describe("kursiText", () => {
  it("says the seats left, or that new registrations wait", () => {
    expect(kursiText({ sisaKursi: 3, kapasitas: 20 })).toBe("Sisa 3 dari 20 kursi");
    expect(kursiText({ sisaKursi: 0, kapasitas: 2 })).toBe("Kursi penuh (2 kursi): pendaftar baru masuk daftar tunggu");
  });
});

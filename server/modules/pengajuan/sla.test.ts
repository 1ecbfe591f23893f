import { describe, expect, it } from "vitest";
import { buildCalendar, MASPECI_HOURS } from "../calendar/working-time";
import { HOLIDAYS_2026 } from "../calendar/holidays-2026";
import { clockOnTransition, clockStops, deadline, pause, remaining, terlambat, type SlaState } from "./sla";
import type { PengajuanStatus } from "../../generated/prisma/enums";

const cal = buildCalendar({
  timeZone: "Asia/Jakarta",
  hours: MASPECI_HOURS,
  holidays: HOLIDAYS_2026.map((h) => ({ date: h.date, kind: h.kind })),
  cutiBersamaLibur: true,
  closures: [],
});
const wib = (s: string) => new Date(`${s}+07:00`);

describe("SLA clock", () => {
  it("counts working days from verification, the day itself not counted", () => {
    // verified Monday 2026-11-16 10:00; 3 working days → Thursday 19 Nov 15:30
    expect(deadline(cal, { jumlah: 3, satuan: "HARI_KERJA" }, { mulaiAt: wib("2026-11-16T10:00:00"), sisaMenit: null })!.at).toEqual(
      wib("2026-11-19T15:30:00"),
    );
  });
  it("counts minutes of open time only (15 minutes at 15:20 on a Monday runs into Tuesday)", () => {
    expect(deadline(cal, { jumlah: 15, satuan: "MENIT" }, { mulaiAt: wib("2026-11-16T15:20:00"), sisaMenit: null })!.at).toEqual(wib("2026-11-17T08:05:00"));
  });
  it("counts working hours across a weekend", () => {
    // Friday 2026-11-20 14:00 + 4 working hours: 2 h on Friday (to 16:00), 2 h on Monday → 10:00
    expect(deadline(cal, { jumlah: 4, satuan: "JAM_KERJA" }, { mulaiAt: wib("2026-11-20T14:00:00"), sisaMenit: null })!.at).toEqual(wib("2026-11-23T10:00:00"));
  });
  it("waits while the applicant fixes documents and resumes with what was left", () => {
    // 2 working days from Monday 16 Nov 08:00 → Wednesday 18 Nov 15:30; paused Tuesday 17 Nov 08:00
    const first = deadline(cal, { jumlah: 2, satuan: "HARI_KERJA" }, { mulaiAt: wib("2026-11-16T08:00:00"), sisaMenit: null })!.at;
    expect(first).toEqual(wib("2026-11-18T15:30:00"));
    const paused = pause(cal, first, wib("2026-11-17T08:00:00"));
    expect(paused).toEqual({ mulaiAt: null, sisaMenit: 2 * 450 }); // Tue + Wed, 7.5 h each
    expect(deadline(cal, { jumlah: 2, satuan: "HARI_KERJA" }, paused)).toBeNull();
    // resumed Friday 20 Nov 08:00: 900 minutes → Friday (480) + Monday 420 → Monday 23 Nov 15:00
    expect(deadline(cal, { jumlah: 2, satuan: "HARI_KERJA" }, { mulaiAt: wib("2026-11-20T08:00:00"), sisaMenit: 900 })!.at).toEqual(wib("2026-11-23T15:00:00"));
  });
  it("an overdue clock pauses at zero and remaining goes negative", () => {
    const t = wib("2026-11-18T15:30:00");
    expect(pause(cal, t, wib("2026-11-19T09:00:00")).sisaMenit).toBe(0);
    expect(remaining(cal, t, wib("2026-11-19T09:00:00"))).toBe(-60);
  });
});

describe("the clock across status changes", () => {
  const sla = { jumlah: 2, satuan: "HARI_KERJA" } as const;
  const at = wib("2026-11-16T08:00:00");
  const fresh: SlaState = { status: "DIAJUKAN", tenggat: null, slaSisaMenit: null, diverifikasiAt: null };

  it("starts when the documents are declared complete, with the full SLA", () => {
    expect(clockOnTransition(cal, sla, fresh, "DIVERIFIKASI", at)).toEqual({
      diverifikasiAt: at,
      slaMulaiAt: at,
      tenggat: wib("2026-11-18T15:30:00"),
      tenggatSementara: false,
    });
  });
  it("resumes with what was left, keeping the first verification time", () => {
    const first = wib("2026-11-10T08:00:00");
    const resumed = clockOnTransition(cal, sla, { ...fresh, slaSisaMenit: 900, diverifikasiAt: first }, "DIVERIFIKASI", wib("2026-11-20T08:00:00"));
    expect(resumed).toMatchObject({ diverifikasiAt: first, slaMulaiAt: wib("2026-11-20T08:00:00"), tenggat: wib("2026-11-23T15:00:00") });
  });
  it("keeps running from verification to processing", () => {
    const running: SlaState = { status: "DIVERIFIKASI", tenggat: wib("2026-11-18T15:30:00"), slaSisaMenit: null, diverifikasiAt: at };
    expect(clockOnTransition(cal, sla, running, "DIPROSES", wib("2026-11-17T08:00:00"))).toEqual({});
  });
  it("pauses while the applicant fixes things, keeping the working minutes left", () => {
    for (const status of ["DIVERIFIKASI", "DIPROSES"] as const) {
      const running: SlaState = { status, tenggat: wib("2026-11-18T15:30:00"), slaSisaMenit: null, diverifikasiAt: at };
      expect(clockOnTransition(cal, sla, running, "PERLU_PERBAIKAN", wib("2026-11-17T08:00:00"))).toEqual({
        slaMulaiAt: null,
        slaSisaMenit: 900,
        tenggat: null,
        tenggatSementara: false,
      });
    }
  });
  it("a fix asked for before verification touches nothing (the clock has not started)", () => {
    expect(clockOnTransition(cal, sla, fresh, "PERLU_PERBAIKAN", at)).toEqual({});
  });
  it("stops for good when the result is ready or the request is closed; the deadline stays for the record", () => {
    const stops: PengajuanStatus[] = ["SELESAI", "SIAP_DIAMBIL", "DIAMBIL", "DITOLAK", "DIBATALKAN"];
    for (const ke of stops) {
      expect(clockStops(ke)).toBe(true);
      expect(clockOnTransition(cal, sla, { ...fresh, status: "DIPROSES", tenggat: at }, ke, at)).toEqual({ slaMulaiAt: null });
    }
    expect(clockStops("DIPROSES")).toBe(false);
  });
});

describe("overdue", () => {
  const past = wib("2026-11-16T08:00:00");
  const now = wib("2026-11-17T08:00:00");
  it("only while the clock runs and past its deadline", () => {
    expect(terlambat({ status: "DIPROSES", tenggat: past }, now)).toBe(true);
    expect(terlambat({ status: "DIVERIFIKASI", tenggat: past }, now)).toBe(true);
    expect(terlambat({ status: "DIPROSES", tenggat: now }, now)).toBe(false);
    expect(terlambat({ status: "DIPROSES", tenggat: null }, now)).toBe(false);
    for (const status of ["SELESAI", "SIAP_DIAMBIL", "DIAMBIL", "DITOLAK", "PERLU_PERBAIKAN"] as const)
      expect(terlambat({ status, tenggat: past }, now)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { buildCalendar, MASPECI_HOURS } from "../calendar/working-time";
import { HOLIDAYS_2026 } from "../calendar/holidays-2026";
import { deadline, pause, remaining } from "./sla";

const cal = buildCalendar({ timeZone: "Asia/Jakarta", hours: MASPECI_HOURS, holidays: HOLIDAYS_2026.map((h) => ({ date: h.date, kind: h.kind })), cutiBersamaLibur: true, closures: [] });
const wib = (s: string) => new Date(`${s}+07:00`);

describe("SLA clock", () => {
  it("counts working days from verification, the day itself not counted", () => {
    // verified Monday 2026-11-16 10:00; 3 working days → Thursday 19 Nov 15:30
    expect(deadline(cal, { jumlah: 3, satuan: "HARI_KERJA" }, { mulaiAt: wib("2026-11-16T10:00:00"), sisaMenit: null })!.at).toEqual(wib("2026-11-19T15:30:00"));
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

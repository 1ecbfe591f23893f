// Every expected instant below was worked out by hand on the 2026 calendar
// (1 Jan 2026 is a Thursday; 1 Mar a Sunday; 1 May a Friday; 10 Aug a Monday; 31 Dec a Thursday).
import { describe, expect, it } from "vitest";
import { HOLIDAYS_2026 } from "./holidays-2026";
import {
  MASPECI_HOURS,
  MAX_SEARCH_DAYS,
  TIME_ZONES,
  addCalendarHours,
  addWorkingDays,
  addWorkingDaysSameTime,
  addWorkingMinutes,
  buildCalendar,
  openIntervals,
  complaintFollowUpDeadline,
  computeDeadline,
  explainDeadline,
  formatLocal,
  isOpen,
  isWorkingDay,
  localDateOf,
  nextOpening,
  workingDaysBetween,
  workingMinutesBetween,
  type DeadlineRule,
  type OfficeCalendar,
  type OfficeHours,
} from "./working-time";

const maspeci = (opts: { cutiBersamaLibur?: boolean; timeZone?: string; closures?: string[] } = {}) =>
  buildCalendar({
    timeZone: opts.timeZone ?? "Asia/Jakarta",
    hours: MASPECI_HOURS,
    holidays: HOLIDAYS_2026,
    cutiBersamaLibur: opts.cutiBersamaLibur ?? true,
    closures: opts.closures ?? [],
  });

/** A seeded, deterministic random number generator (mulberry32): the same cases on every run. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cal = maspeci();
const calNoCuti = maspeci({ cutiBersamaLibur: false });

/** Local WIB wall time → Date. */
const wib = (local: string) => new Date(`${local}:00+07:00`);
/** Normalises an expected ISO instant with offset for comparison. */
const iso = (s: string) => new Date(s).toISOString();

describe("holiday table 2026", () => {
  it("matches the SKB dates in domain.md", () => {
    const nasional = HOLIDAYS_2026.filter((r) => r.kind === "LIBUR_NASIONAL").map((r) => r.date);
    const cuti = HOLIDAYS_2026.filter((r) => r.kind === "CUTI_BERSAMA").map((r) => r.date);
    expect(nasional).toEqual([
      "2026-01-01",
      "2026-01-16",
      "2026-02-17",
      "2026-03-19",
      "2026-03-21",
      "2026-03-22",
      "2026-04-03",
      "2026-04-05",
      "2026-05-01",
      "2026-05-14",
      "2026-05-27",
      "2026-05-31",
      "2026-06-01",
      "2026-06-16",
      "2026-08-17",
      "2026-08-25",
      "2026-12-25",
    ]);
    expect(cuti).toEqual(["2026-02-16", "2026-03-18", "2026-03-20", "2026-03-23", "2026-03-24", "2026-05-15", "2026-05-28", "2026-12-24"]);
    for (const r of HOLIDAYS_2026) {
      expect(r.decree).toContain("Nomor 1497 Tahun 2025");
      expect(r.name.length).toBeGreaterThan(5);
    }
  });
});

describe("buildCalendar", () => {
  it("rejects zones outside Indonesia and bad dates", () => {
    const base = { hours: MASPECI_HOURS, holidays: [], cutiBersamaLibur: true, closures: [] };
    expect(() => buildCalendar({ ...base, timeZone: "Europe/Berlin" })).toThrow(/Unsupported time zone/);
    expect(() => buildCalendar({ ...base, timeZone: "UTC" })).toThrow(/Unsupported time zone/);
    expect(() => buildCalendar({ ...base, timeZone: "Asia/Jakarta", closures: ["2026-02-30"] })).toThrow(/YYYY-MM-DD/);
    expect(() => buildCalendar({ ...base, timeZone: "Asia/Jakarta", hours: [{ weekday: 1, open: 600, close: 500 }] })).toThrow(/open < close/);
  });

  it("derives knownYears from the holiday rows unless given", () => {
    expect([...cal.knownYears]).toEqual([2026]);
    const explicit = buildCalendar({
      timeZone: "Asia/Jakarta",
      hours: MASPECI_HOURS,
      holidays: HOLIDAYS_2026,
      cutiBersamaLibur: true,
      closures: [],
      knownYears: [2026, 2027],
    });
    expect([...explicit.knownYears]).toEqual([2026, 2027]);
  });

  it("throws on a calendar without any opening hours instead of looping", () => {
    expect(() => buildCalendar({ timeZone: "Asia/Jakarta", hours: [], holidays: [], cutiBersamaLibur: true, closures: [] })).toThrow(/no opening hours/);
    const handMade: OfficeCalendar = {
      timeZone: "Asia/Jakarta",
      hours: [],
      closedDates: new Set(),
      knownYears: new Set([2026]),
    };
    expect(() => nextOpening(handMade, wib("2026-03-04T10:00"))).toThrow(/no opening hours/);
    expect(() => addWorkingDays(handMade, wib("2026-03-04T10:00"), 1)).toThrow(/no opening hours/);
    expect(() => addWorkingMinutes(handMade, wib("2026-03-04T10:00"), 60)).toThrow(/no opening hours/);
  });

  it("gives up after MAX_SEARCH_DAYS consecutive closed days", () => {
    // open on Mondays only, and every Monday from 2026 to 2037 closed
    const closures: string[] = [];
    for (let t = Date.UTC(2026, 0, 5); t < Date.UTC(2038, 0, 1); t += 7 * 86_400_000) {
      closures.push(new Date(t).toISOString().slice(0, 10));
    }
    const shut = buildCalendar({
      timeZone: "Asia/Jakarta",
      hours: [{ weekday: 1, open: 480, close: 900 }],
      holidays: [],
      cutiBersamaLibur: true,
      closures,
    });
    expect(MAX_SEARCH_DAYS).toBe(3660);
    expect(() => addWorkingDays(shut, wib("2026-01-02T10:00"), 1)).toThrow(RangeError);
    expect(() => nextOpening(shut, wib("2026-01-02T10:00"))).toThrow(/No working day/);
  });
});

describe("isWorkingDay", () => {
  it("weekends are closed", () => {
    expect(isWorkingDay(cal, "2026-03-25")).toBe(true); // Wed
    expect(isWorkingDay(cal, "2026-03-28")).toBe(false); // Sat
    expect(isWorkingDay(cal, "2026-03-29")).toBe(false); // Sun
  });

  it("national holidays are closed", () => {
    expect(isWorkingDay(cal, "2026-08-17")).toBe(false); // Mon, Proklamasi
    expect(isWorkingDay(calNoCuti, "2026-08-17")).toBe(false);
    expect(isWorkingDay(cal, "2026-04-03")).toBe(false); // Fri, Wafat Yesus Kristus
  });

  it("cuti bersama follows the office switch", () => {
    expect(isWorkingDay(cal, "2026-03-23")).toBe(false); // Mon, cuti bersama Idulfitri
    expect(isWorkingDay(calNoCuti, "2026-03-23")).toBe(true);
    expect(isWorkingDay(cal, "2026-12-24")).toBe(false); // Thu, cuti bersama Natal
    expect(isWorkingDay(calNoCuti, "2026-12-24")).toBe(true);
  });

  it("office closures are closed", () => {
    const closed = maspeci({ closures: ["2026-03-26"] });
    expect(isWorkingDay(closed, "2026-03-26")).toBe(false);
    expect(isWorkingDay(closed, "2026-03-27")).toBe(true);
  });

  it("1 January is a holiday even in a year without a table", () => {
    expect(isWorkingDay(cal, "2027-01-01")).toBe(false); // Fri
    expect(isWorkingDay(cal, "2027-01-04")).toBe(true); // Mon
    const empty = buildCalendar({
      timeZone: "Asia/Jakarta",
      hours: MASPECI_HOURS,
      holidays: [],
      cutiBersamaLibur: true,
      closures: [],
    });
    expect(isWorkingDay(empty, "2026-01-01")).toBe(false); // Thu
    expect(isWorkingDay(empty, "2026-01-02")).toBe(true); // Fri
  });

  it("rejects malformed dates", () => {
    expect(() => isWorkingDay(cal, "2026-3-25")).toThrow(RangeError);
    expect(() => isWorkingDay(cal, "2026-02-29")).toThrow(RangeError);
  });
});

describe("isOpen and nextOpening", () => {
  it("opening is inclusive, closing exclusive", () => {
    expect(isOpen(cal, wib("2026-03-25T07:59"))).toBe(false);
    expect(isOpen(cal, wib("2026-03-25T08:00"))).toBe(true);
    expect(isOpen(cal, wib("2026-03-25T15:29"))).toBe(true);
    expect(isOpen(cal, wib("2026-03-25T15:30"))).toBe(false);
    expect(isOpen(cal, wib("2026-03-28T10:00"))).toBe(false); // Sat
  });

  it("Friday closes later", () => {
    expect(isOpen(cal, wib("2026-03-26T15:45"))).toBe(false); // Thu
    expect(isOpen(cal, wib("2026-03-27T15:45"))).toBe(true); // Fri
    expect(isOpen(cal, wib("2026-03-27T16:00"))).toBe(false);
  });

  it("returns the instant itself when open", () => {
    expect(nextOpening(cal, wib("2026-03-25T10:17")).toISOString()).toBe(iso("2026-03-25T10:17+07:00"));
  });

  it("skips evenings, weekends and holidays", () => {
    expect(nextOpening(cal, wib("2026-03-04T20:00")).toISOString()).toBe(iso("2026-03-05T08:00+07:00"));
    expect(nextOpening(cal, wib("2026-03-05T06:30")).toISOString()).toBe(iso("2026-03-05T08:00+07:00"));
    expect(nextOpening(cal, wib("2026-03-27T16:00")).toISOString()).toBe(iso("2026-03-30T08:00+07:00"));
    // Tue 17 March after closing: 18–24 March closed with cuti bersama, open 18 and 20 without
    expect(nextOpening(cal, wib("2026-03-17T16:00")).toISOString()).toBe(iso("2026-03-25T08:00+07:00"));
    expect(nextOpening(calNoCuti, wib("2026-03-17T16:00")).toISOString()).toBe(iso("2026-03-18T08:00+07:00"));
    expect(nextOpening(calNoCuti, wib("2026-03-18T16:00")).toISOString()).toBe(iso("2026-03-20T08:00+07:00"));
  });
});

describe('addWorkingDaysSameTime ("2x24 jam kerja")', () => {
  it("MasPeci example: Wednesday 14.00 → Friday 14.00", () => {
    const d = addWorkingDaysSameTime(cal, wib("2026-03-04T14:00"), 2);
    expect(d.at.toISOString()).toBe(iso("2026-03-06T14:00+07:00"));
    expect(d.provisional).toBe(false);
  });

  it("received outside office hours counts from the next opening", () => {
    // Wed 20.00 → Thu 08.00 → Fri (1), Mon (2)
    const d = addWorkingDaysSameTime(cal, wib("2026-03-04T20:00"), 2);
    expect(d.at.toISOString()).toBe(iso("2026-03-09T08:00+07:00"));
    // Saturday → Monday 08.00 → Wednesday 08.00
    expect(addWorkingDaysSameTime(cal, wib("2026-03-07T11:00"), 2).at.toISOString()).toBe(iso("2026-03-11T08:00+07:00"));
  });

  it("a holiday in between pushes it on", () => {
    // Wed 13 May; Thu 14 Kenaikan, Fri 15 cuti bersama → Mon 18 (1), Tue 19 (2)
    expect(addWorkingDaysSameTime(cal, wib("2026-05-13T14:00"), 2).at.toISOString()).toBe(iso("2026-05-19T14:00+07:00"));
    // without cuti bersama: Fri 15 (1), Mon 18 (2)
    expect(addWorkingDaysSameTime(calNoCuti, wib("2026-05-13T14:00"), 2).at.toISOString()).toBe(iso("2026-05-18T14:00+07:00"));
  });

  it("clamps to the closing time of a shorter day", () => {
    // Fri 6 March 15.45 (open until 16.00) → Mon 9 March, which closes at 15.30
    expect(addWorkingDaysSameTime(cal, wib("2026-03-06T15:45"), 1).at.toISOString()).toBe(iso("2026-03-09T15:30+07:00"));
    expect(addWorkingDaysSameTime(cal, wib("2026-03-06T15:45"), 2).at.toISOString()).toBe(iso("2026-03-10T15:30+07:00"));
    // Thu 15.45 is after Thursday's close → Fri 08.00 → Tue 08.00
    expect(addWorkingDaysSameTime(cal, wib("2026-03-05T15:45"), 2).at.toISOString()).toBe(iso("2026-03-10T08:00+07:00"));
  });

  it("crosses the year end: into 2027 is provisional, 1 Jan 2027 still a holiday", () => {
    // Wed 30 Dec 10.00 → Thu 31 (1), Fri 1 Jan holiday, Mon 4 Jan (2)
    const d = addWorkingDaysSameTime(cal, wib("2026-12-30T10:00"), 2);
    expect(d.at.toISOString()).toBe(iso("2027-01-04T10:00+07:00"));
    expect(d.provisional).toBe(true);
    const inside = addWorkingDaysSameTime(cal, wib("2026-12-28T10:00"), 2);
    expect(inside.at.toISOString()).toBe(iso("2026-12-30T10:00+07:00"));
    expect(inside.provisional).toBe(false);
  });

  it("per-office complaint rule: working days or plain clock hours", () => {
    expect(complaintFollowUpDeadline(cal, wib("2026-05-13T14:00"), "HARI_KERJA").at.toISOString()).toBe(iso("2026-05-19T14:00+07:00"));
    const clock = complaintFollowUpDeadline(cal, wib("2026-05-13T14:00"), "JAM_KALENDER");
    expect(clock.at.toISOString()).toBe(iso("2026-05-15T14:00+07:00"));
    expect(clock.provisional).toBe(false);
  });
});

describe('addWorkingDays ("N hari kerja sejak diterima")', () => {
  it("PPID 10 working days with holidays inside the window, then the 7-day extension", () => {
    // received Mon 10 Aug: 11,12,13,14 (4), 17 Proklamasi, 18,19,20,21 (8), 24 (9), 25 Maulid, 26 (10)
    const d = addWorkingDays(cal, wib("2026-08-10T10:00"), 10);
    expect(d.at.toISOString()).toBe(iso("2026-08-26T15:30+07:00"));
    expect(d.provisional).toBe(false);
    // extension from that deadline: 27, 28, 31 Aug, 1, 2, 3, 4 Sep (Friday closes 16.00)
    expect(addWorkingDays(cal, d.at, 7).at.toISOString()).toBe(iso("2026-09-04T16:00+07:00"));
  });

  it("across the Idulfitri 2026 cluster (18–24 March)", () => {
    // Tue 17 March: with cuti bersama 25 (1), 26 (2), 27 (3, Friday)
    expect(addWorkingDays(cal, wib("2026-03-17T09:00"), 3).at.toISOString()).toBe(iso("2026-03-27T16:00+07:00"));
    // without: 18 (1), 19 Nyepi, 20 (2), 21–22 Idulfitri/weekend, 23 (3)
    expect(addWorkingDays(calNoCuti, wib("2026-03-17T09:00"), 3).at.toISOString()).toBe(iso("2026-03-23T15:30+07:00"));
  });

  it("30 working days for an objection", () => {
    // received Mon 2 March: March 3–17 (11), 25–31 (16), 1–2 April (18), 3 April Wafat,
    // 6–10 (23), 13–17 (28), 20 (29), 21 (30)
    expect(addWorkingDays(cal, wib("2026-03-02T11:00"), 30).at.toISOString()).toBe(iso("2026-04-21T15:30+07:00"));
  });

  it("the day of receipt never counts, whatever the hour", () => {
    expect(addWorkingDays(cal, wib("2026-03-04T07:00"), 1).at.toISOString()).toBe(iso("2026-03-05T15:30+07:00"));
    expect(addWorkingDays(cal, wib("2026-03-04T20:00"), 1).at.toISOString()).toBe(iso("2026-03-05T15:30+07:00"));
    expect(addWorkingDays(cal, wib("2026-03-07T10:00"), 1).at.toISOString()).toBe(iso("2026-03-09T15:30+07:00"));
  });

  it("0 days means the close of the day of the next opening", () => {
    expect(addWorkingDays(cal, wib("2026-03-04T10:00"), 0).at.toISOString()).toBe(iso("2026-03-04T15:30+07:00"));
    expect(addWorkingDays(cal, wib("2026-03-04T20:00"), 0).at.toISOString()).toBe(iso("2026-03-05T15:30+07:00"));
  });

  it("year end: provisional only when an unknown year is consulted", () => {
    const into2027 = addWorkingDays(cal, wib("2026-12-31T10:00"), 1); // 1 Jan holiday → Mon 4 Jan
    expect(into2027.at.toISOString()).toBe(iso("2027-01-04T15:30+07:00"));
    expect(into2027.provisional).toBe(true);
    const within = addWorkingDays(cal, wib("2026-12-30T10:00"), 1);
    expect(within.at.toISOString()).toBe(iso("2026-12-31T15:30+07:00"));
    expect(within.provisional).toBe(false);
    // receipt on 31 Dec 2025 (unknown year) is not consulted: 1 Jan holiday, Fri 2 Jan 2026 is day 1
    const from2025 = addWorkingDays(cal, wib("2025-12-31T10:00"), 1);
    expect(from2025.at.toISOString()).toBe(iso("2026-01-02T16:00+07:00"));
    expect(from2025.provisional).toBe(false);
  });

  it("rejects negative or fractional counts", () => {
    expect(() => addWorkingDays(cal, wib("2026-03-04T10:00"), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, wib("2026-03-04T10:00"), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(cal, new Date(NaN), 1)).toThrow(RangeError);
  });
});

describe("addWorkingMinutes", () => {
  it("spans several days", () => {
    // Wed 14.00: 90 left on Wed, 450 Thu, then 460 of Friday's 480 → Fri 15.40
    const d = addWorkingMinutes(cal, wib("2026-03-04T14:00"), 1000);
    expect(d.at.toISOString()).toBe(iso("2026-03-06T15:40+07:00"));
    expect(d.provisional).toBe(false);
  });

  it("ends at a closing time rather than the next opening", () => {
    expect(addWorkingMinutes(cal, wib("2026-03-04T08:00"), 450).at.toISOString()).toBe(iso("2026-03-04T15:30+07:00"));
  });

  it("Friday hours and the weekend", () => {
    // Fri 15.30: 30 minutes until 16.00, then Mon 08.00 + 30
    expect(addWorkingMinutes(cal, wib("2026-03-06T15:30"), 60).at.toISOString()).toBe(iso("2026-03-09T08:30+07:00"));
  });

  it("starts at the next opening when received outside hours, across the Idulfitri cluster", () => {
    // Tue 17 March 15.00: 30 minutes, then Wed 25 March 08.00 + 90
    expect(addWorkingMinutes(cal, wib("2026-03-17T15:00"), 120).at.toISOString()).toBe(iso("2026-03-25T09:30+07:00"));
    expect(addWorkingMinutes(cal, wib("2026-03-07T10:00"), 60).at.toISOString()).toBe(iso("2026-03-09T09:00+07:00"));
  });

  it("crosses midnight for an office open through the night", () => {
    const night = buildCalendar({
      timeZone: "Asia/Jakarta",
      hours: [
        ...([1, 2, 3, 4, 5] as const).map((weekday): OfficeHours => ({ weekday, open: 20 * 60, close: 1440 })),
        ...([2, 3, 4, 5, 6] as const).map((weekday): OfficeHours => ({ weekday, open: 0, close: 2 * 60 })),
      ],
      holidays: HOLIDAYS_2026,
      cutiBersamaLibur: true,
      closures: [],
    });
    // Mon 2 March 23.00: 60 until midnight, 60 after → Tue 01.00
    expect(addWorkingMinutes(night, wib("2026-03-02T23:00"), 120).at.toISOString()).toBe(iso("2026-03-03T01:00+07:00"));
    expect(workingMinutesBetween(night, wib("2026-03-02T23:00"), wib("2026-03-03T01:00"))).toBe(120);
    expect(isOpen(night, wib("2026-03-03T00:00"))).toBe(true);
  });

  it("crosses the year end as provisional", () => {
    // Thu 31 Dec 15.00: 30 minutes, 1 Jan holiday, weekend, Mon 4 Jan 08.00 + 30
    const d = addWorkingMinutes(cal, wib("2026-12-31T15:00"), 60);
    expect(d.at.toISOString()).toBe(iso("2027-01-04T08:30+07:00"));
    expect(d.provisional).toBe(true);
  });

  it("a lunch break is not open time", () => {
    const lunch = buildCalendar({
      timeZone: "Asia/Jakarta",
      hours: ([1, 2, 3, 4, 5] as const).flatMap((weekday): OfficeHours[] => [
        { weekday, open: 8 * 60, close: 12 * 60 },
        { weekday, open: 13 * 60, close: 16 * 60 },
      ]),
      holidays: HOLIDAYS_2026,
      cutiBersamaLibur: true,
      closures: [],
    });
    expect(isOpen(lunch, wib("2026-03-04T12:30"))).toBe(false);
    expect(nextOpening(lunch, wib("2026-03-04T12:30")).toISOString()).toBe(iso("2026-03-04T13:00+07:00"));
    expect(addWorkingMinutes(lunch, wib("2026-03-04T11:30"), 60).at.toISOString()).toBe(iso("2026-03-04T13:30+07:00"));
    expect(addWorkingDays(lunch, wib("2026-03-04T11:30"), 1).at.toISOString()).toBe(iso("2026-03-05T16:00+07:00"));
  });

  it("merges overlapping intervals", () => {
    const overlap = buildCalendar({
      timeZone: "Asia/Jakarta",
      hours: [
        { weekday: 3, open: 8 * 60, close: 12 * 60 },
        { weekday: 3, open: 11 * 60, close: 14 * 60 },
      ],
      holidays: [],
      cutiBersamaLibur: true,
      closures: [],
    });
    expect(workingMinutesBetween(overlap, wib("2026-03-04T00:00"), wib("2026-03-05T00:00"))).toBe(360);
  });

  it("0 minutes returns the start; negative throws", () => {
    expect(addWorkingMinutes(cal, wib("2026-03-07T10:00"), 0).at.toISOString()).toBe(iso("2026-03-07T10:00+07:00"));
    expect(() => addWorkingMinutes(cal, wib("2026-03-07T10:00"), -5)).toThrow(RangeError);
  });
});

describe("workingMinutesBetween and workingDaysBetween", () => {
  it("counts open minutes in [a, b)", () => {
    expect(workingMinutesBetween(cal, wib("2026-03-04T14:00"), wib("2026-03-06T15:40"))).toBe(1000);
    expect(workingMinutesBetween(cal, wib("2026-03-06T15:40"), wib("2026-03-04T14:00"))).toBe(-1000);
    expect(workingMinutesBetween(cal, wib("2026-03-04T14:00"), wib("2026-03-04T14:00"))).toBe(0);
    expect(workingMinutesBetween(cal, wib("2026-03-07T00:00"), wib("2026-03-09T00:00"))).toBe(0);
    // Mon 2 – Mon 9 March: 4 × 450 + 480
    expect(workingMinutesBetween(cal, wib("2026-03-02T00:00"), wib("2026-03-09T00:00"))).toBe(2280);
    // the Idulfitri week with cuti bersama: Mon 16, Tue 17, Wed 25 until 09.30
    expect(workingMinutesBetween(cal, wib("2026-03-16T00:00"), wib("2026-03-25T09:30"))).toBe(990);
  });

  it("counts working days after the day of a up to the day of b", () => {
    expect(workingDaysBetween(cal, wib("2026-08-10T10:00"), wib("2026-08-26T15:30"))).toBe(10);
    expect(workingDaysBetween(cal, wib("2026-08-26T15:30"), wib("2026-08-10T10:00"))).toBe(-10);
    expect(workingDaysBetween(cal, wib("2026-08-26T08:00"), wib("2026-08-26T15:30"))).toBe(0);
    expect(workingDaysBetween(cal, wib("2026-03-17T10:00"), wib("2026-03-25T10:00"))).toBe(1);
    expect(workingDaysBetween(calNoCuti, wib("2026-03-17T10:00"), wib("2026-03-25T10:00"))).toBe(5);
  });

  it("is consistent with addWorkingMinutes over many random instants (seeded)", () => {
    const random = mulberry32(0x10c3e7);
    const start = Date.UTC(2026, 0, 1) - 7 * 3_600_000;
    const span = 400 * 86_400_000; // runs into the provisional 2027
    const cals = [cal, calNoCuti, maspeci({ timeZone: TIME_ZONES.WIT })];
    for (let i = 0; i < 600; i++) {
      const c = cals[i % cals.length]!;
      const from = new Date(start + Math.floor(random() * span));
      const minutes = Math.floor(random() * 6000);
      const { at } = addWorkingMinutes(c, from, minutes);
      expect(workingMinutesBetween(c, from, at)).toBe(minutes);
      if (minutes > 0) {
        // earliest such instant: one millisecond earlier is not enough, and the end is open time's edge
        expect(workingMinutesBetween(c, from, new Date(at.getTime() - 1))).toBeLessThan(minutes);
      }
      const other = new Date(start + Math.floor(random() * span));
      const between = workingMinutesBetween(c, from, other);
      expect(workingMinutesBetween(c, other, from)).toBe(-between || 0);
      if (between > 0) {
        expect(addWorkingMinutes(c, from, between).at.getTime()).toBeLessThanOrEqual(other.getTime());
      }
    }
  });
});

describe("workingMinutesBetween over long spans", () => {
  it("equals the sum of the open intervals between, for spans of up to three years in both directions (seeded)", () => {
    const random = mulberry32(0x5eed13);
    // the reference: openIntervals walks every day itself; the running sums (one per calendar, grown as asked) must agree
    const reference = (c: typeof cal, a: Date, b: Date) => {
      const [lo, hi] = a <= b ? [a.getTime(), b.getTime()] : [b.getTime(), a.getTime()];
      let ms = 0;
      for (const [s0, e0] of openIntervals(c, new Date(lo), new Date(hi))) ms += Math.max(0, Math.min(e0, hi) - Math.max(s0, lo));
      return a <= b ? ms / 60_000 : -ms / 60_000 || 0;
    };
    const start = Date.UTC(2024, 6, 1);
    const cals = [maspeci(), maspeci({ cutiBersamaLibur: false }), maspeci({ timeZone: TIME_ZONES.WIT })];
    for (let i = 0; i < 300; i++) {
      const c = cals[i % cals.length]!;
      const a = new Date(start + Math.floor(random() * 3 * 366 * 86_400_000));
      const b = new Date(a.getTime() + Math.floor((random() - 0.5) * 2 * 3 * 366 * 86_400_000));
      expect(workingMinutesBetween(c, a, b), `${a.toISOString()} → ${b.toISOString()}`).toBe(reference(c, a, b));
    }
  });
});

describe("time zones", () => {
  const wita = maspeci({ timeZone: TIME_ZONES.WITA });
  const wit = maspeci({ timeZone: TIME_ZONES.WIT });

  it("exposes the three Indonesian zones", () => {
    expect(TIME_ZONES).toEqual({ WIB: "Asia/Jakarta", WITA: "Asia/Makassar", WIT: "Asia/Jayapura" });
  });

  it("the same instant is a different local time in each office", () => {
    const early = new Date("2026-03-04T00:30:00Z"); // 07.30 WIB, 08.30 WITA, 09.30 WIT
    expect([isOpen(cal, early), isOpen(wita, early), isOpen(wit, early)]).toEqual([false, true, true]);
    const late = new Date("2026-03-04T08:00:00Z"); // 15.00 WIB, 16.00 WITA, 17.00 WIT
    expect([isOpen(cal, late), isOpen(wita, late), isOpen(wit, late)]).toEqual([true, false, false]);
    expect(formatLocal(cal, late)).toBe("2026-03-04 15:00 WIB");
    expect(formatLocal(wita, late)).toBe("2026-03-04 16:00 WITA");
    expect(formatLocal(wit, late)).toBe("2026-03-04 17:00 WIT");
  });

  it("the local date decides the day of receipt", () => {
    const t = new Date("2026-03-04T16:30:00Z"); // Wed 23.30 WIB, Thu 00.30 WITA, Thu 01.30 WIT
    expect([localDateOf(cal, t), localDateOf(wita, t), localDateOf(wit, t)]).toEqual(["2026-03-04", "2026-03-05", "2026-03-05"]);
    expect(addWorkingDays(cal, t, 1).at.toISOString()).toBe("2026-03-05T08:30:00.000Z"); // Thu 15.30 WIB
    expect(addWorkingDays(wita, t, 1).at.toISOString()).toBe("2026-03-06T08:00:00.000Z"); // Fri 16.00 WITA
    expect(addWorkingDays(wit, t, 1).at.toISOString()).toBe("2026-03-06T07:00:00.000Z"); // Fri 16.00 WIT
    expect(nextOpening(wit, t).toISOString()).toBe("2026-03-04T23:00:00.000Z"); // Thu 08.00 WIT
  });

  it("Asia/Pontianak is WIB too", () => {
    expect(formatLocal({ timeZone: "Asia/Pontianak" }, new Date("2026-03-04T08:00:00Z"))).toBe("2026-03-04 15:00 WIB");
  });
});

describe("addCalendarHours", () => {
  it("adds plain clock hours", () => {
    expect(addCalendarHours(new Date("2026-03-04T07:00:00Z"), 48).toISOString()).toBe("2026-03-06T07:00:00.000Z");
    expect(addCalendarHours(new Date("2026-12-31T07:00:00Z"), 24).toISOString()).toBe("2027-01-01T07:00:00.000Z");
  });
});

// ---------------------------------------------------------------------------------------------
// explainDeadline: the same computation, traced; a table across 2026's holidays and cuti bersama

describe("explainDeadline", () => {
  const rules: Array<{ name: string; from: Date; rule: DeadlineRule }> = [
    { name: "10 hari kerja across Idul Fitri 2026", from: wib("2026-03-16T10:00"), rule: { kind: "HARI_KERJA", days: 10 } },
    { name: "2x24 jam kerja across Natal", from: wib("2026-12-23T14:00"), rule: { kind: "HARI_KERJA_JAM_SAMA", days: 2 } },
    { name: "2x24 jam kerja from after closing", from: wib("2026-05-13T17:00"), rule: { kind: "HARI_KERJA_JAM_SAMA", days: 2 } },
    { name: "30 hari kerja into 2027 (provisional)", from: wib("2026-11-30T10:00"), rule: { kind: "HARI_KERJA", days: 30 } },
    { name: "8 jam kerja across 17 Agustus", from: wib("2026-08-14T14:00"), rule: { kind: "MENIT_KERJA", minutes: 480 } },
    { name: "0 hari kerja on a Saturday", from: wib("2026-08-15T10:00"), rule: { kind: "HARI_KERJA", days: 0 } },
    { name: "48 jam kalender", from: wib("2026-12-24T10:00"), rule: { kind: "JAM_KALENDER", hours: 48 } },
  ];
  for (const c of rules) {
    for (const [label, k] of [
      ["cuti bersama closed", cal],
      ["cuti bersama open", calNoCuti],
    ] as const) {
      it(`${c.name} (${label}): agrees with computeDeadline, counts the rule's days, skips only closed days`, () => {
        const d = computeDeadline(k, c.from, c.rule);
        const e = explainDeadline(k, c.from, c.rule, "sejak diterima");
        expect({ at: e.at, provisional: e.provisional }).toEqual(d);
        if (c.rule.kind === "HARI_KERJA" || c.rule.kind === "HARI_KERJA_JAM_SAMA") {
          expect(e.counted.length).toBe(c.rule.days === 0 ? 0 : c.rule.days);
          if (c.rule.days > 0) expect(e.counted.at(-1)!.date).toBe(localDateOf(k, d.at));
        }
        for (const day of e.counted) expect(isWorkingDay(k, day.date)).toBe(true);
        for (const day of e.skipped) if (day.reason !== "DI_LUAR_JAM_LAYANAN") expect(isWorkingDay(k, day.date)).toBe(false);
        const all = [...e.counted.map((x) => x.date), ...e.skipped.map((x) => x.date)];
        expect(new Set(all).size).toBe(all.length);
      });
    }
  }

  it("names each skipped day: weekend, holiday with its decree, cuti bersama, closure, outside hours", () => {
    const k = maspeci({ closures: ["2026-03-17"] });
    const e = explainDeadline(k, wib("2026-03-16T10:00"), { kind: "HARI_KERJA", days: 3 }, "sejak diterima");
    expect(e.ruleText).toMatch(/^3 hari kerja sejak diterima/);
    expect(e.counted.map((x) => x.date)).toEqual(["2026-03-25", "2026-03-26", "2026-03-27"]);
    expect(e.skipped.map((x) => [x.date, x.reason])).toEqual([
      ["2026-03-17", "PENUTUPAN"],
      ["2026-03-18", "CUTI_BERSAMA"],
      ["2026-03-19", "LIBUR_NASIONAL"],
      ["2026-03-20", "CUTI_BERSAMA"],
      ["2026-03-21", "LIBUR_NASIONAL"],
      ["2026-03-22", "LIBUR_NASIONAL"],
      ["2026-03-23", "CUTI_BERSAMA"],
      ["2026-03-24", "CUTI_BERSAMA"],
    ]);
    expect(e.skipped[2]!.decree).toMatch(/1497/);
    const open = explainDeadline(calNoCuti, wib("2026-03-17T10:00"), { kind: "HARI_KERJA", days: 1 }, "sejak diterima");
    expect(open.counted).toEqual([{ date: "2026-03-18", n: 1, note: expect.stringMatching(/kantor ini tetap buka/) }]);
    const late = explainDeadline(cal, wib("2026-05-13T17:00"), { kind: "HARI_KERJA_JAM_SAMA", days: 2 }, "sejak diverifikasi");
    expect(late.countFrom).toEqual(wib("2026-05-18T08:00"));
    expect(late.skipped.map((x) => [x.date, x.reason])).toEqual([
      ["2026-05-13", "DI_LUAR_JAM_LAYANAN"],
      ["2026-05-14", "LIBUR_NASIONAL"],
      ["2026-05-15", "CUTI_BERSAMA"],
      ["2026-05-16", "AKHIR_PEKAN"],
      ["2026-05-17", "AKHIR_PEKAN"],
    ]);
    const ny = explainDeadline(cal, wib("2026-12-31T10:00"), { kind: "HARI_KERJA", days: 1 }, "sejak diterima");
    expect(ny).toMatchObject({
      provisional: true,
      skipped: [
        { date: "2027-01-01", reason: "TAHUN_BARU" },
        { date: "2027-01-02", reason: "AKHIR_PEKAN" },
        { date: "2027-01-03", reason: "AKHIR_PEKAN" },
      ],
    });
  });
});

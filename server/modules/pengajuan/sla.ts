import type { SlaSatuan } from "../../generated/prisma/enums";
import { addWorkingDays, addWorkingMinutes, workingMinutesBetween, type Deadline, type OfficeCalendar } from "../calendar/working-time";

/**
 * The service-level clock of a pengajuan, on the office calendar. It starts when the documents are declared
 * complete (DIVERIFIKASI), waits while the applicant is asked to fix something, and resumes with what was left.
 * Pure: the caller loads the calendar.
 */
export interface SlaClock {
  /** start of the running stretch, or null while waiting */
  mulaiAt: Date | null;
  /** working minutes left when the clock stopped; null: the full SLA from mulaiAt */
  sisaMenit: number | null;
}

export function deadline(cal: OfficeCalendar, sla: { jumlah: number; satuan: SlaSatuan }, clock: SlaClock): Deadline | null {
  if (!clock.mulaiAt) return null;
  if (clock.sisaMenit !== null) return addWorkingMinutes(cal, clock.mulaiAt, clock.sisaMenit);
  switch (sla.satuan) {
    case "HARI_KERJA":
      return addWorkingDays(cal, clock.mulaiAt, sla.jumlah);
    case "JAM_KERJA":
      return addWorkingMinutes(cal, clock.mulaiAt, sla.jumlah * 60);
    case "MENIT":
      return addWorkingMinutes(cal, clock.mulaiAt, sla.jumlah);
  }
}

/** Stop the clock at `at`: what is left of the budget is kept (zero when already overdue). */
export function pause(cal: OfficeCalendar, tenggat: Date, at: Date): SlaClock {
  return { mulaiAt: null, sisaMenit: Math.max(0, workingMinutesBetween(cal, at, tenggat)) };
}

/** Working minutes left until the deadline (negative when overdue). */
export function remaining(cal: OfficeCalendar, tenggat: Date, now: Date): number {
  return workingMinutesBetween(cal, now, tenggat);
}

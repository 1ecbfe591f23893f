import type { SlaSatuan } from "../../generated/prisma/enums";
import { computeDeadline, workingMinutesBetween, type Deadline, type DeadlineRule, type OfficeCalendar } from "../calendar/working-time";

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

/** The rule the running clock follows (what the registry of open deadlines and the explanation use), or null while it waits. */
export function slaRule(sla: { jumlah: number; satuan: SlaSatuan }, clock: SlaClock): { from: Date; rule: DeadlineRule; since: string } | null {
  if (!clock.mulaiAt) return null;
  if (clock.sisaMenit !== null) return { from: clock.mulaiAt, rule: { kind: "MENIT_KERJA", minutes: clock.sisaMenit }, since: "(sisa waktu) sejak pengajuan dilanjutkan" };
  const since = "sejak berkas dinyatakan lengkap";
  switch (sla.satuan) {
    case "HARI_KERJA":
      return { from: clock.mulaiAt, rule: { kind: "HARI_KERJA", days: sla.jumlah }, since };
    case "JAM_KERJA":
      return { from: clock.mulaiAt, rule: { kind: "MENIT_KERJA", minutes: sla.jumlah * 60 }, since };
    case "MENIT":
      return { from: clock.mulaiAt, rule: { kind: "MENIT_KERJA", minutes: sla.jumlah }, since };
  }
}

export function deadline(cal: OfficeCalendar, sla: { jumlah: number; satuan: SlaSatuan }, clock: SlaClock): Deadline | null {
  const r = slaRule(sla, clock);
  return r && computeDeadline(cal, r.from, r.rule);
}

/** Stop the clock at `at`: what is left of the budget is kept (zero when already overdue). */
export function pause(cal: OfficeCalendar, tenggat: Date, at: Date): SlaClock {
  return { mulaiAt: null, sisaMenit: Math.max(0, workingMinutesBetween(cal, at, tenggat)) };
}

/** Working minutes left until the deadline (negative when overdue). */
export function remaining(cal: OfficeCalendar, tenggat: Date, now: Date): number {
  return workingMinutesBetween(cal, now, tenggat);
}

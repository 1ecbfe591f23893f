import type { PengajuanStatus, SlaSatuan } from "../../generated/prisma/enums";
import { CLOCK_RUNNING, isFinal } from "./transitions";
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
  if (clock.sisaMenit !== null)
    return { from: clock.mulaiAt, rule: { kind: "MENIT_KERJA", minutes: clock.sisaMenit }, since: "(sisa waktu) sejak pengajuan dilanjutkan" };
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

// ---------------------------------------------------------------------------------------------------
// When the clock runs: the one definition the service, the fields, the queue filter and the statistics use

/** The SLA columns of a request that the clock rule reads and writes. */
export interface SlaState {
  status: PengajuanStatus;
  tenggat: Date | null;
  slaSisaMenit: number | null;
  diverifikasiAt: Date | null;
}

/** What a status change writes to the SLA columns (only those it changes). */
export interface SlaChange {
  diverifikasiAt?: Date;
  slaMulaiAt?: Date | null;
  slaSisaMenit?: number | null;
  tenggat?: Date | null;
  tenggatSementara?: boolean;
}

/** States in which the clock waits for the applicant (what was left is kept and resumes later). */
export const CLOCK_WAITS: readonly PengajuanStatus[] = ["PERLU_PERBAIKAN", "MENUNGGU_KUNJUNGAN"];

/** The result is ready (or the request is closed): the clock stops for good, its deadline kept as it was. */
export function clockStops(status: PengajuanStatus): boolean {
  return isFinal(status) || status === "SIAP_DIAMBIL";
}

/**
 * The clock across a status change at `now`: it starts (or resumes with what was left) when the documents are
 * declared complete (entering a running state from one that is not), pauses when the applicant is asked to fix
 * something while it runs (the working minutes left are kept, the deadline is cleared), and stops when the
 * result is ready or the request is closed.
 */
export function clockOnTransition(cal: OfficeCalendar, sla: { jumlah: number; satuan: SlaSatuan }, p: SlaState, ke: PengajuanStatus, now: Date): SlaChange {
  const runs = CLOCK_RUNNING.includes(p.status);
  if (CLOCK_RUNNING.includes(ke) && !runs) {
    const d = deadline(cal, sla, { mulaiAt: now, sisaMenit: p.slaSisaMenit })!;
    return { diverifikasiAt: p.diverifikasiAt ?? now, slaMulaiAt: now, tenggat: d.at, tenggatSementara: d.provisional };
  }
  if (CLOCK_WAITS.includes(ke) && runs && p.tenggat) {
    return { slaMulaiAt: null, slaSisaMenit: pause(cal, p.tenggat, now).sisaMenit, tenggat: null, tenggatSementara: false };
  }
  if (clockStops(ke)) return { slaMulaiAt: null };
  return {};
}

/** Overdue: the clock runs and its deadline has passed. The one definition (SQL and Prisma forms below follow it). */
export function terlambat(p: { status: PengajuanStatus; tenggat: Date | null }, now: Date): boolean {
  return !!p.tenggat && CLOCK_RUNNING.includes(p.status) && p.tenggat.getTime() < now.getTime();
}

/** `terlambat` as a Prisma where (overdue at `now`): a plain object, so this file stays free of the client. */
export function terlambatWhere(now: Date) {
  return { status: { in: [...CLOCK_RUNNING] }, tenggat: { lt: now } };
}

/** Its exact complement (a null deadline is not overdue), for "only on time". */
export function tidakTerlambatWhere(now: Date) {
  return { OR: [{ status: { notIn: [...CLOCK_RUNNING] } }, { tenggat: null }, { tenggat: { gte: now } }] };
}

/**
 * `terlambat` as an SQL condition on the row alias `p`, with `now` an SQL expression (a parameter such as
 * `$5::timestamp`), for the statistics counted in the database. The statuses are the enum's own
 * names (no quote can occur in them), so they are inlined.
 */
export function terlambatSql(p: string, now: string): string {
  return `(${p}.status IN (${CLOCK_RUNNING.map((s) => `'${s}'`).join(", ")}) AND ${p}.tenggat < ${now})`;
}

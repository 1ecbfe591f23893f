import type { ApiProblem, FieldErrors } from "../../../lib/errors";
import { type BarisJam, periksaHariLibur, periksaJamLayanan, periksaPenutupan } from "../../../../../server/shared/kalender";
import { perField } from "../../../../../server/shared/teks";

/**
 * The calendar forms checked before sending, with the API's own rules (server/shared/kalender.ts): what passes here
 * passes there (tests/client/form-parity-calendar.test.ts). A date the API cannot be sent without is the page's own
 * request; whether the day is already listed is the API's to say, at the date.
 */

export function checkHoliday(v: { tanggal: string; nama: string; dasarHukum: string }): FieldErrors {
  const errors: FieldErrors = v.tanggal ? {} : { tanggal: "Pilih tanggal." };
  return { ...errors, ...perField(periksaHariLibur(v)) };
}

export function checkClosure(v: { tanggal: string; alasan: string }): FieldErrors {
  const errors: FieldErrors = v.tanggal ? {} : { tanggal: "Pilih tanggal." };
  return { ...errors, ...perField(periksaPenutupan(v)) };
}

/** A row's control that a problem is about. */
export type HoursControl = "hari" | "buka" | "tutup";

/**
 * The hours' problems placed on the page: each row's first (by its position), the control it is about (marked
 * invalid, and the one that takes the focus), and the list's own.
 */
export interface HoursErrors {
  rows: Record<number, string>;
  controls: Record<number, HoursControl>;
  list: string | null;
}

/** Problems named as the API names them (`jamLayanan.<row>.<field>`, `jamLayanan`), the API's or the page's own. */
export function placeHoursProblems(problems: ReadonlyArray<Pick<ApiProblem, "field" | "message">>): HoursErrors {
  const out: HoursErrors = { rows: {}, controls: {}, list: null };
  for (const p of problems) {
    const m = p.field?.match(/^jamLayanan\.(\d+)\.(hari|buka|tutup)$/);
    if (m && out.rows[Number(m[1])] === undefined) {
      out.rows[Number(m[1])] = p.message;
      out.controls[Number(m[1])] = m[2] as HoursControl;
    } else if (!m) out.list ??= p.message;
  }
  return out;
}

export function checkHours(rows: readonly BarisJam[]): HoursErrors {
  return placeHoursProblems(periksaJamLayanan(rows));
}

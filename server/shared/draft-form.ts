import type { FieldDef, FieldError } from "./form";

/** The longest text one field of a draft may hold (the same bound the strict check puts on a submitted value). */
export const DRAFT_FIELD_MAX = 5000;

/**
 * The values of a draft as the applicant typed them. A draft is work in progress: "0812" on its way to a full
 * phone number, a date not finished yet. Refusing such a save would throw away what was typed (and a reload then
 * loses it), so a draft keeps each known field's text exactly, malformed or not; the strict check (validateForm)
 * runs when the request is submitted. Still refused: text longer than a field may ever be, and values that are not
 * text at all (objects, lists), which no form control produces. Unknown keys are dropped; an empty value (null,
 * "", only spaces) removes the field. Pure.
 */
export function draftValues(defs: readonly FieldDef[], data: Record<string, unknown>): { values: Record<string, string>; errors: FieldError[] } {
  const values: Record<string, string> = {};
  const errors: FieldError[] = [];
  for (const def of defs) {
    const raw = data[def.nama];
    if (raw === undefined || raw === null) continue;
    if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
      errors.push({ field: def.nama, code: "FIELD_NOT_TEXT", message: `${def.label} harus berupa teks.` });
      continue;
    }
    const text = String(raw);
    if (text.trim() === "") continue;
    if (text.length > DRAFT_FIELD_MAX) {
      errors.push({ field: def.nama, code: "FIELD_TOO_LONG", message: `${def.label} terlalu panjang (maksimal ${DRAFT_FIELD_MAX} karakter).` });
      continue;
    }
    values[def.nama] = text;
  }
  return { values, errors };
}

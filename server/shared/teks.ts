/**
 * Free text a person must write, as the browser and the API both check it: trimmed, at least `min` and at most
 * `max` characters. The codes and messages are those of the API's `requiredText` (server/lib/validate.ts), which
 * the server's schemas build from the same rule; the parity tests (tests/client/form-parity-*.test.ts) hold the two
 * to the same answer.
 */
export interface AturanTeks {
  label: string;
  min: number;
  max: number;
  /** the codes when they are not `<FIELD>_REQUIRED` and `<FIELD>_TOO_LONG` (an older input's stable codes) */
  kode?: { required: string; tooLong: string };
}

/** A problem of one field, as the API names it (`field` is the input's path, e.g. `jamLayanan.0.tutup`). */
export interface Masalah {
  field: string;
  code: string;
  message: string;
}

/** The problem of `raw` under `rule`, or null when it passes. */
export function masalahTeks(field: string, rule: AturanTeks, raw: string | null | undefined): Masalah | null {
  const text = (raw ?? "").trim();
  const name = field.split(".").at(-1)!.toUpperCase();
  const kode = rule.kode ?? { required: `${name}_REQUIRED`, tooLong: `${name}_TOO_LONG` };
  if (text.length < rule.min) return { field, code: kode.required, message: `${rule.label} wajib diisi (minimal ${rule.min} karakter).` };
  if (text.length > rule.max) return { field, code: kode.tooLong, message: `${rule.label} maksimal ${rule.max} karakter.` };
  return null;
}

/** Problems as the form shows them: the first message of each field, by field name. */
export function perField(problems: readonly Masalah[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of problems) out[p.field] ??= p.message;
  return out;
}

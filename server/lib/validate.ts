import { z } from "zod";
import { ValidationError } from "./errors";

/**
 * Input rules are zod schemas beside the input they check (a domain's `rules.ts`), parsed in the resolver after
 * authorisation (never before: a caller who may not act learns nothing about the rules) with `parseInput`.
 *
 * Each failure keeps the domain's stable code and Indonesian message: a check names both with `problem`, e.g.
 * `z.string().trim().max(2000, problem("PESAN_TOO_LONG", "Pesan paling banyak 2.000 karakter."))`. A check without
 * one answers `<FIELD>_INVALID` ("nama" → NAMA_INVALID) with zod's message, which is never shown to people in a
 * well-declared schema (schemas.test.ts in a domain should cover its messages).
 */

const SEPARATOR = "\u241f"; // SYMBOL FOR UNIT SEPARATOR: never typed in a message

/** A check's stable code and message, for zod's `error` option: `z.string().min(1, problem(...))`. */
export function problem(code: string, message: string): { error: () => string } {
  return { error: () => `${code}${SEPARATOR}${message}` };
}

/** One input problem as the API reports it: the same shape as `ValidationError` (code, message, field). */
export interface InputProblem {
  code: string;
  message: string;
  field: string | null;
}

/** Every problem of `issues`, in order (the form shows them all at once). */
export function problemsOf(issues: readonly z.core.$ZodIssue[]): InputProblem[] {
  return issues.map((issue) => {
    const field = issue.path.length ? issue.path.map(String).join(".") : null;
    const i = issue.message.indexOf(SEPARATOR);
    if (i >= 0) return { code: issue.message.slice(0, i), message: issue.message.slice(i + SEPARATOR.length), field };
    const last = issue.path.length ? String(issue.path[issue.path.length - 1]) : "INPUT";
    return { code: `${last.replace(/([a-z])([A-Z])/g, "$1_$2").toUpperCase()}_INVALID`, message: issue.message, field };
  });
}

/** The parsed value, or a ValidationError for the first problem (its field, code and message). */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [first] = problemsOf(result.error.issues);
  throw new ValidationError(first!.code, first!.message, first!.field);
}

/**
 * Free text a person must write, trimmed: `<FIELD>_REQUIRED` below `min` characters, `<FIELD>_TOO_LONG` above `max`,
 * with the label in the message ("Uraian pengaduan wajib diisi (minimal 20 karakter).").
 */
export function requiredText(field: string, label: string, min: number, max: number) {
  const code = field.toUpperCase();
  return z
    .string()
    .trim()
    .min(min, problem(`${code}_REQUIRED`, `${label} wajib diisi (minimal ${min} karakter).`))
    .max(max, problem(`${code}_TOO_LONG`, `${label} maksimal ${max} karakter.`));
}

/** The first problem of `value`, as parseInput would report it, or null when it passes (for rule tests). */
export function firstProblem(schema: z.ZodType, value: unknown): InputProblem | null {
  const result = schema.safeParse(value);
  return result.success ? null : problemsOf(result.error.issues)[0]!;
}

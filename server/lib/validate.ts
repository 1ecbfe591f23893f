import { z } from "zod";
import { DomainError, type InputProblem, ValidationError } from "./errors";

export type { InputProblem };

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

/**
 * The parsed value, or a ValidationError listing every problem (the first one's field, code and message on top).
 * Only the first problem of each field is kept: a form shows one message per field.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw ValidationError.of(onePerField(problemsOf(result.error.issues)));
}

function onePerField(problems: readonly InputProblem[]): InputProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    if (p.field === null) return true;
    if (seen.has(p.field)) return false;
    seen.add(p.field);
    return true;
  });
}

/**
 * The problems of one request, collected check by check so the answer names all of them at once (a citizen
 * should not learn about the email, then the phone, then the password in three tries).
 *
 *   const problems = new Problems();
 *   const number = problems.check(() => parseIdentity(type, raw));   // undefined when it failed
 *   const contact = problems.parse(kontakSchema, input);
 *   if (weak) problems.add(weak.code, weak.message, "password");
 *   problems.throwIfAny();
 *
 * A check that throws a DomainError (a ValidationError of several problems too) adds its problems; anything else
 * it throws propagates. `throwIfAny` throws a ValidationError listing them all when one is a ValidationError's,
 * else (only e.g. an IDENTITY_TAKEN conflict) the one error that was thrown, so its type is what it always was.
 */
export class Problems {
  private readonly list: InputProblem[] = [];
  private readonly errors: DomainError[] = [];

  /** `run()`'s value, or undefined when it threw a DomainError (whose problems are kept). */
  check<T>(run: () => T): T | undefined {
    try {
      return run();
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      this.report(err);
      return undefined;
    }
  }

  /** `schema`'s parsed value, or undefined with its problems kept. */
  parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
    return this.check(() => parseInput(schema, value));
  }

  /** A problem found by a check of the service's own (one per field: a field that already has one keeps it). */
  add(code: string, message: string, field: string | null): void {
    this.report(new ValidationError(code, message, field));
  }

  /** An error a check found without throwing it (e.g. IDENTITY_TAKEN after a lookup). */
  report(error: DomainError): void {
    this.errors.push(error);
    this.list.push(...error.problems);
  }

  /** Whether `field` already has a problem (a later check about it would only repeat it). */
  has(field: string): boolean {
    return this.list.some((p) => p.field === field);
  }

  get any(): boolean {
    return this.list.length > 0;
  }

  throwIfAny(): void {
    if (!this.list.length) return;
    if (!this.errors.some((e) => e instanceof ValidationError)) throw this.errors[0];
    throw ValidationError.of(onePerField(this.list));
  }
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

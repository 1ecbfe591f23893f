import { GraphQLError } from "graphql";

/** One problem of a request's input: a stable code, an Indonesian message, the input field it concerns. */
export interface InputProblem {
  code: string;
  message: string;
  field: string | null;
}

/**
 * Expected failures a client can act on. Each subclass is a GraphQL object type implementing `Error`, and
 * each mutation lists the ones it can return, so clients get a typed union. `code` is stable for
 * integrators; `message` is Indonesian for end users; `field` names the input it concerns.
 */
export class DomainError extends Error {
  /**
   * Every problem of the request, in the order of the form (a form shows them all at once); `code`, `message`
   * and `field` are the first one's, as integrators have always read them. One problem unless a subclass says more.
   */
  readonly problems: readonly InputProblem[];

  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
    this.problems = [{ code, message, field }];
  }
}

/** Bad input: one value fails a rule, or several (`ValidationError.of`: all of them, the first on top). */
export class ValidationError extends DomainError {
  override readonly problems: readonly InputProblem[];

  constructor(code: string, message: string, field: string | null = null, more: readonly InputProblem[] = []) {
    super(code, message, field);
    this.problems = [{ code, message, field }, ...more];
  }

  /** The error of a request with these problems (at least one). */
  static of(problems: readonly InputProblem[]): ValidationError {
    const [first, ...more] = problems;
    if (!first) throw new Error("ValidationError.of: no problem");
    return new ValidationError(first.code, first.message, first.field, more);
  }
}
/** Something with that identity already exists. */
export class ConflictError extends DomainError {}
/** The thing does not exist (or is not visible to the caller). */
export class NotFoundError extends DomainError {}
/** The action is not allowed in the current state. */
export class InvalidStateError extends DomainError {}
/** Login refused; `retryAfterSeconds` is set when the caller must wait. */
export class LoginError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(code, message, null);
  }
}

/** Access failures are thrown, not returned: they are never part of a mutation's expected results. */
export function unauthenticated(message = "Silakan masuk terlebih dahulu."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 200 } } });
}

export function forbidden(message = "Anda tidak memiliki akses untuk tindakan ini."): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "FORBIDDEN" } });
}

import { GraphQLError } from "graphql";

/**
 * Expected failures a client can act on. Each subclass is a GraphQL object type implementing `Error`, and
 * each mutation lists the ones it can return, so clients get a typed union. `code` is stable for
 * integrators; `message` is Indonesian for end users; `field` names the input it concerns.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field: string | null = null,
  ) {
    super(message);
  }
}

/** Bad input: a value fails a rule. */
export class ValidationError extends DomainError {}
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

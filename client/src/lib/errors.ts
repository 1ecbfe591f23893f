import type { CombinedError } from "urql";

/** What every member of a mutation's error union carries (the GraphQL `Error` interface). */
export interface ApiError {
  __typename?: string;
  code: string;
  message: string;
  field?: string | null;
  retryAfterSeconds?: number | null;
}

export type FieldErrors = Record<string, string>;

export function isApiError(value: unknown): value is ApiError {
  return typeof value === "object" && value !== null && typeof (value as ApiError).code === "string" && typeof (value as ApiError).message === "string";
}

export const NETWORK_MESSAGE = "Tidak dapat terhubung ke server Loket. Periksa koneksi internet Anda, lalu coba lagi.";
export const UNEXPECTED_MESSAGE = "Terjadi kesalahan. Silakan coba lagi beberapa saat lagi.";

/** A request-level failure (no connection, not signed in, forbidden, server fault) as a sentence for people. */
export function requestErrorMessage(error: CombinedError | undefined | null): string | null {
  if (!error) return null;
  if (error.networkError) return NETWORK_MESSAGE;
  const first = error.graphQLErrors[0];
  // the API's own messages are Indonesian; anything else (a parse error from a stale client) is not
  const code = first?.extensions?.code;
  if (first && typeof code === "string" && code !== "GRAPHQL_VALIDATION_FAILED" && code !== "GRAPHQL_PARSE_FAILED") return first.message;
  return UNEXPECTED_MESSAGE;
}

export function errorCode(error: CombinedError | undefined | null): string | null {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  return typeof code === "string" ? code : null;
}

/**
 * Splits an API error into a message for the field it names (when that field is on the form) or a
 * message for the whole form. `aliases` maps API field names to the form's own.
 */
export function placeError(
  err: ApiError,
  fieldsOnForm: readonly string[],
  aliases: Record<string, string> = {},
): { fields: FieldErrors; form: string | null } {
  const field = err.field ? (aliases[err.field] ?? err.field) : null;
  if (field && fieldsOnForm.includes(field)) return { fields: { [field]: err.message }, form: null };
  return { fields: {}, form: err.message };
}

/** Moves keyboard focus to the first field with an error, so screen-reader users hear it at once. */
export function focusFirstError(form: HTMLFormElement | null, order: readonly string[], errors: FieldErrors): void {
  const first = order.find((name) => errors[name]);
  if (!form || !first) return;
  const el = form.querySelector<HTMLElement>(`[name="${first}"]`);
  el?.focus();
}

import { DomainError } from "../../lib/errors";

/**
 * A signing failure the signer or the admin can act on (both ways and the settings); `code` is stable.
 * Its own module so that tsa.ts, which pades.ts loads on first use, can throw it without an import cycle; pades.ts
 * re-exports it, and everyone else imports it from there.
 */
export class TtdError extends DomainError {}

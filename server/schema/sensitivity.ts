import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLArgument,
  type GraphQLInputField,
  type GraphQLInputType,
} from "graphql";

/**
 * What an argument or input field carries, declared once beside it in the schema (`...secret` etc. in the
 * Pothos options). The audit trail, the logs and the error formatter all read this declaration
 * (server/modules/audit/inputs.ts):
 * - SECRET: passwords, one-time tokens, API keys. Never recorded, logged or echoed in any form.
 * - IDENTIFIER: NIK/NIP (and identity numbers of people collecting documents). Recorded only as the blind
 *   index and the masked form; never logged or echoed.
 * - PERSONAL: other data about a person (name, email, phone, contact). Recorded masked; never logged or echoed.
 * - SAFE: may be recorded as given (titles, reasons, names of offices, settings).
 *
 * Undeclared values are NOT recorded (default-deny), except for types that cannot carry text: ID, Int, Float,
 * Boolean, Date, DateTime and enums. So a new free-text argument stays out of the trail until someone
 * declares it SAFE. tests/audit/sensitivity.test.ts fails when an argument whose name looks like a secret or
 * an identity number has no declaration.
 */
export type Sensitivity = "SECRET" | "IDENTIFIER" | "PERSONAL" | "SAFE";

const declare = (sensitivity: Sensitivity) => ({ extensions: { sensitivity } }) as const;

/** passwords, tokens, API keys: never recorded, logged or echoed */
export const secret = declare("SECRET");
/** NIK/NIP and other identity numbers: recorded as blind index + masked form only */
export const identifier = declare("IDENTIFIER");
/** name, email, phone, contact of a person: recorded masked */
export const personal = declare("PERSONAL");
/** may be recorded as given */
export const safe = declare("SAFE");

/** The declaration of an argument or input field, if any. */
export function declaredSensitivity(def: Pick<GraphQLArgument | GraphQLInputField, "extensions">): Sensitivity | null {
  const s = (def.extensions as { sensitivity?: unknown } | undefined)?.sensitivity;
  return s === "SECRET" || s === "IDENTIFIER" || s === "PERSONAL" || s === "SAFE" ? s : null;
}

/** Scalars that cannot carry free text: recorded as given without a declaration. */
const SAFE_SCALARS = new Set(["ID", "Int", "Float", "Boolean", "Date", "DateTime"]);

/** What a value of `type` at a position with declaration `declared` is treated as ("FILE" for uploads). */
export function effectiveSensitivity(type: GraphQLInputType, declared: Sensitivity | null): Sensitivity | "UNDECLARED" | "FILE" | "OBJECT" {
  const named = getNamedType(type);
  if (declared && declared !== "SAFE") return declared;
  if (isInputObjectType(named)) return "OBJECT";
  if (named.name === "File") return "FILE";
  if (declared === "SAFE") return "SAFE";
  if (isEnumType(named) || (isScalarType(named) && SAFE_SCALARS.has(named.name))) return "SAFE";
  return "UNDECLARED";
}

export function unwrapList(type: GraphQLInputType): GraphQLInputType | null {
  const t = isNonNullType(type) ? type.ofType : type;
  return isListType(t) ? (t.ofType as GraphQLInputType) : null;
}

import { GraphQLError } from "graphql";
import { PothosValidationError } from "@pothos/core";
import { decodeGlobalID } from "@pothos/plugin-relay";

/** Every stored row's id is a UUID (`@db.Uuid`): anything else never reaches the database. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A global ID (Pothos's encoding: base64 of `Type:uuid`) taken apart, or null when it is not one of ours: not
 * Pothos's base64, or not a UUID after the type (anything else would only reach the database to fail there).
 */
export function parseGlobalId(globalID: string): { typename: string; id: string } | null {
  if (typeof globalID !== "string" || globalID.length > 200) return null;
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalID(globalID);
  } catch {
    return null;
  }
  return UUID.test(decoded.id) ? { typename: decoded.typename, id: decoded.id.toLowerCase() } : null;
}

/** The answer to an ID that names nothing: what a well-formed ID of a row that does not exist gets too. */
export function unknownIdError(): GraphQLError {
  return new GraphQLError("Data tidak ditemukan: ID tidak dikenal.", { extensions: { code: "NOT_FOUND" } });
}

/** For the relay plugin (`relay.decodeGlobalID`): every `t.arg.globalID` argument and input field is decoded here. */
export function decodeGlobalIdOrNotFound(globalID: string): { typename: string; id: string } {
  const parsed = parseGlobalId(globalID);
  if (!parsed) throw unknownIdError();
  return parsed;
}

/** A global ID of another type than the argument takes (the relay plugin refuses it with this error). */
export function isWrongTypeGlobalId(err: unknown): boolean {
  return err instanceof PothosValidationError && /^ID: .* is not of type: /s.test(err.message);
}

/** A hand-decoded global ID of `typename` (or the bare UUID): the UUID, or NOT_FOUND. */
export function uuidOf(typename: string, globalID: string): string {
  if (UUID.test(globalID)) return globalID.toLowerCase();
  const parsed = parseGlobalId(globalID);
  if (!parsed || parsed.typename !== typename) throw unknownIdError();
  return parsed.id;
}

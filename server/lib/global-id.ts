import { GraphQLError } from "graphql";
import { PothosValidationError } from "@pothos/core";

/** Every stored row's id is a UUID (`@db.Uuid`): anything else never reaches the database. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPENAME = /^[A-Z_a-z]\w*$/;

/** A global ID (base64 of `Type:uuid`) taken apart, or null when it is not one. */
export function parseGlobalId(globalID: string): { typename: string; id: string } | null {
  if (typeof globalID !== "string" || globalID.length > 200 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(globalID)) return null;
  const raw = Buffer.from(globalID, "base64").toString("utf8");
  const colon = raw.indexOf(":");
  if (colon < 1) return null;
  const typename = raw.slice(0, colon);
  const id = raw.slice(colon + 1);
  return TYPENAME.test(typename) && UUID.test(id) ? { typename, id: id.toLowerCase() } : null;
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

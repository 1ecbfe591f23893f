/**
 * The one place the web client knows the API's id format: Relay global ids as Pothos encodes them
 * (`encodeGlobalID`: base64 of "Type:uuid"; tests/client/global-ids.test.ts holds the two equal). Addresses show
 * the plain uuid, as the links in Loket's emails do (/pengajuan/<uuid>, sent by the server, which has the uuid
 * and not the page's id): an address stays the same whatever the id encoding, and has no "/" or "=" to escape.
 * Pages turn an address back into an id with toGlobalId and an id into an address with rawId; the client takes
 * no library for it (Pothos's own helpers would bring @pothos/core into the bundle).
 */
export function toGlobalId(type: string, rawId: string): string {
  return btoa(`${type}:${rawId}`);
}

/** The uuid inside a global id ("" when it is not one). */
export function rawId(globalId: string): string {
  try {
    const decoded = atob(globalId);
    const i = decoded.indexOf(":");
    return i > 0 ? decoded.slice(i + 1) : "";
  } catch {
    return "";
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string | undefined): value is string {
  return !!value && UUID.test(value);
}

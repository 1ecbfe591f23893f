/**
 * The API's ids are Relay global ids: base64 of "Type:uuid". Addresses show the plain uuid (as the links in
 * Loket's emails do, e.g. /pengajuan/<uuid>), which has no "/" or "=" to escape.
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

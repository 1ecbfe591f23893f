import type { Config } from "./config";

/**
 * Whether a WebSocket upgrade may be authenticated by the browser's session cookie. A browser attaches the
 * cookie to a socket opened by ANY site (WebSockets have no same-origin rule and no CORS), so a page elsewhere
 * could otherwise act as the signed-in visitor over the socket (cross-site WebSocket hijacking). The cookie
 * counts only when the `Origin` is this site's own: the origin the request was addressed to (its Host: the page
 * and the socket share it, also behind Vite's proxy), the origin of PUBLIC_URL (behind a proxy that rewrites
 * Host), or one of ALLOWED_ORIGINS. Without an `Origin` the client is not a browser page (browsers always send
 * one on a WebSocket) and holds the cookie itself. Bearer tokens in connectionParams are never affected: a
 * foreign page cannot read them.
 */
export function cookieAllowedForOrigin(config: Pick<Config, "publicUrl" | "allowedOrigins">, headers: { origin?: string; host?: string }): boolean {
  const origin = headers.origin;
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // "null" (sandboxed frames, file://) and anything unparsable
  }
  if (headers.host && parsed.host === headers.host.toLowerCase()) return true;
  if (parsed.origin === originOf(config.publicUrl)) return true;
  return config.allowedOrigins.includes(parsed.origin);
}

export function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Webhook signatures, for Loket (signing) and for receivers (verifying). Pure: node:crypto only, so a receiver
 * can copy this file as it is.
 *
 *   X-Loket-Timestamp: 1767225600                    unix seconds when this attempt was sent
 *   X-Loket-Signature: v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>
 *   X-Loket-Event:     PENGAJUAN_STATUS
 *   X-Loket-Delivery:  <delivery id>                 the same on every retry: use it to ignore duplicates
 */
export const HEADER_TIMESTAMP = "x-loket-timestamp";
export const HEADER_SIGNATURE = "x-loket-signature";
export const HEADER_EVENT = "x-loket-event";
export const HEADER_DELIVERY = "x-loket-delivery";

/** Receivers refuse a timestamp further than this from their clock (either way), so a captured request cannot be replayed later. */
export const REPLAY_WINDOW_SECONDS = 300;

export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

/** hex HMAC-SHA256 of "<timestamp>.<body>" keyed with the secret (the whole string, as UTF-8). */
export function sign(secret: string, timestamp: number, body: string | Uint8Array): string {
  const mac = createHmac("sha256", Buffer.from(secret, "utf8"));
  mac.update(`${timestamp}.`);
  mac.update(typeof body === "string" ? Buffer.from(body, "utf8") : body);
  return mac.digest("hex");
}

/** The headers of one attempt. */
export function signedHeaders(secret: string, body: string, meta: { event: string; deliveryId: string; timestamp: number }): Record<string, string> {
  return {
    "content-type": "application/json; charset=utf-8",
    "user-agent": "Loket-Webhook/1",
    "X-Loket-Timestamp": String(meta.timestamp),
    "X-Loket-Signature": `v1=${sign(secret, meta.timestamp, body)}`,
    "X-Loket-Event": meta.event,
    "X-Loket-Delivery": meta.deliveryId,
  };
}

export type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

export type VerifyResult =
  | { ok: true; event: string | null; deliveryId: string | null; timestamp: number }
  | { ok: false; reason: "SIGNATURE_MISSING" | "TIMESTAMP_INVALID" | "TIMESTAMP_OUTSIDE_WINDOW" | "SIGNATURE_MISMATCH" };

/**
 * Checks a received webhook: the signature over the raw body (the bytes as received, before any JSON parsing)
 * and a timestamp within 5 minutes of `now`. `headers` may be a fetch `Headers` or Node's `req.headers`.
 * Several `v1=` values (comma-separated) are accepted: any one matching is enough.
 */
export function verifyWebhook(secret: string, headers: HeaderSource, body: string | Uint8Array, now: number | Date = Date.now()): VerifyResult {
  const read = (name: string): string | null => {
    if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(n: string): string | null }).get(name);
    const record = headers as Record<string, string | string[] | undefined>;
    const key = Object.keys(record).find((k) => k.toLowerCase() === name);
    const v = key === undefined ? undefined : record[key];
    return Array.isArray(v) ? v.join(",") : (v ?? null);
  };
  const signature = read(HEADER_SIGNATURE);
  const rawTimestamp = read(HEADER_TIMESTAMP);
  if (!signature || !rawTimestamp) return { ok: false, reason: "SIGNATURE_MISSING" };
  if (!/^\d{1,12}$/.test(rawTimestamp.trim())) return { ok: false, reason: "TIMESTAMP_INVALID" };
  const timestamp = Number(rawTimestamp.trim());
  const nowSeconds = Math.floor((now instanceof Date ? now.getTime() : now) / 1000);
  if (Math.abs(nowSeconds - timestamp) > REPLAY_WINDOW_SECONDS) return { ok: false, reason: "TIMESTAMP_OUTSIDE_WINDOW" };
  const expected = Buffer.from(sign(secret, timestamp, body), "hex");
  const matches = signature
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part.startsWith("v1="))
    .some((part) => {
      const given = Buffer.from(part.slice(3), "hex");
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  if (!matches) return { ok: false, reason: "SIGNATURE_MISMATCH" };
  return { ok: true, event: read(HEADER_EVENT), deliveryId: read(HEADER_DELIVERY), timestamp };
}

/**
 * Other systems calling the API with a key (API clients) and the webhooks they subscribe: the scopes and events
 * they can be given, the key's format and the registration limits, for the API and the admin pages alike.
 * The Prisma enums `ApiScope` and `WebhookEvent` are checked equal to these lists (server/lib/shared-enums.ts).
 */

/** What another system may do with its key. Kept in one place: the enum, the README and the checks use this list. */
export const API_SCOPES = [
  "BACA_KATALOG",
  "BACA_STATISTIK",
  "VERIFIKASI_DOKUMEN",
  "BUAT_PENGADUAN",
  "KASUS_INSTANSI",
  "TERIMA_WEBHOOK",
  "ANTRIAN_TAMPIL",
  "ANTRIAN_KIOSK",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** Event kinds a subscription can ask for. */
export const WEBHOOK_EVENTS = ["PENGAJUAN_STATUS", "PENGADUAN_DITERIMA", "PPID_TENGGAT"] as const;
export type WebhookEventName = (typeof WEBHOOK_EVENTS)[number];

/** An API client's registration (server/modules/api-client). */
export const KLIEN_API = {
  nama: { min: 3, max: 100 },
  kontak: { min: 5, max: 300 },
  /** the longest validity a key may be given, in years */
  berlakuMaksTahun: 5,
} as const;

export const TOKEN_PREFIX = "lkc_";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function isClientToken(token: string | null | undefined): token is string {
  return !!token && token.startsWith(TOKEN_PREFIX);
}

/** `lkc_<clientId>.<secret>` → its parts, or null for anything else. */
export function parseToken(token: string): { clientId: string; secret: string } | null {
  if (!isClientToken(token) || token.length > 120) return null;
  const body = token.slice(TOKEN_PREFIX.length);
  const dot = body.indexOf(".");
  const clientId = body.slice(0, dot);
  const secret = body.slice(dot + 1);
  if (dot < 0 || !UUID.test(clientId) || !SECRET.test(secret)) return null;
  return { clientId, secret };
}

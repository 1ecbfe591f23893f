import { z } from "zod";
import { backoffMs } from "../../lib/polling-loop";
import { WEBHOOK_EVENTS, type WebhookEventName } from "../../shared/klien-api";
// the event kinds are read by the admin pages too, so they live in server/shared/klien-api.ts
export { WEBHOOK_EVENTS, type WebhookEventName };
import { problem } from "../../lib/validate";

export const WEBHOOK_EVENT_LABEL: Record<WebhookEventName, string> = {
  PENGAJUAN_STATUS: "A submitted pengajuan of the instansi changed status",
  PENGADUAN_DITERIMA: "A complaint to the instansi was received (any channel)",
  PPID_TENGGAT: "An information request's deadline is within one working day (DEKAT) or has passed (LEWAT) without an answer",
};

/** The events a subscription asks for: each known one once, in their canonical order; at least one. */
export const eventsSchema = z.object({
  events: z
    .array(z.string())
    .transform((input) => WEBHOOK_EVENTS.filter((e) => input.includes(e)))
    .refine((events) => events.length > 0, problem("EVENTS_REQUIRED", "Pilih paling sedikit satu jenis peristiwa.")),
});

export const MAX_SUBSCRIPTIONS_PER_CLIENT = 10;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type UrlProblem = "URL_INVALID" | "URL_NOT_HTTPS" | "URL_SCHEME_INVALID";

/**
 * Where deliveries may go: https anywhere; plain http only to this machine (localhost, 127.0.0.1, ::1) and only
 * outside production, for developing a receiver. No other scheme (file:, ftp:, gopher: …), no credentials in
 * the URL, no fragments. Whether the address itself is allowed (no internal networks) is checked on the network
 * (destination.ts), at registration and again at every delivery.
 */
export function checkWebhookUrl(raw: string, env: "development" | "production" | "test"): { url: string } | { problem: UrlProblem } {
  const value = raw.trim();
  if (value.length === 0 || value.length > 2000) return { problem: "URL_INVALID" };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: "URL_INVALID" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return { problem: "URL_SCHEME_INVALID" };
  if (url.username || url.password || url.hash || !url.hostname) return { problem: "URL_INVALID" };
  if (url.protocol === "https:") return { url: url.toString() };
  if (LOOPBACK.has(url.hostname) && env !== "production") return { url: url.toString() };
  return { problem: "URL_NOT_HTTPS" };
}

export const URL_PROBLEM_MESSAGE: Record<UrlProblem | "URL_ADDRESS_NOT_ALLOWED", string> = {
  URL_INVALID: "Alamat webhook tidak valid (tanpa nama pengguna/kata sandi di dalam alamat).",
  URL_NOT_HTTPS: "Alamat webhook harus https:// (http:// hanya untuk localhost saat pengembangan).",
  URL_SCHEME_INVALID: "Alamat webhook harus diawali https:// (skema lain seperti file:, ftp: atau gopher: tidak diterima).",
  URL_ADDRESS_NOT_ALLOWED:
    "Alamat webhook menuju jaringan internal (loopback, jaringan privat, link-local/metadata cloud, CGNAT, atau alamat khusus lain) dan tidak diterima. Gunakan alamat publik penerima.",
};

const RETRY_BASE_MS = 10_000;
const RETRY_CAP_MS = 60 * 60_000;
/** 10 s, 20 s, 40 s … then hourly: 24 attempts span about 17 hours before a delivery is FAILED (and can be requeued). */
export const WEBHOOK_MAX_ATTEMPTS = 24;

export function webhookRetryDelayMs(attempts: number, random: () => number = Math.random): number {
  return backoffMs(attempts, RETRY_BASE_MS, RETRY_CAP_MS, random);
}

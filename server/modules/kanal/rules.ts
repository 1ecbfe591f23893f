import { createHmac, randomInt } from "node:crypto";
import { safeEqual, type Keys } from "../../lib/crypto";

/**
 * The pure rules of WhatsApp and SMS notices: numbers, one-time codes, stop links, the 24-hour window and the
 * Cloud API's error classes. No Prisma, no GraphQL, no I/O.
 */

export const KANAL = ["EMAIL", "WHATSAPP", "SMS"] as const;
export type Kanal = (typeof KANAL)[number];
export const JENIS = ["STATUS_LAYANAN", "BALASAN_PENGADUAN", "TENGGAT_PPID", "PENGINGAT_KUNJUNGAN"] as const;
export type Jenis = (typeof JENIS)[number];
/** the phone channels, which need a verified number */
export type KanalTelepon = "WHATSAPP" | "SMS";

/** What a person gets without having chosen: email as before, nothing on the phone. */
export function defaultAktif(kanal: Kanal): boolean {
  return kanal === "EMAIL";
}

/** 08123… (as `User.telepon` stores it) → 628123… (the Cloud API's and most gateways' form, E.164 without "+"). */
export function toE164Digits(telepon: string): string {
  const digits = telepon.replace(/\D/g, "");
  if (digits.startsWith("0")) return `62${digits.slice(1)}`;
  return digits;
}

/** 628123… (a WhatsApp `from`) → 08123… */
export function fromE164Digits(wa: string): string {
  const digits = wa.replace(/\D/g, "");
  return digits.startsWith("62") ? `0${digits.slice(2)}` : digits;
}

/** For logs, the audit trail and a sent row: 0812****7890. */
export function maskPhone(value: string): string {
  const d = value.replace(/\D/g, "");
  if (d.length <= 6) return "****";
  return `${d.slice(0, 4)}${"*".repeat(d.length - 8 > 0 ? d.length - 8 : 2)}${d.slice(-4)}`;
}

/** Replaces every run of 8+ digits (a phone number) in a log line. */
export function maskPhonesIn(text: string): string {
  return text.replace(/\+?\d[\d\s-]{7,}\d/g, (m) => maskPhone(m));
}

// --- one-time codes

export const KODE_DIGITS = 6;
export const KODE_TTL_MS = 10 * 60_000;
export const KODE_MAX_PERCOBAAN = 5;
/** a new code for the same person no sooner than this */
export const KODE_JEDA_MS = 60_000;
/** codes per person per hour */
export const KODE_PER_JAM = 5;

export function newKode(): string {
  return String(randomInt(0, 10 ** KODE_DIGITS)).padStart(KODE_DIGITS, "0");
}

/** Keyed hash bound to the code's row: a leaked table gives no codes (10^6 guesses need the key). */
export function hashKode(keys: Keys, id: string, kode: string): string {
  return createHmac("sha256", keys.tokens).update(`kode-telepon:${id}:${kode}`).digest("hex");
}

export function kodeCocok(keys: Keys, id: string, kode: string, hash: string): boolean {
  return safeEqual(hashKode(keys, id, kode.trim()), hash);
}

// --- stop links: one tap stops a channel; the link never expires (old messages keep working). "~" joins the
// parts: a "." would make the path look like a file to the static handler (a 404, not the client's page)

export function stopToken(keys: Keys, userId: string, kanal: Kanal): string {
  const body = Buffer.from(`${userId}:${kanal}`).toString("base64url");
  const mac = createHmac("sha256", keys.tokens).update(`kanal-berhenti:${body}`).digest("base64url").slice(0, 32);
  return `${body}~${mac}`;
}

export function readStopToken(keys: Keys, token: string): { userId: string; kanal: Kanal } | null {
  const [body, mac] = token.split("~");
  if (!body || !mac) return null;
  const expected = createHmac("sha256", keys.tokens).update(`kanal-berhenti:${body}`).digest("base64url").slice(0, 32);
  if (!safeEqual(mac, expected)) return null;
  const [userId, kanal] = Buffer.from(body, "base64url").toString("utf8").split(":");
  if (!userId || !(KANAL as readonly string[]).includes(kanal ?? "")) return null;
  return { userId, kanal: kanal as Kanal };
}

/** An inbound WhatsApp text that stops WhatsApp notices. */
export function isStopWord(text: string): boolean {
  return /^(stop|berhenti|unsubscribe)$/i.test(text.trim().replace(/[.!]+$/, ""));
}

// --- the 24-hour customer service window

export const WINDOW_MS = 24 * 3600_000;

/** Free-form text only within 24 hours of the person's last message to us; a template otherwise. */
export function insideWindow(lastInbound: Date | null, now: Date): boolean {
  return lastInbound !== null && now.getTime() - lastInbound.getTime() < WINDOW_MS;
}

/**
 * A template parameter as the Cloud API accepts it: no new lines or tabs, no more than four spaces in a row
 * (error 132018 otherwise), and a sane length.
 */
export function templateParam(value: string, max = 600): string {
  const flat = value
    .replace(/[\r\n\t]+/g, " ")
    .replace(/ {4,}/g, "   ")
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

// --- the Cloud API's answers

/**
 * Graph API error codes worth trying again later: throughput (130429), pair rate (131056), the WABA's and
 * app's rate limits (80007, 4), temporary faults (1, 2, 131000, 131016, 133004) and an expired token (190: the
 * operator renews it, the queue waits). Anything else the API refused is final.
 */
const RETRY_CODES = new Set([1, 2, 4, 80007, 130429, 131000, 131016, 131056, 133004, 190]);
/** the free-form text was outside the 24-hour window (re-engagement message): send the template instead */
export const REENGAGEMENT = 131047;

export interface GraphError {
  code: number | null;
  message: string;
  details: string | null;
}

export function parseGraphError(body: unknown): GraphError {
  const e = (body as { error?: { code?: unknown; message?: unknown; error_data?: { details?: unknown } } } | null)?.error;
  return {
    code: typeof e?.code === "number" ? e.code : typeof e?.code === "string" && /^\d+$/.test(e.code) ? Number(e.code) : null,
    message: typeof e?.message === "string" ? e.message : "tanpa pesan",
    details: typeof e?.error_data?.details === "string" ? e.error_data.details : null,
  };
}

export function graphRetryable(status: number, code: number | null): boolean {
  if (status === 429 || status >= 500) return true;
  return code !== null && RETRY_CODES.has(code);
}

/** An HTTP answer's Retry-After (seconds or a date) in ms, capped at an hour; null without one. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const s = Number(header);
  const ms = Number.isFinite(s) ? s * 1000 : Date.parse(header) - now;
  return Number.isFinite(ms) && ms > 0 ? Math.min(ms, 3600_000) : null;
}

// --- the SMS gateway's body

/** SMS_GATEWAY_BODY with its placeholders filled JSON-escaped (the template is a JSON text). */
export function fillSmsBody(template: string, values: { to: string; text: string; ref: string }): string {
  const esc = (v: string) => JSON.stringify(v).slice(1, -1);
  return template.replace(/\{\{(to|text|ref)\}\}/g, (_m, k: "to" | "text" | "ref") => esc(values[k]));
}

/** The gateway's message id from its JSON answer, where gateways commonly put it. */
export function smsMessageId(body: unknown): string | null {
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== "object") return null;
  for (const k of ["id", "messageId", "message_id", "msgid"]) {
    const v = b[k];
    if (typeof v === "string" || typeof v === "number") return String(v);
  }
  const data = b.data as Record<string, unknown> | undefined;
  return data && typeof data === "object" ? smsMessageId(data) : null;
}

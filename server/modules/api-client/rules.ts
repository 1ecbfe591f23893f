import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { API_SCOPES, TOKEN_PREFIX, type ApiScope } from "../../shared/klien-api";

// the scopes and the key's format are read by the admin pages too, so they live in server/shared/klien-api.ts
export { API_SCOPES, TOKEN_PREFIX, isClientToken, parseToken, type ApiScope } from "../../shared/klien-api";

export const API_SCOPE_LABEL: Record<ApiScope, string> = {
  BACA_KATALOG: "Read the service catalogue, including the instansi's inactive services",
  BACA_STATISTIK: "Read the instansi's statistics, including its live queue counts (antrianJumlah)",
  VERIFIKASI_DOKUMEN: "Verify result documents and see whom they were issued to (name, masked NIK)",
  BUAT_PENGADUAN: "Record complaints for the instansi that arrived through a channel (kanal WEB or WHATSAPP)",
  KASUS_INSTANSI: "Read and act on the instansi's pengajuan and pengaduan like an officer",
  TERIMA_WEBHOOK: "Subscribe URLs to events and read the deliveries",
};

/**
 * The scopes a person may give an API client: an instansi's ADMIN (for that instansi, which the mutations'
 * authorisation ensures) and SUPERADMIN may give every scope, since each is bound to the client's own instansi
 * and none reaches further than what the ADMIN already oversees; nobody else gives any.
 */
export function scopesGrantableBy(role: string | null): readonly ApiScope[] {
  return role === "ADMIN" || role === "SUPERADMIN" ? API_SCOPES : [];
}

/** The channels an API client may record complaints for (national complaint system, WhatsApp gateway). */
export const KANAL_KLIEN = ["WEB", "WHATSAPP"] as const;

/** A new secret: 32 random bytes, base64url (43 characters). */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function formatToken(clientId: string, secret: string): string {
  return `${TOKEN_PREFIX}${clientId}.${secret}`;
}

/**
 * The stored form of a secret. A plain SHA-256 is enough: the secret is 256 random bits, so there is nothing
 * to guess (argon2 is for passwords people choose, and would cost ~50 ms on every request).
 */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether a client row may act now. */
export function clientUsable(c: { dicabutAt: Date | null; berlakuSampai: Date | null }, now: Date): boolean {
  return !c.dicabutAt && (!c.berlakuSampai || c.berlakuSampai.getTime() > now.getTime());
}

import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { API_SCOPES, TOKEN_PREFIX, type ApiScope } from "../../shared/klien-api";
import { z } from "zod";
import { problem } from "../../lib/validate";

// the scopes and the key's format are read by the admin pages too, so they live in server/shared/klien-api.ts
export { API_SCOPES, TOKEN_PREFIX, isClientToken, parseToken, type ApiScope } from "../../shared/klien-api";

export const API_SCOPE_LABEL: Record<ApiScope, string> = {
  BACA_KATALOG: "Read the service catalogue, including the instansi's inactive services",
  BACA_STATISTIK: "Read the instansi's statistics, including its live queue counts (antrianJumlah)",
  VERIFIKASI_DOKUMEN: "Verify result documents and see whom they were issued to (name, masked NIK)",
  BUAT_PENGADUAN: "Record complaints for the instansi that arrived through a channel (kanal WEB or WHATSAPP)",
  KASUS_INSTANSI: "Read and act on the instansi's pengajuan and pengaduan like an officer",
  TERIMA_WEBHOOK: "Subscribe URLs to events and read the deliveries",
  ANTRIAN_TAMPIL: "A queue display (TV) of the office: follow the numbers being called, live",
  ANTRIAN_KIOSK: "A ticket kiosk of the office: list the queue groups and services, issue tickets",
};

const MAX_VALIDITY_MS = 5 * 366 * 24 * 3600_000;

/**
 * A client's name, contact, scopes and expiry as an admin enters them, in the form's order. `grantable`: the
 * scopes the caller may give (policy.ts); `now`: the expiry must be in the future and at most 5 years ahead.
 */
export function apiClientSchema(grantable: readonly ApiScope[], now: Date) {
  const nama = problem("NAMA_INVALID", 'Nama klien 3–100 karakter, misalnya "SP4N-LAPOR! Kabupaten Madiun".');
  const kontak = problem("KONTAK_INVALID", "Kontak penanggung jawab integrasi 5–300 karakter (nama, email, telepon).");
  return z.object({
    nama: z.string().trim().min(3, nama).max(100, nama),
    kontak: z.string().trim().min(5, kontak).max(300, kontak),
    scopes: z
      .array(z.enum(API_SCOPES))
      // canonical order, each once
      .transform((value) => API_SCOPES.filter((s) => value.includes(s)))
      .refine((scopes) => scopes.length > 0, problem("SCOPES_REQUIRED", "Pilih paling sedikit satu cakupan akses."))
      .refine((scopes) => scopes.every((s) => grantable.includes(s)), {
        error: (issue) => {
          const refused = (issue.input as ApiScope[]).filter((s) => !grantable.includes(s));
          return problem("SCOPE_NOT_GRANTABLE", `Anda tidak dapat memberikan cakupan ${refused.join(", ")}.`).error();
        },
      }),
    berlakuSampai: z
      .date()
      .nullable()
      .refine(
        (d) => !d || (d.getTime() > now.getTime() && d.getTime() <= now.getTime() + MAX_VALIDITY_MS),
        problem("BERLAKU_INVALID", "Masa berlaku harus di masa depan dan paling lama 5 tahun."),
      ),
  });
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

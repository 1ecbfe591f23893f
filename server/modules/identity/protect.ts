import type { Keys } from "../../lib/crypto";
import { blindIndex, decrypt, encrypt } from "../../lib/crypto";
import type { IdentityType } from "../../generated/prisma/enums";
import { validateNik, maskIdentity } from "../../shared/nik";
import { validateNip } from "../../shared/nip";
import { ValidationError } from "../../lib/errors";

/** Normalises and validates a NIK or NIP; throws a ValidationError naming `field`. */
export function parseIdentity(type: IdentityType, raw: string, field = "nomorIdentitas", now = new Date()): string {
  const result = type === "NIK" ? validateNik(raw, now) : validateNip(raw, now);
  if (!result.ok) throw new ValidationError(result.code, result.message, field);
  return type === "NIK" ? (result as { nik: string }).nik : (result as { nip: string }).nip;
}

/** The type a login identifier has by its length (16 digits NIK, 18 digits NIP), or null. */
export function identityTypeOf(raw: string): IdentityType | null {
  const digits = raw.replace(/\s+/g, "");
  if (/^\d{16}$/.test(digits)) return "NIK";
  if (/^\d{18}$/.test(digits)) return "NIP";
  return null;
}

export function identityIndex(keys: Keys, type: IdentityType, value: string): string {
  return blindIndex(keys, type, value);
}

export function protectIdentity(keys: Keys, userId: string, type: IdentityType, value: string) {
  return {
    identityType: type,
    identityCipher: encrypt(keys, value, `user:${userId}:identity`),
    identityIndex: identityIndex(keys, type, value),
    identityMasked: maskIdentity(value),
  };
}

export function revealIdentity(keys: Keys, user: { id: string; identityCipher: string }): string {
  return decrypt(keys, user.identityCipher, `user:${user.id}:identity`);
}

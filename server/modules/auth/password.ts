import { hash, verify } from "@node-rs/argon2";
import { PASSWORD_MIN } from "../../shared/limits";

// OWASP Password Storage Cheat Sheet minimum for argon2id: m=19 MiB, t=2, p=1.
export const ARGON2_PARAMS = {
  algorithm: 2 /* Algorithm.Argon2id (a const enum, not importable under isolatedModules) */,
  memoryCost: 19456,
  timeCost: 2,
  parallelism: 1,
} as const;

// the forms show the same minimum before sending
export { PASSWORD_MIN };
export const PASSWORD_MAX = 128;

// The most common choices seen in breach corpora, plus the obvious local ones.
const COMMON = new Set([
  "password",
  "password1",
  "password123",
  "123456789",
  "1234567890",
  "12345678910",
  "qwertyuiop",
  "qwerty123",
  "iloveyou",
  "admin12345",
  "administrator",
  "passw0rd",
  "welcome123",
  "abc1234567",
  "1q2w3e4r5t",
  "1qaz2wsx3edc",
  "indonesia",
  "indonesia1",
  "indonesia45",
  "bismillah",
  "bismillah1",
  "sayangku123",
  "rahasia123",
  "katasandi",
  "katasandi1",
  "merdeka45",
  "loket12345",
  "kemenag123",
  "pelayanan1",
]);

export type PasswordProblem = { code: "PASSWORD_WEAK"; message: string };

/** NIST 800-63B style: length and a block list, no composition rules. */
export function checkPasswordStrength(password: string, personal: string[] = []): PasswordProblem | null {
  const weak = (message: string): PasswordProblem => ({ code: "PASSWORD_WEAK", message });
  if (password.length < PASSWORD_MIN) return weak(`Kata sandi minimal ${PASSWORD_MIN} karakter.`);
  if (password.length > PASSWORD_MAX) return weak(`Kata sandi maksimal ${PASSWORD_MAX} karakter.`);
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return weak("Kata sandi terlalu umum dan mudah ditebak. Pilih kata sandi lain.");
  if (new Set(lower).size < 4) return weak("Kata sandi terlalu sederhana (terlalu banyak karakter berulang).");
  for (const p of personal) {
    if (p && p.length >= 4 && lower.includes(p.toLowerCase())) {
      return weak("Kata sandi tidak boleh memuat NIK/NIP, nama, atau email Anda.");
    }
  }
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verifying against this when the account does not exist keeps response time from revealing which NIKs exist.
let dummyHash: Promise<string> | undefined;
export function dummyVerify(password: string): Promise<boolean> {
  dummyHash ??= hashPassword("loket-dummy-password-for-timing");
  return dummyHash.then((h) => verifyPassword(h, password)).then(() => false);
}

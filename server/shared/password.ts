/**
 * What makes a password too weak, checked by the API (server/modules/auth/password.ts hashes and verifies) and by
 * the browser before sending, with the same words: a form never lets through what the API refuses.
 */
import { PASSWORD_MIN } from "./limits";

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

/** The parts of a person a password must not contain: the identity number, the email's name part, each word of the name. */
export function personalParts(nomorIdentitas: string, contact: { email: string; namaLengkap: string }): string[] {
  return [nomorIdentitas.replace(/\s+/g, ""), contact.email.trim().split("@")[0]!, ...contact.namaLengkap.trim().split(/\s+/)];
}

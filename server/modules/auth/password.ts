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

export { checkPasswordStrength, PASSWORD_MAX, type PasswordProblem } from "../../shared/password";

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

import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Keys for personal data at rest. One master secret (LOKET_SECRET, or a key file created in DATA_DIR on
 * first run) is stretched with HKDF into separate keys, so the blind index can never be used to decrypt.
 */
export interface Keys {
  encryption: Buffer;
  blindIndex: Buffer;
  tokens: Buffer;
}

export function loadMasterSecret(secret: string | undefined, dataDir: string): Buffer {
  if (secret) {
    if (secret.length < 32) throw new Error("LOKET_SECRET must be at least 32 characters");
    return Buffer.from(secret, "utf8");
  }
  const file = path.join(dataDir, "secret.key");
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  const key = randomBytes(32);
  // 'wx' so two first runs racing cannot both write different keys
  fs.writeFileSync(file, key.toString("base64") + "\n", { mode: 0o600, flag: "wx" });
  return key;
}

export function deriveKeys(master: Buffer): Keys {
  const derive = (info: string) => Buffer.from(hkdfSync("sha256", master, "loket", info, 32));
  return { encryption: derive("pii-encryption-v1"), blindIndex: derive("pii-blind-index-v1"), tokens: derive("tokens-v1") };
}

const VERSION = "v1";

/** AES-256-GCM; output `v1.<base64(iv|tag|ciphertext)>`. `aad` binds the ciphertext to its purpose. */
export function encrypt(keys: Keys, plaintext: string, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keys.encryption, iv);
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), data]).toString("base64")}`;
}

export function decrypt(keys: Keys, value: string, aad: string): string {
  const [version, body] = value.split(".", 2);
  if (version !== VERSION || !body) throw new Error("unknown ciphertext format");
  const raw = Buffer.from(body, "base64");
  const decipher = createDecipheriv("aes-256-gcm", keys.encryption, raw.subarray(0, 12));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
}

/** Keyed, deterministic: equal identity numbers give equal indexes, without storing the number. */
export function blindIndex(keys: Keys, kind: string, value: string): string {
  return createHmac("sha256", keys.blindIndex).update(`${kind}:${value}`).digest("hex");
}

export function sha256Hex(value: string | Buffer): string {
  return createHash("sha256").update(value).digest("hex");
}

export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

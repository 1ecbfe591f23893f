import { describe, expect, it } from "vitest";
import { clientUsable, formatToken, hashSecret, newSecret, parseToken, secretMatches } from "./rules";

describe("API client tokens", () => {
  const id = "0b7f3c1e-2d4a-4f6b-9c8d-1e2f3a4b5c6d";
  it("formats and parses lkc_<clientId>.<secret>", () => {
    const secret = newSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(parseToken(formatToken(id, secret))).toEqual({ clientId: id, secret });
    for (const bad of [
      "",
      "lkc_",
      `lkc_${id}`,
      `lkc_${id}.`,
      `lkc_bukan-uuid.${secret}`,
      `lks_${id}.${secret}`,
      `lkc_${id}.${secret}x`,
      `lkc_${id}.${secret.slice(1)}`,
    ]) {
      expect(parseToken(bad), bad).toBeNull();
    }
  });
  it("stores a hash and compares in constant time", () => {
    const secret = newSecret();
    expect(hashSecret(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(secretMatches(secret, hashSecret(secret))).toBe(true);
    expect(secretMatches(newSecret(), hashSecret(secret))).toBe(false);
    expect(secretMatches(secret, "abc")).toBe(false);
  });
  it("is usable until revoked or expired", () => {
    const now = new Date("2026-11-23T00:00:00Z");
    expect(clientUsable({ dicabutAt: null, berlakuSampai: null }, now)).toBe(true);
    expect(clientUsable({ dicabutAt: null, berlakuSampai: new Date("2026-11-23T00:00:01Z") }, now)).toBe(true);
    expect(clientUsable({ dicabutAt: null, berlakuSampai: now }, now)).toBe(false);
    expect(clientUsable({ dicabutAt: new Date("2026-11-01"), berlakuSampai: null }, now)).toBe(false);
  });
});

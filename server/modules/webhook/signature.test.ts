import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { REPLAY_WINDOW_SECONDS, newSigningSecret, sign, signedHeaders, verifyWebhook } from "./signature";
import { checkWebhookUrl, webhookRetryDelayMs } from "./rules";

const secret = "whsec_uji-coba-rahasia";
const body = JSON.stringify({ id: "d1", event: "PENGAJUAN_STATUS", data: { status: "DIVERIFIKASI" } });
const now = Date.UTC(2026, 10, 23, 3, 0, 0);
const ts = Math.floor(now / 1000);

describe("webhook signatures", () => {
  it("is HMAC-SHA256 of '<timestamp>.<body>' in hex, as documented", () => {
    expect(sign(secret, ts, body)).toBe(createHmac("sha256", secret).update(`${ts}.${body}`).digest("hex"));
    expect(newSigningSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  });

  it("verifies what it signs, with fetch Headers and with Node's lower-case header object", () => {
    const h = signedHeaders(secret, body, { event: "PENGAJUAN_STATUS", deliveryId: "d1", timestamp: ts });
    expect(verifyWebhook(secret, new Headers(h), body, now)).toEqual({ ok: true, event: "PENGAJUAN_STATUS", deliveryId: "d1", timestamp: ts });
    const node = Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
    expect(verifyWebhook(secret, node, Buffer.from(body), new Date(now)).ok).toBe(true);
  });

  it("refuses a tampered body, another secret, a missing or malformed header", () => {
    const h = new Headers(signedHeaders(secret, body, { event: "E", deliveryId: "d", timestamp: ts }));
    expect(verifyWebhook(secret, h, body.replace("DIVERIFIKASI", "SELESAI"), now)).toEqual({ ok: false, reason: "SIGNATURE_MISMATCH" });
    expect(verifyWebhook("whsec_lain", h, body, now)).toEqual({ ok: false, reason: "SIGNATURE_MISMATCH" });
    expect(verifyWebhook(secret, {}, body, now)).toEqual({ ok: false, reason: "SIGNATURE_MISSING" });
    expect(verifyWebhook(secret, { "x-loket-timestamp": "kemarin", "x-loket-signature": "v1=00" }, body, now)).toEqual({
      ok: false,
      reason: "TIMESTAMP_INVALID",
    });
    expect(verifyWebhook(secret, { "x-loket-timestamp": String(ts), "x-loket-signature": "v1=zz" }, body, now)).toEqual({
      ok: false,
      reason: "SIGNATURE_MISMATCH",
    });
  });

  it("accepts 5 minutes either way and no more (replay window); several v1 values are allowed", () => {
    const at = (offset: number) => new Headers(signedHeaders(secret, body, { event: "E", deliveryId: "d", timestamp: ts + offset }));
    expect(verifyWebhook(secret, at(-REPLAY_WINDOW_SECONDS), body, now).ok).toBe(true);
    expect(verifyWebhook(secret, at(REPLAY_WINDOW_SECONDS), body, now).ok).toBe(true);
    expect(verifyWebhook(secret, at(-REPLAY_WINDOW_SECONDS - 1), body, now)).toEqual({ ok: false, reason: "TIMESTAMP_OUTSIDE_WINDOW" });
    expect(verifyWebhook(secret, at(REPLAY_WINDOW_SECONDS + 1), body, now)).toEqual({ ok: false, reason: "TIMESTAMP_OUTSIDE_WINDOW" });
    const two = { "x-loket-timestamp": String(ts), "x-loket-signature": `v1=${"0".repeat(64)}, v1=${sign(secret, ts, body)}` };
    expect(verifyWebhook(secret, two, body, now).ok).toBe(true);
  });
});

describe("webhook URLs", () => {
  it("https anywhere; http only to this machine and never in production", () => {
    expect(checkWebhookUrl("https://lapor.go.id/loket", "production")).toEqual({ url: "https://lapor.go.id/loket" });
    expect(checkWebhookUrl("http://127.0.0.1:8080/hook", "development")).toEqual({ url: "http://127.0.0.1:8080/hook" });
    expect(checkWebhookUrl("http://localhost/hook", "test")).toEqual({ url: "http://localhost/hook" });
    expect(checkWebhookUrl("http://[::1]:9000/", "development")).toEqual({ url: "http://[::1]:9000/" });
    expect(checkWebhookUrl("http://127.0.0.1:8080/hook", "production")).toEqual({ problem: "URL_NOT_HTTPS" });
    expect(checkWebhookUrl("http://lapor.go.id/hook", "development")).toEqual({ problem: "URL_NOT_HTTPS" });
    expect(checkWebhookUrl("http://127.0.0.1.nip.io/hook", "development")).toEqual({ problem: "URL_NOT_HTTPS" });
    for (const bad of ["", "lapor.go.id", "https://user:pw@lapor.go.id/", "https://lapor.go.id/#x"]) {
      expect(checkWebhookUrl(bad, "development"), bad).toEqual({ problem: "URL_INVALID" });
    }
    for (const scheme of [
      "ftp://lapor.go.id/x",
      "javascript:alert(1)",
      "file:///etc/passwd",
      "gopher://127.0.0.1:6379/_INFO",
      "ws://lapor.go.id/",
      "data:text/plain,x",
    ]) {
      expect(checkWebhookUrl(scheme, "development"), scheme).toEqual({ problem: "URL_SCHEME_INVALID" });
    }
  });

  it("retries back off exponentially to an hour", () => {
    expect([1, 2, 3, 4].map((n) => webhookRetryDelayMs(n, () => 0))).toEqual([10_000, 20_000, 40_000, 80_000]);
    expect(webhookRetryDelayMs(20, () => 0)).toBe(3_600_000);
    expect(webhookRetryDelayMs(1, () => 1)).toBe(9_000);
  });
});

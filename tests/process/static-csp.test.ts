import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createStaticHandler } from "../../server/static";

/**
 * The pages' Content-Security-Policy: no inline script or style anywhere, except inline styles on the letter
 * designer's page alone (@pdfme/ui injects its widgets' styles; server/static.ts DESIGNER_PATH).
 */
let dir: string;
let server: http.Server;
let base: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-static-"));
  fs.writeFileSync(path.join(dir, "index.html"), "<!doctype html><title>Loket</title>");
  const handle = createStaticHandler(dir);
  server = http.createServer((req, res) => {
    if (!handle(req, res)) res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

const csp = async (p: string) => (await fetch(base + p)).headers.get("content-security-policy") ?? "";

it("allows inline styles on the template designer's page only, and inline scripts nowhere", async () => {
  for (const p of ["/", "/admin/layanan/abc", "/admin/layanan/abc/template-surat/x", "/tanda-tangan", "/admin/layanan/abc/template-suratx"]) {
    const policy = await csp(p);
    expect(policy, p).toContain("style-src 'self';");
    expect(policy, p).not.toContain("unsafe-inline");
  }
  const designer = await csp("/admin/layanan/0b8f3c2e-1111-4222-8333-444455556666/template-surat");
  expect(designer).toContain("style-src 'self' 'unsafe-inline'");
  expect(designer).toContain("default-src 'self'");
  expect(designer).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(designer).toContain("frame-ancestors 'none'");
});

import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/config";
import { createTestApp, serviceFixture, tinyPdf, upload, type TestApp } from "../helpers/app";

/**
 * No HTTP answer carries a stack trace or a server path, whatever NODE_ENV says: a set of bad requests (a
 * download whose stored file is gone, a stored file that cannot be read, malformed bodies, unknown hashes,
 * wrong methods, …) sent over a real socket, every status line, header and body scanned.
 */
const LEAK = /\bat [\w$.<>]+ \(|\bat (?:async )?\/|(?:^|[\s("'])\/(?:work|home|root|tmp|usr|app|srv|opt)\/|node_modules|\.[cm]?[jt]s:\d+:\d+|file:\/\//m;

for (const mode of ["development", "production"] as const) {
  describe(`NODE_ENV=${mode}`, () => {
    let t: TestApp;
    let base: string;
    let savedEnv: string | undefined;
    let fx: Awaited<ReturnType<typeof serviceFixture>>;
    const template = async (slot: number) => {
      const res = await upload(
        t,
        `mutation($id: ID!, $f: File) { unggahTemplatePersyaratan(persyaratanId: $id, file: $f) { __typename } }`,
        { id: fx.slots[slot]!.id, f: null },
        { f: { name: "contoh.pdf", type: "application/pdf", content: tinyPdf(`contoh-${mode}-${slot}`) } },
        { token: fx.admin.token },
      );
      expect(res.data?.unggahTemplatePersyaratan.__typename).toBe("UnggahTemplatePersyaratanSuccess");
      const rawId = Buffer.from(fx.slots[slot]!.id, "base64").toString().split(":")[1]!;
      const row = await t.db.prisma.persyaratanDokumen.findUniqueOrThrow({ where: { id: rawId }, include: { templateFile: true } });
      const key = row.templateFile!.storageKey;
      return { url: `${base}/unduh/template/${rawId}`, file: path.join(t.config.dataDir, "files", key) };
    };

    beforeAll(async () => {
      savedEnv = process.env.NODE_ENV;
      process.env.NODE_ENV = mode; // libraries read it too (yoga's error masking, the server adapter)
      const env = loadConfig({ NODE_ENV: mode, DATA_DIR: "/tmp/unused" });
      t = await createTestApp({ env: env.env, graphiql: env.graphiql, introspection: env.introspection, rateLimitPerAddress: 0, rateLimitPerUser: 0 });
      base = `http://127.0.0.1:${await t.app.start(0, "127.0.0.1")}`;
      fx = await serviceFixture(t);
    }, 60_000);
    afterAll(async () => {
      process.env.NODE_ENV = savedEnv;
      await t?.close();
    });

    it("a download whose stored file is gone: a clear Indonesian 410 with FILE_NOT_FOUND, for GET and HEAD", async () => {
      const { url, file } = await template(0);
      expect((await fetch(url)).status).toBe(200);
      fs.rmSync(file);
      const res = await fetch(url);
      expect(res.status).toBe(410);
      expect(res.headers.get("x-loket-error")).toBe("FILE_NOT_FOUND");
      const body = await res.text();
      expect(body).toMatch(/tidak lagi tersedia/);
      expect(body).not.toMatch(LEAK);
      const head = await fetch(url, { method: "HEAD" });
      expect([head.status, head.headers.get("x-loket-error")]).toEqual([410, "FILE_NOT_FOUND"]);
    });

    it("a stored file that cannot be read: 500 INTERNAL_SERVER_ERROR without details", async () => {
      const { url, file } = await template(1);
      fs.rmSync(file);
      fs.mkdirSync(file); // EISDIR when it is read
      const res = await fetch(url);
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(JSON.parse(body).errors[0].extensions.code).toBe("INTERNAL_SERVER_ERROR");
      expect(body).not.toMatch(LEAK);
    });

    it("no bad request gets a stack trace or a path back", async () => {
      const json = { "content-type": "application/json" };
      const requests: Array<[string, string, RequestInit]> = [
        ["malformed JSON", "/graphql", { method: "POST", headers: json, body: "{ nope" }],
        ["JSON that is no object", "/graphql", { method: "POST", headers: json, body: "[1, 2" }],
        ["no query", "/graphql", { method: "POST", headers: json, body: "{}" }],
        ["query not a string", "/graphql", { method: "POST", headers: json, body: JSON.stringify({ query: { a: 1 } }) }],
        ["variables not an object", "/graphql", { method: "POST", headers: json, body: JSON.stringify({ query: "{ __typename }", variables: "x" }) }],
        ["syntax error", "/graphql", { method: "POST", headers: json, body: JSON.stringify({ query: "{ me { " }) }],
        ["unknown field", "/graphql", { method: "POST", headers: json, body: JSON.stringify({ query: "{ rahasia }" }) }],
        ["wrong content type", "/graphql", { method: "POST", headers: { "content-type": "text/plain" }, body: "{ __typename }" }],
        ["mutation over GET", "/graphql?query=mutation%7Blogout%7B__typename%7D%7D", { headers: { "x-loket-csrf": "1" } }],
        ["GET without CSRF header", "/graphql?query=%7B__typename%7D", {}],
        [
          "unknown persisted hash",
          "/graphql",
          { method: "POST", headers: json, body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }) },
        ],
        [
          "broken multipart",
          "/graphql",
          {
            method: "POST",
            headers: { "content-type": "multipart/form-data; boundary=x", "x-loket-csrf": "1" },
            body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{ nope\r\n--x--\r\n',
          },
        ],
        [
          "multipart without map",
          "/graphql",
          {
            method: "POST",
            headers: { "content-type": "multipart/form-data; boundary=x", "x-loket-csrf": "1" },
            body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--x--\r\n',
          },
        ],
        [
          "body too large",
          "/graphql",
          { method: "POST", headers: json, body: JSON.stringify({ query: "{ __typename }", variables: { x: "x".repeat(1_100_000) } }) },
        ],
        ["download, wrong method", `/unduh/template/00000000-0000-4000-8000-000000000000`, { method: "DELETE" }],
        ["download, unknown id", `/unduh/template/00000000-0000-4000-8000-000000000000`, {}],
        ["download, no session", `/unduh/dokumen/00000000-0000-4000-8000-000000000000`, {}],
        ["download, bad token", `/unduh/hasil/00000000-0000-4000-8000-000000000000`, { headers: { authorization: "Bearer nope" } }],
        ["download, malformed id", `/unduh/bukti/..%2F..%2Fetc%2Fpasswd`, {}],
        ["unknown path", "/tidak-ada/../../etc/passwd", {}],
        [
          "bad session cookie",
          "/graphql",
          { method: "POST", headers: { ...json, cookie: "loket_session=%%%" }, body: JSON.stringify({ query: "{ me { id } }" }) },
        ],
      ];
      const leaks: string[] = [];
      for (const [name, p, init] of requests) {
        const res = await fetch(`${base}${p}`, init);
        const text = `${res.status} ${[...res.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${await res.text()}`;
        if (LEAK.test(text) || text.includes(t.config.dataDir)) leaks.push(`${name}: ${text.slice(0, 400)}`);
        if (res.status >= 500) leaks.push(`${name}: status ${res.status}`);
      }
      expect(leaks).toEqual([]);
    });
  });
}

// Issue 13 "Observability": structured JSON logs with a request id carried from HTTP and WebSocket operations
// into the outbox worker, and no personal identifier in any line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, LOGIN, PNG_1X1, REGISTER, registerInput, type TestApp } from "../helpers/app";
import { startSmtp, type TestSmtp } from "../helpers/smtp";
import { wsClient } from "../helpers/ws";
import { createLogger, logContext } from "../../server/logger";
import { emailRow } from "../../server/modules/mail/outbox";

let t: TestApp;
let port: number;
const servers: TestSmtp[] = [];
let smtp: TestSmtp;
let logs = "";
let restoreStderr = () => {};

beforeAll(async () => {
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array) => {
    logs += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return true;
  }) as typeof process.stderr.write;
  restoreStderr = () => {
    process.stderr.write = write;
  };
  smtp = await startSmtp(servers);
  t = await createTestApp({ smtpUrl: smtp.url, logLevel: "debug", logFormat: "json" });
  port = await t.app.start(0, "127.0.0.1");
}, 120_000);

afterAll(async () => {
  restoreStderr();
  await t?.close();
  for (const s of servers) await s.close();
});

type Line = { level: string; msg: string; requestId?: string; connectionId?: string; job?: string; operationName?: string; [k: string]: unknown };
const lines = (): Line[] =>
  logs
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Line);

async function waitFor<T>(what: string, find: () => T | undefined | null | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("request ids and personal data in the log", () => {
  it("a registration over HTTP and a login over WebSocket: ids on every line, into the worker's line for the email; no NIK, phone, email or password anywhere", {
    timeout: 120_000,
  }, async () => {
    const input = registerInput(t, { email: `pemilik.log.${Date.now()}@contoh.id`, telepon: "081377712345" });
    const secrets = [input.nomorIdentitas as string, input.telepon as string, input.email as string, input.password as string];

    // HTTP: the client's X-Request-Id is kept and answered
    const requestId = "uji-registrasi.001";
    // as the web client sends it: multipart, with the KTP photo
    const form = new FormData();
    form.append("operations", JSON.stringify({ query: REGISTER, variables: { input: { ...input, fotoIdentitas: null } }, operationName: "Register" }));
    form.append("map", JSON.stringify({ 0: ["variables.input.fotoIdentitas"] }));
    form.append("0", new Blob([new Uint8Array(PNG_1X1)], { type: "image/png" }), "ktp.png");
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "x-request-id": requestId, "x-loket-csrf": "1" },
      body: form,
    });
    expect(res.headers.get("x-request-id")).toBe(requestId);
    const body = await res.json();
    expect(body.data.register.__typename).toBe("RegisterSuccess");

    // the verification email goes out through the worker, whose line carries the registration's request id
    await waitFor("the verification email", () => smtp.messages.length > 0);
    const sent = await waitFor("the worker's line", () => lines().find((l) => /^Outbox: email \S+ sent/.test(l.msg)));
    expect(sent.requestId).toBe(requestId);
    expect(sent.job).toMatch(/^email:[0-9a-f-]{36}$/);
    const row = await t.db.prisma.outbox.findFirstOrThrow({ where: { id: sent.job!.slice("email:".length) } });
    expect(row.requestId).toBe(requestId);
    // and the request's own line
    expect(lines().some((l) => l.requestId === requestId && l.msg === "HTTP request" && l.operationName === "Register")).toBe(true);

    // WebSocket: a login with the password, on a connection of its own, under a new request id
    const client = wsClient(port);
    const result = await new Promise<Record<string, any>>((resolve, reject) => {
      client.subscribe(
        { query: LOGIN, variables: { nomorIdentitas: input.nomorIdentitas, password: input.password }, operationName: "Login" },
        { next: resolve, error: reject, complete: () => {} },
      );
    });
    expect(result.data?.login).toBeTruthy();
    await client.dispose();
    const wsLine = await waitFor("the WebSocket operation's line", () => lines().find((l) => l.msg === "WebSocket operation" && l.operationName === "Login"));
    expect(wsLine.connectionId).toMatch(/^ws-[A-Za-z0-9_-]+$/);
    expect(wsLine.requestId).toMatch(/^[A-Za-z0-9_-]{16}$/);
    expect(wsLine.requestId).not.toBe(requestId);

    // an HTTP login with a wrong password (a failure path logs too)
    await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: LOGIN, variables: { nomorIdentitas: input.nomorIdentitas, password: `${input.password}-salah` } }),
    });

    const all = logs;
    expect(all.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(all, `log output contains ${secret}`).not.toContain(secret);
    expect(all).not.toContain(`${input.password}-salah`);
    expect(all).not.toContain(body.data.register.data.token);
    expect(all).toContain(requestId);
  });

  it("a request id that is not a sane token is replaced by a new one", async () => {
    for (const bad of ["ada spasi", "x".repeat(65), "<script>", "ä"]) {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": encodeURIComponent(bad) === bad ? bad : encodeURIComponent(bad) },
        body: JSON.stringify({ query: "{ __typename }" }),
      });
      const id = res.headers.get("x-request-id")!;
      expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
    }
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(res.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it("every line is one JSON object with a level, a time and a message", () => {
    for (const l of lines()) {
      expect(typeof l.level).toBe("string");
      expect(typeof l.msg).toBe("string");
      expect(typeof l.time).toBe("string");
    }
  });
});

describe("queued jobs", () => {
  it("an email row written inside a request records its id; one written outside any request none", () => {
    const msg = { to: "a@contoh.id", subject: "Uji", text: "Isi", kategori: "STATUS_PENGAJUAN" as const };
    expect(logContext.run({ requestId: "r-queue-1" }, () => emailRow(msg).requestId)).toBe("r-queue-1");
    expect(emailRow(msg).requestId).toBeUndefined();
  });
});

describe("LOG_FORMAT", () => {
  it("pretty: readable lines with the request id, redacted like the JSON ones", () => {
    const out: string[] = [];
    const log = createLogger("info", "pretty", { write: (l) => out.push(l) });
    logContext.run({ requestId: "abc-123" }, () => log.info("Halo", { token: "rahasia-sekali", nik: "3519011708900042" }));
    expect(out).toHaveLength(1);
    expect(() => JSON.parse(out[0]!)).toThrow();
    expect(out[0]).toContain("Halo");
    expect(out[0]).toContain("abc-123");
    expect(out[0]).not.toContain("rahasia-sekali");
    expect(out[0]).not.toContain("3519011708900042");
  });

  it("json: debug lines are left out below the level", () => {
    const out: string[] = [];
    const log = createLogger("warn", "json", { write: (l) => out.push(l) });
    log.info("tidak");
    log.warn("ya");
    expect(out.map((l) => JSON.parse(l).msg)).toEqual(["ya"]);
  });
});

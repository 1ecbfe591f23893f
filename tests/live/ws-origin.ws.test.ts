import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { createTestApp, registerCitizen, type TestApp } from "../helpers/app";

/**
 * Cross-site WebSocket hijacking: a browser attaches the session cookie to a socket opened by any page, so the
 * cookie authenticates a socket only when its Origin is the site's own (the Host it was sent to, PUBLIC_URL, or
 * ALLOWED_ORIGINS). From elsewhere the socket is anonymous; a Bearer token in connectionParams is unaffected.
 * Real sockets sending real Origin and Cookie headers.
 */
let t: TestApp;
let port: number;

beforeAll(async () => {
  t = await createTestApp({ publicUrl: "https://loket.example.go.id", allowedOrigins: ["https://mitra.example.go.id"] });
  port = await t.app.start(0, "127.0.0.1");
});
afterAll(() => t.close());

function client(opts: { origin?: string; cookie?: string; token?: string; lazy?: boolean }): Client {
  const headers: Record<string, string> = {};
  if (opts.origin) headers.origin = opts.origin;
  if (opts.cookie) headers.cookie = opts.cookie;
  return createClient({
    url: `ws://127.0.0.1:${port}/graphql`,
    webSocketImpl: class extends WebSocket {
      constructor(address: string, protocols?: string | string[]) {
        super(address, protocols, { headers });
      }
    },
    connectionParams: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
    retryAttempts: 0,
    lazy: opts.lazy ?? true,
  });
}

function once(c: Client, query: string): Promise<{ data?: any; errors?: Array<{ extensions?: { code?: string } }> }> {
  return new Promise((resolve, reject) => {
    let result: any;
    c.subscribe({ query }, { next: (v) => (result = v), error: reject, complete: () => resolve(result) });
  });
}

const ME = `{ me { namaLengkap } }`;
const UPDATE = (telepon: string) => `mutation { updateProfile(telepon: "${telepon}") { __typename } }`;

describe("the session cookie on a WebSocket", () => {
  it("from another site's page: the socket is anonymous, and the victim's profile cannot be changed through it", async () => {
    const victim = await registerCitizen(t);
    const before = await t.db.prisma.user.findUniqueOrThrow({ where: { id: victim.id }, select: { telepon: true } });
    for (const origin of ["https://penyerang.example", "null", `http://127.0.0.1:${port + 1}`]) {
      const c = client({ origin, cookie: `loket_session=${victim.token}` });
      expect((await once(c, ME)).data!.me).toBeNull();
      const r = await once(c, UPDATE("081211112222"));
      expect(r.data ?? null).toBeNull();
      expect(r.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
      await c.dispose();
    }
    expect(await t.db.prisma.user.findUniqueOrThrow({ where: { id: victim.id }, select: { telepon: true } })).toEqual(before);
  });

  it("from the site's own page (the Host it was sent to, PUBLIC_URL, ALLOWED_ORIGINS), or a client that sends no Origin: signed in, and the socket outlives the profile edit made through it", async () => {
    const c0 = await registerCitizen(t);
    const origins = [undefined, `http://127.0.0.1:${port}`, "https://loket.example.go.id", "https://mitra.example.go.id"];
    for (const [i, origin] of origins.entries()) {
      // one socket held open (not lazy) for the whole exchange, as the web client holds it
      const c = client({ origin, cookie: `loket_session=${c0.token}`, lazy: false });
      const events: string[] = [];
      c.on("connected", () => events.push("connected"));
      c.on("closed", (e) => events.push(`closed ${(e as { code?: number }).code}`));
      expect((await once(c, ME)).data!.me, `origin ${origin}`).not.toBeNull();
      // the change is made as the signed-in person, answered on the socket
      const r = await once(c, UPDATE(`08121111000${i}`));
      expect(r.data!.updateProfile.__typename, `origin ${origin}`).toBe("UpdateProfileSuccess");
      expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: c0.id }, select: { telepon: true } })).telepon, `origin ${origin}`).toBe(
        `08121111000${i}`,
      );
      // the edit invalidated the person's sessions; the socket's access is checked again (app.ts, after 20 ms) and,
      // as nothing was taken away, the socket stays open and signed in
      await new Promise((res) => setTimeout(res, 300));
      expect(events, `origin ${origin}`).toEqual(["connected"]);
      expect((await once(c, ME)).data!.me, `origin ${origin}`).not.toBeNull();
      expect((await once(c, UPDATE(`08122222000${i}`))).data!.updateProfile.__typename, `origin ${origin}`).toBe("UpdateProfileSuccess");
      await new Promise((res) => setTimeout(res, 300));
      expect(events, `origin ${origin}`).toEqual(["connected"]);
      await c.dispose();
    }
  });

  it("a Bearer token in connectionParams works from any origin", async () => {
    const c0 = await registerCitizen(t);
    const c = client({ origin: "https://integrasi.example", token: c0.token });
    expect((await once(c, ME)).data!.me).not.toBeNull();
    expect((await once(c, UPDATE("081233334444"))).data!.updateProfile.__typename).toBe("UpdateProfileSuccess");
    await c.dispose();
  });
});

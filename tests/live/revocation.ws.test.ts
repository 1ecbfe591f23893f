import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createTestApp, globalId, serviceFixture, type TestApp } from "../helpers/app";
import { createClient } from "../helpers/api-client";
import { collect, wsClient } from "../helpers/ws";

/**
 * Open subscriptions end (close code 4403) when their person or API client loses access; a change that
 * takes nothing away (a profile edit) leaves them running.
 */
let t: TestApp;
let port: number;
let fx: Awaited<ReturnType<typeof serviceFixture>>;

const FOLLOW = `subscription($id: ID!) { pengajuanBerubah(id: $id) { seq log { aksi } } }`;

async function draft(token: string): Promise<string> {
  const r = await t.gql(
    `mutation($l: ID!) { createPengajuan(layananId: $l) { ... on CreatePengajuanSuccess { data { id } } } }`,
    { l: fx.layanan.id },
    { token },
  );
  return r.data!.createPengajuan.data.id as string;
}

async function closedWith(sub: ReturnType<typeof collect>, ms = 5000): Promise<number | undefined> {
  const end = Date.now() + ms;
  while (!sub.error && Date.now() < end) await new Promise((r) => setTimeout(r, 25));
  return (sub.error as { code?: number } | null)?.code;
}

beforeAll(async () => {
  t = await createTestApp();
  port = await t.app.start(0, "127.0.0.1");
  fx = await serviceFixture(t);
});
afterAll(() => t.close());

// The socket's credential is the token in connectionParams, or the session cookie of the upgrade request (what the
// web client sends): every recheck must find the same person through either carrier.
const carriers = [
  ["a token in connectionParams", (token: string) => wsClient(port, { token })],
  ["the session cookie", (token: string) => wsClient(port, { cookie: `loket_session=${token}` })],
] as const;

describe("access taken away ends live subscriptions", () => {
  for (const [via, socketFor] of carriers) {
    describe(`signed in through ${via}`, () => {
      it("a suspended citizen's open subscription is closed with 4403", async () => {
        const c = await activeCitizen(t);
        const id = await draft(c.token);
        const client = socketFor(c.token);
        const sub = collect(client, FOLLOW, { id });
        await sub.next(1); // BUAT replayed: live
        const r = await t.gql(
          `mutation($u: ID!) { suspendAccount(userId: $u, alasan: "Data identitas tidak sesuai") { __typename } }`,
          { u: globalId("User", c.id) },
          { token: fx.admin.token },
        );
        expect(r.data!.suspendAccount.__typename).toBe("SuspendAccountSuccess");
        expect(await closedWith(sub)).toBe(4403);
        await client.dispose();
      });

      it("a logout closes the open subscription with 4403", async () => {
        const c = await activeCitizen(t);
        const id = await draft(c.token);
        const client = socketFor(c.token);
        const sub = collect(client, FOLLOW, { id });
        await sub.next(1);
        const r = await t.gql(`mutation { logout }`, {}, { token: c.token });
        expect(r.errors).toBeUndefined();
        expect(await closedWith(sub)).toBe(4403);
        await client.dispose();
      });

      it("a profile edit keeps the subscription, and the next step still arrives", async () => {
        const c = await activeCitizen(t);
        const id = await draft(c.token);
        const client = socketFor(c.token);
        const sub = collect(client, FOLLOW, { id });
        await sub.next(1);
        const r = await t.gql(`mutation { updateProfile(telepon: "081299990000") { __typename } }`, {}, { token: c.token });
        expect(r.data!.updateProfile.__typename).toBe("UpdateProfileSuccess");
        await new Promise((res) => setTimeout(res, 300)); // past the recheck
        const cancel = await t.gql(`mutation($id: ID!) { ubahStatusPengajuan(id: $id, aksi: BATALKAN, versi: 1) { __typename } }`, { id }, { token: c.token });
        expect(cancel.data!.ubahStatusPengajuan.__typename).toBe("UbahStatusPengajuanSuccess");
        const events = await sub.next(2);
        expect(events[1]!.data!.pengajuanBerubah.log.aksi).toBe("BATALKAN");
        expect(sub.error).toBeNull();
        await client.dispose();
      });
    });
  }

  it("an API client's subscription is closed when its key is revoked", async () => {
    const api = await createClient(t, fx.admin.token, fx.instansi.id, ["KASUS_INSTANSI"]);
    const client = wsClient(port, { token: api.token });
    const sub = collect(client, `subscription { antrianBerubah { id status } }`);
    await new Promise((res) => setTimeout(res, 500)); // subscribed (this stream replays nothing)
    expect(sub.error).toBeNull();
    const r = await t.gql(`mutation($id: ID!) { revokeApiClient(id: $id) { __typename } }`, { id: api.id }, { token: fx.admin.token });
    expect(r.data!.revokeApiClient.__typename).toBe("RevokeApiClientSuccess");
    expect(await closedWith(sub)).toBe(4403);
    await client.dispose();
  });
});

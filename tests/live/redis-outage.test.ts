import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createTestApp, globalId, insertSubmitted, serviceFixture, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";
import { redisUnavailableReason, startRedis, type OwnRedis } from "../helpers/servers";
import { listen } from "../../server/pubsub";
import { createClient } from "../helpers/api-client";

/**
 * Two instances (and a third started during the outage) on one database, sharing events through a Redis of the
 * test's own, which it kills for a few seconds in the middle of a stream of changes and starts again, empty.
 * What must hold: every subscriber hears every change by itself once Redis is back (also one that subscribed
 * while it was away, and later subscribers of the same topic); a logout through one instance ends the session
 * on the other within seconds while Redis is away; an instance's caches hear its own changes without Redis;
 * requests do not wait on Redis; the outage and the return are each logged once per instance.
 */
const skip = redisUnavailableReason();
if (skip) console.warn(`Skipping Redis outage tests: ${skip}`);

const UBAH = `mutation($id: ID!, $aksi: AksiPengajuan!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: $aksi, versi: $v) { __typename ... on Error { code message } } }`;
const FOLLOW = `subscription($id: ID!) { pengajuanBerubah(id: $id) { seq log { aksi } pengajuan { status } } }`;

async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(skip)("Redis goes away and comes back", () => {
  let redis: OwnRedis;
  let a: TestApp;
  let b: TestApp;
  let portB: number;
  const logs: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  beforeAll(async () => {
    // the instances' log lines, to count what they say about the outage
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = String(chunk);
      if (/"level":"(info|warn|error)"/.test(text)) {
        // the JSON log lines (server/logger.ts)
        logs.push(text);
        return true;
      }
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stderr.write;
    redis = await startRedis();
    a = await createTestApp({ redisUrl: redis.url, logLevel: "info" });
    b = await createTestApp({ redisUrl: redis.url, logLevel: "info" }, a.db);
    (b.app.services as { keys: unknown }).keys = a.app.services.keys;
    portB = await b.app.start(0, "127.0.0.1");
    // (`healthy` is compared with true/false so that this test runs through, and fails on what matters, on code without it)
    await until("both instances are connected", () => a.app.services.pubsub.healthy !== false && b.app.services.pubsub.healthy !== false);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await redis?.close();
    process.stderr.write = write;
  });

  it("subscribers catch up by themselves, sessions end everywhere, caches hear their own instance, and each side is logged once", async () => {
    const fx = await serviceFixture(a);
    const citizen = await activeCitizen(a);
    const other = await activeCitizen(a);
    const p1 = await insertSubmitted(a, fx, citizen.id, `RDS/1/${Date.now() % 1e6}`);
    const p2 = await insertSubmitted(a, fx, citizen.id, `RDS/2/${Date.now() % 1e6}`);
    const suspended = await activeCitizen(a);
    const key = await createClient(a, fx.admin.token, fx.instansi.id, ["KASUS_INSTANSI"]);
    const WHOAMI = `{ currentApiClient { nama } }`;

    // open before the outage, on B: the citizen's request, the desk's queue, another person's notifications
    const citizenWs = wsClient(portB, { token: citizen.token });
    const s1 = collect(citizenWs, FOLLOW, { id: p1.gid });
    await s1.next(1); // AJUKAN, replayed
    const officerWs = wsClient(portB, { token: fx.petugas.token });
    const queue = collect(officerWs, `subscription { antrianBerubah { id status } }`);
    const otherWs = wsClient(portB, { token: other.token });
    const otherSub = collect(otherWs, `subscription { myAccountStatus { status } }`);
    await otherSub.next(1);
    expect((await b.gql(`{ me { id } }`, {}, { token: other.token })).data!.me).not.toBeNull(); // cached on B
    expect((await b.gql(`{ me { status } }`, {}, { token: suspended.token })).data!.me.status).toBe("AKTIF");
    expect((await b.gql(WHOAMI, {}, { token: key.token })).data!.currentApiClient).not.toBeNull();
    await new Promise((r) => setTimeout(r, 200)); // the SUBSCRIBEs reach Redis

    await redis.kill();
    await until("both instances notice", () => a.app.services.pubsub.healthy !== true && b.app.services.pubsub.healthy !== true);

    // A's own listeners hear A's changes without Redis (the queue cache is one of them)
    const heardOnA: string[] = [];
    const stopListening = listen(a.app.services.pubsub, "antrian:berubah", (e) => heardOnA.push(e.instansiId));

    // a subscription opened on B while Redis is away
    const s2 = collect(citizenWs, FOLLOW, { id: p2.gid });
    await s2.next(1);

    // a change on A during the outage, followed by nothing
    expect((await a.gql(UBAH, { id: p1.gid, aksi: "VERIFIKASI", v: 1 }, { token: fx.petugas.token })).data!.ubahStatusPengajuan.__typename).toBe(
      "UbahStatusPengajuanSuccess",
    );
    expect(heardOnA).toContain(fx.instansi.id);
    stopListening();

    // logout through A: B refuses the token over HTTP and closes its socket within seconds, Redis still away
    expect((await a.gql(`mutation { logout }`, {}, { token: other.token })).errors).toBeUndefined();
    await until("B refuses the token", async () => (await b.gql(`{ me { id } }`, {}, { token: other.token })).data!.me === null);
    await until("B closes the socket", () => otherSub.error !== null || otherSub.completed);
    expect((otherSub.error as { code?: number }).code).toBe(4403);
    // a suspension and a rotated API key, made through A: B has them within seconds too
    const suspend = await a.gql(
      `mutation($u: ID!) { suspendAccount(userId: $u, alasan: "Data identitas tidak sesuai") { __typename } }`,
      { u: globalId("User", suspended.id) },
      { token: fx.admin.token },
    );
    expect(suspend.data!.suspendAccount.__typename).toBe("SuspendAccountSuccess");
    const rotated = await a.gql(`mutation($id: ID!) { rotateApiClientSecret(id: $id) { __typename } }`, { id: key.id }, { token: fx.admin.token });
    expect(rotated.data!.rotateApiClientSecret.__typename).toBe("RotateApiClientSecretSuccess");
    await until("B sees the suspension", async () => (await b.gql(`{ me { status } }`, {}, { token: suspended.token })).data?.me?.status !== "AKTIF");
    await until("B refuses the old key", async () => (await b.gql(WHOAMI, {}, { token: key.token })).errors?.[0]?.extensions?.code === "UNAUTHENTICATED");
    expect(b.app.services.pubsub.healthy).toBe(false); // all of that without the bus

    // an instance started while Redis is away
    const c = await createTestApp({ redisUrl: redis.url, logLevel: "info" }, a.db);
    (c.app.services as { keys: unknown }).keys = a.app.services.keys;
    try {
      await new Promise((r) => setTimeout(r, 1_000));
      await redis.start();
      await until("every instance is back", () => [a, b, c].every((x) => x.app.services.pubsub.healthy !== false));
      await new Promise((r) => setTimeout(r, 1_500)); // (code without `healthy`: time to reconnect)

      // the change made during the outage reaches the subscribers that were open, with nothing after it
      const e1 = await s1.next(2, 10_000);
      expect(e1.map((e) => e.data!.pengajuanBerubah.seq)).toEqual([1, 2]);
      expect(e1[1]!.data!.pengajuanBerubah).toMatchObject({ log: { aksi: "VERIFIKASI" }, pengajuan: { status: "DIVERIFIKASI" } });
      // (the queue feed re-reads every request changed since shortly before the outage: p2 may come along)
      const inQueue = (id: string, status: string) => queue.events.some((e) => e.data?.antrianBerubah.id === id && e.data.antrianBerubah.status === status);
      await until("the queue feed catches up", () => inQueue(p1.gid, "DIVERIFIKASI"), 10_000);

      // the subscription opened during the outage and a later one of the same topic both hear what comes next
      const s3 = collect(citizenWs, FOLLOW, { id: p2.gid });
      await s3.next(1);
      await new Promise((r) => setTimeout(r, 200));
      expect((await a.gql(UBAH, { id: p2.gid, aksi: "VERIFIKASI", v: 1 }, { token: fx.petugas.token })).data!.ubahStatusPengajuan.__typename).toBe(
        "UbahStatusPengajuanSuccess",
      );
      for (const s of [s2, s3]) {
        const events = await s.next(2, 10_000);
        expect(events.map((e) => e.data!.pengajuanBerubah.seq)).toEqual([1, 2]);
      }
      expect(s1.events).toHaveLength(2); // nothing twice
      await until("the queue feed hears the next change", () => inQueue(p2.gid, "DIVERIFIKASI"), 10_000);
      const seen = queue.events.map((e) => `${e.data!.antrianBerubah.id}:${e.data!.antrianBerubah.status}`);
      expect(new Set(seen).size).toBe(seen.length); // nothing twice

      // the instance started during the outage hears invalidations from the others
      const third = await activeCitizen(a);
      expect((await c.gql(`{ me { id } }`, {}, { token: third.token })).data!.me).not.toBeNull();
      await a.gql(`mutation { logout }`, {}, { token: third.token });
      await until("C hears the logout", async () => (await c.gql(`{ me { id } }`, {}, { token: third.token })).data!.me === null, 3_000);
    } finally {
      await c.close();
    }
    await Promise.all([citizenWs.dispose(), officerWs.dispose(), otherWs.dispose()]);

    // said once each way per instance (A and B; C was never connected before)
    const count = (re: RegExp) => logs.filter((l) => re.test(l)).length;
    expect(count(/"level":"warn".*"msg":"Redis tidak tersedia: peristiwa/)).toBe(2);
    expect(count(/"level":"info".*"msg":"Redis kembali: langganan/)).toBeGreaterThanOrEqual(2);
    expect(count(/"level":"info".*"msg":"Redis kembali: langganan/)).toBeLessThanOrEqual(3);
    // requests during the outage did not wait on Redis for their rate limits: counted in memory, said once
    expect(count(/"level":"warn".*"msg":"Redis tidak tersedia: batas laju/)).toBeGreaterThanOrEqual(1);
    expect(count(/"level":"warn".*"msg":"Redis tidak tersedia: batas laju/)).toBeLessThanOrEqual(2);
    expect(count(/"level":"error"/)).toBe(0);
  }, 90_000);
});

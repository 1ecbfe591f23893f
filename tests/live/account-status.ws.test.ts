import { afterAll, beforeAll, expect, it } from "vitest";
import { createInstansi, createStaff, createTestApp, registerCitizen, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";

let t: TestApp;
let port: number;
let admin: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await createTestApp();
  port = await t.app.start(0, "127.0.0.1");
  admin = await createStaff(t, "ADMIN", (await createInstansi(t)).id);
});
afterAll(() => t.close());

const STATUS = `subscription { myAccountStatus { status reason at } }`;

it("a citizen watching over a real WebSocket sees the activation the moment it happens", async () => {
  const c = await registerCitizen(t);
  const client = wsClient(port, { token: c.token });
  const sub = collect(client, STATUS);
  const [first] = await sub.next(1);
  expect(first!.data!.myAccountStatus.status).toBe("MENUNGGU_AKTIVASI");

  const notes = collect(client, `subscription { notificationAdded { kind judul isi } }`);
  await new Promise((r) => setTimeout(r, 100)); // let the second subscription register

  const res = await t.gql(`mutation($id: ID!) { activateAccount(userId: $id) { __typename } }`, { id: c.globalId }, { token: admin.token });
  expect(res.data!.activateAccount.__typename).toBe("ActivateAccountSuccess");
  const events = await sub.next(2);
  expect(events[1]!.data!.myAccountStatus).toMatchObject({ status: "AKTIF", reason: null });
  const [note] = await notes.next(1);
  expect(note!.data!.notificationAdded).toMatchObject({ kind: "AKUN_AKTIVASI", judul: "Akun Anda telah aktif" });
  sub.dispose();
  notes.dispose();
  await client.dispose();
});

it("authenticates the socket with the session cookie of the upgrade request too", async () => {
  const c = await registerCitizen(t);
  const client = wsClient(port, { cookie: `loket_session=${c.token}` });
  const sub = collect(client, STATUS);
  const [first] = await sub.next(1);
  expect(first!.data!.myAccountStatus.status).toBe("MENUNGGU_AKTIVASI");
  await t.gql(`mutation($id: ID!) { rejectAccount(userId: $id, alasan: "Foto KTP buram") { __typename } }`, { id: c.globalId }, { token: admin.token });
  const events = await sub.next(2);
  expect(events[1]!.data!.myAccountStatus).toMatchObject({ status: "DITOLAK", reason: "Foto KTP buram" });
  await client.dispose();
});

it("refuses an unauthenticated subscribe, and a forged token", async () => {
  for (const client of [wsClient(port), wsClient(port, { token: "palsu" })]) {
    const sub = collect(client, STATUS);
    const events = await sub.next(1);
    expect(events[0]!.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    expect(events[0]!.data ?? null).toBeNull();
    await client.dispose();
  }
});

it("a citizen's stream never carries another citizen's events", async () => {
  const a = await registerCitizen(t);
  const b = await registerCitizen(t);
  const client = wsClient(port, { token: a.token });
  const sub = collect(client, STATUS);
  await sub.next(1);
  await t.gql(`mutation($id: ID!) { activateAccount(userId: $id) { __typename } }`, { id: b.globalId }, { token: admin.token });
  await t.gql(`mutation($id: ID!) { activateAccount(userId: $id) { __typename } }`, { id: a.globalId }, { token: admin.token });
  const events = await sub.next(2);
  await new Promise((r) => setTimeout(r, 100));
  expect(sub.events.length).toBe(2);
  expect(events[1]!.data!.myAccountStatus.status).toBe("AKTIF");
  await client.dispose();
});

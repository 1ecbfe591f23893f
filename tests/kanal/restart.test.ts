import { afterAll, describe, expect, it } from "vitest";
import { ServerProcesses } from "../helpers/process";
import { FakeCloudApi, postWebhook, statusUpdate } from "../helpers/kanal-servers";

/**
 * kill -9 of the real server between claiming a WhatsApp message and recording the Cloud API's answer: the API
 * took the message (and never answered), the process died. After the restart the row is not sent again while
 * the provider may still report it; the status webhook (sent, carrying the row id) marks it SENT; the code it
 * carried works (nothing lost) and the receiver has exactly one message (nothing sent twice).
 */
const onPglite = !process.env.DATABASE_URL;
const procs = new ServerProcesses("loket-kanal-");
const wa = new FakeCloudApi();
const APP_SECRET = "rahasia-aplikasi-meta-restart-01";
afterAll(async () => {
  procs.cleanup();
  await wa.stop();
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function gql(port: number, query: string, token?: string) {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return res.json() as Promise<{ data?: any; errors?: unknown[] }>;
}

describe.skipIf(!onPglite)("a restart mid-send", { timeout: 300_000 }, () => {
  it("killed between claim and record: not sent twice, not lost", async () => {
    await wa.start();
    const dataDir = procs.tmpDir();
    const env = {
      DATA_DIR: dataDir,
      WHATSAPP_API_URL: wa.apiUrl,
      WHATSAPP_TOKEN: wa.token,
      WHATSAPP_PHONE_NUMBER_ID: wa.phoneNumberId,
      WHATSAPP_APP_SECRET: APP_SECRET,
      WHATSAPP_VERIFY_TOKEN: "verifikasi-restart",
    };
    const first = procs.start(env);
    const port1 = await first.ready;
    const login = await gql(
      port1,
      `mutation { login(nomorIdentitas: "3519011708900001", password: "Warga-Loket-2026") { ... on LoginSuccess { data { token } } } }`,
    );
    const token = login.data!.login.data.token as string;

    // the Cloud API takes the request and never answers; the server dies while it waits
    wa.answer("hang");
    const sent = await gql(port1, `mutation { kirimKodeTelepon(kanal: WHATSAPP) { __typename } }`, token);
    expect(sent.data!.kirimKodeTelepon.__typename).toBe("KirimKodeTeleponSuccess");
    await wa.waitFor(1);
    first.child.kill("SIGKILL");
    await first.exited;
    const held = wa.received[0]!;
    const ref = held.body.biz_opaque_callback_data as string;
    const kode = FakeCloudApi.code(held)!;

    const second = procs.start(env);
    const port2 = await second.ready;
    // several polls of the worker (every 2 s): the interrupted row waits for the provider's word
    await sleep(7_000);
    expect(wa.received).toHaveLength(1);

    // Meta reports the message it took; the row is SENT and never goes again
    const hook = await postWebhook(
      `http://127.0.0.1:${port2}/kanal/whatsapp`,
      APP_SECRET,
      statusUpdate("wamid.HBgMNjI4MTIzNDU2Nzg5FQIAERgSMEE4", ref, held.body.to),
    );
    expect(hook.status).toBe(200);
    await second.saw(/confirmed by WhatsApp's status webhook \(sent\); marked SENT/);

    // the code that reached the phone works: nothing was lost
    const v = await gql(port2, `mutation { verifikasiTelepon(kode: "${kode}") { __typename ... on Error { code message } } }`, token);
    expect(v.data!.verifikasiTelepon.__typename).toBe("VerifikasiTeleponSuccess");
    await sleep(5_000);
    expect(wa.received).toHaveLength(1);
    // no phone number in the server's log
    expect(second.output() + first.output()).not.toContain(held.body.to);
  });
});

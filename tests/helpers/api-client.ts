import http from "node:http";
import type { AddressInfo } from "node:net";
import type { TestApp } from "./app";
import { globalId } from "./app";
import { formatToken, hashSecret, newSecret, type ApiScope } from "../../server/modules/api-client/rules";

export const CREATE_CLIENT = /* GraphQL */ `
  mutation CreateClient($i: ID!, $n: String!, $k: String!, $s: [ApiScope!]!, $b: DateTime) {
    createApiClient(instansiId: $i, nama: $n, kontak: $k, scopes: $s, berlakuSampai: $b) {
      __typename
      ... on CreateApiClientSuccess { data { token client { id clientId nama scopes aktif berlakuSampai } } }
      ... on Error { code message field }
    }
  }
`;

/** Through the API, as an instansi's ADMIN does it. */
export async function createClient(
  t: TestApp,
  adminToken: string,
  instansiId: string,
  scopes: ApiScope[],
  opts: { nama?: string; berlakuSampai?: string } = {},
) {
  const res = await t.gql(
    CREATE_CLIENT,
    {
      i: globalId("Instansi", instansiId),
      n: opts.nama ?? `Sistem Uji ${scopes.join("+")}`,
      k: "Tim Integrasi, integrasi@contoh.go.id",
      s: scopes,
      b: opts.berlakuSampai ?? null,
    },
    { token: adminToken },
  );
  const r = res.data?.createApiClient;
  if (r?.__typename !== "CreateApiClientSuccess") throw new Error(`createApiClient failed: ${JSON.stringify(res)}`);
  return { id: r.data.client.id as string, clientId: r.data.client.clientId as string, token: r.data.token as string, nama: r.data.client.nama as string };
}

/** Directly in the database (for fixtures where the API path is tested elsewhere). */
export async function insertClient(t: TestApp, instansiId: string, scopes: ApiScope[], nama = `Sistem ${scopes.join("+") || "tanpa cakupan"}`) {
  const secret = newSecret();
  const row = await t.db.prisma.apiClient.create({ data: { nama, instansiId, kontak: "integrasi@contoh.go.id", scopes, secretHash: hashSecret(secret) } });
  return { id: globalId("ApiClient", row.id), clientId: row.id, token: formatToken(row.id, secret), nama };
}

export interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  at: number;
}

/** A real HTTP receiver on 127.0.0.1; `answer` decides the status of each request (default 204). */
export async function startReceiver(port = 0, answer: (r: Received) => number = () => 204) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() };
      received.push(r);
      res.writeHead(answer(r)).end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    port: actual,
    url: `http://127.0.0.1:${actual}/loket-webhook`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A port on which nothing listens (yet): "the receiver is down". */
export async function freePort(): Promise<number> {
  const r = await startReceiver();
  await r.close();
  return r.port;
}

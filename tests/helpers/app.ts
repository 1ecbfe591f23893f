import { randomBytes } from "node:crypto";
import { loadConfig, type Config } from "../../server/config";
import { buildApp, type App } from "../../server/app";
import { deriveKeys } from "../../server/lib/crypto";
import type { Db } from "../../server/db/client";
import { openTestDatabase } from "./db";
import { ensureReferenceData } from "../../server/seed";
import { createStaffAccount } from "../../server/modules/account/service";
import type { Role, IdentityType } from "../../server/generated/prisma/enums";

export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  app: App;
  db: Db;
  config: Config;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, opts?: RequestOptions): Promise<GqlResult<T>>;
  /** the raw Response, for headers and status */
  request(body: unknown, opts?: RequestOptions & { contentType?: string }): Promise<Response>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ NODE_ENV: "test", DATA_DIR: "/nonexistent-test-data-dir" }), trustProxy: true, logLevel: (process.env.TEST_LOG_LEVEL as Config["logLevel"]) || "silent", ...overrides };
}

/** A fresh database and app for one test file; requests go through yoga.fetch (no socket). */
export async function createTestApp(overrides: Partial<Config> = {}, existingDb?: Db): Promise<TestApp> {
  const db = existingDb ?? (await openTestDatabase());
  await ensureReferenceData(db.prisma);
  const config = testConfig(overrides);
  const app = buildApp({ config, db, keys: deriveKeys(randomBytes(32)) });
  const request = (body: unknown, opts: RequestOptions & { contentType?: string } = {}) =>
    Promise.resolve(
      app.yoga.fetch("http://localhost/graphql", {
        method: "POST",
        headers: {
          "content-type": opts.contentType ?? "application/json",
          "x-forwarded-for": "10.0.0.1",
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
          ...opts.headers,
        },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
  return {
    app,
    db,
    config,
    request,
    gql: async (query, variables, opts) => (await request({ query, variables }, opts)).json() as never,
    close: async () => {
      await app.stop();
      if (!existingDb) await db.close();
    },
  };
}

let seq = 0;
/** A structurally valid NIK, unique within the run: Madiun (3519), born 17 Aug 1990 (+40 for women). */
export function makeNik(female = false): string {
  seq++;
  const day = female ? 57 : 17;
  return `351901${day}0890${String(1000 + (seq % 9000)).padStart(4, "0")}`;
}

export function makeNip(): string {
  seq++;
  return `19850312201001${1}${String(100 + (seq % 900)).padStart(3, "0")}`;
}

export const GOOD_PASSWORD = "Pelayanan-Prima-2026";

export const REGISTER = /* GraphQL */ `
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      __typename
      ... on RegisterSuccess { data { token user { id status namaLengkap nomorIdentitasMasked } } }
      ... on Error { code message field }
    }
  }
`;

export const LOGIN = /* GraphQL */ `
  mutation Login($nomorIdentitas: String!, $password: String!) {
    login(nomorIdentitas: $nomorIdentitas, password: $password) {
      __typename
      ... on LoginSuccess { data { token user { id role status } } }
      ... on LoginError { code message retryAfterSeconds }
      ... on Error { code message field }
    }
  }
`;

export function registerInput(t: TestApp, overrides: Record<string, unknown> = {}) {
  return {
    identityType: "NIK",
    nomorIdentitas: makeNik(),
    namaLengkap: "Warga Uji Coba",
    email: `warga${Date.now()}${seq}@contoh.id`,
    telepon: "081234567890",
    password: GOOD_PASSWORD,
    setujuSyaratKetentuan: true,
    setujuKebijakanPrivasi: true,
    versiSyaratKetentuan: t.config.termsVersion,
    versiKebijakanPrivasi: t.config.privacyVersion,
    ...overrides,
  };
}

/** Registers a citizen through the API; returns their id, NIK and the (pending) session token. */
export async function registerCitizen(t: TestApp, overrides: Record<string, unknown> = {}) {
  const input = registerInput(t, overrides);
  const res = await t.gql(REGISTER, { input });
  const r = res.data?.register;
  if (r?.__typename !== "RegisterSuccess") throw new Error(`register failed: ${JSON.stringify(res)}`);
  const globalId = r.data.user.id as string;
  return {
    id: Buffer.from(globalId, "base64").toString("utf8").split(":")[1]!,
    globalId,
    nik: input.nomorIdentitas as string,
    password: input.password as string,
    token: r.data.token as string,
  };
}

export async function login(t: TestApp, nomorIdentitas: string, password: string): Promise<string> {
  const res = await t.gql(LOGIN, { nomorIdentitas, password });
  if (res.data?.login?.__typename !== "LoginSuccess") throw new Error(`login failed: ${JSON.stringify(res)}`);
  return res.data.login.data.token;
}

/** Creates an instansi row directly (the SUPERADMIN mutation is tested on its own). */
export async function createInstansi(t: TestApp, kode = `INS-${++seq}`) {
  return t.db.prisma.instansi.create({
    data: {
      kode,
      nama: `Instansi Uji ${kode}`,
      jamLayanan: {
        create: [1, 2, 3, 4].map((hari) => ({ hari, buka: 480, tutup: 930 })).concat([{ hari: 5, buka: 480, tutup: 960 }]),
      },
    },
  });
}

/** Staff accounts are created by an admin or the CLI; this calls the same service, then logs in through the API. */
export async function createStaff(t: TestApp, role: Role, instansiId: string | null, identityType: IdentityType = "NIP") {
  const nomorIdentitas = identityType === "NIP" ? makeNip() : makeNik();
  const user = await createStaffAccount(t.db.prisma, t.app.services.keys, t.config, null, {
    identityType,
    nomorIdentitas,
    namaLengkap: `Staf ${role}`,
    email: `staf${++seq}@contoh.go.id`,
    telepon: "081298765432",
    password: GOOD_PASSWORD,
    role,
    instansiId,
  });
  const token = await login(t, nomorIdentitas, GOOD_PASSWORD);
  return { id: user.id, nomorIdentitas, token, globalId: Buffer.from(`User:${user.id}`).toString("base64") };
}

export function globalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`).toString("base64");
}

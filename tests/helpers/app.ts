import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig, type Config } from "../../server/config";
import { buildApp, type App } from "../../server/app";
import { deriveKeys, type Keys } from "../../server/lib/crypto";
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
  /** the app's keys (e.g. to open an outbox email queued sealed: parseEmailPayload) */
  keys: Keys;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, opts?: RequestOptions): Promise<GqlResult<T>>;
  /** the raw Response, for headers and status */
  request(body: unknown, opts?: RequestOptions & { contentType?: string }): Promise<Response>;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-app-"));
  return {
    ...loadConfig({ NODE_ENV: "test", DATA_DIR: dataDir }),
    trustProxy: true,
    logLevel: (process.env.TEST_LOG_LEVEL as Config["logLevel"]) || "silent",
    ...overrides,
  };
}

/** A fresh database and app for one test file; requests go through yoga.fetch (no socket). */
export async function createTestApp(overrides: Partial<Config> = {}, existingDb?: Db): Promise<TestApp> {
  const db = existingDb ?? (await openTestDatabase());
  await ensureReferenceData(db.prisma);
  const config = testConfig(overrides);
  const keys = deriveKeys(randomBytes(32));
  const app = await buildApp({ config, db, keys });
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
    keys,
    request,
    gql: async (query, variables, opts) => (await request({ query, variables }, opts)).json() as never,
    close: async () => {
      await app.stop();
      if (!existingDb) await db.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
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

/** The Register mutation as the web client sends it: a multipart request carrying the KTP photo (account/berkas-identitas.ts). */
export function gqlRegister(t: TestApp, variables: { input: Record<string, unknown> }, opts: RequestOptions = {}) {
  return upload(t, REGISTER, variables, { "input.fotoIdentitas": { name: "ktp.png", type: "image/png", content: PNG_1X1 } }, opts);
}

/** Registers a citizen through the API; returns their id, NIK and the (pending) session token. */
export async function registerCitizen(t: TestApp, overrides: Record<string, unknown> = {}) {
  const input = registerInput(t, overrides);
  const res = await gqlRegister(t, { input });
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
    namaLengkap: `Staf ${role.replace(/_/g, " ")}`,
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

export const PNG_1X1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");

/** A small but real PDF (one empty page), different bytes per `label`. */
export function tinyPdf(label = "dokumen"): Buffer {
  const body = `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 200 200]>> endobj\n% ${label}\ntrailer <</Root 1 0 R>>\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/**
 * A real GraphQL multipart request (graphql-multipart-request-spec): `files` maps variable paths such as
 * "berkas.0.file" to file contents.
 */
export async function upload(
  t: TestApp,
  query: string,
  variables: Record<string, unknown>,
  files: Record<string, { name: string; type?: string; content: Buffer }>,
  opts: RequestOptions = {},
): Promise<GqlResult> {
  const form = new FormData();
  const map: Record<string, string[]> = {};
  const vars = structuredClone(variables);
  Object.keys(files).forEach((p, i) => {
    map[String(i)] = [`variables.${p}`];
    let target: any = vars;
    const parts = p.split(".");
    for (const k of parts.slice(0, -1)) target = target[k];
    target[parts.at(-1)!] = null;
  });
  form.append("operations", JSON.stringify({ query, variables: vars }));
  form.append("map", JSON.stringify(map));
  Object.values(files).forEach((f, i) => {
    form.append(String(i), new Blob([new Uint8Array(f.content)], { type: f.type ?? "application/octet-stream" }), f.name);
  });
  const res = await t.app.yoga.fetch("http://localhost/graphql", {
    method: "POST",
    headers: { "x-forwarded-for": "10.0.0.1", "x-loket-csrf": "1", ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...opts.headers },
    body: form,
  });
  return res.json() as never;
}

export const CREATE_LAYANAN = /* GraphQL */ `
  mutation($instansiId: ID!, $input: LayananInput!, $persyaratan: [PersyaratanInput!], $formFields: [FormFieldInput!]) {
    createLayanan(instansiId: $instansiId, input: $input, persyaratan: $persyaratan, formFields: $formFields) {
      __typename
      ... on CreateLayananSuccess { data { id kode persyaratan { id label wajib jenisFile maksBytes } formFields { nama tipe wajib } } }
      ... on Error { code message field }
    }
  }
`;

/**
 * Uploads both documents of `serviceFixture`'s two slots (a KTP PNG and a one-page PDF reading `pdfText`) to request `p`
 * with `query` (the caller's uploadDokumenPengajuan selection).
 */
export function uploadFixtureDocuments(
  t: TestApp,
  query: string,
  fx: { slots: Array<{ id: string }> },
  p: { id: string; versi: number },
  token: string,
  pdf: { name: string; text: string },
): Promise<GqlResult> {
  return upload(
    t,
    query,
    {
      id: p.id,
      v: p.versi,
      berkas: [
        { persyaratanId: fx.slots[0]!.id, file: null },
        { persyaratanId: fx.slots[1]!.id, file: null },
      ],
    },
    {
      "berkas.0.file": { name: "ktp.png", type: "image/png", content: PNG_1X1 },
      "berkas.1.file": { name: pdf.name, type: "application/pdf", content: tinyPdf(pdf.text) },
    },
    { token },
  );
}

/** An instansi with an admin and an officer, and one service with two document slots and a small form. */
export async function serviceFixture(t: TestApp, opts: { sla?: { jumlah: number; satuan: string }; ambil?: boolean } = {}) {
  const instansi = await createInstansi(t);
  const admin = await createStaff(t, "ADMIN", instansi.id);
  const petugas = await createStaff(t, "PETUGAS", instansi.id);
  const res = await t.gql(
    CREATE_LAYANAN,
    {
      instansiId: globalId("Instansi", instansi.id),
      input: {
        kode: "REKOM-NIKAH",
        nama: "Rekomendasi Dispensasi Menikah",
        kategori: "Kependudukan",
        slaJumlah: opts.sla?.jumlah ?? 3,
        slaSatuan: opts.sla?.satuan ?? "HARI_KERJA",
        dasarHukum: "UU 16/2019",
        prosedur: "1. Unggah berkas\n2. Verifikasi\n3. Terbit",
        ambilDiKantor: opts.ambil ?? true,
      },
      persyaratan: [
        { label: "KTP calon pengantin", wajib: true, jenisFile: ["image/jpeg", "image/png", "application/pdf"] },
        { label: "Surat pengantar desa", wajib: true, jenisFile: ["application/pdf"], maksBytes: 100_000 },
        { label: "Foto tambahan", wajib: false },
      ],
      formFields: [
        { nama: "namaPasangan", label: "Nama pasangan", tipe: "TEXT", wajib: true },
        { nama: "tanggalNikah", label: "Rencana tanggal nikah", tipe: "DATE", wajib: true },
        { nama: "nomorWa", label: "Nomor WhatsApp", tipe: "PHONE", wajib: false },
      ],
    },
    { token: admin.token },
  );
  if (res.data?.createLayanan?.__typename !== "CreateLayananSuccess") throw new Error(`createLayanan failed: ${JSON.stringify(res)}`);
  const layanan = res.data.createLayanan.data;
  return { instansi, admin, petugas, layanan, slots: layanan.persyaratan as Array<{ id: string; label: string }> };
}

/**
 * A submitted (DIAJUKAN) request of `pemohonId` for the fixture's service, written directly: submitting through
 * the API is covered by tests/pengajuan/flow.test.ts. `versi` 1, one log step (AJUKAN, seq 1).
 */
export async function insertSubmitted(t: TestApp, fx: { instansi: { id: string }; layanan: { id: string } }, pemohonId: string, nomorRegistrasi: string) {
  const row = await t.db.prisma.pengajuan.create({
    data: {
      layananId: Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!,
      instansiId: fx.instansi.id,
      pemohonId,
      status: "DIAJUKAN",
      nomorRegistrasi,
      diajukanAt: new Date(),
      seq: 1,
      riwayat: { create: [{ seq: 1, aksi: "AJUKAN", keStatus: "DIAJUKAN" }] },
    },
  });
  return { ...row, gid: globalId("Pengajuan", row.id) };
}

export async function activeCitizen(t: TestApp) {
  const c = await registerCitizen(t);
  await t.db.prisma.user.update({ where: { id: c.id }, data: { status: "AKTIF" } });
  t.app.services.sessions.invalidateUser(c.id);
  return { ...c, token: await login(t, c.nik, c.password) };
}

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_1X1, activeCitizen, createInstansi, createStaff, createTestApp, globalId, serviceFixture, tinyPdf, upload, type TestApp } from "../helpers/app";
import { createClient, insertClient } from "../helpers/api-client";
import { collect, wsClient } from "../helpers/ws";

/**
 * API clients through the public API: an instansi's admin registers another system, the secret is shown once,
 * the key works within its scopes and nowhere else, rotation and revocation end the old key at once, expiry too.
 */
let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
let adminB: Awaited<ReturnType<typeof createStaff>>;
let superadmin: Awaited<ReturnType<typeof createStaff>>;
let citizen: Awaited<ReturnType<typeof activeCitizen>>;
let pengajuan: { id: string; versi: number };

const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v) { __typename ... on UbahStatusPengajuanSuccess { data { id versi status riwayat { aksi aktor } } } ... on Error { code message } } }`;
const ROTATE = `mutation($id: ID!) { rotateApiClientSecret(id: $id) { __typename ... on RotateApiClientSecretSuccess { data { token client { secretDiputarAt } } } ... on Error { code } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiClient(id: $id) { __typename ... on RevokeApiClientSuccess { data { aktif dicabutAt } } ... on Error { code } } }`;
const WHOAMI = `{ currentApiClient { nama scopes instansi { kode } } }`;
const code = (res: { errors?: Array<{ extensions?: { code?: string } }> }) => res.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  t = await createTestApp();
  fx = await serviceFixture(t);
  adminB = await createStaff(t, "ADMIN", (await createInstansi(t)).id);
  superadmin = await createStaff(t, "SUPERADMIN", null);
  citizen = await activeCitizen(t);
  // a submitted request in instansi A, through the API
  const created = await t.gql(
    `mutation($l: ID!) { createPengajuan(layananId: $l, formData: { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20" }) { ... on CreatePengajuanSuccess { data { id versi } } } }`,
    { l: fx.layanan.id },
    { token: citizen.token },
  );
  let p = created.data!.createPengajuan.data;
  const up = await upload(
    t,
    `mutation($id: ID!, $v: Int!, $b: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $b) { ... on UploadDokumenPengajuanSuccess { data { id versi } } } }`,
    {
      id: p.id,
      v: p.versi,
      b: [
        { persyaratanId: fx.slots[0]!.id, file: null },
        { persyaratanId: fx.slots[1]!.id, file: null },
      ],
    },
    {
      "b.0.file": { name: "ktp.png", type: "image/png", content: PNG_1X1 },
      "b.1.file": { name: "pengantar.pdf", type: "application/pdf", content: tinyPdf("p") },
    },
    { token: citizen.token },
  );
  p = up.data!.uploadDokumenPengajuan.data;
  const sent = await t.gql(ACT, { id: p.id, a: "AJUKAN", v: p.versi }, { token: citizen.token });
  pengajuan = sent.data!.ubahStatusPengajuan.data;
});
afterAll(() => t.close());

describe("API client lifecycle", () => {
  let client: Awaited<ReturnType<typeof createClient>>;

  it("an instansi's admin registers a client; the token is shown once and only its hash is stored", async () => {
    client = await createClient(t, fx.admin.token, fx.instansi.id, ["KASUS_INSTANSI", "BACA_STATISTIK"], { nama: "SIMPEG Kemenag" });
    expect(client.token).toMatch(/^lkc_[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(client.token.startsWith(`lkc_${client.clientId}.`)).toBe(true);
    const secret = client.token.split(".")[1]!;
    const row = await t.db.prisma.apiClient.findUniqueOrThrow({ where: { id: client.clientId } });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    // the list never shows a secret, and there is no field that could
    const listed = await t.gql(
      `query($i: ID) { apiClients(instansiId: $i) { clientId nama scopes aktif lastUsedAt } }`,
      { i: globalId("Instansi", fx.instansi.id) },
      { token: fx.admin.token },
    );
    expect(listed.data!.apiClients).toEqual([
      { clientId: client.clientId, nama: "SIMPEG Kemenag", scopes: ["BACA_STATISTIK", "KASUS_INSTANSI"], aktif: true, lastUsedAt: null },
    ]);
    expect(JSON.stringify(listed)).not.toContain(secret);
  });

  it("validates what it registers", async () => {
    const bad = await t.gql(
      `mutation($i: ID!) { a: createApiClient(instansiId: $i, nama: "X", kontak: "tim@contoh.go.id", scopes: [BACA_KATALOG]) { ... on Error { code field } }
        b: createApiClient(instansiId: $i, nama: "Sistem", kontak: "tim@contoh.go.id", scopes: []) { ... on Error { code field } }
        c: createApiClient(instansiId: $i, nama: "Sistem", kontak: "tim@contoh.go.id", scopes: [BACA_KATALOG], berlakuSampai: "2020-01-01T00:00:00Z") { ... on Error { code field } } }`,
      { i: globalId("Instansi", fx.instansi.id) },
      { token: fx.admin.token },
    );
    expect(bad.data).toEqual({
      a: { code: "NAMA_INVALID", field: "nama" },
      b: { code: "SCOPES_REQUIRED", field: "scopes" },
      c: { code: "BERLAKU_INVALID", field: "berlakuSampai" },
    });
  });

  it("works within its scopes, like an officer of its instansi", async () => {
    const me = await t.gql(WHOAMI, {}, { token: client.token });
    expect(me.data!.currentApiClient).toEqual({ nama: "SIMPEG Kemenag", scopes: ["BACA_STATISTIK", "KASUS_INSTANSI"], instansi: { kode: fx.instansi.kode } });
    const queue = await t.gql(
      `{ antrian(first: 10) { totalCount edges { node { id nomorRegistrasi pemohon { nama } } } } antrianJumlah { status jumlah } me { id } }`,
      {},
      { token: client.token },
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data!.antrian.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([pengajuan.id]);
    expect(queue.data!.antrianJumlah).toEqual([{ status: "DIAJUKAN", jumlah: 1 }]);
    expect(queue.data!.me).toBeNull();

    const verified = await t.gql(ACT, { id: pengajuan.id, a: "VERIFIKASI", v: pengajuan.versi }, { token: client.token });
    expect(verified.data!.ubahStatusPengajuan.__typename).toBe("UbahStatusPengajuanSuccess");
    pengajuan = verified.data!.ubahStatusPengajuan.data;
    expect(pengajuan).toMatchObject({ status: "DIVERIFIKASI" });
    // staff see which system acted; the applicant sees "Petugas"
    expect((pengajuan as unknown as { riwayat: Array<{ aksi: string; aktor: string }> }).riwayat.at(-1)).toEqual({
      aksi: "VERIFIKASI",
      aktor: "Sistem SIMPEG Kemenag",
    });
    const seen = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Pengajuan { riwayat { aksi aktor } } } }`,
      { id: pengajuan.id },
      { token: citizen.token },
    );
    expect(seen.data!.node.riwayat.at(-1)).toEqual({ aksi: "VERIFIKASI", aktor: "Petugas" });
  });

  it("the audit trail names the client, and the list shows when it was last used", async () => {
    const trail = await t.gql(`{ auditLog(first: 20, jenis: UBAH) { edges { node { aksi aktorId aktorPeran klien } } } }`, {}, { token: superadmin.token });
    const entry = trail
      .data!.auditLog.edges.map((e: { node: unknown }) => e.node)
      .find((n: { aksi: string; klien: string }) => n.aksi === "Mutation.ubahStatusPengajuan" && n.klien?.startsWith("api:"));
    expect(entry).toEqual({ aksi: "Mutation.ubahStatusPengajuan", aktorId: null, aktorPeran: "KLIEN_API", klien: `api:${client.clientId} (SIMPEG Kemenag)` });
    const listed = await t.gql(`{ apiClients { clientId lastUsedAt } }`, {}, { token: fx.admin.token });
    expect(Date.parse(listed.data!.apiClients[0].lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("is refused outside its scopes with FORBIDDEN", async () => {
    const b = (await t.db.prisma.instansi.findFirstOrThrow({ where: { id: { not: fx.instansi.id }, users: { some: {} } } })).id;
    for (const [query, variables] of [
      [`{ users(first: 1) { edges { node { id } } } }`, {}],
      [`{ auditLog(first: 1) { edges { node { id } } } }`, {}],
      [`{ myPengajuan(first: 1) { edges { node { id } } } }`, {}],
      [`query($i: ID) { antrian(instansiId: $i, first: 1) { edges { node { id } } } }`, { i: globalId("Instansi", b) }],
      [`{ apiClients { id } }`, {}],
      [`mutation($l: ID!) { createPengajuan(layananId: $l) { __typename } }`, { l: fx.layanan.id }],
      [
        `mutation($i: ID!, $k: ID!) { catatPengaduan(instansiId: $i, kategoriId: $k, kanal: WHATSAPP, judul: "Antrian lama", uraian: "Antrian di loket terlalu lama sekali hari ini.") { __typename } }`,
        { i: globalId("Instansi", fx.instansi.id), k: globalId("KategoriPengaduan", "00000000-0000-0000-0000-000000000000") },
      ],
      [`mutation($id: ID!) { tambahCatatanInternal(id: $id, isi: "catatan") { __typename } }`, { id: pengajuan.id }],
      [`mutation { createWebhookSubscription(url: "https://contoh.go.id/hook", events: [PENGAJUAN_STATUS]) { __typename } }`, {}],
    ] as const) {
      const res = await t.gql(query, variables, { token: client.token });
      expect(code(res), query).toBe("FORBIDDEN");
    }
  });

  it("another instansi's admin can neither see nor manage it", async () => {
    expect(code(await t.gql(`query($i: ID) { apiClients(instansiId: $i) { id } }`, { i: globalId("Instansi", fx.instansi.id) }, { token: adminB.token }))).toBe(
      "FORBIDDEN",
    );
    expect(code(await t.gql(ROTATE, { id: client.id }, { token: adminB.token }))).toBe("FORBIDDEN");
    expect(code(await t.gql(REVOKE, { id: client.id }, { token: adminB.token }))).toBe("FORBIDDEN");
    expect(code(await t.gql(`query($id: ID!) { node(id: $id) { ... on ApiClient { nama } } }`, { id: client.id }, { token: adminB.token }))).toBe("FORBIDDEN");
    expect(code(await t.gql(CREATE_FOR_A, { i: globalId("Instansi", fx.instansi.id) }, { token: adminB.token }))).toBe("FORBIDDEN");
    // nor can an officer of the same instansi, nor the client itself
    expect(code(await t.gql(ROTATE, { id: client.id }, { token: fx.petugas.token }))).toBe("FORBIDDEN");
    expect(code(await t.gql(ROTATE, { id: client.id }, { token: client.token }))).toBe("FORBIDDEN");
    expect((await t.gql(WHOAMI, {}, { token: client.token })).data!.currentApiClient.nama).toBe("SIMPEG Kemenag");
  });

  it("rotation: the new secret works, the old one is refused at once", async () => {
    const warm = await t.gql(WHOAMI, {}, { token: client.token }); // cached now
    expect(warm.errors).toBeUndefined();
    const rotated = await t.gql(ROTATE, { id: client.id }, { token: fx.admin.token });
    expect(rotated.data!.rotateApiClientSecret.__typename).toBe("RotateApiClientSecretSuccess");
    const fresh = rotated.data!.rotateApiClientSecret.data.token as string;
    expect(fresh).not.toBe(client.token);
    expect(fresh.startsWith(`lkc_${client.clientId}.`)).toBe(true);
    expect(code(await t.gql(WHOAMI, {}, { token: client.token }))).toBe("UNAUTHENTICATED");
    expect((await t.gql(WHOAMI, {}, { token: fresh })).data!.currentApiClient.nama).toBe("SIMPEG Kemenag");
    client = { ...client, token: fresh };
  });

  it("revocation: refused at once, and it stays revoked", async () => {
    expect((await t.gql(WHOAMI, {}, { token: client.token })).errors).toBeUndefined();
    const revoked = await t.gql(REVOKE, { id: client.id }, { token: superadmin.token });
    expect(revoked.data!.revokeApiClient.data.aktif).toBe(false);
    expect(code(await t.gql(WHOAMI, {}, { token: client.token }))).toBe("UNAUTHENTICATED");
    expect(code(await t.gql(`{ antrian(first: 1) { totalCount } }`, {}, { token: client.token }))).toBe("UNAUTHENTICATED");
    const again = await t.gql(ROTATE, { id: client.id }, { token: fx.admin.token });
    expect(again.data!.rotateApiClientSecret).toMatchObject({ __typename: "InvalidStateError", code: "API_CLIENT_REVOKED" });
    // public queries stay public, with or without a dead key
    expect((await t.gql(`{ instansiList { kode } }`, {}, { token: client.token })).errors).toBeUndefined();
  });

  it("an expired client is refused, also while its resolution is cached", async () => {
    const soon = await createClient(t, fx.admin.token, fx.instansi.id, ["BACA_STATISTIK"], { berlakuSampai: new Date(Date.now() + 1500).toISOString() });
    expect((await t.gql(WHOAMI, {}, { token: soon.token })).errors).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1600));
    expect(code(await t.gql(WHOAMI, {}, { token: soon.token }))).toBe("UNAUTHENTICATED");
    const listed = await t.gql(`{ apiClients { clientId aktif } }`, {}, { token: fx.admin.token });
    expect(listed.data!.apiClients.find((c: { clientId: string }) => c.clientId === soon.clientId).aktif).toBe(false);

    const past = await insertClient(t, fx.instansi.id, ["KASUS_INSTANSI"]);
    await t.db.prisma.apiClient.update({ where: { id: past.clientId }, data: { berlakuSampai: new Date(Date.now() - 1000) } });
    expect(code(await t.gql(WHOAMI, {}, { token: past.token }))).toBe("UNAUTHENTICATED");
  });

  it("forged tokens and a key sent as a cookie are anonymous", async () => {
    const real = await insertClient(t, fx.instansi.id, ["KASUS_INSTANSI"]);
    const forged = `${real.token.slice(0, -4)}AAAA`;
    expect(code(await t.gql(WHOAMI, {}, { token: forged }))).toBe("UNAUTHENTICATED");
    expect(code(await t.gql(WHOAMI, {}, { token: "lkc_bukan-token" }))).toBe("UNAUTHENTICATED");
    expect(code(await t.gql(WHOAMI, {}, { headers: { cookie: `loket_session=${real.token}` } }))).toBe("UNAUTHENTICATED");
  });
});

const UPDATE = `mutation($id: ID!, $n: String, $k: String, $s: [ApiScope!], $b: DateTime) {
  updateApiClient(id: $id, nama: $n, kontak: $k, scopes: $s, berlakuSampai: $b) {
    __typename
    ... on UpdateApiClientSuccess { data { nama kontak scopes berlakuSampai aktif } }
    ... on Error { code message field }
  }
}`;

describe("changing a client after registration", () => {
  it("an admin changes its scopes: the cached key has the new ones on the very next request", async () => {
    const c = await createClient(t, fx.admin.token, fx.instansi.id, ["BACA_STATISTIK"], { nama: "Dasbor Bupati" });
    // (with a second root field: the queue page cache, which keys on the client id, stays out of this test)
    const QUEUE = `{ antrian(first: 1) { totalCount } currentApiClient { clientId } }`;
    const COUNTS = `{ antrianJumlah { status jumlah } }`;
    expect((await t.gql(COUNTS, {}, { token: c.token })).errors).toBeUndefined(); // the key is cached now
    expect(code(await t.gql(QUEUE, {}, { token: c.token }))).toBe("FORBIDDEN");

    const res = await t.gql(UPDATE, { id: c.id, s: ["KASUS_INSTANSI"] }, { token: fx.admin.token });
    expect(res.data!.updateApiClient).toEqual({
      __typename: "UpdateApiClientSuccess",
      data: { nama: "Dasbor Bupati", kontak: "Tim Integrasi, integrasi@contoh.go.id", scopes: ["KASUS_INSTANSI"], berlakuSampai: null, aktif: true },
    });
    expect((await t.gql(QUEUE, {}, { token: c.token })).data!.antrian.totalCount).toBe(1);
    // and taken away again: refused at once (the same key, unchanged: only what it may do changed)
    expect((await t.gql(UPDATE, { id: c.id, s: ["BACA_STATISTIK"] }, { token: fx.admin.token })).data!.updateApiClient.data.scopes).toEqual(["BACA_STATISTIK"]);
    expect(code(await t.gql(QUEUE, {}, { token: c.token }))).toBe("FORBIDDEN");
    expect((await t.gql(WHOAMI, {}, { token: c.token })).data!.currentApiClient.scopes).toEqual(["BACA_STATISTIK"]);

    // name, contact and expiry; fields left out stay as they were; null removes the expiry
    const until = new Date(Date.now() + 30 * 86400_000).toISOString();
    const renamed = await t.gql(UPDATE, { id: c.id, n: "Dasbor Kabupaten", k: "Diskominfo, kominfo@contoh.go.id", b: until }, { token: superadmin.token });
    expect(renamed.data!.updateApiClient.data).toEqual({
      nama: "Dasbor Kabupaten",
      kontak: "Diskominfo, kominfo@contoh.go.id",
      scopes: ["BACA_STATISTIK"],
      berlakuSampai: until,
      aktif: true,
    });
    expect((await t.gql(WHOAMI, {}, { token: c.token })).data!.currentApiClient.nama).toBe("Dasbor Kabupaten");
    const noExpiry = await t.gql(
      `mutation($id: ID!) { updateApiClient(id: $id, berlakuSampai: null) { ... on UpdateApiClientSuccess { data { nama berlakuSampai } } } }`,
      { id: c.id },
      { token: fx.admin.token },
    );
    expect(noExpiry.data!.updateApiClient.data).toEqual({ nama: "Dasbor Kabupaten", berlakuSampai: null });

    // recorded: who changed what, before and after, in the transaction of the change
    const entries = await t.db.prisma.auditLog.findMany({ where: { aksi: "ApiClient.ubah", objekId: c.clientId }, orderBy: { at: "asc" } });
    expect(entries).toHaveLength(4);
    expect(entries[0]).toMatchObject({
      jenis: "UBAH",
      objekJenis: "ApiClient",
      aktorId: fx.admin.id,
      aktorPeran: "ADMIN",
      detail: { sebelum: { scopes: ["BACA_STATISTIK"], nama: "Dasbor Bupati" }, sesudah: { scopes: ["KASUS_INSTANSI"], nama: "Dasbor Bupati" } },
    });
    expect(entries[1]).toMatchObject({ detail: { sebelum: { scopes: ["KASUS_INSTANSI"] }, sesudah: { scopes: ["BACA_STATISTIK"] } } });
    expect(entries[2]).toMatchObject({
      aktorId: superadmin.id,
      detail: { sebelum: { nama: "Dasbor Bupati", berlakuSampai: null }, sesudah: { nama: "Dasbor Kabupaten", berlakuSampai: until } },
    });
    expect(await t.db.prisma.auditLog.count({ where: { aksi: "Mutation.updateApiClient" } })).toBeGreaterThanOrEqual(4);
  });

  it("an expired client can be given a new expiry; a revoked one cannot be changed", async () => {
    const old = await insertClient(t, fx.instansi.id, ["BACA_STATISTIK"]);
    await t.db.prisma.apiClient.update({ where: { id: old.clientId }, data: { berlakuSampai: new Date(Date.now() - 1000) } });
    expect(code(await t.gql(WHOAMI, {}, { token: old.token }))).toBe("UNAUTHENTICATED");
    const renewed = await t.gql(UPDATE, { id: old.id, b: new Date(Date.now() + 86400_000).toISOString() }, { token: fx.admin.token });
    expect(renewed.data!.updateApiClient.data.aktif).toBe(true);
    expect((await t.gql(WHOAMI, {}, { token: old.token })).errors).toBeUndefined();

    await t.gql(REVOKE, { id: old.id }, { token: fx.admin.token });
    expect((await t.gql(UPDATE, { id: old.id, s: ["KASUS_INSTANSI"] }, { token: fx.admin.token })).data!.updateApiClient).toMatchObject({
      __typename: "InvalidStateError",
      code: "API_CLIENT_REVOKED",
    });
    expect(code(await t.gql(WHOAMI, {}, { token: old.token }))).toBe("UNAUTHENTICATED");
    expect((await t.db.prisma.apiClient.findUniqueOrThrow({ where: { id: old.clientId } })).scopes).toEqual(["BACA_STATISTIK"]);
  });

  it("validates like registration and changes nothing on a bad value", async () => {
    const c = await insertClient(t, fx.instansi.id, ["BACA_KATALOG"]);
    const bad = async (v: Record<string, unknown>) => (await t.gql(UPDATE, { id: c.id, ...v }, { token: fx.admin.token })).data!.updateApiClient;
    expect(await bad({ s: [] })).toMatchObject({ __typename: "ValidationError", code: "SCOPES_REQUIRED", field: "scopes" });
    expect(await bad({ n: "X", s: ["KASUS_INSTANSI"] })).toMatchObject({ code: "NAMA_INVALID", field: "nama" });
    expect(await bad({ k: "a" })).toMatchObject({ code: "KONTAK_INVALID", field: "kontak" });
    expect(await bad({ b: "2020-01-01T00:00:00Z" })).toMatchObject({ code: "BERLAKU_INVALID", field: "berlakuSampai" });
    expect((await bad({ s: [] })).message).toMatch(/cakupan/);
    const row = await t.db.prisma.apiClient.findUniqueOrThrow({ where: { id: c.clientId } });
    expect(row.scopes).toEqual(["BACA_KATALOG"]);
    expect(await t.gql(UPDATE, { id: globalId("ApiClient", "00000000-0000-4000-8000-000000000000"), n: "Sistem" }, { token: superadmin.token })).toMatchObject({
      data: { updateApiClient: { __typename: "NotFoundError", code: "API_CLIENT_NOT_FOUND" } },
    });
  });

  it("only its own instansi's admin (or SUPERADMIN): not another admin, an officer, nor the client itself", async () => {
    const c = await insertClient(t, fx.instansi.id, ["BACA_KATALOG", "TERIMA_WEBHOOK"]);
    for (const token of [adminB.token, fx.petugas.token, citizen.token, c.token]) {
      expect(code(await t.gql(UPDATE, { id: c.id, s: ["KASUS_INSTANSI"] }, { token }))).toBe("FORBIDDEN");
    }
    expect(code(await t.gql(UPDATE, { id: c.id, s: ["KASUS_INSTANSI"] }))).toBe("UNAUTHENTICATED");
    expect((await t.db.prisma.apiClient.findUniqueOrThrow({ where: { id: c.clientId } })).scopes).toEqual(["BACA_KATALOG", "TERIMA_WEBHOOK"]);
  });
});

const CREATE_FOR_A = `mutation($i: ID!) { createApiClient(instansiId: $i, nama: "Sistem Lain", kontak: "tim@contoh.go.id", scopes: [BACA_KATALOG]) { __typename } }`;

describe("scopes", () => {
  it("BUAT_PENGADUAN records WhatsApp and web complaints for its own instansi only", async () => {
    const k = await t.gql(
      `mutation($i: ID!) { tambahKategoriPengaduan(instansiId: $i, nama: "Pelayanan Loket") { ... on TambahKategoriPengaduanSuccess { data { id } } } }`,
      { i: globalId("Instansi", fx.instansi.id) },
      { token: fx.admin.token },
    );
    const kategoriId = k.data!.tambahKategoriPengaduan.data.id;
    const gateway = await insertClient(t, fx.instansi.id, ["BUAT_PENGADUAN"], "Gateway WhatsApp");
    const CATAT = `mutation($i: ID!, $k: ID!, $kanal: KanalPengaduan!) { catatPengaduan(instansiId: $i, kategoriId: $k, kanal: $kanal, judul: "Antrian terlalu lama", uraian: "Saya menunggu tiga jam di loket tanpa kejelasan.", namaPelapor: "Budi", kontakPelapor: "0812-1111-2222", rahasia: true) { __typename ... on CatatPengaduanSuccess { data { id kanal kodeLacak pelapor { nama } } } ... on Error { code field } } }`;
    const ok = await t.gql(CATAT, { i: globalId("Instansi", fx.instansi.id), k: kategoriId, kanal: "WHATSAPP" }, { token: gateway.token });
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.catatPengaduan).toMatchObject({ __typename: "CatatPengaduanSuccess", data: { kanal: "WHATSAPP" } });
    // the gateway reads back what it recorded (to give the reporter the tracking code), not other complaints
    expect(ok.data!.catatPengaduan.data.kodeLacak).toMatch(/^ADU-/);
    expect(ok.data!.catatPengaduan.data.pelapor).toBeNull();
    const others = await t.gql(`{ mejaPengaduan(first: 5) { totalCount } }`, {}, { token: gateway.token });
    expect(code(others)).toBe("FORBIDDEN");
    const log = await t.db.prisma.pengaduanLog.findFirstOrThrow({ where: { pengaduan: { kodeLacak: ok.data!.catatPengaduan.data.kodeLacak } } });
    expect(log).toMatchObject({ aktorId: null, klienId: gateway.clientId });
    const lain = await t.gql(CATAT, { i: globalId("Instansi", fx.instansi.id), k: kategoriId, kanal: "LANGSUNG" }, { token: gateway.token });
    expect(lain.data!.catatPengaduan).toEqual({ __typename: "ValidationError", code: "KANAL_INVALID", field: "kanal" });
    const b = await t.db.prisma.instansi.findFirstOrThrow({ where: { id: { not: fx.instansi.id } } });
    expect(code(await t.gql(CATAT, { i: globalId("Instansi", b.id), k: kategoriId, kanal: "WHATSAPP" }, { token: gateway.token }))).toBe("FORBIDDEN");
  });

  it("KASUS_INSTANSI attaches a result and downloads it; VERIFIKASI_DOKUMEN sees whom it was issued to, and the holder sees that read", async () => {
    const kasus = await insertClient(t, fx.instansi.id, ["KASUS_INSTANSI"], "Sistem Arsip");
    let p = pengajuan;
    const proses = await t.gql(ACT, { id: p.id, a: "PROSES", v: p.versi }, { token: kasus.token });
    p = proses.data!.ubahStatusPengajuan.data;
    const hasil = await upload(
      t,
      `mutation($id: ID!, $v: Int!, $f: File!) { lampirkanHasil(id: $id, versi: $v, judul: "Surat Rekomendasi", file: $f) { __typename ... on LampirkanHasilSuccess { data { versi hasil { id kodeVerifikasi url } } } ... on Error { code } } }`,
      { id: p.id, v: p.versi, f: null },
      { f: { name: "rekomendasi.pdf", type: "application/pdf", content: tinyPdf("hasil") } },
      { token: kasus.token },
    );
    expect(hasil.data!.lampirkanHasil.__typename).toBe("LampirkanHasilSuccess");
    const doc = hasil.data!.lampirkanHasil.data.hasil[0];
    const download = await t.app.yoga.fetch(`http://localhost${doc.url}`, { headers: { authorization: `Bearer ${kasus.token}` } });
    expect(download.status).toBe(200);
    const other = await insertClient(t, fx.instansi.id, ["BACA_KATALOG"]);
    expect((await t.app.yoga.fetch(`http://localhost${doc.url}`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);

    const verifier = await insertClient(t, fx.instansi.id, ["VERIFIKASI_DOKUMEN"], "Sistem Bank");
    const Q = `query($k: String!) { verifikasiDokumen(kode: $k) { judul atasNama { nama nomorIdentitasMasked } } }`;
    const verified = await t.gql(Q, { k: doc.kodeVerifikasi }, { token: verifier.token });
    expect(verified.errors).toBeUndefined();
    expect(verified.data!.verifikasiDokumen).toEqual({
      judul: "Surat Rekomendasi",
      atasNama: { nama: "Warga Uji Coba", nomorIdentitasMasked: expect.stringMatching(/^3519\*+\d{4}$/) },
    });
    const anon = await t.gql(Q, { k: doc.kodeVerifikasi });
    expect(anon.data!.verifikasiDokumen).toEqual({ judul: "Surat Rekomendasi", atasNama: null });
    expect(code(anon)).toBe("UNAUTHENTICATED");
    const akses = await t.gql(`{ aksesDataSaya(first: 10) { edges { node { aksi aktorPeran } } } }`, {}, { token: citizen.token });
    expect(akses.data!.aksesDataSaya.edges.map((e: { node: unknown }) => e.node)).toContainEqual({
      aksi: "VerifikasiDokumen.atasNama",
      aktorPeran: "KLIEN_API",
    });
  });

  it("KASUS_INSTANSI follows the queue live over WebSocket (key in connectionParams); other scopes are refused", async () => {
    const port = await t.app.start(0, "127.0.0.1");
    const kasus = await insertClient(t, fx.instansi.id, ["KASUS_INSTANSI"], "Dasbor Kanwil");
    const ws = wsClient(port, { token: kasus.token });
    const sub = collect(ws, `subscription { antrianBerubah { id status } }`);
    await new Promise((r) => setTimeout(r, 200));
    const draft = await t.gql(
      `mutation($l: ID!) { createPengajuan(layananId: $l, formData: { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20" }) { ... on CreatePengajuanSuccess { data { id versi } } } }`,
      { l: fx.layanan.id },
      { token: citizen.token },
    );
    const d = draft.data!.createPengajuan.data;
    const up = await upload(
      t,
      `mutation($id: ID!, $v: Int!, $b: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $b) { ... on UploadDokumenPengajuanSuccess { data { id versi } } } }`,
      {
        id: d.id,
        v: d.versi,
        b: [
          { persyaratanId: fx.slots[0]!.id, file: null },
          { persyaratanId: fx.slots[1]!.id, file: null },
        ],
      },
      {
        "b.0.file": { name: "ktp.png", type: "image/png", content: PNG_1X1 },
        "b.1.file": { name: "pengantar.pdf", type: "application/pdf", content: tinyPdf("q") },
      },
      { token: citizen.token },
    );
    const sent = await t.gql(ACT, { id: d.id, a: "AJUKAN", v: up.data!.uploadDokumenPengajuan.data.versi }, { token: citizen.token });
    expect(sent.data!.ubahStatusPengajuan.__typename).toBe("UbahStatusPengajuanSuccess");
    const events = await sub.next(1);
    expect(events.at(-1)!.data!.antrianBerubah).toEqual({ id: d.id, status: "DIAJUKAN" });
    await ws.dispose();

    const katalog = await insertClient(t, fx.instansi.id, ["BACA_KATALOG"]);
    const ws2 = wsClient(port, { token: katalog.token });
    const refused = collect(ws2, `subscription { antrianBerubah { id } }`);
    await refused.next(1);
    expect(refused.events[0]!.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    await ws2.dispose();
  });

  it("BACA_KATALOG also sees its instansi's inactive services; BACA_STATISTIK reads the queue counts but not the queue", async () => {
    const layananId = Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!;
    await t.db.prisma.layanan.update({ where: { id: layananId }, data: { aktif: false } });
    const katalog = await insertClient(t, fx.instansi.id, ["BACA_KATALOG"]);
    const Q = `query($i: ID) { layananList(instansiId: $i, termasukNonaktif: true, first: 10) { edges { node { kode aktif } } } }`;
    const vars = { i: globalId("Instansi", fx.instansi.id) };
    expect((await t.gql(Q, vars, { token: katalog.token })).data!.layananList.edges).toEqual([{ node: { kode: "REKOM-NIKAH", aktif: false } }]);
    expect((await t.gql(Q, vars)).data!.layananList.edges).toEqual([]);
    await t.db.prisma.layanan.update({ where: { id: layananId }, data: { aktif: true } });

    const statistik = await insertClient(t, fx.instansi.id, ["BACA_STATISTIK"]);
    expect((await t.gql(`{ antrianJumlah { status jumlah } }`, {}, { token: statistik.token })).errors).toBeUndefined();
    expect(code(await t.gql(`{ antrian(first: 1) { totalCount } }`, {}, { token: statistik.token }))).toBe("FORBIDDEN");
  });
});

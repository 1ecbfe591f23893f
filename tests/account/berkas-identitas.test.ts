/**
 * Activation is a real check: registration carries a KTP photo (KK for a minor, SK for an ASN), received like a
 * requirement document (real multipart, type judged by content), readable only by the person and the admins who
 * may activate them; a refusal gives a chosen reason the person reads, who fixes the registration and asks again.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEmailPayload } from "../../server/modules/mail/outbox";
import {
  PNG_1X1,
  REGISTER,
  createInstansi,
  createStaff,
  createTestApp,
  globalId,
  login,
  makeNip,
  registerCitizen,
  registerInput,
  tinyPdf,
  upload,
  type TestApp,
} from "../helpers/app";

let t: TestApp;
let admin: Awaited<ReturnType<typeof createStaff>>;
let petugas: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await createTestApp();
  const instansi = await createInstansi(t);
  admin = await createStaff(t, "ADMIN", instansi.id);
  petugas = await createStaff(t, "PETUGAS", instansi.id);
}, 120_000);
afterAll(() => t.close());

const photo = (content: Buffer = PNG_1X1, name = "ktp.png", type = "image/png") => ({ "input.fotoIdentitas": { name, type, content } });

const PENDING = /* GraphQL */ `
  query ($search: String) {
    users(filter: { status: MENUNGGU_AKTIVASI, search: $search }, first: 5) {
      edges { node { id namaLengkap tanggalLahir berkasDiharapkan berkasIdentitas { id jenis jenisFile namaFile url } } }
    }
  }
`;

const REJECT = /* GraphQL */ `
  mutation ($id: ID!, $alasan: String, $kode: AlasanPenolakanAkun) {
    rejectAccount(userId: $id, alasan: $alasan, kodeAlasan: $kode) {
      __typename
      ... on RejectAccountSuccess { data { status statusReason statusReasonCode } }
      ... on Error { code message field }
    }
  }
`;

const PERBAIKI = /* GraphQL */ `
  mutation ($input: PerbaikanPendaftaranInput!) {
    perbaikiPendaftaran(input: $input) {
      __typename
      ... on PerbaikiPendaftaranSuccess { data { status statusReason namaLengkap berkasIdentitas { id jenis } history { kind } } }
      ... on Error { code message field }
    }
  }
`;

function download(path: string, token?: string) {
  return t.app.yoga.fetch(`http://localhost${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** A NIK of someone born on `yymmdd`'s date (DDMMYY in the NIK), Madiun. */
function nikBorn(dd: string, mm: string, yy: string): string {
  return `351901${dd}${mm}${yy}${String(1000 + Math.floor(Math.random() * 8999))}`;
}

describe("registration with an identity photo", () => {
  it("stores the KTP photo by content and shows it with the birth date to the admin", async () => {
    const input = registerInput(t, { namaLengkap: "Ratna Dewi Foto", nomorIdentitas: nikBorn("57", "08", "90") });
    const res = await upload(t, REGISTER, { input }, photo());
    expect(res.data!.register.__typename, JSON.stringify(res)).toBe("RegisterSuccess");
    const list = await t.gql(PENDING, { search: "Ratna Dewi Foto" }, { token: admin.token });
    const node = list.data!.users.edges[0].node;
    expect(node).toMatchObject({ tanggalLahir: "1990-08-17", berkasDiharapkan: "KTP" });
    expect(node.berkasIdentitas).toEqual([
      { id: expect.any(String), jenis: "KTP", jenisFile: "image/png", namaFile: "ktp.png", url: expect.stringMatching(/^\/unduh\/identitas\/[0-9a-f-]{36}$/) },
    ]);
    const row = await t.db.prisma.berkasIdentitas.findFirstOrThrow({ where: { id: node.berkasIdentitas[0].id }, include: { file: true } });
    expect(row.file.sha256).toHaveLength(64);
    expect(await t.app.services.storage.exists(row.file.storageKey)).toBe(true);
  });

  it("refuses a file that is not a photo or PDF by its content, in Indonesian, and writes nothing", async () => {
    const before = await t.db.prisma.user.count();
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff", "latin1"), Buffer.alloc(200)]);
    const input = registerInput(t);
    const res = await upload(t, REGISTER, { input }, photo(exe, "ktp.jpg", "image/jpeg"));
    expect(res.data!.register).toMatchObject({ __typename: "ValidationError", code: "FILE_TYPE_NOT_ALLOWED", field: "fotoIdentitas" });
    expect(res.data!.register.message).toMatch(/Unggah PDF, JPG, atau PNG|Unggah JPG, PNG, atau PDF/);
    // a text file named .png: judged by its bytes, not its name or declared type
    const txt = await upload(t, REGISTER, { input: registerInput(t) }, photo(Buffer.from("ini bukan foto KTP"), "ktp.png", "image/png"));
    expect(txt.data!.register).toMatchObject({ code: "FILE_TYPE_NOT_ALLOWED", field: "fotoIdentitas" });
    expect(await t.db.prisma.user.count()).toBe(before);
    expect(await t.db.prisma.berkasIdentitas.count({ where: { user: { identityMasked: "" } } })).toBe(0);
  });

  it("requires the photo, and asks a minor for the Kartu Keluarga instead of a KTP", async () => {
    const none = await t.gql(REGISTER, { input: registerInput(t) });
    expect(none.data!.register).toMatchObject({ code: "FOTO_IDENTITAS_REQUIRED", field: "fotoIdentitas" });
    expect(none.data!.register.message).toContain("foto KTP");
    const child = nikBorn("05", "03", "15");
    const noKk = await t.gql(REGISTER, { input: registerInput(t, { nomorIdentitas: child }) });
    expect(noKk.data!.register).toMatchObject({ code: "FOTO_IDENTITAS_REQUIRED" });
    expect(noKk.data!.register.message).toContain("Kartu Keluarga");
    const ok = await upload(
      t,
      REGISTER,
      { input: registerInput(t, { nomorIdentitas: child, namaLengkap: "Anak Belum Tujuh Belas" }) },
      photo(tinyPdf("kk"), "kk.pdf", "application/pdf"),
    );
    expect(ok.data!.register.__typename).toBe("RegisterSuccess");
    const node = (await t.gql(PENDING, { search: "Anak Belum Tujuh Belas" }, { token: admin.token })).data!.users.edges[0].node;
    expect(node).toMatchObject({ berkasDiharapkan: "KK", tanggalLahir: "2015-03-05", berkasIdentitas: [{ jenis: "KK", jenisFile: "application/pdf" }] });
  });

  it("takes an ASN's SK beside the KTP, but not from a NIK registration", async () => {
    const asn = await upload(
      t,
      REGISTER,
      { input: registerInput(t, { identityType: "NIP", nomorIdentitas: makeNip(), namaLengkap: "Pegawai Dengan SK" }) },
      {
        ...photo(),
        "input.skAsn": { name: "sk.pdf", type: "application/pdf", content: tinyPdf("sk") },
      },
    );
    expect(asn.data!.register.__typename, JSON.stringify(asn)).toBe("RegisterSuccess");
    const node = (await t.gql(PENDING, { search: "Pegawai Dengan SK" }, { token: admin.token })).data!.users.edges[0].node;
    expect(node.berkasIdentitas.map((b: { jenis: string }) => b.jenis)).toEqual(["KTP", "SK_ASN"]);
    const nik = await upload(
      t,
      REGISTER,
      { input: registerInput(t) },
      { ...photo(), "input.skAsn": { name: "sk.pdf", type: "application/pdf", content: tinyPdf("sk2") } },
    );
    expect(nik.data!.register).toMatchObject({ code: "SK_ASN_ONLY_NIP", field: "skAsn" });
  });
});

describe("who may read the photo", () => {
  it("the person and the admins who may activate them; every other caller gets nothing, and admin reads are audited", async () => {
    const c = await registerCitizen(t, { namaLengkap: "Pemilik Foto Rahasia" });
    const other = await registerCitizen(t);
    const row = await t.db.prisma.berkasIdentitas.findFirstOrThrow({ where: { userId: c.id } });
    const path = `/unduh/identitas/${row.id}`;

    const own = await download(path, c.token);
    expect(own.status).toBe(200);
    expect(own.headers.get("content-type")).toBe("image/png");
    expect(own.headers.get("cache-control")).toContain("no-store");
    expect(Buffer.from(await own.arrayBuffer()).equals(PNG_1X1)).toBe(true);

    const auditsBefore = await t.db.prisma.auditLog.count({ where: { jenis: "BACA_DATA_PRIBADI", objekId: row.id } });
    const byAdmin = await download(path, admin.token);
    expect(byAdmin.status).toBe(200);
    expect(await t.db.prisma.auditLog.count({ where: { jenis: "BACA_DATA_PRIBADI", objekId: row.id } })).toBe(auditsBefore + 1);

    expect((await download(path)).status).toBe(401);
    for (const token of [other.token, petugas.token]) {
      const res = await download(path, token);
      expect(res.status).toBe(404);
      expect(res.headers.get("x-loket-error")).toBe("NOT_FOUND");
    }
    // through GraphQL: another citizen and an officer cannot reach the account, so neither its photo
    for (const token of [other.token, petugas.token]) {
      const res = await t.gql(`query($id: ID!) { node(id: $id) { ... on User { berkasIdentitas { url } } } }`, { id: c.globalId }, { token });
      expect(res.data?.node ?? null).toBeNull();
    }
    const mine = await t.gql(`{ me { berkasIdentitas { url } } }`, {}, { token: c.token });
    expect(mine.data!.me.berkasIdentitas).toEqual([{ url: path }]);
  });
});

describe("refusal with a reason, then a correction", () => {
  it("needs a reason; a chosen one reaches the person's status and email; they fix it and ask again", async () => {
    const c = await registerCitizen(t, { namaLengkap: "Budi Santosa Keliru" });
    const lainnya = await t.gql(REJECT, { id: c.globalId, kode: "LAINNYA" }, { token: admin.token });
    expect(lainnya.data!.rejectAccount).toMatchObject({ code: "REASON_REQUIRED", field: "alasan" });
    const none = await t.gql(REJECT, { id: c.globalId }, { token: admin.token });
    expect(none.data!.rejectAccount).toMatchObject({ code: "REASON_REQUIRED" });

    const ok = await t.gql(REJECT, { id: c.globalId, kode: "FOTO_TIDAK_TERBACA", alasan: "Bagian NIK tertutup jari." }, { token: admin.token });
    expect(ok.data!.rejectAccount.data).toEqual({
      status: "DITOLAK",
      statusReason: "Foto KTP/KK tidak terbaca (buram, gelap, atau terpotong). Bagian NIK tertutup jari.",
      statusReasonCode: "FOTO_TIDAK_TERBACA",
    });
    const mails = await t.db.prisma.outbox.findMany({ where: { kind: "EMAIL" }, orderBy: { createdAt: "desc" }, take: 5 });
    const text = mails.map((m) => JSON.stringify(parseEmailPayload(m.payload, m.id, t.keys) ?? m.payload)).join("\n");
    expect(text).toContain("Bagian NIK tertutup jari.");
    expect(text).toContain("Unggah foto baru yang terang");
    expect(text).toContain("/status-akun");

    // the person signs in again (a session for their own account only) and reads the reason
    const token = await login(t, c.nik, c.password);
    const me = await t.gql(`{ me { status statusReason statusReasonCode } }`, {}, { token });
    expect(me.data!.me).toMatchObject({ status: "DITOLAK", statusReasonCode: "FOTO_TIDAK_TERBACA" });

    const bad = await upload(t, PERBAIKI, { input: { namaLengkap: "Budi Santosa" } }, photo(Buffer.from("%PDF1.7 palsu"), "ktp.pdf", "application/pdf"), {
      token,
    });
    expect(bad.data!.perbaikiPendaftaran).toMatchObject({ code: "FILE_TYPE_NOT_ALLOWED", field: "fotoIdentitas" });
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: c.id } })).status).toBe("DITOLAK");

    const before = await t.db.prisma.berkasIdentitas.findFirstOrThrow({ where: { userId: c.id, diganti: false } });
    const fixed = await upload(t, PERBAIKI, { input: { namaLengkap: "Budi Santosa" } }, photo(tinyPdf("ktp-baru"), "ktp-baru.pdf", "application/pdf"), {
      token,
    });
    const d = fixed.data!.perbaikiPendaftaran;
    expect(d.__typename, JSON.stringify(fixed)).toBe("PerbaikiPendaftaranSuccess");
    expect(d.data).toMatchObject({ status: "MENUNGGU_AKTIVASI", statusReason: null, namaLengkap: "Budi Santosa", berkasIdentitas: [{ jenis: "KTP" }] });
    expect(d.data.berkasIdentitas[0].id).not.toBe(before.id);
    expect(d.data.history.map((h: { kind: string }) => h.kind)).toEqual(["DAFTAR", "TOLAK", "AJUKAN_ULANG"]);
    expect((await t.db.prisma.berkasIdentitas.findUniqueOrThrow({ where: { id: before.id } })).diganti).toBe(true);

    // once active there is nothing to correct this way
    await t.gql(`mutation($id: ID!) { activateAccount(userId: $id) { __typename } }`, { id: c.globalId }, { token: admin.token });
    const active = await login(t, c.nik, c.password);
    const late = await t.gql(PERBAIKI, { input: { namaLengkap: "Budi" } }, { token: active });
    expect(late.data!.perbaikiPendaftaran).toMatchObject({ code: "INVALID_ACCOUNT_STATE" });
  });

  it("an account without a photo (registered before photos were asked) must add one before asking again", async () => {
    const c = await registerCitizen(t);
    await t.db.prisma.berkasIdentitas.deleteMany({ where: { userId: c.id } });
    await t.gql(REJECT, { id: c.globalId, kode: "FOTO_TIDAK_ADA" }, { token: admin.token });
    const token = await login(t, c.nik, c.password);
    const res = await t.gql(PERBAIKI, { input: { namaLengkap: "Warga Tanpa Foto" } }, { token });
    expect(res.data!.perbaikiPendaftaran).toMatchObject({ code: "FOTO_IDENTITAS_REQUIRED", field: "fotoIdentitas" });
    const list = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on User { status berkasIdentitas { id } } } }`,
      { id: globalId("User", c.id) },
      { token: admin.token },
    );
    expect(list.data!.node).toEqual({ status: "DITOLAK", berkasIdentitas: [] });
  });
});

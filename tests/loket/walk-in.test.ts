import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SMS_BODY } from "../../server/config";
import {
  PNG_1X1,
  LOGIN,
  activeCitizen,
  createStaff,
  createTestApp,
  globalId,
  gqlRegister,
  makeNik,
  registerInput,
  serviceFixture,
  tinyPdf,
  upload,
  type TestApp,
} from "../helpers/app";

/**
 * Walk-ins at the counter (server/modules/pengajuan/walk-in.ts): an officer serves a person with or without an
 * account, through the API, on a real database; the person registers later and gets the case after activation.
 */

let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
let other: Awaited<ReturnType<typeof serviceFixture>>;

const P = /* GraphQL */ `
  fragment P on Pengajuan {
    id status versi nomorRegistrasi diLoket buktiUrl formData pengiriman
    pemohon { nama nomorIdentitasMasked email }
    dokumen { id persyaratan { label } }
    riwayat { seq aksi aktor diLoket }
  }
`;
const CARI = `mutation($nik: String!) { cariPemohonLoket(nik: $nik) { __typename
  ... on CariPemohonLoketSuccess { data { ditemukan nama nomorIdentitasMasked status tamu dapatDilayani alasan } }
  ... on Error { code message field problems { code field } } } }`;
const MULAI = `mutation($l: ID!, $nik: String!, $nama: String, $tel: String, $setuju: Boolean = true) { mulaiPengajuanLoket(layananId: $l, nik: $nik, namaLengkap: $nama, telepon: $tel, pemohonSetuju: $setuju) { __typename
  ... on MulaiPengajuanLoketSuccess { data { ...P } } ... on Error { code message field problems { code field } } } } ${P}`;
const SIMPAN = `mutation($id: ID!, $v: Int!, $f: JSON) { simpanPengajuanLoket(id: $id, versi: $v, formData: $f) { __typename
  ... on SimpanPengajuanLoketSuccess { data { ...P } } ... on Error { code message field problems { code field } } } } ${P}`;
const UNGGAH = `mutation($id: ID!, $v: Int!, $berkas: [DokumenUploadInput!]!) { unggahDokumenLoket(id: $id, versi: $v, berkas: $berkas) { __typename
  ... on UnggahDokumenLoketSuccess { data { ...P } } ... on Error { code message field } } } ${P}`;
const AJUKAN = `mutation($id: ID!, $v: Int!) { ajukanPengajuanLoket(id: $id, versi: $v) { __typename
  ... on AjukanPengajuanLoketSuccess { data { ...P } } ... on Error { code message field problems { code field } } } } ${P}`;
const UPDATE = `mutation($id: ID!, $v: Int!, $f: JSON) { updatePengajuan(id: $id, versi: $v, formData: $f) { __typename ... on Error { code } } }`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Pengajuan { id diLoket riwayat { aktor diLoket } } } }`;
const MINE = `query { myPengajuan(first: 10) { edges { node { id diLoket nomorRegistrasi } } } }`;
const LACAK = `query($n: String!, $d: String!) { lacakPengajuan(nomorRegistrasi: $n, empatDigitTerakhir: $d) { status nomorRegistrasi } }`;
const ACTIVATE = `mutation($id: ID!) { activateAccount(userId: $id) { __typename ... on Error { code message } } }`;
const REJECT = `mutation($id: ID!) { rejectAccount(userId: $id, alasan: "Foto KTP tidak terbaca jelas.") { __typename ... on Error { code message } } }`;

const FORM = { namaPasangan: "Ahmad Fauzi", tanggalNikah: "2027-01-20" };
const rawId = (gid: string) => Buffer.from(gid, "base64").toString().split(":")[1]!;

beforeAll(async () => {
  // WhatsApp and SMS are configured (pointing nowhere): a person without an account must still get none of them
  t = await createTestApp({
    kanal: {
      whatsapp: {
        apiUrl: "http://127.0.0.1:9/wa",
        token: "uji",
        phoneNumberId: "1",
        appSecret: "rahasia-uji",
        verifyToken: "verifikasi-uji",
        templateLanguage: "id",
      },
      sms: { url: "http://127.0.0.1:9/sms", auth: "Bearer uji", bodyTemplate: DEFAULT_SMS_BODY },
    },
  });
  fx = await serviceFixture(t);
  other = await serviceFixture(t);
});
afterAll(() => t.close());

function files(p: { id: string; versi: number }, token: string) {
  return upload(
    t,
    UNGGAH,
    { id: p.id, v: p.versi, berkas: [0, 1].map((i) => ({ persyaratanId: fx.slots[i]!.id, file: null })) },
    {
      "berkas.0.file": { name: "ktp-pindai.png", type: "image/png", content: PNG_1X1 },
      "berkas.1.file": { name: "pengantar.pdf", type: "application/pdf", content: tinyPdf("pengantar loket") },
    },
    { token },
  );
}

/** Serves a walk-in from lookup to submission; returns the submitted case. */
async function serve(nik: string, token = fx.petugas.token, kontak: { nama?: string; tel?: string } = { nama: "Siti Aminah", tel: "0812 3456 7890" }) {
  const m = await t.gql(MULAI, { l: fx.layanan.id, nik, ...kontak }, { token });
  expect(m.data?.mulaiPengajuanLoket.__typename, JSON.stringify(m)).toBe("MulaiPengajuanLoketSuccess");
  let p = m.data!.mulaiPengajuanLoket.data;
  const s = await t.gql(SIMPAN, { id: p.id, v: p.versi, f: FORM }, { token });
  expect(s.data?.simpanPengajuanLoket.__typename, JSON.stringify(s)).toBe("SimpanPengajuanLoketSuccess");
  p = s.data!.simpanPengajuanLoket.data;
  const u = await files(p, token);
  expect(u.data?.unggahDokumenLoket.__typename, JSON.stringify(u)).toBe("UnggahDokumenLoketSuccess");
  p = u.data!.unggahDokumenLoket.data;
  const a = await t.gql(AJUKAN, { id: p.id, v: p.versi }, { token });
  expect(a.data?.ajukanPengajuanLoket.__typename, JSON.stringify(a)).toBe("AjukanPengajuanLoketSuccess");
  return a.data!.ajukanPengajuanLoket.data;
}

/** Every row of the tables a walk-in writes, as text: what a database dump would show. */
async function dump(): Promise<string> {
  const tables = ["User", "Pengajuan", "PengajuanLog", "AuditLog", "AccountAction", "Outbox", "Notification", "DokumenPengajuan", "StoredFile"];
  const parts: string[] = [];
  for (const table of tables) {
    const rows = await t.db.prisma.$queryRawUnsafe<unknown[]>(`SELECT * FROM "public"."${table}"`);
    parts.push(JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? String(v) : v)));
  }
  return parts.join("\n");
}

describe("a walk-in without an account", () => {
  const nik = makeNik(true);
  let caseId = "";

  it("is looked up, recorded as TAMU and served to the end: number, proof, tracking, history at the counter", async () => {
    const cari = await t.gql(CARI, { nik }, { token: fx.petugas.token });
    expect(cari.data!.cariPemohonLoket.data).toEqual({
      ditemukan: false,
      nama: null,
      nomorIdentitasMasked: expect.stringMatching(/^\d{4}\*+\d{4}$/),
      status: null,
      tamu: false,
      dapatDilayani: true,
      alasan: null,
    });
    expect(cari.data!.cariPemohonLoket.data.nomorIdentitasMasked).not.toBe(nik);

    const p = await serve(nik);
    caseId = p.id;
    // without an account there is no Log Inbox: the result is collected at the office
    expect(p).toMatchObject({ status: "DIAJUKAN", diLoket: true, pengiriman: "AMBIL", pemohon: { nama: "Siti Aminah", email: "" } });
    expect(p.nomorRegistrasi).toMatch(/^INS\/\d{4}\/\d{6}$/);
    expect(p.formData).toMatchObject(FORM);
    expect(p.dokumen).toHaveLength(2);
    // every step the officer's, at the counter
    expect(p.riwayat.map((l: { aksi: string; aktor: string; diLoket: boolean }) => [l.aksi, l.aktor, l.diLoket])).toEqual([
      ["BUAT", "Staf PETUGAS", true],
      ["AJUKAN", "Staf PETUGAS", true],
    ]);

    const user = await t.db.prisma.user.findUniqueOrThrow({
      where: { id: (await t.db.prisma.pengajuan.findUniqueOrThrow({ where: { id: rawId(p.id) } })).pemohonId },
    });
    expect(user).toMatchObject({ status: "TAMU", role: "PEMOHON", email: "", telepon: "081234567890", consentTermsVersion: t.config.termsVersion });
    expect(user.consentAt).toBeInstanceOf(Date);
    const actions = await t.db.prisma.accountAction.findMany({ where: { userId: user.id } });
    expect(actions).toEqual([expect.objectContaining({ kind: "DAFTAR", actorId: fx.petugas.id, reason: "Dicatat petugas di loket (tanpa akun)" })]);

    // the proof, printed by the officer, and public tracking with the last 4 digits
    const bukti = await t.app.yoga.fetch(`http://localhost${p.buktiUrl}`, { headers: { authorization: `Bearer ${fx.petugas.token}` } });
    expect(bukti.status).toBe(200);
    expect(
      Buffer.from(await bukti.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    const lacak = await t.gql(LACAK, { n: p.nomorRegistrasi, d: nik.slice(-4) });
    expect(lacak.data!.lacakPengajuan).toEqual({ status: "DIAJUKAN", nomorRegistrasi: p.nomorRegistrasi });

    // no email for an empty address, no WhatsApp or SMS to an unverified phone: nothing queued, nothing failed
    const outbox = await t.db.prisma.outbox.findMany();
    expect(outbox.filter((o) => (o.payload as { to?: string }).to === "")).toEqual([]);
    expect(outbox.filter((o) => o.kind !== "EMAIL")).toEqual([]);
    // the in-app notification waits for the person's account (seen once it is taken over and activated)
    expect(await t.db.prisma.notification.count({ where: { userId: user.id, kind: "PENGAJUAN_DIAJUKAN" } })).toBe(1);
  });

  it("never stores, audits or queues the NIK in plain text", async () => {
    const text = await dump();
    expect(text).not.toContain(nik);
    // the lookups and the start are in the audit trail, the NIK only masked and as its blind index
    const audit = await t.db.prisma.auditLog.findMany({ where: { aksi: { in: ["Mutation.cariPemohonLoket", "Mutation.mulaiPengajuanLoket"] } } });
    expect(audit.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(audit)).toContain(`${nik.slice(0, 4)}`);
  });

  it("cannot log in, with a clear message and no crash", async () => {
    const r = await t.gql(LOGIN, { nomorIdentitas: nik, password: "Apa-Saja-Kata-Sandi-2026" });
    expect(r.errors).toBeUndefined();
    expect(r.data!.login).toMatchObject({ __typename: "LoginError", code: "ACCOUNT_NOT_REGISTERED" });
    expect(r.data!.login.message).toMatch(/Daftar dengan NIK ini/);
  });

  it("is found again on the next visit, by name, and served again on the same record", async () => {
    const cari = await t.gql(CARI, { nik }, { token: fx.admin.token });
    expect(cari.data!.cariPemohonLoket.data).toMatchObject({ ditemukan: true, nama: "Siti Aminah", status: "TAMU", tamu: true, dapatDilayani: true });
    const m = await t.gql(MULAI, { l: fx.layanan.id, nik }, { token: fx.admin.token });
    expect(m.data!.mulaiPengajuanLoket).toMatchObject({ __typename: "MulaiPengajuanLoketSuccess", data: { diLoket: true, status: "DRAFT" } });
    expect(await t.db.prisma.user.count({ where: { status: "TAMU" } })).toBe(1);
  });

  it("takes the record over on registration; the cases are seen only once the account is active", async () => {
    const tamu = await t.db.prisma.user.findFirstOrThrow({ where: { status: "TAMU" } });
    const reg = await gqlRegister(t, { input: registerInput(t, { nomorIdentitas: nik, namaLengkap: "Siti Aminah", email: "siti.aminah@contoh.id" }) });
    expect(reg.data?.register.__typename, JSON.stringify(reg)).toBe("RegisterSuccess");
    const { token, user } = reg.data!.register.data;
    expect(rawId(user.id)).toBe(tamu.id);
    expect(user.status).toBe("MENUNGGU_AKTIVASI");
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: tamu.id } });
    expect(row).toMatchObject({ status: "MENUNGGU_AKTIVASI", email: "siti.aminah@contoh.id" });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await t.db.prisma.berkasIdentitas.count({ where: { userId: tamu.id } })).toBe(1);
    const actions = await t.db.prisma.accountAction.findMany({ where: { userId: tamu.id }, orderBy: { createdAt: "asc" } });
    expect(actions.at(-1)).toMatchObject({ kind: "DAFTAR", reason: expect.stringMatching(/sebelumnya dicatat petugas di loket.*\(2 pengajuan di loket\)/) });
    expect(await t.db.prisma.auditLog.count({ where: { aksi: "Akun.ambilAlihDataLoket", subjekId: tamu.id } })).toBe(1);

    // pending: nothing of the counter cases
    const before = await t.gql(MINE, {}, { token });
    expect(before.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const node = await t.gql(NODE, { id: caseId }, { token });
    expect(node.data?.node ?? null).toBeNull();

    // a second registration with that NIK is refused as for any account
    const again = await gqlRegister(t, { input: registerInput(t, { nomorIdentitas: nik }) });
    expect(again.data!.register).toMatchObject({ code: "IDENTITY_TAKEN" });

    const act = await t.gql(ACTIVATE, { id: user.id }, { token: fx.admin.token });
    expect(act.data!.activateAccount.__typename).toBe("ActivateAccountSuccess");
    const login = await t.gql(LOGIN, { nomorIdentitas: nik, password: registerInput(t).password });
    expect(login.data!.login.__typename).toBe("LoginSuccess");
    const mine = await t.gql(MINE, {}, { token: login.data!.login.data.token });
    expect(mine.data!.myPengajuan.edges.map((e: { node: { id: string; diLoket: boolean } }) => e.node.diLoket)).toEqual([true, true]);
    // the applicant's history says the counter did it, without the officer's name
    const seen = await t.gql(NODE, { id: caseId }, { token: login.data!.login.data.token });
    expect(seen.data!.node.riwayat).toEqual([
      { aktor: "Petugas", diLoket: true },
      { aktor: "Petugas", diLoket: true },
    ]);
  });

  it("keeps the cases when the registration is refused", async () => {
    const nik2 = makeNik();
    const p = await serve(nik2);
    const reg = await gqlRegister(t, { input: registerInput(t, { nomorIdentitas: nik2 }) });
    const userId = reg.data!.register.data.user.id;
    const rej = await t.gql(REJECT, { id: userId }, { token: fx.admin.token });
    expect(rej.data!.rejectAccount.__typename, JSON.stringify(rej)).toBe("RejectAccountSuccess");
    const row = await t.db.prisma.pengajuan.findUniqueOrThrow({ where: { id: rawId(p.id) } });
    expect(row.pemohonId).toBe(rawId(userId));
    // and the counter now explains why it cannot start another case for this NIK
    const m = await t.gql(MULAI, { l: fx.layanan.id, nik: nik2 }, { token: fx.petugas.token });
    expect(m.data!.mulaiPengajuanLoket).toMatchObject({ __typename: "InvalidStateError", code: "AKUN_DITOLAK", field: "nik" });
  });
});

describe("a walk-in with an account", () => {
  it("is the account's case: the officer sees the name and the masked NIK only, the citizen sees the case", async () => {
    const c = await activeCitizen(t);
    const cari = await t.gql(CARI, { nik: c.nik }, { token: fx.petugas.token });
    expect(cari.data!.cariPemohonLoket.data).toEqual({
      ditemukan: true,
      nama: "Warga Uji Coba",
      nomorIdentitasMasked: expect.not.stringContaining(c.nik),
      status: "AKTIF",
      tamu: false,
      dapatDilayani: true,
      alasan: null,
    });
    // the typed name and phone do not change an account
    const p = await serve(c.nik, fx.petugas.token, { nama: "Nama Lain", tel: "089999999999" });
    expect(p).toMatchObject({ pengiriman: "UNDUH", pemohon: { nama: "Warga Uji Coba" } });
    const row = await t.db.prisma.pengajuan.findUniqueOrThrow({ where: { id: rawId(p.id) } });
    expect(row.pemohonId).toBe(c.id);
    expect(row.diLoket).toBe(true);
    const mine = await t.gql(MINE, {}, { token: c.token });
    expect(mine.data!.myPengajuan.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(p.id);
    // the citizen was told, in the app and by email (the account has an address)
    expect(await t.db.prisma.notification.count({ where: { userId: c.id, kind: "PENGAJUAN_DIAJUKAN" } })).toBe(1);
    expect(await t.db.prisma.outbox.count({ where: { kind: "EMAIL" } })).toBeGreaterThan(0);
  });

  it("is refused for a suspended account and a staff NIK, with the reason", async () => {
    const c = await activeCitizen(t);
    await t.db.prisma.user.update({ where: { id: c.id }, data: { status: "DITANGGUHKAN", statusReason: "Penyalahgunaan layanan" } });
    const cari = await t.gql(CARI, { nik: c.nik }, { token: fx.petugas.token });
    expect(cari.data!.cariPemohonLoket.data).toMatchObject({ ditemukan: true, dapatDilayani: false, alasan: expect.stringMatching(/ditangguhkan/) });
    const m = await t.gql(MULAI, { l: fx.layanan.id, nik: c.nik }, { token: fx.petugas.token });
    expect(m.data!.mulaiPengajuanLoket).toMatchObject({ __typename: "InvalidStateError", code: "AKUN_DITANGGUHKAN", field: "nik" });

    const staff = await createStaff(t, "PETUGAS", fx.instansi.id, "NIK");
    const s = await t.gql(MULAI, { l: fx.layanan.id, nik: staff.nomorIdentitas }, { token: fx.petugas.token });
    expect(s.data!.mulaiPengajuanLoket).toMatchObject({ code: "BUKAN_PEMOHON" });
  });
});

describe("authorisation and input", () => {
  it("refuses citizens and other offices' staff", async () => {
    const c = await activeCitizen(t);
    const nik = makeNik();
    for (const q of [CARI, MULAI]) {
      const r = await t.gql(q, { nik, l: fx.layanan.id, nama: "Budi", tel: "081234567890" }, { token: c.token });
      expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    // an officer of another instansi may look up, but not serve at this office's counter or touch its cases
    const foreign = await t.gql(MULAI, { l: fx.layanan.id, nik, nama: "Budi", tel: "081234567890" }, { token: other.petugas.token });
    expect(foreign.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await t.db.prisma.user.count({ where: { identityMasked: { startsWith: nik.slice(0, 4) }, namaLengkap: "Budi" } })).toBe(0);
    const m = await t.gql(MULAI, { l: fx.layanan.id, nik, nama: "Budi", tel: "081234567890" }, { token: fx.petugas.token });
    const p = m.data!.mulaiPengajuanLoket.data;
    const s = await t.gql(SIMPAN, { id: p.id, v: p.versi, f: FORM }, { token: other.admin.token });
    expect(s.data!.simpanPengajuanLoket).toMatchObject({ __typename: "NotFoundError", code: "PENGAJUAN_NOT_FOUND" });
    const a = await t.gql(AJUKAN, { id: p.id, v: p.versi }, { token: other.petugas.token });
    expect(a.data!.ajukanPengajuanLoket).toMatchObject({ __typename: "NotFoundError" });
    // the citizen's own web draft stays theirs: the counter may not edit it
    const web = await t.gql(
      `mutation($l: ID!) { createPengajuan(layananId: $l) { ... on CreatePengajuanSuccess { data { id versi } } } }`,
      { l: fx.layanan.id },
      { token: c.token },
    );
    const d = web.data!.createPengajuan.data;
    const e = await t.gql(SIMPAN, { id: d.id, v: d.versi, f: FORM }, { token: fx.petugas.token });
    expect(e.data!.simpanPengajuanLoket).toMatchObject({ code: "BUKAN_PENGAJUAN_LOKET" });
    // and the citizen-facing mutation is not the officer's way to edit a counter case
    const u = await t.gql(UPDATE, { id: p.id, v: p.versi, f: FORM }, { token: fx.petugas.token });
    expect(u.data!.updatePengajuan).toMatchObject({ __typename: "NotFoundError", code: "PENGAJUAN_NOT_FOUND" });
  });

  it("answers bad input with specific codes at their fields", async () => {
    const bad = await t.gql(CARI, { nik: "12345" }, { token: fx.petugas.token });
    expect(bad.data!.cariPemohonLoket).toMatchObject({ __typename: "ValidationError", field: "nik" });

    const all = await t.gql(MULAI, { l: fx.layanan.id, nik: makeNik(), nama: "", tel: "12", setuju: false }, { token: fx.petugas.token });
    expect(all.data!.mulaiPengajuanLoket.problems).toEqual([
      { code: "NAME_INVALID", field: "namaLengkap" },
      { code: "PHONE_INVALID", field: "telepon" },
      { code: "CONSENT_REQUIRED", field: "pemohonSetuju" },
    ]);

    const gone = await t.gql(MULAI, { l: globalId("Layanan", "00000000-0000-4000-8000-000000000000"), nik: "99", nama: "Budi" }, { token: fx.petugas.token });
    expect(gone.data!.mulaiPengajuanLoket.problems.map((x: { field: string }) => x.field)).toEqual(["nik", "layananId", "telepon"]);

    const m = await t.gql(MULAI, { l: fx.layanan.id, nik: makeNik(), nama: "Budi Santoso", tel: "081234567890" }, { token: fx.petugas.token });
    const p = m.data!.mulaiPengajuanLoket.data;
    // a draft keeps the text as typed (as on the web); submitting checks it with the documents, every problem at once
    const form = await t.gql(SIMPAN, { id: p.id, v: p.versi, f: { tanggalNikah: "20 Januari" } }, { token: fx.petugas.token });
    const saved = form.data!.simpanPengajuanLoket.data;
    const early = await t.gql(AJUKAN, { id: p.id, v: saved.versi }, { token: fx.petugas.token });
    expect(early.data!.ajukanPengajuanLoket.__typename).toBe("ValidationError");
    expect(early.data!.ajukanPengajuanLoket.problems.map((x: { field: string }) => x.field)).toEqual([
      "formData.namaPasangan",
      "formData.tanggalNikah",
      expect.stringMatching(/^persyaratan\./),
    ]);
    expect(early.data!.ajukanPengajuanLoket.problems.at(-1).code).toBe("DOKUMEN_KURANG");
    const stale = await t.gql(AJUKAN, { id: p.id, v: p.versi }, { token: fx.petugas.token });
    expect(stale.data!.ajukanPengajuanLoket).toMatchObject({ code: "CONFLICT" });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GOOD_PASSWORD,
  LOGIN,
  gqlRegister,
  createInstansi,
  createStaff,
  createTestApp,
  login,
  makeNik,
  registerCitizen,
  registerInput,
  type TestApp,
} from "../helpers/app";

let t: TestApp;
let admin: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  t = await createTestApp();
  const instansi = await createInstansi(t);
  admin = await createStaff(t, "ADMIN", instansi.id);
});
afterAll(() => t.close());

const ME = /* GraphQL */ `
  query {
    me { id role status namaLengkap email telepon identityType nomorIdentitasMasked nomorIdentitas consentTermsVersion consentPrivacyVersion consentAt }
  }
`;

const ACTIVATE = /* GraphQL */ `
  mutation ($id: ID!) {
    activateAccount(userId: $id) {
      __typename
      ... on ActivateAccountSuccess { data { id status history { kind reason actorName } } }
      ... on Error { code message }
    }
  }
`;

describe("registration → activation → login → me", () => {
  it("walks the whole path through the API", async () => {
    const input = registerInput(t, { namaLengkap: "  Siti   Aminah ", telepon: "+62 812-3456-7890", email: "Siti.Aminah@Contoh.ID" });
    const reg = await gqlRegister(t, { input });
    expect(reg.errors).toBeUndefined();
    expect(reg.data!.register.__typename).toBe("RegisterSuccess");
    const user = reg.data!.register.data.user;
    expect(user.status).toBe("MENUNGGU_AKTIVASI");
    expect(user.namaLengkap).toBe("Siti Aminah");
    expect(user.nomorIdentitasMasked).toBe(`${input.nomorIdentitas.slice(0, 4)}********${input.nomorIdentitas.slice(12)}`);

    // stored encrypted, never in clear
    const row = await t.db.prisma.user.findFirstOrThrow({ where: { email: "siti.aminah@contoh.id" } });
    expect(row.identityCipher).not.toContain(input.nomorIdentitas);
    expect(JSON.stringify(row)).not.toContain(input.nomorIdentitas);
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.telepon).toBe("081234567890");
    expect(row.consentTermsVersion).toBe(t.config.termsVersion);
    expect(row.consentAt.getTime()).toBeGreaterThan(Date.now() - 60_000);

    // before activation, login says so plainly
    const early = await t.gql(LOGIN, { nomorIdentitas: input.nomorIdentitas, password: input.password });
    expect(early.data!.login).toMatchObject({ __typename: "LoginError", code: "ACCOUNT_PENDING" });
    expect(early.data!.login.message).toMatch(/belum diaktifkan/);

    // the pending session can read its own account but do nothing else
    const pendingToken = reg.data!.register.data.token;
    const mePending = await t.gql(ME, {}, { token: pendingToken });
    expect(mePending.data!.me.status).toBe("MENUNGGU_AKTIVASI");
    expect(mePending.data!.me.nomorIdentitas).toBe(input.nomorIdentitas);

    const act = await t.gql(ACTIVATE, { id: user.id }, { token: admin.token });
    expect(act.data!.activateAccount.__typename).toBe("ActivateAccountSuccess");
    expect(act.data!.activateAccount.data.status).toBe("AKTIF");
    expect(act.data!.activateAccount.data.history.map((h: { kind: string }) => h.kind)).toEqual(["DAFTAR", "AKTIVASI"]);
    expect(act.data!.activateAccount.data.history[1].actorName).toBe("Staf ADMIN");

    const token = await login(t, input.nomorIdentitas, input.password);
    const me = await t.gql(ME, {}, { token });
    expect(me.data!.me).toMatchObject({
      id: user.id,
      role: "PEMOHON",
      status: "AKTIF",
      namaLengkap: "Siti Aminah",
      email: "siti.aminah@contoh.id",
      identityType: "NIK",
      nomorIdentitas: input.nomorIdentitas,
    });

    // the citizen was notified in-app
    const notes = await t.gql(`{ unreadNotificationCount myNotifications(first: 5) { edges { node { kind judul read } } } }`, {}, { token });
    expect(notes.data!.unreadNotificationCount).toBe(1);
    expect(notes.data!.myNotifications.edges[0].node).toMatchObject({ kind: "AKUN_AKTIVASI", judul: "Akun Anda telah aktif", read: false });
  });

  it("sets an HttpOnly session cookie for browsers and accepts it back", async () => {
    const { nik } = await registerCitizen(t);
    const userId = (await t.db.prisma.user.findMany({ orderBy: { createdAt: "desc" }, take: 1 }))[0]!.id;
    await t.db.prisma.user.update({ where: { id: userId }, data: { status: "AKTIF" } });
    const res = await t.request({ query: LOGIN, variables: { nomorIdentitas: nik, password: GOOD_PASSWORD } });
    const cookie = res.headers.get("set-cookie")!;
    expect(cookie).toMatch(/^loket_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200$/);
    const me = await t.gql(`{ me { id } }`, {}, { headers: { cookie: cookie.split(";")[0]! } });
    expect(me.data!.me.id).toBeTruthy();

    const out = await t.request({ query: `mutation { logout }` }, { headers: { cookie: cookie.split(";")[0]! } });
    expect(out.headers.get("set-cookie")).toMatch(/^loket_session=; .*Max-Age=0/);
    expect((await out.json()).data.logout).toBe(1);
    const after = await t.gql(`{ me { id } }`, {}, { headers: { cookie: cookie.split(";")[0]! } });
    expect(after.data!.me).toBeNull();
  });
});

describe("bad input at registration", () => {
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ["malformed NIK", { nomorIdentitas: "12345" }, "NIK_FORMAT", "nomorIdentitas"],
    ["unknown province", { nomorIdentitas: "9919011708900001" }, "NIK_PROVINCE", "nomorIdentitas"],
    ["impossible birth date", { nomorIdentitas: "3519013102900001" }, "NIK_BIRTHDATE", "nomorIdentitas"],
    ["serial 0000", { nomorIdentitas: "3519011708900000" }, "NIK_SERIAL", "nomorIdentitas"],
    ["malformed NIP", { identityType: "NIP", nomorIdentitas: "1985031220100110" }, "NIP_FORMAT", "nomorIdentitas"],
    ["short password", { password: "pendek1" }, "PASSWORD_WEAK", "password"],
    ["common password", { password: "password123" }, "PASSWORD_WEAK", "password"],
    ["password containing the NIK", { nomorIdentitas: "3519011708901234", password: "x3519011708901234" }, "PASSWORD_WEAK", "password"],
    ["no consent to the terms", { setujuSyaratKetentuan: false }, "CONSENT_REQUIRED", "setujuSyaratKetentuan"],
    ["no consent to the privacy policy", { setujuKebijakanPrivasi: false }, "CONSENT_REQUIRED", "setujuKebijakanPrivasi"],
    ["consent to an old version", { versiKebijakanPrivasi: "2020-01" }, "CONSENT_OUTDATED", "versiKebijakanPrivasi"],
    ["bad email", { email: "bukan-email" }, "EMAIL_INVALID", "email"],
    ["bad phone", { telepon: "12" }, "PHONE_INVALID", "telepon"],
    ["empty name", { namaLengkap: " " }, "NAME_INVALID", "namaLengkap"],
  ];
  it.each(cases)("%s → %s, nothing written", async (_label, overrides, code, field) => {
    const before = await t.db.prisma.user.count();
    const res = await gqlRegister(t, { input: registerInput(t, overrides) });
    expect(res.errors).toBeUndefined();
    expect(res.data!.register).toMatchObject({ __typename: expect.stringMatching(/Error$/), code, field });
    expect(res.data!.register.message).toMatch(/[a-z]/);
    expect(await t.db.prisma.user.count()).toBe(before);
  });

  it("refuses a second account for the same NIK, also when two registrations race", async () => {
    const nik = makeNik(true);
    const [a, b] = await Promise.all([
      gqlRegister(t, { input: registerInput(t, { nomorIdentitas: nik }) }),
      gqlRegister(t, { input: registerInput(t, { nomorIdentitas: nik }) }),
    ]);
    const types = [a.data!.register.__typename, b.data!.register.__typename].sort();
    expect(types).toEqual(["ConflictError", "RegisterSuccess"]);
    const again = await gqlRegister(t, { input: registerInput(t, { nomorIdentitas: nik }) });
    expect(again.data!.register).toMatchObject({ __typename: "ConflictError", code: "IDENTITY_TAKEN", field: "nomorIdentitas" });
    const sessionsBefore = await t.db.prisma.session.count();
    await gqlRegister(t, { input: registerInput(t, { nomorIdentitas: nik }) });
    expect(await t.db.prisma.session.count()).toBe(sessionsBefore);
  });

  it("registers a civil servant with a NIP", async () => {
    const res = await gqlRegister(t, { input: registerInput(t, { identityType: "NIP", nomorIdentitas: "19660801 198803 1 001" }) });
    expect(res.data!.register.__typename).toBe("RegisterSuccess");
    expect(res.data!.register.data.user.nomorIdentitasMasked).toBe("1966**********1001");
  });
});

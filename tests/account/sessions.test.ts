import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GOOD_PASSWORD, LOGIN, createInstansi, createStaff, createTestApp, login, registerCitizen, type TestApp } from "../helpers/app";
import { ACCOUNT_LOCK_AFTER, ACCOUNT_SLOW_AFTER, ADDRESS_LOCK_AFTER } from "../../server/modules/auth/throttle";

let t: TestApp;
const DEBUG = !!process.env.DEBUG_T;
let admin: Awaited<ReturnType<typeof createStaff>>;

async function activeCitizen() {
  const c = await registerCitizen(t);
  await t.db.prisma.user.update({ where: { id: c.id }, data: { status: "AKTIF" } });
  return c;
}

beforeAll(async () => {
  t = await createTestApp(DEBUG ? { logLevel: "error" } : {});
  admin = await createStaff(t, "ADMIN", (await createInstansi(t)).id);
});
afterAll(() => t.close());

describe("sessions", () => {
  it("stores only a hash of the token", async () => {
    const c = await activeCitizen();
    const token = await login(t, c.nik, c.password);
    const rows = await t.db.prisma.session.findMany({ where: { userId: c.id } });
    expect(rows.length).toBe(2); // registration + login
    for (const r of rows) expect(r.tokenHash).not.toContain(token);
    expect(rows.some((r) => r.tokenHash.length === 64)).toBe(true);
  });

  it("rejects forged, revoked and expired tokens", async () => {
    const c = await activeCitizen();
    const forged = await t.gql(`{ me { id } }`, {}, { token: "bukan-token-yang-sah" });
    expect(forged.data!.me).toBeNull();
    const needsLogin = await t.gql(`{ myData }`, {}, { token: "bukan-token-yang-sah" });
    expect(needsLogin.errors![0]!.extensions!.code).toBe("UNAUTHENTICATED");
    expect(needsLogin.errors![0]!.message).toBe("Silakan masuk terlebih dahulu.");

    const token = await login(t, c.nik, c.password);
    expect((await t.gql(`{ me { id } }`, {}, { token })).data!.me.id).toBe(c.globalId);
    await t.db.prisma.session.updateMany({ where: { userId: c.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    t.app.services.sessions.invalidateUser(c.id); // what any write path does after changing sessions
    expect((await t.gql(`{ me { id } }`, {}, { token })).data!.me).toBeNull();
  });

  it("logout everywhere ends every session of the account", async () => {
    const c = await activeCitizen();
    const a = await login(t, c.nik, c.password);
    const b = await login(t, c.nik, c.password);
    const res = await t.gql(`mutation { logoutEverywhere }`, {}, { token: a });
    expect(res.data!.logoutEverywhere).toBe(3);
    expect((await t.gql(`{ me { id } }`, {}, { token: b })).data!.me).toBeNull();
    expect((await t.gql(`{ me { id } }`, {}, { token: a })).data!.me).toBeNull();
  });

  it("change password keeps this session, ends the others, and the new password works", async () => {
    const c = await activeCitizen();
    const a = await login(t, c.nik, c.password);
    const b = await login(t, c.nik, c.password);
    const CHANGE = `mutation($l: String!, $b: String!) { changePassword(passwordLama: $l, passwordBaru: $b) { __typename ... on Error { code field } } }`;
    const wrong = await t.gql(CHANGE, { l: "salah-sekali-123", b: "Kata-Sandi-Baru-99" }, { token: a });
    expect(wrong.data!.changePassword).toMatchObject({ code: "PASSWORD_WRONG", field: "passwordLama" });
    const weak = await t.gql(CHANGE, { l: c.password, b: "123" }, { token: a });
    expect(weak.data!.changePassword).toMatchObject({ code: "PASSWORD_WEAK", field: "passwordBaru" });
    const ok = await t.gql(CHANGE, { l: c.password, b: "Kata-Sandi-Baru-99" }, { token: a });
    expect(ok.data!.changePassword.__typename).toBe("ChangePasswordSuccess");
    expect((await t.gql(`{ me { id } }`, {}, { token: a })).data!.me.id).toBe(c.globalId);
    expect((await t.gql(`{ me { id } }`, {}, { token: b })).data!.me).toBeNull();
    const old = await t.gql(LOGIN, { nomorIdentitas: c.nik, password: c.password });
    expect(old.data!.login.code).toBe("INVALID_CREDENTIALS");
    expect(await login(t, c.nik, "Kata-Sandi-Baru-99")).toBeTruthy();
  });

  it("updates the profile and exports everything held about me", async () => {
    const c = await activeCitizen();
    const token = await login(t, c.nik, c.password);
    const bad = await t.gql(`mutation { updateProfile(telepon: "abc") { __typename ... on Error { code field } } }`, {}, { token });
    expect(bad.data!.updateProfile).toMatchObject({ code: "PHONE_INVALID", field: "telepon" });
    const ok = await t.gql(
      `mutation { updateProfile(namaLengkap: "Ahmad Dahlan", telepon: "0351 123456") { __typename ... on UpdateProfileSuccess { data { namaLengkap telepon } } } }`,
      {},
      { token },
    );
    expect(ok.data!.updateProfile.data).toEqual({ namaLengkap: "Ahmad Dahlan", telepon: "0351123456" });
    const exp = await t.gql(`{ myData }`, {}, { token });
    const data = exp.data!.myData;
    expect(data.akun).toMatchObject({ nomorIdentitas: c.nik, namaLengkap: "Ahmad Dahlan", jenisIdentitas: "NIK" });
    expect(data.persetujuan.versiSyaratKetentuan).toBe(t.config.termsVersion);
    expect(data.sesi.length).toBe(2);
    expect(JSON.stringify(data)).not.toMatch(/argon2|tokenHash|identityCipher/);
  });
});

describe("failed logins", () => {
  it("slows and then locks an account, with a clear message", async () => {
    const c = await activeCitizen();
    const attempt = (password: string) =>
      t.gql(LOGIN, { nomorIdentitas: c.nik, password }, { headers: { "x-forwarded-for": `10.1.${Math.floor(Math.random() * 250)}.1` } });
    for (let i = 1; i <= 2; i++) {
      const r = await attempt("salah-salah-salah");
      expect(r.data!.login).toMatchObject({ code: "INVALID_CREDENTIALS", retryAfterSeconds: null });
    }
    const third = await attempt("salah-salah-salah");
    expect(third.data!.login).toMatchObject({ code: "INVALID_CREDENTIALS", retryAfterSeconds: 1 });
    // even the right password must wait
    const tooFast = await attempt(c.password);
    expect(tooFast.data!.login.code).toBe("LOGIN_TOO_FAST");
    expect(tooFast.data!.login.message).toMatch(/Tunggu \d+ detik/);

    // skip the waits by moving the clock on the row; each further failure counts
    for (let i = 4; i <= ACCOUNT_LOCK_AFTER; i++) {
      await t.db.prisma.user.update({ where: { id: c.id }, data: { lockedUntil: new Date(Date.now() - 1) } });
      const r = await attempt("salah-salah-salah");
      expect(r.data!.login.code).toBe(i === ACCOUNT_LOCK_AFTER ? "ACCOUNT_LOCKED" : "INVALID_CREDENTIALS");
    }
    const locked = await attempt(c.password);
    expect(locked.data!.login).toMatchObject({ code: "ACCOUNT_LOCKED" });
    expect(locked.data!.login.retryAfterSeconds).toBeGreaterThan(14 * 60);
    expect(locked.data!.login.message).toMatch(/dikunci sementara/);

    // after the lock has passed, the right password works and the counter resets
    await t.db.prisma.user.update({ where: { id: c.id }, data: { lockedUntil: new Date(Date.now() - 1) } });
    expect((await attempt(c.password)).data!.login.__typename).toBe("LoginSuccess");
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: c.id } })).failedLogins).toBe(0);
  });

  it("counts guesses atomically: ten parallel wrong logins get no more guesses than ten sequential ones", async () => {
    const codes = (rs: Array<{ data?: any }>) => rs.map((r) => r.data!.login.code as string).sort();
    const tally = (cs: string[]) =>
      cs.reduce<Record<string, number>>((m, c) => {
        m[c] = (m[c] ?? 0) + 1;
        return m;
      }, {});
    const attemptAs = (nik: string, password: string, i: number) =>
      t.gql(LOGIN, { nomorIdentitas: nik, password }, { headers: { "x-forwarded-for": `10.2.${i}.1` } });

    // sequentially (within a second) the 3rd failure makes the 4th attempt wait: 3 guesses. In parallel the same 3,
    // not 4–10. An INVALID_CREDENTIALS answer is a password that was checked; LOGIN_TOO_FAST a refusal without one.
    // (No sequential run here: on a loaded machine the 1-second wait may pass between two attempts.)
    const par = await activeCitizen();
    const parallel = await Promise.all(Array.from({ length: 10 }, (_, i) => attemptAs(par.nik, "salah-salah-salah", i)));
    expect(tally(codes(parallel))).toEqual({ INVALID_CREDENTIALS: ACCOUNT_SLOW_AFTER, LOGIN_TOO_FAST: 10 - ACCOUNT_SLOW_AFTER });
    expect((await t.db.prisma.user.findUniqueOrThrow({ where: { id: par.id } })).failedLogins).toBe(3);

    // the 10th failure locks: from 9 failures, ten parallel guesses get one, and the account is locked
    await t.db.prisma.user.update({ where: { id: par.id }, data: { failedLogins: ACCOUNT_LOCK_AFTER - 1, lockedUntil: new Date(Date.now() - 1) } });
    const last = await Promise.all(Array.from({ length: 10 }, (_, i) => attemptAs(par.nik, i === 5 ? par.password : "salah-salah-salah", i)));
    const checked = last.filter(
      (r) =>
        ["INVALID_CREDENTIALS", "LoginSuccess"].includes(r.data!.login.code ?? r.data!.login.__typename) ||
        r.data!.login.message?.startsWith("NIK/NIP atau kata sandi salah"),
    );
    expect(checked.length).toBe(1);
    const row = await t.db.prisma.user.findUniqueOrThrow({ where: { id: par.id } });
    if (checked[0]!.data!.login.__typename === "LoginSuccess") expect(row.failedLogins).toBe(0);
    else expect(row.failedLogins).toBe(ACCOUNT_LOCK_AFTER);
  });

  it("locks an address that keeps failing, across accounts, while other addresses still log in", async () => {
    const c = await activeCitizen();
    const ip = { "x-forwarded-for": "192.0.2.77" };
    for (let i = 0; i < ADDRESS_LOCK_AFTER; i++) {
      await t.gql(LOGIN, { nomorIdentitas: `351901170890${String(10000 + i).slice(1)}`, password: "tebak-tebak-123" }, { headers: ip });
    }
    const blocked = await t.gql(LOGIN, { nomorIdentitas: c.nik, password: c.password }, { headers: ip });
    expect(blocked.data!.login.code).toBe("LOGIN_RATE_LIMITED");
    expect(blocked.data!.login.retryAfterSeconds).toBeGreaterThan(0);
    const elsewhere = await t.gql(LOGIN, { nomorIdentitas: c.nik, password: c.password }, { headers: { "x-forwarded-for": "192.0.2.78" } });
    expect(elsewhere.data!.login.__typename).toBe("LoginSuccess");
  });

  it("answers unknown accounts like wrong passwords, and malformed identifiers specifically", async () => {
    const unknown = await t.gql(LOGIN, { nomorIdentitas: "3519011708909999", password: GOOD_PASSWORD });
    expect(unknown.data!.login).toMatchObject({ code: "INVALID_CREDENTIALS", message: "NIK/NIP atau kata sandi salah." });
    const malformed = await t.gql(LOGIN, { nomorIdentitas: "12ab", password: GOOD_PASSWORD });
    expect(malformed.data!.login).toMatchObject({ __typename: "ValidationError", code: "IDENTITY_FORMAT", field: "nomorIdentitas" });
  });
});

describe("admin actions on accounts", () => {
  const act = (name: string, extra = "") =>
    `mutation($id: ID!${extra ? ", $alasan: String" : ""}) { ${name}(userId: $id${extra ? ", alasan: $alasan" : ""}) { __typename ... on Error { code message } ... on ${name[0]!.toUpperCase() + name.slice(1)}Success { data { status statusReason } } } }`;

  it("rejects with a reason the applicant sees after logging in (to a session that can only read its own account)", async () => {
    const c = await registerCitizen(t);
    const noReason = await t.gql(act("rejectAccount", "r"), { id: c.globalId }, { token: admin.token });
    expect(noReason.data!.rejectAccount.code).toBe("REASON_REQUIRED");
    const ok = await t.gql(act("rejectAccount", "r"), { id: c.globalId, alasan: "Foto KTP tidak terbaca" }, { token: admin.token });
    expect(ok.data!.rejectAccount.data).toEqual({ status: "DITOLAK", statusReason: "Foto KTP tidak terbaca" });
    const l = await t.gql(LOGIN, { nomorIdentitas: c.nik, password: c.password });
    expect(l.data!.login).toMatchObject({ __typename: "LoginSuccess", data: { user: { status: "DITOLAK" } } });
    const seen = await t.gql(`{ me { status statusReason } }`, {}, { token: l.data!.login.data.token });
    expect(seen.data!.me).toEqual({ status: "DITOLAK", statusReason: "Foto KTP tidak terbaca" });
    const notActive = await t.gql(`{ myPengajuan(first: 1) { totalCount } }`, {}, { token: l.data!.login.data.token });
    expect(notActive.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const again = await t.gql(act("rejectAccount", "r"), { id: c.globalId, alasan: "Foto KTP tidak terbaca" }, { token: admin.token });
    expect(again.data!.rejectAccount.code).toBe("INVALID_ACCOUNT_STATE");
  });

  it("suspends (ending sessions) and reinstates, recording who and why", async () => {
    const c = await activeCitizen();
    const token = await login(t, c.nik, c.password);
    const s = await t.gql(act("suspendAccount", "r"), { id: c.globalId, alasan: "Akun ganda terdeteksi" }, { token: admin.token });
    expect(s.data!.suspendAccount.data.status).toBe("DITANGGUHKAN");
    expect((await t.gql(`{ me { id } }`, {}, { token })).data!.me).toBeNull();
    expect((await t.gql(LOGIN, { nomorIdentitas: c.nik, password: c.password })).data!.login.code).toBe("ACCOUNT_SUSPENDED");
    const r = await t.gql(act("reinstateAccount"), { id: c.globalId }, { token: admin.token });
    expect(r.data!.reinstateAccount.data.status).toBe("AKTIF");
    const history = await t.db.prisma.accountAction.findMany({ where: { userId: c.id }, orderBy: { createdAt: "asc" } });
    expect(history.map((h) => [h.kind, h.actorId, h.reason])).toEqual([
      ["DAFTAR", null, null],
      ["TANGGUHKAN", admin.id, "Akun ganda terdeteksi"],
      ["PULIHKAN", admin.id, null],
    ]);
    const notes = await t.db.prisma.notification.findMany({ where: { userId: c.id }, orderBy: { createdAt: "asc" } });
    expect(notes.map((n) => n.kind)).toEqual(["AKUN_TANGGUHKAN", "AKUN_PULIHKAN"]);
  });

  it("lets exactly one of two admins acting at once succeed", async () => {
    const other = await createStaff(t, "ADMIN", (await createInstansi(t)).id);
    const c = await registerCitizen(t);
    const [a, b] = await Promise.all([
      t.gql(act("activateAccount"), { id: c.globalId }, { token: admin.token }),
      t.gql(act("rejectAccount", "r"), { id: c.globalId, alasan: "Data tidak sesuai KTP" }, { token: other.token }),
    ]);
    const results = [a.data!.activateAccount, b.data!.rejectAccount];
    const ok = results.filter((r) => r.__typename.endsWith("Success"));
    const failed = results.filter((r) => !r.__typename.endsWith("Success"));
    expect(ok.length).toBe(1);
    expect(["STALE_STATE", "INVALID_ACCOUNT_STATE"]).toContain(failed[0].code);
    expect(await t.db.prisma.accountAction.count({ where: { userId: c.id, kind: { in: ["AKTIVASI", "TOLAK"] } } })).toBe(1);
  });

  it("lists pending accounts for admins with masked identity numbers", async () => {
    await registerCitizen(t);
    const res = await t.gql(
      `{ users(first: 50, filter: { status: MENUNGGU_AKTIVASI }) { totalCount edges { node { status nomorIdentitasMasked } } } }`,
      {},
      { token: admin.token },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.users.edges.length).toBeGreaterThan(0);
    for (const e of res.data!.users.edges) {
      expect(e.node.status).toBe("MENUNGGU_AKTIVASI");
      expect(e.node.nomorIdentitasMasked).toMatch(/^\d{4}\*+\d{4}$/);
    }
  });
});

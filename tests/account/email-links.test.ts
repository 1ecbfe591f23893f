import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LOGIN, activeCitizen, createTestApp, login, registerCitizen, type TestApp } from "../helpers/app";
import { startSmtp, type TestSmtp } from "../helpers/smtp";

const servers: TestSmtp[] = [];
let smtp: TestSmtp;
let t: TestApp;

beforeAll(async () => {
  smtp = await startSmtp(servers);
  t = await createTestApp({ smtpUrl: smtp.url, publicUrl: "https://loket.example.go.id" });
  await t.app.start(0, "127.0.0.1");
});
afterAll(async () => {
  await t.close();
  await Promise.all(servers.map((s) => s.close()));
});

async function mailTo(address: string, subject: RegExp, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    const m = smtp.messages.find((x) => x.to.includes(address) && subject.test(x.subject));
    if (m) return m;
    if (Date.now() > end) throw new Error(`no mail to ${address} matching ${subject}; got ${smtp.messages.map((x) => x.subject).join(", ")}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

function tokenIn(body: string, path: string): string {
  const m = body
    .replace(/=\r\n/g, "")
    .replace(/=3D/g, "=")
    .match(new RegExp(`${path}\\?token=([\\w-]{43})`));
  if (!m) throw new Error(`no ${path} link in: ${body.slice(0, 500)}`);
  return m[1]!;
}

describe("email verification", () => {
  it("registration sends a one-time link; following it verifies the address once", async () => {
    const c = await registerCitizen(t, { email: "verif.saya@contoh.id" });
    const mail = await mailTo("verif.saya@contoh.id", /verifikasi|email/i);
    const token = tokenIn(mail.body, "/verifikasi-email");
    const V = `mutation($t: String!) { verifyEmail(token: $t) { __typename ... on VerifyEmailSuccess { data } ... on Error { code message } } }`;
    expect((await t.gql(`{ me { emailVerified } }`, {}, { token: c.token })).data!.me.emailVerified).toBe(false);
    const ok = await t.gql(V, { t: token });
    expect(ok.data!.verifyEmail.__typename).toBe("VerifyEmailSuccess");
    expect((await t.gql(`{ me { emailVerified } }`, {}, { token: c.token })).data!.me.emailVerified).toBe(true);
    const again = await t.gql(V, { t: token });
    expect(again.data!.verifyEmail.code).toBe("TOKEN_INVALID");
    const forged = await t.gql(V, { t: "x".repeat(43) });
    expect(forged.data!.verifyEmail.code).toBe("TOKEN_INVALID");
  });
});

describe("password reset", () => {
  it("sends a link for an active account, sets the new password once, and ends every session", async () => {
    const c = await activeCitizen(t);
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { id: c.id } });
    const resetMails = () => smtp.messages.filter((m) => m.to.includes(user.email) && /kata sandi/i.test(m.subject)).length;
    const req = await t.gql(
      `mutation($i: String!) { requestPasswordReset(nomorIdentitasAtauEmail: $i) { __typename ... on RequestPasswordResetSuccess { data } } }`,
      { i: c.nik },
    );
    expect(req.data!.requestPasswordReset.data).toBe(true);
    const mail = await mailTo(user.email, /kata sandi/i);
    const token = tokenIn(mail.body, "/atur-ulang-sandi");
    const R = `mutation($t: String!, $p: String!) { resetPassword(token: $t, passwordBaru: $p) { __typename ... on ResetPasswordSuccess { data } ... on Error { code field } } }`;
    const weak = await t.gql(R, { t: token, p: "pendek" });
    expect(weak.data!.resetPassword).toMatchObject({ code: "PASSWORD_WEAK", field: "passwordBaru" });
    const ok = await t.gql(R, { t: token, p: "Sandi-Baru-Aman-2026" });
    expect(ok.data!.resetPassword.data).toBe(true);
    expect((await t.gql(`{ me { id } }`, {}, { token: c.token })).data!.me).toBeNull();
    expect((await t.gql(LOGIN, { nomorIdentitas: c.nik, password: c.password })).data!.login.code).toBe("INVALID_CREDENTIALS");
    expect(await login(t, c.nik, "Sandi-Baru-Aman-2026")).toBeTruthy();
    expect((await t.gql(R, { t: token, p: "Sandi-Lain-Lagi-2026" })).data!.resetPassword.code).toBe("TOKEN_INVALID");
    expect(resetMails()).toBe(1);
  });

  it("answers the same for unknown accounts and sends nothing; expired links are refused", async () => {
    const before = smtp.messages.length;
    const unknown = await t.gql(
      `mutation { requestPasswordReset(nomorIdentitasAtauEmail: "3519011708907777") { __typename ... on RequestPasswordResetSuccess { data } } }`,
    );
    expect(unknown.data!.requestPasswordReset.data).toBe(true);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.length).toBe(before);

    const c = await activeCitizen(t);
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { id: c.id } });
    await t.gql(`mutation($i: String!) { requestPasswordReset(nomorIdentitasAtauEmail: $i) { __typename } }`, { i: user.email });
    const token = tokenIn((await mailTo(user.email, /kata sandi/i)).body, "/atur-ulang-sandi");
    await t.db.prisma.emailToken.updateMany({ where: { userId: c.id, kind: "RESET_PASSWORD" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const r = await t.gql(`mutation($t: String!) { resetPassword(token: $t, passwordBaru: "Sandi-Baru-Aman-2026") { __typename ... on Error { code } } }`, {
      t: token,
    });
    expect(r.data!.resetPassword.code).toBe("TOKEN_EXPIRED");
  });
});

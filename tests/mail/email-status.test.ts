import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInstansi, createStaff, createTestApp, registerCitizen, type TestApp } from "../helpers/app";
import { EMAIL_KIND } from "../../server/modules/mail/outbox";

/**
 * Without SMTP_URL the server starts and emails wait in the outbox; the admin pages ask `pengirimanEmail` to
 * say so (the banner: client/src/components/email-status-banner.tsx). Who may ask is mail/policy.ts.
 */
const STATUS = /* GraphQL */ `{ pengirimanEmail { smtpTerkonfigurasi menunggu gagal tertuaSejak } }`;

let t: TestApp;
let withSmtp: TestApp;
beforeAll(async () => {
  t = await createTestApp({ smtpUrl: undefined });
  // a second instance on the same database that has an SMTP server set (its worker is not started here)
  withSmtp = await createTestApp({ smtpUrl: "smtp://127.0.0.1:1" }, t.db);
});
afterAll(async () => {
  await withSmtp?.close();
  await t?.close();
});

describe("pengirimanEmail", () => {
  it("tells an admin that SMTP is not set and how many emails wait since when; failed and sent ones apart", async () => {
    const instansi = await createInstansi(t);
    const admin = await createStaff(t, "ADMIN", instansi.id);
    const before = new Date();
    await registerCitizen(t); // queues the email-verification link, through the real path
    const empty = await t.gql(STATUS, undefined, { token: admin.token });
    expect(empty.errors).toBeUndefined();
    expect(empty.data!.pengirimanEmail).toMatchObject({ smtpTerkonfigurasi: false, menunggu: 1, gagal: 0 });
    expect(new Date(empty.data!.pengirimanEmail.tertuaSejak).getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);

    const old = new Date("2026-11-30T01:00:00Z");
    await t.db.prisma.outbox.createMany({
      data: [
        { kind: EMAIL_KIND, payload: { to: "a@contoh.id" }, status: "PENDING", createdAt: old },
        { kind: EMAIL_KIND, payload: { to: "b@contoh.id" }, status: "FAILED", createdAt: old },
        { kind: EMAIL_KIND, payload: { to: "c@contoh.id" }, status: "SENT", createdAt: old },
        // another kind of outbox row (a webhook delivery's) is not an email
        { kind: "WEBHOOK", payload: {}, status: "PENDING", createdAt: new Date("2026-01-01T00:00:00Z") },
      ],
    });
    const res = await t.gql(STATUS, undefined, { token: admin.token });
    expect(res.data!.pengirimanEmail).toEqual({ smtpTerkonfigurasi: false, menunggu: 2, gagal: 1, tertuaSejak: old.toISOString() });

    const superadmin = await createStaff(t, "SUPERADMIN", null);
    expect((await withSmtp.gql(STATUS, undefined, { token: superadmin.token })).data!.pengirimanEmail).toMatchObject({ smtpTerkonfigurasi: true, menunggu: 2 });
  });

  it("is refused to everyone but admins: citizens, officers, the PPID desk, anonymous callers", async () => {
    const instansi = await createInstansi(t);
    const citizen = await registerCitizen(t);
    for (const token of [citizen.token, (await createStaff(t, "PETUGAS", instansi.id)).token, (await createStaff(t, "PPID", instansi.id)).token, undefined]) {
      const res = await t.gql(STATUS, undefined, { token });
      expect(res.data?.pengirimanEmail ?? null).toBeNull();
      expect(["FORBIDDEN", "UNAUTHENTICATED"]).toContain(res.errors?.[0]?.extensions?.code);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createStaff, createTestApp, insertSubmitted, serviceFixture, type TestApp } from "../helpers/app";
import { startSmtp, type TestSmtp } from "../helpers/smtp";

/**
 * Status changes reach the citizen as an in-app notification and as an email, through the outbox and a real
 * SMTP conversation; a calendar change moves the deadline of a running case.
 */
const servers: TestSmtp[] = [];
let smtp: TestSmtp;
let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;

beforeAll(async () => {
  smtp = await startSmtp(servers);
  t = await createTestApp({ smtpUrl: smtp.url, mailFrom: '"Loket Uji" <noreply@loket.test>', publicUrl: "https://loket.example.go.id" });
  await t.app.start(0, "127.0.0.1"); // starts the outbox worker
  fx = await serviceFixture(t, { sla: { jumlah: 2, satuan: "HARI_KERJA" } });
});
afterAll(async () => {
  await t.close();
  await Promise.all(servers.map((s) => s.close()));
});

const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!, $pesan: String) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v, pesan: $pesan) { __typename ... on UbahStatusPengajuanSuccess { data { id versi status tenggat nomorRegistrasi } } ... on Error { code message } } }`;

async function waitFor<T>(fn: () => T | undefined, ms = 20_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("notifications", () => {
  it("a status change sends one email in Indonesian, with the officer's message and a link", async () => {
    const c = await activeCitizen(t);
    const user = await t.db.prisma.user.findUniqueOrThrow({ where: { id: c.id } });
    // a submitted request, written directly (submission itself is covered in flow.test.ts)
    const p = await insertSubmitted(t, fx, c.id, "INS/2026/000777");
    const gid = p.gid;
    const r = await t.gql(
      ACT,
      { id: gid, a: "MINTA_PERBAIKAN", v: 1, pesan: "Scan surat pengantar terpotong & buram <mohon ulang>" },
      { token: fx.petugas.token },
    );
    expect(r.data!.ubahStatusPengajuan.__typename).toBe("UbahStatusPengajuanSuccess");
    const mail = await waitFor(() => smtp.messages.find((m) => m.to.includes(user.email) && m.subject.startsWith("Pengajuan")));
    expect(mail.subject).toBe("Pengajuan INS/2026/000777: Perlu perbaikan");
    expect(mail.body).toContain("Scan surat pengantar terpotong");
    expect(mail.body).toContain(`https://loket.example.go.id/pengajuan/${p.id}`);
    expect(mail.body).toContain("&lt;mohon ulang&gt;"); // escaped in the HTML part
    // the worker marks the row SENT once the server has accepted the message: that can come a moment after it arrives
    let row: { id: string } | undefined;
    for (let i = 0; i < 400 && !row; i++) {
      row = (await t.db.prisma.outbox.findMany({ where: { status: "SENT" } })).find(
        (o) => (o.payload as { kategori: string; to: string }).kategori === "STATUS_PENGAJUAN" && (o.payload as { to: string }).to === user.email,
      );
      if (!row) await new Promise((r) => setTimeout(r, 50));
    }
    if (!row) throw new Error("the outbox row was never marked SENT");
    expect(mail.messageId).toBe(`<${row.id}@loket>`);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.messages.filter((m) => m.to.includes(user.email) && m.subject.startsWith("Pengajuan")).length).toBe(1);
  });
});

describe("deadlines follow the calendar", () => {
  it("adding a holiday moves the deadline of a running case", async () => {
    const c = await activeCitizen(t);
    const p = await insertSubmitted(t, fx, c.id, "INS/2026/000778");
    const gid = p.gid;
    const v = await t.gql(ACT, { id: gid, a: "VERIFIKASI", v: 1 }, { token: fx.petugas.token });
    const before = new Date(v.data!.ubahStatusPengajuan.data.tenggat);
    // close the office on the deadline's day (a local date in WIB)
    const day = new Date(before.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    const superadmin = await createStaff(t, "SUPERADMIN", null);
    await t.gql(
      `mutation($d: Date!) { createHariLibur(tanggal: $d, nama: "Libur mendadak", jenis: LIBUR_NASIONAL, dasarHukum: "Keppres Uji 7/2026") { __typename } }`,
      { d: day },
      { token: superadmin.token },
    );
    let moved: Date | null = null;
    for (let i = 0; i < 40 && !moved; i++) {
      const row = await t.db.prisma.pengajuan.findUniqueOrThrow({ where: { id: p.id } });
      if (row.tenggat && row.tenggat.getTime() !== before.getTime()) moved = row.tenggat;
      else await new Promise((r) => setTimeout(r, 25));
    }
    expect(moved).not.toBeNull();
    expect(moved!.getTime()).toBeGreaterThan(before.getTime());
  });
});

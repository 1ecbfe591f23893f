import { startSmtp, type TestSmtp } from "../helpers/smtp";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../server/db/client";
import { randomBytes } from "node:crypto";
import { deriveKeys } from "../../server/lib/crypto";
import { enqueueEmail, type EmailMessage } from "../../server/modules/mail/outbox";
import { LOCK_MS, OutboxWorker, retryDelayMs, type OutboxWorkerOptions } from "../../server/modules/mail/worker";
import { openTestDatabase } from "../helpers/db";

let db: Db;
const workers: OutboxWorker[] = [];
const servers: TestSmtp[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop()));
  await Promise.all(servers.map((s) => s.close()));
  await db.close();
});
beforeEach(async () => {
  await db.prisma.outbox.deleteMany();
});

/** A port nothing listens on: "the mail server is down". */
async function closedPort(): Promise<number> {
  const s = await startSmtp(servers);
  await s.close();
  return s.port;
}

/** RFC 2047 encoded words, enough for nodemailer's subjects. */

// --- helpers --------------------------------------------------------------------------------------------------

function worker(smtpUrl: string | undefined, extra: Partial<OutboxWorkerOptions> = {}): OutboxWorker {
  const w = new OutboxWorker({ prisma: db.prisma, smtpUrl, from: "Loket Uji <noreply@loket.test>", ...extra });
  workers.push(w);
  return w;
}

function email(n: number): EmailMessage {
  return {
    to: `warga${n}@contoh.test`,
    subject: `Pengajuan KMG/2026/00000${n}: Diproses — tahap ${n}`,
    text: `Isi pesan nomor ${n}.`,
    html: `<p>Isi pesan nomor ${n}.</p>`,
    kategori: "STATUS_PENGAJUAN",
  };
}

async function enqueue(...ns: number[]): Promise<string[]> {
  return db.prisma.$transaction(async (tx) => {
    const ids: string[] = [];
    for (const n of ns) ids.push(await enqueueEmail(tx, email(n)));
    return ids;
  });
}

async function rows() {
  return db.prisma.outbox.findMany({ orderBy: { createdAt: "asc" } });
}

/** "Time moved on": make every pending row due now. */
async function makeDue() {
  await db.prisma.outbox.updateMany({ where: { status: "PENDING" }, data: { nextAttemptAt: new Date() } });
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

function countBy(ids: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
}

// --- tests ----------------------------------------------------------------------------------------------------

describe("outbox", () => {
  it("keeps no body once sent, and keeps a one-time link sealed (encrypted) until then", async () => {
    const smtp = await startSmtp(servers);
    const keys = deriveKeys(randomBytes(32));
    const link = "https://loket.test/atur-ulang-sandi?token=q3vX9kR2mLp8sT4wYz7bN1cD5fG6hJ0aE2iO3uQ4rW8";
    const reset: EmailMessage = {
      to: "warga@contoh.test",
      subject: "Atur ulang kata sandi",
      text: `Buka ${link}`,
      html: `<a href="${link}">Atur ulang</a>`,
      kategori: "RESET_PASSWORD",
    };
    const [sealed, plain] = await db.prisma.$transaction(async (tx) => [await enqueueEmail(tx, reset, { seal: keys }), await enqueueEmail(tx, email(7))]);
    const pending = await db.prisma.outbox.findUniqueOrThrow({ where: { id: sealed } });
    expect(JSON.stringify(pending.payload)).not.toContain("q3vX9kR2");
    expect(pending.payload).toMatchObject({ to: "warga@contoh.test", subject: "Atur ulang kata sandi", kategori: "RESET_PASSWORD" });

    // a worker without the keys cannot open it: the row fails, nothing leaks into the message
    expect(await worker(smtp.url).runOnce()).toMatchObject({ sent: 1, failed: 1 });
    await db.prisma.outbox.update({ where: { id: sealed }, data: { status: "PENDING", lastError: null } });
    expect(await worker(smtp.url, { keys }).runOnce()).toMatchObject({ sent: 1 });
    const got = smtp.messages.find((m) => m.messageId === `<${sealed}@loket>`)!;
    expect(got.body.replace(/=\r\n/g, "").replace(/=3D/g, "=")).toContain("token=q3vX9kR2mLp8sT4wYz7bN1cD5fG6hJ0aE2iO3uQ4rW8");
    expect(smtp.messages.find((m) => m.messageId === `<${plain}@loket>`)!.body).toContain("Isi pesan nomor 7.");
    for (const r of await rows()) {
      expect(r.status).toBe("SENT");
      expect(r.payload).toEqual({ to: expect.any(String), subject: expect.any(String), kategori: expect.any(String), isi: "[dihapus setelah terkirim]" });
    }
  });

  it("(a) sends what a transaction enqueued, once each, with the row id as Message-ID", async () => {
    const smtp = await startSmtp(servers);
    const ids = await enqueue(1, 2, 3);
    expect(ids).toHaveLength(3);

    const w = worker(smtp.url);
    expect(await w.runOnce()).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(smtp.messages).toHaveLength(3);
    const byId = new Map(smtp.messages.map((m) => [m.messageId, m]));
    ids.forEach((id, i) => {
      const m = byId.get(`<${id}@loket>`);
      expect(m, `message for row ${id}`).toBeDefined();
      expect(m!.subject).toBe(email(i + 1).subject);
      expect(m!.to).toEqual([`warga${i + 1}@contoh.test`]);
      expect(m!.body).toContain(`Isi pesan nomor ${i + 1}.`);
    });
    for (const r of await rows()) {
      expect(r.status).toBe("SENT");
      expect(r.sentAt).toBeInstanceOf(Date);
      expect(r.lockedUntil).toBeNull();
      expect(r.attempts).toBe(0);
    }
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.messages).toHaveLength(3);
  });

  it("(b) a transaction that fails after enqueueing leaves no row and sends nothing", async () => {
    const smtp = await startSmtp(servers);
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, email(1));
        await enqueueEmail(tx, email(2));
        throw new Error("perubahan data gagal");
      }),
    ).rejects.toThrow("perubahan data gagal");
    expect(await db.prisma.outbox.count()).toBe(0);
    expect(await worker(smtp.url).runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.messages).toHaveLength(0);
  });

  it("(c) keeps mail while SMTP is down and sends it exactly once when it is back", async () => {
    const port = await closedPort();
    const ids = await enqueue(1, 2, 3);
    const w = worker(`smtp://127.0.0.1:${port}`);

    const before = Date.now();
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 3 });
    for (const r of await rows()) {
      expect(r.status).toBe("PENDING");
      expect(r.attempts).toBe(1);
      expect(r.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
      expect(r.lockedUntil).toBeNull();
      expect(r.nextAttemptAt.getTime()).toBeGreaterThan(before + 4_000); // 5 s minus jitter
    }
    // not due yet: nothing is tried again
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });

    const smtp = await startSmtp(servers, { port });
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 }); // still waiting for nextAttemptAt
    expect(smtp.messages).toHaveLength(0);

    await makeDue();
    expect(await w.runOnce()).toEqual({ sent: 3, failed: 0, retried: 0 });
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect([...countBy(smtp.messages.map((m) => m.messageId)).entries()].sort()).toEqual(ids.map((id) => [`<${id}@loket>`, 1]).sort());
    for (const r of await rows()) {
      expect(r.status).toBe("SENT");
      expect(r.attempts).toBe(1);
    }
  });

  it("(d) a restarted worker sends nothing twice; stop() waits for the send in flight", async () => {
    const smtp = await startSmtp(servers, { dataDelayMs: 300 });
    const ids = await enqueue(1, 2, 3);

    const first = worker(smtp.url, { pollMs: 60_000 });
    first.start();
    await waitFor(() => smtp.receiving === 1);
    // the mail server has not answered yet; stop() must wait for it and for the SENT mark
    await first.stop();
    expect(smtp.messages).toHaveLength(1);
    const afterStop = await rows();
    expect(afterStop.filter((r) => r.status === "SENT").map((r) => `<${r.id}@loket>`)).toEqual([smtp.messages[0]!.messageId]);
    // the rest of the batch was never claimed, so it is not stuck behind a lock
    expect(afterStop.filter((r) => r.status === "PENDING").every((r) => r.lockedUntil === null)).toBe(true);

    const second = worker(smtp.url);
    expect(await second.runOnce()).toEqual({ sent: 2, failed: 0, retried: 0 });
    const third = worker(smtp.url);
    expect(await third.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });

    expect(smtp.messages).toHaveLength(3);
    expect([...countBy(smtp.messages.map((m) => m.messageId)).values()]).toEqual([1, 1, 1]);
    expect(new Set(smtp.messages.map((m) => m.messageId))).toEqual(new Set(ids.map((id) => `<${id}@loket>`)));
  });

  it("(d) two workers running at once deliver each message exactly once", async () => {
    const smtp = await startSmtp(servers, { dataDelayMs: 5 });
    const ids = await enqueue(...Array.from({ length: 12 }, (_, i) => i + 1));
    const a = worker(smtp.url);
    const b = worker(smtp.url);

    const [ra, rb] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(ra.sent + rb.sent).toBe(12);
    // both really took part (each lost claims to the other), or this would prove nothing
    expect(ra.sent).toBeGreaterThan(0);
    expect(rb.sent).toBeGreaterThan(0);
    expect(ra.failed + rb.failed + ra.retried + rb.retried).toBe(0);
    expect(smtp.messages).toHaveLength(12);
    const counts = countBy(smtp.messages.map((m) => m.messageId));
    for (const id of ids) expect(counts.get(`<${id}@loket>`)).toBe(1);
    expect((await rows()).every((r) => r.status === "SENT")).toBe(true);

    // and again, with nothing left: still nothing twice
    const [again1, again2] = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(again1.sent + again2.sent).toBe(0);
    expect(smtp.messages).toHaveLength(12);
  });

  it("(d) a row claimed by a worker that died waits for its lock to expire, then goes out once", async () => {
    const smtp = await startSmtp(servers);
    const [id] = await enqueue(1);
    // as a crashed instance leaves it: claimed, never marked
    await db.prisma.outbox.update({ where: { id }, data: { lockedUntil: new Date(Date.now() + LOCK_MS) } });
    const w = worker(smtp.url);
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.messages).toHaveLength(0);

    await db.prisma.outbox.update({ where: { id }, data: { lockedUntil: new Date(Date.now() - 1) } });
    expect(await w.runOnce()).toEqual({ sent: 1, failed: 0, retried: 0 });
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.messages.map((m) => m.messageId)).toEqual([`<${id}@loket>`]);
  });

  it("(e) gives up after maxAttempts: the row is FAILED and no longer tried", async () => {
    const port = await closedPort();
    await enqueue(1);
    const w = worker(`smtp://127.0.0.1:${port}`, { maxAttempts: 3 });

    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    await makeDue();
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    await makeDue();
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 1, retried: 0 });
    const [row] = await rows();
    expect(row!.status).toBe("FAILED");
    expect(row!.attempts).toBe(3);
    expect(row!.lastError).toMatch(/ECONNREFUSED|ESOCKET|ECONNECTION/);
    expect(row!.sentAt).toBeNull();

    // even with the mail server back, a FAILED row stays as it is (an operator decides)
    const smtp = await startSmtp(servers, { port });
    await db.prisma.outbox.updateMany({ data: { nextAttemptAt: new Date() } });
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(smtp.messages).toHaveLength(0);
  });

  it("(f) a rejected recipient is retried, then FAILED with the server's reply kept", async () => {
    const smtp = await startSmtp(servers, { rejectRecipients: true });
    await enqueue(1);
    const logs: string[] = [];
    const w = worker(smtp.url, { maxAttempts: 2, log: (m, extra) => logs.push(`${m} ${JSON.stringify(extra ?? "")}`) });

    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 1 });
    let [row] = await rows();
    expect(row!.status).toBe("PENDING");
    expect(row!.attempts).toBe(1);
    expect(row!.lastError).toContain("550");
    expect(row!.lastError).toContain("Mailbox tidak dikenal");
    expect(row!.lastError!.length).toBeLessThanOrEqual(300);

    await makeDue();
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 1, retried: 0 });
    [row] = await rows();
    expect(row!.status).toBe("FAILED");
    expect(row!.attempts).toBe(2);
    expect(row!.lastError).toContain("550");
    expect(smtp.messages).toHaveLength(0);
    // logs say what happened without the citizen's address
    expect(logs.some((l) => l.includes("FAILED"))).toBe(true);
    expect(logs.join("\n")).not.toContain("warga1@contoh.test");
  });

  it("without SMTP: sends nothing, keeps every row pending and logs nothing (the server's start warns once: tests/process/production-settings)", async () => {
    await enqueue(1, 2);
    const logs: string[] = [];
    const w = worker(undefined, { log: (m) => logs.push(m) });
    w.start();
    w.kick();
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    expect(await w.runOnce()).toEqual({ sent: 0, failed: 0, retried: 0 });
    await w.stop();
    expect(logs).toEqual([]);
    for (const r of await rows()) {
      expect(r.status).toBe("PENDING");
      expect(r.attempts).toBe(0);
      expect(r.lockedUntil).toBeNull();
    }

    // configured later (a restart with SMTP_URL): they go out
    const smtp = await startSmtp(servers);
    expect(await worker(smtp.url).runOnce()).toEqual({ sent: 2, failed: 0, retried: 0 });
    expect(smtp.messages).toHaveLength(2);
  });

  it("kick() after a commit sends without waiting for the next poll", async () => {
    const smtp = await startSmtp(servers);
    const w = worker(smtp.url, { pollMs: 60_000 });
    w.start();
    // let the first (empty) pass finish: the next poll is a minute away, so only kick() can send now
    await new Promise((r) => setTimeout(r, 200));
    const [id] = await enqueue(7);
    const t0 = performance.now();
    w.kick();
    await waitFor(() => smtp.messages.length === 1, 3_000);
    const ms = performance.now() - t0;
    expect(smtp.messages[0]!.messageId).toBe(`<${id}@loket>`);
    expect(ms).toBeLessThan(2_000);
    await w.stop();
  });

  it("rejects an unusable recipient at enqueue time, rolling back the caller's transaction", async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueueEmail(tx, email(1));
        await enqueueEmail(tx, { ...email(2), to: "" });
      }),
    ).rejects.toThrow(/recipient/);
    await expect(db.prisma.$transaction((tx) => enqueueEmail(tx, { ...email(2), to: "a@b.test, c@d.test" }))).rejects.toThrow();
    expect(await db.prisma.outbox.count()).toBe(0);
  });
});

describe("retryDelayMs", () => {
  it("doubles from 5 s, is capped at 1 h, and jitters only downwards", () => {
    expect(retryDelayMs(1, () => 0)).toBe(5_000);
    expect(retryDelayMs(2, () => 0)).toBe(10_000);
    expect(retryDelayMs(4, () => 0)).toBe(40_000);
    expect(retryDelayMs(30, () => 0)).toBe(3_600_000);
    expect(retryDelayMs(1, () => 0.999)).toBeGreaterThanOrEqual(4_500);
    for (let n = 1; n < 40; n++) expect(retryDelayMs(n)).toBeLessThanOrEqual(3_600_000);
  });
});

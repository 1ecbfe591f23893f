import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createTestApp, globalId, insertSubmitted, serviceFixture, type TestApp } from "../helpers/app";
import { openTestDatabase } from "../helpers/db";
import { collect, wsClient } from "../helpers/ws";

/**
 * What one status change costs the database, counted from Prisma's query log: the change is one read and one
 * write; every subscriber of every change pays for its event, so an event that asks for the step and the
 * request reads them in one statement, and the instansi's webhook receivers are not looked up again for each
 * change.
 */
let t: TestApp;
let port: number;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
const sql: string[] = [];
let webhookKicks = 0;

const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v) { ... on UbahStatusPengajuanSuccess { data { versi } } ... on Error { code } } }`;

beforeAll(async () => {
  const db = await openTestDatabase({ logQueries: true });
  (db.prisma as unknown as { $on(e: "query", cb: (ev: { query: string }) => void): void }).$on("query", (e) => sql.push(e.query));
  t = await createTestApp({}, db);
  port = await t.app.start(0, "127.0.0.1");
  fx = await serviceFixture(t);
  const worker = t.app.services.webhooks!;
  const kick = worker.kick.bind(worker);
  worker.kick = () => {
    webhookKicks++;
    kick();
  };
});
afterAll(() => t.close());

async function submitted() {
  const c = await activeCitizen(t);
  const p = await insertSubmitted(t, fx, c.id, `SQL/2026/${String(Date.now() % 1_000_000).padStart(6, "0")}`);
  return { id: p.gid, versi: p.versi };
}

/** The SQL of one change, from the mutation until its event arrived on a socket following the request. */
async function change(follow: string, aksi: "VERIFIKASI" | "PROSES") {
  const p = await submitted();
  let versi = p.versi;
  if (aksi === "PROSES") versi = (await t.gql(ACT, { id: p.id, a: "VERIFIKASI", v: versi }, { token: fx.petugas.token })).data!.ubahStatusPengajuan.data.versi;
  const client = wsClient(port, { token: fx.petugas.token });
  try {
    const sub = collect(client, follow, { id: p.id, after: aksi === "PROSES" ? 2 : 1 });
    await new Promise((r) => setTimeout(r, 300)); // subscribed (nothing to replay)
    sql.length = 0;
    webhookKicks = 0;
    const r = await t.gql(ACT, { id: p.id, a: aksi, v: versi }, { token: fx.petugas.token });
    expect(r.data!.ubahStatusPengajuan.data.versi).toBe(versi + 1);
    const [event] = await sub.next(1);
    await new Promise((res) => setTimeout(res, 100));
    return { event: event!.data!.pengajuanBerubah, statements: [...sql], webhookKicks };
  } finally {
    await client.dispose();
  }
}

const readsOf = (statements: string[], table: string) => statements.filter((s) => s.startsWith("SELECT") && s.includes(`FROM "public"."${table}" AS "t0"`));

describe("one status change, counted", () => {
  it("an event asking for the step and the request (with a relation) reads them in one statement", async () => {
    await change(`subscription($id: ID!, $after: Int) { pengajuanBerubah(id: $id, setelahSeq: $after) { seq } }`, "VERIFIKASI"); // warms the calendar and webhook caches
    const {
      event,
      statements,
      webhookKicks: kicks,
    } = await change(
      `subscription($id: ID!, $after: Int) { pengajuanBerubah(id: $id, setelahSeq: $after) { seq log { aksi keStatusLabel } pengajuan { status layanan { nama } } } }`,
      "PROSES",
    );
    expect(event).toMatchObject({
      seq: 3,
      log: { aksi: "PROSES", keStatusLabel: "Diproses" },
      pengajuan: { status: "DIPROSES", layanan: { nama: "Rekomendasi Dispensasi Menikah" } },
    });
    // the step, joined with its request: no separate read of the request for the event
    expect(readsOf(statements, "PengajuanLog")).toHaveLength(1);
    expect(readsOf(statements, "PengajuanLog")[0]).toContain("PengajuanLog_pengajuan");
    expect(readsOf(statements, "Pengajuan")).toHaveLength(1); // the transition's own read
    // the change writes its step, email and notification with its UPDATE, in one statement, with no transaction
    // around it (a session's last-seen time or a worker's poll may come in between: they are not counted)
    const tables = ["Pengajuan", "PengajuanLog", "Outbox", "Notification"];
    const writes = statements.filter((s) => !s.startsWith("SELECT") && tables.some((t) => s.includes(`"public"."${t}"`)));
    expect(writes).toHaveLength(1);
    expect(writes[0]).toMatch(/^WITH claimed AS \(\s*UPDATE "public"."Pengajuan"/);
    for (const table of tables.slice(1)) expect(writes[0]).toContain(`INSERT INTO "public"."${table}"`);
    expect(statements.filter((s) => s.includes("COMMIT"))).toEqual([]);
    // the receivers of the instansi's webhooks are remembered from the first change
    expect(readsOf(statements, "WebhookSubscription")).toHaveLength(0);
    // nobody subscribed to webhooks: the webhook worker is not woken to look for deliveries
    expect(kicks).toBe(0);
  });

  it("an event asking only for plain columns is answered from the rows the change committed: nothing is read for it", async () => {
    const { event, statements } = await change(
      `subscription($id: ID!, $after: Int) { pengajuanBerubah(id: $id, setelahSeq: $after) { seq log { seq aksi keStatus keStatusLabel pesan } pengajuan { status statusLabel versi seq } } }`,
      "PROSES",
    );
    expect(event).toEqual({
      seq: 3,
      log: { seq: 3, aksi: "PROSES", keStatus: "DIPROSES", keStatusLabel: "Diproses", pesan: null },
      pengajuan: { status: "DIPROSES", statusLabel: "Diproses", versi: 3, seq: 3 },
    });
    expect(readsOf(statements, "PengajuanLog")).toHaveLength(0);
    expect(readsOf(statements, "Pengajuan")).toHaveLength(1); // the transition's own read
  });

  it("a step whose own fields read its request (aktor) still gets both right, read apart", async () => {
    const { event, statements } = await change(
      `subscription($id: ID!, $after: Int) { pengajuanBerubah(id: $id, setelahSeq: $after) { log { aksi aktor } pengajuan { status } } }`,
      "VERIFIKASI",
    );
    const officer = await t.db.prisma.user.findUniqueOrThrow({ where: { id: fx.petugas.id } });
    expect(event).toEqual({ log: { aksi: "VERIFIKASI", aktor: officer.namaLengkap }, pengajuan: { status: "DIVERIFIKASI" } });
    expect(readsOf(statements, "PengajuanLog")).toHaveLength(1);
    expect(readsOf(statements, "Pengajuan")).toHaveLength(2);
  });

  it("submitting reads the request with its service's form and required documents and its uploads in one statement", async () => {
    const c = await activeCitizen(t);
    const file = await t.db.prisma.storedFile.create({
      data: { sha256: "1".repeat(64), ukuran: 10, mime: "application/pdf", namaAsli: "surat.pdf", storageKey: `11/11/${"1".repeat(64)}` },
    });
    const slots = await t.db.prisma.persyaratanDokumen.findMany({
      where: { layananId: Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!, wajib: true },
    });
    const draft = await t.db.prisma.pengajuan.create({
      data: {
        layananId: slots[0]!.layananId,
        instansiId: fx.instansi.id,
        pemohonId: c.id,
        formData: { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20" },
        seq: 1,
        riwayat: { create: [{ seq: 1, aksi: "BUAT", keStatus: "DRAFT" }] },
        dokumen: { create: slots.slice(0, 1).map((s) => ({ persyaratanId: s.id, fileId: file.id })) },
      },
    });
    const id = globalId("Pengajuan", draft.id);
    const SUBMIT = `mutation($id: ID!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: AJUKAN, versi: $v) { __typename ... on UbahStatusPengajuanSuccess { data { status nomorRegistrasi } } ... on Error { code message } } }`;
    sql.length = 0;
    const missing = await t.gql(SUBMIT, { id, v: draft.versi }, { token: c.token });
    expect(missing.data!.ubahStatusPengajuan).toMatchObject({ __typename: "ValidationError", code: "DOKUMEN_KURANG" });
    expect(missing.data!.ubahStatusPengajuan.message).toContain(slots[1]!.label);
    for (const table of ["FormField", "PersyaratanDokumen", "DokumenPengajuan"]) expect(readsOf(sql, table)).toHaveLength(0);
    expect(readsOf(sql, "Pengajuan")).toHaveLength(1);

    await t.db.prisma.dokumenPengajuan.create({ data: { pengajuanId: draft.id, persyaratanId: slots[1]!.id, fileId: file.id } });
    const done = await t.gql(SUBMIT, { id, v: draft.versi }, { token: c.token });
    expect(done.data!.ubahStatusPengajuan.data.status).toBe("DIAJUKAN");
    // a first submission draws its registration number in a transaction with the change: a lost race gives it back
    const numbered = sql.slice(sql.findIndex((s) => s.startsWith('INSERT INTO "public"."NomorUrut"')));
    expect(numbered.findIndex((s) => s.startsWith("WITH claimed AS"))).toBeGreaterThan(0);
    expect(numbered.findIndex((s) => s.includes("COMMIT"))).toBeGreaterThan(numbered.findIndex((s) => s.startsWith("WITH claimed AS")));
    expect(done.data!.ubahStatusPengajuan.data.nomorRegistrasi).toMatch(new RegExp(`/${new Date().getUTCFullYear()}/\\d{6}$`));
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createInstansi, createStaff, createTestApp, globalId, type TestApp } from "../helpers/app";
import { terbitkanNomor, type TerbitkanInput } from "../../server/modules/surat/register-service";

/**
 * Letter numbers and the register (issue 15). Issuing has no public mutation yet (letter generation will call
 * the service inside its own transaction), so numbers are issued through the service on the test's database;
 * everything else goes through the public API.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

// generous waits: 40 transactions queue for a pool of connections (PostgreSQL) or the one connection (PGlite)
const TX = { maxWait: 60_000, timeout: 60_000 };
const issue = (input: TerbitkanInput) => t.db.prisma.$transaction((tx) => terbitkanNomor(tx, input), TX);
const at = (iso: string) => new Date(iso);

async function office(pola?: string, lingkup: "PER_KODE" | "BERSAMA" = "BERSAMA", zonaWaktu = "Asia/Jakarta") {
  const ins = await createInstansi(t);
  await t.db.prisma.instansi.update({ where: { id: ins.id }, data: { zonaWaktu } });
  if (pola) await t.db.prisma.polaNomorSurat.create({ data: { instansiId: ins.id, pola, lingkup } });
  return ins;
}

describe("issuing numbers", () => {
  it("40 letters issued in parallel transactions get exactly 1..40: no gap, no duplicate", async () => {
    const ins = await office("B-{nomor}/Kk.13.19/1/{kode}/{bulan}/{tahun}");
    const now = at("2026-12-05T03:00:00Z");
    const made = await Promise.all(Array.from({ length: 40 }, () => issue({ instansiId: ins.id, kodeKlasifikasi: "PP.00", now })));
    expect(made.map((s) => s.urutan).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(made.map((s) => s.nomor)).size).toBe(40);
    const first = made.find((s) => s.urutan === 1)!;
    expect(first.nomor).toBe("B-1/Kk.13.19/1/PP.00/12/2026");
    expect(new Set(made.map((s) => s.kodeVerifikasi)).size).toBe(40);
    expect(first.kodeVerifikasi).toMatch(/^[2-9A-HJKMNP-Z]{16}$/);
    expect(await t.db.prisma.surat.count({ where: { instansiId: ins.id } })).toBe(40);
  });

  it("a rolled-back transaction gives its number back", async () => {
    const ins = await office("{nomor}/{tahun}");
    const now = at("2026-03-02T02:00:00Z");
    expect((await issue({ instansiId: ins.id, now })).nomor).toBe("1/2026");
    const failed = t.db.prisma.$transaction(async (tx) => {
      const s = await terbitkanNomor(tx, { instansiId: ins.id, now });
      expect(s.nomor).toBe("2/2026");
      throw new Error("the letter's PDF could not be made");
    }, TX);
    await expect(failed).rejects.toThrow(/could not be made/);
    expect((await issue({ instansiId: ins.id, now })).nomor).toBe("2/2026");
    expect((await t.db.prisma.surat.findMany({ where: { instansiId: ins.id }, orderBy: { urutan: "asc" } })).map((s) => s.urutan)).toEqual([1, 2]);
  });

  it("the sequence restarts on 1 January in the office's zone: 31 Dec 23:30 WIB and 1 Jan 00:10 WIB (both 31 Dec in UTC)", async () => {
    const ins = await office("{nomor:3}/{bulan_romawi}/{tahun}");
    const a = await issue({ instansiId: ins.id, now: at("2026-12-31T10:00:00Z") });
    const b = await issue({ instansiId: ins.id, now: at("2026-12-31T16:30:00Z") }); // 23:30 WIB
    const c = await issue({ instansiId: ins.id, now: at("2026-12-31T17:10:00Z") }); // 00:10 WIB, 1 January
    expect([a.nomor, b.nomor, c.nomor]).toEqual(["001/XII/2026", "002/XII/2026", "001/I/2027"]);
    expect(c).toMatchObject({ tahun: 2027, urutan: 1 });
    expect(c.tanggal.toISOString().slice(0, 10)).toBe("2027-01-01");
    expect(b.tanggal.toISOString().slice(0, 10)).toBe("2026-12-31");
  });

  it("an office in WIT turns the year two hours before one in WIB", async () => {
    const wit = await office("{nomor}/{tahun}", "BERSAMA", "Asia/Jayapura");
    const s = await issue({ instansiId: wit.id, now: at("2026-12-31T15:30:00Z") }); // 22:30 WIB, 00:30 WIT
    expect(s.nomor).toBe("1/2027");
  });

  it("per classification code: each code counts on its own; shared: one sequence for all codes", async () => {
    const perKode = await office("{nomor}/{kode}/{tahun}", "PER_KODE");
    const now = at("2026-06-10T02:00:00Z");
    const nomor = async (instansiId: string, kode: string) => (await issue({ instansiId, kodeKlasifikasi: kode, now })).nomor;
    expect([await nomor(perKode.id, "PP.00"), await nomor(perKode.id, "HM.01"), await nomor(perKode.id, "pp.00")]).toEqual([
      "1/PP.00/2026",
      "1/HM.01/2026",
      "2/PP.00/2026",
    ]);
    const shared = await office("{nomor}/{kode}/{tahun}", "BERSAMA");
    expect([await nomor(shared.id, "PP.00"), await nomor(shared.id, "HM.01")]).toEqual(["1/PP.00/2026", "2/HM.01/2026"]);
  });

  it("after a change from shared to per-code numbering, a number some letter already carries is passed over, never printed twice", async () => {
    const ins = await office("{nomor}/{kode}/{tahun}", "BERSAMA");
    const now = at("2026-06-10T02:00:00Z");
    await issue({ instansiId: ins.id, kodeKlasifikasi: "PP.00", now }); // 1/PP.00/2026 from the shared sequence
    await t.db.prisma.polaNomorSurat.update({ where: { instansiId: ins.id }, data: { lingkup: "PER_KODE" } });
    const next = await issue({ instansiId: ins.id, kodeKlasifikasi: "PP.00", now });
    expect(next).toMatchObject({ nomor: "2/PP.00/2026", urutan: 2 });
  });

  it("the default pattern applies until the admin sets one; a code the pattern needs is required and checked", async () => {
    const ins = await office();
    expect((await issue({ instansiId: ins.id, kodeKlasifikasi: "hm.01", now: at("2026-04-01T02:00:00Z") })).nomor).toBe("1/HM.01/IV/2026");
    await expect(issue({ instansiId: ins.id, now: at("2026-04-01T02:00:00Z") })).rejects.toMatchObject({ code: "KODE_WAJIB" });
    await expect(issue({ instansiId: ins.id, kodeKlasifikasi: "PP/00" })).rejects.toMatchObject({ code: "KODE_TIDAK_SAH" });
  });
});

const POLA = `query($i: ID) { polaNomorSurat(instansiId: $i) { pola lingkup bawaan diubahAt } }`;
const ATUR = `mutation($i: ID, $p: String!, $l: LingkupNomorSurat!) { aturPolaNomorSurat(instansiId: $i, pola: $p, lingkup: $l) {
  __typename ... on AturPolaNomorSuratSuccess { data { pola lingkup bawaan } } ... on Error { code message field } } }`;
const PRATINJAU = `query($i: ID, $k: String, $p: String, $l: LingkupNomorSurat) { pratinjauNomorSurat(instansiId: $i, kodeKlasifikasi: $k, pola: $p, lingkup: $l) {
  __typename ... on PratinjauNomorSuratSuccess { data } ... on Error { code message field } } }`;
const REGISTER = `query($i: ID, $tahun: Int, $status: SuratStatus, $first: Int, $after: String) {
  registerSurat(instansiId: $i, tahun: $tahun, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id nomor kodeKlasifikasi urutan tahun tanggal status alasanBatal dibatalkanAt dibatalkanOlehNama kodeVerifikasi dapatDibatalkan } } } }`;
const BATAL = `mutation($id: ID!, $a: String!) { batalkanSurat(id: $id, alasan: $a) {
  __typename ... on BatalkanSuratSuccess { data { nomor status alasanBatal dibatalkanOlehNama dapatDibatalkan } } ... on Error { code message field } } }`;

describe("through the API", () => {
  let ins: { id: string };
  let admin: Awaited<ReturnType<typeof createStaff>>;
  let petugas: Awaited<ReturnType<typeof createStaff>>;
  let ppid: Awaited<ReturnType<typeof createStaff>>;
  let otherAdmin: Awaited<ReturnType<typeof createStaff>>;
  let superadmin: Awaited<ReturnType<typeof createStaff>>;
  let citizen: Awaited<ReturnType<typeof activeCitizen>>;
  const iid = () => globalId("Instansi", ins.id);

  beforeAll(async () => {
    ins = await office();
    admin = await createStaff(t, "ADMIN", ins.id);
    petugas = await createStaff(t, "PETUGAS", ins.id);
    ppid = await createStaff(t, "PPID", ins.id);
    otherAdmin = await createStaff(t, "ADMIN", (await createInstansi(t)).id);
    superadmin = await createStaff(t, "SUPERADMIN", null);
    citizen = await activeCitizen(t);
  });

  it("the admin reads the default pattern, then sets Kemenag's; officers and other offices' admins may not", async () => {
    const before = await t.gql(POLA, {}, { token: admin.token });
    expect(before.data!.polaNomorSurat).toEqual({ pola: "{nomor}/{kode}/{bulan_romawi}/{tahun}", lingkup: "BERSAMA", bawaan: true, diubahAt: null });
    const set = await t.gql(ATUR, { p: " B-{nomor}/Kk.13.19/1/{kode}/{bulan}/{tahun} ", l: "PER_KODE" }, { token: admin.token });
    expect(set.data!.aturPolaNomorSurat).toEqual({
      __typename: "AturPolaNomorSuratSuccess",
      data: { pola: "B-{nomor}/Kk.13.19/1/{kode}/{bulan}/{tahun}", lingkup: "PER_KODE", bawaan: false },
    });
    for (const who of [petugas, ppid, citizen]) {
      const denied = await t.gql(ATUR, { i: iid(), p: "{nomor}/{tahun}", l: "BERSAMA" }, { token: who.token });
      expect(denied.errors![0]!.extensions!.code).toBe("FORBIDDEN");
      expect((await t.gql(POLA, { i: iid() }, { token: who.token })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    }
    const foreign = await t.gql(ATUR, { i: iid(), p: "{nomor}/{tahun}", l: "BERSAMA" }, { token: otherAdmin.token });
    expect(foreign.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    // SUPERADMIN names the office; without one there is nothing to set
    const sa = await t.gql(POLA, { i: iid() }, { token: superadmin.token });
    expect(sa.data!.polaNomorSurat.pola).toBe("B-{nomor}/Kk.13.19/1/{kode}/{bulan}/{tahun}");
    const none = await t.gql(ATUR, { p: "{nomor}/{tahun}", l: "BERSAMA" }, { token: superadmin.token });
    expect(none.data!.aturPolaNomorSurat).toMatchObject({ code: "INSTANSI_WAJIB", field: "instansiId" });
    expect((await t.db.prisma.polaNomorSurat.findUniqueOrThrow({ where: { instansiId: ins.id } })).pola).toBe("B-{nomor}/Kk.13.19/1/{kode}/{bulan}/{tahun}");
  });

  it("a bad pattern is refused with a stable code and an Indonesian message at `pola`; the saved one stays", async () => {
    const cases: Array<[string, "PER_KODE" | "BERSAMA", string]> = [
      ["B-{nomor}/{klasifikasi}/{tahun}", "BERSAMA", "POLA_TOKEN_TIDAK_DIKENAL"],
      ["B/{kode}/{bulan}/{tahun}", "BERSAMA", "POLA_TANPA_NOMOR"],
      ["B-{nomor}/{bulan}", "BERSAMA", "POLA_TANPA_TAHUN"],
      ["B-{nomor}/{tahun}", "PER_KODE", "POLA_TANPA_KODE"],
      ["{nomor:0}/{tahun}", "BERSAMA", "POLA_LEBAR_TIDAK_SAH"],
      ["", "BERSAMA", "POLA_KOSONG"],
    ];
    for (const [p, l, code] of cases) {
      const r = await t.gql(ATUR, { p, l }, { token: admin.token });
      expect(r.data!.aturPolaNomorSurat, p).toMatchObject({ __typename: "ValidationError", code, field: "pola" });
    }
    const unknown = await t.gql(ATUR, { p: "B-{nomor}/{klasifikasi}/{tahun}", l: "BERSAMA" }, { token: admin.token });
    expect(unknown.data!.aturPolaNomorSurat.message).toMatch(/^Token \{klasifikasi\} tidak dikenal\. Token yang tersedia: \{nomor\}/);
    expect((await t.gql(POLA, {}, { token: admin.token })).data!.polaNomorSurat.pola).toBe("B-{nomor}/Kk.13.19/1/{kode}/{bulan}/{tahun}");
  });

  it("the preview shows the next number without taking it; a pattern being edited previews too", async () => {
    const p1 = await t.gql(PRATINJAU, { k: "PP.00" }, { token: petugas.token });
    const month = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(5, 7));
    const year = new Date(Date.now() + 7 * 3600_000).getUTCFullYear();
    expect(p1.data!.pratinjauNomorSurat.data).toBe(`B-1/Kk.13.19/1/PP.00/${month}/${year}`);
    expect((await t.gql(PRATINJAU, { k: "PP.00" }, { token: petugas.token })).data!.pratinjauNomorSurat.data).toBe(p1.data!.pratinjauNomorSurat.data);
    expect(await t.db.prisma.nomorSuratUrut.count({ where: { instansiId: ins.id } })).toBe(0);
    await issue({ instansiId: ins.id, kodeKlasifikasi: "PP.00" });
    expect((await t.gql(PRATINJAU, { k: "PP.00" }, { token: petugas.token })).data!.pratinjauNomorSurat.data).toBe(`B-2/Kk.13.19/1/PP.00/${month}/${year}`);
    expect((await t.gql(PRATINJAU, { k: "HM.01" }, { token: petugas.token })).data!.pratinjauNomorSurat.data).toBe(`B-1/Kk.13.19/1/HM.01/${month}/${year}`);
    const noKode = await t.gql(PRATINJAU, {}, { token: petugas.token });
    expect(noKode.data!.pratinjauNomorSurat).toMatchObject({ code: "KODE_WAJIB", field: "kodeKlasifikasi" });
    const editing = await t.gql(PRATINJAU, { k: "PP.00", p: "{nomor:4}/{bulan_romawi}/{tahun}", l: "BERSAMA" }, { token: admin.token });
    expect(editing.data!.pratinjauNomorSurat.data).toMatch(new RegExp(`^0001/[IVX]+/${year}$`));
    const bad = await t.gql(PRATINJAU, { p: "{nomer}/{tahun}" }, { token: admin.token });
    expect(bad.data!.pratinjauNomorSurat).toMatchObject({ code: "POLA_TOKEN_TIDAK_DIKENAL", field: "pola" });
    // previewing an unsaved pattern is the admin's; staff preview the office's own
    expect((await t.gql(PRATINJAU, { p: "{nomor}/{tahun}" }, { token: petugas.token })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await t.gql(PRATINJAU, { k: "PP.00" }, { token: citizen.token })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("staff read the register with filters and pages; citizens and other offices may not", async () => {
    await issue({ instansiId: ins.id, kodeKlasifikasi: "HM.01", now: at("2023-12-30T03:00:00Z") });
    for (let i = 0; i < 4; i++) await issue({ instansiId: ins.id, kodeKlasifikasi: "PP.00", now: at(`2024-02-0${i + 2}T03:00:00Z`) });
    const all = await t.gql(REGISTER, { first: 100 }, { token: ppid.token });
    expect(all.errors).toBeUndefined();
    expect(all.data!.registerSurat.totalCount).toBe(6);
    const y2023 = await t.gql(REGISTER, { tahun: 2023, first: 10 }, { token: petugas.token });
    expect(y2023.data!.registerSurat.edges.map((e: { node: { nomor: string } }) => e.node.nomor)).toEqual(["B-1/Kk.13.19/1/HM.01/12/2023"]);
    expect(y2023.data!.registerSurat.edges[0].node).toMatchObject({ tanggal: "2023-12-30", status: "TERBIT", dapatDibatalkan: false });

    // pages of two, in the order issued, every letter once
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await t.gql(REGISTER, { tahun: 2024, first: 2, after }, { token: petugas.token });
      expect(page.data.registerSurat.totalCount).toBe(4);
      seen.push(...page.data.registerSurat.edges.map((e: { node: { nomor: string } }) => e.node.nomor));
      if (!page.data.registerSurat.pageInfo.hasNextPage) break;
      after = page.data.registerSurat.pageInfo.endCursor;
    }
    // in the order issued, every letter once (2024's own sequence, apart from today's)
    expect(seen).toEqual(["B-1/Kk.13.19/1/PP.00/2/2024", "B-2/Kk.13.19/1/PP.00/2/2024", "B-3/Kk.13.19/1/PP.00/2/2024", "B-4/Kk.13.19/1/PP.00/2/2024"]);

    expect((await t.gql(REGISTER, { first: 1 }, { token: citizen.token })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await t.gql(REGISTER, { i: iid(), first: 1 }, { token: otherAdmin.token })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
    expect((await t.gql(`query($i: ID) { registerSuratCsv(instansiId: $i) }`, { i: iid() }, { token: otherAdmin.token })).errors![0]!.extensions!.code).toBe(
      "FORBIDDEN",
    );
    // the other office's register is its own (empty), not this one
    expect((await t.gql(REGISTER, { first: 1 }, { token: otherAdmin.token })).data!.registerSurat.totalCount).toBe(0);
    // a letter is not reachable by id from outside its office
    const id = all.data!.registerSurat.edges[0].node.id;
    const peek = await t.gql(`query($id: ID!) { node(id: $id) { ... on Surat { nomor } } }`, { id }, { token: citizen.token });
    expect(peek.data?.node ?? null).toBeNull();
  });

  it("the admin voids a letter with a reason: the number stays, marked, and is not reused; officers may not", async () => {
    const s = await issue({ instansiId: ins.id, kodeKlasifikasi: "PP.00" });
    const id = globalId("Surat", s.id);
    const byOfficer = await t.gql(BATAL, { id, a: "Salah ketik nama pemohon." }, { token: petugas.token });
    expect(byOfficer.errors![0]!.extensions!.code).toBe("FORBIDDEN");
    const foreign = await t.gql(BATAL, { id, a: "Salah ketik nama pemohon." }, { token: otherAdmin.token });
    expect(foreign.data!.batalkanSurat).toMatchObject({ __typename: "NotFoundError", code: "SURAT_NOT_FOUND" });
    const noReason = await t.gql(BATAL, { id, a: "  " }, { token: admin.token });
    expect(noReason.data!.batalkanSurat).toMatchObject({ __typename: "ValidationError", code: "ALASAN_WAJIB", field: "alasan" });

    const done = await t.gql(BATAL, { id, a: "Salah ketik nama pemohon." }, { token: admin.token });
    expect(done.data!.batalkanSurat).toEqual({
      __typename: "BatalkanSuratSuccess",
      data: { nomor: s.nomor, status: "DIBATALKAN", alasanBatal: "Salah ketik nama pemohon.", dibatalkanOlehNama: "Staf ADMIN", dapatDibatalkan: false },
    });
    const twice = await t.gql(BATAL, { id, a: "Dibatalkan lagi." }, { token: admin.token });
    expect(twice.data!.batalkanSurat).toMatchObject({ __typename: "InvalidStateError", code: "SURAT_SUDAH_DIBATALKAN" });

    const next = await issue({ instansiId: ins.id, kodeKlasifikasi: "PP.00" });
    expect(next.urutan).toBe(s.urutan + 1);
    expect(next.nomor).not.toBe(s.nomor);

    const voided = await t.gql(REGISTER, { status: "DIBATALKAN", first: 10 }, { token: petugas.token });
    expect(voided.data!.registerSurat.edges.map((e: { node: { nomor: string } }) => e.node.nomor)).toEqual([s.nomor]);
    expect(voided.data!.registerSurat.edges[0].node).toMatchObject({ alasanBatal: "Salah ketik nama pemohon.", dibatalkanOlehNama: "Staf ADMIN" });
  });

  it("pattern changes and cancellations are in the audit trail, with the pattern and the reason", async () => {
    const trail = await t.gql(`{ auditLog(first: 200, jenis: UBAH) { edges { node { aksi aktorPeran detail } } } }`, {}, { token: superadmin.token });
    const nodes = trail.data!.auditLog.edges.map((e: { node: any }) => e.node);
    const pola = nodes.find((n: any) => n.aksi === "Mutation.aturPolaNomorSurat" && n.detail.hasil.aturPolaNomorSurat === "AturPolaNomorSuratSuccess");
    expect(pola).toMatchObject({ aktorPeran: "ADMIN" });
    expect(pola.detail.argumen.aturPolaNomorSurat).toMatchObject({ pola: " B-{nomor}/Kk.13.19/1/{kode}/{bulan}/{tahun} ", lingkup: "PER_KODE" });
    const batal = nodes.find((n: any) => n.aksi === "Mutation.batalkanSurat" && n.detail.hasil.batalkanSurat === "BatalkanSuratSuccess");
    expect(batal).toMatchObject({ aktorPeran: "ADMIN" });
    expect(batal.detail.argumen.batalkanSurat.alasan).toBe("Salah ketik nama pemohon.");
    // refused attempts are part of the trail too
    expect(nodes.some((n: any) => n.aksi === "Mutation.batalkanSurat" && n.detail.galat.includes("FORBIDDEN"))).toBe(true);
  });

  it("the register as CSV: a header, one line per letter, voided ones marked; a reason cannot become a spreadsheet formula", async () => {
    const s = await issue({ instansiId: ins.id, kodeKlasifikasi: "PP.00" });
    const formula = '=HYPERLINK("http://contoh.invalid","klik")';
    await t.gql(BATAL, { id: globalId("Surat", s.id), a: formula }, { token: admin.token });
    const res = await t.gql(`{ registerSuratCsv }`, {}, { token: petugas.token });
    const lines: string[] = res.data!.registerSuratCsv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("nomor,tanggal,kode_klasifikasi,urutan,tahun,status,alasan_batal,dibatalkan_pada,dibatalkan_oleh,kode_verifikasi");
    expect(lines).toHaveLength(1 + (await t.db.prisma.surat.count({ where: { instansiId: ins.id } })));
    const line = lines.find((l) => l.startsWith(`${s.nomor},`))!;
    expect(line).toContain(`,DIBATALKAN,"'=HYPERLINK(""http://contoh.invalid"",""klik"")",`);
    expect(line.endsWith(`,Staf ADMIN,${s.kodeVerifikasi}`)).toBe(true);
    expect(lines.filter((l) => l.includes(",TERBIT,")).length).toBeGreaterThan(0);
    const y2023 = await t.gql(`{ registerSuratCsv(tahun: 2023) }`, {}, { token: admin.token });
    expect(y2023.data!.registerSuratCsv.trimEnd().split("\r\n")).toHaveLength(2);
    expect((await t.gql(`{ registerSuratCsv }`, {}, { token: citizen.token })).errors![0]!.extensions!.code).toBe("FORBIDDEN");
  });

  it("the register CSV downloads as a file over GET, with the same rows and the same checks", async () => {
    const get = (query: string, token?: string) =>
      t.app.yoga.fetch(`http://localhost/unduh/register-surat.csv${query}`, {
        headers: { "x-forwarded-for": "10.0.0.1", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
    const res = await get("?tahun=2023", petugas.token);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="register-surat-2023.csv"');
    const viaApi = await t.gql(`{ registerSuratCsv(tahun: 2023) }`, {}, { token: petugas.token });
    expect(await res.text()).toBe(viaApi.data!.registerSuratCsv);
    const voided = await (await get("?status=DIBATALKAN", admin.token)).text();
    expect(
      voided
        .trimEnd()
        .split("\r\n")
        .slice(1)
        .every((l) => l.includes(",DIBATALKAN,")),
    ).toBe(true);
    expect(voided.trimEnd().split("\r\n").length).toBeGreaterThan(1);

    expect((await get("")).status).toBe(401);
    const citizenRes = await get("", citizen.token);
    expect([citizenRes.status, citizenRes.headers.get("x-loket-error")]).toEqual([403, "FORBIDDEN"]);
    expect((await get(`?instansiId=${ins.id}`, otherAdmin.token)).status).toBe(403);
    const badYear = await get("?tahun=dua-ribu", petugas.token);
    expect([badYear.status, badYear.headers.get("x-loket-error")]).toEqual([400, "TAHUN_INVALID"]);
    expect((await get("?status=HILANG", petugas.token)).headers.get("x-loket-error")).toBe("STATUS_INVALID");
    expect((await get("", superadmin.token)).headers.get("x-loket-error")).toBe("INSTANSI_WAJIB");
    expect((await get(`?instansiId=${ins.id}&tahun=2023`, superadmin.token)).status).toBe(200);
  });
});

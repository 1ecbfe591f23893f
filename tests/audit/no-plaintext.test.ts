// Issue 12 §1, end to end: a citizen registers, verifies the address, logs in, resets the password, files a
// request (pengajuan), a complaint and a PPID request through the public API; officers act on them; the
// emails go out through a real SMTP server. Then every table (every column as text), the database's own dump
// (pg_dump on PostgreSQL) or the files of the PGlite data folder, and everything the server logged are
// searched for each NIK/NIP, password, verification and reset token and session token used: none may be
// there in plain text.
//
// Runs on an on-disk PGlite by default and on PostgreSQL with DATABASE_URL (the suite's two modes).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { openDatabase, type Db } from "../../server/db/client";
import {
  GOOD_PASSWORD,
  LOGIN,
  PNG_1X1,
  gqlRegister,
  createStaff,
  createTestApp,
  globalId,
  registerInput,
  serviceFixture,
  uploadFixtureDocuments,
  upload,
  type TestApp,
} from "../helpers/app";
import { startSmtp, type TestSmtp } from "../helpers/smtp";

const template = inject("pgTemplate");
const mode = template ? "PostgreSQL" : "PGlite (on disk)";

let t: TestApp;
let db: Db;
let smtp: TestSmtp;
const servers: TestSmtp[] = [];
let pglite: PGlite | null = null;
let pgliteDir = "";
let databaseUrl = "";
let dropDatabase = async () => {};
let logs = "";
let restoreStderr = () => {};

/** Every value that must never be found in plain text, with what it is. */
const needles = new Map<string, string>();
const remember = (what: string, value: string) => {
  expect(value.length).toBeGreaterThanOrEqual(8);
  needles.set(value, what);
};

async function openDb(): Promise<Db> {
  if (template) {
    const base = process.env.DATABASE_URL!;
    const name = `loket_plain_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    dropDatabase = async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await a.end();
    };
    return openDatabase({ databaseUrl, migrate: false });
  }
  // a real data folder on disk, from the migrated template of this run
  pgliteDir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-plain-"));
  const dump = fs.readFileSync(inject("pgliteDump"));
  pglite = await PGlite.create(path.join(pgliteDir, "pglite"), { loadDataDir: new Blob([dump]) });
  return openDatabase({ pglite, migrate: false });
}

function tokenIn(body: string, route: string): string {
  const m = body
    .replace(/=\r\n/g, "")
    .replace(/=3D/g, "=")
    .match(new RegExp(`${route}\\?token=([\\w-]{43})`));
  if (!m) throw new Error(`no ${route} link in the email`);
  return m[1]!;
}

async function mailTo(to: string, subject: RegExp) {
  for (let i = 0; i < 200; i++) {
    t.app.services.mail?.kick();
    const m = smtp.messages.find((x) => x.to.includes(to) && subject.test(x.subject));
    if (m) return m;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no email to ${to} matching ${subject}`);
}

beforeAll(async () => {
  // everything the server writes to stderr (its log), at the most verbose level
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    logs += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
    return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
  }) as typeof process.stderr.write;
  restoreStderr = () => {
    process.stderr.write = write;
  };
  smtp = await startSmtp(servers);
  db = await openDb();
  t = await createTestApp({ smtpUrl: smtp.url, logLevel: "debug" }, db);
  await t.app.start(0, "127.0.0.1"); // the outbox worker
}, 120_000);

afterAll(async () => {
  restoreStderr();
  await t?.close().catch(() => {});
  await db?.close().catch(() => {});
  await pglite?.close().catch(() => {});
  for (const s of servers) await s.close();
  await dropDatabase();
  if (pgliteDir) fs.rmSync(pgliteDir, { recursive: true, force: true });
});

describe(`no secret or identity number in plain text (${mode})`, () => {
  it("walks register → verify → login → password reset → pengajuan → complaint → PPID, then finds none of the values anywhere", {
    timeout: 180_000,
  }, async () => {
    const superadmin = await createStaff(t, "SUPERADMIN", null);
    const fx = await serviceFixture(t);
    remember("session token (superadmin)", superadmin.token);
    remember("NIP (superadmin)", superadmin.nomorIdentitas);
    remember("session token (admin)", fx.admin.token);
    remember("session token (petugas)", fx.petugas.token);
    remember("NIP (petugas)", fx.petugas.nomorIdentitas);
    remember("staff password", GOOD_PASSWORD);

    // register (the address gets a verification link)
    const input = registerInput(t, { password: `Pelita-Daftar-${randomBytes(4).toString("hex")}` });
    const reg = await gqlRegister(t, { input });
    expect(reg.data!.register.__typename, JSON.stringify(reg)).toBe("RegisterSuccess");
    const nik = input.nomorIdentitas as string;
    remember("NIK", nik);
    remember("password at registration", input.password as string);
    remember("session token (pending account)", reg.data!.register.data.token);
    const userGid = reg.data!.register.data.user.id as string;

    const verification = tokenIn((await mailTo(input.email as string, /alamat email/i)).body, "/verifikasi-email");
    remember("verification token", verification);
    const verified = await t.gql(`mutation($t: String!) { verifyEmail(token: $t) { __typename } }`, { t: verification });
    expect(verified.data!.verifyEmail.__typename).toBe("VerifyEmailSuccess");

    // activation by an admin, then login
    const act = await t.gql(`mutation($id: ID!) { activateAccount(userId: $id) { __typename } }`, { id: userGid }, { token: superadmin.token });
    expect(act.data!.activateAccount.__typename).toBe("ActivateAccountSuccess");
    const first = await t.gql(LOGIN, { nomorIdentitas: nik, password: input.password });
    expect(first.data!.login.__typename).toBe("LoginSuccess");
    remember("session token (first login)", first.data!.login.data.token);
    // a wrong password is audited too
    const wrongPassword = `Salah-${randomBytes(6).toString("hex")}`;
    remember("wrong password", wrongPassword);
    expect((await t.gql(LOGIN, { nomorIdentitas: nik, password: wrongPassword })).data!.login.__typename).toBe("LoginError");

    // password reset by NIK (as the web client's form sends it: a literal in the query text this time)
    const asked = await t.gql(`mutation { requestPasswordReset(nomorIdentitasAtauEmail: "${nik}") { __typename } }`);
    expect(asked.data!.requestPasswordReset.__typename).toBe("RequestPasswordResetSuccess");
    const reset = tokenIn((await mailTo(input.email as string, /kata sandi/i)).body, "/atur-ulang-sandi");
    remember("reset token", reset);
    const newPassword = `Mentari-Sandi-${randomBytes(4).toString("hex")}`;
    remember("new password", newPassword);
    const done = await t.gql(`mutation($t: String!, $p: String!) { resetPassword(token: $t, passwordBaru: $p) { __typename ... on Error { code message } } }`, {
      t: reset,
      p: newPassword,
    });
    expect(done.data!.resetPassword.__typename).toBe("ResetPasswordSuccess");
    const second = await t.gql(LOGIN, { nomorIdentitas: nik, password: newPassword });
    expect(second.data!.login.__typename).toBe("LoginSuccess");
    const token = second.data!.login.data.token as string;
    remember("session token", token);

    // pengajuan: draft, documents, submit; the officer verifies
    const P = `fragment P on Pengajuan { id versi status }`;
    const created = await t.gql(
      `mutation($l: ID!, $f: JSON) { createPengajuan(layananId: $l, formData: $f) { __typename ... on CreatePengajuanSuccess { data { ...P } } } } ${P}`,
      { l: fx.layanan.id, f: { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20" } },
      { token },
    );
    let p = created.data!.createPengajuan.data;
    const up = await uploadFixtureDocuments(
      t,
      `mutation($id: ID!, $v: Int!, $berkas: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $berkas) { __typename ... on UploadDokumenPengajuanSuccess { data { ...P } } } } ${P}`,
      fx,
      p,
      token,
      { name: "pengantar.pdf", text: "pengantar" },
    );
    p = up.data!.uploadDokumenPengajuan.data;
    const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v) { __typename ... on UbahStatusPengajuanSuccess { data { ...P } } ... on Error { code message } } } ${P}`;
    const sent = await t.gql(ACT, { id: p.id, a: "AJUKAN", v: p.versi }, { token });
    expect(sent.data!.ubahStatusPengajuan.__typename, JSON.stringify(sent)).toBe("UbahStatusPengajuanSuccess");
    p = sent.data!.ubahStatusPengajuan.data;
    const checked = await t.gql(ACT, { id: p.id, a: "VERIFIKASI", v: p.versi }, { token: fx.petugas.token });
    expect(checked.data!.ubahStatusPengajuan.__typename, JSON.stringify(checked)).toBe("UbahStatusPengajuanSuccess");

    // complaint with evidence
    const instansiGid = globalId("Instansi", fx.instansi.id);
    const kat = await t.gql(
      `mutation($i: ID!) { tambahKategoriPengaduan(instansiId: $i, nama: "Pelayanan petugas") { __typename ... on TambahKategoriPengaduanSuccess { data { id } } } }`,
      { i: instansiGid },
      { token: fx.admin.token },
    );
    const complaint = await upload(
      t,
      `mutation($i: ID!, $k: ID!, $j: String!, $u: String!, $b: [File!]!) { buatPengaduan(instansiId: $i, kategoriId: $k, judul: $j, uraian: $u, bukti: $b) { __typename ... on Error { code message } } }`,
      {
        i: instansiGid,
        k: kat.data!.tambahKategoriPengaduan.data.id,
        j: "Antrean lama di loket 3",
        u: "Saya menunggu tiga jam di loket 3 tanpa kejelasan dari petugas.",
        b: [null],
      },
      { "b.0": { name: "antrean.png", type: "image/png", content: PNG_1X1 } },
      { token },
    );
    expect(complaint.data!.buatPengaduan.__typename, JSON.stringify(complaint)).toBe("BuatPengaduanSuccess");

    // PPID request
    const ppid = await t.gql(
      `mutation($i: ID!) { ajukanPermohonanInformasi(instansiId: $i, rincianInformasi: "Salinan DPA Dinas tahun anggaran 2026", tujuan: "Bahan penelitian", format: SOFTCOPY, caraPerolehan: EMAIL) { __typename ... on Error { code message } } }`,
      { i: instansiGid },
      { token },
    );
    expect(ppid.data!.ajukanPermohonanInformasi.__typename, JSON.stringify(ppid)).toBe("AjukanPermohonanInformasiSuccess");

    // every queued email goes out (the bodies are erased once sent)
    for (let i = 0; i < 200; i++) {
      t.app.services.mail?.kick();
      if ((await db.prisma.outbox.count({ where: { status: { not: "SENT" } } })) === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await db.prisma.outbox.count({ where: { status: { not: "SENT" } } })).toBe(0);
    expect(smtp.messages.length).toBeGreaterThanOrEqual(3);
    expect(await db.prisma.auditLog.count({ where: { jenis: "UBAH" } })).toBeGreaterThanOrEqual(10);

    // 1. every table, every column as text
    const tables = await db.prisma.$queryRawUnsafe<Array<{ name: string }>>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    expect(tables.map((x) => x.name)).toEqual(
      expect.arrayContaining(["AuditLog", "Outbox", "Session", "EmailToken", "User", "Pengajuan", "Pengaduan", "PermohonanInformasi"]),
    );
    let dump = "";
    for (const { name } of tables) {
      const rows = await db.prisma.$queryRawUnsafe<Array<{ r: string }>>(`SELECT row_to_json(x)::text AS r FROM "${name}" x`);
      dump += `\n-- ${name}\n${rows.map((r) => r.r).join("\n")}`;
    }
    expect(dump).toContain(nik.slice(0, 4)); // the masked form is there: the search is reading the right data
    const found = (haystack: string | Buffer) => [...needles].filter(([v]) => haystack.includes(v)).map(([, what]) => what);
    expect(found(dump), "database rows").toEqual([]);

    // 2. the database's own files or dump
    if (databaseUrl) {
      let pgDump = "";
      try {
        pgDump = execFileSync("pg_dump", ["--data-only", databaseUrl], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err; // pg_dump not installed: the rows above cover it
      }
      if (pgDump) {
        expect(pgDump).toContain("AuditLog");
        expect(found(pgDump), "pg_dump").toEqual([]);
      }
    } else {
      await t.close();
      await db.close();
      await pglite!.close(); // flushes everything to the folder
      pglite = null;
      const files: string[] = [];
      const walk = (dir: string) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
          const full = path.join(dir, e.name);
          if (e.isDirectory()) walk(full);
          else if (e.isFile()) files.push(full);
        }
      };
      walk(path.join(pgliteDir, "pglite"));
      expect(files.length).toBeGreaterThan(100);
      let bytes = 0;
      const hits: string[] = [];
      for (const f of files) {
        const content = fs.readFileSync(f);
        bytes += content.length;
        for (const what of found(content)) hits.push(`${what} in ${path.relative(pgliteDir, f)}`);
      }
      expect(bytes).toBeGreaterThan(1_000_000);
      expect(hits, "PGlite data folder").toEqual([]);
    }

    // 3. the log
    expect(logs.length).toBeGreaterThan(0);
    expect(found(logs), "server log").toEqual([]);
  });
});

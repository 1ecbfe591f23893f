/**
 * `npm run bench -- scale`: Loket at the size of a province, on PostgreSQL (issue #13, "Performance at the size
 * of a province"). For each size in BENCH_SCALE_SIZES (default 10000,100000,1000000 pengajuan) the database grows
 * to that many cases — seeded with SQL (INSERT … SELECT FROM generate_series) from this process, so the
 * server's memory holds only what it serves — and the figures are measured:
 *
 *   - `{ __typename }`, the baseline of the same size;
 *   - the staff queue (antrian first 50 + antrianJumlah, QUEUE_CACHE_SECONDS=0: computed on every read) of the
 *     big instansi's officer: every status, and the desk's own page (the document the browser sends, from
 *     client/src/gql/persisted-documents.json, on its default tab: the open work, with the working time left);
 *   - `statistik` of the big instansi for last year (a closed year) and for this year, and the same computed
 *     from scratch (one request at a time, the summary made stale before each: what the first reader after a
 *     change pays);
 *   - `statistikDetail` of the big instansi, this year;
 *   - public tracking (lacakPengajuan by registration number, a different case on every request);
 *   - the catalogue search (layananList cari).
 *
 * Each figure: req/s, p95, SQL statements per request (counted by the server: Prisma query events over a few
 * sequential requests), the server's CPU time per request (comparable across runs on a shared machine, where
 * req/s is not) and the server's peak RSS while it ran; the server's peak RSS over the whole run.
 *
 * The data: 100 instansi of 10 services each; the first instansi holds a tenth of all cases, the others share
 * the rest. Cases are submitted from 1 January last year until now (statuses by age: old ones finished,
 * refused or cancelled, the last weeks still running, some overdue), with 1–3 history steps and one document
 * each; complaints (10 %), PPID requests (3 %, a few objections) and SKM answers (40 % of finished cases) in
 * proportion. 2,000 citizens, 5 officers per instansi.
 *
 * Settings: BENCH_SCALE_SIZES, BENCH_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres; a
 * throw-away database is created next to it and dropped after; BENCH_SCALE_KEEP_DB=true keeps it for EXPLAIN),
 * BENCH_SCALE_ONLY (a regular expression: only the figures whose label matches, e.g. "queue|Detail"), BENCH_SECONDS (default 5), BENCH_WARMUP_SECONDS
 * (default 2), BENCH_CONNECTIONS (default 10). Writes bench/results/scale.json.
 *
 * The same file is the server process (BENCH_SCALE_ROLE=server): it boots Loket like bench/server.ts, counts
 * statements and creates the officer who logs in.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { ANTRIAN_TERBUKA } from "../server/modules/pengajuan/queue-page";
import { STATISTIK, STATISTIK_DETAIL, globalId, gqlRequest, loginToken, pct, round2, sortedOf } from "./lib";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_FILE = path.join(HERE, "results", "scale.json");

function envInt(name: string, fallback: number, min = 0): number {
  const raw = process.env[name];
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer ≥ ${min}, got ${raw}`);
  return n;
}

// ---------------------------------------------------------------------------------------------------------
// the server side

type ToServer = { type: "officer"; id: number; instansiId: string } | { type: "statements"; id: number } | { type: "cpu"; id: number };
type FromServer = { type: "ready"; port: number } | { type: "failed"; error: string } | { type: "answer"; id: number; result?: unknown; error?: string };

async function serve() {
  // as the built server: V8's settings before any WebAssembly compiles, the heap's growth limit once listening
  const { limitHeapGrowth } = await import("../server/v8-settings");
  const { loadConfig } = await import("../server/config");
  const { openDatabase } = await import("../server/db/client");
  const { buildApp } = await import("../server/app");
  const { deriveKeys, loadMasterSecret } = await import("../server/lib/crypto");
  const { ensureReferenceData } = await import("../server/seed");
  const { createStaffAccount } = await import("../server/modules/account/service");
  const config = loadConfig();
  const keys = deriveKeys(loadMasterSecret(config.secret, config.dataDir));
  const db = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    preparedStatements: config.databasePreparedStatements,
    logQueries: true,
  });
  let statements = 0;
  (db.prisma as unknown as { $on(e: "query", cb: () => void): void }).$on("query", () => statements++);
  await ensureReferenceData(db.prisma);
  const app = await buildApp({ config, db, keys });
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    setTimeout(() => process.exit(1), 5_000).unref();
    await app.stop().catch(() => {});
    await db.close().catch(() => {});
    if (process.env.BENCH_TEMP_DATA_DIR) fs.rmSync(process.env.BENCH_TEMP_DATA_DIR, { recursive: true, force: true });
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown());
  process.on("disconnect", () => void shutdown());
  process.on("message", async (m: ToServer) => {
    try {
      if (m.type === "statements") return process.send?.({ type: "answer", id: m.id, result: statements } satisfies FromServer);
      // the server's CPU time so far (ms): per request it stays comparable when other work shares the machine
      if (m.type === "cpu") {
        const u = process.cpuUsage();
        return process.send?.({ type: "answer", id: m.id, result: (u.user + u.system) / 1000 } satisfies FromServer);
      }
      const nomorIdentitas = `19870314201101${String(1000 + Math.floor(Math.random() * 8999))}`;
      const password = "Pelayanan-Prima-2026";
      await createStaffAccount(db.prisma, keys, config, null, {
        identityType: "NIP",
        nomorIdentitas,
        namaLengkap: "Petugas Skala",
        email: "petugas.skala@bench.example",
        telepon: "081298765401",
        password,
        role: "PETUGAS",
        instansiId: m.instansiId,
      });
      process.send?.({ type: "answer", id: m.id, result: { nomorIdentitas, password } } satisfies FromServer);
    } catch (err) {
      process.send?.({ type: "answer", id: m.id, error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies FromServer);
    }
  });
  const port = await app.start(0, "127.0.0.1");
  limitHeapGrowth();
  process.send?.({ type: "ready", port } satisfies FromServer);
}

if (process.env.BENCH_SCALE_ROLE === "server") {
  serve().catch((err) => {
    process.send?.({ type: "failed", error: err instanceof Error ? (err.stack ?? err.message) : String(err) } satisfies FromServer);
    process.exit(1);
  });
}

// ---------------------------------------------------------------------------------------------------------
// seeding with SQL

const N_INSTANSI = 100;
const N_LAYANAN = 10;
const N_OFFICERS = 5;
const N_CITIZENS = 2000;
const KATEGORI = ["Pelayanan lambat", "Sikap petugas", "Persyaratan tidak jelas", "Sarana dan prasarana", "Dugaan pungutan liar", "Informasi layanan"];
const LAYANAN = [
  "Surat Keterangan Domisili",
  "Surat Keterangan Tidak Mampu",
  "Legalisir Dokumen",
  "Rekomendasi Izin Usaha",
  "Izin Operasional Madrasah",
  "Rekomendasi Beasiswa",
  "Surat Pindah",
  "Tanda Daftar Yayasan",
  "Konsultasi Perizinan",
  "Salinan Akta",
];

/** uuid of fixture row `n` of kind `k`: deterministic, so later steps can find earlier rows without reading them. */
const uid = (k: string, n: string) => `md5('${k}' || ${n})::uuid`;

export async function seedBase(c: pg.Client): Promise<{ bigInstansi: string; year0: number }> {
  const year0 = new Date().getUTCFullYear() - 1;
  await c.query(`
    INSERT INTO "Instansi" (id, kode, nama, "prefixNomor", "updatedAt")
    SELECT ${uid("ins", "g")}, 'SKALA-' || lpad(g::text, 3, '0'), 'Kantor Skala ' || g, 'SK' || g, now() FROM generate_series(0, ${N_INSTANSI - 1}) g;
    INSERT INTO "JamLayanan" (id, "instansiId", hari, buka, tutup)
    SELECT gen_random_uuid(), ${uid("ins", "g")}, d, 480, CASE WHEN d = 5 THEN 870 ELSE 930 END
      FROM generate_series(0, ${N_INSTANSI - 1}) g CROSS JOIN generate_series(1, 5) d;
    INSERT INTO "Layanan" (id, "instansiId", kode, nama, kategori, deskripsi, "slaJumlah", "slaSatuan", "updatedAt")
    SELECT ${uid("lay", "(g * 10 + j)")}, ${uid("ins", "g")}, 'L' || j, (ARRAY[${LAYANAN.map((l) => `'${l}'`).join(",")}])[j + 1],
           (ARRAY['Umum', 'Perizinan', 'Kependudukan'])[1 + j % 3], 'Layanan ' || j || ' kantor ' || g, 1 + j % 5, 'HARI_KERJA', now()
      FROM generate_series(0, ${N_INSTANSI - 1}) g CROSS JOIN generate_series(0, ${N_LAYANAN - 1}) j;
    INSERT INTO "PersyaratanDokumen" (id, "layananId", urutan, label)
    SELECT ${uid("per", "g")}, ${uid("lay", "g")}, 1, 'KTP' FROM generate_series(0, ${N_INSTANSI * N_LAYANAN - 1}) g;
    INSERT INTO "KategoriPengaduan" (id, "instansiId", nama)
    SELECT ${uid("kat", "(g * 6 + j)")}, ${uid("ins", "g")}, (ARRAY[${KATEGORI.map((k) => `'${k}'`).join(",")}])[j + 1]
      FROM generate_series(0, ${N_INSTANSI - 1}) g CROSS JOIN generate_series(0, 5) j;
    INSERT INTO "User" (id, role, status, "identityType", "identityCipher", "identityIndex", "identityMasked", "namaLengkap", email, telepon, "passwordHash",
                        "instansiId", "consentTermsVersion", "consentPrivacyVersion", "consentAt", "updatedAt")
    SELECT ${uid("usr", "g")}, 'PEMOHON', 'AKTIF', 'NIK', 'fixture', 'skala-nik-' || g, '3519********' || lpad(g::text, 4, '0'), 'Warga Skala ' || g,
           'warga' || g || '@bench.example', '0813', '!fixture-no-login', NULL, '1', '1', now(), now()
      FROM generate_series(0, ${N_CITIZENS - 1}) g;
    INSERT INTO "User" (id, role, status, "identityType", "identityCipher", "identityIndex", "identityMasked", "namaLengkap", email, telepon, "passwordHash",
                        "instansiId", "consentTermsVersion", "consentPrivacyVersion", "consentAt", "updatedAt")
    SELECT ${uid("ptg", "g")}, 'PETUGAS', 'AKTIF', 'NIP', 'fixture', 'skala-nip-' || g, '1987**********' || lpad(g::text, 4, '0'), 'Petugas ' || g,
           'petugas' || g || '@bench.example', '0813', '!fixture-no-login', ${uid("ins", `(g / ${N_OFFICERS})`)}, '1', '1', now(), now()
      FROM generate_series(0, ${N_INSTANSI * N_OFFICERS - 1}) g;
    INSERT INTO "StoredFile" (id, sha256, ukuran, mime, "namaAsli", "storageKey") VALUES (${uid("file", "0")}, repeat('c', 64), 1024, 'application/pdf', 'ktp.pdf', 'bench/skala/ktp');
  `);
  const { rows } = await c.query<{ id: string }>(`SELECT ${uid("ins", "0")}::text AS id`);
  return { bigInstansi: rows[0]!.id, year0 };
}

/**
 * Cases [from, to): case i belongs to instansi 0 when i % 10 = 0 (a tenth), otherwise to one of the 99 others.
 * Its story (submission time, fate, times) comes from random(); the history, document and survey rows follow it.
 */
export async function seedCases(c: pg.Client, from: number, to: number, year0: number) {
  const start = `'${year0}-01-01'::timestamp`;
  const nowTs = `(now() AT TIME ZONE 'UTC')`;
  const big = N_INSTANSI - 1;
  await c.query(`
    CREATE TEMP TABLE kasus ON COMMIT DROP AS
    WITH x AS (
      SELECT g AS i, CASE WHEN g % 10 = 0 THEN 0 ELSE 1 + (g / 10) % ${big} END AS k, (g * 7 + g / 10) % ${N_LAYANAN} AS j,
             ${start} + random() * (${nowTs} - interval '30 minutes' - ${start}) AS t, random() AS a, random() AS b, random() AS r, random() AS s
        FROM generate_series(${from}, ${to - 1}) g),
    y AS (
      SELECT x.*, ${nowTs} - x.t AS umur,
             CASE WHEN a < 0.03 THEN 'DRAFT'
                  WHEN ${nowTs} - x.t < interval '20 days' THEN (ARRAY['DIAJUKAN', 'PERLU_PERBAIKAN', 'DIVERIFIKASI', 'DIPROSES', 'DIPROSES', 'SIAP_DIAMBIL'])[1 + floor(b * 6)::int]
                  WHEN a < 0.08 THEN 'DITOLAK' WHEN a < 0.10 THEN 'DIBATALKAN' WHEN a < 0.30 THEN 'DIAMBIL' ELSE 'SELESAI' END AS st
        FROM x)
    SELECT y.*, y.t + r * interval '2 days' AS tv, y.t + r * interval '2 days' + (1 + s * 9) * interval '1 day' AS tt FROM y;

    INSERT INTO "Pengajuan" (id, "nomorRegistrasi", "layananId", "instansiId", "pemohonId", "petugasId", status, versi, seq, pengiriman,
                             "diajukanAt", "diverifikasiAt", "slaMulaiAt", tenggat, "selesaiAt", "createdAt", "updatedAt")
    SELECT ${uid("pgj", "i")}, CASE WHEN st = 'DRAFT' THEN NULL ELSE 'SK/' || i END, ${uid("lay", "(k * 10 + j)")}, ${uid("ins", "k")}, ${uid("usr", `(i % ${N_CITIZENS})`)},
           CASE WHEN st = 'DRAFT' OR b > 0.85 THEN NULL ELSE ${uid("ptg", `(k * ${N_OFFICERS} + i % ${N_OFFICERS})`)} END,
           st::"PengajuanStatus", CASE WHEN st IN ('DRAFT') THEN 1 WHEN st IN ('DIAJUKAN') THEN 2 ELSE 3 END, CASE WHEN st IN ('DRAFT') THEN 1 WHEN st IN ('DIAJUKAN') THEN 2 ELSE 3 END,
           CASE WHEN st IN ('DIAMBIL', 'SIAP_DIAMBIL') THEN 'AMBIL' ELSE 'UNDUH' END::"PengirimanOpsi",
           CASE WHEN st = 'DRAFT' THEN NULL ELSE t END,
           CASE WHEN st IN ('DIVERIFIKASI', 'DIPROSES', 'SIAP_DIAMBIL', 'SELESAI', 'DIAMBIL') THEN least(tv, ${nowTs}) END,
           CASE WHEN st IN ('DIVERIFIKASI', 'DIPROSES') THEN least(tv, ${nowTs}) END,
           CASE WHEN st IN ('DIVERIFIKASI', 'DIPROSES', 'SIAP_DIAMBIL', 'SELESAI', 'DIAMBIL') THEN tt END,
           CASE WHEN st IN ('SIAP_DIAMBIL', 'SELESAI', 'DIAMBIL') THEN least(tv + (tt - tv) * (0.2 + 1.1 * r), ${nowTs} - interval '1 minute') END,
           t - interval '10 minutes', ${nowTs}
      FROM kasus;

    INSERT INTO "PengajuanLog" (id, "pengajuanId", seq, aksi, "dariStatus", "keStatus", "aktorId", "createdAt")
    SELECT gen_random_uuid(), ${uid("pgj", "i")}, n, (ARRAY['BUAT', 'AJUKAN', 'UBAH'])[n], CASE n WHEN 1 THEN NULL WHEN 2 THEN 'DRAFT' ELSE 'DIAJUKAN' END::"PengajuanStatus",
           CASE n WHEN 1 THEN 'DRAFT' WHEN 2 THEN 'DIAJUKAN' ELSE st END::"PengajuanStatus", ${uid("usr", `(i % ${N_CITIZENS})`)}, t + (n - 2) * interval '5 minutes'
      FROM kasus CROSS JOIN generate_series(1, 3) n
     WHERE n <= CASE WHEN st = 'DRAFT' THEN 1 WHEN st = 'DIAJUKAN' THEN 2 ELSE 3 END;

    INSERT INTO "DokumenPengajuan" (id, "pengajuanId", "persyaratanId", "fileId", "createdAt")
    SELECT gen_random_uuid(), ${uid("pgj", "i")}, ${uid("per", "(k * 10 + j)")}, ${uid("file", "0")}, t FROM kasus;

    INSERT INTO "SurveiKepuasan" (id, "instansiId", "layananId", "jenisKasus", "kasusId", "respondenId", u1, u2, u3, u4, u5, u6, u7, u8, u9, "createdAt")
    SELECT gen_random_uuid(), ${uid("ins", "k")}, ${uid("lay", "(k * 10 + j)")}, 'PENGAJUAN', ${uid("pgj", "i")}, ${uid("usr", `(i % ${N_CITIZENS})`)},
           2 + (i % 3 > 0)::int, 3, 2 + (i % 2), 3 + (i % 5 = 0)::int, 3, 4, 3, 2 + (i % 4 > 0)::int, 3, least(tt + interval '1 hour', ${nowTs} - interval '1 minute')
      FROM kasus WHERE st IN ('SELESAI', 'DIAMBIL') AND s < 0.4;

    INSERT INTO "Pengaduan" (id, "kodeLacak", "instansiId", "kategoriId", "layananId", kanal, judul, uraian, status, versi, seq, "diverifikasiAt", tenggat, "selesaiAt", "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'ADU-SK' || i, ${uid("ins", "k")}, ${uid("kat", "(k * 6 + i % 6)")}, CASE WHEN r < 0.6 THEN ${uid("lay", "(k * 10 + j)")} END,
           (ARRAY['WEB', 'WEB', 'WEB', 'WHATSAPP', 'LANGSUNG', 'TELEPON', 'KOTAK_SARAN'])[1 + i % 7]::"KanalPengaduan", 'Pengaduan', 'Uraian pengaduan',
           CASE WHEN umur < interval '3 days' THEN 'DIVERIFIKASI' WHEN a < 0.5 THEN 'DITOLAK' ELSE 'SELESAI' END::"PengaduanStatus", 3, 3,
           t + interval '2 hours', CASE WHEN umur < interval '3 days' THEN t + interval '2 days' END, CASE WHEN umur >= interval '3 days' AND a >= 0.5 THEN t + interval '3 days' END, t, ${nowTs}
      FROM kasus WHERE i % 10 = 3;

    INSERT INTO "PermohonanInformasi" (id, "nomorRegister", "instansiId", "pemohonId", "rincianInformasi", tujuan, format, "caraPerolehan", status, "diterimaAt", tenggat, "diputusAt", "createdAt", "updatedAt")
    SELECT ${uid("ppid", "i")}, 'PPID/SK/' || i, ${uid("ins", "k")}, ${uid("usr", `(i % ${N_CITIZENS})`)}, 'Data layanan', 'Penelitian', 'SOFTCOPY', 'EMAIL',
           CASE WHEN umur < interval '14 days' THEN 'DITERIMA' WHEN b < 0.7 THEN 'DIKABULKAN' WHEN b < 0.85 THEN 'DIKABULKAN_SEBAGIAN' ELSE 'DITOLAK' END::"PermohonanStatus",
           t, t + interval '14 days', CASE WHEN umur >= interval '14 days' THEN t + interval '10 days' END, t, ${nowTs}
      FROM kasus WHERE i % 100 IN (5, 15, 25);

    INSERT INTO "Keberatan" (id, "nomorRegister", "permohonanId", alasan, uraian, status, "diajukanAt", "tenggatTanggapan", "createdAt")
    SELECT gen_random_uuid(), 'KEB/SK/' || i, ${uid("ppid", "i")}, 'PENOLAKAN', 'Keberatan', 'DIAJUKAN', t + interval '12 days', t + interval '42 days', t + interval '12 days'
      FROM kasus WHERE i % 100 IN (5, 15, 25) AND umur >= interval '14 days' AND b >= 0.85 AND s < 0.5;
  `);
}

// ---------------------------------------------------------------------------------------------------------
// load

interface AutocannonResult {
  duration: number;
  errors: number;
  non2xx: number;
  mismatches: number;
}
type Autocannon = (
  opts: Record<string, unknown>,
  cb: (err: Error | null, result: AutocannonResult) => void,
) => { on(e: "response", fn: (c: unknown, status: number, bytes: number, ms: number) => void): void };
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

interface Load {
  query: string;
  variablesFor(n: number): Record<string, unknown>;
  token?: string;
  /** problem with a response's data, or null */
  check(data: any): string | null;
}

interface Figure {
  label: string;
  reqPerSec: number;
  p50Ms: number;
  p95Ms: number;
  statements: number | null;
  /** the server's CPU time per request (user + system), ms */
  cpuMs: number | null;
  peakRssMb: number | null;
  errors: number;
  firstError: string | null;
  /** a target judged on this figure */
  targets: Array<{ text: string; met: boolean }>;
}

function problemOf(body: string, check: Load["check"]): string | null {
  try {
    const json = JSON.parse(body);
    if (json.errors?.length) return `errors: ${JSON.stringify(json.errors).slice(0, 300)}`;
    return check(json.data);
  } catch {
    return `not JSON: ${body.slice(0, 200)}`;
  }
}

async function fire(origin: string, load: Load, seconds: number, connections: number) {
  const latencies: number[] = [];
  let sent = 0;
  let firstError: string | null = null;
  const res = await new Promise<AutocannonResult>((resolve, reject) => {
    const inst = autocannon(
      {
        url: `${origin}/graphql`,
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json", ...(load.token ? { authorization: `Bearer ${load.token}` } : {}) },
        requests: [{ setupRequest: (req: object) => ({ ...req, body: JSON.stringify({ query: load.query, variables: load.variablesFor(++sent) }) }) }],
        connections,
        duration: seconds,
        timeout: 30,
        verifyBody: (body: string) => {
          const p = problemOf(body, load.check);
          if (p) firstError ??= p;
          return p === null;
        },
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    inst.on("response", (_c, status, _b, ms) => {
      latencies.push(ms);
      if (status < 200 || status > 299) firstError ??= `HTTP ${status}`;
    });
  });
  const sorted = sortedOf(latencies);
  return {
    reqPerSec: sorted.length / res.duration,
    p50Ms: pct(sorted, 0.5),
    p95Ms: pct(sorted, 0.95),
    errors: res.non2xx + res.mismatches + res.errors,
    firstError,
  };
}

// ---------------------------------------------------------------------------------------------------------
// the documents measured

const QUEUE = /* GraphQL */ `
  query($first: Int!) {
    antrian(first: $first) {
      totalCount
      edges { node {
        nomorRegistrasi status statusLabel tenggat terlambat petugas
        pemohon { nama nomorIdentitasMasked }
        layanan { nama kode }
        dokumen { namaFile mime persyaratan { label } }
        statusTerakhir { keStatus createdAt aktor }
      } }
      pageInfo { hasNextPage endCursor }
    }
    antrianJumlah { status jumlah }
  }
`;
/** The desk's queue page exactly as the browser asks for it (the persisted document of client/src/pages/staff/queue.tsx). */
const DESK_QUEUE = (() => {
  const docs = JSON.parse(fs.readFileSync(path.join(HERE, "..", "client", "src", "gql", "persisted-documents.json"), "utf8")) as Record<string, string>;
  const doc = Object.values(docs).find((d) => /\bquery Antrian\(/.test(d));
  if (!doc) throw new Error("the desk's queue document (query Antrian) is not in client/src/gql/persisted-documents.json");
  return doc;
})();
const LACAK = /* GraphQL */ `
  query($n: String!, $d: String!) {
    lacakPengajuan(nomorRegistrasi: $n, empatDigitTerakhir: $d) { nomorRegistrasi layanan instansi status statusLabel diajukanAt tenggat riwayat { status at } }
  }
`;
const KATALOG = /* GraphQL */ `
  query($cari: String!) {
    layananList(cari: $cari, first: 20) { totalCount edges { node { id kode nama kategori instansi { nama } } } }
  }
`;

// ---------------------------------------------------------------------------------------------------------
// the run

class Rss {
  peak = 0;
  private timer: NodeJS.Timeout;
  constructor(private pid: number) {
    this.timer = setInterval(() => this.sample(), 100);
    this.timer.unref();
  }
  now(): number | null {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${this.pid}/status`, "utf8"))?.[1];
      return kb ? Math.round(Number(kb) / 1024) : null;
    } catch {
      return null;
    }
  }
  sample() {
    const mb = this.now();
    if (mb !== null) {
      this.peak = Math.max(this.peak, mb);
      this.windowPeak = Math.max(this.windowPeak, mb);
    }
  }
  windowPeak = 0;
  window(): number {
    this.sample();
    const p = this.windowPeak;
    this.windowPeak = 0;
    return p;
  }
  stop() {
    clearInterval(this.timer);
  }
}

export async function runScale(): Promise<number> {
  const sizes = (process.env.BENCH_SCALE_SIZES ?? "10000,100000,1000000").split(",").map((s) => Number(s.trim()));
  if (sizes.some((n, i) => !Number.isInteger(n) || n < 100 || (i > 0 && n <= sizes[i - 1]!)))
    throw new Error("BENCH_SCALE_SIZES: ascending whole numbers ≥ 100");
  const seconds = envInt("BENCH_SECONDS", 5, 1);
  const warmup = envInt("BENCH_WARMUP_SECONDS", 2, 0);
  const connections = envInt("BENCH_CONNECTIONS", 10, 1);
  const baseUrl = process.env.BENCH_DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  const log = (m: string) => process.stderr.write(`${m}\n`);
  const cleanups: Array<() => Promise<void> | void> = [];
  const load0 = os.loadavg()[0]!;

  // a throw-away database
  const dbName = `loket_scale_${process.pid}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  cleanups.push(async () => {
    if (process.env.BENCH_SCALE_KEEP_DB === "true") log(`Kept the database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
  });
  const url = new URL(baseUrl);
  url.pathname = `/${dbName}`;

  try {
    // the server
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loket-scale-"));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const env: NodeJS.ProcessEnv = {
      // as `npm start` (package.json)
      MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2",
      ...process.env,
      BENCH_SCALE_ROLE: "server",
      NODE_ENV: "production",
      LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL || "silent",
      DATABASE_URL: url.toString(),
      DATA_DIR: dataDir,
      BENCH_TEMP_DATA_DIR: dataDir,
      PUBLIC_URL: "http://127.0.0.1",
      SEED_DEMO: "false",
      GRAPHIQL: "false",
      TRUST_PROXY: "false",
      QUEUE_CACHE_SECONDS: "0",
      RATE_LIMIT_PER_USER: "0",
      RATE_LIMIT_PER_ADDRESS: "0",
      // an API instance: the background loops would add their statements to the count
      WORKERS: "false",
      MAIL_WORKER: "false",
      WEBHOOK_WORKER: "false",
    };
    delete env.REDIS_URL;
    delete env.LOKET_SECRET;
    log(`Starting the server (PostgreSQL ${dbName})…`);
    // BENCH_SERVER_PROFILE=<dir>: the server writes a V8 CPU profile there when it stops (bench/profile-summary.ts)
    const profileDir = process.env.BENCH_SERVER_PROFILE ? path.resolve(process.env.BENCH_SERVER_PROFILE) : undefined;
    const profileArgs = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
    // the server runs from source (tsx), with the built server's flags (package.json "start")
    const child = spawn(process.execPath, [...profileArgs, "--max-semi-space-size=4", "--import", import.meta.resolve("tsx"), fileURLToPath(import.meta.url)], {
      env,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    cleanups.push(() => {
      if (child.exitCode === null) child.kill("SIGTERM");
    });
    let seq = 0;
    const waiting = new Map<number, (m: FromServer & { type: "answer" }) => void>();
    const port = await new Promise<number>((resolve, reject) => {
      child.on("message", (m: FromServer) => {
        if (m.type === "ready") resolve(m.port);
        else if (m.type === "failed") reject(new Error(m.error));
        else if (m.type === "answer") waiting.get(m.id)?.(m);
      });
      child.once("exit", (code) => reject(new Error(`the server exited (${code})`)));
    });
    const ask = <T>(m: { type: ToServer["type"]; instansiId?: string }) =>
      new Promise<T>((resolve, reject) => {
        const id = ++seq;
        waiting.set(id, (a) => {
          waiting.delete(id);
          if (a.error) reject(new Error(a.error));
          else resolve(a.result as T);
        });
        child.send({ ...m, id } as ToServer);
      });
    const origin = `http://127.0.0.1:${port}`;
    const rss = new Rss(child.pid!);
    log(`Server ready on ${origin}, RSS ${rss.now()} MB`);

    const c = new pg.Client({ connectionString: url.toString() });
    c.on("error", () => {}); // the database is dropped at the end
    await c.connect();
    cleanups.push(() => c.end());
    const { bigInstansi, year0 } = await seedBase(c);
    const officer = await ask<{ nomorIdentitas: string; password: string }>({ type: "officer", instansiId: bigInstansi });
    const token = await loginToken(origin, officer.nomorIdentitas, officer.password, "the scale officer");
    const thisYear = year0 + 1;
    const iGid = globalId("Instansi", bigInstansi);

    const results: Array<{ size: number; seedSeconds: number; counts: Record<string, number>; figures: Figure[] }> = [];
    let seeded = 0;
    for (const size of sizes) {
      // grow to `size`
      const t0 = performance.now();
      for (let from = seeded; from < size; from += 100_000) {
        await c.query("BEGIN");
        await seedCases(c, from, Math.min(size, from + 100_000), year0);
        await c.query("COMMIT");
        log(`  seeded ${Math.min(size, from + 100_000).toLocaleString("en")} cases (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
      }
      await c.query(`ANALYZE`);
      seeded = size;
      const seedSeconds = Math.round((performance.now() - t0) / 100) / 10;
      const counts = (
        await c.query<Record<string, number>>(
          `SELECT (SELECT count(*) FROM "Pengajuan")::int AS pengajuan, (SELECT count(*) FROM "PengajuanLog")::int AS "pengajuanLog",
                  (SELECT count(*) FROM "Pengajuan" WHERE "instansiId" = $1)::int AS "pengajuanInstansiBesar",
                  (SELECT count(*) FROM "Pengajuan" WHERE "instansiId" = $1 AND "diajukanAt" >= $2::timestamp AND "diajukanAt" < $3::timestamp)::int AS "instansiBesarTahunLalu",
                  (SELECT count(*) FROM "Pengaduan")::int AS pengaduan, (SELECT count(*) FROM "PermohonanInformasi")::int AS ppid,
                  (SELECT count(*) FROM "SurveiKepuasan")::int AS survei`,
          [bigInstansi, `${year0}-01-01`, `${thisYear}-01-01`],
        )
      ).rows[0]!;
      log(`Size ${size.toLocaleString("en")}: seeded in ${seedSeconds} s; ${JSON.stringify(counts)}`);
      const queueTotal = (
        await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Pengajuan" WHERE "instansiId" = $1 AND status <> 'DRAFT'`, [bigInstansi])
      ).rows[0]!.n;
      const openTotal = (
        await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Pengajuan" WHERE "instansiId" = $1 AND status = ANY($2::"PengajuanStatus"[])`, [
          bigInstansi,
          ANTRIAN_TERBUKA,
        ])
      ).rows[0]!.n;
      const diajukan = async (tahun: number) =>
        (
          await c.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM "Pengajuan" WHERE "instansiId" = $1 AND status <> 'DRAFT' AND "diajukanAt" >= $2::timestamp AND "diajukanAt" < $3::timestamp`,
            [bigInstansi, `${tahun}-01-01`, `${tahun + 1}-01-01`],
          )
        ).rows[0]!.n;
      const expectLast = await diajukan(year0);
      const expectThis = await diajukan(thisYear);
      const statistikCheck = (n: number) => (d: any) =>
        d?.statistik?.__typename !== "StatistikSuccess"
          ? `statistik: ${JSON.stringify(d?.statistik).slice(0, 200)}`
          : d.statistik.data.pengajuanDiajukan !== n
            ? `pengajuanDiajukan ${d.statistik.data.pengajuanDiajukan} ≠ ${n}`
            : null;
      // lacak: a random non-draft case of any instansi
      const lacakVars = () => {
        for (;;) {
          const i = Math.floor(Math.random() * size);
          return { n: `SK/${i}`, d: String(i % N_CITIZENS).padStart(4, "0"), i };
        }
      };

      const loads: Array<{ label: string; load: Load; targets?(f: Figure, baseline: Figure): Array<{ text: string; met: boolean }> }> = [
        {
          label: "{ __typename }",
          load: { query: "{ __typename }", variablesFor: () => ({}), check: (d) => (d?.__typename === "Query" ? null : "no __typename") },
        },
        {
          label: "staff queue (50 rows, computed)",
          load: {
            query: QUEUE,
            token,
            variablesFor: () => ({ first: 50 }),
            check: (d) =>
              d?.antrian?.totalCount !== queueTotal
                ? `totalCount ${d?.antrian?.totalCount} ≠ ${queueTotal}`
                : d.antrian.edges.length !== 50
                  ? `${d.antrian.edges.length} rows`
                  : null,
          },
          targets: (f, b) => [
            { text: "≥ 0.1 × baseline", met: f.reqPerSec >= 0.1 * b.reqPerSec },
            { text: "≤ 5 statements", met: f.statements !== null && f.statements <= 5 },
          ],
        },
        {
          label: "staff queue, desk page (open work, 50 rows, computed)",
          load: {
            query: DESK_QUEUE,
            token,
            variablesFor: () => ({ first: 50, filter: { status: ANTRIAN_TERBUKA } }),
            check: (d) =>
              d?.antrian?.totalCount !== openTotal
                ? `totalCount ${d?.antrian?.totalCount} ≠ ${openTotal}`
                : d.antrian.edges.length !== Math.min(50, openTotal)
                  ? `${d.antrian.edges.length} rows`
                  : null,
          },
          targets: (f, b) => [
            { text: "≥ 0.1 × baseline", met: f.reqPerSec >= 0.1 * b.reqPerSec },
            { text: "≤ 5 statements", met: f.statements !== null && f.statements <= 5 },
          ],
        },
        {
          label: `statistik ${year0} (closed year)`,
          load: { query: STATISTIK, variablesFor: () => ({ i: iGid, tahun: year0 }), check: statistikCheck(expectLast) },
          targets: (f) => [{ text: "p95 < 200 ms", met: f.p95Ms < 200 }],
        },
        {
          label: `statistik ${thisYear} (this year)`,
          load: { query: STATISTIK, variablesFor: () => ({ i: iGid, tahun: thisYear }), check: statistikCheck(expectThis) },
          targets: (f) => [{ text: "p95 < 200 ms", met: f.p95Ms < 200 }],
        },
        {
          label: `statistikDetail ${thisYear}`,
          load: {
            query: STATISTIK_DETAIL,
            token,
            variablesFor: () => ({ i: iGid, tahun: thisYear }),
            check: (d) =>
              d?.statistikDetail?.__typename === "StatistikDetailSuccess" ? null : `statistikDetail: ${JSON.stringify(d?.statistikDetail).slice(0, 200)}`,
          },
        },
        {
          label: "lacakPengajuan (a random case)",
          load: {
            query: LACAK,
            variablesFor: () => {
              const { n, d } = lacakVars();
              return { n, d };
            },
            // drafts have no number: null is a right answer for them
            check: (d) => (d?.lacakPengajuan === null || d?.lacakPengajuan?.riwayat?.length >= 2 ? null : `lacak: ${JSON.stringify(d).slice(0, 200)}`),
          },
        },
        {
          label: "catalogue search (layananList cari)",
          load: {
            query: KATALOG,
            variablesFor: (n) => ({ cari: ["surat", "izin", "rekomendasi", "akta", "legalisir"][n % 5]! }),
            check: (d) => (d?.layananList?.edges?.length > 0 ? null : "no services found"),
          },
        },
      ];

      const figures: Figure[] = [];
      const only = process.env.BENCH_SCALE_ONLY ? new RegExp(process.env.BENCH_SCALE_ONLY) : null;
      for (const { label, load, targets } of loads.filter((l, i) => i === 0 || !only || only.test(l.label))) {
        log(`  ${label}…`);
        rss.window();
        // statements per request: a few sequential requests, counted by the server
        // (the first one, e.g. a statistic computed and stored, is left out: what every later request costs),
        // less what the server's own background loops ran in as long
        const SAMPLE = 10;
        const first = await gqlRequest<any>(origin, load.query, load.variablesFor(0), load.token);
        if (load.check(first)) throw new Error(`${label}: ${load.check(first)}`);
        const before = await ask<number>({ type: "statements" });
        const t0 = performance.now();
        for (let n = 1; n <= SAMPLE; n++) {
          const data = await gqlRequest<any>(origin, load.query, load.variablesFor(n), load.token);
          const p = load.check(data);
          if (p) throw new Error(`${label}: ${p}`);
        }
        const during = (await ask<number>({ type: "statements" })) - before;
        const idleFrom = await ask<number>({ type: "statements" });
        await new Promise((r) => setTimeout(r, Math.max(200, performance.now() - t0)));
        const idle = (await ask<number>({ type: "statements" })) - idleFrom;
        const statements = Math.max(0, during - idle) / SAMPLE;
        if (warmup) await fire(origin, load, warmup, connections);
        const cpu0 = await ask<number>({ type: "cpu" });
        const r = await fire(origin, load, seconds, connections);
        const cpuMs = ((await ask<number>({ type: "cpu" })) - cpu0) / Math.max(1, r.reqPerSec * seconds);
        const f: Figure = { label, ...r, statements, cpuMs, peakRssMb: rss.window(), targets: [] };
        f.targets = targets?.(f, figures[0] ?? f) ?? [];
        figures.push(f);
      }

      // statistik computed from scratch: the summary made stale before each request (as a change in the year does)
      const cold: number[] = [];
      let coldStatements = 0;
      rss.window();
      for (let n = 0; n < 5; n++) {
        // a completion moved by a millisecond (and back on the next round): a change the statistics count
        await c.query(
          `UPDATE "Pengajuan" SET "selesaiAt" = "selesaiAt" + $3 * interval '1 millisecond'
            WHERE id = (SELECT id FROM "Pengajuan" WHERE "instansiId" = $1 AND "diajukanAt" >= $2::timestamp AND status = 'SELESAI' ORDER BY id LIMIT 1)`,
          [bigInstansi, `${thisYear}-01-01`, n % 2 ? -1 : 1],
        );
        const before = await ask<number>({ type: "statements" });
        const t = performance.now();
        const data = await gqlRequest<any>(origin, STATISTIK, { i: iGid, tahun: thisYear });
        cold.push(performance.now() - t);
        coldStatements += (await ask<number>({ type: "statements" })) - before;
        const p = statistikCheck(expectThis)(data);
        if (p) throw new Error(`statistik cold: ${p}`);
      }
      cold.sort((a, b) => a - b);
      figures.push({
        label: `statistik ${thisYear} recomputed (1 at a time, after a change)`,
        reqPerSec: NaN,
        p50Ms: cold[2]!,
        p95Ms: cold[4]!,
        statements: coldStatements / 5,
        cpuMs: null,
        peakRssMb: rss.window(),
        errors: 0,
        firstError: null,
        targets: [],
      });
      results.push({ size, seedSeconds, counts, figures });
      log(table(size, figures, counts, seedSeconds));
    }
    rss.stop();
    const load1 = os.loadavg()[0]!;
    const out = [
      `Loket scale benchmark (PostgreSQL, ${connections} connections, ${seconds} s per figure after ${warmup} s warm-up; node ${process.versions.node}, ${os.cpus().length} cores)`,
      ...results.map((r) => table(r.size, r.figures, r.counts, r.seedSeconds)),
      `server peak RSS over the whole run: ${rss.peak} MB (target ≤ 400 MB: ${rss.peak <= 400 ? "OK" : "MISSED"})`,
      `machine load average (1 min): ${load0.toFixed(2)} at start, ${load1.toFixed(2)} at end`,
    ].join("\n");
    console.log(out);
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(
      RESULTS_FILE,
      JSON.stringify(
        { date: new Date().toISOString(), connections, seconds, warmup, load: { start: load0, end: load1 }, serverPeakRssMb: rss.peak, sizes: results },
        (_k, v) => (typeof v === "number" ? round2(v) : v),
        2,
      ) + "\n",
    );
    const errors = results.flatMap((r) => r.figures.filter((f) => f.errors > 0).map((f) => `${r.size} ${f.label}: ${f.errors} errors, first: ${f.firstError}`));
    if (errors.length) {
      log(`FAILED:\n${errors.join("\n")}`);
      return 1;
    }
    return 0;
  } finally {
    for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch((err) => log(`cleanup: ${err instanceof Error ? err.message : err}`));
  }
}

function table(size: number, figures: Figure[], counts: Record<string, number>, seedSeconds: number): string {
  const fmt = (n: number | null, d: number) => (n === null || !Number.isFinite(n) ? "-" : n.toFixed(d));
  const w = Math.max(...figures.map((f) => f.label.length)) + 2;
  return [
    ``,
    `${size.toLocaleString("en")} cases (big instansi ${counts.pengajuanInstansiBesar} cases, ${counts.instansiBesarTahunLalu} submitted last year; ${counts.pengajuanLog} log rows, ${counts.pengaduan} complaints, ${counts.ppid} PPID, ${counts.survei} SKM); seeded in ${seedSeconds} s`,
    `${"figure".padEnd(w)}${"req/s".padStart(8)}${"p50 ms".padStart(9)}${"p95 ms".padStart(9)}${"stmts".padStart(7)}${"CPU ms".padStart(8)}${"RSS MB".padStart(8)}  targets`,
    ...figures.map(
      (f) =>
        `${f.label.padEnd(w)}${fmt(f.reqPerSec, 0).padStart(8)}${fmt(f.p50Ms, 1).padStart(9)}${fmt(f.p95Ms, 1).padStart(9)}${fmt(f.statements, 1).padStart(7)}${fmt(f.cpuMs, 2).padStart(8)}${fmt(f.peakRssMb, 0).padStart(8)}  ` +
        f.targets.map((t) => `${t.text} ${t.met ? "OK" : "MISSED"}`).join(", ") +
        (f.errors ? `  ${f.errors} ERRORS (${f.firstError})` : ""),
    ),
  ].join("\n");
}

import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { buildSchema, type GraphQLError, type GraphQLObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  GOOD_PASSWORD,
  PNG_1X1,
  createInstansi,
  createTestApp,
  globalId,
  makeNik,
  makeNip,
  tinyPdf,
  upload,
  type GqlResult,
  type TestApp,
} from "../helpers/app";
import { insertClient } from "../helpers/api-client";
import { SCHEMA_FILE } from "../../server/schema/print";
import { hashPassword } from "../../server/modules/auth/password";
import { protectIdentity } from "../../server/modules/identity/protect";
import { encrypt } from "../../server/lib/crypto";
import { webhookSecretAad } from "../../server/modules/webhook/worker";
import { stopToken } from "../../server/modules/kanal/rules";
import { tokenSurvei } from "../../server/modules/konsultasi/survei";
import type { ApiScope } from "../../server/modules/api-client/rules";
import type { AccountStatus, Role as DbRole } from "../../server/generated/prisma/enums";

/**
 * The authorisation matrix: EVERY Query, Mutation and Subscription field of schema.graphql has a rule below
 * (a new operation without one fails the first test), and each rule is executed for every caller: anonymous,
 * a pending citizen, the owning citizen and another citizen, an officer, admins of the own and of another
 * instansi, PPID and atasan PPID, SUPERADMIN, and an API client per scope (one of them of another instansi).
 *
 * Each call gets minimal valid arguments. The outcome is one of
 *   allow   passed authorisation (a typed domain error such as ILLEGAL_TRANSITION counts: access was granted)
 *   hidden  the object is not visible to the caller: NotFoundError, NOT_FOUND or a null node (no existence leak)
 *   deny    FORBIDDEN (UNAUTHENTICATED for anonymous callers)
 * and every cell must match the rule. Anything else (validation failures, internal errors) fails the test.
 * Lists and queues ask for their rows and the rows' fields, not only a count: a caller allowed a list must get
 * its rows (see `rows`), never a list whose every row is refused. The last tests check that pairing directly:
 * for every caller, a desk list is allowed exactly when the cases in it are (server/policy.ts).
 */

const USERS = ["pending", "citizen", "citizen2", "petugasA", "adminA", "adminB", "ppidA", "atasanA", "superadmin"] as const;
const CLIENTS = ["kKatalog", "kStatistik", "kVerifikasi", "kPengaduan", "kKasus", "kKasusB", "kWebhook", "kTampil", "kKiosk"] as const;
type Caller = "anon" | (typeof USERS)[number] | (typeof CLIENTS)[number];
const ALL: Caller[] = ["anon", ...USERS, ...CLIENTS];
const SIGNED_IN: Caller[] = [...USERS];
const ACTIVE: Caller[] = USERS.filter((u) => u !== "pending");
const CITIZENS: Caller[] = ["citizen", "citizen2"];
/** every desk of instansi A (statistics behind the public figures) */
const STAFF_A: Caller[] = ["petugasA", "adminA", "ppidA", "atasanA", "superadmin"];
/** the service and complaint desk of A: the queue, the complaint desk and their cases (not PPID, not atasan PPID) */
const CASE_STAFF_A: Caller[] = ["petugasA", "adminA", "superadmin"];
const PPID_DESK_A: Caller[] = ["adminA", "ppidA", "atasanA", "superadmin"];
const ADMINS_A: Caller[] = ["adminA", "superadmin"];
const CLIENT_SCOPES: Record<(typeof CLIENTS)[number], { scope: ApiScope; instansi: "A" | "B" }> = {
  kKatalog: { scope: "BACA_KATALOG", instansi: "A" },
  kStatistik: { scope: "BACA_STATISTIK", instansi: "A" },
  kVerifikasi: { scope: "VERIFIKASI_DOKUMEN", instansi: "A" },
  kPengaduan: { scope: "BUAT_PENGADUAN", instansi: "A" },
  kKasus: { scope: "KASUS_INSTANSI", instansi: "A" },
  kKasusB: { scope: "KASUS_INSTANSI", instansi: "B" },
  kWebhook: { scope: "TERIMA_WEBHOOK", instansi: "A" },
  kTampil: { scope: "ANTRIAN_TAMPIL", instansi: "A" },
  kKiosk: { scope: "ANTRIAN_KIOSK", instansi: "A" },
};

interface Call {
  query: string;
  variables?: Record<string, unknown>;
  /** multipart files by variable path */
  files?: Record<string, { name: string; type: string; content: Buffer }>;
  /** instead of the caller's usual token (e.g. a fresh session to log out) */
  token?: string;
}
interface Rule {
  /** which variant of the field, when it has several (node of each type) */
  label?: string;
  allow: Caller[];
  hidden?: Caller[];
  /** builds the call; may create a fresh target so state-changing operations can run for every caller */
  call: (caller: Caller) => Call | Promise<Call>;
  /** a list: whoever is allowed must get at least one row, each with every field asked for (no null, no error) */
  rows?: boolean;
}

let t: TestApp;
const tokens: Partial<Record<Caller, string>> = {};
const ids: Record<string, string> = {};
const fresh = { passwordHash: "" };
let n = 0;

async function insertUser(role: DbRole, status: AccountStatus, instansiId: string | null) {
  const id = randomUUID();
  const type = role === "PEMOHON" ? "NIK" : "NIP";
  await t.db.prisma.user.create({
    data: {
      id,
      ...protectIdentity(t.app.services.keys, id, type, type === "NIK" ? makeNik() : makeNip()),
      namaLengkap: `Matriks ${role} ${++n}`,
      email: `matriks${n}@contoh.go.id`,
      telepon: "081234567890",
      passwordHash: fresh.passwordHash,
      role,
      status,
      instansiId: role === "PEMOHON" || role === "SUPERADMIN" ? null : instansiId,
      consentTermsVersion: t.config.termsVersion,
      consentPrivacyVersion: t.config.privacyVersion,
      consentAt: new Date(),
    },
  });
  return { id, globalId: globalId("User", id) };
}

async function session(userId: string) {
  return (await t.app.services.sessions.create(t.db.prisma, userId, { ip: "10.0.0.1", userAgent: "matriks" })).token;
}

async function storedFile() {
  return t.db.prisma.storedFile.create({
    data: { sha256: "0".repeat(64), ukuran: 10, mime: "application/pdf", namaAsli: "berkas.pdf", storageKey: `matriks/${randomUUID()}` },
  });
}

const g = (type: string, key: string) => globalId(type, ids[key]!);
const A = () => g("Instansi", "A");
/** A date of 2027 not used before in this run (closures and holidays are unique per date): 365 of them. */
let dayN = 0;
const day = () => new Date(Date.UTC(2027, 0, 1) + (dayN++ % 365) * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp({ rateLimitPerAddress: 0, rateLimitPerUser: 0 });
  fresh.passwordHash = await hashPassword(GOOD_PASSWORD);
  const prisma = t.db.prisma;
  ids.A = (await createInstansi(t)).id;
  ids.B = (await createInstansi(t)).id;
  const users: Record<(typeof USERS)[number], [DbRole, AccountStatus, string | null]> = {
    pending: ["PEMOHON", "MENUNGGU_AKTIVASI", null],
    citizen: ["PEMOHON", "AKTIF", null],
    citizen2: ["PEMOHON", "AKTIF", null],
    petugasA: ["PETUGAS", "AKTIF", ids.A],
    adminA: ["ADMIN", "AKTIF", ids.A],
    adminB: ["ADMIN", "AKTIF", ids.B],
    ppidA: ["PPID", "AKTIF", ids.A],
    atasanA: ["ATASAN_PPID", "AKTIF", ids.A],
    superadmin: ["SUPERADMIN", "AKTIF", null],
  };
  for (const [caller, [role, status, instansiId]] of Object.entries(users)) {
    const u = await insertUser(role, status, instansiId);
    ids[caller] = u.id;
    tokens[caller as Caller] = await session(u.id);
  }
  for (const [caller, { scope, instansi }] of Object.entries(CLIENT_SCOPES)) {
    const c = await insertClient(t, ids[instansi]!, [scope], `Matriks ${scope}`);
    ids[caller] = c.clientId;
    tokens[caller as Caller] = c.token;
  }

  // the citizen's cases in instansi A
  const layanan = await prisma.layanan.create({
    data: {
      instansiId: ids.A!,
      kode: "MATRIKS",
      nama: "Layanan Matriks",
      slaJumlah: 3,
      slaSatuan: "HARI_KERJA",
      persyaratan: { create: [{ urutan: 1, label: "KTP", wajib: false }] },
    },
    include: { persyaratan: true },
  });
  ids.layanan = layanan.id;
  ids.slot = layanan.persyaratan[0]!.id;
  const p = await prisma.pengajuan.create({
    data: {
      layananId: layanan.id,
      instansiId: ids.A!,
      pemohonId: ids.citizen!,
      status: "DIAJUKAN",
      nomorRegistrasi: "MTX/2026/000001",
      diajukanAt: new Date(),
      seq: 1,
    },
  });
  ids.pengajuan = p.id;
  await prisma.pengajuanLog.create({ data: { pengajuanId: p.id, seq: 1, aksi: "AJUKAN", dariStatus: "DRAFT", keStatus: "DIAJUKAN", aktorId: ids.citizen! } });
  ids.draft = (await prisma.pengajuan.create({ data: { layananId: layanan.id, instansiId: ids.A!, pemohonId: ids.citizen! } })).id;
  // a draft an officer started at the counter for the citizen (pengajuan/walk-in.ts)
  ids.loketDraft = (await prisma.pengajuan.create({ data: { layananId: layanan.id, instansiId: ids.A!, pemohonId: ids.citizen!, diLoket: true } })).id;
  ids.dokumen = (await prisma.dokumenPengajuan.create({ data: { pengajuanId: p.id, persyaratanId: ids.slot, fileId: (await storedFile()).id } })).id;
  ids.hasil = (
    await prisma.hasilDokumen.create({ data: { pengajuanId: p.id, fileId: (await storedFile()).id, judul: "Hasil", kodeVerifikasi: "MTRX-MTRX-MTRX" } })
  ).id;
  ids.kategori = (await prisma.kategoriPengaduan.create({ data: { instansiId: ids.A!, nama: "Matriks" } })).id;
  ids.usulan = (await prisma.usulanLayanan.create({ data: { instansiId: ids.A!, uraian: "Layanan matriks", kunci: "matriks", alamatIndex: "matriks" } })).id;
  const aduan = await prisma.pengaduan.create({
    data: {
      kodeLacak: "ADU-MATRIKS1",
      instansiId: ids.A!,
      kategoriId: ids.kategori,
      pelaporId: ids.citizen!,
      judul: "Pengaduan matriks",
      uraian: "Uraian pengaduan untuk matriks.",
      seq: 1,
    },
  });
  ids.pengaduan = aduan.id;
  ids.lampiran = (await prisma.pengaduanLampiran.create({ data: { pengaduanId: aduan.id, fileId: (await storedFile()).id } })).id;
  ids.surat = (await suratOfA()).id;
  await prisma.pejabatPenandatangan.create({
    data: {
      userId: ids.petugasA!,
      instansiId: ids.A!,
      jabatan: "Kepala Seksi Matriks",
      nipCipher: encrypt(t.app.services.keys, makeNip(), `pejabat:${ids.petugasA}:nip`),
      nipMasked: "1970**********0001",
    },
  });
  ids.templateSurat = (
    await prisma.templateSurat.create({ data: { layananId: layanan.id, versi: 1, kopSurat: new Uint8Array(tinyPdf("kop")), skema: { schemas: [[]] } } })
  ).id;
  const permohonan = await prisma.permohonanInformasi.create({
    data: {
      nomorRegister: "PPID/MTX/2026/00001",
      instansiId: ids.A!,
      pemohonId: ids.citizen!,
      rincianInformasi: "Data matriks",
      tujuan: "Uji",
      format: "SOFTCOPY",
      caraPerolehan: "EMAIL",
      tenggat: new Date(Date.now() + 14 * 86400_000),
    },
  });
  ids.permohonan = permohonan.id;
  ids.keberatan = (
    await prisma.keberatan.create({
      data: {
        nomorRegister: "KEB/MTX/2026/00001",
        permohonanId: permohonan.id,
        alasan: "TIDAK_DITANGGAPI",
        uraian: "Tidak ditanggapi.",
        tenggatTanggapan: new Date(Date.now() + 30 * 86400_000),
      },
    })
  ).id;
  ids.notification = (await prisma.notification.create({ data: { userId: ids.citizen!, kind: "UJI", judul: "Uji", isi: "Notifikasi matriks" } })).id;
  const sub = randomUUID();
  await prisma.webhookSubscription.create({
    data: {
      id: sub,
      clientId: ids.kWebhook!,
      url: "https://penerima.contoh.go.id/hook",
      events: ["PENGAJUAN_STATUS"],
      secretCipher: encrypt(t.app.services.keys, "whsec_matriks", webhookSecretAad(sub)),
    },
  });
  ids.subscription = sub;
  ids.delivery = (
    await prisma.webhookDelivery.create({ data: { subscriptionId: sub, event: "PENGAJUAN_STATUS", payload: {}, status: "FAILED", lastError: "HTTP 500" } })
  ).id;
  // a help page of instansi A: one topic with one question
  ids.topik = (await prisma.bantuanTopik.create({ data: { instansiId: ids.A!, judul: "Topik matriks", urutan: 1 } })).id;
  ids.tanyaJawab = (
    await prisma.bantuanTanyaJawab.create({
      data: { topikId: ids.topik, pertanyaan: "Bagaimana matriks diuji?", jawaban: "Matriks diuji untuk setiap pemanggil.", urutan: 1 },
    })
  ).id;
  // the office queue of A (issue 16): a group, a counter and a waiting ticket
  ids.grupAntrian = (await prisma.grupAntrian.create({ data: { instansiId: ids.A!, kode: "MX", nama: "Matriks" } })).id;
  ids.loket = (await prisma.loket.create({ data: { instansiId: ids.A!, nama: "Loket Matriks" } })).id;
  ids.tiket = (
    await prisma.tiketAntrian.create({
      data: { instansiId: ids.A!, grupId: ids.grupAntrian, tanggal: new Date("2026-12-07T00:00:00Z"), nomor: 1, kode: "MX-001", sumber: "LOKET" },
    })
  ).id;
  // office visits (issue 16): the service offers them; the citizen holds a booking far ahead
  await prisma.layanan.update({ where: { id: ids.layanan }, data: { kunjungan: "DITAWARKAN" } });
  ids.kunjungan = (
    await prisma.kunjungan.create({
      data: {
        kode: "KJG-MTRX-0001",
        instansiId: ids.A!,
        layananId: ids.layanan,
        pemohonId: ids.citizen!,
        tujuan: "VERIFIKASI",
        mulai: new Date(Date.now() + 20 * 86_400_000),
        selesai: new Date(Date.now() + 20 * 86_400_000 + 1_800_000),
      },
    })
  ).id;
  // a helpdesk consultation of A (issue 16)
  ids.konsultasi = (
    await prisma.konsultasi.create({
      data: {
        nomor: "KNS/MTX/2026/00001",
        instansiId: ids.A!,
        namaPenanya: "Penanya Matriks",
        kontak: "081234567890",
        kanal: "TELEPON",
        pertanyaan: "Pertanyaan matriks",
      },
    })
  ).id;
  // a training session of A far ahead with the citizen holding a seat (issue 16)
  ids.sesi = (
    await prisma.sesiPelatihan.create({
      data: {
        instansiId: ids.A!,
        layananId: ids.layanan,
        judul: "Pelatihan matriks",
        mulai: new Date(Date.now() + 20 * 86_400_000),
        selesai: new Date(Date.now() + 20 * 86_400_000 + 3_600_000),
        tempat: "Ruang matriks",
        kapasitas: 5,
        terisi: 1,
        wajibSuratAtasan: false,
      },
    })
  ).id;
  ids.peserta = (
    await prisma.pesertaPelatihan.create({ data: { sesiId: ids.sesi, pesertaId: ids.citizen!, organisasi: "CV Matriks", status: "TERDAFTAR" } })
  ).id;
  await prisma.auditLog.create({ data: { jenis: "UBAH", aksi: "Mutation.matriks", aktorId: ids.citizen!, alamatIp: "10.0.0.1" } });
  ids.audit = (await prisma.auditLog.findFirstOrThrow({ where: { aksi: "Mutation.matriks" } })).id;
}, 60_000);
afterAll(() => t.close());

// fresh targets, straight into the database (their own paths are tested elsewhere)
const pendingCitizen = async () => (await insertUser("PEMOHON", "MENUNGGU_AKTIVASI", null)).globalId;
const officerOfA = async () => (await insertUser("PETUGAS", "AKTIF", ids.A!)).globalId;
/** A new account with the caller's role and status, signed in: for logging out without ending the caller's own sessions. */
const twin = async (caller: Caller) => {
  if (!USERS.includes(caller as never)) return tokens[caller];
  const u = await t.db.prisma.user.findUniqueOrThrow({ where: { id: ids[caller]! } });
  return session((await insertUser(u.role, u.status, u.instansiId)).id);
};
let suratN = 0;
/** names of the queue groups and counters the matrix creates (apart from `n`, which dates depend on) */
let antrianN = 0;
/** A letter in A's register (issuing has no public operation: letter generation calls the service). */
const suratOfA = () =>
  t.db.prisma.surat.create({
    data: {
      instansiId: ids.A!,
      nomor: `MTX-${++suratN}/PP.00/2026`,
      kodeKlasifikasi: "PP.00",
      urutan: suratN,
      tahun: 2026,
      tanggal: new Date("2026-12-05T00:00:00Z"),
      kodeVerifikasi: `MTRX${String(suratN).padStart(12, "0")}`,
    },
  });
/** A letter of A waiting for petugasA's signature (petugasA is A's signing official: beforeAll). */
const suratMenungguOfA = async () =>
  globalId(
    "Surat",
    (
      await t.db.prisma.surat.update({
        where: { id: (await suratOfA()).id },
        data: { status: "MENUNGGU_TTD", penandatanganId: ids.petugasA!, pengajuanId: ids.pengajuan!, fileId: (await storedFile()).id },
      })
    ).id,
  );
const penutupanOfA = async () =>
  globalId(
    "PenutupanInstansi",
    (await t.db.prisma.penutupanInstansi.create({ data: { instansiId: ids.A!, tanggal: new Date(`${day()}T00:00:00Z`), alasan: "Uji" } })).id,
  );
const hariLibur = async () =>
  globalId(
    "HariLibur",
    (
      await t.db.prisma.hariLibur.create({
        data: { tanggal: new Date(`${day().replace("2027", "2028")}T00:00:00Z`), nama: "Libur uji", jenis: "LIBUR_NASIONAL", dasarHukum: "Keppres Uji" },
      })
    ).id,
  );
const clientOfA = async () => (await insertClient(t, ids.A!, ["BACA_KATALOG"])).id;
const subscriptionOfKWebhook = async () => {
  const id = randomUUID();
  await t.db.prisma.webhookSubscription.create({
    data: {
      id,
      clientId: ids.kWebhook!,
      url: "https://penerima.contoh.go.id/lain",
      events: ["PPID_TENGGAT"],
      secretCipher: encrypt(t.app.services.keys, "whsec_x", webhookSecretAad(id)),
    },
  });
  return globalId("WebhookSubscription", id);
};

const kodeA = async () => (await t.db.prisma.instansi.findUniqueOrThrow({ where: { id: ids.A! } })).kode;
/** an empty topic of A's help page, at its end */
const topikOfA = async () => {
  const urutan = (await t.db.prisma.bantuanTopik.count({ where: { instansiId: ids.A! } })) + 1;
  return globalId(
    "BantuanTopik",
    (await t.db.prisma.bantuanTopik.create({ data: { instansiId: ids.A!, judul: `Topik ${randomUUID().slice(0, 8)}`, urutan } })).id,
  );
};
const tanyaJawabOfA = async () =>
  globalId(
    "BantuanTanyaJawab",
    (
      await t.db.prisma.bantuanTanyaJawab.create({
        data: { topikId: ids.topik!, pertanyaan: `Pertanyaan ${randomUUID().slice(0, 8)}?`, jawaban: "Jawaban.", urutan: 100 },
      })
    ).id,
  );
/** the topics of a help page (A's, or the general page's), reversed: a new order of exactly the current list */
const topikReversed = async (instansiId: string | null) =>
  (await t.db.prisma.bantuanTopik.findMany({ where: { instansiId }, orderBy: { urutan: "desc" }, select: { id: true } })).map((r) =>
    globalId("BantuanTopik", r.id),
  );

const node = (label: string, type: string, key: string, allow: Caller[], fields = "__typename", hidden?: Caller[]): Rule => ({
  label,
  allow,
  hidden,
  call: () => ({ query: `query($id: ID!) { node(id: $id) { id ... on ${type} { ${fields} } } }`, variables: { id: g(type, key) } }),
});

const RULES: Record<string, Rule[]> = {
  // --- Query --------------------------------------------------------------------------------------------
  "Query.aksesDataSaya": [{ allow: SIGNED_IN, call: () => ({ query: `{ aksesDataSaya(first: 1) { edges { node { aksi } } } }` }) }],
  "Query.usulanLayanan": [
    {
      allow: ADMINS_A,
      call: () => ({ query: `query($i: ID!) { usulanLayanan(instansiId: $i, ditangani: false) { jumlah usulan { uraian } } }`, variables: { i: A() } }),
    },
  ],
  "Query.aksiLabel": [{ allow: ALL, call: () => ({ query: `{ aksiLabel { aksi label } }` }) }],
  "Query.antrian": [
    {
      allow: [...CASE_STAFF_A, "kKasus"],
      rows: true,
      call: () => ({
        query: `query($i: ID) { antrian(instansiId: $i, first: 5) { totalCount edges { node { id nomorRegistrasi status formData pemohon { nama nomorIdentitasMasked } dokumen { namaFile } aksiTersedia } } } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Query.antrianJumlah": [
    {
      allow: [...CASE_STAFF_A, "kKasus", "kStatistik"],
      call: () => ({ query: `query($i: ID) { antrianJumlah(instansiId: $i) { status jumlah } }`, variables: { i: A() } }),
    },
  ],
  "Query.antrianTtd": [{ allow: ACTIVE, rows: false, call: () => ({ query: `{ antrianTtd { id nomor } }` }) }],
  "Query.pejabatPenandatangan": [
    { allow: STAFF_A, call: () => ({ query: `query($i: ID) { pejabatPenandatangan(instansiId: $i) { nama jabatan } }`, variables: { i: A() } }) },
  ],
  "Query.papanAntrian": [
    {
      allow: [...CASE_STAFF_A, "kTampil", "kKiosk"],
      call: () => ({
        query: `query($i: ID!) { papanAntrian(instansiId: $i) { instansiNama dipanggil { kode } grup { kode menunggu } } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Query.kioskAntrian": [
    {
      allow: [...CASE_STAFF_A, "kKiosk"],
      call: () => ({ query: `query($i: ID!) { kioskAntrian(instansiId: $i) { buka grup { kode nama } } }`, variables: { i: A() } }),
    },
  ],
  "Query.grupAntrian": [
    {
      allow: [...CASE_STAFF_A, "kTampil", "kKiosk"],
      call: () => ({ query: `query($i: ID!) { grupAntrian(instansiId: $i) { kode nama menunggu } }`, variables: { i: A() } }),
    },
    {
      label: "semua",
      allow: ADMINS_A,
      call: () => ({ query: `query($i: ID!) { grupAntrian(instansiId: $i, semua: true) { kode aktif } }`, variables: { i: A() } }),
    },
  ],
  "Query.loketInstansi": [{ allow: CASE_STAFF_A, call: () => ({ query: `query($i: ID!) { loketInstansi(instansiId: $i) { nama } }`, variables: { i: A() } }) }],
  "Query.tiketHariIni": [
    {
      allow: CASE_STAFF_A,
      call: () => ({ query: `query($i: ID!) { tiketHariIni(instansiId: $i) { kode namaPetugas pengajuan { id } } }`, variables: { i: A() } }),
    },
  ],
  "Query.perangkatAntrian": [
    { allow: ADMINS_A, call: () => ({ query: `query($i: ID!) { perangkatAntrian(instansiId: $i) { nama scopes } }`, variables: { i: A() } }) },
  ],
  "Query.slotKunjungan": [
    {
      allow: ACTIVE,
      call: () => ({
        query: `query($l: ID!) { slotKunjungan(layananId: $l, hari: 2) { __typename ... on SlotKunjunganSuccess { data { mulai sisa } } } }`,
        variables: { l: g("Layanan", "layanan") },
      }),
    },
  ],
  "Query.kunjunganSaya": [{ allow: ACTIVE, call: () => ({ query: `{ kunjunganSaya { kode status } }` }) }],
  "Query.kunjunganHari": [
    {
      allow: CASE_STAFF_A,
      call: () => ({ query: `query($i: ID!) { kunjunganHari(instansiId: $i) { kode namaPemohon } }`, variables: { i: A() } }),
    },
  ],
  "Query.konsultasiMeja": [
    {
      allow: CASE_STAFF_A,
      call: () => ({ query: `query($i: ID!) { konsultasiMeja(instansiId: $i) { nomor namaPenanya kontak } }`, variables: { i: A() } }),
    },
  ],
  "Query.ringkasanKonsultasi": [
    {
      allow: CASE_STAFF_A,
      call: () => ({ query: `query($i: ID!) { ringkasanKonsultasi(instansiId: $i, tahun: 2026) { jumlah } }`, variables: { i: A() } }),
    },
  ],
  // the survey link of a consultation is the key: anyone holding it (the consultation is open, so answering is refused
  // as KASUS_BELUM_SELESAI after the access check)
  "Query.surveiKonsultasi": [
    {
      allow: ALL,
      call: () => ({
        query: `query($t: String!) { surveiKonsultasi(token: $t) { __typename } }`,
        variables: { t: tokenSurvei(t.app.services.keys, ids.konsultasi!) },
      }),
    },
  ],
  "Query.sesiPelatihanTerbuka": [
    { allow: ALL, call: () => ({ query: `query($i: ID!) { sesiPelatihanTerbuka(instansiId: $i) { judul sisaKursi } }`, variables: { i: A() } }) },
  ],
  "Query.pelatihanSaya": [{ allow: ACTIVE, call: () => ({ query: `{ pelatihanSaya { status organisasi sesi { judul } } }` }) }],
  "Query.sesiPelatihanMeja": [
    {
      allow: CASE_STAFF_A,
      call: () => ({ query: `query($i: ID!) { sesiPelatihanMeja(instansiId: $i) { judul peserta { namaPeserta } } }`, variables: { i: A() } }),
    },
  ],
  "Query.auditLog": [{ allow: ["superadmin"], call: () => ({ query: `{ auditLog(first: 1) { edges { node { aksi } } } }` }) }],
  "Query.cariBantuan": [
    {
      allow: ALL,
      call: async () => ({
        query: `query($k: String) { cariBantuan(kode: $k, kata: "matriks") { pertanyaan jawaban topik { judul } } }`,
        variables: { k: await kodeA() },
      }),
    },
  ],
  "Query.halamanBantuan": [
    {
      allow: ALL,
      call: async () => ({
        query: `query($k: String) { halamanBantuan(kode: $k) { umum dapatDiubah instansi { nama } topik { judul tanyaJawab { pertanyaan jawaban } } } }`,
        variables: { k: await kodeA() },
      }),
    },
  ],
  "Query.hariLibur": [{ allow: ALL, call: () => ({ query: `{ hariLibur(tahun: 2026) { tanggal } }` }) }],
  "Query.hitungTenggat": [
    {
      allow: ALL,
      call: () => ({
        query: `query($i: ID!) { hitungTenggat(instansiId: $i, mulai: "2026-03-02T01:00:00Z", jumlah: 2, satuan: HARI_KERJA) { __typename } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Query.instansi": [
    {
      allow: ALL,
      call: async () => ({
        query: `query($k: String!) { instansi(kode: $k) { nama } }`,
        variables: { k: (await t.db.prisma.instansi.findUniqueOrThrow({ where: { id: ids.A! } })).kode },
      }),
    },
  ],
  "Query.instansiList": [{ allow: ALL, call: () => ({ query: `{ instansiList { kode } }` }) }],
  "Query.pengaturanTtd": [
    {
      allow: ADMINS_A,
      call: () => ({ query: `query($i: ID!) { pengaturanTtd(instansiId: $i) { metode sertifikat { subjek } remote { url } } }`, variables: { i: A() } }),
    },
  ],
  "Query.kategoriPengaduan": [{ allow: ALL, call: () => ({ query: `query($i: ID!) { kategoriPengaduan(instansiId: $i) { nama } }`, variables: { i: A() } }) }],
  "Query.lacakPengaduan": [{ allow: ALL, call: () => ({ query: `{ lacakPengaduan(kodeLacak: "ADU-MATRIKS1") { statusLabel } }` }) }],
  "Query.lacakPengajuan": [
    { allow: ALL, call: () => ({ query: `{ lacakPengajuan(nomorRegistrasi: "MTX/2026/000001", empatDigitTerakhir: "0000") { status } }` }) },
  ],
  "Query.layananKategori": [{ allow: ALL, call: () => ({ query: `{ layananKategori }` }) }],
  "Query.layananList": [{ allow: ALL, call: () => ({ query: `{ layananList(first: 1, termasukNonaktif: true) { edges { node { kode } } } }` }) }],
  "Query.legalVersions": [{ allow: ALL, call: () => ({ query: `{ legalVersions { syaratKetentuan } }` }) }],
  "Query.me": [{ allow: ALL, call: () => ({ query: `{ me { id } }` }) }],
  "Query.mejaPengaduan": [
    {
      allow: [...CASE_STAFF_A, "kKasus"],
      rows: true,
      call: () => ({
        query: `query($i: ID) { mejaPengaduan(instansiId: $i, first: 5) { totalCount edges { node { id kodeLacak judul uraian status lampiran { namaFile } aksiTersedia } } } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Query.myData": [{ allow: SIGNED_IN, call: () => ({ query: `{ myData }` }) }],
  "Query.myNotifications": [{ allow: SIGNED_IN, call: () => ({ query: `{ myNotifications(first: 1) { edges { node { id } } } }` }) }],
  "Query.myPengajuan": [{ allow: ACTIVE, call: () => ({ query: `{ myPengajuan(first: 5) { edges { node { id status formData pemohon { nama } } } } }` }) }],
  "Query.node": [
    node("Pengajuan (owner, staff of A, KASUS_INSTANSI of A)", "Pengajuan", "pengajuan", ["citizen", ...CASE_STAFF_A, "kKasus"], "status formData"),
    node("DokumenPengajuan (as its pengajuan)", "DokumenPengajuan", "dokumen", ["citizen", ...CASE_STAFF_A, "kKasus"], "namaFile"),
    node("HasilDokumen (as its pengajuan)", "HasilDokumen", "hasil", ["citizen", ...CASE_STAFF_A, "kKasus"], "kodeVerifikasi"),
    node("Pengaduan (reporter, staff of A, KASUS_INSTANSI of A)", "Pengaduan", "pengaduan", ["citizen", ...CASE_STAFF_A, "kKasus"], "judul"),
    node("PengaduanLampiran (as its pengaduan)", "PengaduanLampiran", "lampiran", ["citizen", ...CASE_STAFF_A, "kKasus"], "namaFile"),
    node("PermohonanInformasi (requester, PPID desk of A)", "PermohonanInformasi", "permohonan", ["citizen", ...PPID_DESK_A], "rincianInformasi"),
    node("Keberatan (requester, PPID desk of A)", "Keberatan", "keberatan", ["citizen", ...PPID_DESK_A], "uraian"),
    node("User with full NIK (owner, administering admins)", "User", "citizen", ["citizen", "adminA", "adminB", "superadmin"], "namaLengkap nomorIdentitas"),
    node("User: an officer of A (own instansi's admin)", "User", "petugasA", ["petugasA", "adminA", "superadmin"], "email"),
    node("Notification (its user)", "Notification", "notification", ["citizen"], "isi"),
    node("Layanan (public)", "Layanan", "layanan", ALL, "nama"),
    node("UsulanLayanan (admins of A)", "UsulanLayanan", "usulan", ADMINS_A, "uraian kontak"),
    node("ApiClient (admins of A, the client itself)", "ApiClient", "kKasus", ["adminA", "superadmin", "kKasus"], "nama scopes"),
    node("WebhookSubscription (its client, SUPERADMIN)", "WebhookSubscription", "subscription", ["kWebhook", "superadmin"], "url"),
    node("WebhookDelivery (its client, SUPERADMIN)", "WebhookDelivery", "delivery", ["kWebhook", "superadmin"], "status"),
    node("AuditLog (SUPERADMIN)", "AuditLog", "audit", ["superadmin"], "alamatIp detail"),
    node("Surat (staff of A)", "Surat", "surat", STAFF_A, "nomor kodeVerifikasi"),
    node("TemplateSurat (admins of A)", "TemplateSurat", "templateSurat", ADMINS_A, "versi skema dibuatOleh"),
    node("SesiPelatihan (public)", "SesiPelatihan", "sesi", ALL, "judul sisaKursi"),
    node("SesiPelatihan's participants (the desk of A)", "SesiPelatihan", "sesi", CASE_STAFF_A, "peserta { namaPeserta organisasi }"),
    node("PesertaPelatihan (its participant, the desk of A)", "PesertaPelatihan", "peserta", ["citizen", ...CASE_STAFF_A], "organisasi namaPeserta status"),
  ],
  "Query.nodes": [
    {
      label: "public",
      allow: ALL,
      call: () => ({ query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, variables: { ids: [g("Layanan", "layanan"), A()] } }),
    },
    {
      label: "a pengajuan",
      allow: ["citizen", ...CASE_STAFF_A, "kKasus"],
      call: () => ({ query: `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Pengajuan { status } } }`, variables: { ids: [g("Pengajuan", "pengajuan")] } }),
    },
  ],
  // the whole install's email state (no personal data): every instansi's ADMIN and SUPERADMIN, no API client
  // a person's own notice channels (server/modules/kanal/policy.ts): signed in, pending too; no API client
  "Query.pengaturanNotifikasi": [
    { allow: SIGNED_IN, call: () => ({ query: `{ pengaturanNotifikasi { kanalTersedia telepon teleponTerverifikasi pilihan { jenis kanal aktif } } }` }) },
  ],
  "Query.pengirimanEmail": [{ allow: ["adminA", "adminB", "superadmin"], call: () => ({ query: `{ pengirimanEmail { smtpTerkonfigurasi menunggu } }` }) }],
  "Query.pengaduanSaya": [{ allow: ACTIVE, call: () => ({ query: `{ pengaduanSaya(first: 5) { edges { node { id judul status } } } }` }) }],
  "Query.permohonanInformasiSaya": [
    { allow: ACTIVE, call: () => ({ query: `{ permohonanInformasiSaya(first: 5) { edges { node { id rincianInformasi status } } } }` }) },
  ],
  "Query.registerKeberatan": [
    {
      allow: PPID_DESK_A,
      rows: true,
      call: () => ({
        query: `query($i: ID) { registerKeberatan(instansiId: $i, first: 5) { edges { node { id nomorRegister alasanLabel uraian permohonan { nomorRegister rincianInformasi } } } } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Query.registerKeberatanCsv": [
    { allow: PPID_DESK_A, call: () => ({ query: `query($i: ID) { registerKeberatanCsv(instansiId: $i) }`, variables: { i: A() } }) },
  ],
  "Query.registerPermohonanCsv": [
    { allow: PPID_DESK_A, call: () => ({ query: `query($i: ID) { registerPermohonanCsv(instansiId: $i) }`, variables: { i: A() } }) },
  ],
  "Query.registerPermohonanInformasi": [
    {
      allow: PPID_DESK_A,
      rows: true,
      call: () => ({
        query: `query($i: ID) { registerPermohonanInformasi(instansiId: $i, first: 5) { totalCount edges { node { id nomorRegister rincianInformasi pemohonNama status keberatan { uraian } } } } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Query.registerSurat": [
    {
      allow: STAFF_A,
      rows: true,
      call: () => ({
        query: `query($i: ID) { registerSurat(instansiId: $i, first: 5) { totalCount edges { node { id nomor kodeVerifikasi status dapatDibatalkan } } } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Query.registerSuratCsv": [{ allow: STAFF_A, call: () => ({ query: `query($i: ID) { registerSuratCsv(instansiId: $i) }`, variables: { i: A() } }) }],
  "Query.polaNomorSurat": [
    { allow: ADMINS_A, call: () => ({ query: `query($i: ID) { polaNomorSurat(instansiId: $i) { pola lingkup } }`, variables: { i: A() } }) },
  ],
  "Query.pratinjauNomorSurat": [
    {
      label: "the office's pattern (its staff)",
      allow: STAFF_A,
      call: () => ({ query: `query($i: ID) { pratinjauNomorSurat(instansiId: $i, kodeKlasifikasi: "PP.00") { __typename } }`, variables: { i: A() } }),
    },
    {
      label: "a pattern being edited (its admins)",
      allow: ADMINS_A,
      call: () => ({
        query: `query($i: ID) { pratinjauNomorSurat(instansiId: $i, kodeKlasifikasi: "PP.00", pola: "{nomor}/{tahun}", lingkup: BERSAMA) { __typename } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Query.templateSuratList": [
    {
      allow: ADMINS_A,
      hidden: ["adminB"],
      call: () => ({ query: `query($l: ID!) { templateSuratList(layananId: $l) { id versi } }`, variables: { l: g("Layanan", "layanan") } }),
    },
  ],
  "Query.sumberTemplateSurat": [
    {
      label: "the fixed list and a service's form fields (its admins)",
      allow: ADMINS_A,
      hidden: ["adminB"],
      call: () => ({ query: `query($l: ID) { sumberTemplateSurat(layananId: $l) { kunci } }`, variables: { l: g("Layanan", "layanan") } }),
    },
  ],
  "Query.statistik": [
    { allow: ALL, call: () => ({ query: `query($i: ID!) { statistik(instansiId: $i, periode: TAHUN, tahun: 2026) { __typename } }`, variables: { i: A() } }) },
  ],
  "Query.statistikDetail": [
    {
      allow: [...STAFF_A, "kStatistik"],
      call: () => ({ query: `query($i: ID!) { statistikDetail(instansiId: $i, periode: TAHUN, tahun: 2026) { __typename } }`, variables: { i: A() } }),
    },
  ],
  "Query.unreadNotificationCount": [{ allow: SIGNED_IN, call: () => ({ query: `{ unreadNotificationCount }` }) }],
  "Query.unsurSkm": [{ allow: ALL, call: () => ({ query: `{ unsurSkm }` }) }],
  "Query.users": [{ allow: ["adminA", "adminB", "superadmin"], call: () => ({ query: `{ users(first: 1) { edges { node { id } } } }` }) }],
  "Query.verifikasiDokumen": [
    { label: "public facts", allow: ALL, call: () => ({ query: `{ verifikasiDokumen(kode: "MTRX-MTRX-MTRX") { judul sha256 } }` }) },
    {
      label: "whom it was issued to (VERIFIKASI_DOKUMEN)",
      allow: ["kVerifikasi"],
      call: () => ({ query: `{ verifikasiDokumen(kode: "MTRX-MTRX-MTRX") { atasNama { nama } } }` }),
    },
  ],
  "Query.apiClients": [
    { allow: ADMINS_A, call: () => ({ query: `query($i: ID) { apiClients(instansiId: $i) { clientId lastUsedAt } }`, variables: { i: A() } }) },
  ],
  "Query.currentApiClient": [{ allow: [...CLIENTS], call: () => ({ query: `{ currentApiClient { nama scopes } }` }) }],
  "Query.webhookSubscriptions": [{ allow: ["kWebhook", "superadmin"], call: () => ({ query: `{ webhookSubscriptions { url } }` }) }],
  "Query.webhookDeliveries": [{ allow: ["kWebhook", "superadmin"], call: () => ({ query: `{ webhookDeliveries(first: 1) { totalCount } }` }) }],

  // --- Mutation -----------------------------------------------------------------------------------------
  "Mutation.activateAccount": [
    {
      allow: ["adminA", "adminB", "superadmin"],
      call: async () => ({ query: `mutation($id: ID!) { activateAccount(userId: $id) { __typename } }`, variables: { id: await pendingCitizen() } }),
    },
  ],
  "Mutation.addPenutupan": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($i: ID!, $d: Date!) { addPenutupan(instansiId: $i, tanggal: $d, alasan: "Rapat kerja") { __typename } }`,
        variables: { i: A(), d: day() },
      }),
    },
  ],
  "Mutation.ajukanKeberatan": [
    {
      allow: ["citizen"],
      hidden: ["citizen2", "petugasA", "adminB"],
      call: () => ({
        query: `mutation($id: ID!) { ajukanKeberatan(permohonanId: $id, alasan: TIDAK_DITANGGAPI, uraian: "Tidak ditanggapi sama sekali.") { __typename } }`,
        variables: { id: g("PermohonanInformasi", "permohonan") },
      }),
    },
  ],
  "Mutation.ajukanPermohonanInformasi": [
    {
      allow: CITIZENS,
      call: () => ({
        query: `mutation($i: ID!) { ajukanPermohonanInformasi(instansiId: $i, rincianInformasi: "Data anggaran 2026", tujuan: "Penelitian", format: SOFTCOPY, caraPerolehan: EMAIL) { __typename } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Mutation.aturKanalNotifikasi": [
    {
      allow: SIGNED_IN,
      call: () => ({ query: `mutation { aturKanalNotifikasi(jenis: STATUS_LAYANAN, kanal: EMAIL, aktif: true) { __typename } }` }),
    },
  ],
  // the stop link is signed for one account and one channel: whoever holds it may use it, without signing in
  "Mutation.berhentiKanalNotifikasi": [
    {
      allow: ALL,
      call: () => ({
        query: `mutation($t: String!) { berhentiKanalNotifikasi(token: $t) { __typename ... on BerhentiKanalNotifikasiSuccess { data } } }`,
        variables: { t: stopToken(t.app.services.keys, ids.citizen2!, "SMS") },
      }),
    },
  ],
  "Mutation.buatPengaduan": [
    {
      allow: CITIZENS,
      call: () => ({
        query: `mutation($i: ID!, $k: ID!, $b: [File!]!) { buatPengaduan(instansiId: $i, kategoriId: $k, judul: "Loket tutup", uraian: "Loket tutup pada jam layanan tanpa pemberitahuan.", bukti: $b) { __typename } }`,
        variables: { i: A(), k: g("KategoriPengaduan", "kategori"), b: [null] },
        files: { "b.0": { name: "foto.png", type: "image/png", content: PNG_1X1 } },
      }),
    },
  ],
  "Mutation.catatPengaduan": [
    {
      allow: [...CASE_STAFF_A, "kPengaduan"],
      call: () => ({
        query: `mutation($i: ID!, $k: ID!) { catatPengaduan(instansiId: $i, kategoriId: $k, kanal: WHATSAPP, judul: "Antrian lama", uraian: "Antrian di loket terlalu lama hari ini.") { __typename } }`,
        variables: { i: A(), k: g("KategoriPengaduan", "kategori") },
      }),
    },
  ],
  "Mutation.changePassword": [
    {
      allow: ACTIVE,
      call: () => ({ query: `mutation { changePassword(passwordLama: "salah-salah-salah", passwordBaru: "Baru-Sekali-2027") { __typename } }` }),
    },
  ],
  "Mutation.createApiClient": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($i: ID!) { createApiClient(instansiId: $i, nama: "Sistem Baru", kontak: "tim@contoh.go.id", scopes: [BACA_KATALOG]) { __typename } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Mutation.ambilTiket": [
    {
      allow: [...CASE_STAFF_A, "kKiosk"],
      call: () => ({
        query: `mutation($i: ID!, $g: ID!) { ambilTiket(input: { instansiId: $i, grupId: $g }) { __typename } }`,
        variables: { i: A(), g: g("GrupAntrian", "grupAntrian") },
      }),
    },
  ],
  "Mutation.panggilBerikutnya": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($l: ID!, $g: ID!) { panggilBerikutnya(input: { loketId: $l, grupIds: [$g] }) { __typename } }`,
        variables: { l: g("Loket", "loket"), g: g("GrupAntrian", "grupAntrian") },
      }),
    },
  ],
  ...Object.fromEntries(
    ["panggilUlangTiket", "layaniTiket", "tiketTidakHadir"].map((op) => [
      `Mutation.${op}`,
      [
        {
          allow: CASE_STAFF_A,
          hidden: ["adminB"],
          call: () => ({ query: `mutation($id: ID!) { ${op}(id: $id) { __typename } }`, variables: { id: g("TiketAntrian", "tiket") } }),
        },
      ],
    ]),
  ),
  "Mutation.selesaikanTiket": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({ query: `mutation($id: ID!) { selesaikanTiket(input: { id: $id }) { __typename } }`, variables: { id: g("TiketAntrian", "tiket") } }),
    },
  ],
  "Mutation.hubungkanTiketPengajuan": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!, $p: ID!) { hubungkanTiketPengajuan(id: $id, pengajuanId: $p) { __typename } }`,
        variables: { id: g("TiketAntrian", "tiket"), p: g("Pengajuan", "pengajuan") },
      }),
    },
  ],
  "Mutation.simpanGrupAntrian": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($i: ID!, $k: String!) { simpanGrupAntrian(input: { instansiId: $i, kode: $k, nama: "Kelompok Matriks" }) { __typename } }`,
        variables: { i: A(), k: String.fromCharCode(65 + (++antrianN % 26), 65 + (Math.floor(antrianN / 26) % 26), 65 + (Math.floor(antrianN / 676) % 26)) },
      }),
    },
  ],
  "Mutation.simpanLoket": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($i: ID!, $n: String!) { simpanLoket(input: { instansiId: $i, nama: $n }) { __typename } }`,
        variables: { i: A(), n: `Loket ${++n}` },
      }),
    },
  ],
  "Mutation.buatPerangkatAntrian": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($i: ID!) { buatPerangkatAntrian(input: { instansiId: $i, nama: "TV matriks", jenis: TAMPIL }) { __typename } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Mutation.pesanKunjungan": [
    {
      allow: CITIZENS,
      call: () => ({
        query: `mutation($l: ID!) { pesanKunjungan(input: { layananId: $l, mulai: "2030-01-07T02:00:00.000Z", tujuan: VERIFIKASI }) { __typename } }`,
        variables: { l: g("Layanan", "layanan") },
      }),
    },
  ],
  "Mutation.ubahJadwalKunjungan": [
    {
      allow: ["citizen"],
      hidden: ["citizen2", "petugasA", "adminA", "adminB", "ppidA", "atasanA", "superadmin"],
      call: () => ({
        query: `mutation($id: ID!) { ubahJadwalKunjungan(id: $id, mulai: "2030-01-07T02:00:00.000Z") { __typename } }`,
        variables: { id: g("Kunjungan", "kunjungan") },
      }),
    },
  ],
  "Mutation.batalkanKunjungan": [
    {
      allow: ["citizen"],
      hidden: ["citizen2", "petugasA", "adminA", "adminB", "ppidA", "atasanA", "superadmin"],
      call: () => ({ query: `mutation($id: ID!) { batalkanKunjungan(id: $id) { __typename } }`, variables: { id: g("Kunjungan", "kunjungan") } }),
    },
  ],
  "Mutation.tandaiKunjungan": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({ query: `mutation { tandaiKunjungan(kode: "KJG-MTRX-0001", tanda: HADIR) { __typename } }` }),
    },
  ],
  "Mutation.aturKunjunganLayanan": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($l: ID!) { aturKunjunganLayanan(layananId: $l, kunjungan: DITAWARKAN, kapasitas: 4, menit: 30) { __typename } }`,
        variables: { l: g("Layanan", "layanan") },
      }),
    },
  ],
  "Mutation.isiSurveiKonsultasi": [
    {
      allow: ALL,
      call: () => ({
        query: `mutation($t: String!) { isiSurveiKonsultasi(token: $t, skor: [4, 4, 4, 4, 4, 4, 4, 4, 4]) { __typename } }`,
        variables: { t: tokenSurvei(t.app.services.keys, ids.konsultasi!) },
      }),
    },
  ],
  "Mutation.buatSesiPelatihan": [
    {
      allow: CASE_STAFF_A,
      call: () => ({
        query: `mutation($l: ID!) { buatSesiPelatihan(layananId: $l, input: { judul: "x", mulai: "2030-01-07T02:00:00.000Z", selesai: "2030-01-07T01:00:00.000Z", tempat: "Ruang", kapasitas: 0 }) { __typename } }`,
        variables: { l: g("Layanan", "layanan") },
      }),
    },
  ],
  "Mutation.ubahSesiPelatihan": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { ubahSesiPelatihan(id: $id, input: { judul: "x", mulai: "2030-01-07T02:00:00.000Z", selesai: "2030-01-07T01:00:00.000Z", tempat: "Ruang", kapasitas: 0 }) { __typename } }`,
        variables: { id: g("SesiPelatihan", "sesi") },
      }),
    },
  ],
  "Mutation.aturPendaftaranPelatihan": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { aturPendaftaranPelatihan(id: $id, buka: true) { __typename } }`,
        variables: { id: g("SesiPelatihan", "sesi") },
      }),
    },
  ],
  "Mutation.batalkanSesiPelatihan": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      // a reason too short: refused after the access check, so the session stays for the other rules
      call: () => ({
        query: `mutation($id: ID!) { batalkanSesiPelatihan(id: $id, alasan: "x") { __typename } }`,
        variables: { id: g("SesiPelatihan", "sesi") },
      }),
    },
  ],
  "Mutation.daftarPelatihan": [
    {
      allow: CITIZENS,
      call: () => ({
        query: `mutation($id: ID!) { daftarPelatihan(sesiId: $id, organisasi: "CV Uji") { __typename } }`,
        variables: { id: g("SesiPelatihan", "sesi") },
      }),
    },
  ],
  "Mutation.batalkanPendaftaranPelatihan": [
    {
      allow: ["citizen"],
      hidden: ["citizen2", "petugasA", "adminA", "adminB", "ppidA", "atasanA", "superadmin"],
      call: () => ({
        query: `mutation($id: ID!) { batalkanPendaftaranPelatihan(id: $id) { __typename } }`,
        variables: { id: g("PesertaPelatihan", "peserta") },
      }),
    },
  ],
  "Mutation.tandaiHadirPelatihan": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { tandaiHadirPelatihan(id: $id, tanda: HADIR) { __typename } }`,
        variables: { id: g("PesertaPelatihan", "peserta") },
      }),
    },
  ],
  "Mutation.catatKonsultasi": [
    {
      allow: CASE_STAFF_A,
      call: () => ({
        query: `mutation($i: ID!) { catatKonsultasi(input: { instansiId: $i, namaPenanya: "Penanya", kontak: "081234567890", kanal: TELEPON, pertanyaan: "Pertanyaan uji" }) { __typename } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Mutation.eskalasiKonsultasi": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { eskalasiKonsultasi(id: $id, versi: 1, eskalasiKe: "LKPP") { __typename } }`,
        variables: { id: g("Konsultasi", "konsultasi") },
      }),
    },
  ],
  "Mutation.jawabKonsultasi": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { jawabKonsultasi(id: $id, versi: 1, jawaban: "Jawaban uji") { __typename } }`,
        variables: { id: g("Konsultasi", "konsultasi") },
      }),
    },
  ],
  "Mutation.createHariLibur": [
    {
      allow: ["superadmin"],
      call: () => ({
        query: `mutation($d: Date!) { createHariLibur(tanggal: $d, nama: "Libur uji", jenis: LIBUR_NASIONAL, dasarHukum: "Keppres Uji 1/2027") { __typename } }`,
        variables: { d: day() },
      }),
    },
  ],
  "Mutation.createInstansi": [
    {
      allow: ["superadmin"],
      call: () => ({
        query: `mutation($k: String!) { createInstansi(input: { kode: $k, nama: "Kecamatan Baru" }, jamLayanan: [{ hari: 1, buka: "08:00", tutup: "15:00" }]) { __typename } }`,
        variables: { k: `BARU-${++n}` },
      }),
    },
  ],
  "Mutation.createLayanan": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($i: ID!, $k: String!) { createLayanan(instansiId: $i, input: { kode: $k, nama: "Layanan Baru", slaJumlah: 1, slaSatuan: HARI_KERJA }) { __typename } }`,
        variables: { i: A(), k: `BARU-${++n}` },
      }),
    },
  ],
  "Mutation.createPengajuan": [
    {
      allow: CITIZENS,
      call: () => ({ query: `mutation($l: ID!) { createPengajuan(layananId: $l) { __typename } }`, variables: { l: g("Layanan", "layanan") } }),
    },
  ],
  "Mutation.createStaffAccount": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($i: ID, $nip: String!) { createStaffAccount(identityType: NIP, nomorIdentitas: $nip, namaLengkap: "Petugas Baru", email: "baru@contoh.go.id", telepon: "081211112222", password: "${GOOD_PASSWORD}", role: PETUGAS, instansiId: $i) { __typename } }`,
        variables: { i: A(), nip: makeNip() },
      }),
    },
  ],
  "Mutation.createWebhookSubscription": [
    {
      allow: ["kWebhook"],
      call: () => ({ query: `mutation { createWebhookSubscription(url: "https://penerima.contoh.go.id/baru", events: [PENGAJUAN_STATUS]) { __typename } }` }),
    },
  ],
  "Mutation.deleteHariLibur": [
    {
      allow: ["superadmin"],
      call: async () => ({ query: `mutation($id: ID!) { deleteHariLibur(id: $id) { __typename } }`, variables: { id: await hariLibur() } }),
    },
  ],
  "Mutation.deleteWebhookSubscription": [
    {
      allow: ["kWebhook", "superadmin"],
      call: async () => ({
        query: `mutation($id: ID!) { deleteWebhookSubscription(id: $id) { __typename } }`,
        variables: { id: await subscriptionOfKWebhook() },
      }),
    },
  ],
  // an office's help page: its ADMIN and SUPERADMIN (server/modules/bantuan/policy.ts)
  "Mutation.hapusTanyaJawab": [
    {
      allow: ADMINS_A,
      call: async () => ({ query: `mutation($id: ID!) { hapusTanyaJawab(id: $id) { __typename } }`, variables: { id: await tanyaJawabOfA() } }),
    },
  ],
  "Mutation.hapusTopikBantuan": [
    {
      allow: ADMINS_A,
      call: async () => ({ query: `mutation($id: ID!) { hapusTopikBantuan(id: $id) { __typename } }`, variables: { id: await topikOfA() } }),
    },
  ],
  "Mutation.hentikanKanalNotifikasi": [
    { allow: SIGNED_IN, call: () => ({ query: `mutation { hentikanKanalNotifikasi(kanal: WHATSAPP) { kanalTersedia } }` }) },
  ],
  "Mutation.isiSurveiKepuasan": [
    {
      allow: ["citizen"],
      hidden: ACTIVE.filter((c) => c !== "citizen"),
      call: () => ({
        query: `mutation($id: ID!) { isiSurveiKepuasan(jenisKasus: PENGAJUAN, kasusId: $id, skor: [4, 4, 4, 4, 4, 4, 4, 4, 4]) { __typename } }`,
        variables: { id: g("Pengajuan", "pengajuan") },
      }),
    },
  ],
  "Mutation.kirimKodeTelepon": [{ allow: SIGNED_IN, call: () => ({ query: `mutation { kirimKodeTelepon(kanal: SMS) { __typename } }` }) }],
  // walk-ins at the counter (pengajuan/walk-in.ts): people of the service desk; another office's desk may look a
  // NIK up but neither serve at this office's counter nor see its counter cases
  "Mutation.cariPemohonLoket": [
    {
      allow: [...CASE_STAFF_A, "adminB"],
      call: () => ({ query: `mutation($nik: String!) { cariPemohonLoket(nik: $nik) { __typename } }`, variables: { nik: makeNik() } }),
    },
  ],
  "Mutation.mulaiPengajuanLoket": [
    {
      allow: CASE_STAFF_A,
      call: () => ({
        query: `mutation($l: ID!, $nik: String!) { mulaiPengajuanLoket(layananId: $l, nik: $nik, namaLengkap: "Tamu Matriks", telepon: "081234567890", pemohonSetuju: true) { __typename } }`,
        variables: { l: g("Layanan", "layanan"), nik: makeNik() },
      }),
    },
  ],
  "Mutation.simpanPengajuanLoket": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { simpanPengajuanLoket(id: $id, versi: 99, formData: {}) { __typename } }`,
        variables: { id: g("Pengajuan", "loketDraft") },
      }),
    },
  ],
  "Mutation.unggahDokumenLoket": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!, $b: [DokumenUploadInput!]!) { unggahDokumenLoket(id: $id, versi: 99, berkas: $b) { __typename } }`,
        variables: { id: g("Pengajuan", "loketDraft"), b: [{ persyaratanId: g("PersyaratanDokumen", "slot"), file: null }] },
        files: { "b.0.file": { name: "ktp.pdf", type: "application/pdf", content: tinyPdf("ktp loket") } },
      }),
    },
  ],
  "Mutation.ajukanPengajuanLoket": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { ajukanPengajuanLoket(id: $id, versi: 99) { __typename } }`,
        variables: { id: g("Pengajuan", "loketDraft") },
      }),
    },
  ],
  "Mutation.lampirkanHasil": [
    {
      allow: [...CASE_STAFF_A, "kKasus"],
      hidden: ["adminB", "kKasusB"],
      call: () => ({
        query: `mutation($id: ID!, $f: File!) { lampirkanHasil(id: $id, versi: 1, judul: "Hasil uji", file: $f) { __typename } }`,
        variables: { id: g("Pengajuan", "pengajuan"), f: null },
        files: { f: { name: "hasil.pdf", type: "application/pdf", content: tinyPdf("hasil") } },
      }),
    },
  ],
  "Mutation.login": [
    { allow: ALL, call: () => ({ query: `mutation { login(nomorIdentitas: "3519011708900001", password: "salah-salah-salah") { __typename } }` }) },
  ],
  "Mutation.logout": [{ allow: SIGNED_IN, call: async (c) => ({ query: `mutation { logout }`, token: await twin(c) }) }],
  "Mutation.logoutEverywhere": [{ allow: SIGNED_IN, call: async (c) => ({ query: `mutation { logoutEverywhere }`, token: await twin(c) }) }],
  "Mutation.markAllNotificationsRead": [{ allow: SIGNED_IN, call: () => ({ query: `mutation { markAllNotificationsRead }` }) }],
  "Mutation.markNotificationRead": [
    {
      allow: ["citizen"],
      hidden: SIGNED_IN.filter((c) => c !== "citizen"),
      call: () => ({ query: `mutation($id: ID!) { markNotificationRead(id: $id) { __typename } }`, variables: { id: g("Notification", "notification") } }),
    },
  ],
  "Mutation.perpanjangPermohonanInformasi": [
    {
      allow: PPID_DESK_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { perpanjangPermohonanInformasi(id: $id, versi: 99, hari: 3, alasan: "Informasi perlu dikumpulkan dari unit lain.") { __typename } }`,
        variables: { id: g("PermohonanInformasi", "permohonan") },
      }),
    },
  ],
  "Mutation.putuskanPermohonanInformasi": [
    {
      allow: PPID_DESK_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { putuskanPermohonanInformasi(id: $id, versi: 99, keputusan: DIKABULKAN, catatan: "Dikabulkan.") { __typename } }`,
        variables: { id: g("PermohonanInformasi", "permohonan") },
      }),
    },
  ],
  "Mutation.redeliverWebhook": [
    {
      allow: ["kWebhook", "superadmin"],
      call: () => ({ query: `mutation($id: ID!) { redeliverWebhook(id: $id) { __typename } }`, variables: { id: g("WebhookDelivery", "delivery") } }),
    },
  ],
  "Mutation.register": [
    {
      allow: ALL,
      call: () => ({
        query: `mutation($i: RegisterInput!) { register(input: $i) { __typename } }`,
        variables: {
          i: {
            identityType: "NIK",
            nomorIdentitas: "123",
            namaLengkap: "X",
            email: "x",
            telepon: "1",
            password: "p",
            setujuSyaratKetentuan: true,
            setujuKebijakanPrivasi: true,
            versiSyaratKetentuan: t.config.termsVersion,
            versiKebijakanPrivasi: t.config.privacyVersion,
          },
        },
      }),
    },
  ],
  "Mutation.reinstateAccount": [
    {
      allow: ["adminA", "adminB", "superadmin"],
      call: async () => ({
        query: `mutation($id: ID!) { reinstateAccount(userId: $id) { __typename } }`,
        variables: { id: (await insertUser("PEMOHON", "DITANGGUHKAN", null)).globalId },
      }),
    },
  ],
  "Mutation.rejectAccount": [
    {
      allow: ["adminA", "adminB", "superadmin"],
      call: async () => ({
        query: `mutation($id: ID!) { rejectAccount(userId: $id, alasan: "Data tidak lengkap") { __typename } }`,
        variables: { id: await pendingCitizen() },
      }),
    },
  ],
  "Mutation.removePenutupan": [
    {
      allow: ADMINS_A,
      hidden: ["adminB"],
      call: async () => ({ query: `mutation($id: ID!) { removePenutupan(id: $id) { __typename } }`, variables: { id: await penutupanOfA() } }),
    },
  ],
  "Mutation.requestPasswordReset": [
    { allow: ALL, call: () => ({ query: `mutation { requestPasswordReset(nomorIdentitasAtauEmail: "tidak-ada@contoh.id") { __typename } }` }) },
  ],
  "Mutation.resendVerificationEmail": [{ allow: SIGNED_IN, call: () => ({ query: `mutation { resendVerificationEmail { __typename } }` }) }],
  "Mutation.resetPassword": [
    { allow: ALL, call: () => ({ query: `mutation { resetPassword(token: "bukan-token", passwordBaru: "Baru-Sekali-2027") { __typename } }` }) },
  ],
  "Mutation.revokeApiClient": [
    { allow: ADMINS_A, call: async () => ({ query: `mutation($id: ID!) { revokeApiClient(id: $id) { __typename } }`, variables: { id: await clientOfA() } }) },
  ],
  "Mutation.updateApiClient": [
    {
      allow: ADMINS_A,
      call: async () => ({
        query: `mutation($id: ID!) { updateApiClient(id: $id, nama: "Sistem Diubah", scopes: [BACA_KATALOG, BACA_STATISTIK]) { __typename } }`,
        variables: { id: await clientOfA() },
      }),
    },
  ],
  "Mutation.updateWebhookSubscription": [
    {
      allow: ["kWebhook"],
      call: async () => ({
        query: `mutation($id: ID!) { updateWebhookSubscription(id: $id, events: [PENGAJUAN_STATUS, PPID_TENGGAT]) { __typename } }`,
        variables: { id: await subscriptionOfKWebhook() },
      }),
    },
  ],
  "Mutation.rotateApiClientSecret": [
    {
      allow: ADMINS_A,
      call: async () => ({ query: `mutation($id: ID!) { rotateApiClientSecret(id: $id) { __typename } }`, variables: { id: await clientOfA() } }),
    },
  ],
  "Mutation.setJamLayanan": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($i: ID!) { setJamLayanan(instansiId: $i, jamLayanan: [{ hari: 1, buka: "08:00", tutup: "15:30" }, { hari: 5, buka: "08:00", tutup: "16:00" }]) { __typename } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Mutation.setUserRole": [
    {
      allow: ADMINS_A,
      call: async () => ({
        query: `mutation($id: ID!, $i: ID) { setUserRole(userId: $id, role: PPID, instansiId: $i) { __typename } }`,
        variables: { id: await officerOfA(), i: A() },
      }),
    },
  ],
  "Mutation.suspendAccount": [
    {
      allow: ADMINS_A,
      call: async () => ({
        query: `mutation($id: ID!) { suspendAccount(userId: $id, alasan: "Pindah tugas") { __typename } }`,
        variables: { id: await officerOfA() },
      }),
    },
  ],
  "Mutation.tambahCatatanInternal": [
    {
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { tambahCatatanInternal(id: $id, isi: "Catatan uji") { __typename } }`,
        variables: { id: g("Pengajuan", "pengajuan") },
      }),
    },
  ],
  "Mutation.tambahKategoriPengaduan": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($i: ID!, $n: String!) { tambahKategoriPengaduan(instansiId: $i, nama: $n) { __typename } }`,
        variables: { i: A(), n: `Kategori ${++n}` },
      }),
    },
  ],
  "Mutation.tambahTanyaJawab": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($id: ID!) { tambahTanyaJawab(topikId: $id, pertanyaan: "Kapan loket buka?", jawaban: "Senin sampai Jumat.") { __typename } }`,
        variables: { id: g("BantuanTopik", "topik") },
      }),
    },
  ],
  "Mutation.tambahTopikBantuan": [
    {
      label: "an office's page",
      allow: ADMINS_A,
      call: () => ({ query: `mutation($i: ID) { tambahTopikBantuan(instansiId: $i, judul: "Pembayaran") { __typename } }`, variables: { i: A() } }),
    },
    {
      label: "the general page (SUPERADMIN)",
      allow: ["superadmin"],
      call: () => ({ query: `mutation { tambahTopikBantuan(judul: "Akun") { __typename } }` }),
    },
  ],
  "Mutation.tanganiUsulanLayanan": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($i: ID!, $ids: [ID!]!) { tanganiUsulanLayanan(instansiId: $i, ids: $ids) { __typename } }`,
        variables: { i: A(), ids: [g("UsulanLayanan", "usulan")] },
      }),
    },
  ],
  "Mutation.usulkanLayanan": [
    {
      allow: ALL,
      // all callers share one address: past the per-address limit the typed USULAN_TERLALU_SERING still means access
      call: () => ({
        query: `mutation($i: ID!) { usulkanLayanan(instansiId: $i, uraian: "Layanan yang belum ada") { __typename } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Mutation.simpanTemplateSurat": [
    {
      allow: ADMINS_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($l: ID!) { simpanTemplateSurat(layananId: $l, skema: { schemas: [[]] }) { __typename } }`,
        variables: { l: g("Layanan", "layanan") },
      }),
    },
  ],
  "Mutation.aturPolaNomorSurat": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($i: ID) { aturPolaNomorSurat(instansiId: $i, pola: "{nomor}/{kode}/{bulan_romawi}/{tahun}", lingkup: BERSAMA) { __typename } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Mutation.buatSurat": [
    {
      // the request is not in process: the officers of A reach the state check (NOT_PROCESSING)
      allow: CASE_STAFF_A,
      hidden: ["adminB"],
      call: () => ({ query: `mutation($p: ID!) { buatSurat(pengajuanId: $p, versi: 99) { __typename } }`, variables: { p: g("Pengajuan", "pengajuan") } }),
    },
  ],
  "Mutation.tandatanganiSurat": [
    {
      // only the official the letter was sent to (no signing set up for A: TTD_BELUM_DIATUR)
      allow: ["petugasA"],
      hidden: ["adminB"],
      call: async () => ({
        query: `mutation($id: ID!) { tandatanganiSurat(id: $id, passphrase: "sandi-uji") { __typename } }`,
        variables: { id: await suratMenungguOfA() },
      }),
    },
  ],
  "Mutation.kembalikanSurat": [
    {
      // the official reaches the state table (the request is DIAJUKAN: ILLEGAL_TRANSITION)
      allow: ["petugasA"],
      hidden: ["adminB"],
      call: async () => ({
        query: `mutation($id: ID!) { kembalikanSurat(id: $id, catatan: "Perbaiki nama desa.") { __typename } }`,
        variables: { id: await suratMenungguOfA() },
      }),
    },
  ],
  "Mutation.aturPejabatPenandatangan": [
    {
      allow: ADMINS_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($u: ID!, $nip: String) { aturPejabatPenandatangan(userId: $u, jabatan: "Kepala Seksi Matriks", nip: $nip) { __typename } }`,
        variables: { u: g("User", "petugasA"), nip: makeNip() },
      }),
    },
  ],
  "Mutation.aturAkarTtd": [
    { allow: ADMINS_A, call: () => ({ query: `mutation($i: ID!) { aturAkarTtd(instansiId: $i, pem: "") { __typename } }`, variables: { i: A() } }) },
  ],
  "Mutation.aturTsaTtd": [
    { allow: ADMINS_A, call: () => ({ query: `mutation($i: ID!) { aturTsaTtd(instansiId: $i, url: "") { __typename } }`, variables: { i: A() } }) },
  ],
  "Mutation.periksaBerkasVerifikasi": [
    {
      allow: ALL,
      call: () => ({
        query: `mutation($f: File!) { periksaBerkasVerifikasi(kode: "MTRX-MTRX-MTRX", berkas: $f) { __typename } }`,
        variables: { f: null },
        files: { f: { name: "x.pdf", type: "application/pdf", content: tinyPdf("x") } },
      }),
    },
  ],
  "Mutation.batalkanSurat": [
    {
      allow: ADMINS_A,
      hidden: ["adminB"],
      call: async () => ({
        query: `mutation($id: ID!) { batalkanSurat(id: $id, alasan: "Salah ketik.") { __typename } }`,
        variables: { id: globalId("Surat", (await suratOfA()).id) },
      }),
    },
  ],
  "Mutation.tanggapiKeberatan": [
    {
      allow: ["atasanA", "superadmin"],
      call: () => ({
        query: `mutation($id: ID!) { tanggapiKeberatan(id: $id, versi: 1, tanggapan: "Keberatan ditanggapi.") { __typename } }`,
        variables: { id: g("Keberatan", "keberatan") },
      }),
    },
  ],
  "Mutation.tugaskanPengajuan": [
    {
      allow: [...CASE_STAFF_A, "kKasus"],
      hidden: ["adminB", "kKasusB"],
      call: () => ({ query: `mutation($id: ID!) { tugaskanPengajuan(id: $id, versi: 99) { __typename } }`, variables: { id: g("Pengajuan", "pengajuan") } }),
    },
  ],
  "Mutation.ubahTanyaJawab": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($id: ID!) { ubahTanyaJawab(id: $id, pertanyaan: "Bagaimana matriks diuji?", jawaban: "Untuk setiap pemanggil.") { __typename } }`,
        variables: { id: g("BantuanTanyaJawab", "tanyaJawab") },
      }),
    },
  ],
  "Mutation.ubahKategoriPengaduan": [
    {
      allow: ADMINS_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { ubahKategoriPengaduan(id: $id, aktif: true) { __typename } }`,
        variables: { id: g("KategoriPengaduan", "kategori") },
      }),
    },
  ],
  "Mutation.ubahStatusPengaduan": [
    {
      label: "a staff action",
      allow: [...CASE_STAFF_A, "kKasus"],
      hidden: ["citizen2", "adminB", "ppidA", "atasanA", "kKasusB"],
      call: () => ({
        query: `mutation($id: ID!) { ubahStatusPengaduan(id: $id, aksi: VERIFIKASI, versi: 99) { __typename } }`,
        variables: { id: g("Pengaduan", "pengaduan") },
      }),
    },
  ],
  "Mutation.ubahStatusPengajuan": [
    {
      label: "a staff action",
      allow: [...CASE_STAFF_A, "kKasus"],
      hidden: ["citizen2", "adminB", "ppidA", "atasanA", "kKasusB"],
      call: () => ({
        query: `mutation($id: ID!) { ubahStatusPengajuan(id: $id, aksi: VERIFIKASI, versi: 99) { __typename } }`,
        variables: { id: g("Pengajuan", "pengajuan") },
      }),
    },
    {
      label: "the applicant's action",
      allow: ["citizen"],
      hidden: ["citizen2", "adminB", "ppidA", "atasanA", "kKasusB"],
      call: () => ({
        query: `mutation($id: ID!) { ubahStatusPengajuan(id: $id, aksi: BATALKAN, versi: 99) { __typename } }`,
        variables: { id: g("Pengajuan", "pengajuan") },
      }),
    },
  ],
  "Mutation.ubahTopikBantuan": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($id: ID!) { ubahTopikBantuan(id: $id, judul: "Topik matriks") { __typename } }`,
        variables: { id: g("BantuanTopik", "topik") },
      }),
    },
  ],
  "Mutation.unggahTemplatePersyaratan": [
    {
      allow: ADMINS_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { unggahTemplatePersyaratan(persyaratanId: $id, file: null) { __typename } }`,
        variables: { id: g("PersyaratanDokumen", "slot") },
      }),
    },
  ],
  "Mutation.unggahSertifikatTtd": [
    {
      allow: ADMINS_A,
      // a file that is not a PKCS#12: past authorisation it is refused as a typed TandaTanganError
      call: () => ({
        query: `mutation($i: ID!, $f: File!) { unggahSertifikatTtd(instansiId: $i, berkas: $f, passphrase: "sandi-uji") { __typename } }`,
        variables: { i: A(), f: null },
        files: { f: { name: "kantor.p12", type: "application/x-pkcs12", content: tinyPdf("bukan p12") } },
      }),
    },
  ],
  "Mutation.aturLayananTtdRemote": [
    {
      allow: ADMINS_A,
      call: () => ({
        query: `mutation($i: ID!) { aturLayananTtdRemote(instansiId: $i, url: "https://tte.example.go.id", clientId: "loket", clientSecret: "rahasia-uji") { __typename } }`,
        variables: { i: A() },
      }),
    },
  ],
  "Mutation.pilihMetodeTtd": [
    {
      allow: ADMINS_A,
      call: () => ({ query: `mutation($i: ID!) { pilihMetodeTtd(instansiId: $i, metode: P12) { __typename } }`, variables: { i: A() } }),
    },
  ],
  "Mutation.updateHariLibur": [
    {
      allow: ["superadmin"],
      call: async () => ({
        query: `mutation($id: ID!) { updateHariLibur(id: $id, nama: "Libur uji diubah") { __typename } }`,
        variables: { id: await hariLibur() },
      }),
    },
  ],
  "Mutation.updateInstansi": [
    {
      allow: ADMINS_A,
      call: () => ({ query: `mutation($id: ID!) { updateInstansi(id: $id, input: { telepon: "0351 123" }) { __typename } }`, variables: { id: A() } }),
    },
  ],
  "Mutation.updateLayanan": [
    {
      allow: ADMINS_A,
      hidden: ["adminB"],
      call: () => ({
        query: `mutation($id: ID!) { updateLayanan(id: $id, input: { deskripsi: "Diubah" }) { __typename } }`,
        variables: { id: g("Layanan", "layanan") },
      }),
    },
  ],
  "Mutation.updatePengajuan": [
    {
      allow: ["citizen"],
      hidden: ACTIVE.filter((c) => c !== "citizen"),
      call: () => ({
        query: `mutation($id: ID!) { updatePengajuan(id: $id, versi: 99, formData: {}) { __typename } }`,
        variables: { id: g("Pengajuan", "draft") },
      }),
    },
  ],
  // a waiting or refused registration corrects itself; an active account gets INVALID_ACCOUNT_STATE (a typed error, not a refusal)
  "Mutation.perbaikiPendaftaran": [
    { allow: SIGNED_IN, call: () => ({ query: `mutation { perbaikiPendaftaran(input: { namaLengkap: "Nama Diperbaiki" }) { __typename } }` }) },
  ],
  "Mutation.updateProfile": [{ allow: SIGNED_IN, call: () => ({ query: `mutation { updateProfile(telepon: "081299998888") { __typename } }` }) }],
  "Mutation.uploadDokumenPengajuan": [
    {
      allow: ["citizen"],
      hidden: ACTIVE.filter((c) => c !== "citizen"),
      call: () => ({
        query: `mutation($id: ID!, $b: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: 99, berkas: $b) { __typename } }`,
        variables: { id: g("Pengajuan", "draft"), b: [{ persyaratanId: g("PersyaratanDokumen", "slot"), file: null }] },
        files: { "b.0.file": { name: "ktp.pdf", type: "application/pdf", content: tinyPdf("ktp") } },
      }),
    },
  ],
  "Mutation.urutkanTanyaJawab": [
    {
      allow: ADMINS_A,
      call: async () => ({
        query: `mutation($t: ID!, $ids: [ID!]!) { urutkanTanyaJawab(topikId: $t, ids: $ids) { __typename } }`,
        variables: {
          t: g("BantuanTopik", "topik"),
          ids: (await t.db.prisma.bantuanTanyaJawab.findMany({ where: { topikId: ids.topik! }, orderBy: { urutan: "desc" }, select: { id: true } })).map((r) =>
            globalId("BantuanTanyaJawab", r.id),
          ),
        },
      }),
    },
  ],
  "Mutation.urutkanTopikBantuan": [
    {
      label: "an office's page",
      allow: ADMINS_A,
      call: async () => ({
        query: `mutation($i: ID, $ids: [ID!]!) { urutkanTopikBantuan(instansiId: $i, ids: $ids) { __typename } }`,
        variables: { i: A(), ids: await topikReversed(ids.A!) },
      }),
    },
    {
      label: "the general page (SUPERADMIN)",
      allow: ["superadmin"],
      call: async () => ({ query: `mutation($ids: [ID!]!) { urutkanTopikBantuan(ids: $ids) { __typename } }`, variables: { ids: await topikReversed(null) } }),
    },
  ],
  "Mutation.verifikasiTelepon": [{ allow: SIGNED_IN, call: () => ({ query: `mutation { verifikasiTelepon(kode: "123456") { __typename } }` }) }],
  "Mutation.verifyEmail": [{ allow: ALL, call: () => ({ query: `mutation { verifyEmail(token: "bukan-token") { __typename } }` }) }],

  // --- Subscription (subscribed, or refused when subscribing) -------------------------------------------
  "Subscription.antrianBerubah": [
    { allow: [...CASE_STAFF_A, "kKasus"], call: () => ({ query: `subscription($i: ID) { antrianBerubah(instansiId: $i) { id } }`, variables: { i: A() } }) },
  ],
  "Subscription.mejaPengaduanBerubah": [
    {
      allow: [...CASE_STAFF_A, "kKasus"],
      call: () => ({ query: `subscription($i: ID) { mejaPengaduanBerubah(instansiId: $i) { id } }`, variables: { i: A() } }),
    },
  ],
  "Subscription.papanAntrianBerubah": [
    {
      allow: [...CASE_STAFF_A, "kTampil", "kKiosk"],
      call: () => ({ query: `subscription($i: ID!) { papanAntrianBerubah(instansiId: $i) { tanggal } }`, variables: { i: A() } }),
    },
  ],
  "Subscription.slotKunjunganBerubah": [
    {
      allow: ACTIVE,
      call: () => ({ query: `subscription($l: ID!) { slotKunjunganBerubah(layananId: $l, hari: 1) { mulai } }`, variables: { l: g("Layanan", "layanan") } }),
    },
  ],
  "Subscription.antrianTtdBerubah": [{ allow: ACTIVE, call: () => ({ query: `subscription { antrianTtdBerubah { id } }` }) }],
  "Subscription.myAccountStatus": [{ allow: SIGNED_IN, call: () => ({ query: `subscription { myAccountStatus { status } }` }) }],
  "Subscription.myPengajuanBerubah": [{ allow: ACTIVE, call: () => ({ query: `subscription { myPengajuanBerubah { id } }` }) }],
  "Subscription.notificationAdded": [{ allow: SIGNED_IN, call: () => ({ query: `subscription { notificationAdded { id } }` }) }],
  "Subscription.pengaduanBerubah": [
    {
      allow: ["citizen", ...CASE_STAFF_A, "kKasus"],
      hidden: ["citizen2", "adminB", "ppidA", "atasanA", "kKasusB"],
      call: () => ({ query: `subscription($id: ID!) { pengaduanBerubah(id: $id) { id } }`, variables: { id: g("Pengaduan", "pengaduan") } }),
    },
  ],
  "Subscription.sesiPelatihanBerubah": [
    {
      allow: ALL,
      call: () => ({ query: `subscription($id: ID!) { sesiPelatihanBerubah(id: $id) { sisaKursi } }`, variables: { id: g("SesiPelatihan", "sesi") } }),
    },
  ],
  "Subscription.pengajuanBerubah": [
    {
      allow: ["citizen", ...CASE_STAFF_A, "kKasus"],
      hidden: ["citizen2", "adminB", "ppidA", "atasanA", "kKasusB"],
      call: () => ({ query: `subscription($id: ID!) { pengajuanBerubah(id: $id) { seq } }`, variables: { id: g("Pengajuan", "pengajuan") } }),
    },
  ],
  "Subscription.permohonanInformasiBerubah": [
    {
      allow: ["citizen", ...PPID_DESK_A],
      hidden: ["citizen2", "petugasA", "adminB"],
      call: () => ({
        query: `subscription($id: ID!) { permohonanInformasiBerubah(id: $id) { id } }`,
        variables: { id: g("PermohonanInformasi", "permohonan") },
      }),
    },
  ],
};

type Outcome = "allow" | "hidden" | "deny";
const ACCESS = ["FORBIDDEN", "UNAUTHENTICATED"];

/** A subscription is subscribed (or refused) through the same envelop as over WebSocket, without a socket. */
async function subscribe(query: string, variables: Record<string, unknown> | undefined, token: string | undefined): Promise<GqlResult> {
  const request = new Request("http://localhost/graphql", {
    method: "POST",
    headers: { "x-forwarded-for": "10.0.0.1", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const enveloped = t.app.yoga.getEnveloped({ request, params: { query, variables } } as never);
  const document = enveloped.parse(query);
  const invalid = enveloped.validate(enveloped.schema, document);
  if (invalid.length) return { errors: invalid.map((e: GraphQLError) => ({ message: e.message, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } })) };
  const contextValue = await enveloped.contextFactory();
  const result = await enveloped.subscribe({ schema: enveloped.schema, document, variableValues: variables, contextValue });
  if (typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function") {
    await (result as AsyncGenerator).return?.(undefined);
    return { data: { subscribed: true } };
  }
  return JSON.parse(JSON.stringify(result)) as GqlResult;
}

async function perform(field: string, c: Call, caller: Caller): Promise<GqlResult> {
  const token = c.token ?? tokens[caller];
  if (field.startsWith("Subscription.")) return subscribe(c.query, c.variables, token);
  if (c.files) return upload(t, c.query, c.variables ?? {}, c.files, { token });
  return t.gql(c.query, c.variables, { token });
}

function classify(field: string, res: GqlResult): { outcome: Outcome; code?: string; problem?: string } {
  const codes = (res.errors ?? []).map((e) => e.extensions?.code ?? "NO_CODE");
  const access = codes.find((c) => ACCESS.includes(c));
  if (access) return { outcome: "deny", code: access };
  // not found, as such or as a named thing's (LAYANAN_NOT_FOUND): the object is hidden from this caller
  if (codes.some((c) => c === "NOT_FOUND" || c.endsWith("_NOT_FOUND"))) return { outcome: "hidden" };
  if (codes.length) return { outcome: "allow", problem: `errors ${JSON.stringify(res.errors)}` };
  const name = field.split(".")[1]!;
  const value = (res.data as Record<string, { __typename?: string } | null> | undefined)?.[name];
  if (value && typeof value === "object" && value.__typename === "NotFoundError") return { outcome: "hidden" };
  if (name === "node" && value === null) return { outcome: "hidden" };
  return { outcome: "allow" };
}

/** Whether a connection came back with rows whose every field asked for has a value. */
function rowsProblem(connection: unknown): string | null {
  const edges = (connection as { edges?: Array<{ node: unknown } | null> } | null)?.edges;
  if (!edges) return "no edges";
  if (edges.length === 0) return "no rows (the test data has some)";
  const nulls = (v: unknown, path: string): string[] =>
    v === null
      ? [path]
      : Array.isArray(v)
        ? v.flatMap((x, i) => nulls(x, `${path}.${i}`))
        : typeof v === "object"
          ? Object.entries(v as object).flatMap(([k, x]) => nulls(x, `${path}.${k}`))
          : [];
  // a value may be legitimately null (an unnumbered draft); a row, or a whole nested object, may not
  const missing = edges.flatMap((e, i) =>
    e?.node == null ? [`edges.${i}.node`] : nulls(e.node, `edges.${i}.node`).filter((p) => !/\.(nomorRegistrasi)$/.test(p)),
  );
  return missing.length ? `null in ${missing.join(", ")}` : null;
}

function rootFields(): string[] {
  const sdl = buildSchema(fs.readFileSync(SCHEMA_FILE, "utf8"));
  return ["Query", "Mutation", "Subscription"].flatMap((type) => Object.keys((sdl.getType(type) as GraphQLObjectType).getFields()).map((f) => `${type}.${f}`));
}

it("every Query, Mutation and Subscription field of schema.graphql has a rule, and every rule an operation", () => {
  const fields = rootFields().sort();
  const ruled = Object.keys(RULES).sort();
  expect(
    fields.filter((f) => !ruled.includes(f)),
    "operations without a rule in the matrix: add one",
  ).toEqual([]);
  expect(
    ruled.filter((r) => !fields.includes(r)),
    "rules for operations that no longer exist",
  ).toEqual([]);
  expect(fields.length).toBeGreaterThan(90);
});

const CASES = Object.entries(RULES).flatMap(([field, rules]) => rules.map((rule) => ({ field, rule, name: rule.label ? `${field} — ${rule.label}` : field })));

describe.each(CASES)("$name", ({ field, rule }) => {
  it("allows, hides or refuses exactly as declared, for every caller", async () => {
    const wrong: string[] = [];
    for (const caller of ALL) {
      const expected: Outcome = rule.allow.includes(caller) ? "allow" : rule.hidden?.includes(caller) ? "hidden" : "deny";
      const res = await perform(field, await rule.call(caller), caller);
      const got = classify(field, res);
      if (got.problem && expected === "allow") wrong.push(`${caller}: allowed, but ${got.problem}`);
      else if (got.problem) wrong.push(`${caller}: expected ${expected}, got ${got.problem}`);
      else if (got.outcome !== expected) wrong.push(`${caller}: expected ${expected}, got ${got.outcome}${got.code ? ` (${got.code})` : ""}`);
      else if (got.outcome === "allow" && rule.rows) {
        const problem = rowsProblem(res.data?.[field.split(".")[1]!]);
        if (problem) wrong.push(`${caller}: allowed the list, but ${problem}`);
      } else if (got.outcome === "deny" && got.code !== (caller === "anon" ? "UNAUTHENTICATED" : "FORBIDDEN"))
        wrong.push(`${caller}: refused with ${got.code}`);
    }
    expect(wrong).toEqual([]);
  });
});

it("refusals say so in Indonesian, and a citizen never reads another citizen's data", async () => {
  const res = await t.gql(`{ users(first: 1) { totalCount } }`, {}, { token: tokens.citizen });
  expect(res.errors![0]!.message).toMatch(/tidak (memiliki akses|berwenang)/);
  expect((await t.gql(`{ users(first: 1) { totalCount } }`)).errors![0]!.message).toMatch(/Silakan masuk/);
  const other = await insertUser("PEMOHON", "AKTIF", null);
  const read = await t.gql(
    `query($id: ID!) { node(id: $id) { ... on User { namaLengkap email nomorIdentitas } } }`,
    { id: other.globalId },
    { token: tokens.citizen },
  );
  expect(read.data?.node ?? null).toBeNull();
});

// --- One source for who may do what: a desk list and the cases in it ------------------------------------

/**
 * For every caller, a desk list (and its live feed) is allowed exactly when the cases in it are: no caller
 * passes a queue and is then refused every row (PPID and atasan PPID were, issue 12 §7), or may open every case
 * of a desk but not the desk. The case's own applicant is left out: owning one case is not working the desk.
 */
interface Pair {
  list: string;
  type: string;
  key: string;
  fields: string;
  /** the list as a query, or a live feed with the event that makes it send the case */
  query: string;
  event?: () => void;
}
const PAIRS: Pair[] = [
  {
    list: "antrian",
    type: "Pengajuan",
    key: "pengajuan",
    fields: "status formData pemohon { nama } riwayat { aktor }",
    query: "antrian(instansiId: $i, first: 20) { edges { node { id ...F } } }",
  },
  {
    list: "mejaPengaduan",
    type: "Pengaduan",
    key: "pengaduan",
    fields: "judul uraian riwayat { aksi } lampiran { namaFile }",
    query: "mejaPengaduan(instansiId: $i, first: 20) { edges { node { id ...F } } }",
  },
  {
    list: "registerPermohonanInformasi",
    type: "PermohonanInformasi",
    key: "permohonan",
    fields: "rincianInformasi pemohonNama keberatan { uraian }",
    query: "registerPermohonanInformasi(instansiId: $i, first: 20) { edges { node { id ...F } } }",
  },
  {
    list: "registerSurat",
    type: "Surat",
    key: "surat",
    fields: "nomor kodeVerifikasi",
    query: "registerSurat(instansiId: $i, first: 20) { edges { node { id ...F } } }",
  },
  {
    list: "registerKeberatan",
    type: "Keberatan",
    key: "keberatan",
    fields: "uraian alasanLabel permohonan { rincianInformasi }",
    query: "registerKeberatan(instansiId: $i, first: 20) { edges { node { id ...F } } }",
  },
  {
    list: "antrianBerubah",
    type: "Pengajuan",
    key: "pengajuan",
    fields: "status formData pemohon { nama }",
    query: "antrianBerubah(instansiId: $i) { id ...F }",
    event: () => t.app.services.pubsub.publish("instansi:queue", ids.A!, { pengajuanId: ids.pengajuan!, status: "DIAJUKAN", seq: 1 }),
  },
  {
    list: "mejaPengaduanBerubah",
    type: "Pengaduan",
    key: "pengaduan",
    fields: "judul uraian",
    query: "mejaPengaduanBerubah(instansiId: $i) { id ...F }",
    event: () => t.app.services.pubsub.publish("instansi:pengaduan", ids.A!, { id: ids.pengaduan!, seq: 1 }),
  },
];

/** Subscribes as `token`, makes the event happen until one arrives, and answers what the feed sent (or its refusal). */
async function firstEvent(
  query: string,
  variables: Record<string, unknown>,
  token: string | undefined,
  event: () => void,
): Promise<{ subscribed: boolean; result: GqlResult }> {
  const request = new Request("http://localhost/graphql", {
    method: "POST",
    headers: { "x-forwarded-for": "10.0.0.1", ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
  const enveloped = t.app.yoga.getEnveloped({ request, params: { query, variables } } as never);
  const document = enveloped.parse(query);
  const contextValue = await enveloped.contextFactory();
  const result = await enveloped.subscribe({ schema: enveloped.schema, document, variableValues: variables, contextValue });
  if (typeof (result as AsyncIterable<unknown>)[Symbol.asyncIterator] !== "function")
    return { subscribed: false, result: JSON.parse(JSON.stringify(result)) as GqlResult };
  const iterator = result as AsyncGenerator<unknown>;
  const next = iterator.next();
  let arrived = false;
  void next.then(() => (arrived = true));
  // the feed listens from its first read on: send the event until it is heard
  for (let i = 0; i < 200 && !arrived; i++) {
    event();
    await new Promise((r) => setTimeout(r, 10));
  }
  const first = await next;
  await iterator.return?.(undefined);
  return { subscribed: true, result: JSON.parse(JSON.stringify(first.value)) as GqlResult };
}

describe.each(PAIRS)("$list and its $type rows", (pair) => {
  it("is allowed to exactly the callers who may open its cases, and then shows them with their fields", async () => {
    const wrong: string[] = [];
    const fragment = `fragment F on ${pair.type} { ${pair.fields} }`;
    const listDoc = `${pair.event ? "subscription" : "query"}($i: ID) { ${pair.query} } ${fragment}`;
    const nodeDoc = `query($id: ID!) { node(id: $id) { id ...F } } ${fragment}`;
    const caseId = g(pair.type, pair.key);
    for (const caller of ALL.filter((c) => c !== "citizen")) {
      const token = tokens[caller];
      // the list itself is refused (an error on the list field), or passes and answers its rows
      let listed: boolean;
      let listRes: GqlResult;
      if (pair.event) {
        const sub = await firstEvent(listDoc, { i: A() }, token, pair.event);
        listed = sub.subscribed;
        listRes = sub.result;
      } else {
        listRes = await t.gql(listDoc, { i: A() }, { token });
        listed = !(listRes.errors ?? []).some((e) => ((e as { path?: unknown[] }).path?.length ?? 0) <= 1);
      }
      const nodeRes = await t.gql(nodeDoc, { id: caseId }, { token });
      const opened = !nodeRes.errors?.length && nodeRes.data?.node != null;
      const codes = (r: GqlResult) => JSON.stringify(r.errors?.map((e) => e.extensions?.code) ?? []);
      if (listed !== opened) {
        wrong.push(
          `${caller}: list ${listed ? `allowed (row errors ${codes(listRes)})` : `refused ${codes(listRes)}`}, case ${opened ? "allowed" : `refused ${codes(nodeRes)}`}`,
        );
        continue;
      }
      if (!listed) {
        if (!listRes.errors?.every((e) => ACCESS.includes(e.extensions?.code as string)))
          wrong.push(`${caller}: list refused unclearly ${JSON.stringify(listRes.errors)}`);
        continue;
      }
      if (listRes.errors?.length) {
        wrong.push(`${caller}: list allowed, but ${JSON.stringify(listRes.errors)}`);
        continue;
      }
      const value = listRes.data![pair.list];
      const rows = pair.event ? [value] : (value as { edges: Array<{ node: unknown }> }).edges.map((e) => e.node);
      if (!rows.some((r) => (r as { id: string }).id === caseId)) wrong.push(`${caller}: the case is not in the list`);
      const problem = rowsProblem({ edges: rows.map((node) => ({ node })) });
      if (problem) wrong.push(`${caller}: ${problem}`);
    }
    expect(wrong).toEqual([]);
  });
});

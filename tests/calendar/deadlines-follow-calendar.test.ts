import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_1X1, activeCitizen, createStaff, createTestApp, globalId, serviceFixture, tinyPdf, upload, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";
import { insertClient, startReceiver } from "../helpers/api-client";

/**
 * Every stored legal clock follows the calendar (issue 12 §2). Open cases of each kind are set up around
 * 2026's last holidays (24 Dec cuti bersama, 25 Dec Christmas) and into 2027 (no holiday table: provisional);
 * each calendar change is made through the public API and then undone. After every step, each stored deadline
 * equals what the public `hitungTenggat` computes from the same start, and each move left a history step.
 * The cases' start moments are set in the database (the flows that create them are tested elsewhere); the
 * changes, reads and live pushes go through the API and a real WebSocket.
 */

let t: TestApp;
let port: number;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
let superadmin: Awaited<ReturnType<typeof createStaff>>;
let instansiGid: string;
let other: { id: string; gid: string };
const ids: Record<string, string> = {};
let wargaToken = "";

const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v) { __typename ... on UbahStatusPengajuanSuccess { data { id versi } } ... on Error { code message } } }`;
const HITUNG = `query($i: ID!, $m: DateTime!, $j: Int!, $s: TenggatUnit!) { hitungTenggat(instansiId: $i, mulai: $m, jumlah: $j, satuan: $s) { ... on HitungTenggatSuccess { data { tenggat sementara } } ... on Error { code message } } }`;
const PENJELASAN = `aturan mulai tenggat sementara hariDihitung { tanggal ke catatan } hariDilewati { tanggal alasan nama dasarHukum }`;

const wib = (local: string) => new Date(`${local}+07:00`);

/** each case: how to read its stored deadline through the API, and how hitungTenggat computes it */
interface Kasus {
  name: string;
  read(): Promise<{ tenggat: string; sementara: boolean }>;
  expected(instansi: string): Promise<{ tenggat: string; sementara: boolean }>;
}

async function hitung(instansi: string, mulai: Date | string, jumlah: number, satuan: string) {
  const r = await t.gql(HITUNG, { i: instansi, m: typeof mulai === "string" ? mulai : mulai.toISOString(), j: jumlah, s: satuan });
  const d = r.data?.hitungTenggat?.data;
  if (!d) throw new Error(JSON.stringify(r));
  return d as { tenggat: string; sementara: boolean };
}

const node = async (id: string, fields: string, token = superadmin.token) => {
  const type = Buffer.from(id, "base64").toString().split(":")[0];
  const r = await t.gql(`query($id: ID!) { node(id: $id) { ... on ${type} { ${fields} } } }`, { id }, { token });
  if (!r.data?.node) throw new Error(JSON.stringify(r));
  return r.data.node;
};

const keberatan = async (id: string, token = superadmin.token) => {
  const r = await t.gql(
    `query($id: ID!) { node(id: $id) { ... on Keberatan { tenggatTanggapan tenggatTanggapanSementara batasSengketa batasSengketaSementara tenggatTanggapanPenjelasan { ${PENJELASAN} } batasSengketaPenjelasan { ${PENJELASAN} } } } }`,
    { id },
    { token },
  );
  if (!r.data?.node) throw new Error(JSON.stringify(r));
  return r.data.node;
};

let kasus: Kasus[] = [];

beforeAll(async () => {
  t = await createTestApp({ webhookAllowPrivate: true });
  port = await t.app.start(0, "127.0.0.1");
  superadmin = await createStaff(t, "SUPERADMIN", null);
  fx = await serviceFixture(t, { sla: { jumlah: 3, satuan: "HARI_KERJA" } });
  const instansiId = fx.instansi.id;
  instansiGid = globalId("Instansi", instansiId);
  const o = await t.db.prisma.instansi.create({
    data: { kode: "LAIN", nama: "Instansi Lain", jamLayanan: { create: [1, 2, 3, 4, 5].map((hari) => ({ hari, buka: 480, tutup: 960 })) } },
  });
  other = { id: o.id, gid: globalId("Instansi", o.id) };
  const warga = await activeCitizen(t);
  wargaToken = warga.token;

  // pengajuan through the API up to DIVERIFIKASI (the SLA clock runs), then its clock start set to Mon 21 Dec 10:00 WIB
  const c = await t.gql(
    `mutation($l: ID!) { createPengajuan(layananId: $l, formData: { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20" }) { ... on CreatePengajuanSuccess { data { id versi } } } }`,
    { l: fx.layanan.id },
    { token: warga.token },
  );
  let p = c.data!.createPengajuan.data;
  const u = await upload(
    t,
    `mutation($id: ID!, $v: Int!, $berkas: [DokumenUploadInput!]!) { uploadDokumenPengajuan(id: $id, versi: $v, berkas: $berkas) { ... on UploadDokumenPengajuanSuccess { data { id versi } } } }`,
    {
      id: p.id,
      v: p.versi,
      berkas: [
        { persyaratanId: fx.slots[0]!.id, file: null },
        { persyaratanId: fx.slots[1]!.id, file: null },
      ],
    },
    { "berkas.0.file": { name: "ktp.png", content: PNG_1X1 }, "berkas.1.file": { name: "surat.pdf", content: tinyPdf("s") } },
    { token: warga.token },
  );
  p = u.data!.uploadDokumenPengajuan.data;
  p = (await t.gql(ACT, { id: p.id, a: "AJUKAN", v: p.versi }, { token: warga.token })).data!.ubahStatusPengajuan.data;
  p = (await t.gql(ACT, { id: p.id, a: "VERIFIKASI", v: p.versi }, { token: fx.petugas.token })).data!.ubahStatusPengajuan.data;
  ids.pengajuan = p.id;
  const pengajuanId = Buffer.from(p.id, "base64").toString().split(":")[1]!;
  const slaMulai = wib("2026-12-21T10:00:00");
  await t.db.prisma.pengajuan.update({
    where: { id: pengajuanId },
    data: { slaMulaiAt: slaMulai, slaSisaMenit: null, tenggat: new Date("2026-12-28T08:30:00Z") },
  });

  // a complaint verified Wed 23 Dec 14:00 WIB ("2x24 jam kerja")
  const kat = await t.db.prisma.kategoriPengaduan.create({ data: { instansiId, nama: "Pelayanan" } });
  const aduanMulai = wib("2026-12-23T14:00:00");
  const aduan = await t.db.prisma.pengaduan.create({
    data: {
      kodeLacak: "ADU-TENGGAT1",
      instansiId,
      kategoriId: kat.id,
      pelaporId: warga.id,
      judul: "Antrian lama",
      uraian: "Antrian sangat lama sekali",
      status: "DIVERIFIKASI",
      diverifikasiAt: aduanMulai,
      mulaiDihitungAt: aduanMulai,
      tenggat: new Date("2026-12-29T07:00:00Z"),
      seq: 2,
    },
  });
  ids.pengaduan = globalId("Pengaduan", aduan.id);

  // PPID: one request received Fri 18 Dec (runs into 2027), one extended by 7 days, an objection awaiting an answer,
  // one answered on Thu 10 Dec (Komisi Informasi window open), and a request of another instansi
  const ppid = (nomor: string, instansi: string, diterimaAt: Date, tenggat: string, extra: Record<string, unknown> = {}) =>
    t.db.prisma.permohonanInformasi.create({
      data: {
        nomorRegister: nomor,
        instansiId: instansi,
        pemohonId: warga.id,
        rincianInformasi: "Anggaran 2026",
        tujuan: "Penelitian",
        format: "SOFTCOPY",
        caraPerolehan: "EMAIL",
        diterimaAt,
        tenggat: new Date(tenggat),
        seq: 1,
        ...extra,
      },
    });
  const terima = wib("2026-12-18T10:00:00");
  const r1 = await ppid("PPID/T/2026/00001", instansiId, terima, "2027-01-06T08:30:00Z", { tenggatSementara: true });
  const terima2 = wib("2026-12-01T10:00:00");
  const r2 = await ppid("PPID/T/2026/00002", instansiId, terima2, "2026-12-28T08:30:00Z", {
    status: "DIPERPANJANG",
    diperpanjangAt: wib("2026-12-14T10:00:00"),
    hariPerpanjangan: 7,
    alasanPerpanjangan: "Informasi tersebar di beberapa unit",
  });
  const r3 = await ppid("PPID/T/2026/00003", instansiId, wib("2026-10-01T10:00:00"), "2026-10-15T08:30:00Z", {
    status: "DITOLAK",
    diputusAt: wib("2026-10-14T10:00:00"),
  });
  const ajukanKeberatan = wib("2026-11-30T10:00:00");
  const k1 = await t.db.prisma.keberatan.create({
    data: {
      nomorRegister: "KEB/T/2026/00001",
      permohonanId: r3.id,
      alasan: "PENOLAKAN",
      uraian: "Alasan penolakan tidak jelas",
      diajukanAt: ajukanKeberatan,
      tenggatTanggapan: new Date("2027-01-14T08:30:00Z"),
      tenggatTanggapanSementara: true,
    },
  });
  const r4 = await ppid("PPID/T/2026/00004", instansiId, wib("2026-10-05T10:00:00"), "2026-10-19T08:30:00Z", {
    status: "DITOLAK",
    diputusAt: wib("2026-10-16T10:00:00"),
  });
  const jawab = wib("2026-12-10T10:00:00");
  const k2 = await t.db.prisma.keberatan.create({
    data: {
      nomorRegister: "KEB/T/2026/00002",
      permohonanId: r4.id,
      alasan: "PENOLAKAN",
      uraian: "Keberatan atas penolakan",
      status: "DITANGGAPI",
      diajukanAt: wib("2026-10-20T10:00:00"),
      tenggatTanggapan: new Date("2026-12-02T08:30:00Z"),
      tanggapan: "Ditolak",
      ditanggapiAt: jawab,
      batasSengketa: new Date("2027-01-04T08:30:00Z"),
      batasSengketaSementara: true,
    },
  });
  const r5 = await ppid("PPID/L/2026/00001", other.id, terima, "2027-01-06T09:00:00Z", { tenggatSementara: true });
  ids.r1 = globalId("PermohonanInformasi", r1.id);
  ids.r2 = globalId("PermohonanInformasi", r2.id);
  ids.r5 = globalId("PermohonanInformasi", r5.id);
  ids.k1 = globalId("Keberatan", k1.id);
  ids.k2 = globalId("Keberatan", k2.id);
  const sekarang = (s: { tenggat: string; sementara: boolean }) => s;

  kasus = [
    {
      name: "pengajuan: 3 hari kerja sejak berkas lengkap",
      read: async () => {
        const n = await node(ids.pengajuan!, "tenggat tenggatSementara");
        return { tenggat: n.tenggat, sementara: n.tenggatSementara };
      },
      expected: (i) => hitung(i, slaMulai, 3, "HARI_KERJA"),
    },
    {
      name: "pengaduan: 2x24 jam kerja sejak diverifikasi",
      read: async () => {
        const n = await node(ids.pengaduan!, "tenggat tenggatSementara");
        return { tenggat: n.tenggat, sementara: n.tenggatSementara };
      },
      expected: (i) => hitung(i, aduanMulai, 2, "HARI_KERJA_JAM_SAMA"),
    },
    {
      name: "PPID: 10 hari kerja sejak diterima",
      read: async () => {
        const n = await node(ids.r1!, "tenggat tenggatSementara");
        return { tenggat: n.tenggat, sementara: n.tenggatSementara };
      },
      expected: (i) => hitung(i, terima, 10, "HARI_KERJA"),
    },
    {
      name: "PPID: diperpanjang 7 hari kerja dari tenggat awal",
      read: async () => {
        const n = await node(ids.r2!, "tenggat tenggatSementara");
        return { tenggat: n.tenggat, sementara: n.tenggatSementara };
      },
      expected: async (i) => {
        const awal = await hitung(i, terima2, 10, "HARI_KERJA");
        const akhir = await hitung(i, awal.tenggat, 7, "HARI_KERJA");
        return sekarang({ tenggat: akhir.tenggat, sementara: awal.sementara || akhir.sementara });
      },
    },
    {
      name: "keberatan: 30 hari kerja untuk atasan PPID",
      read: async () => {
        const n = await keberatan(ids.k1!);
        return { tenggat: n.tenggatTanggapan, sementara: n.tenggatTanggapanSementara };
      },
      expected: (i) => hitung(i, ajukanKeberatan, 30, "HARI_KERJA"),
    },
    {
      name: "keberatan: 14 hari kerja ke Komisi Informasi",
      read: async () => {
        const n = await keberatan(ids.k2!);
        return { tenggat: n.batasSengketa, sementara: n.batasSengketaSementara };
      },
      expected: (i) => hitung(i, jawab, 14, "HARI_KERJA"),
    },
    {
      name: "jendela keberatan (alasanKeberatan): 30 hari kerja sejak penolakan",
      read: async () => {
        const n = await node(globalId("PermohonanInformasi", r4.id), "alasanKeberatan { alasan batas batasPenjelasan { tenggat sementara } }");
        const g = n.alasanKeberatan.find((x: { alasan: string }) => x.alasan === "PENOLAKAN");
        expect(g.batasPenjelasan.tenggat).toBe(g.batas);
        return { tenggat: g.batas, sementara: g.batasPenjelasan.sementara };
      },
      expected: (i) => hitung(i, wib("2026-10-16T10:00:00"), 30, "HARI_KERJA"),
    },
  ];
});
afterAll(() => t?.close());

async function agreeAll(label: string) {
  for (const k of kasus) {
    const [stored, expected] = [await k.read(), await k.expected(instansiGid)];
    expect(stored, `${label} — ${k.name}`).toEqual(expected);
  }
  // the other instansi's request follows its own calendar
  const n = await node(ids.r5!, "tenggat tenggatSementara");
  expect({ tenggat: n.tenggat, sementara: n.tenggatSementara }, `${label} — other instansi`).toEqual(
    await hitung(other.gid, wib("2026-12-18T10:00:00"), 10, "HARI_KERJA"),
  );
}

async function snapshot() {
  const out: Record<string, { tenggat: string; sementara: boolean }> = {};
  for (const k of kasus) out[k.name] = await k.read();
  return out;
}

const ok = (r: any, field: string) => {
  const v = r.data?.[field];
  if (!v || !String(v.__typename).endsWith("Success")) throw new Error(`${field}: ${JSON.stringify(r)}`);
  return v;
};

const mutate = (query: string, variables: Record<string, unknown> = {}, token = superadmin.token) => t.gql(query, variables, { token });
const UPDATE_INSTANSI = `mutation($id: ID!, $input: InstansiInput!) { updateInstansi(id: $id, input: $input) { __typename ... on Error { code message } } }`;
const SET_JAM = `mutation($id: ID!, $jam: [JamLayananInput!]!) { setJamLayanan(instansiId: $id, jamLayanan: $jam) { __typename ... on Error { code message } } }`;
const MASPECI = [1, 2, 3, 4].map((hari) => ({ hari, buka: "08:00", tutup: "15:30" })).concat([{ hari: 5, buka: "08:00", tutup: "16:00" }]);

/** a calendar change and its undoing, through the public API */
const CHANGES: Array<{ name: string; apply(): Promise<void>; undo(): Promise<void> }> = [];
let holidayId = "";
let closureId = "";
let h2027 = "";
const christmas = async () =>
  (await t.db.prisma.hariLibur.findFirstOrThrow({ where: { tanggal: new Date("2026-12-25T00:00:00Z"), jenis: "LIBUR_NASIONAL" } })).id;
CHANGES.push(
  {
    name: "hari libur nasional 28 Desember ditambahkan",
    apply: async () => {
      holidayId = ok(
        await mutate(
          `mutation { createHariLibur(tanggal: "2026-12-28", nama: "Libur Tambahan", jenis: LIBUR_NASIONAL, dasarHukum: "Keppres Nomor 99 Tahun 2026") { __typename ... on CreateHariLiburSuccess { data { id } } ... on Error { code message } } }`,
        ),
        "createHariLibur",
      ).data.id;
    },
    undo: async () => {
      ok(await mutate(`mutation($id: ID!) { deleteHariLibur(id: $id) { __typename ... on Error { code } } }`, { id: holidayId }), "deleteHariLibur");
    },
  },
  {
    name: "Natal dipindah ke 22 Desember (diubah)",
    apply: async () => {
      ok(
        await mutate(`mutation($id: ID!) { updateHariLibur(id: $id, tanggal: "2026-12-22") { __typename ... on Error { code message } } }`, {
          id: globalId("HariLibur", await christmas()),
        }),
        "updateHariLibur",
      );
    },
    undo: async () => {
      const row = await t.db.prisma.hariLibur.findFirstOrThrow({ where: { tanggal: new Date("2026-12-22T00:00:00Z") } });
      ok(
        await mutate(`mutation($id: ID!) { updateHariLibur(id: $id, tanggal: "2026-12-25") { __typename ... on Error { code message } } }`, {
          id: globalId("HariLibur", row.id),
        }),
        "updateHariLibur",
      );
    },
  },
  {
    name: "cuti bersama dihitung hari kerja",
    apply: async () => {
      ok(await mutate(UPDATE_INSTANSI, { id: instansiGid, input: { cutiBersamaLibur: false } }), "updateInstansi");
    },
    undo: async () => {
      ok(await mutate(UPDATE_INSTANSI, { id: instansiGid, input: { cutiBersamaLibur: true } }), "updateInstansi");
    },
  },
  {
    name: "penutupan kantor 22 Desember",
    apply: async () => {
      closureId = ok(
        await mutate(
          `mutation($id: ID!) { addPenutupan(instansiId: $id, tanggal: "2026-12-22", alasan: "Banjir") { __typename ... on AddPenutupanSuccess { data { id } } ... on Error { code message } } }`,
          { id: instansiGid },
        ),
        "addPenutupan",
      ).data.id;
    },
    undo: async () => {
      ok(await mutate(`mutation($id: ID!) { removePenutupan(id: $id) { __typename ... on Error { code } } }`, { id: closureId }), "removePenutupan");
    },
  },
  {
    name: "jam layanan 08.00–12.00",
    apply: async () => {
      ok(await mutate(SET_JAM, { id: instansiGid, jam: [1, 2, 3, 4, 5].map((hari) => ({ hari, buka: "08:00", tutup: "12:00" })) }), "setJamLayanan");
    },
    undo: async () => {
      ok(await mutate(SET_JAM, { id: instansiGid, jam: MASPECI }), "setJamLayanan");
    },
  },
  {
    name: "zona waktu WITA",
    apply: async () => {
      ok(await mutate(UPDATE_INSTANSI, { id: instansiGid, input: { zonaWaktu: "WITA" } }), "updateInstansi");
    },
    undo: async () => {
      ok(await mutate(UPDATE_INSTANSI, { id: instansiGid, input: { zonaWaktu: "WIB" } }), "updateInstansi");
    },
  },
  {
    name: "tabel hari libur 2027 dimasukkan",
    apply: async () => {
      h2027 = ok(
        await mutate(
          `mutation { createHariLibur(tanggal: "2027-02-06", nama: "Tahun Baru Imlek", jenis: LIBUR_NASIONAL, dasarHukum: "SKB 3 Menteri 2027") { __typename ... on CreateHariLiburSuccess { data { id } } ... on Error { code message } } }`,
        ),
        "createHariLibur",
      ).data.id;
    },
    undo: async () => {
      ok(await mutate(`mutation($id: ID!) { deleteHariLibur(id: $id) { __typename ... on Error { code } } }`, { id: h2027 }), "deleteHariLibur");
    },
  },
);

describe("every open deadline follows the calendar", () => {
  it("starts in agreement with hitungTenggat, and the values are the ones worked out by hand", async () => {
    // make the stored values the computed ones first (the rows above were written with hand-computed values)
    const before = await snapshot();
    expect(before["pengajuan: 3 hari kerja sejak berkas lengkap"]).toEqual({ tenggat: "2026-12-28T08:30:00.000Z", sementara: false }); // Tue 22, Wed 23, (24 cuti, 25 Natal) Mon 28
    expect(before["pengaduan: 2x24 jam kerja sejak diverifikasi"]).toEqual({ tenggat: "2026-12-29T07:00:00.000Z", sementara: false }); // Wed 14:00 → (24, 25, weekend) Tue 29 14:00
    expect(before["PPID: diperpanjang 7 hari kerja dari tenggat awal"]).toEqual({ tenggat: "2026-12-28T08:30:00.000Z", sementara: false });
    expect(before["keberatan: 14 hari kerja ke Komisi Informasi"]).toEqual({ tenggat: "2027-01-04T08:30:00.000Z", sementara: true });
    await agreeAll("awal");
  });

  for (const [i, change] of CHANGES.entries()) {
    it(`${change.name}: every stored deadline moves with it in the change's transaction, and back when undone`, async () => {
      const before = await snapshot();
      await change.apply();
      await agreeAll(`setelah: ${change.name}`);
      const during = await snapshot();
      expect(during, `${change.name} moved nothing`).not.toEqual(before);
      await change.undo();
      await agreeAll(`dibatalkan: ${change.name}`);
      expect(await snapshot()).toEqual(before);
      void i;
    });
  }

  it("writes the step in each case's history, in words", async () => {
    const n = await node(ids.pengajuan!, "riwayat { aksi pesan }");
    const steps = n.riwayat.filter((r: { aksi: string }) => r.aksi === "TENGGAT_BERUBAH").map((r: { pesan: string }) => r.pesan);
    expect(steps).toContain("Tenggat berubah: 28 Desember → 29 Desember 2026 karena hari libur 28 Desember 2026 (Libur Tambahan) ditambahkan");
    expect(steps).toContain("Tenggat berubah: 29 Desember → 28 Desember 2026 karena hari libur 28 Desember 2026 (Libur Tambahan) dihapus");
    expect(steps).toContain("Tenggat berubah: 28 Desember → 24 Desember 2026 karena cuti bersama kini dihitung sebagai hari kerja instansi");
    const r = await t.db.prisma.permohonanLog.findMany({ where: { aksi: "TENGGAT_BERUBAH" }, orderBy: { createdAt: "asc" } });
    expect(r.map((x) => x.pesan)).toContain("Tenggat 6 Januari 2027 tidak lagi sementara karena hari libur 6 Februari 2027 (Tahun Baru Imlek) ditambahkan");
    expect(r.some((x) => x.pesan!.startsWith("Keberatan KEB/T/2026/00002 — Batas pengajuan sengketa ke Komisi Informasi — "))).toBe(true);
    const aduan = await t.db.prisma.pengaduanLog.findMany({ where: { aksi: "TENGGAT_BERUBAH" } });
    expect(aduan.length).toBeGreaterThan(0);
  });

  it("a closure concerns only its own instansi; a national holiday concerns every instansi", async () => {
    const r5 = () => node(ids.r5!, "tenggat");
    const awal = (await r5()).tenggat;
    const add = ok(
      await mutate(
        `mutation($id: ID!) { addPenutupan(instansiId: $id, tanggal: "2026-12-30", alasan: "Rapat kerja") { __typename ... on AddPenutupanSuccess { data { id } } ... on Error { code message } } }`,
        { id: instansiGid },
      ),
      "addPenutupan",
    );
    expect((await r5()).tenggat).toBe(awal);
    ok(await mutate(`mutation($id: ID!) { removePenutupan(id: $id) { __typename ... on Error { code } } }`, { id: add.data.id }), "removePenutupan");
    const h = ok(
      await mutate(
        `mutation { createHariLibur(tanggal: "2026-12-30", nama: "Libur Nasional Uji", jenis: LIBUR_NASIONAL, dasarHukum: "Keppres Nomor 98 Tahun 2026") { __typename ... on CreateHariLiburSuccess { data { id } } ... on Error { code message } } }`,
      ),
      "createHariLibur",
    );
    expect((await r5()).tenggat).not.toBe(awal);
    await agreeAll("hari libur nasional 30 Desember");
    ok(await mutate(`mutation($id: ID!) { deleteHariLibur(id: $id) { __typename ... on Error { code } } }`, { id: h.data.id }), "deleteHariLibur");
    expect((await r5()).tenggat).toBe(awal);
  });

  it("pushes the moved deadline live to the citizen's open pages and the desk", async () => {
    const citizenClient = wsClient(port, { token: wargaToken });
    const aduan = collect(citizenClient, `subscription($id: ID!) { pengaduanBerubah(id: $id) { tenggat } }`, { id: ids.pengaduan });
    const ppid = collect(citizenClient, `subscription($id: ID!) { permohonanInformasiBerubah(id: $id) { tenggat } }`, { id: ids.r2 });
    const seqNow = (
      await t.db.prisma.pengajuan.findUniqueOrThrow({ where: { id: Buffer.from(ids.pengajuan!, "base64").toString().split(":")[1]! }, select: { seq: true } })
    ).seq;
    const pengajuan = collect(
      citizenClient,
      `subscription($id: ID!, $s: Int) { pengajuanBerubah(id: $id, setelahSeq: $s) { seq log { aksi pesan } pengajuan { tenggat } } }`,
      { id: ids.pengajuan, s: seqNow },
    );
    const desk = collect(wsClient(port, { token: fx.petugas.token }), `subscription($i: ID) { antrianBerubah(instansiId: $i) { id tenggat } }`, {
      i: instansiGid,
    });
    await aduan.next(1);
    await ppid.next(1);
    await new Promise((r) => setTimeout(r, 300)); // let the live subscriptions register before the change
    const h = ok(
      await mutate(
        `mutation { createHariLibur(tanggal: "2026-12-28", nama: "Libur Tambahan", jenis: LIBUR_NASIONAL, dasarHukum: "Keppres Nomor 99 Tahun 2026") { __typename ... on CreateHariLiburSuccess { data { id } } ... on Error { code message } } }`,
      ),
      "createHariLibur",
    );
    const a = await aduan.next(2);
    expect(a[1]!.data!.pengaduanBerubah.tenggat).toBe("2026-12-30T07:00:00.000Z");
    const p = await ppid.next(2);
    expect(p[1]!.data!.permohonanInformasiBerubah.tenggat).toBe("2026-12-29T08:30:00.000Z");
    const s = await pengajuan.next(1);
    expect(s[0]!.data!.pengajuanBerubah).toMatchObject({ log: { aksi: "TENGGAT_BERUBAH" }, pengajuan: { tenggat: "2026-12-29T08:30:00.000Z" } });
    const d = await desk.next(1);
    expect(d.some((e) => e.data?.antrianBerubah?.tenggat === "2026-12-29T08:30:00.000Z")).toBe(true);
    ok(await mutate(`mutation($id: ID!) { deleteHariLibur(id: $id) { __typename ... on Error { code } } }`, { id: h.data.id }), "deleteHariLibur");
    await citizenClient.dispose();
  });

  it("sends PENGAJUAN_STATUS (aksi TENGGAT_BERUBAH) to the instansi's webhook subscribers", async () => {
    const receiver = await startReceiver();
    try {
      const client = await insertClient(t, fx.instansi.id, ["TERIMA_WEBHOOK"]);
      const sub = await t.gql(
        `mutation($u: String!) { createWebhookSubscription(url: $u, events: [PENGAJUAN_STATUS]) { __typename ... on Error { code message } } }`,
        { u: receiver.url },
        { token: client.token },
      );
      expect(sub.data!.createWebhookSubscription.__typename).toBe("CreateWebhookSubscriptionSuccess");
      const h = ok(
        await mutate(
          `mutation { createHariLibur(tanggal: "2026-12-28", nama: "Libur Tambahan", jenis: LIBUR_NASIONAL, dasarHukum: "Keppres Nomor 99 Tahun 2026") { __typename ... on CreateHariLiburSuccess { data { id } } ... on Error { code message } } }`,
        ),
        "createHariLibur",
      );
      await expect
        .poll(() => receiver.received.map((r) => JSON.parse(r.body)).filter((b) => b.event === "PENGAJUAN_STATUS").length, { timeout: 30_000 })
        .toBeGreaterThan(0);
      const body = receiver.received.map((r) => JSON.parse(r.body)).find((b) => b.event === "PENGAJUAN_STATUS");
      expect(body.data).toMatchObject({
        aksi: "TENGGAT_BERUBAH",
        status: "DIVERIFIKASI",
        dariStatus: "DIVERIFIKASI",
        tenggat: "2026-12-29T08:30:00.000Z",
        tenggatSementara: false,
      });
      expect(body.data.pesan).toMatch(/^Tenggat berubah: 28 Desember → 29 Desember 2026 karena hari libur 28 Desember 2026/);
      ok(await mutate(`mutation($id: ID!) { deleteHariLibur(id: $id) { __typename ... on Error { code } } }`, { id: h.data.id }), "deleteHariLibur");
      await t.db.prisma.webhookSubscription.deleteMany({});
    } finally {
      await receiver.close();
    }
  });

  it("each deadline explains itself: start, rule, days counted, each day skipped with its reason and decree", async () => {
    const n = await node(ids.pengajuan!, `tenggat tenggatPenjelasan { ${PENJELASAN} }`);
    const e = n.tenggatPenjelasan;
    expect(e.tenggat).toBe(n.tenggat);
    expect(e.aturan).toMatch(/^3 hari kerja sejak berkas dinyatakan lengkap/);
    expect(e.mulai).toBe("2026-12-21T03:00:00.000Z");
    expect(e.hariDihitung.map((d: { tanggal: string }) => d.tanggal)).toEqual(["2026-12-22", "2026-12-23", "2026-12-28"]);
    expect(e.hariDilewati).toEqual([
      { tanggal: "2026-12-24", alasan: "CUTI_BERSAMA", nama: expect.any(String), dasarHukum: expect.stringMatching(/2025/) },
      { tanggal: "2026-12-25", alasan: "LIBUR_NASIONAL", nama: expect.stringMatching(/Natal|Kelahiran Yesus/), dasarHukum: expect.stringMatching(/2025/) },
      { tanggal: "2026-12-26", alasan: "AKHIR_PEKAN", nama: "Sabtu", dasarHukum: null },
      { tanggal: "2026-12-27", alasan: "AKHIR_PEKAN", nama: "Minggu", dasarHukum: null },
    ]);
    const k = await keberatan(ids.k2!);
    expect(k.batasSengketaPenjelasan).toMatchObject({ tenggat: k.batasSengketa, sementara: true });
    expect(k.batasSengketaPenjelasan.hariDilewati).toContainEqual({ tanggal: "2027-01-01", alasan: "TAHUN_BARU", nama: "Tahun Baru Masehi", dasarHukum: null });
    expect(k.tenggatTanggapanPenjelasan).toBeNull(); // answered: that clock has stopped
    const r2 = await node(ids.r2!, `tenggat tenggatPenjelasan { ${PENJELASAN} }`);
    expect(r2.tenggatPenjelasan.tenggat).toBe(r2.tenggat);
    expect(r2.tenggatPenjelasan.hariDihitung).toHaveLength(17);
    expect(r2.tenggatPenjelasan.aturan).toMatch(/diperpanjang 7 hari kerja/);
    // public tracking carries it too, without an account
    const lacak = await t.gql(`query { lacakPengaduan(kodeLacak: "ADU-TENGGAT1") { tenggat tenggatPenjelasan { ${PENJELASAN} } } }`);
    expect(lacak.data!.lacakPengaduan.tenggatPenjelasan).toMatchObject({
      tenggat: lacak.data!.lacakPengaduan.tenggat,
      hariDihitung: [{ tanggal: "2026-12-28" }, { tanggal: "2026-12-29" }],
    });
  });
});

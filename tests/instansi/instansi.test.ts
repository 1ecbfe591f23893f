import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaff, createTestApp, type TestApp } from "../helpers/app";

let t: TestApp;
let superadmin: Awaited<ReturnType<typeof createStaff>>;
let instansiGid: string;
let adminToken: string;

const CREATE = `mutation($input: InstansiInput!, $jam: [JamLayananInput!]!) {
  createInstansi(input: $input, jamLayanan: $jam) {
    __typename
    ... on CreateInstansiSuccess { data { id kode nama zonaWaktu zonaWaktuLabel cutiBersamaLibur jamLayanan { hari namaHari buka tutup } } }
    ... on Error { code message field }
  }
}`;
const TENGGAT = `query($id: ID!, $mulai: DateTime!, $jumlah: Int!, $satuan: TenggatUnit!) {
  hitungTenggat(instansiId: $id, mulai: $mulai, jumlah: $jumlah, satuan: $satuan) {
    __typename ... on HitungTenggatSuccess { data { tenggat sementara } } ... on Error { code }
  }
}`;

beforeAll(async () => {
  t = await createTestApp();
  superadmin = await createStaff(t, "SUPERADMIN", null);
  const res = await t.gql(
    CREATE,
    {
      input: { kode: "kmg-madiun", nama: "Kantor Kementerian Agama Kabupaten Madiun", zonaWaktu: "WIB" },
      jam: [1, 2, 3, 4].map((hari) => ({ hari, buka: "08:00", tutup: "15:30" })).concat([{ hari: 5, buka: "08.00", tutup: "16.00" }]),
    },
    { token: superadmin.token },
  );
  expect(res.errors).toBeUndefined();
  instansiGid = res.data!.createInstansi.data.id;
  const rawId = Buffer.from(instansiGid, "base64").toString().split(":")[1]!;
  adminToken = (await createStaff(t, "ADMIN", rawId)).token;
});
afterAll(() => t.close());

describe("instansi and office hours", () => {
  it("creates an instansi with normalised code, zone and hours", async () => {
    const res = await t.gql(`{ instansi(kode: "KMG-MADIUN") { kode zonaWaktu zonaWaktuLabel jamLayanan { namaHari buka tutup } } }`);
    expect(res.data!.instansi).toMatchObject({ kode: "KMG-MADIUN", zonaWaktu: "Asia/Jakarta", zonaWaktuLabel: "WIB" });
    expect(res.data!.instansi.jamLayanan.at(-1)).toEqual({ namaHari: "Jumat", buka: "08:00", tutup: "16:00" });
  });

  it.each([
    [{ kode: "x", nama: "Kantor" }, [{ hari: 1, buka: "08:00", tutup: "15:00" }], "KODE_INVALID"],
    [{ kode: "KMG-MADIUN", nama: "Kantor Lain" }, [{ hari: 1, buka: "08:00", tutup: "15:00" }], "KODE_TAKEN"],
    [{ kode: "WITA-1", nama: "Kantor", zonaWaktu: "GMT" }, [{ hari: 1, buka: "08:00", tutup: "15:00" }], "ZONA_WAKTU_INVALID"],
    [{ kode: "JAM-1", nama: "Kantor" }, [{ hari: 8, buka: "08:00", tutup: "15:00" }], "HARI_INVALID"],
    [{ kode: "JAM-2", nama: "Kantor" }, [{ hari: 1, buka: "15:00", tutup: "08:00" }], "JAM_INVALID"],
    [{ kode: "JAM-3", nama: "Kantor" }, [{ hari: 1, buka: "25:00", tutup: "26:00" }], "JAM_INVALID"],
    [
      { kode: "JAM-4", nama: "Kantor" },
      [
        { hari: 1, buka: "08:00", tutup: "12:00" },
        { hari: 1, buka: "11:00", tutup: "15:00" },
      ],
      "JAM_BERTUMPUK",
    ],
    [{ kode: "JAM-5", nama: "Kantor" }, [], "JAM_KOSONG"],
  ])("refuses %j / %j with %s and writes nothing", async (input, jam, code) => {
    const before = await t.db.prisma.instansi.count();
    const res = await t.gql(CREATE, { input, jam }, { token: superadmin.token });
    expect(res.data!.createInstansi.code).toBe(code);
    expect(res.data!.createInstansi.message).toBeTruthy();
    expect(await t.db.prisma.instansi.count()).toBe(before);
  });

  it("lets the instansi admin change hours, cuti bersama rule and closures; deadlines follow at once", async () => {
    // Friday 2026-03-13 10:00 WIB + 5 working days: 16,17(Nyepi? no: 18 cuti, 19 Nyepi, 20 cuti, 23-24 cuti)…
    const mulai = "2026-03-13T03:00:00.000Z";
    const before = await t.gql(TENGGAT, { id: instansiGid, mulai, jumlah: 3, satuan: "HARI_KERJA" });
    // day 1 Mon 16 Mar, day 2 Tue 17 Mar; 18 cuti bersama, 19 Nyepi, 20 cuti, 21-22 Idulfitri, 23-24 cuti; day 3 Wed 25 Mar, close 15:30 WIB
    expect(before.data!.hitungTenggat.data).toEqual({ tenggat: "2026-03-25T08:30:00.000Z", sementara: false });

    const upd = await t.gql(
      `mutation($id: ID!) { updateInstansi(id: $id, input: { cutiBersamaLibur: false }) { __typename } }`,
      { id: instansiGid },
      { token: adminToken },
    );
    expect(upd.data!.updateInstansi.__typename).toBe("UpdateInstansiSuccess");
    const afterRule = await t.gql(TENGGAT, { id: instansiGid, mulai, jumlah: 3, satuan: "HARI_KERJA" });
    // cuti bersama now worked: day 3 is Wed 18 Mar
    expect(afterRule.data!.hitungTenggat.data.tenggat).toBe("2026-03-18T08:30:00.000Z");

    const close = await t.gql(
      `mutation($id: ID!) { addPenutupan(instansiId: $id, tanggal: "2026-03-16", alasan: "Rapat koordinasi kantor") { __typename ... on AddPenutupanSuccess { data { tanggal alasan } } } }`,
      { id: instansiGid },
      { token: adminToken },
    );
    expect(close.data!.addPenutupan.data).toEqual({ tanggal: "2026-03-16", alasan: "Rapat koordinasi kantor" });
    const dup = await t.gql(
      `mutation($id: ID!) { addPenutupan(instansiId: $id, tanggal: "2026-03-16", alasan: "Lagi") { __typename ... on Error { code } } }`,
      { id: instansiGid },
      { token: adminToken },
    );
    expect(dup.data!.addPenutupan.code).toBe("PENUTUPAN_EXISTS");
    const afterClose = await t.gql(TENGGAT, { id: instansiGid, mulai, jumlah: 3, satuan: "HARI_KERJA" });
    // day 1 Tue 17, day 2 Wed 18 (cuti, worked), 19 Nyepi, day 3 Fri 20 (cuti, worked) closing 16:00 WIB
    expect(afterClose.data!.hitungTenggat.data.tenggat).toBe("2026-03-20T09:00:00.000Z");
  });
});

describe("national holidays", () => {
  it("are seeded for 2026 with their decree, public to read", async () => {
    const res = await t.gql(`{ hariLibur(tahun: 2026) { tanggal nama jenis dasarHukum } }`);
    const rows = res.data!.hariLibur;
    expect(rows.length).toBe(25);
    expect(rows.filter((r: { jenis: string }) => r.jenis === "CUTI_BERSAMA").map((r: { tanggal: string }) => r.tanggal)).toEqual([
      "2026-02-16",
      "2026-03-18",
      "2026-03-20",
      "2026-03-23",
      "2026-03-24",
      "2026-05-15",
      "2026-05-28",
      "2026-12-24",
    ]);
    expect(rows[0]).toMatchObject({ tanggal: "2026-01-01", jenis: "LIBUR_NASIONAL" });
    expect(rows[0].dasarHukum).toMatch(/1497 Tahun 2025/);
  });

  it("a SUPERADMIN's new holiday moves deadlines at once; a deadline into an unentered year is provisional", async () => {
    const mulai = "2026-12-28T02:00:00.000Z"; // Monday 09:00 WIB
    const before = await t.gql(TENGGAT, { id: instansiGid, mulai, jumlah: 2, satuan: "HARI_KERJA" });
    // Tue 29, Wed 30 → close 15:30 WIB
    expect(before.data!.hitungTenggat.data).toEqual({ tenggat: "2026-12-30T08:30:00.000Z", sementara: false });
    const add = await t.gql(
      `mutation { createHariLibur(tanggal: "2026-12-29", nama: "Libur tambahan", jenis: LIBUR_NASIONAL, dasarHukum: "Keppres Nomor 99 Tahun 2026") { __typename ... on CreateHariLiburSuccess { data { id tanggal } } } }`,
      {},
      { token: superadmin.token },
    );
    expect(add.data!.createHariLibur.data.tanggal).toBe("2026-12-29");
    const after = await t.gql(TENGGAT, { id: instansiGid, mulai, jumlah: 2, satuan: "HARI_KERJA" });
    // Wed 30, Thu 31
    expect(after.data!.hitungTenggat.data).toEqual({ tenggat: "2026-12-31T08:30:00.000Z", sementara: false });
    const into2027 = await t.gql(TENGGAT, { id: instansiGid, mulai, jumlah: 4, satuan: "HARI_KERJA" });
    // (29 Dec now closed) Wed 30, Thu 31, Fri 1 Jan 2027 always closed, Mon 4, Tue 5 Jan 15:30 — 2027 table not entered
    expect(into2027.data!.hitungTenggat.data).toEqual({ tenggat: "2027-01-05T08:30:00.000Z", sementara: true });

    const del = await t.gql(
      `mutation($id: ID!) { deleteHariLibur(id: $id) { __typename } }`,
      { id: add.data!.createHariLibur.data.id },
      { token: superadmin.token },
    );
    expect(del.data!.deleteHariLibur.__typename).toBe("DeleteHariLiburSuccess");
    const back = await t.gql(TENGGAT, { id: instansiGid, mulai, jumlah: 2, satuan: "HARI_KERJA" });
    expect(back.data!.hitungTenggat.data.tenggat).toBe("2026-12-30T08:30:00.000Z");
  });

  it("refuses a holiday without its legal basis", async () => {
    const res = await t.gql(
      `mutation { createHariLibur(tanggal: "2026-06-02", nama: "Libur", jenis: LIBUR_NASIONAL, dasarHukum: "") { __typename ... on Error { code field } } }`,
      {},
      { token: superadmin.token },
    );
    expect(res.data!.createHariLibur).toMatchObject({ code: "DASAR_HUKUM_REQUIRED", field: "dasarHukum" });
  });

  it('computes "2x24 jam kerja" the MasPeci way, per office time zone', async () => {
    // Wednesday 2026-11-18 14:00 WIB → Friday 14:00 WIB
    const res = await t.gql(TENGGAT, { id: instansiGid, mulai: "2026-11-18T07:00:00.000Z", jumlah: 2, satuan: "HARI_KERJA_JAM_SAMA" });
    expect(res.data!.hitungTenggat.data.tenggat).toBe("2026-11-20T07:00:00.000Z");
    const wit = await t.gql(
      CREATE,
      {
        input: { kode: "JAYAPURA", nama: "Kantor Kota Jayapura", zonaWaktu: "WIT" },
        jam: [1, 2, 3, 4, 5].map((hari) => ({ hari, buka: "08:00", tutup: "16:00" })),
      },
      { token: superadmin.token },
    );
    const witRes = await t.gql(TENGGAT, { id: wit.data!.createInstansi.data.id, mulai: "2026-11-18T05:00:00.000Z", jumlah: 2, satuan: "HARI_KERJA_JAM_SAMA" });
    // 05:00Z is 14:00 WIT on Wednesday → Friday 14:00 WIT = 05:00Z
    expect(witRes.data!.hitungTenggat.data.tenggat).toBe("2026-11-20T05:00:00.000Z");
  });
});

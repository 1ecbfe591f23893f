import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInstansi, createStaff, globalId, registerCitizen, type TestApp } from "../helpers/app";
import { createTestApp } from "../helpers/app";
import { loadBantuanSeed, seedBantuan } from "../../server/modules/bantuan/seed";

/**
 * The help pages through the public API on a real database: reading and searching the Pekalongan FAQ (seed 003)
 * as anyone, editing as the right admin only, every refusal with its code, and each change in the audit trail.
 */

let t: TestApp;
let pkl: { id: string; gid: string };
let other: { id: string; gid: string };
let adminPkl: string;
let adminOther: string;
let superadmin: string;
let citizen: string;

const PAGE = `query($kode: String) {
  halamanBantuan(kode: $kode) {
    umum dapatDiubah
    instansi { kode nama whatsapp }
    topik { id judul urutan tanyaJawab { id pertanyaan jawaban urutan } }
  }
}`;
const CARI = `query($kode: String, $kata: String!) { cariBantuan(kode: $kode, kata: $kata) { pertanyaan topik { judul } } }`;
const TAMBAH_TOPIK = `mutation($instansiId: ID, $judul: String!) {
  tambahTopikBantuan(instansiId: $instansiId, judul: $judul) {
    __typename ... on TambahTopikBantuanSuccess { data { id judul urutan instansi { kode } } } ... on Error { code message field }
  }
}`;
const TAMBAH = `mutation($topikId: ID!, $pertanyaan: String!, $jawaban: String!) {
  tambahTanyaJawab(topikId: $topikId, pertanyaan: $pertanyaan, jawaban: $jawaban) {
    __typename ... on TambahTanyaJawabSuccess { data { id pertanyaan jawaban urutan } } ... on Error { code message field }
  }
}`;
const UBAH = `mutation($id: ID!, $pertanyaan: String!, $jawaban: String!, $topikId: ID) {
  ubahTanyaJawab(id: $id, pertanyaan: $pertanyaan, jawaban: $jawaban, topikId: $topikId) {
    __typename ... on UbahTanyaJawabSuccess { data { id pertanyaan jawaban topik { judul } } } ... on Error { code message field }
  }
}`;
const URUTKAN = `mutation($topikId: ID!, $ids: [ID!]!) {
  urutkanTanyaJawab(topikId: $topikId, ids: $ids) {
    __typename ... on UrutkanTanyaJawabSuccess { data { tanyaJawab { pertanyaan } } } ... on Error { code message }
  }
}`;
const HAPUS_TOPIK = `mutation($id: ID!) { hapusTopikBantuan(id: $id) { __typename ... on Error { code message } } }`;
const HAPUS = `mutation($id: ID!) { hapusTanyaJawab(id: $id) { __typename ... on Error { code } } }`;

type Page = { topik: Array<{ id: string; judul: string; tanyaJawab: Array<{ id: string; pertanyaan: string; jawaban: string }> }> };
async function page(kode?: string, token?: string) {
  const res = await t.gql(PAGE, { kode }, { token });
  expect(res.errors).toBeUndefined();
  return res.data!.halamanBantuan;
}

beforeAll(async () => {
  t = await createTestApp();
  const a = await createInstansi(t, "KOMINFO-KOTA-PKL");
  const b = await createInstansi(t, "KMG-LAIN");
  await t.db.prisma.$transaction((tx) => seedBantuan(tx, new Map([["KOMINFO-KOTA-PKL", a.id]])));
  pkl = { id: a.id, gid: globalId("Instansi", a.id) };
  other = { id: b.id, gid: globalId("Instansi", b.id) };
  adminPkl = (await createStaff(t, "ADMIN", a.id)).token;
  adminOther = (await createStaff(t, "ADMIN", b.id)).token;
  superadmin = (await createStaff(t, "SUPERADMIN", null)).token;
  const c = await registerCitizen(t);
  await t.db.prisma.user.update({ where: { id: c.id }, data: { status: "AKTIF" } });
  citizen = c.token;
});
afterAll(() => t.close());

describe("reading (public)", () => {
  it("shows the Pekalongan FAQ in its topics and order, the seed's words kept", async () => {
    const p = await page("kominfo-kota-pkl");
    expect(p.umum).toBe(false);
    expect(p.dapatDiubah).toBe(false);
    expect(p.instansi.kode).toBe("KOMINFO-KOTA-PKL");
    expect(p.topik.map((x: { judul: string }) => x.judul)).toEqual(["Umum", "Laporan", "Tracking", "Tentang kami"]);
    const seed = loadBantuanSeed()[0]!;
    expect(p.topik.map((x: Page["topik"][number]) => x.tanyaJawab.length)).toEqual(seed.topik.map((x) => x.tanyaJawab.length));
    const laporan = p.topik[1].tanyaJawab;
    expect(laporan[5]).toMatchObject({
      pertanyaan: "Berapa lama waktu yang diperlukan untuk proses tindak lanjut aduan?",
      jawaban: "Waktu yang diperlukan 2x24 Jam setelah aduan diterima dan diverifikasi oleh admin.",
    });
    expect(p.topik[0].tanyaJawab[0].jawaban).toBe('Anda dapat menggunakan link "Daftar di sini" pada menu login');
  });

  it("the general page belongs to no instansi; an unknown kode is null", async () => {
    const p = await page();
    expect(p).toMatchObject({ umum: true, instansi: null, topik: [] });
    expect((await page("TIDAK-ADA")) as unknown).toBeNull();
  });

  it("tells each admin which page they may edit", async () => {
    expect((await page("KOMINFO-KOTA-PKL", adminPkl)).dapatDiubah).toBe(true);
    expect((await page("KOMINFO-KOTA-PKL", adminOther)).dapatDiubah).toBe(false);
    expect((await page(undefined, adminPkl)).dapatDiubah).toBe(false);
    expect((await page(undefined, superadmin)).dapatDiubah).toBe(true);
    expect((await page("KMG-LAIN", superadmin)).dapatDiubah).toBe(true);
  });
});

describe("search", () => {
  const cari = async (kata: string, kode: string | null = "KOMINFO-KOTA-PKL") => {
    const res = await t.gql(CARI, { kode, kata });
    expect(res.errors).toBeUndefined();
    return res.data!.cariBantuan as Array<{ pertanyaan: string; topik: { judul: string } }>;
  };

  it("finds Indonesian word forms: 'mendaftar' finds 'Daftar', 'pengaduan' finds 'aduan'", async () => {
    const daftar = await cari("mendaftar");
    expect(daftar.map((r) => r.pertanyaan)).toContain("Bagaimana cara mendaftar akun?");
    expect((await cari("DAFTAR")).map((r) => r.pertanyaan)).toContain("Bagaimana cara mendaftar akun?");
    const biaya = await cari("pengaduan biaya");
    expect(biaya[0]!.pertanyaan).toBe("Apakah proses aduan konten ini dipungut biaya?");
  });

  it("is case-insensitive, needs every word, and ranks a match in the question first", async () => {
    const r = await cari("NOTIFIKASI");
    expect(r.length).toBeGreaterThan(1);
    expect(r[0]!.pertanyaan).toMatch(/notifikasi/i);
    expect(await cari("notifikasi gajah")).toEqual([]);
    // the start of a word, a number and an abbreviation match as typed; never the middle of a word
    expect((await cari("2x24")).map((x) => x.pertanyaan)).toEqual(["Berapa lama waktu yang diperlukan untuk proses tindak lanjut aduan?"]);
    expect((await cari("(SOP)")).map((x) => x.pertanyaan).sort()).toEqual([
      "Bagaimana cara mengajukan permohonan informasi publik?",
      "Di mana saya bisa melihat proses bisnis dan waktu penyelesaian layanan?",
    ]);
    expect((await cari("pekal")).length).toBeGreaterThan(2);
    expect(await cari("alonga")).toEqual([]);
  });

  it("answers nothing (never an error) for no match, only symbols, wildcards or another page", async () => {
    expect(await cari("zzzqqq")).toEqual([]);
    expect(await cari("   ?!  ")).toEqual([]);
    expect(await cari("%")).toEqual([]);
    expect(await cari("_")).toEqual([]);
    expect(await cari("notifikasi", null)).toEqual([]);
    expect(await cari("notifikasi", "KMG-LAIN")).toEqual([]);
    expect(await cari("a".repeat(5000))).toEqual([]);
  });
});

describe("editing", () => {
  it("an admin of the instansi edits a question; the page and the search follow; the change is audited", async () => {
    const p = await page("KOMINFO-KOTA-PKL");
    const q = p.topik[1].tanyaJawab[6];
    const res = await t.gql(
      UBAH,
      { id: q.id, pertanyaan: "  Apakah proses aduan dipungut biaya?  ", jawaban: "Tidak.\r\n\r\n- Gratis\n- Tanpa perantara" },
      { token: adminPkl },
    );
    expect(res.data!.ubahTanyaJawab).toMatchObject({
      __typename: "UbahTanyaJawabSuccess",
      data: { pertanyaan: "Apakah proses aduan dipungut biaya?", jawaban: "Tidak.\n\n- Gratis\n- Tanpa perantara" },
    });
    expect((await t.gql(CARI, { kode: "KOMINFO-KOTA-PKL", kata: "perantara" })).data!.cariBantuan).toEqual([
      { pertanyaan: "Apakah proses aduan dipungut biaya?", topik: { judul: "Laporan" } },
    ]);
    const entry = await t.db.prisma.auditLog.findFirst({ where: { aksi: "Mutation.ubahTanyaJawab" }, orderBy: { at: "desc" } });
    expect(entry!.detail).toMatchObject({
      argumen: { ubahTanyaJawab: { pertanyaan: "  Apakah proses aduan dipungut biaya?  " } },
      hasil: { ubahTanyaJawab: "UbahTanyaJawabSuccess" },
    });
  });

  it("an admin of another instansi cannot edit, add or reorder; nothing changes and the attempt is audited", async () => {
    const p = await page("KOMINFO-KOTA-PKL");
    const topik = p.topik[0];
    const q = topik.tanyaJawab[0];
    for (const [query, vars] of [
      [UBAH, { id: q.id, pertanyaan: "Diubah instansi lain?", jawaban: "Ya" }],
      [TAMBAH, { topikId: topik.id, pertanyaan: "Pertanyaan titipan?", jawaban: "Ya" }],
      [TAMBAH_TOPIK, { instansiId: pkl.gid, judul: "Topik titipan" }],
      [URUTKAN, { topikId: topik.id, ids: [...topik.tanyaJawab.map((x: { id: string }) => x.id)].reverse() }],
      [HAPUS, { id: q.id }],
      [HAPUS_TOPIK, { id: p.topik[3].id }],
    ] as const) {
      const res = await t.gql(query, vars, { token: adminOther });
      expect(res.errors?.[0]?.extensions?.code, query).toBe("FORBIDDEN");
      expect(res.errors?.[0]?.message).toBe("Hanya admin instansi ini yang dapat mengubah halaman bantuannya.");
    }
    expect(await page("KOMINFO-KOTA-PKL")).toEqual(p);
    const refused = await t.db.prisma.auditLog.findFirst({ where: { aksi: "Mutation.ubahTanyaJawab", aktorPeran: "ADMIN" }, orderBy: { at: "desc" } });
    expect(refused!.detail).toMatchObject({ galat: ["FORBIDDEN"] });
  });

  it("a citizen and an anonymous caller cannot edit; an admin cannot edit the general page", async () => {
    const p = await page("KOMINFO-KOTA-PKL");
    const q = p.topik[0].tanyaJawab[0];
    const asCitizen = await t.gql(UBAH, { id: q.id, pertanyaan: "Diubah warga?", jawaban: "Ya" }, { token: citizen });
    expect(asCitizen.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await t.gql(UBAH, { id: q.id, pertanyaan: "Diubah tamu?", jawaban: "Ya" });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const general = await t.gql(TAMBAH_TOPIK, { judul: "Umum" }, { token: adminPkl });
    expect(general.errors?.[0]).toMatchObject({ message: "Hanya superadmin yang dapat mengubah bantuan umum.", extensions: { code: "FORBIDDEN" } });
    expect(await page("KOMINFO-KOTA-PKL")).toEqual(p);
  });

  it("SUPERADMIN writes the general page: topics, questions, order, removal", async () => {
    const topik = await t.gql(TAMBAH_TOPIK, { judul: "Akun" }, { token: superadmin });
    expect(topik.data!.tambahTopikBantuan).toMatchObject({ data: { judul: "Akun", urutan: 1, instansi: null } });
    const topikId = topik.data!.tambahTopikBantuan.data.id;
    const ids: string[] = [];
    for (const pertanyaan of ["Bagaimana cara masuk?", "Bagaimana jika lupa sandi?"]) {
      const r = await t.gql(TAMBAH, { topikId, pertanyaan, jawaban: "Lihat halaman Masuk." }, { token: superadmin });
      ids.push(r.data!.tambahTanyaJawab.data.id);
    }
    const reordered = await t.gql(URUTKAN, { topikId, ids: [...ids].reverse() }, { token: superadmin });
    expect(reordered.data!.urutkanTanyaJawab.data.tanyaJawab.map((x: { pertanyaan: string }) => x.pertanyaan)).toEqual([
      "Bagaimana jika lupa sandi?",
      "Bagaimana cara masuk?",
    ]);
    const stale = await t.gql(URUTKAN, { topikId, ids: [ids[0]] }, { token: superadmin });
    expect(stale.data!.urutkanTanyaJawab.code).toBe("URUTAN_BERUBAH");
    expect((await t.gql(CARI, { kata: "lupa sandi" })).data!.cariBantuan).toEqual([{ pertanyaan: "Bagaimana jika lupa sandi?", topik: { judul: "Akun" } }]);

    const full = await t.gql(HAPUS_TOPIK, { id: topikId }, { token: superadmin });
    expect(full.data!.hapusTopikBantuan).toMatchObject({ __typename: "InvalidStateError", code: "TOPIK_BERISI" });
    for (const id of ids) expect((await t.gql(HAPUS, { id }, { token: superadmin })).data!.hapusTanyaJawab).toEqual({ __typename: "HapusTanyaJawabSuccess" });
    expect((await t.gql(HAPUS_TOPIK, { id: topikId }, { token: superadmin })).data!.hapusTopikBantuan.__typename).toBe("HapusTopikBantuanSuccess");
    expect((await page()).topik).toEqual([]);
  });

  it("moves a question to another topic of the same page only", async () => {
    const p = await page("KOMINFO-KOTA-PKL");
    const q = p.topik[3].tanyaJawab[0];
    const moved = await t.gql(UBAH, { id: q.id, pertanyaan: q.pertanyaan, jawaban: q.jawaban, topikId: p.topik[0].id }, { token: adminPkl });
    expect(moved.data!.ubahTanyaJawab.data.topik.judul).toBe("Umum");
    const general = await t.gql(TAMBAH_TOPIK, { judul: "Umum" }, { token: superadmin });
    const across = await t.gql(
      UBAH,
      { id: q.id, pertanyaan: q.pertanyaan, jawaban: q.jawaban, topikId: general.data!.tambahTopikBantuan.data.id },
      { token: superadmin },
    );
    expect(across.data!.ubahTanyaJawab).toMatchObject({ __typename: "NotFoundError", code: "BANTUAN_TOPIK_NOT_FOUND" });
  });

  it.each([
    [{ pertanyaan: "Apa?", jawaban: "Ya" }, "PERTANYAAN_INVALID", "pertanyaan", "Pertanyaan 5–300 karakter."],
    [{ pertanyaan: "Apakah boleh?", jawaban: " " }, "JAWABAN_INVALID", "jawaban", "Jawaban 2–5000 karakter."],
    [{ pertanyaan: "Apakah boleh?", jawaban: "x".repeat(5001) }, "JAWABAN_INVALID", "jawaban", "Jawaban 2–5000 karakter."],
  ])("refuses a wrong question or answer (case %#) with its code in Indonesian and writes nothing", async (input, code, field, message) => {
    const p = await page("KOMINFO-KOTA-PKL");
    const res = await t.gql(TAMBAH, { topikId: p.topik[0].id, ...input }, { token: adminPkl });
    expect(res.data!.tambahTanyaJawab).toEqual({ __typename: "ValidationError", code, field, message });
    expect(await page("KOMINFO-KOTA-PKL")).toEqual(p);
  });

  it("refuses a bad topic title, an unknown topic and an unknown instansi with their codes", async () => {
    expect((await t.gql(TAMBAH_TOPIK, { instansiId: pkl.gid, judul: "ab" }, { token: adminPkl })).data!.tambahTopikBantuan).toMatchObject({
      code: "JUDUL_INVALID",
      field: "judul",
      message: "Judul topik 3–100 karakter.",
    });
    const ghost = globalId("BantuanTopik", "00000000-0000-4000-8000-000000000000");
    expect((await t.gql(TAMBAH, { topikId: ghost, pertanyaan: "Apakah ada?", jawaban: "Tidak" }, { token: adminPkl })).data!.tambahTanyaJawab).toMatchObject({
      code: "BANTUAN_TOPIK_NOT_FOUND",
    });
    const noOffice = globalId("Instansi", "00000000-0000-4000-8000-000000000000");
    expect((await t.gql(TAMBAH_TOPIK, { instansiId: noOffice, judul: "Topik" }, { token: superadmin })).data!.tambahTopikBantuan).toMatchObject({
      code: "INSTANSI_NOT_FOUND",
    });
    // the other office's admin adds to their own page
    const own = await t.gql(TAMBAH_TOPIK, { instansiId: other.gid, judul: "Layanan kami" }, { token: adminOther });
    expect(own.data!.tambahTopikBantuan).toMatchObject({ data: { judul: "Layanan kami", instansi: { kode: "KMG-LAIN" } } });
  });

  it("the office's WhatsApp number is part of its profile (contact block)", async () => {
    const res = await t.gql(
      `mutation($id: ID!) { updateInstansi(id: $id, input: { whatsapp: " 0812-3456-7890 " }) { __typename ... on UpdateInstansiSuccess { data { whatsapp } } } }`,
      { id: pkl.gid },
      { token: adminPkl },
    );
    expect(res.data!.updateInstansi.data.whatsapp).toBe("0812-3456-7890");
    expect((await page("KOMINFO-KOTA-PKL")).instansi.whatsapp).toBe("0812-3456-7890");
    const bad = await t.gql(
      `mutation($id: ID!) { updateInstansi(id: $id, input: { whatsapp: "12345" }) { __typename ... on Error { code field message } } }`,
      { id: pkl.gid },
      { token: adminPkl },
    );
    expect(bad.data!.updateInstansi).toEqual({
      __typename: "ValidationError",
      code: "WHATSAPP_INVALID",
      field: "whatsapp",
      message: "Nomor WhatsApp tidak valid; tulis nomor Indonesia, misalnya 0812-3456-7890.",
    });
  });
});

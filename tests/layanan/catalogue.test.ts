import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createInstansi, createStaff, createTestApp, globalId, tinyPdf, upload, CREATE_LAYANAN, type TestApp } from "../helpers/app";
import { seedCatalogue } from "../../server/seed";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await seedCatalogue(t.db.prisma);
});
afterAll(() => t.close());

describe("the public service catalogue", () => {
  it("shows the Jogonalan standard exactly as published, without logging in", async () => {
    const res = await t.gql(`{
      layananList(first: 5, cari: "dispensasi menikah") { totalCount edges { node {
        kode nama contoh jangkaWaktu slaJumlah slaSatuan biaya jumlahPelaksana penangananPengaduan
        instansi { nama zonaWaktuLabel }
        persyaratan { label wajib jenisFile maksBytes }
      } } }
    }`);
    expect(res.errors).toBeUndefined();
    const node = res.data!.layananList.edges.find((e: { node: { kode: string } }) => e.node.kode === "DISPENSASI-MENIKAH")!.node;
    expect(node).toMatchObject({ contoh: false, slaJumlah: 15, slaSatuan: "MENIT", biaya: 0, jumlahPelaksana: "3 Orang" });
    expect(node.jangkaWaktu).toMatch(/^15 menit/);
    expect(node.persyaratan.map((p: { label: string }) => p.label)).toHaveLength(5);
    expect(node.penangananPengaduan).toContain("0895367644010");
  });

  it("has the 31 Kemenag example services, marked as examples, and Madiun's flowcharts", async () => {
    const kmg = await t.gql(`{ instansi(kode: "KMG-MADIUN") { id } }`);
    const res = await t.gql(`query($i: ID!) { layananList(first: 100, instansiId: $i) { totalCount edges { node { contoh } } } }`, {
      i: kmg.data!.instansi.id,
    });
    expect(res.data!.layananList.totalCount).toBe(31);
    expect(res.data!.layananList.edges.every((e: { node: { contoh: boolean } }) => e.node.contoh)).toBe(true);
    const lpse = await t.gql(`{ layananList(first: 10, cari: "verifikasi penyedia") { edges { node { prosedurFlowchart prosedurFlowchartSvgUrl } } } }`);
    expect(lpse.data!.layananList.edges[0].node.prosedurFlowchart).toMatch(/^graph TD/);
    // seeded with its committed drawing, so the page shows it without mermaid
    expect(lpse.data!.layananList.edges[0].node.prosedurFlowchartSvgUrl).toMatch(/^\/bagan-alir\/[0-9a-f-]{36}\.svg\?v=\d+$/);
    const cats = await t.gql(`{ layananKategori }`);
    expect(cats.data!.layananKategori.length).toBeGreaterThan(3);
  });
});

describe("the service editor (instansi admin)", () => {
  it("creates, edits and validates a service; a slot already used cannot be deleted", async () => {
    const ins = await createInstansi(t);
    const admin = await createStaff(t, "ADMIN", ins.id);
    const otherAdmin = await createStaff(t, "ADMIN", (await createInstansi(t)).id);
    const base = {
      instansiId: globalId("Instansi", ins.id),
      input: { kode: "SKTM", nama: "Surat Keterangan Tidak Mampu", slaJumlah: 2, slaSatuan: "HARI_KERJA" },
    };
    const bad = await t.gql(CREATE_LAYANAN, { ...base, input: { ...base.input, prosedurFlowchart: "not mermaid" } }, { token: admin.token });
    expect(bad.data!.createLayanan).toMatchObject({ code: "FLOWCHART_INVALID", field: "prosedurFlowchart" });
    const badSlot = await t.gql(CREATE_LAYANAN, { ...base, persyaratan: [{ label: "KTP", jenisFile: ["application/zip"] }] }, { token: admin.token });
    expect(badSlot.data!.createLayanan.code).toBe("JENIS_FILE_INVALID");
    const badField = await t.gql(CREATE_LAYANAN, { ...base, formFields: [{ nama: "pilihan", label: "Pilihan", tipe: "SELECT" }] }, { token: admin.token });
    expect(badField.data!.createLayanan.code).toBe("FIELD_OPTIONS_REQUIRED");
    const foreign = await t.gql(CREATE_LAYANAN, base, { token: otherAdmin.token });
    expect(foreign.errors![0]!.extensions!.code).toBe("FORBIDDEN");

    const ok = await t.gql(CREATE_LAYANAN, { ...base, persyaratan: [{ label: "KTP" }, { label: "Surat RT/RW" }] }, { token: admin.token });
    const layanan = ok.data!.createLayanan.data;
    expect(layanan.persyaratan.map((p: { jenisFile: string[]; maksBytes: number }) => [p.jenisFile, p.maksBytes])).toEqual([
      [["application/pdf", "image/jpeg", "image/png"], 2 * 1024 * 1024],
      [["application/pdf", "image/jpeg", "image/png"], 2 * 1024 * 1024],
    ]);
    const dup = await t.gql(CREATE_LAYANAN, base, { token: admin.token });
    expect(dup.data!.createLayanan.code).toBe("KODE_TAKEN");

    const UPDATE = `mutation($id: ID!, $input: LayananInput, $p: [PersyaratanInput!]) { updateLayanan(id: $id, input: $input, persyaratan: $p) { __typename ... on UpdateLayananSuccess { data { nama aktif persyaratan { id label wajib } } } ... on Error { code message } } }`;
    const keepFirst = [
      { id: layanan.persyaratan[0].id, label: "KTP pemohon", wajib: true },
      { label: "Kartu Keluarga", wajib: false },
    ];
    const upd = await t.gql(
      UPDATE,
      { id: layanan.id, input: { nama: "SKTM (Surat Keterangan Tidak Mampu)", aktif: false }, p: keepFirst },
      { token: admin.token },
    );
    expect(upd.data!.updateLayanan.data).toMatchObject({ nama: "SKTM (Surat Keterangan Tidak Mampu)", aktif: false });
    expect(upd.data!.updateLayanan.data.persyaratan.map((p: { label: string }) => p.label)).toEqual(["KTP pemohon", "Kartu Keluarga"]);
    expect(upd.data!.updateLayanan.data.persyaratan[0].id).toBe(layanan.persyaratan[0].id);

    // inactive services leave the public catalogue
    const pub = await t.gql(`{ layananList(first: 50, cari: "SKTM") { totalCount } }`);
    expect(pub.data!.layananList.totalCount).toBe(0);

    // a slot with uploaded documents stays
    const slotId = Buffer.from(upd.data!.updateLayanan.data.persyaratan[1].id, "base64").toString().split(":")[1]!;
    const file = await t.db.prisma.storedFile.create({
      data: { sha256: "1".repeat(64), ukuran: 1, mime: "application/pdf", namaAsli: "kk.pdf", storageKey: `11/11/${"1".repeat(64)}` },
    });
    const owner = await t.db.prisma.user.findFirstOrThrow({ where: { role: "ADMIN" } });
    const p = await t.db.prisma.pengajuan.create({
      data: { layananId: Buffer.from(layanan.id, "base64").toString().split(":")[1]!, instansiId: ins.id, pemohonId: owner.id },
    });
    await t.db.prisma.dokumenPengajuan.create({ data: { pengajuanId: p.id, persyaratanId: slotId, fileId: file.id } });
    const drop = await t.gql(
      UPDATE,
      { id: layanan.id, p: [{ id: upd.data!.updateLayanan.data.persyaratan[0].id, label: "KTP pemohon" }] },
      { token: admin.token },
    );
    expect(drop.data!.updateLayanan.code).toBe("PERSYARATAN_IN_USE");
  });
});

describe("template files for document slots", () => {
  it("an admin attaches an example file that anyone can download; content is checked", async () => {
    const ins = await createInstansi(t);
    const admin = await createStaff(t, "ADMIN", ins.id);
    const created = await t.gql(
      CREATE_LAYANAN,
      {
        instansiId: globalId("Instansi", ins.id),
        input: { kode: "SK-DOMISILI", nama: "Surat Keterangan Domisili", slaJumlah: 1, slaSatuan: "HARI_KERJA" },
        persyaratan: [{ label: "Surat pernyataan" }],
      },
      { token: admin.token },
    );
    const slot = created.data!.createLayanan.data.persyaratan[0].id;
    const M = `mutation($p: ID!, $f: File) { unggahTemplatePersyaratan(persyaratanId: $p, file: $f) { __typename ... on UnggahTemplatePersyaratanSuccess { data { adaTemplate templateUrl } } ... on Error { code } } }`;
    const bad = await upload(t, M, { p: slot, f: null }, { f: { name: "contoh.pdf", content: Buffer.from("bukan pdf") } }, { token: admin.token });
    expect(bad.data!.unggahTemplatePersyaratan.code).toBe("FILE_TYPE_NOT_ALLOWED");
    const pdf = tinyPdf("contoh surat pernyataan");
    const ok = await upload(t, M, { p: slot, f: null }, { f: { name: "contoh surat.pdf", content: pdf } }, { token: admin.token });
    const url = ok.data!.unggahTemplatePersyaratan.data.templateUrl;
    expect(url).toMatch(/^\/unduh\/template\//);
    const res = await t.app.yoga.fetch(`http://localhost${url}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await res.arrayBuffer()).equals(pdf)).toBe(true);
  });
});

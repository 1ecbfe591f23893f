import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG_1X1, activeCitizen, createTestApp, serviceFixture, tinyPdf, upload, type TestApp } from "../helpers/app";
import { collect, wsClient } from "../helpers/ws";

let t: TestApp;
let port: number;
let fx: Awaited<ReturnType<typeof serviceFixture>>;

const ACT = `mutation($id: ID!, $a: AksiPengajuan!, $v: Int!, $pesan: String) { ubahStatusPengajuan(id: $id, aksi: $a, versi: $v, pesan: $pesan) { __typename ... on UbahStatusPengajuanSuccess { data { id versi status } } ... on Error { code } } }`;
const FOLLOW = `subscription($id: ID!, $after: Int) { pengajuanBerubah(id: $id, setelahSeq: $after) { seq log { aksi keStatus pesan } pengajuan { status versi } } }`;

async function submitted(token: string) {
  const c = await t.gql(
    `mutation($l: ID!) { createPengajuan(layananId: $l, formData: { namaPasangan: "Ahmad", tanggalNikah: "2027-01-20" }) { ... on CreatePengajuanSuccess { data { id versi } } } }`,
    { l: fx.layanan.id },
    { token },
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
    { token },
  );
  p = u.data!.uploadDokumenPengajuan.data;
  return (await t.gql(ACT, { id: p.id, a: "AJUKAN", v: p.versi }, { token })).data!.ubahStatusPengajuan.data;
}

beforeAll(async () => {
  t = await createTestApp();
  port = await t.app.start(0, "127.0.0.1");
  fx = await serviceFixture(t);
});
afterAll(() => t.close());

describe("pengajuanBerubah over a real WebSocket", () => {
  it("the citizen's open page sees each officer action live, and a reconnect replays exactly what was missed", async () => {
    const c = await activeCitizen(t);
    let p = await submitted(c.token);
    const client = wsClient(port, { token: c.token });
    const sub = collect(client, FOLLOW, { id: p.id, after: 0 });
    const replay = await sub.next(2);
    expect(replay.map((e) => [e.data!.pengajuanBerubah.seq, e.data!.pengajuanBerubah.log.aksi])).toEqual([
      [1, "BUAT"],
      [2, "AJUKAN"],
    ]);

    p = (await t.gql(ACT, { id: p.id, a: "VERIFIKASI", v: p.versi }, { token: fx.petugas.token })).data!.ubahStatusPengajuan.data;
    const live = await sub.next(3);
    expect(live[2]!.data!.pengajuanBerubah).toMatchObject({
      seq: 3,
      log: { aksi: "VERIFIKASI", keStatus: "DIVERIFIKASI" },
      pengajuan: { status: "DIVERIFIKASI" },
    });
    await client.dispose();

    // while the citizen is offline, two more steps happen
    p = (await t.gql(ACT, { id: p.id, a: "PROSES", v: p.versi }, { token: fx.petugas.token })).data!.ubahStatusPengajuan.data;
    p = (await t.gql(ACT, { id: p.id, a: "MINTA_PERBAIKAN", v: p.versi, pesan: "Mohon unggah akta kelahiran" }, { token: fx.petugas.token })).data!
      .ubahStatusPengajuan.data;

    const again = wsClient(port, { token: c.token });
    const resumed = collect(again, FOLLOW, { id: p.id, after: 3 });
    const missed = await resumed.next(2);
    expect(missed.map((e) => e.data!.pengajuanBerubah.seq)).toEqual([4, 5]);
    expect(missed[1]!.data!.pengajuanBerubah).toMatchObject({
      log: { aksi: "MINTA_PERBAIKAN", pesan: "Mohon unggah akta kelahiran" },
      pengajuan: { status: "PERLU_PERBAIKAN" },
    });
    await new Promise((r) => setTimeout(r, 150));
    expect(resumed.events.length).toBe(2); // nothing twice
    await again.dispose();
  });

  it("another citizen cannot follow it; the instansi's officer can, and the queue stream tells the desk", async () => {
    const owner = await activeCitizen(t);
    const p = await submitted(owner.token);
    const stranger = await activeCitizen(t);
    const sc = wsClient(port, { token: stranger.token });
    const denied = collect(sc, FOLLOW, { id: p.id });
    const [refusal] = await denied.next(1);
    expect(refusal!.data ?? null).toBeNull();
    expect(refusal!.errors![0]).toMatchObject({ message: "Pengajuan tidak ditemukan.", extensions: { code: "NOT_FOUND" } });
    await sc.dispose();

    const oc = wsClient(port, { token: fx.petugas.token });
    const desk = collect(oc, `subscription { antrianBerubah { nomorRegistrasi status } }`);
    const follow = collect(oc, FOLLOW, { id: p.id, after: 2 });
    await new Promise((r) => setTimeout(r, 150));
    await t.gql(ACT, { id: p.id, a: "VERIFIKASI", v: p.versi }, { token: fx.admin.token });
    const [q] = await desk.next(1);
    expect(q!.data!.antrianBerubah.status).toBe("DIVERIFIKASI");
    const [f] = await follow.next(1);
    expect(f!.data!.pengajuanBerubah.seq).toBe(3);
    await oc.dispose();
  });
});

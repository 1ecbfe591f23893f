import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createTestApp, globalId, serviceFixture, type TestApp } from "../helpers/app";

let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
let layananId: string;
const wib = (s: string) => new Date(`${s}+07:00`);

beforeAll(async () => {
  t = await createTestApp();
  fx = await serviceFixture(t);
  layananId = Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!;
});
afterAll(() => t.close());

async function finishedCase(
  pemohonId: string,
  opts: { status?: "SELESAI" | "DIPROSES" | "DIAJUKAN"; diajukanAt?: Date; selesaiAt?: Date | null; tenggat?: Date | null } = {},
) {
  return t.db.prisma.pengajuan.create({
    data: {
      layananId,
      instansiId: fx.instansi.id,
      pemohonId,
      status: opts.status ?? "SELESAI",
      diajukanAt: opts.diajukanAt ?? wib("2026-11-02T09:00:00"),
      selesaiAt: opts.selesaiAt === undefined ? wib("2026-11-03T09:00:00") : opts.selesaiAt,
      tenggat: opts.tenggat ?? null,
    },
  });
}

const SURVEI = `mutation($id: ID!, $s: [Int!]!) { isiSurveiKepuasan(jenisKasus: PENGAJUAN, kasusId: $id, skor: $s, komentar: "Pelayanan cepat") { __typename ... on IsiSurveiKepuasanSuccess { data } ... on Error { code message field } } }`;

describe("satisfaction survey", () => {
  it("once per finished case, scores 1–4, only by its citizen", async () => {
    const c = await activeCitizen(t);
    const done = await finishedCase(c.id);
    const open = await finishedCase(c.id, { status: "DIPROSES", selesaiAt: null });
    const id = globalId("Pengajuan", done.id);
    expect((await t.gql(SURVEI, { id, s: [4, 4, 4, 4, 4, 4, 4, 4, 5] }, { token: c.token })).data!.isiSurveiKepuasan).toMatchObject({
      code: "SKOR_INVALID",
      field: "skor",
    });
    expect((await t.gql(SURVEI, { id, s: [4, 4, 4, 4] }, { token: c.token })).data!.isiSurveiKepuasan.code).toBe("SKOR_INVALID");
    expect((await t.gql(SURVEI, { id: globalId("Pengajuan", open.id), s: [4, 4, 4, 4, 4, 4, 4, 4, 4] }, { token: c.token })).data!.isiSurveiKepuasan.code).toBe(
      "KASUS_BELUM_SELESAI",
    );
    const other = await activeCitizen(t);
    expect((await t.gql(SURVEI, { id, s: [1, 1, 1, 1, 1, 1, 1, 1, 1] }, { token: other.token })).data!.isiSurveiKepuasan.code).toBe("KASUS_NOT_FOUND");
    expect((await t.gql(SURVEI, { id, s: [4, 4, 3, 4, 3, 3, 4, 3, 4] }, { token: c.token })).data!.isiSurveiKepuasan.data).toBe(true);
    expect((await t.gql(SURVEI, { id, s: [4, 4, 3, 4, 3, 3, 4, 3, 4] }, { token: c.token })).data!.isiSurveiKepuasan.code).toBe("SURVEI_SUDAH_DIISI");
    expect(await t.db.prisma.surveiKepuasan.count({ where: { kasusId: done.id } })).toBe(1);
  });
});

describe("statistics", () => {
  it("counts, working-time completion, SLA compliance and IKM for a period; public and without personal data", async () => {
    // a fresh service so the figures are only these
    const fx2 = await serviceFixture(t);
    const l2 = Buffer.from(fx2.layanan.id, "base64").toString().split(":")[1]!;
    const make = async (pemohonId: string, diajukan: string, selesai: string | null, tenggat: string | null, status: "SELESAI" | "DIPROSES") =>
      t.db.prisma.pengajuan.create({
        data: {
          layananId: l2,
          instansiId: fx2.instansi.id,
          pemohonId,
          status,
          diajukanAt: wib(diajukan),
          selesaiAt: selesai ? wib(selesai) : null,
          tenggat: tenggat ? wib(tenggat) : null,
        },
      });
    const citizens = await Promise.all([0, 1, 2].map(() => activeCitizen(t)));
    // completion times in working minutes (office Mon–Thu 08:00–15:30, Fri 08:00–16:00):
    //  a: Mon 2 Nov 09:00 → Mon 2 Nov 10:00 = 60
    //  b: Mon 2 Nov 09:00 → Tue 3 Nov 09:00 = 390 + 60 = 450
    //  c: Thu 5 Nov 15:00 → Mon 9 Nov 08:30 = 30 + 480 + 30 = 540
    const a = await make(citizens[0]!.id, "2026-11-02T09:00:00", "2026-11-02T10:00:00", "2026-11-02T12:00:00", "SELESAI");
    await make(citizens[1]!.id, "2026-11-02T09:00:00", "2026-11-03T09:00:00", "2026-11-02T15:30:00", "SELESAI");
    await make(citizens[2]!.id, "2026-11-05T15:00:00", "2026-11-09T08:30:00", "2026-11-10T15:30:00", "SELESAI");
    await make(citizens[0]!.id, "2026-11-10T09:00:00", null, "2026-11-11T09:00:00", "DIPROSES"); // overdue now
    // two survey answers on this service
    await t.db.prisma.surveiKepuasan.create({
      data: {
        instansiId: fx2.instansi.id,
        layananId: l2,
        jenisKasus: "PENGAJUAN",
        kasusId: a.id,
        respondenId: citizens[0]!.id,
        u1: 4,
        u2: 4,
        u3: 4,
        u4: 4,
        u5: 4,
        u6: 4,
        u7: 4,
        u8: 4,
        u9: 4,
        createdAt: wib("2026-11-04T10:00:00"),
      },
    });
    await t.db.prisma.surveiKepuasan.create({
      data: {
        instansiId: fx2.instansi.id,
        layananId: l2,
        jenisKasus: "PENGAJUAN",
        kasusId: crypto.randomUUID(),
        respondenId: citizens[1]!.id,
        u1: 2,
        u2: 3,
        u3: 2,
        u4: 4,
        u5: 3,
        u6: 3,
        u7: 3,
        u8: 2,
        u9: 3,
        createdAt: wib("2026-11-04T11:00:00"),
      },
    });

    const S = `query($i: ID!, $l: ID) { statistik(instansiId: $i, layananId: $l, periode: TRIWULAN, tahun: 2026, ke: 4) { __typename ... on StatistikSuccess { data {
      pengajuanDiajukan selesai medianMenitKerja p90MenitKerja kepatuhanSlaPersen terlambatSaatIni pengajuanPerStatus { nama jumlah }
      ikm { responden ikm mutu kinerja nrr { unsur nrr } } } } ... on Error { code } } }`;
    const res = await t.gql(S, { i: globalId("Instansi", fx2.instansi.id), l: fx2.layanan.id }); // no token: public
    expect(res.errors).toBeUndefined();
    const s = res.data!.statistik.data;
    expect(s).toMatchObject({ pengajuanDiajukan: 4, selesai: 3, medianMenitKerja: 450, terlambatSaatIni: 1 });
    // p90 of [60, 450, 540]: position 1.8 → 450 + 0.8 × 90 = 522
    expect(s.p90MenitKerja).toBeCloseTo(522, 6);
    // on time: a (10:00 ≤ 12:00) and c; b was late → 2 of 3
    expect(s.kepatuhanSlaPersen).toBeCloseTo(66.6667, 3);
    // IKM: NRR = [3, 3.5, 3, 4, 3.5, 3.5, 3.5, 3, 3.5], Σ = 30.5 → 30.5/9 × 25 = 84.7222 → B
    expect(s.ikm.responden).toBe(2);
    expect(s.ikm.nrr.map((n: { nrr: number }) => n.nrr)).toEqual([3, 3.5, 3, 4, 3.5, 3.5, 3.5, 3, 3.5]);
    expect(s.ikm.ikm).toBeCloseTo(84.7222, 3);
    expect(s.ikm).toMatchObject({ mutu: "B", kinerja: "Baik" });
    expect(JSON.stringify(res)).not.toMatch(/Warga Uji|@contoh\.id|3519/);
    const bad = await t.gql(S.replace("ke: 4", "ke: 5"), { i: globalId("Instansi", fx2.instansi.id) });
    expect(bad.data!.statistik.code).toBe("PERIODE_INVALID");
  });
});

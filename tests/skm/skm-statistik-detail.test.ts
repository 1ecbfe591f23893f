import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createStaff, globalId, serviceFixture, type TestApp, createTestApp } from "../helpers/app";
import { insertClient } from "../helpers/api-client";
import { statistikDetail } from "../../server/modules/skm/detail";
import { penyelesaian } from "../../server/modules/skm/statistik";
import { workingMinutesBetween } from "../../server/modules/calendar/working-time";
import { kalenderSql, openMsBefore } from "../../server/modules/skm/menit-kerja-sql";

/**
 * The staff view behind the statistics (statistikDetail): who may read it, and its figures on a small
 * instansi-quarter computed by hand. Office hours of the test instansi: Mon–Thu 08:00–15:30, Fri 08:00–16:00
 * WIB; no holiday in October–November 2026. Period: quarter 4 of 2026.
 */

let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
let other: Awaited<ReturnType<typeof serviceFixture>>;
let l1: string;
let l2: string;
const ids: Record<string, string> = {};
const wib = (s: string) => new Date(`${s}+07:00`);
const raw = (gid: string) => Buffer.from(gid, "base64").toString().split(":")[1]!;

const DETAIL = /* GraphQL */ `
  query($i: ID!, $l: ID, $batas: Int) {
    statistikDetail(instansiId: $i, layananId: $l, periode: TRIWULAN, tahun: 2026, ke: 4, batas: $batas) {
      __typename
      ... on StatistikDetailSuccess { data {
        total { diajukan selesai medianMenitKerja p90MenitKerja tepatWaktu melewatiSla kepatuhanSlaPersen berjalan terlambatSaatIni }
        perLayanan { layananId kode nama kinerja { diajukan selesai medianMenitKerja p90MenitKerja tepatWaktu melewatiSla berjalan terlambatSaatIni } }
        perPetugas { petugasId nama kinerja { diajukan selesai medianMenitKerja tepatWaktu melewatiSla berjalan terlambatSaatIni } }
        kasusTerlambat { pengajuanId nomorRegistrasi layanan petugas status tenggat terlambatMenitKerja }
        kasusMelewatiSla { nomorRegistrasi layanan petugas tenggat selesaiAt terlambatMenitKerja }
        pengaduanPerKategori { nama jumlah terbuka terlambat }
        pengaduanPerKanal { nama jumlah terbuka terlambat }
        jumlahPengaduanTerbuka
        pengaduanTerbuka { pengaduanId kodeLacak kategori kanal status tenggat terlambatMenitKerja }
      } }
      ... on Error { code message field }
    }
  }
`;

beforeAll(async () => {
  t = await createTestApp({ rateLimitPerAddress: 0, rateLimitPerUser: 0 });
  fx = await serviceFixture(t);
  other = await serviceFixture(t);
  l1 = raw(fx.layanan.id);
  l2 = (
    await t.db.prisma.layanan.create({
      data: { instansiId: fx.instansi.id, kode: "SKTM", nama: "Surat Keterangan Tidak Mampu", slaJumlah: 1, slaSatuan: "HARI_KERJA" },
    })
  ).id;
  const citizen = await activeCitizen(t);
  const p1 = fx.petugas.id;
  const p2 = fx.admin.id;
  let n = 0;
  const make = async (
    key: string,
    layananId: string,
    petugasId: string | null,
    status: string,
    diajukan: string | null,
    selesai: string | null,
    tenggat: string | null,
  ) => {
    const row = await t.db.prisma.pengajuan.create({
      data: {
        layananId,
        instansiId: fx.instansi.id,
        pemohonId: citizen.id,
        petugasId,
        status: status as never,
        nomorRegistrasi: diajukan ? `DTL/2026/${String(++n).padStart(6, "0")}` : null,
        diajukanAt: diajukan ? wib(diajukan) : null,
        selesaiAt: selesai ? wib(selesai) : null,
        tenggat: tenggat ? wib(tenggat) : null,
      },
    });
    ids[key] = row.id;
  };
  // completion times in working minutes, lateness in working minutes:
  await make("a", l1, p1, "SELESAI", "2026-11-02T09:00:00", "2026-11-03T10:00:00", "2026-11-04T15:30:00"); // 390 + 120 = 510, on time
  await make("b", l1, p1, "SELESAI", "2026-11-02T09:00:00", "2026-11-05T09:00:00", "2026-11-03T12:00:00"); // 390 + 450 + 450 + 60 = 1350; late 210 + 450 + 60 = 720
  await make("c", l2, p2, "DIAMBIL", "2026-11-05T15:00:00", "2026-11-09T08:30:00", "2026-11-06T16:00:00"); // 30 + 480 + 30 = 540; late 30 (Fri 16:00 → Mon 08:30)
  await make("d", l1, null, "DIPROSES", "2026-11-10T09:00:00", null, "2026-11-11T09:00:00"); // overdue now
  await make("e", l2, p1, "DIVERIFIKASI", "2026-11-16T09:00:00", null, "2030-01-02T15:30:00"); // running, not overdue
  await make("f", l1, p1, "DIAJUKAN", "2026-11-16T08:30:00", null, null); // submitted, no deadline yet
  await make("g", l2, p2, "DITOLAK", "2026-11-03T10:00:00", null, null); // refused: submitted, never completed
  await make("h", l1, null, "DRAFT", null, null, null); // a draft counts nowhere
  // submitted in quarter 3, completed in quarter 4: 28 Sep 09:00 → 2 Nov 10:00 = 390 + (450·3 + 480) + 4 × 2280 + 120 = 11460;
  // late from Thu 1 Oct 15:30: 480 + 9120 + 120 = 9720
  await make("i", l1, p2, "SELESAI", "2026-09-28T09:00:00", "2026-11-02T10:00:00", "2026-10-01T15:30:00");
  // another instansi's case must not count
  await t.db.prisma.pengajuan.create({
    data: {
      layananId: raw(other.layanan.id),
      instansiId: other.instansi.id,
      pemohonId: citizen.id,
      status: "DIPROSES",
      diajukanAt: wib("2026-11-02T09:00:00"),
      tenggat: wib("2026-11-03T09:00:00"),
    },
  });

  const k1 = await t.db.prisma.kategoriPengaduan.create({ data: { instansiId: fx.instansi.id, nama: "Pelayanan lambat" } });
  const k2 = await t.db.prisma.kategoriPengaduan.create({ data: { instansiId: fx.instansi.id, nama: "Sikap petugas" } });
  const aduan = (kode: string, kategoriId: string, kanal: string, status: string, created: string, tenggat: string | null, layananId: string | null = null) =>
    t.db.prisma.pengaduan.create({
      data: {
        kodeLacak: `ADU-DTL${kode}`,
        instansiId: fx.instansi.id,
        kategoriId,
        kanal: kanal as never,
        status: status as never,
        pelaporId: kanal === "WEB" ? citizen.id : null,
        namaPelapor: kanal === "WEB" ? null : "Bapak Pelapor Rahasia",
        rahasia: kanal !== "WEB",
        judul: "Pengaduan uji",
        uraian: "Uraian pengaduan uji.",
        createdAt: wib(created),
        tenggat: tenggat ? wib(tenggat) : null,
        layananId,
      },
    });
  await aduan("A1", k1.id, "WEB", "SELESAI", "2026-11-03T10:00:00", null);
  // verified, follow-up due Fri 6 Nov 10:00 and not given: overdue
  ids.A2 = (await aduan("A2", k1.id, "WHATSAPP", "DIVERIFIKASI", "2026-11-04T10:00:00", "2026-11-06T10:00:00")).id;
  ids.A3 = (await aduan("A3", k2.id, "WEB", "DITERIMA", "2026-11-12T10:00:00", null)).id;
  await aduan("A4", k2.id, "LANGSUNG", "DITOLAK", "2026-11-05T10:00:00", null, l2);
  await aduan("A5", k1.id, "WEB", "DITERIMA", "2026-09-15T10:00:00", null); // quarter 3
});
afterAll(() => t.close());

const I = () => globalId("Instansi", fx.instansi.id);

describe("statistikDetail: who may read it", () => {
  it("staff of the instansi and its API clients with BACA_STATISTIK; nobody else", async () => {
    const citizen = await activeCitizen(t);
    const ppid = await createStaff(t, "PPID", fx.instansi.id);
    const statistikA = await insertClient(t, fx.instansi.id, ["BACA_STATISTIK"]);
    const statistikB = await insertClient(t, other.instansi.id, ["BACA_STATISTIK"]);
    const kasusA = await insertClient(t, fx.instansi.id, ["KASUS_INSTANSI"]);
    const outcome = async (token?: string) => {
      const res = await t.gql(DETAIL, { i: I() }, { token });
      return res.errors?.[0]?.extensions?.code ?? res.data?.statistikDetail?.__typename;
    };
    expect(await outcome()).toBe("UNAUTHENTICATED");
    expect(await outcome(citizen.token)).toBe("FORBIDDEN");
    expect(await outcome(other.admin.token)).toBe("FORBIDDEN");
    expect(await outcome(other.petugas.token)).toBe("FORBIDDEN");
    expect(await outcome(statistikB.token)).toBe("FORBIDDEN");
    expect(await outcome(kasusA.token)).toBe("FORBIDDEN");
    expect(await outcome(fx.petugas.token)).toBe("StatistikDetailSuccess");
    expect(await outcome(fx.admin.token)).toBe("StatistikDetailSuccess");
    expect(await outcome(ppid.token)).toBe("StatistikDetailSuccess");
    expect(await outcome(statistikA.token)).toBe("StatistikDetailSuccess");
    // refusals in Indonesian
    const res = await t.gql(DETAIL, { i: I() }, { token: citizen.token });
    expect(res.errors![0]!.message).toMatch(/tidak memiliki akses/);
  });

  it("checks the period and the list size", async () => {
    const bad = await t.gql(DETAIL.replace("ke: 4", "ke: 5"), { i: I() }, { token: fx.petugas.token });
    expect(bad.data!.statistikDetail).toMatchObject({ code: "PERIODE_INVALID", field: "ke" });
    const batas = await t.gql(DETAIL, { i: I(), batas: 500 }, { token: fx.petugas.token });
    expect(batas.data!.statistikDetail).toMatchObject({ code: "BATAS_INVALID", field: "batas" });
  });
});

describe("statistikDetail: the figures", () => {
  it("per service, per officer, the late cases and the complaints, through the API", async () => {
    const before = new Date();
    const res = await t.gql(DETAIL, { i: I() }, { token: fx.petugas.token });
    const after = new Date();
    expect(res.errors).toBeUndefined();
    const d = res.data!.statistikDetail.data;
    // completions [510, 540, 1350, 11460]: median (540 + 1350) / 2 = 945; p90 at 2.7 → 1350 + 0.7 × 10110 = 8427
    expect(d.total).toMatchObject({
      diajukan: 7,
      selesai: 4,
      medianMenitKerja: 945,
      tepatWaktu: 1,
      melewatiSla: 3,
      kepatuhanSlaPersen: 25,
      berjalan: 3,
      terlambatSaatIni: 1,
    });
    expect(d.total.p90MenitKerja).toBeCloseTo(8427, 6);

    const perLayanan = Object.fromEntries(d.perLayanan.map((r: any) => [r.kode, r]));
    expect(Object.keys(perLayanan).sort()).toEqual(["REKOM-NIKAH", "SKTM"]);
    // L1: a, b, d, f submitted; a, b, i completed [510, 1350, 11460]: p90 at 1.8 → 1350 + 0.8 × 10110 = 9438
    expect(perLayanan["REKOM-NIKAH"].kinerja).toMatchObject({
      diajukan: 4,
      selesai: 3,
      medianMenitKerja: 1350,
      tepatWaktu: 1,
      melewatiSla: 2,
      berjalan: 2,
      terlambatSaatIni: 1,
    });
    expect(perLayanan["REKOM-NIKAH"].kinerja.p90MenitKerja).toBeCloseTo(9438, 6);
    expect(perLayanan["REKOM-NIKAH"].layananId).toBe(fx.layanan.id);
    expect(perLayanan.SKTM.kinerja).toEqual({
      diajukan: 3,
      selesai: 1,
      medianMenitKerja: 540,
      p90MenitKerja: 540,
      tepatWaktu: 0,
      melewatiSla: 1,
      berjalan: 1,
      terlambatSaatIni: 0,
    });

    // officers by name, the unassigned last
    expect(d.perPetugas.map((r: any) => [r.nama, r.petugasId])).toEqual([
      ["Staf ADMIN", fx.admin.globalId],
      ["Staf PETUGAS", fx.petugas.globalId],
      ["Belum ditugaskan", null],
    ]);
    expect(d.perPetugas[0].kinerja).toEqual({
      diajukan: 2,
      selesai: 2,
      medianMenitKerja: 6000,
      tepatWaktu: 0,
      melewatiSla: 2,
      berjalan: 0,
      terlambatSaatIni: 0,
    });
    expect(d.perPetugas[1].kinerja).toEqual({
      diajukan: 4,
      selesai: 2,
      medianMenitKerja: 930,
      tepatWaktu: 1,
      melewatiSla: 1,
      berjalan: 2,
      terlambatSaatIni: 0,
    });
    expect(d.perPetugas[2].kinerja).toEqual({
      diajukan: 1,
      selesai: 0,
      medianMenitKerja: null,
      tepatWaktu: 0,
      melewatiSla: 0,
      berjalan: 1,
      terlambatSaatIni: 1,
    });

    // missed the SLA, most late first: i 9720, b 720, c 30
    expect(d.kasusMelewatiSla.map((k: any) => [k.nomorRegistrasi, k.layanan, k.petugas, k.terlambatMenitKerja])).toEqual([
      ["DTL/2026/000008", "Rekomendasi Dispensasi Menikah", "Staf ADMIN", 9720],
      ["DTL/2026/000002", "Rekomendasi Dispensasi Menikah", "Staf PETUGAS", 720],
      ["DTL/2026/000003", "Surat Keterangan Tidak Mampu", "Staf ADMIN", 30],
    ]);
    // overdue now: d, late by the working time from its deadline to the moment of the request
    const cal = await t.app.services.calendars.get(fx.instansi.id);
    expect(d.kasusTerlambat).toHaveLength(1);
    expect(d.kasusTerlambat[0]).toMatchObject({
      pengajuanId: globalId("Pengajuan", ids.d!),
      nomorRegistrasi: "DTL/2026/000004",
      petugas: null,
      status: "DIPROSES",
      tenggat: wib("2026-11-11T09:00:00").toISOString(),
    });
    expect(d.kasusTerlambat[0].terlambatMenitKerja).toBeGreaterThanOrEqual(workingMinutesBetween(cal, wib("2026-11-11T09:00:00"), before));
    expect(d.kasusTerlambat[0].terlambatMenitKerja).toBeLessThanOrEqual(workingMinutesBetween(cal, wib("2026-11-11T09:00:00"), after));

    // complaints received in the quarter (not A5), by category and channel
    expect(d.pengaduanPerKategori).toEqual([
      { nama: "Pelayanan lambat", jumlah: 2, terbuka: 1, terlambat: 1 },
      { nama: "Sikap petugas", jumlah: 2, terbuka: 1, terlambat: 0 },
    ]);
    expect(d.pengaduanPerKanal).toEqual([
      { nama: "LANGSUNG", jumlah: 1, terbuka: 0, terlambat: 0 },
      { nama: "WEB", jumlah: 2, terbuka: 1, terlambat: 0 },
      { nama: "WHATSAPP", jumlah: 1, terbuka: 1, terlambat: 1 },
    ]);
    expect(d.jumlahPengaduanTerbuka).toBe(2);
    expect(d.pengaduanTerbuka.map((a: any) => [a.kodeLacak, a.status, a.kanal, a.kategori])).toEqual([
      ["ADU-DTLA2", "DIVERIFIKASI", "WHATSAPP", "Pelayanan lambat"],
      ["ADU-DTLA3", "DITERIMA", "WEB", "Sikap petugas"],
    ]);
    expect(d.pengaduanTerbuka[1].terlambatMenitKerja).toBeNull();

    // no applicant or reporter identity anywhere
    expect(JSON.stringify(res)).not.toMatch(/Warga Uji|Pelapor Rahasia|@contoh\.id|3519/);
  });

  it("one service: its cases and the complaints about it", async () => {
    const res = await t.gql(DETAIL, { i: I(), l: globalId("Layanan", l2) }, { token: fx.admin.token });
    const d = res.data!.statistikDetail.data;
    expect(d.total).toMatchObject({ diajukan: 3, selesai: 1, medianMenitKerja: 540, melewatiSla: 1, berjalan: 1, terlambatSaatIni: 0 });
    expect(d.perLayanan.map((r: any) => r.kode)).toEqual(["SKTM"]);
    expect(d.kasusTerlambat).toEqual([]);
    expect(d.pengaduanPerKategori).toEqual([{ nama: "Sikap petugas", jumlah: 1, terbuka: 0, terlambat: 0 }]);
  });

  it("lateness in working time at a fixed moment (the service, Mon 16 Nov 2026 10:00 WIB)", async () => {
    const ctx = { prisma: t.db.prisma, calendars: t.app.services.calendars };
    const d = await statistikDetail(
      ctx,
      { instansiId: fx.instansi.id, layananId: null, periode: "TRIWULAN", tahun: 2026, ke: 4 },
      { batas: 1 },
      wib("2026-11-16T10:00:00"),
    );
    // d: from Wed 11 Nov 09:00: 390 + 450 + 480 + 120 = 1440
    expect(d.kasusTerlambat.map((k) => [k.nomorRegistrasi, k.terlambatMenitKerja])).toEqual([["DTL/2026/000004", 1440]]);
    // batas 1: only the latest of the three
    expect(d.kasusMelewatiSla.map((k) => k.terlambatMenitKerja)).toEqual([9720]);
    expect(d.total.melewatiSla).toBe(3);
    // A2: from Fri 6 Nov 10:00: 360 + 2280 + 120 = 2760
    expect(d.pengaduanTerbuka.map((a) => [a.kodeLacak, a.terlambatMenitKerja])).toEqual([["ADU-DTLA2", 2760]]);
  });
});

describe("working time in SQL", () => {
  it("a case submitted long before the period is still counted from its submission", async () => {
    const citizen = await activeCitizen(t);
    const f2 = await serviceFixture(t);
    const layananId = raw(f2.layanan.id);
    // 14 months before the quarter: outside the first pass's calendar span
    const diajukan = wib("2025-06-02T09:00:00");
    const selesai = wib("2026-10-05T11:00:00");
    await t.db.prisma.pengajuan.create({
      data: {
        layananId,
        instansiId: f2.instansi.id,
        pemohonId: citizen.id,
        status: "SELESAI",
        diajukanAt: diajukan,
        selesaiAt: selesai,
        tenggat: wib("2025-06-05T15:30:00"),
      },
    });
    const ctx = { prisma: t.db.prisma, calendars: t.app.services.calendars };
    const done = await penyelesaian(ctx, { instansiId: f2.instansi.id, layananId: null, periode: "TRIWULAN", tahun: 2026, ke: 4 });
    const expected = workingMinutesBetween(await ctx.calendars.get(f2.instansi.id), diajukan, selesai);
    expect(expected).toBeGreaterThan(100_000);
    expect(done).toEqual({ selesai: 1, medianMenitKerja: expected, p90MenitKerja: expected, denganTenggat: 1, tepatWaktu: 0 });
  });

  it("the running sums over the opening intervals give workingMinutesBetween for any two instants", async () => {
    const cal = await t.app.services.calendars.get(fx.instansi.id);
    const from = wib("2025-12-20T00:00:00");
    const k = kalenderSql(cal, from, wib("2027-01-10T00:00:00"));
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const span = wib("2027-01-09T00:00:00").getTime() - from.getTime();
    for (let i = 0; i < 2000; i++) {
      const a = new Date(from.getTime() + Math.round(rnd() * span));
      const b = new Date(from.getTime() + Math.round(rnd() * span));
      expect((openMsBefore(k, b.getTime()) - openMsBefore(k, a.getTime())) / 60_000).toBeCloseTo(workingMinutesBetween(cal, a, b), 9);
    }
  });
});

describe("the period's figures stored per instansi-year version", () => {
  const input = () => ({ instansiId: fx.instansi.id, layananId: null, periode: "TRIWULAN" as const, tahun: 2026, ke: 4 });
  const ctx = () => ({ prisma: t.db.prisma, calendars: t.app.services.calendars });
  const perPetugas = (d: Awaited<ReturnType<typeof statistikDetail>>) =>
    Object.fromEntries(d.perPetugas.map((r) => [r.petugas?.nama ?? "-", [r.selesai, r.melewatiSla, r.berjalan]]));

  it("is read back while nothing changed, and follows a reassignment, a renamed service and a new completion", async () => {
    const now = wib("2026-11-16T10:00:00");
    const first = await statistikDetail(ctx(), input(), { batas: 50 }, now);
    const stored = await t.db.prisma.$queryRawUnsafe<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM "StatistikRingkasan" WHERE kunci = $1`,
      `detail:50:${fx.instansi.id}:*:TRIWULAN:2026:4`,
    );
    expect(stored[0]!.n).toBe(1);
    expect(await statistikDetail(ctx(), input(), { batas: 50 }, now)).toEqual(first);
    expect(perPetugas(first)).toEqual({ "Staf ADMIN": [2, 2, 0], "Staf PETUGAS": [2, 1, 2], "-": [0, 0, 1] });

    // a reassignment moves the completed case to the other officer (the counter moves on petugasId too)
    await t.db.prisma.pengajuan.update({ where: { id: ids.a! }, data: { petugasId: fx.admin.id } });
    // a renamed service shows in the stored list at once (names are read on every request)
    await t.db.prisma.layanan.update({ where: { id: l2 }, data: { nama: "SKTM (baru)" } });
    try {
      const d = await statistikDetail(ctx(), input(), { batas: 50 }, now);
      expect(perPetugas(d)).toEqual({ "Staf ADMIN": [3, 2, 0], "Staf PETUGAS": [1, 1, 2], "-": [0, 0, 1] });
      expect(d.kasusMelewatiSla.map((k) => k.layanan)).toContain("SKTM (baru)");

      // the overdue case completed late: one more completion, one fewer running
      await t.db.prisma.pengajuan.update({ where: { id: ids.d! }, data: { status: "SELESAI", selesaiAt: wib("2026-11-12T09:00:00") } });
      const e = await statistikDetail(ctx(), input(), { batas: 50 }, now);
      expect(e.total).toMatchObject({ selesai: 5, melewatiSla: 4, berjalan: 2, terlambatSaatIni: 0 });
      expect(e.kasusMelewatiSla).toHaveLength(4);
    } finally {
      await t.db.prisma.pengajuan.update({ where: { id: ids.a! }, data: { petugasId: fx.petugas.id } });
      await t.db.prisma.pengajuan.update({ where: { id: ids.d! }, data: { status: "DIPROSES", selesaiAt: null } });
      await t.db.prisma.layanan.update({ where: { id: l2 }, data: { nama: "Surat Keterangan Tidak Mampu" } });
    }
  });
});

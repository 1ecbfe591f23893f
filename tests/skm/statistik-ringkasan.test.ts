import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createTestApp, serviceFixture, type TestApp } from "../helpers/app";
import { statistik } from "../../server/modules/skm/ringkasan";
import { statistikDariData, type StatistikInput } from "../../server/modules/skm/statistik";

// The stored summary of a period (server/modules/skm/ringkasan.ts) must answer exactly what a computation from
// the rows answers, after every kind of change in a closed period: created, changed and deleted cases,
// complaints, PPID requests, objections, SKM answers, consultations, training sessions and participants, a renamed
// category.

let t: TestApp;
let fx: Awaited<ReturnType<typeof serviceFixture>>;
let layananId: string;
let pemohonId: string;
const wib = (s: string) => new Date(`${s}+07:00`);
const ctx = () => ({ prisma: t.db.prisma, calendars: t.app.services.calendars });

beforeAll(async () => {
  t = await createTestApp();
  fx = await serviceFixture(t);
  layananId = Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!;
  pemohonId = (await activeCitizen(t)).id;
});
afterAll(() => t.close());

const periods = (): StatistikInput[] => [
  { instansiId: fx.instansi.id, layananId: null, periode: "TAHUN", tahun: 2025, ke: 1 },
  { instansiId: fx.instansi.id, layananId, periode: "TAHUN", tahun: 2025, ke: 1 },
  { instansiId: fx.instansi.id, layananId: null, periode: "TRIWULAN", tahun: 2025, ke: 2 },
  { instansiId: fx.instansi.id, layananId: null, periode: "SEMESTER", tahun: 2026, ke: 1 },
];

/** Every period's stored answer equals the one computed from the rows (and is then stored). */
async function sameAsFromScratch(label: string) {
  const now = new Date();
  for (const input of periods()) {
    const fresh = await statistikDariData(ctx(), input, now);
    expect(await statistik(ctx(), input, now), `${label}: ${input.periode} ${input.tahun}/${input.ke} ${input.layananId ? "service" : "instansi"}`).toEqual(
      fresh,
    );
  }
}

async function kasus(diajukan: string, selesai: string | null, status: "SELESAI" | "DIPROSES" | "DITOLAK" = "SELESAI", tenggat: string | null = null) {
  return t.db.prisma.pengajuan.create({
    data: {
      layananId,
      instansiId: fx.instansi.id,
      pemohonId,
      status,
      diajukanAt: wib(diajukan),
      selesaiAt: selesai ? wib(selesai) : null,
      tenggat: tenggat ? wib(tenggat) : null,
    },
  });
}

describe("the stored statistics of a period", () => {
  it("is served while nothing changed, and equals a computation from the rows after every change", async () => {
    const a = await kasus("2025-04-07T09:00:00", "2025-04-08T10:00:00", "SELESAI", "2025-04-10T09:00:00");
    const b = await kasus("2025-05-05T09:00:00", "2025-05-20T10:00:00", "SELESAI", "2025-05-08T09:00:00");
    // submitted at the end of 2025, completed in 2026: both years
    const c = await kasus("2025-12-30T09:00:00", "2026-01-05T10:00:00");
    await kasus("2025-06-02T09:00:00", null, "DIPROSES", "2025-06-05T09:00:00"); // overdue now: counted live
    await sameAsFromScratch("first computation");

    // a stored answer is what is served (not recomputed): a tampered one comes back as long as nothing changes
    const input = periods()[0]!;
    await t.db.prisma.$executeRawUnsafe(
      `UPDATE "StatistikRingkasan" SET data = jsonb_set(data, '{selesai}', '999') WHERE kunci LIKE $1`,
      `${fx.instansi.id}:*:TAHUN:2025:1`,
    );
    expect((await statistik(ctx(), input)).selesai).toBe(999);
    // a change elsewhere (another instansi, another year) leaves it alone
    const other = await serviceFixture(t);
    await t.db.prisma.pengajuan.create({
      data: {
        layananId: Buffer.from(other.layanan.id, "base64").toString().split(":")[1]!,
        instansiId: other.instansi.id,
        pemohonId,
        status: "SELESAI",
        diajukanAt: wib("2025-04-07T09:00:00"),
        selesaiAt: wib("2025-04-08T09:00:00"),
      },
    });
    await kasus("2024-03-04T09:00:00", "2024-03-05T09:00:00");
    expect((await statistik(ctx(), input)).selesai).toBe(999);
    // a draft (no date in the year) does not count either; an update of a column the statistics do not read neither
    await t.db.prisma.pengajuan.create({ data: { layananId, instansiId: fx.instansi.id, pemohonId, status: "DRAFT" } });
    await t.db.prisma.pengajuan.update({ where: { id: a.id }, data: { formData: { catatan: "x" } } });
    expect((await statistik(ctx(), input)).selesai).toBe(999);

    // a case created in the closed year
    await kasus("2025-08-04T09:00:00", "2025-08-06T11:30:00", "SELESAI", "2025-08-05T09:00:00");
    await sameAsFromScratch("case created");
    // a case completed later than stored, and one refused
    await t.db.prisma.pengajuan.update({ where: { id: b.id }, data: { selesaiAt: wib("2025-05-06T08:30:00") } });
    await sameAsFromScratch("completion moved");
    await t.db.prisma.pengajuan.update({ where: { id: a.id }, data: { status: "DITOLAK" } });
    await sameAsFromScratch("status changed");
    // the 2026 completion of a 2025 case changes, and the case is deleted
    await t.db.prisma.pengajuan.update({ where: { id: c.id }, data: { selesaiAt: wib("2026-02-02T10:00:00") } });
    await sameAsFromScratch("completion in the next year");
    await t.db.prisma.pengajuan.delete({ where: { id: c.id } });
    await sameAsFromScratch("case deleted");
    // many rows in one statement
    await t.db.prisma.pengajuan.updateMany({ where: { instansiId: fx.instansi.id, status: "SELESAI" }, data: { tenggat: wib("2025-12-31T09:00:00") } });
    await sameAsFromScratch("bulk update");

    // complaints: created, moved to another category, the category renamed, deleted
    const kategori = await t.db.prisma.kategoriPengaduan.create({ data: { instansiId: fx.instansi.id, nama: "Pelayanan lambat" } });
    const kategori2 = await t.db.prisma.kategoriPengaduan.create({ data: { instansiId: fx.instansi.id, nama: "Sikap petugas" } });
    const aduan = await t.db.prisma.pengaduan.create({
      data: {
        kodeLacak: `ADU-R-${Date.now()}`,
        instansiId: fx.instansi.id,
        kategoriId: kategori.id,
        kanal: "WEB",
        judul: "Lambat",
        uraian: "Antrian lama",
        createdAt: wib("2025-04-09T10:00:00"),
      },
    });
    await sameAsFromScratch("complaint created");
    await t.db.prisma.pengaduan.update({ where: { id: aduan.id }, data: { kategoriId: kategori2.id } });
    await sameAsFromScratch("complaint moved");
    await t.db.prisma.kategoriPengaduan.update({ where: { id: kategori2.id }, data: { nama: "Sikap dan perilaku petugas" } });
    await sameAsFromScratch("category renamed");
    await t.db.prisma.pengaduan.delete({ where: { id: aduan.id } });
    await sameAsFromScratch("complaint deleted");

    // PPID: a request, its decision, an objection
    const ppid = await t.db.prisma.permohonanInformasi.create({
      data: {
        nomorRegister: `PPID/R/${Date.now()}`,
        instansiId: fx.instansi.id,
        pemohonId,
        rincianInformasi: "Data layanan",
        tujuan: "Penelitian",
        format: "SOFTCOPY",
        caraPerolehan: "EMAIL",
        diterimaAt: wib("2025-05-12T09:00:00"),
        tenggat: wib("2025-05-26T09:00:00"),
      },
    });
    await sameAsFromScratch("PPID request");
    await t.db.prisma.permohonanInformasi.update({ where: { id: ppid.id }, data: { status: "DITOLAK", diputusAt: wib("2025-05-20T09:00:00") } });
    await sameAsFromScratch("PPID decided");
    await t.db.prisma.keberatan.create({
      data: {
        nomorRegister: `KEB/R/${Date.now()}`,
        permohonanId: ppid.id,
        alasan: "PENOLAKAN",
        uraian: "Keberatan",
        diajukanAt: wib("2026-01-06T09:00:00"),
        tenggatTanggapan: wib("2026-02-17T09:00:00"),
      },
    });
    await sameAsFromScratch("objection");

    // SKM answers
    const s = await t.db.prisma.surveiKepuasan.create({
      data: {
        instansiId: fx.instansi.id,
        layananId,
        jenisKasus: "PENGAJUAN",
        kasusId: b.id,
        respondenId: pemohonId,
        u1: 4,
        u2: 3,
        u3: 2,
        u4: 4,
        u5: 3,
        u6: 4,
        u7: 3,
        u8: 2,
        u9: 4,
        createdAt: wib("2025-05-21T09:00:00"),
      },
    });
    await sameAsFromScratch("SKM answer");
    await t.db.prisma.surveiKepuasan.update({ where: { id: s.id }, data: { u3: 1 } });
    await sameAsFromScratch("SKM answer changed");
    await t.db.prisma.surveiKepuasan.delete({ where: { id: s.id } });
    await sameAsFromScratch("SKM answer deleted");

    // the helpdesk's consultations: recorded, escalated, answered (late), moved to another service, deleted
    const k = await t.db.prisma.konsultasi.create({
      data: {
        nomor: `KNS/R/${Date.now()}`,
        instansiId: fx.instansi.id,
        layananId,
        namaPenanya: "Penanya",
        kontak: "081234567890",
        kanal: "TELEPON",
        pertanyaan: "Cara mendaftar SPSE?",
        createdAt: wib("2025-05-06T09:00:00"),
      },
    });
    const cariMasuk = async () => (await statistik(ctx(), periods()[0]!)).konsultasi;
    expect(await cariMasuk()).toMatchObject({ masuk: 1, dieskalasi: 0, dijawab: 0, perKanal: [{ nama: "TELEPON", jumlah: 1 }] });
    await sameAsFromScratch("consultation");
    await t.db.prisma.konsultasi.update({
      where: { id: k.id },
      data: { status: "DIEKSKALASI", eskalasiKe: "LKPP", dieskalasiAt: wib("2025-05-06T10:00:00"), tenggatJawab: wib("2025-05-07T10:00:00") },
    });
    await sameAsFromScratch("consultation escalated");
    await t.db.prisma.konsultasi.update({ where: { id: k.id }, data: { status: "SELESAI", jawaban: "Lewat LPSE.", selesaiAt: wib("2025-05-09T10:00:00") } });
    expect(await cariMasuk()).toMatchObject({ masuk: 1, dieskalasi: 1, dijawab: 1, terlambat: 1 });
    await sameAsFromScratch("consultation answered late");
    await t.db.prisma.konsultasi.update({ where: { id: k.id }, data: { layananId: null } });
    await sameAsFromScratch("consultation about no service");
    await t.db.prisma.konsultasi.delete({ where: { id: k.id } });
    await sameAsFromScratch("consultation deleted");

    // training sessions and their participants: held, attended, cancelled
    const sesi = await t.db.prisma.sesiPelatihan.create({
      data: {
        instansiId: fx.instansi.id,
        layananId,
        judul: "Pelatihan SPSE",
        mulai: wib("2025-06-03T09:00:00"),
        selesai: wib("2025-06-03T12:00:00"),
        tempat: "Aula",
        kapasitas: 10,
        terisi: 1,
      },
    });
    await sameAsFromScratch("training session");
    const peserta = await t.db.prisma.pesertaPelatihan.create({ data: { sesiId: sesi.id, pesertaId: pemohonId, status: "TERDAFTAR" } });
    await sameAsFromScratch("participant");
    await t.db.prisma.pesertaPelatihan.update({ where: { id: peserta.id }, data: { status: "HADIR", hadirAt: wib("2025-06-03T09:05:00") } });
    expect((await statistik(ctx(), periods()[0]!)).pelatihan).toEqual({ sesi: 1, terdaftar: 1, hadir: 1 });
    await sameAsFromScratch("participant attended");
    await t.db.prisma.sesiPelatihan.update({ where: { id: sesi.id }, data: { status: "DIBATALKAN" } });
    expect((await statistik(ctx(), periods()[0]!)).pelatihan).toEqual({ sesi: 0, terdaftar: 0, hadir: 0 });
    await sameAsFromScratch("training cancelled");
    await t.db.prisma.pesertaPelatihan.delete({ where: { id: peserta.id } });
    await t.db.prisma.sesiPelatihan.delete({ where: { id: sesi.id } });
    await sameAsFromScratch("training deleted");

    // a change in a transaction that rolls back changes nothing (the counter rolls back with it)
    const before = await statistik(ctx(), input);
    await t.db.prisma
      .$transaction(async (tx) => {
        await tx.pengajuan.create({
          data: {
            layananId,
            instansiId: fx.instansi.id,
            pemohonId,
            status: "SELESAI",
            diajukanAt: wib("2025-09-01T09:00:00"),
            selesaiAt: wib("2025-09-02T09:00:00"),
          },
        });
        throw new Error("rollback");
      })
      .catch(() => {});
    expect(await statistik(ctx(), input)).toEqual(before);
    await sameAsFromScratch("after a rollback");
  });

  it("is computed again when the office calendar changes", async () => {
    const input = periods()[0]!;
    await kasus("2025-10-06T09:00:00", "2025-10-08T09:00:00");
    await sameAsFromScratch("before the holiday");
    const median = (await statistik(ctx(), input)).medianMenitKerja;
    // a closure on 7 October 2025 removes a working day from that case
    await t.db.prisma.penutupanInstansi.create({ data: { instansiId: fx.instansi.id, tanggal: new Date("2025-10-07"), alasan: "Banjir" } });
    t.app.services.calendars.changed(fx.instansi.id);
    await sameAsFromScratch("after the closure");
    expect((await statistik(ctx(), input)).medianMenitKerja).not.toBe(median);
  });

  it("the queue's counts per instansi, service and status stay those of the rows", async () => {
    const counted = () =>
      t.db.prisma.$queryRawUnsafe<Array<{ i: string; l: string; s: string; n: number }>>(
        `SELECT "instansiId"::text AS i, "layananId"::text AS l, status::text AS s, count(*)::int AS n FROM "Pengajuan" GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
      );
    const kept = () =>
      t.db.prisma.$queryRawUnsafe<Array<{ i: string; l: string; s: string; n: number }>>(
        `SELECT "instansiId"::text AS i, "layananId"::text AS l, status::text AS s, jumlah AS n FROM "AntrianJumlah" WHERE jumlah <> 0 ORDER BY 1, 2, 3`,
      );
    expect(await kept()).toEqual(await counted());
    const x = await kasus("2026-03-02T09:00:00", null, "DIPROSES");
    await t.db.prisma.pengajuan.update({ where: { id: x.id }, data: { status: "SELESAI", selesaiAt: wib("2026-03-03T09:00:00") } });
    await t.db.prisma.pengajuan.updateMany({ where: { instansiId: fx.instansi.id, status: "SELESAI" }, data: { status: "DIAMBIL" } });
    await t.db.prisma.pengajuan.deleteMany({ where: { instansiId: fx.instansi.id, status: "DITOLAK" } });
    await t.db.prisma.pengajuan.update({ where: { id: x.id }, data: { versi: { increment: 1 } } });
    expect(await kept()).toEqual(await counted());
    // the queue's count with and without a status filter, against the rows
    const staff = fx.petugas.token;
    const q = await t.gql(`{ antrian(first: 1) { totalCount } antrianJumlah { status jumlah } }`, {}, { token: staff });
    const rows = await t.db.prisma.pengajuan.groupBy({
      by: ["status"],
      where: { instansiId: fx.instansi.id, status: { not: "DRAFT" } },
      _count: { _all: true },
    });
    expect(q.data!.antrian.totalCount).toBe(rows.reduce((n, r) => n + r._count._all, 0));
    expect(Object.fromEntries(q.data!.antrianJumlah.map((r: { status: string; jumlah: number }) => [r.status, r.jumlah]))).toEqual(
      Object.fromEntries(rows.map((r) => [r.status, r._count._all])),
    );
    const f = await t.gql(`{ antrian(first: 1, filter: { status: [DIAMBIL, DIPROSES] }) { totalCount } }`, {}, { token: staff });
    expect(f.data!.antrian.totalCount).toBe(
      await t.db.prisma.pengajuan.count({ where: { instansiId: fx.instansi.id, status: { in: ["DIAMBIL", "DIPROSES"] } } }),
    );
  });
});

describe("statistik_hitung_ulang()", () => {
  it("counts the queue again from the rows and drops the stored statistics", async () => {
    await t.db.prisma.$executeRawUnsafe(`UPDATE "AntrianJumlah" SET jumlah = jumlah + 5`);
    await t.db.prisma.$executeRawUnsafe(`SELECT "statistik_hitung_ulang"()`);
    const wrong = await t.db.prisma.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM (SELECT "instansiId", "layananId", status, count(*)::int AS n FROM "Pengajuan" GROUP BY 1, 2, 3) c
        FULL JOIN "AntrianJumlah" a USING ("instansiId", "layananId", status) WHERE c.n IS DISTINCT FROM a.jumlah`,
    );
    expect(wrong).toEqual([]);
    expect(await t.db.prisma.$queryRawUnsafe(`SELECT count(*)::int AS n FROM "StatistikRingkasan"`)).toEqual([{ n: 0 }]);
  });
});

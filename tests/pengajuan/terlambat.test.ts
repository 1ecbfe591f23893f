import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activeCitizen, createTestApp, serviceFixture, type TestApp } from "../helpers/app";
import { PengajuanStatus } from "../../server/generated/prisma/enums";
import { terlambat, terlambatSql, terlambatWhere, tidakTerlambatWhere } from "../../server/modules/pengajuan/sla";
import { tsParam } from "../../server/modules/skm/menit-kerja-sql";

/**
 * "Overdue" has one definition (pengajuan/sla.ts `terlambat`); the queue filter (Prisma where) and the statistics
 * (SQL) use forms derived next to it. Every status × {no deadline, past, future} row is put through all three.
 */
let t: TestApp;
const now = new Date();
const rows: Array<{ id: string; status: PengajuanStatus; tenggat: Date | null }> = [];

beforeAll(async () => {
  t = await createTestApp();
  const fx = await serviceFixture(t);
  const layananId = Buffer.from(fx.layanan.id, "base64").toString().split(":")[1]!;
  const citizen = await activeCitizen(t);
  for (const status of Object.values(PengajuanStatus)) {
    for (const tenggat of [null, new Date(now.getTime() - 3600_000), new Date(now.getTime() + 3600_000)]) {
      const p = await t.db.prisma.pengajuan.create({ data: { layananId, instansiId: fx.instansi.id, pemohonId: citizen.id, status, tenggat, formData: {} } });
      rows.push({ id: p.id, status, tenggat });
    }
  }
});
afterAll(() => t?.close());

describe("terlambat: one definition, three forms", () => {
  it("overdue means the clock runs and its deadline has passed", () => {
    const late = rows.filter((r) => terlambat(r, now)).map((r) => r.status);
    expect(late).toEqual(["DIVERIFIKASI", "DIPROSES", "MENUNGGU_TTD"]);
  });

  it("the SQL condition of the statistics picks the same rows", async () => {
    const found = await t.db.prisma.$queryRawUnsafe<Array<{ id: string }>>(
      `SELECT p.id FROM "Pengajuan" p WHERE ${terlambatSql("p", "$1::timestamp")}`,
      tsParam(now),
    );
    expect(found.map((r) => r.id).sort()).toEqual(
      rows
        .filter((r) => terlambat(r, now))
        .map((r) => r.id)
        .sort(),
    );
  });

  it("the queue filter picks the same rows, and its opposite all the others", async () => {
    const late = await t.db.prisma.pengajuan.findMany({ where: terlambatWhere(now), select: { id: true } });
    expect(late.map((r) => r.id).sort()).toEqual(
      rows
        .filter((r) => terlambat(r, now))
        .map((r) => r.id)
        .sort(),
    );
    const onTime = await t.db.prisma.pengajuan.findMany({ where: tidakTerlambatWhere(now), select: { id: true } });
    expect(onTime.map((r) => r.id).sort()).toEqual(
      rows
        .filter((r) => !terlambat(r, now))
        .map((r) => r.id)
        .sort(),
    );
  });
});

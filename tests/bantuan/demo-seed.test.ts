import { expect, it } from "vitest";
import { createTestApp } from "../helpers/app";
import { seedDemo } from "../../server/seed";

it("a demo install opens with the Pekalongan FAQ (seed 003) on the office's help page, in one transaction with the rest", async () => {
  const t = await createTestApp();
  try {
    expect(await seedDemo(t.db.prisma, t.keys, t.config)).toBe(true);
    const res = await t.gql(`{ halamanBantuan(kode: "KOMINFO-KOTA-PKL") { topik { judul tanyaJawab { pertanyaan } } } }`);
    const topik = res.data!.halamanBantuan.topik as Array<{ judul: string; tanyaJawab: unknown[] }>;
    expect(topik.map((x) => [x.judul, x.tanyaJawab.length])).toEqual([
      ["Umum", 14],
      ["Laporan", 8],
      ["Tracking", 13],
      ["Tentang kami", 1],
    ]);
    // the other offices and the general page start empty, for their admins to write
    expect(await t.db.prisma.bantuanTopik.count({ where: { OR: [{ instansiId: null }, { instansi: { kode: { not: "KOMINFO-KOTA-PKL" } } }] } })).toBe(0);
  } finally {
    await t.close();
  }
}, 300_000);

import fs from "node:fs";
import { z } from "zod";
import type { Prisma } from "../../generated/prisma/client";
import { fromRoot } from "../../paths";
import { TANYA_JAWAB, JUDUL_TOPIK } from "./rules";

/**
 * The demo content of the help pages: `seed/<name>.json`, one file per office (its `instansi` kode), checked by
 * the same rules as the editor when loaded. Today one file: the FAQ of the Pekalongan seed (seed 003), its words
 * kept (the file's `sumber` says what was added: a question the seed had lost, and two topic titles).
 */

const FILE = z.object({
  sumber: z.string(),
  instansi: z.string(),
  topik: z.array(z.object({ judul: JUDUL_TOPIK.shape.judul, tanyaJawab: z.array(TANYA_JAWAB) })),
});
export type SeedBantuan = z.output<typeof FILE>;

export const BANTUAN_SEED_DIR = fromRoot("server", "modules", "bantuan", "seed");

export function loadBantuanSeed(): SeedBantuan[] {
  return fs
    .readdirSync(BANTUAN_SEED_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => FILE.parse(JSON.parse(fs.readFileSync(`${BANTUAN_SEED_DIR}/${f}`, "utf8"))));
}

/** Writes the help pages of the seeded offices that exist (`ids`: kode → id), inside the caller's transaction. */
export async function seedBantuan(tx: Prisma.TransactionClient, ids: ReadonlyMap<string, string>): Promise<number> {
  let n = 0;
  for (const file of loadBantuanSeed()) {
    const instansiId = ids.get(file.instansi);
    if (!instansiId) continue;
    for (const [i, t] of file.topik.entries()) {
      await tx.bantuanTopik.create({
        data: { instansiId, judul: t.judul, urutan: i + 1, tanyaJawab: { create: t.tanyaJawab.map((q, j) => ({ ...q, urutan: j + 1 })) } },
      });
      n += t.tanyaJawab.length;
    }
  }
  return n;
}

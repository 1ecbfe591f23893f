import { randomUUID } from "node:crypto";
import type { Context } from "../../context";
import { blindIndex, decrypt, encrypt } from "../../lib/crypto";
import { InvalidStateError, NotFoundError, ValidationError } from "../../lib/errors";
import { assertCan } from "../../policy";
import { USULAN_PER_JAM, kelompokkanUsulan, kontakUsulan, kunciUsulan, periksaUsulan } from "../../shared/usulan-layanan";

/**
 * "Layanan yang saya butuhkan tidak ada": anyone may tell an office which service it lacks, signed in or not (the
 * catalogue is public and the Pekalongan FAQ sends everyone to "kontak yang tersedia"). Abuse is held off by the
 * request rate limit every public operation has (protection.ts) and, here, by USULAN_PER_JAM requests per address
 * per hour, counted on a keyed index of the address (the address itself is never stored). The optional contact is
 * personal data: encrypted at rest, declared PERSONAL in the schema (masked in the audit trail, never logged),
 * and shown only to the office's admins (layanan:kelolaUsulan).
 */

const AAD = (id: string) => `usulan-layanan:${id}:kontak`;
const JAM = 60 * 60 * 1000;
/** the most rows one list reads: a year of a busy office's requests */
const BATAS_DAFTAR = 2000;

export async function usulkanLayanan(ctx: Context, input: { instansiId: string; uraian: string; kontak?: string | null }) {
  const [first] = periksaUsulan({ uraian: input.uraian, kontak: input.kontak });
  if (first) throw new ValidationError(first.code, first.message, first.field);
  const instansi = await ctx.prisma.instansi.findUnique({ where: { id: input.instansiId }, select: { id: true, aktif: true } });
  if (!instansi?.aktif) throw new NotFoundError("INSTANSI_NOT_FOUND", "Kantor tidak ditemukan.", "instansiId");
  const uraian = input.uraian.trim().replace(/\s+/g, " ");
  const kontak = kontakUsulan(input.kontak) ?? null;
  const alamatIndex = blindIndex(ctx.keys, "usulan-layanan", ctx.request.ip);
  const id = randomUUID();
  return ctx.prisma.$transaction(async (tx) => {
    // one sender at a time per address, so that two requests sent together cannot both pass the count
    await tx.$queryRaw`SELECT 1 FROM pg_advisory_xact_lock(hashtext(${alamatIndex}))`;
    const recent = await tx.usulanLayanan.count({ where: { alamatIndex, createdAt: { gt: new Date(Date.now() - JAM) } } });
    if (recent >= USULAN_PER_JAM)
      throw new InvalidStateError(
        "USULAN_TERLALU_SERING",
        `Dari alamat ini sudah ada ${USULAN_PER_JAM} usulan dalam satu jam terakhir. Coba lagi satu jam lagi, atau hubungi kantor langsung.`,
      );
    await tx.usulanLayanan.create({
      data: { id, instansiId: instansi.id, uraian, kunci: kunciUsulan(uraian), kontak: kontak ? encrypt(ctx.keys, kontak, AAD(id)) : null, alamatIndex },
    });
    return true;
  });
}

export type UsulanRow = {
  id: string;
  instansiId: string;
  uraian: string;
  kunci: string;
  kontak: string | null;
  createdAt: Date;
  ditanganiAt: Date | null;
};

/** The contact as sent, for the office's admins (the field's scope checks who asks). */
export function bukaKontak(ctx: Pick<Context, "keys">, row: Pick<UsulanRow, "id" | "kontak">): string | null {
  return row.kontak ? decrypt(ctx.keys, row.kontak, AAD(row.id)) : null;
}

/** The office's requests, open (or handled), similar ones together with their counts; largest group first. */
export async function daftarUsulan(ctx: Context, instansiId: string, ditangani: boolean) {
  assertCan(ctx, "layanan:kelolaUsulan", { instansiId });
  const rows = await ctx.prisma.usulanLayanan.findMany({
    where: { instansiId, ditanganiAt: ditangani ? { not: null } : null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: BATAS_DAFTAR,
  });
  return kelompokkanUsulan(rows).map((g) => ({
    kunci: g.kunci,
    jumlah: g.anggota.length,
    uraian: g.anggota[0]!.uraian,
    variasi: [...new Set(g.anggota.map((r) => r.uraian))].slice(0, 5),
    pertamaAt: g.anggota.at(-1)!.createdAt,
    terakhirAt: g.anggota[0]!.createdAt,
    usulan: g.anggota,
  }));
}

/** Marks requests of the office handled (a group at once); returns how many changed. Another office's ids change nothing. */
export async function tanganiUsulan(ctx: Context, instansiId: string, ids: string[]): Promise<number> {
  assertCan(ctx, "layanan:kelolaUsulan", { instansiId });
  if (ids.length === 0) throw new ValidationError("USULAN_REQUIRED", "Pilih usulan yang sudah ditangani.", "ids");
  const { count } = await ctx.prisma.usulanLayanan.updateMany({
    where: { id: { in: ids }, instansiId, ditanganiAt: null },
    data: { ditanganiAt: new Date(), ditanganiOlehId: ctx.viewer?.id ?? null },
  });
  return count;
}

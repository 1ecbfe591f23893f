import type { PrismaClient } from "./generated/prisma/client";
import type { Config } from "./config";
import type { Keys } from "./lib/crypto";
import { HOLIDAYS_2026 } from "./modules/calendar/holidays-2026";
import { CATALOGUE } from "./modules/layanan/catalogue-seed";
import { createStaffAccount } from "./modules/account/service";
import { randomUUID } from "node:crypto";
import { hashPassword } from "./modules/auth/password";
import { protectIdentity } from "./modules/identity/protect";

/** Reference data every deployment needs: the national holiday table (2026, from the SKB). Idempotent. */
export async function ensureReferenceData(prisma: PrismaClient): Promise<number> {
  if ((await prisma.hariLibur.count()) > 0) return 0;
  const { count } = await prisma.hariLibur.createMany({
    data: HOLIDAYS_2026.map((h) => ({ tanggal: new Date(`${h.date}T00:00:00Z`), nama: h.name, jenis: h.kind, dasarHukum: h.decree })),
    skipDuplicates: true,
  });
  return count;
}

/** The demo accounts; their passwords are printed in the README. Never used when SEED_DEMO=false. */
export const DEMO = {
  instansi: { kode: "KMG-MADIUN", nama: "Kantor Kementerian Agama Kabupaten Madiun" },
  admin: { identityType: "NIP", nomorIdentitas: "198001012005011001", namaLengkap: "Admin Kemenag Madiun", password: "Admin-Loket-2026" },
  petugas: { identityType: "NIP", nomorIdentitas: "199002152015032002", namaLengkap: "Siti Petugas Layanan", password: "Petugas-Loket-2026" },
  warga: { identityType: "NIK", nomorIdentitas: "3519011708900001", namaLengkap: "Budi Santoso", password: "Warga-Loket-2026" },
} as const;

/** Loads the seeded catalogue (offices and their services with their Standar Pelayanan). Idempotent per instansi. */
export async function seedCatalogue(prisma: PrismaClient): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const { instansi, layanan } of CATALOGUE) {
    const existing = await prisma.instansi.findUnique({ where: { kode: instansi.kode }, select: { id: true } });
    if (existing) {
      ids.set(instansi.kode, existing.id);
      continue;
    }
    const { jamLayanan, ...fields } = instansi;
    const row = await prisma.$transaction(async (tx) => {
      const created = await tx.instansi.create({ data: { ...fields, jamLayanan: { create: jamLayanan } } });
      for (const l of layanan) {
        const { persyaratan, formFields, ...rest } = l;
        await tx.layanan.create({
          data: {
            ...rest,
            instansiId: created.id,
            persyaratan: { create: persyaratan.map((p, i) => ({ ...p, urutan: i + 1 })) },
            formFields: { create: formFields.map((f, i) => ({ ...f, urutan: i + 1 })) },
          },
        });
      }
      return created;
    });
    ids.set(instansi.kode, row.id);
  }
  return ids;
}

/** Demo data for a first run: the seeded catalogue, an admin and an officer of KMG-MADIUN, and an active citizen. */
export async function seedDemo(prisma: PrismaClient, keys: Keys, config: Config): Promise<boolean> {
  if ((await prisma.instansi.count()) > 0 || (await prisma.user.count()) > 0) return false;
  const ids = await seedCatalogue(prisma);
  const instansiId = ids.get(DEMO.instansi.kode)!;
  await createStaffAccount(prisma, keys, config, null, {
    ...DEMO.admin,
    email: "admin@kemenag-madiun.example",
    telepon: "081200000001",
    role: "ADMIN",
    instansiId,
  });
  await createStaffAccount(prisma, keys, config, null, {
    ...DEMO.petugas,
    email: "petugas@kemenag-madiun.example",
    telepon: "081200000002",
    role: "PETUGAS",
    instansiId,
  });
  const id = randomUUID();
  await prisma.user.create({
    data: {
      id,
      ...protectIdentity(keys, id, "NIK", DEMO.warga.nomorIdentitas),
      namaLengkap: DEMO.warga.namaLengkap,
      email: "budi.santoso@warga.example",
      telepon: "081300000003",
      passwordHash: await hashPassword(DEMO.warga.password),
      role: "PEMOHON",
      status: "AKTIF",
      emailVerifiedAt: new Date(),
      consentTermsVersion: config.termsVersion,
      consentPrivacyVersion: config.privacyVersion,
      consentAt: new Date(),
      accountActions: { create: [{ kind: "DAFTAR" }, { kind: "AKTIVASI", reason: "Data demo" }] },
    },
  });
  return true;
}

import type { PrismaClient } from "./generated/prisma/client";
import type { Config } from "./config";
import type { Keys } from "./lib/crypto";
import { HOLIDAYS_2026 } from "./modules/calendar/holidays-2026";
import { MASPECI_HOURS } from "./modules/calendar/working-time";
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

/** Demo data for a first run: one instansi with its hours, an admin, an officer and an active citizen. */
export async function seedDemo(prisma: PrismaClient, keys: Keys, config: Config): Promise<boolean> {
  if ((await prisma.instansi.count()) > 0 || (await prisma.user.count()) > 0) return false;
  const instansi = await prisma.instansi.create({
    data: {
      ...DEMO.instansi,
      alamat: "Jl. Panglima Sudirman No. 5 Mejayan, Kabupaten Madiun",
      telepon: "082245552687",
      email: "otala.kabmadiun@gmail.com",
      zonaWaktu: "Asia/Jakarta",
      jamLayanan: { create: MASPECI_HOURS.map((h) => ({ hari: h.weekday, buka: h.open, tutup: h.close })) },
    },
  });
  await createStaffAccount(prisma, keys, config, null, {
    ...DEMO.admin,
    email: "admin@kemenag-madiun.example",
    telepon: "081200000001",
    role: "ADMIN",
    instansiId: instansi.id,
  });
  await createStaffAccount(prisma, keys, config, null, {
    ...DEMO.petugas,
    email: "petugas@kemenag-madiun.example",
    telepon: "081200000002",
    role: "PETUGAS",
    instansiId: instansi.id,
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
      consentTermsVersion: config.termsVersion,
      consentPrivacyVersion: config.privacyVersion,
      consentAt: new Date(),
      accountActions: { create: [{ kind: "DAFTAR" }, { kind: "AKTIVASI", reason: "Data demo" }] },
    },
  });
  return true;
}

import type { PrismaClient } from "./generated/prisma/client";
import type { Config } from "./config";
import type { Keys } from "./lib/crypto";
import { HOLIDAYS_2026 } from "./modules/calendar/holidays-2026";
import { kategoriBawaan } from "./modules/pengaduan/kategori-bawaan";
import { loadCatalogue, type SeedKatalog } from "./modules/layanan/catalogue-seed";
import { seedBantuan } from "./modules/bantuan/seed";
import { seededFlowchartSvg } from "./modules/layanan/seed-flowcharts";
import { type KopSeed, seedTemplateSurat, siapkanTemplateSeed } from "./modules/surat/template-service";
import { segelNip } from "./modules/surat/pejabat-segel";
import { randomUUID } from "node:crypto";
import { hashPassword, verifyPassword } from "./modules/auth/password";
import { identityIndex, protectIdentity } from "./modules/identity/protect";

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

/**
 * The demo accounts that can still be used with the README's passwords (active, password unchanged): a production
 * install that was first started with demo data must not keep them. Three argon2 checks (~0.2 s), at start only.
 */
export async function demoAccountsWithReadmePasswords(prisma: PrismaClient, keys: Keys): Promise<string[]> {
  const open: string[] = [];
  for (const [name, p] of Object.entries({ admin: DEMO.admin, petugas: DEMO.petugas, warga: DEMO.warga })) {
    const user = await prisma.user.findUnique({
      where: { identityIndex: identityIndex(keys, p.identityType, p.nomorIdentitas) },
      select: { status: true, passwordHash: true },
    });
    if (user && user.status === "AKTIF" && (await verifyPassword(user.passwordHash, p.password))) open.push(name);
  }
  return open;
}

type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/** Creates one office of the seeded catalogue with its services and default complaint categories (inside the caller's transaction). */
async function createCatalogueEntry(tx: Tx, { instansi, layanan }: SeedKatalog, surat: ReadonlyMap<string, KopSeed>): Promise<string> {
  const { jamLayanan, ...fields } = instansi;
  const created = await tx.instansi.create({ data: { ...fields, jamLayanan: { create: jamLayanan }, kategoriPengaduan: { create: kategoriBawaan() } } });
  for (const l of layanan) {
    const { persyaratan, formFields, ...rest } = l;
    await tx.layanan.create({
      data: {
        ...rest,
        // the flowchart drawn once and committed beside the seed files (seed-flowcharts.ts)
        prosedurFlowchartSvg: seededFlowchartSvg(rest.kode, rest.prosedurFlowchart),
        instansiId: created.id,
        persyaratan: { create: persyaratan.map((p, i) => ({ ...p, urutan: i + 1 })) },
        formFields: { create: formFields.map((f, i) => ({ ...f, urutan: i + 1 })) },
      },
    });
  }
  // its services' result letters (issue 15), as version 1 of their templates
  await seedTemplateSurat(tx, instansi.kode, created.id, surat);
  return created.id;
}

/** Loads the seeded catalogue (offices and their services with their Standar Pelayanan). Idempotent per instansi. */
export async function seedCatalogue(prisma: PrismaClient): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const surat = await siapkanTemplateSeed(loadCatalogue().CATALOGUE);
  for (const entry of loadCatalogue().CATALOGUE) {
    const existing = await prisma.instansi.findUnique({ where: { kode: entry.instansi.kode }, select: { id: true } });
    ids.set(entry.instansi.kode, existing ? existing.id : await prisma.$transaction((tx) => createCatalogueEntry(tx, entry, surat)));
  }
  return ids;
}

/**
 * Demo data for a first run: the seeded catalogue, an admin and an officer of KMG-MADIUN, and an active citizen.
 * All of it is written in ONE transaction, the emptiness check included: a process killed while seeding leaves
 * nothing behind, and the next start seeds again from the beginning (a partial seed used to stay forever, as
 * the check below then found offices and skipped the rest).
 */
export async function seedDemo(prisma: PrismaClient, keys: Keys, config: Config): Promise<boolean> {
  if ((await prisma.instansi.count()) > 0 || (await prisma.user.count()) > 0) return false;
  // hashing is slow (argon2id): done before the transaction, which then only writes
  const people = await Promise.all(
    [
      { ...DEMO.admin, email: "admin@kemenag-madiun.example", telepon: "081200000001", role: "ADMIN" as const, staff: true },
      { ...DEMO.petugas, email: "petugas@kemenag-madiun.example", telepon: "081200000002", role: "PETUGAS" as const, staff: true },
      { ...DEMO.warga, email: "budi.santoso@warga.example", telepon: "081300000003", role: "PEMOHON" as const, staff: false },
    ].map(async (p) => ({ ...p, id: randomUUID(), passwordHash: await hashPassword(p.password) })),
  );
  const surat = await siapkanTemplateSeed(loadCatalogue().CATALOGUE);
  return prisma.$transaction(
    async (tx) => {
      if ((await tx.instansi.count()) > 0 || (await tx.user.count()) > 0) return false;
      const ids = new Map<string, string>();
      for (const entry of loadCatalogue().CATALOGUE) ids.set(entry.instansi.kode, await createCatalogueEntry(tx, entry, surat));
      await seedBantuan(tx, ids);
      const instansiId = ids.get(DEMO.instansi.kode)!;
      const now = new Date();
      for (const p of people) {
        await tx.user.create({
          data: {
            id: p.id,
            ...protectIdentity(keys, p.id, p.identityType, p.nomorIdentitas),
            namaLengkap: p.namaLengkap,
            email: p.email,
            telepon: p.telepon,
            passwordHash: p.passwordHash,
            role: p.role,
            instansiId: p.staff ? instansiId : null,
            status: "AKTIF",
            emailVerifiedAt: p.staff ? undefined : now,
            consentTermsVersion: config.termsVersion,
            consentPrivacyVersion: config.privacyVersion,
            consentAt: now,
            accountActions: {
              create: p.staff ? [{ kind: "AKTIVASI", reason: `Dibuat sebagai ${p.role}` }] : [{ kind: "DAFTAR" }, { kind: "AKTIVASI", reason: "Data demo" }],
            },
          },
        });
      }
      // the demo admin signs the office's letters (its certificate is the admin's to upload: Admin → Tanda tangan elektronik)
      const admin = people.find((p) => p.nomorIdentitas === DEMO.admin.nomorIdentitas)!;
      await tx.pejabatPenandatangan.create({
        data: { userId: admin.id, instansiId, jabatan: `Kepala ${DEMO.instansi.nama}`, ...segelNip(keys, admin.id, DEMO.admin.nomorIdentitas) },
      });
      return true;
    },
    { timeout: 120_000, maxWait: 120_000 },
  );
}

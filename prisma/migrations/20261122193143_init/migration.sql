-- CreateEnum
CREATE TYPE "Role" AS ENUM ('PEMOHON', 'PETUGAS', 'ADMIN', 'SUPERADMIN', 'PPID', 'ATASAN_PPID');

-- CreateEnum
CREATE TYPE "IdentityType" AS ENUM ('NIK', 'NIP');

-- CreateEnum
CREATE TYPE "AccountStatus" AS ENUM ('MENUNGGU_AKTIVASI', 'AKTIF', 'DITOLAK', 'DITANGGUHKAN');

-- CreateEnum
CREATE TYPE "AccountActionKind" AS ENUM ('DAFTAR', 'AKTIVASI', 'TOLAK', 'TANGGUHKAN', 'PULIHKAN', 'UBAH_PERAN');

-- CreateEnum
CREATE TYPE "HolidayKind" AS ENUM ('LIBUR_NASIONAL', 'CUTI_BERSAMA');

-- CreateEnum
CREATE TYPE "ComplaintDeadlineRule" AS ENUM ('HARI_KERJA', 'JAM_KALENDER');

-- CreateTable
CREATE TABLE "Instansi" (
    "id" UUID NOT NULL,
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "alamat" TEXT NOT NULL DEFAULT '',
    "telepon" TEXT NOT NULL DEFAULT '',
    "email" TEXT NOT NULL DEFAULT '',
    "website" TEXT NOT NULL DEFAULT '',
    "zonaWaktu" TEXT NOT NULL DEFAULT 'Asia/Jakarta',
    "cutiBersamaLibur" BOOLEAN NOT NULL DEFAULT true,
    "aturanTenggatAduan" "ComplaintDeadlineRule" NOT NULL DEFAULT 'HARI_KERJA',
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Instansi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JamLayanan" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "hari" INTEGER NOT NULL,
    "buka" INTEGER NOT NULL,
    "tutup" INTEGER NOT NULL,

    CONSTRAINT "JamLayanan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HariLibur" (
    "id" UUID NOT NULL,
    "tanggal" DATE NOT NULL,
    "nama" TEXT NOT NULL,
    "jenis" "HolidayKind" NOT NULL,
    "dasarHukum" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "HariLibur_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PenutupanInstansi" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "tanggal" DATE NOT NULL,
    "alasan" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PenutupanInstansi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" UUID NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'PEMOHON',
    "status" "AccountStatus" NOT NULL DEFAULT 'MENUNGGU_AKTIVASI',
    "identityType" "IdentityType" NOT NULL,
    "identityCipher" TEXT NOT NULL,
    "identityIndex" TEXT NOT NULL,
    "identityMasked" TEXT NOT NULL,
    "namaLengkap" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "telepon" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "passwordChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "instansiId" UUID,
    "emailVerifiedAt" TIMESTAMP(3),
    "consentTermsVersion" TEXT NOT NULL,
    "consentPrivacyVersion" TEXT NOT NULL,
    "consentAt" TIMESTAMP(3) NOT NULL,
    "failedLogins" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "statusReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AccountAction" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "actorId" UUID,
    "kind" "AccountActionKind" NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "userAgent" TEXT NOT NULL DEFAULT '',
    "ipAddress" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "judul" TEXT NOT NULL,
    "isi" TEXT NOT NULL,
    "data" JSONB,
    "readAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Instansi_kode_key" ON "Instansi"("kode");

-- CreateIndex
CREATE INDEX "JamLayanan_instansiId_hari_idx" ON "JamLayanan"("instansiId", "hari");

-- CreateIndex
CREATE UNIQUE INDEX "HariLibur_tanggal_jenis_key" ON "HariLibur"("tanggal", "jenis");

-- CreateIndex
CREATE UNIQUE INDEX "PenutupanInstansi_instansiId_tanggal_key" ON "PenutupanInstansi"("instansiId", "tanggal");

-- CreateIndex
CREATE UNIQUE INDEX "User_identityIndex_key" ON "User"("identityIndex");

-- CreateIndex
CREATE INDEX "User_status_createdAt_idx" ON "User"("status", "createdAt");

-- CreateIndex
CREATE INDEX "User_instansiId_role_idx" ON "User"("instansiId", "role");

-- CreateIndex
CREATE INDEX "User_email_idx" ON "User"("email");

-- CreateIndex
CREATE INDEX "AccountAction_userId_createdAt_idx" ON "AccountAction"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "JamLayanan" ADD CONSTRAINT "JamLayanan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PenutupanInstansi" ADD CONSTRAINT "PenutupanInstansi_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "User" ADD CONSTRAINT "User_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountAction" ADD CONSTRAINT "AccountAction_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccountAction" ADD CONSTRAINT "AccountAction_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

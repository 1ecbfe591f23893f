-- CreateEnum
CREATE TYPE "KanalNotifikasi" AS ENUM ('EMAIL', 'WHATSAPP', 'SMS');

-- CreateEnum
CREATE TYPE "JenisPemberitahuan" AS ENUM ('STATUS_LAYANAN', 'BALASAN_PENGADUAN', 'TENGGAT_PPID', 'PENGINGAT_KUNJUNGAN');

-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "providerMessageId" TEXT,
ADD COLUMN     "sendingAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "teleponTerverifikasi" TEXT,
ADD COLUMN     "teleponTerverifikasiAt" TIMESTAMP(3),
ADD COLUMN     "waMasukTerakhirAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "PilihanKanal" (
    "userId" UUID NOT NULL,
    "jenis" "JenisPemberitahuan" NOT NULL,
    "kanal" "KanalNotifikasi" NOT NULL,
    "aktif" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PilihanKanal_pkey" PRIMARY KEY ("userId","jenis","kanal")
);

-- CreateTable
CREATE TABLE "KodeTelepon" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "telepon" TEXT NOT NULL,
    "kanal" "KanalNotifikasi" NOT NULL,
    "kodeHash" TEXT NOT NULL,
    "percobaan" INTEGER NOT NULL DEFAULT 0,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KodeTelepon_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "KodeTelepon_userId_createdAt_idx" ON "KodeTelepon"("userId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Outbox_providerMessageId_key" ON "Outbox"("providerMessageId");

-- AddForeignKey
ALTER TABLE "PilihanKanal" ADD CONSTRAINT "PilihanKanal_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "KodeTelepon" ADD CONSTRAINT "KodeTelepon_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

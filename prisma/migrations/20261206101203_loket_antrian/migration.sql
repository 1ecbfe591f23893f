-- CreateEnum
CREATE TYPE "TiketStatus" AS ENUM ('MENUNGGU', 'DIPANGGIL', 'DILAYANI', 'SELESAI', 'TIDAK_HADIR', 'DIBATALKAN');

-- CreateEnum
CREATE TYPE "SumberTiket" AS ENUM ('KIOSK', 'LOKET');

-- AlterEnum
ALTER TYPE "AccountStatus" ADD VALUE 'TAMU';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ApiScope" ADD VALUE 'ANTRIAN_TAMPIL';
ALTER TYPE "ApiScope" ADD VALUE 'ANTRIAN_KIOSK';

-- AlterTable
ALTER TABLE "Layanan" ADD COLUMN     "grupAntrianId" UUID;

-- AlterTable
ALTER TABLE "Pengajuan" ADD COLUMN     "diLoket" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "PengajuanLog" ADD COLUMN     "diLoket" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "GrupAntrian" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "urutan" INTEGER NOT NULL DEFAULT 0,
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "GrupAntrian_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Loket" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "nama" TEXT NOT NULL,
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Loket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TiketAntrian" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "grupId" UUID NOT NULL,
    "tanggal" DATE NOT NULL,
    "nomor" INTEGER NOT NULL,
    "kode" TEXT NOT NULL,
    "status" "TiketStatus" NOT NULL DEFAULT 'MENUNGGU',
    "sumber" "SumberTiket" NOT NULL,
    "layananId" UUID,
    "klienId" UUID,
    "dibuatOlehId" UUID,
    "loketId" UUID,
    "petugasId" UUID,
    "pengajuanId" UUID,
    "panggilanKe" INTEGER NOT NULL DEFAULT 0,
    "dipanggilAt" TIMESTAMP(3),
    "dilayaniAt" TIMESTAMP(3),
    "selesaiAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TiketAntrian_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "GrupAntrian_instansiId_kode_key" ON "GrupAntrian"("instansiId", "kode");

-- CreateIndex
CREATE UNIQUE INDEX "Loket_instansiId_nama_key" ON "Loket"("instansiId", "nama");

-- CreateIndex
CREATE INDEX "TiketAntrian_instansiId_tanggal_status_idx" ON "TiketAntrian"("instansiId", "tanggal", "status");

-- CreateIndex
CREATE INDEX "TiketAntrian_instansiId_dipanggilAt_idx" ON "TiketAntrian"("instansiId", "dipanggilAt");

-- CreateIndex
CREATE UNIQUE INDEX "TiketAntrian_grupId_tanggal_nomor_key" ON "TiketAntrian"("grupId", "tanggal", "nomor");

-- AddForeignKey
ALTER TABLE "Layanan" ADD CONSTRAINT "Layanan_grupAntrianId_fkey" FOREIGN KEY ("grupAntrianId") REFERENCES "GrupAntrian"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrupAntrian" ADD CONSTRAINT "GrupAntrian_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Loket" ADD CONSTRAINT "Loket_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TiketAntrian" ADD CONSTRAINT "TiketAntrian_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TiketAntrian" ADD CONSTRAINT "TiketAntrian_grupId_fkey" FOREIGN KEY ("grupId") REFERENCES "GrupAntrian"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TiketAntrian" ADD CONSTRAINT "TiketAntrian_layananId_fkey" FOREIGN KEY ("layananId") REFERENCES "Layanan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TiketAntrian" ADD CONSTRAINT "TiketAntrian_dibuatOlehId_fkey" FOREIGN KEY ("dibuatOlehId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TiketAntrian" ADD CONSTRAINT "TiketAntrian_loketId_fkey" FOREIGN KEY ("loketId") REFERENCES "Loket"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TiketAntrian" ADD CONSTRAINT "TiketAntrian_petugasId_fkey" FOREIGN KEY ("petugasId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TiketAntrian" ADD CONSTRAINT "TiketAntrian_pengajuanId_fkey" FOREIGN KEY ("pengajuanId") REFERENCES "Pengajuan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

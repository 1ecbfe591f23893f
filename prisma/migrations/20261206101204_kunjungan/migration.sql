-- CreateEnum
CREATE TYPE "KebijakanKunjungan" AS ENUM ('TIDAK_ADA', 'DITAWARKAN', 'WAJIB');

-- CreateEnum
CREATE TYPE "TujuanKunjungan" AS ENUM ('VERIFIKASI', 'PENGAMBILAN', 'KONSULTASI');

-- CreateEnum
CREATE TYPE "StatusKunjungan" AS ENUM ('DIPESAN', 'HADIR', 'SELESAI', 'TIDAK_HADIR', 'DIBATALKAN', 'DIBATALKAN_KANTOR');

-- AlterTable
ALTER TABLE "Layanan" ADD COLUMN     "kunjungan" "KebijakanKunjungan" NOT NULL DEFAULT 'TIDAK_ADA',
ADD COLUMN     "kunjunganKapasitas" INTEGER NOT NULL DEFAULT 4,
ADD COLUMN     "kunjunganMenit" INTEGER NOT NULL DEFAULT 30;

-- CreateTable
CREATE TABLE "Kunjungan" (
    "id" UUID NOT NULL,
    "kode" TEXT NOT NULL,
    "instansiId" UUID NOT NULL,
    "layananId" UUID NOT NULL,
    "pemohonId" UUID NOT NULL,
    "pengajuanId" UUID,
    "tujuan" "TujuanKunjungan" NOT NULL,
    "mulai" TIMESTAMP(3) NOT NULL,
    "selesai" TIMESTAMP(3) NOT NULL,
    "status" "StatusKunjungan" NOT NULL DEFAULT 'DIPESAN',
    "catatan" TEXT NOT NULL DEFAULT '',
    "alasanBatal" TEXT,
    "gantiDariId" UUID,
    "hadirAt" TIMESTAMP(3),
    "petugasId" UUID,
    "diingatkanAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Kunjungan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SlotKunjungan" (
    "layananId" UUID NOT NULL,
    "mulai" TIMESTAMP(3) NOT NULL,
    "terisi" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "SlotKunjungan_pkey" PRIMARY KEY ("layananId","mulai")
);

-- CreateIndex
CREATE UNIQUE INDEX "Kunjungan_kode_key" ON "Kunjungan"("kode");

-- CreateIndex
CREATE INDEX "Kunjungan_instansiId_mulai_idx" ON "Kunjungan"("instansiId", "mulai");

-- CreateIndex
CREATE INDEX "Kunjungan_pemohonId_mulai_idx" ON "Kunjungan"("pemohonId", "mulai");

-- CreateIndex
CREATE INDEX "Kunjungan_layananId_mulai_status_idx" ON "Kunjungan"("layananId", "mulai", "status");

-- AddForeignKey
ALTER TABLE "Kunjungan" ADD CONSTRAINT "Kunjungan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kunjungan" ADD CONSTRAINT "Kunjungan_layananId_fkey" FOREIGN KEY ("layananId") REFERENCES "Layanan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kunjungan" ADD CONSTRAINT "Kunjungan_pemohonId_fkey" FOREIGN KEY ("pemohonId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kunjungan" ADD CONSTRAINT "Kunjungan_pengajuanId_fkey" FOREIGN KEY ("pengajuanId") REFERENCES "Pengajuan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Kunjungan" ADD CONSTRAINT "Kunjungan_petugasId_fkey" FOREIGN KEY ("petugasId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SlotKunjungan" ADD CONSTRAINT "SlotKunjungan_layananId_fkey" FOREIGN KEY ("layananId") REFERENCES "Layanan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

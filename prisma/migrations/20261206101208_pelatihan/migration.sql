-- CreateEnum
CREATE TYPE "StatusSesiPelatihan" AS ENUM ('DIBUKA', 'DITUTUP', 'DIBATALKAN');

-- CreateEnum
CREATE TYPE "StatusPesertaPelatihan" AS ENUM ('TERDAFTAR', 'MENUNGGU', 'HADIR', 'TIDAK_HADIR', 'BATAL');

-- AlterEnum
ALTER TYPE "JenisKasus" ADD VALUE 'PELATIHAN';

-- CreateTable
CREATE TABLE "SesiPelatihan" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "layananId" UUID NOT NULL,
    "judul" TEXT NOT NULL,
    "mulai" TIMESTAMP(3) NOT NULL,
    "selesai" TIMESTAMP(3) NOT NULL,
    "tempat" TEXT NOT NULL,
    "kapasitas" INTEGER NOT NULL,
    "terisi" INTEGER NOT NULL DEFAULT 0,
    "persyaratan" TEXT NOT NULL DEFAULT '',
    "wajibSuratAtasan" BOOLEAN NOT NULL DEFAULT true,
    "status" "StatusSesiPelatihan" NOT NULL DEFAULT 'DIBUKA',
    "alasanBatal" TEXT,
    "dibuatOlehId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SesiPelatihan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PesertaPelatihan" (
    "id" UUID NOT NULL,
    "sesiId" UUID NOT NULL,
    "pesertaId" UUID NOT NULL,
    "organisasi" TEXT NOT NULL DEFAULT '',
    "jabatan" TEXT NOT NULL DEFAULT '',
    "suratAtasanId" UUID,
    "status" "StatusPesertaPelatihan" NOT NULL,
    "daftarAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "naikAt" TIMESTAMP(3),
    "hadirAt" TIMESTAMP(3),
    "petugasId" UUID,
    "alasanBatal" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PesertaPelatihan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SesiPelatihan_instansiId_mulai_idx" ON "SesiPelatihan"("instansiId", "mulai");

-- CreateIndex
CREATE INDEX "SesiPelatihan_layananId_mulai_idx" ON "SesiPelatihan"("layananId", "mulai");

-- CreateIndex
CREATE INDEX "PesertaPelatihan_sesiId_status_daftarAt_idx" ON "PesertaPelatihan"("sesiId", "status", "daftarAt");

-- CreateIndex
CREATE INDEX "PesertaPelatihan_pesertaId_createdAt_idx" ON "PesertaPelatihan"("pesertaId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PesertaPelatihan_sesiId_pesertaId_key" ON "PesertaPelatihan"("sesiId", "pesertaId");

-- AddForeignKey
ALTER TABLE "SesiPelatihan" ADD CONSTRAINT "SesiPelatihan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SesiPelatihan" ADD CONSTRAINT "SesiPelatihan_layananId_fkey" FOREIGN KEY ("layananId") REFERENCES "Layanan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SesiPelatihan" ADD CONSTRAINT "SesiPelatihan_dibuatOlehId_fkey" FOREIGN KEY ("dibuatOlehId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PesertaPelatihan" ADD CONSTRAINT "PesertaPelatihan_sesiId_fkey" FOREIGN KEY ("sesiId") REFERENCES "SesiPelatihan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PesertaPelatihan" ADD CONSTRAINT "PesertaPelatihan_pesertaId_fkey" FOREIGN KEY ("pesertaId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PesertaPelatihan" ADD CONSTRAINT "PesertaPelatihan_suratAtasanId_fkey" FOREIGN KEY ("suratAtasanId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PesertaPelatihan" ADD CONSTRAINT "PesertaPelatihan_petugasId_fkey" FOREIGN KEY ("petugasId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

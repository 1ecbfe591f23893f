-- CreateEnum
CREATE TYPE "KanalKonsultasi" AS ENUM ('TELEPON', 'LANGSUNG', 'WHATSAPP', 'EMAIL');

-- CreateEnum
CREATE TYPE "StatusKonsultasi" AS ENUM ('TERBUKA', 'DIEKSKALASI', 'SELESAI');

-- CreateTable
CREATE TABLE "Konsultasi" (
    "id" UUID NOT NULL,
    "nomor" TEXT NOT NULL,
    "instansiId" UUID NOT NULL,
    "layananId" UUID,
    "namaPenanya" TEXT NOT NULL,
    "organisasi" TEXT NOT NULL DEFAULT '',
    "kontak" TEXT NOT NULL,
    "kanal" "KanalKonsultasi" NOT NULL,
    "pertanyaan" TEXT NOT NULL,
    "jawaban" TEXT,
    "status" "StatusKonsultasi" NOT NULL DEFAULT 'TERBUKA',
    "eskalasiKe" TEXT,
    "dieskalasiAt" TIMESTAMP(3),
    "tenggatJawab" TIMESTAMP(3),
    "tenggatJawabSementara" BOOLEAN NOT NULL DEFAULT false,
    "selesaiAt" TIMESTAMP(3),
    "dicatatOlehId" UUID,
    "dijawabOlehId" UUID,
    "versi" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Konsultasi_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Konsultasi_nomor_key" ON "Konsultasi"("nomor");

-- CreateIndex
CREATE INDEX "Konsultasi_instansiId_status_tenggatJawab_idx" ON "Konsultasi"("instansiId", "status", "tenggatJawab");

-- CreateIndex
CREATE INDEX "Konsultasi_instansiId_createdAt_idx" ON "Konsultasi"("instansiId", "createdAt");

-- AddForeignKey
ALTER TABLE "Konsultasi" ADD CONSTRAINT "Konsultasi_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Konsultasi" ADD CONSTRAINT "Konsultasi_layananId_fkey" FOREIGN KEY ("layananId") REFERENCES "Layanan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Konsultasi" ADD CONSTRAINT "Konsultasi_dicatatOlehId_fkey" FOREIGN KEY ("dicatatOlehId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Konsultasi" ADD CONSTRAINT "Konsultasi_dijawabOlehId_fkey" FOREIGN KEY ("dijawabOlehId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

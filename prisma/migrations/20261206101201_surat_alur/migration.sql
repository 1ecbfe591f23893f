-- Official letters made, signed and returned in Loket (issue 15: server/modules/surat/letter-service.ts): the request's
-- MENUNGGU_TTD step, the letter's file, template, signer and state, the signing officials, the verification roots.
-- AlterEnum
ALTER TYPE "PengajuanStatus" ADD VALUE 'MENUNGGU_TTD';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "SuratStatus" ADD VALUE 'MENUNGGU_TTD';
ALTER TYPE "SuratStatus" ADD VALUE 'DIKEMBALIKAN';

-- AlterTable
ALTER TABLE "PengaturanTtd" ADD COLUMN     "akarPem" TEXT;

-- AlterTable
ALTER TABLE "Surat" ADD COLUMN     "catatanKembali" TEXT,
ADD COLUMN     "dibuatOlehId" UUID,
ADD COLUMN     "dikembalikanAt" TIMESTAMP(3),
ADD COLUMN     "ditandatanganiAt" TIMESTAMP(3),
ADD COLUMN     "fileDrafId" UUID,
ADD COLUMN     "fileId" UUID,
ADD COLUMN     "metodeTtd" "MetodeTtd",
ADD COLUMN     "penandatanganId" UUID,
ADD COLUMN     "penandatanganJabatan" TEXT,
ADD COLUMN     "penandatanganNama" TEXT,
ADD COLUMN     "templateId" UUID;

-- CreateTable
CREATE TABLE "PejabatPenandatangan" (
    "userId" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "jabatan" TEXT NOT NULL,
    "nipCipher" TEXT NOT NULL,
    "nipMasked" TEXT NOT NULL,
    "idRemoteCipher" TEXT,
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PejabatPenandatangan_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "PejabatPenandatangan_instansiId_aktif_idx" ON "PejabatPenandatangan"("instansiId", "aktif");

-- CreateIndex
CREATE INDEX "Surat_penandatanganId_status_idx" ON "Surat"("penandatanganId", "status");

-- AddForeignKey
ALTER TABLE "Surat" ADD CONSTRAINT "Surat_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "TemplateSurat"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Surat" ADD CONSTRAINT "Surat_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Surat" ADD CONSTRAINT "Surat_fileDrafId_fkey" FOREIGN KEY ("fileDrafId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Surat" ADD CONSTRAINT "Surat_dibuatOlehId_fkey" FOREIGN KEY ("dibuatOlehId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Surat" ADD CONSTRAINT "Surat_penandatanganId_fkey" FOREIGN KEY ("penandatanganId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PejabatPenandatangan" ADD CONSTRAINT "PejabatPenandatangan_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PejabatPenandatangan" ADD CONSTRAINT "PejabatPenandatangan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "TemplateSurat" ADD COLUMN     "kodeKlasifikasi" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "PejabatPenandatangan" ADD COLUMN     "gagalPassphrase" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "ttdTerkunciSampai" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PengaturanTtd" ADD COLUMN "tsaUrl" TEXT;

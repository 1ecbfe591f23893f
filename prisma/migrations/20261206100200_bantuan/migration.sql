-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN     "whatsapp" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "BantuanTopik" (
    "id" UUID NOT NULL,
    "instansiId" UUID,
    "judul" TEXT NOT NULL,
    "urutan" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BantuanTopik_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BantuanTanyaJawab" (
    "id" UUID NOT NULL,
    "topikId" UUID NOT NULL,
    "pertanyaan" TEXT NOT NULL,
    "jawaban" TEXT NOT NULL,
    "urutan" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BantuanTanyaJawab_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BantuanTopik_instansiId_urutan_idx" ON "BantuanTopik"("instansiId", "urutan");

-- CreateIndex
CREATE INDEX "BantuanTanyaJawab_topikId_urutan_idx" ON "BantuanTanyaJawab"("topikId", "urutan");

-- AddForeignKey
ALTER TABLE "BantuanTopik" ADD CONSTRAINT "BantuanTopik_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BantuanTanyaJawab" ADD CONSTRAINT "BantuanTanyaJawab_topikId_fkey" FOREIGN KEY ("topikId") REFERENCES "BantuanTopik"("id") ON DELETE CASCADE ON UPDATE CASCADE;

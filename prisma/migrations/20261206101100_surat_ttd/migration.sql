-- CreateEnum
CREATE TYPE "MetodeTtd" AS ENUM ('P12', 'REMOTE');

-- CreateTable
CREATE TABLE "PengaturanTtd" (
    "instansiId" UUID NOT NULL,
    "metode" "MetodeTtd" NOT NULL DEFAULT 'P12',
    "p12Tersegel" TEXT,
    "sertifikatSubjek" TEXT,
    "sertifikatPenerbit" TEXT,
    "sertifikatNomorSeri" TEXT,
    "sertifikatBerlakuMulai" TIMESTAMP(3),
    "sertifikatBerlakuSampai" TIMESTAMP(3),
    "sertifikatSidikJari" TEXT,
    "remoteUrl" TEXT,
    "remoteClientId" TEXT,
    "remoteClientSecretTersegel" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PengaturanTtd_pkey" PRIMARY KEY ("instansiId")
);

-- AddForeignKey
ALTER TABLE "PengaturanTtd" ADD CONSTRAINT "PengaturanTtd_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AlterTable
ALTER TABLE "Keberatan" ADD COLUMN     "batasSengketaSementara" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "tenggatTanggapanSementara" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Pengaduan" ADD COLUMN     "mulaiDihitungAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "PermohonanInformasi" ADD COLUMN     "hariPerpanjangan" INTEGER;

-- Backfill: a verified complaint's clock started at its last step into DIVERIFIKASI (verification or reopening)
UPDATE "Pengaduan" p SET "mulaiDihitungAt" = COALESCE(
  (SELECT max(l."createdAt") FROM "PengaduanLog" l WHERE l."pengaduanId" = p."id" AND l."keStatus" = 'DIVERIFIKASI'),
  p."diverifikasiAt")
WHERE p."tenggat" IS NOT NULL;

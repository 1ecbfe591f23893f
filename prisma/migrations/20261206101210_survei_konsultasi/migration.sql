-- AlterEnum
ALTER TYPE "JenisKasus" ADD VALUE 'KONSULTASI';

-- AlterTable
ALTER TABLE "SurveiKepuasan" ALTER COLUMN "respondenId" DROP NOT NULL;

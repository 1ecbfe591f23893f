-- AlterTable
ALTER TABLE "Keberatan" ADD COLUMN     "versi" INTEGER NOT NULL DEFAULT 1;

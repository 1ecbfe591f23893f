-- AlterTable
ALTER TABLE "PesertaPelatihan" ADD COLUMN     "diingatkanAt" TIMESTAMP(3);

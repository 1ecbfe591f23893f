-- CreateEnum
CREATE TYPE "JenisBerkasIdentitas" AS ENUM ('KTP', 'KK', 'SK_ASN');

-- AlterEnum
ALTER TYPE "AccountActionKind" ADD VALUE 'AJUKAN_ULANG';

-- AlterTable
ALTER TABLE "AccountAction" ADD COLUMN     "reasonCode" TEXT;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "statusReasonCode" TEXT;

-- CreateTable
CREATE TABLE "BerkasIdentitas" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "jenis" "JenisBerkasIdentitas" NOT NULL,
    "fileId" UUID NOT NULL,
    "diganti" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BerkasIdentitas_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "BerkasIdentitas_userId_diganti_idx" ON "BerkasIdentitas"("userId", "diganti");

-- AddForeignKey
ALTER TABLE "BerkasIdentitas" ADD CONSTRAINT "BerkasIdentitas_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BerkasIdentitas" ADD CONSTRAINT "BerkasIdentitas_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateEnum
CREATE TYPE "ApiScope" AS ENUM ('BACA_KATALOG', 'BACA_STATISTIK', 'VERIFIKASI_DOKUMEN', 'BUAT_PENGADUAN', 'KASUS_INSTANSI', 'TERIMA_WEBHOOK');

-- CreateEnum
CREATE TYPE "WebhookEvent" AS ENUM ('PENGAJUAN_STATUS', 'PENGADUAN_DITERIMA', 'PPID_TENGGAT');

-- AlterTable
ALTER TABLE "Pengaduan" ADD COLUMN     "dicatatOlehKlienId" UUID;

-- AlterTable
ALTER TABLE "PengaduanLog" ADD COLUMN     "klienId" UUID;

-- AlterTable
ALTER TABLE "PengajuanLog" ADD COLUMN     "klienId" UUID;

-- CreateTable
CREATE TABLE "ApiClient" (
    "id" UUID NOT NULL,
    "nama" TEXT NOT NULL,
    "instansiId" UUID NOT NULL,
    "kontak" TEXT NOT NULL,
    "scopes" "ApiScope"[],
    "secretHash" TEXT NOT NULL,
    "secretDiputarAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "berlakuSampai" TIMESTAMP(3),
    "dicabutAt" TIMESTAMP(3),
    "lastUsedAt" TIMESTAMP(3),
    "dibuatOlehId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ApiClient_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" UUID NOT NULL,
    "clientId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "events" "WebhookEvent"[],
    "secretCipher" TEXT NOT NULL,
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "event" "WebhookEvent" NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "lastStatusCode" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PengingatTenggat" (
    "id" UUID NOT NULL,
    "permohonanId" UUID NOT NULL,
    "keadaan" TEXT NOT NULL,
    "tenggat" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PengingatTenggat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ApiClient_instansiId_idx" ON "ApiClient"("instansiId");

-- CreateIndex
CREATE INDEX "WebhookSubscription_clientId_idx" ON "WebhookSubscription"("clientId");

-- CreateIndex
CREATE INDEX "WebhookDelivery_status_nextAttemptAt_idx" ON "WebhookDelivery"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_subscriptionId_createdAt_idx" ON "WebhookDelivery"("subscriptionId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PengingatTenggat_permohonanId_keadaan_tenggat_key" ON "PengingatTenggat"("permohonanId", "keadaan", "tenggat");

-- AddForeignKey
ALTER TABLE "PengajuanLog" ADD CONSTRAINT "PengajuanLog_klienId_fkey" FOREIGN KEY ("klienId") REFERENCES "ApiClient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pengaduan" ADD CONSTRAINT "Pengaduan_dicatatOlehKlienId_fkey" FOREIGN KEY ("dicatatOlehKlienId") REFERENCES "ApiClient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PengaduanLog" ADD CONSTRAINT "PengaduanLog_klienId_fkey" FOREIGN KEY ("klienId") REFERENCES "ApiClient"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiClient" ADD CONSTRAINT "ApiClient_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_clientId_fkey" FOREIGN KEY ("clientId") REFERENCES "ApiClient"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PengingatTenggat" ADD CONSTRAINT "PengingatTenggat_permohonanId_fkey" FOREIGN KEY ("permohonanId") REFERENCES "PermohonanInformasi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

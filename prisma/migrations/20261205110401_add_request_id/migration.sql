-- AlterTable
ALTER TABLE "Outbox" ADD COLUMN     "requestId" TEXT;

-- AlterTable
ALTER TABLE "WebhookDelivery" ADD COLUMN     "requestId" TEXT;

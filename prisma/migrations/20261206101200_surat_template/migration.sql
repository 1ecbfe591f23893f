-- Result letter templates, versioned per service (issue 15: server/modules/surat/template*.ts).
-- CreateTable
CREATE TABLE "TemplateSurat" (
    "id" UUID NOT NULL,
    "layananId" UUID NOT NULL,
    "versi" INTEGER NOT NULL,
    "kopSurat" BYTEA NOT NULL,
    "skema" JSONB NOT NULL,
    "catatan" TEXT NOT NULL DEFAULT '',
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TemplateSurat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TemplateSurat_layananId_versi_key" ON "TemplateSurat"("layananId", "versi");

-- AddForeignKey
ALTER TABLE "TemplateSurat" ADD CONSTRAINT "TemplateSurat_layananId_fkey" FOREIGN KEY ("layananId") REFERENCES "Layanan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TemplateSurat" ADD CONSTRAINT "TemplateSurat_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

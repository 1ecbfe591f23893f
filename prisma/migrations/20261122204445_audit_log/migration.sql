-- CreateEnum
CREATE TYPE "AuditJenis" AS ENUM ('BACA_DATA_PRIBADI', 'UBAH');

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" UUID NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "jenis" "AuditJenis" NOT NULL,
    "aktorId" UUID,
    "aktorPeran" TEXT,
    "klien" TEXT,
    "aksi" TEXT NOT NULL,
    "objekJenis" TEXT,
    "objekId" TEXT,
    "subjekId" UUID,
    "alamatIp" TEXT NOT NULL DEFAULT '',
    "perangkat" TEXT NOT NULL DEFAULT '',
    "detail" JSONB,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditLog_subjekId_at_idx" ON "AuditLog"("subjekId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_aktorId_at_idx" ON "AuditLog"("aktorId", "at");

-- CreateIndex
CREATE INDEX "AuditLog_at_idx" ON "AuditLog"("at");

-- The audit trail is append-only: nothing may change or remove an entry once written.
CREATE OR REPLACE FUNCTION "audit_log_append_only"() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'AuditLog is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "AuditLog_append_only"
  BEFORE UPDATE OR DELETE ON "AuditLog"
  FOR EACH ROW EXECUTE FUNCTION "audit_log_append_only"();

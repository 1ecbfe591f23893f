-- CreateEnum
CREATE TYPE "LingkupNomorSurat" AS ENUM ('PER_KODE', 'BERSAMA');

-- CreateEnum
CREATE TYPE "SuratStatus" AS ENUM ('TERBIT', 'DIBATALKAN');

-- CreateTable
CREATE TABLE "PolaNomorSurat" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "pola" TEXT NOT NULL,
    "lingkup" "LingkupNomorSurat" NOT NULL DEFAULT 'BERSAMA',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PolaNomorSurat_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NomorSuratUrut" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "tahun" INTEGER NOT NULL,
    "kunci" TEXT NOT NULL,
    "terakhir" INTEGER NOT NULL,

    CONSTRAINT "NomorSuratUrut_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Surat" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "pengajuanId" UUID,
    "nomor" TEXT NOT NULL,
    "kodeKlasifikasi" TEXT NOT NULL,
    "urutan" INTEGER NOT NULL,
    "tahun" INTEGER NOT NULL,
    "tanggal" DATE NOT NULL,
    "status" "SuratStatus" NOT NULL DEFAULT 'TERBIT',
    "alasanBatal" TEXT,
    "dibatalkanAt" TIMESTAMP(3),
    "dibatalkanOlehId" UUID,
    "kodeVerifikasi" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Surat_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PolaNomorSurat_instansiId_key" ON "PolaNomorSurat"("instansiId");

-- CreateIndex
CREATE UNIQUE INDEX "NomorSuratUrut_instansiId_tahun_kunci_key" ON "NomorSuratUrut"("instansiId", "tahun", "kunci");

-- CreateIndex
CREATE UNIQUE INDEX "Surat_kodeVerifikasi_key" ON "Surat"("kodeVerifikasi");

-- CreateIndex
CREATE INDEX "Surat_instansiId_tahun_createdAt_idx" ON "Surat"("instansiId", "tahun", "createdAt");

-- CreateIndex
CREATE INDEX "Surat_pengajuanId_idx" ON "Surat"("pengajuanId");

-- CreateIndex
CREATE UNIQUE INDEX "Surat_instansiId_nomor_key" ON "Surat"("instansiId", "nomor");

-- AddForeignKey
ALTER TABLE "PolaNomorSurat" ADD CONSTRAINT "PolaNomorSurat_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NomorSuratUrut" ADD CONSTRAINT "NomorSuratUrut_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Surat" ADD CONSTRAINT "Surat_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Surat" ADD CONSTRAINT "Surat_pengajuanId_fkey" FOREIGN KEY ("pengajuanId") REFERENCES "Pengajuan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Surat" ADD CONSTRAINT "Surat_dibatalkanOlehId_fkey" FOREIGN KEY ("dibatalkanOlehId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

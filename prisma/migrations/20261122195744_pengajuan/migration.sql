-- CreateEnum
CREATE TYPE "SlaSatuan" AS ENUM ('MENIT', 'JAM_KERJA', 'HARI_KERJA');

-- CreateEnum
CREATE TYPE "FormFieldType" AS ENUM ('TEXT', 'TEXTAREA', 'NUMBER', 'DATE', 'SELECT', 'NIK', 'PHONE', 'EMAIL');

-- CreateEnum
CREATE TYPE "PengajuanStatus" AS ENUM ('DRAFT', 'DIAJUKAN', 'PERLU_PERBAIKAN', 'DIVERIFIKASI', 'DIPROSES', 'SELESAI', 'SIAP_DIAMBIL', 'DIAMBIL', 'DITOLAK', 'DIBATALKAN');

-- CreateEnum
CREATE TYPE "PengirimanOpsi" AS ENUM ('UNDUH', 'AMBIL');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "EmailTokenKind" AS ENUM ('VERIFIKASI_EMAIL', 'RESET_PASSWORD');

-- AlterTable
ALTER TABLE "Instansi" ADD COLUMN     "prefixNomor" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "Layanan" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "kode" TEXT NOT NULL,
    "nama" TEXT NOT NULL,
    "kategori" TEXT NOT NULL DEFAULT 'Umum',
    "deskripsi" TEXT NOT NULL DEFAULT '',
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "contoh" BOOLEAN NOT NULL DEFAULT false,
    "dasarHukum" TEXT NOT NULL DEFAULT '',
    "persyaratanKeterangan" TEXT NOT NULL DEFAULT '',
    "prosedur" TEXT NOT NULL DEFAULT '',
    "prosedurFlowchart" TEXT,
    "slaJumlah" INTEGER NOT NULL,
    "slaSatuan" "SlaSatuan" NOT NULL,
    "jangkaWaktuKeterangan" TEXT NOT NULL DEFAULT '',
    "biaya" INTEGER NOT NULL DEFAULT 0,
    "biayaKeterangan" TEXT NOT NULL DEFAULT 'Tidak dipungut biaya',
    "produkLayanan" TEXT NOT NULL DEFAULT '',
    "saranaPrasarana" TEXT NOT NULL DEFAULT '',
    "kompetensiPelaksana" TEXT NOT NULL DEFAULT '',
    "pengawasanInternal" TEXT NOT NULL DEFAULT '',
    "penangananPengaduan" TEXT NOT NULL DEFAULT '',
    "jumlahPelaksana" TEXT NOT NULL DEFAULT '',
    "jaminanPelayanan" TEXT NOT NULL DEFAULT '',
    "jaminanKeamanan" TEXT NOT NULL DEFAULT '',
    "evaluasiKinerja" TEXT NOT NULL DEFAULT '',
    "unduhOnline" BOOLEAN NOT NULL DEFAULT true,
    "ambilDiKantor" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Layanan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PersyaratanDokumen" (
    "id" UUID NOT NULL,
    "layananId" UUID NOT NULL,
    "urutan" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "keterangan" TEXT NOT NULL DEFAULT '',
    "wajib" BOOLEAN NOT NULL DEFAULT true,
    "jenisFile" TEXT[] DEFAULT ARRAY['application/pdf', 'image/jpeg', 'image/png']::TEXT[],
    "maksBytes" INTEGER NOT NULL DEFAULT 2097152,
    "templateFileId" UUID,

    CONSTRAINT "PersyaratanDokumen_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FormField" (
    "id" UUID NOT NULL,
    "layananId" UUID NOT NULL,
    "urutan" INTEGER NOT NULL,
    "nama" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "tipe" "FormFieldType" NOT NULL,
    "wajib" BOOLEAN NOT NULL DEFAULT true,
    "pola" TEXT,
    "min" DOUBLE PRECISION,
    "max" DOUBLE PRECISION,
    "opsi" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "bantuan" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "FormField_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pengajuan" (
    "id" UUID NOT NULL,
    "nomorRegistrasi" TEXT,
    "layananId" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "pemohonId" UUID NOT NULL,
    "petugasId" UUID,
    "status" "PengajuanStatus" NOT NULL DEFAULT 'DRAFT',
    "versi" INTEGER NOT NULL DEFAULT 1,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "formData" JSONB NOT NULL DEFAULT '{}',
    "pengiriman" "PengirimanOpsi" NOT NULL DEFAULT 'UNDUH',
    "diajukanAt" TIMESTAMP(3),
    "diverifikasiAt" TIMESTAMP(3),
    "slaMulaiAt" TIMESTAMP(3),
    "slaSisaMenit" DOUBLE PRECISION,
    "tenggat" TIMESTAMP(3),
    "tenggatSementara" BOOLEAN NOT NULL DEFAULT false,
    "selesaiAt" TIMESTAMP(3),
    "alasanTolak" TEXT,
    "diambilOleh" TEXT,
    "identitasPengambil" TEXT,
    "diambilAt" TIMESTAMP(3),
    "asalId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pengajuan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PengajuanLog" (
    "id" UUID NOT NULL,
    "pengajuanId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "aksi" TEXT NOT NULL,
    "dariStatus" "PengajuanStatus",
    "keStatus" "PengajuanStatus" NOT NULL,
    "aktorId" UUID,
    "pesan" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PengajuanLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CatatanInternal" (
    "id" UUID NOT NULL,
    "pengajuanId" UUID NOT NULL,
    "penulisId" UUID NOT NULL,
    "isi" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatatanInternal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StoredFile" (
    "id" UUID NOT NULL,
    "sha256" TEXT NOT NULL,
    "ukuran" INTEGER NOT NULL,
    "mime" TEXT NOT NULL,
    "namaAsli" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "uploaderId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoredFile_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DokumenPengajuan" (
    "id" UUID NOT NULL,
    "pengajuanId" UUID NOT NULL,
    "persyaratanId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "diganti" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DokumenPengajuan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HasilDokumen" (
    "id" UUID NOT NULL,
    "pengajuanId" UUID NOT NULL,
    "fileId" UUID NOT NULL,
    "judul" TEXT NOT NULL,
    "kodeVerifikasi" TEXT NOT NULL,
    "diunduhAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HasilDokumen_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NomorUrut" (
    "kunci" TEXT NOT NULL,
    "terakhir" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "NomorUrut_pkey" PRIMARY KEY ("kunci")
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "status" "OutboxStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailToken" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "EmailTokenKind" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailToken_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Layanan_aktif_nama_idx" ON "Layanan"("aktif", "nama");

-- CreateIndex
CREATE UNIQUE INDEX "Layanan_instansiId_kode_key" ON "Layanan"("instansiId", "kode");

-- CreateIndex
CREATE INDEX "PersyaratanDokumen_layananId_urutan_idx" ON "PersyaratanDokumen"("layananId", "urutan");

-- CreateIndex
CREATE UNIQUE INDEX "FormField_layananId_nama_key" ON "FormField"("layananId", "nama");

-- CreateIndex
CREATE UNIQUE INDEX "Pengajuan_nomorRegistrasi_key" ON "Pengajuan"("nomorRegistrasi");

-- CreateIndex
CREATE INDEX "Pengajuan_instansiId_status_tenggat_idx" ON "Pengajuan"("instansiId", "status", "tenggat");

-- CreateIndex
CREATE INDEX "Pengajuan_pemohonId_createdAt_idx" ON "Pengajuan"("pemohonId", "createdAt");

-- CreateIndex
CREATE INDEX "Pengajuan_petugasId_status_idx" ON "Pengajuan"("petugasId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "PengajuanLog_pengajuanId_seq_key" ON "PengajuanLog"("pengajuanId", "seq");

-- CreateIndex
CREATE INDEX "CatatanInternal_pengajuanId_createdAt_idx" ON "CatatanInternal"("pengajuanId", "createdAt");

-- CreateIndex
CREATE INDEX "StoredFile_sha256_idx" ON "StoredFile"("sha256");

-- CreateIndex
CREATE INDEX "DokumenPengajuan_pengajuanId_persyaratanId_idx" ON "DokumenPengajuan"("pengajuanId", "persyaratanId");

-- CreateIndex
CREATE UNIQUE INDEX "HasilDokumen_kodeVerifikasi_key" ON "HasilDokumen"("kodeVerifikasi");

-- CreateIndex
CREATE INDEX "Outbox_status_nextAttemptAt_idx" ON "Outbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailToken_tokenHash_key" ON "EmailToken"("tokenHash");

-- CreateIndex
CREATE INDEX "EmailToken_userId_kind_idx" ON "EmailToken"("userId", "kind");

-- AddForeignKey
ALTER TABLE "Layanan" ADD CONSTRAINT "Layanan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersyaratanDokumen" ADD CONSTRAINT "PersyaratanDokumen_layananId_fkey" FOREIGN KEY ("layananId") REFERENCES "Layanan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PersyaratanDokumen" ADD CONSTRAINT "PersyaratanDokumen_templateFileId_fkey" FOREIGN KEY ("templateFileId") REFERENCES "StoredFile"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FormField" ADD CONSTRAINT "FormField_layananId_fkey" FOREIGN KEY ("layananId") REFERENCES "Layanan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pengajuan" ADD CONSTRAINT "Pengajuan_layananId_fkey" FOREIGN KEY ("layananId") REFERENCES "Layanan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pengajuan" ADD CONSTRAINT "Pengajuan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pengajuan" ADD CONSTRAINT "Pengajuan_pemohonId_fkey" FOREIGN KEY ("pemohonId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pengajuan" ADD CONSTRAINT "Pengajuan_petugasId_fkey" FOREIGN KEY ("petugasId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pengajuan" ADD CONSTRAINT "Pengajuan_asalId_fkey" FOREIGN KEY ("asalId") REFERENCES "Pengajuan"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PengajuanLog" ADD CONSTRAINT "PengajuanLog_pengajuanId_fkey" FOREIGN KEY ("pengajuanId") REFERENCES "Pengajuan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PengajuanLog" ADD CONSTRAINT "PengajuanLog_aktorId_fkey" FOREIGN KEY ("aktorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatatanInternal" ADD CONSTRAINT "CatatanInternal_pengajuanId_fkey" FOREIGN KEY ("pengajuanId") REFERENCES "Pengajuan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CatatanInternal" ADD CONSTRAINT "CatatanInternal_penulisId_fkey" FOREIGN KEY ("penulisId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DokumenPengajuan" ADD CONSTRAINT "DokumenPengajuan_pengajuanId_fkey" FOREIGN KEY ("pengajuanId") REFERENCES "Pengajuan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DokumenPengajuan" ADD CONSTRAINT "DokumenPengajuan_persyaratanId_fkey" FOREIGN KEY ("persyaratanId") REFERENCES "PersyaratanDokumen"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DokumenPengajuan" ADD CONSTRAINT "DokumenPengajuan_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HasilDokumen" ADD CONSTRAINT "HasilDokumen_pengajuanId_fkey" FOREIGN KEY ("pengajuanId") REFERENCES "Pengajuan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HasilDokumen" ADD CONSTRAINT "HasilDokumen_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailToken" ADD CONSTRAINT "EmailToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

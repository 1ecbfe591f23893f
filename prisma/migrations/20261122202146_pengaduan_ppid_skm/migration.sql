-- CreateEnum
CREATE TYPE "PengaduanStatus" AS ENUM ('DITERIMA', 'DIVERIFIKASI', 'DITOLAK', 'DITINDAKLANJUTI', 'SELESAI');

-- CreateEnum
CREATE TYPE "KanalPengaduan" AS ENUM ('WEB', 'LANGSUNG', 'KOTAK_SARAN', 'TELEPON', 'WHATSAPP');

-- CreateEnum
CREATE TYPE "FormatInformasi" AS ENUM ('SOFTCOPY', 'HARDCOPY');

-- CreateEnum
CREATE TYPE "CaraPerolehan" AS ENUM ('AMBIL', 'EMAIL', 'POS');

-- CreateEnum
CREATE TYPE "PermohonanStatus" AS ENUM ('DITERIMA', 'DIPERPANJANG', 'DIKABULKAN', 'DIKABULKAN_SEBAGIAN', 'DITOLAK');

-- CreateEnum
CREATE TYPE "AlasanKeberatan" AS ENUM ('PENOLAKAN', 'TIDAK_DISEDIAKAN_INFORMASI_BERKALA', 'TIDAK_DITANGGAPI', 'DITANGGAPI_TIDAK_SEBAGAIMANA_DIMINTA', 'TIDAK_DIPENUHI', 'BIAYA_TIDAK_WAJAR', 'MELEBIHI_JANGKA_WAKTU');

-- CreateEnum
CREATE TYPE "KeberatanStatus" AS ENUM ('DIAJUKAN', 'DITANGGAPI');

-- CreateEnum
CREATE TYPE "JenisKasus" AS ENUM ('PENGAJUAN', 'PENGADUAN', 'PERMOHONAN_INFORMASI');

-- CreateTable
CREATE TABLE "KategoriPengaduan" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "nama" TEXT NOT NULL,
    "aktif" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "KategoriPengaduan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pengaduan" (
    "id" UUID NOT NULL,
    "kodeLacak" TEXT NOT NULL,
    "instansiId" UUID NOT NULL,
    "kategoriId" UUID NOT NULL,
    "layananId" UUID,
    "pengajuanId" UUID,
    "pelaporId" UUID,
    "namaPelapor" TEXT,
    "kontakPelapor" TEXT,
    "rahasia" BOOLEAN NOT NULL DEFAULT false,
    "kanal" "KanalPengaduan" NOT NULL DEFAULT 'WEB',
    "dicatatOlehId" UUID,
    "judul" TEXT NOT NULL,
    "uraian" TEXT NOT NULL,
    "status" "PengaduanStatus" NOT NULL DEFAULT 'DITERIMA',
    "versi" INTEGER NOT NULL DEFAULT 1,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "diverifikasiAt" TIMESTAMP(3),
    "tenggat" TIMESTAMP(3),
    "tenggatSementara" BOOLEAN NOT NULL DEFAULT false,
    "selesaiAt" TIMESTAMP(3),
    "alasanTolak" TEXT,
    "dibukaKembali" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Pengaduan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PengaduanLog" (
    "id" UUID NOT NULL,
    "pengaduanId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "aksi" TEXT NOT NULL,
    "dariStatus" "PengaduanStatus",
    "keStatus" "PengaduanStatus" NOT NULL,
    "aktorId" UUID,
    "pesan" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PengaduanLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PengaduanLampiran" (
    "id" UUID NOT NULL,
    "pengaduanId" UUID NOT NULL,
    "logId" UUID,
    "fileId" UUID NOT NULL,
    "bukti" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PengaduanLampiran_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermohonanInformasi" (
    "id" UUID NOT NULL,
    "nomorRegister" TEXT NOT NULL,
    "instansiId" UUID NOT NULL,
    "pemohonId" UUID NOT NULL,
    "rincianInformasi" TEXT NOT NULL,
    "tujuan" TEXT NOT NULL,
    "format" "FormatInformasi" NOT NULL,
    "caraPerolehan" "CaraPerolehan" NOT NULL,
    "status" "PermohonanStatus" NOT NULL DEFAULT 'DITERIMA',
    "versi" INTEGER NOT NULL DEFAULT 1,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "diterimaAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tenggat" TIMESTAMP(3) NOT NULL,
    "tenggatSementara" BOOLEAN NOT NULL DEFAULT false,
    "alasanPerpanjangan" TEXT,
    "diperpanjangAt" TIMESTAMP(3),
    "diputusAt" TIMESTAMP(3),
    "pasalPengecualian" TEXT,
    "ujiKonsekuensi" TEXT,
    "catatanKeputusan" TEXT,
    "biaya" INTEGER NOT NULL DEFAULT 0,
    "diputusOlehId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PermohonanInformasi_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PermohonanLog" (
    "id" UUID NOT NULL,
    "permohonanId" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "aksi" TEXT NOT NULL,
    "aktorId" UUID,
    "pesan" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PermohonanLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Keberatan" (
    "id" UUID NOT NULL,
    "nomorRegister" TEXT NOT NULL,
    "permohonanId" UUID NOT NULL,
    "alasan" "AlasanKeberatan" NOT NULL,
    "uraian" TEXT NOT NULL,
    "status" "KeberatanStatus" NOT NULL DEFAULT 'DIAJUKAN',
    "diajukanAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "tenggatTanggapan" TIMESTAMP(3) NOT NULL,
    "tanggapan" TEXT,
    "ditanggapiAt" TIMESTAMP(3),
    "ditanggapiOlehId" UUID,
    "batasSengketa" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Keberatan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SurveiKepuasan" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "layananId" UUID,
    "jenisKasus" "JenisKasus" NOT NULL,
    "kasusId" UUID NOT NULL,
    "respondenId" UUID NOT NULL,
    "u1" INTEGER NOT NULL,
    "u2" INTEGER NOT NULL,
    "u3" INTEGER NOT NULL,
    "u4" INTEGER NOT NULL,
    "u5" INTEGER NOT NULL,
    "u6" INTEGER NOT NULL,
    "u7" INTEGER NOT NULL,
    "u8" INTEGER NOT NULL,
    "u9" INTEGER NOT NULL,
    "komentar" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SurveiKepuasan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "KategoriPengaduan_instansiId_nama_key" ON "KategoriPengaduan"("instansiId", "nama");

-- CreateIndex
CREATE UNIQUE INDEX "Pengaduan_kodeLacak_key" ON "Pengaduan"("kodeLacak");

-- CreateIndex
CREATE INDEX "Pengaduan_instansiId_status_tenggat_idx" ON "Pengaduan"("instansiId", "status", "tenggat");

-- CreateIndex
CREATE INDEX "Pengaduan_pelaporId_createdAt_idx" ON "Pengaduan"("pelaporId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PengaduanLog_pengaduanId_seq_key" ON "PengaduanLog"("pengaduanId", "seq");

-- CreateIndex
CREATE INDEX "PengaduanLampiran_pengaduanId_idx" ON "PengaduanLampiran"("pengaduanId");

-- CreateIndex
CREATE UNIQUE INDEX "PermohonanInformasi_nomorRegister_key" ON "PermohonanInformasi"("nomorRegister");

-- CreateIndex
CREATE INDEX "PermohonanInformasi_instansiId_status_tenggat_idx" ON "PermohonanInformasi"("instansiId", "status", "tenggat");

-- CreateIndex
CREATE INDEX "PermohonanInformasi_pemohonId_createdAt_idx" ON "PermohonanInformasi"("pemohonId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "PermohonanLog_permohonanId_seq_key" ON "PermohonanLog"("permohonanId", "seq");

-- CreateIndex
CREATE UNIQUE INDEX "Keberatan_nomorRegister_key" ON "Keberatan"("nomorRegister");

-- CreateIndex
CREATE INDEX "Keberatan_status_tenggatTanggapan_idx" ON "Keberatan"("status", "tenggatTanggapan");

-- CreateIndex
CREATE UNIQUE INDEX "Keberatan_permohonanId_alasan_key" ON "Keberatan"("permohonanId", "alasan");

-- CreateIndex
CREATE INDEX "SurveiKepuasan_instansiId_createdAt_idx" ON "SurveiKepuasan"("instansiId", "createdAt");

-- CreateIndex
CREATE INDEX "SurveiKepuasan_layananId_createdAt_idx" ON "SurveiKepuasan"("layananId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SurveiKepuasan_jenisKasus_kasusId_key" ON "SurveiKepuasan"("jenisKasus", "kasusId");

-- AddForeignKey
ALTER TABLE "KategoriPengaduan" ADD CONSTRAINT "KategoriPengaduan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pengaduan" ADD CONSTRAINT "Pengaduan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pengaduan" ADD CONSTRAINT "Pengaduan_kategoriId_fkey" FOREIGN KEY ("kategoriId") REFERENCES "KategoriPengaduan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pengaduan" ADD CONSTRAINT "Pengaduan_pelaporId_fkey" FOREIGN KEY ("pelaporId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pengaduan" ADD CONSTRAINT "Pengaduan_dicatatOlehId_fkey" FOREIGN KEY ("dicatatOlehId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PengaduanLog" ADD CONSTRAINT "PengaduanLog_pengaduanId_fkey" FOREIGN KEY ("pengaduanId") REFERENCES "Pengaduan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PengaduanLog" ADD CONSTRAINT "PengaduanLog_aktorId_fkey" FOREIGN KEY ("aktorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PengaduanLampiran" ADD CONSTRAINT "PengaduanLampiran_pengaduanId_fkey" FOREIGN KEY ("pengaduanId") REFERENCES "Pengaduan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PengaduanLampiran" ADD CONSTRAINT "PengaduanLampiran_logId_fkey" FOREIGN KEY ("logId") REFERENCES "PengaduanLog"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PengaduanLampiran" ADD CONSTRAINT "PengaduanLampiran_fileId_fkey" FOREIGN KEY ("fileId") REFERENCES "StoredFile"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermohonanInformasi" ADD CONSTRAINT "PermohonanInformasi_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermohonanInformasi" ADD CONSTRAINT "PermohonanInformasi_pemohonId_fkey" FOREIGN KEY ("pemohonId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PermohonanLog" ADD CONSTRAINT "PermohonanLog_permohonanId_fkey" FOREIGN KEY ("permohonanId") REFERENCES "PermohonanInformasi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Keberatan" ADD CONSTRAINT "Keberatan_permohonanId_fkey" FOREIGN KEY ("permohonanId") REFERENCES "PermohonanInformasi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SurveiKepuasan" ADD CONSTRAINT "SurveiKepuasan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

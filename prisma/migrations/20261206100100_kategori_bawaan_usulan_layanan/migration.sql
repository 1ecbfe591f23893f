-- AlterTable
ALTER TABLE "KategoriPengaduan" ADD COLUMN     "terakhir" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "UsulanLayanan" (
    "id" UUID NOT NULL,
    "instansiId" UUID NOT NULL,
    "uraian" TEXT NOT NULL,
    "kunci" TEXT NOT NULL,
    "kontak" TEXT,
    "alamatIndex" TEXT NOT NULL,
    "ditanganiAt" TIMESTAMP(3),
    "ditanganiOlehId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "UsulanLayanan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "UsulanLayanan_instansiId_ditanganiAt_createdAt_idx" ON "UsulanLayanan"("instansiId", "ditanganiAt", "createdAt");

-- CreateIndex
CREATE INDEX "UsulanLayanan_alamatIndex_createdAt_idx" ON "UsulanLayanan"("alamatIndex", "createdAt");

-- AddForeignKey
ALTER TABLE "UsulanLayanan" ADD CONSTRAINT "UsulanLayanan_instansiId_fkey" FOREIGN KEY ("instansiId") REFERENCES "Instansi"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Default complaint categories (server/modules/pengaduan/kategori-bawaan.ts, the same names) for every instansi
-- that has none yet: before this, a new office offered its citizens an empty "Kategori" list. New offices get them
-- from createInstansi and the seed, in their own transaction. Only INSERTs: the statistics triggers on
-- "KategoriPengaduan" fire on UPDATE and DELETE (a rename changes stored figures); a new category has no
-- complaint yet, so no stored figure changes and no counter moves.
-- kategori-bawaan:begin
INSERT INTO "KategoriPengaduan" ("id", "instansiId", "nama", "terakhir")
SELECT gen_random_uuid(), i."id", k.nama, k.terakhir
  FROM "Instansi" i
 CROSS JOIN (VALUES
   ('Pelayanan publik (persyaratan, prosedur, waktu, biaya)', false),
   ('Layanan elektronik dan aplikasi (SPBE)', false),
   ('Sikap dan perilaku petugas', false),
   ('Sarana dan prasarana pelayanan', false),
   ('Lainnya', true)
 ) AS k(nama, terakhir)
 WHERE NOT EXISTS (SELECT 1 FROM "KategoriPengaduan" x WHERE x."instansiId" = i."id");
-- kategori-bawaan:end

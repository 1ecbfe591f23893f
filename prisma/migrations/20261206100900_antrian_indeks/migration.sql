-- The staff queue's order, as indexes the page is read from (server/modules/pengajuan/queue-page.ts, which
-- writes these expressions and the status list exactly so). The order is tenggat, then diajukanAt (both
-- missing last), then id; the missing ones are 'infinity' so that a page after a cursor is one row
-- comparison the index starts at. Prisma's schema cannot declare expression or partial indexes; its
-- migrate diff leaves them alone (tests/db/migrate.test.ts checks there is no drift).

-- Replaced by the first one below (the same order, with the missing values last as a value).
DROP INDEX "Pengajuan_instansiId_tenggat_diajukanAt_id_idx";

-- every status (no status filter; the closed statuses, which are most of an office's history)
CREATE INDEX "Pengajuan_antrian_idx" ON "Pengajuan" (
  "instansiId", (COALESCE("tenggat", 'infinity'::timestamp)), (COALESCE("diajukanAt", 'infinity'::timestamp)), "id"
);

-- the open work only (the desk's default tab, and any of its statuses): read without walking past the
-- closed history, so a page costs what the open work holds however many cases the office has finished
CREATE INDEX "Pengajuan_antrian_terbuka_idx" ON "Pengajuan" (
  "instansiId", (COALESCE("tenggat", 'infinity'::timestamp)), (COALESCE("diajukanAt", 'infinity'::timestamp)), "id"
) WHERE "status" IN ('DIAJUKAN', 'PERLU_PERBAIKAN', 'DIVERIFIKASI', 'DIPROSES', 'SIAP_DIAMBIL');

-- one status (a tab of one status, e.g. the refused ones, whose deadlines are mostly missing)
CREATE INDEX "Pengajuan_antrian_status_idx" ON "Pengajuan" (
  "instansiId", "status", (COALESCE("tenggat", 'infinity'::timestamp)), (COALESCE("diajukanAt", 'infinity'::timestamp)), "id"
);

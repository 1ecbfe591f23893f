-- The open-work index's predicate gains MENUNGGU_TTD (a letter waiting for its signature is open work:
-- server/modules/pengajuan/queue-page.ts ANTRIAN_TERBUKA). Its own migration: a value added to an enum cannot be
-- used in the transaction that added it.
DROP INDEX "Pengajuan_antrian_terbuka_idx";

CREATE INDEX "Pengajuan_antrian_terbuka_idx" ON "Pengajuan" (
  "instansiId", (COALESCE("tenggat", 'infinity'::timestamp)), (COALESCE("diajukanAt", 'infinity'::timestamp)), "id"
) WHERE "status" IN ('DIAJUKAN', 'PERLU_PERBAIKAN', 'DIVERIFIKASI', 'DIPROSES', 'MENUNGGU_TTD', 'SIAP_DIAMBIL');

-- The open-work index's predicate gains MENUNGGU_KUNJUNGAN (a case waiting for the applicant's visit is open work:
-- server/modules/pengajuan/queue-page.ts ANTRIAN_TERBUKA). Its own migration: a value added to an enum cannot be
-- used in the transaction that added it.
DROP INDEX "Pengajuan_antrian_terbuka_idx";

CREATE INDEX "Pengajuan_antrian_terbuka_idx" ON "Pengajuan" (
  "instansiId", (COALESCE("tenggat", 'infinity'::timestamp)), (COALESCE("diajukanAt", 'infinity'::timestamp)), "id"
) WHERE "status" IN ('DIAJUKAN', 'PERLU_PERBAIKAN', 'MENUNGGU_KUNJUNGAN', 'DIVERIFIKASI', 'DIPROSES', 'MENUNGGU_TTD', 'SIAP_DIAMBIL');

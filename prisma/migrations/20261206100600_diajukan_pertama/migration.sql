-- "Diajukan" is the first submission (issue #14): until now a re-submission after a fix overwrote "diajukanAt".
-- Give every request back the time of its first AJUKAN step; the re-submission is read from the log
-- (Pengajuan.diajukanUlangAt). Data only: no schema change.
UPDATE "Pengajuan" AS p
SET "diajukanAt" = f."pertama"
FROM (
  SELECT "pengajuanId", min("createdAt") AS "pertama"
  FROM "PengajuanLog"
  WHERE "aksi" = 'AJUKAN'
  GROUP BY "pengajuanId"
) AS f
WHERE f."pengajuanId" = p."id"
  AND p."diajukanAt" IS NOT NULL
  AND p."diajukanAt" > f."pertama";

-- CreateTable
CREATE TABLE "StatistikVersi" (
    "instansiId" UUID NOT NULL,
    "tahun" INTEGER NOT NULL,
    "versi" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "StatistikVersi_pkey" PRIMARY KEY ("instansiId","tahun")
);

-- CreateTable
CREATE TABLE "StatistikRingkasan" (
    "kunci" TEXT NOT NULL,
    "instansiId" UUID NOT NULL,
    "tahun" INTEGER NOT NULL,
    "versi" INTEGER NOT NULL,
    "kalender" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "dibuatAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StatistikRingkasan_pkey" PRIMARY KEY ("kunci")
);

-- CreateIndex
CREATE INDEX "StatistikRingkasan_instansiId_tahun_idx" ON "StatistikRingkasan"("instansiId", "tahun");

-- CreateIndex
CREATE INDEX "Pengaduan_instansiId_createdAt_idx" ON "Pengaduan"("instansiId", "createdAt");

-- CreateIndex
CREATE INDEX "Pengajuan_instansiId_tenggat_diajukanAt_id_idx" ON "Pengajuan"("instansiId", "tenggat", "diajukanAt", "id");

-- CreateIndex
CREATE INDEX "Pengajuan_instansiId_diajukanAt_idx" ON "Pengajuan"("instansiId", "diajukanAt");

-- CreateIndex
CREATE INDEX "Pengajuan_instansiId_selesaiAt_idx" ON "Pengajuan"("instansiId", "selesaiAt");

-- CreateIndex
CREATE INDEX "PermohonanInformasi_instansiId_diterimaAt_idx" ON "PermohonanInformasi"("instansiId", "diterimaAt");

-- The statistics' change counter (server/modules/skm/ringkasan.ts). Every change of a row that the public
-- statistics of an instansi-year read adds one to that year's "StatistikVersi" in the same transaction, so a
-- stored "StatistikRingkasan" computed at an older count is never served again. Statement-level triggers with
-- transition tables: a bulk write costs one statement, not one per row; an UPDATE counts only rows whose
-- counted columns changed. Years are UTC calendar years of the timestamps (periods are UTC dates, ikm.ts).
CREATE FUNCTION "statistik_naik"(pasangan JSONB) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "StatistikVersi" AS v ("instansiId", "tahun", "versi")
  SELECT (x->>'i')::uuid, (x->>'t')::int, 1 FROM jsonb_array_elements(pasangan) x
   WHERE x->>'t' IS NOT NULL
   GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT ("instansiId", "tahun") DO UPDATE SET "versi" = v."versi" + 1;
END $$;

CREATE FUNCTION "statistik_pengajuan"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE p JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', y)) INTO p
      FROM baru r, unnest(ARRAY[extract(year FROM r."diajukanAt")::int, extract(year FROM r."selesaiAt")::int]) y;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', y)) INTO p
      FROM lama r, unnest(ARRAY[extract(year FROM r."diajukanAt")::int, extract(year FROM r."selesaiAt")::int]) y;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('i', r.i, 't', y)) INTO p
      FROM lama o JOIN baru n ON n.id = o.id,
           LATERAL (VALUES (o."instansiId", o."diajukanAt", o."selesaiAt"), (n."instansiId", n."diajukanAt", n."selesaiAt")) r(i, a, s),
           unnest(ARRAY[extract(year FROM r.a)::int, extract(year FROM r.s)::int]) y
     WHERE (o."instansiId", o."layananId", o.status, o."diajukanAt", o."selesaiAt", o.tenggat)
           IS DISTINCT FROM (n."instansiId", n."layananId", n.status, n."diajukanAt", n."selesaiAt", n.tenggat);
  END IF;
  IF p IS NOT NULL THEN PERFORM "statistik_naik"(p); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "statistik_pengaduan"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE p JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', extract(year FROM r."createdAt")::int)) INTO p FROM baru r;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', extract(year FROM r."createdAt")::int)) INTO p FROM lama r;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('i', r.i, 't', extract(year FROM r.c)::int)) INTO p
      FROM lama o JOIN baru n ON n.id = o.id, LATERAL (VALUES (o."instansiId", o."createdAt"), (n."instansiId", n."createdAt")) r(i, c)
     WHERE (o."instansiId", o."kategoriId", o.kanal, o."createdAt") IS DISTINCT FROM (n."instansiId", n."kategoriId", n.kanal, n."createdAt");
  END IF;
  IF p IS NOT NULL THEN PERFORM "statistik_naik"(p); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "statistik_permohonan"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE p JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', extract(year FROM r."diterimaAt")::int)) INTO p FROM baru r;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', extract(year FROM r."diterimaAt")::int)) INTO p FROM lama r;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('i', r.i, 't', extract(year FROM r.d)::int)) INTO p
      FROM lama o JOIN baru n ON n.id = o.id, LATERAL (VALUES (o."instansiId", o."diterimaAt"), (n."instansiId", n."diterimaAt")) r(i, d)
     WHERE (o."instansiId", o.status, o."diterimaAt") IS DISTINCT FROM (n."instansiId", n.status, n."diterimaAt");
  END IF;
  IF p IS NOT NULL THEN PERFORM "statistik_naik"(p); END IF;
  RETURN NULL;
END $$;

-- an objection counts in the year its request was received
CREATE FUNCTION "statistik_keberatan"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE p JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('i', q."instansiId", 't', extract(year FROM q."diterimaAt")::int)) INTO p
      FROM baru r JOIN "PermohonanInformasi" q ON q.id = r."permohonanId";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('i', q."instansiId", 't', extract(year FROM q."diterimaAt")::int)) INTO p
      FROM lama r JOIN "PermohonanInformasi" q ON q.id = r."permohonanId";
  ELSE
    SELECT jsonb_agg(jsonb_build_object('i', q."instansiId", 't', extract(year FROM q."diterimaAt")::int)) INTO p
      FROM lama o JOIN baru n ON n.id = o.id JOIN "PermohonanInformasi" q ON q.id IN (o."permohonanId", n."permohonanId")
     WHERE o."permohonanId" IS DISTINCT FROM n."permohonanId";
  END IF;
  IF p IS NOT NULL THEN PERFORM "statistik_naik"(p); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "statistik_survei"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE p JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', extract(year FROM r."createdAt")::int)) INTO p FROM baru r;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', extract(year FROM r."createdAt")::int)) INTO p FROM lama r;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('i', r.i, 't', extract(year FROM r.c)::int)) INTO p
      FROM lama o JOIN baru n ON n.id = o.id, LATERAL (VALUES (o."instansiId", o."createdAt"), (n."instansiId", n."createdAt")) r(i, c)
     WHERE (o."instansiId", o."layananId", o."createdAt", o.u1, o.u2, o.u3, o.u4, o.u5, o.u6, o.u7, o.u8, o.u9)
           IS DISTINCT FROM (n."instansiId", n."layananId", n."createdAt", n.u1, n.u2, n.u3, n.u4, n.u5, n.u6, n.u7, n.u8, n.u9);
  END IF;
  IF p IS NOT NULL THEN PERFORM "statistik_naik"(p); END IF;
  RETURN NULL;
END $$;

-- complaint categories appear by name: a rename or removal changes every stored year of the instansi
CREATE FUNCTION "statistik_kategori"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE p JSONB;
BEGIN
  IF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', r.tahun)) INTO p
      FROM "StatistikRingkasan" r WHERE r."instansiId" IN (SELECT "instansiId" FROM lama);
  ELSE
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', r.tahun)) INTO p
      FROM "StatistikRingkasan" r
     WHERE r."instansiId" IN (SELECT x FROM lama o JOIN baru n ON n.id = o.id, LATERAL (VALUES (o."instansiId"), (n."instansiId")) v(x)
                               WHERE (o."instansiId", o.nama) IS DISTINCT FROM (n."instansiId", n.nama));
  END IF;
  IF p IS NOT NULL THEN PERFORM "statistik_naik"(p); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "statistik_pengajuan_ins" AFTER INSERT ON "Pengajuan" REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_pengajuan"();
CREATE TRIGGER "statistik_pengajuan_upd" AFTER UPDATE ON "Pengajuan" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_pengajuan"();
CREATE TRIGGER "statistik_pengajuan_del" AFTER DELETE ON "Pengajuan" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION "statistik_pengajuan"();
CREATE TRIGGER "statistik_pengaduan_ins" AFTER INSERT ON "Pengaduan" REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_pengaduan"();
CREATE TRIGGER "statistik_pengaduan_upd" AFTER UPDATE ON "Pengaduan" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_pengaduan"();
CREATE TRIGGER "statistik_pengaduan_del" AFTER DELETE ON "Pengaduan" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION "statistik_pengaduan"();
CREATE TRIGGER "statistik_permohonan_ins" AFTER INSERT ON "PermohonanInformasi" REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_permohonan"();
CREATE TRIGGER "statistik_permohonan_upd" AFTER UPDATE ON "PermohonanInformasi" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_permohonan"();
CREATE TRIGGER "statistik_permohonan_del" AFTER DELETE ON "PermohonanInformasi" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION "statistik_permohonan"();
CREATE TRIGGER "statistik_keberatan_ins" AFTER INSERT ON "Keberatan" REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_keberatan"();
CREATE TRIGGER "statistik_keberatan_upd" AFTER UPDATE ON "Keberatan" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_keberatan"();
CREATE TRIGGER "statistik_keberatan_del" AFTER DELETE ON "Keberatan" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION "statistik_keberatan"();
CREATE TRIGGER "statistik_survei_ins" AFTER INSERT ON "SurveiKepuasan" REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_survei"();
CREATE TRIGGER "statistik_survei_upd" AFTER UPDATE ON "SurveiKepuasan" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_survei"();
CREATE TRIGGER "statistik_survei_del" AFTER DELETE ON "SurveiKepuasan" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION "statistik_survei"();
CREATE TRIGGER "statistik_kategori_upd" AFTER UPDATE ON "KategoriPengaduan" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_kategori"();
CREATE TRIGGER "statistik_kategori_del" AFTER DELETE ON "KategoriPengaduan" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION "statistik_kategori"();

-- The queue's counts per instansi, service and status ("AntrianJumlah"), kept in the same transaction as every
-- change of "Pengajuan": +1 for each new row version, -1 for each old one (an unchanged key nets to nothing).
CREATE TABLE "AntrianJumlah" (
    "instansiId" UUID NOT NULL,
    "layananId" UUID NOT NULL,
    "status" "PengajuanStatus" NOT NULL,
    "jumlah" INTEGER NOT NULL,

    CONSTRAINT "AntrianJumlah_pkey" PRIMARY KEY ("instansiId","layananId","status")
);

CREATE FUNCTION "antrian_tambah"(d JSONB) RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "AntrianJumlah" AS a ("instansiId", "layananId", "status", "jumlah")
  SELECT (x->>'i')::uuid, (x->>'l')::uuid, (x->>'s')::"PengajuanStatus", sum((x->>'n')::int)::int FROM jsonb_array_elements(d) x
   GROUP BY 1, 2, 3 HAVING sum((x->>'n')::int) <> 0 ORDER BY 1, 2, 3
  ON CONFLICT ("instansiId", "layananId", "status") DO UPDATE SET "jumlah" = a."jumlah" + excluded."jumlah";
END $$;

CREATE FUNCTION "antrian_jumlah"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE d JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('i', i, 'l', l, 's', s, 'n', n)) INTO d
      FROM (SELECT "instansiId" i, "layananId" l, status s, count(*) n FROM baru GROUP BY 1, 2, 3) x;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('i', i, 'l', l, 's', s, 'n', -n)) INTO d
      FROM (SELECT "instansiId" i, "layananId" l, status s, count(*) n FROM lama GROUP BY 1, 2, 3) x;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('i', i, 'l', l, 's', s, 'n', n)) INTO d
      FROM (SELECT i, l, s, sum(n) n FROM (SELECT "instansiId" i, "layananId" l, status s, 1 n FROM baru
                                           UNION ALL SELECT "instansiId", "layananId", status, -1 FROM lama) y
             GROUP BY 1, 2, 3 HAVING sum(n) <> 0) x;
  END IF;
  IF d IS NOT NULL THEN PERFORM "antrian_tambah"(d); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "antrian_jumlah_ins" AFTER INSERT ON "Pengajuan" REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "antrian_jumlah"();
CREATE TRIGGER "antrian_jumlah_upd" AFTER UPDATE ON "Pengajuan" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "antrian_jumlah"();
CREATE TRIGGER "antrian_jumlah_del" AFTER DELETE ON "Pengajuan" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION "antrian_jumlah"();

-- the counts of the rows already there
INSERT INTO "AntrianJumlah" ("instansiId", "layananId", "status", "jumlah")
SELECT "instansiId", "layananId", status, count(*)::int FROM "Pengajuan" GROUP BY 1, 2, 3;

-- After loading rows with the triggers off (a restore, an office import, a bulk load with
-- session_replication_role = replica), or when the derived tables were copied as data next to rows whose
-- triggers fired: `SELECT "statistik_hitung_ulang"()` counts the queue again and drops every stored statistic.
CREATE FUNCTION "statistik_hitung_ulang"() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Pengajuan" IN SHARE MODE;
  DELETE FROM "AntrianJumlah";
  INSERT INTO "AntrianJumlah" ("instansiId", "layananId", "status", "jumlah")
  SELECT "instansiId", "layananId", status, count(*)::int FROM "Pengajuan" GROUP BY 1, 2, 3;
  DELETE FROM "StatistikRingkasan";
END $$;

-- The public statistics now count the helpdesk's consultations and the training sessions (issue: the counter), so a
-- change of those rows must make a stored summary of its instansi-year stale, like every other row the statistics
-- read (migration 20261205111311_statistik_ringkasan: "StatistikVersi", "statistik_naik").

-- consultations: counted by when they came in (createdAt) and when they were answered (selesaiAt)
CREATE FUNCTION "statistik_konsultasi"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE p JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', y)) INTO p
      FROM baru r, unnest(ARRAY[extract(year FROM r."createdAt")::int, extract(year FROM r."selesaiAt")::int]) y;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', y)) INTO p
      FROM lama r, unnest(ARRAY[extract(year FROM r."createdAt")::int, extract(year FROM r."selesaiAt")::int]) y;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('i', r.i, 't', y)) INTO p
      FROM lama o JOIN baru n ON n.id = o.id,
           LATERAL (VALUES (o."instansiId", o."createdAt", o."selesaiAt"), (n."instansiId", n."createdAt", n."selesaiAt")) r(i, c, s),
           unnest(ARRAY[extract(year FROM r.c)::int, extract(year FROM r.s)::int]) y
     WHERE (o."instansiId", o."layananId", o.kanal, o.status, o."createdAt", o."dieskalasiAt", o."selesaiAt", o."tenggatJawab")
           IS DISTINCT FROM (n."instansiId", n."layananId", n.kanal, n.status, n."createdAt", n."dieskalasiAt", n."selesaiAt", n."tenggatJawab");
  END IF;
  IF p IS NOT NULL THEN PERFORM "statistik_naik"(p); END IF;
  RETURN NULL;
END $$;

-- training sessions: counted by their start (mulai)
CREATE FUNCTION "statistik_sesi_pelatihan"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE p JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', extract(year FROM r.mulai)::int)) INTO p FROM baru r;
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('i', r."instansiId", 't', extract(year FROM r.mulai)::int)) INTO p FROM lama r;
  ELSE
    SELECT jsonb_agg(jsonb_build_object('i', r.i, 't', extract(year FROM r.m)::int)) INTO p
      FROM lama o JOIN baru n ON n.id = o.id, LATERAL (VALUES (o."instansiId", o.mulai), (n."instansiId", n.mulai)) r(i, m)
     WHERE (o."instansiId", o."layananId", o.mulai, o.status) IS DISTINCT FROM (n."instansiId", n."layananId", n.mulai, n.status);
  END IF;
  IF p IS NOT NULL THEN PERFORM "statistik_naik"(p); END IF;
  RETURN NULL;
END $$;

-- participants: counted by their session's start; only a change of status counts
CREATE FUNCTION "statistik_peserta_pelatihan"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE p JSONB;
BEGIN
  IF TG_OP = 'INSERT' THEN
    SELECT jsonb_agg(jsonb_build_object('i', s."instansiId", 't', extract(year FROM s.mulai)::int)) INTO p
      FROM baru r JOIN "SesiPelatihan" s ON s.id = r."sesiId";
  ELSIF TG_OP = 'DELETE' THEN
    SELECT jsonb_agg(jsonb_build_object('i', s."instansiId", 't', extract(year FROM s.mulai)::int)) INTO p
      FROM lama r JOIN "SesiPelatihan" s ON s.id = r."sesiId";
  ELSE
    SELECT jsonb_agg(jsonb_build_object('i', s."instansiId", 't', extract(year FROM s.mulai)::int)) INTO p
      FROM lama o JOIN baru n ON n.id = o.id JOIN "SesiPelatihan" s ON s.id = n."sesiId"
     WHERE (o."sesiId", o.status) IS DISTINCT FROM (n."sesiId", n.status);
  END IF;
  IF p IS NOT NULL THEN PERFORM "statistik_naik"(p); END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "statistik_konsultasi_ins" AFTER INSERT ON "Konsultasi" REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_konsultasi"();
CREATE TRIGGER "statistik_konsultasi_upd" AFTER UPDATE ON "Konsultasi" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_konsultasi"();
CREATE TRIGGER "statistik_konsultasi_del" AFTER DELETE ON "Konsultasi" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION "statistik_konsultasi"();
CREATE TRIGGER "statistik_sesi_pelatihan_ins" AFTER INSERT ON "SesiPelatihan" REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_sesi_pelatihan"();
CREATE TRIGGER "statistik_sesi_pelatihan_upd" AFTER UPDATE ON "SesiPelatihan" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_sesi_pelatihan"();
CREATE TRIGGER "statistik_sesi_pelatihan_del" AFTER DELETE ON "SesiPelatihan" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION "statistik_sesi_pelatihan"();
CREATE TRIGGER "statistik_peserta_pelatihan_ins" AFTER INSERT ON "PesertaPelatihan" REFERENCING NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_peserta_pelatihan"();
CREATE TRIGGER "statistik_peserta_pelatihan_upd" AFTER UPDATE ON "PesertaPelatihan" REFERENCING OLD TABLE AS lama NEW TABLE AS baru FOR EACH STATEMENT EXECUTE FUNCTION "statistik_peserta_pelatihan"();
CREATE TRIGGER "statistik_peserta_pelatihan_del" AFTER DELETE ON "PesertaPelatihan" REFERENCING OLD TABLE AS lama FOR EACH STATEMENT EXECUTE FUNCTION "statistik_peserta_pelatihan"();

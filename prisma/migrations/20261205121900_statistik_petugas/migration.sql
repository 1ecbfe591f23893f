-- statistikDetail stores its period's figures per officer too (server/modules/skm/detail.ts): a change of the
-- assigned officer ("petugasId") now also moves the instansi-year's change counter, so a stored answer grouped
-- by officer is never served after a reassignment. Same function as 20261205111311_statistik_ringkasan, with
-- "petugasId" among the counted columns.
CREATE OR REPLACE FUNCTION "statistik_pengajuan"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
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
     WHERE (o."instansiId", o."layananId", o."petugasId", o.status, o."diajukanAt", o."selesaiAt", o.tenggat)
           IS DISTINCT FROM (n."instansiId", n."layananId", n."petugasId", n.status, n."diajukanAt", n."selesaiAt", n.tenggat);
  END IF;
  IF p IS NOT NULL THEN PERFORM "statistik_naik"(p); END IF;
  RETURN NULL;
END $$;

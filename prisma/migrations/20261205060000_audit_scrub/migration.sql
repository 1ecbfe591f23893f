-- Issue 12 §1: until this release the audit trail stored every mutation's variables and hid a value only
-- when its name matched password|sandi|token|secret. Logins, registrations, staff accounts and password
-- resets therefore left full NIK/NIP numbers, passwords and reset tokens in "AuditLog"."detail"->'variabel'.
-- Those values cannot be rewritten into their safe form here (the blind index needs the application's key),
-- so the variables are removed from every entry; what was done, by whom, when, from where and with what
-- outcome stays. New entries record `argumen` as the schema declares (server/schema/sensitivity.ts).
--
-- The trail is append-only: the trigger "AuditLog_append_only" refuses every UPDATE and DELETE. This
-- migration, and only it, lets its one UPDATE through: it disables the trigger around that statement. A
-- migration script runs as one transaction (one multi-statement query), so the trigger cannot stay disabled
-- if the UPDATE fails, and no other session ever sees it disabled. Neither the trigger nor its function is
-- changed: ordinary UPDATE and DELETE are refused afterwards as before (tests/audit/scrub-migration.test.ts).
ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only";

-- The trail records its own scrub: one entry saying how many entries lost their variables, and why.
WITH scrubbed AS (
  UPDATE "AuditLog"
  SET "detail" = ("detail" - 'variabel') || jsonb_build_object('argumen', '[dihapus: dicatat sebelum deklarasi kerahasiaan, migrasi 20261205060000_audit_scrub]')
  WHERE jsonb_typeof("detail") = 'object' AND "detail" ? 'variabel'
  RETURNING 1
)
INSERT INTO "AuditLog" ("id", "jenis", "aksi", "klien", "detail")
SELECT gen_random_uuid(), 'UBAH'::"AuditJenis", 'Migrasi.audit_scrub', 'migrasi basis data',
       jsonb_build_object('entriDibersihkan', n, 'alasan', 'variabel mutasi (NIK/NIP, kata sandi, token) dihapus dari jejak audit')
FROM (SELECT count(*) AS n FROM scrubbed) AS c
WHERE n > 0;

ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only";

-- The email outbox kept every body after sending, verification and password-reset links included. From this
-- release a body is erased once sent (mail/worker.ts) and a one-time link is queued sealed; the bodies of the
-- emails already sent are erased here the same way (address, subject and category stay).
UPDATE "Outbox"
SET "payload" = jsonb_build_object('to', "payload"->'to', 'subject', "payload"->'subject', 'kategori', "payload"->'kategori', 'isi', '[dihapus setelah terkirim]')
WHERE "kind" = 'EMAIL' AND "status" = 'SENT' AND jsonb_typeof("payload") = 'object' AND NOT ("payload" ? 'isi');

-- Suspicious mails and their indicators for the dashboard benchmark: one incident in three
-- gets a copy of a really analysed mail (the template, attached through the API by
-- bench/dashboard.sh), with its sender domain (one of 300) and attachment type (one of 8)
-- varied, so "sender domains" and "attachment types" of the last 30 days have ~14,000
-- mails to count. Idempotent: incidents that already have a mail are skipped.
--   psql -h 127.0.0.1 -U postgres -d spoofdesk_bench -v template=<incident_mail id> -f bench/dashboard-mails.sql
\timing on
BEGIN;
-- summary triggers off for the bulk load, summaries recomputed at the end (see V15)
ALTER TABLE incident_mail DISABLE TRIGGER USER;
CREATE TEMP TABLE bench_mail AS
WITH template AS (SELECT * FROM incident_mail WHERE id = :template)
SELECT i.id AS incident_id, t.sha256, t.verdict, t.triage_hint, t.subject, t.arrived_at,
       'info@mail' || (i.id % 300) || '.example.' || (ARRAY['com', 'net', 'top', 'ru', 'br'])[1 + i.id % 5] AS from_address,
       jsonb_set(t.analysis, '{attachments,0,filename}',
                 to_jsonb('請求書_' || i.id || (ARRAY['.zip', '.doc', '.xlsm', '.js', '.lnk', '.iso', '.pdf', '.one'])[1 + i.id % 8]))
         AS analysis,
       i.reported_at + interval '10 minutes' AS added_at
FROM incident i CROSS JOIN template t
WHERE i.id % 3 = 1 AND NOT EXISTS (SELECT 1 FROM incident_mail m WHERE m.incident_id = i.id);

WITH added AS (
  INSERT INTO incident_mail (incident_id, sha256, file_name, from_address, subject, arrived_at, verdict, triage_hint,
                             analysis, added_by, added_at)
  SELECT incident_id, sha256, NULL, from_address, subject, arrived_at, verdict, triage_hint, analysis, 'generator',
         added_at
  FROM bench_mail
  RETURNING id, incident_id, from_address, added_at
)
INSERT INTO mail_ioc (incident_mail_id, incident_id, kind, value, verified, seen_at)
SELECT a.id, a.incident_id, x.kind, x.value, x.verified, a.added_at
FROM added a CROSS JOIN LATERAL (
  SELECT 'EMAIL' AS kind, a.from_address AS value, false AS verified
  UNION ALL SELECT 'DOMAIN', split_part(a.from_address, '@', 2), false
  UNION ALL SELECT kind, value, verified FROM mail_ioc WHERE incident_mail_id = :template AND kind NOT IN ('EMAIL', 'DOMAIN')
) AS x;
ALTER TABLE incident_mail ENABLE TRIGGER USER;
SELECT dashboard_summaries_rebuild();
COMMIT;
ANALYZE incident_mail;
ANALYZE mail_ioc;
SELECT (SELECT count(*) FROM incident_mail) AS mails, (SELECT count(*) FROM mail_ioc) AS iocs;

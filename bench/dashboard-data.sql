-- Benchmark data for the dashboard (issue: dashboard, metrics and reports), on top of the
-- incidents made by the data generator (bench/incident-list.sh):
--   psql -h 127.0.0.1 -U postgres -d spoofdesk_bench -f bench/dashboard-data.sql
-- Gives every incident without a checklist the default playbook's checklist (its 12
-- steps, so 1,000,000 incidents make 12,000,000 steps), finished for closed incidents and
-- partly done for open ones, with assignees and due times; and warning drafts for one
-- incident in twenty. Idempotent: incidents that already have a checklist are skipped.
\timing on
BEGIN;
-- The summary triggers are off for the bulk load and the summaries recomputed at the end
-- (see V15: a million updates of the same summary rows in one transaction).
ALTER TABLE checklist_step DISABLE TRIGGER USER;
ALTER TABLE warning_draft DISABLE TRIGGER USER;
CREATE TEMP TABLE bench_version AS
SELECT v.id AS version_id FROM playbook p JOIN playbook_version v ON v.playbook_id = p.id AND v.version = p.current_version
WHERE p.is_default;

INSERT INTO checklist (incident_id, playbook_version_id, language, name, active, started_at, started_by)
SELECT i.id, (SELECT version_id FROM bench_version), 'ja', 'なりすましメール（Emotet型）', true, i.reported_at, 'generator'
FROM incident i
WHERE NOT EXISTS (SELECT 1 FROM checklist c WHERE c.incident_id = i.id);

INSERT INTO checklist_step (checklist_id, incident_id, position, phase, kind, title, default_role, required,
                            evidence_required, status, assignee, due_at, completed_by, completed_at, dormant,
                            due_soon_notified, overdue_notified, updated_at, updated_by)
SELECT c.id, c.incident_id, s.position, s.phase, s.kind, s.title_ja, s.default_role, s.required, s.evidence_required,
       CASE WHEN i.status IN ('CLOSED', 'FALSE_POSITIVE') THEN 'DONE'
            WHEN (c.incident_id + s.position) % 3 = 0 THEN 'DONE'
            WHEN (c.incident_id + s.position) % 7 = 0 THEN 'IN_PROGRESS'
            ELSE 'TODO' END,
       (ARRAY['helpdesk', 'staff', 'manager', 'it-lead', NULL])[1 + (c.incident_id + s.position) % 5],
       i.reported_at + make_interval(mins => s.due_offset_minutes),
       CASE WHEN i.status IN ('CLOSED', 'FALSE_POSITIVE') OR (c.incident_id + s.position) % 3 = 0 THEN 'staff' END,
       CASE WHEN i.status IN ('CLOSED', 'FALSE_POSITIVE') OR (c.incident_id + s.position) % 3 = 0
            THEN i.reported_at + make_interval(mins => s.due_offset_minutes / 2) END,
       i.status IN ('CLOSED', 'FALSE_POSITIVE'),
       -- reminders of the past were sent in the past: the reminder job would otherwise
       -- notify millions of steps at the first start
       i.reported_at + make_interval(mins => s.due_offset_minutes) < now(),
       i.reported_at + make_interval(mins => s.due_offset_minutes) < now(),
       i.reported_at, 'generator'
FROM checklist c
JOIN incident i ON i.id = c.incident_id
JOIN playbook_step s ON s.playbook_version_id = c.playbook_version_id
WHERE c.started_by = 'generator'
  AND NOT EXISTS (SELECT 1 FROM checklist_step x WHERE x.checklist_id = c.id);

INSERT INTO warning_batch (incident_id, template_id, language, from_address, status, created_at, created_by)
SELECT i.id, (SELECT id FROM mail_template WHERE purpose = 'PARTNER_WARNING' AND language = 'ja'), 'ja',
       'soumu@kitamura-seiki.co.jp', 'APPROVED', i.reported_at, 'generator'
FROM incident i
WHERE i.id % 20 = 0 AND NOT EXISTS (SELECT 1 FROM warning_batch b WHERE b.incident_id = i.id);

INSERT INTO warning_draft (batch_id, incident_id, recipient_label, to_address, subject, body, status, updated_at,
                           updated_by)
SELECT b.id, b.incident_id, 'partner' || n || '.example.jp', 'info@partner' || n || '.example.jp',
       '【注意喚起】弊社を装った不審なメールについて', '(generated)',
       CASE WHEN (b.incident_id / 20 + n) % 4 = 0 THEN 'APPROVED' ELSE 'SENT' END, b.created_at, 'generator'
FROM warning_batch b CROSS JOIN generate_series(1, 3) AS n
WHERE b.created_by = 'generator' AND NOT EXISTS (SELECT 1 FROM warning_draft d WHERE d.batch_id = b.id);
ALTER TABLE checklist_step ENABLE TRIGGER USER;
ALTER TABLE warning_draft ENABLE TRIGGER USER;
SELECT dashboard_summaries_rebuild();
COMMIT;
ANALYZE checklist;
ANALYZE checklist_step;
ANALYZE warning_batch;
ANALYZE warning_draft;
SELECT (SELECT count(*) FROM incident) AS incidents, (SELECT count(*) FROM checklist_step) AS steps,
       (SELECT count(*) FROM warning_draft) AS drafts;

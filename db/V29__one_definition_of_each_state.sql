-- One definition of each state that both the application and the database ask about.
-- Before this, "open step" was written in Java three times and in V10, V14 and V15; "open
-- incident", "warned" and the incident milestones the same way. Each function below is
-- owned by the module named above it and says in SQL what that module's enum says in
-- Java; StateDefinitionsTests proves the two equal, value by value, and fails when a rule
-- is spelled out anywhere else in src/main or in a later migration.
--
-- The simple ones are LANGUAGE sql and IMMUTABLE: PostgreSQL inlines them, so a query that
-- asks checklist_step_is_open(s.status, s.dormant) is planned exactly as the expression it
-- stands for and still uses the partial indexes (rebuilt below on the function itself).

-- incident: IncidentStatus.isOpen(), DESIGN.md's open case (neither closed nor a false alarm).
CREATE FUNCTION incident_is_open(status TEXT) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT $1 NOT IN ('CLOSED', 'FALSE_POSITIVE')
$$;

-- incident: when a case ended, NULL while it is open. Its last change into the status it
-- has now; a case closed before status changes were recorded ended when it was last saved.
-- Retention (raw mail, step evidence) counts from here.
CREATE FUNCTION incident_ended_at(incident_id BIGINT) RETURNS TIMESTAMPTZ
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN incident_is_open(i.status) THEN NULL
                ELSE coalesce((SELECT max(c.changed_at) FROM incident_status_change c
                               WHERE c.incident_id = i.id AND c.to_status = i.status), i.updated_at) END
    FROM incident i WHERE i.id = $1
$$;

-- incident: DESIGN.md's milestones of a case with the given current status: triaged at the
-- first TRIAGED; contained at the first CONTAINED, or the first RECOVERED when CONTAINED was
-- skipped; closed at the last CLOSED, and only while it is closed (a reopened case is not).
-- Always one row. Used in FROM (LATERAL), where PostgreSQL inlines it.
CREATE FUNCTION incident_milestones(incident_id BIGINT, current_status TEXT)
RETURNS TABLE (triaged_at TIMESTAMPTZ, contained_at TIMESTAMPTZ, closed_at TIMESTAMPTZ)
LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT min(c.changed_at) FILTER (WHERE c.to_status = 'TRIAGED'),
           coalesce(min(c.changed_at) FILTER (WHERE c.to_status = 'CONTAINED'),
                    min(c.changed_at) FILTER (WHERE c.to_status = 'RECOVERED')),
           CASE WHEN $2 = 'CLOSED' THEN max(c.changed_at) FILTER (WHERE c.to_status = 'CLOSED') END
    FROM incident_status_change c WHERE c.incident_id = $1
$$;

-- checklist: StepStatus.isOpen() of a live step (a dormant step belongs to a swapped-out
-- checklist or a closed case and is in nobody's task list).
CREATE FUNCTION checklist_step_is_open(status TEXT, dormant BOOLEAN) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT $1 IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND NOT $2
$$;

-- warningmail: DraftStatus.isEditable(), a draft the helpdesk may still change.
CREATE FUNCTION warning_draft_is_editable(status TEXT) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT $1 IN ('DRAFT', 'RETURNED')
$$;

-- warningmail: DraftStatus.isWarned(), sent by SpoofDesk or marked sent by hand.
CREATE FUNCTION warning_draft_is_warned(status TEXT) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT $1 IN ('SENT', 'MARKED_SENT')
$$;

-- warningmail: DraftStatus.isStillToSend(), neither warned nor cancelled.
CREATE FUNCTION warning_draft_is_to_send(status TEXT) RETURNS BOOLEAN
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT NOT warning_draft_is_warned($1) AND $1 <> 'CANCELLED'
$$;

-- The partial indexes on open steps (V10, V15), on the function.
DROP INDEX checklist_step_assignee_open_idx;
CREATE INDEX checklist_step_assignee_open_idx ON checklist_step (assignee, due_at)
    WHERE checklist_step_is_open(status, dormant);
DROP INDEX checklist_step_due_open_idx;
CREATE INDEX checklist_step_due_open_idx ON checklist_step (due_at) INCLUDE (assignee)
    WHERE checklist_step_is_open(status, dormant);

-- The dashboard summaries' triggers (V13, V14) and their rebuild (V15), on the functions.
CREATE OR REPLACE FUNCTION incident_open_count_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND incident_is_open(OLD.status) THEN
        UPDATE incident_open_count SET count = count - 1 WHERE status = OLD.status AND severity = OLD.severity;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND incident_is_open(NEW.status) THEN
        INSERT INTO incident_open_count (status, severity, count) VALUES (NEW.status, NEW.severity, 1)
        ON CONFLICT (status, severity) DO UPDATE SET count = incident_open_count.count + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION open_step_due_day_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND checklist_step_is_open(OLD.status, OLD.dormant) AND OLD.due_at IS NOT NULL THEN
        UPDATE open_step_due_day SET count = count - 1
        WHERE assignee = coalesce(OLD.assignee, '') AND due_day = (OLD.due_at AT TIME ZONE 'UTC')::date;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND checklist_step_is_open(NEW.status, NEW.dormant) AND NEW.due_at IS NOT NULL THEN
        INSERT INTO open_step_due_day (assignee, due_day, count)
        VALUES (coalesce(NEW.assignee, ''), (NEW.due_at AT TIME ZONE 'UTC')::date, 1)
        ON CONFLICT (assignee, due_day) DO UPDATE SET count = open_step_due_day.count + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE FUNCTION dashboard_summaries_rebuild() RETURNS void LANGUAGE sql AS $$
    DELETE FROM incident_open_count;
    INSERT INTO incident_open_count (status, severity, count)
    SELECT status, severity, count(*) FROM incident
    WHERE incident_is_open(status)
    GROUP BY status, severity;

    DELETE FROM open_step_due_day;
    INSERT INTO open_step_due_day (assignee, due_day, count)
    SELECT coalesce(assignee, ''), (due_at AT TIME ZONE 'UTC')::date, count(*) FROM checklist_step
    WHERE checklist_step_is_open(status, dormant) AND due_at IS NOT NULL
    GROUP BY 1, 2;

    DELETE FROM impersonation_day;
    INSERT INTO impersonation_day (address, day, count)
    SELECT address, (reported_at AT TIME ZONE 'UTC')::date, count(*) FROM incident_impersonation GROUP BY 1, 2;

    DELETE FROM warning_draft_status_count;
    INSERT INTO warning_draft_status_count (status, count) SELECT status, count(*) FROM warning_draft GROUP BY status;

    DELETE FROM mail_feature_day;
    INSERT INTO mail_feature_day (feature, value, day, count)
    SELECT f.feature, f.value, (m.added_at AT TIME ZONE 'UTC')::date, count(*)
    FROM incident_mail m, mail_features(m.from_address, m.analysis) AS f
    GROUP BY 1, 2, 3;

    DELETE FROM incident_report_slot;
    INSERT INTO incident_report_slot (slot, count)
    SELECT date_bin('15 minutes', reported_at, TIMESTAMPTZ '2000-01-01 00:00:00+00'), count(*) FROM incident GROUP BY 1;

    UPDATE dashboard_month_times SET dirty = true;
$$;

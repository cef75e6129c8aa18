-- The dashboard's remaining slow figures, kept by the writes themselves (issue: dashboard at
-- a million incidents). Measured at 1,000,000 incidents / 12,000,000 steps before this:
-- overdue steps by person 3.0 s, most impersonated addresses 1.05 s, response times per
-- month several seconds. DashboardTests proves each summary equal to the plain query.

-- 1. Open, live checklist steps with a due time, counted per assignee ('' for nobody) and
-- due day (UTC). "Overdue now" is the sum of the days before today plus today's steps due
-- before now, read from checklist_step_due_open_idx (one day at most).
CREATE TABLE open_step_due_day (
    assignee TEXT   NOT NULL,
    due_day  DATE   NOT NULL,
    count    BIGINT NOT NULL,
    PRIMARY KEY (assignee, due_day)
);

INSERT INTO open_step_due_day (assignee, due_day, count)
SELECT coalesce(assignee, ''), (due_at AT TIME ZONE 'UTC')::date, count(*) FROM checklist_step
WHERE status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND NOT dormant AND due_at IS NOT NULL
GROUP BY 1, 2;

CREATE FUNCTION open_step_due_day_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND NOT OLD.dormant
            AND OLD.due_at IS NOT NULL THEN
        UPDATE open_step_due_day SET count = count - 1
        WHERE assignee = coalesce(OLD.assignee, '') AND due_day = (OLD.due_at AT TIME ZONE 'UTC')::date;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('TODO', 'IN_PROGRESS', 'BLOCKED') AND NOT NEW.dormant
            AND NEW.due_at IS NOT NULL THEN
        INSERT INTO open_step_due_day (assignee, due_day, count)
        VALUES (coalesce(NEW.assignee, ''), (NEW.due_at AT TIME ZONE 'UTC')::date, 1)
        ON CONFLICT (assignee, due_day) DO UPDATE SET count = open_step_due_day.count + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER open_step_due_day_insert_delete AFTER INSERT OR DELETE ON checklist_step
    FOR EACH ROW EXECUTE FUNCTION open_step_due_day_track();

-- Steps are saved often (notes, reminder flags): count only changes that move a step in or
-- out of a bucket.
CREATE TRIGGER open_step_due_day_update AFTER UPDATE OF status, dormant, assignee, due_at ON checklist_step
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.dormant IS DISTINCT FROM NEW.dormant
                       OR OLD.assignee IS DISTINCT FROM NEW.assignee OR OLD.due_at IS DISTINCT FROM NEW.due_at)
    EXECUTE FUNCTION open_step_due_day_track();

-- 2. Incidents naming each of our addresses, per report day (UTC). "The last 30 days" is the
-- whole days after the first one from here, plus the part of the first day from
-- incident_impersonation itself (index below).
CREATE TABLE impersonation_day (
    address TEXT   NOT NULL,
    day     DATE   NOT NULL,
    count   BIGINT NOT NULL,
    PRIMARY KEY (day, address)
);

INSERT INTO impersonation_day (address, day, count)
SELECT address, (reported_at AT TIME ZONE 'UTC')::date, count(*) FROM incident_impersonation GROUP BY 1, 2;

CREATE INDEX incident_impersonation_reported_idx ON incident_impersonation (reported_at, address);

CREATE FUNCTION impersonation_day_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE impersonation_day SET count = count - 1
        WHERE address = OLD.address AND day = (OLD.reported_at AT TIME ZONE 'UTC')::date;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO impersonation_day (address, day, count)
        VALUES (NEW.address, (NEW.reported_at AT TIME ZONE 'UTC')::date, 1)
        ON CONFLICT (day, address) DO UPDATE SET count = impersonation_day.count + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER impersonation_day_track AFTER INSERT OR UPDATE OR DELETE ON incident_impersonation
    FOR EACH ROW EXECUTE FUNCTION impersonation_day_track();

-- 3. Response times per month (medians and 90th percentiles), computed by the application
-- with the plain query and kept here until a write touches an incident of that month: the
-- triggers mark the month dirty, the dashboard recomputes dirty months only. Months are in
-- the company's time zone, which the database does not know; so a write marks every month
-- its incident could belong to in any zone (UTC-12 to UTC+14), and a row computed for
-- another zone counts as dirty. The mark takes the row lock: a dashboard recomputing a
-- month holds that lock (SELECT ... FOR UPDATE) and sees every write committed before it;
-- a later write waits and marks the month dirty again.
CREATE TABLE dashboard_month_times (
    month          TEXT             PRIMARY KEY,
    dirty          BOOLEAN          NOT NULL,
    zone           TEXT,
    reported       BIGINT,
    triage_median  DOUBLE PRECISION,
    triage_p90     DOUBLE PRECISION,
    contain_median DOUBLE PRECISION,
    contain_p90    DOUBLE PRECISION,
    close_median   DOUBLE PRECISION,
    close_p90      DOUBLE PRECISION
);

CREATE FUNCTION dashboard_month_times_mark(reported TIMESTAMPTZ) RETURNS void LANGUAGE sql AS $$
    INSERT INTO dashboard_month_times (month, dirty)
    SELECT DISTINCT to_char((reported AT TIME ZONE 'UTC') + shift, 'YYYY-MM'), true
    FROM unnest(ARRAY[interval '-12 hours', interval '0', interval '14 hours']) AS shift
    ORDER BY 1
    ON CONFLICT (month) DO UPDATE SET dirty = true;
$$;

CREATE FUNCTION dashboard_month_times_incident() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM dashboard_month_times_mark(OLD.reported_at);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM dashboard_month_times_mark(NEW.reported_at);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_month_times_incident_insert_delete AFTER INSERT OR DELETE ON incident
    FOR EACH ROW EXECUTE FUNCTION dashboard_month_times_incident();

CREATE TRIGGER dashboard_month_times_incident_update AFTER UPDATE OF status, reported_at ON incident
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.reported_at IS DISTINCT FROM NEW.reported_at)
    EXECUTE FUNCTION dashboard_month_times_incident();

CREATE FUNCTION dashboard_month_times_status_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM dashboard_month_times_mark(i.reported_at) FROM incident i WHERE i.id = OLD.incident_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM dashboard_month_times_mark(i.reported_at) FROM incident i WHERE i.id = NEW.incident_id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER dashboard_month_times_status_change AFTER INSERT OR UPDATE OR DELETE ON incident_status_change
    FOR EACH ROW EXECUTE FUNCTION dashboard_month_times_status_change();

-- 4. Warning drafts per status ("sent" and "still to send" on the dashboard: 20 ms each over
-- 150,000 drafts, and growing with every mail ever sent).
CREATE TABLE warning_draft_status_count (
    status TEXT   PRIMARY KEY,
    count  BIGINT NOT NULL
);

INSERT INTO warning_draft_status_count (status, count) SELECT status, count(*) FROM warning_draft GROUP BY status;

CREATE FUNCTION warning_draft_status_count_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE warning_draft_status_count SET count = count - 1 WHERE status = OLD.status;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO warning_draft_status_count (status, count) VALUES (NEW.status, 1)
        ON CONFLICT (status) DO UPDATE SET count = warning_draft_status_count.count + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER warning_draft_status_count_insert_delete AFTER INSERT OR DELETE ON warning_draft
    FOR EACH ROW EXECUTE FUNCTION warning_draft_status_count_track();

CREATE TRIGGER warning_draft_status_count_update AFTER UPDATE OF status ON warning_draft
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION warning_draft_status_count_track();

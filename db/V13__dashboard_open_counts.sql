-- The dashboard's open-incident counts, kept by the writes themselves: counting 666,000
-- open incidents took a second per figure at a million incidents. One row per status and
-- severity; "open" is DESIGN.md's (neither CLOSED nor FALSE_POSITIVE). DashboardTests
-- proves the table equal to the plain count.

CREATE TABLE incident_open_count (
    status   TEXT   NOT NULL,
    severity TEXT   NOT NULL,
    count    BIGINT NOT NULL,
    PRIMARY KEY (status, severity)
);

INSERT INTO incident_open_count (status, severity, count)
SELECT status, severity, count(*) FROM incident
WHERE status NOT IN ('CLOSED', 'FALSE_POSITIVE')
GROUP BY status, severity;

CREATE FUNCTION incident_open_count_track() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status NOT IN ('CLOSED', 'FALSE_POSITIVE') THEN
        UPDATE incident_open_count SET count = count - 1 WHERE status = OLD.status AND severity = OLD.severity;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status NOT IN ('CLOSED', 'FALSE_POSITIVE') THEN
        INSERT INTO incident_open_count (status, severity, count) VALUES (NEW.status, NEW.severity, 1)
        ON CONFLICT (status, severity) DO UPDATE SET count = incident_open_count.count + 1;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER incident_open_count_insert_delete AFTER INSERT OR DELETE ON incident
    FOR EACH ROW EXECUTE FUNCTION incident_open_count_track();

-- Saving an incident rewrites every column: count only real changes of status or severity.
CREATE TRIGGER incident_open_count_update AFTER UPDATE OF status, severity ON incident
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.severity IS DISTINCT FROM NEW.severity)
    EXECUTE FUNCTION incident_open_count_track();

-- Who "we" are: read by mail analysis (our domains, staff, receiving servers),
-- incidents (time zone) and warning mail (company name). Exactly one row.
CREATE TABLE company_settings (
    id                  SMALLINT    PRIMARY KEY CHECK (id = 1),
    company_name        TEXT        NOT NULL,
    domains             TEXT[]      NOT NULL,
    receiving_servers   TEXT[]      NOT NULL,
    time_zone           TEXT        NOT NULL,
    work_start          TIME        NOT NULL,
    work_end            TIME        NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    version             BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE company_staff (
    settings_id SMALLINT NOT NULL REFERENCES company_settings (id) ON DELETE CASCADE,
    position    INTEGER  NOT NULL,
    name        TEXT     NOT NULL,
    email       TEXT     NOT NULL,
    PRIMARY KEY (settings_id, position)
);

INSERT INTO company_settings (id, company_name, domains, receiving_servers, time_zone, work_start, work_end)
VALUES (1, '', '{}', '{}', 'Asia/Tokyo', '09:00', '18:00');

-- mailbox: a reply that came in through the mailbox keeps its raw mail as evidence in
-- mail_evidence (its attachments with it), under the same retention as suspicious mails,
-- and a summary of its attachments (name, type, size, SHA-256, what was found) to show.
ALTER TABLE incident_correspondence
    ADD COLUMN sha256      TEXT REFERENCES mail_evidence (sha256),
    ADD COLUMN attachments JSONB;
CREATE INDEX incident_correspondence_sha256_idx ON incident_correspondence (sha256) WHERE sha256 IS NOT NULL;

-- Which incidents a stored raw mail serves: as a suspicious mail, or as a reply in the
-- correspondence. The retention purge keeps a raw mail while one of them still needs it.
CREATE VIEW mail_evidence_use AS
    SELECT sha256, incident_id FROM incident_mail
    UNION ALL
    SELECT sha256, incident_id FROM incident_correspondence WHERE sha256 IS NOT NULL;

-- The retention purge takes the personal data with the raw mail: the analysis' text body,
-- recipients, forwarder and quoted evidence, and the evidence files of closed incidents
-- past retention (their names and hashes stay for the record).
ALTER TABLE step_evidence ALTER COLUMN content DROP NOT NULL;
ALTER TABLE step_evidence ADD COLUMN purged_at TIMESTAMPTZ;

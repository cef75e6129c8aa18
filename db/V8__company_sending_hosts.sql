-- The hosts (names or IP ranges in CIDR form) our outbound mail leaves from: the mail
-- analysis triage hint asks whether a suspicious mail was handed over by one of them
-- ("our own account or PC is infected") or by someone else ("only our name is forged").
ALTER TABLE company_settings ADD COLUMN sending_hosts TEXT[] NOT NULL DEFAULT '{}';

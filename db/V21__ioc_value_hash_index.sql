-- IOC values (URLs, file names) run up to 2,000 characters; in UTF-8 that can pass
-- PostgreSQL's B-tree row limit (about 2,700 bytes) and make attaching a mail fail. The
-- unique key and the look-up index take an MD5 of the value instead of the value itself.
ALTER TABLE mail_ioc DROP CONSTRAINT mail_ioc_pkey;
DROP INDEX mail_ioc_value_idx;
CREATE UNIQUE INDEX mail_ioc_unique_idx ON mail_ioc (incident_mail_id, kind, md5(value));
CREATE INDEX mail_ioc_value_idx ON mail_ioc (kind, md5(value), incident_id);

-- DESIGN.md's triage no longer says "only our name is forged": a mail from elsewhere with
-- our name means that anyone who had our address may be infected. Stored analyses keep
-- their evidence; only the hint's name changes (the new hints need a fresh analysis).
UPDATE incident_mail
   SET triage_hint = 'OUR_NAME_FORGED',
       analysis = jsonb_set(analysis, '{triage,hint}', '"OUR_NAME_FORGED"')
 WHERE triage_hint = 'ONLY_OUR_NAME_FORGED';

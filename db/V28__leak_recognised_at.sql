-- The Personal Information Protection Commission's deadlines (APPI Enforcement Rules
-- art. 8) run from when the leak was recognised, which may be later (or earlier) than the
-- incident's report. Recorded on the checklist; the reporting steps' due times count from it.
ALTER TABLE checklist ADD COLUMN leak_recognised_at TIMESTAMPTZ;

-- The guidance said "correct the due time by hand"; it now says where to record the moment.
UPDATE playbook_step
   SET guidance_ja = replace(guidance_ja,
           '期日はこのインシデントの受付から数えています。漏えいを知った日が違う場合は期日を直してください。',
           '期日は「漏えいを知った日時」から数えます。このステップの画面で記録してください（記録するまでは、このインシデントの受付日時から数えています）。'),
       guidance_en = replace(guidance_en,
           'The due time counts from this incident''s report; correct it if the leak was recognised at another time.',
           'The due time counts from when the leak was recognised: record that moment on this step''s page (until then it counts from this incident''s report).')
 WHERE kind = 'REPORT_PPC_QUICK';
UPDATE playbook_step
   SET guidance_ja = replace(guidance_ja,
           '期日は60日で設定しています。30日の期限にあたる場合は期日を直してください。',
           '期日は「漏えいを知った日時」から60日で設定しています（速報のステップの画面で記録します）。30日の期限にあたる場合は期日を直してください。'),
       guidance_en = replace(guidance_en,
           'The due time is set at 60 days; correct it where the 30-day limit applies.',
           'The due time is set at 60 days from when the leak was recognised (recorded on the quick report''s step); correct it where the 30-day limit applies.')
 WHERE kind = 'REPORT_PPC_FINAL';
UPDATE checklist_step
   SET guidance = replace(replace(replace(replace(guidance,
           '期日はこのインシデントの受付から数えています。漏えいを知った日が違う場合は期日を直してください。',
           '期日は「漏えいを知った日時」から数えます。このステップの画面で記録してください（記録するまでは、このインシデントの受付日時から数えています）。'),
           'The due time counts from this incident''s report; correct it if the leak was recognised at another time.',
           'The due time counts from when the leak was recognised: record that moment on this step''s page (until then it counts from this incident''s report).'),
           '期日は60日で設定しています。30日の期限にあたる場合は期日を直してください。',
           '期日は「漏えいを知った日時」から60日で設定しています（速報のステップの画面で記録します）。30日の期限にあたる場合は期日を直してください。'),
           'The due time is set at 60 days; correct it where the 30-day limit applies.',
           'The due time is set at 60 days from when the leak was recognised (recorded on the quick report''s step); correct it where the 30-day limit applies.')
 WHERE kind IN ('REPORT_PPC_QUICK', 'REPORT_PPC_FINAL');

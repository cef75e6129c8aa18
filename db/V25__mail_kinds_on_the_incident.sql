-- Every mail the case needs goes through the same draft -> approval -> .eml/SMTP path: the
-- partner warning, the reply to the reporter, the staff notice (sending it completes the
-- notify-staff step) and a new "your side may be affected" notice to an impersonated
-- partner. A batch remembers which it is.
ALTER TABLE warning_batch ADD COLUMN purpose TEXT NOT NULL DEFAULT 'PARTNER_WARNING'
    CHECK (purpose IN ('PARTNER_WARNING', 'REPORTER_THANKS', 'STAFF_NOTICE', 'PARTNER_AFFECTED'));
UPDATE warning_batch b SET purpose = t.purpose FROM mail_template t WHERE t.id = b.template_id
   AND t.purpose IN ('PARTNER_WARNING', 'REPORTER_THANKS', 'STAFF_NOTICE');

ALTER TABLE mail_template DROP CONSTRAINT mail_template_purpose_check;
ALTER TABLE mail_template ADD CONSTRAINT mail_template_purpose_check
    CHECK (purpose IN ('PARTNER_WARNING', 'REPORTER_THANKS', 'STAFF_NOTICE', 'WEBSITE_NOTICE', 'PARTNER_AFFECTED'));

INSERT INTO mail_template (purpose, language, subject, body, updated_at, updated_by) VALUES
('PARTNER_AFFECTED', 'ja',
 '【ご連絡】貴社を装った不審なメールが弊社に届いています',
 E'{{partnerCompany}}\n{{contactName}}\n\n平素より大変お世話になっております。{{ourCompany}}でございます。\n\n貴社の社名やご担当者様のお名前をかたった不審なメールが、弊社に届いております。\n貴社、または貴社とメールをやり取りしている方のパソコンがウイルス（Emotet など）に\n感染し、メールやアドレス帳が盗まれている可能性がございます。\n\n届いたメールの例：\n・差出人の表示：{{senderAddresses}}\n・件名：{{observedSubjects}}\n・添付ファイル名：{{attachmentNames}}\n\nお手数をおかけしますが、ウイルス対策ソフトによる全てのパソコンのスキャンや、\nメールアカウントのパスワード変更などのご確認をお願いできれば幸いです。\n弊社では、届いたメールの添付ファイルやURLは開かずに保管しております。\nメールのヘッダーなど詳しい情報が必要な場合は、下記までご連絡ください。\n\n────────────────\n{{ourCompany}}\n{{contactPerson}}\n電話：{{contactPhone}}\nメール：{{contactEmail}}\n（管理番号：{{incidentReference}}）\n',
 now(), 'system'),
('PARTNER_AFFECTED', 'en',
 'Suspicious mail in your name is reaching us',
 E'Dear {{contactName}},\n{{partnerCompany}}\n\nMail pretending to come from your company or your staff is reaching us.\nYour PCs, or those of someone who exchanges mail with you, may be infected (Emotet or\nsimilar) and your mail or address books may have been stolen.\n\nWhat the mail looks like:\n- shown as sent by: {{senderAddresses}}\n- subjects: {{observedSubjects}}\n- attachments: {{attachmentNames}}\n\nWe would be grateful if you could scan all your PCs with up-to-date antivirus software\nand change your mail-account passwords. We keep the mail unopened; if you need its\nheaders or other details, please contact us.\n\n--\n{{ourCompany}}\n{{contactPerson}}\nPhone: {{contactPhone}}\nMail: {{contactEmail}}\n(Reference: {{incidentReference}})\n',
 now(), 'system');

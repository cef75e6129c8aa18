-- The shipped templates said, in effect, that mail from our real domain is ours: a stolen
-- account sends from it. They now cite what the fake mail looked like (the senders, subjects
-- and attachment names of the incident's mails in our name) and ask for a call before
-- opening anything unexpected, whoever it seems to come from. Only templates nobody has
-- edited (version 0, written by the system) are replaced.

UPDATE mail_template SET body = E'{{partnerCompany}}\n{{contactName}}\n\n平素より大変お世話になっております。{{ourCompany}}でございます。\n\n{{firstSeenDate}}頃より、弊社の社名や社員名をかたった不審なメールが、\n弊社のお取引先様に送られていることを確認いたしました。\n確認されているメールの例：\n・差出人の表示：{{senderAddresses}}\n・件名：{{observedSubjects}}\n・添付ファイル名：{{attachmentNames}}\n・なりすまされた弊社のアドレス：{{impersonatedAddresses}}\n\nこれらのメールには、ウイルスに感染させる添付ファイルやURLが含まれている\nおそれがございます。お手数をおかけしますが、添付ファイルやURLは開かずに、\nメールごと削除していただきますようお願い申し上げます。\n\n【ご注意】\n弊社のアドレスから届いたように見えるメールでも、アカウントが悪用されて\n送られている場合がございます。心当たりのない添付ファイル（パスワード付きZIPや\nマクロ付きの文書など）やURLは開かずに、メールに返信せず、下記までお電話で\nご確認くださいますようお願い申し上げます。\n\nお取引先の皆様には多大なご迷惑とご心配をおかけし、深くお詫び申し上げます。\n\n────────────────\n{{ourCompany}}\n{{contactPerson}}\n電話：{{contactPhone}}\nメール：{{contactEmail}}\n（管理番号：{{incidentReference}}）\n',
       updated_at = now()
 WHERE purpose = 'PARTNER_WARNING' AND language = 'ja' AND version = 0 AND updated_by = 'system';

UPDATE mail_template SET body = E'Dear {{contactName}},\n{{partnerCompany}}\n\nWe have found that, since around {{firstSeenDate}}, mail pretending to come from\n{{ourCompany}} or our staff is being sent to our business partners.\nWhat the mail seen so far looks like:\n- shown as sent by: {{senderAddresses}}\n- subjects: {{observedSubjects}}\n- attachments: {{attachmentNames}}\n- our addresses impersonated: {{impersonatedAddresses}}\n\nThese mails may carry attachments or links that install a virus. Please do not\nopen their attachments or links, and delete them.\n\nPlease note: mail that seems to come from one of our real addresses may also be\nsent from a stolen account. Do not open unexpected attachments (password-protected\nZIP files, documents with macros) or links, do not reply, and call us at the number\nbelow to check.\n\nWe sincerely apologise for the trouble and concern this causes.\n\n--\n{{ourCompany}}\n{{contactPerson}}\nPhone: {{contactPhone}}\nMail: {{contactEmail}}\n(Reference: {{incidentReference}})\n',
       updated_at = now()
 WHERE purpose = 'PARTNER_WARNING' AND language = 'en' AND version = 0 AND updated_by = 'system';

UPDATE mail_template SET body = E'社員各位\n\n{{firstSeenDate}}頃より、当社の社名や社員名をかたった不審なメールが\n社外に送られていることを確認しました。\n・差出人の表示：{{senderAddresses}}\n・件名：{{observedSubjects}}\n・添付ファイル名：{{attachmentNames}}\n\n・社内外を問わず、心当たりのない添付ファイルやURLは開かないでください。\n  当社のアドレスから届いたメールでも、アカウントが悪用されている場合があります。\n・パスワード付きZIPやマクロ付きの文書には特に注意してください。\n・開いてしまった場合や、取引先から問い合わせがあった場合は、すぐに下記へ連絡してください。\n\n{{contactPerson}}\n内線・電話：{{contactPhone}}\n（管理番号：{{incidentReference}}）\n',
       updated_at = now()
 WHERE purpose = 'STAFF_NOTICE' AND language = 'ja' AND version = 0 AND updated_by = 'system';

UPDATE mail_template SET body = E'To all staff,\n\nSince around {{firstSeenDate}}, mail pretending to come from our company or our\nstaff has been sent to people outside the company.\n- shown as sent by: {{senderAddresses}}\n- subjects: {{observedSubjects}}\n- attachments: {{attachmentNames}}\n\n- Do not open unexpected attachments or links, whoever the mail seems to come from:\n  mail from one of our own addresses may come from a stolen account.\n- Be especially careful with password-protected ZIP files and documents with macros.\n- If you opened one, or a partner asks about such a mail, contact us at once.\n\n{{contactPerson}}\nPhone: {{contactPhone}}\n(Reference: {{incidentReference}})\n',
       updated_at = now()
 WHERE purpose = 'STAFF_NOTICE' AND language = 'en' AND version = 0 AND updated_by = 'system';

UPDATE mail_template SET body = E'{{firstSeenDate}}頃より、{{ourCompany}}の社名や社員名をかたった不審なメールが送られていることを確認しております。\n\nこれらのメールには、ウイルスに感染させる添付ファイルやURLが含まれているおそれがあります。\n心当たりのないメールを受け取られた場合は、添付ファイルやURLを開かずに削除してくださいますようお願いいたします。\n\n弊社のアドレスから届いたように見えるメールでも、アカウントが悪用されて送られている場合があります。心当たりのない添付ファイルやURLは開かずに、お電話でご確認ください。\nなりすまされた弊社のアドレスの例：{{impersonatedAddresses}}\n確認されている差出人の表示の例：{{senderAddresses}}\n件名の例：{{observedSubjects}}\n\n皆様には多大なご迷惑とご心配をおかけし、深くお詫び申し上げます。\nお問い合わせ：{{contactPerson}}（電話：{{contactPhone}}）\n',
       updated_at = now()
 WHERE purpose = 'WEBSITE_NOTICE' AND language = 'ja' AND version = 0 AND updated_by = 'system';

UPDATE mail_template SET body = E'Since around {{firstSeenDate}}, mail pretending to come from {{ourCompany}} or our staff has been sent to a number of people.\n\nThese mails may carry attachments or links that install a virus. If you receive an unexpected mail, please delete it without opening its attachments or links.\n\nMail that seems to come from one of our real addresses may also be sent from a stolen account: do not open unexpected attachments or links, and call us to check.\nOur addresses impersonated: {{impersonatedAddresses}}\nShown as sent by, for example: {{senderAddresses}}\nSubjects seen: {{observedSubjects}}\n\nWe sincerely apologise for the trouble and concern this causes.\nContact: {{contactPerson}} (phone {{contactPhone}})\n',
       updated_at = now()
 WHERE purpose = 'WEBSITE_NOTICE' AND language = 'en' AND version = 0 AND updated_by = 'system';

-- Playbook content brought up to date (2026-12): EmoCheck is a legacy, optional check
-- (JPCERT/CC ended it; no Emotet activity seen since April 2023) and the required check is
-- an up-to-date antivirus/EDR full scan with its log as evidence; an infected PC is
-- re-imaged after the investigation; the mail-hosting provider is asked for the stolen
-- account's sending log; the Personal Information Protection Commission's deadlines
-- (APPI art. 26, its Rules art. 7 and 8) are steps of their own; passwords change at once.
-- The name-abuse playbook keeps the scan and the password check required, and a new one
-- answers the triage hint PARTNER_IMPERSONATED. Each shipped playbook still at its shipped
-- version gets a new one (one an admin has edited is left as the admin made it); checklists
-- already started keep the version they copied.

INSERT INTO playbook (code, is_default, active, current_version)
VALUES ('partner-impersonated', false, true, 0)
ON CONFLICT (code) DO NOTHING;

CREATE FUNCTION pg_temp.next_playbook_version(p_code TEXT, p_name_ja TEXT, p_name_en TEXT, p_description_ja TEXT,
                                              p_description_en TEXT) RETURNS BIGINT
LANGUAGE plpgsql AS $$
DECLARE
    v_playbook BIGINT;
    v_version  INTEGER;
    v_id       BIGINT;
BEGIN
    UPDATE playbook SET current_version = current_version + 1 WHERE code = p_code AND current_version <= 1
    RETURNING id, current_version INTO v_playbook, v_version;
    IF v_playbook IS NULL THEN
        RETURN NULL;
    END IF;
    INSERT INTO playbook_version (playbook_id, version, name_ja, name_en, description_ja, description_en, created_at,
                                  created_by)
    VALUES (v_playbook, v_version, p_name_ja, p_name_en, p_description_ja, p_description_en, now(), 'system')
    RETURNING id INTO v_id;
    RETURN v_id;
END
$$;

CREATE TEMPORARY TABLE new_playbook_version (code TEXT PRIMARY KEY, id BIGINT);

INSERT INTO new_playbook_version VALUES
('spoofed-mail-emotet', pg_temp.next_playbook_version('spoofed-mail-emotet',
  'なりすましメール（Emotet型）', 'Spoofed mail (Emotet-type)',
  '取引先から「御社を名乗る不審なメールが届いている」とご連絡を受けたときの標準手順です。当社のPCやメールアカウントが感染している前提で、調査・封じ込め・連絡・届出までを漏れなく進めます。',
  'The standard response when a partner tells us about strange mail that appears to come from us. It assumes our own PC or mail account may be infected and walks through investigation, containment, notification and the reports the law requires.')),
('name-abused-only', pg_temp.next_playbook_version('name-abused-only',
  '当社名の悪用（スキャンとパスワード確認あり）', 'Our name abused (scan and password check kept)',
  '判定のヒントが「当社の名前の悪用」のときの手順です。不審メールは当社のサーバーを経由していませんが、当社のアドレスを知る誰か（当社または取引先）が感染している可能性があるため、スキャンとパスワード確認は省略しません。',
  'For the triage hint "our name is abused": the mail did not pass our servers, but anyone who had our address (we or a partner) may be infected, so the scan and the password check stay.')),
('partner-impersonated', pg_temp.next_playbook_version('partner-impersonated',
  '取引先のなりすまし', 'A partner impersonated',
  '判定のヒントが「取引先のなりすまし」のときの手順です。取引先か、そのやり取りの相手が感染している可能性を先方に伝え、社内で開いた人がいないかを確かめます。',
  'For the triage hint "a partner is impersonated": tell the partner that they or one of their correspondents may be infected, and check that nobody here opened the mail.'));

INSERT INTO playbook_step (playbook_version_id, position, phase, kind, title_ja, title_en, guidance_ja, guidance_en,
                           default_role, due_offset_minutes, required, evidence_required)
SELECT v.id, s.position, s.phase, s.kind, s.title_ja, s.title_en, s.guidance_ja, s.guidance_en,
       s.default_role, s.due_offset_minutes, s.required, s.evidence_required
FROM new_playbook_version v
CROSS JOIN (VALUES
 (1, 'IDENTIFY', 'OBTAIN_MAIL',
  'ご連絡の内容を記録し、不審メールを添付ファイルとして入手する',
  'Record the report and obtain the suspicious mail as an attachment',
  E'ご連絡くださった方の会社名・氏名・電話番号と、メールを受け取った日時を記録します。\n- 不審メールは本文の転送ではなく「添付ファイルとして転送」（.eml）で送っていただきます。\n- 添付ファイルやURLは開かないでください。\n- 入手したメールをこのインシデントに添付すると、分析結果と判定のヒントが表示されます。',
  E'Record the caller''s company, name and phone number and when they received the mail.\n- Ask them to forward the mail as an attachment (.eml), not as quoted text.\n- Never open the mail''s attachments or links.\n- Attach the mail to this incident: the analysis and the triage hint appear.',
  'HELPDESK', 60, true, false),
 (2, 'IDENTIFY', 'TRIAGE_HEADERS',
  '判定のヒントから、どのメールボックスから漏れたかを判断する',
  'Decide from the triage hint whose mailbox leaked',
  E'分析結果の「誰のメールボックスから漏れたか」と根拠を確認し、判断を結果に記録します。\n- 当社の感染の疑い：当社のサーバーから当社ドメインの認証付きで送られています。送信したアカウントとPCを特定します。\n- 当社とのやり取りが盗まれた疑い：引用された過去のメールは、当社か相手のどちらかのPCから盗まれています。当社の確認に加えて、相手にも連絡します。\n- 当社の名前の悪用：当社のPCが感染していないとは言えません。スキャンとパスワード確認は省略しません。\n- 判断できない場合は、メールを添付ファイル（.eml）で入手し直します。',
  E'Read the analysis'' "whose mailbox leaked?" hint and its evidence, and record your decision.\n- Likely infection on our side: sent through our servers with our domain authenticated. Find the account and the PC that sent it.\n- A conversation with us was stolen: the quoted mail was taken from a PC on one side of that exchange, ours or the correspondent''s. Check ours and tell the correspondent.\n- Our name is abused: this does not show that our PCs are clean. The scan and the password check stay.\n- Inconclusive: obtain the mail again as an attachment (.eml).',
  'STAFF', 240, true, false),
 (3, 'CONTAIN', 'ISOLATE_PC',
  '感染が疑われるPCをネットワークから切り離す（電源は切らない）',
  'Isolate a suspect PC from the network (do not power it off)',
  E'LANケーブルを抜き、Wi-Fiを切ります。\n- 電源は切らないでください。調査に必要な記録が失われることがあります。\n- どのPCを、いつ、誰が切り離したかを結果に記録します。',
  E'Unplug the network cable and switch off Wi-Fi.\n- Do not shut the PC down: evidence needed for the investigation can be lost.\n- Record which PC was isolated, when, and by whom.',
  'STAFF', 240, true, false),
 (4, 'CONTAIN', 'ROTATE_PASSWORDS',
  'メールアカウントのパスワードを、感染していない端末からすぐに変更する',
  'Change mail-account passwords at once, from a clean device',
  E'盗まれたパスワードで今も送信されているおそれがあるため、数時間以内に変更します。感染していないことを確認した端末から変更してください。感染したPCから変更すると、新しいパスワードも盗まれます。\n- メール、Webメール、VPN、クラウドサービスのアカウント\n- ブラウザに保存されたIDとパスワード（保存を削除し、各サービスのパスワードを変更）\n変更したアカウントを台帳に一件ずつ記録します。',
  E'Stolen passwords may be sending mail right now: change them within hours, from a device known to be clean (passwords changed from an infected PC are stolen again).\n- mail, webmail, VPN and cloud accounts\n- credentials saved in browsers (delete them and change each password)\nRecord every changed account in the ledger, one row per account.',
  'STAFF', 120, true, false),
 (5, 'CONTAIN', 'MAIL_PROVIDER',
  'メールサーバーの運用者（ホスティング事業者）に、送信ログの提供とアカウントの保護を依頼する',
  'Ask the mail-hosting provider for the sending log and to secure the account',
  E'悪用されたおそれのあるアカウントについて、次を依頼・確認します。\n- 送信ログ（いつ、どこから、誰に送られたか）の提供\n- パスワードとSMTP認証情報のリセット\n- 不審な転送設定と自動応答の削除\n- 送信元の制限や多要素認証の有効化\n送信ログで見つかった宛先は、注意喚起の連絡先に加えます。',
  E'For every account that may have been used, ask the provider to:\n- send the account''s sending log (when, from where, to whom)\n- reset its password and SMTP authentication\n- remove forwarding rules and auto-replies you did not set\n- restrict where it may send from, and turn on multi-factor authentication\nAdd every recipient in the sending log to the people to warn.',
  'STAFF', 240, true, false),
 (6, 'ERADICATE', 'AV_SCAN',
  'ウイルス対策ソフト・EDRを最新にし、全PCでフルスキャンする',
  'Update antivirus/EDR and run a full scan on every PC',
  E'定義ファイル（EDRはエージェント）を最新にしてから、全てのPCでフルスキャンを実行します。\n- スキャン結果のログを証跡として添付します（.txt、.log、.csv、.json。UTF-16のログもそのまま添付できます）。\n- 検出があったPCは切り離したままにします。',
  E'Update the signatures (or the EDR agent) first, then run a full scan on every PC.\n- Attach the scan logs as evidence (.txt, .log, .csv, .json; UTF-16 logs as they are).\n- Keep any PC with a detection isolated.',
  'STAFF', 1440, true, true),
 (7, 'ERADICATE', 'EMOCHECK',
  '（旧手順・任意）EmoCheckで確認する',
  '(Legacy, optional) Check with EmoCheck',
  E'JPCERT/CCはEmoCheckの提供を終えています（2023年4月以降、Emotetの活動は確認されていません）。手元に残っている場合の補助的な確認に限ります。\n- 新しい種類のマルウェアは検出できません。この確認だけで「感染していない」と判断しないでください。\n- 必須の確認は、最新のウイルス対策ソフト・EDRによるフルスキャンです。',
  E'JPCERT/CC has ended EmoCheck (no Emotet activity has been seen since April 2023). Use it only as an extra check where you still have it.\n- It cannot detect newer malware: never conclude "not infected" from it.\n- The required check is an up-to-date antivirus/EDR full scan.',
  'STAFF', 1440, false, false),
 (8, 'ERADICATE', 'CHECK_SENT_MAIL',
  '送信済みメールに、パスワード付きZIPやマクロ付き文書がないか確認する',
  'Check sent mail for password-protected ZIPs and macro documents',
  E'感染したアカウントから、本人が知らないメールが送られていないかを確認します。\n- 送信済みフォルダとメールサーバーの送信ログ\n- 見覚えのないパスワード付きZIP、マクロ付きのWord・Excelファイル、ショートカット（.lnk）やディスクイメージ（.iso）\n見つかった宛先は、注意喚起の連絡先に加えます。',
  E'Look for mail the account owner did not send.\n- the Sent folder and the mail server''s send logs\n- unknown password-protected ZIP files, Word/Excel files with macros, shortcuts (.lnk) and disk images (.iso)\nAdd every recipient you find to the people to warn.',
  'STAFF', 1440, true, false),
 (9, 'NOTIFY', 'NOTIFY_PARTNERS',
  '取引先と過去にやり取りした相手に注意喚起する',
  'Warn partners and past correspondents',
  E'当社を名乗る不審なメールが送られていることを伝え、添付ファイルやURLを開かずに削除するよう依頼します。\n- 実際に使われた差出人・件名・添付ファイル名を伝えます。\n- 当社の正規のドメインから届いたメールでも、乗っ取られたアカウントから送られることがあります。心当たりのない添付ファイルやURLは開かず、電話で確認してもらいます。\n- 注意喚起メールの下書きは、取引先ごと（個人のアドレスは1通ずつ）に作られます。',
  E'Tell them mail pretending to be from us is going around and ask them to delete it without opening attachments or links.\n- Give the senders, subjects and attachment names actually used.\n- Mail from our real domain can come from a stolen account too: ask them to call us before opening anything unexpected.\n- Warning drafts are made per partner (one each for private addresses).',
  'HELPDESK', 1440, true, false),
 (10, 'NOTIFY', 'WEBSITE_NOTICE',
  '全員に連絡できない場合は、Webサイトにお知らせを掲載する',
  'Post a notice on our website if not everyone can be reached',
  E'連絡先が分からない相手にも届くよう、当社のWebサイトに注意喚起を掲載します。\n- 掲載した日時とページのURLを結果に記録します。',
  E'Reach people whose addresses we do not know with a notice on our website.\n- Record when it was posted and the page''s address.',
  'MANAGER', 2880, false, false),
 (11, 'NOTIFY', 'NOTIFY_STAFF',
  '社内に注意喚起する',
  'Warn our staff',
  E'全社員に、不審なメールの添付ファイルやURLを開かないよう周知します。\n- 当社や取引先を名乗るメールでも、心当たりのない添付ファイルは開かない\n- 開いてしまった場合はすぐに報告する',
  E'Tell every employee not to open attachments or links in unexpected mail.\n- even mail that seems to come from us or a partner\n- report at once if something was opened',
  'HELPDESK', 1440, true, false),
 (12, 'NOTIFY', 'REPORT_PPC_QUICK',
  '個人情報保護委員会に速報する（個人データが漏えいしたおそれがある場合）',
  'Send the quick report to the Personal Information Protection Commission (if personal data may have leaked)',
  E'メールやアドレス帳が盗まれた場合、取引先の氏名・メールアドレスなどの個人データが漏えいしたおそれがあります。マルウェアによる漏えいは「不正の目的をもって行われたおそれがある」事態（個人情報保護法施行規則第7条第3号）にあたり、1人分でも報告の対象です。\n- 速報：事態を知った後、速やかに（規則第8条第1項。ガイドライン（通則編）3-5-3-3では概ね3〜5日以内）\n- 個人情報保護委員会のWebサイトの報告フォームから行います。\n- 期日はこのインシデントの受付から数えています。漏えいを知った日が違う場合は期日を直してください。\n- 報告が要らないと判断した場合は、その理由を結果に記録します。',
  E'If mail or address books were stolen, partners'' names and mail addresses (personal data) may have leaked. A leak by malware may have been done for an unlawful purpose (APPI Enforcement Rules, art. 7(iii)): one person''s data is enough to report.\n- Quick report: promptly after learning of it (Rules art. 8(1); the Commission''s General Guidelines 3-5-3-3: about 3 to 5 days).\n- Use the report form on the Commission''s website.\n- The due time counts from this incident''s report; correct it if the leak was recognised at another time.\n- If no report is needed, record why.',
  'MANAGER', 4320, true, false),
 (13, 'NOTIFY', 'REPORT_PPC_FINAL',
  '個人情報保護委員会に確報し、本人に通知する',
  'Send the confirmed report to the Commission and notify the people affected',
  E'- 確報：事態を知った日から30日以内。不正の目的によるおそれがある場合（マルウェアによる漏えいを含む）は60日以内（規則第8条第2項）。\n- 漏えいしたおそれのある本人への通知（個人情報保護法第26条第2項）。通知が難しい場合は公表などの代わりの措置をとります。\n- 期日は60日で設定しています。30日の期限にあたる場合は期日を直してください。',
  E'- Confirmed report: within 30 days of learning of it, or 60 days where it may have been done for an unlawful purpose, as with malware (Rules art. 8(2)).\n- Notify the people whose data may have leaked (APPI art. 26(2)); where that is not possible, take an alternative measure such as a public notice.\n- The due time is set at 60 days; correct it where the 30-day limit applies.',
  'MANAGER', 86400, true, false),
 (14, 'NOTIFY', 'REPORT_AUTHORITIES',
  'IPAと警察に届け出る・相談する',
  'Report to IPA and the police',
  E'- IPA（情報処理推進機構）：コンピュータウイルス・不正アクセスの届出、情報セキュリティ安心相談窓口\n- 被害がある場合：都道府県警察のサイバー犯罪相談窓口\n- 届け出た日時と受付番号（または届け出ない理由）を結果に記録します。',
  E'- IPA (Information-technology Promotion Agency): malware and unauthorised-access reporting, and its security consultation desk\n- Where there is damage: the prefectural police''s cybercrime desk\n- Record when you reported and the reference number (or why you did not).',
  'MANAGER', 4320, true, false),
 (15, 'RECOVER', 'REIMAGE_PC',
  '調査が終わったら、感染したPCを初期化（再インストール）してから戻す',
  'After the investigation, re-image an infected PC before reconnecting it',
  E'感染が確認されたPCは、調査に必要な記録を取った後で初期化（OSの再インストール）し、更新を済ませてからネットワークに戻します。検出がなくなっても初期化は省略しません。\n- 感染が確認されなかったPCは、再スキャンで検出がないことを確認してから戻します。',
  E'Re-image (reinstall the operating system on) an infected PC once the investigation has what it needs, update it, then reconnect it. Re-image even when scans no longer find anything.\n- Reconnect a PC with no infection found after a fresh scan finds nothing.',
  'STAFF', 4320, true, false),
 (16, 'REVIEW', 'FINAL_REPORT',
  '最終報告をまとめ、再発防止策を決める',
  'Write the final report and agree on lessons learned',
  E'経緯、影響範囲、実施した対応、再発防止策をまとめ、経営層に報告します。\n- マクロの既定無効化、パスワード付きZIPの運用見直し、送信ドメイン認証（SPF・DKIM・DMARC）、社員教育など',
  E'Summarise what happened, the impact, what was done and what will change, and report to management.\n- e.g. macros disabled by default, no more password-protected ZIPs, SPF/DKIM/DMARC, staff training',
  'MANAGER', 20160, true, false)
) AS s(position, phase, kind, title_ja, title_en, guidance_ja, guidance_en, default_role, due_offset_minutes, required, evidence_required)
WHERE v.code = 'spoofed-mail-emotet' AND v.id IS NOT NULL;

INSERT INTO playbook_step (playbook_version_id, position, phase, kind, title_ja, title_en, guidance_ja, guidance_en,
                           default_role, due_offset_minutes, required, evidence_required)
SELECT v.id, s.position, s.phase, s.kind, s.title_ja, s.title_en, s.guidance_ja, s.guidance_en,
       s.default_role, s.due_offset_minutes, s.required, s.evidence_required
FROM new_playbook_version v
CROSS JOIN (VALUES
 (1, 'IDENTIFY', 'OBTAIN_MAIL',
  'ご連絡の内容を記録し、不審メールを添付ファイルとして入手する',
  'Record the report and obtain the suspicious mail as an attachment',
  E'ご連絡くださった方と受信日時を記録し、不審メールを「添付ファイルとして転送」で入手します。添付ファイルやURLは開かないでください。',
  E'Record who called and when, and obtain the mail forwarded as an attachment. Never open its attachments or links.',
  'HELPDESK', 60, true, false),
 (2, 'IDENTIFY', 'TRIAGE_HEADERS',
  '判定の根拠を確認する（当社のサーバーを経由せず、当社とのやり取りの引用もないこと）',
  'Check the evidence: not through our servers, and no exchange with us quoted',
  E'送信経路に当社のメールサーバーやIPアドレスがないこと、本文が当社との過去のやり取りを引用していないことを確認し、根拠を結果に記録します。引用がある場合は、標準の手順（なりすましメール（Emotet型））に切り替えてください。',
  E'Check that no trusted Received line names our mail servers or addresses and that the text quotes no earlier exchange with us; record the evidence. If it quotes one, switch to the standard spoofed-mail (Emotet-type) playbook.',
  'STAFF', 240, true, false),
 (3, 'CONTAIN', 'ROTATE_PASSWORDS',
  'なりすまされたアカウントのパスワードを変更し、転送設定と自動応答を確認する',
  'Change the impersonated accounts'' passwords and check forwarding and auto-replies',
  E'当社のアドレスを知る誰かが感染している可能性があり、当社のアカウントが狙われていることもあります。念のため、感染していない端末から次を行い、台帳に記録します。\n- なりすまされたアドレスのパスワード変更\n- 不審な転送設定・自動応答がないことの確認',
  E'Someone who has our address may be infected, and our accounts may be the next target. As a precaution, from a clean device, record each in the ledger:\n- change the impersonated addresses'' passwords\n- check for forwarding rules and auto-replies you did not set',
  'STAFF', 240, true, false),
 (4, 'ERADICATE', 'AV_SCAN',
  'ウイルス対策ソフト・EDRを最新にし、全PCでフルスキャンする',
  'Update antivirus/EDR and run a full scan on every PC',
  E'当社のPCが感染していないことは、送信経路だけでは分かりません。定義ファイルを最新にして全PCをフルスキャンし、ログを証跡として添付します（.txt、.log、.csv、.json、UTF-16可）。',
  E'The route alone does not show that our PCs are clean. Update the signatures, scan every PC in full and attach the logs as evidence (.txt, .log, .csv, .json, UTF-16 allowed).',
  'STAFF', 1440, true, true),
 (5, 'ERADICATE', 'CHECK_SENT_MAIL',
  '送信済みメールに不審な送信がないか確認する',
  'Check sent mail for anything we did not send',
  E'送信済みフォルダと送信ログに、見覚えのないメールがないことを確認します。見つかった場合は、標準の手順（なりすましメール（Emotet型））に切り替えてください。',
  E'Check the Sent folder and send logs for unknown mail. If you find any, switch to the standard spoofed-mail (Emotet-type) playbook.',
  'STAFF', 1440, true, false),
 (6, 'NOTIFY', 'NOTIFY_PARTNERS',
  '取引先に注意喚起する',
  'Warn partners',
  E'当社を名乗る不審なメールが出回っていること、実際に使われた差出人・件名・添付ファイル名、添付ファイルやURLを開かずに削除してほしいこと、問い合わせ先を伝えます。',
  E'Tell partners that mail pretending to be from us is going around, with the senders, subjects and attachment names actually used; ask them to delete it unopened, and say whom to call.',
  'HELPDESK', 1440, true, false),
 (7, 'NOTIFY', 'WEBSITE_NOTICE',
  '必要に応じて、Webサイトにお知らせを掲載する',
  'Post a notice on our website if needed',
  E'連絡しきれない相手がいる場合は、Webサイトで注意喚起します。',
  E'If some people cannot be reached directly, post a notice on our website.',
  'MANAGER', 2880, false, false),
 (8, 'NOTIFY', 'NOTIFY_STAFF',
  '社内に注意喚起する',
  'Warn our staff',
  E'社員に、当社を名乗る不審なメールが出回っていること、心当たりのない添付ファイルやURLを開かないことを周知します。',
  E'Tell employees that mail pretending to be from us is going around and not to open unexpected attachments or links.',
  'HELPDESK', 1440, true, false),
 (9, 'REVIEW', 'FINAL_REPORT',
  '対応結果をまとめる',
  'Summarise the response',
  E'経緯と実施した対応をまとめます。送信ドメイン認証（SPF・DKIM・DMARC）の設定も確認し、なりすまし対策の改善を検討します。',
  E'Summarise what happened and what was done. Review our domain''s SPF, DKIM and DMARC settings to make forging our name harder.',
  'MANAGER', 10080, true, false)
) AS s(position, phase, kind, title_ja, title_en, guidance_ja, guidance_en, default_role, due_offset_minutes, required, evidence_required)
WHERE v.code = 'name-abused-only' AND v.id IS NOT NULL;

INSERT INTO playbook_step (playbook_version_id, position, phase, kind, title_ja, title_en, guidance_ja, guidance_en,
                           default_role, due_offset_minutes, required, evidence_required)
SELECT v.id, s.position, s.phase, s.kind, s.title_ja, s.title_en, s.guidance_ja, s.guidance_en,
       s.default_role, s.due_offset_minutes, s.required, s.evidence_required
FROM new_playbook_version v
CROSS JOIN (VALUES
 (1, 'IDENTIFY', 'OBTAIN_MAIL',
  'ご連絡の内容を記録し、不審メールを添付ファイルとして入手する',
  'Record the report and obtain the suspicious mail as an attachment',
  E'受け取った人と受信日時を記録し、不審メールを「添付ファイルとして転送」で入手します。添付ファイルやURLは開かないでください。',
  E'Record who received it and when, and obtain the mail forwarded as an attachment. Never open its attachments or links.',
  'HELPDESK', 60, true, false),
 (2, 'IDENTIFY', 'TRIAGE_HEADERS',
  '判定の根拠を確認する',
  'Check the evidence of the triage hint',
  E'差出人のアドレスと送信経路が取引先のものではないこと、取引先の名前やアドレスが使われていることを確認し、根拠を結果に記録します。当社とのやり取りが引用されている場合は、標準の手順（なりすましメール（Emotet型））に切り替えてください。',
  E'Check that the sender address and route are not the partner''s while its name or address is shown, and record the evidence. If the text quotes an exchange with us, switch to the standard spoofed-mail (Emotet-type) playbook.',
  'STAFF', 240, true, false),
 (3, 'NOTIFY', 'NOTIFY_AFFECTED_PARTNER',
  'なりすまされた取引先に、先方が影響を受けている可能性を伝える',
  'Tell the impersonated partner that their side may be affected',
  E'取引先の名前で不審なメールが届いていること、先方か先方のやり取りの相手のPCが感染している可能性があることを伝えます。\n- 届いたメールの差出人・件名・添付ファイル名を伝えます。\n- メールだけでなく電話でも伝えます（先方のメールが読まれている可能性があります）。\n- 「影響の可能性のお知らせ」の下書きを使えます。',
  E'Tell the partner that mail in their name is reaching us and that they, or one of their correspondents, may be infected.\n- Give the senders, subjects and attachment names received.\n- Call as well as write (their mail may be read by the attacker).\n- The "your side may be affected" draft can be used.',
  'HELPDESK', 240, true, false),
 (4, 'CONTAIN', 'CHECK_OPENED',
  '社内で添付ファイルやURLを開いた人がいないか確認する',
  'Check whether anyone here opened the attachment or link',
  E'同じメールを受け取った社員を確認し、添付ファイルやURLを開いていないかを聞きます。開いた人がいた場合は、そのPCを切り離し、標準の手順（なりすましメール（Emotet型））に切り替えます。',
  E'Find who else received the mail and ask whether anyone opened its attachment or link. If someone did, isolate that PC and switch to the standard spoofed-mail (Emotet-type) playbook.',
  'STAFF', 240, true, false),
 (5, 'NOTIFY', 'NOTIFY_STAFF',
  '社内に注意喚起する',
  'Warn our staff',
  E'取引先を名乗る不審なメールが届いていること、心当たりのない添付ファイルやURLを開かないことを周知します。',
  E'Tell employees that mail pretending to be from a partner is arriving and not to open unexpected attachments or links.',
  'HELPDESK', 1440, true, false),
 (6, 'REVIEW', 'FINAL_REPORT',
  '対応結果をまとめる',
  'Summarise the response',
  E'経緯、取引先への連絡、社内の確認結果をまとめます。',
  E'Summarise what happened, what the partner was told and what the checks here found.',
  'MANAGER', 10080, true, false)
) AS s(position, phase, kind, title_ja, title_en, guidance_ja, guidance_en, default_role, due_offset_minutes, required, evidence_required)
WHERE v.code = 'partner-impersonated' AND v.id IS NOT NULL;

DROP TABLE new_playbook_version;

-- The free-mail and carrier domains whose addresses never share a warning draft
-- (DESIGN.md, warning mail privacy), editable on the settings page. NULL means the list
-- shipped with SpoofDesk (settings.FreeMailDomainList.SHIPPED), so a newer release's
-- additions reach everyone who never edited it.
ALTER TABLE company_settings ADD COLUMN free_mail_domains TEXT[];

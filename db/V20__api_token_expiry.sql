-- API tokens expire (default 90 days after creation) and are revoked when their user's
-- password changes or is reset, their roles change or the account is disabled. Tokens
-- made before this version expire 90 days after they were made.
ALTER TABLE api_token ADD COLUMN expires_at TIMESTAMPTZ;
UPDATE api_token SET expires_at = created_at + interval '90 days' WHERE expires_at IS NULL;
ALTER TABLE api_token ALTER COLUMN expires_at SET NOT NULL;

-- Five wrong passwords for a user name no longer lock that user out from everywhere
-- (anyone could lock out 'admin'): failures count per user name and client address, and a
-- slower back-off per user name alone does not stop a sign-in from an address the user has
-- signed in from before.
ALTER TABLE auth_throttle DROP CONSTRAINT auth_throttle_scope_check;
ALTER TABLE auth_throttle ADD CONSTRAINT auth_throttle_scope_check
    CHECK (scope IN ('USER', 'ADDRESS', 'USER_ADDRESS'));
-- the old per-user counts meant 'from anywhere'; they start afresh
DELETE FROM auth_throttle WHERE scope = 'USER';

CREATE TABLE auth_known_address (
    username      TEXT        NOT NULL,
    address       TEXT        NOT NULL,
    last_success  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (username, address)
);

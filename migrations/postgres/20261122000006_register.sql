-- Refused self-registrations count towards the client address's throttling too.
ALTER TABLE auth_failures DROP CONSTRAINT auth_failures_kind_check;
ALTER TABLE auth_failures ADD CONSTRAINT auth_failures_kind_check
    CHECK (kind IN ('sign_in', 'setup', 'invite_accept', 'password_change', 'register'));

-- A second factor per person: an authenticator app (TOTP, RFC 6238) and recovery codes.
-- The TOTP secret is sealed by the keyring like every secret at rest (its key id beside it,
-- so `rotate-key` can re-seal it); a recovery code is kept only as its SHA-256 (80 random
-- bits each, so a fast hash is enough).
CREATE TABLE totp_factors (
    user_id INTEGER PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret TEXT NOT NULL,
    secret_key_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    -- NULL while enrolment waits for the first valid code.
    confirmed_at TEXT,
    -- The last 30-second step a code was accepted for: no code is accepted twice.
    last_step INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE recovery_codes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    used_at TEXT
);
CREATE INDEX recovery_codes_user_id ON recovery_codes (user_id);
-- Wrong second-factor codes are throttled like wrong passwords. SQLite cannot change a CHECK
-- in place, so the table is rebuilt (it holds at most a day of rows).
CREATE TABLE auth_failures_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scope TEXT NOT NULL,
    kind TEXT NOT NULL
        CHECK (kind IN ('sign_in', 'setup', 'invite_accept', 'password_change', 'register',
                        'second_factor')),
    at TEXT NOT NULL
);
INSERT INTO auth_failures_new (id, scope, kind, at) SELECT id, scope, kind, at FROM auth_failures;
DROP TABLE auth_failures;
ALTER TABLE auth_failures_new RENAME TO auth_failures;
CREATE INDEX auth_failures_scope_at ON auth_failures (scope, at);
CREATE INDEX auth_failures_at ON auth_failures (at);

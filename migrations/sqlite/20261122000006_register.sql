-- Refused self-registrations count towards the client address's throttling too. SQLite
-- cannot change a CHECK in place, so the table is rebuilt (it holds at most a day of rows).
CREATE TABLE auth_failures_new (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scope TEXT NOT NULL,
    kind TEXT NOT NULL
        CHECK (kind IN ('sign_in', 'setup', 'invite_accept', 'password_change', 'register')),
    at TEXT NOT NULL
);
INSERT INTO auth_failures_new (id, scope, kind, at) SELECT id, scope, kind, at FROM auth_failures;
DROP TABLE auth_failures;
ALTER TABLE auth_failures_new RENAME TO auth_failures;
CREATE INDEX auth_failures_scope_at ON auth_failures (scope, at);
CREATE INDEX auth_failures_at ON auth_failures (at);

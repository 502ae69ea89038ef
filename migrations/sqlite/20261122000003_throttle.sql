-- Failed authentication attempts, for throttling (app/server/throttle.rs). One row per failure
-- and scope: 'account:<email key>' or 'ip:<address or IPv6 /64>'. Rows older than a day are
-- deleted as new ones arrive; nothing here is history (that is the audit log's job).
CREATE TABLE auth_failures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    scope TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('sign_in', 'setup', 'invite_accept', 'password_change')),
    at TEXT NOT NULL
);
-- Counting one scope's failures in a sliding window, newest first.
CREATE INDEX auth_failures_scope_at ON auth_failures (scope, at);
-- Deleting what has left every window.
CREATE INDEX auth_failures_at ON auth_failures (at);

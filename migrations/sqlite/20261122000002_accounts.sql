-- People, their sign-in sessions and the audit log.

CREATE TABLE users (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    email TEXT NOT NULL,
    -- The email lower-cased: addresses are unique whatever their case.
    email_key TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    job_title TEXT NOT NULL DEFAULT '',
    function TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'employee')),
    manager_id INTEGER REFERENCES users (id),
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'disabled')),
    -- NULL until the person has chosen a password (e.g. an invitation not yet accepted).
    password_hash TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (manager_id IS NULL OR manager_id <> id)
);
CREATE INDEX users_manager_id ON users (manager_id);
CREATE INDEX users_function ON users (function);
CREATE INDEX users_role_status ON users (role, status);

-- One row per signed-in session (the session data itself lives in tower-sessions' table).
-- A session whose row is gone is signed out: that is how logout elsewhere and disabling work.
CREATE TABLE user_sessions (
    session_id TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    client_ip TEXT,
    user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX user_sessions_user_id ON user_sessions (user_id);

-- Append-only; each row carries the hash of the one before, so tampering shows.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    client_ip TEXT,
    action TEXT NOT NULL,
    target TEXT,
    details TEXT NOT NULL,
    request_id TEXT,
    -- UNIQUE: two rows can never claim the same predecessor, so the chain cannot fork.
    prev_hash TEXT NOT NULL UNIQUE,
    hash TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_actor_at ON audit_log (actor_id, at);
CREATE INDEX audit_log_action_at ON audit_log (action, at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- tower-sessions' own table (the layout its SqliteStore expects).
CREATE TABLE tower_sessions (
    id TEXT PRIMARY KEY NOT NULL,
    data BLOB NOT NULL,
    expiry_date INTEGER NOT NULL
);
CREATE INDEX tower_sessions_expiry_date ON tower_sessions (expiry_date);

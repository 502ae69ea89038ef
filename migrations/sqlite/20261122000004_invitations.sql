-- Single-use, expiring links that let an invited person choose a password.
CREATE TABLE invitations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    -- SHA-256 of the token: the token itself is only ever in the link.
    token_hash TEXT NOT NULL UNIQUE,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    -- Set when used, or when a newer invitation replaces this one.
    closed_at TEXT
);
CREATE INDEX invitations_user_id ON invitations (user_id);

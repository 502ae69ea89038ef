-- Bearer keys for /api/v1: random, shown once, stored as the SHA-256 of the token, scoped
-- and revocable. A revoked key stays listed (and audited when used) instead of vanishing.
CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    -- The start of the token's random part, so people can tell their keys apart.
    prefix TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    -- Comma-separated: read, write, admin.
    scopes TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT,
    -- Written at most about once a minute, so a busy key does not write on every request.
    last_used_at TEXT,
    revoked_at TEXT,
    revoked_by INTEGER REFERENCES users (id)
);
CREATE INDEX api_keys_user_id ON api_keys (user_id);

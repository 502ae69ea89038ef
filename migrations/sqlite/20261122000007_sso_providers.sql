-- Single sign-on providers. The client secret is sealed (server/keyring.rs): hex of nonce
-- and ciphertext, with the id of the key that sealed it beside it for rotation.
CREATE TABLE sso_providers (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    -- In URLs (/auth/sso/<slug>); never changes.
    slug TEXT NOT NULL UNIQUE,
    -- The sign-in button's label.
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('oidc', 'google', 'github')),
    issuer_url TEXT NOT NULL DEFAULT '',
    client_id TEXT NOT NULL,
    client_secret TEXT NOT NULL,
    client_secret_key_id TEXT NOT NULL,
    enabled BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX sso_providers_key_id ON sso_providers (client_secret_key_id);

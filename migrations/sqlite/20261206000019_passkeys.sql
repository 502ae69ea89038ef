-- Passkeys (WebAuthn credentials): a second factor, and a way to sign in without a password.
-- Binary values are kept as unpadded base64url text so backups, exports and both backends
-- treat them like every other column: the credential's id (unique across everyone), the
-- person's user handle (the same random bytes on each of their passkeys, so an
-- authenticator keeps them together), and the verifier's encoded public key ("static") and
-- signature counter and backup flags ("dynamic"), which each use updates.
CREATE TABLE passkeys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    credential_id TEXT NOT NULL UNIQUE,
    user_handle TEXT NOT NULL,
    static_state TEXT NOT NULL,
    dynamic_state TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT
);
CREATE INDEX passkeys_user_id ON passkeys (user_id);

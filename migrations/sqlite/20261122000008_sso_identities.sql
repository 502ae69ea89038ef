-- Who may sign in through a provider, decided per provider: trusting a provider's verified
-- email is a judgement about that provider.
-- Link a first sign-in to the existing account with the same verified email.
ALTER TABLE sso_providers ADD COLUMN link_verified_emails BOOLEAN NOT NULL DEFAULT FALSE;
-- Lower-case email domains, comma-separated, whose people get an employee account on their
-- first sign-in; empty: nobody.
ALTER TABLE sso_providers ADD COLUMN allowed_domains TEXT NOT NULL DEFAULT '';
-- Set from the configuration at every start; the admin pages show it but cannot change it.
ALTER TABLE sso_providers ADD COLUMN from_config BOOLEAN NOT NULL DEFAULT FALSE;

-- An account at a provider, linked to one of ours. Keyed on (issuer, subject), the
-- provider's own stable id for the person: never on email, which can change hands.
CREATE TABLE sso_identities (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id),
    provider_id INTEGER NOT NULL REFERENCES sso_providers (id),
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    -- As the provider last reported it, to show on the profile.
    email TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used_at TEXT NOT NULL,
    UNIQUE (issuer, subject)
);
CREATE INDEX sso_identities_user_id ON sso_identities (user_id);

-- The single row describing this installation (named at first-run setup).
CREATE TABLE instance (
    id SMALLINT PRIMARY KEY CHECK (id = 1),
    organisation_name TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

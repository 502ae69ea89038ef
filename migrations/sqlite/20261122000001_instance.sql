-- The single row describing this installation (named at first-run setup).
CREATE TABLE instance (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    organisation_name TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

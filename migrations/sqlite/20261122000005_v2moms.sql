-- Periods and V2MOMs, stored relationally so lists, alignment and search are queries.

CREATE TABLE periods (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    -- The name lower-cased: "FY2027" and "fy2027" are the same period.
    name_key TEXT NOT NULL UNIQUE,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    is_current BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TEXT NOT NULL,
    CHECK (ends_on >= starts_on)
);
-- At most one current period.
CREATE UNIQUE INDEX periods_one_current ON periods (is_current) WHERE is_current;

CREATE TABLE v2moms (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    owner_id INTEGER NOT NULL REFERENCES users (id),
    period_id INTEGER NOT NULL REFERENCES periods (id),
    title TEXT NOT NULL DEFAULT '',
    vision TEXT NOT NULL DEFAULT '',
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_review', 'published', 'archived')),
    -- Bumped by every change; a save names the version it started from (no lost update).
    version INTEGER NOT NULL,
    -- The revision number that was last published, if any.
    published_revision INTEGER,
    -- The reviewer's comment when a V2MOM was returned to its owner.
    review_comment TEXT NOT NULL DEFAULT '',
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users (id),
    updated_at TEXT NOT NULL,
    UNIQUE (owner_id, period_id)
);
CREATE INDEX v2moms_period_status ON v2moms (period_id, status);
CREATE INDEX v2moms_status ON v2moms (status);
CREATE INDEX v2moms_updated_at ON v2moms (updated_at);

CREATE TABLE v2mom_values (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    v2mom_id INTEGER NOT NULL REFERENCES v2moms (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT ''
);
CREATE INDEX v2mom_values_v2mom ON v2mom_values (v2mom_id, position);

-- Methods keep their id across saves: other people's methods align to them.
CREATE TABLE v2mom_methods (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    v2mom_id INTEGER NOT NULL REFERENCES v2moms (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    aligned_to INTEGER REFERENCES v2mom_methods (id) ON DELETE SET NULL
);
CREATE INDEX v2mom_methods_v2mom ON v2mom_methods (v2mom_id, position);
CREATE INDEX v2mom_methods_aligned_to ON v2mom_methods (aligned_to);

CREATE TABLE v2mom_obstacles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    method_id INTEGER NOT NULL REFERENCES v2mom_methods (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    description TEXT NOT NULL
);
CREATE INDEX v2mom_obstacles_method ON v2mom_obstacles (method_id, position);

CREATE TABLE v2mom_measures (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    method_id INTEGER NOT NULL REFERENCES v2mom_methods (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    -- As typed: numbers when `unit` is set, free text (a milestone) otherwise.
    target TEXT NOT NULL DEFAULT '',
    unit TEXT NOT NULL DEFAULT '',
    current_value TEXT NOT NULL DEFAULT '',
    due_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('not_started', 'on_track', 'at_risk', 'off_track', 'done'))
);
CREATE INDEX v2mom_measures_method ON v2mom_measures (method_id, position);

-- One row per version: who saved it, when, and everything it held (JSON).
CREATE TABLE v2mom_revisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    v2mom_id INTEGER NOT NULL REFERENCES v2moms (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    status TEXT NOT NULL,
    saved_by INTEGER NOT NULL REFERENCES users (id),
    saved_at TEXT NOT NULL,
    snapshot TEXT NOT NULL,
    UNIQUE (v2mom_id, number)
);

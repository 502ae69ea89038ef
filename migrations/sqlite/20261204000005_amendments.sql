-- Published means frozen: the live tables hold what readers see (the publication); changes to
-- a published V2MOM are an amendment, a working copy only its editors see, until it is
-- published in turn (or discarded).

-- At most one amendment per V2MOM: its content as JSON (a `V2momContent`) and where it stands.
CREATE TABLE v2mom_amendments (
    v2mom_id INTEGER PRIMARY KEY REFERENCES v2moms (id) ON DELETE CASCADE,
    content TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_review')),
    -- The reviewer's comment when the amendment was returned to its writer.
    review_comment TEXT NOT NULL DEFAULT '',
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users (id),
    updated_at TEXT NOT NULL
);

-- When the current publication replaced an earlier one, and which revision that was.
ALTER TABLE v2moms ADD COLUMN amended_at TEXT;
ALTER TABLE v2moms ADD COLUMN previous_published_revision INTEGER;

-- Revisions of an amendment: kept like any save, shown only to those who may read drafts.
ALTER TABLE v2mom_revisions ADD COLUMN amendment BOOLEAN NOT NULL DEFAULT FALSE;

-- When each scheduled job (the server's backups) is next due. Shared by every process on the
-- database: the one whose update moves `due_at` on runs the job, so it runs once per deployment.
CREATE TABLE scheduled_runs (
    job TEXT PRIMARY KEY,
    due_at TIMESTAMPTZ NOT NULL
);

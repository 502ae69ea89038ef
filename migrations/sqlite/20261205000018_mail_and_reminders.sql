-- Notifications by mail. Each person chooses, per topic, whether a notification is also
-- mailed and whether it waits for the daily digest; no row means the topic's default.
CREATE TABLE notification_settings (
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    email BOOLEAN NOT NULL,
    digest BOOLEAN NOT NULL,
    PRIMARY KEY (user_id, topic)
);

-- What a notification is to its reader (`review_requested`, `up_the_chain` …), and its mail:
-- `none` (not mailed), `due` (to send on its own), `digest` (waits for the digest), `sent`,
-- `failed` (after the last attempt). A process claims a due mail by moving `mail_next_at`
-- past the time sending may take.
ALTER TABLE notifications ADD COLUMN topic TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN mail TEXT NOT NULL DEFAULT 'none'
    CHECK (mail IN ('none', 'due', 'digest', 'sent', 'failed'));
ALTER TABLE notifications ADD COLUMN mail_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notifications ADD COLUMN mail_next_at TEXT;
CREATE INDEX notifications_mail ON notifications (mail_next_at) WHERE mail IN ('due', 'digest');

-- When the owner was last reminded to check in on the V2MOM (`reminder_check_in_days`), by
-- the clock of the run that reminded them.
ALTER TABLE v2moms ADD COLUMN check_in_reminded_at TEXT;

-- When the person was last reminded that their V2MOM for the current period is not written
-- (`reminder_write_days`), by the clock of the run that reminded them.
ALTER TABLE users ADD COLUMN write_reminded_at TEXT;

-- Whether the person's digest comes once a week rather than each day, and when their last
-- one was sent.
ALTER TABLE users ADD COLUMN digest_weekly BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN digest_sent_at TEXT;

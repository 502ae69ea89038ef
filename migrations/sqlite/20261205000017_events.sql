-- The event backbone. A change that matters to others writes an `events` row in the same
-- transaction as the change (a transactional outbox): never one without the other. The
-- dispatcher then fans each event out once, into webhook deliveries and people's
-- notifications, and delivers those with retries.
CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    -- What the event is about, as `v2mom:12`.
    subject TEXT NOT NULL,
    actor_id INTEGER REFERENCES users (id),
    -- Ids only (JSON): never a secret or the text of a V2MOM.
    payload TEXT NOT NULL,
    at TEXT NOT NULL,
    -- NULL until the dispatcher has made the event's deliveries and notifications.
    fanned_out_at TEXT
);
CREATE INDEX events_waiting ON events (id) WHERE fanned_out_at IS NULL;

-- Webhooks the administrators configure: the events they want, and a secret (sealed by the
-- keyring, its key id beside it) that signs each delivery.
CREATE TABLE webhooks (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    url TEXT NOT NULL,
    -- Event kinds, comma-separated.
    kinds TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('json', 'slack')),
    secret TEXT NOT NULL,
    secret_key_id TEXT NOT NULL,
    created_at TEXT NOT NULL
);

-- One event for one webhook: pending until delivered, or failed after the last attempt.
-- A process claims a due delivery by moving `next_at` past the time it may take, so no other
-- process sends it at the same time; the id is the receiver's idempotency key.
CREATE TABLE webhook_deliveries (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    webhook_id INTEGER NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at TEXT NOT NULL,
    last_status INTEGER,
    last_error TEXT,
    updated_at TEXT NOT NULL,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at) WHERE state = 'pending';

-- What the bell shows: an event for one person, until they mark it read.
CREATE TABLE notifications (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    event_id INTEGER NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    read_at TEXT,
    UNIQUE (user_id, event_id)
);
CREATE INDEX notifications_unread ON notifications (user_id) WHERE read_at IS NULL;

//! The event outbox (written with the change it records, fanned out once by the
//! dispatcher) and the notifications it leaves for people.

use super::{Db, DbError, Pool, Tx, on_backend, on_tx};
use crate::model::EventKind;
use chrono::{DateTime, Utc};
use sqlx::postgres::PgListener;

/// An event about to be written with the change it records.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    pub kind: EventKind,
    /// What it is about, as `v2mom:12`.
    pub subject: String,
    pub actor_id: Option<i64>,
    /// Ids only.
    pub payload: serde_json::Value,
}

/// An event as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct EventRow {
    pub id: i64,
    pub kind: String,
    pub subject: String,
    pub actor_id: Option<i64>,
    pub payload: String,
    pub at: DateTime<Utc>,
}

impl EventRow {
    pub fn kind(&self) -> Option<EventKind> {
        EventKind::parse(&self.kind)
    }

    /// The id in the subject when it is about a `what` (`v2mom`, `user`).
    pub fn subject_id(&self, what: &str) -> Option<i64> {
        subject_id(&self.subject, what)
    }
}

/// The id in an event's `subject` (`v2mom:12`) when it is about a `what` (`v2mom`, `user`).
pub fn subject_id(subject: &str, what: &str) -> Option<i64> {
    let (kind, id) = subject.split_once(':')?;
    (kind == what).then(|| id.parse().ok())?
}

/// One entry of someone's notifications, with what the page says about it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct NotificationRow {
    pub id: i64,
    pub kind: String,
    pub subject: String,
    pub actor_name: Option<String>,
    pub title: Option<String>,
    pub at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

/// The people around a V2MOM an event may concern, and its title.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct V2momPeople {
    pub title: String,
    pub owner_id: i64,
    /// The owner's manager.
    pub manager_id: Option<i64>,
}

/// The PostgreSQL channel on which a committed event is announced (no payload: listeners
/// read the outbox after the last id they saw).
pub const EVENTS_CHANNEL: &str = "v2mom_events";

const EVENT_COLUMNS: &str = "id, kind, subject, actor_id, payload, at";

impl Tx {
    /// Writes `event` into the outbox, in this transaction.
    pub async fn insert_event(
        &mut self,
        event: &NewEvent,
        at: DateTime<Utc>,
    ) -> Result<(), DbError> {
        const SQL: &str = "INSERT INTO events (kind, subject, actor_id, payload, at) \
                           VALUES ($1, $2, $3, $4, $5)";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(event.kind.as_str())
            .bind(&event.subject)
            .bind(event.actor_id)
            .bind(event.payload.to_string())
            .bind(at)
            .execute(&mut *conn)
            .await
            .map(drop))?;
        // Every process's live feed hears of it when (and only if) this transaction commits.
        if let Tx::Postgres(t) = self {
            sqlx::query("SELECT pg_notify($1, '')")
                .bind(EVENTS_CHANNEL)
                .execute(&mut **t)
                .await?;
        }
        Ok(())
    }

    /// Takes up to `limit` events nobody has fanned out yet, oldest first, and marks them
    /// done: the caller makes their deliveries in this transaction. On PostgreSQL another
    /// process skips the rows this one holds; SQLite lets one writer in at a time.
    pub async fn claim_events(
        &mut self,
        limit: i64,
        at: DateTime<Utc>,
    ) -> Result<Vec<EventRow>, DbError> {
        let skip = self.skip_locked();
        let sql = format!(
            "UPDATE events SET fanned_out_at = $1 WHERE id IN (SELECT id FROM events \
             WHERE fanned_out_at IS NULL ORDER BY id LIMIT $2{skip}) RETURNING {EVENT_COLUMNS}"
        );
        let mut rows: Vec<EventRow> = on_tx!(self, |conn| sqlx::query_as(&sql)
            .bind(at)
            .bind(limit)
            .fetch_all(conn)
            .await)?;
        rows.sort_by_key(|row| row.id);
        Ok(rows)
    }
}

impl Db {
    /// The newest event's id (0 when there is none).
    pub async fn latest_event_id(&self) -> Result<i64, DbError> {
        const SQL: &str = "SELECT COALESCE(MAX(id), 0) FROM events";
        on_backend!(self, |pool| sqlx::query_scalar(SQL).fetch_one(pool).await)
    }

    /// On PostgreSQL, a connection listening on [`EVENTS_CHANNEL`] (it reconnects by itself
    /// when lost); on SQLite, whose one process hears its own commits, none.
    pub async fn listen_for_events(&self) -> Result<Option<PgListener>, DbError> {
        let Pool::Postgres(pool) = &self.pool else {
            return Ok(None);
        };
        self.count_query();
        let mut listener = PgListener::connect_with(pool).await?;
        listener.listen(EVENTS_CHANNEL).await?;
        Ok(Some(listener))
    }

    /// Every event with an id above `after`, oldest first, at most `limit`.
    pub async fn events_after(&self, after: i64, limit: i64) -> Result<Vec<EventRow>, DbError> {
        let sql = format!("SELECT {EVENT_COLUMNS} FROM events WHERE id > $1 ORDER BY id LIMIT $2");
        on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(after)
            .bind(limit)
            .fetch_all(pool)
            .await)
    }

    /// V2MOM `id`'s title, owner and the owner's manager.
    pub async fn v2mom_people(&self, id: i64) -> Result<Option<V2momPeople>, DbError> {
        const SQL: &str = "SELECT v.title, v.owner_id, u.manager_id \
            FROM v2moms v JOIN users u ON u.id = v.owner_id WHERE v.id = $1";
        on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    /// The active people who report to `user_id` directly.
    pub async fn direct_reports(&self, user_id: i64) -> Result<Vec<i64>, DbError> {
        const SQL: &str =
            "SELECT id FROM users WHERE manager_id = $1 AND status = 'active' ORDER BY id";
        on_backend!(self, |pool| sqlx::query_scalar(SQL)
            .bind(user_id)
            .fetch_all(pool)
            .await)
    }

    /// How many events wait to be fanned out.
    pub async fn events_waiting(&self) -> Result<i64, DbError> {
        const SQL: &str = "SELECT COUNT(*) FROM events WHERE fanned_out_at IS NULL";
        on_backend!(self, |pool| sqlx::query_scalar(SQL).fetch_one(pool).await)
    }

    /// `user_id`'s newest notifications, at most `limit`, with who acted and the title of
    /// the V2MOM each is about.
    pub async fn notifications_of(
        &self,
        user_id: i64,
        limit: i64,
    ) -> Result<Vec<NotificationRow>, DbError> {
        const SQL: &str = "SELECT n.id, e.kind, e.subject, u.display_name AS actor_name, \
                COALESCE(v.title, p.name) AS title, e.at, n.read_at \
            FROM notifications n JOIN events e ON e.id = n.event_id \
            LEFT JOIN users u ON u.id = e.actor_id \
            LEFT JOIN v2moms v ON e.subject = 'v2mom:' || CAST(v.id AS TEXT) \
            LEFT JOIN periods p ON e.subject = 'period:' || CAST(p.id AS TEXT) \
            WHERE n.user_id = $1 ORDER BY n.id DESC LIMIT $2";
        on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(user_id)
            .bind(limit)
            .fetch_all(pool)
            .await)
    }

    pub async fn unread_notifications(&self, user_id: i64) -> Result<i64, DbError> {
        const SQL: &str =
            "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL";
        on_backend!(self, |pool| sqlx::query_scalar(SQL)
            .bind(user_id)
            .fetch_one(pool)
            .await)
    }

    /// Marks `user_id`'s notification `id` read, or all of them when `id` is `None`; the
    /// number marked.
    pub async fn mark_notifications_read(
        &self,
        user_id: i64,
        id: Option<i64>,
        at: DateTime<Utc>,
    ) -> Result<u64, DbError> {
        const SQL: &str = "UPDATE notifications SET read_at = $1 \
            WHERE user_id = $2 AND read_at IS NULL AND ($3 IS NULL OR id = $3)";
        on_backend!(self, |pool| sqlx::query(SQL)
            .bind(at)
            .bind(user_id)
            .bind(id)
            .execute(pool)
            .await
            .map(|done| done.rows_affected()))
    }
}

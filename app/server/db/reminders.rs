//! What the reminders look for.

use super::{Db, DbError, Tx, on_backend, on_tx};
use chrono::{DateTime, NaiveDate, Utc};

impl Db {
    /// The published V2MOMs of the current period, of active owners, that have measures but
    /// no check-in since `since` (nor, without any check-in, a publication since then), and no
    /// reminder since then either.
    pub async fn check_in_reminders_due(&self, since: DateTime<Utc>) -> Result<Vec<i64>, DbError> {
        const SQL: &str = "SELECT v.id FROM v2moms v \
            JOIN periods p ON p.id = v.period_id AND p.is_current \
            JOIN users u ON u.id = v.owner_id AND u.status = 'active' \
            WHERE v.status = 'published' \
            AND EXISTS (SELECT 1 FROM v2mom_measures m \
                JOIN v2mom_methods t ON t.id = m.method_id WHERE t.v2mom_id = v.id) \
            AND COALESCE( \
                (SELECT MAX(c.created_at) FROM measure_check_ins c \
                    JOIN v2mom_measures m ON m.id = c.measure_id \
                    JOIN v2mom_methods t ON t.id = m.method_id WHERE t.v2mom_id = v.id), \
                (SELECT r.saved_at FROM v2mom_revisions r \
                    WHERE r.v2mom_id = v.id AND r.number = v.published_revision)) < $1 \
            AND (v.check_in_reminded_at IS NULL OR v.check_in_reminded_at <= $1) \
            ORDER BY v.id";
        on_backend!(self, |pool| sqlx::query_scalar(SQL)
            .bind(since)
            .fetch_all(pool)
            .await)
    }
}

impl Db {
    /// The active people without a V2MOM in the current period, which started by `today`,
    /// who were not reminded of it since `since`: their ids and the period's.
    pub async fn write_reminders_due(
        &self,
        today: NaiveDate,
        since: DateTime<Utc>,
    ) -> Result<Vec<(i64, i64)>, DbError> {
        const SQL: &str = "SELECT u.id, p.id FROM users u \
            JOIN periods p ON p.is_current AND p.starts_on <= $1 \
            WHERE u.status = 'active' \
            AND NOT EXISTS (SELECT 1 FROM v2moms v WHERE v.owner_id = u.id AND v.period_id = p.id) \
            AND (u.write_reminded_at IS NULL OR u.write_reminded_at <= $2) \
            ORDER BY u.id";
        on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(today)
            .bind(since)
            .fetch_all(pool)
            .await)
    }
}

impl Tx {
    /// Notes that `user_id` was reminded to write their V2MOM `at`.
    pub async fn note_write_reminder(
        &mut self,
        user_id: i64,
        at: DateTime<Utc>,
    ) -> Result<(), DbError> {
        const SQL: &str = "UPDATE users SET write_reminded_at = $1 WHERE id = $2";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(at)
            .bind(user_id)
            .execute(conn)
            .await
            .map(drop))
    }

    /// Notes that V2MOM `id`'s owner was reminded to check in `at`.
    pub async fn note_check_in_reminder(
        &mut self,
        id: i64,
        at: DateTime<Utc>,
    ) -> Result<(), DbError> {
        const SQL: &str = "UPDATE v2moms SET check_in_reminded_at = $1 WHERE id = $2";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(at)
            .bind(id)
            .execute(conn)
            .await
            .map(drop))
    }
}

//! Jobs the server runs on a schedule, once per deployment however many processes share
//! the database.

use super::{Db, DbError, on_backend};
use chrono::{DateTime, Utc};

impl Db {
    /// Claims the run of `job` due by `now`, making the next one due at `next`: true for
    /// exactly one caller among all processes, which then runs it. A job never claimed
    /// before is due at once.
    pub async fn claim_scheduled_run(
        &self,
        job: &str,
        now: DateTime<Utc>,
        next: DateTime<Utc>,
    ) -> Result<bool, DbError> {
        const FIRST: &str = "INSERT INTO scheduled_runs (job, due_at) VALUES ($1, $2) \
                             ON CONFLICT (job) DO NOTHING";
        // Another process's claim locks the row (PostgreSQL) or the database (SQLite), and
        // once committed its new `due_at` fails this one's condition.
        const CLAIM: &str = "UPDATE scheduled_runs SET due_at = $3 WHERE job = $1 AND due_at <= $2";
        on_backend!(self, |pool| {
            sqlx::query(FIRST).bind(job).bind(now).execute(pool).await?;
            let claimed = sqlx::query(CLAIM)
                .bind(job)
                .bind(now)
                .bind(next)
                .execute(pool)
                .await?;
            Ok(claimed.rows_affected() == 1)
        })
    }
}

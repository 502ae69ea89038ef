//! The single row that describes this installation.

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Instance {
    pub organisation_name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const COLUMNS: &str = "organisation_name, created_at, updated_at";

impl Db {
    /// The installation's settings, or `None` before first-run setup.
    pub async fn instance(&self) -> Result<Option<Instance>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM instance WHERE id = 1");
        on_backend!(self, |pool| sqlx::query_as(&sql).fetch_optional(pool).await)
    }

    /// The organisation's name, as mails and authenticator apps show it (empty before setup).
    pub async fn organisation_name(&self) -> Result<String, DbError> {
        Ok(self
            .instance()
            .await?
            .map(|i| i.organisation_name)
            .unwrap_or_default())
    }

    /// How far the organisation has come, for the first-run checklist: the number of
    /// accounts (invited ones included) and of published V2MOMs in `period_id` whose owner
    /// reports to nobody (none without a period). One query.
    pub async fn first_run_counts(&self, period_id: Option<i64>) -> Result<(i64, i64), DbError> {
        const SQL: &str = "SELECT (SELECT COUNT(*) FROM users), \
            (SELECT COUNT(*) FROM v2moms v JOIN users u ON u.id = v.owner_id \
             WHERE v.period_id = $1 AND v.status = 'published' AND u.manager_id IS NULL)";
        on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(period_id)
            .fetch_one(pool)
            .await)
    }
}

impl Tx {
    /// Creates the row; fails with a unique violation when it exists, which makes
    /// first-run setup happen once however many requests race for it.
    pub async fn create_instance(&mut self, organisation_name: &str) -> Result<Instance, DbError> {
        let sql = format!(
            "INSERT INTO instance (id, organisation_name, created_at, updated_at) \
             VALUES (1, $1, $2, $2) RETURNING {COLUMNS}"
        );
        let at = now();
        on_tx!(self, |conn| sqlx::query_as(&sql)
            .bind(organisation_name)
            .bind(at)
            .fetch_one(conn)
            .await)
    }

    pub async fn rename_instance(&mut self, organisation_name: &str) -> Result<Instance, DbError> {
        let sql = format!(
            "UPDATE instance SET organisation_name = $1, updated_at = $2 WHERE id = 1 \
             RETURNING {COLUMNS}"
        );
        let at = now();
        on_tx!(self, |conn| sqlx::query_as(&sql)
            .bind(organisation_name)
            .bind(at)
            .fetch_one(conn)
            .await)
    }
}

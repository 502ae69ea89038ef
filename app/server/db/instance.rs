//! The single row that describes this installation.

use super::{Db, DbError, now, on_backend};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Instance {
    pub organisation_name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl Db {
    /// The installation's settings, or `None` before first-run setup.
    pub async fn instance(&self) -> Result<Option<Instance>, DbError> {
        const SQL: &str =
            "SELECT organisation_name, created_at, updated_at FROM instance WHERE id = 1";
        on_backend!(self, |pool| sqlx::query_as(SQL).fetch_optional(pool).await)
    }

    /// Creates the row or renames the organisation.
    pub async fn save_instance(&self, organisation_name: &str) -> Result<Instance, DbError> {
        const SQL: &str = "INSERT INTO instance (id, organisation_name, created_at, updated_at) \
             VALUES (1, $1, $2, $2) \
             ON CONFLICT (id) DO UPDATE \
             SET organisation_name = excluded.organisation_name, updated_at = excluded.updated_at \
             RETURNING organisation_name, created_at, updated_at";
        let at = now();
        on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(organisation_name)
            .bind(at)
            .fetch_one(pool)
            .await)
    }
}

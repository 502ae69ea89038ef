//! API keys: stored as the hash of their token; revoked keys stay, marked.

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use chrono::{DateTime, Duration, Utc};

/// How stale `last_used_at` may get: a key in constant use writes about once a minute.
pub const LAST_USED_PRECISION: Duration = Duration::seconds(60);

/// A key as stored, without its hash.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiKeyRecord {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub prefix: String,
    /// `read,write`, as [`crate::model::Scopes`] writes it.
    pub scopes: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revoked_by: Option<i64>,
}

impl ApiKeyRecord {
    /// Whether `last_used_at` is older than [`LAST_USED_PRECISION`] at `at`.
    pub fn use_is_stale(&self, at: DateTime<Utc>) -> bool {
        self.last_used_at
            .is_none_or(|last| last < at - LAST_USED_PRECISION)
    }
}

/// A key with its owner, for the administrators' list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ApiKeyWithOwner {
    #[sqlx(flatten)]
    pub key: ApiKeyRecord,
    pub owner_name: String,
    pub owner_email: String,
}

pub struct NewApiKeyRow<'a> {
    pub user_id: i64,
    pub name: &'a str,
    pub prefix: &'a str,
    pub token_hash: &'a str,
    pub scopes: &'a str,
    pub expires_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, user_id, name, prefix, scopes, created_at, expires_at, last_used_at, \
                       revoked_at, revoked_by";

impl Db {
    pub async fn api_keys_of(&self, user_id: i64) -> Result<Vec<ApiKeyRecord>, DbError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM api_keys WHERE user_id = $1 \
             ORDER BY created_at DESC, id DESC"
        );
        on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(user_id)
            .fetch_all(pool)
            .await)
    }

    pub async fn all_api_keys(&self) -> Result<Vec<ApiKeyWithOwner>, DbError> {
        let sql = format!(
            "SELECT k.*, u.display_name AS owner_name, u.email AS owner_email \
             FROM (SELECT {COLUMNS} FROM api_keys) k JOIN users u ON u.id = k.user_id \
             ORDER BY k.created_at DESC, k.id DESC"
        );
        on_backend!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await)
    }

    pub async fn api_key_by_token_hash(
        &self,
        token_hash: &str,
    ) -> Result<Option<ApiKeyRecord>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM api_keys WHERE token_hash = $1");
        on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(token_hash)
            .fetch_optional(pool)
            .await)
    }

    /// Records a use at `at`, unless one within [`LAST_USED_PRECISION`] is recorded already
    /// (checked again here, so racing requests write once).
    pub async fn touch_api_key(&self, id: i64, at: DateTime<Utc>) -> Result<(), DbError> {
        const SQL: &str = "UPDATE api_keys SET last_used_at = $1 \
            WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)";
        let stale_before = at - LAST_USED_PRECISION;
        on_backend!(self, |pool| sqlx::query(SQL)
            .bind(at)
            .bind(id)
            .bind(stale_before)
            .execute(pool)
            .await
            .map(drop))
    }
}

impl Tx {
    pub async fn insert_api_key(&mut self, new: NewApiKeyRow<'_>) -> Result<ApiKeyRecord, DbError> {
        let sql = format!(
            "INSERT INTO api_keys (user_id, name, prefix, token_hash, scopes, created_at, \
             expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING {COLUMNS}"
        );
        let at = now();
        on_tx!(self, |conn| sqlx::query_as(&sql)
            .bind(new.user_id)
            .bind(new.name)
            .bind(new.prefix)
            .bind(new.token_hash)
            .bind(new.scopes)
            .bind(at)
            .bind(new.expires_at)
            .fetch_one(conn)
            .await)
    }

    pub async fn api_key(&mut self, id: i64) -> Result<Option<ApiKeyRecord>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM api_keys WHERE id = $1");
        on_tx!(self, |conn| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(conn)
            .await)
    }

    /// Marks a key revoked by `by` (nobody: the command line); false when it already was.
    pub async fn revoke_api_key(&mut self, id: i64, by: Option<i64>) -> Result<bool, DbError> {
        const SQL: &str = "UPDATE api_keys SET revoked_at = $1, revoked_by = $2 \
            WHERE id = $3 AND revoked_at IS NULL";
        let at = now();
        let affected = on_tx!(self, |conn| sqlx::query(SQL)
            .bind(at)
            .bind(by)
            .bind(id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(affected == 1)
    }
}

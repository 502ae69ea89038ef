//! The audit log's rows. The chain itself is computed in `server::audit`.

use super::{Db, DbError, Serialise, Tx, on_backend, on_tx};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, serde::Deserialize)]
pub struct AuditRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_id: Option<i64>,
    pub client_ip: Option<String>,
    pub action: String,
    pub target: Option<String>,
    pub details: String,
    pub request_id: Option<String>,
    pub prev_hash: String,
    pub hash: String,
}

const COLUMNS: &str =
    "id, at, actor_id, client_ip, action, target, details, request_id, prev_hash, hash";

/// One row as the audit page lists it, with the actor's email.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AuditListRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_email: Option<String>,
    pub client_ip: Option<String>,
    pub action: String,
    pub target: Option<String>,
    pub details: String,
    pub request_id: Option<String>,
}

/// Which rows: `actor` an email key or "", `action` a prefix or "", times inclusive/exclusive.
pub struct AuditQuery {
    pub actor: String,
    pub action: String,
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
}

impl Db {
    /// The newest rows first, filtered, one page at a time, with the total.
    pub async fn search_audit(
        &self,
        query: &AuditQuery,
        limit: i64,
        offset: i64,
    ) -> Result<(Vec<AuditListRow>, i64), DbError> {
        const FROM: &str = "FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id \
            WHERE ($1 = '' OR u.email_key = $1) AND ($2 = '' OR a.action LIKE $2 || '%') \
            AND a.at >= $3 AND a.at < $4";
        let page = format!(
            "SELECT a.id, a.at, u.email AS actor_email, a.client_ip, a.action, a.target, \
             a.details, a.request_id {FROM} ORDER BY a.id DESC LIMIT $5 OFFSET $6"
        );
        let count = format!("SELECT COUNT(*) {FROM}");
        let actor = query.actor.trim().to_lowercase();
        let action = query.action.trim().replace(['%', '_', '\\'], "");
        let rows = on_backend!(self, |pool| sqlx::query_as(&page)
            .bind(&actor)
            .bind(&action)
            .bind(query.from)
            .bind(query.until)
            .bind(limit)
            .bind(offset)
            .fetch_all(pool)
            .await)?;
        let total = on_backend!(self, |pool| sqlx::query_scalar(&count)
            .bind(&actor)
            .bind(&action)
            .bind(query.from)
            .bind(query.until)
            .fetch_one(pool)
            .await)?;
        Ok((rows, total))
    }

    /// Every row, oldest first, for verifying the chain.
    pub async fn audit_rows(&self) -> Result<Vec<AuditRow>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM audit_log ORDER BY id");
        on_backend!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await)
    }

    /// Whether `action` on `target` has been recorded since `since`.
    pub async fn audited_since(
        &self,
        action: &str,
        target: &str,
        since: DateTime<Utc>,
    ) -> Result<bool, DbError> {
        const SQL: &str = "SELECT EXISTS (SELECT 1 FROM audit_log \
                           WHERE action = $1 AND at > $2 AND target = $3)";
        on_backend!(self, |pool| sqlx::query_scalar(SQL)
            .bind(action)
            .bind(since)
            .bind(target)
            .fetch_one(pool)
            .await)
    }
}

impl Tx {
    /// Serialises appends until this transaction ends. Taking it again in the same
    /// transaction is free, so other writes that must not interleave (counting failures
    /// towards a lock) take the same lock and cannot deadlock with an append.
    pub(crate) async fn lock_audit(&mut self) -> Result<(), DbError> {
        self.serialise(Serialise::Audit).await
    }

    /// Serialises appends until this transaction ends, then returns the newest hash.
    pub(crate) async fn lock_audit_head(&mut self) -> Result<Option<String>, DbError> {
        const LAST: &str = "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1";
        self.lock_audit().await?;
        on_tx!(self, |conn| sqlx::query_scalar(LAST)
            .fetch_optional(conn)
            .await)
    }

    pub(crate) async fn insert_audit_row(&mut self, row: &AuditRow) -> Result<(), DbError> {
        const SQL: &str = "INSERT INTO audit_log \
             (at, actor_id, client_ip, action, target, details, request_id, prev_hash, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(row.at)
            .bind(row.actor_id)
            .bind(&row.client_ip)
            .bind(&row.action)
            .bind(&row.target)
            .bind(&row.details)
            .bind(&row.request_id)
            .bind(&row.prev_hash)
            .bind(&row.hash)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }
}

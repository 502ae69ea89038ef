//! Failed authentication attempts, counted by `server::throttle`.
//!
//! Every write here first takes the audit log's append lock (free on SQLite, whose
//! `BEGIN IMMEDIATE` already serialises writers): counting towards a lock is then exact, and
//! these writes and audit appends, taken in any order, cannot deadlock each other.

use super::{Db, DbError, Tx, on_backend, on_tx};
use chrono::{DateTime, Utc};

impl Db {
    /// When `scope`'s failures since `since` happened, newest first, at most `limit` of them.
    pub async fn recent_auth_failures(
        &self,
        scope: &str,
        since: DateTime<Utc>,
        limit: usize,
    ) -> Result<Vec<DateTime<Utc>>, DbError> {
        const SQL: &str = "SELECT at FROM auth_failures WHERE scope = $1 AND at > $2 \
                           ORDER BY at DESC LIMIT $3";
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        on_backend!(self, |pool| sqlx::query_scalar(SQL)
            .bind(scope)
            .bind(since)
            .bind(limit)
            .fetch_all(pool)
            .await)
    }
}

impl Tx {
    /// Records one failure of `kind` (`sign_in`, `setup`, …) for `scope` at `at`.
    pub async fn record_auth_failure(
        &mut self,
        scope: &str,
        kind: &str,
        at: DateTime<Utc>,
    ) -> Result<(), DbError> {
        self.lock_audit().await?;
        const SQL: &str = "INSERT INTO auth_failures (scope, kind, at) VALUES ($1, $2, $3)";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(scope)
            .bind(kind)
            .bind(at)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// How many failures `scope` has had since `since`, as this transaction sees them.
    pub async fn count_auth_failures(
        &mut self,
        scope: &str,
        since: DateTime<Utc>,
    ) -> Result<i64, DbError> {
        const SQL: &str = "SELECT COUNT(*) FROM auth_failures WHERE scope = $1 AND at > $2";
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(scope)
            .bind(since)
            .fetch_one(conn)
            .await)
    }

    /// Deletes every failure recorded before `before`; returns how many went.
    pub async fn forget_auth_failures_before(
        &mut self,
        before: DateTime<Utc>,
    ) -> Result<u64, DbError> {
        self.lock_audit().await?;
        const SQL: &str = "DELETE FROM auth_failures WHERE at < $1";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(before)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))
    }

    /// Forgets every failure counted against `scope` (an account's, `account:<email key>`,
    /// on a successful sign-in or an administrator's unlock).
    pub async fn clear_auth_failures(&mut self, scope: &str) -> Result<u64, DbError> {
        self.lock_audit().await?;
        const SQL: &str = "DELETE FROM auth_failures WHERE scope = $1";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(scope)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))
    }
}

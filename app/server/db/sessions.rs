//! Which sessions are signed in, and as whom.

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct SessionRecord {
    pub session_id: String,
    pub user_id: i64,
    pub created_at: DateTime<Utc>,
    pub last_seen_at: DateTime<Utc>,
    pub client_ip: Option<String>,
    pub user_agent: String,
}

impl Db {
    pub async fn sessions_of(&self, user_id: i64) -> Result<Vec<SessionRecord>, DbError> {
        const SQL: &str = "SELECT session_id, user_id, created_at, last_seen_at, client_ip, \
                           user_agent FROM user_sessions WHERE user_id = $1 ORDER BY last_seen_at DESC";
        on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(user_id)
            .fetch_all(pool)
            .await)
    }
}

impl Tx {
    pub async fn record_session(
        &mut self,
        session_id: &str,
        user_id: i64,
        client_ip: Option<&str>,
        user_agent: &str,
    ) -> Result<(), DbError> {
        const SQL: &str = "INSERT INTO user_sessions \
             (session_id, user_id, created_at, last_seen_at, client_ip, user_agent) \
             VALUES ($1, $2, $3, $3, $4, $5)";
        let at = now();
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(session_id)
            .bind(user_id)
            .bind(at)
            .bind(client_ip)
            .bind(user_agent)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// Ends one session; returns whether it was signed in.
    pub async fn end_session(&mut self, session_id: &str) -> Result<bool, DbError> {
        const SQL: &str = "DELETE FROM user_sessions WHERE session_id = $1";
        let ended = on_tx!(self, |conn| sqlx::query(SQL)
            .bind(session_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(ended > 0)
    }

    /// Forgets sign-ins made before `cutoff` (past the absolute timeout, so dead anyway).
    pub async fn end_sessions_before(&mut self, cutoff: DateTime<Utc>) -> Result<u64, DbError> {
        const SQL: &str = "DELETE FROM user_sessions WHERE created_at < $1";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(cutoff)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))
    }

    /// Ends every session of a user but `keep`.
    pub async fn end_other_sessions(&mut self, user_id: i64, keep: &str) -> Result<u64, DbError> {
        const SQL: &str = "DELETE FROM user_sessions WHERE user_id = $1 AND session_id <> $2";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(user_id)
            .bind(keep)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))
    }

    /// Ends every session of a user; returns the ids ended, so their data can go too.
    pub async fn end_sessions_of(&mut self, user_id: i64) -> Result<Vec<String>, DbError> {
        const SQL: &str = "DELETE FROM user_sessions WHERE user_id = $1 RETURNING session_id";
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(user_id)
            .fetch_all(conn)
            .await)
    }
}

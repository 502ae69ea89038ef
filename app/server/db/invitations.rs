//! Invitation links: stored as the hash of their token, used once, expiring.

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use chrono::{DateTime, Utc};

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct InvitationRecord {
    pub id: i64,
    pub user_id: i64,
    pub expires_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl InvitationRecord {
    pub fn is_open(&self, at: DateTime<Utc>) -> bool {
        self.closed_at.is_none() && at < self.expires_at
    }
}

impl Db {
    pub async fn invitation_by_token_hash(
        &self,
        token_hash: &str,
    ) -> Result<Option<InvitationRecord>, DbError> {
        const SQL: &str =
            "SELECT id, user_id, expires_at, closed_at FROM invitations WHERE token_hash = $1";
        on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(token_hash)
            .fetch_optional(pool)
            .await)
    }
}

impl Tx {
    /// Opens a new invitation for `user_id`, closing any earlier one still open.
    pub async fn create_invitation(
        &mut self,
        user_id: i64,
        token_hash: &str,
        created_by: i64,
        expires_at: DateTime<Utc>,
    ) -> Result<(), DbError> {
        const OPEN: &str = "INSERT INTO invitations \
            (user_id, token_hash, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)";
        self.close_invitations_of(user_id).await?;
        let at = now();
        on_tx!(self, |conn| sqlx::query(OPEN)
            .bind(user_id)
            .bind(token_hash)
            .bind(created_by)
            .bind(at)
            .bind(expires_at)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// Closes every invitation of `user_id` still open: replaced, or no longer needed.
    pub async fn close_invitations_of(&mut self, user_id: i64) -> Result<(), DbError> {
        const SQL: &str =
            "UPDATE invitations SET closed_at = $1 WHERE user_id = $2 AND closed_at IS NULL";
        let at = now();
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(at)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }

    /// Closes an open, unexpired invitation; false when someone used or replaced it first.
    pub async fn close_invitation(&mut self, id: i64) -> Result<bool, DbError> {
        const SQL: &str = "UPDATE invitations SET closed_at = $1 \
            WHERE id = $2 AND closed_at IS NULL AND expires_at > $1";
        let at = now();
        let closed = on_tx!(self, |conn| sqlx::query(SQL)
            .bind(at)
            .bind(id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(closed == 1)
    }
}

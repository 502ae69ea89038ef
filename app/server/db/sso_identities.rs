//! Accounts at single sign-on providers, linked to ours by (issuer, subject).

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use chrono::{DateTime, Utc};

/// An identity as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SsoIdentityRecord {
    pub id: i64,
    pub user_id: i64,
    pub provider_id: i64,
    pub issuer: String,
    pub subject: String,
    pub email: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: DateTime<Utc>,
}

/// One of a person's identities, as their profile lists it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LinkedIdentityRow {
    pub id: i64,
    pub provider_name: String,
    pub email: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: DateTime<Utc>,
}

/// Who the provider says signed in, once its answer has been verified.
pub struct NewSsoIdentity<'a> {
    pub user_id: i64,
    pub provider_id: i64,
    pub issuer: &'a str,
    pub subject: &'a str,
    pub email: &'a str,
}

const COLUMNS: &str = "id, user_id, provider_id, issuer, subject, email, created_at, last_used_at";

impl Db {
    pub async fn sso_identity(
        &self,
        issuer: &str,
        subject: &str,
    ) -> Result<Option<SsoIdentityRecord>, DbError> {
        let sql =
            format!("SELECT {COLUMNS} FROM sso_identities WHERE issuer = $1 AND subject = $2");
        on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(issuer)
            .bind(subject)
            .fetch_optional(pool)
            .await)
    }

    pub async fn linked_identities(&self, user_id: i64) -> Result<Vec<LinkedIdentityRow>, DbError> {
        const SQL: &str = "SELECT i.id, p.name AS provider_name, i.email, i.created_at, \
            i.last_used_at FROM sso_identities i JOIN sso_providers p ON p.id = i.provider_id \
            WHERE i.user_id = $1 ORDER BY p.name, i.id";
        on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(user_id)
            .fetch_all(pool)
            .await)
    }
}

impl Tx {
    pub async fn link_sso_identity(&mut self, new: NewSsoIdentity<'_>) -> Result<i64, DbError> {
        const SQL: &str = "INSERT INTO sso_identities (user_id, provider_id, issuer, subject, \
            email, created_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id";
        let at = now();
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(new.user_id)
            .bind(new.provider_id)
            .bind(new.issuer)
            .bind(new.subject)
            .bind(new.email)
            .bind(at)
            .fetch_one(conn)
            .await)
    }

    /// Records a sign-in through the identity, with the email the provider reports now.
    pub async fn touch_sso_identity(&mut self, id: i64, email: &str) -> Result<(), DbError> {
        const SQL: &str = "UPDATE sso_identities SET email = $1, last_used_at = $2 WHERE id = $3";
        let at = now();
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(email)
            .bind(at)
            .bind(id)
            .execute(conn)
            .await
            .map(drop))
    }

    /// How many identities `user_id` has, counted inside the transaction that is about to
    /// remove one (so two racing unlinks cannot both leave the account without a way in).
    pub async fn sso_identity_count(&mut self, user_id: i64) -> Result<i64, DbError> {
        let lock = self.row_lock();
        let sql = format!("SELECT id FROM sso_identities WHERE user_id = $1{lock}");
        let ids: Vec<i64> = on_tx!(self, |conn| sqlx::query_scalar(&sql)
            .bind(user_id)
            .fetch_all(conn)
            .await)?;
        Ok(ids.len() as i64)
    }

    /// Removes one of `user_id`'s identities; false when they have no such identity.
    pub async fn unlink_sso_identity(&mut self, user_id: i64, id: i64) -> Result<bool, DbError> {
        const SQL: &str = "DELETE FROM sso_identities WHERE id = $1 AND user_id = $2";
        let affected = on_tx!(self, |conn| sqlx::query(SQL)
            .bind(id)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(affected == 1)
    }
}

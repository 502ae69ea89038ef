//! Passkeys as stored (see the `passkeys` migration for the columns). The ceremonies and
//! their rules are in `server::second_factor::passkeys`.

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use chrono::{DateTime, Utc};

/// One registered passkey. Its states are the verifier's own encodings, as base64url text.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PasskeyRecord {
    pub id: i64,
    pub user_id: i64,
    pub name: String,
    pub credential_id: String,
    pub user_handle: String,
    pub static_state: String,
    pub dynamic_state: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// A passkey about to be stored, its credential verified.
pub struct NewPasskey<'a> {
    pub user_id: i64,
    pub name: &'a str,
    pub credential_id: &'a str,
    pub user_handle: &'a str,
    pub static_state: &'a str,
    pub dynamic_state: &'a str,
}

const COLUMNS: &str = "id, user_id, name, credential_id, user_handle, static_state, \
    dynamic_state, created_at, last_used_at";

impl Db {
    /// The passkeys of `user_id`, oldest first.
    pub async fn passkeys_of(&self, user_id: i64) -> Result<Vec<PasskeyRecord>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM passkeys WHERE user_id = $1 ORDER BY id");
        on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(user_id)
            .fetch_all(pool)
            .await)
    }

    /// The passkey whose credential id is `credential_id` (base64url), whoever's it is.
    pub async fn passkey_by_credential(
        &self,
        credential_id: &str,
    ) -> Result<Option<PasskeyRecord>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM passkeys WHERE credential_id = $1");
        on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(credential_id)
            .fetch_optional(pool)
            .await)
    }
}

impl Tx {
    /// Stores a verified passkey.
    pub async fn insert_passkey(&mut self, new: &NewPasskey<'_>) -> Result<(), DbError> {
        const SQL: &str = "INSERT INTO passkeys (user_id, name, credential_id, user_handle, \
            static_state, dynamic_state, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)";
        let at = now();
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(new.user_id)
            .bind(new.name)
            .bind(new.credential_id)
            .bind(new.user_handle)
            .bind(new.static_state)
            .bind(new.dynamic_state)
            .bind(at)
            .execute(conn)
            .await
            .map(drop))
    }

    /// Records a use: the new counter and flags, if the stored ones are still `before` (so
    /// two sign-ins racing with one assertion cannot both pass); false when they were not.
    pub async fn use_passkey(
        &mut self,
        id: i64,
        before: &str,
        after: &str,
    ) -> Result<bool, DbError> {
        const SQL: &str = "UPDATE passkeys SET dynamic_state = $1, last_used_at = $2 \
            WHERE id = $3 AND dynamic_state = $4";
        let at = now();
        let affected = on_tx!(self, |conn| sqlx::query(SQL)
            .bind(after)
            .bind(at)
            .bind(id)
            .bind(before)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(affected == 1)
    }

    /// Removes one passkey of `user_id`; its name, or `None` when they have no such passkey.
    pub async fn delete_passkey(
        &mut self,
        user_id: i64,
        id: i64,
    ) -> Result<Option<String>, DbError> {
        const SQL: &str = "DELETE FROM passkeys WHERE id = $1 AND user_id = $2 RETURNING name";
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(id)
            .bind(user_id)
            .fetch_optional(conn)
            .await)
    }

    /// How many passkeys `user_id` has, seen from inside the transaction.
    pub async fn count_passkeys(&mut self, user_id: i64) -> Result<i64, DbError> {
        const SQL: &str = "SELECT COUNT(*) FROM passkeys WHERE user_id = $1";
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(user_id)
            .fetch_one(conn)
            .await)
    }
}

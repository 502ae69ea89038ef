//! Second factors as stored: an authenticator app's sealed secret (see `server::keyring`)
//! and the hashes of recovery codes. The rules are in `server::second_factor`.

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use crate::server::keyring::Sealed;
use chrono::{DateTime, Utc};

/// The context a TOTP secret is sealed for.
pub const TOTP_SECRET: &str = "totp_factors.secret";

/// An authenticator app, enrolled or waiting for its first code. Not `Serialize`: it holds
/// the sealed secret.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct TotpRecord {
    pub user_id: i64,
    secret: String,
    secret_key_id: String,
    pub created_at: DateTime<Utc>,
    pub confirmed_at: Option<DateTime<Utc>>,
    pub last_step: i64,
}

impl TotpRecord {
    pub fn secret(&self) -> Sealed {
        Sealed {
            key_id: self.secret_key_id.clone(),
            ciphertext: self.secret.clone(),
        }
    }
}

const COLUMNS: &str = "user_id, secret, secret_key_id, created_at, confirmed_at, last_step";

impl Db {
    pub async fn totp_of(&self, user_id: i64) -> Result<Option<TotpRecord>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM totp_factors WHERE user_id = $1");
        on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(user_id)
            .fetch_optional(pool)
            .await)
    }

    /// Recovery codes of `user_id` not used yet.
    pub async fn recovery_codes_left(&self, user_id: i64) -> Result<i64, DbError> {
        const SQL: &str =
            "SELECT COUNT(*) FROM recovery_codes WHERE user_id = $1 AND used_at IS NULL";
        on_backend!(self, |pool| sqlx::query_scalar(SQL)
            .bind(user_id)
            .fetch_one(pool)
            .await)
    }
}

impl Tx {
    /// Starts (or starts again) an enrolment with `secret`; an enrolled app is left alone
    /// (false).
    pub async fn begin_totp(&mut self, user_id: i64, secret: &Sealed) -> Result<bool, DbError> {
        const SQL: &str = "INSERT INTO totp_factors (user_id, secret, secret_key_id, created_at) \
            VALUES ($1, $2, $3, $4) ON CONFLICT (user_id) DO UPDATE SET secret = $2, \
            secret_key_id = $3, created_at = $4, last_step = 0 \
            WHERE totp_factors.confirmed_at IS NULL";
        let at = now();
        let affected = on_tx!(self, |conn| sqlx::query(SQL)
            .bind(user_id)
            .bind(&secret.ciphertext)
            .bind(&secret.key_id)
            .bind(at)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(affected == 1)
    }

    /// Turns a waiting enrolment on, its first code accepted at `step`; false when there was
    /// none waiting.
    pub async fn confirm_totp(&mut self, user_id: i64, step: i64) -> Result<bool, DbError> {
        const SQL: &str = "UPDATE totp_factors SET confirmed_at = $1, last_step = $2 \
            WHERE user_id = $3 AND confirmed_at IS NULL";
        let at = now();
        let affected = on_tx!(self, |conn| sqlx::query(SQL)
            .bind(at)
            .bind(step)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(affected == 1)
    }

    /// Accepts a code for `step` once: false when a code for this step or a later one was
    /// accepted already (a replay), decided by the database so racing requests agree.
    pub async fn use_totp_step(&mut self, user_id: i64, step: i64) -> Result<bool, DbError> {
        const SQL: &str = "UPDATE totp_factors SET last_step = $1 \
            WHERE user_id = $2 AND confirmed_at IS NOT NULL AND last_step < $1";
        let affected = on_tx!(self, |conn| sqlx::query(SQL)
            .bind(step)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(affected == 1)
    }

    /// Removes the authenticator app, enrolled or waiting; false when none was enrolled.
    pub async fn delete_totp(&mut self, user_id: i64) -> Result<bool, DbError> {
        let enrolled = on_tx!(self, |conn| sqlx::query(
            "DELETE FROM totp_factors WHERE user_id = $1 AND confirmed_at IS NOT NULL"
        )
        .bind(user_id)
        .execute(conn)
        .await
        .map(|done| done.rows_affected()))?;
        on_tx!(self, |conn| sqlx::query(
            "DELETE FROM totp_factors WHERE user_id = $1"
        )
        .bind(user_id)
        .execute(conn)
        .await
        .map(drop))?;
        Ok(enrolled == 1)
    }

    /// Removes every second factor, the app, the passkeys and the recovery codes; false when
    /// there was no app on and no passkey.
    pub async fn delete_second_factors(&mut self, user_id: i64) -> Result<bool, DbError> {
        let app = self.delete_totp(user_id).await?;
        let passkeys = on_tx!(self, |conn| sqlx::query(
            "DELETE FROM passkeys WHERE user_id = $1"
        )
        .bind(user_id)
        .execute(conn)
        .await
        .map(|done| done.rows_affected()))?;
        self.replace_recovery_codes(user_id, &[]).await?;
        Ok(app || passkeys > 0)
    }

    /// Replaces every recovery code of `user_id` by new ones, given as hashes.
    pub async fn replace_recovery_codes(
        &mut self,
        user_id: i64,
        hashes: &[String],
    ) -> Result<(), DbError> {
        on_tx!(self, |conn| sqlx::query(
            "DELETE FROM recovery_codes WHERE user_id = $1"
        )
        .bind(user_id)
        .execute(conn)
        .await
        .map(drop))?;
        const INSERT: &str =
            "INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES ($1, $2, $3)";
        let at = now();
        for hash in hashes {
            on_tx!(self, |conn| sqlx::query(INSERT)
                .bind(user_id)
                .bind(hash)
                .bind(at)
                .execute(conn)
                .await
                .map(drop))?;
        }
        Ok(())
    }

    /// Uses the recovery code with `hash` once; false when it is unknown or used.
    pub async fn use_recovery_code(&mut self, user_id: i64, hash: &str) -> Result<bool, DbError> {
        const SQL: &str = "UPDATE recovery_codes SET used_at = $1 \
            WHERE user_id = $2 AND code_hash = $3 AND used_at IS NULL";
        let at = now();
        let affected = on_tx!(self, |conn| sqlx::query(SQL)
            .bind(at)
            .bind(user_id)
            .bind(hash)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(affected == 1)
    }
}

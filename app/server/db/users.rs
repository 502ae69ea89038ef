//! People.

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use crate::{
    model::{CurrentUser, Role},
    server::password::PasswordHash,
};
use chrono::{DateTime, Utc};

/// A user as stored. Not `Serialize`, and its `Debug` leaves out the password hash.
#[derive(Clone, sqlx::FromRow)]
pub struct UserRecord {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub job_title: String,
    pub function: String,
    #[sqlx(try_from = "String")]
    pub role: RoleColumn,
    pub manager_id: Option<i64>,
    pub status: String,
    password_hash: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The interface language the person chose (`en`, `de`); none: their browser's.
    #[sqlx(default)]
    language: Option<String>,
}

impl std::fmt::Debug for UserRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("UserRecord")
            .field("id", &self.id)
            .field("email", &self.email)
            .field("role", &self.role)
            .field("manager_id", &self.manager_id)
            .field("status", &self.status)
            .finish_non_exhaustive()
    }
}

/// `role` as stored: text checked by the schema, parsed on the way out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleColumn(pub Role);

impl TryFrom<String> for RoleColumn {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        s.parse()
            .map(RoleColumn)
            .map_err(|_| format!("unknown role {s:?}"))
    }
}

impl UserRecord {
    /// The interface language the person chose, if any.
    pub fn language(&self) -> Option<crate::i18n::Lang> {
        self.language
            .as_deref()
            .and_then(crate::i18n::Lang::from_tag)
    }

    pub fn role(&self) -> Role {
        self.role.0
    }

    pub fn is_active(&self) -> bool {
        self.status == "active"
    }

    pub fn password_hash(&self) -> Option<PasswordHash> {
        self.password_hash.clone().map(PasswordHash::from_stored)
    }

    pub fn to_current(&self) -> CurrentUser {
        CurrentUser {
            id: self.id,
            email: self.email.clone(),
            display_name: self.display_name.clone(),
            role: self.role(),
            must_set_up_second_factor: false,
            unread_notifications: 0,
        }
    }
}

pub struct NewUser<'a> {
    pub email: &'a str,
    pub display_name: &'a str,
    pub job_title: &'a str,
    pub function: &'a str,
    pub role: Role,
    pub manager_id: Option<i64>,
    pub password_hash: Option<&'a PasswordHash>,
}

/// Addresses compare case-insensitively and however their accents were typed (NFC); this is
/// the key they are unique under.
pub fn email_key(email: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    email.trim().nfc().collect::<String>().to_lowercase()
}

/// A user's columns, as [`UserRecord`] reads them (also under the session, `session_store.rs`).
pub(super) const COLUMNS: &str = "id, email, display_name, job_title, function, role, \
                                  manager_id, status, password_hash, created_at, updated_at, \
                                  language";

impl Db {
    pub async fn any_user_exists(&self) -> Result<bool, DbError> {
        const SQL: &str = "SELECT EXISTS (SELECT 1 FROM users)";
        on_backend!(self, |pool| sqlx::query_scalar(SQL).fetch_one(pool).await)
    }

    pub async fn user_by_id(&self, id: i64) -> Result<Option<UserRecord>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM users WHERE id = $1");
        on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    /// User `user_id`, if `session_id` is still signed in as them: in one statement, what
    /// every signed-in request asks first.
    pub async fn user_of_session(
        &self,
        session_id: &str,
        user_id: i64,
    ) -> Result<Option<UserRecord>, DbError> {
        let sql = format!(
            "SELECT {COLUMNS} FROM users WHERE id = $2 \
             AND id IN (SELECT user_id FROM user_sessions WHERE session_id = $1)"
        );
        on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(session_id)
            .bind(user_id)
            .fetch_optional(pool)
            .await)
    }

    pub async fn user_by_email(&self, email: &str) -> Result<Option<UserRecord>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM users WHERE email_key = $1");
        let key = email_key(email);
        on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(&key)
            .fetch_optional(pool)
            .await)
    }
}

impl Tx {
    pub async fn create_user(&mut self, user: NewUser<'_>) -> Result<UserRecord, DbError> {
        let sql = format!(
            "INSERT INTO users (email, email_key, display_name, job_title, function, role, \
             manager_id, password_hash, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING {COLUMNS}"
        );
        let at = now();
        let key = email_key(user.email);
        let hash = user.password_hash.map(PasswordHash::as_str);
        on_tx!(self, |conn| sqlx::query_as(&sql)
            .bind(user.email.trim())
            .bind(&key)
            .bind(user.display_name.trim())
            .bind(user.job_title.trim())
            .bind(user.function.trim())
            .bind(user.role.as_str())
            .bind(user.manager_id)
            .bind(hash)
            .bind(at)
            .fetch_one(conn)
            .await)
    }

    /// The interface language `user_id` chose (`en`, `de`); `None`: their browser's.
    pub async fn set_user_language(
        &mut self,
        user_id: i64,
        language: Option<&str>,
    ) -> Result<(), DbError> {
        const SQL: &str = "UPDATE users SET language = $1, updated_at = $2 WHERE id = $3";
        let at = now();
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(language)
            .bind(at)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }

    pub async fn set_password_hash(
        &mut self,
        user_id: i64,
        hash: &PasswordHash,
    ) -> Result<(), DbError> {
        const SQL: &str = "UPDATE users SET password_hash = $1, updated_at = $2 WHERE id = $3";
        let at = now();
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(hash.as_str())
            .bind(at)
            .bind(user_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(())
    }
}

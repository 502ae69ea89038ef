//! Single sign-on providers as stored; the client secret stays sealed here (see
//! `server::keyring`), and is opened only where it is used.

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use crate::server::keyring::Sealed;

/// The context a client secret is sealed for.
pub const CLIENT_SECRET: &str = "sso_providers.client_secret";

pub struct NewSsoProvider<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    /// `oidc`, `google` or `github`.
    pub kind: &'a str,
    pub issuer_url: &'a str,
    pub client_id: &'a str,
    pub client_secret: &'a Sealed,
}

impl Db {
    /// Every provider's sealed client secret, by provider id.
    pub async fn sso_client_secrets(&self) -> Result<Vec<(i64, Sealed)>, DbError> {
        const SQL: &str = "SELECT id, client_secret_key_id, client_secret FROM sso_providers \
            ORDER BY id";
        let rows: Vec<(i64, String, String)> =
            on_backend!(self, |pool| sqlx::query_as(SQL).fetch_all(pool).await)?;
        Ok(rows.into_iter().map(sealed).collect())
    }
}

impl Tx {
    pub async fn add_sso_provider(&mut self, new: NewSsoProvider<'_>) -> Result<i64, DbError> {
        const SQL: &str = "INSERT INTO sso_providers (slug, name, kind, issuer_url, client_id, \
            client_secret, client_secret_key_id, created_at, updated_at) \
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id";
        let at = now();
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(new.slug)
            .bind(new.name)
            .bind(new.kind)
            .bind(new.issuer_url)
            .bind(new.client_id)
            .bind(&new.client_secret.ciphertext)
            .bind(&new.client_secret.key_id)
            .bind(at)
            .fetch_one(conn)
            .await)
    }

    /// Provider secrets not sealed under `key_id`, locked until the transaction ends.
    pub async fn sso_client_secrets_not_under(
        &mut self,
        key_id: &str,
    ) -> Result<Vec<(i64, Sealed)>, DbError> {
        // SQLite's write transaction already holds the database; PostgreSQL locks the rows.
        let lock = match self {
            Tx::Sqlite(_) => "",
            Tx::Postgres(_) => " FOR UPDATE",
        };
        let sql = format!(
            "SELECT id, client_secret_key_id, client_secret FROM sso_providers \
             WHERE client_secret_key_id <> $1 ORDER BY id{lock}"
        );
        let rows: Vec<(i64, String, String)> = on_tx!(self, |conn| sqlx::query_as(&sql)
            .bind(key_id)
            .fetch_all(conn)
            .await)?;
        Ok(rows.into_iter().map(sealed).collect())
    }

    pub async fn reseal_sso_client_secret(
        &mut self,
        id: i64,
        secret: &Sealed,
    ) -> Result<(), DbError> {
        const SQL: &str = "UPDATE sso_providers SET client_secret = $1, \
            client_secret_key_id = $2 WHERE id = $3";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(&secret.ciphertext)
            .bind(&secret.key_id)
            .bind(id)
            .execute(conn)
            .await
            .map(drop))
    }
}

fn sealed((id, key_id, ciphertext): (i64, String, String)) -> (i64, Sealed) {
    (id, Sealed { key_id, ciphertext })
}

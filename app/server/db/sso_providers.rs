//! Single sign-on providers as stored; the client secret stays sealed here (see
//! `server::keyring`), and is opened only where it is used.

use super::{Db, DbError, Tx, now, on_backend, on_tx};
use crate::server::keyring::Sealed;
use chrono::{DateTime, Utc};

/// The context a client secret is sealed for.
pub const CLIENT_SECRET: &str = "sso_providers.client_secret";

const COLUMNS: &str = "id, slug, name, kind, issuer_url, client_id, client_secret, \
    client_secret_key_id, enabled, link_verified_emails, allowed_domains, from_config, \
    created_at, updated_at";

/// A provider as stored. Not `Serialize`: it holds the sealed client secret.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SsoProviderRecord {
    pub id: i64,
    pub slug: String,
    pub name: String,
    /// `oidc`, `google` or `github`.
    pub kind: String,
    pub issuer_url: String,
    pub client_id: String,
    client_secret: String,
    client_secret_key_id: String,
    pub enabled: bool,
    pub link_verified_emails: bool,
    /// Lower-case domains, comma-separated.
    pub allowed_domains: String,
    pub from_config: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl SsoProviderRecord {
    pub fn client_secret(&self) -> Sealed {
        Sealed {
            key_id: self.client_secret_key_id.clone(),
            ciphertext: self.client_secret.clone(),
        }
    }
}

/// What a provider is made of, from the admin page or the configuration.
pub struct NewSsoProvider<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub kind: &'a str,
    pub issuer_url: &'a str,
    pub client_id: &'a str,
    pub client_secret: &'a Sealed,
    pub enabled: bool,
    pub link_verified_emails: bool,
    pub allowed_domains: &'a str,
}

/// What an administrator may change after adding a provider; `None` keeps the secret.
pub struct SsoProviderChange<'a> {
    pub name: &'a str,
    pub issuer_url: &'a str,
    pub client_id: &'a str,
    pub client_secret: Option<&'a Sealed>,
    pub enabled: bool,
    pub link_verified_emails: bool,
    pub allowed_domains: &'a str,
}

impl Db {
    /// Every provider, enabled or not, by name.
    pub async fn sso_providers(&self) -> Result<Vec<SsoProviderRecord>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM sso_providers ORDER BY name, id");
        on_backend!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await)
    }

    pub async fn sso_provider_by_slug(
        &self,
        slug: &str,
    ) -> Result<Option<SsoProviderRecord>, DbError> {
        let sql = format!("SELECT {COLUMNS} FROM sso_providers WHERE slug = $1");
        on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(slug)
            .fetch_optional(pool)
            .await)
    }

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
        self.put_sso_provider(new, false).await
    }

    /// Creates or overwrites the provider with `new.slug` as the configuration describes it.
    pub async fn put_config_sso_provider(
        &mut self,
        new: NewSsoProvider<'_>,
    ) -> Result<i64, DbError> {
        self.put_sso_provider(new, true).await
    }

    async fn put_sso_provider(
        &mut self,
        new: NewSsoProvider<'_>,
        from_config: bool,
    ) -> Result<i64, DbError> {
        // Only a configured provider may overwrite: an admin's add of a taken slug fails on
        // the unique constraint instead.
        let upsert = if from_config {
            " ON CONFLICT (slug) DO UPDATE SET name = excluded.name, kind = excluded.kind, \
             issuer_url = excluded.issuer_url, client_id = excluded.client_id, \
             client_secret = excluded.client_secret, \
             client_secret_key_id = excluded.client_secret_key_id, enabled = excluded.enabled, \
             link_verified_emails = excluded.link_verified_emails, \
             allowed_domains = excluded.allowed_domains, from_config = TRUE, \
             updated_at = excluded.updated_at"
        } else {
            ""
        };
        let sql = format!(
            "INSERT INTO sso_providers (slug, name, kind, issuer_url, client_id, client_secret, \
             client_secret_key_id, enabled, link_verified_emails, allowed_domains, from_config, \
             created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12){upsert} RETURNING id"
        );
        let at = now();
        on_tx!(self, |conn| sqlx::query_scalar(&sql)
            .bind(new.slug)
            .bind(new.name)
            .bind(new.kind)
            .bind(new.issuer_url)
            .bind(new.client_id)
            .bind(&new.client_secret.ciphertext)
            .bind(&new.client_secret.key_id)
            .bind(new.enabled)
            .bind(new.link_verified_emails)
            .bind(new.allowed_domains)
            .bind(from_config)
            .bind(at)
            .fetch_one(conn)
            .await)
    }

    /// Changes a provider an admin added (configured ones are left alone); false when there
    /// is no such provider.
    pub async fn change_sso_provider(
        &mut self,
        id: i64,
        change: SsoProviderChange<'_>,
    ) -> Result<bool, DbError> {
        const SQL: &str = "UPDATE sso_providers SET name = $1, issuer_url = $2, client_id = $3, \
            client_secret = COALESCE($4, client_secret), \
            client_secret_key_id = COALESCE($5, client_secret_key_id), enabled = $6, \
            link_verified_emails = $7, allowed_domains = $8, updated_at = $9 \
            WHERE id = $10 AND NOT from_config";
        let at = now();
        let affected = on_tx!(self, |conn| sqlx::query(SQL)
            .bind(change.name)
            .bind(change.issuer_url)
            .bind(change.client_id)
            .bind(change.client_secret.map(|s| s.ciphertext.as_str()))
            .bind(change.client_secret.map(|s| s.key_id.as_str()))
            .bind(change.enabled)
            .bind(change.link_verified_emails)
            .bind(change.allowed_domains)
            .bind(at)
            .bind(id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected()))?;
        Ok(affected == 1)
    }

    /// A provider that left the configuration is switched off and handed to the admins
    /// (its people's links stay, so switching it back on restores them).
    pub async fn release_config_sso_provider(&mut self, id: i64) -> Result<(), DbError> {
        const SQL: &str = "UPDATE sso_providers SET enabled = FALSE, from_config = FALSE, \
            updated_at = $1 WHERE id = $2";
        let at = now();
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(at)
            .bind(id)
            .execute(conn)
            .await
            .map(drop))
    }

    /// The ids of the keys the stored secrets are sealed under: what a restore of them needs.
    pub async fn sealed_key_ids(&mut self) -> Result<Vec<String>, DbError> {
        const SQL: &str = "SELECT DISTINCT client_secret_key_id FROM sso_providers ORDER BY 1";
        on_tx!(self, |conn| sqlx::query_scalar(SQL).fetch_all(conn).await)
    }
}

fn sealed((id, key_id, ciphertext): (i64, String, String)) -> (i64, Sealed) {
    (id, Sealed { key_id, ciphertext })
}

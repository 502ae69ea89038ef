//! Webhooks and their deliveries. A webhook's secret is sealed by the keyring (see
//! `server::keyring`); a delivery is claimed by the process that sends it, so two never send
//! it at the same time.

use super::{Db, DbError, Tx, on_backend, on_tx};
use crate::{model::DeliveryState, server::keyring::Sealed};
use chrono::{DateTime, Utc};

/// The context a webhook's secret is sealed for.
pub const WEBHOOK_SECRET: &str = "webhooks.secret";

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct WebhookRow {
    pub id: i64,
    pub url: String,
    pub kinds: String,
    pub format: String,
    pub created_at: DateTime<Utc>,
    pub failed: i64,
    pub pending: i64,
}

/// A delivery a process has claimed, with what it needs to send it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DueDelivery {
    pub id: i64,
    pub attempts: i64,
    pub url: String,
    pub format: String,
    pub secret: String,
    pub secret_key_id: String,
    pub event_id: i64,
    pub kind: String,
    pub subject: String,
    pub actor_id: Option<i64>,
    pub payload: String,
    pub at: DateTime<Utc>,
}

impl DueDelivery {
    pub fn secret(&self) -> Sealed {
        Sealed {
            key_id: self.secret_key_id.clone(),
            ciphertext: self.secret.clone(),
        }
    }
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct DeliveryRow {
    pub id: i64,
    pub event_id: i64,
    pub kind: String,
    pub state: String,
    pub attempts: i64,
    pub last_status: Option<i64>,
    pub last_error: Option<String>,
    pub next_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// How an attempt ended.
#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub state: DeliveryState,
    pub status: Option<i64>,
    pub error: Option<String>,
    /// When to try again (pending only).
    pub next_at: DateTime<Utc>,
}

const WEBHOOK_COLUMNS: &str = "w.id, w.url, w.kinds, w.format, w.created_at, \
    (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id \
        AND d.state = 'failed') AS failed, \
    (SELECT COUNT(*) FROM webhook_deliveries d WHERE d.webhook_id = w.id \
        AND d.state = 'pending') AS pending";

impl Db {
    pub async fn webhooks(&self) -> Result<Vec<WebhookRow>, DbError> {
        let sql = format!("SELECT {WEBHOOK_COLUMNS} FROM webhooks w ORDER BY w.id");
        on_backend!(self, |pool| sqlx::query_as(&sql).fetch_all(pool).await)
    }

    pub async fn webhook(&self, id: i64) -> Result<Option<WebhookRow>, DbError> {
        let sql = format!("SELECT {WEBHOOK_COLUMNS} FROM webhooks w WHERE w.id = $1");
        on_backend!(self, |pool| sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(pool)
            .await)
    }

    /// The newest `limit` deliveries of webhook `id`.
    pub async fn deliveries_of(&self, id: i64, limit: i64) -> Result<Vec<DeliveryRow>, DbError> {
        const SQL: &str = "SELECT d.id, d.event_id, e.kind, d.state, d.attempts, \
                d.last_status, d.last_error, d.next_at, d.updated_at \
            FROM webhook_deliveries d JOIN events e ON e.id = d.event_id \
            WHERE d.webhook_id = $1 ORDER BY d.id DESC LIMIT $2";
        on_backend!(self, |pool| sqlx::query_as(SQL)
            .bind(id)
            .bind(limit)
            .fetch_all(pool)
            .await)
    }

    /// Claims up to `limit` pending deliveries due by `now`: each gets one more attempt and
    /// is not due again until `lease_until`, so no other process takes it meanwhile (and if
    /// this one stops midway, it is tried again then).
    pub async fn claim_deliveries(
        &self,
        now: DateTime<Utc>,
        lease_until: DateTime<Utc>,
        limit: i64,
    ) -> Result<Vec<DueDelivery>, DbError> {
        const CLAIM: &str = "UPDATE webhook_deliveries \
            SET attempts = attempts + 1, next_at = $2, updated_at = $1 \
            WHERE id IN (SELECT id FROM webhook_deliveries \
                WHERE state = 'pending' AND next_at <= $1 ORDER BY next_at, id LIMIT $3{skip}) \
            RETURNING id";
        const DETAILS: &str = "SELECT d.id, d.attempts, w.url, w.format, w.secret, \
                w.secret_key_id, e.id AS event_id, e.kind, e.subject, e.actor_id, e.payload, e.at \
            FROM webhook_deliveries d JOIN webhooks w ON w.id = d.webhook_id \
            JOIN events e ON e.id = d.event_id WHERE d.id = $1";
        let claim = CLAIM.replace("{skip}", self.skip_locked());
        let ids: Vec<i64> = on_backend!(self, |pool| sqlx::query_scalar(&claim)
            .bind(now)
            .bind(lease_until)
            .bind(limit)
            .fetch_all(pool)
            .await)?;
        let mut due = Vec::with_capacity(ids.len());
        for id in ids {
            let found: Option<DueDelivery> = on_backend!(self, |pool| sqlx::query_as(DETAILS)
                .bind(id)
                .fetch_optional(pool)
                .await)?;
            due.extend(found);
        }
        due.sort_by_key(|d| d.id);
        Ok(due)
    }

    /// Records how attempt `attempts` of delivery `id` ended; an attempt that an
    /// administrator's retry or a later claim has overtaken changes nothing.
    pub async fn record_attempt(
        &self,
        id: i64,
        attempts: i64,
        attempt: &Attempt,
        at: DateTime<Utc>,
    ) -> Result<(), DbError> {
        const SQL: &str = "UPDATE webhook_deliveries SET state = $1, last_status = $2, \
            last_error = $3, next_at = $4, updated_at = $5 \
            WHERE id = $6 AND attempts = $7 AND state = 'pending'";
        on_backend!(self, |pool| sqlx::query(SQL)
            .bind(attempt.state.as_str())
            .bind(attempt.status)
            .bind(&attempt.error)
            .bind(attempt.next_at)
            .bind(at)
            .bind(id)
            .bind(attempts)
            .execute(pool)
            .await
            .map(drop))
    }
}

impl Tx {
    pub async fn insert_webhook(
        &mut self,
        url: &str,
        kinds: &str,
        format: &str,
        secret: &Sealed,
        at: DateTime<Utc>,
    ) -> Result<i64, DbError> {
        const SQL: &str = "INSERT INTO webhooks (url, kinds, format, secret, secret_key_id, \
            created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(url)
            .bind(kinds)
            .bind(format)
            .bind(&secret.ciphertext)
            .bind(&secret.key_id)
            .bind(at)
            .fetch_one(conn)
            .await)
    }

    /// Deletes webhook `id` and its deliveries; whether it existed.
    pub async fn delete_webhook(&mut self, id: i64) -> Result<bool, DbError> {
        const SQL: &str = "DELETE FROM webhooks WHERE id = $1";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected() == 1))
    }

    /// The webhooks that want events of `kind` (their `kinds` list names it).
    pub async fn webhooks_for(&mut self, kind: &str) -> Result<Vec<i64>, DbError> {
        const SQL: &str =
            "SELECT id FROM webhooks WHERE ',' || kinds || ',' LIKE '%,' || $1 || ',%' ORDER BY id";
        on_tx!(self, |conn| sqlx::query_scalar(SQL)
            .bind(kind)
            .fetch_all(conn)
            .await)
    }

    pub async fn add_delivery(
        &mut self,
        webhook_id: i64,
        event_id: i64,
        at: DateTime<Utc>,
    ) -> Result<(), DbError> {
        const SQL: &str = "INSERT INTO webhook_deliveries \
            (webhook_id, event_id, state, next_at, updated_at) VALUES ($1, $2, 'pending', $3, $3) \
            ON CONFLICT (webhook_id, event_id) DO NOTHING";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(webhook_id)
            .bind(event_id)
            .bind(at)
            .execute(conn)
            .await
            .map(drop))
    }

    /// Makes failed delivery `id` of webhook `webhook_id` due again with fresh attempts;
    /// whether there was such a failed delivery.
    pub async fn retry_delivery(
        &mut self,
        webhook_id: i64,
        id: i64,
        at: DateTime<Utc>,
    ) -> Result<bool, DbError> {
        const SQL: &str = "UPDATE webhook_deliveries SET state = 'pending', attempts = 0, \
            next_at = $1, updated_at = $1 WHERE id = $2 AND webhook_id = $3 AND state = 'failed'";
        on_tx!(self, |conn| sqlx::query(SQL)
            .bind(at)
            .bind(id)
            .bind(webhook_id)
            .execute(conn)
            .await
            .map(|done| done.rows_affected() == 1))
    }
}

//! Administrators' webhooks: list, add (the signing secret is made here and shown once),
//! remove, read a webhook's delivery log and retry a failed delivery. Each use case asks
//! the policy first (`ManageSettings`) and audits what it changes.

use super::target;
use crate::{
    error::{AppError, FieldError},
    model::{
        CreatedWebhook, DeliveryState, EventKind, NewWebhook, Webhook, WebhookDelivery,
        WebhookFormat, WebhookLog,
    },
    server::{
        actor::Actor,
        audit::Event,
        db::{DeliveryRow, WEBHOOK_SECRET, WebhookRow, display_time, now},
        errors::internal,
        policy::Action,
        state::AppState,
        tokens::new_prefixed_token,
        transaction,
    },
};
use serde_json::json;

/// Deliveries the log shows per webhook, newest first.
pub const LOG_LENGTH: i64 = 50;

pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<Webhook>, AppError> {
    actor.require(Action::ManageSettings)?;
    let rows = state.db.webhooks().await.map_err(internal)?;
    Ok(rows.into_iter().map(webhook_of).collect())
}

/// Adds a webhook; its secret is in the answer, and nowhere else ever again.
pub async fn create(
    state: &AppState,
    actor: &Actor,
    new: &NewWebhook,
) -> Result<CreatedWebhook, AppError> {
    actor.require(Action::ManageSettings)?;
    let checked = new.check()?;
    let allow_private = state.config.settings.webhook_allow_private_targets;
    let url =
        target::check_url(&checked.url, allow_private).map_err(|refused| AppError::Invalid {
            fields: vec![FieldError {
                field: "url".into(),
                message: refused.message(),
            }],
        })?;
    // 256 random bits after `whsec_`, so that a leaked one is recognisable.
    let (secret, _) = new_prefixed_token("whsec_");
    let sealed = state.keyring.seal(WEBHOOK_SECRET, &secret);
    let kinds: Vec<&str> = checked.kinds.iter().map(|k| k.as_str()).collect();
    let kinds = kinds.join(",");
    let format = checked.format.as_str();
    let at = now();
    let id = transaction::run(&state.db, async |tx| {
        let id = tx
            .insert_webhook(url.as_str(), &kinds, format, &sealed, at)
            .await?;
        let event = Event::new("webhook.created")
            .by(actor.id())
            .on(format!("webhook:{id}"))
            .with(json!({
                "host": url.host_str(), "events": kinds, "format": format,
            }));
        tx.audit(&actor.origin, event).await?;
        Ok(id)
    })
    .await?;
    let webhook = state
        .db
        .webhook(id)
        .await
        .map_err(internal)?
        .map(webhook_of)
        .ok_or(AppError::Conflict)?;
    Ok(CreatedWebhook { webhook, secret })
}

pub async fn delete(state: &AppState, actor: &Actor, id: i64) -> Result<(), AppError> {
    actor.require(Action::ManageSettings)?;
    transaction::run(&state.db, async |tx| {
        if !tx.delete_webhook(id).await? {
            return Err(AppError::NotFound.into());
        }
        let event = Event::new("webhook.deleted")
            .by(actor.id())
            .on(format!("webhook:{id}"));
        tx.audit(&actor.origin, event).await?;
        Ok(())
    })
    .await
}

/// Webhook `id` and its newest deliveries.
pub async fn deliveries(state: &AppState, actor: &Actor, id: i64) -> Result<WebhookLog, AppError> {
    actor.require(Action::ManageSettings)?;
    let webhook = state
        .db
        .webhook(id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let rows = state
        .db
        .deliveries_of(id, LOG_LENGTH)
        .await
        .map_err(internal)?;
    Ok(WebhookLog {
        webhook: webhook_of(webhook),
        deliveries: rows.into_iter().filter_map(delivery_of).collect(),
    })
}

/// Makes failed delivery `delivery_id` of webhook `id` due now, with its attempts afresh.
pub async fn retry(
    state: &AppState,
    actor: &Actor,
    id: i64,
    delivery_id: i64,
) -> Result<(), AppError> {
    actor.require(Action::ManageSettings)?;
    let at = now();
    transaction::run(&state.db, async |tx| {
        if !tx.retry_delivery(id, delivery_id, at).await? {
            return Err(AppError::Refused {
                reason: crate::i18n::t("server-webhook-retry-not-failed"),
            }
            .into());
        }
        let event = Event::new("webhook.delivery_retried")
            .by(actor.id())
            .on(format!("webhook:{id}"))
            .with(json!({ "delivery": delivery_id }));
        tx.audit(&actor.origin, event).await?;
        Ok(())
    })
    .await
}

fn webhook_of(row: WebhookRow) -> Webhook {
    Webhook {
        id: row.id,
        url: row.url,
        events: row.kinds.split(',').filter_map(EventKind::parse).collect(),
        format: WebhookFormat::parse(&row.format).unwrap_or_default(),
        created_at: display_time(row.created_at),
        failed: row.failed,
        pending: row.pending,
    }
}

fn delivery_of(row: DeliveryRow) -> Option<WebhookDelivery> {
    Some(WebhookDelivery {
        id: row.id,
        event_id: row.event_id,
        event: EventKind::parse(&row.kind)?,
        state: DeliveryState::parse(&row.state)?,
        attempts: row.attempts,
        last_status: row.last_status,
        last_error: row.last_error,
        next_at: display_time(row.next_at),
        updated_at: display_time(row.updated_at),
    })
}

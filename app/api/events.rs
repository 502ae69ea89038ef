//! Webhooks (administrators), one's notifications and how one hears of them, and the link
//! in a mail that stops mails of its topic. Each function calls one use case of
//! `server::events`.

use crate::{
    error::AppError,
    model::{CreatedWebhook, MailLink, NotificationSettings, Notifications, Webhook, WebhookLog},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    model::NewWebhook,
    server::{
        auth::{request_origin, signed_in},
        errors::is_plain_form_post,
        events::{inbox, settings, webhooks},
        shown_once,
        state::app_state,
    },
};

#[server(endpoint = "webhooks/list")]
pub async fn webhooks() -> Result<Vec<Webhook>, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    webhooks::list(&state, &actor).await
}

/// Adds a webhook; the answer holds its signing secret, shown only now. The event boxes
/// arrive as `events[i]`, one per ticked kind.
#[server(endpoint = "webhooks/create")]
pub async fn create_webhook(
    url: String,
    #[server(default)] events: Vec<String>,
    #[server(default)] format: String,
) -> Result<CreatedWebhook, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let new = NewWebhook {
        url,
        events,
        format,
    };
    let created = webhooks::create(&state, &actor, &new).await?;
    // Without JavaScript the page after the redirect shows the secret.
    if is_plain_form_post() {
        shown_once::keep(&state.keyring, &created).await?;
        leptos_axum::redirect("/admin/webhooks");
    }
    Ok(created)
}

/// The webhook just made by a form sent without JavaScript, once; then nothing.
#[server(endpoint = "webhooks/just_created")]
pub async fn just_created_webhook() -> Result<Option<CreatedWebhook>, AppError> {
    let state = app_state()?;
    signed_in(&state).await?;
    shown_once::take(&state.keyring).await
}

#[server(endpoint = "webhooks/delete")]
pub async fn delete_webhook(id: i64) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    webhooks::delete(&state, &actor, id).await
}

#[server(endpoint = "webhooks/deliveries")]
pub async fn webhook_deliveries(id: i64) -> Result<WebhookLog, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    webhooks::deliveries(&state, &actor, id).await
}

#[server(endpoint = "webhooks/retry")]
pub async fn retry_webhook_delivery(id: i64, delivery: i64) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    webhooks::retry(&state, &actor, id, delivery).await
}

#[server(endpoint = "notifications/list")]
pub async fn my_notifications() -> Result<Notifications, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    inbox::list(&state, &actor).await
}

/// Marks one notification read, or all of them when no `id` is given.
#[server(endpoint = "notifications/read")]
pub async fn mark_notifications_read(#[server(default)] id: Option<i64>) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    inbox::mark_read(&state, &actor, id).await
}

#[server(endpoint = "notifications/settings")]
pub async fn my_notification_settings() -> Result<NotificationSettings, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    settings::settings(&state, &actor).await
}

/// Saves how one hears of each topic: the boxes arrive as `email[i]` and `digest[i]`, each
/// naming a ticked topic; `digest_every` is `daily` or `weekly`.
#[server(endpoint = "notifications/save_settings")]
pub async fn save_notification_settings(
    #[server(default)] email: Vec<String>,
    #[server(default)] digest: Vec<String>,
    #[server(default)] digest_every: String,
) -> Result<NotificationSettings, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    settings::save(&state, &actor, &email, &digest, &digest_every).await
}

/// What a mail's "stop mails like this one" link stops (no sign-in: the link is the key).
#[server(endpoint = "mail_link/read")]
pub async fn read_mail_link(token: String) -> Result<MailLink, AppError> {
    let state = app_state()?;
    settings::mail_link(&state, &token).await
}

#[server(endpoint = "mail_link/stop")]
pub async fn stop_mails(token: String) -> Result<MailLink, AppError> {
    let state = app_state()?;
    settings::stop_mails(&state, &request_origin(), &token).await
}

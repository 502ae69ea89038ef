//! `/api/v1/webhooks`: administrators' webhooks, their delivery logs, and retrying a failed
//! delivery. Translations to `crate::server::events::webhooks`.

use super::{
    key::Caller,
    problem::{ApiResult, Body, PathOf},
};
use crate::{
    model::{CreatedWebhook, NewWebhook, Webhook, WebhookLog},
    server::{events::webhooks, state::AppState},
};
use axum::{
    Json,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
};

const TAG: &str = "Webhooks";

/// Every webhook, with how many of its deliveries wait or failed.
#[utoipa::path(get, path = "/webhooks", tag = TAG,
    responses((status = 200, description = "The webhooks", body = Vec<Webhook>)))]
pub async fn list(State(state): State<AppState>, caller: Caller) -> ApiResult<Json<Vec<Webhook>>> {
    Ok(Json(webhooks::list(&state, &caller).await?))
}

/// Adds a webhook. Its signing secret is in this answer only: each delivery carries
/// `X-V2mom-Signature: sha256=<hex HMAC-SHA256 of the body under the secret>`.
#[utoipa::path(post, path = "/webhooks", tag = TAG, request_body = NewWebhook,
    responses((status = 201, description = "Added, with its secret", body = CreatedWebhook)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Body(new): Body<NewWebhook>,
) -> ApiResult<Response> {
    let created = webhooks::create(&state, &caller, &new).await?;
    Ok((StatusCode::CREATED, Json(created)).into_response())
}

/// Removes a webhook and its delivery log.
#[utoipa::path(delete, path = "/webhooks/{id}", tag = TAG,
    params(("id" = i64, Path, description = "The webhook")),
    responses((status = 204, description = "Removed")))]
pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
) -> ApiResult<StatusCode> {
    webhooks::delete(&state, &caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A webhook and its newest 50 deliveries: state, attempts, the receiver's last status.
#[utoipa::path(get, path = "/webhooks/{id}/deliveries", tag = TAG,
    params(("id" = i64, Path, description = "The webhook")),
    responses((status = 200, description = "The webhook and its deliveries", body = WebhookLog)))]
pub async fn deliveries(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
) -> ApiResult<Json<WebhookLog>> {
    Ok(Json(webhooks::deliveries(&state, &caller, id).await?))
}

/// Sends a failed delivery again, with its attempts afresh (409 unless it failed).
#[utoipa::path(post, path = "/webhooks/{id}/deliveries/{delivery_id}/retry", tag = TAG,
    params(("id" = i64, Path, description = "The webhook"),
        ("delivery_id" = i64, Path, description = "One of its failed deliveries")),
    responses((status = 204, description = "Due again")))]
pub async fn retry(
    State(state): State<AppState>,
    caller: Caller,
    PathOf((id, delivery_id)): PathOf<(i64, i64)>,
) -> ApiResult<StatusCode> {
    webhooks::retry(&state, &caller, id, delivery_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

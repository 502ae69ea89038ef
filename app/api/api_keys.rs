//! API keys: one's own on the profile, everyone's for administrators. Each function calls
//! one use case of `server::api_keys`.

use crate::{
    error::AppError,
    model::{ApiKeySummary, CreatedApiKey},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    model::{Scope, parse_expiry_days},
    server::{
        api_keys::{self, NewApiKey},
        auth::signed_in,
        errors::is_plain_form_post,
        shown_once,
        state::app_state,
    },
};

#[server(endpoint = "api_keys/mine")]
pub async fn my_api_keys() -> Result<Vec<ApiKeySummary>, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    api_keys::list_mine(&state, &actor).await
}

#[server(endpoint = "api_keys/all")]
pub async fn all_api_keys() -> Result<Vec<ApiKeySummary>, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    api_keys::list_all(&state, &actor).await
}

/// Makes a key for the signed-in person; the answer holds its token, shown only now. The
/// scope checkboxes arrive as `Some(_)` when ticked; an empty expiry never expires.
#[server(endpoint = "api_keys/create")]
pub async fn create_api_key(
    name: String,
    scope_read: Option<String>,
    scope_write: Option<String>,
    scope_admin: Option<String>,
    #[server(default)] expires_days: String,
) -> Result<CreatedApiKey, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let ticked = [
        (Scope::Read, scope_read),
        (Scope::Write, scope_write),
        (Scope::Admin, scope_admin),
    ];
    let new = NewApiKey {
        name,
        scopes: ticked
            .into_iter()
            .filter_map(|(scope, box_)| box_.map(|_| scope))
            .collect(),
        expires_days: parse_expiry_days(&expires_days),
    };
    let created = api_keys::create(&state, &actor, new).await?;
    // Without JavaScript the page after the redirect shows the token.
    if is_plain_form_post() {
        shown_once::keep(&state.keyring, &created).await?;
        leptos_axum::redirect("/profile/api-keys");
    }
    Ok(created)
}

/// The key just made by a form sent without JavaScript, once; then nothing.
#[server(endpoint = "api_keys/just_created")]
pub async fn just_created_api_key() -> Result<Option<CreatedApiKey>, AppError> {
    let state = app_state()?;
    signed_in(&state).await?;
    shown_once::take(&state.keyring).await
}

/// Revokes one's own key, or anyone's for an administrator. Without JavaScript the browser
/// goes back to the page the form was on.
#[server(endpoint = "api_keys/revoke")]
pub async fn revoke_api_key(id: i64) -> Result<ApiKeySummary, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    api_keys::revoke(&state, &actor, id).await
}

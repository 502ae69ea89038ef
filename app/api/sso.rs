//! Single sign-on: the providers on the sign-in page, their administration, and the
//! identities linked to one's own account. The rules are in `server::sso` and
//! `server::accounts`; the flow itself is in `server::http::sso`.
// The admin forms' server functions take one argument per field. server_fn_macro 0.8 drops
// their `allow` from the browser's stub, so the browser build needs it here.
#![cfg_attr(feature = "hydrate", allow(clippy::too_many_arguments))]

#[cfg(feature = "ssr")]
use crate::model::sso::ProviderForm;
pub use crate::model::sso::{SignInChoices, SignInMethods};
use crate::{error::AppError, model::sso::ProviderSummary};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{
    accounts,
    auth::{signed_in, this_session},
    sso::{self, ProviderEdit},
    state::app_state,
};

/// What the sign-in and invitation pages offer.
#[server(endpoint = "sign_in/options")]
pub async fn sign_in_options() -> Result<SignInChoices, AppError> {
    accounts::sign_in_choices(&app_state()?).await
}

/// Every provider, for the administrators' page; never a client secret.
#[server(endpoint = "admin/sso")]
pub async fn sso_providers() -> Result<Vec<ProviderSummary>, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    sso::providers(&state, &actor).await
}

/// Adds a provider; its client secret is stored encrypted and never shown again.
/// Checkboxes arrive as `Some(_)` when ticked, as plain forms send them.
#[server(endpoint = "admin/sso/add")]
#[allow(clippy::too_many_arguments)]
pub async fn add_sso_provider(
    kind: String,
    name: String,
    slug: String,
    issuer_url: String,
    client_id: String,
    client_secret: String,
    link_verified_emails: Option<String>,
    allowed_domains: String,
) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let form = ProviderForm {
        kind,
        name,
        slug,
        issuer_url,
        client_id,
        client_secret,
        enabled: true,
        link_verified_emails: link_verified_emails.is_some(),
        allowed_domains,
    };
    sso::add_provider(&state, &actor, form).await?;
    leptos_axum::redirect("/admin/sso");
    Ok(())
}

/// Changes a provider added here (configured ones are changed in the configuration). An
/// empty client secret keeps the stored one.
#[server(endpoint = "admin/sso/change")]
#[allow(clippy::too_many_arguments)]
pub async fn change_sso_provider(
    id: i64,
    name: String,
    issuer_url: String,
    client_id: String,
    client_secret: String,
    enabled: Option<String>,
    link_verified_emails: Option<String>,
    allowed_domains: String,
) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let edit = ProviderEdit {
        name: &name,
        issuer_url: &issuer_url,
        client_id: &client_id,
        client_secret: &client_secret,
        enabled: enabled.is_some(),
        link_verified_emails: link_verified_emails.is_some(),
        allowed_domains: &allowed_domains,
    };
    sso::change_provider(&state, &actor, id, edit).await?;
    leptos_axum::redirect("/admin/sso");
    Ok(())
}

#[server(endpoint = "profile/sign_in_methods")]
pub async fn my_sign_in_methods() -> Result<SignInMethods, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    sso::sign_in_methods(&state, &actor).await
}

/// Removes one of your linked identities, after you confirm it is you. The last way to sign
/// in cannot be removed.
#[server(endpoint = "profile/unlink")]
pub async fn unlink_identity(id: i64, password: String) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    sso::unlink(&state, &actor, &this_session().await?, id, &password).await?;
    leptos_axum::redirect("/profile");
    Ok(())
}

//! Your own account: password and sessions. The rules are in `server::accounts`.

use crate::{error::AppError, model::SessionInfo};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{
    accounts,
    auth::{current_actor, sign_out, signed_in, this_session},
    state::app_state,
};

#[server(endpoint = "profile/sessions")]
pub async fn my_sessions() -> Result<Vec<SessionInfo>, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    accounts::sessions(&state, &actor, &this_session().await?).await
}

/// Ends one of your sessions, named by its handle.
#[server(endpoint = "profile/sessions/end")]
pub async fn end_my_session(handle: String) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    accounts::end_session(&state, &actor, &handle).await
}

/// Signs you out on every device, this one included.
#[server(endpoint = "profile/sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    accounts::end_all_sessions(&state, &actor).await?;
    sign_out(&state).await?;
    leptos_axum::redirect("/login");
    Ok(())
}

/// Needs the current password (or a recent sign-in); signs out every other session.
#[server(endpoint = "profile/password")]
pub async fn change_password(current_password: String, password: String) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let this = this_session().await?;
    accounts::change_password(&state, &actor, &this, &current_password, &password).await
}

/// How strong `password` is under the policy, for the meter beside a new-password field.
/// `name` and `email` are those typed on the same form; when they are empty, the signed-in
/// person's own count. Nothing is stored or logged.
#[server(endpoint = "password/strength")]
pub async fn password_strength(
    password: String,
    #[server(default)] name: String,
    #[server(default)] email: String,
) -> Result<crate::model::PasswordStrength, AppError> {
    let state = app_state()?;
    let actor = current_actor(&state).await?;
    accounts::password_strength(actor.as_ref(), &password, &name, &email)
}

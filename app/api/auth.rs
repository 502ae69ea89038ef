//! Signing in and out. Checking the password is `server::accounts`; the session is here.

use crate::{error::AppError, model::CurrentUser};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{
    accounts,
    auth::{
        FirstFactor, current_actor, first_factor_passed, request_origin, safe_next,
        second_step_page, sign_out,
    },
    policy::{Action, authorize},
    state::app_state,
};

/// The signed-in user, or `None`.
#[server(endpoint = "me")]
pub async fn who_am_i() -> Result<Option<CurrentUser>, AppError> {
    let state = app_state()?;
    accounts::who_am_i(&state, current_actor(&state).await?.as_ref()).await
}

/// Checks the password and signs in under a new session id, then goes to `next` when that
/// is a path on this site; someone with a second factor goes to its step first.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    let state = app_state()?;
    let user =
        accounts::sign_in_with_password(&state, &request_origin(), &email, &password).await?;
    let next = safe_next(next.as_deref());
    match first_factor_passed(&state, &user, "password").await? {
        FirstFactor::SignedIn => leptos_axum::redirect(&next),
        FirstFactor::SecondStepNeeded => leptos_axum::redirect(&second_step_page(&next)),
    }
    Ok(())
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    authorize(None, Action::SignOut)?;
    let state = app_state()?;
    sign_out(&state).await?;
    leptos_axum::redirect("/login");
    Ok(())
}

//! First run: name the organisation and create the first administrator. The rules are in
//! `server::accounts`.

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{
    accounts::{self, FirstAdmin},
    auth::{request_origin, sign_in},
    state::app_state,
};

/// Whether the instance still waits for its first administrator.
#[server(endpoint = "setup_needed")]
pub async fn setup_needed() -> Result<bool, AppError> {
    accounts::setup_needed(&app_state()?).await
}

/// Creates the organisation and its first administrator, then signs them in. Happens once:
/// afterwards (or for the loser of two racing requests) it answers 404.
#[server(endpoint = "setup")]
pub async fn complete_setup(
    organisation: String,
    name: String,
    email: String,
    password: String,
) -> Result<(), AppError> {
    let state = app_state()?;
    let form = FirstAdmin {
        organisation: &organisation,
        name: &name,
        email: &email,
        password: &password,
    };
    let admin = accounts::set_up(&state, &request_origin(), form).await?;
    sign_in(&state, &admin, "setup").await?;
    leptos_axum::redirect("/");
    Ok(())
}

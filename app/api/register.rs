//! Open self-registration, when `open_registration` is on. The rules are in
//! `server::accounts`.

use crate::error::AppError;
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{
    accounts::{self, NewAccount},
    auth::{request_origin, sign_in},
    state::app_state,
};

/// Whether `/register` is open, for the sign-in page's link.
#[server(endpoint = "registration_open")]
pub async fn registration_open() -> Result<bool, AppError> {
    accounts::registration_open(&app_state()?)
}

/// Creates the account and signs the person in.
#[server(endpoint = "register")]
pub async fn register(name: String, email: String, password: String) -> Result<(), AppError> {
    let state = app_state()?;
    let form = NewAccount {
        name: &name,
        email: &email,
        password: &password,
    };
    let user = accounts::register(&state, &request_origin(), form).await?;
    sign_in(&state, &user, "registration").await?;
    leptos_axum::redirect("/");
    Ok(())
}

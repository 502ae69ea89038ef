//! What every handler and server function can reach.

use super::{config::Config, db::Db, keyring::Keyring, password::Passwords, sso_client::SsoClient};
use crate::error::AppError;
use axum::extract::FromRef;
use leptos::prelude::{LeptosOptions, use_context};
use std::sync::Arc;

#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub config: Arc<Config>,
    pub passwords: Passwords,
    /// Opens and seals secrets at rest (provider client secrets).
    pub keyring: Keyring,
    /// Talks to single sign-on providers; caches their keys.
    pub sso: Arc<SsoClient>,
}

/// The state inside a server function; provided by the router for every request.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>()
        .ok_or_else(|| super::errors::internal("AppState missing from context"))
}

//! What every handler and server function can reach.

use super::{config::Config, db::Db, password::Passwords};
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
}

/// The state inside a server function; provided by the router for every request.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>()
        .ok_or_else(|| super::errors::internal("AppState missing from context"))
}

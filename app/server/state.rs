//! What every handler and server function can reach.

use super::{config::Config, db::Db, keyring::Keyring, password::Passwords, sso_client::SsoClient};
use crate::error::AppError;
use axum::extract::FromRef;
use leptos::prelude::{LeptosOptions, use_context};
use std::sync::{
    Arc,
    atomic::{AtomicBool, Ordering},
};

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
    pub stopping: Stopping,
}

/// Set once the process has been told to stop: from then on `/readyz` answers 503, so a
/// load balancer sends new requests elsewhere while this process still serves.
#[derive(Clone, Default)]
pub struct Stopping(Arc<AtomicBool>);

impl Stopping {
    pub fn is_set(&self) -> bool {
        self.0.load(Ordering::Relaxed)
    }

    /// Marks the process as stopping, then keeps serving for `drain` (the time a balancer's
    /// health check needs to notice) before the caller stops accepting connections.
    pub async fn drain(&self, drain: std::time::Duration) {
        self.0.store(true, Ordering::Relaxed);
        if !drain.is_zero() {
            tracing::info!(
                seconds = drain.as_secs(),
                "stopping: /readyz answers 503 while the balancer takes this process out"
            );
            tokio::time::sleep(drain).await;
        }
    }
}

/// The state inside a server function; provided by the router for every request.
pub fn app_state() -> Result<AppState, AppError> {
    use_context::<AppState>()
        .ok_or_else(|| super::errors::internal("AppState missing from context"))
}

//! What every handler and server function can reach.

use super::{config::Config, db::Db, keyring::Keyring, password::Passwords, sso_client::SsoClient};
use crate::error::AppError;
use axum::extract::FromRef;
use leptos::prelude::{LeptosOptions, use_context};
use std::sync::Arc;
use tokio::sync::watch;

/// The process's services, shared by every request: cloning it (each layer, extractor and
/// server function's context does) is one reference count.
#[derive(Clone)]
pub struct AppState(Arc<Services>);

pub struct Services {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    pub config: Arc<Config>,
    pub passwords: Passwords,
    /// Opens and seals secrets at rest (provider client secrets).
    pub keyring: Keyring,
    /// Talks to single sign-on providers; caches their keys.
    pub sso: Arc<SsoClient>,
    pub stopping: Stopping,
    /// Carries committed events to the live pages of this process (`server::live`).
    pub live: super::live::Hub,
    /// The browser bundle's page groups and their loader (`http::split`).
    pub split: super::http::split::SplitBundle,
}

impl AppState {
    pub fn new(services: Services) -> Self {
        AppState(Arc::new(services))
    }
}

impl std::ops::Deref for AppState {
    type Target = Services;

    fn deref(&self) -> &Services {
        &self.0
    }
}

/// The parts handlers extract on their own (`State<Db>`, …), and leptos_axum its options.
macro_rules! from_state {
    ($($field:ident: $type:ty),*) => {$(
        impl FromRef<AppState> for $type {
            fn from_ref(state: &AppState) -> $type {
                state.$field.clone()
            }
        }
    )*};
}
from_state!(leptos_options: LeptosOptions, db: Db, stopping: Stopping);

/// Set once the process has been told to stop: from then on `/readyz` answers 503, so a
/// load balancer sends new requests elsewhere while this process still serves, and live
/// streams end so their browsers reconnect to another process.
#[derive(Clone)]
pub struct Stopping(Arc<watch::Sender<bool>>);

impl Default for Stopping {
    fn default() -> Self {
        Stopping(Arc::new(watch::Sender::new(false)))
    }
}

impl Stopping {
    pub fn is_set(&self) -> bool {
        *self.0.borrow()
    }

    /// Resolves once the process is stopping.
    pub async fn wait(&self) {
        let mut stopping = self.0.subscribe();
        // The sender lives as long as `self`, so this only returns once it is set.
        let _ = stopping.wait_for(|set| *set).await;
    }

    /// Marks the process as stopping, then keeps serving for `drain` (the time a balancer's
    /// health check needs to notice) before the caller stops accepting connections.
    pub async fn drain(&self, drain: std::time::Duration) {
        self.0.send_replace(true);
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

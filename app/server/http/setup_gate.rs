//! Until the first administrator exists, every page leads to `/setup`.

use crate::server::db::Db;
use axum::{
    extract::{Request, State},
    middleware::Next,
    response::{IntoResponse, Redirect, Response},
};
use http::Method;
use std::sync::{
    Arc,
    atomic::{AtomicBool, Ordering},
};

pub struct SetupGate {
    db: Db,
    /// Users are never deleted, so once set up, always set up: stop asking the database.
    done: AtomicBool,
}

impl SetupGate {
    pub fn new(db: Db) -> Self {
        SetupGate {
            db,
            done: AtomicBool::new(false),
        }
    }

    async fn is_done(&self) -> bool {
        if self.done.load(Ordering::Relaxed) {
            return true;
        }
        // If the database cannot answer, let the request through: the page reports the error.
        let done = self.db.any_user_exists().await.unwrap_or(true);
        if done {
            self.done.store(true, Ordering::Relaxed);
        }
        done
    }
}

/// Pages, not files, probes, server functions or the setup page itself.
fn is_page(path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or_default().contains('.');
    !file
        && path != "/setup"
        && !path.starts_with("/api/")
        && !path.starts_with("/pkg/")
        && !matches!(path, "/healthz" | "/readyz")
}

pub async fn redirect_until_set_up(
    State(gate): State<Arc<SetupGate>>,
    req: Request,
    next: Next,
) -> Response {
    if req.method() == Method::GET && is_page(req.uri().path()) && !gate.is_done().await {
        return Redirect::to("/setup").into_response();
    }
    next.run(req).await
}

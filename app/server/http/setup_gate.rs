//! Until the first administrator exists, every page leads to `/setup`.

use crate::{
    error::AppError,
    server::{db::Db, errors::internal},
};
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

    /// Asks the database until the answer is yes. A failed question is not an answer: it
    /// is not kept, and the request gets the error (503 while the database is away).
    async fn is_done(&self) -> Result<bool, AppError> {
        if self.done.load(Ordering::Relaxed) {
            return Ok(true);
        }
        let done = self.db.any_user_exists().await.map_err(internal)?;
        if done {
            self.done.store(true, Ordering::Relaxed);
        }
        Ok(done)
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
    if req.method() == Method::GET && is_page(req.uri().path()) {
        match gate.is_done().await {
            Ok(true) => {}
            Ok(false) => return Redirect::to("/setup").into_response(),
            Err(error) => return error.into_response(),
        }
    }
    next.run(req).await
}

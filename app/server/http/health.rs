//! Probes for load balancers and orchestrators.

use crate::server::db::Db;
use axum::{Json, extract::State, http::StatusCode, response::IntoResponse};

/// The process is alive and answering.
pub async fn healthz() -> &'static str {
    "ok"
}

/// The database answers and its schema is the one this build expects; else 503.
pub async fn readyz(State(db): State<Db>) -> impl IntoResponse {
    let readiness = db.readiness().await;
    let status = if readiness.is_ready() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(readiness))
}

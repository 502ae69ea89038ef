//! Probes for load balancers and orchestrators.

use crate::server::{db::Db, state::Stopping};
use axum::{Json, extract::State, http::StatusCode, response::IntoResponse};
use serde_json::json;

/// The process is alive and answering.
pub async fn healthz() -> &'static str {
    "ok"
}

/// The database answers and its schema is the one this build expects, and the process is
/// not stopping; else 503.
pub async fn readyz(
    State(db): State<Db>,
    State(stopping): State<Stopping>,
) -> axum::response::Response {
    if stopping.is_set() {
        let body = Json(json!({ "stopping": true }));
        return (StatusCode::SERVICE_UNAVAILABLE, body).into_response();
    }
    let readiness = db.readiness().await;
    let status = if readiness.is_ready() {
        StatusCode::OK
    } else {
        StatusCode::SERVICE_UNAVAILABLE
    };
    (status, Json(readiness)).into_response()
}

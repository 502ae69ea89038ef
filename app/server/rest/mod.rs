//! The public REST API, `/api/v1`: JSON over the same use cases the pages call
//! (`crate::server::v2moms`, `alignment`, `users`, `periods`), for scripts and other
//! services. Callers authenticate with a bearer API key on every request; there is no
//! session and no cookie here. utoipa builds the OpenAPI 3.1 document from the handlers
//! and their types (utoipa-axum registers each handler once, for routing and for the
//! document), so the document cannot drift from what is served.

mod alignment;
mod checkins;
mod docs;
mod exports;
mod key;
mod live;
mod openapi;
mod people;
mod precondition;
mod problem;
mod tracking;
mod v2moms;
mod webhooks;

pub use key::Limits;
pub use openapi::document;
pub use problem::{ApiError, Problem};

use crate::{error::AppError, server::state::AppState};
use axum::{
    Json, Router, middleware,
    response::{IntoResponse, Response},
    routing::get,
};
use http::StatusCode;

/// Where the API is served; anything under it is the API's (CSRF checks skip it).
pub const PREFIX: &str = "/api/v1/";

/// The API's routes, to nest at `/api/v1`.
pub fn router(state: AppState, limits: Limits) -> Router {
    let (authenticated, _) = openapi::routes().split_for_parts();
    let authenticated = authenticated.route_layer(middleware::from_fn_with_state(
        (state.clone(), limits),
        key::authenticate,
    ));
    Router::new()
        .route("/openapi.json", get(|| async { Json(document()) }))
        .route("/docs", get(docs::page))
        .merge(authenticated)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

async fn not_found() -> Response {
    ApiError::from(AppError::NotFound).into_response()
}

async fn method_not_allowed() -> Response {
    ApiError::with_status(AppError::BadRequest, StatusCode::METHOD_NOT_ALLOWED).into_response()
}

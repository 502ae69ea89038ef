//! A panic in a handler becomes a generic 500 carrying the request id, never a dropped
//! connection or a message from inside the server.

use crate::{error::AppError, server::errors::request_id_of};
use axum::{
    extract::Request,
    middleware::Next,
    response::{IntoResponse, Response},
};
use futures_util::FutureExt;
use std::panic::AssertUnwindSafe;

pub async fn catch(req: Request, next: Next) -> Response {
    let request_id = request_id_of(req.headers()).unwrap_or_else(|| "none".into());
    match AssertUnwindSafe(next.run(req)).catch_unwind().await {
        Ok(response) => response,
        Err(payload) => {
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            tracing::error!(%request_id, panic = %message, "handler panicked");
            AppError::Internal { request_id }.into_response()
        }
    }
}

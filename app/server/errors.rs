//! Server side of [`AppError`]: logging internal causes, HTTP statuses, plain responses.

use crate::error::AppError;
use axum::{
    Json,
    response::{IntoResponse, Response},
};
use http::{HeaderValue, StatusCode, header::RETRY_AFTER, request::Parts};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

pub const REQUEST_ID_HEADER: &str = "x-request-id";

/// Logs an internal failure with the request id and returns the generic error the client
/// sees. Use it wherever a database, I/O or other internal error would otherwise escape.
pub fn internal(cause: impl std::fmt::Display) -> AppError {
    let request_id = current_request_id().unwrap_or_else(|| "none".into());
    tracing::error!(%request_id, error = %cause, "internal error");
    AppError::Internal { request_id }
}

tokio::task_local! {
    static SERVING: String;
}

/// Runs `serving` with `request_id` as the id [`internal`] reports, for code without the
/// request at hand (plain axum handlers). The request-id layer wraps every request in it.
pub async fn with_request_id<F: std::future::Future>(request_id: String, serving: F) -> F::Output {
    SERVING.scope(request_id, serving).await
}

/// The id of the request being served: from the Leptos request scope, or else the one
/// [`with_request_id`] keeps for this task.
pub fn current_request_id() -> Option<String> {
    use_context::<Parts>()
        .and_then(|parts| request_id_of(&parts.headers))
        .or_else(|| SERVING.try_with(String::clone).ok())
}

pub fn request_id_of(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get(REQUEST_ID_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

/// Sets the HTTP status (and Retry-After) of the Leptos response being built. A plain
/// HTML form post (no JavaScript yet) is left alone: Leptos answers it by redirecting back
/// to the form, which an error status would replace with a bare JSON page.
pub fn set_response_status(error: &AppError) {
    let Some(response) = use_context::<ResponseOptions>() else {
        return;
    };
    if is_plain_form_post() {
        return;
    }
    response.set_status(status_of(error));
    if let AppError::TooManyRequests { retry_after_secs } = error {
        response.insert_header(RETRY_AFTER, HeaderValue::from(*retry_after_secs));
    }
}

/// Whether this request is a browser's own form post (no JavaScript): the answer should
/// then be a page (a redirect), not data.
pub fn is_plain_form_post() -> bool {
    use_context::<Parts>().is_some_and(|parts| {
        parts.method == http::Method::POST
            && parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|accept| accept.contains("text/html"))
    })
}

fn status_of(error: &AppError) -> StatusCode {
    StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// Plain axum handlers and middleware answer with the same JSON body server functions use,
/// plus a human-readable `message`.
impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let mut body = serde_json::to_value(&self).unwrap_or_default();
        body["message"] = self.to_string().into();
        let mut response = (status_of(&self), Json(body)).into_response();
        if let AppError::TooManyRequests { retry_after_secs } = self {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(retry_after_secs));
        }
        response
    }
}

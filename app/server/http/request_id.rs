//! Every request gets an id: the caller's `x-request-id` when it is usable, else a new UUID.
//! It is returned in the response and carried by the span every log line is written in.

use crate::server::{
    auth::RequestUser,
    errors::{REQUEST_ID_HEADER, request_id_of},
    serving::{self, Serving},
};
use axum::{extract::Request, middleware::Next, response::Response};
use http::{HeaderValue, StatusCode};
use std::time::Duration;
use tower_http::{
    classify::{ServerErrorsAsFailures, ServerErrorsFailureClass, SharedClassifier},
    request_id::{MakeRequestId, RequestId},
    trace::{DefaultOnBodyChunk, DefaultOnEos, DefaultOnRequest, TraceLayer},
};
use tracing::Span;

/// Keeps what is known about the request ([`Serving`]: its id, later whom it is for) where
/// code without the request at hand can find it, for as long as the request is being served;
/// and a place for its signed-in user, worked out once ([`RequestUser`]).
pub async fn remember(mut req: Request, next: Next) -> Response {
    let notes = Serving::new(request_id_of(req.headers()).unwrap_or_default());
    req.extensions_mut().insert(notes.clone());
    req.extensions_mut().insert(RequestUser::default());
    serving::scope(notes, next.run(req)).await
}

/// Longest caller-supplied id we keep; anything longer or odder is replaced.
const MAX_ID_LEN: usize = 64;

/// Removes an incoming id that could pollute logs, so a fresh one is made instead.
pub async fn drop_unusable(mut req: Request) -> Request {
    let usable = req.headers().get(REQUEST_ID_HEADER).is_none_or(|v| {
        let bytes = v.as_bytes();
        !bytes.is_empty()
            && bytes.len() <= MAX_ID_LEN
            && bytes
                .iter()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
    });
    if !usable {
        req.headers_mut().remove(REQUEST_ID_HEADER);
    }
    req
}

#[derive(Clone, Copy)]
pub struct MakeId;

impl MakeRequestId for MakeId {
    fn make_request_id<B>(&mut self, _: &http::Request<B>) -> Option<RequestId> {
        HeaderValue::from_str(&uuid::Uuid::new_v4().to_string())
            .ok()
            .map(RequestId::new)
    }
}

type MakeSpan = fn(&Request) -> tracing::Span;
type OnFailure = fn(ServerErrorsFailureClass, Duration, &Span);

/// Opens the span every log line of a request is written in (request id, method, path; the
/// query string is left out: it may carry tokens) and logs server errors. The one line per
/// request is the access log's (`observe`), which names the route and the person.
pub fn trace_layer() -> TraceLayer<
    SharedClassifier<ServerErrorsAsFailures>,
    MakeSpan,
    DefaultOnRequest,
    (),
    DefaultOnBodyChunk,
    DefaultOnEos,
    OnFailure,
> {
    TraceLayer::new_for_http()
        .make_span_with(span as MakeSpan)
        .on_response(())
        .on_failure(on_failure as OnFailure)
}

/// A 5xx is an error in the log, except 503: the database being away or the server being
/// busy is logged once, as a warning, where it is noticed.
fn on_failure(class: ServerErrorsFailureClass, latency: Duration, _: &Span) {
    if !is_logged_where_noticed(&class) {
        tracing::error!(classification = %class, latency_ms = latency.as_millis(), "response failed");
    }
}

fn is_logged_where_noticed(class: &ServerErrorsFailureClass) -> bool {
    matches!(
        class,
        ServerErrorsFailureClass::StatusCode(StatusCode::SERVICE_UNAVAILABLE)
    )
}

fn span(req: &Request) -> tracing::Span {
    tracing::info_span!(
        "request",
        request_id = %request_id_of(req.headers()).unwrap_or_default(),
        method = %req.method(),
        path = %req.uri().path(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_503_is_left_to_the_warning_where_it_arose() {
        let status = ServerErrorsFailureClass::StatusCode;
        assert!(is_logged_where_noticed(&status(
            StatusCode::SERVICE_UNAVAILABLE
        )));
        assert!(!is_logged_where_noticed(&status(
            StatusCode::INTERNAL_SERVER_ERROR
        )));
        assert!(!is_logged_where_noticed(&status(StatusCode::BAD_GATEWAY)));
        assert!(!is_logged_where_noticed(&ServerErrorsFailureClass::Error(
            "body".into()
        )));
    }
}

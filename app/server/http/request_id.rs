//! Every request gets an id: the caller's `x-request-id` when it is usable, else a new UUID.
//! It is returned in the response and carried by the span every log line is written in.

use crate::server::errors::{REQUEST_ID_HEADER, request_id_of, with_request_id};
use axum::{extract::Request, middleware::Next, response::Response};
use http::HeaderValue;
use tower_http::{
    classify::{ServerErrorsAsFailures, SharedClassifier},
    request_id::{MakeRequestId, RequestId},
    trace::{DefaultOnResponse, TraceLayer},
};
use tracing::Level;

/// Keeps the request's id where code without the request at hand (plain axum handlers,
/// `errors::internal`) can find it, for as long as the request is being served.
pub async fn remember(req: Request, next: Next) -> Response {
    match request_id_of(req.headers()) {
        Some(id) => with_request_id(id, next.run(req)).await,
        None => next.run(req).await,
    }
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

/// Logs one line per response, inside a span naming the request id, method and path. The
/// query string is left out: it may carry tokens.
pub fn trace_layer() -> TraceLayer<SharedClassifier<ServerErrorsAsFailures>, MakeSpan> {
    TraceLayer::new_for_http()
        .make_span_with(span as MakeSpan)
        .on_response(DefaultOnResponse::new().level(Level::INFO))
}

fn span(req: &Request) -> tracing::Span {
    tracing::info_span!(
        "request",
        request_id = %request_id_of(req.headers()).unwrap_or_default(),
        method = %req.method(),
        path = %req.uri().path(),
    )
}

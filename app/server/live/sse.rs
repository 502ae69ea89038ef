//! A listener's stream as Server-Sent Events: each event's `id` is the event's (browsers
//! send it back as `Last-Event-ID` when they reconnect), its `data` the JSON of a
//! [`LiveEvent`]; a comment keeps a quiet stream open through proxies.

use crate::model::LiveEvent;
use axum::response::{
    IntoResponse, Response,
    sse::{Event, KeepAlive, Sse},
};
use futures_util::{Stream, StreamExt};
use http::{HeaderMap, HeaderValue, header};
use std::{convert::Infallible, time::Duration};

/// The answer that streams `events`, with a comment every `heartbeat`.
pub fn respond(
    events: impl Stream<Item = LiveEvent> + Send + 'static,
    heartbeat: Duration,
) -> Response {
    let events = events.map(|event| {
        let data = serde_json::to_string(&event).unwrap_or_default();
        Ok::<_, Infallible>(Event::default().id(event.id.to_string()).data(data))
    });
    let mut response = Sse::new(events)
        .keep_alive(KeepAlive::new().interval(heartbeat))
        .into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    // nginx would otherwise hold events back in its buffer.
    headers.insert("x-accel-buffering", HeaderValue::from_static("no"));
    response
}

/// The `Last-Event-ID` a reconnecting browser sends; a value that is not an id is ignored.
pub fn last_event_id(headers: &HeaderMap) -> Option<i64> {
    headers
        .get("last-event-id")?
        .to_str()
        .ok()?
        .trim()
        .parse()
        .ok()
}

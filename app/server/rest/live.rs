//! `GET /api/v1/events`: the live stream for an API key. Translation to
//! `crate::server::live`.

use super::{
    key::Caller,
    problem::{ApiResult, QueryOf},
};
use crate::{
    model::LiveEvent,
    server::{
        live::{self, Listen},
        state::AppState,
    },
};
use axum::{extract::State, response::Response};
use http::HeaderMap;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct EventParams {
    /// Only events about this V2MOM (one the key may read).
    v2mom: Option<i64>,
}

/// Server-Sent Events (`text/event-stream`): each committed event the key's user may see,
/// as it happens, until the stream ends (after five minutes, or when the server stops);
/// reconnect with `Last-Event-ID` set to the last `id` received to get what happened in
/// between. A comment line every 15 seconds keeps a quiet stream open. At most
/// `live_streams_per_person` streams per person (429 beyond).
#[utoipa::path(get, path = "/events", tag = "Events",
    params(EventParams,
        ("Last-Event-ID" = Option<i64>, Header, description = "Resume after this event")),
    responses((status = 200, description = "One `data:` line per event, with the event's \
        `id:`", body = LiveEvent, content_type = "text/event-stream")))]
pub async fn events(
    State(state): State<AppState>,
    caller: Caller,
    QueryOf(params): QueryOf<EventParams>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let ask = Listen {
        v2mom: params.v2mom,
        last_event_id: live::last_event_id(&headers),
    };
    let stream = live::listen(&state, &caller, ask).await?;
    Ok(live::respond(stream, state.config.live_heartbeat()))
}

//! `GET /events`: the live stream of the signed-in person (a V2MOM page listens with
//! `?v2mom=<id>`). The rules are in `server::live`.

use super::session_actor::SessionActor;
use crate::{
    error::AppError,
    server::{
        live::{self, Listen},
        state::AppState,
    },
};
use axum::{
    extract::{Query, State, rejection::QueryRejection},
    response::Response,
};
use http::HeaderMap;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct Params {
    v2mom: Option<String>,
}

pub async fn events(
    State(state): State<AppState>,
    SessionActor(actor): SessionActor,
    params: Result<Query<Params>, QueryRejection>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    let Query(params) = params.map_err(|_| AppError::BadRequest)?;
    let v2mom = match params.v2mom {
        Some(id) => Some(id.parse().map_err(|_| AppError::NotFound)?),
        None => None,
    };
    let ask = Listen {
        v2mom,
        last_event_id: live::last_event_id(&headers),
    };
    let stream = live::listen(&state, &actor, ask).await?;
    Ok(live::respond(stream, state.config.live_heartbeat()))
}

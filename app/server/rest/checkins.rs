//! `/api/v1/v2moms/{id}/measures/{measure_id}/check-ins`: a measure's history, and a new
//! check-in. Translations to `crate::server::checkins`.

use super::{
    key::Caller,
    problem::{ApiResult, Body, PathOf},
};
use crate::{
    model::{CheckIn, NewCheckIn},
    server::{checkins, state::AppState},
};
use axum::{
    Json,
    extract::State,
    http::StatusCode,
    response::{IntoResponse, Response},
};

const TAG: &str = "V2MOMs";

/// A measure's check-ins, oldest first.
#[utoipa::path(get, path = "/v2moms/{id}/measures/{measure_id}/check-ins", tag = TAG,
    params(("id" = i64, Path, description = "The V2MOM"),
        ("measure_id" = i64, Path, description = "One of its measures")),
    responses((status = 200, description = "Its check-ins, oldest first", body = Vec<CheckIn>)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    PathOf((id, measure_id)): PathOf<(i64, i64)>,
) -> ApiResult<Json<Vec<CheckIn>>> {
    Ok(Json(
        checkins::of_measure(&state, &caller, id, measure_id).await?,
    ))
}

/// Check in on a measure of a published V2MOM: its value now (done / not done: 1 or 0), how
/// it is going, and an optional comment. Check-ins are never changed: correct one with a new
/// one.
#[utoipa::path(post, path = "/v2moms/{id}/measures/{measure_id}/check-ins", tag = TAG,
    request_body = NewCheckIn,
    params(("id" = i64, Path, description = "The V2MOM"),
        ("measure_id" = i64, Path, description = "One of its measures")),
    responses((status = 201, description = "Recorded", body = CheckIn)))]
pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    PathOf((id, measure_id)): PathOf<(i64, i64)>,
    Body(new): Body<NewCheckIn>,
) -> ApiResult<Response> {
    let check_in = checkins::check_in(&state, &caller, id, measure_id, &new).await?;
    Ok((StatusCode::CREATED, Json(check_in)).into_response())
}

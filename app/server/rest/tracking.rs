//! `/api/v1/team/progress`: the caller's team through a period, as the team page shows it.

use super::{
    key::Caller,
    problem::{ApiResult, QueryOf},
};
use crate::{
    error::AppError,
    model::{TeamProgress, TeamSort},
    server::{state::AppState, tracking},
};
use axum::{Json, extract::State};
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct TeamProgressParams {
    /// The period (default: the current one).
    period: Option<i64>,
    /// `person` (default), `status`, `progress` or `last_check_in`; `-` first for
    /// descending. Rows without progress or check-in come last either way.
    #[param(pattern = "^(-?(person|status|progress|last_check_in))?$")]
    sort: Option<String>,
}

/// Each of the caller's direct and indirect reports with their V2MOM for the period: status,
/// progress (as `GET /v2moms/{id}` gives it), measures at risk and off track, the last
/// check-in, and a flag when a published V2MOM has no check-in yet or none for more than 14
/// days. Managers and administrators.
#[utoipa::path(get, path = "/team/progress", tag = "People", params(TeamProgressParams),
    responses((status = 200, description = "The team's progress", body = TeamProgress)))]
pub async fn team_progress(
    State(state): State<AppState>,
    caller: Caller,
    QueryOf(params): QueryOf<TeamProgressParams>,
) -> ApiResult<Json<TeamProgress>> {
    let sort = TeamSort::parse(params.sort.as_deref()).ok_or(AppError::BadRequest)?;
    Ok(Json(
        tracking::team_progress(&state, &caller, params.period, sort).await?,
    ))
}

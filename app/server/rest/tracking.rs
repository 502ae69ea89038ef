//! `/api/v1/team/progress` and `/api/v1/organisation`: a team and, for administrators, the
//! whole organisation through a period, as the team and organisation pages show them.

use super::{
    alignment::PeriodParams,
    key::Caller,
    problem::{ApiResult, QueryOf},
};
use crate::{
    model::{OrganisationOverview, TeamProgress},
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
    Ok(Json(
        tracking::team_progress(&state, &caller, params.period, params.sort.as_deref()).await?,
    ))
}

/// Each team (a manager and their direct reports) with how many members have published their
/// V2MOM for the period, who has not, and the team's mean progress; the methods of published
/// V2MOMs that align to nothing although their owner has a manager, and the methods of team
/// leads that no published V2MOM aligns to. Administrators, with an `admin` key.
#[utoipa::path(get, path = "/organisation", tag = "People", params(PeriodParams),
    responses((status = 200, description = "The organisation's overview", body = OrganisationOverview)))]
pub async fn organisation(
    State(state): State<AppState>,
    caller: Caller,
    QueryOf(params): QueryOf<PeriodParams>,
) -> ApiResult<Json<OrganisationOverview>> {
    Ok(Json(
        tracking::organisation_overview(&state, &caller, params.period).await?,
    ))
}

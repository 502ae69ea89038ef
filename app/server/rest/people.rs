//! `/api/v1/me`, `/me/export`, `/users` and `/periods`: who the caller is and all the data
//! about them, the people they may see, and the planning periods.

use super::{
    key::Caller,
    problem::{ApiResult, Body, PathOf},
};
use crate::{
    model::{ClosedPeriod, ErasedPerson, Period, Role, Scope, UserSummary},
    server::{
        accounts::{self, PersonalData},
        periods,
        state::AppState,
        users::{self, TheirV2moms},
        v2moms,
    },
};
use axum::{Json, extract::State};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// The caller: the key's user, and what the key may do.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: i64,
    pub email: String,
    pub display_name: String,
    pub role: Role,
    pub scopes: Vec<Scope>,
}

/// Who the key acts for.
#[utoipa::path(get, path = "/me", tag = "People",
    responses((status = 200, description = "The key's user and scopes", body = Me)))]
pub async fn me(caller: Caller) -> Json<Me> {
    let user = &caller.user;
    Json(Me {
        id: user.id,
        email: user.email.clone(),
        display_name: user.display_name.clone(),
        role: user.role(),
        scopes: caller.scopes.iter().collect(),
    })
}

/// Everything held about the caller (a data-protection access request): each table that
/// holds personal data with its rows about them: profile, sessions, sign-in methods, API
/// keys' metadata, invitations, failed sign-ins, the V2MOMs they own or wrote with their
/// content, revisions, amendments and check-ins, and the audit rows they made or that are
/// about them. Never a secret (password or token hashes, session ids). Needs the `admin`
/// scope, like the rest of one's own account; each export is audited.
#[utoipa::path(get, path = "/me/export", tag = "People",
    responses((status = 200, description = "The caller's personal data", body = PersonalData)))]
pub async fn export_me(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<PersonalData>> {
    Ok(Json(accounts::export_personal_data(&state, &caller).await?))
}

/// The planning periods, newest first.
#[utoipa::path(get, path = "/periods", tag = "Periods",
    responses((status = 200, description = "Every period", body = Vec<Period>)))]
pub async fn list_periods(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<Period>>> {
    Ok(Json(periods::list(&state, &caller).await?))
}

/// Close a period (administrators): every V2MOM of it not archived yet is archived at once,
/// read-only for everyone from then on; amendments in progress are dropped.
#[utoipa::path(post, path = "/periods/{id}/close", tag = "Periods",
    params(("id" = i64, Path, description = "The period")),
    responses((status = 200, description = "Closed: how many V2MOMs were archived", body = ClosedPeriod)))]
pub async fn close_period(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
) -> ApiResult<Json<ClosedPeriod>> {
    Ok(Json(v2moms::close_period(&state, &caller, id).await?))
}

/// The people the caller may see: administrators everyone; managers themselves, their team
/// and the managers above them; employees themselves and the managers above them.
#[utoipa::path(get, path = "/users", tag = "People",
    responses((status = 200, description = "The people the caller may see, by name", body = Vec<UserSummary>)))]
pub async fn list_users(
    State(state): State<AppState>,
    caller: Caller,
) -> ApiResult<Json<Vec<UserSummary>>> {
    Ok(Json(users::visible(&state, &caller).await?))
}

/// One person the caller may see.
#[utoipa::path(get, path = "/users/{id}", tag = "People",
    params(("id" = i64, Path, description = "The person")),
    responses((status = 200, description = "The person", body = UserSummary)))]
pub async fn get_user(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
) -> ApiResult<Json<UserSummary>> {
    Ok(Json(users::person(&state, &caller, id).await?))
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct Erasure {
    pub v2moms: TheirV2moms,
}

/// Erase a person (administrators, `admin` scope): a data-protection erasure request. Their
/// name, address, title and function are replaced by a tombstone ("Former employee #12");
/// their sessions, API keys, sign-in identities and invitation are removed; their V2MOMs
/// are kept under the tombstone or deleted. The request itself is the confirmation: it
/// cannot be undone. Refused (409) for oneself, the last active administrator, and someone
/// people still report to.
#[utoipa::path(post, path = "/users/{id}/erase", tag = "People", request_body = Erasure,
    params(("id" = i64, Path, description = "The person")),
    responses((status = 200, description = "Erased", body = ErasedPerson)))]
pub async fn erase_user(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
    Body(erasure): Body<Erasure>,
) -> ApiResult<Json<ErasedPerson>> {
    let choice = Some(erasure.v2moms);
    Ok(Json(users::erase(&state, &caller, id, choice, true).await?))
}

//! `/api/v1/v2moms`: list, start, read (with `ETag`), replace (with `If-Match`), move through
//! the lifecycle, and read revisions. Each handler is a translation: HTTP in, one use case in
//! `crate::server::v2moms`, HTTP out.

use super::{
    key::Caller,
    precondition::{self, ETag, IfMatch, Start},
    problem::{ApiError, ApiResult, Body, PathOf, QueryOf, invalid},
};
use crate::{
    error::AppError,
    model::{
        RevisionInfo, StartFrom, StatusChange, V2mom, V2momContent, V2momQuery, V2momStatus,
        V2momSummary,
    },
    server::{state::AppState, v2moms},
};
use axum::{
    Json,
    extract::State,
    http::{HeaderMap, StatusCode, header},
    response::{IntoResponse, Response},
};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

const TAG: &str = "V2MOMs";

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ListParams {
    /// Only V2MOMs of this period.
    period: Option<i64>,
    /// Only this person's.
    owner: Option<i64>,
    /// Only V2MOMs in this status.
    #[param(inline)]
    status: Option<V2momStatus>,
    /// Words in the title, the vision or the owner's name.
    #[param(max_length = 200)]
    q: Option<String>,
    /// How many to answer, 1 to 100 (default 25).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<u32>,
    /// `next_cursor` of the previous answer, for the ones after it.
    #[param(pattern = "^[0-9]{1,19}$")]
    cursor: Option<String>,
}

/// Some of the V2MOMs the caller may read, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct V2momItems {
    pub items: Vec<V2momSummary>,
    /// Pass it as `cursor` for the next ones; `null` when there are no more.
    pub next_cursor: Option<String>,
}

/// List the V2MOMs the caller may read.
#[utoipa::path(get, path = "/v2moms", tag = TAG, params(ListParams),
    responses((status = 200, description = "Some V2MOMs, and the cursor for more", body = V2momItems)))]
pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    QueryOf(params): QueryOf<ListParams>,
) -> ApiResult<Json<V2momItems>> {
    let limit = params.limit.unwrap_or(25);
    if !(1..=100).contains(&limit) {
        return Err(invalid("limit", "Ask for 1 to 100 at a time."));
    }
    let text = params.q.unwrap_or_default();
    let after = match params.cursor.as_deref() {
        None => None,
        Some(cursor) => Some(
            Some(cursor)
                .filter(|c| c.len() <= 19 && c.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|c| c.parse::<i64>().ok())
                .ok_or_else(|| invalid("cursor", "Pass the next_cursor of an earlier answer."))?,
        ),
    };
    let query = V2momQuery {
        owner: params.owner,
        period: params.period,
        status: params.status,
        text,
        ..Default::default()
    };
    // The page's filter field is `text`; here it is `q`.
    let listed = v2moms::list_after(&state, &caller, &query, after, limit)
        .await
        .map_err(|error| error.with_field_renamed("text", "q"))?;
    Ok(Json(V2momItems {
        items: listed.items,
        next_cursor: listed.next_after.map(|id| id.to_string()),
    }))
}

/// What a new V2MOM starts from, besides a blank page.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CopyFrom {
    /// The vision and values of the owner's manager's published V2MOM for the period.
    Manager,
    /// Everything of the owner's V2MOM of the period before.
    Previous,
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct NewV2mom {
    #[serde(deserialize_with = "crate::model::whole_number")]
    pub owner_id: i64,
    #[serde(deserialize_with = "crate::model::whole_number")]
    pub period_id: i64,
    #[serde(default)]
    pub copy_from: Option<CopyFrom>,
}

/// Start someone's V2MOM for a period (a draft).
#[utoipa::path(post, path = "/v2moms", tag = TAG, request_body = NewV2mom,
    responses(
        (status = 201, description = "Started; `Location` names it", body = V2mom,
            headers(("Location" = String, description = "The new V2MOM"), ("ETag" = String, description = "Its version"))),
        (status = 409, description = "The owner already has a V2MOM for the period; `Location` names it",
            body = super::problem::Problem, content_type = "application/problem+json",
            headers(("Location" = String, description = "The V2MOM the owner has"))),
    ))]
pub async fn start(
    State(state): State<AppState>,
    caller: Caller,
    Body(new): Body<NewV2mom>,
) -> ApiResult<Response> {
    let from = match new.copy_from {
        None => StartFrom::Blank,
        Some(CopyFrom::Manager) => StartFrom::Manager,
        Some(CopyFrom::Previous) => StartFrom::Previous,
    };
    let started = v2moms::start(&state, &caller, new.owner_id, new.period_id, from).await?;
    let location = [(header::LOCATION, format!("/api/v1/v2moms/{}", started.id))];
    if !started.created {
        return Ok((
            location,
            ApiError::from(AppError::Refused {
                reason: "The owner already has a V2MOM for this period.".into(),
            }),
        )
            .into_response());
    }
    let v2mom = v2moms::get(&state, &caller, started.id).await?.v2mom;
    Ok((StatusCode::CREATED, location, ETag::of(&v2mom), Json(v2mom)).into_response())
}

/// The answer to a write: the V2MOM as it is after it, with its new `ETag`.
async fn as_it_is_now(state: &AppState, caller: &Caller, id: i64) -> ApiResult<Response> {
    let v2mom = v2moms::get(state, caller, id).await?.v2mom;
    Ok((ETag::of(&v2mom), Json(v2mom)).into_response())
}

/// Read a V2MOM: once published, its `content` is the publication readers see; those who may
/// read its drafts also get `amendment`, the working copy of its next publication, while there
/// is one. Send its `ETag` back as `If-None-Match` to be told when it is unchanged.
#[utoipa::path(get, path = "/v2moms/{id}", tag = TAG,
    params(("id" = i64, Path, description = "The V2MOM"),
        ("If-None-Match" = Option<String>, Header, description = "An `ETag` from before")),
    responses(
        (status = 200, description = "The V2MOM as it is now", body = V2mom,
            headers(("ETag" = String, description = "Its version"))),
        (status = 304, description = "Unchanged since that `ETag`"),
    ))]
pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let v2mom = v2moms::get(&state, &caller, id).await?.v2mom;
    Ok(precondition::fresh_or_not_modified(&headers, v2mom))
}

/// Replace a V2MOM's content (title, vision, values, methods with their obstacles and
/// measures), naming the version you read in `If-Match`. A published V2MOM is amended instead:
/// the content becomes its `amendment`, which readers do not see until it is published
/// (`transitions`: `submit` then `approve`, or `publish`).
#[utoipa::path(put, path = "/v2moms/{id}", tag = TAG, request_body = V2momContent,
    params(("id" = i64, Path, description = "The V2MOM"),
        ("If-Match" = String, Header, description = "The `ETag` you read; `*` for whatever is there")),
    responses(
        (status = 200, description = "Saved", body = V2mom, headers(("ETag" = String, description = "The new version"))),
        (status = 412, description = "Someone saved since that `ETag`", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 428, description = "No `If-Match`", body = super::problem::Problem, content_type = "application/problem+json"),
    ))]
pub async fn replace(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
    headers: HeaderMap,
    Body(content): Body<V2momContent>,
) -> ApiResult<Response> {
    let from = write_start(&state, &caller, id, &headers, IfMatch::Required).await?;
    v2moms::save(&state, &caller, id, from.version, &content)
        .await
        .map_err(|error| from.lost(error))?;
    as_it_is_now(&state, &caller, id).await
}

#[derive(Debug, Deserialize, ToSchema)]
pub struct Transition {
    pub change: StatusChange,
    /// Required to return a V2MOM to its owner; otherwise ignored.
    #[serde(default)]
    pub comment: String,
}

/// Move a V2MOM through its lifecycle: submit (to the manager), approve or return (the
/// manager), publish, archive. While a published V2MOM is amended, the moves apply to the
/// amendment: approving or publishing it makes it the next publication. `If-Match` is
/// optional here.
#[utoipa::path(post, path = "/v2moms/{id}/transitions", tag = TAG, request_body = Transition,
    params(("id" = i64, Path, description = "The V2MOM"),
        ("If-Match" = Option<String>, Header, description = "The `ETag` you read")),
    responses(
        (status = 200, description = "Moved", body = V2mom, headers(("ETag" = String, description = "The new version"))),
        (status = 412, description = "Someone saved since that `ETag`", body = super::problem::Problem, content_type = "application/problem+json"),
    ))]
pub async fn transition(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
    headers: HeaderMap,
    Body(move_to): Body<Transition>,
) -> ApiResult<Response> {
    let from = write_start(&state, &caller, id, &headers, IfMatch::Optional).await?;
    v2moms::change_status(
        &state,
        &caller,
        id,
        from.version,
        move_to.change,
        &move_to.comment,
    )
    .await
    .map_err(|error| from.lost(error))?;
    as_it_is_now(&state, &caller, id).await
}

/// Drop the amendment of a published V2MOM (the working copy its editors saw in
/// `amendment`), naming the version you read in `If-Match`. Readers keep the publication.
#[utoipa::path(delete, path = "/v2moms/{id}/amendment", tag = TAG,
    params(("id" = i64, Path, description = "The V2MOM"),
        ("If-Match" = String, Header, description = "The `ETag` you read; `*` for whatever is there")),
    responses(
        (status = 200, description = "Discarded: the V2MOM as readers see it", body = V2mom, headers(("ETag" = String, description = "The new version"))),
        (status = 404, description = "No such V2MOM for the caller, or nobody is amending it", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Someone saved since that `ETag`", body = super::problem::Problem, content_type = "application/problem+json"),
        (status = 428, description = "No `If-Match`", body = super::problem::Problem, content_type = "application/problem+json"),
    ))]
pub async fn discard_amendment(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
    headers: HeaderMap,
) -> ApiResult<Response> {
    let from = write_start(&state, &caller, id, &headers, IfMatch::Required).await?;
    v2moms::discard_amendment(&state, &caller, id, from.version)
        .await
        .map_err(|error| from.lost(error))?;
    as_it_is_now(&state, &caller, id).await
}

/// Where a write starts: the V2MOM as the caller may read it now, and `If-Match`.
async fn write_start(
    state: &AppState,
    caller: &Caller,
    id: i64,
    headers: &HeaderMap,
    if_match: IfMatch,
) -> ApiResult<Start> {
    let current = v2moms::get(state, caller, id).await?.v2mom.version;
    precondition::start(headers, current, if_match)
}

/// The saved versions of a V2MOM the caller may see, newest first.
#[utoipa::path(get, path = "/v2moms/{id}/revisions", tag = TAG,
    params(("id" = i64, Path, description = "The V2MOM")),
    responses((status = 200, description = "Its revisions", body = Vec<RevisionInfo>)))]
pub async fn revisions(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
) -> ApiResult<Json<Vec<RevisionInfo>>> {
    Ok(Json(v2moms::revisions(&state, &caller, id).await?))
}

/// One saved version of a V2MOM.
#[derive(Debug, Serialize, ToSchema)]
pub struct Revision {
    pub number: i64,
    pub status: V2momStatus,
    pub content: V2momContent,
}

/// What a V2MOM held at one revision.
#[utoipa::path(get, path = "/v2moms/{id}/revisions/{number}", tag = TAG,
    params(("id" = i64, Path, description = "The V2MOM"), ("number" = i64, Path, description = "The revision")),
    responses((status = 200, description = "That revision", body = Revision)))]
pub async fn revision(
    State(state): State<AppState>,
    caller: Caller,
    PathOf((id, number)): PathOf<(i64, i64)>,
) -> ApiResult<Json<Revision>> {
    let snapshot = v2moms::revision(&state, &caller, id, number).await?;
    Ok(Json(Revision {
        number,
        status: snapshot.status,
        content: snapshot.content,
    }))
}

//! `/api/v1/v2moms/{id}/export.{md,json,csv}`: a V2MOM as a file, the same files the pages
//! offer (`crate::server::v2moms::export`).

use super::{
    key::Caller,
    problem::{ApiResult, PathOf},
};
use crate::server::{
    download::Download,
    state::AppState,
    v2moms::{self, Format},
};
use axum::extract::State;

const TAG: &str = "V2MOMs";

async fn export(state: &AppState, caller: &Caller, id: i64, format: Format) -> ApiResult<Download> {
    Ok(v2moms::export(state, caller, id, format).await?)
}

/// The V2MOM as a Markdown document, as its reader sees it.
#[utoipa::path(get, path = "/v2moms/{id}/export.md", tag = TAG,
    params(("id" = i64, Path, description = "The V2MOM")),
    responses((status = 200, description = "A Markdown file", body = String,
        content_type = "text/markdown; charset=utf-8",
        headers(("Content-Disposition" = String, description = "attachment; its file name")))))]
pub async fn markdown(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
) -> ApiResult<Download> {
    export(&state, &caller, id, Format::Markdown).await
}

/// The V2MOM as a JSON file: the same document `GET /v2moms/{id}` answers.
#[utoipa::path(get, path = "/v2moms/{id}/export.json", tag = TAG,
    params(("id" = i64, Path, description = "The V2MOM")),
    responses((status = 200, description = "A JSON file", body = crate::model::V2mom,
        headers(("Content-Disposition" = String, description = "attachment; its file name")))))]
pub async fn json(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
) -> ApiResult<Download> {
    export(&state, &caller, id, Format::Json).await
}

/// The V2MOM as CSV: a row per measure with its method; formulas made inert.
#[utoipa::path(get, path = "/v2moms/{id}/export.csv", tag = TAG,
    params(("id" = i64, Path, description = "The V2MOM")),
    responses((status = 200, description = "A CSV file with a header row", body = String,
        content_type = "text/csv; charset=utf-8",
        headers(("Content-Disposition" = String, description = "attachment; its file name")))))]
pub async fn csv(
    State(state): State<AppState>,
    caller: Caller,
    PathOf(id): PathOf<i64>,
) -> ApiResult<Download> {
    export(&state, &caller, id, Format::Csv).await
}

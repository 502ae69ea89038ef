//! `GET /v2moms/{id}/export.md`, `.json` and `.csv`, and `/admin/periods/{id}/export.csv`:
//! downloads for the signed-in person. The rules are in `server::v2moms::export`.

use super::session_actor::SessionActor;
use crate::{
    error::AppError,
    server::{
        download::Download,
        state::AppState,
        v2moms::{self, Format},
    },
};
use axum::{
    Router,
    extract::{MatchedPath, Path, State},
    routing::get,
};

/// The file in the format the route's extension names (see [`routes`]).
pub async fn v2mom(
    State(state): State<AppState>,
    SessionActor(actor): SessionActor,
    Path(id): Path<i64>,
    route: MatchedPath,
) -> Result<Download, AppError> {
    let format = Format::of_path(route.as_str()).ok_or(AppError::NotFound)?;
    v2moms::export(&state, &actor, id, format).await
}

pub async fn period(
    State(state): State<AppState>,
    SessionActor(actor): SessionActor,
    Path(id): Path<i64>,
) -> Result<Download, AppError> {
    v2moms::export_period(&state, &actor, id).await
}

/// `/v2moms/{id}/export.<extension>` for every format, and the period export.
pub fn routes() -> Router<AppState> {
    Format::ALL
        .into_iter()
        .fold(Router::new(), |router, format| {
            router.route(&Format::path("/v2moms/{id}", format), get(v2mom))
        })
        .route("/admin/periods/{id}/export.csv", get(period))
}

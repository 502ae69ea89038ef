//! `GET /admin/audit/export.csv` and `.json`: the filtered audit log as a download. The
//! rules are in `server::audit::export`.

use super::session_actor::SessionActor;
use crate::{
    error::AppError,
    model::AuditFilter,
    server::{audit, download::Download, state::AppState},
};
use axum::extract::{Path, Query, State};

pub async fn export(
    State(state): State<AppState>,
    SessionActor(actor): SessionActor,
    Path(file): Path<String>,
    Query(filter): Query<AuditFilter>,
) -> Result<Download, AppError> {
    let format = file.strip_prefix("export.").unwrap_or_default();
    audit::export(&state, &actor, &filter, format).await
}

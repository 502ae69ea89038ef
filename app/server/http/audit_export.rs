//! `GET /admin/audit/export.csv` and `.json`: the filtered audit log as a download.

use crate::{
    error::AppError,
    model::AuditFilter,
    server::{
        audit::view::{entry_of, query_of, to_csv},
        auth::authorized_for,
        errors::internal,
        policy::Action,
        state::AppState,
    },
};
use axum::{
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use http::header;
use tower_sessions::Session;

pub async fn export(
    State(state): State<AppState>,
    session: Session,
    Path(format): Path<String>,
    Query(filter): Query<AuditFilter>,
) -> Result<Response, AppError> {
    authorized_for(&state, &session, Action::ReadAuditLog).await?;
    let (rows, _) = state
        .db
        .search_audit(&query_of(&filter)?, i64::MAX, 0)
        .await
        .map_err(internal)?;
    let entries: Vec<_> = rows.into_iter().map(entry_of).collect();
    let (content_type, body) = match format.as_str() {
        "export.csv" => ("text/csv; charset=utf-8", to_csv(&entries)?),
        "export.json" => (
            "application/json",
            serde_json::to_vec(&entries).map_err(internal)?,
        ),
        _ => return Err(AppError::NotFound),
    };
    let filename = format!("attachment; filename=\"v2mom-audit.{}\"", &format[7..]);
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (header::CONTENT_DISPOSITION, filename),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        body,
    )
        .into_response())
}

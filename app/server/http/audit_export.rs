//! `GET /admin/audit/export.csv` and `.json`: the filtered audit log as a download. The
//! rules are in `server::audit::export`.

use crate::{
    error::AppError,
    model::AuditFilter,
    server::{
        actor::Actor,
        audit,
        auth::{origin_of, user_of_session},
        state::AppState,
    },
};
use axum::{
    extract::{Path, Query, State},
    response::{IntoResponse, Response},
};
use http::{header, request::Parts};
use tower_sessions::Session;

pub async fn export(
    State(state): State<AppState>,
    session: Session,
    parts: Parts,
    Path(file): Path<String>,
    Query(filter): Query<AuditFilter>,
) -> Result<Response, AppError> {
    let user = user_of_session(&state, &session)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let actor = Actor::session(user, origin_of(&parts, &state));
    let format = file.strip_prefix("export.").unwrap_or_default();
    let export = audit::export(&state, &actor, &filter, format).await?;
    let filename = format!("attachment; filename=\"v2mom-audit.{}\"", export.extension);
    Ok((
        [
            (header::CONTENT_TYPE, export.content_type.to_owned()),
            (header::CONTENT_DISPOSITION, filename),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        export.body,
    )
        .into_response())
}

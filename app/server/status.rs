//! Whether the server and its database work, for anyone: it reveals nothing beyond what
//! `/readyz` does and the organisation's name, which every page shows anyway.

use crate::{
    error::AppError,
    model::ServerStatus,
    server::{
        errors::internal,
        policy::{Action, authorize},
        state::AppState,
    },
};

pub async fn status(state: &AppState) -> Result<ServerStatus, AppError> {
    authorize(None, Action::ReadPublicInfo)?;
    let readiness = state.db.readiness().await;
    let instance = state.db.instance().await.map_err(internal)?;
    Ok(ServerStatus {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        backend: state.db.backend(),
        schema_current: readiness.is_ready(),
        organisation: instance.map(|i| i.organisation_name),
    })
}

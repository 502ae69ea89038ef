use crate::{error::AppError, model::ServerStatus};
use leptos::prelude::*;

/// Reports that the server and its database are working. Public: it reveals nothing beyond
/// what `/readyz` does and the organisation's name, which every page shows anyway.
#[server(endpoint = "status")]
pub async fn check_server_status() -> Result<ServerStatus, AppError> {
    use crate::server::{
        errors::internal,
        policy::{Action, authorize},
        state::app_state,
    };
    authorize(None, Action::ReadPublicInfo)?;
    let state = app_state()?;
    let readiness = state.db.readiness().await;
    let instance = state.db.instance().await.map_err(internal)?;
    Ok(ServerStatus {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        backend: state.db.backend(),
        schema_current: readiness.is_ready(),
        organisation: instance.map(|i| i.organisation_name),
    })
}

use crate::{error::AppError, model::ServerStatus};
use leptos::prelude::*;

/// Reports that the server and its database are working. Public; see `server::status`.
#[server(endpoint = "status")]
pub async fn check_server_status() -> Result<ServerStatus, AppError> {
    use crate::server::{state::app_state, status};
    status::status(&app_state()?).await
}

//! `GET /profile/export.json`: the signed-in person's own data as a file (the profile page
//! links to it). The rules are in `server::accounts::personal_data`.

use super::session_actor::SessionActor;
use crate::{
    error::AppError,
    server::{accounts, download::Download, state::AppState},
};
use axum::extract::State;

pub const PATH: &str = "/profile/export.json";

pub async fn download(
    State(state): State<AppState>,
    SessionActor(actor): SessionActor,
) -> Result<Download, AppError> {
    accounts::personal_data_download(&state, &actor).await
}

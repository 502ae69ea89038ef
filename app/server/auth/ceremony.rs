//! A passkey ceremony's server half, kept in the session between its two requests (see
//! `second_factor::passkeys`). One at a time: starting another replaces it, and finishing
//! takes it out, so an answer is never checked twice.

use super::session;
use crate::{
    error::AppError,
    server::{errors::internal, second_factor::passkeys::Ceremony},
};

const CEREMONY_KEY: &str = "passkey_ceremony";

pub async fn keep_ceremony(ceremony: &Ceremony) -> Result<(), AppError> {
    let session = session().await?;
    session
        .insert(CEREMONY_KEY, ceremony)
        .await
        .map_err(internal)?;
    session.save().await.map_err(internal)
}

pub async fn take_ceremony() -> Result<Option<Ceremony>, AppError> {
    let session = session().await?;
    let ceremony = session
        .remove::<Ceremony>(CEREMONY_KEY)
        .await
        .map_err(internal)?;
    session.save().await.map_err(internal)?;
    Ok(ceremony)
}

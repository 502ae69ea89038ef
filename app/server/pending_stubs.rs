//! TEMPORARY: stand-ins until the people and API-key branches are merged.
#![allow(dead_code, unused_variables)]

pub mod api_keys {
    use crate::{
        error::AppError,
        server::{actor::Actor, audit::Origin, state::AppState},
    };
    pub async fn authenticate(
        state: &AppState,
        token: &str,
        origin: Origin,
    ) -> Result<Actor, AppError> {
        Err(AppError::Unauthenticated)
    }
}

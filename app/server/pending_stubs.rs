//! TEMPORARY: stand-ins until the people and API-key branches are merged.
#![allow(dead_code, unused_variables)]

pub mod users {
    use crate::{
        error::AppError,
        model::UserSummary,
        server::{actor::Actor, state::AppState},
    };
    pub async fn visible(state: &AppState, actor: &Actor) -> Result<Vec<UserSummary>, AppError> {
        Err(AppError::NotFound)
    }
    pub async fn person(state: &AppState, actor: &Actor, id: i64) -> Result<UserSummary, AppError> {
        Err(AppError::NotFound)
    }
}
pub mod periods {
    use crate::{
        error::AppError,
        model::Period,
        server::{actor::Actor, state::AppState},
    };
    pub async fn list(state: &AppState, actor: &Actor) -> Result<Vec<Period>, AppError> {
        Err(AppError::NotFound)
    }
}
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

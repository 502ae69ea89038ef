//! The signed-in person behind a plain HTTP route (downloads), as the use cases take them.

use crate::{
    error::AppError,
    server::{
        actor::Actor,
        auth::{RequestUser, origin_of, remembered_user},
        second_factor,
        state::AppState,
    },
};
use axum::extract::FromRequestParts;
use http::request::Parts;
use tower_sessions::Session;

/// Extracts the session's person; 401 when nobody is signed in.
pub struct SessionActor(pub Actor);

impl FromRequestParts<AppState> for SessionActor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let session = Session::from_request_parts(parts, state)
            .await
            .map_err(|_| AppError::Unauthenticated)?;
        // The language layer has already read the person through the request's RequestUser.
        let known = parts.extensions.get::<RequestUser>().cloned();
        let user = remembered_user(state, &session, known)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if second_factor::must_set_up(state, &user).await? {
            return Err(second_factor::set_up_first());
        }
        Ok(SessionActor(Actor::session(user, origin_of(parts, state))))
    }
}

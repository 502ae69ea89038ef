//! Signing in in two steps: after the first factor (a password or a provider) a person with
//! a second factor is only *half* signed in — the session holds who they are and how they
//! got this far, and `current_user` never reads it — until the second step passes.

use super::{AUTH_KEY, RequestUser, session, sign_in, sign_in_on};
use crate::{
    error::AppError,
    server::{db::UserRecord, errors::internal, state::AppState},
};
use http::request::Parts;
use leptos::prelude::use_context;
use serde::{Deserialize, Serialize};
use tower_sessions::Session;

const HALF_KEY: &str = "half_signed_in";

/// How long the second step of signing in may take.
pub const SECOND_STEP_SECS: i64 = 5 * 60;

/// A session whose first factor passed and that waits for the second. It is not signed
/// in: every page and server function sees nobody.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct HalfSignedIn {
    user_id: i64,
    /// Unix seconds; the second step must come within [`SECOND_STEP_SECS`].
    at: i64,
    /// How the first factor passed (`password`, `sso:<provider>`), for the sign-in's audit.
    method: String,
}

/// What passing the first factor led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FirstFactor {
    SignedIn,
    /// The session is half signed in: the second-step page comes next.
    SecondStepNeeded,
}

/// After the password passed: signs `user` in, or, when they have a second factor, leaves
/// the session half signed in, under a new session id, for the second step.
pub async fn first_factor_passed(
    state: &AppState,
    user: &UserRecord,
    method: &str,
) -> Result<FirstFactor, AppError> {
    let parts = use_context::<Parts>().unwrap_or_else(|| http::Request::new(()).into_parts().0);
    let session = session().await?;
    let after = first_factor_passed_on(state, &session, &parts, user, method, false).await?;
    RequestUser::forget().await;
    Ok(after)
}

/// [`first_factor_passed`] for a session and request at hand (plain axum handlers), and
/// for a provider, which may say it checked more than one factor itself (`multi_factor`).
pub async fn first_factor_passed_on(
    state: &AppState,
    session: &Session,
    parts: &Parts,
    user: &UserRecord,
    method: &str,
    multi_factor: bool,
) -> Result<FirstFactor, AppError> {
    if multi_factor || !crate::server::second_factor::needed(state, user).await? {
        sign_in_on(state, session, parts, user, method).await?;
        return Ok(FirstFactor::SignedIn);
    }
    session.cycle_id().await.map_err(internal)?;
    session.remove_value(AUTH_KEY).await.map_err(internal)?;
    let half = HalfSignedIn {
        user_id: user.id,
        at: chrono::Utc::now().timestamp(),
        method: method.to_owned(),
    };
    session.insert(HALF_KEY, half).await.map_err(internal)?;
    session.save().await.map_err(internal)?;
    Ok(FirstFactor::SecondStepNeeded)
}

/// Who is half signed in on this session (their id, and how their first factor passed);
/// `None` when nobody is, or when the second step came too late.
pub async fn half_signed_in() -> Result<Option<(i64, String)>, AppError> {
    let session = session().await?;
    let Some(half) = session
        .get::<HalfSignedIn>(HALF_KEY)
        .await
        .map_err(internal)?
    else {
        return Ok(None);
    };
    let age = chrono::Utc::now().timestamp() - half.at;
    if (0..SECOND_STEP_SECS).contains(&age) {
        return Ok(Some((half.user_id, half.method)));
    }
    session.remove_value(HALF_KEY).await.map_err(internal)?;
    Ok(None)
}

/// Signs in someone whose second factor just passed on this half-signed-in session.
pub async fn complete_sign_in(
    state: &AppState,
    user: &UserRecord,
    method: &str,
) -> Result<(), AppError> {
    session()
        .await?
        .remove_value(HALF_KEY)
        .await
        .map_err(internal)?;
    sign_in(state, user, method).await
}

/// The second-step page, going on to `next` (a path [`safe_next`] let through) afterwards.
pub fn second_step_page(next: &str) -> String {
    format!(
        "/login/second-factor?next={}",
        crate::model::percent_encode(next)
    )
}

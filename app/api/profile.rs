//! Your own account: password and sessions.

use crate::{error::AppError, model::SessionInfo};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::{
    model::validate::Checks,
    server::{
        audit::Event,
        auth::{
            authorized, confirm_it_is_you, current_session_id, request_origin, session,
            session_handle, sign_out,
        },
        errors::internal,
        password::check_policy,
        policy::Action,
        state::app_state,
    },
};

#[server(endpoint = "profile/sessions")]
pub async fn my_sessions() -> Result<Vec<SessionInfo>, AppError> {
    let state = app_state()?;
    let me = authorized(&state, Action::ManageOwnAccount).await?;
    let current = current_session_id().await?;
    let sessions = state.db.sessions_of(me.id).await.map_err(internal)?;
    Ok(sessions
        .into_iter()
        .map(|s| SessionInfo {
            handle: session_handle(&s.session_id),
            signed_in_at: s.created_at.format("%Y-%m-%d %H:%M UTC").to_string(),
            client_ip: s.client_ip,
            user_agent: s.user_agent,
            current: current.as_deref() == Some(s.session_id.as_str()),
        })
        .collect())
}

/// Ends one of your sessions, named by its handle.
#[server(endpoint = "profile/sessions/end")]
pub async fn end_my_session(handle: String) -> Result<(), AppError> {
    let state = app_state()?;
    let me = authorized(&state, Action::ManageOwnAccount).await?;
    let session = state
        .db
        .sessions_of(me.id)
        .await
        .map_err(internal)?
        .into_iter()
        .find(|s| session_handle(&s.session_id) == handle)
        .ok_or(AppError::NotFound)?;
    let mut tx = state.db.begin().await.map_err(internal)?;
    tx.end_session(&session.session_id)
        .await
        .map_err(internal)?;
    let event = Event::new("auth.session_ended")
        .by(me.id)
        .on(format!("user:{}", me.id));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)
}

/// Signs you out on every device, this one included.
#[server(endpoint = "profile/sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    let state = app_state()?;
    let me = authorized(&state, Action::ManageOwnAccount).await?;
    let mut tx = state.db.begin().await.map_err(internal)?;
    tx.end_sessions_of(me.id).await.map_err(internal)?;
    let event = Event::new("auth.signed_out_everywhere")
        .by(me.id)
        .on(format!("user:{}", me.id));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    sign_out(&state).await?;
    leptos_axum::redirect("/login");
    Ok(())
}

/// Needs the current password (someone without one, who signs in through a provider, needs
/// a recent sign-in instead); signs out every other session.
#[server(endpoint = "profile/password")]
pub async fn change_password(current_password: String, password: String) -> Result<(), AppError> {
    let state = app_state()?;
    let me = authorized(&state, Action::ManageOwnAccount).await?;
    let origin = request_origin();
    confirm_it_is_you(
        &state,
        &session().await?,
        &origin,
        &me,
        &current_password,
        "current_password",
        "auth.password_change_failed",
    )
    .await?;
    let mut checks = Checks::new();
    checks.add(check_policy(
        "password",
        &password,
        &me.display_name,
        &me.email,
    ));
    checks.into_result()?;

    let hash = state.passwords.hash(&password).await?;
    let keep = current_session_id().await?.unwrap_or_default();
    let mut tx = state.db.begin().await.map_err(internal)?;
    tx.set_password_hash(me.id, &hash).await.map_err(internal)?;
    let ended = tx
        .end_other_sessions(me.id, &keep)
        .await
        .map_err(internal)?;
    let event = Event::new("auth.password_changed")
        .by(me.id)
        .on(format!("user:{}", me.id))
        .with(serde_json::json!({ "other_sessions_ended": ended }));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)
}

/// How strong `password` is under the policy, for the meter beside a new-password field.
/// `name` and `email` are those typed on the same form; when they are empty, the signed-in
/// person's own count. Nothing is stored or logged.
#[server(endpoint = "password/strength")]
pub async fn password_strength(
    password: String,
    #[server(default)] name: String,
    #[server(default)] email: String,
) -> Result<crate::model::PasswordStrength, AppError> {
    use crate::server::{
        auth::current_user,
        password::assess,
        policy::{Action, authorize},
    };
    authorize(None, Action::AssessPassword)?;
    let state = app_state()?;
    let (name, email) = match current_user(&state).await? {
        Some(me) if name.is_empty() && email.is_empty() => (me.display_name, me.email),
        _ => (name, email),
    };
    Ok(assess(&password, &name, &email))
}

//! Signing in and out.

use crate::{error::AppError, model::CurrentUser};
use leptos::prelude::*;

/// The signed-in user, or `None`.
#[server(endpoint = "me")]
pub async fn who_am_i() -> Result<Option<CurrentUser>, AppError> {
    use crate::server::{
        auth,
        policy::{Action, authorize},
        state::app_state,
    };
    authorize(None, Action::ReadPublicInfo)?;
    let state = app_state()?;
    Ok(auth::current_user(&state).await?.map(|u| u.to_current()))
}

/// Checks the password and signs in under a new session id, then goes to `next` when that
/// is a path on this site. Unknown email, wrong password and disabled account get the same
/// answer, after the same work, and count the same towards throttling; a throttled attempt
/// is refused (429) before the password is looked at.
#[server(endpoint = "login")]
pub async fn login(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use crate::server::{
        audit::Event,
        auth::{request_origin, safe_next, sign_in},
        db::email_key,
        errors::internal,
        password::Verified,
        policy::{Action, authorize},
        state::app_state,
        throttle::{self, Kind},
    };

    authorize(None, Action::SignIn)?;
    let state = app_state()?;
    crate::api::sso::require_password_sign_in(&state).await?;
    let origin = request_origin();
    throttle::check(&state, &origin, Kind::SignIn, Some(&email)).await?;
    let user = state.db.user_by_email(&email).await.map_err(internal)?;
    let stored = user.as_ref().and_then(|u| u.password_hash());
    let verified = state.passwords.verify(&password, stored.as_ref()).await?;

    let refused = match (&user, verified) {
        (None, _) => Some("unknown_email"),
        (Some(_), Verified::No) => Some("wrong_password"),
        (Some(user), _) if !user.is_active() => Some("disabled"),
        _ => None,
    };
    if let Some(reason) = refused {
        let attempted: String = email_key(&email).chars().take(254).collect();
        let mut event = Event::new("auth.sign_in_failed")
            .with(serde_json::json!({ "reason": reason, "email": attempted }));
        if let Some(user) = &user {
            event = event.on(format!("user:{}", user.id));
        }
        let mut tx = state.db.begin().await.map_err(internal)?;
        throttle::record_failure(&mut tx, &origin, Kind::SignIn, Some(&email))
            .await
            .map_err(internal)?;
        tx.audit(&origin, event).await.map_err(internal)?;
        tx.commit().await.map_err(internal)?;
        return Err(AppError::BadCredentials);
    }
    let user = user.ok_or_else(|| internal("verified without a user"))?;

    if verified == (Verified::Yes { rehash: true }) {
        let hash = state.passwords.hash(&password).await?;
        let mut tx = state.db.begin().await.map_err(internal)?;
        tx.set_password_hash(user.id, &hash)
            .await
            .map_err(internal)?;
        tx.commit().await.map_err(internal)?;
    }
    sign_in(&state, &user, "password").await?;
    leptos_axum::redirect(&safe_next(next.as_deref()));
    Ok(())
}

#[server(endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    use crate::server::{
        auth::sign_out,
        policy::{Action, authorize},
        state::app_state,
    };
    authorize(None, Action::SignOut)?;
    let state = app_state()?;
    sign_out(&state).await?;
    leptos_axum::redirect("/login");
    Ok(())
}

//! Accepting an invitation: the link's holder chooses a password and is signed in.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Who an invitation is for, shown on the page where they choose a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationInfo {
    pub display_name: String,
    pub email: String,
}

/// The invitation behind `token`; 404 when unknown, used, replaced or expired — one answer.
#[server(endpoint = "invitation")]
pub async fn invitation(token: String) -> Result<InvitationInfo, AppError> {
    use crate::server::{
        policy::{Action, authorize},
        state::app_state,
    };
    authorize(None, Action::AcceptInvitation)?;
    let state = app_state()?;
    let (_, user) = open_invitation(&state, &token).await?;
    Ok(InvitationInfo {
        display_name: user.display_name,
        email: user.email,
    })
}

#[server(endpoint = "invitation/accept")]
pub async fn accept_invitation(token: String, password: String) -> Result<(), AppError> {
    use crate::{
        model::validate::Checks,
        server::{
            audit::Event,
            auth::{request_origin, sign_in},
            errors::internal,
            password::check_policy,
            policy::{Action, authorize},
            state::app_state,
            throttle::{self, Kind},
        },
    };
    authorize(None, Action::AcceptInvitation)?;
    let state = app_state()?;
    let origin = request_origin();
    throttle::check(&state, &origin, Kind::InviteAccept, None).await?;
    crate::api::sso::require_password_sign_in(&state).await?;
    let (invitation, user) = match open_invitation(&state, &token).await {
        Ok(found) => found,
        Err(refused) => {
            // Guessing tokens is hopeless at 256 bits; counting wrong ones keeps it so.
            let mut tx = state.db.begin().await.map_err(internal)?;
            throttle::record_failure(&mut tx, &origin, Kind::InviteAccept, None)
                .await
                .map_err(internal)?;
            tx.commit().await.map_err(internal)?;
            return Err(refused);
        }
    };
    let mut checks = Checks::new();
    checks.add(check_policy(
        "password",
        &password,
        &user.display_name,
        &user.email,
    ));
    checks.into_result()?;

    let hash = state.passwords.hash(&password).await?;
    let mut tx = state.db.begin().await.map_err(internal)?;
    // Single use: of two racing accepts, one closes the invitation and the other finds it closed.
    if !tx.close_invitation(invitation.id).await.map_err(internal)? {
        return Err(AppError::NotFound);
    }
    tx.set_password_hash(user.id, &hash)
        .await
        .map_err(internal)?;
    let event = Event::new("invitation.accepted")
        .by(user.id)
        .on(format!("user:{}", user.id));
    tx.audit(&origin, event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    sign_in(&state, &user, "invitation").await?;
    leptos_axum::redirect("/");
    Ok(())
}

/// The open invitation behind `token` and its active user; `NotFound` otherwise.
#[cfg(feature = "ssr")]
pub(crate) async fn open_invitation(
    state: &crate::server::state::AppState,
    token: &str,
) -> Result<
    (
        crate::server::db::InvitationRecord,
        crate::server::db::UserRecord,
    ),
    AppError,
> {
    use crate::server::{errors::internal, tokens::hash_token};
    let invitation = state
        .db
        .invitation_by_token_hash(&hash_token(token.trim()))
        .await
        .map_err(internal)?
        .filter(|i| i.is_open(chrono::Utc::now()))
        .ok_or(AppError::NotFound)?;
    let user = state
        .db
        .user_by_id(invitation.user_id)
        .await
        .map_err(internal)?
        .filter(|u| u.is_active())
        .ok_or(AppError::NotFound)?;
    Ok((invitation, user))
}

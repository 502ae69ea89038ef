//! Accepting an invitation: the link's holder chooses a password and is signed in. The
//! rules are in `server::invitations`.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::server::{
    auth::{request_origin, sign_in},
    invitations,
    state::app_state,
};

/// Who an invitation is for, shown on the page where they choose a password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationInfo {
    pub display_name: String,
    pub email: String,
}

/// The invitation behind `token`; 404 when unknown, used, replaced or expired — one answer.
#[server(endpoint = "invitation")]
pub async fn invitation(token: String) -> Result<InvitationInfo, AppError> {
    let state = app_state()?;
    let user = invitations::invitee(&state, &token).await?;
    Ok(InvitationInfo {
        display_name: user.display_name,
        email: user.email,
    })
}

#[server(endpoint = "invitation/accept")]
pub async fn accept_invitation(token: String, password: String) -> Result<(), AppError> {
    let state = app_state()?;
    let user =
        invitations::accept_with_password(&state, &request_origin(), &token, &password).await?;
    sign_in(&state, &user, "invitation").await?;
    leptos_axum::redirect("/");
    Ok(())
}

//! Invitations: an administrator opens a single-use link for someone ([`send`]); whoever
//! holds it chooses a password ([`accept`]) or signs in through a provider (`sso`).

mod accept;
mod import;
pub mod mail;
mod send;

pub use accept::{accept_with_password, invitee};
pub use import::{import, import_draft, preview_import};
pub use send::{Invitee, invite, reinvite, site_origin};

use crate::{
    error::AppError,
    server::{
        audit::{Event, Origin},
        db::{DbError, InvitationRecord, Tx, UserRecord},
        errors::internal,
        state::AppState,
        tokens::hash_token,
    },
};

/// The organisation's name, as mail gives it.
/// The open invitation behind `token` and its active user; `NotFound` otherwise (unknown,
/// used, replaced or expired: one answer).
pub async fn open(
    state: &AppState,
    token: &str,
) -> Result<(InvitationRecord, UserRecord), AppError> {
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

/// Closes `invitation` in `tx`; `false` when it was closed meanwhile: of two racing
/// accepts, only one wins.
pub async fn close(tx: &mut Tx, invitation: &InvitationRecord) -> Result<bool, DbError> {
    tx.close_invitation(invitation.id).await
}

/// Records that `user` accepted their invitation (`details`: how, when not by password).
pub async fn record_accepted(
    tx: &mut Tx,
    origin: &Origin,
    user: &UserRecord,
    details: Option<serde_json::Value>,
) -> Result<(), DbError> {
    let mut event = Event::new("invitation.accepted")
        .by(user.id)
        .on(format!("user:{}", user.id));
    if let Some(details) = details {
        event = event.with(details);
    }
    tx.audit(origin, event).await
}

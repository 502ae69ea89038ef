//! Accepting an invitation with a password of one's own.

use crate::{
    error::AppError,
    model::validate::Checks,
    server::{
        accounts::require_password_sign_in,
        audit::Origin,
        db::UserRecord,
        password::check_policy,
        policy::{Action, authorize},
        state::AppState,
        throttle::{self, Kind},
        transaction,
    },
};

/// Who the invitation behind `token` is for, to greet them on the page where they choose a
/// password; `NotFound` when it is not open.
pub async fn invitee(state: &AppState, token: &str) -> Result<UserRecord, AppError> {
    authorize(None, Action::AcceptInvitation)?;
    let (_, user) = super::open(state, token).await?;
    Ok(user)
}

/// Sets the invited person's password and closes the invitation; returns the person, for
/// the caller to sign in. Wrong tokens count towards the client address's throttling limit.
pub async fn accept_with_password(
    state: &AppState,
    origin: &Origin,
    token: &str,
    password: &str,
) -> Result<UserRecord, AppError> {
    authorize(None, Action::AcceptInvitation)?;
    throttle::check(state, origin, Kind::InviteAccept, None).await?;
    require_password_sign_in(state).await?;
    let (invitation, user) = match super::open(state, token).await {
        Ok(found) => found,
        Err(refused) => {
            // Guessing tokens is hopeless at 256 bits; counting wrong ones keeps it so.
            throttle::record_failure_alone(state, origin, Kind::InviteAccept, None).await?;
            return Err(refused);
        }
    };
    let mut checks = Checks::new();
    checks.add(check_policy(
        "password",
        password,
        &user.display_name,
        &user.email,
    ));
    checks.into_result()?;

    let hash = state.passwords.hash(password).await?;
    transaction::run(&state.db, async |tx| {
        if !super::close(tx, &invitation).await? {
            return Err(AppError::NotFound.into());
        }
        tx.set_password_hash(user.id, &hash).await?;
        super::record_accepted(tx, origin, &user, None).await?;
        Ok(())
    })
    .await?;
    Ok(user)
}

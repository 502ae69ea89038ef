//! One's own password: proving it is you, changing it, and how strong a new one would be.

use super::{ThisSession, sessions::audit_on_self};
use crate::{
    error::{AppError, FieldError},
    model::{PasswordStrength, validate::Checks},
    server::{
        actor::Actor,
        audit::{Event, Origin},
        db::UserRecord,
        password::{Verified, assess, check_policy},
        policy::{Action, authorize},
        state::AppState,
        throttle::{self, Kind},
        transaction,
    },
};

/// How recently someone without a password must have signed in to change how they sign in.
pub const RECENT_SIGN_IN_SECS: i64 = 10 * 60;

/// Makes `me` prove it is them before they change how they sign in: their current password
/// (in `field`), or, when they have none because they sign in through a provider, a sign-in
/// within [`RECENT_SIGN_IN_SECS`] (`signed_in_for`, in seconds). A wrong password counts
/// towards throttling like a failed sign-in and is audited as `failed_event`.
pub async fn confirm_it_is_you(
    state: &AppState,
    origin: &Origin,
    me: &UserRecord,
    signed_in_for: Option<i64>,
    password: &str,
    field: &str,
    failed_event: &'static str,
) -> Result<(), AppError> {
    let Some(hash) = me.password_hash() else {
        let age = signed_in_for.unwrap_or(i64::MAX);
        return if (0..RECENT_SIGN_IN_SECS).contains(&age) {
            Ok(())
        } else {
            Err(AppError::Refused {
                reason: crate::i18n::t("server-recent-sign-in-needed"),
            })
        };
    };
    throttle::check(state, origin, Kind::PasswordChange, Some(&me.email)).await?;
    if state.passwords.verify(password, Some(&hash)).await? != Verified::No {
        return Ok(());
    }
    let event = Event::new(failed_event)
        .by(me.id)
        .on(format!("user:{}", me.id))
        .with(serde_json::json!({ "reason": "wrong_current_password" }));
    transaction::run(&state.db, async |tx| {
        throttle::record_failure(tx, origin, Kind::PasswordChange, Some(&me.email)).await?;
        tx.audit(origin, event.clone()).await?;
        Ok(())
    })
    .await?;
    Err(AppError::Invalid {
        fields: vec![FieldError {
            field: field.into(),
            message: crate::i18n::t("server-wrong-current-password"),
        }],
    })
}

/// Needs the current password (someone without one, who signs in through a provider, needs
/// a recent sign-in instead); ends every session but `this` one.
pub async fn change_password(
    state: &AppState,
    actor: &Actor,
    this: &ThisSession,
    current_password: &str,
    password: &str,
) -> Result<(), AppError> {
    actor.require(Action::ManageOwnAccount)?;
    let me = &actor.user;
    confirm_it_is_you(
        state,
        &actor.origin,
        me,
        this.signed_in_for,
        current_password,
        "current_password",
        "auth.password_change_failed",
    )
    .await?;
    let mut checks = Checks::new();
    checks.add(check_policy(
        "password",
        password,
        &me.display_name,
        &me.email,
    ));
    checks.into_result()?;

    let hash = state.passwords.hash(password).await?;
    let keep = this.id.as_deref().unwrap_or_default();
    transaction::run(&state.db, async |tx| {
        tx.set_password_hash(me.id, &hash).await?;
        let ended = tx.end_other_sessions(me.id, keep).await?;
        let details = serde_json::json!({ "other_sessions_ended": ended });
        audit_on_self(tx, actor, "auth.password_changed", Some(details)).await?;
        Ok(())
    })
    .await
}

/// How strong `password` is under the policy. `name` and `email` are those typed on the
/// same form; when both are empty, the signed-in person's own count. Nothing is stored.
pub fn password_strength(
    actor: Option<&Actor>,
    password: &str,
    name: &str,
    email: &str,
) -> Result<PasswordStrength, AppError> {
    authorize(None, Action::AssessPassword)?;
    let (name, email) = match actor {
        Some(me) if name.is_empty() && email.is_empty() => {
            (me.user.display_name.as_str(), me.user.email.as_str())
        }
        _ => (name, email),
    };
    Ok(assess(password, name, email))
}

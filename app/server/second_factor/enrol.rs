//! Turning the authenticator app on and off, renewing recovery codes, and an
//! administrator's reset.

use super::{codes, prove, wrong_code};
use crate::{
    error::AppError,
    model::{RecoveryCodes, TotpEnrolment},
    server::{
        accounts::{ThisSession, audit_on_self},
        actor::Actor,
        audit::Event,
        db::{TOTP_SECRET, Tx, UserRecord},
        errors::internal,
        policy::Action,
        state::AppState,
        tokens::hash_token,
        transaction,
    },
};

/// Starts setting up an authenticator app (or starts again with a new secret): the secret
/// waits, sealed, until [`confirm`] gets its first code. Refused while an app is on.
pub async fn start(state: &AppState, actor: &Actor) -> Result<TotpEnrolment, AppError> {
    actor.require(Action::ManageOwnSecondFactor)?;
    let secret = codes::new_secret();
    let sealed = state.keyring.seal(TOTP_SECRET, &hex::encode(&secret));
    let begun = transaction::run(&state.db, async |tx| {
        Ok(tx.begin_totp(actor.id(), &sealed).await?)
    })
    .await?;
    if !begun {
        return Err(AppError::Refused {
            reason: crate::i18n::t("server-totp-on-already"),
        });
    }
    super::enrolment_for(state, &actor.user, &secret).await
}

/// Turns the app on with its first code, and makes the recovery codes (shown once).
pub async fn confirm(
    state: &AppState,
    actor: &Actor,
    code: &str,
) -> Result<RecoveryCodes, AppError> {
    actor.require(Action::ManageOwnSecondFactor)?;
    let stored = state.db.totp_of(actor.id()).await.map_err(internal)?;
    let Some(stored) = stored.filter(|s| s.confirmed_at.is_none()) else {
        return Err(AppError::Refused {
            reason: crate::i18n::t("server-totp-nothing-to-confirm"),
        });
    };
    let app = super::app_of(state, &actor.user, &stored).await?;
    let step = codes::step_of(&app, code, super::unix_now()).ok_or_else(|| wrong_code("code"))?;
    let codes = RecoveryCodes {
        codes: codes::new_recovery_codes(),
    };
    transaction::run(&state.db, async |tx| {
        if !tx.confirm_totp(actor.id(), step).await? {
            return Ok(false);
        }
        keep_recovery_codes(tx, actor.id(), &codes).await?;
        audit_on_self(tx, actor, "second_factor.enrolled", None).await?;
        Ok(true)
    })
    .await?
    .then_some(codes)
    .ok_or(AppError::Conflict)
}

/// New recovery codes in place of all the old ones; needs a fresh proof.
pub async fn renew_recovery_codes(
    state: &AppState,
    actor: &Actor,
    this: &ThisSession,
    proof: &str,
) -> Result<RecoveryCodes, AppError> {
    actor.require(Action::ManageOwnSecondFactor)?;
    require_on(state, &actor.user).await?;
    prove(state, actor, this, proof).await?;
    let codes = RecoveryCodes {
        codes: codes::new_recovery_codes(),
    };
    transaction::run(&state.db, async |tx| {
        keep_recovery_codes(tx, actor.id(), &codes).await?;
        audit_on_self(tx, actor, "second_factor.recovery_codes_renewed", None).await?;
        Ok(())
    })
    .await?;
    Ok(codes)
}

/// Turns the authenticator app off (and the recovery codes with it, unless a passkey is
/// left); needs a fresh proof.
pub async fn turn_off(
    state: &AppState,
    actor: &Actor,
    this: &ThisSession,
    proof: &str,
) -> Result<(), AppError> {
    actor.require(Action::ManageOwnSecondFactor)?;
    if !super::app_on(state, &actor.user).await? {
        return Err(AppError::Refused {
            reason: crate::i18n::t("server-totp-not-on"),
        });
    }
    prove(state, actor, this, proof).await?;
    transaction::run(&state.db, async |tx| {
        if tx.delete_totp(actor.id()).await? {
            if tx.count_passkeys(actor.id()).await? == 0 {
                tx.replace_recovery_codes(actor.id(), &[]).await?;
            }
            audit_on_self(tx, actor, "second_factor.disabled", None).await?;
        }
        Ok(())
    })
    .await
}

/// An administrator removes someone's second factors, the app, passkeys and recovery codes
/// (they lost their phone and their codes): audited, and the person is told by mail when
/// mail is configured.
pub async fn reset(state: &AppState, actor: &Actor, user_id: i64) -> Result<(), AppError> {
    actor.require(Action::ManageUsers)?;
    let person = state
        .db
        .user_by_id(user_id)
        .await
        .map_err(internal)?
        .ok_or(AppError::NotFound)?;
    let removed = transaction::run(&state.db, async |tx| {
        let removed = tx.delete_second_factors(person.id).await?;
        if removed {
            let event = Event::new("second_factor.reset")
                .by(actor.id())
                .on(format!("user:{}", person.id));
            tx.audit(&actor.origin, event).await?;
        }
        Ok(removed)
    })
    .await?;
    if !removed {
        return Err(AppError::Refused {
            reason: crate::i18n::t_with(
                "server-second-factor-nothing-to-reset",
                &[("name", person.display_name.clone().into())],
            ),
        });
    }
    if let Some(mailer) = &state.config.mailer {
        let organisation = state.db.organisation_name().await.map_err(internal)?;
        let sent = mailer
            .send_second_factor_reset(
                crate::server::mail::language_of(state, &person),
                &person.display_name,
                &person.email,
                &organisation,
                &actor.user.display_name,
            )
            .await;
        if let Err(error) = sent {
            tracing::warn!(user_id = person.id, %error, "second-factor reset mail not sent");
        }
    }
    Ok(())
}

async fn require_on(state: &AppState, user: &UserRecord) -> Result<(), AppError> {
    if super::needed(state, user).await? {
        return Ok(());
    }
    Err(AppError::Refused {
        reason: crate::i18n::t("server-recovery-codes-need-second-factor"),
    })
}

pub(super) async fn keep_recovery_codes(
    tx: &mut Tx,
    user_id: i64,
    codes: &RecoveryCodes,
) -> Result<(), crate::server::db::DbError> {
    let hashes: Vec<String> = codes
        .codes
        .iter()
        .map(|code| hash_token(&codes::normalise_recovery_code(code)))
        .collect();
    tx.replace_recovery_codes(user_id, &hashes).await
}

//! A second factor: an authenticator app (TOTP) and passkeys, with recovery codes.
//!
//! Signing in with a password (or a provider) leaves a session *half* signed in when the
//! person has a second factor ([`needed`]); the second step ([`sign_in::second_step`], or
//! [`passkeys::finish_sign_in`]) takes an app code, a recovery code or a passkey, throttled
//! like passwords, and only then is the session signed in (`server::auth`). A passkey also
//! signs in on its own, without a password. Turning the app on ([`enrol`]) needs its first
//! code; turning it off or renewing the recovery codes needs a fresh proof ([`prove`]).
//! Every outcome is audited. API keys are a credential of their own: they neither need nor
//! manage a second factor.

mod codes;
mod enrol;
pub mod passkeys;
mod sign_in;

pub use enrol::{confirm, renew_recovery_codes, reset, start, turn_off};
pub use sign_in::second_step;

use crate::{
    error::{AppError, FieldError},
    model::{SecondFactorStatus, SecondStepOffer, TotpEnrolment},
    server::{
        accounts::{ThisSession, confirm_it_is_you},
        actor::Actor,
        audit::Event,
        db::{TOTP_SECRET, TotpRecord, UserRecord, rfc3339},
        errors::internal,
        policy::Action,
        state::AppState,
        throttle::{self, Kind},
        transaction,
    },
};
use totp_rs::Totp;

/// Whether signing `user` in needs a second step: they have an authenticator app on or a
/// passkey.
pub async fn needed(state: &AppState, user: &UserRecord) -> Result<bool, AppError> {
    Ok(offer(state, user).await? != SecondStepOffer::default())
}

/// What the second step can take from `user`.
pub async fn offer(state: &AppState, user: &UserRecord) -> Result<SecondStepOffer, AppError> {
    let passkeys = state.db.passkeys_of(user.id).await.map_err(internal)?;
    Ok(SecondStepOffer {
        app: app_on(state, user).await?,
        passkey: !passkeys.is_empty(),
    })
}

/// What the second step can take from the person `user_id` half signed in; `None` when
/// they are gone or disabled.
pub async fn second_step_offer(
    state: &AppState,
    user_id: i64,
) -> Result<Option<SecondStepOffer>, AppError> {
    let user = state.db.user_by_id(user_id).await.map_err(internal)?;
    match user.filter(UserRecord::is_active) {
        Some(user) => Ok(Some(offer(state, &user).await?)),
        None => Ok(None),
    }
}

/// Whether `user` has an authenticator app on.
async fn app_on(state: &AppState, user: &UserRecord) -> Result<bool, AppError> {
    let app = state.db.totp_of(user.id).await.map_err(internal)?;
    Ok(app.is_some_and(|app| app.confirmed_at.is_some()))
}

/// Whether `user` must set up a second factor before anything else: the configuration
/// requires one for their role (`second_factor_required_for`) and they have none.
pub async fn must_set_up(state: &AppState, user: &UserRecord) -> Result<bool, AppError> {
    if !state.config.second_factor_roles.contains(&user.role()) {
        return Ok(false);
    }
    Ok(!needed(state, user).await?)
}

/// What everything but setting up the second factor answers someone who [`must_set_up`].
pub fn set_up_first() -> AppError {
    AppError::Refused {
        reason: crate::i18n::t("server-second-factor-required"),
    }
}

/// One's second factor as the security page shows it.
pub async fn status(state: &AppState, actor: &Actor) -> Result<SecondFactorStatus, AppError> {
    actor.require(Action::ManageOwnSecondFactor)?;
    let app = state.db.totp_of(actor.id()).await.map_err(internal)?;
    let left = state
        .db
        .recovery_codes_left(actor.id())
        .await
        .map_err(internal)?;
    let enrolment = match &app {
        Some(app) if app.confirmed_at.is_none() => {
            Some(enrolment_of(state, &actor.user, app).await?)
        }
        _ => None,
    };
    Ok(SecondFactorStatus {
        required: state
            .config
            .second_factor_roles
            .contains(&actor.user.role()),
        totp_on_since: app.and_then(|a| a.confirmed_at).map(rfc3339),
        recovery_codes_left: left as u32,
        enrolment,
        passkeys: passkeys::list(state, actor.id()).await?,
    })
}

/// The app of a stored factor, its secret opened.
async fn app_of(
    state: &AppState,
    user: &UserRecord,
    stored: &TotpRecord,
) -> Result<Totp, AppError> {
    app_for(state, user, &opened(state, stored)?).await
}

fn opened(state: &AppState, stored: &TotpRecord) -> Result<Vec<u8>, AppError> {
    let secret = state
        .keyring
        .open(TOTP_SECRET, &stored.secret())
        .map_err(internal)?;
    hex::decode(secret).map_err(internal)
}

/// The app for `secret`, labelled with the organisation and the person.
async fn app_for(state: &AppState, user: &UserRecord, secret: &[u8]) -> Result<Totp, AppError> {
    let organisation = state.db.organisation_name().await.map_err(internal)?;
    codes::app(secret, &organisation, &user.email).map_err(internal)
}

async fn enrolment_of(
    state: &AppState,
    user: &UserRecord,
    stored: &TotpRecord,
) -> Result<TotpEnrolment, AppError> {
    enrolment_for(state, user, &opened(state, stored)?).await
}

/// What the person needs to set up the app for `secret`.
async fn enrolment_for(
    state: &AppState,
    user: &UserRecord,
    secret: &[u8],
) -> Result<TotpEnrolment, AppError> {
    let app = app_for(state, user, secret).await?;
    let uri = app.to_url().map_err(internal)?;
    Ok(TotpEnrolment {
        secret: codes::secret_text(app.secret()),
        qr_svg: codes::qr_svg(&uri).map_err(internal)?,
        uri,
    })
}

fn unix_now() -> u64 {
    chrono::Utc::now().timestamp().max(0) as u64
}

/// The answer for a code that is not right, on `field`.
fn wrong_code(field: &str) -> AppError {
    AppError::Invalid {
        fields: vec![FieldError {
            field: field.into(),
            message: crate::i18n::t("server-wrong-code"),
        }],
    }
}

/// Checks an app code of `user` and uses it up: true when it is right for now (within a
/// step either way) and no code of this step or a later one was accepted before.
async fn use_app_code(state: &AppState, user: &UserRecord, code: &str) -> Result<bool, AppError> {
    let Some(stored) = state.db.totp_of(user.id).await.map_err(internal)? else {
        return Ok(false);
    };
    if stored.confirmed_at.is_none() {
        return Ok(false);
    }
    let app = app_of(state, user, &stored).await?;
    let Some(step) = codes::step_of(&app, code, unix_now()) else {
        return Ok(false);
    };
    transaction::run(&state.db, async |tx| {
        Ok(tx.use_totp_step(user.id, step).await?)
    })
    .await
}

/// Makes the signed-in person prove it is them before they weaken their sign-in: a current
/// code from their app (throttled like the second step), or what
/// [`confirm_it_is_you`] takes (the password, or a recent sign-in without one).
async fn prove(
    state: &AppState,
    actor: &Actor,
    this: &ThisSession,
    proof: &str,
) -> Result<(), AppError> {
    const FIELD: &str = "proof";
    let me = &actor.user;
    if !codes::is_app_code(proof) {
        return confirm_it_is_you(
            state,
            &actor.origin,
            me,
            this.signed_in_for,
            proof,
            FIELD,
            "second_factor.proof_failed",
        )
        .await;
    }
    throttle::check(state, &actor.origin, Kind::SecondFactor, Some(&me.email)).await?;
    if use_app_code(state, me, proof).await? {
        return Ok(());
    }
    let event = Event::new("second_factor.proof_failed")
        .by(me.id)
        .on(format!("user:{}", me.id))
        .with(serde_json::json!({ "reason": "wrong_code" }));
    transaction::run(&state.db, async |tx| {
        throttle::record_failure(tx, &actor.origin, Kind::SecondFactor, Some(&me.email)).await?;
        tx.audit(&actor.origin, event.clone()).await?;
        Ok(())
    })
    .await?;
    Err(wrong_code(FIELD))
}

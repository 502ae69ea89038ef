//! The second factor: the second step of signing in, and one's authenticator app and
//! recovery codes on the security page. The rules are in `server::second_factor`.

use crate::{
    error::AppError,
    model::{RecoveryCodes, SecondFactorStatus, SecondStepOffer, TotpEnrolment},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use crate::server::{
    auth::{
        complete_sign_in, half_signed_in, request_origin, safe_next, signed_in,
        signed_in_to_set_up_second_factor, this_session,
    },
    errors::is_plain_form_post,
    policy::{Action, authorize},
    second_factor, shown_once,
    state::app_state,
};

/// What the second step can take, when this browser is half signed in and waiting for it.
#[server(endpoint = "login/second_factor/waiting")]
pub async fn second_step_waiting() -> Result<Option<SecondStepOffer>, AppError> {
    authorize(None, Action::ReadPublicInfo)?;
    let state = app_state()?;
    let Some((user_id, _)) = half_signed_in().await? else {
        return Ok(None);
    };
    second_factor::second_step_offer(&state, user_id).await
}

/// The second step of signing in: a code from the authenticator app or a recovery code.
/// Signs in under a new session id, then goes to `next` when that is a path on this site.
#[server(endpoint = "login/second_factor")]
pub async fn second_step(code: String, next: Option<String>) -> Result<(), AppError> {
    let state = app_state()?;
    let Some((user_id, method)) = half_signed_in().await? else {
        return Err(AppError::Refused {
            reason: crate::i18n::t("server-sign-in-expired"),
        });
    };
    let user = second_factor::second_step(&state, &request_origin(), user_id, &code).await?;
    complete_sign_in(&state, &user, &method).await?;
    leptos_axum::redirect(&safe_next(next.as_deref()));
    Ok(())
}

#[server(endpoint = "profile/second_factor")]
pub async fn my_second_factor() -> Result<SecondFactorStatus, AppError> {
    let state = app_state()?;
    let actor = signed_in_to_set_up_second_factor(&state).await?;
    second_factor::status(&state, &actor).await
}

/// Starts setting up an authenticator app: the answer (and the security page) shows the
/// secret to scan until the first code confirms it.
#[server(endpoint = "profile/second_factor/start")]
pub async fn start_authenticator() -> Result<TotpEnrolment, AppError> {
    let state = app_state()?;
    let actor = signed_in_to_set_up_second_factor(&state).await?;
    let enrolment = second_factor::start(&state, &actor).await?;
    back_to_security_page();
    Ok(enrolment)
}

/// Turns the app on with its first code; the answer holds the recovery codes, shown once.
#[server(endpoint = "profile/second_factor/confirm")]
pub async fn confirm_authenticator(code: String) -> Result<RecoveryCodes, AppError> {
    let state = app_state()?;
    let actor = signed_in_to_set_up_second_factor(&state).await?;
    let codes = second_factor::confirm(&state, &actor, &code).await?;
    keep_for_the_next_page(&codes).await?;
    Ok(codes)
}

/// New recovery codes in place of the old ones; `proof` is the password or a current code.
#[server(endpoint = "profile/second_factor/recovery_codes")]
pub async fn renew_recovery_codes(proof: String) -> Result<RecoveryCodes, AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let this = this_session().await?;
    let codes = second_factor::renew_recovery_codes(&state, &actor, &this, &proof).await?;
    keep_for_the_next_page(&codes).await?;
    Ok(codes)
}

/// The recovery codes made by a form sent without JavaScript, once; then nothing.
#[server(endpoint = "profile/second_factor/recovery_codes/shown_once")]
pub async fn recovery_codes_shown_once() -> Result<Option<RecoveryCodes>, AppError> {
    let state = app_state()?;
    signed_in_to_set_up_second_factor(&state).await?;
    shown_once::take(&state.keyring).await
}

/// Turns the second factor off; `proof` is the password or a current code.
#[server(endpoint = "profile/second_factor/off")]
pub async fn turn_off_second_factor(proof: String) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let this = this_session().await?;
    second_factor::turn_off(&state, &actor, &this, &proof).await?;
    back_to_security_page();
    Ok(())
}

/// An administrator removes someone's second factor (person `id`).
#[server(endpoint = "users/second_factor/reset")]
pub async fn reset_second_factor(id: i64) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    second_factor::reset(&state, &actor, id).await
}

/// Without JavaScript the form posts for real: the page after the redirect shows the codes.
#[cfg(feature = "ssr")]
async fn keep_for_the_next_page(codes: &RecoveryCodes) -> Result<(), AppError> {
    if is_plain_form_post() {
        shown_once::keep(&app_state()?.keyring, codes).await?;
        back_to_security_page();
    }
    Ok(())
}

/// Without JavaScript a form posts for real: back to the security page it came from.
#[cfg(feature = "ssr")]
pub(super) fn back_to_security_page() {
    if is_plain_form_post() {
        leptos_axum::redirect("/profile/security");
    }
}

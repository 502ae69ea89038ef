//! Passkeys: registering and removing them on the security page, and signing in with one
//! (without a password, or as the second step). Each ceremony is a start (the options for
//! the browser; the server's half waits in the session) and a finish (the browser's answer,
//! `PublicKeyCredential.toJSON()` as text). The rules are in
//! `server::second_factor::passkeys`.

use crate::{
    error::AppError,
    model::{PasskeyOptions, RecoveryCodes},
};
use leptos::prelude::*;

#[cfg(feature = "ssr")]
use super::second_factor::back_to_security_page;
#[cfg(feature = "ssr")]
use crate::server::{
    auth::{
        complete_sign_in, half_signed_in, keep_ceremony, request_host, request_origin, sign_in,
        signed_in, signed_in_to_set_up_second_factor, take_ceremony, this_session,
    },
    second_factor::passkeys::{self, RelyingParty},
    state::{AppState, app_state},
};

/// Starts registering a passkey called `name`; `proof` is the password or a current code.
#[server(endpoint = "profile/passkeys/start")]
pub async fn start_passkey(name: String, proof: String) -> Result<PasskeyOptions, AppError> {
    let state = app_state()?;
    let actor = signed_in_to_set_up_second_factor(&state).await?;
    let this = this_session().await?;
    let rp = relying_party(&state)?;
    let (options, waiting) =
        passkeys::start_registration(&state, &actor, &this, &rp, &name, &proof).await?;
    keep_ceremony(&waiting).await?;
    Ok(options)
}

/// Finishes registering with the browser's answer; a first second factor comes with
/// recovery codes, shown once.
#[server(endpoint = "profile/passkeys/finish")]
pub async fn finish_passkey(answer: String) -> Result<Option<RecoveryCodes>, AppError> {
    let state = app_state()?;
    let actor = signed_in_to_set_up_second_factor(&state).await?;
    let rp = relying_party(&state)?;
    let ceremony = take_ceremony().await?;
    passkeys::finish_registration(&state, &actor, &rp, ceremony, &answer).await
}

/// Removes one's passkey `id`; `proof` is the password or a current code.
#[server(endpoint = "profile/passkeys/remove")]
pub async fn remove_passkey(id: i64, proof: String) -> Result<(), AppError> {
    let state = app_state()?;
    let actor = signed_in(&state).await?;
    let this = this_session().await?;
    passkeys::remove(&state, &actor, &this, id, &proof).await?;
    back_to_security_page();
    Ok(())
}

/// Starts signing in with a passkey.
#[server(endpoint = "login/passkey/start")]
pub async fn start_passkey_sign_in() -> Result<PasskeyOptions, AppError> {
    let state = app_state()?;
    let (options, waiting) = passkeys::start_sign_in(&relying_party(&state)?)?;
    keep_ceremony(&waiting).await?;
    Ok(options)
}

/// Finishes signing in with a passkey: the second step when this browser is half signed
/// in, else the whole sign-in. The browser goes on by itself afterwards.
#[server(endpoint = "login/passkey/finish")]
pub async fn finish_passkey_sign_in(answer: String) -> Result<(), AppError> {
    let state = app_state()?;
    let rp = relying_party(&state)?;
    let ceremony = take_ceremony().await?;
    let half = half_signed_in().await?;
    let half_id = half.as_ref().map(|(id, _)| *id);
    let origin = request_origin();
    let user = passkeys::finish_sign_in(&state, &origin, &rp, ceremony, &answer, half_id).await?;
    match half {
        Some((_, method)) => complete_sign_in(&state, &user, &method).await,
        None => sign_in(&state, &user, "passkey").await,
    }
}

#[cfg(feature = "ssr")]
fn relying_party(state: &AppState) -> Result<RelyingParty, AppError> {
    RelyingParty::of(&state.config, request_host().as_deref())
}

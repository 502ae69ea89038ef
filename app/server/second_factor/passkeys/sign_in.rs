//! Signing in with a passkey: on its own, or as the second step.

use super::{B64, Ceremony, RelyingParty, decoded, dynamic_state, start_again, user_handle};
use crate::{
    error::AppError,
    model::PasskeyOptions,
    server::{
        accounts::require_password_sign_in,
        audit::{Event, Origin},
        db::UserRecord,
        errors::internal,
        policy::{Action, authorize},
        state::AppState,
        throttle::{self, Kind},
        transaction,
    },
};
use webauthn_rp::{
    AuthenticatedCredential, DiscoverableAuthentication64, DiscoverableAuthenticationServerState,
    DiscoverableCredentialRequestOptions,
    bin::{Decode, Encode},
    request::auth::AuthenticationVerificationOptions,
    response::{
        CredentialId,
        register::{CompressedPubKey, StaticState},
    },
};

/// Starts signing in with a passkey: any of this site's passkeys the browser holds.
pub fn start_sign_in(rp: &RelyingParty) -> Result<(PasskeyOptions, Ceremony), AppError> {
    authorize(None, Action::SignIn)?;
    let (server, client) = DiscoverableCredentialRequestOptions::passkey(&rp.id)
        .start_ceremony()
        .map_err(internal)?;
    let json = serde_json::to_string(&client).map_err(internal)?;
    let waiting = Ceremony::SignIn {
        state: B64.encode(&server.encode().map_err(internal)?),
    };
    Ok((PasskeyOptions { json }, waiting))
}

/// Finishes signing in with a passkey: returns its holder, for the caller to sign them in.
/// `half_signed_in`: the person whose first factor passed on this session, when this is
/// their second step (then only their passkeys count). Failures count towards throttling
/// (the address, and the account when known) and every outcome is audited.
pub async fn finish_sign_in(
    state: &AppState,
    origin: &Origin,
    rp: &RelyingParty,
    ceremony: Option<Ceremony>,
    answer: &str,
    half_signed_in: Option<i64>,
) -> Result<UserRecord, AppError> {
    authorize(None, Action::SignIn)?;
    // On its own a passkey is a way in like a password: where the organisation turned
    // passwords off for its provider, a passkey is only the second step.
    if half_signed_in.is_none() && require_password_sign_in(state).await.is_err() {
        return Err(AppError::Refused {
            reason: crate::i18n::t("server-passkey-second-step-only"),
        });
    }
    let kind = match half_signed_in {
        Some(_) => Kind::SecondFactor,
        None => Kind::SignIn,
    };
    throttle::check(state, origin, kind, None).await?;
    let Some(Ceremony::SignIn { state: waiting }) = ceremony else {
        return Err(start_again());
    };
    let server =
        DiscoverableAuthenticationServerState::decode(&decoded(&waiting)?).map_err(internal)?;
    let failed = async |user: Option<&UserRecord>, reason: &str| {
        refuse_sign_in(state, origin, kind, user, reason).await
    };
    let Ok(assertion) = DiscoverableAuthentication64::from_json_relaxed(answer.as_bytes()) else {
        return Err(failed(None, "not_a_passkey").await);
    };
    let credential_id = B64.encode(assertion.raw_id().as_ref());
    let stored = state
        .db
        .passkey_by_credential(&credential_id)
        .await
        .map_err(internal)?;
    let Some(stored) = stored.filter(|p| half_signed_in.is_none_or(|id| p.user_id == id)) else {
        return Err(failed(None, "unknown_passkey").await);
    };
    let user = state
        .db
        .user_by_id(stored.user_id)
        .await
        .map_err(internal)?
        .filter(UserRecord::is_active);
    let Some(user) = user else {
        return Err(failed(None, "inactive").await);
    };
    throttle::check_account(state, origin, kind, &user.email).await?;
    let handle = user_handle(&stored)?;
    let id_bytes = decoded(&stored.credential_id)?;
    let mut credential = AuthenticatedCredential::new(
        CredentialId::<&[u8]>::decode(&id_bytes).map_err(internal)?,
        &handle,
        StaticKey::decode(&decoded(&stored.static_state)?).map_err(internal)?,
        dynamic_state(&stored)?,
    )
    .map_err(internal)?;
    let options = AuthenticationVerificationOptions::<String, String> {
        allowed_origins: &rp.origins,
        ..Default::default()
    };
    if let Err(error) = server.verify(&rp.id, &assertion, &mut credential, &options) {
        tracing::info!(user_id = user.id, %error, "passkey sign-in refused");
        return Err(failed(Some(&user), "not_verified").await);
    }
    let after = B64.encode(&credential.dynamic_state().encode().map_err(internal)?);
    let event = Event::new(match half_signed_in {
        Some(_) => "auth.second_factor",
        None => "auth.passkey",
    })
    .by(user.id)
    .on(format!("user:{}", user.id))
    .with(serde_json::json!({ "with": "passkey", "passkey": stored.name }));
    let used = transaction::run(&state.db, async |tx| {
        if !tx
            .use_passkey(stored.id, &stored.dynamic_state, &after)
            .await?
        {
            return Ok(false);
        }
        tx.audit(origin, event.clone()).await?;
        Ok(true)
    })
    .await?;
    if !used {
        // Another sign-in with this passkey won the race for its counter.
        return Err(failed(Some(&user), "raced").await);
    }
    Ok(user)
}

/// A stored public key, decoded.
type StaticKey = StaticState<CompressedPubKey<[u8; 32], [u8; 32], [u8; 48], Vec<u8>>>;

async fn refuse_sign_in(
    state: &AppState,
    origin: &Origin,
    kind: Kind,
    user: Option<&UserRecord>,
    reason: &str,
) -> AppError {
    let mut event = Event::new("auth.passkey_failed").with(serde_json::json!({ "reason": reason }));
    if let Some(user) = user {
        event = event.on(format!("user:{}", user.id));
    }
    let account = user.map(|u| u.email.as_str());
    let recorded = transaction::run(&state.db, async |tx| {
        throttle::record_failure(tx, origin, kind, account).await?;
        tx.audit(origin, event.clone()).await?;
        Ok(())
    })
    .await;
    if let Err(error) = recorded {
        return error;
    }
    AppError::Refused {
        reason: crate::i18n::t("server-passkey-sign-in-failed"),
    }
}

//! Registering a passkey, and removing one.

use super::{
    B64, Ceremony, MAX_NAME_CHARS, MAX_PASSKEYS, RelyingParty, decoded, start_again, user_handle,
};
use crate::{
    error::AppError,
    model::{PasskeyOptions, RecoveryCodes, validate::Checks},
    server::{
        accounts::{ThisSession, audit_on_self},
        actor::Actor,
        db::{NewPasskey, is_unique_violation},
        errors::internal,
        policy::Action,
        second_factor::{app_on, codes, enrol::keep_recovery_codes, prove},
        state::AppState,
        transaction,
    },
};
use webauthn_rp::{
    PublicKeyCredentialCreationOptions, Registration, RegistrationServerState,
    bin::{Decode, Encode},
    request::{
        PublicKeyCredentialDescriptor,
        register::{
            CredProtect, Nickname, PublicKeyCredentialUserEntity, RegistrationVerificationOptions,
            USER_HANDLE_MAX_LEN, UserHandle64, Username,
        },
    },
    response::{AuthTransports, CredentialId},
};

/// Starts registering a passkey called `name`; needs a fresh proof (`proof`: the password
/// or a current app code), as adding a way in does.
pub async fn start_registration(
    state: &AppState,
    actor: &Actor,
    this: &ThisSession,
    rp: &RelyingParty,
    name: &str,
    proof: &str,
) -> Result<(PasskeyOptions, Ceremony), AppError> {
    actor.require(Action::ManageOwnSecondFactor)?;
    let name = valid_name(name)?;
    let existing = state.db.passkeys_of(actor.id()).await.map_err(internal)?;
    if existing.len() >= MAX_PASSKEYS {
        return Err(AppError::Refused {
            reason: crate::i18n::t_with(
                "server-passkeys-too-many",
                &[("count", MAX_PASSKEYS.into())],
            ),
        });
    }
    prove(state, actor, this, proof).await?;
    // One handle per person, on each of their passkeys, so authenticators keep them together.
    let handle = match existing.first() {
        Some(passkey) => user_handle(passkey)?,
        None => UserHandle64::new(),
    };
    let exclude = existing
        .iter()
        .map(|passkey| {
            Ok(PublicKeyCredentialDescriptor {
                id: CredentialId::<Vec<u8>>::decode(decoded(&passkey.credential_id)?)
                    .map_err(internal)?,
                transports: AuthTransports::decode(0).map_err(internal)?,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let me = &actor.user;
    let user = PublicKeyCredentialUserEntity {
        name: Username::try_from(me.email.as_str())
            .or_else(|_| Username::try_from("v2mom"))
            .map_err(internal)?,
        id: &handle,
        display_name: Nickname::try_from(me.display_name.as_str()).ok(),
    };
    let mut options = PublicKeyCredentialCreationOptions::passkey(&rp.id, user, exclude);
    // Not credProtect: browsers refuse a required extension an authenticator lacks, and
    // user verification is required at every use anyway.
    options.extensions.cred_protect = CredProtect::None;
    let (server, client) = options.start_ceremony().map_err(internal)?;
    let json = serde_json::to_string(&client).map_err(internal)?;
    let waiting = Ceremony::Register {
        state: B64.encode(&server.encode().map_err(internal)?),
        name,
    };
    Ok((PasskeyOptions { json }, waiting))
}

/// Finishes registering: checks the browser's `answer` against the ceremony, stores the
/// passkey and audits it. A first second factor comes with recovery codes (shown once).
pub async fn finish_registration(
    state: &AppState,
    actor: &Actor,
    rp: &RelyingParty,
    ceremony: Option<Ceremony>,
    answer: &str,
) -> Result<Option<RecoveryCodes>, AppError> {
    actor.require(Action::ManageOwnSecondFactor)?;
    let Some(Ceremony::Register {
        state: waiting,
        name,
    }) = ceremony
    else {
        return Err(start_again());
    };
    let server = RegistrationServerState::<USER_HANDLE_MAX_LEN>::decode(&decoded(&waiting)?)
        .map_err(internal)?;
    let registration =
        Registration::from_json_relaxed(answer.as_bytes()).map_err(|_| not_a_passkey())?;
    let options = RegistrationVerificationOptions::<String, String> {
        allowed_origins: &rp.origins,
        ..Default::default()
    };
    let credential = server
        .verify(&rp.id, &registration, &options)
        .map_err(|error| {
            tracing::info!(user_id = actor.id(), %error, "passkey not registered");
            not_a_passkey()
        })?;
    let static_state = credential.static_state().encode().map_err(internal)?;
    let dynamic_state = credential.dynamic_state().encode().map_err(internal)?;
    let (credential_id, user_handle) = (
        B64.encode(credential.id().as_ref()),
        B64.encode(credential.user_id().as_ref()),
    );
    let new = NewPasskey {
        user_id: actor.id(),
        name: &name,
        credential_id: &credential_id,
        user_handle: &user_handle,
        static_state: &B64.encode(&static_state),
        dynamic_state: &B64.encode(&dynamic_state),
    };
    let codes_left = state
        .db
        .recovery_codes_left(actor.id())
        .await
        .map_err(internal)?;
    let codes = (codes_left == 0).then(|| RecoveryCodes {
        codes: codes::new_recovery_codes(),
    });
    transaction::run(&state.db, async |tx| {
        match tx.insert_passkey(&new).await {
            Err(error) if is_unique_violation(&error) => {
                return Err(AppError::Refused {
                    reason: crate::i18n::t("server-passkey-registered-already"),
                }
                .into());
            }
            other => other?,
        };
        if let Some(codes) = &codes {
            keep_recovery_codes(tx, actor.id(), codes).await?;
        }
        let about = serde_json::json!({ "name": name });
        audit_on_self(tx, actor, "second_factor.passkey_added", Some(about)).await?;
        Ok(())
    })
    .await?;
    Ok(codes)
}

/// Removes one of one's passkeys; needs a fresh proof. The recovery codes go with the last
/// second factor.
pub async fn remove(
    state: &AppState,
    actor: &Actor,
    this: &ThisSession,
    id: i64,
    proof: &str,
) -> Result<(), AppError> {
    actor.require(Action::ManageOwnSecondFactor)?;
    prove(state, actor, this, proof).await?;
    let app_on = app_on(state, &actor.user).await?;
    transaction::run(&state.db, async |tx| {
        let Some(name) = tx.delete_passkey(actor.id(), id).await? else {
            return Ok(false);
        };
        if !app_on && tx.count_passkeys(actor.id()).await? == 0 {
            tx.replace_recovery_codes(actor.id(), &[]).await?;
        }
        let about = serde_json::json!({ "name": name });
        audit_on_self(tx, actor, "second_factor.passkey_removed", Some(about)).await?;
        Ok(true)
    })
    .await?
    .then_some(())
    .ok_or(AppError::NotFound)
}

/// The name as stored, by the rule every one-line text obeys (required, at most
/// [`MAX_NAME_CHARS`], no control characters).
fn valid_name(name: &str) -> Result<String, AppError> {
    let mut checks = Checks::new();
    let name = checks.text("name", name, MAX_NAME_CHARS);
    checks.into_result()?;
    Ok(name.trim().to_owned())
}

fn not_a_passkey() -> AppError {
    AppError::Refused {
        reason: crate::i18n::t("server-passkey-not-checked"),
    }
}

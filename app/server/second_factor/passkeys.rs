//! Passkeys (WebAuthn, verified by `webauthn_rp`): registered on the security page, then
//! taken by the second step of signing in, and a way in without a password — a passkey
//! checks its holder itself (a PIN, a fingerprint: user verification is required), so it is
//! two factors on its own.
//!
//! Each ceremony is two requests. The first answers the options for the browser and a
//! [`Ceremony`] for the caller to keep in the session (it carries the challenge and its
//! expiry, encoded, so any process of a cluster can finish it); the second takes it back,
//! once, with the browser's answer.

use super::{codes, prove};
use crate::{
    error::{AppError, FieldError},
    model::{PasskeyInfo, PasskeyOptions, RecoveryCodes},
    server::{
        accounts::{ThisSession, audit_on_self, require_password_sign_in},
        actor::Actor,
        audit::{Event, Origin},
        config::Config,
        db::{NewPasskey, PasskeyRecord, UserRecord, is_unique_violation, rfc3339},
        errors::internal,
        policy::{Action, authorize},
        state::AppState,
        throttle::{self, Kind},
        transaction,
    },
};
use data_encoding::BASE64URL_NOPAD as B64;
use serde::{Deserialize, Serialize};
use webauthn_rp::{
    AuthenticatedCredential, DiscoverableAuthentication64, DiscoverableAuthenticationServerState,
    DiscoverableCredentialRequestOptions, PublicKeyCredentialCreationOptions, Registration,
    RegistrationServerState,
    bin::{Decode, Encode},
    request::{
        AsciiDomain, PublicKeyCredentialDescriptor, RpId,
        auth::AuthenticationVerificationOptions,
        register::{
            CredProtect, Nickname, PublicKeyCredentialUserEntity, RegistrationVerificationOptions,
            USER_HANDLE_MAX_LEN, UserHandle64, Username,
        },
    },
    response::{
        AuthTransports, CredentialId,
        register::{CompressedPubKey, DynamicState, StaticState},
    },
};

/// How many passkeys one person may register.
pub const MAX_PASSKEYS: usize = 10;
/// The longest name a passkey may have, in characters.
pub const MAX_NAME_CHARS: usize = 60;

/// The site passkeys are registered for: its domain (the RP ID) and the origins its pages
/// are served from. Fixed by the public URL when it is set; else the address this request
/// came to, like single sign-on's return address.
pub struct RelyingParty {
    id: RpId,
    origins: Vec<String>,
}

impl RelyingParty {
    pub fn of(config: &Config, host: Option<&str>) -> Result<Self, AppError> {
        let (domain, origins) = match &config.public_url {
            Some(url) => (
                url.host_str().unwrap_or_default().to_owned(),
                vec![url.origin().ascii_serialization()],
            ),
            None => {
                let host = host
                    .filter(|h| !h.is_empty() && !h.contains(['/', '\\', '@', ' ']))
                    .ok_or(AppError::BadRequest)?;
                let domain = host.rsplit_once(':').map_or(host, |(name, _port)| name);
                let origins = vec![format!("http://{host}"), format!("https://{host}")];
                (domain.to_owned(), origins)
            }
        };
        let domain = AsciiDomain::try_from(domain).map_err(|_| AppError::Refused {
            reason: "Passkeys need the site to be reached by its domain name.".into(),
        })?;
        Ok(RelyingParty {
            id: RpId::Domain(domain),
            origins,
        })
    }
}

/// A ceremony's server half, waiting in the session for the browser's answer.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Ceremony {
    /// Registering a passkey called `name` for the person signed in.
    Register { state: String, name: String },
    /// Signing in with a passkey.
    SignIn { state: String },
}

/// One's passkeys as the security page lists them.
pub async fn list(state: &AppState, user_id: i64) -> Result<Vec<PasskeyInfo>, AppError> {
    let stored = state.db.passkeys_of(user_id).await.map_err(internal)?;
    Ok(stored
        .into_iter()
        .map(|p| PasskeyInfo {
            id: p.id,
            name: p.name,
            created_at: rfc3339(p.created_at),
            last_used_at: p.last_used_at.map(rfc3339),
        })
        .collect())
}

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
            reason: format!(
                "You have {MAX_PASSKEYS} passkeys, the most one person may have: remove one first."
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
                    reason: "That passkey is registered already.".into(),
                }
                .into());
            }
            other => other?,
        };
        if let Some(codes) = &codes {
            super::enrol::keep_recovery_codes(tx, actor.id(), codes).await?;
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
    let app_on = super::app_on(state, &actor.user).await?;
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
            reason: "Passkeys here are only a second step: sign in with your organisation's \
                     provider first."
                .into(),
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
    throttle::check(state, origin, kind, Some(&user.email)).await?;
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
        reason: "That passkey did not sign you in. Try again, or use another way.".into(),
    }
}

fn valid_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    let message = if name.is_empty() {
        "Give the passkey a name, such as the device it is on."
    } else if name.chars().count() > MAX_NAME_CHARS {
        "At most 60 characters."
    } else {
        return Ok(name.to_owned());
    };
    Err(AppError::Invalid {
        fields: vec![FieldError {
            field: "name".into(),
            message: message.into(),
        }],
    })
}

fn user_handle(passkey: &PasskeyRecord) -> Result<UserHandle64, AppError> {
    let bytes: [u8; USER_HANDLE_MAX_LEN] = decoded(&passkey.user_handle)?
        .try_into()
        .map_err(|_| internal("a stored passkey's user handle has the wrong length"))?;
    UserHandle64::decode(bytes).map_err(internal)
}

fn dynamic_state(passkey: &PasskeyRecord) -> Result<DynamicState, AppError> {
    let bytes: [u8; 7] = decoded(&passkey.dynamic_state)?
        .try_into()
        .map_err(|_| internal("a stored passkey's state has the wrong length"))?;
    DynamicState::decode(bytes).map_err(internal)
}

fn decoded(text: &str) -> Result<Vec<u8>, AppError> {
    B64.decode(text.as_bytes()).map_err(internal)
}

fn start_again() -> AppError {
    AppError::Refused {
        reason: "That took too long, or was not started here: please start again.".into(),
    }
}

fn not_a_passkey() -> AppError {
    AppError::Refused {
        reason: "The browser's answer could not be checked, so no passkey was added. Remove \
                 the passkey it made on your device, and try again."
            .into(),
    }
}

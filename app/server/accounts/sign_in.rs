//! Signing in with a password, and whether passwords are accepted at all.

use crate::{
    error::AppError,
    model::{
        CurrentUser,
        sso::{ProviderButton, SignInChoices},
        validate::{Checks, MAX_EMAIL},
    },
    server::{
        actor::Actor,
        audit::{Event, Origin},
        db::{UserRecord, email_key},
        errors::internal,
        events,
        metrics::SIGN_INS_TOTAL,
        password::Verified,
        policy::{Action, authorize},
        second_factor, sso,
        state::AppState,
        throttle::{self, Kind},
        transaction,
    },
};

/// The sign-in providers switched on, as the sign-in page offers them.
pub async fn enabled_providers(state: &AppState) -> Result<Vec<ProviderButton>, AppError> {
    let providers = sso::stored_providers(state).await?;
    Ok(providers
        .into_iter()
        .filter(|p| p.enabled)
        .map(|p| ProviderButton {
            slug: p.slug,
            name: p.name,
        })
        .collect())
}

/// Who is signed in (`None`: nobody), as the pages show them, and whether they must set up
/// a second factor before anything else.
pub async fn who_am_i(
    state: &AppState,
    actor: Option<&Actor>,
) -> Result<Option<CurrentUser>, AppError> {
    authorize(None, Action::ReadPublicInfo)?;
    let Some(actor) = actor else {
        return Ok(None);
    };
    Ok(Some(CurrentUser {
        must_set_up_second_factor: second_factor::must_set_up(state, &actor.user).await?,
        unread_notifications: events::inbox::unread(state, actor).await?,
        ..actor.user.to_current()
    }))
}

/// What the sign-in and invitation pages offer: passwords or not, and the providers.
pub async fn sign_in_choices(state: &AppState) -> Result<SignInChoices, AppError> {
    authorize(None, Action::ReadPublicInfo)?;
    let providers = enabled_providers(state).await?;
    Ok(SignInChoices {
        password: passwords_accepted(state, &providers),
        providers,
    })
}

/// Passwords are accepted unless the configuration turned them off — and even then when
/// no provider is enabled, so there is always a way in.
pub fn passwords_accepted(state: &AppState, providers: &[ProviderButton]) -> bool {
    state.config.settings.password_sign_in || providers.is_empty()
}

/// Refuses a password sign-in (or a password chosen to sign in with) when passwords are
/// turned off.
pub async fn require_password_sign_in(state: &AppState) -> Result<(), AppError> {
    if state.config.settings.password_sign_in
        || passwords_accepted(state, &enabled_providers(state).await?)
    {
        return Ok(());
    }
    Err(AppError::Refused {
        reason: crate::i18n::t("server-passwords-off"),
    })
}

/// Checks the password; returns the person, for the caller to sign in. Unknown email, wrong
/// password and disabled account get the same answer, after the same work, and count the
/// same towards throttling; a throttled attempt is refused (429) before the password is
/// looked at. A hash made under older parameters is renewed.
pub async fn sign_in_with_password(
    state: &AppState,
    origin: &Origin,
    email: &str,
    password: &str,
) -> Result<UserRecord, AppError> {
    authorize(None, Action::SignIn)?;
    require_password_sign_in(state).await?;
    // Text no account could have is a mistake in the form, not an attempt on an account.
    let mut checks = Checks::new();
    let email = checks.optional_text("email", email, MAX_EMAIL);
    checks.into_result()?;
    let email = email.as_str();
    throttle::check(state, origin, Kind::SignIn, Some(email)).await?;
    let user = state.db.user_by_email(email).await.map_err(internal)?;
    let stored = user.as_ref().and_then(|u| u.password_hash());
    let verified = state.passwords.verify(password, stored.as_ref()).await?;

    let refused = match (&user, verified) {
        (None, _) => Some("unknown_email"),
        (Some(_), Verified::No) => Some("wrong_password"),
        (Some(user), _) if !user.is_active() => Some("disabled"),
        _ => None,
    };
    if let Some(reason) = refused {
        // An account is named by its id: the audit log outlives erasure, so it holds no
        // address of anyone's. Only an address no account has is kept, as typed.
        let event = Event::new("auth.sign_in_failed");
        let event = match &user {
            Some(user) => event
                .on(format!("user:{}", user.id))
                .with(serde_json::json!({ "reason": reason })),
            None => {
                let attempted: String = email_key(email).chars().take(254).collect();
                event.with(serde_json::json!({ "reason": reason, "email": attempted }))
            }
        };
        transaction::run(&state.db, async |tx| {
            throttle::record_failure(tx, origin, Kind::SignIn, Some(email)).await?;
            tx.audit(origin, event.clone()).await?;
            Ok(())
        })
        .await?;
        metrics::counter!(SIGN_INS_TOTAL, "outcome" => "refused").increment(1);
        return Err(AppError::BadCredentials);
    }
    let user = user.ok_or_else(|| internal("verified without a user"))?;

    if verified == (Verified::Yes { rehash: true }) {
        let hash = state.passwords.hash(password).await?;
        transaction::run(&state.db, async |tx| {
            Ok(tx.set_password_hash(user.id, &hash).await?)
        })
        .await?;
    }
    metrics::counter!(SIGN_INS_TOTAL, "outcome" => "success").increment(1);
    Ok(user)
}

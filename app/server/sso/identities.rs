//! One's own sign-in methods: the identities linked to one's account, and unlinking one.
//! Linking happens at the end of a provider's sign-in ([`super::accounts`]).

use crate::{
    error::AppError,
    model::sso::{LinkedIdentity, SignInMethods},
    server::{
        accounts::{ThisSession, confirm_it_is_you, enabled_providers, passwords_accepted},
        actor::Actor,
        audit::Event,
        db::display_time,
        errors::internal,
        policy::Action,
        state::AppState,
        transaction,
    },
};

/// How the actor signs in: a password or not, their linked identities, the providers they
/// could link.
pub async fn sign_in_methods(state: &AppState, actor: &Actor) -> Result<SignInMethods, AppError> {
    actor.require(Action::ManageOwnAccount)?;
    let identities = state
        .db
        .linked_identities(actor.id())
        .await
        .map_err(internal)?
        .into_iter()
        .map(|i| LinkedIdentity {
            id: i.id,
            provider: i.provider_name,
            email: i.email,
            linked: display_time(i.created_at),
            last_used: display_time(i.last_used_at),
        })
        .collect();
    Ok(SignInMethods {
        has_password: actor.user.password_hash().is_some(),
        identities,
        providers: enabled_providers(state).await?,
    })
}

/// Removes one of the actor's linked identities, once they confirm it is them (`password`,
/// or a recent sign-in on `this` session). The last way to sign in cannot be removed.
pub async fn unlink(
    state: &AppState,
    actor: &Actor,
    this: &ThisSession,
    id: i64,
    password: &str,
) -> Result<(), AppError> {
    actor.require(Action::ManageOwnAccount)?;
    let me = &actor.user;
    confirm_it_is_you(
        state,
        &actor.origin,
        me,
        this.signed_in_for,
        password,
        "password",
        "sso.unlink_failed",
    )
    .await?;
    // A password is a way in only where passwords are accepted.
    let password_works =
        me.password_hash().is_some() && passwords_accepted(state, &enabled_providers(state).await?);
    transaction::run(&state.db, async |tx| {
        let count = tx.sso_identity_count(me.id).await?;
        if !password_works && count <= 1 {
            return Err(AppError::Refused {
                reason: crate::i18n::t("server-sso-only-way-in"),
            }
            .into());
        }
        if !tx.unlink_sso_identity(me.id, id).await? {
            return Err(AppError::NotFound.into());
        }
        let event = Event::new("sso.unlinked")
            .by(me.id)
            .on(format!("user:{}", me.id))
            .with(serde_json::json!({ "identity": id }));
        tx.audit(&actor.origin, event).await?;
        Ok(())
    })
    .await
}

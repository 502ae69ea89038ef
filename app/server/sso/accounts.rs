//! Who a verified provider identity is here. Identities are found by (issuer, subject)
//! only; an email links or creates an account only where the provider's settings allow and
//! the provider has verified it.

use super::{Provider, ProviderIdentity, Purpose, Refusal, Stop};
use crate::{
    error::AppError,
    model::{
        Role,
        sso::{SsoFailure, domain_allowed},
    },
    server::{
        audit::{Event, Origin},
        db::{NewSsoIdentity, NewUser, Tx, UserRecord, is_unique_violation},
        errors::internal,
        invitations,
        state::AppState,
        transaction::{self, Abort},
    },
};

/// What the flow ends in.
pub enum Outcome {
    /// Sign this person in.
    SignIn(Box<UserRecord>),
    /// The identity now belongs to the signed-in person's account.
    Linked,
}

pub async fn settle(
    state: &AppState,
    origin: &Origin,
    provider: &Provider,
    identity: &ProviderIdentity,
    purpose: &Purpose,
) -> Result<Outcome, Stop> {
    let identity = &identity.cleaned()?;
    let linked = state
        .db
        .sso_identity(&identity.issuer, &identity.subject)
        .await
        .map_err(internal)?;
    let email = identity.email.as_deref().unwrap_or("").trim();
    let refuse = |failure, detail: &str| Err(Refusal::new(failure, detail).into());

    match purpose {
        Purpose::Link { user_id } => match linked {
            Some(found) if found.user_id != *user_id => refuse(
                SsoFailure::LinkedElsewhere,
                "identity belongs to another user",
            ),
            Some(found) => {
                touch(state, found.id, email).await?;
                Ok(Outcome::Linked)
            }
            None => {
                transaction::run_as(&state.db, async |tx| {
                    link(tx, origin, provider, identity, *user_id, "profile").await
                })
                .await?;
                Ok(Outcome::Linked)
            }
        },

        Purpose::Invitation { token } => {
            let (invitation, user) = match invitations::open(state, token).await {
                Ok(found) => found,
                Err(AppError::NotFound) => {
                    return refuse(SsoFailure::Expired, "invitation not open");
                }
                Err(other) => return Err(other.into()),
            };
            if linked
                .as_ref()
                .is_some_and(|found| found.user_id != user.id)
            {
                return refuse(
                    SsoFailure::LinkedElsewhere,
                    "identity belongs to another user",
                );
            }
            let method = serde_json::json!({ "method": format!("sso:{}", provider.record.slug) });
            transaction::run_as(&state.db, async |tx| {
                if !invitations::close(tx, &invitation).await? {
                    return Err(
                        Refusal::new(SsoFailure::Expired, "invitation closed meanwhile").into(),
                    );
                }
                if linked.is_none() {
                    link(tx, origin, provider, identity, user.id, "invitation").await?;
                }
                invitations::record_accepted(tx, origin, &user, Some(method.clone())).await?;
                Ok(())
            })
            .await?;
            Ok(Outcome::SignIn(Box::new(user)))
        }

        Purpose::SignIn { .. } => {
            if let Some(found) = linked {
                let user = state
                    .db
                    .user_by_id(found.user_id)
                    .await
                    .map_err(internal)?
                    .ok_or_else(|| internal("identity without a user"))?;
                if !user.is_active() {
                    return refuse(SsoFailure::Disabled, "account disabled");
                }
                touch(state, found.id, email).await?;
                return Ok(Outcome::SignIn(Box::new(user)));
            }
            let record = &provider.record;
            let may_create = domain_allowed(email, &record.allowed_domains);
            if !record.link_verified_emails && !may_create {
                return refuse(
                    SsoFailure::NoAccount,
                    "no link, and the provider links nobody",
                );
            }
            if email.is_empty() || !identity.email_verified {
                return refuse(SsoFailure::UnverifiedEmail, "email missing or not verified");
            }
            let existing = state.db.user_by_email(email).await.map_err(internal)?;
            match existing {
                Some(user) if record.link_verified_emails => {
                    if !user.is_active() {
                        return refuse(SsoFailure::Disabled, "account disabled");
                    }
                    transaction::run_as(&state.db, async |tx| {
                        link(tx, origin, provider, identity, user.id, "verified_email").await?;
                        // Signed in through the provider: an invitation still open has done
                        // its job.
                        tx.close_invitations_of(user.id).await?;
                        Ok(())
                    })
                    .await?;
                    Ok(Outcome::SignIn(Box::new(user)))
                }
                None if may_create => {
                    let user = create(state, origin, provider, identity, email).await?;
                    Ok(Outcome::SignIn(Box::new(user)))
                }
                _ => refuse(
                    SsoFailure::NoAccount,
                    "no account, and the domain may not sign up",
                ),
            }
        }
    }
}

/// Links the identity to `user_id`, audited as `sso.linked` with how it came about.
async fn link(
    tx: &mut Tx,
    origin: &Origin,
    provider: &Provider,
    identity: &ProviderIdentity,
    user_id: i64,
    how: &str,
) -> Result<(), Abort<Stop>> {
    let added = tx
        .link_sso_identity(NewSsoIdentity {
            user_id,
            provider_id: provider.record.id,
            issuer: &identity.issuer,
            subject: &identity.subject,
            email: identity.email.as_deref().unwrap_or(""),
        })
        .await;
    match added {
        // Someone finished the same first sign-in a moment earlier.
        Err(err) if is_unique_violation(&err) => {
            return Err(Refusal::new(SsoFailure::Expired, "identity linked meanwhile").into());
        }
        other => other?,
    };
    let event = Event::new("sso.linked")
        .by(user_id)
        .on(format!("user:{user_id}"))
        .with(serde_json::json!({
            "provider": provider.record.slug,
            "how": how,
        }));
    tx.audit(origin, event).await?;
    Ok(())
}

async fn touch(state: &AppState, identity_id: i64, email: &str) -> Result<(), AppError> {
    transaction::run(&state.db, async |tx| {
        Ok(tx.touch_sso_identity(identity_id, email).await?)
    })
    .await
}

/// A new employee account for someone at an allowed domain, with the identity linked.
async fn create(
    state: &AppState,
    origin: &Origin,
    provider: &Provider,
    identity: &ProviderIdentity,
    email: &str,
) -> Result<UserRecord, Stop> {
    let name = identity
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| email.split('@').next().unwrap_or(email));
    let name: String = name
        .chars()
        .take(crate::model::validate::MAX_NAME)
        .collect();
    transaction::run_as(&state.db, async |tx| {
        let created = tx
            .create_user(NewUser {
                email,
                display_name: &name,
                job_title: "",
                function: "",
                role: Role::Employee,
                manager_id: None,
                password_hash: None,
            })
            .await;
        let user = match created {
            Err(err) if is_unique_violation(&err) => {
                return Err(Refusal::new(SsoFailure::Expired, "account created meanwhile").into());
            }
            other => other?,
        };
        let event = Event::new("user.registered")
            .by(user.id)
            .on(format!("user:{}", user.id))
            .with(serde_json::json!({ "method": format!("sso:{}", provider.record.slug) }));
        tx.audit(origin, event).await?;
        link(tx, origin, provider, identity, user.id, "new_account").await?;
        Ok(user)
    })
    .await
}

//! Single sign-on: the providers on the sign-in page, their administration, and the
//! identities linked to one's own account. The flow itself is in `server::http::sso`.
// The admin forms' server functions take one argument per field. server_fn_macro 0.8 drops
// their `allow` from the browser's stub, so the browser build needs it here.
#![cfg_attr(feature = "hydrate", allow(clippy::too_many_arguments))]

use crate::{
    error::AppError,
    model::sso::{LinkedIdentity, ProviderButton, ProviderSummary},
};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use crate::{
    error::FieldError,
    model::sso::{ProviderForm, ProviderKind},
    server::{
        accounts::{confirm_it_is_you, enabled_providers, passwords_accepted},
        audit::Event,
        auth::{authorized, request_origin, session, signed_in_for},
        db::{CLIENT_SECRET, SsoProviderChange, display_time, is_unique_violation},
        errors::internal,
        policy::{Action, authorize},
        sso::{
            known_redirect_uri,
            stored::{StoredForm, normalised_domains},
        },
        state::app_state,
    },
};

/// How one may sign in here: with a password or not, and the enabled providers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInChoices {
    pub password: bool,
    pub providers: Vec<ProviderButton>,
}

/// What the sign-in and invitation pages offer.
#[server(endpoint = "sign_in/options")]
pub async fn sign_in_options() -> Result<SignInChoices, AppError> {
    authorize(None, Action::ReadPublicInfo)?;
    let state = app_state()?;
    let providers = enabled_providers(&state).await?;
    Ok(SignInChoices {
        password: passwords_accepted(&state, &providers),
        providers,
    })
}

/// Every provider, for the administrators' page; never a client secret.
#[server(endpoint = "admin/sso")]
pub async fn sso_providers() -> Result<Vec<ProviderSummary>, AppError> {
    let state = app_state()?;
    authorized(&state, Action::ManageSettings).await?;
    let providers = state.db.sso_providers().await.map_err(internal)?;
    Ok(providers
        .into_iter()
        .map(|p| ProviderSummary {
            id: p.id,
            kind: ProviderKind::parse(&p.kind).unwrap_or(ProviderKind::Oidc),
            redirect_uri: known_redirect_uri(&state, &p.slug),
            name: p.name,
            slug: p.slug,
            issuer_url: p.issuer_url,
            client_id: p.client_id,
            enabled: p.enabled,
            link_verified_emails: p.link_verified_emails,
            allowed_domains: p.allowed_domains,
            from_config: p.from_config,
        })
        .collect())
}

/// Adds a provider; its client secret is stored encrypted and never shown again.
/// Checkboxes arrive as `Some(_)` when ticked, as plain forms send them.
#[server(endpoint = "admin/sso/add")]
#[allow(clippy::too_many_arguments)]
pub async fn add_sso_provider(
    kind: String,
    name: String,
    slug: String,
    issuer_url: String,
    client_id: String,
    client_secret: String,
    link_verified_emails: Option<String>,
    allowed_domains: String,
) -> Result<(), AppError> {
    let state = app_state()?;
    let me = authorized(&state, Action::ManageSettings).await?;
    let form = ProviderForm {
        kind,
        name,
        slug: slug.trim().to_owned(),
        issuer_url,
        client_id,
        client_secret: client_secret.trim().to_owned(),
        enabled: true,
        link_verified_emails: link_verified_emails.is_some(),
        allowed_domains,
    };
    form.check(true).into_result()?;
    let stored = StoredForm::new(&form, &state.keyring).ok_or(AppError::BadRequest)?;
    let mut tx = state.db.begin().await.map_err(internal)?;
    let added = tx.add_sso_provider(stored.row()).await;
    let id = match added {
        Err(err) if is_unique_violation(&err) => {
            return Err(AppError::Invalid {
                fields: vec![FieldError {
                    field: "slug".into(),
                    message: "Another provider already has this short name.".into(),
                }],
            });
        }
        other => other.map_err(internal)?,
    };
    let event = Event::new("sso.provider_added")
        .by(me.id)
        .on(format!("sso_provider:{id}"))
        .with(serde_json::json!({
            "slug": form.slug,
            "kind": stored.kind.as_str(),
            "issuer_url": stored.issuer_url,
            "link_verified_emails": form.link_verified_emails,
            "allowed_domains": stored.allowed_domains,
        }));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    leptos_axum::redirect("/admin/sso");
    Ok(())
}

/// Changes a provider added here (configured ones are changed in the configuration). An
/// empty client secret keeps the stored one.
#[server(endpoint = "admin/sso/change")]
#[allow(clippy::too_many_arguments)]
pub async fn change_sso_provider(
    id: i64,
    name: String,
    issuer_url: String,
    client_id: String,
    client_secret: String,
    enabled: Option<String>,
    link_verified_emails: Option<String>,
    allowed_domains: String,
) -> Result<(), AppError> {
    let state = app_state()?;
    let me = authorized(&state, Action::ManageSettings).await?;
    let stored = state
        .db
        .sso_providers()
        .await
        .map_err(internal)?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(AppError::NotFound)?;
    if stored.from_config {
        return Err(AppError::Refused {
            reason: "This provider is set in the configuration; change it there.".into(),
        });
    }
    let form = ProviderForm {
        kind: stored.kind.clone(),
        name,
        slug: stored.slug.clone(),
        issuer_url,
        client_id,
        client_secret,
        enabled: enabled.is_some(),
        link_verified_emails: link_verified_emails.is_some(),
        allowed_domains,
    };
    form.check(false).into_result()?;
    let kind = ProviderKind::parse(&form.kind).ok_or(AppError::BadRequest)?;
    let secret = (!form.client_secret.trim().is_empty())
        .then(|| state.keyring.seal(CLIENT_SECRET, form.client_secret.trim()));
    let domains = normalised_domains(&form.allowed_domains);
    let issuer_url = kind.issuer_url(&form.issuer_url);
    let mut tx = state.db.begin().await.map_err(internal)?;
    let changed = tx
        .change_sso_provider(
            id,
            SsoProviderChange {
                name: form.name.trim(),
                issuer_url: &issuer_url,
                client_id: form.client_id.trim(),
                client_secret: secret.as_ref(),
                enabled: form.enabled,
                link_verified_emails: form.link_verified_emails,
                allowed_domains: &domains,
            },
        )
        .await
        .map_err(internal)?;
    if !changed {
        return Err(AppError::NotFound);
    }
    let event = Event::new("sso.provider_changed")
        .by(me.id)
        .on(format!("sso_provider:{id}"))
        .with(serde_json::json!({
            "slug": stored.slug,
            "enabled": form.enabled,
            "issuer_url": issuer_url,
            "link_verified_emails": form.link_verified_emails,
            "allowed_domains": domains,
            "client_secret_replaced": secret.is_some(),
        }));
    tx.audit(&request_origin(), event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    leptos_axum::redirect("/admin/sso");
    Ok(())
}

/// How one signs in: with a password or not, the linked identities, and the providers one
/// could link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInMethods {
    pub has_password: bool,
    pub identities: Vec<LinkedIdentity>,
    pub providers: Vec<ProviderButton>,
}

#[server(endpoint = "profile/sign_in_methods")]
pub async fn my_sign_in_methods() -> Result<SignInMethods, AppError> {
    let state = app_state()?;
    let me = authorized(&state, Action::ManageOwnAccount).await?;
    let identities = state
        .db
        .linked_identities(me.id)
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
        has_password: me.password_hash().is_some(),
        identities,
        providers: enabled_providers(&state).await?,
    })
}

/// Removes one of your linked identities, after you confirm it is you. The last way to sign
/// in cannot be removed.
#[server(endpoint = "profile/unlink")]
pub async fn unlink_identity(id: i64, password: String) -> Result<(), AppError> {
    let state = app_state()?;
    let me = authorized(&state, Action::ManageOwnAccount).await?;
    let origin = request_origin();
    confirm_it_is_you(
        &state,
        &origin,
        &me,
        signed_in_for(&session().await?).await?,
        &password,
        "password",
        "sso.unlink_failed",
    )
    .await?;
    // A password is a way in only where passwords are accepted.
    let password_works = me.password_hash().is_some()
        && passwords_accepted(&state, &enabled_providers(&state).await?);
    let mut tx = state.db.begin().await.map_err(internal)?;
    let count = tx.sso_identity_count(me.id).await.map_err(internal)?;
    if !password_works && count <= 1 {
        return Err(AppError::Refused {
            reason: "This is your only way to sign in. Set a password or link another \
                     provider first."
                .into(),
        });
    }
    if !tx.unlink_sso_identity(me.id, id).await.map_err(internal)? {
        return Err(AppError::NotFound);
    }
    let event = Event::new("sso.unlinked")
        .by(me.id)
        .on(format!("user:{}", me.id))
        .with(serde_json::json!({ "identity": id }));
    tx.audit(&origin, event).await.map_err(internal)?;
    tx.commit().await.map_err(internal)?;
    leptos_axum::redirect("/profile");
    Ok(())
}

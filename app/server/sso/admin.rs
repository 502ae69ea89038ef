//! The administrators' work on sign-in providers: list them, add one, change one added here
//! (configured ones are changed in the configuration). Client secrets are sealed at once and
//! never shown again.

use super::{known_redirect_uri, stored::StoredForm};
use crate::{
    error::{AppError, FieldError},
    model::sso::{ProviderForm, ProviderKind, ProviderSummary},
    server::{
        actor::Actor, audit::Event, db::is_unique_violation, errors::internal, policy::Action,
        state::AppState, transaction,
    },
};

/// Every provider, for the administrators' page; never a client secret.
pub async fn providers(state: &AppState, actor: &Actor) -> Result<Vec<ProviderSummary>, AppError> {
    actor.require(Action::ManageSettings)?;
    let providers = state.db.sso_providers().await.map_err(internal)?;
    Ok(providers
        .into_iter()
        .map(|p| ProviderSummary {
            id: p.id,
            kind: ProviderKind::parse(&p.kind).unwrap_or(ProviderKind::Oidc),
            redirect_uri: known_redirect_uri(state, &p.slug),
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

/// Adds `form` as a provider, enabled; returns its id. Short names (slugs) are unique.
pub async fn add_provider(
    state: &AppState,
    actor: &Actor,
    mut form: ProviderForm,
) -> Result<i64, AppError> {
    actor.require(Action::ManageSettings)?;
    form.enabled = true;
    form.slug = form.slug.trim().to_owned();
    form.client_secret = form.client_secret.trim().to_owned();
    form.check(true).into_result()?;
    let stored = StoredForm::new(&form, &state.keyring).ok_or(AppError::BadRequest)?;
    stored.row().ok_or(AppError::BadRequest)?;
    transaction::run(&state.db, async |tx| {
        let row = stored.row().ok_or(AppError::BadRequest)?;
        let id = match tx.add_sso_provider(row).await {
            Err(err) if is_unique_violation(&err) => {
                return Err(AppError::Invalid {
                    fields: vec![FieldError {
                        field: "slug".into(),
                        message: crate::i18n::t("server-sso-slug-taken"),
                    }],
                }
                .into());
            }
            other => other?,
        };
        let event = Event::new("sso.provider_added")
            .by(actor.id())
            .on(format!("sso_provider:{id}"))
            .with(serde_json::json!({
                "slug": form.slug,
                "kind": stored.kind.as_str(),
                "issuer_url": stored.issuer_url,
                "link_verified_emails": form.link_verified_emails,
                "allowed_domains": stored.allowed_domains,
            }));
        tx.audit(&actor.origin, event).await?;
        Ok(id)
    })
    .await
}

/// What may change on a provider added here; an empty client secret keeps the stored one.
#[derive(Debug, Clone)]
pub struct ProviderEdit<'a> {
    pub name: &'a str,
    pub issuer_url: &'a str,
    pub client_id: &'a str,
    pub client_secret: &'a str,
    pub enabled: bool,
    pub link_verified_emails: bool,
    pub allowed_domains: &'a str,
}

/// Changes provider `id`; one set in the configuration is refused (change it there).
pub async fn change_provider(
    state: &AppState,
    actor: &Actor,
    id: i64,
    edit: ProviderEdit<'_>,
) -> Result<(), AppError> {
    actor.require(Action::ManageSettings)?;
    let current = state
        .db
        .sso_providers()
        .await
        .map_err(internal)?
        .into_iter()
        .find(|p| p.id == id)
        .ok_or(AppError::NotFound)?;
    if current.from_config {
        return Err(AppError::Refused {
            reason: crate::i18n::t("server-sso-from-config"),
        });
    }
    let mut form = ProviderForm {
        kind: current.kind,
        name: edit.name.to_owned(),
        slug: current.slug,
        issuer_url: edit.issuer_url.to_owned(),
        client_id: edit.client_id.to_owned(),
        client_secret: edit.client_secret.to_owned(),
        enabled: edit.enabled,
        link_verified_emails: edit.link_verified_emails,
        allowed_domains: edit.allowed_domains.to_owned(),
    };
    form.check(false).into_result()?;
    // Checked as typed, sealed without surrounding spaces.
    form.client_secret = form.client_secret.trim().to_owned();
    let stored = StoredForm::new(&form, &state.keyring).ok_or(AppError::BadRequest)?;
    let event = Event::new("sso.provider_changed")
        .by(actor.id())
        .on(format!("sso_provider:{id}"))
        .with(serde_json::json!({
            "slug": form.slug,
            "enabled": form.enabled,
            "issuer_url": stored.issuer_url,
            "link_verified_emails": form.link_verified_emails,
            "allowed_domains": stored.allowed_domains,
            "client_secret_replaced": stored.client_secret.is_some(),
        }));
    transaction::run(&state.db, async |tx| {
        if !tx.change_sso_provider(id, stored.change()).await? {
            return Err(AppError::NotFound.into());
        }
        tx.audit(&actor.origin, event.clone()).await?;
        Ok(())
    })
    .await
}

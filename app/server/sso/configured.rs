//! Providers kept by the configuration, written to the database at start so that the
//! sign-in flow has one place to look. A provider that has left the configuration is
//! switched off and handed to the administrators, its people's links kept.

use crate::{
    model::sso::{ProviderForm, ProviderKind},
    server::{
        db::{CLIENT_SECRET, Db, NewSsoProvider},
        keyring::Keyring,
    },
};

pub async fn sync(db: &Db, keyring: &Keyring, configured: &[ProviderForm]) -> Result<(), String> {
    let stored = db.sso_providers().await.map_err(|e| e.to_string())?;
    let mut tx = db.begin().await.map_err(|e| e.to_string())?;
    for form in configured {
        let kind = ProviderKind::parse(&form.kind).ok_or("checked at load")?;
        let secret = keyring.seal(CLIENT_SECRET, &form.client_secret);
        tx.put_config_sso_provider(NewSsoProvider {
            slug: &form.slug,
            name: form.name.trim(),
            kind: kind.as_str(),
            issuer_url: &kind.issuer_url(&form.issuer_url),
            client_id: form.client_id.trim(),
            client_secret: &secret,
            enabled: form.enabled,
            link_verified_emails: form.link_verified_emails,
            allowed_domains: &normalised_domains(&form.allowed_domains),
        })
        .await
        .map_err(|e| format!("sso provider {:?}: {e}", form.slug))?;
    }
    for gone in stored
        .iter()
        .filter(|p| p.from_config && !configured.iter().any(|c| c.slug == p.slug))
    {
        tracing::warn!(
            provider = gone.slug,
            "sso provider no longer configured: switched off, now managed on the admin page"
        );
        tx.release_config_sso_provider(gone.id)
            .await
            .map_err(|e| e.to_string())?;
    }
    tx.commit().await.map_err(|e| e.to_string())
}

/// The allowed domains as stored: lower-case, comma-separated (the form was checked).
pub fn normalised_domains(text: &str) -> String {
    crate::model::sso::domains(text)
        .unwrap_or_default()
        .join(",")
}

//! A checked provider form as the database keeps it, for the admin page and the
//! configuration alike: names trimmed, the kind's issuer URL filled in, the client secret
//! sealed, the allowed domains normalised.

use crate::{
    model::sso::{ProviderForm, ProviderKind},
    server::{
        db::{CLIENT_SECRET, NewSsoProvider, SsoProviderChange},
        keyring::{Keyring, Sealed},
    },
};

pub struct StoredForm<'a> {
    form: &'a ProviderForm,
    pub kind: ProviderKind,
    pub issuer_url: String,
    pub allowed_domains: String,
    /// `None` when the form leaves the secret empty: a change that keeps the stored one.
    pub client_secret: Option<Sealed>,
}

impl<'a> StoredForm<'a> {
    /// `None` for an unknown kind (the form is checked first, so not in practice).
    pub fn new(form: &'a ProviderForm, keyring: &Keyring) -> Option<Self> {
        let kind = ProviderKind::parse(&form.kind)?;
        Some(StoredForm {
            form,
            kind,
            issuer_url: kind.issuer_url(&form.issuer_url),
            allowed_domains: normalised_domains(&form.allowed_domains),
            client_secret: (!form.client_secret.is_empty())
                .then(|| keyring.seal(CLIENT_SECRET, &form.client_secret)),
        })
    }

    /// The row of a new provider; `None` without a client secret (a new provider's form is
    /// checked to have one).
    pub fn row(&self) -> Option<NewSsoProvider<'_>> {
        Some(NewSsoProvider {
            slug: &self.form.slug,
            name: self.form.name.trim(),
            kind: self.kind.as_str(),
            issuer_url: &self.issuer_url,
            client_id: self.form.client_id.trim(),
            client_secret: self.client_secret.as_ref()?,
            enabled: self.form.enabled,
            link_verified_emails: self.form.link_verified_emails,
            allowed_domains: &self.allowed_domains,
        })
    }

    /// What an administrator's change writes to an existing provider.
    pub fn change(&self) -> SsoProviderChange<'_> {
        SsoProviderChange {
            name: self.form.name.trim(),
            issuer_url: &self.issuer_url,
            client_id: self.form.client_id.trim(),
            client_secret: self.client_secret.as_ref(),
            enabled: self.form.enabled,
            link_verified_emails: self.form.link_verified_emails,
            allowed_domains: &self.allowed_domains,
        }
    }
}

/// The allowed domains as stored: lower-case, comma-separated (the form was checked).
fn normalised_domains(text: &str) -> String {
    crate::model::sso::domains(text)
        .unwrap_or_default()
        .join(",")
}

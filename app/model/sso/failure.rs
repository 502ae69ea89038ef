//! Why a sign-in through a provider failed: a fixed code for the URL, a fixed message for
//! the page, so nothing a provider sends is ever shown.

use crate::i18n::t;

/// Why a sign-in through a provider did not happen, as the sign-in page explains it. The
/// code travels in the URL (`?sso_error=…`), so only these fixed messages can be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SsoFailure {
    /// The provider could not be reached or answered nonsense.
    Unreachable,
    /// The person cancelled at the provider (`error=access_denied`).
    Cancelled,
    /// The provider reported another error.
    ProviderError,
    /// The answer does not belong to a sign-in this browser started (state, nonce, replay,
    /// signature, audience…).
    Mismatch,
    /// The sign-in took too long, or was already finished.
    Expired,
    /// The provider has no verified email for the person.
    UnverifiedEmail,
    /// Nobody here matches and the domain may not sign up.
    NoAccount,
    /// The identity is already linked to someone else.
    LinkedElsewhere,
    /// The account is disabled.
    Disabled,
    /// The provider is unknown or switched off.
    UnknownProvider,
    /// Too many failed attempts from this address.
    Throttled,
    /// Linking needs the current password (or a recent sign-in), and did not get it.
    NotConfirmed,
}

impl SsoFailure {
    pub const ALL: [SsoFailure; 12] = [
        SsoFailure::Unreachable,
        SsoFailure::Cancelled,
        SsoFailure::ProviderError,
        SsoFailure::Mismatch,
        SsoFailure::Expired,
        SsoFailure::UnverifiedEmail,
        SsoFailure::NoAccount,
        SsoFailure::LinkedElsewhere,
        SsoFailure::Disabled,
        SsoFailure::UnknownProvider,
        SsoFailure::Throttled,
        SsoFailure::NotConfirmed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SsoFailure::Unreachable => "unreachable",
            SsoFailure::Cancelled => "cancelled",
            SsoFailure::ProviderError => "provider_error",
            SsoFailure::Mismatch => "mismatch",
            SsoFailure::Expired => "expired",
            SsoFailure::UnverifiedEmail => "unverified_email",
            SsoFailure::NoAccount => "no_account",
            SsoFailure::LinkedElsewhere => "linked_elsewhere",
            SsoFailure::Disabled => "disabled",
            SsoFailure::UnknownProvider => "unknown_provider",
            SsoFailure::Throttled => "throttled",
            SsoFailure::NotConfirmed => "not_confirmed",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|f| f.code() == code)
    }

    pub fn message(self) -> String {
        t(match self {
            SsoFailure::Unreachable => "model-sso-unreachable",
            SsoFailure::Cancelled => "model-sso-cancelled",
            SsoFailure::ProviderError => "model-sso-provider-error",
            SsoFailure::Mismatch => "model-sso-mismatch",
            SsoFailure::Expired => "model-sso-expired",
            SsoFailure::UnverifiedEmail => "model-sso-unverified-email",
            SsoFailure::NoAccount => "model-sso-no-account",
            SsoFailure::LinkedElsewhere => "model-sso-linked-elsewhere",
            SsoFailure::Disabled => "model-sso-disabled",
            SsoFailure::UnknownProvider => "model-sso-unknown-provider",
            SsoFailure::Throttled => "model-sso-throttled",
            SsoFailure::NotConfirmed => "model-sso-not-confirmed",
        })
    }
}

//! API keys as people see them: never the token, except once, right after it was made.

use super::{Scopes, validate::Checks};
use crate::{
    error::AppError,
    i18n::{t, t_with},
};
use serde::{Deserialize, Serialize};
use std::fmt;

pub const MAX_KEY_NAME: usize = 100;
/// Ten years: a key may also never expire.
pub const MAX_EXPIRY_DAYS: i64 = 3650;

/// Where a key stands now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ApiKeyStatus {
    Active,
    Expired,
    Revoked,
}

impl ApiKeyStatus {
    pub fn label(self) -> String {
        t(match self {
            ApiKeyStatus::Active => "model-api-key-active",
            ApiKeyStatus::Expired => "model-api-key-expired",
            ApiKeyStatus::Revoked => "model-api-key-revoked",
        })
    }
}

/// One key in a list. Times are shown as `YYYY-MM-DD HH:MM UTC`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiKeySummary {
    pub id: i64,
    pub name: String,
    /// The first characters of the token after `v2mom_`, to tell keys apart.
    pub prefix: String,
    pub scopes: Scopes,
    pub created_at: String,
    pub expires_at: Option<String>,
    pub last_used_at: Option<String>,
    pub revoked_at: Option<String>,
    /// Filled in the administrators' list of everyone's keys.
    pub owner_name: Option<String>,
    pub owner_email: Option<String>,
    pub status: ApiKeyStatus,
}

/// A key just made, with its token: the only time the token is ever shown.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreatedApiKey {
    pub key: ApiKeySummary,
    pub token: String,
}

/// Never prints the token.
impl fmt::Debug for CreatedApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CreatedApiKey")
            .field("key", &self.key)
            .field("token", &"[hidden]")
            .finish()
    }
}

/// The expiry field as typed: empty is no expiry; anything not a whole number of days
/// becomes 0, which [`check_new_key`] refuses with the one message for a bad expiry.
pub fn parse_expiry_days(text: &str) -> Option<i64> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.parse().unwrap_or(0))
}

/// The rules for a new key, field by field (`name`, `scopes`, `expires_days`); the name as
/// it is stored.
pub fn check_new_key(
    name: &str,
    scopes: Scopes,
    expires_days: Option<i64>,
) -> Result<String, AppError> {
    let mut checks = Checks::new();
    let name = checks.text("name", name, MAX_KEY_NAME).trim().to_owned();
    if scopes.is_empty() {
        checks.fail("scopes", t("model-api-key-choose-scope"));
    }
    if expires_days.is_some_and(|days| !(1..=MAX_EXPIRY_DAYS).contains(&days)) {
        checks.fail(
            "expires_days",
            t_with(
                "model-api-key-expiry-days",
                &[("max", MAX_EXPIRY_DAYS.into())],
            ),
        );
    }
    checks.into_result().map(|()| name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Scope;

    #[test]
    fn a_new_key_needs_a_name_a_scope_and_a_sensible_expiry() {
        let read = Scopes::NONE.with(Scope::Read);
        assert!(check_new_key("CI", read, None).is_ok());
        assert!(check_new_key("CI", read, Some(MAX_EXPIRY_DAYS)).is_ok());
        assert!(check_new_key(" ", read, None).is_err());
        assert!(check_new_key(&"x".repeat(MAX_KEY_NAME + 1), read, None).is_err());
        assert!(check_new_key("CI", Scopes::NONE, None).is_err());
        assert!(check_new_key("CI", read, Some(0)).is_err());
        assert!(check_new_key("CI", read, Some(MAX_EXPIRY_DAYS + 1)).is_err());
        assert_eq!(parse_expiry_days(" "), None);
        assert_eq!(parse_expiry_days("30"), Some(30));
        assert_eq!(parse_expiry_days("soon"), Some(0));
    }

    #[test]
    fn a_created_key_hides_its_token_when_printed() {
        let created = CreatedApiKey {
            key: ApiKeySummary {
                id: 1,
                name: "CI".into(),
                prefix: "abcd1234".into(),
                scopes: Scopes::ALL,
                created_at: String::new(),
                expires_at: None,
                last_used_at: None,
                revoked_at: None,
                owner_name: None,
                owner_email: None,
                status: ApiKeyStatus::Active,
            },
            token: "v2mom_secret".into(),
        };
        assert!(!format!("{created:?}").contains("secret"));
    }
}

//! A second factor as the account's security page shows it.

use crate::i18n::{t, t_with};
use serde::{Deserialize, Serialize};

/// One's second factor: whether the authenticator app is on, the recovery codes left, and
/// an enrolment waiting for its first code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondFactorStatus {
    /// The organisation requires a second factor for this person's role.
    pub required: bool,
    /// When the authenticator app was turned on (RFC 3339); `None`: it is off.
    pub totp_on_since: Option<String>,
    pub recovery_codes_left: u32,
    pub enrolment: Option<TotpEnrolment>,
    /// One's passkeys, oldest first.
    pub passkeys: Vec<PasskeyInfo>,
}

/// A registered passkey as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyInfo {
    pub id: i64,
    pub name: String,
    /// RFC 3339.
    pub created_at: String,
    /// RFC 3339; `None`: never used to sign in.
    pub last_used_at: Option<String>,
}

/// What the second step of signing in can take from the person half signed in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecondStepOffer {
    /// A code from their authenticator app (a recovery code always works).
    pub app: bool,
    /// One of their passkeys.
    pub passkey: bool,
}

/// A passkey ceremony's options for the browser, `PublicKeyCredential*OptionsJSON` as text
/// (for `PublicKeyCredential.parse*OptionsFromJSON`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyOptions {
    pub json: String,
}

/// What an authenticator app needs to be set up: the secret as a QR code and as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TotpEnrolment {
    /// Base32, in groups of four for typing.
    pub secret: String,
    /// The `otpauth://` URI the QR code holds.
    pub uri: String,
    /// The QR code as an SVG document, made on the server from `uri`.
    pub qr_svg: String,
}

/// Recovery codes just made: shown once, never again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveryCodes {
    pub codes: Vec<String>,
}

impl RecoveryCodes {
    /// The codes as a text file to keep.
    pub fn as_text(&self, site: &str) -> String {
        let mut text = format!(
            "{}\n{}\n\n",
            t_with("model-recovery-codes-file-title", &[("site", site.into())]),
            t("model-recovery-codes-file-note"),
        );
        for code in &self.codes {
            text.push_str(code);
            text.push('\n');
        }
        text
    }
}

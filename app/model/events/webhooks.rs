//! Webhooks as an administrator asks for them and sees them: the form and its rules, the
//! list, and a new one's secret shown once.

use super::EventKind;
use crate::i18n::{t, t_with};
use crate::model::validate::Checks;
use serde::{Deserialize, Serialize};

/// How a webhook's deliveries are written: this API's JSON, or `{"text": …}`, which a Slack
/// (or compatible) incoming-webhook URL takes as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum WebhookFormat {
    #[default]
    Json,
    Slack,
}

impl WebhookFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            WebhookFormat::Json => "json",
            WebhookFormat::Slack => "slack",
        }
    }

    pub fn parse(text: &str) -> Option<WebhookFormat> {
        match text {
            "json" => Some(WebhookFormat::Json),
            "slack" => Some(WebhookFormat::Slack),
            _ => None,
        }
    }
}

/// The longest webhook URL accepted.
pub const MAX_WEBHOOK_URL: usize = 2000;

/// A webhook as an administrator asks for it, before the rules.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewWebhook {
    /// `https://…` (plain `http://` only to this machine).
    #[cfg_attr(feature = "ssr", schema(max_length = 2000))]
    pub url: String,
    /// The kinds of event to send, at least one.
    pub events: Vec<String>,
    /// `json` (the default) or `slack`.
    #[serde(default)]
    #[cfg_attr(feature = "ssr", schema(value_type = WebhookFormat))]
    pub format: String,
}

/// A webhook that passed the rules (the address's own checks are the server's).
#[derive(Debug, Clone, PartialEq)]
pub struct CheckedWebhook {
    pub url: String,
    pub kinds: Vec<EventKind>,
    pub format: WebhookFormat,
}

impl NewWebhook {
    /// The form's rules, field by field (`url`, `events`, `format`).
    pub fn check(&self) -> Result<CheckedWebhook, crate::error::AppError> {
        let mut c = Checks::new();
        let url = c.text("url", self.url.trim(), MAX_WEBHOOK_URL);
        let mut kinds = Vec::new();
        for name in &self.events {
            match EventKind::parse(name.trim()) {
                Some(kind) if !kinds.contains(&kind) => kinds.push(kind),
                Some(_) => {}
                None => c.fail(
                    "events",
                    t_with(
                        "model-webhook-unknown-event",
                        &[("name", name.as_str().into())],
                    ),
                ),
            }
        }
        if self.events.is_empty() {
            c.fail("events", t("model-webhook-choose-event"));
        }
        let format = match self.format.trim() {
            "" => WebhookFormat::Json,
            text => WebhookFormat::parse(text).unwrap_or_else(|| {
                c.fail("format", t("model-webhook-choose-format"));
                WebhookFormat::Json
            }),
        };
        c.into_result()?;
        kinds.sort_by_key(|k| EventKind::ALL.iter().position(|a| a == k));
        Ok(CheckedWebhook { url, kinds, format })
    }
}

/// One webhook in a list. Times are shown as `YYYY-MM-DD HH:MM UTC`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Webhook {
    pub id: i64,
    pub url: String,
    pub events: Vec<EventKind>,
    pub format: WebhookFormat,
    pub created_at: String,
    /// Deliveries given up on after the last attempt, which an administrator may retry.
    pub failed: i64,
    /// Deliveries still to be made (including retries).
    pub pending: i64,
}

/// A new webhook with its signing secret, shown this once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CreatedWebhook {
    pub webhook: Webhook,
    /// Verifies `X-V2mom-Signature`: `sha256=` and the hex HMAC-SHA256 of the body under it.
    pub secret: String,
}

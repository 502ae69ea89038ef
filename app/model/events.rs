//! Events as people and other services see them: what happened (an [`EventKind`]), the
//! webhooks that receive them, their deliveries, and the notifications in the bell.

use super::validate::Checks;
use crate::i18n::{Lang, t, t_with, text, text_with};
use serde::{Deserialize, Serialize};

/// What happened. Webhooks choose the kinds they receive; notifications say them in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum EventKind {
    #[serde(rename = "v2mom.saved")]
    V2momSaved,
    #[serde(rename = "v2mom.submitted")]
    V2momSubmitted,
    #[serde(rename = "v2mom.returned")]
    V2momReturned,
    #[serde(rename = "v2mom.approved")]
    V2momApproved,
    #[serde(rename = "v2mom.published")]
    V2momPublished,
    #[serde(rename = "v2mom.amended")]
    V2momAmended,
    #[serde(rename = "v2mom.archived")]
    V2momArchived,
    #[serde(rename = "check_in.added")]
    CheckInAdded,
    #[serde(rename = "invitation.accepted")]
    InvitationAccepted,
    #[serde(rename = "user.disabled")]
    UserDisabled,
    /// The server reminds an owner that their published V2MOM's measures have had no
    /// check-in for `reminder_check_in_days`.
    #[serde(rename = "reminder.check_in")]
    CheckInReminder,
    /// The server reminds someone that their V2MOM for the current period, which has
    /// started, is not written yet.
    #[serde(rename = "reminder.write")]
    WriteReminder,
}

impl EventKind {
    pub const ALL: [EventKind; 12] = [
        EventKind::V2momSaved,
        EventKind::V2momSubmitted,
        EventKind::V2momReturned,
        EventKind::V2momApproved,
        EventKind::V2momPublished,
        EventKind::V2momAmended,
        EventKind::V2momArchived,
        EventKind::CheckInAdded,
        EventKind::InvitationAccepted,
        EventKind::UserDisabled,
        EventKind::CheckInReminder,
        EventKind::WriteReminder,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::V2momSaved => "v2mom.saved",
            EventKind::V2momSubmitted => "v2mom.submitted",
            EventKind::V2momReturned => "v2mom.returned",
            EventKind::V2momApproved => "v2mom.approved",
            EventKind::V2momPublished => "v2mom.published",
            EventKind::V2momAmended => "v2mom.amended",
            EventKind::V2momArchived => "v2mom.archived",
            EventKind::CheckInAdded => "check_in.added",
            EventKind::InvitationAccepted => "invitation.accepted",
            EventKind::UserDisabled => "user.disabled",
            EventKind::CheckInReminder => "reminder.check_in",
            EventKind::WriteReminder => "reminder.write",
        }
    }

    pub fn parse(text: &str) -> Option<EventKind> {
        EventKind::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// The whole news in words: "Ada submitted for review “Grow the platform”".
    pub fn sentence(self, who: &str, title: &str) -> String {
        self.sentence_in(crate::i18n::language(), who, title)
    }

    /// [`EventKind::sentence`] in `lang` (a mail to its reader).
    pub fn sentence_in(self, lang: Lang, who: &str, title: &str) -> String {
        let id = match self {
            EventKind::V2momSaved => "model-event-saved",
            EventKind::V2momSubmitted => "model-event-submitted",
            EventKind::V2momReturned => "model-event-returned",
            EventKind::V2momApproved => "model-event-approved",
            EventKind::V2momPublished => "model-event-published",
            EventKind::V2momAmended => "model-event-amended",
            EventKind::V2momArchived => "model-event-archived",
            EventKind::CheckInAdded => "model-event-check-in",
            EventKind::InvitationAccepted => "model-event-invitation-accepted",
            EventKind::UserDisabled => "model-event-user-disabled",
            EventKind::CheckInReminder => "model-event-check-in-reminder",
            EventKind::WriteReminder => "model-event-write-reminder",
        };
        text_with(lang, id, &[("who", who.into()), ("title", title.into())])
    }

    /// What happened, after the name of who did it and before the title of the V2MOM:
    /// "Ada *submitted for review* Grow the platform".
    pub fn verb(self) -> String {
        t(match self {
            EventKind::V2momSaved => "model-event-verb-saved",
            EventKind::V2momSubmitted => "model-event-verb-submitted",
            EventKind::V2momReturned => "model-event-verb-returned",
            EventKind::V2momApproved => "model-event-verb-approved",
            EventKind::V2momPublished => "model-event-verb-published",
            EventKind::V2momAmended => "model-event-verb-amended",
            EventKind::V2momArchived => "model-event-verb-archived",
            EventKind::CheckInAdded => "model-event-verb-check-in",
            EventKind::InvitationAccepted => "model-event-verb-invitation-accepted",
            EventKind::UserDisabled => "model-event-verb-user-disabled",
            EventKind::CheckInReminder => "model-event-verb-check-in-reminder",
            EventKind::WriteReminder => "model-event-verb-write-reminder",
        })
    }

    /// What happened to the V2MOM on screen: "Ada saved this V2MOM", or (`me`: the reader
    /// did it) "You saved this V2MOM".
    pub fn about_this_v2mom(self, who: &str, me: bool) -> String {
        let id = match self {
            EventKind::V2momSaved => "model-event-this-saved",
            EventKind::V2momSubmitted => "model-event-this-submitted",
            EventKind::V2momReturned => "model-event-this-returned",
            EventKind::V2momApproved => "model-event-this-approved",
            EventKind::V2momPublished => "model-event-this-published",
            EventKind::V2momAmended => "model-event-this-amended",
            EventKind::V2momArchived => "model-event-this-archived",
            EventKind::CheckInAdded => "model-event-this-check-in",
            EventKind::InvitationAccepted => "model-event-this-invitation-accepted",
            EventKind::UserDisabled => "model-event-this-user-disabled",
            EventKind::CheckInReminder => "model-event-this-check-in-reminder",
            EventKind::WriteReminder => "model-event-this-write-reminder",
        };
        let me = if me { "yes" } else { "no" };
        t_with(id, &[("who", who.into()), ("me", me.into())])
    }

    /// Who did it when no person did: the server itself (a reminder).
    pub fn default_actor(self) -> String {
        self.default_actor_in(crate::i18n::language())
    }

    /// [`EventKind::default_actor`] in `lang`.
    pub fn default_actor_in(self, lang: Lang) -> String {
        match self {
            // The product's name.
            EventKind::CheckInReminder | EventKind::WriteReminder => "v2mom".to_owned(),
            _ => text(lang, "model-someone"),
        }
    }
}

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

/// Where one delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[serde(rename_all = "lowercase")]
pub enum DeliveryState {
    Pending,
    Delivered,
    Failed,
}

impl DeliveryState {
    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryState::Pending => "pending",
            DeliveryState::Delivered => "delivered",
            DeliveryState::Failed => "failed",
        }
    }

    pub fn parse(text: &str) -> Option<DeliveryState> {
        match text {
            "pending" => Some(DeliveryState::Pending),
            "delivered" => Some(DeliveryState::Delivered),
            "failed" => Some(DeliveryState::Failed),
            _ => None,
        }
    }

    pub fn label(self) -> String {
        t(match self {
            DeliveryState::Pending => "model-delivery-pending",
            DeliveryState::Delivered => "model-delivery-delivered",
            DeliveryState::Failed => "model-delivery-failed",
        })
    }
}

/// One event sent (or being sent) to one webhook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WebhookDelivery {
    /// Also sent as `X-V2mom-Delivery`: the same id on every attempt.
    pub id: i64,
    pub event_id: i64,
    pub event: EventKind,
    pub state: DeliveryState,
    pub attempts: i64,
    /// The receiver's last HTTP status, if it answered.
    pub last_status: Option<i64>,
    /// Why the last attempt failed, in a few words (never the receiver's body).
    pub last_error: Option<String>,
    /// When it is tried next (pending), or last changed.
    pub next_at: String,
    pub updated_at: String,
}

/// A webhook and its newest deliveries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct WebhookLog {
    pub webhook: Webhook,
    pub deliveries: Vec<WebhookDelivery>,
}

/// One entry of the bell.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub event: EventKind,
    /// Who did it, if anyone still named.
    pub actor: Option<String>,
    /// The V2MOM it is about: its title and page.
    pub title: String,
    pub link: String,
    pub at: String,
    pub read: bool,
}

/// A page of one's notifications, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notifications {
    pub items: Vec<Notification>,
    pub unread: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_read_back_by_their_names() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.as_str()), Some(kind));
            let json = serde_json::to_string(&kind).unwrap();
            assert_eq!(json, format!("\"{}\"", kind.as_str()));
        }
    }

    #[test]
    fn the_news_reads_in_the_reader_s_language() {
        let kind = EventKind::V2momSubmitted;
        assert_eq!(
            kind.sentence_in(Lang::En, "Ada", "Grow"),
            "Ada submitted for review “Grow”"
        );
        assert_eq!(
            kind.sentence_in(Lang::De, "Ada", "Grow"),
            "Ada hat „Grow“ zur Prüfung eingereicht"
        );
        assert_eq!(EventKind::V2momSaved.default_actor_in(Lang::De), "Jemand");
        assert_eq!(EventKind::WriteReminder.default_actor_in(Lang::De), "v2mom");
    }

    #[test]
    fn a_webhook_needs_a_url_and_known_kinds() {
        let err = NewWebhook::default().check().unwrap_err();
        let text = format!("{err:?}");
        assert!(text.contains("url") && text.contains("events"), "{text}");
        let err = NewWebhook {
            url: "https://example.com/hook".into(),
            events: vec!["v2mom.exploded".into()],
            format: "xml".into(),
        }
        .check()
        .unwrap_err();
        let text = format!("{err:?}");
        assert!(
            text.contains("v2mom.exploded") && text.contains("format"),
            "{text}"
        );
        let ok = NewWebhook {
            url: " https://example.com/hook ".into(),
            events: vec![
                "v2mom.published".into(),
                "v2mom.submitted".into(),
                "v2mom.published".into(),
            ],
            format: String::new(),
        }
        .check()
        .unwrap();
        assert_eq!(ok.url, "https://example.com/hook");
        assert_eq!(
            ok.kinds,
            [EventKind::V2momSubmitted, EventKind::V2momPublished]
        );
        assert_eq!(ok.format, WebhookFormat::Json);
    }
}

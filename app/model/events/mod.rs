//! Events as people and other services see them: what happened (an [`EventKind`]) and how it
//! is said in words. The webhooks that receive them, their deliveries, and the notifications
//! in the bell each have their own file.

mod deliveries;
mod notifications;
mod webhooks;

pub use deliveries::{DeliveryState, WebhookDelivery, WebhookLog};
pub use notifications::{Notification, Notifications};
pub use webhooks::{
    CheckedWebhook, CreatedWebhook, MAX_WEBHOOK_URL, NewWebhook, Webhook, WebhookFormat,
};

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

#[cfg(test)]
mod tests;

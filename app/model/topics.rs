//! What a notification is to the person who gets it, and how they want to hear of it: in
//! the bell always; by mail, on its own or in the daily digest, as they choose per topic.

use crate::i18n::{Lang, text};
use serde::{Deserialize, Serialize};

/// One kind of news for one person. The same event is a different topic to different
/// people: a publication is news of their own V2MOM to its owner, of one up their chain to
/// the owner's reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    /// A report's V2MOM waits for my review.
    ReviewRequested,
    /// Mine came back with a comment.
    Returned,
    /// Mine was approved (and so published).
    Approved,
    Published,
    /// A V2MOM up my reporting line was approved or published.
    UpTheChain,
    Archived,
    /// Someone else checked in on one of my measures.
    CheckIn,
    /// My measures have had no check-in for a while.
    CheckInReminder,
    /// The period has started and my V2MOM for it is not written.
    WriteReminder,
}

impl Topic {
    pub const ALL: [Topic; 9] = [
        Topic::ReviewRequested,
        Topic::Returned,
        Topic::Approved,
        Topic::Published,
        Topic::UpTheChain,
        Topic::Archived,
        Topic::CheckIn,
        Topic::CheckInReminder,
        Topic::WriteReminder,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Topic::ReviewRequested => "review_requested",
            Topic::Returned => "returned",
            Topic::Approved => "approved",
            Topic::Published => "published",
            Topic::UpTheChain => "up_the_chain",
            Topic::Archived => "archived",
            Topic::CheckIn => "check_in",
            Topic::CheckInReminder => "check_in_reminder",
            Topic::WriteReminder => "write_reminder",
        }
    }

    pub fn parse(text: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.as_str() == text)
    }

    /// The settings page's words for it.
    pub fn label(self) -> String {
        self.label_in(crate::i18n::language())
    }

    /// [`Topic::label`] in `lang` (a mail to its reader).
    pub fn label_in(self, lang: Lang) -> String {
        text(
            lang,
            match self {
                Topic::ReviewRequested => "model-topic-review-requested",
                Topic::Returned => "model-topic-returned",
                Topic::Approved => "model-topic-approved",
                Topic::Published => "model-topic-published",
                Topic::UpTheChain => "model-topic-up-the-chain",
                Topic::Archived => "model-topic-archived",
                Topic::CheckIn => "model-topic-check-in",
                Topic::CheckInReminder => "model-topic-check-in-reminder",
                Topic::WriteReminder => "model-topic-write-reminder",
            },
        )
    }

    /// What someone who never chose gets: a mail for what asks something of them or
    /// changes their own plan; the digest for news (publications up the chain, check-ins).
    pub fn default_setting(self) -> TopicSetting {
        let (email, digest) = match self {
            Topic::UpTheChain | Topic::CheckIn => (true, true),
            _ => (true, false),
        };
        TopicSetting {
            topic: self,
            email,
            digest,
        }
    }
}

/// How one person hears of one topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TopicSetting {
    pub topic: Topic,
    /// Mailed as well as in the bell.
    pub email: bool,
    /// In the daily digest rather than on its own (when mailed).
    pub digest: bool,
}

/// How a notification's mail stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailState {
    /// Not mailed (the person does not want it, or no mail is configured).
    None,
    /// To send on its own.
    Due,
    /// Waits for the digest.
    Digest,
    Sent,
    /// The relay refused it at every attempt.
    Failed,
}

impl MailState {
    pub fn as_str(self) -> &'static str {
        match self {
            MailState::None => "none",
            MailState::Due => "due",
            MailState::Digest => "digest",
            MailState::Sent => "sent",
            MailState::Failed => "failed",
        }
    }

    /// A new notification's mail, by the reader's setting.
    pub fn of(setting: TopicSetting, mail_configured: bool) -> MailState {
        match (mail_configured && setting.email, setting.digest) {
            (false, _) => MailState::None,
            (true, false) => MailState::Due,
            (true, true) => MailState::Digest,
        }
    }
}

/// One's notification settings, every topic, as the settings page shows them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NotificationSettings {
    pub topics: Vec<TopicSetting>,
    /// The digest comes once a week rather than each day.
    pub digest_weekly: bool,
    /// Whether this server sends mail at all (`smtp_url`): if not, the page says so.
    pub mail_configured: bool,
}

/// What a mail's "stop mails like this one" link stops, for the page that confirms it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MailLink {
    pub topic: Topic,
    /// Whose mails: the name, so someone holding another's link sees it is not theirs.
    pub name: String,
    /// Mails of the topic are off now.
    pub stopped: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn topics_read_back_by_their_names() {
        for topic in Topic::ALL {
            assert_eq!(Topic::parse(topic.as_str()), Some(topic));
        }
        assert_eq!(Topic::parse("nonsense"), None);
    }

    #[test]
    fn a_notification_is_mailed_only_when_wanted_and_possible() {
        let wanted = Topic::Returned.default_setting();
        assert_eq!(MailState::of(wanted, true), MailState::Due);
        assert_eq!(MailState::of(wanted, false), MailState::None);
        let news = Topic::UpTheChain.default_setting();
        assert_eq!(MailState::of(news, true), MailState::Digest);
        let off = TopicSetting {
            email: false,
            ..wanted
        };
        assert_eq!(MailState::of(off, true), MailState::None);
    }
}

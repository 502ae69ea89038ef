//! Where a V2MOM stands (`draft → in_review → published → archived`) and the changes of
//! stage people ask for.

use crate::i18n::t;
use serde::{Deserialize, Serialize};
use std::{fmt, str::FromStr};

/// Where a V2MOM stands: `draft → in_review → published → archived`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum V2momStatus {
    Draft,
    InReview,
    Published,
    Archived,
}

impl V2momStatus {
    pub const ALL: [V2momStatus; 4] = [
        V2momStatus::Draft,
        V2momStatus::InReview,
        V2momStatus::Published,
        V2momStatus::Archived,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            V2momStatus::Draft => "draft",
            V2momStatus::InReview => "in_review",
            V2momStatus::Published => "published",
            V2momStatus::Archived => "archived",
        }
    }

    pub fn label(self) -> String {
        t(match self {
            V2momStatus::Draft => "model-status-draft",
            V2momStatus::InReview => "model-status-in-review",
            V2momStatus::Published => "model-status-published",
            V2momStatus::Archived => "model-status-archived",
        })
    }

    /// The label as it reads inside a sentence ("This amendment is in review"): lower case
    /// in English.
    pub fn label_in_sentence(self) -> String {
        t(match self {
            V2momStatus::Draft => "model-status-inline-draft",
            V2momStatus::InReview => "model-status-inline-in-review",
            V2momStatus::Published => "model-status-inline-published",
            V2momStatus::Archived => "model-status-inline-archived",
        })
    }

    /// Whether people other than the owner and the managers above may see it.
    pub fn is_public(self) -> bool {
        matches!(self, V2momStatus::Published | V2momStatus::Archived)
    }
}

impl fmt::Display for V2momStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for V2momStatus {
    type Err = ();
    fn from_str(s: &str) -> Result<Self, ()> {
        Self::ALL.into_iter().find(|v| v.as_str() == s).ok_or(())
    }
}

/// A move in the lifecycle, as someone asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum StatusChange {
    /// The owner asks their manager to approve.
    Submit,
    /// The manager approves a V2MOM in review: it is published.
    Approve,
    /// The manager sends a V2MOM in review back to its owner, with a comment.
    Return,
    /// Published straight away (a manager writing for themselves or their team).
    Publish,
    Archive,
}

impl StatusChange {
    pub const ALL: [StatusChange; 5] = [
        StatusChange::Submit,
        StatusChange::Approve,
        StatusChange::Return,
        StatusChange::Publish,
        StatusChange::Archive,
    ];

    /// The status this change leads to from `from`, or `None` when it does not apply there.
    pub fn apply(self, from: V2momStatus) -> Option<V2momStatus> {
        use V2momStatus::*;
        match (self, from) {
            (StatusChange::Submit, Draft) => Some(InReview),
            (StatusChange::Approve, InReview) => Some(Published),
            (StatusChange::Return, InReview) => Some(Draft),
            // A publication is frozen: changing it again is an amendment, which has a status
            // of its own (draft or in review) that these moves apply to.
            (StatusChange::Publish, Draft | InReview) => Some(Published),
            (StatusChange::Archive, Draft | InReview | Published) => Some(Archived),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StatusChange::Submit => "submit",
            StatusChange::Approve => "approve",
            StatusChange::Return => "return",
            StatusChange::Publish => "publish",
            StatusChange::Archive => "archive",
        }
    }

    pub fn label(self) -> String {
        t(match self {
            StatusChange::Submit => "model-change-submit",
            StatusChange::Approve => "model-change-approve",
            StatusChange::Return => "model-change-return",
            StatusChange::Publish => "model-change-publish",
            StatusChange::Archive => "model-change-archive",
        })
    }

    /// Whether the V2MOM must be complete (vision and a method) for this change.
    pub fn needs_complete(self) -> bool {
        matches!(
            self,
            StatusChange::Submit | StatusChange::Approve | StatusChange::Publish
        )
    }
}

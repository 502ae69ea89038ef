//! The home page: what needs the signed-in person now, their V2MOM for the current period,
//! the one above it and (managers) their team's.

use super::{Period, PersonRef, Staleness, V2mom, V2momStatus, V2momSummary};
use serde::{Deserialize, Serialize};

/// What the home page shows a signed-in person for the current period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Home {
    pub period: Option<Period>,
    /// What the person should do next, most pressing first; each is one button away.
    pub needs: Vec<Need>,
    pub mine: Option<V2mom>,
    /// The manager's V2MOM that one's own aligns to, when one may read it.
    pub managers: Option<V2momSummary>,
    /// Managers: everyone below them and where their V2MOM stands.
    pub team: Vec<PersonStatus>,
    /// Managers: their own methods that nobody in the team aligns to yet.
    pub unaligned_methods: Vec<String>,
}

/// Something waiting for the signed-in person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Need {
    /// A direct report's V2MOM waits for the person's review.
    Review { id: i64, owner: PersonRef },
    /// The person's own V2MOM (or its amendment) is a draft; `comment` is why their manager
    /// returned it, empty when it was not returned.
    Finish { id: i64, comment: String },
    /// The person has no V2MOM for the current period yet.
    Write,
    /// The person's published V2MOM has had no check-in for a while.
    CheckIn { id: i64, staleness: Staleness },
}

impl Need {
    /// What to tell the person, and the one link that does it: (text, link text, address).
    pub fn describe(&self, period: &str) -> (String, &'static str, String) {
        match self {
            Need::Review { id, owner } => (
                format!("{}'s V2MOM is waiting for your review.", owner.name),
                "Review it",
                format!("/v2moms/{id}"),
            ),
            Need::Finish { id, comment } if comment.is_empty() => (
                "Your V2MOM is a draft: finish it and submit it for review.".to_owned(),
                "Continue writing",
                format!("/v2moms/{id}/edit"),
            ),
            Need::Finish { id, comment } => (
                format!("Your manager returned your V2MOM: “{comment}”"),
                "Revise it",
                format!("/v2moms/{id}/edit"),
            ),
            Need::Write => (
                format!("You have no V2MOM for {period} yet."),
                "Write it",
                "/v2moms".to_owned(),
            ),
            Need::CheckIn { id, staleness } => (
                format!("{} on your measures.", staleness.label()),
                "Check in",
                format!("/v2moms/{id}"),
            ),
        }
    }
}

/// Someone's V2MOM for a period, as a line in a list (or its absence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonStatus {
    pub person: PersonRef,
    /// Depth below the reader: 1 for a direct report.
    pub depth: u32,
    /// The V2MOM's id and status, when there is one.
    pub v2mom: Option<(i64, V2momStatus)>,
}

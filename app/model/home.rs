//! The home page: what needs the signed-in person now, their V2MOM for the current period,
//! the one above it and (managers) their team's.

use super::{Period, PersonRef, ProgressRow, Staleness, V2mom};
use crate::i18n::{t, t_with};
use serde::{Deserialize, Serialize};

/// What the home page shows a signed-in person for the current period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Home {
    pub period: Option<Period>,
    /// What the person should do next, most pressing first; each is one button away.
    pub needs: Vec<Need>,
    /// The person's own V2MOM for the period, each measure with its progress.
    pub mine: Option<V2mom>,
    /// Whether the person reports to anyone: without a manager, nothing is above them.
    pub has_manager: bool,
    /// The plan above the person: the published V2MOMs of their managers for the period,
    /// the top of the organisation (the company's) first, their own manager's last.
    pub chain: Vec<Above>,
    /// Managers (and administrators): each report's V2MOM and its progress, as the team page
    /// sorts them; empty when nobody reports to them yet. `None` for everyone else.
    pub team: Option<Vec<ProgressRow>>,
    /// Managers: their own methods that nobody in the team aligns to yet.
    pub unaligned_methods: Vec<String>,
    /// Administrators, until the organisation is up and running: the first steps.
    pub checklist: Option<Vec<FirstStep>>,
}

/// A published V2MOM above the person in the reporting line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Above {
    pub id: i64,
    pub owner: PersonRef,
    pub title: String,
    pub vision: String,
    /// Its methods that the person's own methods align to.
    pub aligned_methods: Vec<String>,
}

/// One step of getting an organisation going, and whether it has happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstStep {
    pub step: Step,
    pub done: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// A current planning period exists.
    CreatePeriod,
    /// Someone at the top of the organisation has published a V2MOM for it.
    WriteCompanyV2mom,
    /// Someone besides the administrator has an account or an invitation.
    InvitePeople,
    SetUpSso,
    ConfigureMail,
}

impl Step {
    /// Whether the organisation runs without it (the checklist goes once the others are done).
    pub fn optional(self) -> bool {
        matches!(self, Step::SetUpSso | Step::ConfigureMail)
    }

    /// Whether its page stays worth a visit once done (mail: to send a test email).
    pub fn revisit(self) -> bool {
        self == Step::ConfigureMail
    }

    /// What to do, and the page that does it.
    pub fn describe(self) -> (String, Option<&'static str>) {
        let (id, href) = match self {
            Step::CreatePeriod => ("model-step-create-period", Some("/admin/periods")),
            Step::WriteCompanyV2mom => ("model-step-write-company-v2mom", Some("/v2moms")),
            Step::InvitePeople => ("model-step-invite-people", Some("/admin/people")),
            Step::SetUpSso => ("model-step-set-up-sso", Some("/admin/sso")),
            Step::ConfigureMail => ("model-step-configure-mail", Some("/admin/people#mail")),
        };
        (t(id), href)
    }
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
    pub fn describe(&self, period: &str) -> (String, String, String) {
        match self {
            Need::Review { id, owner } => (
                t_with("model-need-review", &[("name", owner.name.as_str().into())]),
                t("model-need-review-action"),
                format!("/v2moms/{id}"),
            ),
            Need::Finish { id, comment } if comment.is_empty() => (
                t("model-need-finish"),
                t("model-need-finish-action"),
                format!("/v2moms/{id}/edit"),
            ),
            Need::Finish { id, comment } => (
                t_with(
                    "model-need-returned",
                    &[("comment", comment.as_str().into())],
                ),
                t("model-need-returned-action"),
                format!("/v2moms/{id}/edit"),
            ),
            Need::Write => (
                t_with("model-need-write", &[("period", period.into())]),
                t("model-need-write-action"),
                "/v2moms".to_owned(),
            ),
            Need::CheckIn { id, staleness } => (
                t_with(
                    "model-need-check-in",
                    &[("staleness", staleness.label().into())],
                ),
                t("model-need-check-in-action"),
                format!("/v2moms/{id}"),
            ),
        }
    }
}

//! The organisation through a period, as administrators look at it: which teams have their
//! V2MOMs published, how far each team has come, and where the alignment has gaps.

use super::{MethodLink, Period, PersonRef};
use serde::{Deserialize, Serialize};

/// A manager and their direct reports (or, with no manager, the people who have neither a
/// manager nor reports). A manager with a manager of their own is in two teams: as a report
/// in the one above and at the head of their own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct TeamCoverage {
    /// `null` for the people outside every team.
    pub manager: Option<PersonRef>,
    /// Everyone in the team (active or invited), the manager first.
    pub members: u32,
    /// Members whose V2MOM for the period is published (or archived with the period).
    pub published: u32,
    /// Members without a published V2MOM, by name.
    pub missing: Vec<PersonRef>,
    /// 0 to 100: the mean progress of the team's published V2MOMs that have a check-in;
    /// `null` when none has.
    pub progress: Option<f64>,
}

/// The administrators' view of a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct OrganisationOverview {
    /// `null` when no period exists yet.
    pub period: Option<Period>,
    pub periods: Vec<Period>,
    /// Everyone (active or invited) and how many have a published V2MOM.
    pub people: u32,
    pub published: u32,
    /// By manager name; the people outside every team last.
    pub teams: Vec<TeamCoverage>,
    /// Methods of published V2MOMs whose owner has a manager, aligned to no method above.
    pub unaligned: Vec<MethodLink>,
    /// Methods of published V2MOMs whose owner leads a team, that no published V2MOM of the
    /// period aligns to.
    pub unclaimed: Vec<MethodLink>,
}

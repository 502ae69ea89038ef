//! What a client asks of the V2MOM use cases and what it gets back, beyond the V2MOM itself.

use super::Period;
use serde::{Deserialize, Serialize};

/// What a new V2MOM starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum StartFrom {
    #[default]
    Blank,
    /// Vision and values of the owner's manager's published V2MOM for the same period.
    Manager,
    /// Everything from the owner's V2MOM of the period before.
    Previous,
}

/// A V2MOM started, or the one the owner already had for the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Started {
    pub id: i64,
    /// False when the owner already had one: nothing was created.
    pub created: bool,
}

/// The answer to a successful save: the new version to name next time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub version: i64,
}

/// Whose V2MOM the reader may start, and for which periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StartOptions {
    pub owners: Vec<(i64, String)>,
    pub periods: Vec<Period>,
}

/// The answer to closing a period: its name and how many V2MOMs it archived.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ClosedPeriod {
    pub period: String,
    /// The V2MOMs archived now (those archived before are not counted).
    pub archived: i64,
}
